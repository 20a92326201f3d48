"""A short summary of a story, every sentence resting on evidence spans.

Extractive on purpose: each sentence is a claim's own wording (taken verbatim from
one article) and cites every span that supports it, most-corroborated facts
first. Where sources differ on a figure or a claim is disputed, a sentence says so
and cites each side, so the difference is said, not hidden.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.analyze.claims import containment, content_words, quotes_balanced
from newsprism.model import Claim, Figure, Span, SummarySentence

MAX_WORDS = 250
#: Room kept for the sentences about differences after the agreed facts.
FACT_WORDS = 170
#: A claim whose content words mostly repeat an earlier summary sentence adds nothing.
REDUNDANT = 0.6
MAX_FACTS = 6


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    text = text.strip(" ,;:")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?\"”’»":
        text += "."
    return text


def _words(text: str) -> int:
    return len(text.split())


def _fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


def _figure_sentence(fig: Figure) -> SummarySentence | None:
    by_value: dict[float, list[Span]] = {}
    for v in fig.values:
        by_value.setdefault(float(v.value), []).append(v.evidence)
    if len(by_value) < 2:
        return None
    parts = []
    for value, spans in sorted(by_value.items(), key=lambda kv: (-len({s.article for s in kv[1]}), kv[0])):
        n = len({s.article for s in spans})
        parts.append(f"{_fmt(value)} ({n} source{'s' if n != 1 else ''})")
    if fig.verdict == "updated":
        latest = max(fig.values, key=lambda v: (v.as_of or "", v.value))
        text = f"Figures for {fig.about} changed over time: {', '.join(parts)}; the latest report gives {_fmt(latest.value)}."
    elif fig.verdict == "differ":
        text = f"Sources differ on {fig.about}: {', against '.join(parts)}."
    else:
        return None
    evidence = tuple(sorted({v.evidence for v in fig.values}, key=lambda s: (s.article, s.start)))
    return SummarySentence(text, evidence)


def summarize(claims: Sequence[Claim], figures: Sequence[Figure], max_words: int = MAX_WORDS
              ) -> list[SummarySentence]:
    chosen: list[SummarySentence] = []
    seen_words: list[frozenset[str]] = []
    words = 0
    corroborated = [c for c in claims if c.status == "corroborated"]
    pool = corroborated or [c for c in claims if c.status == "single-source"][:3]
    for claim in pool:
        if len(chosen) >= MAX_FACTS:
            break
        cw = content_words(claim.text)
        if not quotes_balanced(claim.text) or any(containment(cw, s) >= REDUNDANT for s in seen_words):
            continue
        text = _sentence(claim.text)
        if words + _words(text) > FACT_WORDS:
            continue
        chosen.append(SummarySentence(text, claim.evidence))
        seen_words.append(cw)
        words += _words(text)
    extra: list[SummarySentence] = [s for f in figures if (s := _figure_sentence(f))]
    for claim in claims:
        if claim.status in ("disputed", "superseded") and len(extra) < 6:
            label = "Disputed" if claim.status == "disputed" else "Superseded by a later report"
            extra.append(SummarySentence(f"{label}: {_sentence(claim.text)}", claim.evidence))
    for s in extra:
        if words + _words(s.text) <= max_words:
            chosen.append(s)
            words += _words(s.text)
    return chosen
