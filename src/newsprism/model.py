"""The typed values that flow through the pipeline, and their JSON shape.

Every finding is a set of :class:`Span` objects: views on an article's cleaned
text by character offsets, so that ``article.text[span.start:span.end] == span.text``.
The JSON produced by :meth:`Briefing.to_dict` is the ``newsprism.briefing/1``
contract described in the shared briefing schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "newsprism.briefing/1"


@dataclass(frozen=True)
class RawDocument:
    """Bytes of one input document and where they came from (before cleaning)."""

    name: str  # file name without extensions, or a hash of the URL: the basis of the article id
    source: str  # path or URL it came from
    data: bytes
    kind: str = "auto"  # "html", "text" or "auto" (sniffed)
    url: str | None = None
    # Metadata the container already knows (feed entries, WARC headers); cleaning prefers its own findings
    # from the document but falls back to these.
    title: str | None = None
    author: str | None = None
    published: str | None = None
    charset: str | None = None  # declared by the container (HTTP header), if any


@dataclass(frozen=True)
class Removed:
    """A piece of the original document that cleaning dropped, and why."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "reason": self.reason}


@dataclass(frozen=True)
class Article:
    id: str
    source: str
    text: str
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date or datetime
    language: str | None = "en"
    removed: tuple[Removed, ...] = ()
    duplicate_of: str | None = None
    #: The other reading of an ambiguous numeric header date ("12/08/2025": 8 December or 12 August),
    #: for the analysis to settle against the story's other articles; not part of the output.
    published_alt: str | None = None

    def to_dict(self, *, with_duplicate: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "outlet": self.outlet,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "language": self.language,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
        }
        if with_duplicate:
            d["duplicate_of"] = self.duplicate_of
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d["id"],
            source=d.get("source") or d["id"],
            text=d.get("text") or "",
            outlet=d.get("outlet"),
            title=d.get("title"),
            author=d.get("author"),
            published=d.get("published"),
            language=d.get("language"),
            removed=tuple(Removed(r["text"], r["reason"]) for r in d.get("removed", [])),
            duplicate_of=d.get("duplicate_of"),
        )


@dataclass(frozen=True, order=True)
class Span:
    """Evidence: ``text`` is exactly ``article.text[start:end]``."""

    article: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article: Article, start: int, end: int) -> Span:
        return cls(article.id, start, end, article.text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    status: str  # corroborated | single-source | disputed | superseded
    evidence: tuple[Span, ...]
    sources: int = 1  # independent articles (near-duplicate copies count once)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "status": self.status,
            "sources": self.sources,
            "evidence": [s.to_dict() for s in self.evidence],
        }


@dataclass(frozen=True)
class Quote:
    id: str
    speaker: str | None
    text: str
    evidence: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "text": self.text,
            "evidence": [s.to_dict() for s in self.evidence],
        }


@dataclass(frozen=True)
class FigureValue:
    value: float
    low: float | None
    high: float | None
    qualifier: str | None
    as_of: str | None
    attributed_to: str | None
    evidence: Span

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": _num(self.value),
            "low": _num(self.low),
            "high": _num(self.high),
            "qualifier": self.qualifier,
            "as_of": self.as_of,
            "attributed_to": self.attributed_to,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True)
class Figure:
    id: str
    about: str
    verdict: str  # agree | differ | updated
    values: tuple[FigureValue, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "about": self.about,
            "verdict": self.verdict,
            "values": [v.to_dict() for v in self.values],
        }


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    precision: str  # day | month | season | year
    text: str
    evidence: tuple[Span, ...]
    note: str | None = None  # e.g. that an undated article borrowed its story's date

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "date": self.date,
            "precision": self.precision,
            "text": self.text,
            "evidence": [s.to_dict() for s in self.evidence],
        }
        if self.note:
            d["note"] = self.note
        return d


@dataclass(frozen=True)
class SummarySentence:
    text: str
    evidence: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "evidence": [s.to_dict() for s in self.evidence]}


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    articles: tuple[str, ...]
    claims: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[SummarySentence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": list(self.articles),
            "claims": [c.to_dict() for c in self.claims],
            "quotes": [q.to_dict() for q in self.quotes],
            "figures": [f.to_dict() for f in self.figures],
            "timeline": [t.to_dict() for t in self.timeline],
            "summary": [s.to_dict() for s in self.summary],
        }


