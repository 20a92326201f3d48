"""Articles → claim units: sentences, split into clauses where one sentence carries several facts.

A unit is a span of the cleaned text; it is what claims are aligned on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.analyze.sentences import paragraph_spans, sentence_spans
from newsprism.model import Article, Span

#: Conjunctions that join two independent clauses, each able to carry its own fact
#: ("The ministry denied it, and its spokesperson declined to comment").
CLAUSE_JOINERS = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+")
#: Both sides of a split must have at least this many words, so "bread, and butter" stays whole.
MIN_CLAUSE_WORDS = 6
#: Units shorter than this are headings or fragments, not statements.
MIN_UNIT_WORDS = 5

_OPEN_QUOTES = "“«„‘\""
_CLOSE_QUOTES = "”»“’\""


@dataclass(frozen=True)
class Unit:
    span: Span
    paragraph: int  # index of the paragraph it is in, for position-based ranking
    order: int  # index of the unit in its article


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _inside_quote(text: str, pos: int) -> bool:
    """True when ``pos`` falls inside an open quotation (an odd number of marks before it)."""
    before = text[:pos]
    opened = sum(before.count(q) for q in "“«„")
    closed = sum(before.count(q) for q in "”»")
    straight = before.count('"')
    return opened > closed or straight % 2 == 1


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one sentence at clause joiners, leaving quoted speech and short pieces whole."""
    pieces: list[tuple[int, int]] = []
    s = start
    for m in CLAUSE_JOINERS.finditer(text, start, end):
        left, right = text[s : m.start()], text[m.end() : end]
        if _words(left) < MIN_CLAUSE_WORDS or _words(right) < MIN_CLAUSE_WORDS:
            continue
        if _inside_quote(text[start:end], m.start() - start):
            continue
        pieces.append((s, m.start()))
        s = m.end()
    pieces.append((s, end))
    return pieces


def article_units(article: Article) -> list[Unit]:
    text = article.text
    units: list[Unit] = []
    for p, (ps, pe) in enumerate(paragraph_spans(text)):
        for ss, se in sentence_spans(text, ps, pe):
            for cs, ce in clause_spans(text, ss, se):
                if _words(text[cs:ce]) >= MIN_UNIT_WORDS:
                    units.append(Unit(Span.of(article, cs, ce), p, len(units)))
    return units
