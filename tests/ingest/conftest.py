"""Shared fixtures for ingest tests: no network at all, or a page server on loopback only."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsprism.ingest.urls import ALLOW_LOOPBACK_ENV


def _refuse(*args, **kwargs):
    raise AssertionError("network access attempted")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any socket connection or DNS lookup fails the test."""
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)


@dataclass
class Route:
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    body: bytes = b""
    delay: float = 0.0  # seconds to wait before answering


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route]
    seen: list[dict[str, str]]  # request headers, in order, with the path under "_path"

    def url(self, path: str) -> str:
        return self.base + path


def _handler(routes: dict[str, Route], seen: list[dict[str, str]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append({"_path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
            route = routes.get(self.path, Route(404, {"Content-Type": "text/plain"}, b"not here"))
            time.sleep(route.delay)
            self.send_response(route.status)
            for key, value in route.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            # The client may stop reading at its size cap, as it should.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

        def log_message(self, *args) -> None:
            pass

    return Handler


@pytest.fixture
def local_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    """An HTTP server on 127.0.0.1 serving ``routes``; loopback fetching is allowed for the test."""
    monkeypatch.setenv(ALLOW_LOOPBACK_ENV, "1")
    routes: dict[str, Route] = {}
    seen: list[dict[str, str]] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes, seen))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{server.server_address[1]}", routes, seen)
    finally:
        server.shutdown()
        server.server_close()
