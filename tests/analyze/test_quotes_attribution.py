"""Attribution read from the middle of a sentence, a stop after the closing mark, and a
"chief executive" before a name, on invented reports of invented events."""

from __future__ import annotations

import pytest

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
        "Mayor Jonas Brandt opened the depot. The plan failed, according to Ilse Marten, and he thought it "
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


# --- a verb joined by "and", "but" or "then" has no subject of its own -----------------------------


def test_a_verb_after_and_before_the_quote_takes_the_subject_of_its_sentence() -> None:
    text = "Mayor Ines Darrow visited the flooded school and said: “We will rebuild every classroom by spring.”"
    assert quotes(text) == [("We will rebuild every classroom by spring.", "Ines Darrow")]


def test_then_after_a_comma_is_no_speaker() -> None:
    text = "On Monday, Mayor Ines Darrow toured the ward, then said: “Nobody will be left without a bed tonight.”"
    assert quotes(text) == [("Nobody will be left without a bed tonight.", "Ines Darrow")]


def test_a_body_that_opens_the_sentence_speaks_after_and() -> None:
    text = "The Harbour Council thanked the crews and said: “Every family will be housed by Friday.”"
    assert quotes(text) == [("Every family will be housed by Friday.", "Harbour Council")]


def test_a_place_in_an_opening_phrase_is_not_the_subject_before_and() -> None:
    text = "In Leeds, the crews worked all night and said: “Every family will be housed by Friday.”"
    assert quotes(text) == [("Every family will be housed by Friday.", None)]


def test_the_subject_of_the_sentence_is_not_the_object_before_and() -> None:
    text = (
        "Councillor Jon Ruiz toured the ward with Mayor Ines Darrow and said: "
        "“Nobody will be left without a bed tonight.”"
    )
    assert quotes(text) == [("Nobody will be left without a bed tonight.", "Jon Ruiz")]


def test_and_said_after_the_quote_leaves_the_attribution_to_the_words_before_it() -> None:
    text = (
        "Defence lawyer Rui Lobo repeated that the ruling had been “written before the hearing began” "
        "and said he would appeal."
    )
    assert quotes(text) == [("written before the hearing began", "Rui Lobo")]


def test_but_warned_after_the_quote_is_no_speaker() -> None:
    text = "Governor Ruth Pane said prices were “back within reach of the target band” but warned of risks."
    assert quotes(text) == [("back within reach of the target band", "Ruth Pane")]


def test_a_second_quote_after_and_added_keeps_the_speaker_of_the_first() -> None:
    text = "“We are doing everything we can,” Ines Darrow said, and added: “The water is still rising fast.”"
    assert [s for _, s in quotes(text)] == ["Ines Darrow", "Ines Darrow"]


def test_a_function_word_is_never_a_speaker() -> None:
    for text in (
        "“We will rebuild every house in the valley,” the minister said and added that funds were ready.",
        "The ministry issued a note. And said: “We will rebuild every house in the valley.”",
        "The ministry issued a note. Which said: “We will rebuild every house in the valley.”",
        "“We will rebuild every house in the valley.” Then said nothing more.",
    ):
        for _, speaker in quotes(text):
            assert speaker is None or speaker.split()[0].lower() not in {"and", "which", "then", "but", "that"}


def test_a_new_clause_with_its_own_subject_after_the_quote_does_not_take_it() -> None:
    text = "Ana Silva said the plan was “a disgrace to the whole town”, and Jon Ruiz added that it would fail."
    assert quotes(text) == [("a disgrace to the whole town", "Ana Silva")]


def test_a_clause_after_the_quote_that_names_nobody_attributes_nothing() -> None:
    text = "The plan was “a disgrace to the whole town”, and was later withdrawn by the council."
    assert quotes(text) == [("a disgrace to the whole town", None)]


# --- relative pronouns before the verb -----------------------------------------------------------


def test_who_said_gives_the_quote_to_the_name_right_before_it() -> None:
    text = "Jon Ruiz met Mayor Ines Darrow, who said: “We are doing everything we can for the families.”"
    assert quotes(text) == [("We are doing everything we can for the families.", "Ines Darrow")]


def test_who_said_after_a_plural_noun_names_nobody() -> None:
    text = "Mayor Ines Darrow met the families, who said: “We are doing everything we can to stay.”"
    assert quotes(text) == [("We are doing everything we can to stay.", None)]


def test_which_said_is_a_thing_not_a_speaker() -> None:
    text = "Mayor Ines Darrow published a report which said: “Every school in the valley needs new roofs.”"
    assert quotes(text) == [("Every school in the valley needs new roofs.", None)]


