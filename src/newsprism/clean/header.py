"""The header of a plain-text scrape: headline, byline and publication date above the lede.

Only the lines before the first body paragraph are looked at: a date or a name inside the
story is what the story is about, not its metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from newsprism.clean.dates import FoundDate, date_in_url, parse_date
from newsprism.clean.lexicon import OUTLET_WORDS, SECTION_LINE, SECTION_WORDS, line_reason
from newsprism.model import Removed

#: Labels that may precede a header date: "date 2025-01-13", "Published: Jan. 13, 2025", "Publié le 13 janvier 2025".
DATE_LABEL = re.compile(
    r"\W*(?:(?:first |originally )?(?:date|dated|published|posted|updated|last updated|modified|released|"
    r"publié|publiée|mis à jour|veröffentlicht|aktualisiert|stand|publicado|actualizado|pubblicato|"
    r"aggiornato|gepubliceerd)(?: on| le| am| el| il| op)?\s*:?\s*)?",
    re.IGNORECASE,
)

#: What separates a header date from what follows it on the line: "01/14/2025 / By Jane Doe".
DATE_TAIL_SEPARATORS = "|/·•,–—-"

#: A byline: "By Jane Doe", "BY JANE DOE", "Par Marie Dupont", "Von Hans Müller", "Author: …", "Written by …",
#: "Words: …" (a magazine's credit; only with its colon, as "Words" opens sentences too).
BYLINE = re.compile(
    r"\W*(?:by|par|von|por|di|door|written by|words by|posted by|published by|(?:live )?coverage by|story by"
    r"|author|auteur|autor|autore|reporter|text|words(?=\s*:))"
    r"\s*[:]?\s+(?P<name>.+)",
    re.IGNORECASE,
)

#: Words that show a byline names a desk, not a person: "Staff Reporters", "Editorial Team".
DESK_WORDS = frozenset({"staff", "team", "desk", "newsroom", "editorial", "editors", "editor", "reporters",
                        "reporter", "correspondents", "correspondent", "agency", "agencies", "bureau", "wires"})
#: A word of these shows a byline's few capitalised words name an organisation: "Metro Desk", "Danube Wire".
_ORGANISATION_WORDS = DESK_WORDS | OUTLET_WORDS

#: Particles allowed in lower case inside a personal name ("Ana de la Cruz", "Jan van der Berg").
NAME_PARTICLES = frozenset({"de", "del", "della", "der", "den", "van", "von", "da", "dos", "das", "du", "la",
                            "le", "bin", "ibn", "al", "el", "y", "zu", "ter", "st."})

#: Words that show a capitalised line is not a person ("Staff", "News", "Reuters" is left to the caller).
NOT_NAME_WORDS = frozenset({"staff", "news", "newsroom", "desk", "editor", "editors", "team", "agency",
                            "reporter", "correspondent", "updated", "published", "share", "home", "menu",
                            "advertisement", "the", "and", "live", "breaking", "video", "photos", "watch",
                            "latest", "more", "read", "comments", "subscribe", "world", "politics", "by", "posted",
                            "written"})

#: Job titles and desks on a credit line under a byline: "Transport Correspondent", "Staff Writer".
ROLE_WORDS = frozenset({"correspondent", "reporter", "writer", "editor", "staff", "contributor", "columnist",
                        "desk", "bureau", "chief", "producer", "journalist", "analyst", "photographer"})

#: Lower-case words allowed inside an outlet's or a section's name ("Times of Valletta", "Arts & Culture").
NAME_LINKS = frozenset({"of", "de", "du", "des", "la", "le", "the", "and", "&", "di", "del", "der", "die", "das",
                        "y", "e", "et", "und"})

#: Separators between an outlet's name and a section on a masthead line: "Westbridge Gazette - Local News".
MASTHEAD_SEPARATOR = re.compile(r"\s+[-–—|·•]\s+|\s*\|\s*")

#: Wire credits naming who reported or wrote a story (not who edited it, nor "additional" reporters):
#: "(Reporting by Ana Ruiz in Madrid; Editing by Tom Bell)" names Ana Ruiz.
CREDIT_AUTHOR = re.compile(
    r"(?:^|[(;,]\s*|\.\s+)(?<!additional )(?:reporting|reported|writing|written) by\s+(?P<names>[^;()]{3,120})",
    re.IGNORECASE,
)

_NAME_TOKEN = re.compile(r"(?:[^\W\d_][.]?)+(?:[-'’][^\W\d_]+)*\.?")
#: Where a byline's name ends: a separator, a date ("on", "am", "le") or the reporter's place ("By Jo Lam
#: in Oslo": "in" before a capitalised word, so a lower-case particle stays part of the name).
_SEPARATOR = re.compile(r"\s*(?:[|/·•,;]|\s[-–—]\s|\s+on\s+|\s+am\s+|\s+le\s+|\s+(?:in|IN)\s+(?=[A-Z]))\s*")
_TERMINAL = re.compile(r"[.!?:;,…][\"”’»)]*$")
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")


@dataclass
class Header:
    """What the top of a scrape says about the article, and which lines said it."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_day_first: str | None = None  # the other reading of an ambiguous numeric date
    published_clock24: bool = False  # that date came with a 24-hour clock time
    outlet: str | None = None  # named by a masthead or a credit line under the byline
    removed: list[Removed] = field(default_factory=list)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def ends_like_sentence(line: str) -> bool:
    """The line ends with sentence punctuation (possibly inside closing quotes)."""
    return bool(_TERMINAL.search(line))


