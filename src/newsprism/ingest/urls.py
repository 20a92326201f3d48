"""http(s) URLs → :class:`RawDocument`, fetched only on request and never from a private network.

Fetching is off unless the caller switches it on (``--fetch`` on the command line,
``fetch=True`` in :func:`newsprism.ingest.read_inputs`). When on, every hop of a fetch is:

1. parsed strictly (http/https only; no credentials, blanks or control characters);
2. resolved **once** (the resolver is injectable, so tests never touch DNS);
3. checked: every address the name resolves to must be public (see :func:`blocked_reason`);
4. connected to that very checked address, with the ``Host`` header and TLS SNI set to
   the name, so a DNS answer that changes between check and use cannot redirect us.

Redirects (at most :data:`MAX_REDIRECTS`) go through the same four steps again. Bodies
are streamed and cut at the size cap; compressed bodies are inflated by us, capped too.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import re
import socket
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from newsprism.errors import InputError
from newsprism.model import RawDocument

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
#: A resolver maps (host, port) to the IP address strings the name stands for.
Resolver = Callable[[str, int], list[str]]

TIMEOUT_SECONDS = 30.0
MAX_REDIRECTS = 2
#: Where the User-Agent tells site owners to look the tool up: its package page.
PROJECT_URL = "https://pypi.org/project/newsprism/"
#: Test-only: set to 1 to let fetches reach 127.0.0.0/8 and ::1 so tests can serve pages locally.
#: Never set it in production; every other private range stays refused even then.
ALLOW_LOOPBACK_ENV = "NEWSPRISM_ALLOW_LOOPBACK_FOR_TESTS"

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
#: Anything at or below space, DEL, and the C1 controls: browsers strip or mangle these, so a URL
#: that contains one may mean something different to us than to the user who pasted it.
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\\]")

#: Host names that reach cloud instance metadata or this machine itself without any DNS lookup.
BLOCKED_HOSTNAMES: frozenset[str] = frozenset(
    {
        "localhost",
        "localhost.localdomain",
        "ip6-localhost",
        "ip6-loopback",
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "metadata.azure.com",
        "instance-data",
        "instance-data.ec2.internal",
    }
)

#: Networks refused with a specific reason, checked before the generic attributes of an address
#: (cloud metadata endpoints first: they are the target an attacker wants most).
BLOCKED_NETWORKS: tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str], ...] = (
    (ipaddress.ip_network("169.254.169.254/32"), "a cloud metadata address"),
    (ipaddress.ip_network("169.254.170.2/32"), "a cloud metadata address"),
    (ipaddress.ip_network("100.100.100.200/32"), "a cloud metadata address"),
    (ipaddress.ip_network("fd00:ec2::254/128"), "a cloud metadata address"),
    (ipaddress.ip_network("100.64.0.0/10"), "a carrier-grade NAT address (100.64.0.0/10)"),
    (ipaddress.ip_network("192.0.0.0/24"), "an IETF protocol-assignment address"),
    (ipaddress.ip_network("198.18.0.0/15"), "a benchmarking address"),
)

#: IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64, IPv4-compatible).
_EMBEDDING_V4 = (
    ipaddress.ip_network("64:ff9b::/96"),
    ipaddress.ip_network("64:ff9b:1::/48"),
    ipaddress.ip_network("::/96"),
)


@dataclass(frozen=True)
class Target:
    """One parsed, not yet resolved, fetch destination."""

    url: str
    scheme: str
    host: str  # lower-case; IDNA-encoded for names, canonical text for IP literals
    port: int
    path: str  # path and query, as sent in the request line

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


def is_url(text: str) -> bool:
    """Whether an input names a URL (any scheme) rather than a file."""
    return bool(_SCHEME.match(text.lstrip()))


def url_name(url: str) -> str:
    """A short stable name for an article fetched from ``url``: the basis of its id."""
    return "u" + hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def loopback_allowed() -> bool:
    return os.environ.get(ALLOW_LOOPBACK_ENV) == "1"


def parse_target(url: str) -> Target:
    """Parse a URL strictly, or raise :class:`InputError` saying what about it is refused."""
    shown = _shown(url)
    if _UNSAFE_CHARS.search(url):
        raise InputError(shown, "URL contains blanks, backslashes or control characters; refusing it")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InputError(shown, f"not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(shown, f"only http and https URLs can be fetched, not {scheme or 'this'}:")
    if "@" in parts.netloc:
        raise InputError(shown, "URL carries a user name or password (user@host); refusing it")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise InputError(shown, "URL has no host name")
    host = _canonical_host(host, shown)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(url, scheme, host, port or (443 if scheme == "https" else 80), path)


def _canonical_host(host: str, shown: str) -> str:
    """IP literals in any spelling (``2130706433``, ``0x7f.1``, ``0177.0.0.1``) become plain dotted IPs."""
    if "%" in host:
        raise InputError(shown, "URL names an IPv6 zone (%); refusing it")
    ip = literal_ip(host)
    if ip is not None:
        return str(ip)
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise InputError(shown, f"host name {host!r} is not valid") from None


def literal_ip(host: str) -> IPAddress | None:
    """The address a host string spells directly, in every form C's ``inet_aton`` accepts, else None."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    # inet_aton accepts the legacy decimal, octal, hex and shortened forms that browsers honour too.
    if re.fullmatch(r"[0-9a-fA-FxX.]+", host) and re.match(r"[0-9]", host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def blocked_reason(ip: IPAddress, *, allow_loopback: bool = False) -> str | None:
    """Why ``ip`` must not be fetched from (e.g. "a loopback address"), or None when it is public."""
    for embedded in embedded_ipv4(ip):
        why = blocked_reason(embedded, allow_loopback=allow_loopback)
        if why:
            return f"{why} wrapped in an IPv6 address"
    if allow_loopback and ip.is_loopback:
        return None
    for net, why in BLOCKED_NETWORKS:
        if ip.version == net.version and ip in net:
            return why
    checks = (
        ("is_loopback", "a loopback address"),
        ("is_unspecified", "the unspecified address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_reserved", "a reserved address"),
        ("is_private", "a private-network address"),
        ("is_site_local", "a site-local address"),
    )
    for attr, why in checks:
        if getattr(ip, attr, False):
            return why
    if not ip.is_global:
        return "not a public address"
    return None


def embedded_ipv4(ip: IPAddress) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address tunnels to: mapped, 6to4, Teredo client, NAT64, IPv4-compatible."""
    if ip.version != 6:
        return []
    assert isinstance(ip, ipaddress.IPv6Address)
    found = [a for a in (ip.ipv4_mapped, ip.sixtofour) if a is not None]
    if ip.teredo is not None:
        server, client = ip.teredo
        found += [server, client]
    for net in _EMBEDDING_V4:
        if ip in net and int(ip) > 1:  # "::" and "::1" are themselves, not wrappers
            found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host`` (TCP), in its order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def checked_address(target: Target, resolver: Resolver, *, allow_loopback: bool) -> str:
    """Resolve the target once and return an address to connect to, or raise if any answer is private.

    Refusing when *any* answer is private (not just the first) closes the trick of a name that
    resolves to one public and one private address and lets the connection pick.
    """
    local_name = target.host in BLOCKED_HOSTNAMES or target.host.endswith((".localhost", ".internal"))
    if local_name and not (allow_loopback and target.host == "localhost"):
        raise InputError(_shown(target.url), f"host {target.host} is a local or metadata name; refusing it")
    ip = literal_ip(target.host)
    if ip is not None:
        answers = [ip]
    else:
        try:
            raw = resolver(target.host, target.port)
        except (OSError, UnicodeError) as exc:
            raise InputError(_shown(target.url), f"cannot resolve host {target.host} ({exc})") from None
        answers = []
        for text in raw:
            try:
                answers.append(ipaddress.ip_address(str(text).split("%")[0]))
            except ValueError:
                raise InputError(_shown(target.url), f"resolver gave a non-address {text!r}") from None
    if not answers:
        raise InputError(_shown(target.url), f"host {target.host} has no address")
    for answer in answers:
        why = blocked_reason(answer, allow_loopback=allow_loopback)
        if why:
            said = f"{answer} is" if ip is not None else f"host {target.host} resolves to {answer},"
            raise InputError(_shown(target.url), f"{said} {why}; refusing to fetch it")
    return str(answers[0])


# --- the fetch itself --------------------------------------------------------------------------


@dataclass(frozen=True)
class Fetched:
    """A response body within the caps, with what its headers say about it."""

    url: str  # the final URL, after redirects
    data: bytes
    content_type: str  # media type, lower-case, no parameters
    charset: str | None


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("newsprism")
    except PackageNotFoundError:  # a source checkout without installed metadata still fetches
        v = "0"
    return f"newsprism/{v} (+{PROJECT_URL})"


def fetch(
    url: str,
    *,
    max_bytes: int,
    resolver: Resolver | None = None,
    transport: object | None = None,
    allow_loopback: bool | None = None,
) -> Fetched:
    """GET ``url`` through the SSRF guard, following at most :data:`MAX_REDIRECTS` re-checked redirects.

    ``transport`` (an ``httpx.BaseTransport``) exists for tests; it receives requests already
    pinned to the checked IP address.
    """
    import httpx

    resolver = resolver or system_resolver
    allow = loopback_allowed() if allow_loopback is None else allow_loopback
    # trust_env=False: a proxy from the environment would do its own DNS lookup and void the check.
    client = httpx.Client(
        transport=transport,  # type: ignore[arg-type]
        timeout=httpx.Timeout(TIMEOUT_SECONDS),
        follow_redirects=False,
        trust_env=False,
    )
    with client:
        current = url
        for hop in range(MAX_REDIRECTS + 1):
            target = parse_target(current)
            address = checked_address(target, resolver, allow_loopback=allow)
            try:
                with client.stream("GET", **_pinned_request(target, address)) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        if hop == MAX_REDIRECTS:
                            raise InputError(_shown(url), f"more than {MAX_REDIRECTS} redirects; giving up")
                        if not location:
                            raise InputError(_shown(url), "redirect without a Location header")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise InputError(_shown(url), f"server answered HTTP {response.status_code}")
                    data = _read_capped(response, max_bytes, _shown(url))
                    ctype, charset = _content_type(response.headers.get("content-type", ""))
                    return Fetched(current, data, ctype, charset)
            except httpx.TimeoutException:
                raise InputError(_shown(url), f"timed out after {TIMEOUT_SECONDS:.0f} s") from None
            except httpx.HTTPError as exc:
                raise InputError(_shown(url), f"cannot fetch it ({type(exc).__name__}: {exc})") from None
    raise InputError(_shown(url), f"more than {MAX_REDIRECTS} redirects; giving up")  # pragma: no cover


def _pinned_request(target: Target, address: str) -> dict:
    """Request arguments that connect to ``address`` while presenting the name (Host header, SNI)."""
    ip_host = f"[{address}]" if ":" in address else address
    return {
        "url": f"{target.scheme}://{ip_host}:{target.port}{target.path}",
        "headers": {
            "Host": target.host_header,
            "User-Agent": user_agent(),
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
            "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
            # Only encodings we inflate ourselves under the cap.
            "Accept-Encoding": "gzip, deflate",
        },
        "extensions": {"sni_hostname": target.host},
    }


def _read_capped(response, max_bytes: int, shown: str) -> bytes:
    """The body, inflated, stopping as soon as either the wire or the inflated size passes the cap."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    inflater = _inflater(encoding, shown)
    deadline = time.monotonic() + TIMEOUT_SECONDS
    out = bytearray()
    received = 0
    for chunk in response.iter_raw(65536):
        received += len(chunk)
        if received > max_bytes:
            raise InputError(shown, f"page is larger than the size cap of {max_bytes:,} bytes (use --max-bytes)")
        out += _inflate(inflater, chunk, max_bytes - len(out) + 1, shown)
        if len(out) > max_bytes:
            raise InputError(shown, f"page inflates to more than the size cap of {max_bytes:,} bytes")
        if time.monotonic() > deadline:  # a server trickling bytes would otherwise beat the per-read timeout
            raise InputError(shown, f"download took longer than {TIMEOUT_SECONDS:.0f} s")
    if inflater is not None:
        out += inflater.flush()
        if len(out) > max_bytes:
            raise InputError(shown, f"page inflates to more than the size cap of {max_bytes:,} bytes")
    return bytes(out)


def _inflater(encoding: str, shown: str):
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise InputError(shown, f"server used an unsupported content encoding {encoding!r}")


def _inflate(inflater, chunk: bytes, room: int, shown: str) -> bytes:
    """Inflate one chunk, producing at most ``room`` bytes (so a bomb never materialises in memory)."""
    if inflater is None:
        return chunk
    try:
        # Input left over (unconsumed_tail) means the output hit ``room``: the caller sees it pass the cap.
        return inflater.decompress(chunk, room)
    except zlib.error as exc:
        raise InputError(shown, f"damaged compressed body ({exc})") from None


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", params, re.IGNORECASE)
    if m:
        charset = m.group(1).lower()
    return media.strip().lower(), charset


#: Media types that are pages newsprism can clean, and the RawDocument kind each becomes.
PAGE_KINDS: dict[str, str] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "": "auto",
}
#: Media types that are feeds (the body is read as RSS/Atom, each entry an article).
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)


