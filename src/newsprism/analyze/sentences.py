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
    vs etc inc ltd co corp dept est approx u.s u.k u.n e.g i.e a.m p.m""".split()
)
#: Abbreviations that only abbreviate before a number ("No. 5", "fig. 2"); "voted no." ends a sentence.
NUMBER_ABBREVIATIONS = frozenset("no nos fig figs vol art pp".split())

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
                if w in NUMBER_ABBREVIATIONS and re.match(r"\s*\d", text[m.end() : m.end() + 4]):
                    continue
                if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha() and _initial(text, m.start() - 1, start)):
                    continue
        cut = m.end() if m.group(0).strip() else m.start()
        _push(text, pos, cut, spans)
        pos = m.end()
    _push(text, pos, end, spans)
    return spans


def _initial(text: str, letter: int, floor: int) -> bool:
    """A lone capital with a full stop is an initial ("John F. Kennedy") when a capitalised word comes
    before it; after a lower-case word ("on the platform X.") it ends the sentence."""
    before = text[max(floor, letter - 30) : letter].rstrip()
    prev = re.search(r"([\w'’-]+)$", before)
    return prev is None or prev.group(1)[0].isupper()


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
