"""Date phrases in invented news sentences: what is found, what it resolves to, what is not a date."""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.analyze import dates
from newsprism.analyze.dates import DateMention, find_dates, sort_key
from newsprism.model import Article

MON_13_JAN_2025 = datetime.date(2025, 1, 13)
THU_2_JAN_2025 = datetime.date(2025, 1, 2)
SUN_12_JAN_2025 = datetime.date(2025, 1, 12)
WED_15_MAY_2024 = datetime.date(2024, 5, 15)


def mentions(text: str, reference: datetime.date | None = MON_13_JAN_2025) -> list[DateMention]:
    found = find_dates(Article("a1", "a1.txt", text), reference)
    for m in found:  # evidence first: every span is a view on the text
        assert text[m.span.start : m.span.end] == m.span.text
        assert text[m.sentence.start : m.sentence.end] == m.sentence.text
        assert m.sentence.start <= m.span.start and m.span.end <= m.sentence.end
    return found


def resolved(text: str, reference: datetime.date | None = MON_13_JAN_2025) -> list[tuple[str, str, str]]:
    return [(m.span.text, m.date, m.precision) for m in mentions(text, reference)]


# ------------------------------------------------------------------------------------------ absolute forms


@pytest.mark.parametrize(
    ("sentence", "phrase", "date"),
    [
        ("The bridge reopened on March 5, 2023, after repairs.", "March 5, 2023", "2023-03-05"),
        ("The treaty was signed Oct. 3, 2019 in Lisbon.", "Oct. 3, 2019", "2019-10-03"),
        ("Voting closed on 24 October 2024 at noon.", "24 October 2024", "2024-10-24"),
        ("The storm made landfall on Sept. 9th 2023.", "Sept. 9th 2023", "2023-09-09"),
        ("A decree published 2025-01-13 set new tariffs.", "2025-01-13", "2025-01-13"),
        ("The court ruled on 01/14/2025 against the port authority.", "01/14/2025", "2025-01-14"),
        ("The ministry wrote on 03/04/2024 to the unions.", "03/04/2024", "2024-03-04"),
        ("The festival ended 25/12/2024 in heavy snow.", "25/12/2024", "2024-12-25"),
        ("Der Vertrag trat am 13.01.2025 in Kraft, the agency said.", "13.01.2025", "2025-01-13"),
    ],
)
def test_absolute_day_dates(sentence: str, phrase: str, date: str) -> None:
    assert resolved(sentence) == [(phrase, date, "day")]


def test_absolute_dates_need_no_reference() -> None:
    assert resolved("The mine flooded on 2 March 2021, officials said.", None) == [
        ("2 March 2021", "2021-03-02", "day")
    ]


def test_month_of_a_year_has_month_precision() -> None:
    assert resolved("Exports of copper fell in January 2025, the bureau said.") == [
        ("January 2025", "2025-01", "month")
    ]


def test_year_after_a_preposition_has_year_precision() -> None:
    assert resolved("The airline has flown the route since 2016.") == [("2016", "2016", "year")]
    assert resolved("The canal was widened in early 1998.") == [("early 1998", "1998", "year")]


def test_season_of_a_year() -> None:
    assert resolved("The reservoir ran dry in the summer of 2022.") == [
        ("summer of 2022", "2022-summer", "season")
    ]


def test_day_range_resolves_to_its_first_day() -> None:
    assert resolved("Strikes on March 3-4 shut the docks.", datetime.date(2024, 3, 20)) == [
        ("March 3-4", "2024-03-03", "day")
    ]
    assert resolved("Talks held on 14–15 June 2023 ended without a deal.") == [
        ("14–15 June 2023", "2023-06-14", "day")
    ]


def test_weekday_with_month_day_is_one_mention() -> None:
    assert resolved("The mayor resigned on Friday, Jan. 10, after the audit.") == [
        ("Friday, Jan. 10", "2025-01-10", "day")
    ]


def test_impossible_dates_are_dropped() -> None:
    assert resolved("A ledger entry dated February 30, 2023 was forged.") == []
    assert resolved("The form said 13/13/2024 in the date box.") == []


# ------------------------------------------------------------------------------------------ relative forms


