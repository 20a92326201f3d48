"""Matching one quote's variants across outlets, on invented reports of invented events."""

from __future__ import annotations

import pytest

from newsprism.analyze.embed import Encoder
from newsprism.analyze.quotes import containment, group_quotes, negated

from .quoting import LEXICAL, mentions, outlets, wholes


def test_abridged_variant_joins_the_full_quote() -> None:
    ms = mentions(
        a="“The bridge will reopen in May, and the ferries will keep running until then. We owe that to the "
        "islanders,” Mayor Ewa Kowal said.",
        b="Kowal spoke briefly. “The bridge will reopen in May, and the ferries will keep running,” Kowal said.",
    )
    [q] = group_quotes(ms, LEXICAL)
    assert outlets(q) == ["a", "b"]
    assert q.speaker == "Ewa Kowal"


def test_translated_paraphrase_matches_with_the_sentence_model(minilm: Encoder) -> None:
    ms = mentions(
        a="“We are ready to return the prisoners to their families if the talks in Geneva succeed,” "
        "said Foreign Minister Nadia Karimova.",
        b="“We are prepared to hand the prisoners back to their families should the negotiations in Geneva "
        "succeed,” Karimowa said.",
    )
    [q] = group_quotes(ms, minilm)
    assert outlets(q) == ["a", "b"]
    assert q.speaker == "Nadia Karimova"  # the fullest form, across a transliteration variant


def test_a_reworded_quote_of_one_named_speaker_joins_the_original(minilm: Encoder) -> None:
    # Re-worded by the second outlet: too loose a match for two quotes of unknown speakers.
    said = "“It will take the Kessel docks years, not months, to reopen,” said port director Tomas Reyes."
    ms = mentions(a=said, b="Port director Tomas Reyes was blunt. “The port will need years to reopen, not months,” "
                  "Reyes said.")
    [q] = group_quotes(ms, minilm)
    assert outlets(q) == ["a", "b"]
    # The same words from another person stay apart: the bar is eased only for one named speaker.
    other = mentions(a=said, b="“The port will need years to reopen, not months,” said union leader Marta Ibsen.")
    assert len(group_quotes(other, minilm)) == 2
    unnamed = mentions(a=said.replace(" said port director Tomas Reyes", " a spokesperson said"),
                       b="“The port will need years to reopen, not months,” an official said.")
    assert len(group_quotes(unnamed, minilm)) == 2


@pytest.mark.parametrize("encoder", ["lexical", "minilm"])
def test_same_words_from_different_speakers_are_two_quotes(encoder: str, request: pytest.FixtureRequest) -> None:
    enc = LEXICAL if encoder == "lexical" else request.getfixturevalue("minilm")
    ms = mentions(
        a="“Nobody in this valley will sell their land to the mine,” said farmer Ana Silva.",
        b="“Nobody in this valley will sell their land to the mine,” said mine owner Pedro Costa.",
    )
    qs = group_quotes(ms, enc)
    assert sorted((q.speaker, tuple(outlets(q))) for q in qs) == [("Ana Silva", ("a",)), ("Pedro Costa", ("b",))]


@pytest.mark.parametrize("encoder", ["lexical", "minilm"])
def test_opposite_statements_are_not_merged(encoder: str, request: pytest.FixtureRequest) -> None:
    enc = LEXICAL if encoder == "lexical" else request.getfixturevalue("minilm")
    ms = mentions(
        a="“The bridge will reopen to traffic in May,” Mayor Ewa Kowal said.",
        b="“The bridge will not reopen to traffic before the summer,” Mayor Ewa Kowal said.",
    )
    assert len(group_quotes(ms, enc)) == 2


def test_a_long_quote_does_not_merge_two_quotes_of_one_outlet() -> None:
    ms = mentions(
        a="“The bridge will reopen in May and the ferries will keep running,” Mayor Ewa Kowal said.\n\n"
        "She also spoke about the schools.\n\n"
        "“Our schools will get new roofs before the autumn term starts,” Kowal said.",
        b="“The bridge will reopen in May and the ferries will keep running. Our schools will get new roofs "
        "before the autumn term starts,” Kowal said.",
    )
    qs = group_quotes(ms, LEXICAL)
    assert len(qs) == 2
    assert sorted(outlets(q) for q in qs) == [["a"], ["a", "b"]]
    assert all(len(set(outlets(q))) == len(outlets(q)) for q in qs)


