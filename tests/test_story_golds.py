"""End to end: each invented multi-outlet story under ``fixtures/stories`` is briefed and checked against its gold.

A story directory holds 3–6 article files (plain-text scrapes with their boilerplate, and HTML pages)
and a ``gold.json`` in the format of the shared acceptance gold: what a careful human reader expects
the briefing to show (stories, claims and their status, quotes and speakers, figure verdicts,
timeline dates, summary, and per article its metadata and what cleaning must drop or keep).

The gold is judged by the shared acceptance checker, run as a separate process exactly as on the
seeds. Tests that need it skip when the shared folder is not next to the repository.
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.api import brief
from newsprism.ingest.files import article_name

STORIES = Path(__file__).parent / "fixtures" / "stories"
REPO = Path(__file__).resolve().parents[1]
CHECKER = REPO.parent / "shared" / "acceptance" / "check_briefing.py"
STORY_NAMES = sorted(p.name for p in STORIES.iterdir() if (p / "gold.json").is_file())

# One briefing per story per test session: the gold test and the determinism test share the first run.
_FIRST_RUN: dict[str, str] = {}


def _embedder() -> str:
    return os.environ.get("NEWSPRISM_TEST_EMBEDDER", "auto")


def _briefing_json(name: str) -> str:
    return brief(str(STORIES / name), embedder=_embedder()).to_json()


def _first_run(name: str) -> str:
    if name not in _FIRST_RUN:
        _FIRST_RUN[name] = _briefing_json(name)
    return _FIRST_RUN[name]


def _gold(name: str) -> dict:
    return json.loads((STORIES / name / "gold.json").read_text(encoding="utf-8"))


def _raw_texts(name: str) -> dict[str, str]:
    """Article id → the file's text, HTML entities decoded, lower-cased: what the gold may point at."""
    out = {}
    for f in sorted((STORIES / name).iterdir()):
        if f.suffix in {".txt", ".html"}:
            out[article_name(f.name)] = html.unescape(f.read_text(encoding="utf-8")).lower()
    return out


def test_there_are_enough_stories() -> None:
    assert len(STORY_NAMES) >= 4


@pytest.mark.parametrize("name", STORY_NAMES)
def test_gold_points_at_the_fixture_texts(name: str) -> None:
    """The gold is consistent with its own texts, so a failure of the briefing test is the pipeline's."""
    gold, raw = _gold(name), _raw_texts(name)
    assert 3 <= len(raw) <= 6
    assert set(gold["articles"]) == set(raw), "every article has gold metadata checks"
    grouped = [a for s in gold["stories"] for a in s["articles"]]
    assert sorted(grouped) == sorted(raw), "each article belongs to exactly one gold story"
    assert gold["story_count"] == len(gold["stories"])
    for aid, want in gold["articles"].items():
        for s in want.get("must_drop", []) + want.get("must_keep", []):
            assert s.lower() in raw[aid], f"{aid}: {s!r} is not in the file"
    for claim in gold["claims"]:
        holders = [claim["only"]] if "only" in claim else claim["articles"]
        for aid in holders:
            assert all(t in raw[aid] for t in claim["terms"]), f"claim {claim['name']}: terms not in {aid}"
        if "only" in claim:
            others = [a for a in raw if a != claim["only"] and any(t in raw[a] for t in claim["terms"])]
            assert not others, f"claim {claim['name']}: single-source terms also in {others}"
    for quote in gold["quotes"]:
        for aid in quote["articles"]:
            assert any(t in raw[aid] for t in quote["terms"]), f"quote {quote['name']} not in {aid}"
            assert quote["speaker"].lower() in raw[aid], f"quote {quote['name']}: speaker not named in {aid}"
    for figure in gold["figures"]:
        for spec in figure["values"].values():
            assert set(spec["articles"]) <= set(raw)
    assert len(gold["timeline"]) >= 2
    assert set(gold["summary"]["story_articles"]) <= set(raw)


