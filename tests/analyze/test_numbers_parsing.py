"""Numbers in news text: forms, qualifiers and the things that only look like counts (invented sentences)."""

from __future__ import annotations

import math

import pytest

from newsprism.analyze.numbers import (
    QUALIFIERS,
    find_numbers,
    plausible_range,
    reading_range,
    rounding_step,
    words_value,
)


def values(text: str) -> list[float]:
    return [n.value for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Crews moved 4,500 residents to higher ground.", 4500),
        ("Organisers counted 14 000 runners at the start.", 14000),
        ("Organisers counted 14\u00a0000 runners at the start.", 14000),
        ("Organisers counted 14\u202f000 runners at the start.", 14000),
        ("The union said 13.000 members joined the walkout.", 13000),
        ("Roughly 18k fans queued overnight.", 18000),
        ("The clinic has given 1.2 million doses so far.", 1_200_000),
        ("The clinic has given 1,250,000 doses so far.", 1_250_000),
        ("Twenty-five climbers were stranded on the ridge.", 25),
        ("A dozen fishing boats capsized.", 12),
        ("Two hundred and fifty teachers signed the letter.", 250),
        ("Volunteers planted three thousand trees.", 3000),
        ("Nearly 2m households lost power.", 2_000_000),
        ("The port handled 7.5bn tonnes.", 7_500_000_000),
    ],
)
def test_recognises_common_forms(text: str, want: float) -> None:
    assert values(text) == [want]


@pytest.mark.parametrize(
    "text",
    [
        "The bridge opened in 1993 after years of delay.",
        "Voters still argue about the 2020 election results.",
        "The storm hit on March 3 and again on 14 April 2021.",
        "Officials met on Jan. 12 to discuss the plan.",
        "A 34-year-old cyclist was treated at the scene.",
        "The driver, aged 71, was unhurt.",
        "The vote closed at 6:45 and results came at 7 p.m.",
        "It was the fourth day of the strike.",
        "Call 020 7946 0018 for details.",
        "Call 555-0142 for details.",
        "The home side won 3-1 after extra time.",
        "Cases of COVID-19 were reported again.",
        "The talks lasted 12 hours and the ceasefire 3 days.",
        "A five-day festival began.",
    ],
)
def test_leaves_out_what_only_looks_like_a_count(text: str) -> None:
    assert values(text) == []


def test_list_numbering_is_not_a_count() -> None:
    assert values("Steps:\n1. Close the valve\n2) Call the plant") == []


def test_cryptocurrency_is_money_of_its_own_class() -> None:
    # A ransom told in coins and in dollars is two amounts of two currencies, never one count.
    coins, dollars = find_numbers("The gang wants 30 bitcoin, about $2.1 million, by Friday.")
    assert (coins.unit, coins.value) == ("BTC", 30)
    assert (dollars.unit, dollars.value) == ("USD", 2.1e6)
    [n] = find_numbers("A wallet received 12 BTC on Monday.")
    assert n.unit == "BTC"


def test_a_may_or_march_after_a_count_is_a_verb_not_a_month() -> None:
    assert values("Officials fear 340 may have drowned.") == [340]
    assert values("On 5 May, 200 nurses marched.") == [200]


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Turnout reached 62% in the capital.", "percent", 62),
        ("Turnout reached 62 per cent in the capital.", "percent", 62),
        ("The flood caused $2 billion in damage.", "USD", 2e9),
        ("The club paid €3.5m for the striker.", "EUR", 3.5e6),
        ("The fine was 40,000 pounds.", "GBP", 40000),
    ],
)
def test_percentages_and_money_carry_their_unit(text: str, unit: str, value: float) -> None:
    [n] = find_numbers(text)
    assert (n.unit, n.value) == (unit, value)
    assert text[n.start : n.end].strip().startswith(("$", "€", "6")) or n.unit in ("GBP", "percent")


@pytest.mark.parametrize(
    ("text", "value", "evidence"),
    [
        ("A magnitude 5.9 tremor rattled the coastal towns.", 5.9, "magnitude 5.9"),
        ("The magnitude-7.3 shock toppled a minaret.", 7.3, "magnitude-7.3"),
        ("A 6.1-magnitude quake hit the archipelago.", 6.1, "6.1-magnitude"),
        ("Seismologists put it at a 4.4 magnitude event.", 4.4, "4.4 magnitude"),
        ("The aftershock registered 5.2 on the Richter scale.", 5.2, "5.2 on the Richter scale"),
        ("The strongest aftershock was of magnitude 4.8.", 4.8, "magnitude 4.8"),
        ("A magnitude 7 quake struck offshore.", 7, "magnitude 7"),
    ],
)
def test_a_number_on_a_named_scale_is_a_reading_of_it(text: str, value: float, evidence: str) -> None:
    [n] = find_numbers(text)
    assert (n.unit, n.value, n.step) == ("magnitude", value, 0.1 if value % 1 else 1)
    assert text[n.start : n.end] == evidence


