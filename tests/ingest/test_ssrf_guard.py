"""The SSRF guard: every way of spelling a private destination is refused before any connection."""

from __future__ import annotations

import ipaddress

import httpx
import pytest

from newsprism.errors import InputError
from newsprism.ingest.urls import blocked_reason, embedded_ipv4, fetch, literal_ip, parse_target

PUBLIC_IP = "93.184.216.34"

#: A stub DNS: names of an invented newsroom's world and what they resolve to.
ZONE: dict[str, list[str]] = {
    "news.example": [PUBLIC_IP],
    "wire.example": ["2606:4700:4700::1111"],
    "intranet.example": ["10.20.30.40"],
    "printshop.example": ["192.168.4.2"],
    "carrier.example": ["100.64.12.7"],
    "mixed.example": [PUBLIC_IP, "127.0.0.1"],
    "v6loop.example": ["::1"],
    "mapped.example": ["::ffff:10.0.0.8"],
    "meta.example": ["169.254.169.254"],
    "meta6.example": ["fd00:ec2::254"],
}


def page(body: bytes, ctype: str = "text/html") -> httpx.Response:
    """A streamed response, as a real server gives (the guard reads bodies as a stream)."""
    return httpx.Response(200, headers={"Content-Type": ctype}, stream=httpx.ByteStream(body))


def stub_resolver(host: str, port: int) -> list[str]:
    if host not in ZONE:
        raise OSError(f"unknown host {host}")
    return list(ZONE[host])


def _teredo_to(client: str) -> str:
    """A Teredo address whose (obfuscated) client field is ``client``."""
    server = int(ipaddress.IPv4Address("65.54.227.120"))
    obfuscated = int(ipaddress.IPv4Address(client)) ^ 0xFFFFFFFF
    return str(ipaddress.IPv6Address((0x20010000 << 96) | (server << 64) | (0xFFFF << 32) | obfuscated))


REFUSED_URLS = [
    "http://127.0.0.1/",
    "http://127.8.9.10/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[::127.0.0.1]/",
    "http://[2002:7f00:1::]/",  # 6to4 around 127.0.0.1
    "http://[2002:a00:1::1]/",  # 6to4 around 10.0.0.1
    "http://[64:ff9b::7f00:1]/",  # NAT64 around 127.0.0.1
    "http://[64:ff9b::a9fe:a9fe]/",  # NAT64 around the metadata address
    f"http://[{_teredo_to('127.0.0.1')}]/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://0x7f000001/",
    "http://0x7f.1/",
    "http://127.1/",
    "http://017700000001/",
    "http://127.0.0.1./",
    "http://10.1.2.3/",
    "http://172.16.0.9/",
    "http://192.168.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://169.254.1.1/",
    "http://100.64.0.1/",
    "http://100.100.100.200/",
    "http://224.0.0.251/",
    "http://240.0.0.1/",
    "http://255.255.255.255/",
    "http://0.0.0.0/",
    "http://0/",
    "http://[::]/",
    "http://[fe80::1]/",
    "http://[fc00::5]/",
    "http://[fd00:ec2::254]/",
    "http://[ff02::1]/",
    "http://localhost/",
    "http://LOCALHOST:8080/",
    "http://desk.localhost/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://metadata/",
    "http://intranet.example/",
    "http://printshop.example/",
    "http://carrier.example/",
    "http://mixed.example/",
    "http://v6loop.example/",
    "http://mapped.example/",
    "http://meta.example/",
    "http://meta6.example/",
    "http://news.example@127.0.0.1/",
    "http://news.example:pw@127.0.0.1/",
    "http://127.0.0.1#@news.example/",
    " http://127.0.0.1/",
    "\x01http://127.0.0.1/",
    "http://news.example\t@127.0.0.1/",
    "http://news.ex\x00ample/",
    "http://news.example\\@127.0.0.1/",
    "http://[fe80::1%25eth0]/",
    "file:///etc/passwd",
    "ftp://news.example/",
    "gopher://news.example/",
    "dict://news.example:11211/",
    "javascript:alert(1)",
    "data:text/html,<p>x</p>",
    "http:///nohost",
    "http://unknown-host.example/",
]


@pytest.mark.parametrize("url", REFUSED_URLS)
def test_private_and_tricky_destinations_are_refused_without_connecting(url: str, no_network: None) -> None:
    with pytest.raises(InputError) as info:
        fetch(url, max_bytes=1000, resolver=stub_resolver, allow_loopback=False)
    assert "\n" not in str(info.value)


def test_legacy_ip_spellings_are_read_like_inet_aton() -> None:
    for spelling in ("2130706433", "0177.0.0.1", "0x7f000001", "127.1", "0x7f.0.0.1"):
        assert literal_ip(spelling) == ipaddress.IPv4Address("127.0.0.1")
    assert literal_ip("news.example") is None
    assert literal_ip("deadbeef.example") is None
    assert literal_ip("1e2") is None


