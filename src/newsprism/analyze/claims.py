"""Claim units of one story → claims aligned across articles, each with its status.

Two units meet when their sentence embeddings are close and they share content
words, names and numbers; paraphrases and machine translations meet on the
embedding, near-verbatim copies on both. Clusters are built greedily from the
strongest pairs, one unit per article per claim, and a merge must keep the
average similarity inside the claim high, so one long sentence cannot chain two
different facts together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from newsprism.analyze.numbers import NUMBER_WORDS
from newsprism.analyze.units import Unit
from newsprism.model import Claim, Span

#: Words that carry no content of their own for lexical overlap.
STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "over", "under", "about", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "that", "this", "these", "those", "it", "its", "it's", "they", "them", "their", "there", "here", "he", "him", "his", "she", "her", "we", "our", "you", "your", "i", "me", "my", "not", "no", "nor", "so", "than", "then", "also", "too", "very", "just", "only", "more", "most", "less", "least", "such", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "all", "any", "both", "each", "few", "other", "some", "own", "same", "said", "says", "say", "told", "according", "after", "before", "during", "while", "since", "until", "up", "down", "out", "off", "again", "further", "once", "one", "two"]
)

#: Weights of the similarity parts. Embeddings carry paraphrase; shared words and names keep
#: two sentences with the same template but different facts apart.
W_EMBED, W_LEXICAL, W_NAMES = 0.6, 0.25, 0.15


@dataclass(frozen=True)
class Thresholds:
    pair: float  # a pair this similar may start or join a claim
    average: float  # a merged claim must keep at least this mean pairwise similarity
    prefilter: float  # embedding cosine below which a pair is not considered at all


#: Per encoder: the lexical fallback gives lower cosines for the same paraphrase than MiniLM.
THRESHOLDS = {
    "minilm": Thresholds(pair=0.52, average=0.47, prefilter=0.42),
    "lexical": Thresholds(pair=0.28, average=0.22, prefilter=0.1),
}

_WORD = re.compile(r"[\w'’-]+", re.UNICODE)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+|\d[\d,.\s]*\d|\d")


def stem(word: str) -> str:
    """A crude English stem so that 'soldiers'/'soldier' and 'captured'/'capture' meet."""
    w = word.lower().strip("'’-")
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def content_words(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 1)


#: Numbers written as words count as numbers ("eight years" meets "8 years"); "one" is too often no count.
_SPELLED = re.compile(r"\b(" + "|".join(w for w in NUMBER_WORDS if w not in ("one", "dozen")) + r")\b", re.IGNORECASE)


def names_and_numbers(text: str, *, spelled: bool = False) -> frozenset[str]:
    """Capitalised words (not opening a sentence) and numbers; with ``spelled``, numbers written as words
    too, as their digits (for comparing two statements, where "eight years" is "8 years")."""
    out = set()
    for m in _NAME.finditer(text):
        token = m.group(0)
        if token[0].isdigit():
            out.add(re.sub(r"[\s,.]", "", token))
        elif not spelled or token.lower() not in NUMBER_WORDS:
            out.add(stem(token))
    if spelled:
        out.update(str(NUMBER_WORDS[m.group(1).lower()]) for m in _SPELLED.finditer(text))
    return frozenset(out)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


class Similarity:
    """Pairwise similarity of units, combining embeddings with word and name overlap."""

    def __init__(self, units: Sequence[Unit], vectors: np.ndarray) -> None:
        self.units = units
        self.vectors = vectors
        self.names = [names_and_numbers(u.span.text, spelled=True) for u in units]
        # Names and numbers have their own term: the word overlap is of what is said about them, so two
        # statements about the same agency ("was fined by X", "X ordered work suspended") do not meet on it.
        self.words = [content_words(u.span.text) - n for u, n in zip(units, self.names, strict=True)]

    def __call__(self, i: int, j: int) -> float:
        lexical = 0.5 * jaccard(self.words[i], self.words[j]) + 0.5 * containment(self.words[i], self.words[j])
        cos = float(self.vectors[i] @ self.vectors[j])
        if not self.names[i] and not self.names[j]:
            # Names and numbers can only tell two statements apart when both carry some.
            return (W_EMBED * cos + W_LEXICAL * lexical) / (W_EMBED + W_LEXICAL)
        if not self.names[i] or not self.names[j]:
            # One side names who, where or how many and the other names nothing: a paraphrase may drop
            # them, but so does a merely topical remark ("a recall is what carmakers do"): half a say.
            return (W_EMBED * cos + W_LEXICAL * lexical) / (W_EMBED + W_LEXICAL + W_NAMES / 2)
        return W_EMBED * cos + W_LEXICAL * lexical + W_NAMES * jaccard(self.names[i], self.names[j])

    def candidates(self, prefilter: float) -> Iterator[tuple[int, int]]:
        """Pairs (i < j) of units from different articles whose cosine reaches ``prefilter``.

        Rows are compared a block at a time and each unit keeps only its :data:`NEIGHBOURS` nearest
        candidates, so memory and time stay bounded in a story of thousands of units.
        """
        n = len(self.units)
        arts = np.array([u.span.article for u in self.units], dtype=object)
        for lo in range(0, n, BLOCK_ROWS):
            block = self.vectors[lo : lo + BLOCK_ROWS] @ self.vectors.T
            for r in range(block.shape[0]):
                i = lo + r
                row = block[r]
                row[: i + 1] = -np.inf
                row[arts == arts[i]] = -np.inf
                hits = np.nonzero(row >= prefilter)[0]
                if len(hits) > NEIGHBOURS:
                    hits = hits[np.argsort(-row[hits], kind="stable")[:NEIGHBOURS]]
                for j in sorted(int(h) for h in hits):
                    yield i, j


#: Members of each side whose pairs decide an average-linkage merge (all of them up to this many).
LINK_SAMPLE = 12

#: Rows of the cosine matrix computed at once, and candidates kept per unit (see Similarity.candidates).
BLOCK_ROWS = 256
NEIGHBOURS = 50


def align(units: Sequence[Unit], vectors: np.ndarray, thresholds: Thresholds,
          sim: Similarity | None = None) -> list[list[int]]:
    """Clusters of unit indices; each cluster holds at most one unit per article."""
    sim = sim or Similarity(units, vectors)
    n = len(units)
    arts = [u.span.article for u in units]
    pairs: list[tuple[float, int, int]] = []
    for i, j in sim.candidates(thresholds.prefilter):
        s = sim(i, j)
        if s >= thresholds.pair:
            pairs.append((s, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))

    cluster_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    pair_sim: dict[tuple[int, int], float] = {(i, j): s for s, i, j in pairs}

    def s_of(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        if key not in pair_sim:
            pair_sim[key] = sim(*key)
        return pair_sim[key]

    for _, i, j in pairs:
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        a, b = members[ci], members[cj]
        if {arts[k] for k in a} & {arts[k] for k in b}:
            continue
        # Exact average linkage for claims of a few statements; beyond that a fixed sample of each side
        # (their first members), so merging claims with hundreds of copies stays cheap and small.
        sa, sb = a[:LINK_SAMPLE], b[:LINK_SAMPLE]
        mean = sum(s_of(x, y) for x in sa for y in sb) / (len(sa) * len(sb))
        if mean < thresholds.average:
            continue
        keep, drop = (ci, cj) if ci < cj else (cj, ci)
        members[keep] = sorted(members[keep] + members[drop])
        for k in members.pop(drop):
            cluster_of[k] = keep
    return [members[k] for k in sorted(members)]


def canonical(cluster: Sequence[int], units: Sequence[Unit], sim: Callable[[int, int], float]) -> int:
    """The member closest to all others (ties: the earliest article); its words become the claim text."""
    if len(cluster) == 1:
        return cluster[0]
    best = max(
        cluster,
        key=lambda i: (
            sum(sim(i, j) for j in cluster if j != i),
            -len(units[i].span.text) if len(units[i].span.text) > 300 else 0,
            [-ord(c) for c in units[i].span.article],
        ),
    )
    return best


def build_claims(
    units: Sequence[Unit],
    vectors: np.ndarray,
    encoder_name: str,
    independent: Mapping[str, str],
    article_dates: Mapping[str, str | None],
    conflicts: Callable[[Sequence[Unit]], list[list[int]] | None] | None = None,
) -> list[Claim]:
    """Aligned claims with status; ``independent`` maps an article to the original it copies (or itself).

    ``conflicts`` may split a cluster whose units state incompatible versions (different figures for
    the same count): it returns groups of member positions, one per version, or None when they agree.
    """
    thresholds = THRESHOLDS.get(encoder_name, THRESHOLDS["lexical"])
    sim = Similarity(units, vectors)
    clusters = align(units, vectors, thresholds, sim)
    drafts: list[tuple[list[int], str]] = []
    for cluster in clusters:
        versions = conflicts([units[i] for i in cluster]) if conflicts and len(cluster) > 1 else None
        if not versions or len(versions) < 2:
            drafts.append((cluster, ""))
            continue
        groups = [[cluster[k] for k in g] for g in versions]
        latest = [max((article_dates.get(units[i].span.article) or "") for i in g) for g in groups]
        earliest = [min((article_dates.get(units[i].span.article) or "") for i in g) for g in groups]
        newest = max(range(len(groups)), key=lambda k: latest[k])
        ordered = all(
            k == newest or (latest[k] and earliest[newest] and latest[k] < earliest[newest])
            for k in range(len(groups))
        )
        for k, g in enumerate(groups):
            drafts.append((g, "" if ordered and k == newest else ("superseded" if ordered else "disputed")))

    claims: list[tuple[tuple, Claim]] = []
    for cluster, forced in drafts:
        sources = len({independent.get(units[i].span.article, units[i].span.article) for i in cluster})
        status = forced or ("corroborated" if sources >= 2 else "single-source")
        best = canonical(cluster, units, sim)
        evidence = tuple(sorted((units[i].span for i in cluster), key=lambda s: (s.article, s.start)))
        first = min(units[i].order for i in cluster)
        key = (-sources, first, evidence[0].article, evidence[0].start)
        claims.append((key, Claim("", units[best].span.text, status, evidence, sources)))
    claims.sort(key=lambda kc: kc[0])
    return [Claim(f"c{n}", c.text, c.status, c.evidence, c.sources) for n, (_, c) in enumerate(claims, 1)]


def spans_overlap(a: Span, b: Span) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end
