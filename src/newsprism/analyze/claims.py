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

from newsprism.analyze.dates import MONTHS, WEEKDAYS
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

    def __init__(self, units: Sequence[Unit], vectors: np.ndarray, known: Similarity | None = None) -> None:
        """``known``: the similarity of the first units already profiled, whose words and names are reused."""
        self.units = units
        self.vectors = vectors
        done = len(known.units) if known is not None else 0
        self.names = (known.names[:done] if known else []) + [
            names_and_numbers(u.span.text, spelled=True) for u in units[done:]]
        # Names and numbers have their own term: the word overlap is of what is said about them, so two
        # statements about the same agency ("was fined by X", "X ordered work suspended") do not meet on it.
        self.words = (known.words[:done] if known else []) + [
            content_words(u.span.text) - n for u, n in zip(units[done:], self.names[done:], strict=True)]
        self._pairs: dict[tuple[int, int], float] = {}

    def cached(self, i: int, j: int) -> float:
        """The similarity of a pair, computed once: average linkage asks for the same pairs again."""
        key = (i, j) if i < j else (j, i)
        if key not in self._pairs:
            self._pairs[key] = self(*key)
        return self._pairs[key]

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


def mean_linkage(a: Sequence[int], b: Sequence[int], sim: Similarity) -> float:
    """Average similarity between two claims' members: exact for claims of a few statements, beyond that a
    fixed sample of each side (their first members), so merging claims with hundreds of copies stays cheap."""
    sa, sb = a[:LINK_SAMPLE], b[:LINK_SAMPLE]
    return sum(sim.cached(x, y) for x in sa for y in sb) / (len(sa) * len(sb))


def align(units: Sequence[Unit], vectors: np.ndarray, thresholds: Thresholds,
          sim: Similarity | None = None) -> list[list[int]]:
    """Clusters of unit indices; each cluster holds at most one unit per article."""
    sim = sim or Similarity(units, vectors)
    n = len(units)
    arts = [u.span.article for u in units]
    pairs: list[tuple[float, int, int]] = []
    for i, j in sim.candidates(thresholds.prefilter):
        s = sim.cached(i, j)
        if s >= thresholds.pair:
            pairs.append((s, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))

    cluster_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in pairs:
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        a, b = members[ci], members[cj]
        if {arts[k] for k in a} & {arts[k] for k in b}:
            continue
        if mean_linkage(a, b, sim) < thresholds.average:
            continue
        keep, drop = (ci, cj) if ci < cj else (cj, ci)
        members[keep] = sorted(members[keep] + members[drop])
        for k in members.pop(drop):
            cluster_of[k] = keep
    return [members[k] for k in sorted(members)]


#: A statement of at least this many words may carry several facts: runs of its pieces (see
#: :func:`fragment_spans`) may each meet a statement of another article that says one of them.
FRAGMENT_FROM_WORDS = 14
#: Where a statement's pieces part: a comma, semicolon, colon or dash (with the word opening a clause
#: after it, if any), or a word that opens a clause.
CLAUSE_OPENERS = ("and|but|while|whereas|when|as|after|before|with|which|who|where|because|although|though|since|"
                  "amid|following")
FRAGMENT_CUTS = re.compile(
    rf"(?:\s*[,;:]\s+|\s+[–—]\s+)(?:(?:{CLAUSE_OPENERS})\s+)?|\s+(?:{CLAUSE_OPENERS})\s+",
    re.IGNORECASE,
)
#: A piece that names a source and nothing else: "police in the region said", "survivors told the Daily",
#: "according to the ministry", "she added".
ATTRIBUTION_PIECE = re.compile(
    r"^(?:according to\b.*|[\w'’ .-]{0,60}\b(?:said|says|told|added|stated|reported|confirmed|announced|"
    r"wrote|explained|noted)(?:\s+(?:on|in|at|to|by)(?:\s+(?!that\b)[\w'’.-]+){1,4})?|"
    r"[\w'’ .-]{0,60}\btold(?:\s+[\w'’.-]+){1,4})$",
    re.IGNORECASE,
)
#: Longest run of pieces taken as one fragment, and most fragments kept per statement.
FRAGMENT_PIECES = 3
MAX_FRAGMENTS = 12
#: A fragment must leave out at least this many of its statement's words, or it is the statement.
FRAGMENT_LEAVES = 3


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def quotes_balanced(text: str) -> bool:
    """Every quotation opened in ``text`` is closed: a piece cut out of a longer one would misquote."""
    return text.count('"') % 2 == 0 and sum(text.count(q) for q in "“«„") == sum(text.count(q) for q in "”»")


