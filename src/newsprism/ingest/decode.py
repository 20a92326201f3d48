"""Bytes → text: gzip, byte-order marks, declared charsets, detection.

Decoding order: a BOM wins; then a charset the container or the document declares
(HTTP header, ``<meta charset>``), used only if the bytes really decode with it;
then strict UTF-8; then charset-normalizer's best guess.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib

from newsprism.errors import InputError

# Leading bytes of common binary formats a user may drop in a folder by mistake.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file (WebP/WAV/AVI)"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", "a Windows executable"),
    (b"\x1f\x8b", "gzip data nested inside gzip"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"wOFF", "a web font"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""", re.I)

GZIP_MAGIC = b"\x1f\x8b"


def gunzip_capped(data: bytes, max_bytes: int, source: str) -> bytes:
    """Decompress gzip data, refusing output past ``max_bytes`` (a gzip bomb stops early)."""
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            while True:
                chunk = fh.read(1 << 20)
                if not chunk:
                    break
                out.write(chunk)
                if out.tell() > max_bytes:
                    raise InputError(
                        source,
                        f"decompresses to more than {max_bytes:,} bytes (the size cap); "
                        "raise it with --max-bytes if the file is genuine",
                    )
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"damaged gzip data ({exc})") from None
    return out.getvalue()


def sniff_binary(data: bytes) -> str | None:
    """A description of the binary format ``data`` looks like, or None if it may be text."""
    for magic, what in BINARY_SIGNATURES:
        if data.startswith(magic):
            return what
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None
    if head.count(b"\x00") > max(2, len(head) // 100):
        return "binary data (it contains NUL bytes)"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a document declares about itself in its first bytes (meta tag or XML prolog)."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").strip().lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode document bytes to text, or raise :class:`InputError` saying why it cannot be done."""
    what = sniff_binary(data)
    if what:
        raise InputError(source, f"not a text document: looks like {what}")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _normalise(data.decode(enc))
            except UnicodeDecodeError:
                break
    for enc in (declared, declared_charset(data)):
        if not enc:
            continue
        try:
            codecs.lookup(enc)
            text = data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue  # a label that lies: ignore it and detect
        if enc.replace("_", "-") in ("utf-8", "utf8") or not _looks_like_mojibake(text):
            return _normalise(text)
    try:
        return _normalise(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 2 << 20]).best()
    if best is None or best.encoding is None:
        raise InputError(source, "cannot decode the text: no character encoding fits (is it a binary file?)")
    try:
        return _normalise(data.decode(best.encoding, errors="replace"))
    except LookupError:
        raise InputError(source, f"cannot decode the text (guessed encoding {best.encoding!r})") from None


def _looks_like_mojibake(text: str) -> bool:
    """UTF-8 bytes decoded as a single-byte charset leave tell-tale pairs like 'Ã©' or 'â€'."""
    sample = text[:20000]
    return sample.count("Ã") + sample.count("â€") > 3


def _normalise(text: str) -> str:
    # Line ends are unified so offsets do not depend on the platform that wrote the file.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