def is_prose(line: str) -> bool:
    """A body paragraph: a real sentence (ends like one and is not tiny) or simply long."""
    words = word_count(line[:600])  # enough to decide; a megabyte-long line need not be counted
    return words >= 25 or (words >= 8 and bool(_TERMINAL.search(line)) and not line.rstrip().endswith(":"))


def looks_like_headline(line: str) -> bool:
    """A short line without terminal sentence punctuation: how headlines and sub-heads look."""
    if len(line) > 180:
        return False
    words = word_count(line)
    return 2 <= words <= 24 and not _TERMINAL.search(line) and not line.isdigit()


def person_name(text: str) -> str | None:
    """``text`` if it reads as one or two personal names ("Jane Doe", "Ana de la Cruz and Li Wei")."""
    text = text.strip().strip(",;:")
    if not text or len(text) > 80:
        return None
    parts = re.split(r"\s+(?:and|&|und|et|y|e)\s+|\s*,\s*", text)
    if len(parts) > 3 or not all(_single_name(p) for p in parts):
        return None
    return _tidy_name(text)


def _single_name(text: str) -> bool:
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    capitalised = 0
    for tok in tokens:
        if tok.lower() in NAME_PARTICLES:
            continue
        if not _NAME_TOKEN.fullmatch(tok) or tok.lower().strip(".") in NOT_NAME_WORDS:
            return False
        if not tok[0].isupper():
            return False
        capitalised += 1
    return capitalised >= 2


def _tidy_name(text: str) -> str:
    # ALL-CAPS bylines ("BY JANE DOE") are shouted, not spelled that way.
    if text.isupper():
        return " ".join(w.capitalize() if w.lower() not in NAME_PARTICLES else w.lower() for w in text.split())
    return text


def split_date_header(line: str) -> tuple[str, str, str] | None:
    """``(iso_date, header_part, rest)`` when ``line`` opens with an (optionally labelled) date.

    ``rest`` is whatever follows on the same line (a byline, a headline, or the lede itself).
    """
    dated = _date_header(line)
    return (dated[0].iso, *dated[1:]) if dated else None


