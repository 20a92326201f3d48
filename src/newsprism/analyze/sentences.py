"""Cleaned text → sentence spans (character offsets).

Written by hand rather than with a tokenizer library because offsets must stay exact
and news text needs care around abbreviations ("Jan. 12", "Mr.", "U.S."), initials,
decimal numbers and quotations that end with the closing mark after the full stop.
"""

from __future__ import annotations

import re

#: Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen lt col maj capt sgt adm gov sen rep pres rev hon
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no vs etc inc ltd co corp dept est approx fig u.s u.k u.n e.g i.e a.m p.m""".split()
)

_BOUNDARY = re.compile(r"""[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[A-Z0-9À-ÖØ-Þ])|\n\s*\n|\n""")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text[start:end]``, trimmed of surrounding blanks."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group(0)[0] in ".":
            word = re.search(r"([\w.]+)\.+$", text[max(start, m.start() - 12) : m.start() + 1])
            if word:
                w = word.group(1).lower()
                if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                    continue
        cut = m.end() if m.group(0).strip() else m.start()
        _push(text, pos, cut, spans)
        pos = m.end()
    _push(text, pos, end, spans)
    return spans


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, the unit a plain-text article is written in."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _push(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s and re.search(r"\w", text[s:e]):
        out.append((s, e))
