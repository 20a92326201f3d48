"""Wall time of ``brief``: the seeds cold (fresh process, model load included) and warm, and 200 articles.

Usage: python benchmarks/brief.py [--seeds DIR] [--many N]

Targets (2 cores): cold seeds briefing <= 10 s, warm <= 2 s. The 200-article corpus
is synthesised from the bundled example and test fixtures by renaming and light edits,
so it holds several stories and syndicated copies.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def cold(seeds: Path) -> float:
    code = (
        "import time; t=time.perf_counter(); import newsprism; "
        f"b=newsprism.brief([{str(seeds)!r}]); b.to_json(); print(time.perf_counter()-t)"
    )
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return time.perf_counter() - start


def forget_vectors() -> None:
    """Warm means the model is loaded, not that these very sentences were embedded before."""
    from newsprism.analyze import embed

    for encoder in embed._encoders.values():
        getattr(encoder, "_cache", {}).clear()


def warm(paths: list[str], repeat: int = 3) -> float:
    import newsprism

    newsprism.brief(paths).to_json()  # loads the model once
    best = float("inf")
    for _ in range(repeat):
        forget_vectors()
        start = time.perf_counter()
        newsprism.brief(paths).to_json()
        best = min(best, time.perf_counter() - start)
    return best


def synthesise(n: int, into: Path) -> list[str]:
    sources = sorted(p for p in (ROOT / "examples").rglob("*") if p.is_file() and p.suffix in (".txt", ".html"))
    sources += sorted(p for p in (ROOT / "tests" / "fixtures" / "stories").rglob("*")
                      if p.is_file() and p.suffix in (".txt", ".html"))
    if not sources:
        sys.exit("no example or fixture articles found")
    for i in range(n):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8")
        if i >= len(sources):  # a later copy: an edited reprint with its own footer
            text = text.replace(".", ". ", 1) + f"\n\nReprinted item {i}."
        (into / f"a{i:04d}{src.suffix}").write_text(text, encoding="utf-8")
    return [str(into)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    ap.add_argument("--many", type=int, default=200)
    args = ap.parse_args()
    c = cold(args.seeds)
    print(f"seeds cold (new process, model load included): {c:6.2f} s   target <= 10 s   {'ok' if c <= 10 else 'MISSED'}")
    w = warm([str(args.seeds)])
    print(f"seeds warm:                                    {w:6.2f} s   target <=  2 s   {'ok' if w <= 2 else 'MISSED'}")
    tmp = Path(tempfile.mkdtemp(prefix="newsprism-bench-"))
    try:
        paths = synthesise(args.many, tmp)
        forget_vectors()
        start = time.perf_counter()
        import newsprism

        b = newsprism.brief(paths)
        t = time.perf_counter() - start
        print(f"{args.many} articles warm:                            {t:6.2f} s   "
              f"({args.many / t:.1f} docs/s, {len(b.stories)} stories)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
