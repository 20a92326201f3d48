"""Hostile inputs end fast, within memory, offline, with output or a one-line problem.

Each case runs in a fresh process (``child.py``) with sockets disabled, so time and peak
memory are the case's own: time is spent inside ``newsprism.api.read`` after imports and a
warm-up read; memory is the process's peak, imports included (about 40 MB here).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.clean.html import MAX_PARSE_CHARS, bounded_html

from .cases import CASES, GOOD_REPORT, MB, Case, page_50mb_raised_cap

CHILD = Path(__file__).with_name("child.py")
SRC = Path(__file__).resolve().parents[2] / "src"
TIME_LIMIT_S = 2.0
#: Wall time also counts waiting for a busy machine (other test processes on the same 2 cores), so
#: the 2 s limit is asserted on CPU time, and wall time only against a generous ceiling.
WALL_CEILING_S = 10.0
MEMORY_BASE = 200 * MB
MEMORY_PER_INPUT_BYTE = 5


def run_case(case: Case, warmup: Path) -> dict:
    job = {
        "paths": case.paths, "max_bytes": case.max_bytes, "bytes_paths": case.bytes_paths,
        "warmup": str(warmup), "forbidden": list(case.forbidden),
    }
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, str(CHILD), json.dumps(job)], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def warmup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("warm") / "warm.html"
    path.write_text(f"<html><body><article><p>{GOOD_REPORT}</p></article></body></html>", encoding="utf-8")
    return path


def check(case: Case, out: dict) -> None:
    assert out["cpu_seconds"] <= TIME_LIMIT_S, f"took {out['cpu_seconds']:.2f} s of CPU"
    assert out["seconds"] <= WALL_CEILING_S, f"took {out['seconds']:.2f} s"
    budget = MEMORY_BASE + MEMORY_PER_INPUT_BYTE * case.input_bytes
    assert out["peak"] <= budget, f"peak {out['peak'] / MB:.0f} MB over {budget / MB:.0f} MB"
    problems, articles = out["problems"], out["articles"]
    assert all("\n" not in p and len(p) < 500 for p in problems)
    if case.expect == "article":
        assert articles and not problems, problems
    elif case.expect == "problem":
        assert problems and not articles
    else:
        assert articles or problems
    for word in case.problem_words:
        assert any(word in p for p in problems), (word, problems)
    assert out["leaked"] == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input(name: str, tmp_path: Path, warmup: Path) -> None:
    case = CASES[name](tmp_path)
    check(case, run_case(case, warmup))


def test_a_50mb_page_parses_when_the_cap_is_raised(tmp_path: Path, warmup: Path) -> None:
    case = page_50mb_raised_cap(tmp_path)
    out = run_case(case, warmup)
    check(case, out)
    (article,) = out["articles"]
    assert 0 < article["chars"] <= MAX_PARSE_CHARS


def test_one_bad_document_never_sinks_the_batch(tmp_path: Path, warmup: Path) -> None:
    skip = {"page-50mb-default-cap", "non-utf8-file-name"}
    paths: list[str] = []
    size = 0
    for name in sorted(set(CASES) - skip):
        folder = tmp_path / name
        folder.mkdir()
        case = CASES[name](folder)
        paths += case.paths
        size += case.input_bytes
    good = tmp_path / "library-reopens.txt"
    good.write_text(GOOD_REPORT, encoding="utf-8")
    out = run_case(Case([*paths, str(good)], "either", input_bytes=size), warmup)
    assert str(good) in [a["source"] for a in out["articles"]]
    assert len(out["problems"]) >= 8
    assert all("\n" not in p for p in out["problems"])


def test_the_cli_refuses_a_50mb_page_at_the_default_cap_in_one_line(tmp_path: Path) -> None:
    case = CASES["page-50mb-default-cap"](tmp_path)
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-m", "newsprism.cli", "extract", "-q", *case.paths],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines and "larger than the size cap" in lines[0] and "--max-bytes" in lines[0]
    assert "Traceback" not in done.stderr


def test_long_html_is_cut_at_a_tag_before_parsing() -> None:
    short = "<p>short</p>"
    assert bounded_html(short) == short
    page = "<p>" + "x" * 90 + "</p>" + "<p>" + "y" * 90 + "</p>"
    cut = bounded_html(page, limit=120)
    assert cut == "<p>" + "x" * 90 + "</p>"
    assert len(bounded_html("z" * 300, limit=100)) == 100  # no tag to cut at: cut at the limit
