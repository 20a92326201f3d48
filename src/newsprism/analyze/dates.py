"""Date phrases in running text → resolved dates with the span that says them.

Finding the phrases is done with the patterns below rather than ``dateparser.search_dates``, which
also reads "one day", "26-year-old" or "May" (the verb) as dates. Resolution uses ``dateparser`` where it
is reliable (a month and day without a year, "yesterday", "today", read against the article's date
with a preference for the past) and small hand-written rules for the rest: weekdays, seasons,
"last month", numeric formats.

A resolved date is an ISO string whose first four characters are always the year:

=========  =================  ==========================================================
precision  ``date``           example phrase
=========  =================  ==========================================================
day        ``2023-03-05``     "March 5, 2023", "on Sunday", "yesterday"
month      ``2025-01``        "January 2025", "last month", "in early August", "last week"
season     ``2024-autumn``    "last fall", "this spring", "the summer of 2023"
year       ``2023``           "in 2023", "last year"
=========  =================  ==========================================================

Seasons are the meteorological ones of the northern hemisphere (spring = March to May …); a winter
is named by the year of its December, so "2024-winter" runs from December 2024 to February 2025.
News reports are written in the past tense, so a weekday or a month-day without a year means the most
recent such day on or before the article's date, unless the words before it point ahead (see
:data:`FUTURE_CUES` and :data:`FORWARD_PREPOSITIONS`): "its next review on 27 November", "from Monday",
"next Friday" resolve to the nearest such day after the article's date.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from newsprism.analyze.sentences import sentence_spans
from newsprism.model import Article, Span

# ---------------------------------------------------------------------------------------------- tables

MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
"""Month names and the abbreviations news style uses ("Jan.", "Sept."), lower-cased, to month numbers."""

WEEKDAYS: dict[str, int] = {
    name: i
    for i, name in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
"""Weekday names to ``datetime.date.weekday()`` numbers."""

SEASONS: dict[str, tuple[str, int]] = {
    "spring": ("spring", 3),
    "summer": ("summer", 6),
    "autumn": ("autumn", 9),
    "fall": ("autumn", 9),
    "winter": ("winter", 12),
}
"""Season word → (canonical name used in ``date``, first month). Each season lasts three months."""

DAY_PREPOSITIONS: frozenset[str] = frozenset(
    {
        "on",
        "by",
        "since",
        "until",
        "till",
        "from",
        "before",
        "after",
        "between",
        "through",
        "to",
        "and",
        "or",
        "of",
        "as",
    }
)
"""Words that put a month-day without a year in a temporal frame ("on August 19", "since March 3").