def _date_header(line: str) -> tuple[FoundDate, str, str] | None:
    """:func:`split_date_header` with the whole :class:`FoundDate` (its other reading, its clock)."""
    label = DATE_LABEL.match(line)
    pos = label.end() if label else 0
    found = parse_date(line[pos:])
    if found is None:
        return None
    end = pos + found.end
    rest = line[end:]
    if rest and rest[0].isalnum():
        return None  # the date ran into a word ("2025-01-13abc"): not a header
    return found, line[:end].strip(), rest.strip()


def parse_byline(line: str) -> tuple[str, str] | None:
    """``(author, rest)`` for a byline line; ``rest`` may hold a date, a role or an outlet."""
    m = BYLINE.fullmatch(line)
    if not m:
        return None
    pieces = _SEPARATOR.split(m.group("name"), maxsplit=1)
    name = person_name(pieces[0])
    if name is None:
        return None
    return name, (pieces[1] if len(pieces) > 1 else "")


def read_header(paragraphs: list[str]) -> tuple[Header, list[str]]:
    """Take headline, byline and date off the top of ``paragraphs``; return them and the remaining paragraphs."""
    header = Header()
    paras = list(paragraphs)
    i = 0
    seen_meta = False  # a bare name is trusted as a byline only right under a headline or a date line
    credits = 0  # lines under the byline: its outlet or the reporter's role, then perhaps the date
    url_date: str | None = None  # a date in the page's address, if the scrape starts with one
    chrome_title = False  # that line reads as the site's name or tagline, not as a headline
    while i < len(paras) and i < 12:
        line = paras[i]
        consumed, rest = _header_line(line, header, seen_meta)
        if consumed:
            seen_meta = True
            credits = CREDIT_LINES_MAX if consumed == "byline" else 0
            if rest:
                paras[i] = rest
                continue
            del paras[i]
            continue
        if is_prose(line):
            break
        if SOURCE_URL.fullmatch(line):
            # The page's address, as many scrapes begin: its path often carries the publication date.
            url_date = url_date or date_in_url(line)
            header.removed.append(Removed(line, "source-url"))
            del paras[i]
            continue
        if credits and credit_line(line, paras[i + 1: i + 2]):
            credits -= 1
            header.outlet = header.outlet or _outlet_in(line)
            header.removed.append(Removed(line, "byline"))
            del paras[i]
            continue
        credits = 0
        if is_masthead(line):
            header.outlet = header.outlet or masthead_outlet(line)
            header.removed.append(Removed(line, "masthead"))
            chrome_title = header.title is not None  # a site's name and menus sit above its headline
            del paras[i]
            continue
        if kicker(line) and (header.title is None or chrome_title):
            header.removed.append(Removed(line, "navigation"))
            del paras[i]
            continue
        reason = line_reason(line)
        if reason == "label":
            break  # "Key points": a summary box of the story starts; the body's cleaner reads it
        if reason:
            header.removed.append(Removed(line, reason))
            chrome_title = chrome_title or (header.title is not None and reason == "navigation")
            del paras[i]
            continue
        if header.title is None and _menu_item(line, paras[i + 1: i + 2]):
            if len(line.split()) >= 2 and outlet_name(line):  # "Valley Courier" (not "News") above the headline
                header.outlet = header.outlet or _tidy_outlet(line)
                header.removed.append(Removed(line, "masthead"))
            else:
                header.removed.append(Removed(line, "navigation"))
            del paras[i]
            continue
        headline = not seen_meta_body(paras, i) and looks_like_headline(line) and len(paras) > i + 1
        if headline and header.title is not None and chrome_title:
            # What was taken for the headline was the site's masthead or tagline: the headline is this line.
            at = next(j for j, r in enumerate(header.removed) if r.reason == "title")
            header.removed[at] = Removed(header.title, "masthead")
            header.outlet = header.outlet or _outlet_in(header.title)
            header.title = None
        if headline and header.title is None:
            header.title = line
            chrome_title = i == 0 and site_tagline(line)
            header.removed.append(Removed(line, "title"))
            seen_meta = True
            del paras[i]
            continue
        break
    header.published = header.published or url_date
    return header, paras


