"""``newsprism extract`` end to end: the real command line, JSON Lines out, bad inputs named on stderr."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "warehouse-fire"
FIELDS = {"id", "source", "outlet", "title", "author", "published", "language", "text", "removed"}
STORY = ("The night ferry to Holm ran again on Sunday for the first time since the storm, the operator said.\n\n"
         "About 60 passengers made the crossing, most of them islanders returning from the mainland.\n")


def run(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "newsprism.cli", "extract", "-q", *args], input=stdin,
                          capture_output=True, cwd=cwd, env=env, timeout=120)


def rows(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_the_bundled_example_extracts_to_json_lines_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    done = run(str(EXAMPLES), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"" and done.stderr == b""
    articles = rows(out.read_bytes())
    assert [a["id"] for a in articles] == ["eschenbruck-citizen", "evening-post", "rhein-wire", "valley-courier"]
    assert all(set(a) == FIELDS for a in articles)
    by_id = {a["id"]: a for a in articles}
    courier = by_id["valley-courier"]
    assert courier["published"] == "2025-03-12" and courier["author"] == "Lena Vogel"
    assert "Latest Stories" not in courier["text"] and "ADVERTISEMENT" not in courier["text"]
    assert {"text": "Latest Stories", "reason": "related-links"} in courier["removed"]
    assert by_id["rhein-wire"]["outlet"] == "Rhein Wire"
    assert "Thank you to all the firefighters" not in by_id["evening-post"]["text"]
    assert run(str(EXAMPLES)).stdout == out.read_bytes()  # stdout by default, byte for byte the same


def test_stdin_and_gzip(tmp_path: Path) -> None:
    done = run("-", stdin=STORY.encode())
    assert done.returncode == 0
    (art,) = rows(done.stdout)
    assert (art["id"], art["source"]) == ("stdin", "-")
    assert art["text"] == STORY.strip()
    gz = tmp_path / "ferry.txt.gz"
    gz.write_bytes(gzip.compress(STORY.encode()))
    (art,) = rows(run(str(gz)).stdout)
    assert art["id"] == "ferry" and art["text"] == STORY.strip()


def test_bad_inputs_are_skipped_one_line_each_and_the_exit_status_says_so(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    bad = {
        "empty.txt": b"\n\n",
        "picture.html": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        "bundle.txt": b"PK\x03\x04" + b"\x00" * 64,
        "big.txt": b"word " * 2000,
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    done = run(str(tmp_path), "--max-bytes", "4k")
    assert done.returncode == 1
    assert [a["id"] for a in rows(done.stdout)] == ["good"]
    lines = done.stderr.decode().splitlines()
    assert len(lines) == len(bad) and "Traceback" not in done.stderr.decode()
    for name, words in (("empty.txt", "empty"), ("picture.html", "PNG"), ("bundle.txt", "ZIP"),
                        ("big.txt", "size cap")):
        (line,) = [line for line in lines if str(tmp_path / name) in line]
        assert line.startswith("newsprism: skipped ") and words in line


def test_nothing_usable_exits_2_without_a_traceback(tmp_path: Path) -> None:
    done = run(str(tmp_path / "missing.txt"))
    assert done.returncode == 2
    assert b"no such file" in done.stderr and b"Traceback" not in done.stderr
    assert done.stdout == b""
