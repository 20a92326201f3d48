"""The Dask engine gives the local engine's briefing byte for byte, on a real two-worker LocalCluster."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsprism.analyze.embed import LexicalEncoder
from newsprism.errors import FetchDisabledError, InputError
from newsprism.scale import engine as scale_engine
from newsprism.scale.engine import DaskEngine, EngineError, LookupEncoder, Problem, _chunks

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"


def _corpus(tmp_path: Path) -> Path:
    """Every invented story, a wire copy reprinted under another name, and two inputs that must be skipped."""
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURES, root / "stories", ignore=shutil.ignore_patterns("*.json"))
    wire = next(p for p in sorted((root / "stories").rglob("*.txt")))
    (root / "reprint_of_wire.txt").write_text(
        "Reprinted with permission.\n\n" + wire.read_text(encoding="utf-8"), encoding="utf-8"
    )
    (root / "empty.txt").write_text("   \n", encoding="utf-8")
    (root / "zz_image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return root


def _brief(corpus: Path, *extra: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONHASHSEED="random")
    cmd = [sys.executable, "-m", "newsprism.cli", "brief", str(corpus), "--embedder", "lexical", "-q", *extra]
    return subprocess.run(cmd, capture_output=True, env=env, timeout=240, check=False)


def test_dask_engine_briefing_is_byte_identical_to_local(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    local = _brief(corpus)
    dask = _brief(corpus, "--engine", "dask")
    assert local.returncode == 1, local.stderr.decode()  # two inputs skipped, the rest briefed
    assert dask.returncode == local.returncode, dask.stderr.decode()
    assert dask.stdout == local.stdout
    assert b'"duplicate_of": "' in local.stdout  # the reprint was linked through the workers' signatures
    skipped = [line for line in local.stderr.decode().splitlines() if "skipped" in line]
    assert len(skipped) == 2
    assert [line for line in dask.stderr.decode().splitlines() if "skipped" in line] == skipped


def test_problems_cross_process_boundaries_with_their_class() -> None:
    sent = pickle.loads(pickle.dumps(Problem.of(FetchDisabledError("http://x.example/a", "fetching is off"))))
    err = sent.error()
    assert isinstance(err, FetchDisabledError)
    assert str(err) == "http://x.example/a: fetching is off"


def test_lookup_encoder_uses_the_cluster_vectors_and_encodes_unseen_texts_here() -> None:
    lexical = LexicalEncoder()
    seen = ["The ferry left the harbour at dawn.", "Tolls on the bridge rise in May."]
    calls: list[int] = []

    def fallback() -> LexicalEncoder:
        calls.append(1)
        return lexical

    enc = LookupEncoder("lexical", dict(zip(seen, lexical.encode(seen), strict=True)), fallback)
    np.testing.assert_array_equal(enc.encode(seen[::-1]), lexical.encode(seen[::-1]))
    assert calls == []
    unseen = ["A new timetable starts on Monday."]
    np.testing.assert_array_equal(enc.encode(unseen), lexical.encode(unseen))
    assert calls == [1]
    assert enc.encode([]).shape == (0, LexicalEncoder.DIM)


def test_chunks_keep_every_item_in_order() -> None:
    items = list(range(1001))
    chunks = _chunks(items, workers=2)
    assert [i for c in chunks for i in c] == items
    assert max(len(c) for c in chunks) <= scale_engine.MAX_CHUNK
    assert _chunks([], workers=2) == []


def test_unreachable_scheduler_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scale_engine, "CONNECT_TIMEOUT", 1)
    with pytest.raises(EngineError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9 .*dask scheduler"):
        DaskEngine("tcp://127.0.0.1:9").start()


def test_input_error_is_the_base_of_problems() -> None:
    assert Problem.of(InputError("a.txt", "file is empty")).error().problem == "file is empty"
