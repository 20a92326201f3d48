"""HTML → Article with trafilatura (main text and metadata)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsprism.model import Article

_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:4096]))


#: Characters of HTML parsed at most. Parsing and extraction cost about a second per million
#: characters, and real article pages are far smaller, so a longer page is cut (at a tag) first:
#: a 50 MB page then costs seconds, not minutes and gigabytes.
MAX_PARSE_CHARS = 1_000_000


def bounded_html(html: str, limit: int = MAX_PARSE_CHARS) -> str:
    """``html`` cut before the last tag that starts within ``limit`` characters, if it is longer."""
    if len(html) <= limit:
        return html
    cut = html.rfind("<", limit // 2, limit)
    return html[: cut if cut > 0 else limit]


def clean_html(html: str, article_id: str, source: str, *, url: str | None = None, fast: bool = False) -> Article:
    import trafilatura

    html = bounded_html(html)
    main = trafilatura.extract(html, url=url, fast=fast, include_comments=False, deduplicate=False) or ""
    meta = trafilatura.extract_metadata(html, default_url=url)
    outlet = None
    if meta is not None:
        outlet = meta.sitename or meta.hostname
    if not outlet and url:
        outlet = urlsplit(url).hostname
    return Article(
        id=article_id,
        source=source,
        text=main.strip(),
        outlet=outlet,
        title=meta.title if meta else None,
        author=meta.author if meta else None,
        published=meta.date if meta else None,
        language=(meta.language if meta and meta.language else "en"),
    )
