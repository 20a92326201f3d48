"""Raw document → :class:`Article`: main text, metadata, and what was removed and why."""

from __future__ import annotations

from newsprism.clean.html import clean_html, looks_like_html
from newsprism.clean.text import clean_text
from newsprism.errors import InputError
from newsprism.ingest.decode import decode
from newsprism.model import Article, RawDocument


def clean_document(raw: RawDocument, article_id: str | None = None, *, fast: bool = False) -> Article:
    """Decode and clean one document. Raises :class:`InputError` when nothing usable is left."""
    text = decode(raw.data, raw.source, raw.charset)
    kind = raw.kind
    if kind == "auto":
        kind = "html" if looks_like_html(text) else "text"
    aid = article_id or raw.name
    if kind == "html":
        article = clean_html(text, aid, raw.source, url=raw.url, fast=fast)
    else:
        article = clean_text(text, aid, raw.source)
    article = _with_container_metadata(article, raw)
    if not article.text.strip():
        raise InputError(raw.source, "no article text found after cleaning (is it a navigation or index page?)")
    return article


def _with_container_metadata(article: Article, raw: RawDocument) -> Article:
    """Metadata known from a feed entry or archive header fills what the document itself does not say."""
    from dataclasses import replace

    return replace(
        article,
        title=article.title or raw.title,
        author=article.author or raw.author,
        published=article.published or raw.published,
    )


__all__ = ["clean_document"]
