"""The analysis pipeline: cleaned articles → (articles marked with copies, stories).

Stages, each a function from one typed value to the next:
duplicates (MinHash LSH) → claim units → lede embeddings (a batch of articles at a time)
→ stories → per story: unit embeddings, figures, claims (with conflicts), quotes, timeline, summary.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import numpy as np
from datasketch import MinHash

from newsprism.analyze.claims import build_claims
from newsprism.analyze.dedup import find_duplicates
from newsprism.analyze.embed import Encoder, LexicalEncoder, get_encoder
from newsprism.analyze.figures import FigureMention, compatible, find_figures, group_figures
from newsprism.analyze.quotes import find_quotes, group_quotes
from newsprism.analyze.stories import LEDE_UNITS, group_articles, lede_vectors
from newsprism.analyze.summary import summarize
from newsprism.analyze.timeline import build_timeline
from newsprism.analyze.units import Unit, article_units
from newsprism.model import Article, Claim, Span, Story

LEXICAL = LexicalEncoder()

#: How many words of an article's first sentence make a story title when no article has a headline.
TITLE_WORDS = 14


def analyze(
    articles: Sequence[Article],
    *,
    embedder: str | Encoder = "auto",
    hashes: Mapping[str, MinHash] | None = None,
    reuse: Callable[[Sequence[Article]], Story | None] | None = None,
) -> tuple[list[Article], list[Story]]:
    """``hashes``: MinHash signatures of every article computed ahead (the Dask engine does so).

    ``reuse`` may return an already built story for a group of (marked) articles, which is then kept
    instead of analysed again; an incremental update passes the stories its previous briefing holds.
    """
    articles = sorted(articles, key=lambda a: a.id)
    duplicate_of = find_duplicates(articles, hashes=dict(hashes) if hashes is not None else None)
    marked = [replace(a, duplicate_of=duplicate_of.get(a.id)) for a in articles]
    encoder = get_encoder(embedder) if isinstance(embedder, str) else embedder
    units = {a.id: article_units(a) for a in marked}
    groups = group_articles(marked, units, {}, encoder.name, duplicate_of, ledes=_ledes(marked, units, encoder))
    by_id = {a.id: a for a in marked}
    for ids in groups:
        by_id.update((a.id, a) for a in settle_ambiguous_dates([by_id[i] for i in ids]))
    marked = [by_id[a.id] for a in marked]
    # A story's unit vectors are made when it is built and dropped after: memory stays flat with corpus size.
    stories = []
    for n, ids in enumerate(groups, 1):
        members = [by_id[i] for i in ids]
        kept = reuse(members) if reuse else None
        if kept is not None:
            stories.append(replace(kept, id=f"s{n}"))
            continue
        # Embeddings serve to meet paraphrases across independent reports; a story told by one outlet
        # (and its copies, which share its words) is aligned as well by the lexical encoder, at a
        # fraction of the cost.
        single = len({duplicate_of.get(i, i) for i in ids}) == 1
        story_encoder = LEXICAL if single else encoder
        copied = _copied_units(ids, units, duplicate_of)
        needed = [u for i in ids for k, u in enumerate(units[i]) if k < LEDE_UNITS or u not in copied]
        vectors = _embed(story_encoder, needed)
        stories.append(build_story(f"s{n}", members, units, vectors, story_encoder, duplicate_of, copied))
    return marked, stories


#: Articles whose lede units are embedded in one call; bounds the unit vectors held at once.
EMBED_BATCH = 256


def _embed(encoder: Encoder, units: Sequence[Unit]) -> dict[Unit, np.ndarray]:
    if not units:
        return {}
    matrix = encoder.encode([u.span.text for u in units])
    return {u: matrix[i] for i, u in enumerate(units)}


def _ledes(articles: Sequence[Article], units: Mapping[str, Sequence[Unit]], encoder: Encoder
           ) -> dict[str, np.ndarray]:
    """Each article's lede vector (see :func:`lede_vectors`), embedded a batch of articles at a time."""
    out: dict[str, np.ndarray] = {}
    with_units = [a for a in articles if units[a.id]]
    for k in range(0, len(with_units), EMBED_BATCH):
        batch = with_units[k : k + EMBED_BATCH]
        vectors = _embed(encoder, [u for a in batch for u in units[a.id][:LEDE_UNITS]])
        titled = [a for a in batch if a.title]
        titles = dict(zip((a.id for a in titled), encoder.encode([a.title for a in titled]), strict=True))
        out.update(zip((a.id for a in batch), lede_vectors(batch, units, vectors, titles), strict=True))
    # An article without units sits at the origin, in the corpus's dimension (as lede_vectors places it).
    dim = next(iter(out.values())).shape if out else (1,)
    return {a.id: out.get(a.id, np.zeros(dim, dtype=np.float32)) for a in articles}


