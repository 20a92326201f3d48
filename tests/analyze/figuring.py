"""Helpers for the figure tests: invented articles read for figures, every span checked verbatim."""

from __future__ import annotations

from newsprism.analyze.figures import FigureMention, find_figures
from newsprism.model import Article


def art(text: str, aid: str = "a", published: str | None = None) -> Article:
    return Article(id=aid, source=aid, text=text, published=published)


def read(text: str, published: str | None = None) -> list[FigureMention]:
    mentions = find_figures(art(text, published=published))
    for m in mentions:  # evidence first: every span is the exact text it points at
        assert text[m.span.start : m.span.end] == m.span.text
        assert text[m.sentence.start : m.sentence.end] == m.sentence.text
    return mentions


def classes(text: str, published: str | None = None) -> list[tuple[float, str, str | None]]:
    """(value, counted, event) of each figure, values rounded to three places."""
    return [(round(m.value, 3), m.counted, m.event) for m in read(text, published)]
