"""HTML → Article: trafilatura for the main text, one parse shared with a cheap metadata pass.

The page is parsed once; the tree goes to trafilatura's extractor (which works on its own copy)
and to :func:`page_metadata`, which reads the tags publishers fill in for search engines and
social cards (``<meta>``, JSON-LD, ``<time>``) instead of trafilatura's slower full metadata
search. Leftover boilerplate lines in the extracted text (ad labels, share prompts) are removed
with the same lexicons as plain text and recorded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from newsprism.clean.dates import parse_date
from newsprism.clean.header import DATE_LABEL, credited_author
from newsprism.clean.lexicon import WIRE_CREDIT, line_reason
from newsprism.clean.text import strip_wire_dateline
from newsprism.errors import InputError
from newsprism.model import Article, Removed

_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.IGNORECASE)

#: Meta tags that name the author, the publication time and the site, most trusted first.
AUTHOR_META = ("author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author", "twitter:creator")
DATE_META = ("article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate",
             "publish-date", "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date",
             "article.published", "published_time", "article:modified_time", "og:updated_time")
SITE_META = ("og:site_name", "application-name", "publisher", "twitter:site")
TITLE_META = ("og:title", "twitter:title", "headline", "title")

#: Elements that name the author inside the page when the head does not.
_AUTHOR_XPATH = etree.XPath(
    '//*[@rel="author" or @itemprop="author" or contains(@class, "byline") or contains(@class, "author-name")]'
)


#: Elements that never hold story text, and page furniture the extractor would discard anyway: cut
#: once, up front, so that its many passes (each on a fresh copy of the tree) walk a smaller tree.
#: Not <form>: some sites wrap the whole page in one.
FURNITURE_TAGS = ("script", "style", "noscript", "svg", "template", "aside", "embed", "footer", "iframe", "menu", "object", "figure", "picture", "video",
                  "audio", "canvas", "map", "button", "nav", "select", "textarea", "input", "dialog")


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    author: str | None = None
    published: str | None = None
    site: str | None = None
    language: str | None = None


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:4096]))


#: Characters of HTML parsed at most. Parsing and extraction cost about a second per million
#: characters, and real article pages are far smaller, so a longer page is cut (at a tag) first:
#: a 50 MB page then costs seconds, not minutes and gigabytes.
MAX_PARSE_CHARS = 1_000_000


def bounded_html(html: str, limit: int = MAX_PARSE_CHARS) -> str:
    """``html`` cut before the last tag that starts within ``limit`` characters, if it is longer.

    Inline scripts and styles are dropped first: on oversized pages they are most of the bytes
    (the article often comes after a megabyte of them) and never hold story text.
    """
    if len(html) <= limit:
        return html
    html = without_scripts(html)
    if len(html) <= limit:
        return html
    cut = html.rfind("<", limit // 2, limit)
    return html[: cut if cut > 0 else limit]


_SCRIPT_OPEN = re.compile(r"<(script|style)\b([^>]{0,500})>", re.IGNORECASE)
_SCRIPT_CLOSE = {tag: re.compile(rf"</{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")}


def without_scripts(html: str) -> str:
    """``html`` without ``<script>``/``<style>`` elements (JSON-LD kept), in one linear pass."""
    pieces: list[str] = []
    pos = 0
    for m in _SCRIPT_OPEN.finditer(html):
        if m.start() < pos or "ld+json" in m.group(2).lower():
            continue
        close = _SCRIPT_CLOSE[m.group(1).lower()].search(html, m.end())
        if close is None:
            break  # unclosed: leave the rest to the parser
        pieces.append(html[pos:m.start()])
        pos = close.end()
    pieces.append(html[pos:])
    return "".join(pieces)


def clean_html(html: str, article_id: str, source: str, *, url: str | None = None, fast: bool = False) -> Article:
    """Main text and metadata of an HTML page. ``fast`` skips trafilatura's fallback extractors."""
    import trafilatura

    html = bounded_html(html)
    tree = parse_html(html)
    if tree is None:
        raise InputError(source, "cannot parse the HTML (is the file complete?)")
    meta = page_metadata(tree, url, fast=fast)
    _drop_inert_elements(tree, FURNITURE_TAGS)
    promos = _drop_promos(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, fast=fast, include_comments=False, with_metadata=False, deduplicate=False
    )
    paragraphs = [line.strip() for line in ((doc.text if doc else "") or "").split("\n") if line.strip()]
    kept, removed = _drop_leftovers(paragraphs, meta.title)
    removed = promos + removed
    if kept:
        kept[0], dateline = strip_wire_dateline(kept[0])
        removed.extend(dateline)
    return Article(
        id=article_id,
        source=source,
        text="\n\n".join(kept),
        outlet=meta.site or (urlsplit(url).hostname if url else None),
        title=meta.title,
        author=meta.author or _wire_credit_author(kept),
        published=meta.published,
        language=meta.language or "en",
        removed=tuple(removed),
    )


