"""Headline, byline and date from the top of a scrape; nothing from the body."""

from __future__ import annotations

import pytest

from newsprism.clean.header import (
    bare_byline,
    credit_line,
    credited_author,
    footer_tagline,
    is_masthead,
    is_prose,
    looks_like_headline,
    masthead_outlet,
    parse_byline,
    person_name,
    read_header,
    split_date_header,
)

LEDE = "The regional council voted on Tuesday to close the old ferry terminal at the end of the summer season."


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Okafor", "Jane Okafor"),
        ("BY JANE OKAFOR", "Jane Okafor"),
        ("By Ana de la Cruz and Li Wei", "Ana de la Cruz and Li Wei"),
        ("Par Marie-Claire Dubois", "Marie-Claire Dubois"),
        ("Von Hans-Peter Müller | Lokales", "Hans-Peter Müller"),
        ("Author: Tomás O'Neill", "Tomás O'Neill"),
        ("Written by Sven Åberg, Staff Writer", "Sven Åberg"),
    ],
)
def test_bylines(line: str, author: str) -> None:
    found = parse_byline(line)
    assert found is not None and found[0] == author


@pytest.mark.parametrize(
    "line", ["By the time crews arrived the fire had spread.", "By Tuesday", "By car", "Par ailleurs, la ville a voté."]
)
def test_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize("text", ["Jane Okafor", "Ana de la Cruz", "Li Wei and Tom Hale"])
def test_person_names(text: str) -> None:
    assert person_name(text) == text


@pytest.mark.parametrize("text", ["Staff Reporter", "Breaking News", "the mayor", "Jane", "Latest Stories", "3 min read"])
def test_not_person_names(text: str) -> None:
    assert person_name(text) is None


@pytest.mark.parametrize(
    ("line", "iso", "rest"),
    [
        (" date 2024-06-18 " + LEDE, "2024-06-18", LEDE),
        ("Published: Jan. 13, 2025 3:05 pm", "2025-01-13T15:05", ""),
        ("Publié le 13 janvier 2025", "2025-01-13", ""),
        ("01/14/2025 / By Jane Okafor", "2025-01-14", "/ By Jane Okafor"),
        ("13 January 2025 Ferry terminal to close", "2025-01-13", "Ferry terminal to close"),
    ],
)
def test_date_headers(line: str, iso: str, rest: str) -> None:
    assert split_date_header(line) is not None
    got_iso, _, got_rest = split_date_header(line)
    assert (got_iso, got_rest) == (iso, rest)


def test_a_dated_body_sentence_is_not_a_header_when_it_does_not_open_the_line() -> None:
    assert split_date_header("Police said that on 13 January 2025 the road was closed.") is None


def test_read_header_takes_title_name_and_date_then_stops_at_the_lede() -> None:
    paras = [" date 2025-02-03 Ferry terminal to close after summer", "Jane Okafor", "4 min read", LEDE,
             "Published 2 February 2025", "Tom Hale"]
    header, rest = read_header(paras)
    assert (header.title, header.author, header.published) == (
        "Ferry terminal to close after summer", "Jane Okafor", "2025-02-03")
    assert rest == [LEDE, "Published 2 February 2025", "Tom Hale"]  # below the lede nothing is metadata
    assert [r.reason for r in header.removed] == ["dateline", "title", "byline", "reading-time"]


def test_a_bare_name_counts_only_right_under_a_headline_or_date() -> None:
    header, _ = read_header(["Jane Okafor", LEDE])
    assert header.author is None and header.title == "Jane Okafor"  # a two-word first line is a headline
    header, _ = read_header(["Ferry terminal to close", "Jane Okafor", LEDE])
    assert header.author == "Jane Okafor"


def test_no_header_means_no_metadata() -> None:
    header, rest = read_header([LEDE, "Ferry terminal to close"])
    assert (header.title, header.author, header.published) == (None, None, None)
    assert rest == [LEDE, "Ferry terminal to close"]