@pytest.mark.parametrize(
    ("sentence", "reference", "phrase", "date"),
    [
        # Article of Monday 13 January 2025.
        ("The governor said on Sunday that the levee held.", MON_13_JAN_2025, "Sunday", "2025-01-12"),
        (
            "Officials declared this Sunday that schools would reopen.",
            MON_13_JAN_2025,
            "this Sunday",
            "2025-01-12",
        ),
        ("The rebels said on Saturday they had left the town.", MON_13_JAN_2025, "Saturday", "2025-01-11"),
        ("Police said Monday that three men were held.", MON_13_JAN_2025, "Monday", "2025-01-13"),
        ("Last Sunday the ferry sank near the cape.", MON_13_JAN_2025, "Last Sunday", "2025-01-12"),
        ("The ferry sank yesterday near the cape.", MON_13_JAN_2025, "yesterday", "2025-01-12"),
        ("The council meets today to vote.", MON_13_JAN_2025, "today", "2025-01-13"),
        # Article of Sunday 12 January: "last Sunday" is a week earlier, "on Sunday" the same day.
        ("Last Sunday the ferry sank near the cape.", SUN_12_JAN_2025, "Last Sunday", "2025-01-05"),
        ("Voters queued on Sunday in the rain.", SUN_12_JAN_2025, "Sunday", "2025-01-12"),
        # Across the turn of the year (Thursday 2 January 2025).
        (
            "The minister said on Saturday that fuel prices would rise.",
            THU_2_JAN_2025,
            "Saturday",
            "2024-12-28",
        ),
        ("The fire started on December 29 in a warehouse.", THU_2_JAN_2025, "December 29", "2024-12-29"),
        ("The fire started on January 1 in a warehouse.", THU_2_JAN_2025, "January 1", "2025-01-01"),
        ("Inflation eased last month, the bank said.", THU_2_JAN_2025, "last month", "2024-12"),
        ("Inflation eased last year, the bank said.", THU_2_JAN_2025, "last year", "2024"),
        ("The strike began yesterday at dawn.", THU_2_JAN_2025, "yesterday", "2025-01-01"),
        # A spring article.
        ("The board met on March 30 to approve the sale.", WED_15_MAY_2024, "March 30", "2024-03-30"),
        ("The board met on June 2 to approve the sale.", WED_15_MAY_2024, "June 2", "2023-06-02"),
        ("Rents rose earlier this month in the capital.", WED_15_MAY_2024, "earlier this month", "2024-05"),
        ("Rents rose in March across the region.", WED_15_MAY_2024, "March", "2024-03"),
        ("The plant has been closed since late September.", WED_15_MAY_2024, "late September", "2023-09"),
    ],
)
def test_relative_phrases_resolve_against_the_article_date(
    sentence: str, reference: datetime.date, phrase: str, date: str
) -> None:
    got = resolved(sentence, reference)
    assert [g[:2] for g in got] == [(phrase, date)]
    assert all(m.relative for m in mentions(sentence, reference))


@pytest.mark.parametrize(
    ("sentence", "reference", "phrase", "date"),
    [
        ("The drought began last autumn, farmers say.", MON_13_JAN_2025, "last autumn", "2024-autumn"),
        ("The drought began last fall, farmers say.", MON_13_JAN_2025, "last fall", "2024-autumn"),
        # During an autumn, "last autumn" is the previous one.
        (
            "The drought began last fall, farmers say.",
            datetime.date(2024, 10, 20),
            "last fall",
            "2023-autumn",
        ),
        ("The pass was closed this spring by rockfalls.", WED_15_MAY_2024, "this spring", "2024-spring"),
        # A winter is named by the year of its December.
        ("Heating bills doubled last winter.", datetime.date(2024, 6, 1), "last winter", "2023-winter"),
        ("Heating bills doubled this winter.", datetime.date(2025, 2, 10), "this winter", "2024-winter"),
    ],
)
def test_seasons(sentence: str, reference: datetime.date, phrase: str, date: str) -> None:
    assert resolved(sentence, reference) == [(phrase, date, "season")]


def test_last_week_stands_as_the_month_it_fell_in() -> None:
    # The week before Monday 6 January 2025 runs 30 Dec to 5 Jan; its Thursday is 2 January.
    assert resolved("The plant shut last week for repairs.", datetime.date(2025, 1, 6)) == [
        ("last week", "2025-01", "month")
    ]
    assert resolved("The plant shut last week for repairs.", datetime.date(2025, 1, 3)) == [
        ("last week", "2024-12", "month")
    ]


