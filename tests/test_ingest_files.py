"""Reading files, directories and standard input: kinds, ids, charsets, and every way a file can be bad."""

from __future__ import annotations

import gzip
import io
import os
import sys
import zipfile
from pathlib import Path

import pytest

from newsprism.api import read
from newsprism.errors import InputError
from newsprism.ingest.decode import decode
from newsprism.ingest.files import article_name, read_file, read_inputs

STORY = ("The lighthouse on Skerry Point was switched back on on Friday after a two-year restoration, the "
         "harbour trust said.\n\nVolunteers repainted the tower and replaced the lamp with an LED unit.\n")
PAGE = ("<!DOCTYPE html><html><head><meta charset=\"{charset}\"><title>Lighthouse relit</title></head><body>"
        "<article><p>{text} The lighthouse on Skerry Point was switched back on after a restoration that took two "
        "years and cost the harbour trust more than it had planned.</p><p>Volunteers repainted the tower and "
        "replaced the old lamp with an LED unit that uses a tenth of the power.</p></article></body></html>")


def write(path: Path, data: bytes | str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def test_a_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b" / "two.htm", PAGE.format(charset="utf-8", text="Two."))
    write(tmp_path / "a" / "one.txt", STORY)
    write(tmp_path / "a" / "README", STORY)  # extension-less is text
    write(tmp_path / "c" / "three.txt.gz", gzip.compress(STORY.encode()))
    write(tmp_path / "c" / "four.html.gz", gzip.compress(PAGE.format(charset="utf-8", text="Four.").encode()))
    write(tmp_path / ".hidden.txt", STORY)
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)  # not a document extension: not walked
    result = read([str(tmp_path)])
    assert [a.id for a in result.articles] == ["README", "one", "two", "four", "three"]
    assert result.problems == []
    assert all("Skerry Point" in a.text for a in result.articles)


def test_ids_are_file_names_without_extensions_and_clashes_get_a_suffix(tmp_path: Path) -> None:
    assert article_name("dir/p.html.gz") == "p" and article_name("x/004_ab.txt") == "004_ab"
    first = write(tmp_path / "a" / "report.txt", STORY)
    second = write(tmp_path / "b" / "report.html", PAGE.format(charset="utf-8", text="B."))
    ids = [a.id for a in read([first, second]).articles]
    assert ids == ["report", "report-2"]
    assert ids == [a.id for a in read([first, second]).articles]  # deterministic


def test_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = PAGE.format(charset="windows-1252", text="Café “Fyr” reopens.").encode("cp1252")
    (art,) = read([write(tmp_path / "p.html", page)]).articles
    assert "Café “Fyr” reopens." in art.text


def test_undeclared_legacy_charset_is_detected() -> None:
    text = ("Über die Brücke in Köln fahren täglich mehr als 40.000 Fahrzeuge, sagte die Stadtverwaltung. "
            "Die Sanierung der Brücke dauert zwei Jahre und kostet rund 12 Millionen Euro. ") * 3
    assert decode(text.encode("latin-1"), "x.txt") == text


def test_byte_order_marks_win() -> None:
    assert decode("\ufeffSkerry Point".encode("utf-8"), "x") == "Skerry Point"
    assert decode("Skerry Point".encode("utf-16"), "x") == "Skerry Point"


def test_stdin_is_read_with_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    raw = read_file("-")
    assert (raw.name, raw.source, raw.data) == ("stdin", "-", STORY.encode())


def bad_files(tmp_path: Path) -> dict[str, tuple[str, str]]:
    """Each bad input → (path, words its one-line problem must contain)."""
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as zf:
        zf.writestr("a.txt", STORY)
    return {
        "empty": (write(tmp_path / "empty.txt", b"  \n\n"), "empty"),
        "png": (write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n" + b"\x01" * 64), "PNG"),
        "zip": (write(tmp_path / "archive.html", zbuf.getvalue()), "ZIP"),
        "nul": (write(tmp_path / "dump.txt", b"ab\x00\x00cd\x00\x00ef\x00\x00" * 50), "binary"),
        "damaged gzip": (write(tmp_path / "broken.txt.gz", gzip.compress(STORY.encode())[:30]), "gzip"),
        "missing": (str(tmp_path / "nowhere.txt"), "no such file"),
        "too large": (write(tmp_path / "big.txt", "x" * 5000), "size cap"),
        "gzip bomb": (write(tmp_path / "bomb.txt.gz", gzip.compress(b"y" * 50_000)), "size cap"),
    }


def test_each_bad_file_is_one_named_problem_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = bad_files(tmp_path)
    good = write(tmp_path / "good.txt", STORY)
    result = read([good, *(path for path, _ in bad.values())], max_bytes=4096)
    assert [a.id for a in result.articles] == ["good"]
    assert len(result.problems) == len(bad)
    lines = [str(p) for p in result.problems]
    for path, words in bad.values():
        (line,) = [line for line in lines if line.startswith(path + ": ")]
        assert words.lower() in line.lower() and "\n" not in line


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_an_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", STORY)
    os.chmod(path, 0)
    (problem,) = list(read_inputs([path]))
    assert isinstance(problem, InputError) and "cannot read" in str(problem)


def test_an_explicit_path_of_any_extension_is_tried(tmp_path: Path) -> None:
    (art,) = read([write(tmp_path / "notes.md", STORY)]).articles
    assert art.id == "notes" and art.text.startswith("The lighthouse")