def test_line_shapes() -> None:
    assert is_prose(LEDE)
    assert not is_prose("Ferry terminal to close after summer")
    assert looks_like_headline("Ferry terminal to close after summer")
    assert not looks_like_headline("The ferry will stop.")
    assert not looks_like_headline("Ferry")


@pytest.mark.parametrize(
    "line",
    [
        "NORTH SHORE TIMES",
        "THE EVENING POST",
        "TIMES OF VALLETTA",
        "Riverbend Gazette - Local News",
        "Harrowgate Courier – Arts & Culture",
        "DANUBE WIRE | World",
        "| Section: Social | Editorial staff",
        "Category: Regions | Desk: Night",
        "Date | Section: Sport |",
    ],
)
def test_mastheads(line: str) -> None:
    assert is_masthead(line)


@pytest.mark.parametrize(
    "line",
    [
        "STORM SHUTS PORT",
        "FERRY STRIKE ENDS AFTER TWO WEEKS",
        "Judge orders recount in Riverbend mayoral race",
        "Flood warning - thousands told to leave",
        "Times Square reopens - Local News",
        "Ferry strike ends | Live updates",
        "Post office closes in Brora",
        "Section 8 housing waitlist grows",
        "The section of the road between the two villages will close.",
    ],
)
def test_not_mastheads(line: str) -> None:
    assert not is_masthead(line)


@pytest.mark.parametrize(
    ("line", "following"),
    [
        ("Riverbend Wire", [LEDE]),
        ("Staff Writer", [LEDE]),
        ("Transport Correspondent", ["3 February 2023"]),
        ("Nordic Bureau", [LEDE]),
        ("Chief Political Correspondent", [LEDE]),
        ("Lake District Desk", [LEDE]),
        ("Vale Telegraaf", ["February 3, 2023"]),  # no known outlet word, but the date line follows
    ],
)
def test_credit_lines_under_a_byline(line: str, following: list[str]) -> None:
    assert credit_line(line, following)


@pytest.mark.parametrize(
    ("line", "following"),
    [
        ("Harbour Master Resigns Over Dredging Plan", [LEDE]),
        ("Police Chief Steps Down", [LEDE]),
        ("Daily News Quiz Returns", [LEDE]),
        ("Ferry crossings resume.", [LEDE]),
        ("Updated at 14:05", [LEDE]),
        ("the harbour desk", [LEDE]),
        ("Route 9 closed", ["3 February 2023"]),
    ],
)
def test_not_credit_lines(line: str, following: list[str]) -> None:
    assert not credit_line(line, following)


def test_a_date_line_under_a_byline_and_its_outlet_is_read() -> None:
    paras = ["Freight barge runs aground on the Rhine", "By Jo Lam", "Riverbend Wire", "February 3, 2023", LEDE]
    header, rest = read_header(paras)
    assert (header.title, header.author, header.published) == (
        "Freight barge runs aground on the Rhine", "Jo Lam", "2023-02-03")
    assert rest == [LEDE]
    assert [r.reason for r in header.removed] == ["title", "byline", "byline", "dateline"]
    assert header.outlet == "Riverbend Wire"


def test_a_masthead_is_dropped_and_the_headline_under_the_date_is_the_title() -> None:
    header, rest = read_header(["Riverbend Gazette - Local News", "June 4, 2023", "Council approves new ferry pier",
                                LEDE])
    assert (header.title, header.published) == ("Council approves new ferry pier", "2023-06-04")
    assert header.removed[0].reason == "masthead" and rest == [LEDE]
    header, rest = read_header(["GULF STAR", "Tuesday 4 June 2023", "By Jo Lam", LEDE])
    assert (header.title, header.author, header.published) == (None, "Jo Lam", "2023-06-04")
    assert header.outlet == "Gulf Star"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("NORTH SHORE TIMES", "North Shore Times"),
        ("TIMES OF VALLETTA", "Times of Valletta"),
        ("Riverbend Gazette - Local News", "Riverbend Gazette"),
        ("| Section: Social | Editorial staff", None),
    ],
)
def test_the_outlet_a_masthead_names(line: str, outlet: str | None) -> None:
    assert masthead_outlet(line) == outlet