Without one of these (or a weekday before it) the phrase is usually a name: "the June 4 movement"."""

YEAR_PREPOSITIONS: frozenset[str] = frozenset(
    {
        "in",
        "since",
        "by",
        "until",
        "till",
        "from",
        "before",
        "after",
        "during",
        "through",
        "throughout",
        "to",
        "and",
    }
)
"""Words that make a bare year an adverbial of time ("in 2023"); "the 2020 election" is an adjective."""

MONTH_PREPOSITIONS: frozenset[str] = frozenset(
    {"in", "since", "by", "until", "till", "from", "before", "after", "during", "through"}
)
"""Words that make a bare month name a date ("in August"); bare "May" is more often the verb."""

PERIOD_MODIFIERS: frozenset[str] = frozenset({"early", "late", "mid"})
"""Words allowed between a preposition and a month or year: "in early August", "since late 2019"."""

_MODIFIERS = "|".join(sorted(PERIOD_MODIFIERS))

NOT_A_DAY_BEFORE_WEEKDAY: frozenset[str] = frozenset(
    {
        "a",
        "an",
        "the",
        "every",
        "each",
        "next",
        "one",
        "that",
        "any",
        "some",
        "coming",
        "following",
        "previous",
        "most",
        "all",
    }
)
"""A weekday right after one of these is not a date of the report: "a Sunday column", "every Monday",
"next Friday" (the future), "the following Monday" (relative to another event)."""

FUTURE_CUES: frozenset[str] = frozenset(
    {"will", "won't", "shall", "due", "expected", "scheduled", "next", "upcoming", "planned"}
)
"""Words that, a few words before a year-less date in the same clause, put it ahead of the article:
"is due on 27 November", "will vote on Friday", "its next meeting on 3 June". "next" counts only when no
article or demonstrative precedes it ("the next day" is relative to another event, in the past)."""

FORWARD_PREPOSITIONS: frozenset[str] = frozenset({"from", "until", "till", "by"})
"""Prepositions that, right before a year-less date, point ahead: "mourning from Monday", "open until
3 March", "back to normal by Wednesday". A past auxiliary earlier in the clause (:data:`PAST_AUXILIARIES`)
overrides them: "the road was closed from Monday" is over."""

PAST_AUXILIARIES: frozenset[str] = frozenset({"was", "were", "had", "did"})
"""Auxiliaries that keep a date after a :data:`FORWARD_PREPOSITIONS` word in the past."""

NOT_NEXT_BEFORE: frozenset[str] = frozenset({"the", "that", "a", "this"})
"""Before "next", these make it relative to another event ("the next day", "that next Monday")."""

FUTURE_WINDOW_WORDS = 6
"""How many words of the clause before a date are searched for :data:`FUTURE_CUES`."""

CLAUSE_END = re.compile(r"[,;:.!?()\n\"“”—–]")
"""Characters that end the clause searched backwards for :data:`FUTURE_CUES`."""

_CUE_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")

PLACE_PREPOSITIONS: frozenset[str] = frozenset({"in", "at", "from", "near", "outside"})
"""A capitalised word before a weekday is a place, not part of a name, after these: "said in Geneva Tuesday"."""

# ---------------------------------------------------------------------------------------------- patterns

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# A number that continues (a time, a thousands group, a decimal, an age) is not a day or year.
_NUMBER_ENDS = r"(?![\d:]|[.,]\d|-year|\s*%)"

MONTH_DAY = re.compile(
    rf"(?:(?P<weekday>{_WEEKDAY}),?\s+(?:the\s+)?)?(?P<month>{_MONTH})\s+(?P<day>{_DAY})"
    rf"(?:\s*[-–]\s*(?P<day2>{_DAY}))?{_NUMBER_ENDS}(?:,?\s+(?P<year>{_YEAR}){_NUMBER_ENDS})?"
)
"""Month then day, an optional range end and year: "Sept. 8, 2021", "June 3-4", "Friday, Mar. 7"."""

DAY_MONTH = re.compile(
    rf"(?:(?P<weekday>{_WEEKDAY}),?\s+)?(?<![\d,.])(?P<day>{_DAY})(?:\s*[-–]\s*(?P<day2>{_DAY}))?"
    rf"\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}){_NUMBER_ENDS})?"
)
"""Day then month, as British and European outlets write: "24 October 2024", "14-15 December"."""

ISO_DATE = re.compile(rf"(?<![\d/.-])(?P<year>{_YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")
"""ISO 8601 calendar dates: "2025-01-13"."""

SLASH_DATE = re.compile(rf"(?<![\d/.])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>{_YEAR})(?![\d/])")
"""Numeric dates with slashes, US order (month first) unless the first field cannot be a month:
"01/14/2025" is 14 January, "25/12/2024" is 25 December."""

DOTTED_DATE = re.compile(rf"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>{_YEAR})(?![\d.]\d)")
"""Day.month.year, the continental European form: "13.01.2025"."""

MONTH_YEAR = re.compile(rf"(?P<month>{_MONTH}),?\s+(?:of\s+)?(?P<year>{_YEAR}){_NUMBER_ENDS}")
"""A month of a given year: "January 2025", "Sept. 2019"."""

SEASON_YEAR = re.compile(
    rf"(?i:(?P<season>spring|summer|autumn|fall|winter))(?:\s+of)?\s+(?P<year>{_YEAR}){_NUMBER_ENDS}"
)
"""A season of a given year: "the summer of 2023", "autumn 2024"."""

BARE_MONTH = re.compile(
    rf"(?P<lead>\b[A-Za-z]+)\s+(?:(?P<mod>(?i:{_MODIFIERS}))[\s-]+)?(?P<month>{_MONTH})(?!\s*\d)"
)
"""A month without day or year after a preposition or "last": "in early August", "since March",
"last August". Only counted when ``lead`` is in :data:`MONTH_PREPOSITIONS` or is "last"."""

PREP_YEAR = re.compile(
    rf"(?P<lead>\b[A-Za-z]+)\s+(?:(?P<mod>(?i:{_MODIFIERS}))[\s-]+)?(?P<year>{_YEAR})(?!['’]?s\b){_NUMBER_ENDS}"
)
"""A year after a preposition: "in 2023", "since late 2019". Only counted when ``lead`` is in
:data:`YEAR_PREPOSITIONS`; "the 2020 election" and "the 1990s" are not mentions."""

RELATIVE_SEASON = re.compile(
    r"(?P<lead>\b[A-Za-z]+\s+)?(?P<rel>(?i:last|this|past))\s+(?P<season>(?i:spring|summer|autumn|fall|winter))\b"
)
"""A season relative to the article: "last autumn", "last fall", "this spring". Not after "the"
("the last fall of the currency" is no date)."""

RELATIVE_PERIOD = re.compile(
    r"(?P<lead>\b(?!(?i:earlier)\b)[A-Za-z]+\s+)?(?:(?P<earlier>(?i:earlier))\s+)?(?P<rel>(?i:last|this))\s+(?P<unit>week|month|year)\b"
)
"""A calendar period relative to the article: "last week", "earlier this month", "last year".
"later this month" and "next year" point to the future and are not matched; "the last year" (a
duration) is rejected by its ``lead``."""

RELATIVE_DAY = re.compile(r"\b(?P<word>(?i:yesterday|today))\b")
"""A day named relative to the article: "yesterday", "today"."""

WEEKDAY = re.compile(
    rf"(?P<lead>\b(?!(?i:on|this|last|past)\s)[\w’']+\s+)?(?:(?P<rel>(?i:on|this|last|past))\s+)?(?P<weekday>{_WEEKDAY})(?P<poss>['’]s\b)?"
    r"(?P<after>\s+\S+)?"
)
"""A weekday used as a date: "on Sunday", "this Sunday", "last Sunday", "said Monday". A bare weekday is
rejected when part of a name ("Channel Nine Sunday", "Sunday Times") or after a determiner
(:data:`NOT_A_DAY_BEFORE_WEEKDAY`)."""

DATELINE = re.compile(r"\A\W*(?:(?i:date|published|updated|posted)\b[:\s]*)?")
"""What may precede a date that opens an article: that date is the dateline, not an event."""

MAX_SENTENCE_CHARS = 600
"""Longest evidence span for one mention; a longer "sentence" is cut to the words around the date."""

FUTURE_GRACE = datetime.timedelta(days=3)
"""A relative phrase resolving more than this after the article's date is about the future: skipped."""

