"""Incremental briefings: new articles join a stored briefing, and only the stories they touch are rebuilt.

Deciding which story an article belongs to is cheap (MinHash signatures, lede vectors and blocked
clustering), and the analysis of a story (claims, figures, quotes, timeline, summary) is the
expensive part. So an update places every article again exactly as a batch run would, which
keeps incremental and batch stories identical even when a new article bridges two stories or
becomes the original of a copy, and carries over each story whose members, their texts and their
copy links are unchanged; only stories that gained or lost articles, or are new, are analysed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from newsprism.analyze.embed import Encoder
from newsprism.model import Article, Briefing, Story
from newsprism.store import Store


@dataclass(frozen=True)
class Update:
    """The outcome of one incremental update."""

    briefing_id: int  # the stored briefing that holds the result
    previous_id: int | None  # the briefing it was built from (None: there was none, everything was built)
    briefing: Briefing
    rebuilt: tuple[str, ...]  # ids of stories analysed in this update (new, or their members changed)
    reused: tuple[str, ...]  # ids of stories carried over from the previous briefing


def reuse_from(previous: Briefing | None) -> Callable[[Sequence[Article]], Story | None]:
    """A ``reuse`` callback for :func:`newsprism.analyze.pipeline.analyze`: the previous briefing's story
    for the same articles, provided none of them changed (text, metadata, or which article it copies)."""
    if previous is None:
        return lambda members: None
    stories = {tuple(s.articles): s for s in previous.stories}
    before = {a.id: a for a in previous.articles}

    def reuse(members: Sequence[Article]) -> Story | None:
        story = stories.get(tuple(a.id for a in members))
        if story is None or any(before.get(a.id) != a for a in members):
            return None
        return story

    return reuse


def update_briefing(
    previous: Briefing | None,
    articles: Sequence[Article],
    *,
    embedder: str | Encoder = "auto",
    generated_at: str | None = None,
) -> tuple[Briefing, tuple[str, ...], tuple[str, ...]]:
    """The briefing a batch run over ``articles`` gives, reusing ``previous``'s unchanged stories.

    Returns the briefing, the ids of the stories rebuilt and of those reused.
    """
    from newsprism.analyze.pipeline import analyze
    from newsprism.api import generation_time

    reuse = reuse_from(previous)
    reused: list[str] = []

    def counted(members: Sequence[Article]) -> Story | None:
        story = reuse(members)
        if story is not None:
            reused.append(members[0].id)
        return story

    marked, stories = analyze(articles, embedder=embedder, reuse=counted)
    first_ids = set(reused)
    kept = tuple(s.id for s in stories if s.articles[0] in first_ids)
    rebuilt = tuple(s.id for s in stories if s.articles[0] not in first_ids)
    ordered = sorted(articles, key=lambda a: a.id)
    briefing = Briefing(generation_time(ordered, generated_at), tuple(marked), tuple(stories))
    return briefing, rebuilt, kept


def latest_briefing(store: Store) -> int | None:
    """The id of the most recent stored briefing, or None."""
    rows = store.list_briefings()
    return max((r.id for r in rows), default=None)


def add_and_update(
    store: Store,
    new_ids: Iterable[str],
    *,
    embedder: str | Encoder = "auto",
    generated_at: str | None = None,
    briefing_id: int | None = None,
) -> Update | None:
    """Extend a stored briefing (the latest, unless ``briefing_id``) with articles already added to the store.

    Returns None when there is no briefing to extend or nothing new for it; otherwise the updated
    briefing is stored as a new briefing over the old inputs plus ``new_ids``.
    """
    previous_id = briefing_id if briefing_id is not None else latest_briefing(store)
    if previous_id is None:
        return None
    inputs = store.briefing_inputs(previous_id)
    fresh = [i for i in dict.fromkeys(new_ids) if i not in set(inputs)]
    if not fresh:
        return None
    previous = store.get_briefing(previous_id)
    articles = store.get_articles(inputs + fresh)
    briefing, rebuilt, reused = update_briefing(previous, articles, embedder=embedder, generated_at=generated_at)
    new_id = store.add_briefing(briefing, [a.id for a in articles])
    return Update(new_id, previous_id, briefing, rebuilt, reused)