def test_a_long_quote_joins_the_quote_it_shares_most_with() -> None:
    ms = mentions(
        a="“Schools get new roofs,” Mayor Ewa Kowal said.\n\n"
        "“The bridge will reopen in May and the ferries will keep running until the spring floods,” she said.",
        b="“The bridge will reopen in May and the ferries will keep running until the spring floods. "
        "Schools get new roofs,” Kowal said.",
    )
    qs = group_quotes(ms, LEXICAL)
    shared = [q for q in qs if outlets(q) == ["a", "b"]]
    assert shared and "ferries" in shared[0].text


def test_unrelated_quotes_stay_apart_and_single_quotes_are_reported() -> None:
    ms = mentions(
        a="“The harvest is the worst we have seen in twenty years,” said farmer Tomas Ruiz.",
        b="“Every clinic in the province will have vaccines by March,” said Health Minister Oluwaseun Adeyemi.",
    )
    qs = group_quotes(ms, LEXICAL)
    assert sorted(outlets(q) for q in qs) == [["a"], ["b"]]


def test_ids_order_and_evidence() -> None:
    line = "“The bridge will reopen in May and the ferries will keep running,” Mayor Ewa Kowal said."
    ms = mentions(
        a="“The harvest is the worst we have seen in twenty years,” said farmer Tomas Ruiz.\n" + line,
        b=line,
        c="Ferries ran all day.\n" + line,
    )
    qs = group_quotes(ms, LEXICAL)
    assert [q.id for q in qs] == ["q1", "q2"]
    assert outlets(qs[0]) == ["a", "b", "c"]  # most articles first
    assert qs[0].evidence == tuple(sorted(qs[0].evidence, key=lambda s: (s.article, s.start)))
    assert qs[1].speaker == "Tomas Ruiz"


def test_canonical_text_is_the_most_common_wording() -> None:
    common = "The bridge will reopen in May and the ferries will keep running until then"
    ms = mentions(
        a=f"“{common},” Mayor Ewa Kowal said.",
        b=f"“{common},” Kowal said.",
        c="“The bridge will reopen in May and the ferries will keep running,” Kowal said.",
    )
    [q] = group_quotes(ms, LEXICAL)
    assert q.text == common
    assert outlets(q) == ["a", "b", "c"]


def test_a_quote_repeated_in_one_article_counts_once() -> None:
    line = "“The bridge will reopen in May and the ferries will keep running,” Mayor Ewa Kowal said."
    ms = mentions(a=line + "\n\nThe council agreed.\n\n" + line, b=line)
    [q] = group_quotes(ms, LEXICAL)
    assert outlets(q) == ["a", "b"]


def test_grouping_does_not_depend_on_input_order() -> None:
    ms = mentions(
        a="“The bridge will reopen in May and the ferries will keep running,” Mayor Ewa Kowal said.\n"
        "“The harvest is the worst we have seen in twenty years,” said farmer Tomas Ruiz.",
        b="“The bridge will reopen in May, and ferries keep running,” Kowal said.",
        c="“The harvest is the worst in twenty years,” Ruiz said.",
    )
    assert group_quotes(ms, LEXICAL) == group_quotes(list(reversed(ms)), LEXICAL)
    assert group_quotes([], LEXICAL) == []


def test_containment_and_negation_rules() -> None:
    assert containment("the bridge will reopen in May", "In May the bridge will reopen, the mayor hopes") == 1.0
    assert containment("schools get new roofs", "the harvest failed") == 0.0
    assert negated("We will not sell") and negated("Nobody will sell") and negated("We won’t sell")
    assert not negated("We will sell the land") and not negated("Notable people came")


@pytest.mark.parametrize("encoder", ["lexical", "minilm"])
def test_a_quote_split_by_its_attribution_joins_the_whole_quote(encoder: str, request: pytest.FixtureRequest) -> None:
    enc = LEXICAL if encoder == "lexical" else request.getfixturevalue("minilm")
    b = (
        "Rauch spoke at dawn. “The dam held through the night,” she said. "
        "“We were lucky that the rain stopped before the river peaked.”"
    )
    ms = mentions(
        a="“The dam held through the night, and we were lucky that the rain stopped before the river "
        "peaked,” said Mayor Ilse Rauch.",
        b=b,
        c="The levee, according to Mayor Ilse Rauch, was “lucky that the rain stopped” in time.",
    )
    [q] = group_quotes(ms, enc)
    assert outlets(q) == ["a", "b", "c"]  # one span per article
    assert q.speaker == "Ilse Rauch"
    span = q.evidence[1]
    assert b[span.start : span.end] == span.text
    assert span.text.startswith("The dam held") and span.text.endswith("river peaked.")


