"""The timeline of an invented story told by several outlets, and of the seed articles (read, not copied)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from newsprism.analyze.dates import DateMention, find_dates
from newsprism.analyze.embed import get_encoder
from newsprism.analyze.timeline import BORROWED_NOTE, MAX_WORDS, build_timeline, event_text
from newsprism.model import Article, TimelineEntry

TUE_9_APR_2024 = datetime.date(2024, 4, 9)
MON_8_APR_2024 = datetime.date(2024, 4, 8)

RIVER_POST = Article(
    "river-post",
    "river-post.txt",
    "Engineers warned on Sunday that the Velmora dam could fail within hours.\n"
    "The dam was completed in 1987 and last inspected in March 2019.\n"
    "On Sunday the national handball team also won the regional cup in Tarsk.",
    published="2024-04-09",
)
VALLEY_NEWS = Article(
    "valley-news",
    "valley-news.txt",
    "The Velmora dam could fail within hours, engineers warned on Sunday. "
    "Residents of three villages were moved to school gyms yesterday.",
    published="2024-04-08",
)
WIRE_COPY = Article(
    "wire-copy",
    "wire-copy.txt",
    "Army trucks reached the valley on Saturday with sandbags. "
    "The dam was completed in 1987, according to the regional water board.",
)
REFERENCES = {
    "river-post": (TUE_9_APR_2024, False),
    "valley-news": (MON_8_APR_2024, False),
    "wire-copy": (MON_8_APR_2024, True),  # undated: the story's date, borrowed
}


@pytest.fixture(scope="module")
def timeline() -> list[TimelineEntry]:
    return build_timeline([RIVER_POST, VALLEY_NEWS, WIRE_COPY], REFERENCES, get_encoder("lexical"))


def entries_on(timeline: list[TimelineEntry], date: str) -> list[TimelineEntry]:
    return [e for e in timeline if e.date == date]


def test_every_evidence_span_is_a_view_on_its_article(timeline: list[TimelineEntry]) -> None:
    texts = {a.id: a.text for a in (RIVER_POST, VALLEY_NEWS, WIRE_COPY)}
    assert timeline
    for entry in timeline:
        assert entry.evidence
        for span in entry.evidence:
            assert texts[span.article][span.start : span.end] == span.text
        assert any(entry.text in span.text for span in entry.evidence)


def test_same_event_on_the_same_day_merges_across_articles(timeline: list[TimelineEntry]) -> None:
    warning = [e for e in entries_on(timeline, "2024-04-07") if "dam" in e.text]
    assert len(warning) == 1
    assert {s.article for s in warning[0].evidence} == {"river-post", "valley-news"}


def test_different_events_on_the_same_day_stay_apart(timeline: list[TimelineEntry]) -> None:
    # The warning, the handball final and the villagers moved "yesterday" (said on Monday): three events.
    sunday = entries_on(timeline, "2024-04-07")
    assert sorted(next(w for w in ("dam", "handball", "villages") if w in e.text) for e in sunday) == [
        "dam",
        "handball",
        "villages",
    ]


def test_same_year_from_two_articles_merges_when_the_words_match(timeline: list[TimelineEntry]) -> None:
    (built,) = entries_on(timeline, "1987")
    assert built.precision == "year"
    assert {s.article for s in built.evidence} == {"river-post", "wire-copy"}
    assert built.note is None  # an absolute year does not depend on the borrowed date


def test_borrowed_reference_is_noted(timeline: list[TimelineEntry]) -> None:
    (trucks,) = entries_on(timeline, "2024-04-06")
    assert trucks.note == BORROWED_NOTE
    assert "sandbags" in trucks.text
    (moved,) = [e for e in timeline if "villages" in e.text]
    assert moved.date == "2024-04-07" and moved.note is None  # "yesterday" against the article's own date


def test_month_precision_entry(timeline: list[TimelineEntry]) -> None:
    (inspected,) = entries_on(timeline, "2019-03")
    assert inspected.precision == "month"


def test_sorted_by_date_then_text(timeline: list[TimelineEntry]) -> None:
    assert [e.date for e in timeline] == [
        "1987",
        "2019-03",
        "2024-04-06",
        "2024-04-07",
        "2024-04-07",
        "2024-04-07",
    ]
    sunday = entries_on(timeline, "2024-04-07")
    assert [e.text for e in sunday] == sorted(e.text for e in sunday)


def test_input_order_does_not_change_the_result(timeline: list[TimelineEntry]) -> None:
    again = build_timeline([WIRE_COPY, VALLEY_NEWS, RIVER_POST], REFERENCES, get_encoder("lexical"))
    assert again == timeline


def test_without_reference_only_absolute_dates() -> None:
    got = build_timeline([WIRE_COPY], {}, get_encoder("lexical"))
    assert [(e.date, e.note) for e in got] == [("1987", None)]


def test_empty_story_has_empty_timeline() -> None:
    assert build_timeline([], {}, get_encoder("lexical")) == []


# ------------------------------------------------------------------------------------------ entry text


def _only_mention(text: str, reference: datetime.date = TUE_9_APR_2024) -> tuple[Article, DateMention]:
    article = Article("t", "t.txt", text)
    (mention,) = find_dates(article, reference)
    return article, mention


def test_short_sentence_is_the_entry_text() -> None:
    article, mention = _only_mention("The harbour froze on Monday for the first time in decades.")
    assert event_text(article, mention).text == "The harbour froze on Monday for the first time in decades."


def test_long_sentence_is_cut_to_the_clauses_around_the_date() -> None:
    text = (
        "After weeks of wrangling between the three coalition parties, the cabinet of the island republic, "
        "which had lost two ministers to scandal, approved on Friday a budget that cuts fuel subsidies by a "
        "third, raises the sales tax and freezes public pay for two years, the finance office said."
    )
    article, mention = _only_mention(text)
    span = event_text(article, mention)
    assert article.text[span.start : span.end] == span.text
    assert "approved on Friday a budget" in span.text
    assert len(span.text.split()) <= MAX_WORDS


def test_a_bare_attribution_clause_grows_into_a_window() -> None:
    text = (
        "The ferry operator will cut winter sailings to the outer islands by half and sell two of its oldest "
        "vessels to a company in the south, officials said Monday."
    )
    article, mention = _only_mention(text)
    span = event_text(article, mention)
    assert span.text.endswith("officials said Monday.")
    assert 8 <= len(span.text.split()) <= MAX_WORDS


# ------------------------------------------------------------------------------------------ the seeds


SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED_DATES = {
    "000": "2025-01-14",
    "001": "2025-01-13",
    "004": "2025-01-13",
}  # the date headers, if cleaning kept them
STORY_DATE = datetime.date(2025, 1, 13)


def test_seed_timeline_has_the_gold_entries() -> None:
    if not (SHARED / "seeds").is_dir() or not (SHARED / "acceptance" / "seeds.gold.json").is_file():
        pytest.skip("the shared seeds are not next to the repository")
    from newsprism.api import extract

    articles = extract(str(SHARED / "seeds"))
    references = {}
    for a in articles:
        published = a.published or SEED_DATES.get(a.id[:3])
        references[a.id] = (
            (datetime.date.fromisoformat(published[:10]), False) if published else (STORY_DATE, True)
        )
    timeline = build_timeline(articles, references, get_encoder("lexical"))
    gold = json.loads((SHARED / "acceptance" / "seeds.gold.json").read_text(encoding="utf-8"))["timeline"]
    for want in gold:
        found = [
            e
            for e in timeline
            if e.date.startswith(want["date"])
            and any(t in (e.text + " " + " ".join(s.text for s in e.evidence)).lower() for t in want["terms"])
        ]
        assert found, f"no timeline entry dated {want['date']} about {want['terms']}"
    by_id = {a.id: a.text for a in articles}
    for entry in timeline:
        for span in entry.evidence:
            assert by_id[span.article][span.start : span.end] == span.text


def test_merged_entry_names_the_article_that_borrowed_its_date() -> None:
    dated = Article("dated", "dated.txt", "Army trucks reached the valley on Saturday carrying sandbags.")
    undated = Article(
        "undated", "undated.txt", "On Saturday army trucks carrying sandbags reached the valley."
    )
    refs = {"dated": (MON_8_APR_2024, False), "undated": (MON_8_APR_2024, True)}
    (entry,) = build_timeline([dated, undated], refs, get_encoder("lexical"))
    assert entry.date == "2024-04-06"
    assert {s.article for s in entry.evidence} == {"dated", "undated"}
    assert entry.note == f"{BORROWED_NOTE} (undated)"
