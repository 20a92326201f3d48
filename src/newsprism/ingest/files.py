"""Files, directories and standard input → :class:`RawDocument` (or an :class:`InputError` per bad file).

A bad file never stops the batch: :func:`read_inputs` yields the error in its place
and goes on with the next input.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsprism.errors import InputError
from newsprism.ingest.decode import GZIP_MAGIC, gunzip_capped
from newsprism.model import RawDocument

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: Extensions read when a directory is walked; a file named explicitly is always tried.
TEXT_EXTENSIONS = {".txt", ".text", ""}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
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
    if name.endswith(".gz"):
        name = name[:-3]
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
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1] in TEXT_EXTENSIONS | HTML_EXTENSIONS


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


def read_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """Every document named by ``paths``, or an :class:`InputError` in place of each one that cannot be read."""
    for path in expand_paths(paths):
        if os.path.isdir(path):
            continue
        try:
            yield read_file(path, max_bytes)
        except InputError as exc:
            yield exc


def _printable(path: str) -> str:
    """A path safe to show: undecodable bytes of a non-UTF-8 file name are escaped, not crashed on."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8")
