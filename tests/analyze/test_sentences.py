"""Sentence spans: abbreviations, initials, decimals and closing quotation marks."""

from __future__ import annotations

import pytest

from newsprism.analyze.sentences import paragraph_spans, sentence_spans


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam held. Residents returned.", ["The dam held.", "Residents returned."]),
        ("Mr. Okafor arrived on Jan. 4 with Dr. Ito. They left.", ["Mr. Okafor arrived on Jan. 4 with Dr. Ito.", "They left."]),
        ("Senator Ana M. Ruiz voted no. The bill failed.", ["Senator Ana M. Ruiz voted no.", "The bill failed."]),
        ("She wrote on the app X. Nobody replied.", ["She wrote on the app X.", "Nobody replied."]),
        ("Prices rose 2.5 percent. Wages did not.", ["Prices rose 2.5 percent.", "Wages did not."]),
        ("“We will rebuild,” she said. “Soon.”", ["“We will rebuild,” she said.", "“Soon.”"]),
        ("\"It is over.\" The crowd left.", ["\"It is over.\"", "The crowd left."]),
        ("Troops left the U.S. base. Nobody was hurt.", ["Troops left the U.S. base.", "Nobody was hurt."]),
        ("No punctuation at the end", ["No punctuation at the end"]),
        ("Room No. 4 flooded. Nobody was in it.", ["Room No. 4 flooded.", "Nobody was in it."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_offsets_are_exact_and_lines_break_sentences() -> None:
    text = "  First line without stop\nSecond line. Third one!\n\n  Fourth?  "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["First line without stop", "Second line.", "Third one!", "Fourth?"]
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["First line without stop", "Second line. Third one!",
                                                              "Fourth?"]


def test_blank_and_symbol_only_text_has_no_sentences() -> None:
    assert sentence_spans("   \n\n ... \n") == []
