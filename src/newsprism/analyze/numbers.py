"""Numbers as news text writes them → values, with the qualifier that turns each into a range.

Recognises digits with thousands separators (``13,000``, ``14 000`` also with no-break spaces,
``13.000``), decimals with scale words or suffixes (``1.5 million``, ``18k``, ``$2bn``), numbers
written as words (``three``, ``twenty-five``, ``a dozen``, ``two hundred``), vague amounts
(``hundreds of``, ``tens of thousands of``), percentages and money. It leaves out what only
looks like a quantity: years, dates, times, ages and other compound modifiers (``26-year-old``),
ordinals, scores, phone numbers, list numbering and numbers glued to names (``COVID-19``).

Everything here works on character offsets into the text it is given, so callers can build
evidence spans from the results directly.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace


def _words(text: str) -> tuple[str, ...]:
    """Word tables are written as one string for readability."""
    return tuple(text.split())


def alternation(forms: Iterable[str]) -> str:
    """A regex alternation of word forms, longest first, a space in a form matching any run of spaces."""
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))


def _norm(phrase: str) -> str:
    """A phrase as the tables key it: lower case, one space between words."""
    return re.sub(r"\s+", " ", phrase.lower())


#: Cardinal words and their values; ordinals ("first", "third") are deliberately absent.
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dozen": 12,
}

#: Words that multiply the number before them ("1.5 million", "two hundred", "3 thousand").
SCALE_WORDS: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}

#: Suffixes glued to digits that multiply them ("11k", "5m", "2bn"); "m" as metres is rare in news counts.
SCALE_SUFFIXES: dict[str, int] = {
    "k": 1_000, "K": 1_000, "m": 1_000_000, "mn": 1_000_000, "M": 1_000_000,
    "bn": 1_000_000_000, "b": 1_000_000_000, "B": 1_000_000_000,
}

#: Vague plurals and the range they stand for: "hundreds of people" is at least 200 and below 1,000.
VAGUE_AMOUNTS: dict[str, tuple[float, float]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}

#: Qualifier phrase (lower case) → how it bends the number into a range.
#: ``approx`` ±a rounding step, ``below`` just under ("nearly"), ``min`` a floor ("more than"),
#: ``max`` a ceiling ("up to").
QUALIFIERS: dict[str, str] = {
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
    "approx.": "approx", "~": "approx", "perhaps": "approx", "more or less": "approx",
    "nearly": "below", "almost": "below", "close to": "below", "just under": "below",
    "approaching": "below", "just shy of": "below",
    "at least": "min", "more than": "min", "over": "min", "upwards of": "min", "in excess of": "min",
    "no fewer than": "min", "no less than": "min", "a minimum of": "min", "just over": "min",
    "well over": "min", "north of": "min", "at minimum": "min",
    "up to": "max", "as many as": "max", "at most": "max", "no more than": "max",
    "fewer than": "max", "less than": "max", "under": "max", "below": "max", "a maximum of": "max",
    "not more than": "max", "at the most": "max",
}

#: Currency signs and words → ISO code, the ``counted`` class of an amount of money.
CURRENCIES: dict[str, str] = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH",
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "yen": "JPY", "rupees": "INR", "roubles": "RUB", "rubles": "RUB", "hryvnias": "UAH",
    "usd": "USD", "eur": "EUR", "gbp": "GBP",
    # Ransoms and fraud are often told in cryptocurrency, with a dollar value beside it: its own class.
    "bitcoin": "BTC", "bitcoins": "BTC", "btc": "BTC", "ether": "ETH", "eth": "ETH",
}

#: Words after a number that make it a percentage.
PERCENT_WORDS = ("%", "percent", "per cent", "pct")

#: The unit of a change in a rate: "cut by 0.25 percentage points", "25 basis points", "a quarter-point".
POINTS_UNIT = "percentage points"

#: Words after a number that make it a change in a rate, and what divides the number to give percentage
#: points: 100 basis points are one percentage point. Bare "points" is left out: it is also a score or
#: a stock index's move.
POINT_WORDS: dict[str, int] = {
    "percentage points": 1, "percentage point": 1, "percentage-point": 1, "pp": 1, "ppt": 1, "ppts": 1,
    "basis points": 100, "basis point": 100, "basis-point": 100, "bps": 100, "bp": 100,
}

#: Fractions of a point written in words, with their value in percentage points ("a quarter-point cut",
#: "half a percentage point"). An "a" in front belongs to the phrase.
POINT_FRACTIONS: dict[str, float] = {
    "quarter-point": 0.25, "quarter point": 0.25, "quarter percentage point": 0.25,
    "quarter of a percentage point": 0.25, "quarter of a point": 0.25, "quarter-percentage-point": 0.25,
    "half-point": 0.5, "half point": 0.5, "half percentage point": 0.5, "half a percentage point": 0.5,
    "half of a percentage point": 0.5, "half a point": 0.5, "half-percentage-point": 0.5,
    "three-quarters of a percentage point": 0.75, "three quarters of a percentage point": 0.75,
    "three-quarter-point": 0.75, "three-quarters of a point": 0.75,
}

@dataclass(frozen=True)
class Measure:
    """A scale named by a word next to the number: ``before`` words stand in front of it (optionally with
    "of" or a hyphen between), ``after`` words follow it; ``ceiling`` is the largest reading the scale
    takes, so "the magnitude of 40 layoffs" is not a reading of it."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    ceiling: float


