"""Run ``newsprism.api.read`` on hostile inputs in a fresh process with networking disabled.

Invoked as ``python child.py '<json job>'``; prints one JSON line: time (wall and CPU) spent in ``read``,
peak memory of the process (ru_maxrss, including the import baseline), the baseline after
imports and a warm-up read, and what came out (articles and one-line problems).
"""

from __future__ import annotations

import json
import os
import resource
import socket
import sys
import time


def _no_network(*args, **kwargs):
    raise OSError("network access attempted during parsing")


def disable_network() -> None:
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.socket.connect_ex = _no_network  # type: ignore[method-assign]
    socket.create_connection = _no_network  # type: ignore[assignment]
    socket.getaddrinfo = _no_network  # type: ignore[assignment]


def peak_rss_bytes() -> int:
    """Peak resident memory of this process image.

    VmHWM is read first: ru_maxrss keeps the high-water mark of the process that forked us
    (Linux carries it across exec), so a large test runner would inflate it.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main() -> None:
    job = json.loads(sys.argv[1])
    disable_network()
    from newsprism.api import read

    if job.get("warmup"):
        read([job["warmup"]])  # first use loads lazy parts of the HTML extractor; not the case's cost
    baseline = peak_rss_bytes()
    paths = [os.fsencode(p) if job.get("bytes_paths") else p for p in job["paths"]]
    start, cpu_start = time.perf_counter(), time.process_time()
    result = read(paths, max_bytes=job["max_bytes"], fast=job.get("fast", False))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(json.dumps({
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "peak": peak_rss_bytes(),
        "baseline": baseline,
        "articles": [{"id": a.id, "source": a.source, "chars": len(a.text)} for a in result.articles],
        "problems": [str(p) for p in result.problems],
        "leaked": sorted({w for w in job.get("forbidden", []) for a in result.articles if w in a.text}),
    }))


if __name__ == "__main__":
    main()
