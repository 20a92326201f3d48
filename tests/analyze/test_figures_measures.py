"""Figures that the counted-noun-and-event reading alone misses: an event phrase with a second count inside
it, measures of one state (how long, how deep), "the real figure" referring back, and parts of a whole
in a named place.

Every sentence here is invented: cave rescues, ferries, strikes, recalls, storms.
"""

from __future__ import annotations

import pytest

from newsprism.analyze.figures import find_figures, group_figures
from newsprism.model import Figure

from .figuring import art, classes, read


def grouped(reports: dict[str, tuple[str, str]]) -> list[Figure]:
    """Articles by id → (published day, text), grouped."""
    mentions = [m for aid, (day, text) in reports.items() for m in find_figures(art(text, aid, day))]
    return group_figures(mentions, {aid: day for aid, (day, _) in reports.items()})


def values(figure: Figure) -> list[tuple[float, str]]:
    return sorted((round(v.value, 3), v.evidence.article) for v in figure.values)


# --- an event phrase with another count inside it ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("By noon 8,200 people were sheltering in 64 evacuation centres across the delta.",
         [(8200, "people", "evacuated"), (64, "centres", None)]),
        ("About 1,900 villagers moved into 23 shelters overnight.",
         [(1900, "residents", "evacuated"), (23, "shelters", None)]),
        ("Officials said 640 holidaymakers were taken to 9 shelters on the ridge.",
         [(640, "holidaymakers", "evacuated"), (9, "shelters", None)]),
    ],
)
def test_an_event_phrase_may_hold_another_count(text: str, want: list) -> None:
    assert classes(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the event is told of the inner count alone: the guests were not evacuated
        ("Some 200 guests in 12 hotels that were evacuated complained about the noise.",
         [(200, "guests", None), (12, "hotels", "evacuated")]),
        # two counts of different things, each with its own event, stay apart
        ("Crews rescued 35 sailors from 6 boats and 40 trawlers were damaged.",
         [(35, "sailors", "rescued"), (6, "boats", "damaged"), (40, "trawlers", "damaged")]),
        # an inner count with a unit is no part of an event phrase
        ("About 300 traders lost $2 million in the fire.", [(300, "traders", None), (2_000_000, "USD", None)]),
    ],
)
def test_an_inner_count_lends_no_event_it_does_not_stand_in(text: str, want: list) -> None:
    assert classes(text) == want


# --- how long, how deep: measures of one state ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The cavers spent about 70 hours trapped 85 metres below ground.",
         [(70, "time trapped (hours)", None), (85, "depth trapped (metres)", None)]),
        ("Four divers were trapped for nearly three days.", [(4, "divers", None), (72, "time trapped (hours)", None)]),
        ("The yacht crew were adrift for 11 days before a tanker saw them.", [(264, "time adrift (hours)", None)]),
        ("The villages were without power for 36 hours.", [(36, "time without power (hours)", None)]),
        ("Two climbers were stranded for 40 hours on the north face.", [(40, "time stranded (hours)", None)]),
        # a depth in feet is read in metres; "at a depth of" comes before the number
        ("The diver was trapped at a depth of 100 feet.", [(30.48, "depth trapped (metres)", None)]),
        # a stretch a preposition introduces takes the one state its sentence names
        ("All nine potholers trapped in the flooded cave were freed, ending an ordeal of 60 hours.",
         [(9, "potholers", "released"), (60, "time trapped (hours)", None)]),
        # a depth with no state is a depth of something unnamed
        ("The new well is 400 metres deep.", [(400, "depth (metres)", None)]),
    ],
)
def test_measures_of_a_state(text: str, want: list) -> None:
    assert classes(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Almost exactly 30 hours later, the first team broke through.",  # a point in time, not a stretch
        "The union called a 48-hour stoppage at the port.",
        "The talks were held for six hours.",  # held, but not captive
        "Divers worked 8 hours underground each shift.",  # no state word
        "The trapped men were reached after 20 hours and the missing guide after two days.",  # two states
        "Engineers laid 300 metres of new track.",  # a length, not a depth
    ],
)
def test_durations_and_lengths_with_no_state_are_no_figures(text: str) -> None:
    assert [m for m in read(text) if m.counted.startswith(("time", "depth"))] == []


