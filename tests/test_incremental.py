"""Incremental updates give the stories a batch run gives, and rebuild only the stories new articles touch."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from newsprism.api import brief_articles, read
from newsprism.incremental import add_and_update, reuse_from, update_briefing
from newsprism.model import Article
from newsprism.store import Store

STORIES = Path(__file__).resolve().parent / "fixtures" / "stories"


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[Article]]:
    """The invented stories' articles, per story folder."""
    return {d.name: read([str(d)]).articles for d in sorted(STORIES.iterdir()) if d.is_dir()}


def _batch_json(articles: list[Article], embedder: str = "lexical") -> str:
    return brief_articles(articles, embedder=embedder).to_json()


@pytest.fixture(scope="module")
def minilm() -> str:
    """The model keeps the invented events apart whatever else is in the corpus (the lexical aligner may not)."""
    from newsprism.analyze.embed import get_encoder

    if get_encoder("auto").name != "minilm":
        pytest.skip("the packaged MiniLM model cannot load here")
    return "auto"


def test_update_equals_batch_and_rebuilds_only_touched_stories(
    corpus: dict[str, list[Article]], minilm: str
) -> None:
    # Named, not by position: more invented stories may be added to the fixtures.
    grown, untouched, arriving = "derailment_wire", "nurses_strike", "quake_andes"
    first = corpus[grown][:-1] + corpus[untouched]
    later = [corpus[grown][-1], *corpus[arriving]]
    previous = brief_articles(first, embedder=minilm)

    briefing, rebuilt, reused = update_briefing(previous, first + later, embedder=minilm)

    assert briefing.to_json() == _batch_json(first + later, minilm)
    story_of = {aid: s.id for s in briefing.stories for aid in s.articles}
    assert story_of[corpus[untouched][0].id] in reused
    assert story_of[corpus[grown][0].id] in rebuilt  # it gained an article
    assert story_of[corpus[arriving][0].id] in rebuilt  # it is new
    assert set(rebuilt).isdisjoint(reused)


def test_a_changed_article_is_not_reused(corpus: dict[str, list[Article]]) -> None:
    articles = next(iter(corpus.values()))
    previous = brief_articles(articles, embedder="lexical")
    reuse = reuse_from(previous)
    members = [a for a in previous.articles if a.id in previous.stories[0].articles]
    assert reuse(members) is previous.stories[0]
    edited = [replace(members[0], text=members[0].text + " A correction was appended later."), *members[1:]]
    assert reuse(edited) is None
    assert reuse(members[1:]) is None  # other members: another story
    assert reuse_from(None)(members) is None


def test_store_update_extends_the_latest_briefing(
    tmp_path: Path, corpus: dict[str, list[Article]], minilm: str
) -> None:
    first, later = corpus["derailment_wire"] + corpus["nurses_strike"], corpus["quake_andes"]
    with Store(tmp_path / "n.db") as store:
        assert add_and_update(store, [a.id for a in first]) is None  # no briefing yet: nothing to extend
        ids = [added.id for added in store.add_articles(first)]
        bid = store.add_briefing(brief_articles(store.get_articles(ids), embedder=minilm), ids)
        new_ids = [added.id for added in store.add_articles(later)]
        update = add_and_update(store, new_ids, embedder=minilm)
        assert update is not None and update.previous_id == bid and update.briefing_id > bid
        assert store.get_briefing(update.briefing_id).to_json() == _batch_json(store.get_articles(ids + new_ids), minilm)
        assert len(update.reused) == 2 and len(update.rebuilt) >= 1
        assert add_and_update(store, new_ids, embedder=minilm) is None  # already in the latest briefing


def test_cli_add_updates_the_latest_briefing(tmp_path: Path) -> None:
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    db = str(tmp_path / "n.db")
    dirs = [str(STORIES / "derailment_wire"), str(STORIES / "nurses_strike")]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "newsprism.cli", *args]
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, check=False)

    assert run("brief", dirs[0], "--db", db, "--embedder", "lexical", "-q").returncode == 0
    added = run("add", dirs[1], "--db", db, "--embedder", "lexical", "-q")
    assert added.returncode == 0, added.stderr
    assert "updated briefing b1 as b2" in added.stderr
    batch = run("brief", dirs[0], dirs[1], "--embedder", "lexical", "-q")
    assert run("show", "b2", "--db", db).stdout == batch.stdout


def test_update_equals_batch_when_new_articles_merge_stories(corpus: dict[str, list[Article]]) -> None:
    """A new article may bridge stories (the lexical aligner merges these events): still the batch result."""
    names = ["derailment_wire", "nurses_strike", "port_fire_pile", "quake_andes"]
    first = corpus[names[0]] + corpus[names[1]]
    later = corpus[names[2]] + corpus[names[3]]
    previous = brief_articles(first, embedder="lexical")
    briefing, rebuilt, reused = update_briefing(previous, first + later, embedder="lexical")
    assert briefing.to_json() == _batch_json(first + later)
    assert sorted(rebuilt + reused) == sorted(s.id for s in briefing.stories)
