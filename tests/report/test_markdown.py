"""The Markdown report: same content as the HTML, footnote citations that quote their span, escaped."""

from __future__ import annotations

import re

from newsprism.model import Briefing
from newsprism.report.markdown import BLOCK_START, MARKDOWN_SPECIAL, block, inline, render_markdown


def test_footnotes_quote_each_cited_span(briefing: Briefing) -> None:
    md = render_markdown(briefing)
    notes = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", md, re.MULTILINE))
    refs = set(re.findall(r"\[\^(\d+)\](?!:)", md))
    assert refs == set(notes)
    assert "“About 240 passengers”" in notes["3"]
    assert "characters 83–103" in notes["3"]


def test_same_sections_as_the_html(briefing: Briefing) -> None:
    md = render_markdown(briefing)
    for heading in ("### Sources", "### Summary", "### Corroborated claims", "### Disputed claims",
                    "### Single-source details", "#### Northwire", "### Figures", "### Quotes",
                    "### Timeline", "## Articles", "## Inputs skipped"):
        assert heading in md
    assert "**updated: a later report replaces an earlier one**" in md
    assert "(3 independent sources, 3 articles)" in md
    assert "<https://harbour-gazette.example/news/ferry-grounding>" in md


def test_deterministic(briefing: Briefing) -> None:
    assert render_markdown(briefing) == render_markdown(briefing)


def test_inline_escapes_markup() -> None:
    assert inline("<b>x</b> & [y](z)") == r"&lt;b&gt;x&lt;/b&gt; &amp; \[y\]\(z\)"
    assert inline("a\n\nb") == "a b"
    assert inline(None) == ""
    assert inline("plain words, 12.5 per cent") == "plain words, 12.5 per cent"


def test_special_characters_table() -> None:
    assert MARKDOWN_SPECIAL.findall("*_`|[]") == list("*_`|[]")
    assert not MARKDOWN_SPECIAL.findall("plain, text.")


def test_block_lines_cannot_start_blocks() -> None:
    assert block("# not a heading\n- not a list\n1. nor this\n\nplain") == [
        r"> \# not a heading", r"> \- not a list", r"> 1\. nor this", ">", "> plain",
    ]
    assert BLOCK_START.match("  - x") and not BLOCK_START.match("word - x")