def texts_to_embed(article: Article) -> list[str]:
    """The texts :func:`analyze` embeds for one article, so a distributed engine can embed them ahead."""
    return [u.span.text for u in article_units(article)] + ([article.title] if article.title else [])


def _copied_units(ids: Sequence[str], units: Mapping[str, Sequence[Unit]], duplicate_of: Mapping[str, str]
                  ) -> dict[Unit, Span]:
    """Each unit of a copy whose words (blanks aside) stand in its original, mapped to the original's span."""
    out: dict[Unit, Span] = {}
    for aid in ids:
        original = duplicate_of.get(aid)
        if original is None:
            continue
        by_text = {" ".join(u.span.text.split()): u.span for u in units.get(original, ())}
        for u in units[aid]:
            span = by_text.get(" ".join(u.span.text.split()))
            if span is not None:
                out[u] = span
    return out


def _attach_copies(claims: Sequence[Claim], copied: Mapping[Unit, Span]) -> list[Claim]:
    """Claims with each copied unit's span added beside its original's span (the source count is unchanged:
    a copy is not an independent source)."""
    if not copied:
        return list(claims)
    extra: dict[Span, list[Span]] = {}
    for u, original in copied.items():
        extra.setdefault(original, []).append(u.span)
    out = []
    for c in claims:
        added = [s for e in c.evidence for s in extra.get(e, ())]
        if added:
            evidence = tuple(sorted((*c.evidence, *added), key=lambda s: (s.article, s.start)))
            c = replace(c, evidence=evidence)
        out.append(c)
    return out


def consensus_date(articles: Sequence[Article]) -> str | None:
    """The date most of a story's articles carry (ties: the latest), used by articles that have none."""
    dates = Counter(a.published[:10] for a in articles if a.published and len(a.published) >= 10)
    if not dates:
        return None
    return max(dates.items(), key=lambda kv: (kv[1], kv[0]))[0]


