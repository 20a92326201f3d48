"""The streamed JSON writer gives exactly the text of one ``json.dumps`` of the whole briefing."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from newsprism.model import Article, Briefing


@pytest.mark.parametrize("indent", [2, 4, None])
def test_iter_json_joins_to_json_dumps_of_the_dict(briefing: Briefing, indent: int | None) -> None:
    hostile = Article(id="x", source="x.txt", text="Line one.\n\nA </script> tag and \"quotes\" \u00e9\u2014.")
    briefing = replace(briefing, articles=(*briefing.articles, hostile))
    expected = json.dumps(briefing.to_dict(), ensure_ascii=False, indent=indent).replace("</", "<\\/")
    pieces = list(briefing.iter_json(indent=indent))
    assert "".join(pieces) == expected == briefing.to_json(indent=indent)
    assert len(pieces) > len(briefing.articles) + len(briefing.stories)  # streamed, not one piece
    assert json.loads(expected)["articles"][-1]["text"] == hostile.text


def test_an_empty_briefing_streams_too() -> None:
    empty = Briefing(generated_at="2031-01-01T00:00:00Z", articles=(), stories=())
    assert empty.to_json() == json.dumps(empty.to_dict(), indent=2)
    assert json.loads(empty.to_json(indent=None))["stories"] == []
