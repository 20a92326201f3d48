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
#: Words that open a clause with a subject of its own ("…, and the mayor …", "…, but they …"). A clause
#: after a joiner that opens otherwise ("…, and sent smoke over the town") shares the first clause's
#: subject and is no statement alone, so the sentence stays whole.
SUBJECT_STARTERS = frozenset(
    """the a an this that these those its their his her our my your some many most several both each
    all no few other another such he she it they we i you there one two three four five""".split()
)

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


def _has_own_subject(clause: str) -> bool:
    """True when a clause opens with a subject: a determiner or pronoun, a name, a number, or a lower-case
    title before a name ("spokesperson Ana Ruiz declined …")."""
    words = clause.split()
    if not words:
        return False
    first = words[0].strip("“\"‘'(")
    if not first:
        return False
    if first.lower() in SUBJECT_STARTERS or first[0].isupper() or first[0].isdigit():
        return True
    return len(words) > 1 and words[1][:1].isupper()


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one sentence at clause joiners, leaving quoted speech and short pieces whole."""
    pieces: list[tuple[int, int]] = []
    s = start
    for m in CLAUSE_JOINERS.finditer(text, start, end):
        left, right = text[s : m.start()], text[m.end() : end]
        if _words(left) < MIN_CLAUSE_WORDS or _words(right) < MIN_CLAUSE_WORDS:
            continue
        if _inside_quote(text[start:end], m.start() - start) or not _has_own_subject(right):
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
