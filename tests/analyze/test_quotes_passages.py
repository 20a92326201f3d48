"""Who a pronoun stands for, short and fragmentary quotes, and passages quoted in parts, on invented
reports of invented events."""

from __future__ import annotations

import pytest

from newsprism.analyze.quotes import MIN_ATTRIBUTED_WORDS, group_quotes

from .quoting import LEXICAL, mentions, outlets, quotes, wholes

# --- who a pronoun stands for --------------------------------------------------------------------


def test_a_relative_who_marks_the_person_a_pronoun_stands_for() -> None:
    text = (
        "Mr Anton Weiler, 61, drove the first truck across. Selma Varga, who ran the ferry for a decade, "
        "watched from the bank. “I never thought I would see this bridge finished,” she said."
    )
    assert quotes(text) == [("I never thought I would see this bridge finished", "Selma Varga")]
    text = "Teodor Blum, whose farm lies below the dam, stood at the gate. “The water rose a metre an hour,” he said."
    assert quotes(text) == [("The water rose a metre an hour", "Teodor Blum")]


def test_a_place_before_a_relative_who_is_no_person() -> None:
    text = (
        "Mayor Lutz Ebner opened the hall. Families from Kestrel Bay, who lost their homes, "
        "queued for blankets. “We have room for two hundred more tonight,” he said."
    )
    assert quotes(text) == [("We have room for two hundred more tonight", "Lutz Ebner")]


def test_a_relative_who_in_an_earlier_paragraph_is_no_antecedent() -> None:
    text = (
        "Mayor Lutz Ebner opened the hall.\n\n"
        "Selma Varga, who ran the ferry, was there.\n\n"
        "“We have room for two hundred more tonight,” he said."
    )
    assert quotes(text) == [("We have room for two hundred more tonight", "Lutz Ebner")]


def test_a_name_that_spoke_to_an_audience_is_the_antecedent() -> None:
    text = (
        "Governor Pia Lund, the outgoing governor, left early. Rosa Imbert spoke to a packed hall after midnight. "
        "“From tomorrow we start on the clinics and the buses,” she said."
    )
    assert quotes(text) == [("From tomorrow we start on the clinics and the buses", "Rosa Imbert")]


def test_a_capitalised_speech_verb_inside_a_name_reports_nothing() -> None:
    # "States" in "the United States" is no verb: "he" is the titled person, not "United"
    text = (
        "Director Emil Strand flew in from the United States for the opening. "
        "“The line will carry its first passengers in June,” he said."
    )
    assert quotes(text) == [("The line will carry its first passengers in June", "Emil Strand")]


# --- subjects and attributions -------------------------------------------------------------------


def test_a_name_of_a_body_after_the_speaker_is_not_the_speaker() -> None:
    text = (
        "“The depot stays open until the talks end,” Irma Falk of the Harbour Workers Guild told reporters."
    )
    assert quotes(text) == [("The depot stays open until the talks end", "Irma Falk")]


def test_a_titled_name_after_of_is_still_the_speaker() -> None:
    text = "“Rates will stay where they are this winter,” Bank of Tarnow chief economist Jana Ruzicka said."
    assert quotes(text) == [("Rates will stay where they are this winter", "Jana Ruzicka")]


def test_according_to_at_the_end_of_the_sentence_attributes_its_fragments() -> None:
    text = (
        "The merger was “the only way to keep the mill running” and “a relief for every supplier” in the "
        "valley, according to chairman Otto Brenner."
    )
    assert quotes(text) == [
        ("the only way to keep the mill running", "Otto Brenner"),
        ("a relief for every supplier", "Otto Brenner"),
    ]


def test_according_to_in_the_next_sentence_attributes_nothing() -> None:
    text = "“The mill will run until spring,” the notice read. The talks failed, according to chairman Otto Brenner."
    assert quotes(text) == [("The mill will run until spring", None)]


def test_a_short_quote_counts_when_a_person_says_it() -> None:
    assert MIN_ATTRIBUTED_WORDS == 3
    text = "Council leader Hana Drost said her group was “open to compromise” but would not back the tax."
    assert quotes(text) == [("open to compromise", "Hana Drost")]
    assert quotes("“We will appeal,” Hana Drost said.") == [("We will appeal", "Hana Drost")]


def test_a_short_quote_nobody_says_is_a_scare_quote() -> None:
    assert quotes("The so-called “green corridor plan” was shelved after the vote.") == []
    assert quotes("Analysts called the vote a “foregone conclusion” on Monday.") == []


