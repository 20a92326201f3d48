"""Helpers for the server tests: invented articles, a real server subprocess, job polling."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

#: Invented reports of one event (a dam inspection), in two outlets' styles.
DAM_REPORTS = {
    "lakeside.txt": (
        "Inspectors ordered the Korvala dam reservoir lowered on Thursday after finding seepage near the "
        "spillway, the regional water board said.\n\n"
        "About 1,200 residents downstream were told to prepare to leave. \"There is no immediate danger,\" "
        "said board engineer Maris Olvet.\n"
    ),
    "valley-courier.html": (
        "<html><head><title>Korvala reservoir to be lowered</title></head><body><article>"
        "<h1>Korvala reservoir to be lowered</h1>"
        "<p>The regional water board ordered the Korvala dam reservoir lowered on Thursday after seepage was "
        "found near the spillway.</p>"
        "<p>Nearly 1,300 people living downstream were asked to prepare for evacuation. Engineer Maris Olvet "
        "said: \"There is no immediate danger.\"</p></article></body></html>"
    ),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, db: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "NEWSPRISM_EMBEDDER": "lexical", "HF_HUB_OFFLINE": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "newsprism.cli", "serve", "--db", str(db), "--port", str(self.port)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        self._wait_until_up()

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.process.stderr.read().decode() if self.process.stderr else ''}")
            try:
                httpx.get(self.url + "/openapi.json", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError("server did not start within 30 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def wait_for_job(client: httpx.Client, job: dict, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while job["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, f"job {job['id']} still {job['status']}"
        time.sleep(0.1)
        job = client.get(f"/api/jobs/{job['id']}").json()
    return job
