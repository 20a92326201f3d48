"""The real server: ``newsprism serve`` in a subprocess on a free loopback port, reached over HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from serve_helpers import Server


# One server per test module: modules that assert exact ids must not see each other's uploads.
@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = Server(tmp_path_factory.mktemp("serve") / "served.db")
    yield srv
    srv.stop()


@pytest.fixture
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c
