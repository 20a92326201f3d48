"""Plain-text scrapes → Article (placeholder pass-through until the classifier lands)."""

from __future__ import annotations

from newsprism.model import Article


def clean_text(text: str, article_id: str, source: str) -> Article:
    return Article(id=article_id, source=source, text=text.strip())
