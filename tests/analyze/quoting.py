"""Helpers for the quote tests: an invented article and its quotes, every span checked verbatim."""

from __future__ import annotations

from newsprism.analyze.embed import get_encoder
from newsprism.analyze.quotes import QuoteMention, find_quotes
from newsprism.model import Article, Quote

LEXICAL = get_encoder("lexical")


def art(text: str, aid: str = "a") -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text)


def quotes(text: str) -> list[tuple[str, str | None]]:
    """(quote text, speaker) of each quote found, after checking its span and sentence are verbatim."""
    article = art(text)
    found = find_quotes(article)
    for q in found:
        assert article.text[q.span.start : q.span.end] == q.span.text == q.text
        assert article.text[q.sentence.start : q.sentence.end] == q.sentence.text
        assert q.sentence.start <= q.span.start and q.span.end <= q.sentence.end
    return [(q.text, q.speaker) for q in found]


def mentions(**articles: str) -> list[QuoteMention]:
    """The quotes found in each article, keyed by id, in one list for grouping."""
    out: list[QuoteMention] = []
    for aid, text in articles.items():
        out += find_quotes(art(text, aid))
    return out


def outlets(q: Quote) -> list[str]:
    return [s.article for s in q.evidence]


def wholes(text: str) -> list[str | None]:
    """The passage each quote belongs to when it is one part of a longer one, else None."""
    return [q.whole.text if q.whole else None for q in find_quotes(art(text))]
