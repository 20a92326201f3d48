"""Fetching for real, from a page server on loopback: switches, caps, redirects, feeds by URL."""

from __future__ import annotations

import gzip
import time
import zlib

import pytest

from newsprism.api import read
from newsprism.errors import FetchDisabledError, InputError
from newsprism.ingest import read_inputs
from newsprism.ingest import urls as urls_module
from newsprism.ingest.urls import ALLOW_LOOPBACK_ENV, url_name
from newsprism.model import RawDocument

from .conftest import LocalServer, Route

STORY = (
    "<!DOCTYPE html><html><head><title>Tram line reopens</title></head><body><article>"
    "<h1>Tram line reopens after flood repairs</h1>"
    "<p>The riverside tram line carried passengers again on Thursday, eleven days after floodwater "
    "damaged its signalling cabinets, the city transport office said.</p>"
    "<p>Engineers replaced four cabinets and raised two others above the 2019 flood mark, according "
    "to a statement that put the cost at about 1.2 million euros.</p>"
    "</article></body></html>"
)


def _only(items: list) -> RawDocument:
    (item,) = items
    assert isinstance(item, RawDocument), item
    return item


def test_a_url_without_the_fetch_switch_says_how_to_switch_it_on(no_network: None) -> None:
    (item,) = list(read_inputs(["https://news.example/tram"]))
    assert isinstance(item, FetchDisabledError)
    assert "fetching is off; pass --fetch to allow it" in str(item)


def test_other_schemes_are_refused_even_with_fetching_off(no_network: None) -> None:
    (item,) = list(read_inputs(["ftp://news.example/tram"]))
    assert isinstance(item, InputError) and "only http and https" in item.problem


def test_a_page_is_fetched_with_its_charset_and_a_name_hashed_from_the_url(local_server: LocalServer) -> None:
    local_server.routes["/tram"] = Route(body=STORY.encode("cp1252"),
                                         headers={"Content-Type": "text/html; charset=windows-1252"})
    url = local_server.url("/tram")
    raw = _only(list(read_inputs([url], fetch=True)))
    assert (raw.source, raw.url, raw.kind, raw.charset) == (url, url, "html", "windows-1252")
    assert raw.name == url_name(url) and raw.data == STORY.encode("cp1252")
    ua = local_server.seen[0]["user-agent"]
    assert ua.startswith("newsprism/") and "(+" in ua


def test_read_with_fetch_gives_an_article_whose_outlet_is_known(local_server: LocalServer) -> None:
    local_server.routes["/tram"] = Route(body=STORY.encode())
    result = read([local_server.url("/tram")], fetch=True)
    assert not result.problems
    (article,) = result.articles
    assert "eleven days after floodwater" in article.text
    assert article.outlet


def test_loopback_stays_refused_without_the_test_switch(local_server: LocalServer, monkeypatch) -> None:
    monkeypatch.delenv(ALLOW_LOOPBACK_ENV)
    local_server.routes["/tram"] = Route(body=STORY.encode())
    (item,) = list(read_inputs([local_server.url("/tram")], fetch=True))
    assert isinstance(item, InputError) and "loopback" in item.problem
    assert local_server.seen == []


def test_a_body_over_the_cap_is_cut_off(local_server: LocalServer) -> None:
    local_server.routes["/big"] = Route(body=b"<p>" + b"a" * 300_000 + b"</p>")
    (item,) = list(read_inputs([local_server.url("/big")], 100_000, fetch=True))
    assert isinstance(item, InputError) and "size cap" in item.problem


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_compression_bomb_is_stopped_at_the_cap(local_server: LocalServer, encoding: str) -> None:
    inflated = b"<p>" + b" " * 20_000_000 + b"</p>"
    packed = gzip.compress(inflated, 9) if encoding == "gzip" else zlib.compress(inflated, 9)
    assert len(inflated) / len(packed) > 500
    local_server.routes["/bomb"] = Route(body=packed,
                                         headers={"Content-Type": "text/html", "Content-Encoding": encoding})
    (item,) = list(read_inputs([local_server.url("/bomb")], 1_000_000, fetch=True))
    assert isinstance(item, InputError) and "inflates to more than" in item.problem


def test_a_compressed_page_within_the_cap_is_inflated(local_server: LocalServer) -> None:
    local_server.routes["/z"] = Route(body=gzip.compress(STORY.encode()),
                                      headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    assert _only(list(read_inputs([local_server.url("/z")], fetch=True))).data == STORY.encode()


def test_two_redirects_are_followed_and_a_third_is_refused(local_server: LocalServer) -> None:
    local_server.routes["/tram"] = Route(body=STORY.encode())
    for src, dst in (("/a", "/b"), ("/b", "/c"), ("/c", "/tram"), ("/x", "/a")):
        local_server.routes[src] = Route(302, {"Location": local_server.url(dst)})
    raw = _only(list(read_inputs([local_server.url("/b")], fetch=True)))
    assert raw.url == local_server.url("/tram") and raw.source == local_server.url("/b")
    (item,) = list(read_inputs([local_server.url("/a")], fetch=True))
    assert isinstance(item, InputError) and "more than 2 redirects" in item.problem


def test_http_errors_and_non_pages_are_one_line_problems(local_server: LocalServer) -> None:
    local_server.routes["/photo"] = Route(body=b"\x89PNG\r\n\x1a\n" + bytes(64), headers={"Content-Type": "image/png"})
    items = list(read_inputs([local_server.url("/gone"), local_server.url("/photo")], fetch=True))
    assert [type(i) for i in items] == [InputError, InputError]
    assert "HTTP 404" in items[0].problem and "not a web page" in items[1].problem


def test_a_slow_server_times_out(local_server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(urls_module, "TIMEOUT_SECONDS", 0.3)
    local_server.routes["/slow"] = Route(body=b"<p>late</p>", delay=1.5)
    start = time.monotonic()
    (item,) = list(read_inputs([local_server.url("/slow")], fetch=True))
    assert isinstance(item, InputError) and "timed out" in item.problem
    assert time.monotonic() - start < 1.2


def _cli(*args: str, env_extra: dict[str, str] | None = None):
    import os
    import subprocess
    import sys
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "src"
    env = {"PYTHONPATH": str(src), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HF_HUB_OFFLINE": "1",
           **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "newsprism.cli", *args], capture_output=True, text=True,
                          timeout=60, env=env)


def test_cli_extract_fetches_with_the_switch_and_explains_without_it(local_server: LocalServer) -> None:
    import json

    local_server.routes["/tram"] = Route(body=STORY.encode())
    url = local_server.url("/tram")
    off = _cli("extract", "-q", url, env_extra={ALLOW_LOOPBACK_ENV: "1"})
    assert off.returncode == 2 and "fetching is off; pass --fetch to allow it" in off.stderr
    assert local_server.seen == []
    on = _cli("extract", "-q", "--fetch", url, env_extra={ALLOW_LOOPBACK_ENV: "1"})
    assert on.returncode == 0, on.stderr
    (line,) = on.stdout.splitlines()
    assert json.loads(line)["source"] == url
    refused = _cli("extract", "-q", "--fetch", url)  # no test switch: loopback is private
    assert refused.returncode == 2 and "loopback address" in refused.stderr
    assert len(local_server.seen) == 1
