"""Direct quotations: find them in an article, attribute them, and match one utterance across outlets.

Finding works paragraph by paragraph on the quotation marks of every common style (straight,
curly, „German“, «guillemets», single), reading each mark's role from the characters around it so
that apostrophes ("don't", "the Workers' union") are not taken for quotes. Scraped and translated
text is often broken, so a quote opened with one style and closed with another is accepted, a
double quote that is never closed runs to the end of its paragraph, and a closing mark with no
opening mark before it closes a quote that starts at the beginning of the paragraph.

Attribution reads the words right after the quote (", Lopez said", ", said the minister",
", according to Lopez", ", she told reporters"), else the words before it in the same sentence
("Lopez wrote on Telegram: …", "…, adding …", "…, according to Lopez, because it “…”", "Lopez called
it “…”", "Lopez put it bluntly: …"); a quote signed after a dash ("“…” — Lopez") takes that name. A verb
joined to an earlier one ("Lopez toured the site and said: …", "… “…” but warned …") takes the subject
of its sentence, "who said" the name right before it; no function word is ever a speaker. A quote
with no attribution takes the speaker of a quote in the same sentence, or of the quote right before
it when it opens its paragraph.
Pronouns and bare titles resolve through :class:`~newsprism.analyze.speakers.SpeakerIndex`; a
pronoun may also stand for a name that reports speech earlier in its paragraph ("Ana Silva, who
runs the shelter, said …. “…,” she said"), never for a body ("the Harbour Council said …"). A quote split by its attribution ("A," she said. "B.")
is one passage: grouping joins its parts into one mention with one span.

Grouping matches the variants of one quote across articles (abridged, translated, paraphrased)
by embedding cosine combined with word containment, whole quote or sentence by sentence; a partial
quote cut word for word from a longer quote of the same named speaker matches it whatever its length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from newsprism.analyze.embed import Encoder
from newsprism.analyze.sentences import paragraph_spans, sentence_spans
from newsprism.analyze.speakers import (
    BODY_PRONOUNS,
    HONORIFICS,
    PRONOUNS,
    TITLES,
    SpeakerIndex,
    fullest_name,
    looks_like_organisation,
    name_mentions,
    name_tokens,
    names_match,
    table,
)
from newsprism.model import Article, Quote, Span

#: A quotation needs at least this many words; shorter ones are scare quotes or terms
#: ("a “significant number”", "told to ‘stand firm’") and are not reported.
MIN_QUOTE_WORDS = 4

#: A shorter quotation is reported when its attribution names who says it (a partial quote: "Silva
#: said the plan was “simply not workable”"), down to this many words.
MIN_ATTRIBUTED_WORDS = 3

#: Quotation mark → (family, role it has when the context does not say). "either" marks
#: (straight quotes) take their role from the context alone.
QUOTE_MARKS: dict[str, tuple[str, str]] = {
    '"': ("double", "either"),
    "“": ("double", "open"),  # the English opener, and the German closer („…“)
    "”": ("double", "close"),
    "„": ("double", "open"),
    "«": ("double", "open"),
    "»": ("double", "close"),
    "'": ("single", "either"),
    "‘": ("single", "open"),  # also the German single closer (‚…‘)
    "’": ("single", "close"),
    "‚": ("single", "open"),
    "‹": ("single", "open"),
    "›": ("single", "close"),
}

_BEFORE_OPENER = "([{—–-/:;,\"“„«‘‚‹'’”»"
_AFTER_CLOSER = ".,;:!?)]}—–-…\"”»’›“'‘"

#: Verbs that attribute a quotation, in the finite forms news writing uses ("said", "says", "wrote").
SPEECH_VERBS = table(
    """said says say told tells added adds declared declares stated states claimed claims noted notes
    wrote writes explained explains insisted insists warned warns announced announces asked asks replied
    replies continued emphasized emphasised emphasizes emphasises stressed stresses tweeted posted argued
    argues acknowledged admitted recalled concluded confirmed commented remarked urged pledged vowed
    promised predicted cautioned suggested observed conceded answered responded reiterated shouted
    joked quipped exclaimed affirmed affirms repeated repeats maintained maintains countered recounted
    revealed denied denies testified complained lamented boasted"""
)

#: Verbs that give a quotation to their subject only when they stand before it, with the quoted words
#: as their object ("Ana Silva called the ruling “a farce”", "… described the plan as “reckless”"): after
#: a quotation they do not attribute it ("“Bridge of Hope” called on donors …").
QUOTING_VERBS = table("called calls described describes dubbed branded labelled labeled termed accused")

#: Two fragments quoted in one sentence are one passage when at most this many words stand between them.
MAX_FRAGMENT_GAP_WORDS = 5

#: Fragments that one speech verb before them reports ("Ana Silva said the dam had “held for now” and
#: that the valley was “safe for the moment”") are one passage with up to this many words between them.
MAX_REPORTED_GAP_WORDS = 10

#: Verbs that report speech without attributing a quotation ("Ana Silva spoke to reporters"): their
#: subject is a person a following "she said" may stand for, though they attribute nothing themselves.
REPORTING_VERBS = SPEECH_VERBS | QUOTING_VERBS | table("spoke speaks addressed addresses")

#: Participles that attribute a quotation to the subject of their clause ("…, stating: …").
SPEECH_PARTICIPLES = table(
    """saying telling adding declaring stating claiming noting writing explaining insisting warning
    announcing asking replying stressing emphasizing emphasising arguing urging"""
)

#: Words that may stand between a subject and its speech verb ("Lopez has also said").
AUXILIARIES = table(
    """has have had also then later once again reportedly previously earlier recently further would will
    had already just"""
)

#: Nouns for a written text that speaks for whoever issued it: "Ana Silva's statement said …" quotes
#: Ana Silva; "The Harbour Council has put out a statement. “…”" quotes the council.
STATEMENT_NOUNS = table(
    """statement statements communique communiqué release announcement letter message notice memo post
    transcript"""
)

#: Verbs by which someone issues such a text ("X released a statement", "X put out a short statement").
ISSUING_VERBS = table(
    """issued issues released releases published publishes put puts sent sends posted posts shared shares
    circulated circulates distributed distributes gave gives read reads"""
)

#: Words that may stand between a quote and the sentence that announces it ("Key line: “…”",
#: "In full: “…”"): a label of at most this many words, ended by a colon.
MAX_LABEL_WORDS = 4

#: Words that join a second verb to the subject of the first ("Ana Silva toured the ward and said",
#: "…, then added"): the word right before such a verb is never its subject.
COORDINATORS = table("and but then yet or nor plus")

#: Relative pronouns before a speech verb: "who" says it for the name right before it ("… met Ana
#: Silva, who said"); "which" and "that" stand for a thing ("a report which said").
RELATIVES = table("who whom which that")

#: Words that are never a speaker, whatever their case ("And said …", "Which said …").
FUNCTION_WORDS = COORDINATORS | RELATIVES | table("also whose so thus however meanwhile still instead")

#: Abbreviations written with a full stop before a name ("Gov. Ana Silva", "Dr. Ito"): the stop does not
#: end the subject of an attribution. The honorifics that are abbreviations (not the full words "Sir",
#: "Lady", …, nor a lone "m", which ends "p.m."), and "St", "Jr".
ABBREVIATED_TITLES = (HONORIFICS - table("miss mx sir dame lord lady madam m herr frau")) | table("st jr")

#: Prepositions that open an adverbial phrase before a subject ("On Monday, …", "In a statement, …").
LEADING_PREPOSITIONS = table(
    """in on at after before during from with by for since following despite amid as while when speaking
    writing asked"""
)

#: The subject of a sentence stands within its first few words ("Defence lawyer Ana Silva, 45, …").
SUBJECT_WINDOW_WORDS = 6

#: Words after a speech verb that end the subject of an inverted attribution (", said Lopez on Monday").
SUBJECT_ENDERS = table(
    """on in at during after before while when to from via citing adding who which told as of for with
    speaking"""
)

#: How many comma-separated parts may stand between a subject and its verb ("Dan Ito, 54, a farmer, said").
MAX_APPOSITIVES = 3

#: Determiners that make a titled subject anonymous ("a minister said" is not the minister).
INDEFINITE = table("a an one another some two three several many")

#: Function words left out of the word-overlap score of two quotes.
OVERLAP_STOPWORDS = table(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its this
    that these those there their they them he she his her we our us i my me you your will would can could
    should might must do does did not no so than then very all any who which what when where"""
)