_DETERMINER_BEFORE_RELATIVE: frozenset[str] = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "our", "over"}
)
"""Before "last year" / "last fall", these make a duration or a noun: "over the last year", "the last fall"."""


# ---------------------------------------------------------------------------------------------- results


@dataclass(frozen=True)
class DateMention:
    date: str  # ISO as in the module docstring
    precision: str  # day | month | season | year
    span: Span  # the date expression itself
    sentence: Span  # the sentence it resolves in
    relative: bool  # resolved against the article date


@dataclass(frozen=True)
class _Found:
    """A resolved phrase before it is tied to its sentence."""

    start: int
    end: int
    date: str
    precision: str
    relative: bool
    forward: bool = False  # resolved ahead of the article by a future context: exempt from FUTURE_GRACE


def find_dates(article: Article, reference: datetime.date | None) -> list[DateMention]:
    """Every date phrase in ``article.text`` that resolves, in text order.

    Relative phrases ("on Sunday", "August 19", "last fall") are resolved against ``reference`` and
    skipped when it is None; absolute ones ("March 5, 2023") are always kept.
    """
    text = article.text
    found = _non_overlapping(text, reference)
    dateline_end = _dateline_end(text, found)
    sentences = _sentences(text)
    ends = [e for _, e in sentences]
    out: list[DateMention] = []
    for f in found:
        if f.start < dateline_end:
            continue
        s, e = _sentence_around(sentences, ends, f.start, f.end)
        s, e = _clipped(text, max(s, dateline_end), e, f.start, f.end)
        while s < e and text[s].isspace():
            s += 1
        out.append(
            DateMention(
                f.date, f.precision, Span.of(article, f.start, f.end), Span.of(article, s, e), f.relative
            )
        )
    return out


