"""The store commands end to end: ``add``, ``list``, ``show`` and ``brief --db`` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPORTS = {
    "harbour.txt": "Dockworkers in Port Selva began a two-day strike on Monday over night-shift pay, the union said.\n",
    "ledger.txt": "A two-day strike by Port Selva dockworkers started on Monday, union officials said, halting cargo.\n",
}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "newsprism.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_add_list_show_and_brief_over_the_store(tmp_path: Path) -> None:
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "my.db")
    first = run("add", "--db", db, "harbour.txt", "ledger.txt", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout == "harbour\tadded\nledger\tadded\n"
    again = run("add", "--db", db, "harbour.txt", cwd=tmp_path)
    assert again.stdout == "harbour\talready stored\n"

    brief = run("brief", "--db", db, "--embedder", "lexical", "--format", "md", "-q", cwd=tmp_path)
    assert brief.returncode == 0, brief.stderr
    assert brief.stdout.startswith("# ") and "[^1]:" in brief.stdout
    assert "stored as briefing b1" in brief.stderr

    listing = run("list", "--db", db, cwd=tmp_path).stdout.splitlines()
    assert [line.split("\t")[0] for line in listing] == ["harbour", "ledger", "b1"]
    assert "2 articles" in listing[2]

    article = json.loads(run("show", "harbour", "--db", db, cwd=tmp_path).stdout)
    assert article["text"] == REPORTS["harbour.txt"].strip()
    stored = json.loads(run("show", "b1", "--db", db, cwd=tmp_path).stdout)
    assert sorted(a["id"] for a in stored["articles"]) == ["harbour", "ledger"]
    html = run("show", "b1", "--db", db, "--format", "html", cwd=tmp_path).stdout
    assert html.startswith("<!DOCTYPE html>")

    missing = run("show", "nope", "--db", db, cwd=tmp_path)
    assert missing.returncode == 2 and "no stored article with id 'nope'" in missing.stderr
    assert missing.stdout == "" and "Traceback" not in missing.stderr


def test_brief_needs_paths_or_a_store(tmp_path: Path) -> None:
    result = run("brief", cwd=tmp_path)
    assert result.returncode == 2 and "--db" in result.stderr
