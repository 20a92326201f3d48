"""Hand-built briefings about invented events, so the reports can be tested without the analysis pipeline."""

from __future__ import annotations

import pytest

from newsprism.model import (
    Article,
    Briefing,
    Claim,
    Figure,
    FigureValue,
    Quote,
    Span,
    Story,
    SummarySentence,
    TimelineEntry,
)


def span_of(article: Article, needle: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` in the article (fails loudly if absent)."""
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(needle, start + 1)
    return Span.of(article, start, start + len(needle))


FERRY_A = Article(
    id="a_harbour",
    source="https://harbour-gazette.example/news/ferry-grounding",
    outlet="harbour-gazette.example",
    title="Ferry runs aground off Vellmar Island",
    author="Ines Kroll",
    published="2031-03-04",
    text=(
        "A passenger ferry ran aground off Vellmar Island on Tuesday, the coastguard said.\n\n"
        "About 240 passengers were taken off by lifeboat. \"Everyone is safe and accounted for,\" "
        "said harbour master Tomas Reyl.\n\n"
        "The ferry operator said the vessel had lost steering shortly before 7am."
    ),
)
FERRY_B = Article(
    id="b_wire",
    source="feeds/wire-0412.txt",
    outlet="Northwire",
    title=None,
    author=None,
    published="2031-03-05",
    text=(
        "Rescuers evacuated 263 passengers from a ferry that ran aground off Vellmar Island, officials said "
        "on Wednesday 😀. Harbour master Tomas Reyl said: \"Everyone is safe and accounted for.\"\n"
        "An inquiry will examine the steering failure."
    ),
)
FERRY_C = Article(
    id="c_blog",
    source="reports/c_blog.html",
    outlet=None,
    title="Island diary",
    author="Rue Calder",
    published=None,
    text="Locals said the ferry ran aground off Vellmar Island. Some said the captain was new.",
)


def ferry_briefing() -> Briefing:
    a, b, c = FERRY_A, FERRY_B, FERRY_C
    aground_a = span_of(a, "A passenger ferry ran aground off Vellmar Island on Tuesday, the coastguard said.")
    aground_b = span_of(b, "Rescuers evacuated 263 passengers from a ferry that ran aground off Vellmar Island")
    aground_c = span_of(c, "Locals said the ferry ran aground off Vellmar Island.")
    fig_a = span_of(a, "About 240 passengers")
    fig_b = span_of(b, "263 passengers")
    quote_a = span_of(a, "Everyone is safe and accounted for,")
    quote_b = span_of(b, "Everyone is safe and accounted for.")
    # Crosses the claim span in b: starts inside it and ends after it.
    crossing = span_of(b, "Vellmar Island, officials said on Wednesday 😀. Harbour")
    story = Story(
        id="s1",
        title="Ferry runs aground off Vellmar Island; all passengers rescued",
        articles=(a.id, b.id, c.id),
        claims=(
            Claim("c1", "A ferry ran aground off Vellmar Island.", "corroborated", (aground_a, aground_b, aground_c), 3),
            Claim("c2", "The vessel lost steering before 7am.", "single-source",
                  (span_of(a, "The ferry operator said the vessel had lost steering shortly before 7am."),), 1),
            Claim("c3", "The captain was new.", "disputed", (span_of(c, "Some said the captain was new."),), 1),
            Claim("c4", "An inquiry will examine the steering failure.", "single-source",
                  (span_of(b, "An inquiry will examine the steering failure."),), 1),
        ),
        quotes=(Quote("q1", "Tomas Reyl", "Everyone is safe and accounted for.", (quote_a, quote_b)),),
        figures=(
            Figure("f1", "passengers evacuated", "updated", (
                FigureValue(240, 230, 250, "about", "2031-03-04", "the coastguard", fig_a),
                FigureValue(263, None, None, None, "2031-03-05", "officials", fig_b),
            )),
        ),
        timeline=(
            TimelineEntry("2031-03-04", "day", "The ferry runs aground.", (span_of(a, "on Tuesday"),)),
            TimelineEntry("2031-03", "month", "Inquiry announced.", (crossing,), note="date borrowed from the story"),
        ),
        summary=(
            SummarySentence("A ferry ran aground off Vellmar Island and its passengers were rescued.",
                            (aground_a, aground_b)),
            SummarySentence("Counts of passengers rose from about 240 to 263.", (fig_a, fig_b)),
        ),
    )
    return Briefing("2031-03-05T00:00:00Z", (a, b, c), (story,), problems=("x.png: not a text document",))


@pytest.fixture
def briefing() -> Briefing:
    return ferry_briefing()
