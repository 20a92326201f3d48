"""The quotes the acceptance gold asks of the shared seed articles (read from the shared folder, never copied)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsprism.analyze.embed import get_encoder
from newsprism.analyze.quotes import find_quotes, group_quotes
from newsprism.model import Article, Quote

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def seed_articles() -> list[Article]:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared seed articles not present")
    return [
        Article(id=p.stem, source=p.name, text=p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))
    ]


def gold_quotes() -> list[dict]:
    path = SHARED / "acceptance" / "seeds.gold.json"
    if not path.is_file():
        pytest.skip("acceptance gold not present")
    return json.loads(path.read_text(encoding="utf-8"))["quotes"]


def matches(q: Quote, want: dict) -> bool:
    words = " ".join([q.text, *(s.text for s in q.evidence)]).lower()
    return (
        any(t.lower() in words for t in want["terms"])
        and set(want["articles"]) <= {s.article for s in q.evidence}
        and want["speaker"].lower() in (q.speaker or "").lower()
    )


@pytest.mark.parametrize("kind", ["lexical", "auto"])
def test_gold_quotes_of_the_seeds(kind: str) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    articles = seed_articles()
    mentions = [m for a in articles for m in find_quotes(a)]
    by_id = {a.id: a for a in articles}
    for m in mentions:
        assert by_id[m.span.article].text[m.span.start : m.span.end] == m.span.text
    quotes = group_quotes(mentions, get_encoder(kind))
    for want in gold_quotes():
        assert any(matches(q, want) for q in quotes), want["name"]
    for q in quotes:
        assert len({s.article for s in q.evidence}) == len(q.evidence)  # one span per article, split quotes too
    assert group_quotes(list(reversed(mentions)), get_encoder(kind)) == quotes
