"""Names, titles and pronouns behind quote speakers (the speakers module), on invented sentences."""

from __future__ import annotations

import pytest

from newsprism.analyze.speakers import (
    HONORIFICS,
    TITLES,
    SpeakerIndex,
    fullest_name,
    looks_like_organisation,
    name_mentions,
    names_match,
    strip_honorifics,
)


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Mr Lee Min-jun", "Lee Min-jun"),
        ("Dr. Amira Haddad", "Amira Haddad"),
        ("Ukrainian President Maria Lopez", "Maria Lopez"),
        ("Health Minister Oluwaseun Adeyemi", "Oluwaseun Adeyemi"),
        ("Ana Silva", "Ana Silva"),
    ],
)
def test_strip_honorifics(raw: str, name: str) -> None:
    assert strip_honorifics(raw) == name


def test_tables_are_lower_case_single_words() -> None:
    for word in HONORIFICS | TITLES:
        assert word == word.lower() and " " not in word


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Nadia Karimova", "Karimowa"),  # transliteration variant
        ("Farid Aliyev", "Farid Aliev"),
        ("Mr Lee", "Lee Min-jun"),  # family name first
        ("Min-jun Lee", "Lee Min-jun"),  # the same words in another order
        ("Jonas Weber", "Chancellor Weber"),
        ("Park Seo-yeon", "Park Seo Yeon"),
    ],
)
def test_names_that_match(a: str, b: str) -> None:
    assert names_match(a, b) and names_match(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("John Smith", "Anna Smyth"),
        ("Park Ji-hoon", "Park Su-bin"),
        ("Ana Silva", "Pedro Costa"),
        ("Lee", "Li"),
        ("", "Ana Silva"),
    ],
)
def test_names_that_do_not_match(a: str, b: str) -> None:
    assert not names_match(a, b)


def test_fullest_name_prefers_more_words_then_the_common_spelling() -> None:
    assert fullest_name(["Karimova", "Nadia Karimova", "Nadia Karimowa", "Nadia Karimova"]) == "Nadia Karimova"
    assert fullest_name([]) is None


def test_name_mentions_strip_titles_and_skip_quotes_and_dates() -> None:
    text = "On Monday Health Minister Oluwaseun Adeyemi met Mr. Dan Ito, 54. “Ask Pedro Costa,” Ito said."
    quote = text.index("Ask"), text.index("Costa") + len("Costa")
    names = [m.name for m in name_mentions(text, [quote]) if m.name]
    assert names == ["Oluwaseun Adeyemi", "Dan Ito", "Ito"]


def test_possessive_and_titles_after_the_name() -> None:
    text = "Ana Silva, a lawmaker from Braga, criticised Costa's budget."
    ms = {m.name: m for m in name_mentions(text)}
    assert "lawmaker" in ms["Ana Silva"].titles
    assert ms["Costa"].possessive


def test_index_resolves_pronouns_titles_and_short_names() -> None:
    text = (
        "Prime Minister Farid Aliyev met President Nadia Karimova and Mr Tural Guliyev in Baku. "
        "Later Guliyev left. She spoke. He spoke. The president spoke. Karimova spoke."
    )
    index = SpeakerIndex(text, [])
    assert index.pronoun("she", text.index("She")) == "Nadia Karimova"
    assert index.pronoun("he", text.index("He spoke")) == "Tural Guliyev"
    assert index.title("president", text.index("The president")) == "Nadia Karimova"
    assert index.title("minister", text.index("The president")) == "Farid Aliyev"
    assert index.fullest("Karimova", len(text)) == "Nadia Karimova"
    assert index.pronoun("they", len(text)) is None


def test_index_without_persons_resolves_nothing() -> None:
    text = "The storm reached Braga and Porto on Tuesday. He spoke."
    index = SpeakerIndex(text, [])
    assert index.pronoun("he", len(text)) is None
    assert index.title("mayor", len(text)) is None


