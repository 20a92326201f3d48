"""Attribution read from the middle of a sentence, a stop after the closing mark, and a
"chief executive" before a name, on invented reports of invented events."""

from __future__ import annotations

from newsprism.analyze.embed import Encoder
from newsprism.analyze.quotes import QuoteMention, group_quotes
from newsprism.analyze.speakers import SpeakerIndex, name_mentions

from .quoting import LEXICAL, mentions, outlets, quotes

# --- "according to X" set off by commas before the quote ----------------------------------------


def test_according_to_inside_the_sentence_attributes_the_quote_after_it() -> None:
    text = (
        "The levy would hurt growers, according to Ilse Marten of the Orchard Growers Federation, because it "
        "“raises costs at the worst moment” of the season."
    )
    assert quotes(text) == [("raises costs at the worst moment", "Ilse Marten")]


def test_according_to_a_titled_name_inside_the_sentence() -> None:
    text = (
        "The bridge will stay shut, according to transport minister Olek Varga, since the cables "
        "“cannot carry a loaded lorry any more”."
    )
    assert quotes(text) == [("cannot carry a loaded lorry any more", "Olek Varga")]


def test_according_to_a_body_inside_the_sentence_attributes_nothing() -> None:
    text = (
        "Fares will rise, according to the annual report, because diesel now "
        "“costs more than at any time since the line opened”."
    )
    assert quotes(text) == [("costs more than at any time since the line opened", None)]


def test_according_to_is_no_attribution_when_someone_else_is_named_before_the_quote() -> None:
    text = (
        "Rents rose by a fifth, according to Ilse Marten, while tenant leader Jonas Brandt called the rise "
        "“a disaster for young families”."
    )
    assert ("a disaster for young families", "Ilse Marten") not in quotes(text)


def test_according_to_is_no_attribution_when_a_pronoun_stands_before_the_quote() -> None:
    text = (
        "Mayor Jonas Brandt opened the depot. The plan failed, according to Ilse Marten, and he called it "
        "“a waste of public money from the start”."
    )
    assert quotes(text) == [("a waste of public money from the start", None)]


# --- a stop right after the closing mark ends the sentence ---------------------------------------


def test_a_stop_after_the_closing_mark_ends_the_sentence_and_the_pronoun_before_it_speaks() -> None:
    text = (
        "Coach Tomas Reyes praised the squad. He said after the match that the team had "
        "“never played with more heart than tonight”. He would not say who would start on Sunday."
    )
    assert quotes(text) == [("never played with more heart than tonight", "Tomas Reyes")]


def test_a_new_sentence_after_a_stop_outside_the_marks_does_not_attribute() -> None:
    text = (
        "Mayor Lotte Smit said the board met “to decide the future of the old harbour”. "
        "Tomas Reyes said the vote was close."
    )
    assert quotes(text) == [("to decide the future of the old harbour", "Lotte Smit")]


def test_a_short_attribution_after_a_stop_outside_the_marks_still_counts() -> None:
    text = "“We will not sell the club before the season ends”. Tomas Reyes said on Monday."
    assert quotes(text) == [("We will not sell the club before the season ends", "Tomas Reyes")]


def test_a_comma_after_the_closing_mark_keeps_the_inverted_attribution() -> None:
    text = "“We will not sell the club before the season ends”, Tomas Reyes said on Monday."
    assert quotes(text) == [("We will not sell the club before the season ends", "Tomas Reyes")]


# --- "chief executive" before a name ---------------------------------------------------------------


def test_an_executive_before_a_name_marks_a_person() -> None:
    text = "Chief executive Nadia Okafor faced shareholders in Ibadan on Friday."
    [m] = [m for m in name_mentions(text) if m.name == "Nadia Okafor"]
    assert m.name == "Nadia Okafor" and "executive" in m.titles
    assert SpeakerIndex(text, []).is_person("Nadia Okafor")


def test_a_pronoun_after_a_sentence_about_a_chief_executive_stands_for_her() -> None:
    text = (
        "Chief executive Nadia Okafor apologised to passengers in Ibadan. "
        "“We grounded the fleet because we could not rule out a fault,” she said."
    )
    assert quotes(text) == [("We grounded the fleet because we could not rule out a fault", "Nadia Okafor")]


def test_an_unnamed_executive_says_nothing() -> None:
    text = (
        "Mr Felix Amadi, the chairman, left early. An executive at the bank, who asked not to be named, said "
        "“the merger is dead in the water for now”."
    )
    assert quotes(text) == [("the merger is dead in the water for now", None)]


def test_an_executive_capitalised_inside_a_run_is_still_a_title() -> None:
    text = "“Every branch will reopen by Friday,” said Chief Executive Nadia Okafor."
    assert quotes(text) == [("Every branch will reopen by Friday", "Nadia Okafor")]


# --- the three styles across outlets ---------------------------------------------------------------


def _three_outlets() -> list[QuoteMention]:
    return mentions(
        a="“Safety of the crews comes first. We grounded the fleet because we could not rule out a fault,” "
        "said Nadia Okafor, chief executive of Skyline Air.",
        b="Chief executive Nadia Okafor apologised to passengers in Ibadan. “Safety of the crews comes first,” "
        "she said. “We grounded the fleet because we could not be sure there was no fault.”",
        c="Grounding the fleet was the only choice, according to Nadia Okafor of Skyline Air, because "
        "“safety of the crews comes first” at the airline.",
    )


def test_the_chief_executive_in_three_styles_is_one_quote() -> None:
    ms = _three_outlets()
    assert [m.speaker for m in ms] == ["Nadia Okafor"] * len(ms)
    [q] = group_quotes(ms, LEXICAL)
    assert outlets(q) == ["a", "b", "c"] and q.speaker == "Nadia Okafor"


def test_the_chief_executive_in_three_styles_is_one_quote_with_the_sentence_model(minilm: Encoder) -> None:
    [q] = group_quotes(_three_outlets(), minilm)
    assert outlets(q) == ["a", "b", "c"] and q.speaker == "Nadia Okafor"
