"""HTML cleaning: metadata from meta tags, JSON-LD and markup; scripts; fast mode; empty pages."""

from __future__ import annotations

import pytest
import trafilatura

from newsprism.clean import clean_document
from newsprism.clean.html import (
    bounded_html,
    clean_html,
    close_rcdata,
    looks_like_html,
    page_metadata,
    without_scripts,
)
from newsprism.errors import InputError
from newsprism.model import RawDocument

STORY = "".join(
    f"<p>Paragraph {i} of the report says the quay at Tarnvik was rebuilt after the storm of the previous winter "
    f"and that the ferry company will resume its crossings to the island of Holm in time for the spring.</p>"
    for i in range(1, 5)
)


def page(head: str = "", body_extra: str = "", lang: str = "en") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
            f"<body><article><h1>Ferries return to Holm</h1>{STORY}{body_extra}</article></body></html>")


def meta(html: str, **kw):
    return page_metadata(trafilatura.load_html(html), **kw)


def test_meta_tags() -> None:
    m = meta(page('<meta property="og:title" content="Ferries return to Holm"><meta name="author" content="Eva Strand">'
                  '<meta property="article:published_time" content="2024-03-01T06:30:00Z">'
                  '<meta property="og:site_name" content="Island Post">'))
    assert (m.title, m.author, m.published, m.site, m.language) == (
        "Ferries return to Holm", "Eva Strand", "2024-03-01T06:30", "Island Post", "en")


def test_json_ld_in_a_graph() -> None:
    ld = ('<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Ignore me"},'
          '{"@type": "NewsArticle", "headline": "Ferries return", "datePublished": "2024-03-02",'
          '"author": [{"name": "Eva Strand"}, {"name": "Ola Berg"}], "publisher": {"name": "Island Post"}}]}</script>')
    m = meta(page(ld))
    assert (m.author, m.published, m.site) == ("Eva Strand and Ola Berg", "2024-03-02", "Island Post")


def test_broken_json_ld_is_ignored() -> None:
    m = meta(page('<script type="application/ld+json">{"@type": "NewsArticle", </script>'))
    assert m.author is None and m.title == "Ferries return to Holm"


def test_byline_markup_and_time_element() -> None:
    m = meta(page(body_extra='<p class="byline">By Eva Strand</p><time datetime="2024-03-03">3 March</time>'))
    assert (m.author, m.published) == ("Eva Strand", "2024-03-03")


def test_site_falls_back_to_the_url_host_and_nothing_is_guessed_without_one() -> None:
    assert meta(page(), url="https://news.example.org/a/1").site == "news.example.org"
    assert meta(page()).site is None


def test_no_date_anywhere_is_none() -> None:
    assert meta(page(), fast=True).published is None
    assert meta(page()).published is None


def test_clean_html_text_title_and_leftovers() -> None:
    art = clean_html(page('<meta property="og:title" content="Ferries return to Holm">',
                          "<p>ADVERTISEMENT</p><script>var x = 'Paragraph 9';</script>"), "a", "a.html")
    paras = art.text.split("\n\n")
    assert paras[0].startswith("Paragraph 1 of the report") and len(paras) == 4
    assert "ADVERTISEMENT" not in art.text and "var x" not in art.text
    assert art.title == "Ferries return to Holm"


def test_fast_mode_keeps_the_story() -> None:
    html = page(body_extra="<aside><p>Most read: Tram fares rise</p></aside>")
    fast = clean_html(html, "a", "a.html", fast=True)
    assert "Paragraph 4 of the report" in fast.text and "Tram fares" not in fast.text


def test_an_unclosed_title_does_not_swallow_the_page() -> None:
    # A damaged scrape: the title's end tag lost, so a standard parser reads the whole page as title.
    html = page().replace("<head>", "<head><title>Ferries return to Holm", 1)
    art = clean_html(html, "a", "a.html")
    assert "<article>" not in art.text and "<p>" not in art.text
    assert "Paragraph 4 of the report" in art.text


def test_close_rcdata_leaves_closed_elements_alone_and_is_linear() -> None:
    closed = "<title>A</title><textarea>b <i>c</i></textarea><p>d</p>"
    assert close_rcdata(closed) == closed
    assert close_rcdata("<TITLE>A<p>b<textarea>q<b>z") == "<TITLE>A</title><p>b<textarea>q</textarea><b>z"
    assert close_rcdata("<title>" * 100_000).count("</title>") == 99_999


def test_a_page_with_no_text_is_an_input_error() -> None:
    raw = RawDocument(name="e", source="empty.html", data=b"<html><body><nav>Home</nav></body></html>", kind="html")
    with pytest.raises(InputError, match=r"empty\.html: no article text"):
        clean_document(raw)


def test_without_scripts_is_linear_and_keeps_json_ld() -> None:
    html = '<p>a</p><SCRIPT>x<y</script ><style>p{}</style><script type="application/ld+json">{}</script><p>b</p>'
    assert without_scripts(html) == '<p>a</p><script type="application/ld+json">{}</script><p>b</p>'
    assert without_scripts("<p>a</p><script>never closed") == "<p>a</p><script>never closed"


def test_an_oversized_page_loses_its_scripts_before_it_is_cut() -> None:
    html = "<html><body><script>" + "x" * 2000 + "</script><p>The story</p></body></html>"
    assert "The story" in bounded_html(html, limit=500)


def test_looks_like_html() -> None:
    assert looks_like_html("<!doctype html><p>x</p>")
    assert not looks_like_html("Ferries return to Holm. The quay <was> rebuilt.")


@pytest.mark.parametrize("fast", [False, True])
def test_promo_boxes_by_class_are_dropped_and_recorded(fast: bool) -> None:
    extra = ('<p class="promo">Booking a crossing? Compare island cottages with Holm Weekly</p>'
             '<div class="newsletter-signup"><p>Get the harbour bulletin every Friday morning</p></div>'
             '<p class="story-text">The harbour master said the first crossing would leave at seven.</p>')
    art = clean_html(page(body_extra=extra), "a", "a.html", fast=fast)
    assert "Compare island cottages" not in art.text and "harbour bulletin" not in art.text
    assert "first crossing would leave at seven" in art.text
    assert [r.reason for r in art.removed if r.reason == "promo"] == ["promo", "promo"]


def test_a_long_element_with_a_promo_class_is_a_wrapper_and_stays() -> None:
    html = page().replace("<article>", '<article class="teaser-layout">')
    art = clean_html(html, "a", "a.html")
    assert "Paragraph 4 of the report" in art.text


def test_a_wire_end_mark_and_a_channel_prompt_the_extractor_kept_are_dropped() -> None:
    art = clean_html(page(body_extra="<p>Get the Holm ferry times in your WhatsApp. Click here</p><p>-ENDS-</p>"),
                     "a", "a.html")
    assert "ENDS" not in art.text and "WhatsApp" not in art.text
    assert {r.reason for r in art.removed} >= {"end-marker", "share-prompt"}
