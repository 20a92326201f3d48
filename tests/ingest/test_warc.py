"""Web archives: HTML responses become articles; other records are skipped; damage is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.api import read
from newsprism.errors import InputError
from newsprism.ingest import read_inputs
from newsprism.model import RawDocument

from .builders import ENTRIES, Record, archive_records, page_html, warc_bytes


@pytest.mark.parametrize("gz", [False, True])
def test_html_responses_become_articles_and_the_rest_is_skipped(tmp_path: Path, gz: bool, no_network) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(warc_bytes(archive_records(), gz=gz))
    result = read([str(path)])
    assert not result.problems
    assert [a.source for a in result.articles] == [ENTRIES[0].link, ENTRIES[1].link]
    assert [a.outlet for a in result.articles] == ["valleyherald.example"] * 2
    assert "14,500 homes" in result.articles[0].text


def test_an_archive_is_recognised_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "crawl-2025-04.dat"
    path.write_bytes(warc_bytes(archive_records(), gz=True))
    items = list(read_inputs([str(path)]))
    assert [i.source for i in items if isinstance(i, RawDocument)] == [ENTRIES[0].link, ENTRIES[1].link]


def test_resource_records_of_html_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "saved.warc"
    body = page_html(ENTRIES[2].title, ENTRIES[2].body_html)
    path.write_bytes(warc_bytes([Record("http://valleyherald.example/clear", "text/html", body,
                                        rec_type="resource")], gz=False))
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, RawDocument) and item.data == body


@pytest.mark.parametrize("gz", [False, True])
def test_a_truncated_record_is_a_problem_and_the_records_before_it_are_kept(tmp_path: Path, gz: bool) -> None:
    records = archive_records()
    whole = warc_bytes(records, gz=gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(whole[: len(whole) - 150])  # inside the last HTML page
    items = list(read_inputs([str(path)]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.source for d in docs] == [ENTRIES[0].link]
    assert len(errors) == 1 and "truncated" in errors[0].problem and "\n" not in str(errors[0])


def test_every_cut_point_gives_pages_or_a_clear_problem(tmp_path: Path) -> None:
    whole = warc_bytes(archive_records()[:2], gz=False)
    path = tmp_path / "cut.warc"
    for cut in range(20, len(whole) - 1, 37):
        path.write_bytes(whole[:cut])
        items = list(read_inputs([str(path)]))
        assert any(isinstance(i, InputError) for i in items), cut


def test_a_record_over_the_size_cap_is_refused_and_the_next_kept(tmp_path: Path) -> None:
    big = page_html("Long", "<p>" + "word " * 40_000 + "</p>")
    records = [Record("http://a.example/long", "text/html", big), archive_records()[0]]
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(warc_bytes(records, gz=True))
    items = list(read_inputs([str(path)], 100_000))
    assert isinstance(items[0], InputError) and "size cap" in items[0].problem
    assert isinstance(items[1], RawDocument) and items[1].source == ENTRIES[0].link


def test_a_file_that_only_claims_to_be_an_archive_is_a_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive at all\n")
    items = list(read_inputs([str(path)]))
    assert items and all(isinstance(i, InputError) for i in items)