@dataclass(frozen=True)
class Briefing:
    generated_at: str
    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    problems: tuple[str, ...] = field(default=())  # inputs that were skipped, one line each

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "generated_at": self.generated_at,
            "articles": [a.to_dict() for a in self.articles],
            "stories": [s.to_dict() for s in self.stories],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """JSON text; ``</`` is escaped so the output can be embedded in an HTML ``<script>`` safely."""
        return "".join(self.iter_json(indent=indent))

    def iter_json(self, *, indent: int | None = 2) -> Iterator[str]:
        """:meth:`to_json` in pieces, one article or story at a time, to write a large briefing
        without holding its whole text (or a dict tree of it) in memory.

        The pieces join to exactly what ``json.dumps(self.to_dict(), indent=indent)`` gives (with
        ``</`` escaped): the standard encoder cannot stream with indentation, so the two outer
        levels are laid out here and everything inside each article or story is ``json.dumps``'.
        """
        def dumps(value: Any) -> str:
            return json.dumps(value, ensure_ascii=False, indent=indent).replace("</", "<\\/")

        nl, pad = ("\n", " " * indent) if indent is not None else ("", "")
        sep = ",\n" if indent is not None else ", "
        fields: list[tuple[str, Any]] = [("schema", SCHEMA), ("generated_at", self.generated_at),
                                         ("articles", self.articles), ("stories", self.stories)]
        yield "{" + nl
        for i, (key, value) in enumerate(fields):
            yield f"{pad}{dumps(key)}: "
            if not isinstance(value, tuple):
                yield dumps(value)
            elif not value:
                yield "[]"
            else:
                yield "[" + nl
                for j, item in enumerate(value):
                    text = dumps(item.to_dict())
                    if indent is not None:
                        text = text.replace("\n", "\n" + 2 * pad)  # JSON strings hold no raw newline
                    yield 2 * pad + text + (sep if j < len(value) - 1 else nl)
                yield pad + "]"
            yield sep if i < len(fields) - 1 else nl
        yield "}"

    def to_markdown(self) -> str:
        from newsprism.report.markdown import render_markdown

        return render_markdown(self)

    def to_html(self) -> str:
        from newsprism.report.html import render_html

        return render_html(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Briefing:
        arts = tuple(Article.from_dict(a) for a in d.get("articles", []))
        return cls(d.get("generated_at", ""), arts, tuple(_story_from_dict(s) for s in d.get("stories", [])))


def _span(d: dict[str, Any]) -> Span:
    return Span(d["article"], int(d["start"]), int(d["end"]), d["text"])


def _story_from_dict(s: dict[str, Any]) -> Story:
    return Story(
        id=s["id"],
        title=s.get("title", ""),
        articles=tuple(s.get("articles", [])),
        claims=tuple(
            Claim(c["id"], c["text"], c["status"], tuple(_span(e) for e in c["evidence"]), c.get("sources", 1))
            for c in s.get("claims", [])
        ),
        quotes=tuple(
            Quote(q["id"], q.get("speaker"), q["text"], tuple(_span(e) for e in q["evidence"]))
            for q in s.get("quotes", [])
        ),
        figures=tuple(
            Figure(
                f["id"],
                f["about"],
                f["verdict"],
                tuple(
                    FigureValue(
                        v["value"], v.get("low"), v.get("high"), v.get("qualifier"), v.get("as_of"),
                        v.get("attributed_to"), _span(v["evidence"]),
                    )
                    for v in f["values"]
                ),
            )
            for f in s.get("figures", [])
        ),
        timeline=tuple(
            TimelineEntry(t["date"], t["precision"], t["text"], tuple(_span(e) for e in t["evidence"]), t.get("note"))
            for t in s.get("timeline", [])
        ),
        summary=tuple(
            SummarySentence(x["text"], tuple(_span(e) for e in x["evidence"])) for x in s.get("summary", [])
        ),
    )


def _num(v: float | None) -> float | int | None:
    """Whole numbers as ints in JSON (12000, not 12000.0); infinity as null (JSON has none)."""
    if v is None or v != v or v in (float("inf"), float("-inf")):
        return None
    return int(v) if float(v).is_integer() else v
