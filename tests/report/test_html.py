"""The HTML report: self-contained, escaped, and every citation lands on exactly the words it cites."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.model import Article, Briefing, Claim, Span, Story
from newsprism.report.common import Citation
from newsprism.report.html import mark_spans, render_html


def _tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def _pieces_text(tree: lxml.html.HtmlElement, key: str) -> str:
    return "".join(m.text_content() for m in tree.xpath("//mark[@data-k=$k]", k=key))


def test_every_citation_highlights_exactly_the_cited_text(briefing: Briefing) -> None:
    tree = _tree(render_html(briefing))
    links = tree.xpath("//a[contains(@class, 'cite')]")
    assert len(links) >= 10
    for link in links:
        key = link.get("href")[1:]
        assert tree.xpath("//mark[@id=$k]", k=key), f"no element for {key}"
        assert _pieces_text(tree, key) == link.get("title")
    cited = {s.text for story in briefing.stories for c in story.claims for s in c.evidence}
    assert cited <= {link.get("title") for link in links}


def test_crossing_span_is_split_but_its_pieces_read_as_the_cited_text(briefing: Briefing) -> None:
    tree = _tree(render_html(briefing))
    crossing = "Vellmar Island, officials said on Wednesday 😀. Harbour"
    link = tree.xpath("//a[@title=$t]", t=crossing)[0]
    key = link.get("href")[1:]
    assert len(tree.xpath("//mark[@data-k=$k]", k=key)) == 2
    assert _pieces_text(tree, key) == crossing


def test_article_text_is_shown_whole(briefing: Briefing) -> None:
    tree = _tree(render_html(briefing))
    texts = [d.text_content() for d in tree.xpath("//div[@class='text']")]
    assert texts == [a.text for a in briefing.articles]


def test_self_contained_with_strict_csp(briefing: Briefing) -> None:
    html = render_html(briefing)
    tree = _tree(html)
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert csp.startswith("default-src 'none';")
    scripts, styles = tree.xpath("//script"), tree.xpath("//style")
    assert len(scripts) == 1 and len(styles) == 1
    for element, directive in ((scripts[0], "script-src"), (styles[0], "style-src")):
        digest = base64.b64encode(hashlib.sha256(element.text.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp
    assert not tree.xpath("//script[@src] | //link | //img | //iframe | //object | //embed")
    assert "@import" not in styles[0].text and "url(" not in styles[0].text
    assert tree.xpath("//meta[@name='viewport']")


def test_only_http_sources_become_links(briefing: Briefing) -> None:
    tree = _tree(render_html(briefing))
    external = sorted({h for h in tree.xpath("//a/@href") if not h.startswith("#")})
    assert external == ["https://harbour-gazette.example/news/ferry-grounding"]


def test_statuses_and_verdicts_are_shown_plainly(briefing: Briefing) -> None:
    text = _tree(render_html(briefing)).text_content()
    for words in ("Corroborated claims", "Disputed claims", "Single-source details", "updated",
                  "3 independent sources, 3 articles", "Tomas Reyl", "240 (230–250)", "263",
                  "date borrowed from the story", "Inputs skipped"):
        assert words in text
    # Single-source details are grouped under their outlet.
    assert re.search(r"harbour-gazette\.example\s*single-source\s*The vessel lost steering", text)


def test_rendering_is_deterministic(briefing: Briefing) -> None:
    assert render_html(briefing) == render_html(briefing)


def test_a_span_that_does_not_match_its_article_is_flagged_not_marked(briefing: Briefing) -> None:
    story = briefing.stories[0]
    wrong = Span("a_harbour", 0, 5, "Nope!")
    bad = replace(story, claims=(*story.claims, Claim("c9", "x", "single-source", (wrong,), 1)))
    tree = _tree(render_html(replace(briefing, stories=(bad,))))
    link = tree.xpath("//a[@title='Nope!']")[0]
    assert "bad" in link.get("class")
    assert not tree.xpath("//mark[@data-k=$k]", k=link.get("href")[1:])
    assert "not found in the article text" in tree.text_content()


def test_empty_briefing_renders() -> None:
    html = render_html(Briefing("2030-01-01T00:00:00Z", (), ()))
    assert "<title>Briefing</title>" in html


@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(alphabet="ab <&>\"'\n😀", min_size=0, max_size=40))
    bounds = st.integers(0, len(text))
    pairs = draw(st.lists(st.tuples(bounds, bounds), max_size=8))
    return text, [(min(p), max(p)) for p in pairs]


@settings(max_examples=150, deadline=None)
@given(_text_and_spans())
def test_marking_any_spans_keeps_the_text_and_each_span_reads_back(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, pairs = case
    article = Article(id="x", source="x", text=text)
    cites = []
    for start, end in dict.fromkeys(pairs):
        cites.append(Citation(len(cites) + 1, Span.of(article, start, end), True))
    html = f"<html><body><div id='t'>{mark_spans(article, cites)}</div></body></html>"
    tree = _tree(html)
    assert tree.get_element_by_id("t").text_content() == text
    for c in cites:
        assert _pieces_text(tree, c.anchor) == c.span.text
        assert len(tree.xpath("//mark[@id=$k]", k=c.anchor)) == 1


def test_story_without_findings_still_lists_sources() -> None:
    art = Article(id="only", source="http://example.org/a", text="Nothing much happened.", outlet="Example")
    html = render_html(Briefing("2030-01-01T00:00:00Z", (art,), (Story("s1", "Quiet day", ("only",)),)))
    assert "Quiet day" in html and 'href="http://example.org/a"' in html