def settle_ambiguous_dates(articles: Sequence[Article]) -> list[Article]:
    """Each article whose header date could be read two ways ("12/08/2025") takes the reading nearer
    to the dates the story's unambiguously dated articles carry; without them it keeps its own."""
    known = sorted(d for a in articles if a.published_alt is None and (d := _parse_date(a.published)))
    if not known:
        return list(articles)
    centre = known[len(known) // 2]
    out = []
    for a in articles:
        own, alt = _parse_date(a.published), _parse_date(a.published_alt)
        if own and alt and abs((alt - centre).days) < abs((own - centre).days):
            a = replace(a, published=a.published_alt, published_alt=a.published)
        out.append(a)
    return out


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def story_title(articles: Sequence[Article], units: dict[str, list[Unit]], vectors: dict[Unit, np.ndarray]) -> str:
    """The headline of the article closest to the story's centre; else the start of its lede."""
    vecs = lede_vectors(articles, units, vectors)
    centre = vecs.mean(axis=0) if len(vecs) else None
    order = sorted(
        range(len(articles)),
        key=lambda i: (-(float(vecs[i] @ centre) if centre is not None else 0.0), articles[i].id),
    )
    for i in order:
        if articles[i].title and articles[i].duplicate_of is None:
            return articles[i].title
    for i in order:
        if units[articles[i].id]:
            words = units[articles[i].id][0].span.text.split()
            return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
    return articles[0].title or articles[0].id


def _conflicts_from(mentions: Sequence[FigureMention]):
    """A conflict finder for claims: units whose figures count the same thing with incompatible values."""

    by_article: dict[str, list[FigureMention]] = {}
    for m in mentions:
        by_article.setdefault(m.span.article, []).append(m)

    def in_unit(u: Unit) -> list[FigureMention]:
        return [m for m in by_article.get(u.span.article, ())
                if m.span.start >= u.span.start and m.span.end <= u.span.end]

    def conflicts(members: Sequence[Unit]) -> list[list[int]] | None:
        per_unit = [in_unit(u) for u in members]
        keys = sorted({(m.counted, m.event) for ms in per_unit for m in ms if m.event}, key=str)
        for key in keys:
            # Each version: a representative mention and the member positions that state it. Values are
            # compared as figure grouping compares them, so claims and figures never disagree on a conflict.
            versions: list[tuple[FigureMention, list[int]]] = []
            for pos, ms in enumerate(per_unit):
                m = next((m for m in ms if (m.counted, m.event) == key), None)
                if m is None:
                    continue
                for rep, positions in versions:
                    if compatible(rep, m):
                        positions.append(pos)
                        break
                else:
                    versions.append((m, [pos]))
            if len(versions) > 1:
                placed = {p for _, positions in versions for p in positions}
                groups = [positions for _, positions in versions]
                biggest = max(range(len(groups)), key=lambda k: len(groups[k]))
                groups[biggest].extend(p for p in range(len(members)) if p not in placed)
                return [sorted(g) for g in groups]
        return None

    return conflicts


def build_story(
    story_id: str,
    articles: Sequence[Article],
    units: dict[str, list[Unit]],
    vectors: dict[Unit, np.ndarray],
    encoder: Encoder,
    duplicate_of: dict[str, str],
    copied: Mapping[Unit, Span] | None = None,
) -> Story:
    """One story's findings; ``copied`` (see :func:`_copied_units`) may be passed when already known."""
    ids = [a.id for a in articles]
    independent = {aid: duplicate_of.get(aid, aid) for aid in ids}
    consensus = consensus_date(articles)
    references: dict[str, tuple[dt.date | None, bool]] = {}
    article_dates: dict[str, str | None] = {}
    for a in articles:
        own = _parse_date(a.published)
        if own is not None:
            references[a.id] = (own, False)
            article_dates[a.id] = own.isoformat()
        else:
            borrowed = _parse_date(consensus)
            references[a.id] = (borrowed, borrowed is not None)
            article_dates[a.id] = None  # an undated report cannot order a change over time

    mentions = [m for a in articles for m in find_figures(a)]
    figures = group_figures(mentions, article_dates, lambda aid: independent.get(aid, aid))
    # Copies repeat their original's statements word for word: only the statements a copy words
    # differently are aligned; the rest join their original's claims directly (see _attach_copies).
    if copied is None:
        copied = _copied_units(ids, units, duplicate_of)
    story_units = [u for aid in ids for u in units[aid] if u not in copied]
    matrix = np.stack([vectors[u] for u in story_units]) if story_units else np.zeros((0, 1), dtype=np.float32)
    claims = build_claims(story_units, matrix, encoder.name, independent, article_dates, _conflicts_from(mentions),
                          encoder.encode)
    claims = _attach_copies(claims, copied)
    quotes = group_quotes([q for a in articles for q in find_quotes(a)], encoder)
    timeline = build_timeline(articles, references, encoder)
    summary = summarize(claims, figures)
    return Story(
        id=story_id,
        title=story_title(articles, units, vectors),
        articles=tuple(ids),
        claims=tuple(claims),
        quotes=tuple(quotes),
        figures=tuple(figures),
        timeline=tuple(timeline),
        summary=tuple(summary),
    )