def test_a_depth_updated_by_later_reports() -> None:
    figures = grouped({
        "w": ("2024-02-05", "On Monday rescuers tried to reach five cavers trapped about 120 metres underground."),
        "x": ("2024-02-07", "The cavers had been trapped 160 metres below ground, deeper than first thought."),
        "y": ("2024-02-08", "The five spent about 60 hours trapped 160 metres below ground."),
    })
    depth = next(f for f in figures if f.about == "depth trapped (metres)")
    assert depth.verdict == "updated"
    assert values(depth) == [(120, "w"), (160, "x"), (160, "y")]


def test_times_of_one_state_agree() -> None:
    figures = grouped({
        "x": ("2024-02-07", "The cavers were freed after nearly 60 hours trapped in the flooded cave."),
        "y": ("2024-02-08", "The five spent about 60 hours trapped below ground."),
    })
    time = next(f for f in figures if f.about == "time trapped (hours)")
    assert (time.verdict, values(time)) == ("agree", [(60, "x"), (60, "y")])


def test_depths_of_different_things_are_not_merged() -> None:
    figures = grouped({
        "x": ("2024-02-07", "The cavers were trapped 160 metres below ground. The rescue shaft is 90 metres deep."),
        "y": ("2024-02-07", "The cavers were trapped 160 metres underground. A second shaft is 70 metres deep."),
    })
    by_about = {f.about: f for f in figures}
    assert values(by_about["depth trapped (metres)"]) == [(160, "x"), (160, "y")]
    # depths with no state to anchor them are compared only where they agree: no group says they differ
    assert all(f.verdict == "agree" for f in figures)
    assert not any(f.about == "depth (metres)" for f in figures)


def test_the_time_of_one_state_is_not_the_time_of_another() -> None:
    figures = grouped({
        "x": ("2024-02-07", "The climbers were stranded for 40 hours on the ridge."),
        "y": ("2024-02-07", "The climbers were trapped for 40 hours in the crevasse."),
    })
    assert figures == []


# --- which day a figure is as of --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the day in a clause of what came before dates that, not the count: the article's own day
        ("About 400 people have been evacuated since the dam failed on Monday.", "2024-03-08"),
        ("The death toll reached 31 after the ferry sank on Tuesday.", "2024-03-08"),
        # a clause of what came before that stands before the figure may hold it: left as it was
        ("After the storm hit on Monday, packing winds of 150 km/h, 2,000 residents were evacuated.", "2024-03-04"),
        # a day of its own still dates the count
        ("The death toll reached 31 on Thursday after the ferry sank on Tuesday.", "2024-03-07"),
        # the count inside that clause is dated by it
        ("The army was sent in after 40 people were killed on Monday.", "2024-03-04"),
    ],
)
def test_a_day_in_a_clause_of_what_came_before_does_not_date_the_count(text: str, want: str) -> None:
    mentions = [m for m in read(text, "2024-03-08") if m.value >= 3]
    as_of = mentions[0].as_of or "2024-03-08"  # no day in the sentence: the article's date, when grouped
    assert as_of == want


# --- "the real figure": a count that refers back ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The ministry said 40 soldiers were killed.\n\nBut the rebels said the real figure was nearly 300.",
         [(40, "soldiers", "killed"), (300, "soldiers", "killed")]),
        ("Police said 2,000 protesters marched, though organisers put the number at 10,000.",
         [(2000, "protesters", "protested"), (10000, "protesters", "protested")]),
        ("The airline said 120 flights were cancelled. Unions say the true total is closer to 200.",
         [(120, "flights", "cancelled or postponed"), (200, "flights", "cancelled or postponed")]),
    ],
)
def test_the_figure_refers_back_to_the_last_count_with_an_event(text: str, want: list) -> None:
    assert classes(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The figure was 40 percent.", [(40, "percent", None)]),  # a share is no count of the earlier class
        ("The total was 300.", [(300, "people", None)]),  # nothing to refer back to
        ("About 80 homes were destroyed.\n\nThe real figure was 300 chairs, the dealer said.",
         [(80, "homes", "destroyed"), (300, "chairs", None)]),  # a noun of its own wins
        ("About 80 homes were destroyed.\n\nThe number of schools is 40.",
         [(80, "homes", "destroyed"), (40, "people", None)]),  # "number of" names its own noun
    ],
)
def test_a_figure_that_does_not_refer_back(text: str, want: list) -> None:
    assert classes(text) == want