def test_a_section_strip_after_the_date_is_not_a_headline() -> None:
    header, rest = read_header(["Date: 14.05.2023 | Section: Sport | Editorial staff", LEDE])
    assert (header.title, header.published) == (None, "2023-05-14")
    assert [r.reason for r in header.removed] == ["dateline", "masthead"] and rest == [LEDE]


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("(Reporting by Ana Ruiz; Editing by Tom Bell)", "Ana Ruiz"),
        ("(Reporting by Ana Ruiz in Madrid; Writing by Li Wei; Editing by Tom Bell)", "Ana Ruiz"),
        ("Reporting by Ana Ruiz and Li Wei; Editing by Tom Bell", "Ana Ruiz and Li Wei"),
        ("(Writing by Jonas Berg; Editing by Kadri Tamm)", "Jonas Berg"),
        ("(Additional reporting by Daniel Otieno; writing by Mara Silva)", "Mara Silva"),
    ],
)
def test_credited_authors(line: str, author: str) -> None:
    assert credited_author(line) == author


@pytest.mark.parametrize(
    "line",
    [
        "(Editing by Tom Bell)",
        "Additional reporting by Daniel Otieno in Mombasa",
        "(Reporting by staff; Editing by Tom Bell)",
        "Compiled by the Night Desk",
    ],
)
def test_no_credited_author(line: str) -> None:
    assert credited_author(line) is None


@pytest.mark.parametrize(
    ("line", "author"),
    [("By Tomasz Nowak in Gdansk", "Tomasz Nowak"), ("BY ANA RUIZ IN MADRID", "Ana Ruiz"),
     ("By Jan van der Berg in Utrecht", "Jan van der Berg")],
)
def test_a_byline_with_the_reporter_s_place(line: str, author: str) -> None:
    found = parse_byline(line)
    assert found is not None and found[0] == author


def test_a_place_byline_is_not_taken_for_the_headline() -> None:
    header, rest = read_header(["VALLEY GAZETTE | Business", "12.05.2025", "By Tomasz Nowak in Gdansk", LEDE])
    assert (header.title, header.author, header.published) == (None, "Tomasz Nowak", "2025-05-12")
    assert rest == [LEDE]


@pytest.mark.parametrize(
    ("line", "author"),
    [("Sara Holm, Harbour Business", "Sara Holm"), ("Sara Holm, Transport Correspondent", "Sara Holm"),
     ("Sara Holm and Li Wei", "Sara Holm and Li Wei"), ("Sara Holm", "Sara Holm")],
)
def test_bare_bylines_lose_an_affiliation_after_a_comma(line: str, author: str) -> None:
    assert bare_byline(line) == author


@pytest.mark.parametrize("line", ["Ferry terminal, harbour to close", "Sara Holm, 34, was injured."])
def test_not_bare_bylines(line: str) -> None:
    assert bare_byline(line) is None


def test_a_bare_byline_with_an_outlet_under_the_headline() -> None:
    header, _ = read_header(["Ferry terminal to close", "Sara Holm, Harbour Business", "Monday, May 12, 2025", LEDE])
    assert (header.author, header.published) == ("Sara Holm", "2025-05-12")


