"""Figures: what a quantity counts, its event, source and date, and how outlets' figures compare.

Every sentence here is invented: earthquakes, floods, strikes, protests, vaccination drives.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.analyze.figures import FigureMention, about_label, compatible, find_figures, group_figures
from newsprism.model import Article

from .figuring import art, classes, read


def only(text: str, published: str | None = None) -> FigureMention:
    mentions = read(text, published)
    assert len(mentions) == 1, [(m.span.text, m.counted, m.event) for m in mentions]
    return mentions[0]


# --- what is counted, and the event -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # event after the noun, with auxiliaries between
        ("Approximately 40 miners have been killed in the collapse.", [(40, "workers", "killed")]),
        # event as a participle right after the noun
        ("The tremor left 120 people killed across three valleys.",
         [(120, "people", "killed"), (3, "valleys", None)]),
        # event verb before the count takes it as its object
        ("Police arrested 150 protesters outside parliament.", [(150, "protesters", "arrested")]),
        ("The ministry has deployed nearly 5,000 troops to the border.", [(5000, "soldiers", "deployed")]),
        ("Rivals accused the junta of sending more than 8,000 soldiers north.",
         [(8000, "soldiers", "deployed")]),
        # the event later in the clause, past an aside
        ("Some 2,000 residents of the delta, most of them farmers, were evacuated.",
         [(2000, "residents", "evacuated")]),
        # synonyms fall into one class ("miners" are workers, "marchers" protesters)
        ("About 600 servicemen were sent to the coast.", [(600, "soldiers", "deployed")]),
        ("More than 1.2 million vaccine doses have been administered.", [(1_200_000, "doses", "administered")]),
        ("In 2019, 4,000 nurses went on strike.", [(4000, "workers", "on strike")]),
        ("Hundreds of villagers fled the rising water.", [(200, "residents", "evacuated")]),
        ("The floods left 3,000 families homeless.", [(3000, "residents", "displaced")]),
    ],
)
def test_counted_noun_and_event(text: str, want: list[tuple[float, str, str]]) -> None:
    assert classes(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the second count has no noun: it counts what the first did
        ("Approximately 240 miners have been killed and 1,900 injured.",
         [(240, "workers", "killed"), (1900, "workers", "wounded")]),
        ("At least 90 climbers were rescued and another 1 500 evacuated.",
         [(90, "climbers", "rescued"), (1500, "climbers", "evacuated")]),
        # no noun at all: the generic class
        ("The quake left 180 dead and 3,400 wounded.", [(180, "people", "killed"), (3400, "people", "wounded")]),
        # a headline-like line, events after bare counts
        ("3,400 injured and 180 dead", [(3400, "people", "wounded"), (180, "people", "killed")]),
        # combined events are their own class
        ("At least 40 marchers killed and wounded, and three more went missing.",
         [(40, "protesters", "casualties"), (3, "protesters", "missing")]),
        ("Officials say 800 rebels were killed or injured.", [(800, "fighters", "casualties")]),
    ],
)
def test_elided_nouns_and_combined_events(text: str, want: list[tuple[float, str, str]]) -> None:
    assert classes(text) == want


def test_an_approximating_qualifier_covers_the_coordinated_bare_count() -> None:
    _killed, hurt = read("Approximately 240 miners have been killed and 1,900 injured.")
    assert (hurt.qualifier, hurt.low, hurt.high) == ("approximately", 1855, 1945)
    assert hurt.span.text == "1,900"
    # a floor is not spread: "another 1 500" is a count of its own
    floor, other = read("At least 90 climbers were killed and another 1 500 hurt.")
    assert (floor.qualifier, other.qualifier, other.low, other.high) == ("at least", None, 1500, 1500)


def test_a_bare_count_takes_the_noun_named_earlier_in_the_paragraph() -> None:
    text = "About 6,000 firefighters were deployed to the hills. Officials said around 40 have been hurt."
    assert classes(text) == [(6000, "firefighters", "deployed"), (40, "firefighters", "wounded")]


def test_a_sentence_without_an_event_inherits_the_previous_sentences_event() -> None:
    text = ("The first relief convoys had already arrived in the city. "
            "There are about 900 medics, including 40 surgeons.")
    assert classes(text) == [(900, "medics", "deployed"), (40, "surgeons", "deployed")]


def test_no_inheritance_across_paragraphs() -> None:
    text = "The first relief convoys had already arrived.\n\nThere are about 900 medics in the region."
    assert classes(text) == [(900, "medics", None)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Two firefighters were injured in the blaze.", [(2, "firefighters", "wounded")]),
        ("Two men stood by the gate all night.", []),
        ("One of them was hurt.", []),
        ("Rangers found one of the missing hikers.", []),
        ("Three ferries were damaged in the storm.", [(3, "ferries", "damaged")]),
    ],
)
def test_small_numbers_count_only_a_named_noun_in_an_event(text: str, want: list) -> None:
    assert classes(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # strikes, told as staying away, walking off, entering a strike, or "strike" as the verb
        ("About 9,000 dockers stayed off work on Thursday.", [(9000, "dockers", "on strike")]),
        ("Some 2,500 teachers stayed away from work across the province.", [(2500, "workers", "on strike")]),
        ("Roughly 600 tram drivers have entered into a general strike.", [(600, "drivers", "on strike")]),
        ("Nearly 700 porters walked off the job at dawn.", [(700, "porters", "on strike")]),
        ("12,000 miners strike over pension cuts", [(12000, "workers", "on strike")]),
        # "strike" is that verb only right after workers: missiles strike, a strike is a noun
        ("Three missiles strike the fuel depot.", [(3, "missiles", None)]),
        ("The strike by 300 pilots entered its third week.", [(300, "pilots", None)]),
        # leaving home
        ("The blaze forced about 700 villagers to leave their homes.", [(700, "residents", "evacuated")]),
        ("Nearly 900 hotel guests spent the night away from home.", [(900, "guests", "evacuated")]),
        ("Some 300 campers fled the wildfire before dawn.", [(300, "campers", "evacuated")]),
        ("The storm forced 40 hikers to wait on the ridge.", [(40, "hikers", None)]),
        # trains leaving the rails
        ("Eleven wagons of a coal train derailed near the river.", [(11, "wagons", "derailed")]),
        ("Nine carriages came off the tracks outside the station.", [(9, "carriages", "derailed")]),
        # what a stoppage reached
        ("More than 120 schools were affected by the outage.", [(120, "schools", "affected")]),
        ("The blackout disrupted 45 clinics in the north.", [(45, "clinics", "affected")]),
    ],
)
def test_event_phrases(text: str, want: list[tuple[float, str, str | None]]) -> None:
    assert classes(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a participle before the noun names the event of all it counts
        ("All 11 derailed wagons were lifted by cranes.", [(11, "wagons", "derailed")]),
        ("Rescuers reached 40 injured climbers on the glacier.", [(40, "climbers", "wounded")]),
        # the clause's own verb comes first
        ("Medics treated 40 injured climbers who were later rescued.", [(40, "climbers", "rescued")]),
        # a part of the whole does not carry the whole's event ("five of the derailed wagons held diesel")
        ("Five of the derailed wagons held diesel.", [(5, "wagons", None)]),
        # a participle with no noun after it is the event of the clause, as before
        ("About 30 wagons derailed and 12 overturned.", [(30, "wagons", "derailed"), (12, "wagons", None)]),
    ],
)
def test_a_participle_before_the_noun(text: str, want: list[tuple[float, str, str | None]]) -> None:
    assert classes(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a count joined by "and" to the next shares the event named after that one
        ("Six nurses and 12 porters were hurt in the fire.",
         [(6, "workers", "wounded"), (12, "porters", "wounded")]),
        ("Nine recruits and 14 cadets drowned in the flood.",
         [(9, "soldiers", "killed"), (14, "cadets", "killed")]),
        # not across other words: the guards are not among those released
        ("Seven guards at the gate and 30 prisoners were released.",
         [(7, "guards", None), (30, "prisoners", "released")]),
    ],
)
def test_coordinated_counts_share_the_event_named_after_them(text: str, want: list) -> None:
    assert classes(text) == want


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        # the toll reaches its number past other words and an earlier number
        ("The death toll from Sunday's landslide in the three hill districts has climbed to 63, officials "
         "said on Wednesday.", "2024-10-11", (63, "people", "killed", "2024-10-09")),
        ("The number of injured after the 4.9 tremor in the old town now stands at 85.", None,
         (85, "people", "wounded", None)),
        # the day named nearest the figure dates it, not the day of the event the sentence names first
        ("The death toll from Monday's ferry fire rose to 31 on Thursday.", "2024-10-11",
         (31, "people", "killed", "2024-10-10")),
    ],
)
def test_a_toll_and_its_date(text: str, published: str | None, want: tuple) -> None:
    m = read(text, published)[-1]
    assert (m.value, m.counted, m.event, m.as_of) == want


@pytest.mark.parametrize(
    "text",
    [
        # a toll already given its number does not hand it to the next count
        "The death toll rose to 12 as the number of homes destroyed reached 40.",
        # a toll with no linking verb before the count gives it nothing
        "The death toll is unclear, but 300 soldiers were sent to the valley.",
        # a toll across a semicolon gives nothing
        "The death toll was not released; 300 tents now stand at the camp.",
    ],
)
def test_what_is_not_a_toll(text: str) -> None:
    assert read(text)[-1].event != "killed"


def test_each_figure_is_dated_by_the_day_in_its_own_clause() -> None:
    text = "On Monday the storm flooded 40 homes, and by Thursday 900 residents had been evacuated."
    assert [m.as_of for m in read(text, "2024-10-11")] == ["2024-10-07", "2024-10-10"]


def test_a_possessive_day_dates_a_figure_only_when_no_other_day_is_named() -> None:
    assert only("Saturday's storm flooded 40 homes.", "2024-10-11").as_of == "2024-10-05"


def test_a_scale_reading_is_a_figure_with_no_event() -> None:
    m = only("A magnitude 5.9 tremor damaged the harbour wall.")
    assert (m.value, m.counted, m.event, m.about, m.span.text) == (5.9, "magnitude", None, "magnitude",
                                                                  "magnitude 5.9")


def test_percentages_and_money_are_counted_separately() -> None:
    assert classes("Unemployment rose to 6% as 3,000 workers were laid off.")[0][:2] == (6, "percent")
    assert classes("Turnout rose to 62% as 3,000 voters queued.")[:2] == [
        (62, "turnout (percent)", None), (3000, "voters", None)]
    assert classes("The flood caused $2 billion in damage.")[0][:2] == (2e9, "USD")


def test_years_dates_and_ages_are_not_figures() -> None:
    assert read("On December 14-15 a 26-year-old was born in 1993, the third child.") == []


def test_span_holds_qualifier_number_and_noun() -> None:
    m = only("Rescuers said nearly 9,000 stranded tourists were evacuated by boat.")
    assert m.span.text == "nearly 9,000 stranded tourists"
    assert (m.value, m.low, m.high, m.qualifier) == (9000, 8100, 9000, "nearly")
    assert m.about == "tourists evacuated"


def test_open_qualifier_has_no_ceiling() -> None:
    m = only("More than 3,000 doctors walked out on Tuesday.")
    assert (m.low, m.high, m.event) == (3000, math.inf, "on strike")


def test_about_label() -> None:
    assert about_label("soldiers", "casualties") == "soldiers killed or wounded"
    assert about_label("residents", "evacuated") == "residents evacuated"
    assert about_label("homes", None) == "homes"


# --- who says so, and as of when ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("According to the fire service, 45 homes were destroyed.", "the fire service"),
        ("At least 45 homes were destroyed, the regional governor said.", "the regional governor"),
        ("The health ministry reported on Friday that 80 patients were hospitalised.", "The health ministry"),
        ("Some 70 protesters were detained, citing hospital officials, a lawyer said.", "a lawyer"),
        ("Some 70 protesters were detained, citing hospital officials.", "hospital officials"),
        ("Chile, Peru and Bolivia claim that 9,000 migrants were sent back.", "Chile, Peru and Bolivia"),
        ("At least 45 homes were destroyed, said Maria Ortiz, a fire service spokeswoman.", "Maria Ortiz"),
        ("The ferry operator, which runs the island route, said 45 cars were lost.", "The ferry operator"),
        ("The council, who met on Friday, said 45 homes were destroyed.", "The council"),
        # after ", said" comes the statement here, not a speaker
        ("The union, which called the stoppage, said more than 45 depots were affected.", "The union"),
        ("Rain fell all night, said 45 stations were flooded.", None),
        ("He said 45 homes were destroyed.", None),
        ("At least 45 homes were destroyed in the blaze.", None),
    ],
)
def test_attribution(text: str, source: str | None) -> None:
    assert only(text).attributed_to == source


@pytest.mark.parametrize(
    ("text", "published", "as_of"),
    [
        ("On March 3, 2021, officials said 40 people had died.", None, "2021-03-03"),
        ("By 4 June 2022 some 9,000 residents had been evacuated.", None, "2022-06-04"),
        ("Officials said on Monday that 40 people had died.", "2024-11-21", "2024-11-18"),
        ("On December 30 officials said 40 people had died.", "2025-01-02", "2024-12-30"),
        ("Officials said on Monday that 40 people had died.", None, None),
        ("Officials said that 40 people had died.", "2024-11-21", None),
    ],
)
def test_sentence_date(text: str, published: str | None, as_of: str | None) -> None:
    assert only(text, published).as_of == as_of


def test_find_figures_is_deterministic() -> None:
    text = "Police detained 350 fans. About 40 officers were injured and 12 cars destroyed."
    assert find_figures(art(text)) == find_figures(art(text))


_PIECES = [
    "About 4,500 residents were evacuated", "the mayor said", "At least 14 000 workers went on strike",
    "3,400 injured and 180 dead", "On March 3, 2021,", "Police arrested 150 protesters", "one of them",
    "a 26-year-old", "in 1993", "nearly 13.000 fans", "$2 billion", "62%", "killed or wounded", "and another 1 500",
    "\n\n", ". ", ", ", " ", "“", "”", "three", "hundreds of", "Jan. 12", "11k", "some",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_any_mix_of_phrases_gives_exact_spans_and_sane_ranges(pieces: list[str]) -> None:
    text = "".join(pieces)
    for m in read(text, published="2024-06-01"):
        assert m.sentence.start <= m.span.start < m.span.end <= m.sentence.end
        assert m.low is None or m.low <= m.value
        assert m.high is not None and m.value <= m.high


# --- grouping across articles ---------------------------------------------------------------------------


def mentions_of(texts: dict[str, str]) -> list[FigureMention]:
    out: list[FigureMention] = []
    for aid, text in texts.items():
        out.extend(find_figures(art(text, aid)))
    return out


def test_compatible_readings_agree() -> None:
    texts = {
        "a": "About 4,500 residents were evacuated from the valley.",
        "b": "Nearly 4,500 residents have been evacuated, the mayor said.",
        "c": "Officials evacuated more than 4,000 residents overnight.",
    }
    [fig] = group_figures(mentions_of(texts), {"a": None, "b": None, "c": None})
    assert (fig.id, fig.about, fig.verdict) == ("f1", "residents evacuated", "agree")
    assert sorted(v.evidence.article for v in fig.values) == ["a", "b", "c"]


def test_incompatible_readings_with_ordered_dates_are_updated() -> None:
    texts = {
        "day1": "At least 120 people were killed when the quake struck.",
        "day3": "The death toll rose to 250 as rescuers reached the villages.",
    }
    [fig] = group_figures(mentions_of(texts), {"day1": "2023-05-01", "day3": "2023-05-03T08:00:00Z"})
    assert fig.verdict == "updated"
    assert {(v.value, v.as_of) for v in fig.values} == {(120, "2023-05-01"), (250, "2023-05-03")}


def test_incompatible_readings_without_dates_differ() -> None:
    texts = {
        "a": "Roughly 400 people were killed in the floods.",
        "b": "At least 150 people were killed in the floods.",
    }
    [fig] = group_figures(mentions_of(texts), {"a": "2023-05-01", "b": None})
    assert fig.verdict == "differ"
    [fig] = group_figures(mentions_of(texts), {"a": "2023-05-01", "b": "2023-05-01"})
    assert fig.verdict == "differ"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("About 13,000 fans were evacuated.", "More than 10,000 fans were evacuated.", True),
        ("About 13,000 fans were evacuated.", "Nearly 13,000 fans were evacuated.", True),
        ("About 13,000 fans were evacuated.", "About 14,000 fans were evacuated.", False),
        ("About 400 fans were evacuated.", "At least 150 fans were evacuated.", False),
        ("Hundreds of fans were evacuated.", "About 400 fans were evacuated.", True),
        ("Up to 500 fans were evacuated.", "About 400 fans were evacuated.", True),
    ],
)
def test_compatible_reads_qualifiers_as_a_reader_would(a: str, b: str, same: bool) -> None:
    assert compatible(only(a), only(b)) is same


def test_a_figure_only_one_outlet_gives_is_not_a_group() -> None:
    texts = {
        "a": "Police arrested 150 protesters. Later 150 protesters were arrested again.",
        "b": "Some 12 buses were damaged.",
    }
    assert group_figures(mentions_of(texts), {}) == []


def test_copies_count_once() -> None:
    texts = {"orig": "Police arrested 150 protesters.", "copy": "Police arrested 150 protesters."}
    assert group_figures(mentions_of(texts), {}, independent=lambda a: "orig") == []
    assert len(group_figures(mentions_of(texts), {})) == 1


def test_different_events_are_different_groups() -> None:
    texts = {
        "a": "The army has assembled 40,000 soldiers near the pass. It has deployed 8,000 soldiers abroad.",
        "b": "Around 40,000 troops were massed near the pass, while 8,000 troops were sent abroad.",
    }
    figs = group_figures(mentions_of(texts), {})
    assert {(f.about, f.verdict) for f in figs} == {("soldiers assembled", "agree"), ("soldiers deployed", "agree")}


def test_a_bare_count_joins_the_one_named_class_of_its_event() -> None:
    texts = {
        "a": "Some 260 miners have been killed, the union said.",
        "b": "The disaster left about 260 dead.",
    }
    [fig] = group_figures(mentions_of(texts), {})
    assert (fig.about, fig.verdict, len(fig.values)) == ("workers killed", "agree", 2)


def test_one_value_per_article_per_reading_and_ids_by_size() -> None:
    texts = {
        "a": "Police arrested 150 protesters. About 150 protesters were arrested, police said. 20 homes burned.",
        "b": "Officers arrested 150 protesters. Firefighters said 20 homes were destroyed.",
        "c": "Around 150 protesters were arrested.",
        "d": "Crews said 20 homes were destroyed.",
    }
    figs = group_figures(mentions_of(texts), {})
    assert [f.id for f in figs] == ["f1", "f2"]
    assert figs[0].about == "protesters arrested"
    assert sorted(v.evidence.article for v in figs[0].values) == ["a", "b", "c"]
    # of article a's two agreeing mentions, the one that names its source is kept
    assert {v.attributed_to for v in figs[0].values if v.evidence.article == "a"} == {"police"}
    assert figs[1].about == "homes destroyed"


def test_grouping_ignores_input_order() -> None:
    texts = {
        "a": "About 4,500 residents were evacuated. At least 120 people were killed.",
        "b": "Nearly 4,000 residents were evacuated. The death toll rose to 250.",
        "c": "Officials evacuated 4,500 residents; 310 people were killed.",
    }
    mentions = mentions_of(texts)
    dates = {"a": "2023-05-01", "b": "2023-05-02", "c": None}
    shuffled = list(mentions)
    random.Random(7).shuffle(shuffled)
    assert group_figures(mentions, dates) == group_figures(shuffled, dates)


def test_counts_of_one_specific_noun_group_by_it_alone_where_they_agree() -> None:
    texts = {
        "a": "About 60 lifeguards patrolled the beach on Sunday.",
        "b": "More than 60 lifeguards watched over the shore.",
        "c": "Some 60 lifeguards and four boats kept watch.",
    }
    [fig] = group_figures(mentions_of(texts), {})
    assert (fig.about, fig.verdict) == ("lifeguards", "agree")
    assert sorted(v.evidence.article for v in fig.values) == ["a", "b", "c"]


def test_a_noun_class_named_by_one_article_is_not_a_group() -> None:
    texts = {
        "a": "About 60 lifeguards patrolled the beach. Later 60 lifeguards went home.",
        "b": "Some 60 volunteers cleaned the sand.",
    }
    assert group_figures(mentions_of(texts), {}) == []


def test_counts_with_no_event_that_disagree_are_not_said_to_differ() -> None:
    # nothing says 112 and 95 ballots count the same thing: no "differ", only the agreeing pair is a group
    texts = {
        "a": "The recount found 112 ballots in the sealed box.",
        "b": "Clerks set aside 95 ballots from the annexe.",
        "c": "Observers said 112 ballots were in the box.",
    }
    [fig] = group_figures(mentions_of(texts), {})
    assert (fig.about, fig.verdict, sorted(v.evidence.article for v in fig.values)) == (
        "ballots", "agree", ["a", "c"])


def test_generic_counts_with_no_event_are_never_grouped() -> None:
    texts = {"a": "About 200 people watched from the bridge.", "b": "About 200 people waited at the gate."}
    assert group_figures(mentions_of(texts), {}) == []


def test_people_join_the_specific_class_of_the_same_event_they_agree_with() -> None:
    texts = {
        "a": "Around 2,000 residents were evacuated from the island.",
        "b": "Some 2,000 people were evacuated by ferry.",
    }
    [fig] = group_figures(mentions_of(texts), {})
    assert (fig.about, fig.verdict, len(fig.values)) == ("residents evacuated", "agree", 2)
    # a count that does not agree stays where it was: neither class then has two reports
    texts["b"] = "Some 5,000 people were evacuated by ferry."
    assert group_figures(mentions_of(texts), {}) == []


def test_a_count_with_no_event_joins_the_event_class_of_its_noun_it_agrees_with() -> None:
    texts = {
        "a": "About 300 nurses went on strike at the city hospitals.",
        "b": "Nearly 300 nurses picketed the ministry.",
    }
    [fig] = group_figures(mentions_of(texts), {})
    assert (fig.about, fig.verdict, len(fig.values)) == ("workers on strike", "agree", 2)


def test_counts_of_different_quantities_of_one_noun_do_not_merge() -> None:
    texts = {
        "a": "The army has assembled 40,000 soldiers near the pass.",
        "b": "About 8,000 soldiers crossed the river at night.",
    }
    assert group_figures(mentions_of(texts), {}) == []


def test_scale_readings_group_across_outlets_and_another_reading_stays_out() -> None:
    texts = {
        "a": "A magnitude 5.9 tremor hit the coast; the largest aftershock was of magnitude 4.2.",
        "b": "The 5.9-magnitude quake cut power to the port.",
        "c": "It registered 5.9 on the Richter scale, seismologists said.",
    }
    [fig] = group_figures(mentions_of(texts), {})
    assert (fig.about, fig.verdict) == ("magnitude", "agree")
    assert sorted((v.evidence.article, v.value) for v in fig.values) == [("a", 5.9), ("b", 5.9), ("c", 5.9)]


def test_a_toll_update_across_reports_is_updated() -> None:
    texts = {
        "day1": "At least 41 people were killed by Sunday's landslide, officials said.",
        "day3": "The death toll from Sunday's landslide in the two villages rose to 58 on Tuesday.",
    }
    dates = {"day1": "2024-10-07", "day3": "2024-10-09"}
    mentions = [m for aid, text in texts.items() for m in find_figures(art(text, aid, published=dates[aid]))]
    [fig] = group_figures(mentions, dates)
    assert (fig.about, fig.verdict) == ("people killed", "updated")
    # the later count is as of the day named next to it (Tuesday), not the landslide's Sunday
    assert [(v.value, v.as_of) for v in fig.values] == [(41, "2024-10-06"), (58, "2024-10-08")]


# --- the seed articles (read from the shared folder, never copied) ----------------------------------------

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def test_seed_articles_give_the_expected_figure_groups() -> None:
    seeds = SHARED / "seeds"
    gold_path = SHARED / "acceptance" / "seeds.gold.json"
    if not seeds.is_dir() or not gold_path.is_file():
        pytest.skip("shared seed articles not present")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles = [
        Article(p.stem, str(p), p.read_text(encoding="utf-8"),
                published=gold.get("articles", {}).get(p.stem, {}).get("published"))
        for p in sorted(seeds.glob("*.txt"))
    ]
    mentions = [m for a in articles for m in find_figures(a)]
    figures = group_figures(mentions, {a.id: a.published for a in articles})
    for want in gold["figures"]:
        ok = False
        for f in figures:
            per_value: dict[float, set[str]] = {}
            for v in f.values:
                per_value.setdefault(float(v.value), set()).add(v.evidence.article)
            if f.verdict in want["verdict"] and all(
                len(per_value.get(float(value), set()) & set(spec["articles"]))
                >= spec.get("min", len(spec["articles"]))
                for value, spec in want["values"].items()
            ):
                ok = True
        assert ok, (want["name"], [(f.about, f.verdict, [v.value for v in f.values]) for f in figures])


# --- round 3: tolls named by a longer phrase, counts on board, rate changes, owners of % and money -----


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The number of people confirmed dead in Monday's bus crash on the mountain road outside the old "
         "mining town rose to 23 on Wednesday.", (23, "killed")),
        ("The number of known dead from the mine blast has climbed to 31.", (31, "killed")),
        ("Mine death toll rises to 31 as rescuers reach lower shaft", (31, "killed")),
        ("The number of dead reported in the region stands at 14.", (14, "killed")),
    ],
)
def test_a_toll_phrase_hands_its_event_across_a_long_modifier(text: str, want: tuple[float, str]) -> None:
    got = [(m.value, m.event) for m in read(text)]
    assert want in got


@pytest.mark.parametrize(
    "text",
    [
        "The number of people confirmed as volunteers rose to 230 by Friday.",
        "The number of buses serving the valley rose to 230 last year.",
    ],
)
def test_a_number_of_something_else_is_not_a_toll(text: str) -> None:
    assert all(m.event != "killed" for m in read(text))


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The coach, carrying about 60 pilgrims, left the highway near the pass.", "pilgrims"),
        ("The barge had some 300 people on board when it hit the bridge pier.", "people"),
        ("It sank in the estuary with 45 passengers aboard.", "passengers"),
        ("A river boat ferrying nearly 90 students capsized in the storm.", "students"),
    ],
)
def test_people_on_board(text: str, counted: str) -> None:
    assert [(m.counted, m.event) for m in read(text) if m.value >= 40] == [(counted, "on board")]


@pytest.mark.parametrize(
    "text",
    [
        "The barge, licensed to carry 150 passengers, was badly overloaded.",
        "The new coach is capable of carrying 70 passengers.",
        "The hall has seats for 400 people.",
    ],
)
def test_a_capacity_is_not_a_count_on_board(text: str) -> None:
    assert all(m.event != "on board" for m in read(text))


def test_taken_from_the_water_is_a_rescue() -> None:
    assert classes("Anglers pulled 14 people from the water before the coastguard arrived.") == [
        (14, "people", "rescued")]
    # negative: a place of origin is not where anyone was pulled from
    assert classes("Some 14 people from the town joined the search.")[0][2] != "rescued"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The central bank in Accra raised its policy rate by 50 basis points to 29%.",
         [(0.5, "percentage points", "raised"), (29, "rate (percent)", None)]),
        ("The monetary board cut the benchmark rate by a quarter-point to 6.5 per cent.",
         [(0.25, "percentage points", "cut"), (6.5, "rate (percent)", None)]),
        ("Traders now price in a half-point hike in June.", [(0.5, "percentage points", "raised")]),
        ("The bank held the base rate at 4.75% for a third meeting.", [(4.75, "rate (percent)", None)]),
    ],
)
def test_rate_changes_and_levels(text: str, want: list[tuple[float, str, str | None]]) -> None:
    assert classes(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # no "by" after a rate verb: a move of something else, with no event
        ("Inflation rose 0.3 percentage points in March.", (0.3, "percentage points", None)),
        ("The ruling party's lead widened by 4 percentage points.", (4, "percentage points", None)),
        # a percentage of no listed noun stays a bare percentage
        ("Unemployment climbed to 6% in the capital.", (6, "percent", None)),
        # money with no amount noun stays bare
        ("The storm caused $3bn in damage.", (3e9, "USD", None)),
        ("It revised the $2m figure it gave on Monday.", (2e6, "USD", None)),
    ],
)
def test_what_gets_no_rate_event_or_owner(text: str, want: tuple[float, str, str | None]) -> None:
    assert classes(text) == [want]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The ministry unveiled a $40m reconstruction fund for the valley.", "fund (USD)"),
        ("The rescue package would total €12bn, the finance minister said.", "package (EUR)"),
        ("Creditors agreed a bailout worth $7.5bn.", "bailout (USD)"),
    ],
)
def test_money_takes_the_noun_it_sizes(text: str, counted: str) -> None:
    [m] = read(text)
    assert (m.counted, m.sized) == (counted, True)


def test_the_size_of_one_named_thing_is_updated_across_reports() -> None:
    texts = {
        "a": "The government announced a $1.2bn flood recovery package on Monday.",
        "b": "The flood recovery package would total $1.5bn, the treasury said.",
        "c": "Parliament approved a $1.5bn recovery package.",
    }
    [fig] = group_figures(mentions_of(texts), {"a": "2023-03-06", "b": "2023-03-08", "c": "2023-03-09"})
    assert (fig.about, fig.verdict) == ("package (USD)", "updated")
    assert sorted((v.value, v.evidence.article) for v in fig.values) == [
        (1.2e9, "a"), (1.5e9, "b"), (1.5e9, "c")]


def test_levels_of_a_rate_are_only_grouped_where_they_agree() -> None:
    # The old and the new level are both true: two agreeing figures, never one that differs.
    texts = {
        "a": "The bank cut its key rate by a quarter-point to 6.5%. It had held the rate at 6.75% since May.",
        "b": "Policymakers lowered the key rate by 25 basis points to 6.5%, having kept the rate at 6.75%.",
    }
    figs = group_figures(mentions_of(texts), {"a": "2023-06-01", "b": "2023-06-02"})
    got = sorted((f.about, f.verdict, sorted({v.value for v in f.values})) for f in figs)
    assert got == [("percentage points cut", "agree", [0.25]), ("rate (percent)", "agree", [6.5]),
                   ("rate (percent)", "agree", [6.75])]


def test_an_owner_noun_one_report_gives_is_not_a_group() -> None:
    texts = {"a": "The city set up a $5m relief fund.", "b": "Donors have given $5m so far."}
    assert group_figures(mentions_of(texts), {}) == []


# --- terms, measured amounts, money with its event, looking back -------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("A court sentenced the former harbour master to six years in prison on Monday.", (6.0, "prison term (years)")),
        ("He was handed a 6-year prison term for taking bribes.", (6.0, "prison term (years)")),
        ("The judge jailed him for six years.", (6.0, "prison term (years)")),
        ("Her partner received a three-year suspended sentence.", (3.0, "suspended sentence (years)")),
        ("He is also banned from holding public office for ten years.", (10.0, "ban (years)")),
        ("The club was given an 18-month ban from European competition.", (1.5, "ban (years)")),
    ],
)
def test_terms_a_court_sets_are_scales(text: str, want: tuple[float, str]) -> None:
    m = only(text)
    assert (m.value, m.counted, m.event) == (*want, None)


@pytest.mark.parametrize(
    "text",
    ["The bridge took six years to build.", "The mine closed 20 years ago.", "A 12-year-old boy was rescued.",
     "Talks lasted three months before the strike ended."],
)
def test_durations_without_a_term_are_not_figures(text: str) -> None:
    assert not [m for m in read(text) if "years" in m.counted]


def test_the_nearest_term_word_names_a_duration() -> None:
    got = classes("He was sentenced to nine years in prison and barred from office for twelve years.")
    assert got == [(9.0, "prison term (years)", None), (12.0, "ban (years)", None)]


def test_outlets_terms_agree_and_a_prosecutors_demand_is_its_own_figure() -> None:
    texts = {"a": "The court sentenced the former mayor to seven years in prison.",
             "b": "The ex-mayor was handed a 7-year prison term.",
             "c": "The former mayor was jailed for seven years."}
    [fig] = group_figures(mentions_of(texts), {"a": None, "b": None, "c": None})
    assert fig.verdict == "agree" and {v.value for v in fig.values} == {7.0}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Gauges recorded about 120 mm of rain overnight.", (120.0, "millimetres")),
        ("The blaze has burned 8 400 ha of forest.", (8400.0, "hectares")),
        ("The spill covered 14 km of coastline.", (14.0, "kilometres")),
        ("Inspectors seized 3 tonnes of counterfeit medicine.", (3.0, "tonnes")),
    ],
)
def test_measured_amounts_and_their_abbreviations(text: str, want: tuple[float, str]) -> None:
    m = only(text)
    assert (m.value, m.counted) == want


def test_a_number_of_people_announced_by_any_event_form() -> None:
    got = classes("The number of people forced from their homes by the mudslides has risen to 950, officials said.")
    assert got == [(950.0, "people", "evacuated")]


def test_money_with_its_event_is_compared_and_money_without_one_is_not() -> None:
    texts = {"a": "The treasurer was convicted of embezzling $4.1m from the port fund.",
             "b": "Prosecutors said he siphoned off $4.1 million over six years.",
             "c": "Auditors found that he had misappropriated $3.2 million, not the sum in the indictment.",
             "d": "The port fund holds $4.1 million in reserves."}
    [fig] = group_figures(mentions_of(texts), {"a": "2031-02-01", "b": "2031-02-01", "c": "2031-02-01", "d": None})
    assert fig.verdict == "differ"
    assert {v.evidence.article for v in fig.values} == {"a", "b", "c"}


def test_a_count_the_article_calls_earlier_is_not_its_report() -> None:
    texts = {"a": "Flames destroyed at least 40 homes on the hillside.",
             "b": "About 40 homes were destroyed, firefighters said.",
             "c": "Assessors have counted 73 homes destroyed, almost double the first estimate of 40 homes."}
    [fig] = group_figures(mentions_of(texts), {"a": "2031-07-01", "b": "2031-07-01", "c": "2031-07-03"})
    assert fig.verdict == "updated"
    assert [v.evidence.article for v in fig.values if v.value == 40] == ["a", "b"]


def test_a_count_shares_the_event_told_after_its_place_names_and_a_second_count() -> None:
    got = classes("About 2,000 residents of Marrow Point and two nearby villages were evacuated on Sunday.")
    assert got[0] == (2000.0, "residents", "evacuated")


def test_turnout_is_one_outcome_so_outlets_that_differ_on_it_differ() -> None:
    texts = {"a": "Turnout was 64.2%, the electoral commission said.",
             "b": "Turnout reached 64.2 per cent, officials said.",
             "c": "The real turnout in the referendum was 59.8 percent, once overseas voters are counted."}
    [fig] = group_figures(mentions_of(texts), {"a": "2031-05-02", "b": "2031-05-02", "c": "2031-05-02"})
    assert fig.verdict == "differ" and sorted(v.value for v in fig.values) == [59.8, 64.2, 64.2]


def test_the_part_of_a_whole_counts_the_whole_s_noun() -> None:
    assert classes("The Greens won 17 of the 60 seats.") == [(17.0, "seats", None), (60.0, "seats", None)]


def test_job_losses_and_power_cuts() -> None:
    assert classes("Nearly 900 people will lose their jobs, the union said.") == [(900.0, "jobs", "cut")]
    assert classes("The closure means the loss of 640 jobs.") == [(640.0, "jobs", "cut")]
    assert classes("About 30,000 households were left without electricity.") == [(30000.0, "homes", "without power")]
    # A place's size is no job loss, even next to "lost".
    assert classes("Marrow, a town of about 9,000 people, lost its mill in 1990.") == [(9000.0, "people", None)]


def test_an_exact_count_may_be_rounded_half_down() -> None:
    texts = {"a": "The company will cut 1,150 jobs.", "b": "The company is eliminating about 1,100 jobs."}
    [fig] = group_figures(mentions_of(texts), {"a": "2031-05-02", "b": "2031-05-02"})
    assert fig.verdict == "agree"


def test_a_source_by_whose_count_a_figure_is() -> None:
    [m] = read("By the union's count, nearly 1,400 people will lose their jobs.")
    assert m.attributed_to == "the union"


def test_crowd_estimates_that_differ_by_source() -> None:
    texts = {"a": "Police put the crowd at 9,000.", "b": "Organisers said some 30,000 people took part in the march.",
             "c": "Police estimated the crowd at about 9,000, while the organisers spoke of 30,000 marchers."}
    [fig] = group_figures(mentions_of(texts), {k: "2031-04-02" for k in texts})
    assert fig.verdict == "differ" and sorted({v.value for v in fig.values}) == [9000.0, 30000.0]


def test_a_part_the_same_article_gives_is_no_rival_reading() -> None:
    texts = {"a": "Police said 23 people were arrested; at least two people were arrested for assault.",
             "b": "Police reported two dozen arrests on Thursday.",
             "c": "Police said on Friday that 31 people had been arrested."}
    [fig] = group_figures(mentions_of(texts), {"a": "2031-04-02", "b": "2031-04-02", "c": "2031-04-03"})
    assert fig.verdict == "updated" and 2.0 not in {v.value for v in fig.values}


def test_officers_on_duty_and_a_financial_loss_is_no_job_cut() -> None:
    assert classes("About 1,500 officers were on duty.") == [(1500.0, "police officers", "deployed")]
    assert classes("The company posted a loss of $31 million.") == [(31e6, "USD", None)]


def test_breaches_ransoms_and_cancellations() -> None:
    assert classes("The records of up to 80,000 customers may have been accessed.") == [
        (80000.0, "customers", "data exposed")]
    assert classes("The gang demanded a ransom of $2 million.") == [(2e6, "USD", "demanded")]
    assert classes("Some 140 operations were postponed.") == [(140.0, "operations", "cancelled or postponed")]
    texts = {"a": "The airline cancelled 126 flights.", "b": "Strikes forced it to cancel about 120 flights."}
    [fig] = group_figures(mentions_of(texts), {"a": "2031-02-01", "b": "2031-02-02"})
    assert fig.verdict == "agree"  # 126 is "about 120" to a reader


def test_a_figure_compared_against_is_no_report() -> None:
    got = read("Hackers stole the data of 30,000 customers, far fewer than the 90,000 the firm had feared.")
    assert [(m.value, m.earlier) for m in got] == [(30000.0, False), (90000.0, True)]


def test_a_relative_clause_further_on_tells_of_a_nearer_noun() -> None:
    text = ("Nine people died. An inspection found cracks in two of the piers of the viaduct and recommended repairs "
            "that were never executed.")
    assert [(m.value, m.event) for m in find_figures(Article(id="a", source="a", text=text))] == [(9.0, "killed")]
    # Right after the count, the relative clause is the count's own.
    [m] = find_figures(Article(id="a", source="a", text="Police said 300 residents who live by the river were evacuated."))
    assert (m.value, m.event) == (300.0, "evacuated")


def test_counts_as_of_one_day_are_ordered_by_the_days_of_their_reports() -> None:
    # The toll of four is given on the 15th; the next day's report says it rose to nine on the 15th's night.
    arts = [
        Article(id="a", source="a", text="At least four people died when the footbridge fell.", published="2031-05-15"),
        Article(id="b", source="b", text="The toll rose to nine people dead on Thursday night, officials said.",
                published="2031-05-16"),
    ]
    mentions = [m for a in arts for m in find_figures(a)]
    dates = {a.id: a.published for a in arts}
    [fig] = group_figures(mentions, dates)
    assert [v.as_of for v in fig.values] == ["2031-05-15", "2031-05-15"] and fig.verdict == "updated"
    # Two reports of the same day that disagree still differ: nothing orders them.
    arts[1] = Article(id="b", source="b", text="The toll rose to nine people dead, officials said.",
                      published="2031-05-15")
    [fig] = group_figures([m for a in arts for m in find_figures(a)], {a.id: a.published for a in arts})
    assert fig.verdict == "differ"


# --- outbreaks, money taken and recovered, crews, history (invented sentences) ------------------------


def _group(*reports: tuple[str, str, str]) -> list:
    arts = [Article(id=aid, source=aid, text=text, published=day) for aid, text, day in reports]
    return group_figures([m for a in arts for m in find_figures(a)], {a.id: a.published for a in arts})


def test_case_counts_in_an_outbreak_are_infections_however_they_were_recorded() -> None:
    text = "The dengue outbreak has sickened 80 people. Officials said 95 cases were confirmed by Friday."
    assert [(m.value, m.counted, m.event) for m in read(text)] == [
        (80.0, "people", "infected"), (95.0, "cases", "infected")]
    figs = _group(("a", "A measles outbreak has now reached 120 cases, the ministry said.", "2031-02-01"),
                  ("b", "Health officials have recorded 164 cases since the outbreak began.", "2031-02-03"))
    assert [(f.about, f.verdict) for f in figs] == [("cases", "updated")]


def test_cases_of_two_diseases_stay_apart_and_court_cases_are_no_outbreak() -> None:
    figs = _group(("a", "The epidemic has reached 120 typhoid cases.", "2031-02-01"),
                  ("b", "The epidemic has reached 300 cases of dengue.", "2031-02-03"))
    assert figs == []
    # A report that names no disease joins the one disease the others name.
    figs = _group(("a", "The epidemic has reached 120 typhoid cases.", "2031-02-01"),
                  ("b", "The epidemic has now reached 185 cases.", "2031-02-03"))
    assert [(f.about, f.verdict) for f in figs] == [("typhoid cases", "updated")]
    # No word of an outbreak: "cases" are a court's, counted with no event.
    assert classes("The court heard 300 cases last month, the registrar said.") == [(300.0, "cases", None)]


def test_deaths_joined_to_cases_are_people_and_lend_no_event() -> None:
    text = "In the cholera outbreak, 410 cases and 12 deaths were registered on Monday."
    assert [(m.value, m.counted, m.event) for m in read(text)] == [
        (410.0, "cases", "infected"), (12.0, "people", "killed")]


def test_lives_claimed_are_the_dead_but_a_claim_is_no_killing() -> None:
    assert classes("The landslide has claimed 23 lives in the hill villages.") == [(23.0, "people", "killed")]
    assert classes("Organisers claimed 3,000 people joined the rally.")[0][2] != "killed"


def test_counts_compared_against_are_earlier_reports() -> None:
    text = "By Wednesday 310 cases and 15 deaths were recorded, against 250 cases and 11 deaths the day before."
    assert [(m.value, m.earlier) for m in read(text)] == [
        (310.0, False), (15.0, False), (250.0, True), (11.0, True)]


def test_a_past_year_makes_a_count_history() -> None:
    text = "The last big flood, in 2009, killed more than 60 people. The new flood has killed 12 people."
    assert [(m.value, m.earlier) for m in read(text, "2031-06-01")] == [(60.0, True), (12.0, False)]
    assert [m.earlier for m in read("The carrier flew 4.2 million passengers last year.")] == [True]
    assert [m.earlier for m in read("In 2027, the fund lost $40m.", "2031-06-01")] == [True]
    # A year that is not past, or one inside a clause about something else, is no history.
    assert [m.earlier for m in read("Police arrested 40 people, in 2031, at the port.", "2031-06-01")] == [False]
    assert [m.earlier for m in read("The 180-metre viaduct, which was built in 1971, fell.", "2031-06-01")] == [False]
    assert [m.earlier for m in read("About 290 mm of rain fell, the most since records began in 1950.",
                                    "2031-06-01")] == [False]


def test_crew_is_a_count_of_its_own_and_a_part_of_the_passengers_gives_way() -> None:
    text = "The jet was carrying 212 passengers and seven crew when it landed."
    assert [(m.value, m.counted, m.event) for m in read(text)] == [
        (212.0, "passengers", "on board"), (7.0, "crew", "on board")]
    figs = _group(("a", "The ferry was carrying 212 passengers.", "2031-03-01"),
                  ("b", "All 212 passengers got off safely. A later boat left with 150 of the passengers on board.",
                   "2031-03-01"))
    assert [(f.about, f.verdict, [v.value for v in f.values]) for f in figs] == [
        ("passengers on board", "agree", [212.0, 212.0])]


def test_money_taken_and_money_recovered_are_two_figures() -> None:
    text = ("The broker took $12.5 million from pensioners. Police have so far recovered $2.1 million, "
            "and a further $400,000 was recovered from a safe.")
    assert [(m.value, m.event) for m in read(text)] == [
        (12_500_000.0, "embezzled"), (2_100_000.0, "recovered"), (400_000.0, "recovered")]
    assert classes("She conned 900 pensioners out of $3m.")[-1] == (3_000_000.0, "USD", "embezzled")
    # "took" and "recovered" before a count of anything but money tell of no money.
    assert classes("The rebels took 30 prisoners.")[0][2] is None
    assert classes("Divers recovered 14 bodies from the lake.")[0][2] != "recovered"


def test_a_converted_amount_takes_the_event_of_the_sum_it_converts() -> None:
    text = "The clerk stole €4.2 million (about £3.6 million) from the council, and paid a £20,000 fine."
    assert [(m.value, m.counted, m.event) for m in read(text)] == [
        (4_200_000.0, "EUR", "embezzled"), (3_600_000.0, "GBP", "embezzled"), (20_000.0, "fine (GBP)", None)]


def test_a_money_event_is_not_inherited_by_a_count_of_people() -> None:
    text = "The pilot diverted to the nearest airport. All 140 passengers left by the slides."
    assert [(m.value, m.event) for m in read(text)] == [(140.0, None)]


def test_investors_are_those_who_invested() -> None:
    figs = _group(("a", "The scheme's founder told 870 investors the homes were being built.", "2031-04-01"),
                  ("b", "Their association says more than 1,600 people put money into the scheme.", "2031-04-01"))
    assert [(f.about, f.verdict) for f in figs] == [("investors", "differ")]