def _html_parser() -> lxml.html.HTMLParser:
    """trafilatura's parser settings, with a C-level element class lookup.

    lxml.html's default lookup calls back into Python for every element proxy created, which
    the extractor's tree walks do hundreds of thousands of times per page set; a plain default
    lookup still yields :class:`lxml.html.HtmlElement` for every element.
    """
    parser = lxml.html.HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity,
    ))
    return parser


_PARSER = _html_parser()


#: Elements whose content the parser reads as plain text up to their end tag (HTML's RCDATA):
#: one left open swallows the rest of the page, markup and all, as its text.
_RCDATA_TAG = re.compile(r"<(/?)(title|textarea)\b[^>]*>", re.IGNORECASE)


def close_rcdata(html: str) -> str:
    """``html`` with an unclosed ``<title>`` or ``<textarea>`` closed before the next tag.

    A browser follows the standard and shows the rest of such a page as the title; a reader of a
    damaged scrape wants its body instead. Written by hand because parsers (rightly) follow the
    standard here and cleaners such as trafilatura's repair step do not look for this.
    """
    tags = list(_RCDATA_TAG.finditer(html, 0, MAX_PARSE_CHARS))
    last_close = {m.group(2).lower(): m.start() for m in tags if m.group(1)}
    pieces: list[str] = []
    done = 0  # where the last closing tag went in: an opening tag before it is the closed element's text
    for m in tags:
        name = m.group(2).lower()
        if m.group(1) or m.start() < max(last_close.get(name, -1), done):
            continue
        nxt = html.find("<", m.end())
        if nxt < 0:
            break
        pieces += [html[done:nxt], f"</{name}>"]
        done = nxt
    return "".join(pieces) + html[done:] if pieces else html


def parse_html(html: str):
    """The page's tree, or None; trafilatura's own loader handles what the quick path cannot."""
    import trafilatura
    from trafilatura.utils import repair_faulty_html

    html = close_rcdata(html)
    try:
        tree = lxml.html.fromstring(repair_faulty_html(html, html[:50].lower()), parser=_PARSER)
    except (ValueError, etree.LxmlError):
        tree = None  # e.g. an encoding declaration inside a str: let the loader decide
    if tree is None or len(tree) < 1:
        tree = trafilatura.load_html(html)
    return tree


#: Words in a class name that mark a box selling something other than the story: "promo",
#: "newsletter-signup", "cta-box", "teaser". Matched per hyphen/underscore-separated part of a class.
PROMO_CLASS_WORDS = frozenset({"promo", "promotion", "teaser", "cta", "newsletter", "signup", "upsell"})
#: A promo box is short; a long element with such a class is more likely a wrapper around the story.
PROMO_MAX_CHARS = 400

# The substring test runs inside libxml2, so only the few candidate elements reach Python.
_CLASSED = etree.XPath("//*[" + " or ".join(f"contains(@class, '{w}')" for w in sorted(PROMO_CLASS_WORDS)) + "]")
_CLASS_PART = re.compile(r"[\s_-]+")


def _drop_promos(tree) -> list[Removed]:
    """Remove short elements whose class names them a promo, teaser or call to action; return their text."""
    removed: list[Removed] = []
    dropped: set[int] = set()
    for el in _CLASSED(tree):
        parts = set(_CLASS_PART.split(el.get("class", "").lower()))
        if parts.isdisjoint(PROMO_CLASS_WORDS) or el.getparent() is None:
            continue
        if any(id(a) in dropped for a in el.iterancestors()):
            continue  # inside a promo already removed
        text = " ".join(el.text_content().split())
        if len(text) > PROMO_MAX_CHARS:
            continue
        if text:
            removed.append(Removed(text, "promo"))
        dropped.add(id(el))
        el.drop_tree()
    return removed


def _drop_inert_elements(tree, tags: tuple[str, ...]) -> None:
    """Remove scripts, styles and comments (and in fast mode page furniture) before extraction.

    They are never text, and every later pass (each of trafilatura's tree copies and prunes) would
    walk them again. JSON-LD stays: the extractor's fallback reads ``articleBody`` from it.
    """
    doomed = [
        el for el in tree.iter(etree.Comment, *tags)
        if not (el.tag == "script" and "ld+json" in (el.get("type") or ""))
    ]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text, which belongs to the parent


#: Line reasons (see :func:`newsprism.clean.lexicon.line_reason`) that mark a leftover the extractor kept.
LEFTOVER_REASONS = frozenset({"advertisement", "share-prompt", "reading-time", "video-promo", "navigation",
                              "audio-prompt", "translation-note", "tip-prompt", "comments", "end-marker"})


def _wire_credit_author(paragraphs: list[str]) -> str | None:
    """The reporter named by a wire credit line in the last paragraphs, for pages whose head names no author."""
    for p in reversed(paragraphs[-4:]):
        if len(p) <= 400 and WIRE_CREDIT.fullmatch(p):
            name = credited_author(p)
            if name:
                return name
    return None


