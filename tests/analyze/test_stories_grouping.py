"""Story grouping on invented reports: an article left alone gets a second, looser look at the whole article.

A trade page that opens with a box of terse notes has a lede unlike other outlets' prose; it must still join
the story it reports, while a report of another attack the same week (a close lede, few shared names) and a
report of another event at the same company (many shared names, a distant lede) stay apart.
"""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.analyze import stories
from newsprism.analyze.embed import Encoder, get_encoder
from newsprism.analyze.stories import attach_loners, group_articles, lede_vectors
from newsprism.analyze.units import article_units
from newsprism.model import Article

WIRE = (
    "A cyberattack has shut down billing and customer systems at Brannock Water, the utility that supplies "
    "drinking water to 800,000 homes in south Wales, the company said on Thursday.\n\n"
    "Brannock Water said tap water remained safe to drink and that treatment works were run from "
    "separate control systems that had not been affected.\n\n"
    "A criminal group calling itself Grey Heron said it was behind the attack and demanded a ransom of "
    "2 million pounds, according to a message posted on its website.\n\n"
    "\"We will not pay criminals,\" chief executive Owen Pritchard said. The National Cyber Security "
    "Centre said it was helping the company."
)
PAPER = (
    "Customers of Brannock Water cannot pay bills or report leaks online after hackers broke into the "
    "utility's computer network earlier this week.\n\n"
    "The company, which serves 800,000 households across south Wales, said the breach was discovered "
    "on Tuesday night.\n\n"
    "Chief executive Owen Pritchard told reporters in Cardiff that the water supply had never been at "
    "risk. \"We will not pay criminals,\" he said.\n\n"
    "The Grey Heron gang has claimed the attack and wants 2 million pounds."
)
LOCAL = (
    "Staff at Brannock Water have been working from paper ledgers since Tuesday, when a ransomware "
    "attack took the company's billing system offline.\n\n"
    "The utility, based in Cardiff, said about 800,000 homes in south Wales kept their normal supply.\n\n"
    "Police in Wales and the National Cyber Security Centre are investigating, and the company said "
    "the gang, Grey Heron, had asked for 2 million pounds."
)
# A trade site opening with a box of terse notes before its prose.
NOTES = (
    "- Victim: Brannock Water (UK utility, ~800k homes).\n"
    "- Actor: Grey Heron (RaaS crew, active since 2023).\n"
    "- Vector: unpatched MFT appliance, no MFA on admin panel.\n"
    "- Ask: GBP 2M, seven-day timer.\n"
    "- IOCs shared via NCSC; no decryptor yet.\n\n"
    "Brannock Water is the third British utility to be hit by Grey Heron this year. According to "
    "people involved in the response, the attackers got in through a file-transfer server that had "
    "not been patched.\n\n"
    "Chief executive Owen Pritchard has said the company will not pay, and that water treatment in "
    "Cardiff and the valleys runs on separate systems.\n\n"
    "Grey Heron posted the company on its leak site on Tuesday with a demand for 2 million pounds."
)
# Another cyberattack the same week on another company: same kind of event, not the same event.
OTHER_ATTACK = (
    "A ransomware attack has taken down the claims and payment systems of Tessaly Insurance, the "
    "Bristol insurer with 1.5 million policyholders, the company said on Wednesday.\n\n"
    "Tessaly Insurance said customers could still make claims by telephone while its network was "
    "rebuilt.\n\n"
    "A gang known as Copper Moth has published samples of policy documents and demanded 5 million "
    "dollars, chief operating officer Rachel Lindqvist said. The National Cyber Security Centre "
    "said it was aware of the incident."
)
# Same company, names and place, but another event: must stay alone.
HOSEPIPE = (
    "Brannock Water will ban the use of hosepipes across south Wales from Friday after the driest spring "
    "in 60 years left its reservoirs at 58 per cent of capacity.\n\n"
    "The ban covers watering gardens and filling paddling pools for the utility's 800,000 customer homes.\n\n"
    "Chief executive Owen Pritchard said in Cardiff that the company had cut leakage by a fifth but "
    "that rain was needed. \"Every litre counts this summer,\" he said."
)


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, published="2025-06-12")


def _groups(articles: list[Article], encoder: Encoder) -> list[list[str]]:
    """Stories as the pipeline forms them: lede vectors from the encoder, then :func:`group_articles`."""
    units = {a.id: article_units(a) for a in articles}
    lede = [u for a in articles for u in units[a.id][: stories.LEDE_UNITS]]
    vectors = dict(zip(lede, encoder.encode([u.span.text for u in lede]), strict=True))
    rows = lede_vectors(articles, units, vectors)
    ledes = {a.id: rows[i] for i, a in enumerate(articles)}
    return group_articles(articles, units, {}, encoder.name, {}, ledes=ledes)