#: Scales a number can be a reading of: "magnitude 6.8", "magnitude-6.8", "a 6.8-magnitude quake",
#: "6.8 on the Richter scale". Such a number is a measure (its ``unit`` is the scale's name), not a count,
#: so it needs no counted noun or event to be compared across reports.
MEASURES: dict[str, Measure] = {
    "magnitude": Measure(before=("magnitude",), after=("magnitude", "on the richter scale"), ceiling=10.0),
}

#: Terms a court or an authority sets, read from the words nearest a duration ("sentenced to seven years",
#: "a 7-year prison term", "an eight-year ban from office", "a five-year suspended sentence"): each is a
#: scale of its own, in years (months are converted), compared across reports like a measure. A duration
#: with none of these words near it stays a time span, not a figure.
TERM_UNITS: dict[str, str] = {
    "suspended sentence (years)": r"suspended|probation",
    "ban (years)": r"ban|bans|banned|barred|disqualif\w*|struck off",
    "prison term (years)": r"prison|jail|jailed|imprison\w*|behind bars|custod\w*|incarcerat\w*|sentenced to",
}
_TERM_KEYS = tuple((unit, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for unit, words in TERM_UNITS.items())
#: How far (characters) from the duration a term's word may stand, within its clause.
TERM_REACH = 60

#: States a stretch of time or a depth can be the measure of, as the word next to it says ("trapped for
#: 56 hours", "three days adrift", "trapped 300 metres underground"): form → the state's label. A measure
#: with such a word is one amount in a story (how long, how deep those trapped were), so two reports of
#: it that differ conflict. A bare "56 hours" or "48 hours later" names no state and stays no figure.
STATES: dict[str, str] = {
    "trapped": "trapped", "entombed": "trapped",
    "stranded": "stranded",
    "buried": "buried",
    "missing": "missing", "unaccounted for": "missing",
    "adrift": "adrift", "lost at sea": "adrift",
    # Plain "held" is left out: talks and vigils are held for hours too.
    "held hostage": "held", "held captive": "held", "in captivity": "held",
    "besieged": "besieged", "under siege": "besieged",
    "without power": "without power", "without electricity": "without power",
}

#: Words for a stretch of time after a number → hours in one ("56 hours", "three days", "90 minutes").
#: Months and years are left to ages and terms (see :data:`TERM_UNITS`).
SPAN_HOURS: dict[str, float] = {
    "minutes": 1 / 60, "minute": 1 / 60, "mins": 1 / 60, "hours": 1.0, "hour": 1.0, "hrs": 1.0,
    "days": 24.0, "day": 24.0, "weeks": 168.0, "week": 168.0,
}

#: Lengths of a thing, by the unit written → the unit's name ("a 240-metre bridge", "a 6km stretch", "12
#: kilometres"). The value stays in the unit the report uses, as readers and reports compare them; a bare
#: "m" glued to digits is left out, as "38m" is millions as often as metres.
LENGTH_UNITS: dict[str, str] = {
    "metres": "metres", "meters": "metres", "metre": "metres", "meter": "metres",
    "kilometres": "kilometres", "kilometers": "kilometres", "kilometre": "kilometres", "kilometer": "kilometres",
    "km": "kilometres", "feet": "feet", "foot": "feet", "ft": "feet", "miles": "miles", "mile": "miles",
}

#: Metres in one of the units a depth is given in (see :data:`LENGTH_METRES`); miles are no depth.
METRES_PER_UNIT: dict[str, float] = {"metres": 1.0, "kilometres": 1000.0, "feet": 0.3048}

#: Lengths after a number that can be a depth → metres in one ("310 metres", "1,000 feet", "2 km"). Next to
#: a depth word a bare "m" is metres ("300m underground").
LENGTH_METRES: dict[str, float] = {
    "m": 1.0,
    **{form: METRES_PER_UNIT[unit] for form, unit in LENGTH_UNITS.items() if unit in METRES_PER_UNIT},
}

#: Names of the units of :data:`LENGTH_UNITS`: a number with one is a length, not a count.
LENGTH_UNIT_NAMES = frozenset(LENGTH_UNITS.values())

#: Words that make a length a depth: after it ("250 metres underground", "40 feet below the surface") or
#: before it ("at a depth of 35 km").
DEPTH_AFTER = ("underground", "below ground", "below the ground", "beneath the ground", "under the ground",
               "below the surface", "beneath the surface", "below the seabed", "below the seafloor",
               "below sea level", "underwater", "under water", "deep")
DEPTH_BEFORE = ("depth of", "depths of")

#: The unit of a depth no state word anchors ("a shaft 400 metres deep"): compared only where reports agree.
DEPTH_UNIT = "depth (metres)"


def span_unit(state: str) -> str:
    """The unit of a stretch of time a state word names: "trapped" → "time trapped (hours)"."""
    return f"time {state} (hours)"


def depth_unit(state: str | None) -> str:
    """The unit of a depth, anchored by a state word or not: "trapped" → "depth trapped (metres)"."""
    return f"depth {state} (metres)" if state else DEPTH_UNIT


#: Units of measures anchored by a state (see :data:`STATES`): each is one amount in a story.
STATE_UNITS = frozenset(f(label) for label in set(STATES.values()) for f in (span_unit, depth_unit))

#: Units that are scales (compared by value alone, with no counted noun or event).
SCALE_UNITS = frozenset(MEASURES) | frozenset(TERM_UNITS) | STATE_UNITS | {DEPTH_UNIT}

#: Month names and abbreviations: a number next to one is a day or a year, not a count.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

#: Units after a number that make it a time, a duration or an age rather than a count of things.
NOT_COUNTS = frozenset(_words(
    """a.m. p.m. am pm o'clock hours hour minutes minute seconds second days day weeks week months month
    years year decades decade centuries century min mins hrs hr sec secs"""
))

_MEASURE_NUM = r"(?P<num>\d{1,2}(?:\.\d+)?)"
# What may not stand right before a number read with its unit: a letter, a digit group, a sign or a symbol.
_NUM_LEFT = r"(?<![\w.,\-–/:+#@$€£])"


def _measure_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out: list[tuple[str, re.Pattern[str]]] = []
    for unit, forms in MEASURES.items():
        out.append((unit, re.compile(
            rf"\b(?:{alternation(forms.before)})(?:\s+of)?(?:\s*[-–]\s*|\s+){_MEASURE_NUM}"
            r"(?![\w%]|[.,]\d|[-–]\w|\s*(?:per\s*cent|pct)\b)",
            re.IGNORECASE)))
        out.append((unit, re.compile(
            rf"{_NUM_LEFT}{_MEASURE_NUM}(?:\s*[-–]\s*|\s+)(?:{alternation(forms.after)})\b", re.IGNORECASE)))
    return tuple(out)


_MEASURE_RES = _measure_patterns()

_WORD_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUM_TOKEN = (r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
              rf"(?:an?\s+)?(?:{_WORD_ALT})(?:[\s-]+(?:{_WORD_ALT}))?)")
_STATE_ALT = alternation(STATES)
_SPAN = re.compile(rf"{_NUM_LEFT}{_NUM_TOKEN}(?:\s+|\s*[-–]\s*)(?P<unit>{alternation(SPAN_HOURS)})\b",
                   re.IGNORECASE)
_LENGTH = re.compile(rf"{_NUM_LEFT}{_NUM_TOKEN}(?:\s*|\s*[-–]\s*)(?P<unit>{alternation(LENGTH_METRES)})\b",
                     re.IGNORECASE)
_STATE_BEFORE = re.compile(rf"\b(?P<state>{_STATE_ALT})\s+(?:for\s+)?$", re.IGNORECASE)
_STATE_AFTER = re.compile(rf"\s+(?P<state>{_STATE_ALT})\b", re.IGNORECASE)
_STATE_ANY = re.compile(rf"\b(?P<state>{_STATE_ALT})\b", re.IGNORECASE)
# "ending an operation of nearly 56 hours", "freed after 30 hours": a stretch of time a preposition
# introduces, and not a point in time counted from another ("48 hours later").
_SPAN_INTRO = re.compile(r"\b(?:of|after|for|lasting)\s+$", re.IGNORECASE)
_SPAN_POINT = re.compile(r"\s+(?:later|earlier|ago|before|after|on|since|from|to)\b", re.IGNORECASE)
_PLAIN_LENGTH = re.compile(
    rf"{_NUM_LEFT}{_NUM_TOKEN}(?:\s*|\s*[-–]\s*)(?P<unit>{alternation(LENGTH_UNITS)})\b"
    # "185 km/h", "90 kilometres per hour": a speed, not a length.
    r"(?!\s*/|\s+(?:per|an|a)\s+hour)",
    re.IGNORECASE,
)
_DEPTH_AFTER = re.compile(rf"\s+(?:{alternation(DEPTH_AFTER)})\b", re.IGNORECASE)
_DEPTH_BEFORE = re.compile(rf"\b(?:{alternation(DEPTH_BEFORE)})\s+$", re.IGNORECASE)
# A state word right before a depth phrase: "trapped at a depth of", "trapped about 250 metres underground".
_STATE_AT_DEPTH = re.compile(rf"\b(?P<state>{_STATE_ALT})\s+(?:at\s+(?:an?\s+)?(?:depth|depths)\s+of\s+)?$",
                             re.IGNORECASE)
_SEP_SPACE = "[ \u00a0\u202f]"
# Order matters: grouped forms before bare digits, so "13,000" is one number and not "13".
_DIGITS = re.compile(
    rf"""(?<![\w.,\-–/:+#@])
    (?P<num>
        \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?            # 13,000  1,234.5
      | \d{{1,3}}(?:{_SEP_SPACE}\d{{3}})+(?![\d])    # 14 000 with a space or no-break space
      | \d{{1,3}}(?:\.\d{{3}})+(?![\d.,])            # 13.000 where the dot separates thousands
      | \d+(?:\.\d+)?                               # 340  1.5
    )
    (?P<suffix>bn|mn|[kKmMbB])?
    (?![\w]|[.,]\d|[\-–]\w|:\d)""",
    re.VERBOSE,
)

_SCALE_ALT = "|".join(SCALE_WORDS)
_WORDS = re.compile(
    rf"\b(?:a\s+(?:dozen|{_SCALE_ALT})|{_WORD_ALT})"
    rf"(?:[\s-]+(?:{_WORD_ALT}|{_SCALE_ALT})|(?<=hundred)\s+and\s+(?:{_WORD_ALT}))*\b(?![\-–]\w)",
    re.IGNORECASE,
)
_TERM = re.compile(
    rf"{_NUM_LEFT}(?P<num>\d{{1,2}}(?:\.\d)?|(?:{_WORD_ALT})(?:[\s-]+(?:{_WORD_ALT}))?)"
    rf"(?:\s+|\s*[-–]\s*)(?P<unit>years?|months?)\b(?!-old|\s+(?:old|ago|later|earlier|before|after|since)\b)",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?P<vague>tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions)\s+of\b",
    re.IGNORECASE,
)
_SCALE_AFTER = re.compile(rf"{_SEP_SPACE}?(?P<scale>{_SCALE_ALT})\b", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"(?:(?<=\W)|^)(?P<q>" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")[^\S\n]*\n?[^\S\n]*\Z",  # a blank line between them ends the phrase: another paragraph
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"(?P<cur>us\$|[$€£¥₹₽₴]|\b(?:usd|eur|gbp))\s?$", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(
    rf"^\s?(?P<cur>{alternation(c for c in CURRENCIES if c.isalpha())})\b", re.IGNORECASE)
_PERCENT_AFTER = re.compile(r"^\s?(?:%|percent\b|per\s+cent\b|pct\b)", re.IGNORECASE)
_POINTS_AFTER = re.compile(
    rf"^[ \u00a0]?(?P<w>{alternation(POINT_WORDS)})(?![\w-])", re.IGNORECASE)
_FRACTION = re.compile(
    rf"\b(?:an?\s+)?(?P<f>{alternation(POINT_FRACTIONS)})(?![\w-])", re.IGNORECASE)
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH_ALT})\.?,?\s+$", re.IGNORECASE)
# "May" and "March" are also a verb and a modal ("3,000 march", "300 may have died"), so after a
# number they are months only when a year or punctuation follows.
_MONTH_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:(?:may|march|mar)(?=\s+\d|\s*[,.;:)]|\s*$)"
    rf"|(?!may\b|march\b|mar\b)(?:{_MONTH_ALT})\b)",
    re.IGNORECASE,
)
_NOT_COUNT_AFTER = re.compile(
    r"^\s?(?:" + "|".join(re.escape(w) for w in sorted(NOT_COUNTS, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s+$", re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"\b(?:in|since|by|from|until|till|of|year|early|late|mid|before|after)\s+$",
                          re.IGNORECASE)


@dataclass(frozen=True)
class NumberMatch:
    """One quantity in the text: the numeral (with its scale word) and what qualifies it."""

    start: int  # first character of the qualifier if there is one, else of the numeral
    end: int  # after the numeral, its scale word, and a "%" or currency word if any
    num_start: int  # first character of the numeral itself (after a currency sign)
    value: float
    step: float  # the rounding step the writer used: 1000 for "13,000", 100 for "3,400"
    qualifier: str | None  # lower-cased phrase as written ("nearly"), or the vague word ("hundreds")
    kind: str  # "exact", "approx", "below", "min", "max" or "vague"
    spelled: bool  # written in words ("three", "a dozen")
    unit: str | None  # "percent", a currency code, or None for a count of things
    vague_range: tuple[float, float] | None = None

    @property
    def low(self) -> float | None:
        """Lowest value the writer's words allow; None when they set no floor."""
        return reported_range(self)[0]

    @property
    def high(self) -> float | None:
        """Highest value the writer's words allow; ``math.inf`` when they set no ceiling."""
        return reported_range(self)[1]


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    """Every quantity in ``text[start:end]``, in text order, without years, dates, times and ages."""
    end = len(text) if end is None else end
    found: list[NumberMatch] = []
    taken: list[tuple[int, int]] = []
    measures = _measures(text, start, end) + _terms(text, start, end) + _state_measures(text, start, end)
    for n in measures + _lengths(text, start, end):  # a depth is read before the plain length it holds
        if not _overlaps(n.start, n.end, taken):
            found.append(n)
            taken.append((n.start, n.end))
    for m in _VAGUE.finditer(text, start, end):
        found.append(_vague(text, m))
        taken.append((m.start(), m.end()))
    for m in _FRACTION.finditer(text, start, end):
        if not _overlaps(m.start(), m.end(), taken):
            found.append(_fraction(text, m))
            taken.append((m.start(), m.end()))
    for m in _DIGITS.finditer(text, start, end):
        if _overlaps(m.start(), m.end(), taken):
            continue
        n = _digits(text, m, end)
        if n is not None:
            found.append(n)
            taken.append((n.num_start, n.end))
    for m in _WORDS.finditer(text, start, end):
        if _overlaps(m.start(), m.end(), taken):
            continue
        n = _spelled(text, m, end)
        if n is not None:
            found.append(n)
            taken.append((n.num_start, n.end))
    return sorted(found, key=lambda n: (n.num_start, n.end))


def reported_range(n: NumberMatch) -> tuple[float | None, float | None]:
    """(low, high) the words state: None is no floor, ``math.inf`` no ceiling."""
    return reading_range(n.value, n.step, n.kind, n.vague_range)


def reading_range(value: float, step: float, kind: str,
                  vague: tuple[float, float] | None = None) -> tuple[float | None, float | None]:
    """(low, high) of a number read with its qualifier kind; see :data:`QUALIFIERS`."""
    if kind == "vague" and vague:
        return vague
    if kind == "approx":
        half = _approx_half_width(value, step)
        return value - half, value + half
    if kind == "below":
        return value - min(step, 0.1 * value), value
    if kind == "min":
        return value, math.inf
    if kind == "max":
        return None, value
    return value, value


def plausible_range(value: float, step: float, kind: str,
                    vague: tuple[float, float] | None = None) -> tuple[float, float]:
    """(low, high) a reader takes the words to mean, used to compare reports.

    An open bound is closed at the next rounding step: writers say "more than 20,000" for something
    between 20,000 and 30,000 and "at least 200" for 200-odd, not for 600, so those are not read as
    agreeing with three times the number. "Up to 500" is read as no less than half of it.
    """
    low, high = reading_range(value, step, kind, vague)
    if high == math.inf:
        high = value + max(step, 0.25 * value)
    if low is None:
        low = value - max(step, 0.5 * value)
    return max(0.0, low), high if high is not None else value


def rounding_step(digits: str) -> float:
    """The place of the last non-zero digit of a numeral: 1000 for "13,000", 0.1 for "1.5"."""
    clean = re.sub(r"[^\d.]", "", digits)
    if "." in clean:
        whole, frac = clean.split(".", 1)
        frac = frac.rstrip("0")
        if frac:
            return 10.0 ** -len(frac)
        clean = whole
    stripped = clean.rstrip("0")
    if not stripped:
        return 1.0
    return 10.0 ** (len(clean) - len(stripped))


def _approx_half_width(v: float, step: float) -> float:
    # Just under half a rounding step, so "about 13,000" and "about 14,000" do not touch, and never
    # more than a tenth of the value: "about 400" is not 340.
    return min(max(0.45 * step, 0.02 * v), 0.1 * v)


def _digits(text: str, m: re.Match[str], end: int) -> NumberMatch | None:
    raw = m.group("num")
    num_start, num_end = m.start(), m.end()
    before = text[max(0, num_start - 40) : num_start]
    after = text[num_end : min(len(text), num_end + 30)]
    is_plain = re.fullmatch(r"\d+", raw) is not None
    if _is_date_or_time(raw, before, after, is_plain) or _is_list_number(text, num_start, num_end):
        return None
    if _in_digit_run(before, after):
        return None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        value = float(raw.replace(".", ""))
        step = rounding_step(raw.replace(".", ""))
    else:
        value = float(re.sub(r"[,\s\u00a0\u202f]", "", raw))
        step = rounding_step(re.sub(r"[,\s\u00a0\u202f]", "", raw))
    suffix = m.group("suffix")
    if suffix:
        value *= SCALE_SUFFIXES[suffix]
        step *= SCALE_SUFFIXES[suffix]
    else:
        scale = _SCALE_AFTER.match(text, num_end, end)
        if scale:
            mult = SCALE_WORDS[scale.group("scale").lower()]
            value, step, num_end = value * mult, step * mult, scale.end()
    return _finish(text, num_start, num_end, end, value, step, spelled=False)


def _spelled(text: str, m: re.Match[str], end: int) -> NumberMatch | None:
    value = words_value(m.group(0))
    if value is None:
        return None
    num_start = m.start()
    after = text[m.end() : m.end() + 20]
    before = text[max(0, num_start - 20) : num_start]
    if _MONTH_AFTER.match(after) or _NOT_COUNT_AFTER.match(after) or _AGE_BEFORE.search(before):
        return None
    step = rounding_step(str(int(value)))
    found = _finish(text, num_start, m.end(), end, value, step, spelled=True)
    if "dozen" in m.group(0).lower() and found.kind == "exact":
        # "Two dozen arrests" is a round figure, not exactly 24: read as about that many.
        found = replace(found, kind="approx", step=12.0)
    return found


def words_value(words: str) -> float | None:
    """Value of a number written in words: "two hundred and fifty" → 250, "a dozen" → 12."""
    total, current, seen = 0, 0, False
    for w in re.split(r"[\s-]+", words.lower()):
        if w in ("and", ""):
            continue
        if w in ("a", "one") and not seen:
            current, seen = 1, True
            continue
        if w in NUMBER_WORDS:
            current += NUMBER_WORDS[w] if w != "dozen" else 0
            if w == "dozen":
                current = max(current, 1) * 12
            seen = True
        elif w in SCALE_WORDS:
            mult = SCALE_WORDS[w]
            current = max(current, 1) * mult
            if mult >= 1000:
                total, current = total + current, 0
            seen = True
        else:
            return None
    return float(total + current) if seen else None


def _finish(text: str, num_start: int, num_end: int, end: int, value: float, step: float, *,
            spelled: bool) -> NumberMatch:
    unit: str | None = None
    span_start, span_end = num_start, num_end
    cur = _CURRENCY_BEFORE.search(text[max(0, num_start - 4) : num_start])
    if cur:
        unit = CURRENCIES[cur.group("cur").lower()]
        span_start = num_start - (len(text[max(0, num_start - 4) : num_start]) - cur.start())
    pct = _PERCENT_AFTER.match(text[num_end : min(end, num_end + 10)])
    if pct and unit is None:
        unit, span_end = "percent", num_end + pct.end()
    cur_after = _CURRENCY_AFTER.match(text[num_end : min(end, num_end + 12)])
    if cur_after and unit is None:
        unit, span_end = CURRENCIES[cur_after.group("cur").lower()], num_end + cur_after.end()
    points = _POINTS_AFTER.match(text[num_end : min(end, num_end + 22)])
    if points and unit is None:
        divisor = POINT_WORDS[_norm(points.group("w"))]
        unit, span_end = POINTS_UNIT, num_end + points.end()
        value, step = value / divisor, step / divisor
    qualifier, kind, q_start = _qualifier_before(text, span_start)
    return NumberMatch(
        start=q_start, end=span_end, num_start=num_start, value=value, step=step, qualifier=qualifier,
        kind=kind, spelled=spelled, unit=unit,
    )


def _measures(text: str, start: int, end: int) -> list[NumberMatch]:
    """Readings of a named scale (see :data:`MEASURES`); the span covers the scale's word too."""
    out: list[NumberMatch] = []
    for unit, pattern in _MEASURE_RES:
        for m in pattern.finditer(text, start, end):
            raw = m.group("num")
            value = float(raw)
            if value > MEASURES[unit].ceiling:
                continue
            qualifier, kind, q_start = _qualifier_before(text, m.start())
            out.append(NumberMatch(
                start=q_start, end=m.end(), num_start=m.start("num"), value=value, step=rounding_step(raw),
                qualifier=qualifier, kind=kind, spelled=False, unit=unit,
            ))
    return sorted(out, key=lambda n: (n.start, n.end))


def _terms(text: str, start: int, end: int) -> list[NumberMatch]:
    """Durations a court or an authority set (see :data:`TERM_UNITS`): the nearest term word in the
    duration's clause names the scale; the span covers the number and its "years"."""
    out: list[NumberMatch] = []
    for m in _TERM.finditer(text, start, end):
        raw = m.group("num")
        value = _token_value(raw)
        if not value:
            continue
        unit = _term_unit(text, m.start(), m.end(), start, end)
        if unit is None:
            continue
        step = 1.0
        if m.group("unit").lower().startswith("month"):
            value, step = value / 12, 1 / 12
        qualifier, kind, q_start = _qualifier_before(text, m.start())
        out.append(NumberMatch(
            start=q_start, end=m.end(), num_start=m.start(), value=value, step=step, qualifier=qualifier,
            kind=kind, spelled=not raw[0].isdigit(), unit=unit,
        ))
    return out


def _state_measures(text: str, start: int, end: int) -> list[NumberMatch]:
    """Stretches of time a state word next to them names ("trapped for nearly 56 hours", "three days
    adrift"), in hours, and depths ("trapped 310 metres below ground", "at a depth of 35 km"), in metres
    (see :data:`STATES`). The span covers the number and its unit."""
    out: list[NumberMatch] = []
    for m in _SPAN.finditer(text, start, end):
        n = _with_unit(text, m, SPAN_HOURS[m.group("unit").lower()])
        if n is None:
            continue
        state = _STATE_BEFORE.search(text, max(start, n.start - 30), n.start) or _STATE_AFTER.match(text, m.end(), end)
        label = STATES[_norm(state.group("state"))] if state else _sentence_state(text, start, end, n.start, m.end())
        if label is not None:
            out.append(replace(n, unit=span_unit(label)))
    for m in _LENGTH.finditer(text, start, end):
        n = _with_unit(text, m, LENGTH_METRES[m.group("unit").lower()])
        if n is None or not (_DEPTH_AFTER.match(text, m.end(), end)
                             or _DEPTH_BEFORE.search(text, max(start, n.start - 20), n.start)):
            continue
        state = _STATE_AT_DEPTH.search(text, max(start, n.start - 40), n.start)
        out.append(replace(n, unit=depth_unit(STATES[_norm(state.group("state"))] if state else None)))
    return out


def _lengths(text: str, start: int, end: int) -> list[NumberMatch]:
    """Lengths (see :data:`LENGTH_UNITS`), in the unit written: "a 240-metre bridge", "a 6km stretch",
    "the eight-mile line". The span covers the number and its unit."""
    out: list[NumberMatch] = []
    for m in _PLAIN_LENGTH.finditer(text, start, end):
        n = _with_unit(text, m, 1.0, LENGTH_UNITS[m.group("unit").lower()])
        if n is not None:
            out.append(n)
    return out


def _with_unit(text: str, m: re.Match[str], per_unit: float, unit: str | None = None) -> NumberMatch | None:
    """The reading of a numeral matched with its unit (a ``num`` group of :data:`_NUM_TOKEN`), in
    ``per_unit`` of the unit written ("three days" at 24 an hour is 72), with the qualifier before it; the
    span covers the number and its unit. None for a numeral of no value."""
    raw = m.group("num")
    value = _token_value(raw)
    if not value:
        return None
    qualifier, kind, q_start = _qualifier_before(text, m.start())
    return NumberMatch(
        start=q_start, end=m.end(), num_start=m.start(), value=value * per_unit,
        step=_token_step(raw) * per_unit, qualifier=qualifier, kind=kind, spelled=not raw[0].isdigit(),
        unit=unit,
    )


def _sentence_state(text: str, start: int, end: int, q_start: int, num_end: int) -> str | None:
    """"All twelve miners trapped in the mine were freed, ending an operation of nearly 56 hours": a
    stretch of time a preposition introduces measures the one state its sentence names, if it names
    just one; "48 hours later" is a point in time, not a stretch."""
    if not _SPAN_INTRO.search(text, max(start, q_start - 12), q_start) or _SPAN_POINT.match(text, num_end, end):
        return None
    lo, hi = max(start, q_start - 300), min(end, num_end + 300)
    cut = max(text.rfind(c, lo, q_start) for c in ".!?")
    stops = [i for i in (text.find(c, num_end, hi) for c in ".!?") if i >= 0]
    labels = {STATES[_norm(m.group("state"))]
              for m in _STATE_ANY.finditer(text, cut + 1 if cut >= 0 else lo, min(stops, default=hi))}
    return labels.pop() if len(labels) == 1 else None


def _token_value(raw: str) -> float | None:
    """Value of a numeral in digits ("1,000", "2.5") or words ("two", "a dozen")."""
    if raw[0].isdigit():
        return float(raw.replace(",", ""))
    return words_value(raw)


def _token_step(raw: str) -> float:
    return rounding_step(raw if raw[0].isdigit() else str(int(words_value(raw) or 1.0)))


def _term_unit(text: str, num_start: int, num_end: int, start: int, end: int) -> str | None:
    """The term whose word stands nearest the duration, in the same clause and within :data:`TERM_REACH`."""
    lo, hi = max(start, num_start - TERM_REACH), min(end, num_end + TERM_REACH)
    before, after = text[lo:num_start], text[num_end:hi]
    cut = max(before.rfind(c) for c in ".;:!?")
    before_at = lo + cut + 1 if cut >= 0 else lo
    stop = min((i for i in (after.find(c) for c in ".;!?") if i >= 0), default=len(after))
    before, after = text[before_at:num_start], after[:stop]
    best: tuple[int, str] | None = None
    for unit, key in _TERM_KEYS:
        gaps = [len(before) - k.end() for k in key.finditer(before)] + [k.start() for k in key.finditer(after)]
        if gaps and (best is None or min(gaps) < best[0]):
            best = (min(gaps), unit)
    return best[1] if best else None


def _fraction(text: str, m: re.Match[str]) -> NumberMatch:
    """A fraction of a point in words (see :data:`POINT_FRACTIONS`); the span takes in its "a"."""
    value = POINT_FRACTIONS[_norm(m.group("f"))]
    qualifier, kind, q_start = _qualifier_before(text, m.start())
    return NumberMatch(
        start=q_start, end=m.end(), num_start=m.start(), value=value, step=0.25, qualifier=qualifier,
        kind=kind, spelled=True, unit=POINTS_UNIT,
    )


def _vague(text: str, m: re.Match[str]) -> NumberMatch:
    word = _norm(m.group("vague"))
    low, high = VAGUE_AMOUNTS[word]
    end = m.start() + len(m.group("vague"))
    return NumberMatch(
        start=m.start(), end=end, num_start=m.start(), value=low, step=low, qualifier=word, kind="vague",
        spelled=True, unit=None, vague_range=(low, high),
    )


def _qualifier_before(text: str, pos: int) -> tuple[str | None, str, int]:
    window = text[max(0, pos - 25) : pos]
    q = _QUALIFIER.search(window)
    if not q:
        return None, "exact", pos
    phrase = _norm(q.group("q"))
    return phrase, QUALIFIERS[phrase], pos - (len(window) - q.start("q"))


def _is_date_or_time(raw: str, before: str, after: str, is_plain: bool) -> bool:
    day_or_year = is_plain and (int(raw) <= 31 or (len(raw) == 4 and 1800 <= int(raw) <= 2100))
    if day_or_year and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)):
        return True
    if _NOT_COUNT_AFTER.match(after) or _AGE_BEFORE.search(before):
        return True
    if is_plain and len(raw) == 4 and 1800 <= int(raw) <= 2100:
        # A year ("the 2020 election"), unless a plural follows ("1900 people") and nothing in front makes
        # it a year ("in 1993 protests").
        return _YEAR_BEFORE.search(before) is not None or not re.match(r"^\s+(?:[a-z]+s|people|men|women)\b", after)
    return False


def _in_digit_run(before: str, after: str) -> bool:
    # Digits in a run of digit groups that are not thousands ("020 7946 0018") are a phone number or a code.
    return re.match(r"^[ \u00a0\u202f]\d", after) is not None or re.search(r"\d[ \u00a0\u202f]$", before) is not None


def _is_list_number(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[end : end + 1] in (".", ")")


def _overlaps(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < te and ts < e for ts, te in taken)