# --- more shapes of attribution ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "“The bridge will reopen on Friday,” said Gov. Lorna Abellana.",
        "“The bridge will reopen on Friday,” said Dr. Lorna Abellana on Monday.",
        "According to Gov. Lorna Abellana, the bridge “will reopen on Friday at the latest”.",
        "The bridge, according to Dr. Lorna Abellana, “will reopen on Friday at the latest”.",
        "“The bridge will reopen on Friday,” Lorna Abellana added.",
        "“The bridge will reopen on Friday,” Lorna Abellana wrote in a statement.",
        "In a statement, Lorna Abellana said: “The bridge will reopen on Friday.”",
        "“The bridge will reopen on Friday,” Lorna Abellana, 45, said.",
        "“The bridge will reopen on Friday,” said Interior Minister Lorna Abellana.",
        "“The bridge will reopen on Friday,” said Lorna Abellana of the Red Cross.",
        "Lorna Abellana posted on X: “The bridge will reopen on Friday.”",
        "„The bridge will reopen on Friday“, said Lorna Abellana.",
        "Lorna Abellana said: « The bridge will reopen on Friday. »",
        "“The bridge will reopen on Friday” — Lorna Abellana, transport minister",
        "“The bridge will reopen on Friday” - Lorna Abellana.",
        "Lorna Abellana repeated that the bridge “will reopen on Friday at the latest”.",
        "Lorna Abellana described the repair as “finished on time and under budget”.",
        "Transport Minister Lorna Abellana had a clear message: “The bridge will reopen on Friday.”",
        "“The bridge will reopen on Friday,” said Lorna Abellana, the agency’s deputy director.",
    ],
)
def test_common_attribution_shapes(text: str) -> None:
    assert [s for _, s in quotes(text)] == ["Lorna Abellana"]


def test_a_dash_before_a_phrase_that_is_no_name_signs_nothing() -> None:
    assert quotes("“The bridge will reopen on Friday” — a promise the ministry has made before.") == [
        ("The bridge will reopen on Friday", None)
    ]


def test_a_colon_after_a_sentence_about_no_person_attributes_nothing() -> None:
    assert quotes("The sign on the gate read: “The bridge will reopen on Friday.”") == [
        ("The bridge will reopen on Friday.", None)
    ]
    # an unknown capitalised subject is no person: it may be a storm, a town or a team
    assert quotes("Storm Edda hit the coast hard: “The bridge is closed until Friday.”") == [
        ("The bridge is closed until Friday.", None)
    ]


def test_a_passive_describing_verb_names_no_speaker() -> None:
    text = "Mayor Ines Darrow spoke first. The repair was described as “finished on time and under budget”."
    assert quotes(text) == [("finished on time and under budget", None)]


def test_a_short_label_after_called_is_not_reported() -> None:
    assert quotes("Mayor Ines Darrow called the plan “a bad joke” on Monday.") == []
    assert quotes("Mayor Ines Darrow called the plan “a very bad joke” on Monday.") == [
        ("a very bad joke", "Ines Darrow")
    ]


def test_so_called_is_no_speech_verb() -> None:
    text = "Mayor Ines Darrow said the so-called “flood tax on every family” would be dropped."
    assert quotes(text) == [("flood tax on every family", "Ines Darrow")]


# --- the speaker of "she said": a person with an appositive title, never a body -------------------


def test_she_said_after_a_name_with_an_appositive_title() -> None:
    text = (
        "Maria Kovac, the union's regional secretary, accused the firm of hiding the damage. "
        "“They keep leaving out every cleaner and every driver,” she said."
    )
    assert quotes(text) == [("They keep leaving out every cleaner and every driver", "Maria Kovac")]


def test_she_said_after_a_body_that_spoke_is_not_the_body() -> None:
    text = (
        "Vostok Mining Company said the shaft was sealed. "
        "“We are doing everything we can for the families,” she said."
    )
    assert quotes(text) == [("We are doing everything we can for the families", None)]


def test_she_said_skips_a_body_for_the_person_before_it() -> None:
    text = (
        "Site manager Petra Lind spoke first. The Regional Health Agency said the wards were full. "
        "“We are doing everything we can for the families,” she said."
    )
    assert quotes(text) == [("We are doing everything we can for the families", "Petra Lind")]


def test_he_said_skips_a_body_quoted_before_it() -> None:
    text = (
        "Mr Ivo Brandt, 61, runs the ferry. “Boats are on the way to the island,” the Red Cross said. "
        "“We have never seen the lake this high,” he said."
    )
    assert [s for _, s in quotes(text)] == ["Red Cross", "Ivo Brandt"]


# --- "it" for a body, a statement that speaks for its issuer ---------------------------------------


def test_it_added_gives_the_quote_to_the_body_named_before() -> None:
    text = (
        "In a statement, the Orla Ferry Company said the ship had “returned to port safely”. "
        "It added: “Nobody on board was hurt and the vessel will be inspected.”"
    )
    assert quotes(text) == [
        ("returned to port safely", "Orla Ferry Company"),
        ("Nobody on board was hurt and the vessel will be inspected.", "Orla Ferry Company"),
    ]


