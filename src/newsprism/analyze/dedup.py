"""Near-duplicates (syndicated wire copy, lightly edited reprints) with MinHash LSH.

A copy is marked ``duplicate_of`` its original and counts once when corroboration
is counted. Candidates come from datasketch's LSH index, so the cost grows with
the corpus, not with its square; each candidate pair is then confirmed on the
MinHash Jaccard estimate.
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
    return dup_of
