"""Files, directories and standard input → :class:`RawDocument` (or an :class:`InputError` per bad file).

A bad file never stops the batch: :func:`read_inputs` yields the error in its place
and goes on with the next input. It also dispatches the other kinds of input: URLs
(only when fetching is on), RSS/Atom feeds and web archives (WARC).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprism.errors import FetchDisabledError, InputError
from newsprism.ingest.decode import GZIP_MAGIC, gunzip_capped
from newsprism.ingest.feeds import FEED_EXTENSIONS, feed_documents, looks_like_feed
from newsprism.ingest.urls import Resolver, is_url, read_url
from newsprism.ingest.warc import WARC_EXTENSIONS, is_warc_name, looks_like_warc, warc_documents
from newsprism.model import RawDocument

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: Extensions read when a directory is walked; a file named explicitly is always tried.
TEXT_EXTENSIONS = {".txt", ".text", ""}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
#: Feed extensions picked up when walking a directory (``.xml`` only when named: it is often not a feed).
DIRECTORY_FEED_EXTENSIONS = {".rss", ".atom"}
#: Extensions stripped from a file name to make the article id ("a.html.gz" → "a").
ID_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | {".gz", ".md"}


def article_name(path: str) -> str:
    """File name without its document extensions: ``004_x.txt`` → ``004_x``, ``p.html.gz`` → ``p``."""
    name = os.path.basename(path.rstrip("/\\")) or "document"
    while True:
        stem, ext = os.path.splitext(name)
        if ext.lower() in ID_EXTENSIONS and ext and stem:
            name = stem
        else:
            return name


def kind_from_name(path: str) -> str:
    name = path.lower()
    name = name.removesuffix(".gz")
    ext = os.path.splitext(name)[1]
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in TEXT_EXTENSIONS:
        return "text"
    return "auto"


def _wanted_in_directory(path: Path) -> bool:
    if path.name.startswith("."):
        return False
    name = path.name.lower()
    name = name.removesuffix(".gz")
    if name.endswith(WARC_EXTENSIONS):
        return True
    return os.path.splitext(name)[1] in TEXT_EXTENSIONS | HTML_EXTENSIONS | DIRECTORY_FEED_EXTENSIONS


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Each path as given; directories walked recursively in sorted order (deterministic ids)."""
    for p in paths:
        if p != "-" and os.path.isdir(p):
            found = sorted(
                str(f) for f in Path(p).rglob("*") if f.is_file() and _wanted_in_directory(f)
            )
            yield from found
        else:
            yield p


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read one file (``-`` is standard input), gunzipping it when needed, within the size cap."""
    shown = _printable(path)
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name, source = "stdin", "-"
    else:
        try:
            size = os.path.getsize(path)
        except FileNotFoundError:
            raise InputError(shown, "no such file or directory") from None
        except OSError as exc:
            raise InputError(shown, f"cannot read it ({exc.strerror or exc})") from None
        if size > max_bytes and not path.lower().endswith(".gz"):
            raise InputError(
                shown, f"file is {size:,} bytes, larger than the size cap of {max_bytes:,} (use --max-bytes)"
            )
        try:
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except IsADirectoryError:
            raise InputError(shown, "is a directory with no readable documents") from None
        except OSError as exc:
            raise InputError(shown, f"cannot read it ({exc.strerror or exc})") from None
        name, source = article_name(shown), shown
    if len(data) > max_bytes:
        raise InputError(shown, f"larger than the size cap of {max_bytes:,} bytes (use --max-bytes)")
    if data.startswith(GZIP_MAGIC):
        data = gunzip_capped(data, max_bytes, shown)
    if not data.strip():
        raise InputError(shown, "file is empty")
    return RawDocument(name=name, source=source, data=data, kind=kind_from_name(path))


def read_inputs(
    paths: Iterable[str | bytes],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    fetch: bool = False,
    resolver: Resolver | None = None,
) -> Iterator[RawDocument | InputError]:
    """Every document named by ``paths``, or an :class:`InputError` in place of each one that cannot be read.

    ``fetch=True`` allows http(s) URLs (and the links of feed entries) to be downloaded through the
    SSRF guard of :mod:`newsprism.ingest.urls`; ``resolver`` replaces DNS there (for tests).
    """
    for path in expand_paths(os.fsdecode(p) if isinstance(p, bytes) else p for p in paths):
        if is_url(path) and not os.path.exists(path):
            yield from _read_url_input(path, max_bytes, fetch, resolver)
        elif os.path.isdir(path):
            continue
        elif path != "-" and (is_warc_name(path) or looks_like_warc(path)):
            yield from warc_documents(path, _printable(path), max_bytes=max_bytes)
        else:
            try:
                raw = read_file(path, max_bytes)
            except InputError as exc:
                yield exc
                continue
            if _is_feed(path, raw.data):
                yield from feed_documents(raw.data, raw.source, max_bytes=max_bytes, fetch=fetch, resolver=resolver)
            else:
                yield raw


def _read_url_input(
    url: str, max_bytes: int, fetch: bool, resolver: Resolver | None
) -> Iterator[RawDocument | InputError]:
    scheme = url.lstrip().split(":", 1)[0].lower()
    if scheme not in ("http", "https"):
        yield InputError(_printable(url), f"only http and https URLs can be fetched, not {scheme}:")
    elif not fetch:
        yield FetchDisabledError(_printable(url), "fetching is off; pass --fetch to allow it")
    else:
        yield from read_url(url, max_bytes=max_bytes, resolver=resolver)


def _is_feed(path: str, data: bytes) -> bool:
    ext = os.path.splitext(path.lower().removesuffix(".gz"))[1]
    return ext in FEED_EXTENSIONS or looks_like_feed(data)


def _printable(path: str) -> str:
    """A path safe to show: undecodable bytes of a non-UTF-8 file name are escaped, not crashed on."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8")
