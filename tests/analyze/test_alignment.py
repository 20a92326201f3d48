"""Claim units, claim alignment, near-duplicates, stories and the summary, on invented reports."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.analyze.claims import build_claims, content_words, stem
from newsprism.analyze.dedup import find_duplicates
from newsprism.analyze.embed import LexicalEncoder, get_encoder
from newsprism.analyze.summary import summarize
from newsprism.analyze.units import article_units, clause_spans
from newsprism.model import Article, Claim, Figure, FigureValue, Span

FLOOD_A = (
    "Heavy rain flooded the river town of Marlow Bridge on Tuesday, forcing 1,200 residents from their homes.\n\n"
    "The regional fire service said three bridges had been closed, and the mayor declared a local emergency.\n\n"
    "Volunteers filled sandbags through the night at the old market hall."
)
FLOOD_B = (
    "About 1,200 people were evacuated from their homes in Marlow Bridge after torrential rain on Tuesday.\n\n"
    "The mayor has declared a local state of emergency in the town.\n\n"
    "A school on the east bank will stay closed until Friday, the council said."
)
FLOOD_C = (
    "Floodwater forced roughly 1,200 residents of Marlow Bridge to leave their homes on Tuesday after a night "
    "of heavy rain.\n\nEngineers are inspecting a dam upstream of the town."
)
MUSEUM = (
    "The Hallam Museum of Clocks reopened its east wing on Saturday after a four-year restoration.\n\n"
    "Visitors queued for an hour to see the restored astronomical clock."
)


def art(aid: str, text: str, published: str | None = "2025-03-04") -> Article:
    return Article(id=aid, source=aid, text=text, published=published)


def claims_for(*articles: Article) -> list[Claim]:
    enc = LexicalEncoder()
    units = [u for a in articles for u in article_units(a)]
    vecs = enc.encode([u.span.text for u in units])
    return build_claims(units, vecs, enc.name, {a.id: a.duplicate_of or a.id for a in articles}, {})


def test_clause_split_keeps_short_pairs_and_quotes_whole() -> None:
    text = "The ministry denied the report on Monday, and its spokesperson declined to say more about it."
    pieces = [text[s:e] for s, e in clause_spans(text, 0, len(text))]
    assert pieces == ["The ministry denied the report on Monday", "its spokesperson declined to say more about it."]
    short = "They bought bread, and butter for the long weekend trip."
    assert len(clause_spans(short, 0, len(short))) == 1
    quoted = '"We searched every street in the town, and we found nobody left behind," she said.'
    assert len(clause_spans(quoted, 0, len(quoted))) == 1


def test_units_are_verbatim_spans() -> None:
    a = art("a", FLOOD_A)
    for u in article_units(a):
        assert a.text[u.span.start : u.span.end] == u.span.text


def test_stem_and_content_words() -> None:
    assert stem("soldiers") == stem("soldier")
    assert "the" not in content_words("the town of the river")


def test_paraphrases_align_and_unique_detail_stays_single() -> None:
    claims = claims_for(art("a", FLOOD_A), art("b", FLOOD_B), art("c", FLOOD_C))
    evac = [c for c in claims if "1,200" in c.text]
    assert evac and evac[0].status == "corroborated"
    assert {e.article for e in evac[0].evidence} == {"a", "b", "c"}
    dam = [c for c in claims if "dam upstream" in c.text]
    assert dam and dam[0].status == "single-source" and dam[0].sources == 1
    for c in claims:
        assert len({e.article for e in c.evidence}) == len(c.evidence), "one span per article per claim"


def test_copy_counts_once() -> None:
    a = art("a", FLOOD_A)
    copy = Article(id="z", source="z", text=FLOOD_A + "\n\nShare this story.", duplicate_of="a")
    claims = claims_for(a, copy)
    sandbags = next(c for c in claims if "sandbags" in c.text)
    assert {e.article for e in sandbags.evidence} == {"a", "z"}
    assert sandbags.sources == 1 and sandbags.status == "single-source"


def test_find_duplicates_marks_reprint_not_independent_report() -> None:
    wire = art("wire", FLOOD_A + "\n\n" + FLOOD_C, "2025-03-04")
    reprint = art("reprint", "Advertisement\n\n" + FLOOD_A + "\n\n" + FLOOD_C[:-30], "2025-03-05")
    other = art("other", FLOOD_B, "2025-03-04")
    assert find_duplicates([reprint, other, wire]) == {"reprint": "wire"}


def test_find_duplicates_is_deterministic() -> None:
    arts = [art(f"x{i}", FLOOD_A + f" Update {i}.") for i in range(4)]
    assert find_duplicates(arts) == find_duplicates(list(reversed(arts)))


def test_summary_cites_spans_and_states_differences() -> None:
    claims = claims_for(art("a", FLOOD_A), art("b", FLOOD_B), art("c", FLOOD_C))
    ev = (Span("a", 0, 5, FLOOD_A[:5]), Span("b", 0, 5, FLOOD_B[:5]))
    fig = Figure("f1", "residents evacuated", "differ", (
        FigureValue(1200, 1200, 1200, None, "2025-03-04", None, ev[0]),
        FigureValue(1500, 1500, 1500, None, "2025-03-04", None, ev[1]),
    ))
    summary = summarize(claims, [fig])
    assert summary and all(s.evidence for s in summary)
    assert sum(len(s.text.split()) for s in summary) <= 250
    assert any("differ" in s.text and "1,500" in s.text for s in summary)
    assert len({e.article for s in summary for e in s.evidence}) == 3


@pytest.mark.parametrize("embedder", ["lexical", "minilm"])
def test_pipeline_separates_events(embedder: str) -> None:
    from newsprism.analyze.pipeline import analyze

    if embedder == "minilm":
        try:
            get_encoder("minilm")
        except Exception as exc:  # the lexical run still covers the logic
            pytest.skip(f"model unavailable: {exc}")
    arts = [art("a", FLOOD_A), art("b", FLOOD_B), art("c", FLOOD_C), art("m", MUSEUM, "2025-03-08")]
    marked, stories = analyze(arts, embedder=embedder)
    groups = sorted(sorted(s.articles) for s in stories)
    assert groups == [["a", "b", "c"], ["m"]]
    for s in stories:
        for item in [*s.claims, *s.quotes, *s.timeline, *s.summary]:
            for e in item.evidence:
                text = next(a.text for a in marked if a.id == e.article)
                assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        ("The blaze destroyed the old grain store overnight, and sent thick smoke across the whole valley.", 1),
        ("The blaze destroyed the old grain store overnight, and the district closed two schools on Monday.", 2),
        ("The council approved the new budget this week, but spokesperson Ana Ruiz declined to give details.", 2),
        ("The river rose by two metres on Friday, while 300 volunteers filled sandbags along the embankment.", 2),
        ("The storm flooded dozens of basements in town, but caused no injuries according to the police.", 1),
    ],
)
def test_clause_split_needs_a_subject_of_its_own(sentence: str, pieces: int) -> None:
    assert len(clause_spans(sentence, 0, len(sentence))) == pieces


def test_blocked_story_grouping_matches_exact_grouping(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.analyze import stories
    from newsprism.analyze.pipeline import analyze

    arts = [art("a", FLOOD_A), art("b", FLOOD_B), art("c", FLOOD_C), art("m", MUSEUM, "2025-03-08")]
    exact = sorted(sorted(s.articles) for s in analyze(arts, embedder="lexical")[1])
    monkeypatch.setattr(stories, "BLOCKING_ABOVE", 1)
    blocked = sorted(sorted(s.articles) for s in analyze(arts, embedder="lexical")[1])
    assert blocked == exact == [["a", "b", "c"], ["m"]]


def test_blocked_grouping_cuts_a_chain_by_average_linkage() -> None:
    from newsprism.analyze.stories import _cluster_blocked

    # a~b and b~c are close, a and c are not: one chain, but not one story at this threshold.
    vecs = np.array([[1.0, 0.0], [0.8, 0.6], [0.28, 0.96]], dtype=np.float32)
    labels = _cluster_blocked(vecs, [frozenset()] * 3, threshold=0.6)
    assert len(set(labels.tolist())) >= 2


def test_a_copy_joins_its_original_claims_and_keeps_its_own_additions() -> None:
    from newsprism.analyze.pipeline import analyze

    wire = art("wire", FLOOD_A + "\n\n" + FLOOD_C, "2025-03-04")
    reprint = art("reprint", FLOOD_A + "\n\n" + FLOOD_C + "\n\nOur reporter saw boats on the high street.",
                  "2025-03-05")
    marked, [story] = analyze([wire, reprint, art("b", FLOOD_B)], embedder="lexical")
    assert next(a for a in marked if a.id == "reprint").duplicate_of == "wire"
    sandbags = next(c for c in story.claims if "sandbags" in c.text)
    assert {e.article for e in sandbags.evidence} == {"wire", "reprint"} and sandbags.sources == 1
    boats = next(c for c in story.claims if "boats" in c.text)
    assert [e.article for e in boats.evidence] == ["reprint"] and boats.status == "single-source"


def test_a_component_too_large_for_exact_linkage_is_split_not_kept_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.analyze import stories

    monkeypatch.setattr(stories, "EXACT_LIMIT", 2)
    # Two tight pairs joined by one weaker link: too big to cut exactly, so the bar rises and splits it.
    vecs = np.array([[1.0, 0.0], [0.99, 0.14], [0.6, 0.8], [0.5, 0.87]], dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    labels = stories._cluster_blocked(vecs, [frozenset()] * 4, threshold=0.5).tolist()
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]


def test_a_statement_naming_nothing_gets_half_a_say_against_one_that_names_things() -> None:
    import numpy as np

    from newsprism.analyze.claims import Similarity, names_and_numbers
    from newsprism.analyze.units import Unit
    from newsprism.model import Span

    # The same words; only the first names the maker (capitalised inside the sentence).
    texts = ["the recall covers hatchbacks made by Corvin.",
             "the recall covers hatchbacks made by corvin.",
             "the recall covers hatchbacks made by corvin."]
    units = [Unit(Span(f"a{i}", 0, len(t), t), 0, 0) for i, t in enumerate(texts)]
    vectors = np.tile(np.array([1.0, 0.0], dtype=np.float32), (3, 1))  # same cosine for every pair
    sim = Similarity(units, vectors)
    one_sided, neither = sim(0, 1), sim(1, 2)
    assert neither == pytest.approx(1.0)
    # Names on one side only: half the names' weight, unearned; and the name is no shared word (lexical 0.9).
    assert one_sided == pytest.approx((0.6 + 0.25 * 0.9) / 0.925)
    assert names_and_numbers("He was banned for eight years.", spelled=True) == {"8"}
    assert names_and_numbers("He was banned for eight years.") == frozenset()


def test_statements_that_share_only_names_do_not_meet_on_words() -> None:
    import numpy as np

    from newsprism.analyze.claims import Similarity
    from newsprism.analyze.units import Unit
    from newsprism.model import Span

    texts = ["The quarry was fined in 2029 by the Harlow Mining Board for faulty ventilation.",
             "The Harlow Mining Board said it had ordered all work at the quarry stopped."]
    units = [Unit(Span(f"a{i}", 0, len(t), t), 0, 0) for i, t in enumerate(texts)]
    sim = Similarity(units, np.eye(2, dtype=np.float32))
    assert not ({"harlow", "mining", "board"} & sim.words[0])
    assert sim.words[0] & sim.words[1] == {"quarry"}


# Parts of long statements (the second alignment pass).

LONG = ("Hotel staff in Corvale registered guests by hand while engineers rebuilt the booking servers, "
        "which had crashed overnight during the heatwave.")
SHORT = "Reception workers in Corvale had to register guests by hand, the owners said."


def test_fragments_are_verbatim_runs_that_stop_at_a_source() -> None:
    from newsprism.analyze.claims import fragment_spans

    text = "The crash shut the road for hours.\n\nAt least 9 people died when the bus left the road near Orvel, " \
           "police said, and 20 were hurt."
    unit = article_units(art("a", text))[-1]
    frags = fragment_spans(unit)
    assert frags and all(text[f.span.start : f.span.end] == f.span.text for f in frags)
    assert "At least 9 people died" in {f.span.text for f in frags}
    assert not any("police said" in f.span.text for f in frags)  # a source is no fact of its own
    assert all(f.span.text != unit.span.text for f in frags)
    # A short statement says one thing and is not cut; a cut through a quotation would misquote.
    [short] = article_units(art("b", "The bus left the road near Orvel on Sunday."))
    assert fragment_spans(short) == []
    quoted = "The mayor said that \"we will rebuild the bridge, and we will do it this year\" at the meeting."
    [q] = article_units(art("c", quoted))
    assert all(f.span.text.count('"') % 2 == 0 for f in fragment_spans(q))


def test_statement_core_drops_the_source_at_either_end() -> None:
    from newsprism.analyze.claims import statement_core

    [u] = article_units(art("a", SHORT))
    assert statement_core(u).span.text == "Reception workers in Corvale had to register guests by hand"
    [v] = article_units(art("b", "According to the coastguard, two trawlers sank off Pellan."))
    assert statement_core(v).span.text == "two trawlers sank off Pellan"
    [w] = article_units(art("c", "Two trawlers sank off Pellan on Monday night."))
    assert statement_core(w) is None
    # A source before what it says, with no comma between.
    [x] = article_units(art("d", "The coastguard said on Tuesday that two trawlers sank off Pellan."))
    assert statement_core(x).span.text == "two trawlers sank off Pellan"
    [y] = article_units(art("e", "Fishermen said the storm came without warning."))
    assert statement_core(y).span.text == "the storm came without warning"
    # A long tail after "said on" is what was said, not where or when.
    from newsprism.analyze.claims import ATTRIBUTION_PIECE

    assert ATTRIBUTION_PIECE.search("the coastguard said on Tuesday")
    assert not ATTRIBUTION_PIECE.search("the coastguard said on Tuesday that two trawlers sank off Pellan")


class _TableEncoder:
    """Vectors by text: what a sentence encoder would give, fixed by the test (unknown texts sit apart)."""

    name = "minilm"

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = []
        for t in texts:
            v = np.array(self.table.get(t, [0.0, 0.0, 1.0]), dtype=np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.stack(rows)


def _claims_with_parts(long_text: str, short_text: str, table: dict[str, list[float]]) -> list[Claim]:
    enc = _TableEncoder(table)
    arts = [art("a", long_text), art("b", short_text)]
    units = [u for a in arts for u in article_units(a)]
    vecs = enc.encode([u.span.text for u in units])
    return build_claims(units, vecs, enc.name, {"a": "a", "b": "b"}, {}, encode=enc.encode)


def test_part_of_a_long_statement_backs_a_short_one() -> None:
    # The whole statements are far apart (two facts against one); the part that says the one fact is close.
    table = {LONG: [1.0, 0.0, 0.0], SHORT: [0.43, 0.9, 0.0],
             "Hotel staff in Corvale registered guests by hand": [0.3, 0.95, 0.0],
             "Reception workers in Corvale had to register guests by hand": [0.3, 0.95, 0.0]}
    without = build_claims(
        *(lambda units: (units, _TableEncoder(table).encode([u.span.text for u in units])))(
            [u for a in (art("a", LONG), art("b", SHORT)) for u in article_units(a)]),
        "minilm", {"a": "a", "b": "b"}, {})
    assert all(c.status == "single-source" for c in without)
    claims = _claims_with_parts(LONG, SHORT, table)
    [both] = [c for c in claims if c.status == "corroborated"]
    assert {e.text for e in both.evidence} == {"Hotel staff in Corvale registered guests by hand", SHORT}
    assert both.text == SHORT  # a whole statement words the claim
    # The long statement keeps its own claim for what only it says.
    assert any(c.evidence == (Span("a", 0, len(LONG), LONG),) for c in claims)


def test_a_part_does_not_back_a_statement_it_says_only_half_of() -> None:
    long_text = ("Officers in Tarnow detained 12 people as crowds from the rally spilled into side streets, "
                 "witnesses said, late in the evening.")
    short_text = "Officers in Tarnow detained 12 people and 3 officers were hurt."
    table = {long_text: [1.0, 0.0, 0.0], short_text: [0.43, 0.9, 0.0],
             "Officers in Tarnow detained 12 people": [0.3, 0.95, 0.0]}
    claims = _claims_with_parts(long_text, short_text, table)
    assert all(c.status == "single-source" for c in claims)  # the 3 hurt officers are not in the other


def test_parts_of_two_long_statements_meet_only_when_each_says_all_the_other_does() -> None:
    long_a = ("Rescuers pulled four miners from the flooded shaft at Orvel on Friday as the company's shares "
              "fell sharply on the stock exchange in the capital.")
    part_a = "Rescuers pulled four miners from the flooded shaft at Orvel on Friday"
    for count, meets in (("four", True), ("five", False)):
        part_b = f"rescuers pulled {count} miners out of the flooded shaft at Orvel on Friday"
        long_b = f"Families of the crew held a vigil outside the town hall, and {part_b}."
        table = {long_a: [1.0, 0.0, 0.0], long_b: [0.43, 0.9, 0.0], part_a: [0.3, 0.95, 0.0], part_b: [0.3, 0.95, 0.0]}
        claims = _claims_with_parts(long_a, long_b, table)
        corroborated = [c for c in claims if c.status == "corroborated"]
        if not meets:  # four miners are not five
            assert corroborated == []
            continue
        [both] = corroborated
        assert {e.text for e in both.evidence} == {part_a, part_b}
        # Each long statement keeps its own claim too, for what only it says.
        assert len([c for c in claims if c.status == "single-source"]) == 2


def test_a_detail_one_outlet_adds_to_a_corroborated_statement_is_its_own_single_source_claim() -> None:
    long_a = "Police arrested the treasurer at the airport on Monday as he prepared to board a flight to Lisbon."
    short_b = "The treasurer was arrested at the airport on Monday."
    table = {long_a: [1.0, 0.0, 0.0], short_b: [0.95, 0.31, 0.0]}
    claims = _claims_with_parts(long_a, short_b, table)
    [both] = [c for c in claims if c.status == "corroborated"]
    assert {e.article for e in both.evidence} == {"a", "b"}
    [detail] = [c for c in claims if c.status == "single-source"]
    assert detail.evidence[0].article == "a" and "Lisbon" in detail.text and detail.text != long_a
    assert long_a[detail.evidence[0].start : detail.evidence[0].end] == detail.text
    # A name the other outlet also uses, in any spelling or form, is no added detail.
    claims = _claims_with_parts(long_a, short_b.replace("Monday.", "Monday, before a flight to Lisbon's airport."),
                                {long_a: [1.0, 0.0, 0.0],
                                 short_b.replace("Monday.", "Monday, before a flight to Lisbon's airport."):
                                     [0.95, 0.31, 0.0]})
    assert all(c.status == "corroborated" for c in claims)
