"""Publication dates as scrapes write them → ISO 8601.

Only used on header lines (the top of an article, before the lede): a date inside a
body sentence is what the story is about, not when it was published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

#: Month names and abbreviations → month number, in the languages outlets most often scrape in.
#: Keys are lower case without a trailing dot; "sept" and "mei"/"mai" style variants included.
MONTHS: dict[str, int] = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # French
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # Italian
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12,
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
    "outubro": 10, "dezembro": 12,
    # Dutch
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
}

_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.|º)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:[^\W\d_]{3,12}\.?,?\s+)?"
_TIME = (
    r"(?:\s*(?:[,|/·•-]|at|à|um|a las)?\s*(?P<hour>[0-2]?\d)[:.h](?P<minute>[0-5]\d)"
    r"(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|UTC[+-]?\d*|GMT[+-]?\d*|[+-][01]\d:?[0-5]\d|[Uu]hr\b|local time))?)?"
)

#: Date shapes, tried in order; each names groups year, month, day (and optionally a time).
#: Numeric d/m order: ``13.01.2025`` is day-first (the dotted style of Europe), ``01/14/2025`` is
#: month-first unless the first number cannot be a month.
DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(_YEAR + r"-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?:[T ]" + r"(?P<hour>[0-2]\d):(?P<minute>[0-5]\d)"
               r"(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"),
    re.compile(r"(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)" + _TIME),
    re.compile(r"(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>(?:19|20)\d\d)" + _TIME),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME, re.IGNORECASE),
    re.compile(_WEEKDAY + _DAY + r"\s+(?:de\s+)?" + _MONTH + r"\s+(?:de\s+|del\s+)?" + _YEAR + _TIME, re.IGNORECASE),
)


@dataclass(frozen=True)
class FoundDate:
    """A date found at ``start:end`` of a line, as ISO text (``2025-01-13`` or ``2025-01-13T15:05``)."""

    iso: str
    start: int
    end: int
    alternative: str | None = None  # the day-first reading of an ambiguous "03/10/2024"
    clock24: bool = False  # a time on the 24-hour clock came with it ("09:14", "16:45"; not "9:14 am")


def parse_date(text: str, *, anchored: bool = True) -> FoundDate | None:
    """The first date in ``text`` (at its start when ``anchored``), or None.

    >>> parse_date("13 janvier 2025").iso
    '2025-01-13'
    """
    for pattern in DATE_PATTERNS:
        m = pattern.match(text) if anchored else pattern.search(text)
        if m is None:
            continue
        groups = m.groupdict()
        iso = _iso(groups)
        if iso:
            return FoundDate(iso, m.start(), m.end(), _day_first_reading(groups), _clock24(groups))
    return None


#: A date in a web address's path: ".../2031/03/04/slug", ".../2031-03-04-slug".
_URL_DATE = re.compile(r"/" + _YEAR + r"[/-](?P<month>[01]?\d)[/-](?P<day>[0-3]?\d)(?:[/-]|\.html?|$)")


def date_in_url(url: str) -> str | None:
    """The ISO date a page's address carries in its path, or None."""
    m = _URL_DATE.search(url)
    return _iso(m.groupdict()) if m else None


def _clock24(groups: dict[str, str | None]) -> bool:
    hour = groups.get("hour")
    return bool(hour) and not groups.get("ampm") and (len(hour) == 2 or int(hour) >= 13)


def _day_first_reading(groups: dict[str, str | None]) -> str | None:
    """For "03/10/2024" (read month-first), the day-first reading; None when only one reading exists."""
    if not groups.get("first"):
        return None
    first, second = int(groups["first"]), int(groups["second"])
    if first == second or first > 12 or second > 12:
        return None
    return _iso(groups, month_first=False)


#: Weekday names (English) → ISO weekday index, for checking a date against the days a story names.
WEEKDAYS: dict[str, int] = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
                            "saturday": 5, "sunday": 6}

#: Words that place a named weekday relative to the publication day, and the offset in days.
RELATIVE_DAYS: dict[str, int] = {"yesterday": -1, "today": 0, "tomorrow": 1}

_MONTH_NAMES = "|".join(sorted((k for k in MONTHS if len(k) >= 3), key=len, reverse=True))
#: A spelled date written day first ("27 November") or month first ("November 27").
DAY_MONTH = re.compile(r"\b[0-3]?\d(?:st|nd|rd|th)? (?:" + _MONTH_NAMES + r")\b", re.IGNORECASE)
MONTH_DAY = re.compile(r"\b(?:" + _MONTH_NAMES + r")\.? [0-3]?\d(?:st|nd|rd|th)?\b(?!:)", re.IGNORECASE)


def resolve_day_month(month_first: str, day_first: str, text: str, *, clock24: bool = False) -> str:
    """Choose between two readings of an ambiguous numeric date from what the article itself says.

    Evidence, in order: spelled dates in one order only ("27 November" → day first); a weekday named
    beside "yesterday"/"today"/"tomorrow" that fits one reading only; a 24-hour clock time beside the
    date (``12/08/2025 - 09:14``: the month-first order is American, where times come with am/pm).
    Without evidence the month-first default stays.
    """
    day_month, month_day = bool(DAY_MONTH.search(text)), bool(MONTH_DAY.search(text))
    if day_month != month_day:
        return day_first if day_month else month_first
    lowered = text.lower()
    named = {WEEKDAYS[w] for w in re.findall(r"\b(" + "|".join(WEEKDAYS) + r")\b", lowered)}
    offsets = [o for word, o in sorted(RELATIVE_DAYS.items()) if re.search(rf"\b{word}\b", lowered)]
    fits = {iso: any((date.fromisoformat(iso[:10]).weekday() + o) % 7 in named for o in offsets)
            for iso in (month_first, day_first)}
    if fits[day_first] != fits[month_first]:
        return day_first if fits[day_first] else month_first
    return day_first if clock24 else month_first


def _iso(groups: dict[str, str | None], *, month_first: bool = True) -> str | None:
    year = int(groups["year"])
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        month, day = (first, second) if first <= 12 and month_first else (second, first)
    else:
        raw_month = groups["month"]
        month = int(raw_month) if raw_month.isdigit() else MONTHS.get(raw_month.lower().rstrip("."), 0)
        day = int(groups["day"])
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    hour, minute = groups.get("hour"), groups.get("minute")
    if hour is None or minute is None:
        return d.isoformat()
    h = int(hour)
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 23:
        return d.isoformat()
    return f"{d.isoformat()}T{h:02d}:{int(minute):02d}"
