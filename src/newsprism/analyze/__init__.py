"""Corpus of Articles → stories with duplicates, claims, figures, quotes, timeline and summary."""

from __future__ import annotations


def analyze(articles, **options):
    """See :func:`newsprism.analyze.pipeline.analyze`."""
    from newsprism.analyze.pipeline import analyze as run

    return run(articles, **options)


__all__ = ["analyze"]
