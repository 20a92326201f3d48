"""An ambiguous numeric header date is settled by the other articles of its story."""

from __future__ import annotations

from newsprism.analyze.pipeline import settle_ambiguous_dates
from newsprism.clean.text import clean_text
from newsprism.model import Article


def art(aid: str, published: str | None, alt: str | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text="Text.", published=published, published_alt=alt)


def test_the_reading_nearer_the_story_wins() -> None:
    out = settle_ambiguous_dates([art("a", "2031-08-12"), art("b", "2031-08-13"),
                                  art("c", "2031-12-08T09:14", "2031-08-12T09:14")])
    assert out[2].published == "2031-08-12T09:14" and out[2].published_alt == "2031-12-08T09:14"
    assert [a.published for a in out[:2]] == ["2031-08-12", "2031-08-13"]


def test_without_unambiguous_neighbours_nothing_changes() -> None:
    pile = [art("c", "2031-12-08", "2031-08-12"), art("d", None)]
    assert settle_ambiguous_dates(pile) == pile
    near = [art("a", "2031-12-07"), art("c", "2031-12-08", "2031-08-12")]
    assert settle_ambiguous_dates(near) == near


def test_the_cleaner_keeps_the_other_reading_and_the_briefing_uses_the_story() -> None:
    from newsprism.api import brief_articles

    body = ("Fishing boats stayed in port at Marrow Point as a storm closed the harbour, the coastguard said. "
            "Waves of six metres were recorded off the breakwater and the ferry to Holm was cancelled.")
    ambiguous = clean_text(f"Storm closes Marrow Point harbour\n05/03/2031\n\n{body}", "c", "c.txt")
    assert (ambiguous.published, ambiguous.published_alt) == ("2031-05-03", "2031-03-05")
    other = Article(id="a", source="a.txt", text=body.replace("stayed in port", "were kept in port"),
                    outlet="Harbour Daily", published="2031-03-05")
    briefing = brief_articles([ambiguous, other], embedder="lexical")
    assert briefing.article("c").published == "2031-03-05"
    assert "published_alt" not in briefing.to_json()