def sort_key(date: str) -> tuple[datetime.date, int]:
    """Chronological order of ``date`` strings: by first day, a coarser period before a finer one."""
    year = int(date[:4])
    rest = date[5:]
    if not rest:
        return datetime.date(year, 1, 1), 0
    if rest in ("spring", "summer", "autumn", "winter"):
        return datetime.date(year, SEASONS[rest][1], 1), 1
    if len(rest) == 2:
        return datetime.date(year, int(rest), 1), 2
    return datetime.date.fromisoformat(date), 3


# ---------------------------------------------------------------------------------------------- finding

Finder = Callable[[str, "datetime.date | None"], Iterator[_Found]]


def _non_overlapping(text: str, reference: datetime.date | None) -> list[_Found]:
    """All finders' results; where two overlap the longer (then the earlier finder's) wins."""
    candidates: list[tuple[int, int, int, _Found]] = []
    for rank, finder in enumerate(_FINDERS):
        for f in finder(text, reference):
            if reference is None and f.relative:
                continue
            if (
                f.relative
                and not f.forward
                and reference is not None
                and sort_key(f.date)[0] > reference + FUTURE_GRACE
            ):
                continue
            candidates.append((-(f.end - f.start), rank, f.start, f))
    # Kept sorted by start so each overlap test looks at two neighbours only (long texts stay linear-ish).
    starts: list[int] = []
    taken: list[_Found] = []
    for _, _, _, f in sorted(candidates, key=lambda c: c[:3]):
        i = bisect.bisect_left(starts, f.start)
        if (i > 0 and taken[i - 1].end > f.start) or (i < len(taken) and taken[i].start < f.end):
            continue
        starts.insert(i, f.start)
        taken.insert(i, f)
    return taken


#: How far from the article's date a named weekday may move a year-less date into the other year.
WEEKDAY_YEAR_REACH = 60

def _find_month_day(text: str, reference: datetime.date | None) -> Iterator[_Found]:
    for pattern in (MONTH_DAY, DAY_MONTH):
        for m in pattern.finditer(text):
            forward = False
            month = _month_number(m.group("month"))
            day = int(re.sub(r"\D", "", m.group("day")))
            if m.group("year"):
                day_date = _safe_date(int(m.group("year")), month, day)
                relative = False
            else:
                if not (m.group("weekday") or _after_day_preposition(text, m.start())):
                    continue
                forward = reference is not None and future_context(text, m.start())
                if reference is None:
                    day_date = None
                elif forward:
                    day_date = _month_day_after(month, day, reference)
                else:
                    day_date = _month_day_before(month, day, reference)
                weekday = WEEKDAYS.get((m.group("weekday") or "").strip(" ,.").lower())
                if day_date is not None and weekday is not None and day_date.weekday() != weekday:
                    # "Wednesday, March 26": of the year before and the year after, the one where the day
                    # falls on the weekday named is meant.
                    other = (_month_day_before(month, day, reference) if forward
                             else _month_day_after(month, day, reference))
                    if (other is not None and other.weekday() == weekday
                            and abs((other - reference).days) <= WEEKDAY_YEAR_REACH):
                        day_date, forward = other, not forward
                relative = True
            if day_date is not None:
                yield _Found(m.start(), m.end(), day_date.isoformat(), "day", relative, relative and forward)