def test_a_scale_reading_keeps_its_qualifier() -> None:
    text = "An estimated magnitude 6.4 quake shook the valley."
    [n] = find_numbers(text)
    assert (n.unit, n.qualifier, text[n.start : n.end]) == ("magnitude", "an estimated", "An estimated magnitude 6.4")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a percentage stays a percentage, even next to the word
        ("Exports fell 6.8 per cent in the quarter.", "percent"),
        ("The magnitude 6.8% rise surprised analysts.", "percent"),
        # the word in its ordinary sense, or a number past the scale's top, is a count
        ("Nobody grasped the magnitude of 40 layoffs at once.", None),
        ("Engineers rated the damage magnitude 12 on their own index.", None),
    ],
)
def test_what_is_not_a_scale_reading(text: str, unit: str | None) -> None:
    [n] = find_numbers(text)
    assert n.unit == unit


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("nearly 9,000 volunteers", "nearly", 8100, 9000),
        ("almost 400 homes", "almost", 360, 400),
        ("more than 20,000 marchers", "more than", 20000, math.inf),
        ("at least 120 passengers", "at least", 120, math.inf),
        ("up to 500 pupils", "up to", None, 500),
        ("fewer than 40 beds", "fewer than", None, 40),
        ("as many as 800 sheep", "as many as", None, 800),
        ("some 2,000 nurses", "some", 1800, 2200),
        ("about 13,000 fans", "about", 12550, 13450),
        ("an estimated 4,000 cattle", "an estimated", 3600, 4400),
        ("4,000 cattle", None, 4000, 4000),
    ],
)
def test_qualifier_becomes_a_range(text: str, qualifier: str | None, low: float | None, high: float) -> None:
    [n] = find_numbers(text)
    assert n.qualifier == qualifier
    assert n.low == (pytest.approx(low) if low is not None else None)
    assert n.high == pytest.approx(high)
    assert text[n.start : n.end].startswith(qualifier or text[:1])


def test_every_qualifier_in_the_table_is_found_before_a_number() -> None:
    for phrase, kind in QUALIFIERS.items():
        [n] = find_numbers(f"Officials said {phrase} 7,000 workers stayed home.")
        assert (n.qualifier, n.kind) == (phrase, kind)


def test_a_qualifier_ending_the_paragraph_before_qualifies_nothing() -> None:
    [n] = find_numbers("Prices rose by about\n\n300 new homes were built.")
    assert (n.qualifier, n.start) == (None, n.num_start)
    [n] = find_numbers("Prices rose by about\n300 euros.")  # a wrapped line is still one phrase
    assert n.qualifier == "about"


def test_qualifier_needs_a_word_boundary() -> None:
    # "Moreover" ends in "over" but qualifies nothing.
    [n] = find_numbers("Moreover 350 homes flooded.")
    assert n.qualifier is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("hundreds of shops", 200, 999),
        ("tens of thousands of protesters", 20_000, 99_999),
        ("dozens of boats", 24, 99),
    ],
)
def test_vague_amounts_are_ranges(text: str, low: float, high: float) -> None:
    [n] = find_numbers(text)
    assert (n.kind, n.low, n.high) == ("vague", low, high)


def test_words_value() -> None:
    assert words_value("two hundred and fifty") == 250
    assert words_value("a dozen") == 12
    assert words_value("three million") == 3_000_000
    assert words_value("forty-two") == 42
    assert words_value("hello") is None


def test_rounding_step_is_the_place_of_the_last_nonzero_digit() -> None:
    assert rounding_step("13,000") == 1000
    assert rounding_step("3,400") == 100
    assert rounding_step("347") == 1
    assert rounding_step("1.5") == pytest.approx(0.1)


def test_open_bounds_close_at_the_next_rounding_step() -> None:
    # "more than 20,000" fits 23,000; "at least 200" does not stretch to 600.
    low, high = plausible_range(20_000, 10_000, "min")
    assert low <= 23_000 <= high
    low, high = plausible_range(200, 100, "min")
    assert not low <= 600 <= high
    assert reading_range(200, 100, "min") == (200, math.inf)
    # "about 13,000" and "about 14,000" are different readings.
    a, b = plausible_range(13_000, 1000, "approx"), plausible_range(14_000, 1000, "approx")
    assert a[1] < b[0]


# --- changes in a rate: percentage points, basis points, fractions of a point ---------------------------


@pytest.mark.parametrize(
    ("text", "value", "evidence"),
    [
        ("The central bank in Accra lifted its policy rate by 0.5 percentage points.", 0.5,
         "0.5 percentage points"),
        ("Lenders trimmed mortgage rates by 15 basis points.", 0.15, "15 basis points"),
        ("Yields fell 40 bps after the auction.", 0.4, "40 bps"),
        ("The bank cut by a quarter-point on Tuesday.", 0.25, "a quarter-point"),
        ("Markets expect a half-point hike in June.", 0.5, "a half-point"),
        ("It raised the rate by half a percentage point.", 0.5, "half a percentage point"),
        ("Officials lowered it by a quarter of a percentage point.", 0.25, "a quarter of a percentage point"),
        ("A rise of three-quarters of a percentage point surprised traders.", 0.75,
         "three-quarters of a percentage point"),
        ("Analysts had forecast a 1.5 pp increase.", 1.5, "1.5 pp"),
    ],
)
def test_a_change_in_a_rate_is_counted_in_percentage_points(text: str, value: float, evidence: str) -> None:
    [n] = find_numbers(text)
    assert (n.unit, n.value, text[n.start : n.end]) == ("percentage points", value, evidence)


