"""Who is speaking: person names, titles and pronouns in one article, and name matching across outlets.

A name is found as a run of capitalised words outside quotations ("Peruvian President Maria
Lopez" → "Maria Lopez", title "president"). Persons are the runs that carry a title or an honorific
or that the quote finder saw as the subject of a speech verb; a pronoun or a bare title ("the
minister said") resolves to the latest person mentioned before it, skipping the names of bodies
("Harbour Council", "the Red Cross"), which may speak but are never "he" or "she". Names are compared by a generic
string-similarity test, so transliteration variants ("Petrenko" / "Petrenkko") match without any list
of names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache


def table(words: str) -> frozenset[str]:
    """A word table written as one blank-separated string (easier to read and extend than a list)."""
    return frozenset(words.split())


#: Honorifics written before a name; stripped from speaker names (compared lower-cased, without the dot).
HONORIFICS = table(
    """mr mrs ms miss mx dr prof sir dame lord lady madam mme mlle m herr frau sen rep gen col lt sgt capt
    maj adm gov pres rev hon fr sr sra det insp supt cllr cmdr"""
)

#: Role words that act as a title before a name ("President Maria Lopez", "lawmaker Kim") and that a
#: bare reference can use instead of the name ("the minister said"). Matched lower-cased, one word.
TITLES = table(
    """president president-elect vice-president premier minister chancellor spokesperson spokesman
    spokeswoman secretary governor mayor senator congressman congresswoman lawmaker legislator mp mep
    ambassador envoy general commander colonel admiral marshal chief director chairman chairwoman
    chairperson ceo leader king queen prince princess pope judge prosecutor adviser advisor diplomat
    coach captain manager founder professor sheriff commissioner councillor councilor executive head deputy
    officer superintendent inspector sergeant constable detective lieutenant secretary-general"""
)

#: Words that describe a person by the part they play in a story rather than by rank: capitalised at
#: the start of a sentence they stand in the run of capitals before a name ("Passenger Ana Silva said",
#: "Witness Dan Ito told …"), and are taken off it like a title, marking the name as a person's. Unlike
#: :data:`TITLES` they are not used as bare references ("the passenger said" names nobody in particular).
ROLE_WORDS = table(
    """passenger passengers witness eyewitness bystander resident residents shopper customer driver motorist
    cyclist pedestrian commuter traveller traveler tourist visitor student pupil teacher nurse doctor
    paramedic farmer fisherman worker employee survivor victim neighbour neighbor voter pensioner retiree
    parent mother father owner landlord tenant fan spectator protester protestor volunteer analyst economist
    expert lawyer attorney campaigner activist villager shopkeeper trader"""
)

#: Pronouns that stand for the last named person, and the grammatical gender they ask for.
PRONOUNS = {"he": "m", "she": "f"}

#: Pronouns that stand for a body ("The Harbour Council said … It added: …"): they resolve to the
#: latest organisation named in the paragraph, never to a person.
BODY_PRONOUNS = table("it")

#: Honorifics that tell a person's gender, so "she" skips a "Mr" (and "he" a "Mrs").
GENDERED_HONORIFICS = {
    "mr": "m", "sir": "m", "lord": "m", "herr": "m", "sr": "m",
    "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "madam": "f", "mme": "f", "mlle": "f",
    "frau": "f", "sra": "f",
}

#: Capitalised words that are not part of a name: sentence-initial function words, days and months.
#: They split a run of capitals ("On Monday Lopez said" → "Lopez").
NOT_NAME_WORDS = table(
    """the a an in on at but and or if when while after before as for from to of by with this that these
    those it its he she they we i you his her their our my your according meanwhile however also which whose
    whom yet nor thus
    yesterday today tomorrow last next earlier later then there here what who why how where since
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"""
)

#: Words that make a capitalised run the name of a body rather than of a person ("Harbour Council",
#: "Vostok Mining Company", "Oakridge Ltd"): a company, an authority or an association may say things,
#: but "he" or "she" never stands for one. Matched lower-cased against the name's words (titles off).
ORGANISATION_WORDS = table(
    """ministry council agency company union inc ltd llc plc gmbh corp corporation co police department
    authority association federation commission committee government office bureau institute university
    hospital party group board service services administration organisation organization foundation
    coalition alliance army navy force forces bank airline airlines airways railway railways network trust
    club league fund society partners holdings industries cooperative"""
)

#: Lower-case particles allowed inside a name ("Ana de Souza", "Pieter van Dijk").
NAME_PARTICLES = table("de da di du del della der den van von ter bin ibn le la")

#: Two spellings of a name token are one name when their similarity ratio reaches this
#: (transliteration variants differ by a letter or two; 0.85 keeps "Smith"/"Smyth" apart).
NAME_SIMILARITY = 0.85

#: A name form longer than this (after titles) is taken for a headline in title case, not a name.
MAX_NAME_WORDS = 4

_TOKEN = re.compile(r"[^\W\d_](?:[\w\-]|['’](?=\w))*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$")
#: Words written before a name that are taken off it: honorifics and titles.
_TITLE_WORDS = HONORIFICS | TITLES
_TITLE_OF_BEFORE = re.compile(r"\b([A-Za-z\-]+)\s+of\s+(?:the\s+)?[\w’'\- ]{1,40},\s*$")
_AGE_AFTER = re.compile(r",\s*\d{1,3},")
#: An appositive right after a name (", the union's regional secretary,", ", a lawmaker from Braga"): up to
#: five words after an optional article, possessives allowed, ended by a comma, a stop or a preposition.
_APPOSITIVE_AFTER = re.compile(
    r"^,\s+(?:(?i:the|a|an|its|their|our|his|her)\s+)?(?P<words>[\w\-]+(?:['’]s?)?(?:\s+[\w\-]+(?:['’]s?)?){0,4})"
)
#: Words that end the head noun of an appositive: what follows them qualifies it ("chief of police").
_APPOSITIVE_ENDERS = table("of for at from in with on to who whose which that and since")
#: "the current mayor, Ana Silva, …", "the agency's head, Ana Silva, …": a title in an appositive
#: bracketed by commas around the name.
_TITLE_APPOSITIVE_BEFORE = re.compile(
    r"\b(?i:the|our|its|their|his|her)\s+(?:[\w\-]+(?:['’]s)?\s+){0,2}([A-Za-z\-]+),\s+$"
)
#: "the" right before a capitalised run without a title makes it a body or a place ("the Red Cross").
_THE_BEFORE = re.compile(r"\b(?i:the)\s+$")


@dataclass(frozen=True)
class NameMention:
    """A capitalised run that may name a person, with titles taken off."""

    start: int
    end: int
    name: str  # the name words only ("Maria Lopez"); "" when the run was only a title
    titles: tuple[str, ...]  # lower-cased titles and honorifics seen with it
    possessive: bool  # "Lopez's plan": a mention, but rarely the subject of what follows


def name_mentions(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[NameMention]:
    """Every capitalised run in ``text`` outside the ``skip`` ranges (the quotations), in order."""
    out: list[NameMention] = []
    for run in _capital_runs(text):
        if any(s <= run[0][0] < e for s, e in skip):
            continue
        mention = _mention_of_run(text, run)
        if mention is not None:
            out.append(mention)
    return out


def _capital_runs(text: str) -> Iterable[list[tuple[int, int]]]:
    """Runs of capitalised tokens joined by single spaces (particles and initials allowed inside)."""
    run: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        capital = word[0].isupper() and word.lower().strip("’'") not in NOT_NAME_WORDS
        particle = word in NAME_PARTICLES
        joined = bool(run) and _joins(text[run[-1][1] : m.start()], run)
        if capital and (joined or not run):
            run.append((m.start(), m.end()))
        elif capital:
            yield _trim_particles(text, run)
            run = [(m.start(), m.end())]
        elif particle and joined:
            run.append((m.start(), m.end()))
        else:
            if run:
                yield _trim_particles(text, run)
            run = []
        if run and _POSSESSIVE.search(word) and capital:
            yield _trim_particles(text, run)
            run = []
    if run:
        yield _trim_particles(text, run)


def _joins(gap: str, run: list[tuple[int, int]]) -> bool:
    if gap in (" ", "\u00a0"):
        return True
    # a middle initial ("Maria J. Lopez"); a leading one is too often a sentence end ("on channel X. Lopez")
    last = run[-1]
    return gap == ". " and last[1] - last[0] == 1 and len(run) >= 2


def _trim_particles(text: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    while run and text[run[-1][0] : run[-1][1]] in NAME_PARTICLES:
        run = run[:-1]
    return run


def _mention_of_run(text: str, run: list[tuple[int, int]]) -> NameMention | None:
    if not run:
        return None
    words = [text[s:e] for s, e in run]
    possessive = bool(_POSSESSIVE.search(words[-1])) and "'" not in words[-1][:-2] and "’" not in words[-1][:-2]
    if possessive:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    found = _title_words(words)
    titles = [key for _, key in found]
    name_words = words[found[-1][0] + 1 :] if found else words
    titles += _titles_around(text, run[0][0], run[-1][1])
    return NameMention(run[0][0], run[-1][1], " ".join(name_words), tuple(titles), possessive)


def _titles_around(text: str, start: int, end: int) -> list[str]:
    """Titles written next to the name: "lawmaker Kim", "the mayor of Ostrava, Jan Novak", "Kim, a lawmaker"."""
    found: list[str] = []
    before = text[max(0, start - 60) : start]
    prev = re.search(r"([A-Za-z\-]+)\.?\s+$", before)
    if prev and (prev.group(1).lower() in _TITLE_WORDS or prev.group(1).lower() in ROLE_WORDS):
        found.append(prev.group(1).lower())
    of = _TITLE_OF_BEFORE.search(before)
    if of and of.group(1).lower() in TITLES:
        found.append(of.group(1).lower())
    appositive = _TITLE_APPOSITIVE_BEFORE.search(before)
    if appositive and appositive.group(1).lower() in TITLES and text[end : end + 1] == ",":
        found.append(appositive.group(1).lower())
    head = _appositive_head(text[end : end + 80])
    if head in TITLES:
        found.append(head)
    return found


def _appositive_head(after: str) -> str | None:
    """The head noun of the appositive that ``after`` opens (", the union's regional secretary, said" →
    "secretary"; ", head of the agency" → "head"), lower-cased; None when no appositive follows.

    Without a parser, the head is taken as the last word before a preposition, a relative pronoun or
    the end of the phrase, which is where English puts it in the noun phrases that describe people;
    a possessive ("the mayor's daughter") is a modifier, never the head.
    """
    m = _APPOSITIVE_AFTER.match(after)
    if not m:
        return None
    head = None
    for word in m.group("words").split():
        if word.lower() in _APPOSITIVE_ENDERS or word.lower() in NOT_NAME_WORDS:
            break  # a preposition, a clause word or an article: the noun phrase has ended
        head = word
    if head is None or _POSSESSIVE.search(head):
        return None
    return head.lower()


def strip_honorifics(name: str) -> str:
    """"Mr Lee Min-jun" → "Lee Min-jun"; "Peruvian President Maria Lopez" → "Maria Lopez"; "Passenger
    Ana Silva" → "Ana Silva" (a role word only at the start, before the name)."""
    words = name.split()
    found = _title_words(words)
    return " ".join(words[found[-1][0] + 1 :] if found else words)