def _find_numeric(text: str, reference: datetime.date | None) -> Iterator[_Found]:
    for m in ISO_DATE.finditer(text):
        yield from _day_found(m, int(m.group("year")), int(m.group("month")), int(m.group("day")))
    for m in SLASH_DATE.finditer(text):
        first, second = int(m.group("first")), int(m.group("second"))
        month, day = (first, second) if first <= 12 else (second, first)
        yield from _day_found(m, int(m.group("year")), month, day)
    for m in DOTTED_DATE.finditer(text):
        yield from _day_found(m, int(m.group("year")), int(m.group("month")), int(m.group("day")))


def _find_month_year(text: str, reference: datetime.date | None) -> Iterator[_Found]:
    for m in MONTH_YEAR.finditer(text):
        yield _Found(
            m.start(), m.end(), f"{m.group('year')}-{_month_number(m.group('month')):02d}", "month", False
        )
    for m in SEASON_YEAR.finditer(text):
        name, _ = SEASONS[m.group("season").lower()]
        yield _Found(m.start(), m.end(), f"{m.group('year')}-{name}", "season", False)


def _find_bare_month(text: str, reference: datetime.date | None) -> Iterator[_Found]:
    for m in BARE_MONTH.finditer(text):
        lead = m.group("lead").lower()
        # "by the end of March", "at the start of May": the part of the month stands for it.
        part_of = lead == "of" and re.search(r"(?:\bthe\s+)?\b(?:end|start|beginning|middle|close)\s+$",
                                             text[: m.start("lead")])
        if lead not in MONTH_PREPOSITIONS and lead != "last" and not part_of:
            continue
        if reference is None:
            continue
        month = _month_number(m.group("month"))
        phrase = part_of.start() if part_of else m.start("lead")
        ahead = lead != "last" and future_context(text, phrase)
        if ahead and month > reference.month:
            year = reference.year  # "will close by the end of March", said in January
        elif ahead and month < reference.month:
            year = reference.year + 1  # the same, said in September: next year's March
        else:
            year = (
                reference.year
                if month < reference.month or (month == reference.month and lead != "last")
                else (reference.year - 1)
            )
        start = m.start("lead") if lead == "last" else m.start("mod") if m.group("mod") else m.start("month")
        yield _Found(start, _strip_dot_end(m.end("month"), text), f"{year}-{month:02d}", "month", True,
                     ahead and month != reference.month)


def _find_prep_year(text: str, reference: datetime.date | None) -> Iterator[_Found]:
    for m in PREP_YEAR.finditer(text):
        if m.group("lead").lower() not in YEAR_PREPOSITIONS:
            continue
        start = m.start("mod") if m.group("mod") else m.start("year")
        yield _Found(start, m.end("year"), m.group("year"), "year", False)


def _find_relative_season(text: str, reference: datetime.date | None) -> Iterator[_Found]:
    if reference is None:
        return
    for m in RELATIVE_SEASON.finditer(text):
        if _lead_word(m) in _DETERMINER_BEFORE_RELATIVE:
            continue
        name, first_month = SEASONS[m.group("season").lower()]
        rel = m.group("rel").lower()
        year = _season_year(first_month, reference, previous=rel in ("last", "past"))
        yield _Found(m.start("rel"), m.end("season"), f"{year}-{name}", "season", True)