def test_relative_phrases_need_a_reference() -> None:
    text = "The ship docked on Sunday and left on August 19 after a storm last autumn, in 2019."
    assert resolved(text, None) == [("2019", "2019", "year")]


def test_future_relative_phrases_are_skipped() -> None:
    # "this spring" written in January lies ahead: not an event that happened.
    assert resolved("The bridge will reopen this spring.", MON_13_JAN_2025) == []


# ------------------------------------------------------------------------------------------ future context

FRI_4_OCT_2024 = datetime.date(2024, 10, 4)


@pytest.mark.parametrize(
    ("sentence", "reference", "phrase", "date"),
    [
        # A year-less day-month after a future cue lies ahead of a 4 October article.
        ("The board's next meeting is due on 12 December, it said.", FRI_4_OCT_2024, "12 December", "2024-12-12"),
        ("Analysts expect it to wait until its next sitting on March 3.", FRI_4_OCT_2024, "March 3", "2025-03-03"),
        ("The tribunal will rule on 9 October, its clerk said.", FRI_4_OCT_2024, "9 October", "2024-10-09"),
        ("The toll bridge stays open until 20 January for repairs.", FRI_4_OCT_2024, "20 January", "2025-01-20"),
        ("Hearings are scheduled on 4 October in the annex.", FRI_4_OCT_2024, "4 October", "2024-10-04"),
        # Weekdays (Friday 4 October): forward prepositions and cues take the day on or after.
        ("Schools stay shut from Monday, the mayor said.", FRI_4_OCT_2024, "Monday", "2024-10-07"),
        ("The depot expects normal service again by Wednesday.", FRI_4_OCT_2024, "Wednesday", "2024-10-09"),
        ("The council will vote on Friday on the budget.", FRI_4_OCT_2024, "Friday", "2024-10-04"),
        ("The union is due to meet on Tuesday.", FRI_4_OCT_2024, "Tuesday", "2024-10-08"),
        # "next <weekday>" is strictly after the article's day.
        ("The vote is set for next Monday.", MON_13_JAN_2025, "next Monday", "2025-01-20"),
        ("Grain shipments resume next Friday.", FRI_4_OCT_2024, "next Friday", "2024-10-11"),
    ],
)
def test_future_context_resolves_forward(
    sentence: str, reference: datetime.date, phrase: str, date: str
) -> None:
    assert [g[:2] for g in resolved(sentence, reference)] == [(phrase, date)]


@pytest.mark.parametrize(
    ("sentence", "reference", "phrase", "date"),
    [
        # Past-tense reports keep resolving backward.
        ("The governor said on Monday the dam held.", FRI_4_OCT_2024, "Monday", "2024-09-30"),
        ("On Sunday, police arrested two smugglers.", FRI_4_OCT_2024, "Sunday", "2024-09-29"),
        ("The board met on 12 September to approve the merger.", FRI_4_OCT_2024, "12 September", "2024-09-12"),
        # A past auxiliary overrides a forward preposition.
        ("The road was closed from Tuesday after a landslide.", FRI_4_OCT_2024, "Tuesday", "2024-10-01"),
        # A cue in an earlier clause does not reach the date.
        ("Fares will rise, and on Wednesday drivers protested.", FRI_4_OCT_2024, "Wednesday", "2024-10-02"),
        # "the next ..." is relative to another event, not to the article.
        ("Rescuers left, and the next day on Thursday they came back.", FRI_4_OCT_2024, "Thursday", "2024-10-03"),
        # A cue far back in a long clause is out of the window.
        (
            "He will be remembered by the villagers for what he did for them on Tuesday",
            FRI_4_OCT_2024,
            "Tuesday",
            "2024-10-01",
        ),
        # "by" before a possessive weekday is an agent: "caused by Monday's storm".
        ("Damage caused by Monday's storm was repaired.", FRI_4_OCT_2024, "Monday", "2024-09-30"),
    ],
)
def test_past_context_resolves_backward(
    sentence: str, reference: datetime.date, phrase: str, date: str
) -> None:
    assert [g[:2] for g in resolved(sentence, reference)] == [(phrase, date)]


