"""The SQLite store: idempotent adds, migrations, concurrent readers, and crash safety."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from newsprism.model import Article, Briefing, Removed, Story
from newsprism.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    NotFoundError,
    Store,
    StoreError,
    content_hash,
    default_path,
)


def _article(n: int, words: int = 20, aid: str | None = None) -> Article:
    return Article(
        id=aid or f"town_{n:04d}",
        source=f"inbox/town_{n:04d}.txt",
        text=" ".join(f"Parish{n} bridge reopened after {n} weeks." for _ in range(words)),
        outlet="Valley Post",
        title=f"Bridge {n} reopens",
        published="2029-06-0" + str(1 + n % 9),
        removed=(Removed("Subscribe now", "call to action"),),
    )


#: A writer that adds generated articles one by one and reports each as it lands.
WRITER = """
import sys
from newsprism.model import Article
from newsprism.store import Store
store = Store(sys.argv[1])
size = int(sys.argv[2])
for n in range(int(sys.argv[3])):
    text = (f"Ward {n} count: " + "ballots tallied by hand. " * size)
    store.add_article(Article(id=f"ward_{n:05d}", source="gen", text=text, outlet="Count Desk"))
    print(n, flush=True)
"""


def _expected_ward_text(n: int, size: int) -> str:
    return f"Ward {n} count: " + "ballots tallied by hand. " * size


def test_add_get_and_readd_is_a_noop(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        first = store.add_article(_article(1))
        again = store.add_article(_article(1))
        moved = store.add_article(replace(_article(1), source="elsewhere.txt"))
        assert first.added and not again.added and not moved.added
        assert first.id == again.id == moved.id == "town_0001"
        assert store.get_article("town_0001") == _article(1)
        assert [r.id for r in store.list_articles()] == ["town_0001"]


def test_same_id_different_content_gets_a_new_id(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        assert store.add_article(_article(1, aid="index")).id == "index"
        assert store.add_article(_article(2, aid="index")).id == "index-2"
        assert store.add_article(_article(3, aid="index")).id == "index-3"


def test_unknown_article_is_a_clear_error(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store, pytest.raises(NotFoundError, match="no stored article with id 'nope'"):
        store.get_article("nope")


def test_pragmas_and_version(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        assert store.version == SCHEMA_VERSION
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_briefing_is_stored_with_its_inputs(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        ids = [a.id for a in store.add_articles([_article(1), _article(2)])]
        articles = store.get_articles(ids)
        briefing = Briefing("2029-06-03T00:00:00Z", tuple(articles), (Story("s1", "Bridges reopen", tuple(ids)),))
        bid = store.add_briefing(briefing, ids)
        assert store.get_briefing(bid).to_json() == briefing.to_json()
        assert store.briefing_inputs(bid) == ids
        [row] = store.list_briefings()
        assert row.stories == (("s1", "Bridges reopen"),) and row.articles == tuple(ids)
        with pytest.raises(NotFoundError):
            store.add_briefing(briefing, ["never-added"])
        assert len(store.list_briefings()) == 1  # the failed one left nothing behind
        with pytest.raises(NotFoundError):
            store.get_briefing(99)


def test_version_one_database_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    MIGRATIONS[0](db)
    db.execute(
        "INSERT INTO articles (id, hash, source, text) VALUES ('old', ?, 'old.txt', 'Kept across versions.')",
        (content_hash(Article(id="old", source="old.txt", text="Kept across versions.", language=None)),),
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION == 3
        old = store.get_article("old")
        assert old.text == "Kept across versions." and old.published_alt is None
        assert [r.added_at for r in store.list_articles()] == [""]


def test_the_other_reading_of_an_ambiguous_date_is_stored(tmp_path: Path) -> None:
    article = Article(id="c", source="c.txt", text="Storm closes the harbour.", published="2031-05-03",
                      published_alt="2031-03-05")
    with Store(tmp_path / "s.db") as store:
        store.add_article(article)
        assert store.get_article("c").published_alt == "2031-03-05"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer newsprism"):
        Store(path)


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot open the article store"):
        Store(path)


def test_default_path_is_in_the_user_data_directory() -> None:
    assert default_path().name == "newsprism.db" and "newsprism" in default_path().parent.name


def test_reader_sees_whole_articles_while_a_writer_adds(tmp_path: Path) -> None:
    path, size, count = tmp_path / "busy.db", 2000, 60
    Store(path).close()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(size), str(count)],
                              stdout=subprocess.PIPE, text=True)
    seen = []
    with Store(path) as reader:
        while writer.poll() is None or not seen or seen[-1] < count:
            rows = reader.list_articles()
            seen.append(len(rows))
            for article in reader.get_articles([r.id for r in rows[-3:]]):
                n = int(article.id.split("_")[1])
                assert article.text == _expected_ward_text(n, size)
            if writer.poll() is not None and seen[-1] == count:
                break
    assert writer.wait(30) == 0
    assert seen == sorted(seen) and seen[-1] == count
    assert len(set(seen)) > 2, "the reader should have read while the writer was still adding"


def test_killed_writer_leaves_no_half_stored_article(tmp_path: Path) -> None:
    path, size = tmp_path / "killed.db", 20_000  # ~500 kB per article, so the kill lands mid-write
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(size), "100000"],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    for _ in range(5):
        writer.stdout.readline()
    # No pause: the writer is now inside the next article's transaction.
    writer.send_signal(signal.SIGKILL)
    writer.wait(10)
    with Store(path) as store:
        assert store.integrity() == "ok"
        rows = store.list_articles()
        assert len(rows) >= 5
        for article in store.get_articles([r.id for r in rows]):
            n = int(article.id.split("_")[1])
            assert article.text == _expected_ward_text(n, size)
            assert store._db.execute("SELECT hash FROM articles WHERE id = ?", (article.id,)).fetchone()[0] == (
                content_hash(article)
            )
        assert [int(r.id.split("_")[1]) for r in rows] == list(range(len(rows)))


def test_removed_survives_a_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        store.add_article(_article(7))
        assert json.loads(json.dumps([r.to_dict() for r in store.get_article("town_0007").removed])) == [
            {"text": "Subscribe now", "reason": "call to action"}
        ]