def _find_relative_period(text: str, reference: datetime.date | None) -> Iterator[_Found]:
    if reference is None:
        return
    for m in RELATIVE_PERIOD.finditer(text):
        if _lead_word(m) in _DETERMINER_BEFORE_RELATIVE:
            continue
        last = m.group("rel").lower() == "last"
        unit = m.group("unit")
        if unit == "year":
            date, precision = str(reference.year - 1 if last else reference.year), "year"
        elif unit == "month":
            month = _add_months(reference.replace(day=1), -1 if last else 0)
            date, precision = f"{month.year}-{month.month:02d}", "month"
        else:
            # A week has no precision of its own in the briefing; the month it mostly falls in stands for it
            # (the month of its Thursday, as ISO 8601 assigns weeks).
            thursday = reference - datetime.timedelta(days=reference.weekday() - 3 + (7 if last else 0))
            if not last and thursday > reference:
                thursday = reference
            date, precision = f"{thursday.year}-{thursday.month:02d}", "month"
        start = m.start("earlier") if m.group("earlier") else m.start("rel")
        yield _Found(start, m.end("unit"), date, precision, True)


def _find_relative_day(text: str, reference: datetime.date | None) -> Iterator[_Found]:
    if reference is None:
        return
    for m in RELATIVE_DAY.finditer(text):
        day = _dateparser_day(m.group("word").lower(), reference)
        if day is not None:
            yield _Found(m.start(), m.end(), day.isoformat(), "day", True)


def _find_weekday(text: str, reference: datetime.date | None) -> Iterator[_Found]:
    if reference is None:
        return
    for m in WEEKDAY.finditer(text):
        rel = (m.group("rel") or "").lower()
        if rel and _lead_word(m) in _DETERMINER_BEFORE_RELATIVE | NOT_A_DAY_BEFORE_WEEKDAY:
            continue  # "the last Sunday of the month"
        following = not rel and _lead_word(m) == "next" and not m.group("poss")
        if following and _word_before(text, m.start("lead")) in NOT_NEXT_BEFORE:
            continue  # "the next Monday": relative to another event
        if not following and not rel and not _bare_weekday_is_date(text, m):
            continue
        if m.group("poss") and _capitalised(m.group("after")):
            continue  # "Sunday's Morning Forum": a programme, not a day
        wanted = WEEKDAYS[m.group("weekday").lower()]
        phrase_start = m.start("rel") if rel else m.start("weekday")
        forward = following or (
            rel not in ("last", "past") and not m.group("poss") and future_context(text, phrase_start)
        ) or (
            # Reported speech ("said the town would meet on Friday") points ahead of what was said, which
            # may itself be days before the report: ahead only when that is the nearer of the two days.
            rel in ("", "on") and not m.group("poss") and _reported_future(text, phrase_start)
            and 0 < (wanted - reference.weekday()) % 7 <= 3
        )
        if forward:
            # "next Friday" is never the article's own day; "from Monday" may be.
            ahead = (wanted - reference.weekday()) % 7 or (7 if following else 0)
            day = reference + datetime.timedelta(days=ahead)
        else:
            last_day = reference - datetime.timedelta(days=1) if rel in ("last", "past") else reference
            day = last_day - datetime.timedelta(days=(last_day.weekday() - wanted) % 7)
        start = (
            m.start("lead")
            if following
            else m.start("rel")
            if rel in ("this", "last", "past")
            else m.start("weekday")
        )
        yield _Found(start, m.end("weekday"), day.isoformat(), "day", True, forward)


_FINDERS: tuple[Finder, ...] = (
    _find_numeric,
    _find_month_day,
    _find_month_year,
    _find_prep_year,
    _find_bare_month,
    _find_relative_season,
    _find_relative_period,
    _find_relative_day,
    _find_weekday,
)


# ---------------------------------------------------------------------------------------------- rules