def test_a_headline_in_title_case_is_not_a_fuller_name() -> None:
    text = "Costa Opens New Bridge Over River Today\nPedro Costa, the mayor, cut the ribbon."
    index = SpeakerIndex(text, [], ["Costa"])
    assert index.fullest("Costa", len(text)) == "Pedro Costa"


def test_a_title_in_an_appositive_bracketed_by_commas() -> None:
    ms = {m.name: m for m in name_mentions("The current governor, Lina Ostrova, toured the port.")}
    assert "governor" in ms["Lina Ostrova"].titles
    # no closing comma: "the governor" is what the clause is about, not the name's title
    ms = {m.name: m for m in name_mentions("Asked about the governor, Rolf Danner declined to comment.")}
    assert ms["Rolf Danner"].titles == ()


def test_reporters_count_for_a_pronoun_only_in_its_own_paragraph() -> None:
    text = "Dana Whitlock said the budget was final.\n\nShe spoke. Ivo Brandt said the vote was rushed. He spoke."
    reporters = [("Dana Whitlock", 0), ("Ivo Brandt", text.index("Ivo"))]
    index = SpeakerIndex(text, [], reporters=reporters)
    para = text.index("She")
    assert index.pronoun("she", para, since=para) is None
    assert index.pronoun("she", para, since=0) == "Dana Whitlock"
    assert index.pronoun("he", text.index("He spoke"), since=para) == "Ivo Brandt"
    assert index.pronoun("he", text.index("He spoke")) is None  # without a paragraph, reporters are ignored


# --- an appositive title after the name ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Kofi Mensah, the union's regional secretary, spoke first.", "secretary"),
        ("Kofi Mensah, the party’s deputy leader, spoke first.", "leader"),
        ("Kofi Mensah, head of the water agency, spoke first.", "head"),
        ("Kofi Mensah, a former minister, spoke first.", "minister"),
        ("Kofi Mensah, the company's chief operating officer, spoke first.", "officer"),
    ],
)
def test_a_title_in_an_appositive_after_the_name(text: str, title: str) -> None:
    [m] = [m for m in name_mentions(text) if m.name == "Kofi Mensah"]
    assert title in m.titles
    assert SpeakerIndex(text, []).is_person("Kofi Mensah")


@pytest.mark.parametrize(
    "text",
    [
        "Kofi Mensah, the mayor's daughter, spoke first.",  # a possessive title is someone else's
        "Braga, the region's capital, was flooded.",
        "They met Kofi Mensah, then the mayor arrived.",  # a new clause, not an appositive
        "Kofi Mensah, Lina Ostrova and the mayor spoke.",
    ],
)
def test_no_title_in_an_appositive_that_describes_no_role(text: str) -> None:
    for m in name_mentions(text):
        assert m.titles == ()


def test_a_title_in_an_appositive_before_the_name_with_a_possessive() -> None:
    ms = {m.name: m for m in name_mentions("The agency's head, Lina Ostrova, toured the port.")}
    assert "head" in ms["Lina Ostrova"].titles


def test_a_pronoun_after_a_name_with_an_appositive_title_stands_for_it() -> None:
    text = "Kofi Mensah, the union's regional secretary, accused the firm of lying. He spoke."
    assert SpeakerIndex(text, []).pronoun("he", text.index("He spoke")) == "Kofi Mensah"


# --- a pronoun stands for a person, never for a body ------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Harbour Council", "Vostok Mining Company", "Oakridge Ltd", "Regional Health Agency", "Westfield Police",
     "Allied Transport Union", "Ministry of Health"],
)
def test_names_of_bodies(name: str) -> None:
    assert looks_like_organisation(name)


@pytest.mark.parametrize("name", ["Kofi Mensah", "Lina Ostrova", "Mr Tural Guliyev", "Ana de Souza"])
def test_names_of_persons_are_no_bodies(name: str) -> None:
    assert not looks_like_organisation(name)


def test_a_pronoun_skips_a_body_that_reports_speech() -> None:
    text = "Dr Lina Ostrova runs the clinic. The Harbour Council said it would help. She spoke."
    reporters = [("Harbour Council", text.index("Harbour"))]
    index = SpeakerIndex(text, [], ["Harbour Council"], reporters=reporters)
    assert index.pronoun("she", text.index("She spoke"), since=0) == "Lina Ostrova"


