"""Briefing → reports: Markdown and one self-contained HTML page (JSON is ``Briefing.to_json``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsprism.model import Briefing


def render_markdown(briefing: Briefing) -> str:
    """See :func:`newsprism.report.markdown.render_markdown` (imported lazily: the HTML engine loads only when used)."""
    from newsprism.report.markdown import render_markdown as render

    return render(briefing)


def render_html(briefing: Briefing) -> str:
    """See :func:`newsprism.report.html.render_html`."""
    from newsprism.report.html import render_html as render

    return render(briefing)


__all__ = ["render_html", "render_markdown"]