#: Two quotes (or one sentence of each) are variants of one quote when their match quality,
#: ``0.5 * cosine + 0.5 * word containment`` less :data:`POLARITY_PENALTY` when only one is negated,
#: reaches this. The threshold depends on the encoder, whose cosines live on different scales: the
#: sentence model rates any two sentences on one topic 0.6-0.8, the hashed lexical fallback rarely
#: gives a paraphrase more than 0.5.
MATCH_THRESHOLDS = {"minilm": 0.70}
MATCH_THRESHOLD = 0.60  # any other encoder, the lexical fallback included
#: How much lower the bar is when both variants are given to one named speaker: an outlet that re-words
#: a quote ("years, not months, to recover" / "years to recover, not months") keeps who said it.
SAME_SPEAKER_EASING = 0.15

#: Words that negate a statement; a translation keeps them, so a pair where only one side has one
#: ("will reopen" / "will not reopen") is two different quotes unless the rest is very close.
NEGATIONS = table("not no never nobody none nothing neither nor cannot without n't")
POLARITY_PENALTY = 0.15

#: An abridged quote with at least this many content words, all found in a longer quote, matches it
#: whatever its cosine.
ABRIDGED_MIN_WORDS = 4

#: A partial quote found word for word in a longer quote by the same named speaker matches it when
#: it has at least this many content words ("the president of everyone").
PARTIAL_MIN_WORDS = 2

#: Among matching pairs, sharing more words makes a pair stronger: a long quote that covers two
#: shorter ones joins the one it shares most with first.
COVERAGE_WEIGHT = 0.15

_SPEECH_WORD = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_QUOTING_WORD = "|".join(sorted(QUOTING_VERBS, key=len, reverse=True))
_PARTICIPLE_WORD = "|".join(sorted(SPEECH_PARTICIPLES, key=len, reverse=True))
_AUX = "|".join(sorted(AUXILIARIES))
_NO_MARK = "\"“”„«»()"


def _subject_chars(stops: str) -> str:
    """A character of an attribution's subject: anything but ``stops`` and quotation marks, except the
    full stop of an abbreviated title or of an initial before a name ("Gov. Ana Silva", "Ana J. Silva")."""
    abbrev = "|".join(sorted(ABBREVIATED_TITLES, key=len, reverse=True))
    return rf"(?:\b(?i:{abbrev})\.(?=\s+[A-Z])|\b[A-Z]\.(?=\s+[A-Z])|[^{stops}{_NO_MARK}])"


_SUBJ = _subject_chars(".,;:!?")
_SUBJ_COMMA = _subject_chars(".;:!?")
_TAIL_INVERTED = re.compile(rf"^[\s,.…:;—–-]*(?i:{_SPEECH_WORD})\s+(?P<subj>{_SUBJ}{{1,80}})")
_TAIL_ACCORDING = re.compile(rf"^[\s,.…—–-]*(?i:according\s+to)\s+(?P<subj>{_SUBJ}{{1,80}})")
_TAIL_SUBJECT_VERB = re.compile(
    rf"^[\s,.…:;—–-]*(?P<subj>{_SUBJ_COMMA}{{1,80}}?)(?:\s+(?i:{_AUX}))*\s+(?i:{_SPEECH_WORD})\b"
    rf"(?P<rest>[^.;!?]*)"
)
_TAIL_LATE_ACCORDING = re.compile(
    rf"^[^.;:!?{_NO_MARK}]{{1,80}}?,\s*(?i:according\s+to)\s+(?P<subj>{_SUBJ}{{1,80}})\s*(?:[.!?]|$)"
)
_SHORT_REST = re.compile(
    r"^\s*(?:[,.;:!?]|$|(?:on|in|at|during|to|after|before|while|when|from|via|through|last|this|earlier|"
    r"later|yesterday|today|reporters|journalists|citing|adding|according)\b)",
    re.IGNORECASE,
)
_HEAD_ACCORDING = re.compile(rf"(?i:according\s+to)\s+(?P<subj>{_SUBJ}{{1,80}}),?\s*$")
_LEAD_ACCORDING = re.compile(rf"^\s*(?i:according\s+to)\s+(?P<subj>{_SUBJ}{{1,80}}),")
#: "according to X" set off by commas inside the sentence, before the quote ("Paying would be a
#: mistake, according to Ana Silva, because it “…”").
_MID_ACCORDING = re.compile(rf"[,—–(]\s*(?i:according\s+to)\s+(?P<subj>{_SUBJ}{{1,80}})\s*[,—–)]")
_APPOSITIVE_NAME = re.compile(rf"^,\s*(?P<name>[^\W\d_]{_SUBJ}{{0,60}}?)\s*(?:[,.;:!?]|$)")
_HEAD_VERB = re.compile(rf"(?<![\w-])(?i:(?P<verb>{_SPEECH_WORD}|{_QUOTING_WORD})|(?P<part>{_PARTICIPLE_WORD}))\b")
#: A quote signed after a dash, the sentence ending on the name ("“…” — Ana Silva, agency director").
_TAIL_DASH = re.compile(rf"^\s*[—–-]\s*(?P<subj>[^\W\d_]{_SUBJ}{{0,60}}?)\s*(?:,[^.;!?{_NO_MARK}]{{0,60}})?[.]?\s*$")
_REPORTING_VERB = re.compile(rf"\b(?i:{'|'.join(sorted(REPORTING_VERBS, key=len, reverse=True))})\b")
_TRAILING_AUX = re.compile(rf"(?:\s+(?i:{_AUX}))+\s*$")
_OF_WORD = re.compile(r"\s+of\s+")
#: The name of a body after "of": capitalised words, perhaps after "the" ("the Farmers Union").
_BODY_NAME = re.compile(r"(?:the\s+)?[^\W\d_][\w&’'.\-]*(?:\s+(?:[A-Z][\w&’'.\-]*|&|and|of|for))*\s*")
_WHO_AFTER = re.compile(r",\s+(?i:who|whose)\b")
#: A preposition before "X, who …" makes X a place or a group's home ("families from Tarnow, who …").
_PLACE_BEFORE = re.compile(r"\b(?i:in|from|of|at|to|near|across|for|with|by|around|outside|inside)\s+$")
#: A preposition before a name that follows another name makes it a place ("Ana Silva from Leeds").
_PLACE_AFTER_NAME = re.compile(r"\b(?i:in|from|at|near|outside|inside)\s+$")
_PRONOUN_WORD = re.compile(r"\b(?i:he|she)\b")
#: What may stand between a title and the name it belongs to: more title words, capitalised or not.
_TITLE_GAP = re.compile(r"[\w\-]+(?:['’]s)?(?:[\s,]+[\w\-]+(?:['’]s)?){0,2}?[\s,]+")
_LAST_WORD = re.compile(r"([\w’'\-]+)\s*$")
_PASSIVE_BEFORE = re.compile(r"\b(?i:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$")
_WORD = re.compile(r"\w+")
#: A stop between two quoted fragments: they are not parts of one sentence.
_GAP_STOP = re.compile(r"[.!?…;:]")
_DETERMINER_BEFORE = re.compile(r"\b(?i:the|a|an|this|that|its|their|his|her|our|any|no|every)\s+$")
_STATEMENT_WORD = "|".join(sorted(STATEMENT_NOUNS, key=len, reverse=True))
#: "X issued the following statement", "X has put out a short statement": the verb and the text issued;
#: up to two words describe the text, none a preposition ("released him after a statement" is not it).
_ISSUED_STATEMENT = re.compile(
    rf"\b(?P<verb>{'|'.join(sorted(ISSUING_VERBS, key=len, reverse=True))})(?:\s+out)?\s+"
    rf"(?:(?:a|an|the|its|their|his|her|this|following)\s+)?"
    rf"(?:(?!(?:after|before|in|on|at|to|from|with|by|for|of|about|over|than)\b)[a-z\-]+\s+){{0,2}}"
    rf"(?:{_STATEMENT_WORD})\b"
)
#: After a possessive name: the text that speaks for its owner ("Ana Silva's statement", "… written statement").
_STATEMENT_AFTER = re.compile(rf"\s+(?:[a-z\-]+\s+)?(?i:{_STATEMENT_WORD})\b")


@dataclass(frozen=True)
class QuoteMention:
    text: str  # the quoted words (without the marks)
    span: Span  # span of the quoted words in article.text (without marks)
    speaker: str | None  # the fullest name found in that article, titles stripped; None if unresolved
    sentence: Span  # the sentence/paragraph the quote sits in
    #: For one part of a quote split by its attribution ("A," she said. "B."): the span of the whole
    #: passage, from the first part's first word to the last part's last word; None for a whole quote.
    whole: Span | None = None


@dataclass(frozen=True)
class _Mark:
    pos: int
    family: str
    role: str  # open | close | either