@pytest.fixture(params=["lexical", "minilm"])
def encoder(request: pytest.FixtureRequest) -> Encoder:
    if request.param == "minilm":
        return request.getfixturevalue("minilm")
    return get_encoder("lexical")


def _attack_reports() -> list[Article]:
    return [_article("wire", WIRE), _article("paper", PAPER), _article("local", LOCAL), _article("notes", NOTES),
            _article("other", OTHER_ATTACK)]


def test_a_report_opening_with_terse_notes_joins_its_story(encoder: Encoder) -> None:
    assert _groups(_attack_reports(), encoder) == [["local", "notes", "paper", "wire"], ["other"]]


def test_the_lede_alone_leaves_the_notes_page_out(encoder: Encoder, monkeypatch: pytest.MonkeyPatch) -> None:
    # Without the second look, the page stands alone: the test above exercises the looser comparison.
    monkeypatch.setattr(stories, "WHOLE_NAMES_BAR", 2.0)
    assert ["notes"] in _groups(_attack_reports(), encoder)


def test_the_second_look_gives_the_same_stories_when_the_corpus_is_blocked(
    encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stories, "BLOCKING_ABOVE", 1)
    assert _groups(_attack_reports(), encoder) == [["local", "notes", "paper", "wire"], ["other"]]


def test_another_event_at_the_same_company_stays_alone(minilm: Encoder) -> None:
    # The hosepipe ban names the company, its chief and its city, but its lede tells of another event.
    # (The lexical encoder's linkage already puts it with the attack reports, before any second look.)
    arts = [*_attack_reports(), _article("hosepipe", HOSEPIPE)]
    assert _groups(arts, minilm) == [["local", "notes", "paper", "wire"], ["hosepipe"], ["other"]]


def _unit(angle_degrees: float) -> np.ndarray:
    a = np.radians(angle_degrees)
    return np.array([np.cos(a), np.sin(a)], dtype=np.float32)


def _attach(labels: list[int], vecs: list[np.ndarray], whole: list[set[str]], threshold: float = 0.5) -> list[int]:
    names = [frozenset[str]()] * len(labels)  # lede names play no part here: similarity is 0.75 * cosine
    return attach_loners(np.array(labels), np.stack(vecs), names, lambda i: frozenset(whole[i]), threshold).tolist()


STORY_NAMES = {"Arlow", "Benning", "Corrigan", "Dunmore", "2,400", "Friday"}


def test_a_loner_close_in_lede_and_names_joins_the_group() -> None:
    # cos 40 degrees = 0.77 -> 0.57, above 0.8 * 0.5; shares four of its six names with each member.
    labels = _attach([1, 1, 2], [_unit(0), _unit(10), _unit(45)],
                     [STORY_NAMES, STORY_NAMES, {"Arlow", "Benning", "Corrigan", "Dunmore", "Elstow", "Gable"}])
    assert labels == [1, 1, 1]


def test_a_loner_close_in_lede_but_naming_other_things_stays_alone() -> None:
    # Another attack of the same kind: the lede is as close as above, the names are someone else's.
    labels = _attach([1, 1, 2], [_unit(0), _unit(10), _unit(45)],
                     [STORY_NAMES, STORY_NAMES, {"Harrow", "Ilsley", "Jarman", "9,000", "Friday"}])
    assert labels == [1, 1, 2]


def test_a_loner_sharing_names_but_far_in_lede_stays_alone() -> None:
    # The same people and places in another event: cos 65 degrees = 0.42 -> 0.32, under the looser bar.
    labels = _attach([1, 1, 2], [_unit(0), _unit(10), _unit(70)], [STORY_NAMES, STORY_NAMES, STORY_NAMES])
    assert labels == [1, 1, 2]


def test_a_loner_joins_the_group_it_matches_best_and_no_group_loses_a_member() -> None:
    other = {"Kestle", "Lomond", "Marsh", "610", "Friday"}
    labels = _attach(
        [1, 1, 2, 2, 3],
        [_unit(0), _unit(8), _unit(60), _unit(68), _unit(34)],
        [STORY_NAMES, STORY_NAMES, other, other, STORY_NAMES | {"Kestle"}],
    )
    assert labels == [1, 1, 2, 2, 1]


def test_nothing_moves_when_no_article_is_alone() -> None:
    labels = _attach([1, 1, 2, 2], [_unit(0), _unit(5), _unit(30), _unit(35)], [STORY_NAMES] * 4)
    assert labels == [1, 1, 2, 2]


def test_whole_article_names_reach_past_the_lede() -> None:
    lead = "\n\n".join(f"Paragraph {k} says little of note." for k in range(1, 20))
    art = _article("long", lead + "\n\nThe mayor, Ines Halloran, spoke in Corbridge.")
    units = article_units(art)
    assert "corbridge" not in stories._lede_names(art, units)
    assert {"halloran", "corbridge"} <= stories._whole_names(art, units)