def fetched_document(fetched: Fetched, source_url: str) -> RawDocument:
    """A fetched page as a raw document, or :class:`InputError` if it is not a page we can read."""
    kind = PAGE_KINDS.get(fetched.content_type)
    if kind is None:
        if fetched.content_type.startswith("text/"):
            kind = "text"
        else:
            raise InputError(_shown(source_url), f"not a web page (server says {fetched.content_type})")
    if not fetched.data.strip():
        raise InputError(_shown(source_url), "page is empty")
    return RawDocument(
        name=url_name(source_url), source=source_url, url=fetched.url, data=fetched.data,
        kind=kind, charset=fetched.charset,
    )


def read_url(
    url: str, *, max_bytes: int, resolver: Resolver | None = None, transport: object | None = None
) -> Iterator[RawDocument | InputError]:
    """One URL: its page, or each entry of its feed; errors are yielded in place of documents."""
    from newsprism.ingest.feeds import feed_documents, looks_like_feed

    try:
        fetched = fetch(url, max_bytes=max_bytes, resolver=resolver, transport=transport)
    except InputError as exc:
        yield exc
        return
    if fetched.content_type in FEED_TYPES or (
        fetched.content_type not in ("text/html", "application/xhtml+xml") and looks_like_feed(fetched.data)
    ):
        yield from feed_documents(
            fetched.data, url, max_bytes=max_bytes, fetch=True, resolver=resolver, transport=transport
        )
        return
    try:
        yield fetched_document(fetched, url)
    except InputError as exc:
        yield exc


def _shown(url: str) -> str:
    """A URL safe to print on one line: control characters escaped."""
    return url.encode("unicode_escape", "backslashreplace").decode("ascii")[:300]