def test_a_pronoun_skips_a_name_after_the() -> None:
    text = "Kofi Mensah, 52, runs the shelter. The Red Cross said it sent boats. He spoke."
    index = SpeakerIndex(text, [], ["Red Cross"], reporters=[("Red Cross", text.index("Red"))])
    assert index.pronoun("he", text.index("He spoke"), since=0) == "Kofi Mensah"


def test_a_pronoun_with_only_a_body_before_it_resolves_to_nobody() -> None:
    text = "Vostok Mining Company said the shaft was sealed. She spoke."
    index = SpeakerIndex(text, [], ["Vostok Mining Company"], reporters=[("Vostok Mining Company", 0)])
    assert index.pronoun("she", text.index("She spoke"), since=0) is None


def test_a_titled_person_after_the_is_no_body() -> None:
    text = "The Interior Minister, Lina Ostrova, toured the port. She spoke."
    assert SpeakerIndex(text, []).pronoun("she", text.index("She spoke")) == "Lina Ostrova"


def test_a_bare_title_does_not_fall_back_to_a_body() -> None:
    text = "The Harbour Council said it would help. The spokesman spoke."
    index = SpeakerIndex(text, [], ["Harbour Council"])
    assert index.title("spokesman", text.index("The spokesman")) is None


# --- a role word before a name, and "it" for a body -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Passenger Mira Holt said the cabin went dark.", "Mira Holt", "passenger"),
        ("Witness Tomasz Wren saw the van leave.", "Tomasz Wren", "witness"),
        ("Resident Ada Quist, 71, left by boat.", "Ada Quist", "resident"),
        ("Shopper Li Wen ran for the exit.", "Li Wen", "shopper"),
    ],
)
def test_a_role_word_opening_a_sentence_is_not_part_of_the_name(text: str, name: str, role: str) -> None:
    [m] = [m for m in name_mentions(text) if m.name]
    assert m.name == name and role in m.titles
    assert SpeakerIndex(text, []).is_person(name)
    assert strip_honorifics(f"{role.title()} {name}") == name
    assert names_match(f"{role.title()} {name}", name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Witness met the press.", "Witness"),  # a role word alone stays a word
        ("Mira Holt Witness Fund paid out.", "Mira Holt Witness Fund"),  # inside a run it is a word
        ("The Driver family sold the farm.", "Driver"),  # a role word as a family name, alone
    ],
)
def test_a_role_word_is_kept_when_no_name_follows_it_at_the_start(text: str, name: str) -> None:
    assert name in [m.name for m in name_mentions(text)]


def test_it_stands_for_the_latest_body_of_its_paragraph() -> None:
    text = "The Harbour Council met Mayor Ana Ruiz on Monday. It said the pier would close."
    index = SpeakerIndex(text, [])
    assert index.pronoun("it", text.index("It said"), since=0) == "Harbour Council"


def test_it_never_stands_for_a_person_or_a_place() -> None:
    text = "Mayor Ana Ruiz toured Leeds on Monday. It said the pier would close."
    assert SpeakerIndex(text, []).pronoun("it", text.index("It said"), since=0) is None


def test_it_does_not_reach_into_an_earlier_paragraph() -> None:
    text = "The Harbour Council met on Monday.\n\nMayor Ana Ruiz spoke. It said the pier would close."
    since = text.index("Mayor")
    assert SpeakerIndex(text, []).pronoun("it", text.index("It said"), since=since) is None


def test_he_and_she_still_skip_a_body_when_it_is_resolvable() -> None:
    text = "Mayor Ana Ruiz met the Harbour Council. She said the pier would close."
    assert SpeakerIndex(text, []).pronoun("she", text.index("She said"), since=0) == "Ana Ruiz"


@pytest.mark.parametrize("name", ["Nordhavn Airways", "Blue Sky Airways"])
def test_an_airways_name_is_a_body(name: str) -> None:
    assert looks_like_organisation(name)
