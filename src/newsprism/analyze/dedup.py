"""Near-duplicates (syndicated wire copy, lightly edited reprints) with MinHash LSH.

A copy is marked ``duplicate_of`` its original and counts once when corroboration
is counted. Candidates come from datasketch's LSH index, so the cost grows with
the corpus, not with its square; each candidate pair is then confirmed on the
MinHash Jaccard estimate.

Which of two copies is the original: the earlier report, then the longer text, then the id; but an
article that credits the other's outlet ("first published by …", "originally appeared in …",
"republished with permission from …", see :data:`CREDIT`) is the copy whatever its date or length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from newsprism.model import Article

#: Words per shingle. Three-word shingles survive word changes that break longer ones; between independent
#: reports of one event their Jaccard stays near 0.1, far below THRESHOLD.
SHINGLE_WORDS = 3
NUM_PERM = 128
#: Estimated Jaccard similarity of shingle sets at and above which two articles are copies.
THRESHOLD = 0.4
#: A fixed seed keeps the hash functions, and so the output, the same on every run.
SEED = 1

_WORD = re.compile(r"\w+", re.UNICODE)

_NAME = r"(?P<name>(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:(?:of|and|&|the|de|la)\s+)?[A-Z][\w'’&.-]*)*)"

CREDIT = re.compile(
    r"(?i:(?:first|originally)\s+(?:published|appeared|ran|printed)\s+(?:by|in|on|at)"
    r"|(?:re)?(?:published|printed|reproduced)\s+(?:here\s+)?with\s+(?:the\s+)?(?:kind\s+)?permission\s+(?:of|from)"
    r"|courtesy\s+of)\s+" + _NAME
)
"""A copy's credit to its original's outlet: "first published by Lakeside Post", "originally appeared in
The Valley Herald", "republished with permission from Coast Radio". ``name`` is the credited outlet."""

LEGAL_SUFFIXES: frozenset[str] = frozenset(
    {"limited", "ltd", "inc", "llc", "plc", "corp", "corporation", "co", "group", "media", "gmbh", "sa", "ag"}
)
"""Company-form words an outlet's name may carry in its byline or copyright but not in a credit:
"Lakeside Post Limited" is credited as "Lakeside Post"."""


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def minhash(text: str, num_perm: int = NUM_PERM) -> MinHash:
    m = MinHash(num_perm=num_perm, seed=SEED)
    m.update_batch(sorted(shingles(text)))
    return m


def _original_first(a: Article) -> tuple[str, int, str]:
    # The earliest report is the original; undated ones come after dated ones; then the longer text.
    return (a.published[:10] if a.published else "9999", -len(a.text), a.id)


def find_duplicates(
    articles: Sequence[Article], threshold: float = THRESHOLD, hashes: dict[str, MinHash] | None = None
) -> dict[str, str]:
    """Map each copy's id to its original's id (originals are not keys)."""
    ordered = sorted(articles, key=_original_first)
    hashes = hashes if hashes is not None else {a.id: minhash(a.text) for a in ordered}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    dup_of: dict[str, str] = {}
    for a in ordered:
        m = hashes[a.id]
        best: tuple[float, str] | None = None
        for other in sorted(lsh.query(m)):
            sim = m.jaccard(hashes[other])
            if sim >= threshold and (best is None or sim > best[0]):
                best = (sim, other)
        if best is not None:
            dup_of[a.id] = dup_of.get(best[1], best[1])
        else:
            lsh.insert(a.id, m)  # only originals are indexed, so every copy points at an original
    return _credited_originals(dup_of, {a.id: a for a in ordered}, [a.id for a in ordered])


def credited_names(article: Article) -> list[str]:
    """Normalised names of the outlets ``article`` credits as its source, from its text and the pieces
    cleaning removed (a credit line is often dropped as boilerplate)."""
    texts = [article.text, *(r.text for r in article.removed)]
    return sorted({n for t in texts for m in CREDIT.finditer(t) if (n := normalised_name(m.group("name")))})


def normalised_name(name: str | None) -> str:
    """Lower-case words of an outlet's name without a leading "the" or trailing company form."""
    words = [w.lower() for w in _WORD.findall(name or "")]
    if words and words[0] == "the":
        words = words[1:]
    while words and words[-1] in LEGAL_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def credits(copy: Article, original: Article, read: dict[str, list[str]] | None = None) -> bool:
    """Whether ``copy`` credits ``original``'s outlet (or title) as where it first appeared. ``read`` keeps
    each article's credits (by id) across calls, so a group's members are read once."""
    if read is None:
        read = {}
    if copy.id not in read:
        read[copy.id] = credited_names(copy)
    targets = {normalised_name(original.outlet), normalised_name(original.title)} - {""}
    return any(name in targets for name in read[copy.id])


def _credited_originals(dup_of: dict[str, str], by_id: dict[str, Article], order: list[str]) -> dict[str, str]:
    """Make a group's original the member its chosen original credits, if any."""
    read: dict[str, list[str]] = {}

    groups: dict[str, list[str]] = {}
    for copy in order:
        if copy in dup_of:
            groups.setdefault(dup_of[copy], []).append(copy)
    out = dict(dup_of)
    for root in sorted(groups):
        root_article = by_id[root]
        credited = next(
            (
                c
                for c in groups[root]
                if credits(root_article, by_id[c], read) and not credits(by_id[c], root_article, read)
            ),
            None,
        )
        if credited is None:
            continue
        del out[credited]
        for member in [root, *groups[root]]:
            if member != credited:
                out[member] = credited
    return out