def test_it_said_after_a_person_and_a_body_is_the_body() -> None:
    text = (
        "Mayor Ines Darrow met the Westfield Water Board on Tuesday. "
        "“Supplies will be back to normal by the weekend,” it said."
    )
    assert quotes(text) == [("Supplies will be back to normal by the weekend", "Westfield Water Board")]


def test_it_said_with_no_body_in_the_paragraph_names_nobody() -> None:
    text = "Mayor Ines Darrow toured Leeds on Tuesday. “Supplies will be back to normal by the weekend,” it said."
    assert quotes(text) == [("Supplies will be back to normal by the weekend", None)]


def test_a_sentence_ended_by_a_colon_after_a_quote_introduces_the_next_quote() -> None:
    text = (
        "Coach Brin Alvar said the team had “played without fear”. "
        "She added: “We will need the same spirit in the final next week.”"
    )
    assert quotes(text) == [
        ("played without fear", "Brin Alvar"),
        ("We will need the same spirit in the final next week.", "Brin Alvar"),
    ]


def test_a_second_fragment_reported_by_the_same_verb_takes_its_speaker() -> None:
    text = (
        "Ana Ruiz said the dam had “held for now” after the long storm and that the valley "
        "was “safe for the moment”."
    )
    assert [s for _, s in quotes(text)] == ["Ana Ruiz", "Ana Ruiz"]


@pytest.mark.parametrize(
    "announcement",
    [
        "The Harbour Council has just put out a statement. Key line: ",
        "The Harbour Council released a short statement on Monday. ",
        "The Harbour Council issued the following statement in full:\n\n",
        "The Harbour Council said in a statement:\n\n",
    ],
)
def test_a_quote_after_a_sentence_that_announces_a_statement_is_the_issuers(announcement: str) -> None:
    text = announcement + "“The pier will stay closed until engineers have checked every pile.”"
    assert quotes(text) == [("The pier will stay closed until engineers have checked every pile.", "Harbour Council")]


@pytest.mark.parametrize(
    "before",
    [
        # no statement was issued: the sentence only mentions one
        "The Harbour Council met after a statement from the engineers. ",
        # the statement sentence is not the one right before the quote
        "The Harbour Council released a statement. Crowds gathered at the gate all day. ",
        # a long sentence, not a label, stands between
        "The Harbour Council released a statement. Engineers who went down to the water said: ",
        # the previous paragraph does not end with a colon
        "The Harbour Council released a statement on Monday night.\n\nThen a sign went up. ",
        # "released" with a person as its object, then "after a statement"
        "Police released Ana Ruiz after a statement. ",
    ],
)
def test_no_announcement_no_issuer(before: str) -> None:
    text = before + "“The pier will stay closed until engineers have checked every pile.”"
    speaker = quotes(text)[0][1]
    assert speaker != "Harbour Council" and speaker != "Ana Ruiz"


def test_a_named_owners_statement_speaks_for_its_owner() -> None:
    text = "Kelloway's written statement on Friday said the plant would “reopen within a month”."
    assert quotes(text) == [("reopen within a month", "Kelloway")]


def test_a_named_owners_other_things_do_not_speak() -> None:
    text = "Kelloway's lorry on Friday said the plant would “reopen within a month”, a sign read."
    assert quotes(text)[0][1] != "Kelloway"


# --- the subject of an attribution: a place after a name, a role word, a participle noun ------------


@pytest.mark.parametrize(
    "text",
    [
        "Shopper Ada Quist from Leeds has just told our reporter: “The roof came down in seconds.”",
        "Ada Quist of Tarnow told reporters: “The roof came down in seconds.”",
        "Ada Quist in Leeds said: “The roof came down in seconds.”",
    ],
)
def test_a_place_after_a_name_is_not_the_speaker(text: str) -> None:
    assert quotes(text) == [("The roof came down in seconds.", "Ada Quist")]


def test_a_place_after_a_preposition_is_kept_when_no_name_comes_before_it() -> None:
    text = "Officials from Leeds said the roof “came down in seconds”."
    assert quotes(text) == [("came down in seconds", "Leeds")]


def test_a_participle_after_a_determiner_is_a_noun_not_an_attribution() -> None:
    text = (
        "Mayor Ines Darrow said crews had “cleared every road” after the warning and that schools "
        "“will open on Monday”."
    )
    assert [s for _, s in quotes(text)] == ["Ines Darrow", "Ines Darrow"]


def test_an_announcing_paragraph_with_an_apostrophe_still_announces() -> None:
    text = "The Harbour Council’s chair, Ana Ruiz, issued this statement:\n\n“The pier will stay closed until spring.”"
    assert quotes(text) == [("The pier will stay closed until spring.", "Ana Ruiz")]


@pytest.mark.parametrize("before", ["Key points:", "What we know so far:", "The sign on the gate read:"])
def test_a_paragraph_ended_by_a_colon_that_names_nobody_gives_no_speaker(before: str) -> None:
    text = before + "\n\n“The pier will stay closed until spring.”"
    assert quotes(text) == [("The pier will stay closed until spring.", None)]
