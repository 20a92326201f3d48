"""Briefing → one self-contained HTML file.

No external scripts, fonts or images. The page carries a strict Content-Security-Policy that
allows only its own inline style and script, by hash. Every cited span is marked in its
article's cleaned text (``<mark id="sp-N">``), so a citation link ``#sp-N`` scrolls to the very
words it cites and CSS ``:target`` highlights them even with scripts off; the small inline
script also highlights spans that cross other spans and had to be split into several pieces.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from newsprism.model import Article, Briefing
from newsprism.report import common
from newsprism.report.common import Citation, Citations


def render_html(briefing: Briefing) -> str:
    """The briefing as one HTML page; everything taken from the articles is escaped."""
    cites = Citations(briefing)
    articles = {a.id: a for a in briefing.articles}
    css, js = _asset("report.css"), _asset("report.js")
    return _environment().get_template("report.html.j2").render(
        briefing=briefing,
        title=common.briefing_title(briefing),
        anchors=common.article_anchors(briefing),
        articles=articles,
        cite=cites.cite,
        marked_text={a.id: mark_spans(a, cites.in_article(a.id)) for a in briefing.articles},
        common=common,
        css=Markup(css),
        js=Markup(js),
        csp=content_security_policy(css, js),
    )


def content_security_policy(css: str, js: str) -> str:
    """Nothing external, nothing inline but the report's own style and script (by hash)."""
    return (
        "default-src 'none'; "
        f"style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


def report_csp() -> str:
    """The policy the report carries, for a server to send as a header too."""
    return content_security_policy(_asset("report.css"), _asset("report.js"))


@dataclass(frozen=True)
class _Boundary:
    position: int
    opens: tuple[Citation, ...]
    closes: tuple[Citation, ...]


def mark_spans(article: Article, citations: list[Citation]) -> Markup:
    """The article text, escaped, with each cited span wrapped in ``<mark data-k="sp-N">``.

    Spans may nest or cross. Crossing spans cannot be one element, so a span is closed and
    reopened around the one it crosses (as HTML parsers do with formatting elements); only its
    first piece carries the ``id`` a citation links to, and every piece carries ``data-k``.
    """
    text = article.text
    out: list[str] = []
    stack: list[Citation] = []
    started: set[int] = set()
    position = 0
    for boundary in _boundaries(citations):
        out.append(str(escape(text[position : boundary.position])))
        position = boundary.position
        reopened: list[Citation] = []
        _close(boundary.closes, stack, out, reopened)
        for citation in reopened + sorted(boundary.opens, key=lambda c: (-c.span.end, c.number)):
            first = citation.number not in started
            started.add(citation.number)
            ident = f' id="{citation.anchor}"' if first else ""
            out.append(f'<mark data-k="{citation.anchor}"{ident}>')
            if citation.span.end == citation.span.start:
                out.append("</mark>")  # an empty span is still a place a link can land on
            else:
                stack.append(citation)
    out.append(str(escape(text[position:])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))


def _boundaries(citations: list[Citation]) -> list[_Boundary]:
    positions = sorted({c.span.start for c in citations} | {c.span.end for c in citations})
    return [
        _Boundary(
            p,
            tuple(c for c in citations if c.span.start == p),
            tuple(c for c in citations if c.span.end == p and c.span.end > c.span.start),
        )
        for p in positions
    ]


def _close(closing: tuple[Citation, ...], stack: list[Citation], out: list[str], reopen_into: list[Citation]) -> None:
    """Close every span ending here; spans opened inside them that go on are reopened afterwards."""
    ending = {c.number for c in closing}
    if not ending:
        return
    deepest = min(i for i, c in enumerate(stack) if c.number in ending)
    popped = stack[deepest:]
    del stack[deepest:]
    out.extend("</mark>" for _ in popped)
    reopen_into.extend(c for c in popped if c.number not in ending)


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@cache
def _asset(name: str) -> str:
    return resources.files("newsprism.report").joinpath("templates", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("newsprism.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