def _pieces(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, names only a source) of the pieces of a statement between :data:`FRAGMENT_CUTS`."""
    out, pos = [], 0
    for m in FRAGMENT_CUTS.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text.rstrip(" .!?"))))
    return [(s, e, bool(ATTRIBUTION_PIECE.search(text[s:e]))) for s, e in out if e > s]


def statement_core(unit: Unit) -> Unit | None:
    """The statement without the source named at its start or end ("Staff checked passengers in by hand,
    the airline said" → "Staff checked passengers in by hand"; "Police said that 12 were held" → "12 were
    held"), or None when it names none there."""
    text = unit.span.text
    pieces = _pieces(text)
    facts = [(s, e) for s, e, says in pieces if not says]
    lead = LEADING_SOURCE.match(text)
    if not facts or not (lead or (len(facts) < len(pieces) and (pieces[0][2] or pieces[-1][2]))):
        return None
    s, e = facts[0][0], facts[-1][1]
    if lead and s < lead.end() < e:
        s = lead.end()
    core = text[s:e]
    if _word_count(core) < MIN_CORE_WORDS or not quotes_balanced(core) or (s, e) == (0, len(text)):
        return None
    return Unit(Span(unit.span.article, unit.span.start + s, unit.span.start + e, core), unit.paragraph, unit.order)


#: A source named before what it says, with no comma: "Police said that …", "She said he …", "The ministry
#: told reporters on Monday that …" (a name or a few words, a speech verb, an optional day, "that").
LEADING_SOURCE = re.compile(
    r"(?:[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,4}?)\s+(?:said|says|told\s+(?:reporters|journalists|\w+)|added|"
    r"stated|confirmed|announced|reported|explained|insisted|warned)(?:\s+(?:on|late on|early on)\s+\w+)?"
    r"(?:\s+that)?\s+(?=\S)",
)


#: Two parts of two long statements meet only when both have this many words and are this much closer
#: than two whole statements must be.
PART_WORDS = 7
PART_MARGIN = 0.05
#: A statement (without its source) of at most this many words is taken to state one thing.
ANCHOR_WORDS = 16
#: A statement without its source must keep this many words to state anything.
MIN_CORE_WORDS = 5


def fragment_spans(unit: Unit, min_words: int = 5) -> list[Unit]:
    """Parts of a long statement that may state one of its facts alone, as units (same paragraph and order).

    "The ferry was carrying 200 people to the weekly market when strong winds struck it" says where the
    passengers were going and what sank the boat; another outlet may say only one of the two. The pieces
    between commas, dashes and clause-opening words are joined into runs of up to :data:`FRAGMENT_PIECES`;
    runs that cut a quotation in two are left out (their words would misquote).
    """
    text, base = unit.span.text, unit.span.start
    total = _word_count(text)
    if total < FRAGMENT_FROM_WORDS:
        return []
    # A piece that only says who said it ("police said", "according to the ministry") states no fact, and
    # would let two fragments meet on their sources alone: runs stop at it.
    runs: list[list[tuple[int, int]]] = [[]]
    for s, e, says in _pieces(text):
        if says:
            runs.append([])
        else:
            runs[-1].append((s, e))
    out: list[Unit] = []
    seen: set[tuple[int, int]] = set()
    starts = [(block, a) for block in runs for a in range(len(block))]
    for run in range(1, FRAGMENT_PIECES + 1):
        for block, a in starts:
            if a + run > len(block):
                continue
            s, e = block[a][0], block[a + run - 1][1]
            words = _word_count(text[s:e])
            if (s, e) in seen or words < min_words or words > total - FRAGMENT_LEAVES:
                continue
            if not quotes_balanced(text[s:e]):
                continue
            seen.add((s, e))
            out.append(Unit(Span(unit.span.article, base + s, base + e, text[s:e]), unit.paragraph, unit.order))
            if len(out) >= MAX_FRAGMENTS:
                return out
    return out


def _linked(sim: Similarity, i: int, j: int) -> bool:
    """Two statements say something about the same thing: two shared words, or a word and a name."""
    words = len(sim.words[i] & sim.words[j])
    return words >= 2 or (words >= 1 and bool(sim.names[i] & sim.names[j]))


def _covers(sim: Similarity, statement: int, part: int) -> bool:
    """Part of another statement says all that ``statement`` says: each of its numbers, and at least
    :data:`COVERED_WORDS` of its words. "23 were arrested" does not back "23 were arrested and 14 officers
    were hurt"; "200 on board" does not back "41 died"."""
    numbers = {n for n in sim.names[statement] if n[0].isdigit()}
    if not numbers <= sim.names[part]:
        return False
    words = sim.words[statement]
    return not words or len(words & sim.words[part]) / len(words) >= COVERED_WORDS


#: Share of a statement's words that part of another statement must hold to back it.
COVERED_WORDS = 0.4


def align_fragments(units: Sequence[Unit], vectors: np.ndarray, clusters: list[list[int]], thresholds: Thresholds,
                    sim: Similarity, encode: Callable[[list[str]], np.ndarray]
                    ) -> tuple[list[Unit], list[list[int]], Similarity]:
    """A second pass that lets part of a long statement support a claim: the pieces of two related
    statements left in different claims are compared, and a close pair joins their claims (or starts one).

    Returns all pieces (``units`` first, then the fragments), the clusters over them and their similarity. A statement
    keeps its own claim; a fragment only adds its article to another. A claim built only of fragments is
    kept when it holds two articles or more.
    """
    cluster_of = {i: c for c, members in enumerate(clusters) for i in members}
    cores: dict[int, Unit | None] = {}
    frags: dict[int, list[Unit]] = {}
    pairs: list[tuple[int, int]] = []
    for i, j in sim.candidates(thresholds.prefilter):
        if cluster_of[i] == cluster_of[j] or not _linked(sim, i, j):
            continue
        for k in (i, j):
            if k not in frags:
                cores[k] = statement_core(units[k])
                whole = cores[k].span if cores[k] else units[k].span
                frags[k] = [f for f in fragment_spans(units[k]) if f.span != whole]
        if frags[i] or frags[j] or cores[i] or cores[j]:
            pairs.append((i, j))
    if not pairs:
        return list(units), clusters, sim
    pieces = list(units)
    parent: list[int] = list(range(len(units)))
    anchor: dict[int, int] = {}
    own: dict[int, list[int]] = {}
    for k in sorted(frags):
        anchor[k] = k
        if cores[k] is not None:
            anchor[k] = len(pieces)
            pieces.append(cores[k])
            parent.append(k)
        own[k] = list(range(len(pieces), len(pieces) + len(frags[k])))
        pieces.extend(frags[k])
        parent.extend([k] * len(frags[k]))
    # Words and names decide which pairs of pieces are worth comparing; only the pieces of those pairs are
    # embedded (the encoder is the costly part).
    psim = Similarity(pieces, np.zeros((len(pieces), vectors.shape[1]), np.float32), known=sim)
    words = [_word_count(p.span.text) for p in pieces]
    # A statement that says one thing (or its part without the source) may find that thing inside a longer
    # statement of another article.
    short = {k: words[anchor[k]] <= ANCHOR_WORDS for k in anchor}
    tries: list[tuple[int, int, float]] = []  # (piece, piece, the bar their similarity must reach)
    for i, j in pairs:
        # (statement, part of the other that must say all of it)
        one_fact = [(anchor[i], q) for q in own[j] if short[i]] + [(anchor[j], p) for p in own[i] if short[j]]
        if anchor[i] != i or anchor[j] != j:
            one_fact.append(tuple(sorted((anchor[i], anchor[j]), key=lambda k: (words[k], k))))
        tries += [(p, q, thresholds.pair) for p, q in one_fact if _linked(psim, p, q) and _covers(psim, p, q)]
        # Two parts of two long statements: each must say all the other says, be a clause of some length,
        # and be closer than two statements need to be (short parts overlap easily).
        tries += [(p, q, thresholds.pair + PART_MARGIN) for p in own[i] for q in own[j]
                  if min(words[p], words[q]) >= PART_WORDS
                  and _linked(psim, p, q) and _covers(psim, p, q) and _covers(psim, q, p)]
    needed = sorted({k for p, q, _ in tries for k in (p, q) if k >= len(units)})
    psim.vectors[: len(units)] = vectors
    if needed:
        psim.vectors[needed] = encode([pieces[k].span.text for k in needed])
    scored = [(s, min(p, q), max(p, q)) for p, q, bar in tries if (s := psim.cached(p, q)) >= bar]
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    # Clusters over pieces: the first pass's claims, each fragment alone until it joins one.
    members: dict[int, list[int]] = {c: list(m) for c, m in enumerate(clusters)}
    home = {i: c for c, m in members.items() for i in m}
    for f in range(len(units), len(pieces)):
        home[f] = len(members)
        members[home[f]] = [f]
    arts = [p.span.article for p in pieces]

    def try_merge(cp: int, cq: int) -> None:
        if cp == cq or cp not in members or cq not in members:
            return
        a, b = members[cp], members[cq]
        shared = {arts[k] for k in a} & {arts[k] for k in b}
        # An article on both sides is allowed only as two overlapping parts of one statement (the same
        # words cut a little differently): the longer part stays.
        twins = [(x, y) for x in a for y in b if arts[x] == arts[y]]
        if len(twins) != len(shared) or not all(_overlap(pieces, parent, x, y) > 0 for x, y in twins):
            return
        if mean_linkage(a, b, psim) < thresholds.average:
            return
        shorter = {min((x, y), key=lambda k: (len(pieces[k].span.text), k)) for x, y in twins}
        keep, drop = (cp, cq) if cp < cq else (cq, cp)
        members[keep] = sorted(k for k in members[keep] + members.pop(drop) if k not in shorter)
        for k in members[keep]:
            home[k] = keep
        for k in shorter:
            home[k] = -1  # in no claim any more

    for _, p, q in scored:
        try_merge(home[p], home[q])
    # Two claims resting on mostly the same words of one statement are one claim when, on average, their
    # statements are close ("overturned in strong winds shortly" / "… shortly after it left port").
    placed = sorted(k for k in range(len(units), len(pieces)) if home[k] >= 0 and len(members[home[k]]) > 1)
    same = [(psim.cached(x, y), x, y) for x in placed for y in placed
            if x < y and home[x] != home[y] and _overlap(pieces, parent, x, y) >= OVERLAP_SAME]
    for _, x, y in sorted(same, key=lambda t: (-t[0], t[1], t[2])):
        try_merge(home[x], home[y])
    # A statement that found its claim through its core, and is alone in its own, is that claim's evidence
    # whole (the source it names included) and has no claim of its own besides.
    for k, core in anchor.items():
        if core != k and home[core] >= 0 and members.get(home[k]) == [k]:
            del members[home[k]]
            members[home[core]] = sorted(k if x == core else x for x in members[home[core]])
            home[k], home[core] = home[core], -1
    # A claim made only of fragments whose statements already stand together in one claim says it twice.
    out = [m for _, m in sorted(members.items())
           if any(k < len(units) for k in m) or (len(m) >= 2 and len({cluster_of[parent[k]] for k in m}) > 1)]
    return pieces, out, psim


#: Two fragments of one statement sharing at least this share of the shorter's words state the same fact.
OVERLAP_SAME = 0.5


def _overlap(pieces: Sequence[Unit], parent: Sequence[int], x: int, y: int) -> float:
    """How much of the shorter of two pieces cut from one statement the other covers (0 for two statements)."""
    a, b = pieces[x].span, pieces[y].span
    if parent[x] != parent[y]:
        return 0.0
    common = min(a.end, b.end) - max(a.start, b.start)
    return max(0.0, common / min(a.end - a.start, b.end - b.start))


def canonical(cluster: Sequence[int], units: Sequence[Unit], sim: Callable[[int, int], float],
              whole: int | None = None) -> int:
    """The member closest to all others (ties: the earliest article); its words become the claim text.
    With ``whole``, members below that index (whole statements) are preferred to fragments."""
    if len(cluster) == 1:
        return cluster[0]
    if whole is not None and any(i < whole for i in cluster):
        cluster = [i for i in cluster if i < whole]
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
    encode: Callable[[list[str]], np.ndarray] | None = None,
) -> list[Claim]:
    """Aligned claims with status; ``independent`` maps an article to the original it copies (or itself).

    ``conflicts`` may split a cluster whose units state incompatible versions (different figures for
    the same count): it returns groups of member positions, one per version, or None when they agree.
    ``encode`` (the encoder that made ``vectors``) lets parts of long statements meet (see
    :func:`align_fragments`); without it only whole statements are aligned.
    """
    thresholds = THRESHOLDS.get(encoder_name, THRESHOLDS["lexical"])
    sim = Similarity(units, vectors)
    clusters = align(units, vectors, thresholds, sim)
    whole = len(units)
    if encode is not None:
        units, clusters, sim = align_fragments(units, vectors, clusters, thresholds, sim, encode)
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
        best = canonical(cluster, units, sim, whole)
        evidence = tuple(sorted((units[i].span for i in cluster), key=lambda s: (s.article, s.start)))
        first = min(units[i].order for i in cluster)
        key = (-sources, first, evidence[0].article, evidence[0].start)
        claims.append((key, Claim("", units[best].span.text, status, evidence, sources)))
    claims.extend(_added_details(drafts, units, whole, independent))
    claims.sort(key=lambda kc: kc[0])
    return [Claim(f"c{n}", c.text, c.status, c.evidence, c.sources) for n, (_, c) in enumerate(claims, 1)]