@pytest.mark.parametrize(
    "top",
    [
        # The site's name and tagline, its menu, then the headline.
        ["LAKESIDE COURANT | English edition", "Home > Region > Weather", "{title}", "Tuesday 4 March 2031, 08:10",
         "By Ines Kroll"],
        ["Metro Digest :: your morning briefing on the city", "Home | City | Sport | About", "{title}",
         "Posted on 04.03.2031 by the Metro Digest Team"],
        ["FERRYWATCH — boats, harbours and the odd complaint", "Home · News · Forum · Shop · About", "{title}",
         "Posted by Ines Kroll | 4th March 2031 | 3 Comments"],
        # Name and tagline, then the date and byline, then the headline.
        ["Harbour Daily — English edition", "Date: 04/03/2031 - 08:10 | Section: Local | Editorial staff", "{title}"],
        # A tagline line under the masthead, the menu, the date, the headline.
        ["THE LAKESIDE COURANT", "English-language news for the northern lakes", "Home | Local | Property",
         "Tuesday 4 March 2031", "{title}", "By Ines Kroll"],
        # A site's name with a colon, its menu, then a headline that also has a colon.
        ["Openbook Lakes: following the public money", "Blog | Investigations | Donate",
         "Ferry verdict: the council's own report puts the cost at 4 million", "Tuesday, 4 March 2031",
         "by Ines Kroll, Openbook Lakes"],
    ],
)
def test_the_headline_below_a_site_name_tagline_and_menu_is_the_title(top: list[str]) -> None:
    title = "Ferry crossings to Holm suspended as winter storms batter the lakes"
    lines = [t.replace("{title}", title) for t in top]
    header, rest = read_header([*lines, LEDE])
    assert header.title == (lines[2] if lines[2].startswith("Ferry verdict") else title)
    # A numeric date is read both ways here; the article's text and its story choose later.
    assert any(d and d.startswith("2031-03-04") for d in (header.published, header.published_day_first))
    assert rest == [LEDE]
    assert header.author in (None, "Ines Kroll")
    assert lines[0] not in (header.title or "")


def test_a_headline_with_a_subhead_keeps_the_first_as_the_title() -> None:
    header, rest = read_header(["Ferry crossings to Holm suspended", "Storm warnings for the whole week ahead", LEDE])
    assert header.title == "Ferry crossings to Holm suspended"
    assert rest == ["Storm warnings for the whole week ahead", LEDE]


def test_a_desk_byline_is_removed_without_an_author() -> None:
    header, rest = read_header(["Ferry crossings to Holm suspended", "By the Metro Digest Editorial Team", LEDE])
    assert header.author is None and rest == [LEDE]
    header, rest = read_header(["Ferry crossings to Holm suspended", "By Monday", LEDE])
    assert "By Monday" in rest and header.author is None  # a word that names no desk or person: no byline


def test_a_page_address_on_top_is_dropped_and_its_path_dates_the_article() -> None:
    header, rest = read_header(["https://www.lakeside.example/news/2031/03/04/ferry-crossings-suspended",
                                "LAKESIDE COURANT | News · Sport · Weather", "REGIONS",
                                "Ferry crossings to Holm suspended", "Ines Kroll, Lakeside Courant", LEDE])
    assert (header.title, header.published, header.author) == ("Ferry crossings to Holm suspended", "2031-03-04",
                                                               "Ines Kroll")
    assert rest == [LEDE]
    assert header.removed[0].reason == "source-url"


def test_a_desk_byline_in_lower_case_and_a_byline_with_a_role_after_a_bar() -> None:
    header, rest = read_header(["Ferry crossings to Holm suspended", "Live coverage by the Courant politics desk", LEDE])
    assert header.author is None and rest == [LEDE]
    header, rest = read_header(["Ferry crossings to Holm suspended", "Fri, 07 Mar 2031 07:30:00 -0500",
                                "Ines Kroll | Regional correspondent", LEDE])
    assert (header.published, header.author, rest) == ("2031-03-07T07:30", "Ines Kroll", [LEDE])


def test_a_widget_beside_the_date_and_a_clock_in_hours_are_not_the_story() -> None:
    header, rest = read_header(["LAKESIDE COURANT | English Edition", "Donnerstag, 13. März 2031 | Lakeside 9°C bewölkt",
                                "Ferry crossings to Holm suspended", "13.03.2031, 18:04 Uhr", "Von Ines Kroll", LEDE])
    assert (header.title, header.author, header.published) == ("Ferry crossings to Holm suspended", "Ines Kroll",
                                                                "2031-03-13")
    assert rest == [LEDE]