#: A line that is only a web address.
SOURCE_URL = re.compile(r"\s*(?:https?://|www\.)\S+\s*", re.IGNORECASE)


def kicker(line: str) -> bool:
    """A section label set in capitals above a headline: "REGIONS", "WORLD NEWS", "LIVE"."""
    words = line.split()
    return (1 <= len(words) <= 3 and line.isupper() and not any(ch.isdigit() for ch in line)
            and not ends_like_sentence(line))


#: Between a site's name and its tagline on a masthead line: "Harbour Daily | English edition",
#: "VALLEY VOICE — news, views and the weather", "Metro Digest :: your morning briefing".
_TAGLINE_SEPARATOR = re.compile(r"\s+(?:[|–—•·]|::|-)\s+|\s*::\s*")


def site_tagline(line: str) -> bool:
    """The first line of a page reads as "Site Name <separator> tagline" rather than as a headline.

    Only a hint: such a line is replaced as the title when a headline-like line follows it in the header.
    """
    parts = _TAGLINE_SEPARATOR.split(line.strip(), maxsplit=1)
    if len(parts) != 2:
        return False
    name, tagline = (p.strip() for p in parts)
    words = name.split()
    return (1 <= len(words) <= 4 and _capitalised_name(words) and not any(ch.isdigit() for ch in name)
            and 1 <= word_count(tagline) <= 10)


#: Verbs that make a line after a site's name a statement of the story, not the site's motto.
_STATEMENT_VERBS = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says|told|added)\b", re.IGNORECASE)


_COLON = re.compile(r"\s*:\s+")


def name_key(name: str) -> str:
    """``name`` lower-cased with its spaces normalised, for comparing names of a site."""
    return " ".join(name.lower().split())


def footer_tagline(line: str, names: frozenset[str] = frozenset()) -> bool:
    """``line`` is a site's name and its motto, as page footers repeat them: "Valley Courier — serving the dale
    since 1902.", "The Harbour Times: independent local news".

    The name must read as an outlet's ("… Courier", see :func:`outlet_name`) or be one of ``names`` (lower-cased
    names the page's header gave); the motto is short and states nothing ("Harbour Times — the paper was sold
    in 2019." is a story's sentence).
    """
    line = line.strip().rstrip(".!")
    parts = _TAGLINE_SEPARATOR.split(line, maxsplit=1)
    if len(parts) != 2:
        parts = _COLON.split(line, maxsplit=1)
    if len(parts) != 2:
        return False
    name, motto = (p.strip() for p in parts)
    if not (outlet_name(name) or name_key(name) in names):
        return False
    return 1 <= word_count(motto) <= 10 and not _STATEMENT_VERBS.search(motto) and not _TERMINAL.search(motto)


def _menu_item(line: str, following: list[str]) -> bool:
    """A word or three above the headline followed by more such lines: a section menu or kicker."""
    return word_count(line) <= 3 and not ends_like_sentence(line) and bool(following) and not is_prose(following[0])


def seen_meta_body(paras: list[str], i: int) -> bool:
    """True when a body-looking paragraph came before index ``i`` (then no headline can follow)."""
    return any(is_prose(p) for p in paras[:i])