def future_context(text: str, start: int) -> bool:
    """Whether the words before ``text[start:]`` in its clause point ahead of the article's date.

    A :data:`FORWARD_PREPOSITIONS` word right before the date ("from Monday") does, unless a
    :data:`PAST_AUXILIARIES` word comes earlier in the clause; a :data:`FUTURE_CUES` word within
    :data:`FUTURE_WINDOW_WORDS` words ("is due on", "its next review on") always does.
    """
    words = _clause_words(text, start)
    if not words:
        return False
    window = words[-FUTURE_WINDOW_WORDS:]
    for i, w in enumerate(window):
        if w not in FUTURE_CUES:
            continue
        previous = window[i - 1] if i > 0 else (words[-len(window) - 1] if len(words) > len(window) else "")
        if w != "next" or previous not in NOT_NEXT_BEFORE:
            return True
    # "will run its first service since 2022 on Saturday": the future verb may sit further back, as long as
    # nothing between it and the date starts another clause or turns to the past.
    reach = words[-FUTURE_VERB_REACH:]
    for i in range(len(reach) - 1, -1, -1):
        if reach[i] in FUTURE_VERBS:
            return True
        if reach[i] in CLAUSE_BREAKERS or reach[i] in PAST_AUXILIARIES:
            break
    return words[-1] in FORWARD_PREPOSITIONS and not PAST_AUXILIARIES.intersection(words)


FUTURE_VERBS: frozenset[str] = frozenset({"will", "won't", "shall"})
"""Future auxiliaries looked for up to :data:`FUTURE_VERB_REACH` words before a date."""
FUTURE_VERB_REACH = 12
CLAUSE_BREAKERS: frozenset[str] = frozenset(
    {"that", "which", "who", "whom", "whose", "what", "how", "why", "whether", "if", "when", "where", "while",
     "after", "before", "because", "he", "she", "they", "we", "i", "you", "it", "there"}
)
"""Words between a future verb and a date that start another clause ("will recall the speech he gave on
Sunday", "will meet the families who came on Monday"): the date is no longer the verb's."""


#: Reported speech that puts what follows after the words were said: "said it would reopen on Monday",
#: "said they were going to meet on Friday".
REPORTED_FUTURE = re.compile(r"\b(?:would|(?:was|were) going to|(?:is|are|was|were) set to)\b", re.IGNORECASE)


def _reported_future(text: str, start: int) -> bool:
    """A :data:`REPORTED_FUTURE` phrase within :data:`FUTURE_WINDOW_WORDS` words before, in the clause."""
    return REPORTED_FUTURE.search(" ".join(_clause_words(text, start)[-FUTURE_WINDOW_WORDS - 2:])) is not None


def _clause_words(text: str, start: int) -> list[str]:
    """The lower-cased words of the clause before ``text[start:]`` (at most 120 characters back)."""
    before = text[max(0, start - 120) : start]
    cut = max((m.end() for m in CLAUSE_END.finditer(before)), default=0)
    return [w.lower().replace("’", "'") for w in _CUE_WORD.findall(before[cut:])]


def _word_before(text: str, pos: int) -> str:
    words = _CUE_WORD.findall(text[max(0, pos - 30) : pos])
    return words[-1].lower() if words else ""


def _bare_weekday_is_date(text: str, m: re.Match[str]) -> bool:
    """A weekday without "on/this/last" is a date when it reads as an adverbial: "said Monday"."""
    lead = (m.group("lead") or "").strip()
    if lead.lower() in NOT_A_DAY_BEFORE_WEEKDAY:
        return False
    after = m.group("after") or ""
    if not m.group("poss") and _capitalised(after):
        return False  # "Sunday Times", "Monday Night Football"
    if lead and lead[0].isupper() and not _sentence_start_before(text, m.start("lead")):
        # "Channel Nine Sunday" is a name; "in Geneva Tuesday" is a place and a day.
        before = text[max(0, m.start("lead") - 40) : m.start("lead")].split()
        i = len(before) - 1
        while i >= 0 and before[i][:1].isupper():
            i -= 1
        return i >= 0 and before[i].lower() in PLACE_PREPOSITIONS
    return True


def _after_day_preposition(text: str, start: int) -> bool:
    before = text[max(0, start - 20) : start].split()
    return bool(before) and before[-1].lower() in DAY_PREPOSITIONS


