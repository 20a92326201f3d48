"""RSS and Atom feeds → one :class:`RawDocument` per entry.

An entry's linked page is fetched when fetching is on; otherwise (or when the entry carries no
link) the entry's own content or summary is the article. The entry's title, author and date ride
along as container metadata. The feed itself is always parsed from bytes in memory: the parser
is never handed anything it could open or download, and feeds that declare XML entities are
refused outright (entity expansion is how billion-laughs and external-entity attacks work).
"""

from __future__ import annotations

import html
import io
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from newsprism.errors import InputError
from newsprism.model import RawDocument

#: File extensions read as feeds without sniffing.
FEED_EXTENSIONS = frozenset({".rss", ".atom", ".xml"})

#: The start of an RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom document, after any BOM, XML prolog,
#: processing instructions, comments or DOCTYPE.
FEED_START = re.compile(
    rb"""^(?:\xef\xbb\xbf)?\s*
    (?:<\?[^>]{0,500}\?>\s*|<!--.{0,2000}?-->\s*)*
    (?:<!DOCTYPE[^>\[]{0,500}(?:\[.{0,4000}?\])?\s*>\s*)?
    (?:<!--.{0,2000}?-->\s*)*
    <(?:rss|feed|rdf:RDF)\b""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)
#: A DTD entity declaration anywhere in the feed: refused, never expanded.
ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)

#: Deepest element nesting a feed may have. Real feeds nest a handful of levels; the feed parser's
#: cost grows with the square of the depth, so a 100,000-deep document would take minutes.
MAX_FEED_DEPTH = 256
#: Markup that changes the nesting depth, and the sections (CDATA, comments) whose contents do not.
_DEPTH_TOKEN = re.compile(rb"<!\[CDATA\[|\]\]>|<!--|-->|<(/?)[A-Za-z_][^<>]{0,2000}?(/?)>")

#: Parser complaints that still leave a complete feed (a charset label mismatch, a wrong media type).
_HARMLESS_BOZO = ("CharacterEncodingOverride", "NonXMLContentType", "CharacterEncodingUnknown")


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` starts like an RSS or Atom document."""
    return bool(FEED_START.match(data[:8192]))


def feed_documents(
    data: bytes,
    source: str,
    *,
    max_bytes: int,
    fetch: bool = False,
    resolver=None,
    transport=None,
) -> Iterator[RawDocument | InputError]:
    """Each entry of the feed in ``data`` as a raw document; errors yielded in place, never raised."""
    try:
        parsed = parse_feed(data, source)
    except InputError as exc:
        yield exc
        return
    entries = list(parsed.get("entries", []))
    for index, entry in enumerate(entries):
        try:
            yield entry_document(
                entry, index, source, max_bytes=max_bytes, fetch=fetch, resolver=resolver, transport=transport
            )
        except InputError as exc:
            yield exc
    problem = _damage(parsed)
    if problem:
        yield InputError(source, f"feed is damaged ({problem}); kept the {len(entries)} entries before it")
    elif not entries:
        yield InputError(source, "feed has no entries")


def parse_feed(data: bytes, source: str) -> dict[str, Any]:
    """feedparser's result for ``data``, refusing documents that declare entities."""
    if ENTITY_DECLARATION.search(data):
        raise InputError(source, "feed declares XML entities (<!ENTITY>); refusing it for safety")
    depth = nesting_depth(data, MAX_FEED_DEPTH)
    if depth > MAX_FEED_DEPTH:
        raise InputError(source, f"feed nests elements more than {MAX_FEED_DEPTH} deep; refusing it")
    import feedparser

    # A file object, never bytes or str: feedparser treats those as a path or URL to open first.
    return feedparser.parse(io.BytesIO(data), response_headers={"content-location": source})


def nesting_depth(data: bytes, stop_above: int) -> int:
    """How deep elements nest in XML ``data`` (CDATA and comments skipped); stops counting past ``stop_above``."""
    depth = deepest = 0
    inside: bytes | None = None  # the token that closes the CDATA section or comment we are in
    for m in _DEPTH_TOKEN.finditer(data):
        token = m.group(0)
        if inside is not None:
            if token == inside:
                inside = None
        elif token == b"<![CDATA[":
            inside = b"]]>"
        elif token == b"<!--":
            inside = b"-->"
        elif m.group(1):
            depth = max(0, depth - 1)
        elif not m.group(2) and token[:1] == b"<":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop_above:
                    break
    return deepest


def entry_document(
    entry: dict[str, Any],
    index: int,
    source: str,
    *,
    max_bytes: int,
    fetch: bool,
    resolver=None,
    transport=None,
) -> RawDocument:
    """One feed entry as a raw document: the linked page when fetching, else its own content."""
    from newsprism.ingest.urls import fetch as fetch_url
    from newsprism.ingest.urls import fetched_document, url_name

    meta = entry_metadata(entry)
    link = str(entry.get("link") or "").strip()
    if not link.lower().startswith(("http://", "https://")):
        link = ""  # feedparser falls back to the entry id (often a urn:) when there is no link
    content = entry_html(entry)
    if fetch and link:
        try:
            page = fetched_document(
                fetch_url(link, max_bytes=max_bytes, resolver=resolver, transport=transport), link
            )
            return replace(page, **meta)
        except InputError:
            if not content:
                raise
            # The feed's own copy of the entry is a usable fallback for a page that would not load.
    if not content:
        raise InputError(f"{source} entry {index + 1}", "entry has neither content nor a summary")
    name = url_name(link) if link else f"{url_name(source)}-{index + 1}"
    title = meta.get("title") or ""
    page_html = (
        f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title></head>"
        f"<body><article>{content}</article></body></html>"
    )
    return RawDocument(
        name=name, source=link or f"{source}#{index + 1}", data=page_html.encode("utf-8"), kind="html",
        url=link or None, charset="utf-8", **meta,
    )


def entry_metadata(entry: dict[str, Any]) -> dict[str, str | None]:
    """Title, author and date (ISO 8601, UTC) of an entry, when it states them."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp) if stamp else None
    return {
        "title": _plain(entry.get("title")),
        # author_detail.name drops the e-mail address RSS puts in front of the name.
        "author": _plain((entry.get("author_detail") or {}).get("name") or entry.get("author")),
        "published": published,
    }


def entry_html(entry: dict[str, Any]) -> str:
    """The richest body an entry carries (full content over summary), as sanitised HTML."""
    for block in entry.get("content") or []:
        value = str(block.get("value") or "").strip()
        if value:
            return value if "html" in str(block.get("type", "")) else f"<p>{html.escape(value)}</p>"
    summary = str(entry.get("summary") or "").strip()
    return summary


def _plain(value: object) -> str | None:
    text = " ".join(str(value or "").split())
    return text or None


def _damage(parsed: dict[str, Any]) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if type(exc).__name__ in _HARMLESS_BOZO:
        return None
    return " ".join(str(exc).split())[:200] or type(exc).__name__