@dataclass(frozen=True)
class _Raw:
    """A quotation as found: its marks (None when missing) and the quoted words."""

    para: int
    open_pos: int | None
    close_pos: int | None
    start: int
    end: int


@dataclass(frozen=True)
class _Subject:
    """Who an attribution names, before resolution against the article's persons."""

    kind: str  # name | pronoun | title | nearest | none
    value: str
    pos: int
    candidates: tuple[tuple[str, str, int], ...] = ()  # for "nearest": (kind, value, pos), in order
    label: bool = False  # given by a verb of :data:`QUOTING_VERBS`: the quote may be a mere label


_NONE = _Subject("none", "", 0)

#: What :func:`_attribution` finds for a quote: its subject, and the bounds of its sentence.
_Found = tuple[_Subject | None, int, int]


# --- finding -------------------------------------------------------------------------------------


def find_quotes(article: Article) -> list[QuoteMention]:
    """Direct quotations of at least :data:`MIN_QUOTE_WORDS` words in ``article``, in text order."""
    text = article.text
    paragraphs = paragraph_spans(text)
    raws = [r for i, (ps, pe) in enumerate(paragraphs) for r in _quotes_in_paragraph(text, i, ps, pe)]
    quoted = [(r.start, r.end) for r in raws]
    kept = _kept(text, paragraphs, raws)
    found = [_attribution(text, paragraphs, kept, i) for i in range(len(kept))]
    subjects = [f[0] for f in found]
    reporters = _reporters(text, paragraphs, quoted, kept, subjects)
    index = SpeakerIndex(
        text, quoted, [s.value for s in subjects if s is not None and s.kind == "name"], reporters=reporters
    )
    speakers = [_resolve(index, s, paragraphs[r.para][0]) for s, r in zip(subjects, kept, strict=True)]
    speakers = _share_with_next(text, kept, subjects, speakers, paragraphs)
    speakers = _continue_from_previous(kept, subjects, speakers, paragraphs)
    wholes = _split_wholes(text, kept, found, speakers)
    out = []
    for raw, (_, lo, hi), speaker, whole in zip(kept, found, speakers, wholes, strict=True):
        out.append(
            QuoteMention(
                text=text[raw.start : raw.end],
                span=Span.of(article, raw.start, raw.end),
                speaker=speaker,
                sentence=Span.of(article, lo, hi),
                whole=Span.of(article, *whole) if whole else None,
            )
        )
    return out


def _kept(text: str, paragraphs: list[tuple[int, int]], raws: list[_Raw]) -> list[_Raw]:
    """The quotations worth reporting: :data:`MIN_QUOTE_WORDS` words or more, or
    :data:`MIN_ATTRIBUTED_WORDS` when a person is named as saying them (“…said his party was ‘ready
    to listen’”); a short phrase nobody says is a scare quote or a term."""
    count = [len(_WORD.findall(text[r.start : r.end])) for r in raws]
    cands = [r for r, n in zip(raws, count, strict=True) if n >= MIN_ATTRIBUTED_WORDS]
    short = {r for r, n in zip(raws, count, strict=True) if MIN_ATTRIBUTED_WORDS <= n < MIN_QUOTE_WORDS}
    if not short:
        return cands
    kept = []
    for i, r in enumerate(cands):
        if r in short:
            subject = _attribution(text, paragraphs, cands, i)[0]
            # a short phrase after "called" or "described as" is a label ("called it “a bad deal”")
            if subject is None or subject.kind not in ("name", "pronoun", "title") or subject.label:
                continue
        kept.append(r)
    return kept


def _split_wholes(
    text: str, kept: list[_Raw], found: list[_Found], speakers: list[str | None]
) -> list[tuple[int, int] | None]:
    """The passage of each quote split by its attribution ("A," she said. "B." or "A," she said, "b."):
    a quote continues the one before it when one of :data:`_JOINS` says so — the second attributed only
    by the first one's attribution (:func:`_split_by_attribution`), both fragments of one sentence that
    the second attributes (:func:`_fragments`) or that the first one's attribution reports
    (:func:`_reported_fragments`), or the second introduced by a pronoun for the same speaker right
    after the first ("A." She added: "B."; :func:`_added_by_pronoun`). Every part of such a chain gets
    the span from the first part's start to the last part's end."""
    chains: list[list[int]] = []
    for i, raw in enumerate(kept):
        if i and any(
            join(text, kept[i - 1], raw, found[i - 1], found[i], speakers[i - 1], speakers[i]) for join in _JOINS
        ):
            chains[-1].append(i)
        else:
            chains.append([i])
    out: list[tuple[int, int] | None] = [None] * len(kept)
    for chain in chains:
        if len(chain) > 1:
            for i in chain:
                out[i] = (kept[chain[0]].start, kept[chain[-1]].end)
    return out


def _split_by_attribution(
    text: str, prev: _Raw, raw: _Raw, prev_found: _Found, found: _Found, prev_speaker: str | None,
    speaker: str | None,
) -> bool:
    """Is a quote the second part of the one before it, split by that one's attribution: both in one
    paragraph, only the first one's attribution (the sentence right after its closing mark) between
    them, and the second with no attribution but that one, or only a pronoun that stands for the same
    speaker ("A," Ana Silva told reporters. "B," she said.)?"""
    prev_subject, _, prev_hi = prev_found
    subject, lo, _ = found
    return (
        prev.para == raw.para
        and prev.close_pos is not None
        and raw.open_pos is not None
        and prev_subject is not None
        and prev.close_pos + 1 < prev_hi <= raw.open_pos  # attributed after its closing mark
        and not text[prev_hi : raw.open_pos].strip()
        and (
            subject is None
            or prev.close_pos < lo < raw.open_pos  # none, or the same words as its head
            or (subject.kind == "pronoun" and speaker is not None and speaker == prev_speaker)
        )
    )


def _one_sentence(
    text: str, prev: _Raw, raw: _Raw, prev_speaker: str | None, speaker: str | None, max_words: int
) -> bool:
    """Are two quotes of one known speaker parts of one sentence: one paragraph, the first not ending
    the sentence, no stop and at most ``max_words`` words between the first's closing mark and the
    second's opening one?"""
    if (
        prev.para != raw.para
        or prev.close_pos is None
        or raw.open_pos is None
        or prev_speaker is None
        or prev_speaker != speaker
    ):
        return False
    gap = text[prev.close_pos + 1 : raw.open_pos]
    return (
        not _ends_with_stop(text[prev.start : prev.end])
        and not _GAP_STOP.search(gap)
        and len(_WORD.findall(gap)) <= max_words
    )


def _reported_fragments(
    text: str, prev: _Raw, raw: _Raw, prev_found: _Found, found: _Found, prev_speaker: str | None,
    speaker: str | None,
) -> bool:
    """Are two quotes fragments of one sentence reported by the speech verb before the first ("Ana Silva
    said the dam had “held for now” after the storm and that the valley was “safe for the moment”"): the
    first attributed before its opening mark, the second not at all, one speaker, no stop between them
    and at most :data:`MAX_REPORTED_GAP_WORDS` words?"""
    prev_subject, prev_lo, prev_hi = prev_found
    return (
        _one_sentence(text, prev, raw, prev_speaker, speaker, MAX_REPORTED_GAP_WORDS)
        and prev.open_pos is not None
        and prev_subject is not None
        and prev_lo < prev.open_pos
        and prev_hi <= prev.close_pos + 1  # no attribution after the first fragment
        and found[0] is None
    )


def _added_by_pronoun(
    text: str, prev: _Raw, raw: _Raw, prev_found: _Found, found: _Found, prev_speaker: str | None,
    speaker: str | None,
) -> bool:
    """Does a quote continue the one before it through a pronoun for the same speaker in a short clause
    ended by a colon right before it ("“A.” She added: “B.”", "“A,” Ana Silva said. She went on: “B.”")?
    Only the first quote's own attribution may stand between the first quote and that clause; a longer
    sentence ("He added that the town would “…”") reports another statement."""
    subject, lo, _ = found
    _, _, prev_hi = prev_found
    if (
        subject is None
        or subject.kind != "pronoun"
        or prev.para != raw.para
        or prev.close_pos is None
        or raw.open_pos is None
        or speaker is None
        or speaker != prev_speaker
        or not prev.close_pos < lo < raw.open_pos
    ):
        return False
    head = text[lo : raw.open_pos].rstrip()
    if not head.endswith(":") or len(_WORD.findall(head)) > MAX_LABEL_WORDS:
        return False
    gap_start = prev_hi if prev.close_pos + 1 < prev_hi <= lo else prev.close_pos + 1
    return not text[gap_start:lo].strip(" \t.,;!?…")


