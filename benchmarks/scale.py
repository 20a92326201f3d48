"""Scaling efficiency of the Dask engine from 1 to 2 workers, against the local engine.

The distributed stages (read, clean, MinHash signatures, unit embeddings) run on a
``LocalCluster`` of 1 and then 2 single-threaded worker processes; each cluster is warmed up
first (imports and the encoder loaded on every worker), so the time is the work's. Scaling
efficiency = T(1 worker) / (2 × T(2 workers)); target >= 0.7. The peer is the local engine
doing the same stages in this process.

Run: ``python benchmarks/scale.py [--articles 2000] [--embedder lexical|auto]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _warm(embedder: str) -> str:
    """Runs on every worker: import what the tasks use and load the encoder once."""
    import newsprism.analyze.pipeline
    import newsprism.clean
    from newsprism.analyze.embed import get_encoder

    return f"{newsprism.analyze.pipeline.__name__}:{get_encoder(embedder).name}"


def distributed_stages(directory: str, workers: int, embedder: str) -> tuple[float, int]:
    from newsprism.scale import DaskEngine

    with DaskEngine(n_workers=workers, embedder=embedder) as engine:
        engine.client.run(_warm, embedder)
        t = time.perf_counter()
        result = engine.read([directory])  # prepares on the workers too (embedder given)
        engine.prepare(result.articles, embedder)
        return time.perf_counter() - t, len(result.articles)


def local_stages(directory: str, embedder: str) -> float:
    from newsprism.analyze.dedup import minhash
    from newsprism.analyze.pipeline import texts_to_embed
    from newsprism.api import read

    _warm(embedder)
    from newsprism.analyze.embed import get_encoder

    encoder = get_encoder(embedder)
    t = time.perf_counter()
    articles = read([directory]).articles
    for a in articles:
        minhash(a.text)
    encoder.encode(sorted({x for a in articles for x in texts_to_embed(a)}))
    return time.perf_counter() - t


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--embedder", default="lexical", choices=("lexical", "auto", "minilm"))
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from _corpus import write_corpus

    with tempfile.TemporaryDirectory(prefix="newsprism-scale-") as tmp:
        write_corpus(Path(tmp) / "c", args.articles)
        directory = str(Path(tmp) / "c")
        t_local = local_stages(directory, args.embedder)
        t1, n = distributed_stages(directory, 1, args.embedder)
        t2, _ = distributed_stages(directory, 2, args.embedder)
    print(f"{n} articles, embedder {args.embedder}, {os.cpu_count()} cores; "
          "stages: read, clean, MinHash, embed units")
    print(f"  local engine (this process) : {t_local:7.1f} s  {n / t_local:7.1f} docs/s")
    print(f"  dask, 1 worker              : {t1:7.1f} s  {n / t1:7.1f} docs/s")
    print(f"  dask, 2 workers             : {t2:7.1f} s  {n / t2:7.1f} docs/s")
    print(f"  speed-up 1 -> 2 workers {t1 / t2:.2f}; scaling efficiency {t1 / (2 * t2):.2f} (target >= 0.7)")
    print(f"  ratio dask 2 workers / local engine speed: {t_local / t2:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