def _sentence_start_before(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in '.!?\n"“'


def _capitalised(word: str | None) -> bool:
    w = (word or "").strip()
    return bool(w) and w[0].isupper()


def _lead_word(m: re.Match[str]) -> str:
    return (m.group("lead") or "").strip().lower()


def _month_number(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _strip_dot_end(end: int, text: str) -> int:
    return end - 1 if text[end - 1] == "." else end


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return datetime.date(year, month, day)


def _day_found(m: re.Match[str], year: int, month: int, day: int) -> Iterator[_Found]:
    d = _safe_date(year, month, day)
    if d is not None:
        yield _Found(m.start(), m.end(), d.isoformat(), "day", False)


def _month_day_before(month: int, day: int, reference: datetime.date) -> datetime.date | None:
    """The most recent ``month``/``day`` not after ``reference`` (dateparser, preferring the past)."""
    parsed = _dateparser_day(f"{calendar.month_name[month]} {day}", reference)
    if parsed is not None and parsed <= reference:
        return parsed
    # dateparser gives up on 29 February outside leap years; look back for the last year that has it.
    for year in range(reference.year, reference.year - 8, -1):
        d = _safe_date(year, month, day)
        if d is not None and d <= reference:
            return d
    return None


def _month_day_after(month: int, day: int, reference: datetime.date) -> datetime.date | None:
    """The nearest ``month``/``day`` on or after ``reference``: "is due on 27 November"."""
    for year in range(reference.year, reference.year + 8):
        d = _safe_date(year, month, day)
        if d is not None and d >= reference:
            return d
    return None


@lru_cache(maxsize=4096)
def _dateparser_day(phrase: str, reference: datetime.date) -> datetime.date | None:
    import dateparser  # imported here: it takes a moment to load and only relative phrases need it

    parsed = dateparser.parse(
        phrase,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime.datetime(reference.year, reference.month, reference.day, 12),
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed else None


def _season_year(first_month: int, reference: datetime.date, *, previous: bool) -> int:
    """Year (of its first month) of the season meant by "last <season>" or "this <season>"."""

    def bounds(year: int) -> tuple[datetime.date, datetime.date]:
        start = datetime.date(year, first_month, 1)
        return start, _add_months(start, 3) - datetime.timedelta(days=1)

    years = range(reference.year + 1, reference.year - 3, -1)
    if previous:
        return next(y for y in years if bounds(y)[1] < reference)
    for y in years:
        start, end = bounds(y)
        if start <= reference <= end:
            return y
    return reference.year


def _add_months(d: datetime.date, n: int) -> datetime.date:
    k = d.year * 12 + d.month - 1 + n
    return datetime.date(k // 12, k % 12 + 1, 1)


# ---------------------------------------------------------------------------------------------- sentences


def _sentences(text: str) -> list[tuple[int, int]]:
    return sentence_spans(text)


def _sentence_around(
    sentences: list[tuple[int, int]], ends: list[int], start: int, end: int
) -> tuple[int, int]:
    """The sentence holding the phrase; a phrase that straddles a boundary takes both sentences."""
    i = bisect.bisect_right(ends, start)  # the first sentence ending after the phrase starts
    j = i
    while j < len(sentences) and sentences[j][0] < end:
        j += 1
    if j == i:
        return start, end
    return sentences[i][0], max(sentences[j - 1][1], end)


def _clipped(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """The sentence, or when it runs past :data:`MAX_SENTENCE_CHARS` (a list, a table, text without
    punctuation), the words around the phrase: evidence a reader can take in, and no quadratic copying."""
    if e - s <= MAX_SENTENCE_CHARS:
        return s, e
    half = (MAX_SENTENCE_CHARS - (end - start)) // 2
    lo, hi = max(s, start - half), min(e, end + half)
    while lo > s and not text[lo - 1].isspace():
        lo += 1
    while hi < e and not text[hi].isspace():
        hi -= 1
    return min(lo, start), max(hi, end)


def _dateline_end(text: str, found: list[_Found]) -> int:
    """End of a date that opens the text (a dateline left by cleaning), else 0."""
    if not found:
        return 0
    first = found[0]
    lead = DATELINE.match(text)
    if (
        lead is not None
        and first.start <= lead.end()
        and "\n" not in text[: first.start]
        and not first.relative
    ):
        return first.end
    return 0
