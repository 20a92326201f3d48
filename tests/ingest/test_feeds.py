"""RSS and Atom feeds: each entry an article, with its metadata, offline or fetched."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.api import read
from newsprism.errors import InputError
from newsprism.ingest import read_inputs
from newsprism.ingest.feeds import looks_like_feed
from newsprism.model import RawDocument

from .builders import ENTRIES, atom_feed, page_html, rss_feed
from .conftest import LocalServer, Route


@pytest.mark.parametrize(("name", "build"), [("valley.rss", rss_feed), ("valley.atom", atom_feed),
                                             ("valley.xml", rss_feed), ("valley-feed.txt", atom_feed)])
def test_each_entry_becomes_an_article_with_its_metadata(tmp_path: Path, name, build, no_network) -> None:
    path = tmp_path / name
    path.write_bytes(build())
    result = read([str(path)])
    assert not result.problems
    assert [a.title for a in result.articles] == [e.title for e in ENTRIES]
    assert [a.author for a in result.articles] == ["Ines Varga", "Tom Achebe", None]
    assert [a.published for a in result.articles] == [e.date_iso for e in ENTRIES]
    assert "14,500 homes" in result.articles[0].text
    assert result.articles[0].source == ENTRIES[0].link
    assert result.articles[2].source.endswith("#3")  # no link: named after the feed and position
    assert len({a.id for a in result.articles}) == 3


def test_feed_entries_are_read_the_same_way_twice(tmp_path: Path) -> None:
    path = tmp_path / "valley.rss"
    path.write_bytes(rss_feed())
    assert list(read_inputs([str(path)])) == list(read_inputs([str(path)]))


def test_with_fetching_on_entry_links_are_fetched_and_keep_the_entry_metadata(
    tmp_path: Path, local_server: LocalServer
) -> None:
    entries = tuple(
        e.__class__(e.title, local_server.url(f"/story{i}") if e.link else None, e.body_html, e.author,
                    e.date_rfc822, e.date_iso)
        for i, e in enumerate(ENTRIES)
    )
    full = "<p>The full page adds that the reservoir was last cleaned in 2021.</p>"
    local_server.routes["/story0"] = Route(body=page_html("Page title", entries[0].body_html + full))
    # /story1 is missing on the server: the entry's own summary stands in for it.
    path = tmp_path / "valley.rss"
    path.write_bytes(rss_feed(entries))
    items = list(read_inputs([str(path)], fetch=True))
    assert all(isinstance(i, RawDocument) for i in items)
    first, second, third = items
    assert b"last cleaned in 2021" in first.data and first.url == local_server.url("/story0")
    assert first.title == ENTRIES[0].title and first.published == ENTRIES[0].date_iso
    assert b"bottled water" in second.data and third.url is None
    assert [s["_path"] for s in local_server.seen] == ["/story0", "/story1"]


def test_a_feed_url_is_expanded_into_its_entries(local_server: LocalServer) -> None:
    local_server.routes["/feed"] = Route(body=rss_feed(ENTRIES[2:]),
                                         headers={"Content-Type": "application/rss+xml"})
    (item,) = list(read_inputs([local_server.url("/feed")], fetch=True))
    assert isinstance(item, RawDocument) and item.title == ENTRIES[2].title


def test_a_truncated_feed_keeps_the_entries_before_the_cut(tmp_path: Path, no_network) -> None:
    data = rss_feed()
    cut = data.index(b"<item>", data.index(b"<item>", data.index(b"<item>") + 1) + 1) + 40
    path = tmp_path / "cut.rss"
    path.write_bytes(data[:cut])
    items = list(read_inputs([str(path)]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.title for d in docs][:2] == [ENTRIES[0].title, ENTRIES[1].title]
    assert len(errors) >= 1 and any("damaged" in e.problem for e in errors)


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "ent.rss"
    path.write_bytes(rss_feed().replace(b"<rss", b'<!DOCTYPE rss [<!ENTITY w "Westmere">]><rss', 1))
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, InputError) and "<!ENTITY>" in item.problem


def test_an_xml_file_that_is_not_a_feed_is_a_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_bytes(b'<?xml version="1.0"?><urlset><url><loc>http://a.example/</loc></url></urlset>')
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, InputError) and "no entries" in item.problem


def test_feed_sniffing() -> None:
    assert looks_like_feed(rss_feed())
    assert looks_like_feed(atom_feed())
    assert looks_like_feed(b"\xef\xbb\xbf<!-- made by hand -->\n<rss version='0.91'><channel/></rss>")
    assert looks_like_feed(b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>')
    assert not looks_like_feed(b"<!DOCTYPE html><html><body><p>feed the ducks</p></body></html>")
    assert not looks_like_feed(b"The council will feed <rss> into the report.")
    assert not looks_like_feed(b'<?xml version="1.0"?><urlset></urlset>')