def test_a_rival_figure_from_another_source_differs() -> None:
    figures = grouped({
        "x": ("2024-06-03", "The carrier said 1,150 jobs will go at the plant."),
        "y": ("2024-06-03", "The firm will close the plant, eliminating about 1,100 jobs."),
        "z": ("2024-06-03", "The firm says 1,150 jobs will go.\n\nThe union said the real figure was nearly 1,400."),
    })
    jobs = next(f for f in figures if f.about == "jobs cut")
    assert jobs.verdict == "differ"
    assert values(jobs) == [(1100, "y"), (1150, "x"), (1150, "z"), (1400, "z")]


# --- a part of a whole, in a place --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The brewer recalled 90,000 kegs. Of the kegs affected, 12,000 were sold in Britain.",
         [(90000, "kegs", "recalled"), (12000, "kegs", "recalled in United Kingdom")]),
        ("Some 14,000 of the recalled scooters are in the UK, the regulator said.",
         [(14000, "scooters", "recalled in United Kingdom")]),
        ("About 3,000 of the recalled scooters were sold across the U.S.",
         [(3000, "scooters", "recalled in United States")]),
        ("Of the 300 people evacuated, 120 were in Lyon.",
         [(300, "people", "evacuated"), (120, "people", "evacuated in Lyon")]),
        ("Of the passengers rescued, 40 were Dutch.", [(40, "passengers", "rescued in Netherlands")]),
    ],
)
def test_a_part_of_a_whole_in_a_place(text: str, want: list) -> None:
    assert classes(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # no place: the event still belongs to the whole
        ("Five of the derailed wagons held diesel.", [(5, "wagons", None)]),
        # not a place: an adjective that names none, after a linking verb
        ("Of the passengers rescued, 40 were Catholic pilgrims.", [(40, "people", None)]),
        # a count that is no part of a whole keeps its class: a place splits nothing else
        ("Officials said 300 people were killed in Gaza.", [(300, "people", "killed")]),
    ],
)
def test_no_place_or_no_part_keeps_the_old_reading(text: str, want: list) -> None:
    assert classes(text) == want


def test_parts_in_one_place_are_compared_and_kept_apart_from_the_whole_and_other_places() -> None:
    figures = grouped({
        "x": ("2024-04-02", "The maker recalled 90,000 scooters. Of the scooters affected, 12,000 were sold in "
                            "Britain and 30,000 of the recalled scooters are in Germany."),
        "y": ("2024-04-02", "The maker is recalling about 90,000 scooters. Some 15,000 of the recalled scooters "
                            "are in the UK, the regulator said."),
        "z": ("2024-04-02", "About 30,000 of the recalled scooters were sold in Germany."),
    })
    by_about = {f.about: f for f in figures}
    assert (by_about["scooters recalled"].verdict, values(by_about["scooters recalled"])) == (
        "agree", [(90000, "x"), (90000, "y")])
    uk = by_about["scooters recalled in United Kingdom"]
    assert (uk.verdict, values(uk)) == ("differ", [(12000, "x"), (15000, "y")])
    germany = by_about["scooters recalled in Germany"]
    assert (germany.verdict, values(germany)) == ("agree", [(30000, "x"), (30000, "z")])


# --- money and shares of a named thing, lengths of a named thing, spills, searchers ----------------------


