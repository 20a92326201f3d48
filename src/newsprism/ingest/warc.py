"""Web archives (WARC, WARC.gz) → one :class:`RawDocument` per archived HTML page.

Each successful (2xx) ``response`` record, or ``resource`` record, whose media type is HTML
becomes an article with the record's target URL as source (so the outlet is the site's name
or host). Other records (requests, metadata, images, redirects) are skipped silently. A
record cut short by a truncated file becomes an :class:`InputError` for that record; the
records before it are kept. The archive is streamed: only one record is in memory at a time,
and each record is held to the size cap on its own.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator

from newsprism.errors import InputError
from newsprism.model import RawDocument

#: File name endings read as web archives.
WARC_EXTENSIONS = (".warc", ".warc.gz", ".arc", ".arc.gz")
#: Media types of records kept as articles.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
WARC_MAGIC = b"WARC/"


def is_warc_name(path: str) -> bool:
    return path.lower().endswith(WARC_EXTENSIONS)


def looks_like_warc(path: str) -> bool:
    """Whether the file at ``path`` starts with a WARC header (plain or gzipped)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(512)
            if head.startswith(b"\x1f\x8b"):
                fh.seek(0)
                with gzip.GzipFile(fileobj=fh) as gz:
                    head = gz.read(16)
    except (OSError, EOFError, zlib.error):
        return False
    return head.startswith(WARC_MAGIC)


def warc_documents(path: str, shown: str, *, max_bytes: int) -> Iterator[RawDocument | InputError]:
    """Every HTML page archived in the WARC file at ``path``; errors yielded in place, never raised."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from newsprism.ingest.urls import url_name

    kept = 0
    cut_short = False
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed in finally; the iterator streams from it
    except OSError as exc:
        yield InputError(shown, f"cannot read it ({exc.strerror or exc})")
        return
    try:
        for record in _quiet(ArchiveIterator)(fh):
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{shown}#{kept + 1}"
            if not _is_html_page(record):
                if _drained_short(record):
                    cut_short = True
                    yield InputError(uri, "archive record is truncated (the file ends inside it)")
                continue
            try:
                data = _record_body(record, uri, max_bytes)
            except InputError as exc:
                cut_short = cut_short or "truncated" in exc.problem
                yield exc
                continue
            kept += 1
            if not data.strip():
                yield InputError(uri, "archived page is empty")
                continue
            yield RawDocument(
                name=url_name(uri), source=uri, url=uri if "://" in uri else None, data=data, kind="html",
                charset=_charset(record),
            )
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError) as exc:
        yield InputError(shown, f"damaged web archive after {kept} pages ({_one_line(exc)})")
        return
    except Exception as exc:  # the archive reader fails in many ways (AttributeError…) on damaged input
        yield InputError(shown, f"damaged web archive after {kept} pages ({_one_line(exc)})")
        return
    finally:
        fh.close()
    if not cut_short and _truncated(path):
        yield InputError(shown, f"web archive is truncated: it ends inside a record; kept the {kept} pages before it")


def _quiet(base: type) -> type:
    """The archive reader with its stderr warning about bad record lengths silenced (we report damage)."""
    return type("QuietArchiveIterator", (base,), {"INC_RECORD": ""})


def _is_html_page(record) -> bool:
    if record.rec_type == "response":
        if record.http_headers is None:
            return False
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return False
        ctype = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    return ctype.split(";")[0].strip().lower() in HTML_TYPES


def _record_body(record, uri: str, max_bytes: int) -> bytes:
    """The record's payload (de-chunked, inflated), capped; raises if the record was cut short."""
    stream = record.content_stream()
    parts: list[bytes] = []
    size = 0
    try:
        while True:
            chunk = stream.read(1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise InputError(uri, f"archived page is larger than the size cap of {max_bytes:,} bytes")
            parts.append(chunk)
    except (zlib.error, EOFError, ValueError) as exc:
        raise InputError(uri, f"archived page is damaged ({_one_line(exc)})") from None
    # Bytes the record's Content-Length promised but the file never delivered.
    missing = getattr(record.raw_stream, "limit", 0)
    if missing and size <= max_bytes:
        raise InputError(uri, f"archive record is truncated ({missing:,} bytes missing)")
    return b"".join(parts)


def _drained_short(record) -> bool:
    """Read a skipped record to its end; whether the file ended before its Content-Length did."""
    try:
        while record.raw_stream.read(1 << 20):
            pass
    except (zlib.error, EOFError, ValueError):
        return True
    return bool(getattr(record.raw_stream, "limit", 0))


def _charset(record) -> str | None:
    from newsprism.ingest.urls import _content_type

    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    return _content_type(headers.get_header("Content-Type") or "")[1]


def _truncated(path: str) -> bool:
    """Whether the archive stops inside a record (the reader treats that as a quiet end).

    A plain WARC record ends with two CRLFs, so a complete file does too; a gzipped one must
    end at the end of a gzip member.
    """
    if not _starts_with_gzip(path):
        try:
            with open(path, "rb") as fh:
                fh.seek(max(0, os.path.getsize(path) - 4))
                return fh.read(4) != b"\r\n\r\n"
        except OSError:
            return True
    try:
        with open(path, "rb") as fh, gzip.GzipFile(fileobj=fh) as gz:
            while gz.read(1 << 20):
                pass
    except EOFError:
        return True
    except (OSError, zlib.error):
        return True
    return False


def _starts_with_gzip(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(2) == b"\x1f\x8b"
    except OSError:
        return False


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


__all__ = ["WARC_EXTENSIONS", "is_warc_name", "looks_like_warc", "warc_documents"]