def test_reasons_name_the_kind_of_address() -> None:
    def why(a: str) -> str | None:
        return blocked_reason(ipaddress.ip_address(a))

    assert why("127.0.0.1") == "a loopback address"
    assert why("169.254.169.254") == "a cloud metadata address"
    assert "carrier-grade NAT" in (why("100.64.3.3") or "")
    assert why("::ffff:192.168.1.1") == "a private-network address wrapped in an IPv6 address"
    assert why(PUBLIC_IP) is None
    assert why("2606:4700:4700::1111") is None


def test_loopback_switch_opens_loopback_only() -> None:
    assert blocked_reason(ipaddress.ip_address("127.0.0.1"), allow_loopback=True) is None
    assert blocked_reason(ipaddress.ip_address("::1"), allow_loopback=True) is None
    assert blocked_reason(ipaddress.ip_address("10.0.0.1"), allow_loopback=True) is not None
    assert blocked_reason(ipaddress.ip_address("169.254.169.254"), allow_loopback=True) is not None


def test_embedded_ipv4_is_found_in_every_tunnel_form() -> None:
    def inner(a: str) -> list[str]:
        return [str(x) for x in embedded_ipv4(ipaddress.ip_address(a))]

    assert "127.0.0.1" in inner("::ffff:127.0.0.1")
    assert "127.0.0.1" in inner("2002:7f00:1::")
    assert "127.0.0.1" in inner("64:ff9b::7f00:1")
    assert "127.0.0.1" in inner(_teredo_to("127.0.0.1"))
    assert inner("2606:4700:4700::1111") == []
    assert inner("::1") == []


def test_a_public_name_is_fetched_from_the_checked_address_with_its_name_as_host() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return page(b"<p>x</p>", "text/html; charset=windows-1252")

    got = fetch("http://news.example/story?id=4", max_bytes=1000, resolver=stub_resolver,
                transport=httpx.MockTransport(answer), allow_loopback=False)
    assert got.data == b"<p>x</p>" and got.charset == "windows-1252" and got.content_type == "text/html"
    (request,) = seen
    assert request.url.host == PUBLIC_IP
    assert request.url.raw_path == b"/story?id=4"
    assert request.headers["host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"
    assert request.headers["user-agent"].startswith("newsprism/")


def test_ipv6_public_destination_is_bracketed() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return page(b"<p>y</p>")

    fetch("https://wire.example:8443/a", max_bytes=1000, resolver=stub_resolver,
          transport=httpx.MockTransport(answer), allow_loopback=False)
    assert seen[0].url.host == "2606:4700:4700::1111" and seen[0].url.port == 8443
    assert seen[0].headers["host"] == "wire.example:8443"


def _redirecting(location: str):
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": location})

    return httpx.MockTransport(answer)


@pytest.mark.parametrize(
    "location",
    ["http://127.0.0.1/admin", "http://intranet.example/", "http://[::ffff:10.0.0.1]/", "file:///etc/passwd",
     "http://2130706433/", "http://169.254.169.254/latest/"],
)
def test_a_redirect_to_a_private_destination_is_refused(location: str, no_network: None) -> None:
    with pytest.raises(InputError, match=r"refus|only http"):
        fetch("http://news.example/", max_bytes=1000, resolver=stub_resolver,
              transport=_redirecting(location), allow_loopback=False)


def test_redirects_are_limited_to_two() -> None:
    hops: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        hops.append(str(request.url.path))
        n = len(hops)
        return httpx.Response(302, headers={"Location": f"/hop{n}"})

    with pytest.raises(InputError, match="more than 2 redirects"):
        fetch("http://news.example/", max_bytes=1000, resolver=stub_resolver,
              transport=httpx.MockTransport(answer), allow_loopback=False)
    assert hops == ["/", "/hop1", "/hop2"]


class RebindingResolver:
    """Answers a public address the first time and loopback afterwards (a DNS-rebinding attacker)."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls += 1
        return [PUBLIC_IP] if self.calls == 1 else ["127.0.0.1"]


def test_dns_rebinding_cannot_move_the_connection_after_the_check() -> None:
    resolver = RebindingResolver()
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return page(b"<p>z</p>")

    fetch("http://rebind.example/", max_bytes=1000, resolver=resolver,
          transport=httpx.MockTransport(answer), allow_loopback=False)
    assert resolver.calls == 1  # resolved once; the connection used that answer, not a fresh lookup
    assert seen[0].url.host == PUBLIC_IP


def test_dns_rebinding_on_a_redirect_back_to_the_same_name_is_refused() -> None:
    resolver = RebindingResolver()
    with pytest.raises(InputError, match=r"resolves to 127\.0\.0\.1, a loopback address"):
        fetch("http://rebind.example/", max_bytes=1000, resolver=resolver,
              transport=_redirecting("/again"), allow_loopback=False)
    assert resolver.calls == 2


def test_parse_target_keeps_path_and_query_and_defaults_the_port() -> None:
    t = parse_target("HTTPS://News.Example/a/b?c=1#frag")
    assert (t.scheme, t.host, t.port, t.path, t.host_header) == ("https", "news.example", 443, "/a/b?c=1", "news.example")