#: Checks the pipeline is known to miss, per story, and why. The test fails if any other check fails,
#: and also once a listed check passes (then remove it here): the list can only shrink.
#: Most are paraphrases that alignment does not meet: parts of long sentences now meet a short statement
#: or each other when each holds all the other says, which leaves looser rewordings apart; "sports hall" and "Les Solanes" are three or two loose rewordings sharing a place name.
#: The last sixteen stories were written blind, before the pipeline was run on them.
KNOWN_GAPS: dict[str, set[str]] = {
    # Paraphrases packed into sentences that carry several facts, worded too loosely for their parts to meet.
    "ferry_tanganyika": {"claim traders bound for the island market, three outlets", "claim strong winds, three outlets"},
    "rate_cut_wellington": {"claim unemployment rose to 4.6%, three outlets"},
    "flood_serra_valley": {"claim dam operator released water through the spillway, three outlets",
                           "claim evacuees sheltered in a sports hall in Valdora, three outlets"},
    "mayor_verdict_alcarva": {"claim brother-in-law got a suspended sentence"},
    "wildfire_benialfaz": {"claim most lost homes in Les Solanes: translated paper and local paper"},
    # Lost when words shared only as names stopped counting twice (which kept two different statements
    # about one agency apart in mine_rescue_paipilla).
    "recall_marlow": {"claim cars built June 2023 to November 2024, three outlets"},
    "election_altavera": {"claim Civic Renewal short of a majority (46 needed), three outlets"},
    "pension_march_vienna": {"claim clashes at Ballhausplatz"},
    "ransomware_noordkust": {
        "claim staff back on paper records (paper records / pen and paper / running on paper)",
        "claim NightLantern claimed the attack on its leak site",
        # "treats roughly 400,000 patients a year" joins the breach count it agrees with in no other way.
        "figure patients whose data was taken: up to / as many as 1.2 million (13 May) updated to 450,000 (15 May)",
    },
    "typhoon_haliya_catanay": {"claim landfall near Marabong (wire and local paper)"},
    # The three written blind last; their first run failed 5, 9 and 17 checks. What is left: a public
    # prosecutor's office named two ways, a tax cut told in three unlike sentences, a stake sale whose two
    # reports share its numbers but few words, and a fixture list against a remark about the next game.
    "bridge_collapse_itapema": {"claim prosecutors opened an investigation, 02 ('Public Ministry') and 03"},
    "budget_helsinki": {"claim income tax cut for low earners, three independent outlets"},
    "spill_takeover_pile": {"claim 80% stake bought, both takeover reports",
                            "claim Saturday's home game against Crewe, both takeover reports"},
    # The last three written blind; their first run failed 4, 4 and 7 checks.
    "cholera_logone_dare": {"claim shallow/contaminated wells blamed, four outlets"},
    # "44 minutes after it left the ground" is tied by its sentence to the fire warning, not the landing;
    # the gold's writer doubted this check too.
    "emergency_landing_kirkhaven": {"figure minutes from take-off to landing: about 45 / 44"},
    "fraud_sentence_meridale": {"claim money spent on a yacht and a Spanish villa, three outlets"},
}


@pytest.mark.parametrize("name", STORY_NAMES)
def test_briefing_meets_the_gold(name: str, tmp_path: Path) -> None:
    if not CHECKER.is_file():
        pytest.skip("the shared acceptance checker is not next to the repository")
    out = tmp_path / f"{name}.json"
    out.write_text(_first_run(name), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(CHECKER), str(out), str(STORIES / name / "gold.json")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    fails = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    summary = done.stdout.strip().splitlines()[-1:] or [done.stderr.strip()]
    failed = {line[len("FAIL ") :].split("  -- ")[0] for line in fails}
    known = KNOWN_GAPS.get(name, set())
    assert failed == known, "\n" + "\n".join([*fails, *summary, f"known gaps that now pass: {sorted(known - failed)}"])
    assert done.returncode == (1 if known else 0)


@pytest.mark.parametrize("name", STORY_NAMES)
def test_briefing_is_byte_identical_across_runs(name: str) -> None:
    assert _briefing_json(name) == _first_run(name)