def _fragments(
    text: str, prev: _Raw, raw: _Raw, prev_found: _Found, found: _Found, prev_speaker: str | None,
    speaker: str | None,
) -> bool:
    """Are two quotes fragments of one passage quoted in one sentence, the first with no attribution of
    its own and a few words between them ("The move is “A” at the firm and “b”, according to Ana
    Silva")? Fragments further apart ("“A” and estimates show that the toll “b,” she said") are two
    statements."""
    return prev_found[0] is None and _one_sentence(text, prev, raw, prev_speaker, speaker, MAX_FRAGMENT_GAP_WORDS)


#: The tests by which a quote continues the one before it as one passage (see :func:`_split_wholes`).
_JOINS = (_fragments, _reported_fragments, _added_by_pronoun, _split_by_attribution)


def _reporters(
    text: str, paragraphs: list[tuple[int, int]], quoted: list[tuple[int, int]], kept: list[_Raw],
    subjects: list[_Subject | None],
) -> list[tuple[str, int]]:
    """Names that report speech outside any quotation ("Ana Silva, who runs the shelter, said the
    roof held", "Ana Silva spoke to reporters") or that a relative "who" describes ("Ana Silva, who
    runs the shelter, was in tears"), with their positions, in the paragraphs where a quote is
    attributed to a pronoun: the person a following "she said" most likely stands for, though
    nothing else marks them a person."""
    wanted = sorted(
        {
            r.para
            for r, s in zip(kept, subjects, strict=True)
            if s is not None and (s.kind == "pronoun" or any(c[0] == "pronoun" for c in s.candidates))
        }
    )
    out: list[tuple[str, int]] = []
    for p in wanted:
        ps, pe = paragraphs[p]
        for lo, hi in sentence_spans(text, ps, pe):
            for v in _REPORTING_VERB.finditer(text[lo:hi]):
                verb = lo + v.start()
                if any(s <= verb < e for s, e in quoted) or _in_name(text, lo, verb):
                    continue
                start = max([lo] + [e + 1 for s, e in quoted if lo <= e < verb])
                subject = _trailing_subject(text, start, verb)
                if subject.kind == "coordinated":  # "Ana Silva toured the ward and said …"
                    first = _sentence_subject(text, lo, subject.pos, quoted)
                    subject = next((_Subject(k, v, p) for k, v, p in first.candidates), _NONE)
                if subject.kind == "name":
                    out.append((subject.value, subject.pos))
        # "Ana Silva, who led the search, was close to tears. “…,” she said": a relative "who" marks
        # a person (a company or a place takes "which")
        for m in name_mentions(text[ps:pe], [(s - ps, e - ps) for s, e in quoted if ps <= s < pe]):
            if (m.name and not m.possessive and _WHO_AFTER.match(text, ps + m.end)
                    and not _PLACE_BEFORE.search(text, max(ps, ps + m.start - 12), ps + m.start)):
                out.append((m.name, ps + m.start))
    return out


def _in_name(text: str, lo: int, i: int) -> bool:
    """Is the capitalised word at ``i`` part of a name rather than a verb ("the United States")?
    A verb is capitalised only where its sentence (which starts at ``lo``) or a quotation starts."""
    return text[i].isupper() and bool(text[lo:i].strip()) and text[lo:i].rstrip()[-1] not in _NO_MARK + "‘’'"


def _role(text: str, i: int, lo: int, hi: int) -> str | None:
    """The role of the quotation mark at ``i``, from its neighbours; None when it is no quotation mark."""
    family, default = QUOTE_MARKS[text[i]]
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    if family == "single" and prev.isalnum() and nxt.isalnum():
        return None  # an apostrophe inside a word: don't, Kim's
    if text[i] in "\"'" and prev.isdigit() and _word_follows(text, i + 1, hi):
        return None  # inches and feet: a 7" screen, a 6' wall
    if text[i] in "«»":
        return default  # guillemets say their role themselves, and French spacing hides it from context
    opens = (prev == "" or prev.isspace() or prev in _BEFORE_OPENER) and nxt != "" and not nxt.isspace()
    closes = prev != "" and not prev.isspace() and (nxt == "" or nxt.isspace() or nxt in _AFTER_CLOSER)
    if opens != closes:
        return "open" if opens else "close"
    if not opens and (prev.isspace() or prev == "") and (nxt.isspace() or nxt == ""):
        return None  # standing alone between spaces: a ditto mark or stray character
    return default


def _word_follows(text: str, i: int, hi: int) -> bool:
    """Does a lower-case word follow at ``i`` (after at most one space)? A closing quote is followed by
    punctuation or an attribution, a unit mark by the rest of a noun phrase."""
    if i < hi and text[i] == " ":
        i += 1
    return i < hi and text[i].islower()


def _quotes_in_paragraph(text: str, para: int, ps: int, pe: int) -> list[_Raw]:
    marks = []
    for i in range(ps, pe):
        if text[i] in QUOTE_MARKS:
            role = _role(text, i, ps, pe)
            if role is not None:
                marks.append(_Mark(i, QUOTE_MARKS[text[i]][0], role))
    out: list[_Raw] = []
    seen_family: set[str] = set()
    k = 0
    while k < len(marks):
        m = marks[k]
        first_of_family = m.family not in seen_family
        seen_family.add(m.family)
        if m.role == "close" and first_of_family and _may_close_orphan(text, m):
            out.append(_trimmed(text, para, None, m.pos, ps, m.pos))
            k += 1
            continue
        if m.role == "close":
            k += 1
            continue
        j = _closer(text, marks, k, pe)
        if j is not None:
            out.append(_trimmed(text, para, m.pos, marks[j].pos, m.pos + 1, marks[j].pos))
            seen_family.add(marks[j].family)
            k = j + 1
        elif m.family == "double" and m.role == "open":
            out.append(_trimmed(text, para, m.pos, None, m.pos + 1, pe))
            break
        else:
            k += 1
    return [r for r in out if r.end > r.start]


def _may_close_orphan(text: str, m: _Mark) -> bool:
    """A closing mark with no opener: always for double marks; for single ones only after punctuation
    ("…time,’ he said"), since a lone ’ after a word is usually a possessive (the Workers’ union)."""
    return m.family == "double" or text[m.pos - 1] in ",.!?…"


def _closer(text: str, marks: list[_Mark], k: int, pe: int) -> int | None:
    """Index of the mark that closes the quote opened by ``marks[k]``, skipping nested quotes."""
    opener = marks[k]
    straight = text[opener.pos] in "\"'"
    depth = 0
    for j in range(k + 1, len(marks)):
        m = marks[j]
        if m.family != opener.family:
            continue  # the other family inside is a nested quote or an apostrophe
        if m.role == "open":
            if not straight:
                depth += 1
            continue
        if depth:
            depth -= 1
            continue
        if opener.family == "single" and _looks_possessive(text, m.pos, pe):
            continue
        return j
    return None


def _looks_possessive(text: str, i: int, pe: int) -> bool:
    """``s’ word``: a plural possessive (the Workers’ union), not the end of a single-quoted quote."""
    return text[i - 1] in "sS" and i + 2 < pe and text[i + 1] == " " and text[i + 2].isalpha()


def _trimmed(text: str, para: int, open_pos: int | None, close_pos: int | None, s: int, e: int) -> _Raw:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return _Raw(para, open_pos, close_pos, s, e)


# --- attribution ---------------------------------------------------------------------------------


