"""Near-duplicates on invented reprints: which copy is the original, and when a credit line decides it."""

from __future__ import annotations

import pytest

from newsprism.analyze import dedup
from newsprism.analyze.dedup import credits, find_duplicates, normalised_name
from newsprism.model import Article, Removed

# An invented report of a library fire, long enough for shingles to be meaningful.
BODY = (
    "Fire crews spent the night fighting a blaze that tore through the old municipal library in Harwick, "
    "destroying an estimated forty thousand volumes and the reading room's painted ceiling. The fire "
    "service said the alarm was raised shortly after midnight by a taxi driver who saw smoke above the "
    "roof. No one was hurt. The council leader called the loss a blow to the whole valley and promised "
    "that the building would be restored. Investigators will examine the wiring of a lift installed "
    "last year, according to a spokesperson for the fire service."
)
OTHER = (
    "Shipyard workers in Port Elsin voted to accept a pay offer after a six-week dispute, ending the "
    "longest stoppage at the yard in two decades. Union officials said the deal raises wages by seven "
    "per cent over two years and restores overtime rates cut in the spring."
)


def article(
    id: str, text: str, published: str | None = "2024-06-03", outlet: str | None = None, **kw: object
) -> Article:
    return Article(id, f"{id}.txt", text, outlet=outlet, published=published, **kw)  # type: ignore[arg-type]


def test_copies_point_at_the_earlier_report() -> None:
    arts = [
        article("b", BODY + " Added a line.", published="2024-06-04"),
        article("a", BODY, published="2024-06-03"),
        article("c", OTHER),
    ]
    assert find_duplicates(arts) == {"b": "a"}


def test_same_date_longer_text_is_the_original_without_a_credit() -> None:
    arts = [article("short", BODY), article("long", BODY + " The library reopens in a temporary hall.")]
    assert find_duplicates(arts) == {"short": "long"}


@pytest.mark.parametrize(
    "credit",
    [
        "This report was first published by Valley Courier and appears here with permission.",
        "This article originally appeared in The Valley Courier.",
        "Republished with permission from Valley Courier Ltd.",
    ],
)
def test_an_article_crediting_the_others_outlet_is_the_copy(credit: str) -> None:
    # The reprint is longer (it carries the credit) and has the same date: by order alone it would win.
    original = article("courier", BODY, outlet="Valley Courier Limited")
    reprint = article("gazette", BODY + " " + credit, outlet="Hill Gazette")
    assert find_duplicates([original, reprint]) == {"gazette": "courier"}


def test_a_credit_removed_by_cleaning_still_counts() -> None:
    original = article("courier", BODY, outlet="Valley Courier")
    reprint = article(
        "gazette",
        BODY + " Extra paragraph about the reading room.",
        outlet="Hill Gazette",
        removed=(Removed("This story was first published by Valley Courier.", "boilerplate"),),
    )
    assert find_duplicates([original, reprint]) == {"gazette": "courier"}


def test_a_credit_to_a_third_outlet_changes_nothing() -> None:
    original = article("courier", BODY, outlet="Valley Courier")
    reprint = article("gazette", BODY + " First published by Coastal Radio News.", outlet="Hill Gazette")
    assert find_duplicates([original, reprint]) == {"courier": "gazette"}


def test_an_earlier_dated_copy_that_credits_the_other_still_defers() -> None:
    original = article("courier", BODY, published="2024-06-04", outlet="Valley Courier")
    reprint = article(
        "gazette", BODY + " Originally published in Valley Courier.", published="2024-06-03", outlet="Hill Gazette"
    )
    assert find_duplicates([original, reprint]) == {"gazette": "courier"}


def test_the_whole_group_moves_to_the_credited_original() -> None:
    original = article("courier", BODY, outlet="Valley Courier")
    reprint = article("gazette", BODY + " First published by Valley Courier; used with thanks.", outlet="Gazette")
    third = article("echo", BODY + " A short note.", published="2024-06-05", outlet="Echo")
    assert find_duplicates([third, original, reprint]) == {"gazette": "courier", "echo": "courier"}


def test_credit_phrases_need_a_name_and_unrelated_text_is_no_credit() -> None:
    courier = article("courier", BODY, outlet="Valley Courier")
    assert not credits(article("x", "The mayor was first published in her twenties as a poet."), courier)
    assert not credits(article("x", "The photo appears courtesy of the family."), courier)
    assert not credits(article("x", "Valley Courier reported the fire first."), courier)
    assert credits(article("x", "Photo and text courtesy of Valley Courier."), courier)


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("The Valley Courier", "valley courier"),
        ("Valley Courier Limited", "valley courier"),
        ("Hill & Dale Media Group", "hill dale"),
        (None, ""),
    ],
)
def test_normalised_name(name: str | None, normal: str) -> None:
    assert normalised_name(name) == normal


def test_same_input_same_output() -> None:
    arts = [article(f"a{i}", BODY + f" Line {i}.") for i in range(4)] + [article("z", OTHER)]
    assert find_duplicates(arts) == find_duplicates(list(reversed(arts)))
    assert dedup.THRESHOLD == 0.4  # the benchmark's operating point
