"""Plain-text scrapes → Article: a line/paragraph classifier that keeps the story and records the rest.

Signals that hold for any outlet, not for one site: position (header above the lede, trailer
after the last body paragraph), the shape of a line (label, short headline-like teaser, link
list), and the lexicons in :mod:`newsprism.clean.lexicon`. Kept paragraphs are verbatim lines
of the input, joined by blank lines, so later stages can point into them by offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.clean.dates import resolve_day_month
from newsprism.clean.header import (
    DATE_LABEL,
    credited_author,
    ends_like_sentence,
    footer_tagline,
    is_prose,
    name_key,
    read_header,
    split_date_header,
    word_count,
)
from newsprism.clean.language import guess_language
from newsprism.clean.lexicon import (
    ANAPHORIC_OPENERS,
    INLINE_RELATED,
    LEGAL_TAIL,
    LIST_SEPARATOR,
    TAIL_LINES,
    TRAILER_LINE,
    line_reason,
    trailer_reason,
)
from newsprism.model import Article, Removed

#: A teaser of another story is at most this long (words): headlines are short, body sentences rarely are.
TEASER_MAX_WORDS = 15
#: Body that must come before a trailer label for it to count (a label at the very top is a menu).
TRAILER_MIN_BODY_CHARS = 200

#: Wire-copy dateline opening the first paragraph: "LYON, France (AFP) — ", "OSLO (Reuters) - ".
WIRE_DATELINE = re.compile(
    r"(?P<dateline>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3}(?:,\s+[A-Z][\w.]+(?: [A-Z][\w.]+){0,2})?"
    r"(?:,\s+[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\((?P<agency>[\w .&'-]{2,30})\))?\s*[—–-]{1,2})\s+(?=\S)"
)

#: Reporting verbs in the past tense mark a sentence of the story itself, never a teaser headline.
STORY_VERBS = re.compile(r"\b(?:said|told|added|according to|explained|stated|confirmed|reported)\b", re.IGNORECASE)

#: Shapes of a headline of another story: "Topic: claim", a shouted WORD, a present-tense "says".
HEADLINE_SIGNALS = re.compile(r"^[^:]{3,40}:\s|\b[A-Z]{5,}\b|\b(?:says|claims|warns|slams|reveals|vows)\b")

_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]?[A-Z0-9]")
_WRAP_WIDTH = 100

#: A copyright line that names its holder: "© 2024 Valley Courier", "COPYRIGHT © 2019 EXAMPLE.NEWS".
COPYRIGHT_HOLDER = re.compile(
    r"(?:©|copyright|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?,?\s*(?:by\s+)?"
    r"(?P<holder>[^\W\d_][\w&'’ -]{1,50}?(?:\.[a-z]{2,12})?)\s*(?:[.|,;]|\ball rights\b|$)",
    re.IGNORECASE,
)


#: Pictures' rights just before a copyright sign: "All photos © Jo Lam", "Images (c) 2024 Harbour Port": the
#: holder is a photographer or an agency, not the outlet.
PHOTO_RIGHTS = re.compile(r"\b(?:photos?|photographs?|images?|pictures?|illustrations?|graphics?)"
                          r"(?:\s+and\s+\w+)?\s*\Z", re.IGNORECASE)


#: A year (or range of years) at the end of a copyright holder's name: "Harbour Daily 2019-2024".
TRAILING_YEAR = re.compile(r"\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*$")


@dataclass
class _Para:
    text: str
    reason: str | None = None  # None while it is kept


def clean_text(text: str, article_id: str, source: str) -> Article:
    """Clean a plain-text scrape into an :class:`Article` with title, author, date and ``removed``."""
    header, rest = read_header(split_paragraphs(text))
    paras = [_Para(p) for p in rest]
    _mark_lines(paras)
    trailer_at = _mark_trailer(paras)
    _mark_trailer_lines(paras)
    _mark_link_lists(paras)
    _mark_teaser_run(paras, trailer_at)
    _mark_tail_legal(paras, site_names(header.removed, header.outlet))
    if header.published is None:
        header.published = _trailing_date(paras)
    removed = list(header.removed)
    kept: list[str] = []
    first_body = True
    for p in paras:
        if p.reason:
            removed.append(Removed(p.text, p.reason))
            continue
        body, dropped = _strip_inline(p.text, first_body)
        first_body = False
        removed.extend(dropped)
        if body:
            kept.append(body)
    if kept:
        kept[-1], dropped = strip_trailing_prompt(kept[-1])
        removed.extend(dropped)
        kept = [k for k in kept if k]
    published, published_alt = header.published, None
    if published and header.published_day_first:
        published = resolve_day_month(header.published, header.published_day_first, "\n".join(kept),
                                      clock24=header.published_clock24)
        published_alt = header.published_day_first if published == header.published else header.published
    return Article(
        id=article_id,
        source=source,
        text="\n\n".join(kept),
        outlet=copyright_holder(r.text for r in removed if r.reason == "legal") or header.outlet,
        title=header.title,
        author=header.author or _credited_author(removed),
        published=published,
        published_alt=published_alt,
        language=guess_language("\n".join(kept)),
        removed=tuple(removed),
    )


def _trailing_date(paras: list[_Para]) -> str | None:
    """A labelled date line below the body ("Last updated: September 14, 2025, 6:05 PM") when the header
    had none; the line is marked removed. Only a line that is nothing but a labelled date counts."""
    for p in reversed(paras[-8:]):
        dated = split_date_header(p.text)
        if dated and not dated[2] and DATE_LABEL.match(p.text).end() > 0:
            p.reason = "dateline"
            return dated[0]
    return None


def split_paragraphs(text: str) -> list[str]:
    """Non-empty stripped paragraphs: one per line, or per blank-line block when the text is hard-wrapped."""
    lines = text.split("\n")
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if _hard_wrapped(blocks):
        return [" ".join(b) for b in blocks]
    return [line for b in blocks for line in b]


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    """Text wrapped at a fixed width (e-mail, wire feeds): lines end mid-sentence inside blocks."""
    inner = [line for b in blocks for line in b[:-1]]
    if len(inner) < 3:
        return False
    long_lines = sum(len(line) > _WRAP_WIDTH for b in blocks for line in b)
    mid_sentence = sum(not re.search(r"[.!?:\"”’]$", line) for line in inner)
    return long_lines == 0 and mid_sentence >= 0.6 * len(inner)


def _credited_author(removed: list[Removed]) -> str | None:
    """With no byline above the story, the reporter a wire credit line below it names is the author."""
    for r in removed:
        if r.reason == "byline":
            name = credited_author(r.text)
            if name:
                return name
    return None


def _mark_lines(paras: list[_Para]) -> None:
    for p in paras:
        p.reason = line_reason(p.text)


def _mark_trailer(paras: list[_Para]) -> int | None:
    """A bare label like "Latest Stories" after the body starts a trailer: all that follows is not the story.

    Returns the index of the label that starts the trailer, if there is one.
    """
    body_chars = 0
    reason: str | None = None
    start: int | None = None
    for i, p in enumerate(paras):
        if reason is None:
            label = trailer_reason(p.text) if body_chars >= TRAILER_MIN_BODY_CHARS else None
            if label:
                reason, start = label, i
                p.reason = label
            elif not p.reason and is_prose(p.text):
                body_chars += len(p.text)
            continue
        label = trailer_reason(p.text)
        if label:
            reason = label
            p.reason = label
        elif p.reason in (None, "related-links", "sources", "comments", "footer", "tags"):
            legal = line_reason(p.text) == "legal" or (len(p.text) <= 1200 and LEGAL_TAIL.fullmatch(p.text))
            p.reason = "legal" if legal else reason
    return start


def _mark_trailer_lines(paras: list[_Para]) -> None:
    """One-line trailers below the last body paragraph ("Latest Stories: A | B", "Also on Outlet: …", or a
    bare " | "-split list of headlines) point to other stories.

    Only the tail is looked at: inside a story, "More rain: forecasters expect …" is the story's own line.
    """
    body_chars = sum(len(p.text) for p in paras if not p.reason and is_prose(p.text))
    if body_chars < TRAILER_MIN_BODY_CHARS:
        return
    for p in reversed(paras):
        if p.reason:
            continue
        if not trailer_line(p.text):
            break
        p.reason = "related-links"


def trailer_line(line: str) -> bool:
    """``line`` is a labelled one-line trailer or a " | "-split list of headline-like items."""
    if len(line) > 400 or ends_like_sentence(line):
        return False
    return bool(TRAILER_LINE.fullmatch(line)) or headline_list(line)


def headline_list(line: str) -> bool:
    """Two or more headline-like items split by " | ": "Tram fares rise in April | Bridge reopens early"."""
    items = LIST_SEPARATOR.split(line)
    return len(items) >= 2 and all(3 <= word_count(i) <= TEASER_MAX_WORDS and not ends_like_sentence(i)
                                   for i in items)


#: Line reasons of a reader prompt that may trail the story's last sentence on the same line.
TRAILING_PROMPT_REASONS = frozenset({"share-prompt", "tip-prompt", "audio-prompt", "syndication"})

#: Where a sentence ends and the next begins inside a line.
SENTENCE_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z])")


def strip_trailing_prompt(text: str) -> tuple[str, list[Removed]]:
    """``"Rain is due on Friday. Download our weather app"`` → the story sentence and the removed prompt.

    Only a whole last sentence that is a reader prompt is cut (at a sentence boundary), so the
    sentences before it stay verbatim; a paragraph that is all prompt was handled line by line.
    """
    bounds = list(SENTENCE_BOUNDARY.finditer(text))
    if not bounds:
        return text, []
    cut = bounds[-1]
    tail = text[cut.end():]
    reason = line_reason(tail.strip())
    if reason not in TRAILING_PROMPT_REASONS:
        return text, []
    return text[: cut.start()].rstrip(), [Removed(tail.strip(), reason)]


def _mark_link_lists(paras: list[_Para]) -> None:
    """Three or more short headline-like lines in a row above the lede or below the last body
    paragraph are a menu or a list of links to other stories.

    Between body paragraphs such a run is more likely the story's own list (key points,
    closures, results), so it stays: losing story text is worse than keeping a stray list.
    """
    prose = [i for i, p in enumerate(paras) if not p.reason and is_prose(p.text)]
    first, last = (prose[0], prose[-1]) if prose else (len(paras), -1)
    run: list[_Para] = []
    labelled = False  # the run stands under a "Key points" label: the story's own summary box
    for i, p in enumerate([*paras, _Para("")]):
        if p.reason:
            if not run:
                labelled = p.reason == "label"
            continue
        if p.text and _link_like(p.text) and (i < first or i > last):
            run.append(p)
            continue
        if len(run) >= 3 and not labelled:
            words = sum(word_count(r.text) for r in run) / len(run)
            for r in run:
                r.reason = "navigation" if words <= 3 else "related-links"
        run, labelled = [], False


def _link_like(line: str) -> bool:
    """An item of a menu or link list: a few words and no sentence punctuation."""
    return len(line) <= 120 and 1 <= word_count(line) <= 14 and not ends_like_sentence(line)


def _mark_teaser_run(paras: list[_Para], trailer_at: int | None) -> None:
    """Short one-sentence lines right before a trailer (or at the very end) are teasers of other stories.

    A run of at least two is needed, so a single short closing sentence of the story is kept; at the
    very end (no trailer label follows) each line must also look like a headline.
    """
    kept = [p for p in paras[:trailer_at] if not p.reason]
    run: list[_Para] = []
    for p in reversed(kept):
        if not _teaser_like(p.text):
            break
        run.append(p)
    body = kept[: len(kept) - len(run)]
    long_body = sum(word_count(p.text[:400]) >= 20 for p in body)
    if len(run) < 2 or long_body < 2:
        return
    if trailer_at is None and not all(HEADLINE_SIGNALS.search(p.text) for p in run):
        return
    for p in run:
        p.reason = "related-links"


def _teaser_like(line: str) -> bool:
    if len(line) > 160 or not 3 <= word_count(line) <= TEASER_MAX_WORDS:
        return False
    if _SENTENCE_END.search(line) or STORY_VERBS.search(line):
        return False
    opener = re.match(r"[\W]*([^\W\d_]+)", line)
    return not (opener and opener.group(1).lower() in ANAPHORIC_OPENERS)


def _mark_tail_legal(paras: list[_Para], names: frozenset[str] = frozenset()) -> None:
    """Disclaimers, source lists, appeals for money and the site's footer are trusted only after the last
    body paragraph (inside a story they may be quoted, or be what the story is about).

    ``names`` are the site's names from the header, so its footer motto is known (see :func:`footer_line`).
    """
    for p in reversed(paras):
        if p.reason:
            continue
        if LEGAL_TAIL.fullmatch(p.text) and len(p.text) <= 1200:
            p.reason = "legal"
            continue
        reason = next((r for pattern, r in TAIL_LINES if pattern.fullmatch(p.text)), None) if len(p.text) <= 400 else None
        if reason:
            p.reason = reason
            continue
        if footer_line(p.text, names):
            p.reason = "footer"
            continue
        break


#: Reasons of header lines that may name the site: its masthead, or a first line read as a menu item.
_SITE_NAME_REASONS = frozenset({"masthead", "navigation"})


def site_names(removed: list[Removed], outlet: str | None) -> frozenset[str]:
    """Lower-cased names the header gave the site: the outlet, and short masthead or menu lines."""
    names = {name_key(r.text) for r in removed if r.reason in _SITE_NAME_REASONS and 1 <= word_count(r.text) <= 5}
    return frozenset(names | ({name_key(outlet)} if outlet else set()))


def footer_line(line: str, names: frozenset[str] = frozenset()) -> bool:
    """A footer line whose every sentence is site furniture: "Valley Courier — serving the dale since 1902.
    To advertise call 0161 000 0000." Each sentence must be the site's name and motto (see
    :func:`newsprism.clean.header.footer_tagline`), a prompt or a legal line; one sentence of story keeps it all.
    Hand-written like the rest of this classifier: extractors such as trafilatura work on HTML markup, and a
    plain-text scrape has none to say where its footer starts.
    """
    if len(line) > 400:
        return False
    pieces = [piece.strip() for piece in SENTENCE_BOUNDARY.split(line) if piece.strip()]
    return bool(pieces) and all(
        footer_tagline(piece, names) or line_reason(piece) or LEGAL_TAIL.fullmatch(piece) for piece in pieces)


def _strip_inline(text: str, first_body: bool) -> tuple[str, list[Removed]]:
    """Remove a wire dateline opening the first paragraph and "(Related: …)" asides, at clean boundaries."""
    dropped: list[Removed] = []
    if first_body:
        text, dropped = strip_wire_dateline(text)
    pieces: list[str] = []
    pos = 0
    for m in INLINE_RELATED.finditer(text):
        pieces.append(text[pos:m.start()])
        dropped.append(Removed(m.group().strip(), "related-links"))
        pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces).strip(), dropped


def strip_wire_dateline(text: str) -> tuple[str, list[Removed]]:
    """``"OSLO (Agency) — The …"`` → ``"The …"`` and the removed dateline; other text unchanged."""
    m = WIRE_DATELINE.match(text)
    if m and is_prose(text[m.end():]):
        return text[m.end():], [Removed(m.group("dateline").strip(), "dateline")]
    return text, []


def copyright_holder(lines) -> str | None:
    """The holder a copyright line names (a domain is lower-cased), or None: the outlet is never guessed."""
    for line in lines:
        m = next((m for m in COPYRIGHT_HOLDER.finditer(line) if not PHOTO_RIGHTS.search(line, 0, m.start())),
                 None)
        if not m:
            continue
        # "© Harbour Daily 2024": the year after the name is not part of it.
        holder = TRAILING_YEAR.sub("", m.group("holder")).strip(" -")
        if re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,12}", holder):
            return holder.lower()
        if holder and word_count(holder) <= 6 and holder.lower() not in {"all rights reserved", "the author"}:
            return holder
    return None