def sized(text: str) -> list[tuple[float, str, str | None, bool]]:
    return [(round(m.value, 3), m.counted, m.event, m.sized) for m in read(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a verb that takes the money as its object names it
        ("The council will borrow £340m next year.", (3.4e8, "borrowing (GBP)")),
        ("The province plans to spend $12.5bn in 2027.", (1.25e10, "spending (USD)")),
        # a budget is what is to be spent; a takeover's fee is the value of the deal
        ("Ministers presented a 2027 budget of €9.1bn on Monday.", (9.1e9, "spending (EUR)")),
        ("The club was sold for a fee said to be about €20m.", (2e7, "deal (EUR)")),
        # a word before an aggregate noun narrows it to a part; a whole-word does not
        ("Health spending will rise to €2.4bn next year.", (2.4e9, "health spending (EUR)")),
        ("Education spending, up 6% to $800m, was spared.", (8e8, "education spending (USD)")),
        ("Total spending is projected at $12.5bn.", (1.25e10, "spending (USD)")),
        ("The regional health budget of €2.4bn was frozen.", (2.4e9, "health spending (EUR)")),
    ],
)
def test_money_is_read_as_the_amount_of_the_thing_it_measures(text: str, want: tuple[float, str]) -> None:
    assert [m for m in sized(text) if m[1] != "percent"] == [(*want, None, True)]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The city spent $3m on outside lawyers.", "USD"),  # spent on something: a part, not the spending
        ("Defence is the winner: its budget grows by 5 per cent, to $900m.", "USD"),  # whose budget?
        ("The storm caused $3bn in damage.", "USD"),
        ("The rescue package would total €12bn.", "package (EUR)"),  # a describing word is not a part
    ],
)
def test_money_that_names_no_whole_amount(text: str, counted: str) -> None:
    assert [m[1] for m in sized(text) if m[1] != "percent"] == [counted]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The budget deficit is forecast at 2.8% of GDP.", (2.8, "deficit (percent)", None, False)),
        ("The deficit would narrow only slightly, to 2.8 per cent of output.", (2.8, "deficit (percent)", None, False)),
        ("The fund bought a 45% stake in the airline.", (45, "stake (percent)", None, False)),
        ("She keeps a 20 per cent holding in the firm.", (20, "stake (percent)", None, False)),
        # a change, a growth rate and a bare share name no owner
        ("Ministers are raising health spending by 9 percent.", (9, "percent", None, False)),
        ("Growth is forecast at 1.2% next year.", (1.2, "percent", None, False)),
        ("She keeps the remaining 20%.", (20, "percent", None, False)),
    ],
)
def test_a_share_is_read_as_the_share_of_the_thing_it_sizes(text: str, want: tuple) -> None:
    assert sized(text) == [want]


def test_a_budgets_spending_and_its_borrowing_stay_apart() -> None:
    figures = grouped({
        "a": ("2024-10-01", "The state will spend €52bn next year and will borrow €6.1bn to cover the gap."),
        "b": ("2024-10-01", "The budget of €52bn means the state must borrow €6.8bn, the treasury said."),
        "c": ("2024-10-01", "Defence spending will rise to €3.9bn while total spending is set at €52bn."),
    })
    got = sorted((f.about, f.verdict, values(f)) for f in figures)
    assert got == [
        ("borrowing (EUR)", "differ", [(6.1e9, "a"), (6.8e9, "b")]),
        ("spending (EUR)", "agree", [(5.2e10, "a"), (5.2e10, "b"), (5.2e10, "c")]),
    ]


def test_a_deficit_and_a_growth_rate_stay_apart() -> None:
    figures = grouped({
        "a": ("2024-10-01", "The deficit will narrow to 2.8% of GDP from 3.3% this year, while growth is forecast at 1.1%."),
        "b": ("2024-10-01", "The deficit is projected at 2.8 per cent of GDP. Growth should reach 1.1 per cent."),
    })
    assert [(f.about, f.verdict, values(f)) for f in figures] == [
        ("deficit (percent)", "agree", [(2.8, "a"), (2.8, "b")])]