def _attribution(
    text: str, paragraphs: list[tuple[int, int]], kept: list[_Raw], i: int
) -> _Found:
    """The subject an attribution names (None when the quote has no attribution at all), and the
    bounds of the sentence that carries the quote and its attribution."""
    raw = kept[i]
    ps, pe = paragraphs[raw.para]
    nxt = kept[i + 1] if i + 1 < len(kept) and kept[i + 1].para == raw.para else None
    prv = kept[i - 1] if i > 0 and kept[i - 1].para == raw.para else None
    head_start = prv.close_pos + 1 if prv and prv.close_pos is not None else ps
    lo = raw.open_pos if raw.open_pos is not None else ps
    hi = raw.close_pos + 1 if raw.close_pos is not None else raw.end
    subject = None
    if raw.close_pos is not None:
        tail_end = nxt.open_pos if nxt and nxt.open_pos is not None else pe
        _, t_hi = _first_sentence(text, raw.close_pos + 1, tail_end)
        # the quote ends its sentence with a stop inside its marks ("…ready.”") or right after them
        # ("…ready”. She …"): what follows is a new sentence, an attribution only when it is short
        ends_sentence = (
            _ends_with_stop(text[raw.start : raw.end])
            or text[raw.close_pos + 1 : raw.close_pos + 2] in (".", "!", "?")
        )
        # "“A.” It added: “B.”": a new sentence ended by a colon right before the next quote introduces
        # that quote, not this one
        introduces_next = (
            ends_sentence
            and nxt is not None
            and nxt.open_pos is not None
            and text[raw.close_pos + 1 : nxt.open_pos].rstrip().endswith(":")
            and not text[t_hi : nxt.open_pos].strip()
        )
        subject = None if introduces_next else _tail_subject(text, raw.close_pos + 1, t_hi, ends_sentence)
        if subject is not None:
            hi = max(hi, t_hi)
    # "… “…” and said …": a verb with no subject of its own after the quote; the words before the
    # quote name the speaker if they can, else the subject of the sentence does
    coordinated = subject if subject is not None and subject.kind == "coordinated" else None
    if coordinated is not None:
        subject = None
    if subject is None and raw.open_pos is not None:
        h_lo = _last_sentence_start(text, head_start, raw.open_pos)
        if h_lo is not None:
            subject = _head_subject(text, h_lo, raw.open_pos)
            lo = h_lo
    if subject is not None and subject.kind == "coordinated":
        subject = _coordinated_subject(text, paragraphs[raw.para], kept, subject.pos)
    elif subject is None and coordinated is not None:
        subject = _coordinated_subject(text, paragraphs[raw.para], kept, raw.open_pos if raw.open_pos is not None else raw.start)
    # no attribution, or only a label ended by a colon with no verb ("Key line: “…”"): the sentence
    # that announces the quote may name who issued it
    if (subject is None or subject.kind == "person") and raw.open_pos is not None:
        subject = _announced_subject(text, paragraphs, raw, head_start, first_quote=prv is None) or subject
    return subject, lo, hi


def _announced_subject(
    text: str, paragraphs: list[tuple[int, int]], raw: _Raw, head_start: int, first_quote: bool
) -> _Subject | None:
    """The speaker of a quote with no attribution of its own, read from the sentence that announces it:
    in its paragraph, the sentence right before it saying someone issued a statement ("The Harbour
    Council has put out a statement. Key line: “…”"); for a quote that opens its paragraph, the
    previous paragraph when it ends with a colon ("The Harbour Council issued the following statement:",
    "Ana Silva said in a statement:"). Only a short label ended by a colon (:data:`MAX_LABEL_WORDS`) may
    stand between the announcement and the quote.

    Without a parser the link is read from layout, which is how news writing sets off a statement."""
    if raw.open_pos is None:
        return None
    spans = [(s, e) for s, e in sentence_spans(text, head_start, raw.open_pos) if text[s:e].strip()]
    before = text[head_start : raw.open_pos].rstrip()
    if before and before[-1] not in ".!?…":
        # the quote's own sentence starts with words: only a label may stand there
        label = text[spans[-1][0] : spans[-1][1]].strip() if spans else ""
        if not label.endswith(":") or len(_WORD.findall(label)) > MAX_LABEL_WORDS:
            return None
        spans = spans[:-1]
    if spans:
        s_lo, s_hi = spans[-1]
        return _issuer(text, s_lo, s_hi)
    if not first_quote or raw.para == 0:
        return None
    pps, ppe = paragraphs[raw.para - 1]
    # a paragraph that quotes someone itself ("Ana Silva said: “A” and added:") is left to the usual rules
    if not text[pps:ppe].rstrip().endswith(":") or any(QUOTE_MARKS.get(c, ("",))[0] == "double" for c in text[pps:ppe]):
        return None
    p_spans = sentence_spans(text, pps, ppe)
    s_lo = p_spans[-1][0] if p_spans else pps
    issuer = _issuer(text, s_lo, ppe)
    if issuer is not None:
        return issuer
    head = _head_subject(text, s_lo, len(text[:ppe].rstrip()))
    return head if head is not None and head.kind != "none" else None


def _issuer(text: str, lo: int, hi: int) -> _Subject | None:
    """Who the sentence ``text[lo:hi]`` says issued a statement ("Ana Silva released a statement"), as
    a name or a title; None when it says no such thing or names nobody."""
    m = _ISSUED_STATEMENT.search(text, lo, hi)
    if not m:
        return None
    subject = _trailing_subject(text, lo, m.start("verb"))
    return subject if subject.kind in ("name", "title") else None


def _coordinated_subject(text: str, paragraph: tuple[int, int], kept: list[_Raw], pos: int) -> _Subject | None:
    """The subject of a verb joined to an earlier one ("Ana Silva toured the ward and said: …"): the
    subject of the sentence that holds ``pos``, read outside the quotations; None when that sentence
    names nobody before ``pos`` (the quote then takes the speaker of the quote before it)."""
    ps, pe = paragraph
    starts = [s for s, _ in sentence_spans(text, ps, pe) if s <= pos]
    s_lo = starts[-1] if starts else ps
    quoted = [(r.open_pos if r.open_pos is not None else r.start, r.end) for r in kept]
    subject = _sentence_subject(text, s_lo, pos, quoted)
    return None if subject.kind == "none" else subject


def _ends_with_stop(quoted: str) -> bool:
    """Do the quoted words end on a stop ("…ready.")?"""
    return quoted.rstrip()[-1:] in ".!?…"


def _first_sentence(text: str, lo: int, hi: int) -> tuple[int, int]:
    spans = sentence_spans(text, lo, hi)
    return (lo, spans[0][1]) if spans else (lo, lo)


def _last_sentence_start(text: str, lo: int, hi: int) -> int | None:
    """Start of the sentence that runs into ``hi``; None when the text before ``hi`` ends a sentence."""
    before = text[lo:hi].rstrip()
    if not before or before[-1] in ".!?…":
        return None
    spans = sentence_spans(text, lo, hi)
    return spans[-1][0] if spans else None


def _tail_subject(text: str, lo: int, hi: int, ends_sentence: bool) -> _Subject | None:
    """The subject the words after a quote name (", Lopez said", ", said Lopez", " — Lopez"); kind
    "coordinated" for a verb with no subject of its own ("… and said"); None when the words after the
    quote attribute nothing, or start a clause of their own (", and Ben Ito added that …")."""
    tail = text[lo:hi]
    m = _TAIL_INVERTED.match(tail) or _TAIL_ACCORDING.match(tail)
    if m:
        subject = _leading_subject(text, lo + m.start("subj"), lo + m.end("subj"))
        if subject.kind == "title":
            # ", said the director of the agency, Ana Silva, on Monday": the name the title introduces
            named = _APPOSITIVE_NAME.match(text[lo + m.end("subj") : hi])
            if named:
                n_lo = lo + m.end("subj") + named.start("name")
                candidate = _noun_phrase(text, n_lo, lo + m.end("subj") + named.end("name"))
                if candidate.kind == "name" and _only_name(text[n_lo : lo + m.end("subj") + named.end("name")],
                                                           candidate.value):
                    return candidate
        return subject
    dash = _TAIL_DASH.match(tail)
    if dash:
        d_lo, d_hi = lo + dash.start("subj"), lo + dash.end("subj")
        signed = _noun_phrase(text, d_lo, d_hi)
        if signed.kind == "name" and _only_name(text[d_lo:d_hi], signed.value):
            return signed
    m = _TAIL_SUBJECT_VERB.match(tail)
    if not m:
        # "… “in no way a reflection” of the staff, according to Ana Silva.": the sentence ends on it
        late = None if ends_sentence else _TAIL_LATE_ACCORDING.match(tail)
        return _leading_subject(text, lo + late.start("subj"), lo + late.end("subj")) if late else None
    if ends_sentence and (len(m.group("subj").split()) > 6 or not _SHORT_REST.match(m.group("rest"))):
        return None  # a new sentence that merely reports speech ("The mayor said that …")
    words = m.group("subj").split()
    if words[0].lower() in COORDINATORS | RELATIVES:
        if all(w.lower() in COORDINATORS | AUXILIARIES for w in words):
            return _Subject("coordinated", "", lo + m.start("subj"))  # "… and said", "… but later added"
        return None  # ", and Ben Ito added that …": another clause with its own subject
    return _trailing_subject(text, lo + m.start("subj"), lo + m.end("subj"))


