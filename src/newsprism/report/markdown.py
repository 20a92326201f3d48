"""Briefing → Markdown, with footnote-style citations (``[^3]``) that quote the exact span they cite.

Everything taken from the articles is escaped, so a ``<script>`` or a ``[link](javascript:…)``
in an article shows as text when the Markdown is rendered, never as markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsprism.model import Article, Briefing, Claim, Span, Story
from newsprism.report import common
from newsprism.report.common import Citations

#: Characters with a meaning in inline Markdown (CommonMark plus tables and footnotes); backslash-escaped.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~^])")

#: What a line may start with that would turn it into a block (heading, list, quote, rule, code fence).
BLOCK_START = re.compile(r"^(\s*\d{0,9})([-+*>=#.)])")


def render_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown; footnotes at the end quote each cited span."""
    cites = Citations(briefing)
    articles = {a.id: a for a in briefing.articles}
    out: list[str] = [f"# {inline(common.briefing_title(briefing))}", ""]
    out.append(f"Generated {inline(briefing.generated_at)} from {len(briefing.articles)} articles.")
    out.append("")
    if briefing.problems:
        out += ["## Inputs skipped", ""] + [f"- {inline(p)}" for p in briefing.problems] + [""]
    for story in briefing.stories:
        out += _story(story, articles, cites)
    out += _articles(briefing.articles)
    out += _footnotes(cites, articles)
    return "\n".join(out).rstrip("\n") + "\n"


def inline(text: str | None) -> str:
    """Text safe inside a line of Markdown: one line, markup characters escaped, ``<`` ``>`` ``&`` as entities."""
    if not text:
        return ""
    flat = common.one_line(text)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def block(text: str) -> list[str]:
    """Multi-line text as a Markdown block quote, paragraphs kept, no line able to start a block of its own."""
    lines = []
    for raw in text.splitlines():
        line = inline(raw) if raw.strip() else ""
        lines.append("> " + BLOCK_START.sub(r"\1\\\2", line) if line else ">")
    return lines


def _refs(spans: Iterable[Span], cites: Citations) -> str:
    return "".join(f"[^{cites.cite(s).number}]" for s in spans)


def _story(story: Story, articles: dict[str, Article], cites: Citations) -> list[str]:
    out = [f"## {inline(story.title) or 'Untitled story'}", "", "### Sources", ""]
    for aid in story.articles:
        out.append("- " + _source_line(articles.get(aid), aid, articles))
    out.append("")
    if story.summary:
        out += ["### Summary", ""]
        out.append(" ".join(f"{inline(s.text)}{_refs(s.evidence, cites)}" for s in story.summary))
        out.append("")
    for status, heading in (
        ("corroborated", "Corroborated claims"),
        ("disputed", "Disputed claims"),
        ("superseded", "Superseded claims (a later report replaces these)"),
    ):
        claims = common.claims_with_status(story, status)
        if claims:
            out += [f"### {heading}", ""] + [_claim_line(c, cites) for c in claims] + [""]
    single = common.claims_with_status(story, "single-source")
    if single:
        out += ["### Single-source details", ""]
        for name, claims in common.group_by_outlet(single, articles):
            out += [f"#### {inline(name)}", ""] + [_claim_line(c, cites) for c in claims] + [""]
    others = common.other_status_claims(story)
    if others:
        out += ["### Other claims", ""] + [_claim_line(c, cites) for c in others] + [""]
    out += _figures(story, articles, cites)
    out += _quotes(story, articles, cites)
    out += _timeline(story, cites)
    return out


def _source_line(article: Article | None, aid: str, articles: dict[str, Article]) -> str:
    if article is None:
        return inline(aid)
    parts = [f"**{inline(common.outlet_name(article, aid))}**"]
    if article.title:
        parts.append(f"*{inline(article.title)}*")
    if article.author:
        parts.append(inline(article.author))
    parts.append(inline(article.published) or "date unknown")
    link = common.safe_link(article.source)
    if link:
        parts.append(f"<{link}>")
    if article.duplicate_of:
        parts.append(f"near-copy of {inline(common.outlet_name(articles.get(article.duplicate_of), article.duplicate_of))}")
    return " · ".join(parts)


def _claim_line(claim: Claim, cites: Citations) -> str:
    n = common.evidence_articles(claim.evidence)
    count = f"{claim.sources} independent source{'s' * (claim.sources != 1)}, {n} article{'s' * (n != 1)}"
    return f"- **{inline(claim.status)}**: {inline(claim.text)}{_refs(claim.evidence, cites)} ({count})"


def _figures(story: Story, articles: dict[str, Article], cites: Citations) -> list[str]:
    if not story.figures:
        return []
    out = ["### Figures", ""]
    for figure in story.figures:
        verdict = common.VERDICT_LABELS.get(figure.verdict, figure.verdict)
        out += [f"**{inline(figure.about)}**: **{inline(verdict)}**", ""]
        out += ["| Value | Qualifier | According to | Source | As of |", "|---|---|---|---|---|"]
        for v in figure.values:
            source = inline(common.outlet_name(articles.get(v.evidence.article), v.evidence.article))
            cells = [
                inline(common.format_range(v.value, v.low, v.high)), inline(v.qualifier),
                inline(v.attributed_to), f"{source}{_refs([v.evidence], cites)}", inline(v.as_of),
            ]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return out


def _quotes(story: Story, articles: dict[str, Article], cites: Citations) -> list[str]:
    if not story.quotes:
        return []
    out = ["### Quotes", ""]
    for quote in story.quotes:
        out.append(f"- **{inline(quote.speaker) or 'Unattributed'}**: “{inline(quote.text)}”")
        for span in quote.evidence:
            outlet = inline(common.outlet_name(articles.get(span.article), span.article))
            out.append(f"  - {outlet}: “{inline(span.text)}”{_refs([span], cites)}")
    return [*out, ""]


def _timeline(story: Story, cites: Citations) -> list[str]:
    if not story.timeline:
        return []
    out = ["### Timeline", ""]
    for entry in story.timeline:
        precision = "" if entry.precision == "day" else f" ({inline(entry.precision)})"
        note = f" *{inline(entry.note)}*" if entry.note else ""
        out.append(f"- **{inline(entry.date)}**{precision}: {inline(entry.text)}{_refs(entry.evidence, cites)}{note}")
    return [*out, ""]


def _articles(articles: tuple[Article, ...]) -> list[str]:
    out = ["## Articles", ""]
    for a in articles:
        heading = inline(a.outlet or a.id) + (f": {inline(a.title)}" if a.title else "")
        out += [f"### {heading}", "", f"{inline(a.id)} · {inline(a.published) or 'date unknown'}", ""]
        out += [*block(a.text), ""]
        if a.removed:
            out.append("Removed by cleaning: " + "; ".join(f"{inline(r.reason)}: {inline(r.text)}" for r in a.removed))
            out.append("")
    return out


def _footnotes(cites: Citations, articles: dict[str, Article]) -> list[str]:
    out = []
    for c in cites.all():
        outlet = inline(common.outlet_name(articles.get(c.span.article), c.span.article))
        where = f"{outlet} ({inline(c.span.article)}, characters {c.span.start}–{c.span.end})"
        warn = "" if c.valid else " **(not found in the article text)**"
        out.append(f"[^{c.number}]: {where}: “{inline(c.span.text)}”{warn}")
    return [*out, ""] if out else []
