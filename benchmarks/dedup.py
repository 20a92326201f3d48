"""Near-duplicate detection: newsprism's ``find_duplicates`` against a plain datasketch MinHashLSH baseline.

The corpus is every page of the shared extraction benchmark plus edited copies of most of them
(sentence drops, paragraph reordering, boilerplate added, 1–30 % of words changed), so the true
duplicate pairs are known. The baseline uses text-dedup's published CORE settings: 200
permutations, LSH with 50 bands × 4 rows, 5-word shingles, no verification step; its clusters are
the connected components of LSH candidate pairs. Scores are over pairs of documents put in the
same cluster.

Run: ``python benchmarks/dedup.py [--repeat 3] [--seed 7]``
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _corpus import Doc, dedup_corpus
from datasketch import MinHash, MinHashLSH

from newsprism.analyze import dedup
from newsprism.analyze.dedup import find_duplicates
from newsprism.model import Article

BASELINE_PERM = 200
BASELINE_BANDS = (50, 4)
BASELINE_NGRAM = 5
_NON_ALPHA = re.compile(r"\W", re.UNICODE)


def baseline_clusters(docs: Sequence[Doc]) -> dict[str, str]:
    """text-dedup style: lower-case, split on non-word characters, 5-gram shingles, LSH, union-find."""
    lsh = MinHashLSH(num_perm=BASELINE_PERM, params=BASELINE_BANDS)
    hashes = {}
    for d in docs:
        tokens = [t for t in _NON_ALPHA.split(d.text.lower()) if t]
        grams = {" ".join(tokens[i : i + BASELINE_NGRAM]).encode()
                 for i in range(max(1, len(tokens) - BASELINE_NGRAM + 1))}
        m = MinHash(num_perm=BASELINE_PERM, seed=1)
        m.update_batch(grams)
        hashes[d.id] = m
        lsh.insert(d.id, m)
    parent = {d.id: d.id for d in docs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for d in docs:
        for other in lsh.query(hashes[d.id]):
            a, b = find(d.id), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {d.id: find(d.id) for d in docs}


def our_clusters(docs: Sequence[Doc], threshold: float | None = None, shingle: int | None = None) -> dict[str, str]:
    """The library's detector as shipped; ``threshold``/``shingle`` try other settings of it."""
    articles = [Article(id=d.id, source=d.id, text=d.text) for d in docs]
    if threshold is None and shingle is None:
        dup_of = find_duplicates(articles)
    else:
        size = shingle or dedup.SHINGLE_WORDS
        hashes = {}
        for a in articles:
            m = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED)
            m.update_batch(sorted(dedup.shingles(a.text, size)))
            hashes[a.id] = m
        dup_of = find_duplicates(articles, threshold or dedup.THRESHOLD, hashes)
    return {d.id: dup_of.get(d.id, d.id) for d in docs}


def pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for doc, label in labels.items():
        groups[label].append(doc)
    return {p for g in groups.values() for p in combinations(sorted(g), 2)}


def scores(predicted: set[tuple[str, str]], truth: set[tuple[str, str]]) -> tuple[float, float, float]:
    tp = len(predicted & truth)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(truth) if truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def recall_by_edit(predicted: set[tuple[str, str]], docs: Iterable[Doc], edits: dict[str, str]) -> dict[str, float]:
    """Share of copies found with their original, per kind of edit."""
    found: dict[str, list[int]] = defaultdict(list)
    for d in docs:
        if d.id in edits:
            original = d.id.rsplit("-c", 1)[0]
            for kind in edits[d.id].split("+"):
                found[kind].append(tuple(sorted((d.id, original))) in predicted)
    return {k: sum(v) / len(v) for k, v in sorted(found.items())}


def timed(fn: Callable[[Sequence[Doc]], dict[str, str]], docs: Sequence[Doc], repeat: int) -> tuple[dict[str, str], float]:
    best = float("inf")
    out: dict[str, str] = {}
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn(docs)
        best = min(best, time.perf_counter() - t)
    return out, best


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per detector; the fastest counts")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--threshold", type=float, help="try our detector at this Jaccard threshold")
    ap.add_argument("--shingle", type=int, help="try our detector with shingles of this many words")
    args = ap.parse_args(argv)

    docs, edits = dedup_corpus(seed=args.seed)
    truth = pairs({d.id: d.cluster for d in docs})
    print(f"corpus: {len(docs)} documents, {len(edits)} edited copies, {len(truth)} true duplicate pairs")

    ours, t_ours = timed(lambda ds: our_clusters(ds, args.threshold, args.shingle), docs, args.repeat)
    base, t_base = timed(baseline_clusters, docs, args.repeat)
    p_ours, p_base = pairs(ours), pairs(base)
    label = "newsprism find_duplicates" + (
        f" (th {args.threshold or dedup.THRESHOLD}, {args.shingle or dedup.SHINGLE_WORDS}-word)"
        if args.threshold or args.shingle else ""
    )
    rows = [(label, scores(p_ours, truth), t_ours),
            ("datasketch LSH 200p 50x4 (text-dedup CORE)", scores(p_base, truth), t_base)]
    print(f"{'detector':45} {'precision':>9} {'recall':>7} {'F1':>7} {'time s':>8}")
    for name, (p, r, f), t in rows:
        print(f"{name:45} {p:9.4f} {r:7.4f} {f:7.4f} {t:8.3f}")
    print("recall by edit (ours | baseline):")
    rb_ours, rb_base = recall_by_edit(p_ours, docs, edits), recall_by_edit(p_base, docs, edits)
    for kind in rb_ours:
        print(f"  {kind:12} {rb_ours[kind]:.3f} | {rb_base[kind]:.3f}")
    f_ratio = rows[0][1][2] / rows[1][1][2] if rows[1][1][2] else float("inf")
    print(f"ratio ours/baseline: F1 {f_ratio:.3f} (target >= 1.0), time {t_ours / t_base:.3f} (target <= 1.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
