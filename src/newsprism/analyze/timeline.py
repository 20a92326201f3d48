"""Date mentions of a story's articles → one timeline: what happened when, with evidence from each article.

Each mention becomes a candidate entry whose ``text`` is the clause around the date, cut verbatim from
the article so a reader can find it. Candidates on the same date that tell the same event (similar by
the encoder, or sharing enough content words) merge into one entry carrying a span from each article;
different events on the same date stay apart.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.analyze.dates import DateMention, find_dates, sort_key
from newsprism.analyze.embed import Encoder
from newsprism.model import Article, Span, TimelineEntry

MAX_WORDS = 25
"""Longest entry text, in words; a longer sentence is cut to the clauses around the date."""

MIN_WORDS = 8
"""Shortest useful entry text: when the clauses around the date are shorter ("Officials said Sunday."), a
window of words around the date is taken from the sentence instead."""

BORROWED_NOTE = "date resolved against the story's date; the article gives none"
"""Note on an entry whose date came from a relative phrase in an article without a date of its own."""

SIMILAR_COSINE: dict[str, float] = {"minilm": 0.6, "lexical": 0.3}
"""Cosine at or above which two entry texts on the same date tell the same event, per encoder name.

The lexical encoder scores paraphrases lower than the model does, so its bar is lower."""

SIMILAR_OVERLAP = 0.5
"""Share of the smaller text's content words found in the other text at which two entries merge."""

CLAUSE_BREAK = re.compile(
    r"[,;:][\"'”’»)]*\s+|\s+[—–-]\s+|\s*[—–]\s*|\s+(?=(?:but|while|whereas|although)\s)"
)
"""Where a sentence may be cut into clauses: commas, semicolons, colons, dashes, "but"/"while"…"""

STOPWORDS: frozenset[str] = frozenset(
    re.findall(
        r"[a-z]+",
        """a an the and or but of to in on at by for with from as that this these those it its is was were be
    been has had have he she they his her their them we our you said says say would will could can not no
    who which what when where than then there after before over into about also more most some such""",
    )
)
"""Function words ignored when comparing two entries' wording."""

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class _Candidate:
    mention: DateMention
    text: Span  # the clause cut from the sentence
    borrowed: bool  # relative phrase read against a date borrowed from the story
    row: int  # its row in the matrix of encoded texts


def build_timeline(
    articles: Sequence[Article],
    references: Mapping[str, tuple[datetime.date | None, bool]],
    encoder: Encoder,
) -> list[TimelineEntry]:
    """The story's timeline, sorted by date then text.

    ``references[article.id] = (date, borrowed)``: the date relative phrases resolve against (None: only
    absolute dates are read) and whether it was borrowed from the story rather than given by the article.
    """
    candidates = _candidates(articles, references)
    groups: dict[tuple[str, str], list[_Candidate]] = {}
    for c in candidates:
        groups.setdefault((c.mention.date, c.mention.precision), []).append(c)
    vectors = _vectors(candidates, encoder)
    threshold = SIMILAR_COSINE.get(getattr(encoder, "name", ""), SIMILAR_COSINE["minilm"])
    entries = []
    for (date, precision), members in groups.items():
        for cluster in _clusters(members, vectors, threshold):
            entries.append(_entry(date, precision, cluster, vectors))
    return sorted(entries, key=lambda e: (sort_key(e.date), e.text, e.evidence))


def event_text(article: Article, mention: DateMention) -> Span:
    """The clause around the date: the sentence when it is short, else the clauses nearest the date."""
    s, e = mention.sentence.start, mention.sentence.end
    if _words(article.text[s:e]) <= MAX_WORDS:
        return _trimmed(article, s, e)
    pieces = _clauses(article.text, s, e)
    first = next(i for i, (ps, pe) in enumerate(pieces) if pe > mention.span.start)
    last = next((i for i, (ps, pe) in enumerate(pieces) if pe >= mention.span.end), len(pieces) - 1)
    last = max(first, last)
    words = sum(_words(article.text[ps:pe]) for ps, pe in pieces[first : last + 1])
    if words > MAX_WORDS:
        return _window(article, pieces[first][0], pieces[last][1], mention.span.start)
    # The event usually follows the date ("said on Sunday that …"), its subject precedes it: grow right first.
    while True:
        grew = False
        for step in (1, -1):
            i = last + 1 if step == 1 else first - 1
            if (
                0 <= i < len(pieces)
                and words + _words(article.text[pieces[i][0] : pieces[i][1]]) <= MAX_WORDS
            ):
                words += _words(article.text[pieces[i][0] : pieces[i][1]])
                first, last = min(first, i), max(last, i)
                grew = True
        if not grew:
            break
    if words < MIN_WORDS:
        return _window(article, s, e, mention.span.start)
    return _trimmed(article, pieces[first][0], pieces[last][1])


# ---------------------------------------------------------------------------------------------- candidates


def _candidates(
    articles: Sequence[Article], references: Mapping[str, tuple[datetime.date | None, bool]]
) -> list[_Candidate]:
    out = []
    for article in sorted(articles, key=lambda a: a.id):
        reference, borrowed = references.get(article.id, (None, False))
        seen: set[tuple[str, str, int]] = set()
        for m in find_dates(article, reference):
            key = (m.date, m.precision, m.sentence.start)
            if key in seen:
                continue  # two phrases for one date in one sentence ("Sunday … that day") are one mention
            seen.add(key)
            out.append(_Candidate(m, event_text(article, m), borrowed and m.relative, len(out)))
    return out