def _head_subject(text: str, lo: int, hi: int) -> _Subject | None:
    head = text[lo:hi]
    m = _HEAD_ACCORDING.search(head)
    if m:
        return _leading_subject(text, lo + m.start("subj"), lo + m.end("subj"))
    verbs = [
        v for v in _HEAD_VERB.finditer(head)
        if not _in_name(text, lo, lo + v.start())
        # "after the warning": a participle after a determiner is a noun
        and not (v.group("part") and _DETERMINER_BEFORE.search(text, lo, lo + v.start()))
        # "the plan was described as “…”": a passive names no speaker
        and not (v.group("verb") and v.group("verb").lower() in QUOTING_VERBS
                 and _PASSIVE_BEFORE.search(text, lo, lo + v.start()))
    ]
    if not verbs:
        # "According to Ana Silva, the head of the agency, the river had “risen faster than ever” …"
        m = _LEAD_ACCORDING.match(head)
        if m:
            return _leading_subject(text, lo + m.start("subj"), lo + m.end("subj"))
        mid = _mid_according_subject(text, lo, hi)
        if mid is None and head.rstrip().endswith(":"):
            # "Ana Silva put it bluntly: “…”": a clause ended by a colon introduces its subject's words;
            # only a known person (or a pronoun or title for one) counts, "The sign read:" says nothing
            first = _sentence_subject(text, lo, hi)
            return _Subject("person", "", first.pos, first.candidates) if first.kind != "none" else None
        return mid
    v = verbs[-1]
    if v.group("part"):
        return _nearest_subject(text, lo, lo + v.start())
    subject = _trailing_subject(text, lo, lo + v.start())
    if v.group("verb").lower() in QUOTING_VERBS:
        subject = replace(subject, label=True)
    return subject


def _mid_according_subject(text: str, lo: int, hi: int) -> _Subject | None:
    """The person named by the last "according to X" set off by commas before the quote ("Paying would
    be a mistake, according to Ana Silva of the agency, because it “…”"), when nobody else is named
    and no pronoun stands between it and the quote ("…, according to Ana Silva, and Ben Ito called it
    “…”" is no quote of Silva's); a body that is no name ("according to the report") attributes nothing."""
    found = list(_MID_ACCORDING.finditer(text, lo, hi))
    if not found:
        return None
    m = found[-1]
    between = text[m.end() : hi]
    if _PRONOUN_WORD.search(between) or any(n.name for n in name_mentions(between)):
        return None
    subject = _leading_subject(text, m.start("subj"), m.end("subj"))
    return subject if subject.kind in ("name", "title") else None


def _leading_subject(text: str, lo: int, hi: int) -> _Subject:
    """Subject that follows its verb: ", said Health Minister Ana Silva on Monday"."""
    words = list(re.finditer(r"\S+", text[lo:hi]))
    end = hi
    for w in words:
        if w.group(0).lower().strip(",") in SUBJECT_ENDERS:
            end = lo + w.start()
            break
    return _noun_phrase(text, lo, end)


def _trailing_subject(text: str, lo: int, hi: int) -> _Subject:
    """Subject that ends where its verb starts: "Ana Silva, the mayor, has said" → "Ana Silva".

    The words right before the verb may show it has no subject there: kind "coordinated" for "… and
    said" (the caller, who knows the sentence, reads its subject); see :func:`_linked_subject`."""
    linked = _linked_subject(text, lo, hi)
    if linked is not None:
        return linked
    chunk = text[lo:hi]
    aux = _TRAILING_AUX.search(chunk)
    if aux:
        hi = lo + aux.start()
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if hi > lo and text[hi - 1] == ",":
        return _appositive_subject(text, lo, hi - 1)
    clause_start = max(max(text.rfind(c, lo, hi - 1) for c in ",;:(—") + 1, lo)
    of = _OF_WORD.search(text, clause_start, hi)
    if of and _BODY_NAME.fullmatch(text, of.end(), hi):
        # "Ana Silva of the Farmers Union said": the person before "of", not the body after it (but
        # "Bank of Tarnow chief Ana Silva said" names a person after it)
        head = _noun_phrase(text, clause_start, of.start(), last_words=8)
        if head.kind == "name" and len(name_tokens(head.value)) >= 2:
            return head
    return _noun_phrase(text, clause_start, hi, last_words=8)


def _appositive_subject(text: str, lo: int, hi: int) -> _Subject:
    """The subject of "Dan Ito, 54, a farmer, said" or "The mayor, Ana Silva, said": the nearest
    comma-separated part that is a (titled) name; else the nearest part that ends with one and does
    not merely describe (not "head of the Farmers Union"); else the nearest title."""
    parts = []
    end = hi
    for _ in range(MAX_APPOSITIVES + 1):
        start = max(max(text.rfind(c, lo, end) for c in ",;:(—") + 1, lo)
        parts.append((start, end, _noun_phrase(text, start, end, last_words=6)))
        if start <= lo:
            break
        end = start - 1
    named = [(s, e, c) for s, e, c in parts if c.kind == "name" and text[s:e].rstrip().endswith(c.value)]
    for s, e, c in named:
        if _only_name(text[s:e], c.value):
            return c
    for s, e, c in named:
        if not re.search(r"\b(?:of|at|for|from)\b", text[s:e]):
            return c
    return next((c for _, _, c in parts if c.kind in ("title", "pronoun")), _NONE)


def _only_name(phrase: str, name: str) -> bool:
    """Is ``phrase`` just ``name`` with capitalised words or titles before it ("Health Minister Ana Silva")?"""
    before = phrase.strip()[: -len(name)].split()
    return all(w[0].isupper() or w.lower().rstrip(".") in TITLES | HONORIFICS for w in before)


def _nearest_subject(text: str, lo: int, hi: int) -> _Subject:
    """For a participle ("…, stating: …"): every name and pronoun before it; resolution picks the
    nearest one that is a person."""
    cands: list[tuple[str, str, int]] = []
    for m in name_mentions(text[lo:hi]):
        if m.possessive:
            continue
        if m.name:
            cands.append(("name", m.name, lo + m.start))
        elif m.titles:
            cands.append(("title", m.titles[-1], lo + m.start))
    for p in _PRONOUN_WORD.finditer(text, lo, hi):
        cands.append(("pronoun", p.group(0).lower(), p.start()))
    cands.sort(key=lambda c: c[2])
    return _Subject("nearest", "", hi, tuple(cands)) if cands else _NONE


def _linked_subject(text: str, lo: int, hi: int) -> _Subject | None:
    """The subject of a verb at ``hi`` read from a link word before it, past auxiliaries ("also",
    "later"): a coordinator ("and said", ", then added") gives kind "coordinated"; "who" the name or
    title right before it ("… met Mayor Ana Silva, who said"); "which" or "that" nobody; a pronoun right
    before the verb is its subject ("…, and on Friday she added"). None when no such word stands there.
    A function word itself is never returned as a subject."""
    end, coordinated, coordinator_at = hi, False, hi
    while True:
        m = _LAST_WORD.search(text, lo, end)
        if not m or text[m.end(1) : end].strip():
            # punctuation before the link words: a clause or a quotation ends there ("“…” and told")
            return _Subject("coordinated", "", coordinator_at) if coordinated else None
        word = m.group(1).lower()
        if word in COORDINATORS:
            coordinated, coordinator_at = True, m.start(1)
        elif word not in AUXILIARIES:
            break
        end = m.start(1)
        before = text[lo:end].rstrip()
        if not before or before[-1] in ",;:(—–":
            return _Subject("coordinated", "", coordinator_at) if coordinated else None
    if word in ("who", "whom"):
        return _antecedent(text, lo, m.start(1))
    if word in RELATIVES:
        return _NONE  # "a report which said": a thing
    if word in PRONOUNS or word in BODY_PRONOUNS:
        return _Subject("pronoun", word, m.start(1))
    return _Subject("coordinated", "", coordinator_at) if coordinated else None


def _antecedent(text: str, lo: int, hi: int) -> _Subject:
    """The name or title that a relative "who" at ``hi`` follows right away ("Mayor Ana Silva, who"), or
    nobody ("the families, who")."""
    end = hi
    while end > lo and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    phrase = _noun_phrase(text, lo, end, last_words=6)
    if phrase.kind in ("name", "title") and text[lo:end].lower().endswith(phrase.value.lower()):
        return phrase
    return _NONE


