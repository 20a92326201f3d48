"""Hostile article text, titles, authors and sources never become executable content in a report."""

from __future__ import annotations

import lxml.html
import pytest
from markdown_it import MarkdownIt

from newsprism.model import Article, Briefing, Claim, Quote, Span, Story, SummarySentence
from newsprism.report.html import render_html
from newsprism.report.markdown import render_markdown

PAYLOADS = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "</script><script>alert(3)</script>",
    '<a href="javascript:alert(4)">click</a>',
    "[link](javascript:alert(5))",
    "<svg onload=alert(6)>",
    "</textarea></style></title>",
)


def hostile_briefing() -> Briefing:
    text = "The council met on Monday. " + " ".join(PAYLOADS) + " The vote passed."
    art = Article(
        id="evil<id>",
        source="javascript:alert(7)",
        text=text,
        outlet="<b onmouseover=alert(8)>Outlet</b>",
        title="</title><script>alert(9)</script>",
        author='"><img src=x onerror=alert(10)>',
        published="2030-05-01",
    )
    whole = Span.of(art, 0, len(text))
    payload = text.index("<script>")
    hostile = Span.of(art, payload, payload + len(PAYLOADS[0]))
    story = Story(
        id="s1",
        title="<script>alert(11)</script>",
        articles=(art.id,),
        claims=(Claim("c1", PAYLOADS[1], "single-source", (hostile,), 1),),
        quotes=(Quote("q1", PAYLOADS[3], PAYLOADS[2], (hostile,)),),
        summary=(SummarySentence(PAYLOADS[4], (whole,)),),
    )
    return Briefing("2030-05-01T00:00:00Z", (art,), (story,), problems=(PAYLOADS[5],))


def assert_no_executable_content(html: str, allowed_scripts: int) -> None:
    tree = lxml.html.document_fromstring(html)
    assert len(tree.xpath("//script")) == allowed_scripts
    assert not tree.xpath("//script[@src]")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in ("img", "svg", "iframe", "object", "embed", "textarea")
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            assert "javascript:" not in value.lower() or name == "title", (element.tag, name, value)


def test_html_report_has_only_its_own_script() -> None:
    html = render_html(hostile_briefing())
    assert_no_executable_content(html, allowed_scripts=1)
    script = lxml.html.document_fromstring(html).xpath("//script")[0].text
    assert "alert" not in script
    # The hostile words are still there, as text a reader can see.
    assert "<script>alert(1)</script>" in lxml.html.document_fromstring(html).text_content()


@pytest.mark.parametrize("html_enabled", [True, False])
def test_markdown_report_renders_to_inert_html(html_enabled: bool) -> None:
    md = render_markdown(hostile_briefing())
    assert "<script" not in md and "<img" not in md and "<svg" not in md
    renderer = MarkdownIt("commonmark", {"html": html_enabled}).enable("table")
    assert_no_executable_content(f"<html><body>{renderer.render(md)}</body></html>", allowed_scripts=0)


def test_markdown_keeps_the_hostile_words_visible() -> None:
    rendered = MarkdownIt("commonmark", {"html": True}).render(render_markdown(hostile_briefing()))
    text = lxml.html.fragment_fromstring(rendered, create_parent="div").text_content()
    assert "<script>alert(1)</script>" in text
    assert "[link](javascript:alert(5))" in text