def _header_line(line: str, header: Header, after_meta: bool) -> tuple[str | None, str]:
    """Consume a date line, a byline or a bare author name.

    Returns ``(kind, rest_of_line)``: kind is "date" or "byline" (the kind that ends the line), or None.
    """
    dated = _date_header(line)
    if dated:
        found, part, rest = dated
        if header.published is None:
            header.published = found.iso
            header.published_day_first, header.published_clock24 = found.alternative, found.clock24
        tail = rest.lstrip(" " + DATE_TAIL_SEPARATORS)
        byline = parse_byline(tail)
        if byline or desk_byline(tail):
            # "01/14/2025 / By Jane Doe"; a desk's "Posted on 15.10.2025 by the Editorial Team" names no author.
            header.author = header.author or (byline[0] if byline else None)
            header.removed.append(Removed(line, "dateline"))
            return "byline", ""
        if rest[:1] in DATE_TAIL_SEPARATORS and word_count(rest) <= 6 and not is_masthead(rest):
            # "Thursday, 13 March 2031 | Lakeside 9°C cloudy": widgets beside the date are not the story.
            header.removed.append(Removed(line, "dateline"))
            return "date", ""
        header.removed.append(Removed(part, "dateline"))
        return "date", rest
    byline = parse_byline(line)
    if byline:
        author, rest = byline
        header.author = header.author or author
        if rest:
            dated = split_date_header(rest)
            if dated:
                header.published = header.published or dated[0]
        header.removed.append(Removed(line, "byline"))
        return "byline", ""
    if desk_byline(line):
        header.removed.append(Removed(line, "byline"))
        return "byline", ""
    credited = credited_author(line) if len(line) <= 120 and not ends_like_sentence(line) else None
    if credited:
        # "Valley Radio newsroom, reporting by Jo Lam": a desk's credit that names its reporter.
        header.author = header.author or credited
        header.removed.append(Removed(line, "byline"))
        return "byline", ""
    bare = bare_byline(line) if after_meta and header.author is None else None
    if bare:
        header.author = bare
        header.removed.append(Removed(line, "byline"))
        return "byline", ""
    return None, ""


def desk_byline(line: str) -> bool:
    """A byline naming a desk or a team rather than a person: "By Staff Reporters", "by the NewsRoll
    Editorial Team", "Posted by Metro Desk". A few capitalised words (or "the"), no sentence end."""
    m = BYLINE.fullmatch(line)
    if not m:
        return False
    name = m.group("name").strip()
    words = name.split()
    return (1 <= len(words) <= 6 and len(name) <= 60 and not ends_like_sentence(name)
            and not any(ch.isdigit() for ch in name)
            and (_capitalised_words(words) or _last_word_in(words, DESK_WORDS))  # "the Harbour Daily politics desk"
            and any(w.lower().strip(".,") in _ORGANISATION_WORDS for w in words))


def bare_byline(line: str) -> str | None:
    """The author of an unlabelled byline: "Jane Doe", "Ana Ruiz and Li Wei", or a name with its outlet or
    role after one comma ("Sara Holm, Harbour Business" → "Sara Holm").

    Two co-authors are joined by "and"; a lone comma before capitalised words marks an affiliation.
    """
    line = re.sub(r"\s+[|·•/]\s+", ", ", line, count=1)  # "Ana Ruiz | Regional correspondent", "Ana Ruiz / Wire"
    if "," not in line:
        return person_name(line) if word_count(line) <= 6 else None
    head, _, tail = line.partition(",")
    tail = tail.strip()
    name = person_name(head)
    if name is None or " and " in tail or "&" in tail or not _affiliation(tail):
        return person_name(line) if word_count(line) <= 6 else None
    return name


def _affiliation(text: str) -> bool:
    """An outlet, desk or role after a byline's comma: a few capitalised words, no digits or sentence end."""
    words = text.split()
    return (1 <= len(words) <= 6 and len(text) <= 60 and not ends_like_sentence(text)
            and not any(ch.isdigit() for ch in text)
            and (_capitalised_name(words) or _last_word_in(words, ROLE_WORDS)))


#: Credit lines (outlet, role) accepted under one byline: "By Jo Lam / Staff Writer / Harbour Daily".
CREDIT_LINES_MAX = 2


def credit_line(line: str, following: list[str]) -> bool:
    """A line right under a byline naming the reporter's outlet or role ("Continental Wire", "Staff Writer").

    It must be a few capitalised words without sentence punctuation, and either end in an outlet or role
    word or sit directly above the date line: a headline or a subhead under a byline ("Police Chief Steps
    Down") reads otherwise.
    """
    if len(line) > 60 or ends_like_sentence(line) or any(ch.isdigit() for ch in line):
        return False
    words = line.split()
    if not 1 <= len(words) <= 6 or not _capitalised_name(words):
        return False
    if outlet_name(line) or _last_word_in(words, ROLE_WORDS):
        return True
    return bool(following) and split_date_header(following[0]) is not None


