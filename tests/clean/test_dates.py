"""Header date shapes → ISO dates, and what is not a date."""

from __future__ import annotations

import pytest

from newsprism.clean.dates import MONTHS, parse_date, resolve_day_month


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024-06-18", "2024-06-18"),
        ("2024-06-18T09:05:00+02:00", "2024-06-18T09:05"),
        ("2023-09-21 14:30", "2023-09-21T14:30"),
        ("13.01.2025", "2025-01-13"),
        ("3.4.2024", "2024-04-03"),  # dotted dates are day-first
        ("01/14/2025", "2025-01-14"),  # slashed dates month-first …
        ("25/12/2024", "2024-12-25"),  # … unless the first number cannot be a month
        ("Jan. 13, 2025 3:05 pm", "2025-01-13T15:05"),
        ("January 13, 2025", "2025-01-13"),
        ("Sept. 2, 2024, 12:10 a.m.", "2024-09-02T00:10"),
        ("13 January 2025", "2025-01-13"),
        ("Monday, 13 January 2025", "2025-01-13"),
        ("13 janvier 2025 à 18h05", "2025-01-13T18:05"),
        ("1er mars 2024", "2024-03-01"),
        ("3. März 2024", "2024-03-03"),
        ("5 de marzo de 2024", "2024-03-05"),
        ("Martes, 5 de marzo de 2024", "2024-03-05"),
        ("7 maggio 2023", "2023-05-07"),
        ("12 mei 2022", "2022-05-12"),
    ],
)
def test_header_dates(text: str, iso: str) -> None:
    found = parse_date(text)
    assert found is not None and found.iso == iso


@pytest.mark.parametrize(
    "text",
    ["", "Sunday", "13 Smarch 2025", "31.02.2024", "13/13/2024", "The 12 apostles 2024", "2025", "10:45 GMT",
     "Police said 14 people were hurt"],
)
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_anchored_by_default_but_can_search() -> None:
    assert parse_date("Flood on 13 January 2025") is None
    found = parse_date("Flood on 13 January 2025", anchored=False)
    assert found is not None and found.iso == "2025-01-13" and found.start == 9


def test_month_table_has_every_month_in_each_language() -> None:
    for names in (["january", "june", "december"], ["janvier", "août", "décembre"], ["januar", "märz", "dezember"],
                  ["enero", "agosto", "diciembre"], ["gennaio", "giugno", "dicembre"]):
        assert all(name in MONTHS for name in names)
    assert set(MONTHS.values()) == set(range(1, 13))


def test_an_ambiguous_numeric_date_offers_its_day_first_reading() -> None:
    found = parse_date("04/11/2025 07:30")
    assert (found.iso, found.alternative) == ("2025-04-11T07:30", "2025-11-04T07:30")
    assert parse_date("14/11/2025").alternative is None  # only one reading
    assert parse_date("05/05/2025").alternative is None  # both readings agree
    assert parse_date("2025-04-11").alternative is None


# 2025-04-11 is a Friday, 2025-11-04 a Tuesday.
@pytest.mark.parametrize(
    ("body", "iso"),
    [
        ("The dam inspection ended yesterday after Monday's storm.", "2025-11-04"),
        ("The inspectors left yesterday, on Thursday.", "2025-04-11"),
        ("The next inspection is due on 18 December.", "2025-11-04"),
        ("The next inspection is due on December 18.", "2025-04-11"),
        ("The dam was inspected on Monday.", "2025-04-11"),  # no relative day: no evidence
        ("Crews worked through the night.", "2025-04-11"),
    ],
)
def test_the_article_decides_an_ambiguous_date(body: str, iso: str) -> None:
    assert resolve_day_month("2025-04-11", "2025-11-04", body) == iso


def test_a_header_date_is_read_day_first_when_the_body_says_so() -> None:
    from newsprism.clean.text import clean_text

    text = ("Dam reopens after inspection\nPublished 04/11/2025\n\nThe river authority reopened the dam road "
            "on Tuesday, a day after Monday's inspection found no cracks in the wall.\n\nThe inspection "
            "took place yesterday and lasted nine hours, engineers said.")
    assert clean_text(text, "a", "a.txt").published == "2025-11-04"


def test_a_24_hour_clock_beside_a_numeric_date_reads_it_day_first_without_other_evidence() -> None:
    found = parse_date("12/08/2031 - 09:14")
    assert found is not None and found.clock24 and found.alternative == "2031-08-12T09:14"
    assert resolve_day_month(found.iso, found.alternative, "Crews worked through the night.", clock24=True) \
        == "2031-08-12T09:14"
    assert not parse_date("12/08/2031 9:14 am").clock24
    # What the article says still outweighs the clock.
    assert resolve_day_month("2031-12-08", "2031-08-12", "The inquiry opens on 20 December.".replace(
        "20 December", "December 20"), clock24=True) == "2031-12-08"