def _drop_leftovers(paragraphs: list[str], title: str | None) -> tuple[list[str], list[Removed]]:
    """Ad labels and prompts the extractor kept, and a repeated headline, go to ``removed``."""
    kept: list[str] = []
    removed: list[Removed] = []
    for i, p in enumerate(paragraphs):
        reason = line_reason(p) if len(p) <= 160 else None
        if reason in LEFTOVER_REASONS:
            removed.append(Removed(p, reason))
        elif len(p) <= 40 and DATE_LABEL.fullmatch(p):
            removed.append(Removed(p, "dateline"))  # "Updated" whose date the extractor dropped
        elif i == 0 and title and _same(p, title):
            removed.append(Removed(p, "title"))
        else:
            kept.append(p)
    return kept, removed


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().lower() == re.sub(r"\W+", " ", b).strip().lower()


def page_metadata(tree, url: str | None = None, *, fast: bool = False) -> PageMetadata:
    """Title, author, publication date, site name and language from one parsed page."""
    tags = _meta_tags(tree)
    ld = _json_ld(tree)
    title = _first(tags, TITLE_META) or ld.get("headline") or _text_of(tree, ".//h1") or _text_of(tree, ".//title")
    author = _author([tags.get(k) for k in AUTHOR_META] + [ld.get("author")], None if fast else tree)
    published = _published(tree, tags, ld, url, fast=fast)
    site = _first(tags, SITE_META) or ld.get("publisher")
    page_url = url or tags.get("og:url") or _canonical(tree)
    if site:
        site = site.lstrip("@")
    elif page_url:
        site = urlsplit(page_url).hostname
    lang = tree.get("lang") or tags.get("og:locale") or tags.get("language") or tags.get("content-language")
    return PageMetadata(
        title=_tidy(title),
        author=_tidy(author),
        published=published,
        site=_tidy(site),
        language=_language(lang),
    )


#: schema.org types whose JSON-LD describes the article itself (not the site or a breadcrumb).
ARTICLE_TYPES = ("Article", "NewsArticle", "BlogPosting", "LiveBlogPosting", "ReportageNewsArticle",
                 "AnalysisNewsArticle", "OpinionNewsArticle", "WebPage", "Report")


def _json_ld(tree) -> dict[str, str]:
    """headline, author, datePublished and publisher name from the page's JSON-LD, if any."""
    out: dict[str, str] = {}
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # broken JSON-LD is common; the meta tags still count
        for node in _ld_nodes(data):
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(k in ARTICLE_TYPES for k in kinds if isinstance(k, str)):
                continue
            for key, value in (("headline", node.get("headline")), ("author", _ld_name(node.get("author"))),
                               ("datePublished", node.get("datePublished")),
                               ("publisher", _ld_name(node.get("publisher")))):
                if isinstance(value, str) and value.strip() and key not in out:
                    out[key] = value.strip()
    return out


def _ld_nodes(data) -> list[dict]:
    if isinstance(data, list):
        return [n for item in data for n in _ld_nodes(item)]
    if isinstance(data, dict):
        graph = data.get("@graph")
        return [data, *(_ld_nodes(graph) if graph else [])]
    return []


def _ld_name(value) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value[:3]) if n]
        return " and ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) else None


def _canonical(tree) -> str | None:
    for el in tree.iterfind(".//link[@rel='canonical']"):
        if el.get("href", "").startswith("http"):
            return el.get("href")
    return None


def _meta_tags(tree) -> dict[str, str]:
    tags: dict[str, str] = {}
    head = tree.find("head")
    for el in (head if head is not None and head.find("meta") is not None else tree).iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").lower()
        value = el.get("content") or el.get("datetime")
        if key and value and key not in tags:
            tags[key] = value.strip()
    return tags


def _first(tags: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if tags.get(key):
            return tags[key]
    return None


def _text_of(tree, path: str) -> str | None:
    el = tree.find(path)
    if el is None:
        return None
    text = " ".join(el.text_content().split())
    return text or None


def _author(candidates: list[str | None], tree) -> str | None:
    """The first name-like candidate; else, given a tree, byline markup (a whole-page search)."""
    for candidate in candidates:
        if candidate and " " in candidate.strip() and not candidate.startswith(("http", "@")):
            return candidate
    if tree is None:
        return None
    for el in _AUTHOR_XPATH(tree)[:3]:
        text = " ".join(el.text_content().split())
        text = re.sub(r"^(?:by|par|von|por|di)\s+", "", text, flags=re.IGNORECASE)
        if 3 <= len(text) <= 60 and " " in text:
            return text
    return None


def _published(tree, tags: dict[str, str], ld: dict[str, str], url: str | None, *, fast: bool) -> str | None:
    for value in [*(tags.get(key) for key in DATE_META), ld.get("datePublished")]:
        found = parse_date(value.strip()) if value else None
        if found:
            return found.iso
    for el in tree.iterfind(".//time"):
        value = el.get("datetime") or el.text_content().strip()
        found = parse_date(value) if value else None
        if found:
            return found.iso
    if fast:
        return None
    from htmldate import find_date

    # The cheap htmldate pass (no full-text search) still reads JSON-LD, URLs and abbr/time markup.
    try:
        return find_date(tree, extensive_search=False, original_date=True, url=url)
    except Exception:
        return None


def _tidy(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None


def _language(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"([A-Za-z]{2,3})\b", value.strip())
    return m.group(1).lower() if m else None
