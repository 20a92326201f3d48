"""Articles → stories: one group per event, every article in exactly one story.

An article is represented by the mean embedding of its lede (title and first
sentences, where news puts the event) and by the names and numbers it uses.
Groups are formed by average-linkage agglomerative clustering (SciPy) on a
similarity that mixes both, cut at a fixed threshold, so an unrelated article
stands alone. An article left alone then gets a second, looser look that uses
the whole article: it joins a group whose ledes come close to its own and
whose articles name many of the same people, places and numbers (a page that
opens with a box of terse notes has a lede unlike anyone's prose). Beyond a
few hundred articles, only each article's nearest neighbours are compared
(found a block of rows at a time), so memory does not grow with the square of
the corpus; see docs/scaling.md for the index that replaces the exact
neighbour search beyond about 10^5 articles.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from newsprism.analyze.claims import jaccard, names_and_numbers
from newsprism.analyze.units import Unit
from newsprism.model import Article

#: Sentences of the lede that describe the article's event.
LEDE_UNITS = 6
#: Weight of the embedding against shared names/numbers in article similarity.
W_EMBED = 0.75
#: Articles at least this similar (average linkage) report the same event; per encoder.
STORY_THRESHOLD = {"minilm": 0.5, "lexical": 0.25}
#: Above this many articles the pairwise stage is blocked (see module docstring).
BLOCKING_ABOVE = 400
#: The largest blocked component cut by exact average linkage, and how much the bar rises per step
#: when a larger component is split first.
EXACT_LIMIT = 2000
SPLIT_STEP = 0.05
#: Rows of the similarity matrix computed at once, and nearest articles considered per article.
BLOCK_ROWS = 1024
NEIGHBOURS = 30
#: An article left alone joins a group when its lede similarity to the group (as in the linkage) is at
#: least this share of the story threshold and, over the whole articles, it shares at least
#: :data:`WHOLE_NAMES_BAR` of its names and numbers (mean Jaccard) with the group's articles. On the
#: invented test stories, reports of different events with ledes that close share at most 0.04 (any
#: two different events at most 0.12); a report and the rest of its own story share 0.16 or more.
LONER_LEDE_SHARE = 0.8
WHOLE_NAMES_BAR = 0.15


def lede_vectors(articles: Sequence[Article], units: Mapping[str, Sequence[Unit]], vectors: Mapping[Unit, np.ndarray],
                 titles: Mapping[str, np.ndarray] | None = None) -> np.ndarray:
    """Mean of the lede units' vectors and, when given (article id → vector), the headline's: a headline
    names the event most plainly, and cleaning moves it out of the text."""
    rows = []
    for a in articles:
        vs = [vectors[u] for u in units[a.id][:LEDE_UNITS]]
        if titles and a.id in titles:
            vs.append(titles[a.id])
        if not vs:
            rows.append(np.zeros(next(iter(vectors.values())).shape if vectors else (1,), dtype=np.float32))
            continue
        m = np.mean(vs, axis=0)
        n = np.linalg.norm(m)
        rows.append(m / n if n else m)
    return np.stack(rows) if rows else np.zeros((0, 1), dtype=np.float32)


def _whole_names(article: Article, units: Sequence[Unit]) -> frozenset[str]:
    """The names and numbers of the headline and the given units."""
    return names_and_numbers(" ".join([article.title or ""] + [u.span.text for u in units]))


def _lede_names(article: Article, units: Sequence[Unit]) -> frozenset[str]:
    return _whole_names(article, units[: LEDE_UNITS * 2])


def group_articles(
    articles: Sequence[Article],
    units: Mapping[str, Sequence[Unit]],
    vectors: Mapping[Unit, np.ndarray],
    encoder_name: str,
    duplicate_of: Mapping[str, str],
    *,
    ledes: Mapping[str, np.ndarray] | None = None,
) -> list[list[str]]:
    """Article ids per story, stories ordered by size then first id; copies join their original.

    ``ledes`` (article id → its row of :func:`lede_vectors`) may be computed ahead, a batch of articles
    at a time, so that the unit vectors of the whole corpus need not be held at once.
    """
    originals = [a for a in articles if a.id not in duplicate_of]
    groups: list[list[str]] = []
    if originals:
        labels = _cluster(originals, units, vectors, STORY_THRESHOLD.get(encoder_name, 0.3), ledes)
        by_label: dict[int, list[str]] = {}
        for a, lab in zip(originals, labels, strict=True):
            by_label.setdefault(int(lab), []).append(a.id)
        groups = list(by_label.values())
    home = {aid: g for g in groups for aid in g}
    for copy, original in sorted(duplicate_of.items()):
        home[original].append(copy)
    for g in groups:
        g.sort()
    groups.sort(key=lambda g: (-len(g), g[0]))
    return groups


def _cluster(articles: Sequence[Article], units: Mapping[str, Sequence[Unit]],
             vectors: Mapping[Unit, np.ndarray], threshold: float,
             ledes: Mapping[str, np.ndarray] | None = None) -> np.ndarray:
    n = len(articles)
    if n == 1:
        return np.zeros(1, dtype=int)
    vecs = np.stack([ledes[a.id] for a in articles]) if ledes is not None else lede_vectors(articles, units, vectors)
    names = [_lede_names(a, units[a.id]) for a in articles]
    if n > BLOCKING_ABOVE:
        labels = _cluster_blocked(vecs, names, threshold)
    else:
        labels = _average_linkage(vecs, names, threshold)
    whole: dict[int, frozenset[str]] = {}

    def whole_names(i: int) -> frozenset[str]:
        if i not in whole:
            whole[i] = _whole_names(articles[i], units[articles[i].id])
        return whole[i]

    return attach_loners(labels, vecs, names, whole_names, threshold)


def attach_loners(labels: np.ndarray, vecs: np.ndarray, names: Sequence[frozenset[str]],
                  whole_names: Callable[[int], frozenset[str]], threshold: float) -> np.ndarray:
    """Labels after each article left alone has joined the group it matches on a looser, two-key test.

    The lede similarity alone misses a report whose opening is unlike other outlets' prose (a "key
    points" box, a live blog's timestamped entries, a headline-heavy trade page), so an article alone
    gets a second chance against the groups holding its :data:`NEIGHBOURS` nearest articles: the
    linkage similarity, averaged over a group, must reach :data:`LONER_LEDE_SHARE` of the threshold,
    and the names and numbers of the whole articles (:func:`_whole_names`, computed only for the
    articles compared) must overlap by :data:`WHOLE_NAMES_BAR` on average. Either key alone is weak:
    events of one kind have close ledes, and events of one place and week share many names; together
    they single out the same event. Articles alone are taken in input order (the caller sorts it) and
    a group grows as they join, so the result is deterministic.
    Hand-written rather than a second linkage: only articles left alone move, so no group is split.
    """
    labels = np.asarray(labels).copy()
    n = len(labels)
    if n < 2:
        return labels
    members: dict[int, list[int]] = {}
    for i, lab in enumerate(labels.tolist()):
        members.setdefault(lab, []).append(i)
    loners = [m[0] for m in members.values() if len(m) == 1]
    if not loners:
        return labels
    k = min(NEIGHBOURS, n - 1)
    for lo in range(0, len(loners), BLOCK_ROWS):
        rows = loners[lo : lo + BLOCK_ROWS]
        nearest = np.argpartition(-(vecs[rows] @ vecs.T), k, axis=1)[:, : k + 1]
        for r, i in enumerate(rows):
            if len(members[int(labels[i])]) > 1:  # joined by an earlier loner
                continue
            candidates = sorted({int(lab) for lab in labels[nearest[r]].tolist()} - {int(labels[i])})
            best, best_score = None, 0.0
            for lab in candidates:
                group = members[lab]
                cosines = (vecs[group] @ vecs[i]).tolist()
                lede = sum(_similarity(c, names[i], names[j]) for c, j in zip(cosines, group, strict=True)) / len(group)
                if lede < LONER_LEDE_SHARE * threshold:
                    continue
                shared = sum(jaccard(whole_names(i), whole_names(j)) for j in group) / len(group)
                if shared >= WHOLE_NAMES_BAR and lede + shared > best_score:
                    best, best_score = lab, lede + shared
            if best is not None:
                members[best].append(i)
                del members[int(labels[i])]
                labels[i] = best
    return labels


def _similarity(cosine: float, a: frozenset[str], b: frozenset[str]) -> float:
    """Two articles' similarity: their ledes' cosine and the names and numbers they share."""
    return W_EMBED * cosine + (1 - W_EMBED) * jaccard(a, b)


def _average_linkage(vecs: np.ndarray, names: Sequence[frozenset[str]], threshold: float) -> np.ndarray:
    """Exact average-linkage clusters (SciPy) of a small enough group of articles."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    n = len(names)
    if n == 1:
        return np.ones(1, dtype=int)
    sim = W_EMBED * (vecs @ vecs.T)
    for i in range(n):
        for j in range(i + 1, n):
            s = (1 - W_EMBED) * jaccard(names[i], names[j])
            sim[i, j] += s
            sim[j, i] += s
    dist = np.clip(1.0 - sim, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    return fcluster(tree, t=1.0 - threshold, criterion="distance")


def _components(members: Sequence[int], pairs: Sequence[tuple[float, int, int]], cut: float) -> list[list[int]]:
    """Connected components of ``members`` joined by the pairs scoring at least ``cut`` (union-find)."""
    parent = {m: m for m in members}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s, i, j in pairs:
        if s >= cut and i in parent and j in parent:
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for m in members:
        groups.setdefault(find(m), []).append(m)
    return list(groups.values())


def _cluster_blocked(vecs: np.ndarray, names: Sequence[frozenset[str]], threshold: float) -> np.ndarray:
    """Stories of a large corpus without an all-pairs matrix in memory.

    Each article's :data:`NEIGHBOURS` nearest articles by embedding are found a block of rows at a
    time; pairs above the threshold join components, and each component is then cut by exact average
    linkage, so a chain of pairwise-similar articles does not become one story. A component too large
    for that (:data:`EXACT_LIMIT`) is first split by raising the bar its pairs must clear, step by
    step, so one chain across a big corpus never becomes one story.
    """
    n = len(names)
    pairs: list[tuple[float, int, int]] = []
    for lo in range(0, n, BLOCK_ROWS):
        block = vecs[lo : lo + BLOCK_ROWS] @ vecs.T
        for r in range(block.shape[0]):
            i = lo + r
            row = block[r]
            near = np.argpartition(-row, min(NEIGHBOURS, n - 1))[: NEIGHBOURS + 1]
            for j in sorted(int(j) for j in near if j != i):
                s = _similarity(float(row[j]), names[i], names[j])
                if s >= threshold:
                    pairs.append((s, i, j))
    labels = np.zeros(n, dtype=int)
    next_label = 1
    todo = [(members, threshold) for members in _components(range(n), pairs, threshold)]
    while todo:
        members, cut = todo.pop(0)
        if len(members) > EXACT_LIMIT and cut < 1.0:
            todo[:0] = [(sub, cut + SPLIT_STEP) for sub in _components(members, pairs, cut + SPLIT_STEP)]
            continue
        if 1 < len(members) <= EXACT_LIMIT:
            sub = _average_linkage(vecs[members], [names[i] for i in members], threshold)
        else:
            sub = np.ones(len(members), dtype=int)
        for i, lab in zip(members, sub.tolist(), strict=True):
            labels[i] = next_label + lab - 1
        next_label += int(sub.max())
    return labels
