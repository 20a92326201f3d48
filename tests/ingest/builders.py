"""Build feeds and web archives at test time from invented stories (nothing large is committed)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from html import escape

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class Entry:
    title: str
    link: str | None
    body_html: str
    author: str | None = None
    date_rfc822: str | None = None  # RSS pubDate
    date_iso: str | None = None  # Atom updated/published


# Three invented reports about one event: a regional water company's boil-water notice.
ENTRIES = (
    Entry(
        "Boil-water notice for Westmere",
        "http://valleyherald.example/water-notice",
        "<p>Residents of Westmere were told on Saturday to boil tap water after routine tests found "
        "bacteria at the Harlow reservoir, the regional water company said.</p>"
        "<p>About 14,500 homes are covered by the notice, which the company expects to last until midweek.</p>",
        author="Ines Varga",
        date_rfc822="Sat, 12 Apr 2025 09:30:00 +0000",
        date_iso="2025-04-12T09:30:00Z",
    ),
    Entry(
        "Water company hands out bottles",
        "http://valleyherald.example/bottles",
        "<p>Volunteers handed out bottled water at three schools in Westmere on Sunday, a day after the "
        "water company issued a boil-water notice.</p>",
        author="Tom Achebe",
        date_rfc822="Sun, 13 Apr 2025 16:05:00 +0000",
        date_iso="2025-04-13T16:05:00Z",
    ),
    Entry(
        "Reservoir tests clear",
        None,
        "<p>Fresh tests at the Harlow reservoir came back clear on Tuesday and the boil-water notice for "
        "Westmere was lifted at noon, the company said in a statement.</p>",
        date_rfc822="Tue, 15 Apr 2025 12:00:00 +0000",
        date_iso="2025-04-15T12:00:00Z",
    ),
)


def rss_feed(entries: tuple[Entry, ...] = ENTRIES) -> bytes:
    items = []
    for e in entries:
        parts = [f"<title>{escape(e.title)}</title>"]
        if e.link:
            parts.append(f"<link>{escape(e.link)}</link><guid>{escape(e.link)}</guid>")
        if e.author:
            parts.append(f"<dc:creator>{escape(e.author)}</dc:creator>")
        if e.date_rfc822:
            parts.append(f"<pubDate>{e.date_rfc822}</pubDate>")
        parts.append(f"<description>{escape(e.body_html)}</description>")
        items.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        "<title>Valley Herald</title><link>http://valleyherald.example/</link>"
        "<description>Local news</description>" + "".join(items) + "</channel></rss>\n"
    ).encode("utf-8")


def atom_feed(entries: tuple[Entry, ...] = ENTRIES) -> bytes:
    items = []
    for i, e in enumerate(entries):
        link = f'<link rel="alternate" href="{escape(e.link)}"/>' if e.link else ""
        author = f"<author><name>{escape(e.author)}</name></author>" if e.author else ""
        items.append(
            f"<entry><id>urn:valley:{i}</id><title>{escape(e.title)}</title>{link}{author}"
            f"<updated>{e.date_iso}</updated><published>{e.date_iso}</published>"
            f'<content type="html">{escape(e.body_html)}</content></entry>'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Valley Herald</title><id>urn:valley</id><updated>2025-04-15T12:00:00Z</updated>"
        + "".join(items) + "</feed>\n"
    ).encode("utf-8")


def page_html(title: str, body_html: str) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
        f"<body><article><h1>{escape(title)}</h1>{body_html}</article></body></html>"
    ).encode()


@dataclass(frozen=True)
class Record:
    uri: str
    content_type: str
    body: bytes
    status: str = "200 OK"
    rec_type: str = "response"


def warc_bytes(records: list[Record], *, gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for r in records:
        if r.rec_type == "response":
            headers = StatusAndHeaders(r.status, [("Content-Type", r.content_type)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(r.uri, "response", payload=io.BytesIO(r.body), http_headers=headers)
        else:
            rec = writer.create_warc_record(
                r.uri, r.rec_type, payload=io.BytesIO(r.body), warc_content_type=r.content_type
            )
        writer.write_record(rec)
    return buf.getvalue()


def archive_records() -> list[Record]:
    """Two archived HTML pages, an image and a metadata record, in crawl order."""
    first, second = ENTRIES[0], ENTRIES[1]
    assert first.link and second.link
    return [
        Record(first.link, "text/html; charset=utf-8", page_html(first.title, first.body_html)),
        Record("http://valleyherald.example/map.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        Record(first.link, "application/json", b'{"crawler": "invented"}', rec_type="metadata"),
        Record("http://valleyherald.example/old", "text/html", b"<p>moved</p>", status="301 Moved Permanently"),
        Record(second.link, "text/html", page_html(second.title, second.body_html)),
    ]