def _sentence_subject(text: str, lo: int, hi: int, quoted: Sequence[tuple[int, int]] = ()) -> _Subject:
    """The subject that opens the sentence at ``lo``, as kind "first": the names, titles and pronouns
    among its first :data:`SUBJECT_WINDOW_WORDS` words (after an opening phrase such as "On Monday,"),
    in order, outside ``quoted``; resolution takes the first that is a person.

    Without a parser the subject is taken where English puts it, at the head of the sentence; the
    window keeps an object ("… toured the ward with Mayor Ana Silva and said") out of it."""
    while lo < hi and text[lo].isspace():
        lo += 1
    first = re.match(r"[\w’'\-]+", text[lo:hi])
    comma = text.find(",", lo, hi)
    if first and first.group(0).lower() in LEADING_PREPOSITIONS and comma != -1:
        lo = comma + 1
    words = [w for w in re.finditer(r"\S+", text[lo:hi]) if not any(s <= lo + w.start() < e for s, e in quoted)]
    window = lo + words[SUBJECT_WINDOW_WORDS].start() if len(words) > SUBJECT_WINDOW_WORDS else hi
    skip = [(max(s - lo, 0), e - lo) for s, e in quoted if e > lo and s < window]
    mentions = [m for m in name_mentions(text[lo:window], skip) if not m.possessive]
    cands: list[tuple[str, str, int]] = []
    for m in mentions:
        if m.name and not _function_words(m.name):
            cands.append(("name", m.name, lo + m.start))
        elif m.titles and not m.name:
            cands.append(("title", m.titles[-1], lo + m.start))
    for w in re.finditer(r"[\w\-]+", text[lo:window]):
        key = w.group(0).lower()
        inside = any(m.start <= w.start() < m.end for m in mentions) or any(s <= w.start() < e for s, e in skip)
        if inside:
            continue
        before = text[lo : lo + w.start()].split()
        if key in TITLES and not (before and before[-1].lower() in INDEFINITE):
            cands.append(("title", key, lo + w.start()))
        elif key in PRONOUNS:
            cands.append(("pronoun", key, lo + w.start()))
    cands.sort(key=lambda c: c[2])
    # a title right before a name is that name's ("Chief executive Ana Silva", "The agency's head, Ana Silva")
    kept: list[tuple[str, str, int]] = []
    for c in reversed(cands):
        if c[0] == "title" and kept and kept[-1][0] == "name" and _TITLE_GAP.fullmatch(text, c[2], kept[-1][2]):
            continue
        kept.append(c)
    cands = kept[::-1]
    return _Subject("first", "", lo, tuple(cands)) if cands else _NONE


def _function_words(name: str) -> bool:
    """Is ``name`` made only of :data:`FUNCTION_WORDS` ("And", "Which")? Those are never a speaker."""
    return all(w.lower() in FUNCTION_WORDS for w in name.split())


def _noun_phrase(text: str, lo: int, hi: int, last_words: int = 0) -> _Subject:
    """Read ``text[lo:hi]`` as a subject: a pronoun, a (titled) name, or "the <title>"."""
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ",;"):
        hi -= 1
    if last_words:
        words = list(re.finditer(r"\S+", text[lo:hi]))
        if len(words) > last_words:
            lo += words[-last_words].start()
    phrase = text[lo:hi]
    words = phrase.split()
    if not words:
        return _NONE
    if len(words) == 1 and (words[0].lower() in PRONOUNS or words[0].lower() in BODY_PRONOUNS):
        return _Subject("pronoun", words[0].lower(), lo)
    all_mentions = name_mentions(phrase)
    mentions = [m for m in all_mentions if not m.possessive]
    named = [m for m in mentions if m.name and not _function_words(m.name)]
    # "Ana Silva from Leeds", "Dan Ito in Tarnow": a name after a preposition, once a name has been
    # given, is a place, not the subject ("of" is left out: it builds the names of bodies, "the
    # Confederation of Finnish Industries"); a single capitalised word opening the phrase may be a
    # common noun ("Officials from Leeds"), so it does not count as a name given
    if named and (len(name_tokens(named[0].name)) >= 2 or named[0].titles or phrase[: named[0].start].strip()):
        named = named[:1] + [
            m for m in named[1:] if not _PLACE_AFTER_NAME.search(phrase, max(0, m.start - 12), m.start)
        ]
    title_at = [(w.start(), w.group(0).lower()) for w in re.finditer(r"[\w\-]+", phrase)]
    # a title inside a named run ("MP Ana Silva") belongs to that name; only a bare one is a subject
    title_at = [(p, w) for p, w in title_at if w in TITLES and not any(m.start <= p < m.end for m in named)]
    last_name = named[-1] if named else None
    last_title = title_at[-1] if title_at else None
    if last_name is None and last_title is None:
        # "Ana Silva's statement said": the statement speaks for its owner
        owners = [m for m in all_mentions if m.possessive and m.name and not _function_words(m.name)]
        if owners and _STATEMENT_AFTER.match(phrase, owners[-1].end):
            return _Subject("name", owners[-1].name, lo + owners[-1].start)
    if last_name and (last_title is None or last_title[0] < last_name.start):
        return _Subject("name", last_name.name, lo + last_name.start)
    if last_title:
        if words[0].lower() in INDEFINITE or any(w.lower() in INDEFINITE for w in words[:-1][-2:]):
            return _NONE
        return _Subject("title", last_title[1], lo + last_title[0])
    return _NONE


def _resolve(index: SpeakerIndex, s: _Subject | None, paragraph_start: int = 0) -> str | None:
    if s is None or s.kind == "none":
        return None
    if s.kind == "name":
        return index.fullest(s.value, s.pos)
    if s.kind == "pronoun":
        return index.pronoun(s.value, s.pos, since=paragraph_start)
    if s.kind == "title":
        return index.title(s.value, s.pos)
    if s.kind in ("first", "person"):
        return _first_person(index, s, paragraph_start)
    if s.kind == "coordinated":
        return None
    for kind, value, pos in reversed(s.candidates):
        if kind == "pronoun":
            return index.pronoun(value, pos, since=paragraph_start)
        if kind == "name" and index.is_person(value):
            return index.fullest(value, pos)
    return None


def _first_person(index: SpeakerIndex, s: _Subject, paragraph_start: int) -> str | None:
    """The first candidate of a sentence subject that is a person: a pronoun, a title, or a name the
    article knows as a person; for kind "first" (a verb's own sentence, "Ana Silva toured the ward and
    said"), failing that, the first name of a body ("the Harbour Council thanked the crews and said")
    or of two words or more ("Ana Silva", not "Leeds", which may be the place of an opening phrase)."""
    for kind, value, pos in s.candidates:
        if kind == "pronoun":
            return index.pronoun(value, pos, since=paragraph_start)
        if kind == "title":
            return index.title(value, pos)
        if kind == "name" and index.is_person(value):
            return index.fullest(value, pos)
    if s.kind == "first":
        for kind, value, pos in s.candidates:
            if kind == "name" and (len(name_tokens(value)) >= 2 or looks_like_organisation(value)):
                return index.fullest(value, pos)
    return None


def _share_with_next(
    text: str, kept: list[_Raw], subjects: list[_Subject | None], speakers: list[str | None],
    paragraphs: list[tuple[int, int]],
) -> list[str | None]:
    """A quote with no attribution takes the speaker of the quote after it when both sit in one
    sentence ("“…” and the toll “…,” the mayor said"), or when it is left open at the end of its
    paragraph and the next paragraph opens with the rest (a speech quoted over several paragraphs)."""
    out = list(speakers)
    for i in range(len(kept) - 2, -1, -1):
        a, b = kept[i], kept[i + 1]
        if subjects[i] is not None or out[i + 1] is None:
            continue
        if a.para == b.para and a.close_pos is not None and b.open_pos is not None:
            if not re.search(r"[.!?]\s", text[a.close_pos + 1 : b.open_pos] + " "):
                out[i] = out[i + 1]
        elif a.close_pos is None and b.para == a.para + 1 and _opens_paragraph(b, paragraphs):
            out[i] = out[i + 1]
    return out


def _opens_paragraph(raw: _Raw, paragraphs: list[tuple[int, int]]) -> bool:
    return (raw.open_pos if raw.open_pos is not None else raw.start) == paragraphs[raw.para][0]


def _continue_from_previous(
    kept: list[_Raw], subjects: list[_Subject | None], speakers: list[str | None],
    paragraphs: list[tuple[int, int]],
) -> list[str | None]:
    """A quote with no attribution continues the quote right before it: in its own paragraph, or in
    the previous paragraph when it opens its paragraph (a speech quoted over several paragraphs)."""
    out = list(speakers)
    for i in range(1, len(kept)):
        if subjects[i] is not None or out[i] is not None:
            continue
        cur, prev = kept[i], kept[i - 1]
        if prev.para == cur.para or (prev.para == cur.para - 1 and _opens_paragraph(cur, paragraphs)):
            out[i] = out[i - 1]
    return out


# --- grouping across articles --------------------------------------------------------------------