# --- passages quoted in parts --------------------------------------------------------------------


def test_a_quote_continued_under_a_pronoun_for_the_same_speaker_is_one_passage() -> None:
    text = (
        "“The harbour is open again,” Mayor Ilse Rauch told fishermen on the quay. "
        "“Every boat can sail from Monday,” she said."
    )
    assert quotes(text) == [
        ("The harbour is open again", "Ilse Rauch"),
        ("Every boat can sail from Monday", "Ilse Rauch"),
    ]
    whole = text[1 : text.index("Monday") + len("Monday")]
    assert wholes(text) == [whole, whole]


def test_a_pronoun_for_another_speaker_starts_another_quote() -> None:
    text = (
        "Captain Piet Olsen stood by. “The harbour is open again,” Mrs Ilse Rauch told fishermen "
        "on the quay. “Not every boat can sail yet,” he said."
    )
    assert [s for _, s in quotes(text)] == ["Ilse Rauch", "Piet Olsen"]
    assert wholes(text) == [None, None]


def test_fragments_a_few_words_apart_in_one_sentence_are_one_passage() -> None:
    text = (
        "The move is “the only way to keep the mill running” for now and “a relief for every supplier”, "
        "according to chairman Otto Brenner."
    )
    whole = text[text.index("the only") : text.index("supplier") + len("supplier")]
    assert wholes(text) == [whole, whole]


def test_fragments_far_apart_or_without_one_speaker_are_two_quotes() -> None:
    text = (
        "“The mill has been sold to a buyer from abroad” and figures from the regional office show that the "
        "losses “reached four million euros last year,” chairman Otto Brenner said."
    )
    assert wholes(text) == [None, None]
    text = "The “green corridor plan for the valley” and “a relief for every supplier” were both dropped."
    assert wholes(text) == [None, None]


# --- grouping ------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoder", ["lexical", "minilm"])
def test_a_partial_quote_in_a_paraphrase_joins_the_full_quote_of_its_speaker(
    encoder: str, request: pytest.FixtureRequest
) -> None:
    enc = LEXICAL if encoder == "lexical" else request.getfixturevalue("minilm")
    ms = mentions(
        a="“We will rebuild every school before the rains. I will be the mayor of everyone, of those who "
        "voted for us and of those who stayed at home,” Mayor Tomas Ruiz said.",
        b="Tomas Ruiz promised on Sunday to be “the mayor of everyone” once the count was over.",
        c="“The harbour will need a new breakwater before the winter storms,” Mayor Tomas Ruiz said.",
    )
    qs = group_quotes(ms, enc)
    assert sorted(outlets(q) for q in qs) == [["a", "b"], ["c"]]
    assert all(q.speaker == "Tomas Ruiz" for q in qs)


def test_a_partial_quote_of_another_speaker_stays_apart() -> None:
    ms = mentions(
        a="“We will rebuild every school before the rains. I will be the mayor of everyone, of those who "
        "voted for us and of those who stayed at home,” Mayor Tomas Ruiz said.",
        b="Opposition leader Marta Sol said she, too, would be “the mayor of everyone” if elected.",
    )
    qs = group_quotes(ms, LEXICAL)
    assert sorted(outlets(q) for q in qs) == [["a"], ["b"]]


def test_a_partial_quote_of_one_content_word_proves_nothing() -> None:
    ms = mentions(
        a="“We will rebuild every school before the rains, and then we will do it all again,” Mayor Tomas Ruiz said.",
        b="Tomas Ruiz said the town would “do it all again” if needed.",
    )
    qs = group_quotes(ms, LEXICAL)
    assert sorted(outlets(q) for q in qs) == [["a"], ["b"]]


@pytest.mark.parametrize("variant", ["continued", "fragments"])
def test_a_passage_quoted_in_parts_is_one_piece_of_evidence(variant: str) -> None:
    b = {
        "continued": "“The harbour is open again,” Mayor Ilse Rauch told fishermen on the quay. "
        "“Every boat can sail from Monday,” she said.",
        "fragments": "The news is that “the harbour is open again” this week and “every boat can sail from "
        "Monday”, according to Mayor Ilse Rauch.",
    }[variant]
    ms = mentions(
        a="“The harbour is open again, and every boat can sail from Monday,” said Mayor Ilse Rauch.",
        b=b,
    )
    [q] = group_quotes(ms, LEXICAL)
    assert outlets(q) == ["a", "b"] and q.speaker == "Ilse Rauch"