def test_a_site_name_on_the_first_line_gives_way_to_the_headline_under_a_crumb_and_date() -> None:
    header, rest = read_header(["Harbour & Lakes Business Digest", "Markets › Energy", "Tuesday 4 March 2031, 18:02",
                                "Ferry operator doubles fares as fuel costs soar", "Ines Kroll / Danube Wire", LEDE])
    assert (header.title, header.author, header.published, header.outlet) == (
        "Ferry operator doubles fares as fuel costs soar", "Ines Kroll", "2031-03-04T18:02",
        "Harbour & Lakes Business Digest")
    assert rest == [LEDE]
    assert [r.reason for r in header.removed] == ["masthead", "navigation", "dateline", "title", "byline"]


def test_a_short_title_case_headline_ending_in_an_outlet_word_stays_the_title() -> None:
    # It reads like a site's name, but no other headline-like line follows it in the header.
    header, rest = read_header(["Lakes Ferry Strike Ends Today", "By Ines Kroll", "Tuesday 4 March 2031", LEDE])
    assert (header.title, header.author) == ("Lakes Ferry Strike Ends Today", "Ines Kroll")
    assert rest == [LEDE]


def test_a_listen_live_strip_is_not_the_headline_and_a_desk_credit_names_its_reporter() -> None:
    header, rest = read_header(["Valley Sound | News | Lakes", "Listen live: Valley Sound 101.2 FM",
                                "Ferry crossings to Holm suspended", "Tuesday 4 March 2031, 08:10 GMT",
                                "Valley Sound newsroom, reporting by Ines Kroll", LEDE])
    assert (header.title, header.author, header.published) == (
        "Ferry crossings to Holm suspended", "Ines Kroll", "2031-03-04T08:10")
    assert rest == [LEDE]


def test_a_site_name_alone_above_the_headline_is_its_masthead() -> None:
    header, _ = read_header(["Lakeside Chronicle", "Sport", "Ferry crossings to Holm suspended", LEDE])
    assert (header.title, header.outlet) == ("Ferry crossings to Holm suspended", "Lakeside Chronicle")
    header, _ = read_header(["News", "Sport", "Ferry crossings to Holm suspended", LEDE])
    assert header.outlet is None  # one section word names no site


@pytest.mark.parametrize(
    ("line", "author"),
    [("Words: Ines Kroll", "Ines Kroll"), ("WORDS: INES KROLL", "Ines Kroll"), ("Words by Ines Kroll", "Ines Kroll")],
)
def test_a_words_credit_is_a_byline(line: str, author: str) -> None:
    found = parse_byline(line)
    assert found is not None and found[0] == author


@pytest.mark.parametrize("line", ["Words matter to the families", "Words Fail Us", "Words: a short history"])
def test_words_opening_a_line_without_a_name_is_no_byline(line: str) -> None:
    assert parse_byline(line) is None


def test_a_bare_byline_with_its_outlet_after_a_slash() -> None:
    assert bare_byline("Ines Kroll / Danube Wire") == "Ines Kroll"
    assert bare_byline("Ferry / harbour closures") is None


@pytest.mark.parametrize(
    "line",
    [
        "Lakeside Chronicle — serving the town since 1881.",
        "Valley Courier - proudly independent since 1990",
        "The Harbour Times: news for the north shore",
    ],
)
def test_footer_taglines(line: str) -> None:
    assert footer_tagline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Harbour Times — the paper was sold in 2019.",
        "Lakeside Chronicle: the editor said the paper would close.",
        "Ferry strike — thousands stranded on the islands",
        "Valley Courier.",
    ],
)
def test_not_footer_taglines(line: str) -> None:
    assert not footer_tagline(line)


def test_a_footer_tagline_may_name_the_site_the_header_named() -> None:
    assert footer_tagline("Rails & Rambles — a blog about branch lines", frozenset({"rails & rambles"}))
    assert not footer_tagline("Rails & Rambles — a blog about branch lines")


def test_a_title_case_headline_with_a_subhead_keeps_the_headline() -> None:
    # A short headline ending in an outlet word ("Record") is not taken for a site's name: the subhead under it
    # must not replace it.
    header, rest = read_header(["Storm Breaks Heat Record", "Temperatures fell by twelve degrees in an hour", LEDE])
    assert header.title == "Storm Breaks Heat Record"
    assert rest == ["Temperatures fell by twelve degrees in an hour", LEDE]