def group_quotes(mentions: Sequence[QuoteMention], encoder: Encoder) -> list[Quote]:
    """One :class:`Quote` per utterance: variants from different articles matched, evidence sorted.

    Clusters grow greedily from the strongest matching pair; a cluster holds at most one mention per
    article and never two known speakers whose names differ.
    """
    ms = _drop_repeats(_join_split(sorted(mentions, key=lambda m: (m.span.article, m.span.start, m.span.end))))
    if not ms:
        return []
    scorer = _Scorer(ms, encoder)
    threshold = MATCH_THRESHOLDS.get(getattr(encoder, "name", ""), MATCH_THRESHOLD)
    pairs = []
    denies = [negated(m.text) for m in ms]
    for i in range(len(ms)):
        for j in range(i + 1, len(ms)):
            if ms[i].span.article == ms[j].span.article or not _speakers_agree([ms[i]], [ms[j]]):
                continue
            quality, coverage = scorer.pair(i, j)
            # One named speaker eases the bar, unless one variant denies what the other says.
            named = scorer.same_speaker(i, j) and denies[i] == denies[j]
            if quality >= threshold - (SAME_SPEAKER_EASING if named else 0.0):
                pairs.append((-(quality + COVERAGE_WEIGHT * coverage), i, j))
    pairs.sort()
    clusters = _greedy_clusters(ms, pairs)
    quotes = [_quote_of(ms, members, scorer) for members in clusters]
    quotes.sort(key=lambda q: (-len({s.article for s in q.evidence}), q.evidence[0].article, q.evidence[0].start))
    return [Quote(f"q{n}", q.speaker, q.text, q.evidence) for n, q in enumerate(quotes, 1)]


def _join_split(ms: list[QuoteMention]) -> list[QuoteMention]:
    """The parts of a quote split by its attribution become one mention: the words of every part for
    text (a part that does not end a sentence gets a full stop before a capital, else a comma), the
    whole passage for span, so that the quote has one piece of evidence per article."""
    out: list[QuoteMention] = []
    parts: dict[Span, list[QuoteMention]] = {}
    for m in ms:
        if m.whole is None:
            out.append(m)
        else:
            parts.setdefault(m.whole, []).append(m)
    for whole, group in parts.items():
        group.sort(key=lambda m: m.span.start)
        text = group[0].text
        for m in group[1:]:
            if text[-1:] not in ".!?…":
                text += "." if m.text[:1].isupper() else ","
            text += " " + m.text
        speaker = next((m.speaker for m in group if m.speaker), None)
        out.append(QuoteMention(text=text, span=whole, speaker=speaker, sentence=whole))
    return sorted(out, key=lambda m: (m.span.article, m.span.start, m.span.end))


def _drop_repeats(ms: list[QuoteMention]) -> list[QuoteMention]:
    """An article that repeats a quote (a pull quote, a recap) keeps its longest occurrence."""
    keep: list[QuoteMention] = []
    for m in sorted(ms, key=lambda m: (m.span.article, -len(_norm(m.text)), m.span.start)):
        if any(k.span.article == m.span.article and _norm(m.text) in _norm(k.text)
               and _speakers_agree([k], [m]) for k in keep):
            continue
        keep.append(m)
    return sorted(keep, key=lambda m: (m.span.article, m.span.start, m.span.end))


def _norm(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(text))


def _speakers_agree(a: Sequence[QuoteMention], b: Sequence[QuoteMention]) -> bool:
    return all(names_match(x.speaker, y.speaker) for x in a if x.speaker for y in b if y.speaker)


def _greedy_clusters(ms: list[QuoteMention], pairs: list[tuple[float, int, int]]) -> list[list[int]]:
    cluster_of = list(range(len(ms)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ms))}
    for _, i, j in pairs:
        a, b = cluster_of[i], cluster_of[j]
        if a == b:
            continue
        arts_a = {ms[k].span.article for k in members[a]}
        if arts_a & {ms[k].span.article for k in members[b]}:
            continue
        if not _speakers_agree([ms[k] for k in members[a]], [ms[k] for k in members[b]]):
            continue
        keep, gone = min(a, b), max(a, b)
        members[keep] = sorted(members[keep] + members.pop(gone))
        for k in members[keep]:
            cluster_of[k] = keep
    return [members[k] for k in sorted(members)]


def _quote_of(ms: list[QuoteMention], members: list[int], scorer: _Scorer) -> Quote:
    texts = [ms[k].text for k in members]
    counts = {t: texts.count(t) for t in texts}

    def centrality(k: int) -> float:
        others = [o for o in members if o != k]
        return sum(scorer.pair(min(k, o), max(k, o))[0] for o in others) / len(others) if others else 0.0

    best = min(members, key=lambda k: (-counts[ms[k].text], -centrality(k), k))
    speaker = fullest_name(ms[k].speaker for k in members if ms[k].speaker)
    evidence = tuple(sorted((ms[k].span for k in members), key=lambda s: (s.article, s.start, s.end)))
    return Quote("", speaker, ms[best].text, evidence)


class _Scorer:
    """Pair scores of quote mentions: embedding cosine and word containment, whole and per sentence."""

    def __init__(self, ms: list[QuoteMention], encoder: Encoder) -> None:
        self._sentences = [_sentences_of(m.text) for m in ms]
        self._texts = [m.text for m in ms]
        self._speakers = [m.speaker for m in ms]
        unique = sorted(set(self._texts) | {s for ss in self._sentences for s in ss})
        vecs = np.asarray(encoder.encode(unique), dtype=np.float32)
        self._vec = {t: vecs[n] for n, t in enumerate(unique)}
        self._cache: dict[tuple[int, int], tuple[float, float]] = {}

    def pair(self, i: int, j: int) -> tuple[float, float]:
        """(match quality, share of the longer quote's words that the two have in common)."""
        if (i, j) not in self._cache:
            a, b = self._texts[i], self._texts[j]
            best = max(self._score(sa, sb) for sa in self._sentences[i] for sb in self._sentences[j])
            best = max(best, self._score(a, b))
            if self._partial(i, j):
                best = max(best, 1.0)
            wa, wb = _content_words(a), _content_words(b)
            coverage = len(wa & wb) / max(len(wa), len(wb), 1)
            self._cache[(i, j)] = (best, coverage)
        return self._cache[(i, j)]

    def same_speaker(self, i: int, j: int) -> bool:
        """Are quotes ``i`` and ``j`` both given to one named speaker?"""
        a, b = self._speakers[i], self._speakers[j]
        return bool(a and b and names_match(a, b))

    def _partial(self, i: int, j: int) -> bool:
        """Is one quote a phrase cut word for word from the other, both given to one named speaker?
        ("the president of everyone" in "I will be the president of everyone, …"): a partial quote in
        a paraphrase, too short for the abridged test. A phrase of one content word proves nothing."""
        if not self.same_speaker(i, j):
            return False
        short, long_ = sorted((self._texts[i], self._texts[j]), key=lambda t: (len(_norm(t)), t))
        if len(_content_words(short)) < PARTIAL_MIN_WORDS:
            return False
        return f" {_norm(short)} " in f" {_norm(long_)} "

    def _score(self, a: str, b: str) -> float:
        cos = float(np.dot(self._vec[a], self._vec[b]))
        cont = containment(a, b)
        score = 0.5 * cos + 0.5 * cont
        if negated(a) != negated(b):
            score -= POLARITY_PENALTY
        elif cont >= 1.0 and min(len(_content_words(a)), len(_content_words(b))) >= ABRIDGED_MIN_WORDS:
            score = max(score, cont)
        return score


@lru_cache(maxsize=65536)
def negated(text: str) -> bool:
    """Does ``text`` contain one of :data:`NEGATIONS` ("not", "never", "don't" …)?"""
    words = {w.lower() for w in _WORD.findall(text)}
    return bool(words & NEGATIONS) or bool(re.search(r"\w(?:n['’]t)\b", text, re.IGNORECASE))


def _sentences_of(text: str) -> list[str]:
    """The sentences of a quote (of :data:`MIN_QUOTE_WORDS` words or more), or the quote itself."""
    spans = sentence_spans(text)
    out = [text[s:e] for s, e in spans if len(_WORD.findall(text[s:e])) >= MIN_QUOTE_WORDS]
    return out if len(out) > 1 else [text]


@lru_cache(maxsize=65536)
def _content_words(text: str) -> frozenset[str]:
    """Lower-cased words without :data:`OVERLAP_STOPWORDS`, cut to 5 letters so that inflections and
    spelling variants meet ("organise"/"organize", "soldier"/"soldiers")."""
    return frozenset(w[:5] for w in _WORD.findall(text.lower()) if w not in OVERLAP_STOPWORDS)


def containment(a: str, b: str) -> float:
    """Share of the shorter text's content words found in the other (an abridged quote scores 1)."""
    wa, wb = _content_words(a), _content_words(b)
    return len(wa & wb) / max(min(len(wa), len(wb)), 3)