def _added_details(drafts: Sequence[tuple[list[int], str]], units: Sequence[Unit], whole: int,
                   independent: Mapping[str, str]) -> list[tuple[tuple, Claim]]:
    """Details one outlet adds inside a statement others corroborate: "arrested at the airport as he tried to
    leave" is told by two outlets, "as he prepared to board a flight to Dubai" by one. A name that a
    statement of a corroborated claim gives, and that no other independent article of the story uses at
    all, makes the shortest part of that statement naming it a single-source claim of its own. ``units``
    holds the whole statements first (``whole`` of them), then parts."""
    used: dict[str, set[str]] = {}
    for u in units[:whole]:
        used.setdefault(independent.get(u.span.article, u.span.article), set()).update(
            _name_key(w) for w in re.findall(r"\w+(?:['’]s)?", u.span.text))
    out: list[tuple[tuple, Claim]] = []
    for cluster, forced in drafts:
        if forced or len({independent.get(units[i].span.article, units[i].span.article) for i in cluster}) < 2:
            continue
        for i in (k for k in cluster if k < whole):
            origin = independent.get(units[i].span.article, units[i].span.article)
            elsewhere = set().union(*(words for a, words in used.items() if a != origin))
            own = [m.group(0) for m in _NAME.finditer(units[i].span.text) if not m.group(0)[0].isdigit()]
            fresh = {w for w in own if _name_key(w) not in elsewhere and _name_key(w) not in CALENDAR_WORDS}
            if not fresh:
                continue
            parts = [f for f in fragment_spans(units[i]) if any(re.search(rf"\b{re.escape(w)}\b", f.span.text)
                                                                for w in fresh)]
            if not parts:
                continue
            part = min(parts, key=lambda f: (len(f.span.text), f.span.start))
            out.append(((-1, part.order, part.span.article, part.span.start),
                        Claim("", part.span.text, "single-source", (part.span,), 1)))
    return out


def _name_key(word: str) -> str:
    """A name as compared across outlets: lower case, no possessive, its first five letters, so that
    spellings and forms of one name meet ("Zelensky"/"Zelenskiy", "Seoul’s"/"Seoul", "Defense"/"defence")."""
    return re.sub(r"['’]s$", "", word.lower())[:5]


#: Capitalised words that name no detail of their own: months and weekdays (with their short forms).
CALENDAR_WORDS = frozenset(_name_key(w) for w in (*MONTHS, *WEEKDAYS, *(w[:3] for w in WEEKDAYS)))


def spans_overlap(a: Span, b: Span) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end