def test_the_next_weekday_is_not_a_date_of_the_report() -> None:
    assert resolved("Talks stalled and resumed the next Monday.", FRI_4_OCT_2024) == []


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("The review is due on ", True),
        ("Flags fly at half mast from ", True),
        ("Crews hope to finish by ", True),
        ("its next hearing on ", True),
        ("The shop won't open until ", True),
        ("The officials said on ", False),
        ("The bridge was shut from ", False),
        ("Fares will rise; on ", False),
        ("They returned the next day on ", False),
        ("", False),
        # A future verb further back still governs the date, unless another clause starts in between.
        ("The ferry will make its first crossing since the storm on ", True),
        ("The line will reopen to freight and passenger trains on ", True),
        ("He will be remembered for the speech he gave on ", False),
        ("Voters will remember what the mayor promised on ", False),
        ("The clinic will treat patients who were injured on ", False),
    ],
)
def test_future_context_cues(before: str, expected: bool) -> None:
    assert dates.future_context(before + "Monday", len(before)) is expected


def test_explicit_future_dates_are_kept() -> None:
    assert resolved("The summit is planned for March 3, 2026.") == [("March 3, 2026", "2026-03-03", "day")]


# ------------------------------------------------------------------------------------------ not dates


@pytest.mark.parametrize(
    "sentence",
    [
        "A 26-year-old courier was detained at the border.",
        "Turnout in the 2020 election was the highest in decades.",
        "She told Radio Ten Sunday listeners that the tax was unfair.",
        "He made the remarks on Channel Nine Sunday, a weekly programme.",
        "In a Sunday column the coach defended his tactics.",
        "The markets open at 9:30 and close at 16:00.",
        "One day the river simply rose over the wall.",
        "A couple of days later the convoy turned back.",
        "Some 12,500 fans had tickets for the 2,031 seats.",
        "Pardons for March 8 marchers were debated in parliament.",
        "The band toured through the 1990s and the 2000s.",
        "Officials may 5 times revise the count.",
        "Over the last year the county lost two clinics.",
        "The last fall of the currency came in a single hour.",
        "The workshop runs every Monday in the old hall.",
        "Every Sunday Times reader knows the crossword.",
        "The talks resumed on the following Monday.",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert resolved(sentence) == []


def test_possessive_weekday_is_a_date_unless_a_programme_follows() -> None:
    assert resolved("Sunday's blast shattered windows.") == [("Sunday", "2025-01-12", "day")]
    assert resolved("The envoy appeared on Sunday's Morning Forum to defend the deal.") == []


def test_bare_weekday_after_a_place_is_a_date() -> None:
    assert resolved("The ministers said in Oslo Tuesday that talks were over.") == [
        ("Tuesday", "2025-01-07", "day")
    ]


def test_month_day_without_a_preposition_is_a_name() -> None:
    assert resolved("Veterans of the June 4 movement gathered.") == []
    assert (
        resolved("Officials said on June 4 that the movement was over.", WED_15_MAY_2024)[0][1]
        == "2023-06-04"
    )


# ------------------------------------------------------------------------------------------ spans and order


def test_dateline_at_the_top_is_not_an_event() -> None:
    text = "Published 2024-11-02 The port reopened on Friday after a strike."
    got = mentions(text, datetime.date(2024, 11, 2))
    assert [(m.span.text, m.date) for m in got] == [("Friday", "2024-11-01")]
    assert got[0].sentence.text.startswith("The port reopened")


def test_sentence_span_holds_the_phrase() -> None:
    text = "Crops failed. The co-operative said on Thursday that it would sell land. Prices fell."
    (m,) = mentions(text)
    assert m.sentence.text == "The co-operative said on Thursday that it would sell land."
    assert m.date == "2025-01-09"


def test_mentions_come_in_text_order_and_do_not_overlap() -> None:
    text = "Between 4 May 2020 and June 2021, and again on Monday, Feb. 3, 2025, the line was shut."
    got = resolved(text)
    assert got == [
        ("4 May 2020", "2020-05-04", "day"),
        ("June 2021", "2021-06", "month"),
        ("Monday, Feb. 3, 2025", "2025-02-03", "day"),
    ]


def test_same_input_same_output() -> None:
    text = "On Saturday, and last fall, and on 12/01/2024 and in 2010, the dam leaked."
    assert mentions(text) == mentions(text)


def test_sort_key_orders_precisions_chronologically() -> None:
    keys = ["2024-10-24", "2024", "2024-autumn", "2024-10", "2023-winter", "2024-09-30"]
    # A season sorts at its first day: autumn from 1 September.
    want = ["2023-winter", "2024", "2024-autumn", "2024-09-30", "2024-10", "2024-10-24"]
    assert sorted(keys, key=sort_key) == want


def test_tables_cover_each_name() -> None:
    assert dates.MONTHS["sept"] == 9 and dates.MONTHS["dec"] == 12
    assert dates.WEEKDAYS["sunday"] == 6
    assert dates.SEASONS["fall"] == dates.SEASONS["autumn"]


def test_month_day_on_the_article_date_is_that_day() -> None:
    assert resolved("The vote was held on January 13 in the capital.") == [
        ("January 13", "2025-01-13", "day")
    ]
    assert resolved("Troops left on 14 December, a spokesman said.") == [("14 December", "2024-12-14", "day")]


FRAGMENTS = [
    "on Sunday",
    "last fall",
    "Sept. 8, 2021",
    "12/01/2024",
    "in 2019",
    "yesterday",
    "26-year-old",
    "12,500",
    "Channel",
    "said Monday",
    "May",
    "earlier this month",
    "March 3-4",
    ".",
    ",",
    "\n",
    "the",
    "“",
]


@given(
    st.lists(st.sampled_from(FRAGMENTS), max_size=14),
    st.dates(min_value=datetime.date(1950, 3, 1), max_value=datetime.date(2090, 12, 31)),
)
@settings(max_examples=150, deadline=None)
def test_any_text_gives_valid_spans_and_iso_dates(parts: list[str], reference: datetime.date) -> None:
    text = " ".join(parts)
    got = mentions(text, reference)
    assert got == mentions(text, reference)
    for m in got:
        sort_key(m.date)  # parses: a valid date of its precision
        assert m.precision in ("day", "month", "season", "year")
        # Past unless a weekday named beside a month and day puts it in the coming weeks.
        reach = 60 if re.match(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day,? ", m.span.text) else 3
        if m.relative:
            assert sort_key(m.date)[0] <= reference + datetime.timedelta(days=reach)


THU_14_AUG_2031 = datetime.date(2031, 8, 14)


def test_reported_speech_points_ahead_to_the_nearer_weekday() -> None:
    # Said on a Thursday that it "would" happen on Friday: tomorrow, not six days ago.
    ahead = resolved("The mayor said the town would hold a public meeting on Friday.", THU_14_AUG_2031)
    assert ahead == [("Friday", "2031-08-15", "day")]
    # "would … on Wednesday" in a Thursday report: the nearer day is yesterday, already past.
    past = resolved("Officials said the road would reopen on Wednesday.", THU_14_AUG_2031)
    assert past == [("Wednesday", "2031-08-13", "day")]


SUN_28_SEP_2031 = datetime.date(2031, 9, 28)


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("The company will close the plant by the end of March.", "2032-03"),  # ahead, so next year's March
        ("The plant closed at the end of March.", "2031-03"),
        ("The board will meet in November.", "2031-11"),
        ("The board met in November.", "2030-11"),
    ],
)
def test_a_month_without_a_year_is_read_ahead_when_the_clause_looks_ahead(sentence: str, date: str) -> None:
    [(_, got, precision)] = resolved(sentence, SUN_28_SEP_2031)
    assert (got, precision) == (date, "month")


def test_set_to_points_ahead_to_the_nearer_weekday() -> None:
    assert resolved("The council is set to declare an emergency on Monday.", SUN_28_SEP_2031) == [
        ("Monday", "2031-09-29", "day")]


def test_a_weekday_beside_a_month_and_day_picks_the_year() -> None:
    fri_14_mar_2031 = datetime.date(2031, 3, 14)
    # 26 March 2031 is a Wednesday; 26 March 2030 was a Tuesday.
    assert resolved("The union called a general strike for Wednesday, March 26.", fri_14_mar_2031) == [
        ("Wednesday, March 26", "2031-03-26", "day")]
    assert resolved("The strike began on Tuesday, March 4.", fri_14_mar_2031) == [
        ("Tuesday, March 4", "2031-03-04", "day")]