def _title_words(words: Sequence[str]) -> list[tuple[int, str]]:
    """(index, lower-cased key) of the titles and honorifics among the words of a name ("Peruvian
    President Maria Lopez" → [(1, "president")]). A role word counts only in the words that open the
    run and with a name after it ("Passenger Ana Silva"; a run that is only "Witness" stays as it is)."""
    found: list[tuple[int, str]] = []
    last = -1
    for i, w in enumerate(words):
        key = w.lower().rstrip(".")
        if key in _TITLE_WORDS or (key in ROLE_WORDS and i == last + 1 and i < len(words) - 1):
            found.append((i, key))
            last = i
    return found


def name_tokens(name: str) -> list[str]:
    """Lower-cased, accent-free tokens of a name; hyphens split ("Min-jun" → "min", "jun")."""
    return list(_name_tokens(name))


@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    plain = unicodedata.normalize("NFKD", strip_honorifics(name))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return tuple(t for t in re.split(r"[\s\-.’']+", plain) if t and t != "s")


@lru_cache(maxsize=65536)
def similar_tokens(a: str, b: str) -> bool:
    """Equal, or (for tokens of 4+ letters) spelled alike: a transliteration variant."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or 2 * min(len(a), len(b)) < NAME_SIMILARITY * (len(a) + len(b)):
        return False
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= NAME_SIMILARITY and matcher.ratio() >= NAME_SIMILARITY


@lru_cache(maxsize=65536)
def names_match(a: str, b: str) -> bool:
    """Do two name forms plausibly name one person?

    Same (fuzzy) surname as last token; or one form is a single word equal to the other's first or last
    token (family name first: "Lee" / "Lee Min-jun"); or the same tokens in another order
    ("Min-jun Lee" / "Lee Min-jun").
    """
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return False
    if similar_tokens(ta[-1], tb[-1]):
        return True
    for one, other in ((ta, tb), (tb, ta)):
        if len(one) == 1 and similar_tokens(one[0], other[0]):
            return True
    return len(ta) == len(tb) and all(similar_tokens(x, y) for x, y in zip(sorted(ta), sorted(tb), strict=True))


def looks_like_organisation(name: str) -> bool:
    """Does ``name`` name a body rather than a person (a word of :data:`ORGANISATION_WORDS` in it)?"""
    return any(t in ORGANISATION_WORDS for t in name_tokens(name))


def fullest_name(names: Iterable[str]) -> str | None:
    """The longest of several forms of one name (most words, then most common, then alphabetical)."""
    counts: dict[str, int] = {}
    for n in names:
        if n:
            counts[n] = counts.get(n, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda n: (-len(name_tokens(n)), -counts[n], -len(n), n))


class SpeakerIndex:
    """The persons of one article, for resolving names, pronouns and titles to the fullest name."""

    def __init__(
        self,
        text: str,
        quotes: Sequence[tuple[int, int]],
        speakers: Iterable[str] = (),
        reporters: Iterable[tuple[str, int]] = (),
    ) -> None:
        """``speakers``: names a quote is attributed to. ``reporters``: (name, position) of names that
        report speech outside quotations ("Ana Silva said the roof held"); a pronoun may stand for one
        in the same paragraph (see :meth:`pronoun`), since nothing else tells a person from a company."""
        self._text = text
        self._mentions = [m for m in name_mentions(text, quotes) if m.name]
        self._speakers = sorted({s for s in speakers if s})
        self._persons = [m for m in self._mentions if self._is_person(m)]
        self._reporters = sorted({(pos, name) for name, pos in reporters if name})

    def _is_person(self, m: NameMention) -> bool:
        # a title, an honorific or an age ("Ana Silva, 34,") marks a person rather than a place
        if m.titles or _AGE_AFTER.match(self._text, m.end):
            return True
        return any(names_match(m.name, s) for s in self._speakers)

    def is_person(self, name: str) -> bool:
        """Is ``name`` known in this article as a person (titled, honoured, aged, or quoted as a speaker)?"""
        return any(names_match(name, m.name) for m in self._persons) or any(
            names_match(name, s) for s in self._speakers
        )

    def fullest(self, name: str, pos: int) -> str:
        """The longest form of ``name`` in the article, preferring the one mentioned last before ``pos``."""
        base = strip_honorifics(name) or name
        forms = [m for m in self._mentions if self._fuller_form(base, m)]
        if not forms:
            return base
        most = max(len(name_tokens(m.name)) for m in forms)
        longest = [m for m in forms if len(name_tokens(m.name)) == most]
        before = [m for m in longest if m.start < pos]
        return (before[-1] if before else longest[0]).name

    def _fuller_form(self, base: str, m: NameMention) -> bool:
        """Can ``m`` stand for ``base``? A run of title-case words ("Mayor Opens New Bridge") is not a
        name, so forms are capped at :data:`MAX_NAME_WORDS`; and a form that only shares its first
        word with ``base`` ("Lee" → "Lee Min-jun") must be a known person."""
        tokens = name_tokens(m.name)
        if not names_match(base, m.name) or len(tokens) > MAX_NAME_WORDS:
            return False
        base_tokens = name_tokens(base)
        return similar_tokens(base_tokens[-1], tokens[-1]) or m in self._persons

    def pronoun(self, word: str, pos: int, since: int | None = None) -> str | None:
        """The latest person before ``pos`` whose known gender does not contradict ``word`` (he/she).

        With ``since`` (the start of the pronoun's paragraph), a name that reports speech between
        ``since`` and ``pos`` counts as a person too: "Ana Silva, who runs the shelter, said the roof
        held. “We were lucky,” she said."
        """
        if word.lower() in BODY_PRONOUNS:
            return self._body_pronoun(pos, since)
        want = PRONOUNS.get(word.lower())
        if want is None:
            return None
        cands = [(m.start, m.name) for m in self._persons_before(pos) if not self._body(m.name, m.start, m.titles)]
        if since is not None:
            cands += [(p, n) for p, n in self._reporters if since <= p < pos and not self._body(n, p)]
        for _, name in sorted(cands, reverse=True):
            if self._gender(name) in (None, want):
                return self.fullest(name, pos)
        return None

    def _body_pronoun(self, pos: int, since: int | None) -> str | None:
        """The latest body named between ``since`` (the paragraph's start) and ``pos``, for "it": "The
        Harbour Council met Mayor Ana Silva. … It added: …" is the council's, never the mayor's, and with
        no body in the paragraph "it" (a plan, a report, the weather) names no speaker."""
        lo = since if since is not None else 0
        bodies = [m for m in self._mentions if lo <= m.start and m.end <= pos and self._body(m.name, m.start, m.titles)]
        return self.fullest(bodies[-1].name, pos) if bodies else None

    def _body(self, name: str, pos: int, titles: Sequence[str] = ()) -> bool:
        """Is the name at ``pos`` a body that "he" or "she" cannot stand for: a name with a word of
        :data:`ORGANISATION_WORDS` ("the Harbour Council said"), or an untitled run written after "the"
        ("the Red Cross said"; a person is "the mayor, Ana Silva" but never "the Ana Silva")?"""
        if titles:
            return False
        return looks_like_organisation(name) or bool(_THE_BEFORE.search(self._text, max(0, pos - 8), pos))

    def title(self, word: str, pos: int) -> str | None:
        """The latest person before ``pos`` who carries title ``word``, else the latest person at all."""
        before = self._persons_before(pos)
        key = word.lower()
        titled = {m.name for m in self._persons if key in m.titles}
        for m in reversed(before):
            if any(names_match(m.name, t) for t in titled):
                return self.fullest(m.name, pos)
        people = [m for m in before if not self._body(m.name, m.start, m.titles)]
        return self.fullest(people[-1].name, pos) if people else None

    def _persons_before(self, pos: int) -> list[NameMention]:
        return [m for m in self._persons if m.end <= pos and not m.possessive]

    def _gender(self, name: str) -> str | None:
        genders = {
            GENDERED_HONORIFICS[t]
            for m in self._mentions
            if names_match(m.name, name)
            for t in m.titles
            if t in GENDERED_HONORIFICS
        }
        return genders.pop() if len(genders) == 1 else None
