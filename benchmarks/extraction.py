#!/usr/bin/env python3
"""Main-text extraction: newsprism's HTML cleaning against ``trafilatura.extract`` on the same pages.

Usage: python benchmarks/extraction.py [--data DIR] [--rounds N]

DIR is the article-extraction benchmark (``html/*.html.gz`` and ``ground-truth.json``); by default
the shared benchmarks folder next to the repository. Runs are interleaved page by page (the order
of the three runs rotates) so that machine noise falls on all of them alike. F1 is the benchmark's
published metric, computed by the shared ``score_extraction.py``. newsprism is timed from the
gunzipped bytes (decoding included); trafilatura from the decoded string.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "article-extraction"


def load_scorer(data: Path):
    path = data.parent / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def runners() -> dict[str, Callable[[str, bytes, str], str]]:
    import trafilatura

    from newsprism.clean import clean_document
    from newsprism.model import RawDocument

    def ours(name: str, data: bytes, fast: bool) -> str:
        raw = RawDocument(name=name, source=name, data=data, kind="html")
        return clean_document(raw, name, fast=fast).text

    return {
        "trafilatura.extract": lambda name, data, html: trafilatura.extract(html) or "",
        "newsprism": lambda name, data, html: ours(name, data, False),
        "newsprism --fast": lambda name, data, html: ours(name, data, True),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--rounds", type=int, default=1, help="repeat the interleaved timing (default 1)")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.data)
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {}
    for path in sorted((args.data / "html").glob("*.html.gz")):
        data = gzip.decompress(path.read_bytes())
        pages[path.name.removesuffix(".html.gz")] = (data, data.decode("utf-8", errors="replace"))
    runs = runners()
    names = list(runs)
    seconds = dict.fromkeys(names, 0.0)
    predictions: dict[str, dict[str, dict[str, str]]] = {n: {} for n in names}
    for _ in range(args.rounds):
        for i, (page, (data, html)) in enumerate(pages.items()):
            for name in names[i % len(names):] + names[: i % len(names)]:
                t0 = time.perf_counter()
                try:
                    text = runs[name](page, data, html)
                except Exception as exc:  # a page that fails scores zero; the run goes on
                    print(f"{name}: {page}: {type(exc).__name__}: {exc}", file=sys.stderr)
                    text = ""
                seconds[name] += time.perf_counter() - t0
                predictions[name][page] = {"articleBody": text}
    base = seconds[names[0]]
    print(f"{len(pages)} pages, {args.rounds} round(s), interleaved")
    print(f"{'run':<22}{'F1':>8}{'prec':>8}{'recall':>8}{'ms/page':>9}{'time ratio':>12}")
    for name in names:
        m = scorer.score(truth, predictions[name])
        ms = seconds[name] / (len(pages) * args.rounds) * 1000
        print(f"{name:<22}{m['f1']:>8.4f}{m['precision']:>8.4f}{m['recall']:>8.4f}{ms:>9.1f}{seconds[name] / base:>12.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
