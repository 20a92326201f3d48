"""Finding direct quotes and their speakers, on invented articles in many quoting styles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.analyze.quotes import MIN_QUOTE_WORDS, SPEECH_VERBS, find_quotes

from .quoting import art, quotes, wholes

# --- quotation styles ----------------------------------------------------------------------------


def test_straight_double_quotes_after_a_named_speaker() -> None:
    text = 'The mayor of Tarnow, Ewa Kowal, spoke on Friday. "We will rebuild the bridge before winter," Kowal said.'
    assert quotes(text) == [("We will rebuild the bridge before winter", "Ewa Kowal")]


def test_curly_quotes_with_inverted_attribution_and_a_role_before_the_name() -> None:
    text = "“The harvest is the worst in twenty years,” said grain farmer Tomas Ruiz, who grows wheat."
    assert quotes(text) == [("The harvest is the worst in twenty years", "Tomas Ruiz")]


def test_guillemets_with_french_spacing() -> None:
    text = "Minister Anne Dubois said: « Nous ne céderons jamais devant la menace »."
    assert quotes(text) == [("Nous ne céderons jamais devant la menace", "Anne Dubois")]


def test_german_low_high_quotes() -> None:
    text = "Chancellor Jonas Weber said: „Wir werden die Brücke bis Dezember wieder öffnen.“"
    assert quotes(text) == [("Wir werden die Brücke bis Dezember wieder öffnen.", "Jonas Weber")]


def test_single_curly_quotes_with_title_reference() -> None:
    text = "Mayor Ewa Kowal toured the flooded streets.\n‘The river has never risen this fast,’ the mayor said."
    assert quotes(text) == [("The river has never risen this fast", "Ewa Kowal")]


def test_single_straight_quotes_and_an_honorific() -> None:
    text = "'We have enough clean water for three days,' said Dr Amira Haddad."
    assert quotes(text) == [("We have enough clean water for three days", "Amira Haddad")]


def test_apostrophes_are_not_quotes() -> None:
    text = "The Workers' Party did not comment, and the party's leader said he didn't know about the teachers' plan."
    assert quotes(text) == []


def test_inch_and_foot_marks_are_not_quotes() -> None:
    text = "The new tablet has a 7\" screen and weighs less than the old 10\" model sold in Lagos last year."
    assert quotes(text) == []
    text = 'The wall is 6\' high. "The wall will not stop the flood waters," said engineer Pavel Novak.'
    assert quotes(text) == [("The wall will not stop the flood waters", "Pavel Novak")]


def test_apostrophes_inside_a_quote_do_not_cut_it() -> None:
    text = "“We don't know if Kim's family is safe,” said Jae Park."
    assert quotes(text) == [("We don't know if Kim's family is safe", "Jae Park")]


def test_plural_possessive_inside_a_single_quoted_quote() -> None:
    text = "‘The teachers’ union will strike on Monday if talks fail,’ Ana Silva said."
    assert quotes(text) == [("The teachers’ union will strike on Monday if talks fail", "Ana Silva")]


def test_quote_opened_with_one_style_and_closed_with_another() -> None:
    text = "“The port will stay closed until the storm passes» harbour master Lars Berg said."
    assert quotes(text) == [("The port will stay closed until the storm passes", "Lars Berg")]


def test_missing_opening_mark_starts_the_quote_at_the_paragraph() -> None:
    text = (
        "Lars Berg runs the harbour.\n\n"
        "The port will stay closed until the storm passes,” Mr Berg said on Tuesday.\n"
    )
    assert quotes(text) == [("The port will stay closed until the storm passes", "Lars Berg")]


def test_missing_closing_mark_runs_to_the_end_of_the_paragraph() -> None:
    text = (
        "Harbour master Lars Berg said the ferries were “unsafe in winds of this strength and will stay in port\n\n"
        "The next crossing is planned for Thursday."
    )
    assert quotes(text) == [("unsafe in winds of this strength and will stay in port", "Lars Berg")]


def test_scare_quotes_are_not_quotes() -> None:
    text = (
        "Officials called the plan a “significant step” toward recovery and told crews to 'stand down' "
        "while the so-called “grey zone” was cleared."
    )
    assert quotes(text) == []


def test_threshold_is_four_words() -> None:
    assert MIN_QUOTE_WORDS == 4
    assert [t for t, _ in quotes("Ana Silva called it “a very bad deal” on Monday.")] == ["a very bad deal"]
    assert quotes("Ana Silva called it “a bad deal” on Monday.") == []


def test_quoted_words_inside_a_quote_are_not_separate() -> None:
    text = "“When they told me ‘leave your house now, the water is coming’ I did not believe them,” said Maria Lopez."
    assert quotes(text) == [
        ("When they told me ‘leave your house now, the water is coming’ I did not believe them", "Maria Lopez")
    ]


def test_nested_curly_quotes_inside_guillemets() -> None:
    text = "« Le préfet m’a dit “partez tout de suite” et nous sommes partis », raconte la maire Claire Roux."
    found = quotes(text)
    assert [t for t, _ in found] == ["Le préfet m’a dit “partez tout de suite” et nous sommes partis"]


# --- attribution ---------------------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["said", "says", "declared", "added", "stated", "claimed", "noted", "warned"])
def test_name_then_speech_verb(verb: str) -> None:
    assert verb in SPEECH_VERBS
    text = f"“The dam will hold through the weekend,” engineer Pavel Novak {verb}."
    assert quotes(text) == [("The dam will hold through the weekend", "Pavel Novak")]


def test_inverted_attribution_with_a_titled_name_and_a_date() -> None:
    text = "“Every clinic will have vaccines by March,” said Health Minister Oluwaseun Adeyemi on Tuesday."
    assert quotes(text) == [("Every clinic will have vaccines by March", "Oluwaseun Adeyemi")]


def test_according_to_after_the_quote() -> None:
    text = "“The dam is safe for now,” according to engineer Pavel Novak of the water board."
    assert quotes(text) == [("The dam is safe for now", "Pavel Novak")]


def test_according_to_before_the_quote() -> None:
    text = "According to Pavel Novak, “the dam is safe for now but the rain will test it”."
    assert quotes(text) == [("the dam is safe for now but the rain will test it", "Pavel Novak")]


def test_wrote_on_a_platform_before_the_quote() -> None:
    text = "Pavel Novak wrote on Telegram: “The water level fell overnight by forty centimetres.”"
    assert quotes(text) == [("The water level fell overnight by forty centimetres.", "Pavel Novak")]


def test_told_reporters() -> None:
    text = "“We expect the first boats back on Sunday,” Pavel Novak told reporters in Brno."
    assert quotes(text) == [("We expect the first boats back on Sunday", "Pavel Novak")]


def test_said_in_a_statement() -> None:
    text = "“The company regrets the delay to all passengers,” Ines Moreau said in a statement."
    assert quotes(text) == [("The company regrets the delay to all passengers", "Ines Moreau")]


def test_he_resolves_to_the_last_named_person() -> None:
    text = (
        "Governor Luis Ortega visited the shelter in Cabo Rojo on Sunday.\n"
        "“We will not leave anyone behind on this island,” he said."
    )
    assert quotes(text) == [("We will not leave anyone behind on this island", "Luis Ortega")]


def test_she_skips_a_man_named_later() -> None:
    text = (
        "Ms Clara Voss met Mr Hugo Brandt at the border crossing.\n"
        "“Nobody here wants another closure of the road,” she said."
    )
    assert quotes(text) == [("Nobody here wants another closure of the road", "Clara Voss")]


def test_names_inside_a_quote_are_not_antecedents() -> None:
    text = (
        "President Nadia Karimova spoke after the vote.\n"
        "“I thank Farid Aliyev and his team for their patience,” she said."
    )
    assert quotes(text)[0][1] == "Nadia Karimova"


def test_title_prefers_the_person_who_carries_it() -> None:
    text = (
        "President Nadia Karimova met Prime Minister Farid Aliyev in Baku on Monday.\n"
        "“The border talks will resume next month,” the president said."
    )
    assert quotes(text) == [("The border talks will resume next month", "Nadia Karimova")]


def test_spokesperson_title_and_participle_attribution() -> None:
    text = (
        "Ministry spokesperson Irina Volk declined to comment on Kowal’s plan on Monday, Oct. 6, stating, "
        "“We do not discuss rumours about the bridge.”"
    )
    assert quotes(text) == [("We do not discuss rumours about the bridge.", "Irina Volk")]


def test_short_name_resolves_to_the_fullest_form() -> None:
    text = (
        "Lee Min-jun, a lawmaker on the budget committee, met farmers on Friday.\n"
        "“The subsidy will reach every village this year,” Mr Lee said."
    )
    assert quotes(text) == [("The subsidy will reach every village this year", "Lee Min-jun")]


def test_unattributed_quote_paragraph_continues_the_previous_speaker() -> None:
    text = (
        "“The first trains will run on Monday,” rail chief Ewa Kowal said.\n\n"
        "“After that we will add a night service for the miners.”\n"
    )
    assert quotes(text) == [
        ("The first trains will run on Monday", "Ewa Kowal"),
        ("After that we will add a night service for the miners.", "Ewa Kowal"),
    ]


def test_no_continuation_across_an_ordinary_paragraph() -> None:
    text = (
        "“The first trains will run on Monday,” rail chief Ewa Kowal said.\n\n"
        "The line was closed for six weeks.\n\n"
        "“After that we will add a night service for the miners.”\n"
    )
    assert quotes(text)[1] == ("After that we will add a night service for the miners.", None)


def test_second_part_of_a_split_quote() -> None:
    text = "“We will rebuild the school,” Mayor Ewa Kowal said, “and the children will be back by spring.”"
    assert quotes(text) == [
        ("We will rebuild the school", "Ewa Kowal"),
        ("and the children will be back by spring.", "Ewa Kowal"),
    ]


def test_two_quotes_in_one_sentence_share_the_attribution() -> None:
    text = (
        "“The toll has risen again overnight” and the number of injured “is now above two hundred,” "
        "Mayor Ewa Kowal said."
    )
    assert [s for _, s in quotes(text)] == ["Ewa Kowal", "Ewa Kowal"]


def test_subject_with_appositives_before_the_verb() -> None:
    text = "Mr. Dan Ito, 54, a rice farmer, said: “The rain came too late for the corn.”"
    assert quotes(text) == [("The rain came too late for the corn.", "Dan Ito")]
    text = "“We want the road open by Friday,” the farmers’ leader, Dan Ito, said."
    assert quotes(text) == [("We want the road open by Friday", "Dan Ito")]


def test_a_name_earlier_in_a_long_clause_is_not_the_subject() -> None:
    text = "Ewa Kowal arrived at noon, and the crowd, angry, said “we want the road open now”."
    assert quotes(text) == [("we want the road open now", None)]


def test_speech_quoted_over_two_paragraphs_takes_the_later_attribution() -> None:
    text = (
        "“The first part of the speech was about the mines and the jobs they gave\n\n"
        "“The second part was about what comes after coal,” said Senator Ruth Okafor."
    )
    assert [s for _, s in quotes(text)] == ["Ruth Okafor", "Ruth Okafor"]


@pytest.mark.parametrize("subject", ["a resident", "a senior official", "one witness", "officials"])
def test_anonymous_sources_stay_unresolved(subject: str) -> None:
    text = f"Mayor Ewa Kowal opened the shelter.\n“We were told nothing at all about the flood,” {subject} said."
    assert quotes(text) == [("We were told nothing at all about the flood", None)]


def test_a_following_sentence_in_reported_speech_is_no_attribution() -> None:
    text = "“We are ready for the storm.” The mayor said that the plan would cost more than expected."
    assert quotes(text) == [("We are ready for the storm.", None)]


def test_quote_embedded_in_reported_speech_takes_its_subject() -> None:
    text = "Mayor Ewa Kowal visited the site.\nShe said the new levee would “hold back a flood twice this size”."
    assert quotes(text) == [("hold back a flood twice this size", "Ewa Kowal")]


def test_output_is_deterministic() -> None:
    text = "“We will rebuild the school,” Mayor Ewa Kowal said, “and the children will be back by spring.”"
    assert find_quotes(art(text)) == find_quotes(art(text))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab A.,\n'\"“”‘’«»„ sxyZ")), max_size=120))
def test_spans_always_point_into_the_text(text: str) -> None:
    quotes(text)  # asserts every span and sentence is an exact slice


# --- who reports speech, sentence-initial "according to", appositives ----------------------------


def test_pronoun_stands_for_the_name_that_reported_speech_just_before() -> None:
    text = (
        "Dana Whitlock, who chairs the school board, said the budget was final. "
        "“We cannot reopen the vote now,” she said."
    )
    assert quotes(text) == [("We cannot reopen the vote now", "Dana Whitlock")]
    text = (
        "Omar Haddad, the site foreman at the Keller quarry, said blasting would resume. "
        "\"Nobody will work near the face until it is checked,\" he said."
    )
    assert quotes(text) == [("Nobody will work near the face until it is checked", "Omar Haddad")]


def test_a_reporting_name_in_an_earlier_paragraph_is_no_antecedent() -> None:
    text = "Dana Whitlock said the budget was final.\n\n“We cannot reopen the vote now,” she said."
    assert quotes(text) == [("We cannot reopen the vote now", None)]


def test_a_person_named_after_the_reporting_name_is_the_antecedent() -> None:
    text = (
        "Dana Whitlock said the budget was final. Mayor Ivo Brandt disagreed. "
        "“The vote was rushed through in one night,” he said."
    )
    assert quotes(text) == [("The vote was rushed through in one night", "Ivo Brandt")]


def test_a_reporting_name_of_the_other_gender_is_skipped() -> None:
    text = "Mr Pavel Kral said the pumps had failed. “We are still counting the damage,” she said."
    assert quotes(text) == [("We are still counting the damage", None)]


def test_according_to_at_the_start_of_the_sentence() -> None:
    text = (
        "According to Lena Moritz, the chief of the mountain rescue service, the climbers had been "
        "“roped together for most of the descent” when the slope gave way."
    )
    assert quotes(text) == [("roped together for most of the descent", "Lena Moritz")]


def test_according_to_a_body_that_is_no_name_attributes_nothing() -> None:
    text = "According to the weather service, the storm was “the strongest in forty years” along the coast."
    assert quotes(text) == [("the strongest in forty years", None)]


def test_inverted_title_then_the_name_it_introduces() -> None:
    text = (
        "“The tunnel will stay closed through the weekend,” said the director of the transport authority, "
        "Karl Lindqvist, at a briefing."
    )
    assert quotes(text) == [("The tunnel will stay closed through the weekend", "Karl Lindqvist")]


def test_inverted_title_followed_by_a_clause_is_no_name() -> None:
    text = "“The tunnel will stay closed through the weekend,” said the director, adding that crews were working."
    assert quotes(text) == [("The tunnel will stay closed through the weekend", None)]


def test_a_title_in_an_appositive_before_the_name_marks_a_person() -> None:
    text = (
        "Judge Arno Weiss opened the hearing. The current governor, Lina Ostrova, who took office in May, "
        "watched from the gallery. «The whole province was cheated twice», she affirmed."
    )
    assert quotes(text) == [("The whole province was cheated twice", "Lina Ostrova")]


# --- quotes split by their attribution -----------------------------------------------------------


def test_a_quote_split_by_its_attribution_is_one_passage() -> None:
    text = "“The dam held through the night,” Mayor Ilse Rauch said. “We were lucky, and we know it.”"
    assert quotes(text) == [
        ("The dam held through the night", "Ilse Rauch"),
        ("We were lucky, and we know it.", "Ilse Rauch"),
    ]
    whole = "The dam held through the night,” Mayor Ilse Rauch said. “We were lucky, and we know it."
    assert wholes(text) == [whole, whole]
    text = "\"The dam held through the night,\" she said, \"but the east levee is still leaking badly.\""
    assert wholes(text) == [text[1:-1], text[1:-1]]


def test_two_quotes_with_narrative_between_are_not_one_passage() -> None:
    text = (
        "“The dam held through the night,” Mayor Ilse Rauch said. Crews worked until dawn. "
        "“We were lucky, and we know it,” she added."
    )
    assert wholes(text) == [None, None]
    text = (
        "“The dam held through the night,” Mayor Ilse Rauch said. "
        "She thanked the volunteers. “We were lucky, and we know it.”"
    )
    assert wholes(text) == [None, None]


def test_quotes_in_two_paragraphs_or_by_two_speakers_are_not_one_passage() -> None:
    text = "“The dam held through the night,” Mayor Ilse Rauch said.\n\n“We were lucky, and we know it.”"
    assert wholes(text) == [None, None]
    text = (
        "“The dam held through the night,” Mayor Ilse Rauch said. "
        "“The east levee did not hold at all,” engineer Tomas Berg replied."
    )
    assert wholes(text) == [None, None]