def _capitalised_name(words: list[str]) -> bool:
    """Every word capitalised (or a linking word like "of", "&"): how names of outlets and sections are written."""
    return _capitalised_words(words) and words[0][0].isupper()


def _capitalised_words(words: list[str]) -> bool:
    """Every word capitalised or a linking word, which may come first ("the Harbour Daily Team")."""
    return all(w[0].isupper() or w.lower() in NAME_LINKS for w in words)


def _last_word_in(words: list[str], vocabulary: frozenset[str]) -> bool:
    """The last of ``words``, lower-cased and without a trailing "." or ",", is in ``vocabulary``."""
    return words[-1].lower().strip(".,") in vocabulary


def outlet_name(text: str) -> bool:
    """``text`` reads as an outlet's name: a few capitalised words ending in an outlet word ("North Coast
    Times", "WESTBRIDGE GAZETTE"), or with one before "of"/"de" ("Times of Valletta")."""
    words = text.split()
    if not 1 <= len(words) <= 5 or not _capitalised_name(words) or _TERMINAL.search(text):
        return False
    if any(not re.fullmatch(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?|&", w) for w in words):
        return False
    lowered = [w.lower().strip(".") for w in words]
    if lowered[-1] in OUTLET_WORDS:
        return True
    return any(w in OUTLET_WORDS and nxt in {"of", "de", "du", "des", "di", "del"}
               for w, nxt in pairwise(lowered))


def section_name(text: str) -> bool:
    """``text`` reads as a section of a site: "Local News", "Arts & Culture", "World"."""
    words = text.split()
    return 1 <= len(words) <= 4 and _capitalised_name(words) and all(
        w.lower().strip(".") in SECTION_WORDS for w in words)


def is_masthead(line: str) -> bool:
    """A masthead or section strip, which is not a headline: an outlet's name in capitals ("NORTH COAST
    TIMES"), "Outlet - Section" ("Westbridge Gazette - Local News"), or a labelled section strip
    ("| Section: Social | Editorial staff")."""
    if len(line) > 160:
        return False
    if SECTION_LINE.fullmatch(line):
        return True
    parts = MASTHEAD_SEPARATOR.split(line.strip(" |"), maxsplit=1)
    if len(parts) == 2:
        return outlet_name(parts[0]) and (section_name(parts[1]) or outlet_name(parts[1]))
    return line.isupper() and outlet_name(line)


def masthead_outlet(line: str) -> str | None:
    """The outlet a masthead line names ("NORTH COAST TIMES" → "North Coast Times"); None for a section strip."""
    if SECTION_LINE.fullmatch(line):
        return None
    name = MASTHEAD_SEPARATOR.split(line.strip(" |"), maxsplit=1)[0]
    return _outlet_in(name)


def _outlet_in(text: str) -> str | None:
    """``text``, tidied, when it reads as an outlet's name (see :func:`outlet_name`)."""
    return _tidy_outlet(text) if outlet_name(text) else None


def _tidy_outlet(name: str) -> str:
    # A masthead set in capitals is typography; the name is written in title case.
    if name.isupper():
        return " ".join(w.lower() if w.lower() in NAME_LINKS and i else w.capitalize() for i, w in enumerate(name.split()))
    return " ".join(name.split())


def credited_author(line: str) -> str | None:
    """The reporter a wire credit line names: "(Reporting by Ana Ruiz in Madrid; Editing by Tom Bell)" →
    "Ana Ruiz". Editors and "additional reporting" are not the author."""
    for m in CREDIT_AUTHOR.finditer(line):
        names = re.split(r"\s+(?:in|at|from)\s+(?=[A-Z])", m.group("names").strip(), maxsplit=1)[0]
        name = person_name(names.strip(" .,"))
        if name:
            return name
    return None
