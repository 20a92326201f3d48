"""End-to-end throughput: read, clean, dedup, embed, cluster and brief 1,000 and 10,000 articles.

The corpus is synthesised from the shared benchmark pages' ground truth and the repository's
fixture stories (see ``_corpus.write_corpus``: ~articles/4 events, several outlets' edited
reports of each, some wire copies, 30 % HTML), written as files so reading and cleaning count.
Each size runs in a fresh process, so peak RSS is that run's own. The peer is trafilatura
alone extracting the same files (the floor any pipeline that cleans HTML pays); the target is
25 docs/s on 2 cores, peak RSS <= 1 GiB at 10k, and time growing close to linearly.

Run: ``python benchmarks/throughput.py [--sizes 1000,10000] [--embedder lexical|auto]``
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGET_DOCS_PER_S = 25.0
TARGET_RSS_MB = 1024.0


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _peak_so_far_mb() -> float:
    """VmHWM: the high-water mark of resident memory so far, to see which stage sets the peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return _peak_rss_mb()


def _timed(table: dict[str, float], name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            table[name] += time.perf_counter() - t

    return wrapper


def run_ours(directory: str, embedder: str) -> dict[str, Any]:
    """One end-to-end run, with the time of each pipeline stage (stages are wrapped, not profiled)."""
    t0 = time.perf_counter()
    from newsprism.analyze import pipeline
    from newsprism.analyze.embed import get_encoder
    from newsprism.api import brief_articles, read

    stages: dict[str, float] = defaultdict(float)
    stages["import"] = time.perf_counter() - t0
    for name in ("find_duplicates", "article_units", "group_articles", "build_story"):
        setattr(pipeline, name, _timed(stages, name, getattr(pipeline, name)))
    encoder = get_encoder(embedder)
    encoder.encode = _timed(stages, "encode (all calls)", encoder.encode)  # type: ignore[method-assign]
    stages["load encoder"] = time.perf_counter() - t0 - stages["import"]

    t = time.perf_counter()
    result = read([directory])
    stages["read + clean"] = time.perf_counter() - t
    peaks = {"read": _peak_so_far_mb()}
    t = time.perf_counter()
    briefing = brief_articles(result.articles, embedder=encoder)  # type: ignore[arg-type]
    stages["analyze"] = time.perf_counter() - t
    peaks["analyze"] = _peak_so_far_mb()
    t = time.perf_counter()
    out = Path(directory).with_suffix(".briefing.json")
    with out.open("w", encoding="utf-8") as fh:  # as `newsprism brief -o FILE` writes it: streamed
        for piece in briefing.iter_json():
            fh.write(piece)
    stages["write JSON"] = time.perf_counter() - t
    json_mb = out.stat().st_size / 1e6
    out.unlink()
    return {
        "articles": len(result.articles),
        "problems": len(result.problems),
        "stories": len(briefing.stories),
        "copies": sum(a.duplicate_of is not None for a in briefing.articles),
        "json_mb": json_mb,
        "seconds": time.perf_counter() - t0,
        "peak_rss_mb": _peak_rss_mb(),
        "stages": dict(stages),
        "peak_after_mb": peaks,
    }


def run_peer(directory: str) -> dict[str, Any]:
    """trafilatura extracting every file of the corpus (text files are passed through)."""
    t0 = time.perf_counter()
    import trafilatura

    n = 0
    for path in sorted(Path(directory).iterdir()):
        data = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            trafilatura.extract(data)
        n += 1
    return {"articles": n, "seconds": time.perf_counter() - t0, "peak_rss_mb": _peak_rss_mb()}


def _child(mode: str, directory: str, embedder: str) -> dict[str, Any]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    cmd = [sys.executable, __file__, f"--{mode}", directory, "--embedder", embedder]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    ap.add_argument("--embedder", default="lexical", choices=("lexical", "auto", "minilm"))
    ap.add_argument("--ours", metavar="DIR", help=argparse.SUPPRESS)
    ap.add_argument("--peer", metavar="DIR", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.ours:
        print(json.dumps(run_ours(args.ours, args.embedder)))
        return 0
    if args.peer:
        print(json.dumps(run_peer(args.peer)))
        return 0

    from _corpus import write_corpus

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsprism-throughput-") as tmp:
        for size in sizes:
            directory = Path(tmp) / f"c{size}"
            write_corpus(directory, size)
            ours = _child("ours", str(directory), args.embedder)
            peer = _child("peer", str(directory), args.embedder)
            rows.append((size, ours, peer))
            _print_run(size, ours, peer, args.embedder)
    if len(rows) >= 2:
        (n1, a, _), (n2, b, _) = rows[0], rows[-1]
        exponent = math.log(b["seconds"] / a["seconds"]) / math.log(n2 / n1)
        print(f"growth {n1} -> {n2}: time x{b['seconds'] / a['seconds']:.2f} for x{n2 / n1:.0f} articles "
              f"(exponent {exponent:.2f}; 1.00 is linear)")
    return 0


def _print_run(size: int, ours: dict[str, Any], peer: dict[str, Any], embedder: str) -> None:
    rate, peer_rate = ours["articles"] / ours["seconds"], peer["articles"] / peer["seconds"]
    print(f"\n{size} articles (embedder {embedder}): {ours['articles']} read, {ours['stories']} stories, "
          f"{ours['copies']} copies, JSON {ours['json_mb']:.1f} MB")
    print(f"  newsprism end to end : {ours['seconds']:8.1f} s  {rate:7.1f} docs/s  peak RSS {ours['peak_rss_mb']:.0f} MB")
    print(f"  trafilatura alone    : {peer['seconds']:8.1f} s  {peer_rate:7.1f} docs/s  peak RSS {peer['peak_rss_mb']:.0f} MB")
    print(f"  ratio ours/peer speed: {rate / peer_rate:.3f};  vs target {TARGET_DOCS_PER_S:.0f} docs/s: "
          f"{rate / TARGET_DOCS_PER_S:.2f};  RSS vs 1 GiB: {ours['peak_rss_mb'] / TARGET_RSS_MB:.2f}")
    print("  peak RSS after (MB): " + ", ".join(f"{k} {v:.0f}" for k, v in ours["peak_after_mb"].items()))
    print("  stages (s): " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(ours["stages"].items(), key=lambda kv: -kv[1])))


if __name__ == "__main__":
    sys.exit(main())