def _vectors(candidates: list[_Candidate], encoder: Encoder) -> np.ndarray:
    """Per candidate, two rows: its clause and its sentence."""
    if not candidates:
        return np.zeros((0, 2, 1), dtype=np.float32)
    texts = [t for c in candidates for t in (c.text.text, c.mention.sentence.text)]
    unique = sorted(set(texts))  # repeated wording (wire copies, lists) is encoded once
    encoded = np.asarray(encoder.encode(unique), dtype=np.float32)
    at = {t: i for i, t in enumerate(unique)}
    return encoded[[at[t] for t in texts]].reshape(len(candidates), 2, -1)


def _clusters(members: list[_Candidate], vectors: np.ndarray, threshold: float) -> list[list[_Candidate]]:
    """Single-link groups of candidates that tell the same event, in a fixed order."""
    parent = list(range(len(members)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    # Candidates with the same wording (or from the same sentence) are one event: compare each wording once.
    first_of: dict[object, int] = {}
    for i, c in enumerate(members):
        for key in ((c.text.text, c.mention.sentence.text), (c.text.article, c.mention.sentence.start)):
            join(first_of.setdefault(key, i), i)
    unique = sorted({root(i) for i in range(len(members))})
    for a, b in _similar_pairs([members[i] for i in unique], vectors, threshold):
        join(unique[a], unique[b])
    groups: dict[int, list[_Candidate]] = {}
    for i, c in enumerate(members):
        groups.setdefault(root(i), []).append(c)
    return [groups[k] for k in sorted(groups)]


def _similar_pairs(cands: list[_Candidate], vectors: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Index pairs (i < j) of candidates alike by the encoder (clause or sentence) or by content words."""
    if len(cands) < 2:
        return []
    v = vectors[[c.row for c in cands]]  # (n, 2, dim): clause and sentence
    cosine = np.maximum.reduce([v[:, x] @ v[:, y].T for x in (0, 1) for y in (0, 1)])
    words = [_content_words(c.text.text) for c in cands]
    vocab = {w: k for k, w in enumerate(sorted(set().union(*words)))}
    bags = np.zeros((len(cands), max(1, len(vocab))), dtype=np.float32)
    for i, ws in enumerate(words):
        bags[i, [vocab[w] for w in ws]] = 1.0
    shared = bags @ bags.T
    sizes = bags.sum(axis=1)
    smaller = np.minimum.outer(sizes, sizes)
    overlap = (smaller >= 3) & (shared >= SIMILAR_OVERLAP * np.maximum(smaller, 1))
    alike = np.triu((cosine >= threshold) | overlap, k=1)
    return [(int(i), int(j)) for i, j in np.argwhere(alike)]


def _entry(date: str, precision: str, cluster: list[_Candidate], vectors: np.ndarray) -> TimelineEntry:
    spans = sorted({c.mention.sentence for c in cluster}, key=lambda s: (s.article, s.start, s.end))
    borrowed = sorted({c.text.article for c in cluster if c.borrowed})
    note = None
    if borrowed:
        note = (
            BORROWED_NOTE
            if len(borrowed) == len({c.text.article for c in cluster})
            else (f"{BORROWED_NOTE} ({', '.join(borrowed)})")
        )
    return TimelineEntry(date, precision, _representative(cluster, vectors).text.text, tuple(spans), note)


def _representative(cluster: list[_Candidate], vectors: np.ndarray) -> _Candidate:
    """The candidate closest to all others; ties go to an absolute date, then the shorter text, then id order."""
    clauses = vectors[[c.row for c in cluster], 0]
    centrality = clauses @ clauses.sum(axis=0)  # each one's summed cosine to all, without an n-by-n matrix

    def key(i: int) -> tuple[float, bool, int, str, int]:
        c = cluster[i]
        return (
            -round(float(centrality[i]), 6),
            c.mention.relative,
            len(c.text.text),
            c.text.article,
            c.text.start,
        )

    return cluster[min(range(len(cluster)), key=key)]


# ---------------------------------------------------------------------------------------------- text


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    pos = start
    for m in CLAUSE_BREAK.finditer(text, start, end):
        if m.start() > pos:
            pieces.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        pieces.append((pos, end))
    return pieces or [(start, end)]


def _window(article: Article, start: int, end: int, anchor: int) -> Span:
    """At most :data:`MAX_WORDS` words of ``text[start:end]``, a few before ``anchor`` and the rest after."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", article.text[start:end])]
    words = [(start + s, start + e) for s, e in words]
    at = next((i for i, (s, e) in enumerate(words) if e > anchor), 0)
    first = max(0, min(at - 6, len(words) - MAX_WORDS))
    chosen = words[first : first + MAX_WORDS]
    return _trimmed(article, chosen[0][0], chosen[-1][1])


def _trimmed(article: Article, start: int, end: int) -> Span:
    text = article.text
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return Span.of(article, start, end)


def _words(text: str) -> int:
    return len(text.split())


def _content_words(text: str) -> set[str]:
    return {w for w in (x.lower() for x in _WORD.findall(text)) if w not in STOPWORDS and not w.isdigit()}