def test_shares_of_a_stake_are_grouped_only_where_they_agree() -> None:
    figures = grouped({
        "a": ("2024-05-02", "The group bought a 60% stake; the founder keeps a 40% stake."),
        "b": ("2024-05-02", "The buyers take a 60 per cent stake in the company."),
    })
    assert [(f.about, f.verdict, values(f)) for f in figures] == [
        ("stake (percent)", "agree", [(60, "a"), (60, "b")])]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Engineers closed the 410-metre tunnel.", [(410, "tunnel (metres)", None, True)]),
        ("Oil fouled a 4km stretch of coast.", [(4, "stretch (kilometres)", None, True)]),
        ("The slick now stretches for 9 kilometres along the shore.", [(9, "stretch (kilometres)", None, True)]),
        ("Drivers face a detour of about 30 km.", [(30, "detour (kilometres)", None, True)]),
        # a length of nothing named is no one amount
        ("The village lies 18 km north of the city.", [(18, "kilometres", None, False)]),
        ("The lake rose two metres above its usual level.", [(2, "metres", None, False)]),
        ("Crews laid 90 metres of fence.", [(90, "metres", None, False)]),
    ],
)
def test_a_length_is_the_length_of_the_thing_it_names(text: str, want: list) -> None:
    assert sized(text) == want


def test_the_length_of_one_named_thing_is_updated_across_reports() -> None:
    figures = grouped({
        "a": ("2024-07-01", "Oil fouled a 4km stretch of coast, officials said."),
        "b": ("2024-07-01", "A 4km stretch of beach was closed."),
        "c": ("2024-07-02", "The slick now stretches for 9 kilometres."),
    })
    assert [(f.about, f.verdict, values(f)) for f in figures] == [
        ("stretch (kilometres)", "updated", [(4, "a"), (4, "b"), (9, "c")])]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("About 2,000 litres of diesel had leaked into the canal.", [(2000, "litres", "spilled", False)]),
        ("Some 40 tonnes of grain spilled onto the tracks.", [(40, "tonnes", "spilled", False)]),
        # the same verbs tell nothing of a count of people, or of an amount that stayed in
        ("Thirty prisoners escaped overnight.", [(30, "prisoners", None, False)]),
        ("The tank holds 9,000 litres of fuel.", [(9000, "litres", None, False)]),
    ],
)
def test_an_amount_of_a_substance_that_got_out_is_spilled(text: str, want: list) -> None:
    assert sized(text) == want


def test_two_estimates_of_a_spill_on_one_day_differ() -> None:
    figures = grouped({
        "a": ("2024-02-10", "The operator said about 2,000 litres of diesel had leaked into the canal."),
        "b": ("2024-02-10", "Some 6,000 litres of diesel poured into the canal, the regulator said."),
    })
    assert [(f.about, f.verdict, values(f)) for f in figures] == [
        ("litres spilled", "differ", [(2000, "a"), (6000, "b")])]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("About 150 soldiers, police and volunteers were searching the forest.", (150, "searchers", "searching")),
        ("Some 140 volunteers joined the search at dawn.", (140, "searchers", "searching")),
        ("Nearly 150 people, from divers to farmers, resumed the search.", (150, "searchers", "searching")),
        # a thing searched keeps its own noun; those searched for keep their event
        ("Overnight 40 homes were searched.", (40, "homes", "searching")),
        ("Divers are looking for 11 people still missing.", (11, "people", "missing")),
    ],
)
def test_those_who_search_are_counted_as_searchers(text: str, want: tuple) -> None:
    assert classes(text) == [want]


def test_searchers_agree_across_the_names_outlets_give_them() -> None:
    figures = grouped({
        "a": ("2024-09-03", "About 200 soldiers, police and volunteers were searching the forest."),
        "b": ("2024-09-03", "Some 190 volunteers joined the search at dawn."),
        "c": ("2024-09-04", "Who is searching? Nearly 200 people, from divers to farmers."),
        # in another paragraph, a count of people is not of those searching
        "d": ("2024-09-04", "Divers were searching the lake.\n\nAbout 120 people live in the village."),
    })
    assert [(f.about, f.verdict, values(f)) for f in figures] == [
        ("searchers searching", "agree", [(190, "b"), (200, "a"), (200, "c")])]


def test_lengths_of_nothing_named_group_by_their_unit_where_they_agree() -> None:
    figures = grouped({
        "a": ("2024-03-12", "The epicentre was 18 kilometres north-east of the town."),
        "b": ("2024-03-12", "The epicenter lay 18 km north-east of the town. A bridge 40 km away was shut."),
        "c": ("2024-03-13", "Its epicentre was 25 km from the coast."),
    })
    assert [(f.about, f.verdict, values(f)) for f in figures] == [
        ("kilometres", "agree", [(18, "a"), (18, "b")])]