def test_a_split_quote_alone_is_one_quote_with_its_parts_joined() -> None:
    ms = mentions(
        a="“The dam held through the night,” Mayor Ilse Rauch said. “We were lucky, and we know it.”\n\n"
        "“The ferries will run again on Monday,” she said, “but only in daylight for a week.”",
    )
    qs = group_quotes(ms, LEXICAL)
    assert [q.text for q in qs] == [
        "The dam held through the night. We were lucky, and we know it.",
        "The ferries will run again on Monday, but only in daylight for a week.",
    ]
    assert all(len(q.evidence) == 1 and q.speaker == "Ilse Rauch" for q in qs)


def test_two_different_quotes_of_one_speaker_stay_apart() -> None:
    ms = mentions(
        a="“The dam held through the night,” Mayor Ilse Rauch said. Crews worked until dawn. "
        "“Schools will reopen on Thursday once the roads are cleared,” she added.",
        b="“Schools will reopen on Thursday once the roads are cleared,” Rauch said.",
        c="“The harbour will need a new breakwater before the winter storms,” Mayor Ilse Rauch said.",
    )
    qs = group_quotes(ms, LEXICAL)
    assert sorted(outlets(q) for q in qs) == [["a"], ["a", "b"], ["c"]]
    assert all(q.speaker == "Ilse Rauch" for q in qs)


# --- a statement quoted in fragments and continued with "It added" ----------------------------------


def test_fragments_reported_by_one_verb_and_a_continuation_are_one_passage() -> None:
    text = (
        "In a statement, the Orla Ferry Company said the crew had “acted quickly and calmly” after the alarm and "
        "that the ship had “returned to port safely”. It added: “Nobody on board was hurt.”"
    )
    first = text.index("acted")
    whole = text[first : text.index("hurt.") + len("hurt.")]
    assert wholes(text) == [whole, whole, whole]


def test_a_continuation_by_another_speaker_or_a_new_sentence_is_no_passage() -> None:
    text = (
        "The Orla Ferry Company said the crew had “acted quickly and calmly”. "
        "Mayor Ines Darrow added: “The town owes them a great deal.”"
    )
    assert wholes(text) == [None, None]
    text = (
        "The Orla Ferry Company said the crew had “acted quickly and calmly”. Tugs stood by all night. "
        "It added: “Nobody on board was hurt.”"
    )
    assert wholes(text) == [None, None]


def test_fragments_far_apart_or_after_a_stop_are_two_quotes() -> None:
    text = (
        "Ana Ruiz said the dam had “held for now” while engineers from three regions spent the whole of the "
        "night checking every gate, and the valley was “safe for the moment”."
    )
    assert wholes(text) == [None, None]


def test_a_statement_quoted_in_pieces_joins_the_full_statement_and_a_stitched_key_line() -> None:
    ms = mentions(
        a="In a statement, the Orla Ferry Company said the crew had “acted quickly and calmly” after the alarm and "
        "that the ship had “returned to port safely”. It added: “Nobody on board was hurt.”",
        b="The Orla Ferry Company issued the following statement:\n\n"
        "“The alarm sounded at noon. The crew acted quickly and calmly and the ship returned to port safely. "
        "Nobody on board was hurt.”",
        c="14:10 — The Orla Ferry Company has put out a statement. Key line: "
        "“The crew acted quickly and calmly and the ship returned to port safely.”",
    )
    qs = group_quotes(ms, LEXICAL)
    [q] = [q for q in qs if len(outlets(q)) > 1]
    assert outlets(q) == ["a", "b", "c"] and q.speaker == "Orla Ferry Company"


def test_a_pronoun_sentence_that_reports_more_starts_another_quote() -> None:
    text = (
        "“Two of the boats were lost in the storm,” Mayor Ines Darrow said on the radio. He added that the "
        "council would pay for “every net and every engine”."
    )
    assert wholes(text) == [None, None]
