"""What the Markdown and HTML reports share: citation numbering, grouping and number formatting.

Both reports walk a briefing in the same order (summary, claims, figures, quotes, timeline) and
number each distinct evidence span the first time it is cited, so ``[3]`` in the HTML and
``[^3]`` in the Markdown point at the same words.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsprism.model import Article, Briefing, Claim, Span, Story

#: Claim statuses in the order a reader should meet them; each gets its own section.
STATUS_ORDER: tuple[str, ...] = ("corroborated", "disputed", "superseded", "single-source")

#: Words shown for each figure verdict and claim status (plain, never hidden).
VERDICT_LABELS: dict[str, str] = {
    "agree": "agree",
    "updated": "updated: a later report replaces an earlier one",
    "differ": "differ: the reports disagree",
}


@dataclass(frozen=True)
class Citation:
    """One numbered evidence span; ``valid`` is False when the span does not match its article's text."""

    number: int
    span: Span
    valid: bool

    @property
    def anchor(self) -> str:
        return f"sp-{self.number}"


class Citations:
    """Numbers evidence spans in the order they are first cited; the same span keeps one number."""

    def __init__(self, briefing: Briefing) -> None:
        self._articles = {a.id: a for a in briefing.articles}
        self._by_key: dict[tuple[str, int, int], Citation] = {}
        for story in briefing.stories:
            for span in story_spans(story):
                self.cite(span)

    def cite(self, span: Span) -> Citation:
        key = (span.article, span.start, span.end)
        found = self._by_key.get(key)
        if found is None:
            found = Citation(len(self._by_key) + 1, span, span_is_valid(self._articles.get(span.article), span))
            self._by_key[key] = found
        return found

    def all(self) -> list[Citation]:
        return sorted(self._by_key.values(), key=lambda c: c.number)

    def in_article(self, article_id: str) -> list[Citation]:
        return [c for c in self.all() if c.span.article == article_id and c.valid]


def span_is_valid(article: Article | None, span: Span) -> bool:
    """Evidence first: a span is only marked in the text when it really is that text."""
    return (
        article is not None
        and 0 <= span.start <= span.end <= len(article.text)
        and article.text[span.start : span.end] == span.text
    )


def story_spans(story: Story) -> Iterable[Span]:
    """Every span of a story, in the order the reports show them."""
    for sentence in story.summary:
        yield from sentence.evidence
    for claim in claims_in_report_order(story):
        yield from claim.evidence
    for figure in story.figures:
        for value in figure.values:
            yield value.evidence
    for quote in story.quotes:
        yield from quote.evidence
    for entry in story.timeline:
        yield from entry.evidence


def claims_in_report_order(story: Story) -> list[Claim]:
    """Claims grouped by status (``STATUS_ORDER``, unknown statuses last), keeping their order within a group."""
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    return sorted(story.claims, key=lambda c: rank.get(c.status, len(rank)))


def claims_with_status(story: Story, status: str) -> list[Claim]:
    return [c for c in story.claims if c.status == status]


def other_status_claims(story: Story) -> list[Claim]:
    """Claims whose status the report does not know: shown too, with their status word."""
    return [c for c in story.claims if c.status not in STATUS_ORDER]


def evidence_articles(spans: Iterable[Span]) -> int:
    """How many distinct articles the evidence comes from (copies included; ``claim.sources`` excludes them)."""
    return len({s.article for s in spans})


def outlet_name(article: Article | None, fallback: str) -> str:
    if article is None:
        return fallback
    return article.outlet or article.id


def group_by_outlet(claims: list[Claim], articles: dict[str, Article]) -> list[tuple[str, list[Claim]]]:
    """Single-source claims grouped under the outlet that carries them, outlets sorted by name."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        first = claim.evidence[0].article if claim.evidence else ""
        groups.setdefault(outlet_name(articles.get(first), first or "unknown source"), []).append(claim)
    return sorted(groups.items(), key=lambda kv: kv[0].casefold())


def safe_link(source: str | None) -> str | None:
    """``source`` when it is an http(s) URL a browser can follow safely, else None (no javascript: links)."""
    if not source:
        return None
    text = source.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch.isspace() or ch in '<>"`' for ch in text):
        return None
    return text


def format_number(value: float | None) -> str:
    """``12000`` → ``12,000``; ``2.5`` → ``2.5``; None → empty."""
    if value is None or math.isnan(value):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e15 else f"{value:g}"


def format_range(value: float, low: float | None, high: float | None) -> str:
    """The value, with its range when the report gave one that is not just the value itself."""
    shown = format_number(value)
    if low is not None and high is not None and (low != value or high != value) and low != high:
        return f"{shown} ({format_number(low)}–{format_number(high)})"
    return shown


def briefing_title(briefing: Briefing) -> str:
    """The page title: the story headline, or the first one and how many more."""
    titles = [s.title for s in briefing.stories if s.title]
    if not titles:
        return "Briefing"
    return titles[0] if len(titles) == 1 else f"{titles[0]} (and {len(titles) - 1} more)"


def article_anchors(briefing: Briefing) -> dict[str, str]:
    """A fragment id per article; ids made from positions, since article ids may hold any character."""
    return {a.id: f"art-{i}" for i, a in enumerate(briefing.articles, 1)}


def one_line(text: str) -> str:
    """Whitespace runs (newlines included) as single spaces, for table cells and footnotes."""
    return " ".join(text.split())