def test_basis_points_and_words_name_the_same_change() -> None:
    readings = {find_numbers(t)[0].value for t in ("by 25 basis points", "by a quarter-point",
                                                  "by 0.25 percentage points", "by a quarter of a percentage point")}
    assert readings == {0.25}


@pytest.mark.parametrize(
    "text",
    [
        "The striker scored 25 points in the final.",  # a score, not a rate
        "The index shed 300 points by midday.",  # an index move
        "A quarter of voters stayed home.",  # a share of people, not a point
        "Three quarters of the fleet was grounded.",
    ],
)
def test_what_is_not_a_change_in_percentage_points(text: str) -> None:
    assert all(n.unit != "percentage points" for n in find_numbers(text))


@pytest.mark.parametrize(
    ("text", "unit", "value", "evidence"),
    [
        ("The cavers were trapped for nearly 60 hours.", "time trapped (hours)", 60, "nearly 60 hours"),
        ("The crew spent three days adrift in a life raft.", "time adrift (hours)", 72, "three days"),
        ("Two walkers went missing for 90 minutes.", "time missing (hours)", 1.5, "90 minutes"),
        ("The hostages were held captive for two weeks.", "time held (hours)", 336, "two weeks"),
        ("Rescuers reached the men trapped about 210 metres underground.", "depth trapped (metres)", 210,
         "about 210 metres"),
        ("The pilot was trapped 60 feet below the surface.", "depth trapped (metres)", 18.288, "60 feet"),
        ("The boy was buried 2 m deep in the snow.", "depth buried (metres)", 2, "2 m"),
        ("The bore reached 180m deep by noon.", "depth (metres)", 180, "180m"),
        ("The quake struck at a depth of 12 km.", "depth (metres)", 12_000, "12 km"),
    ],
)
def test_a_stretch_of_time_or_a_depth_is_a_measure_of_its_state(text: str, unit: str, value: float,
                                                                 evidence: str) -> None:
    (n,) = [n for n in find_numbers(text) if n.unit == unit]
    assert (round(n.value, 3), text[n.start : n.end]) == (value, evidence)


def test_a_measure_keeps_its_qualifier_and_rounding_step() -> None:
    (n,) = find_numbers("The sailors were adrift for more than two days.")
    assert (n.kind, n.value, n.step) == ("min", 48, 24)


@pytest.mark.parametrize(
    "text",
    [
        "The first team broke through 48 hours later.",  # a point in time counted from another
        "Rescuers worked in 12-hour shifts at the trapped miners' shaft.",  # a compound modifier
        "The vigil was held for three days.",  # held, but not captive
        "The men work 10 hours underground each day.",  # a place, not a state
        "Engineers laid 300 metres of track.",  # a length, not a depth
        "The trapped men were reached after 20 hours and the missing guide after two days.",  # two states
        "The fund lost $2m underwater.",  # "m" after money is millions, not metres
    ],
)
def test_what_is_not_a_measure_of_a_state(text: str) -> None:
    assert all(not (n.unit or "").startswith(("time ", "depth ")) for n in find_numbers(text))


# --- lengths ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "value", "evidence"),
    [
        ("Engineers inspected the 410-metre tunnel on Friday.", "metres", 410, "410-metre"),
        ("Traffic backed up in a 3km queue at the border.", "kilometres", 3, "3km"),
        ("The hikers set off along the 15-mile trail.", "miles", 15, "15-mile"),
        ("Crews laid about 90 meters of new fence.", "metres", 90, "about 90 meters"),
        ("Water poured over the 1,200-foot dam.", "feet", 1200, "1,200-foot"),
        ("The slick now covers nine kilometres of coast.", "kilometres", 9, "nine kilometres"),
    ],
)
def test_a_length_keeps_the_unit_it_is_written_in(text: str, unit: str, value: float, evidence: str) -> None:
    (n,) = [n for n in find_numbers(text) if n.unit == unit]
    assert (n.value, text[n.start : n.end]) == (value, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Gusts reached 140 km/h along the coast.",  # a speed
        "Winds of 90 kilometres per hour toppled trees.",  # a speed in words
        "The flames spread over 40 km² of scrub.",  # an area
        "The appeal raised 5m for the victims.",  # a glued "m" is millions as often as metres
    ],
)
def test_what_is_not_a_length(text: str) -> None:
    assert all(n.unit not in ("metres", "kilometres", "feet", "miles") for n in find_numbers(text))


def test_a_depth_is_read_before_the_plain_length_it_holds() -> None:
    (n,) = find_numbers("The cavers were trapped 120 metres underground.")
    assert (n.unit, n.value) == ("depth trapped (metres)", 120)
