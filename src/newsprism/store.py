"""SQLite persistence for cleaned articles and the briefings built from them.

One file (standard-library ``sqlite3``) in WAL mode so readers never wait for a writer, with a
busy timeout so two writers queue instead of failing, and foreign keys on. An article is stored
once per content hash: adding it again changes nothing. Each article is written in its own
transaction, so a writer killed mid-batch leaves every article either whole or absent.
The schema carries a version (``PRAGMA user_version``); opening an older file migrates it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from newsprism.errors import NewsprismError
from newsprism.model import Article, Briefing, Removed

#: How long a connection waits for another writer's lock before giving up, in milliseconds.
BUSY_TIMEOUT_MS = 10_000


class StoreError(NewsprismError):
    """The database cannot be used (a damaged file, a newer schema, a missing record)."""


class NotFoundError(StoreError):
    """An article or briefing id that the store does not hold."""


@dataclass(frozen=True)
class Added:
    """The outcome of adding one article: the id it is stored under, and whether it was new."""

    id: str
    added: bool


@dataclass(frozen=True)
class ArticleRow:
    """One line of ``list``: what a user needs to pick articles, without their text."""

    id: str
    outlet: str | None
    title: str | None
    published: str | None
    source: str
    chars: int
    added_at: str


@dataclass(frozen=True)
class BriefingRow:
    id: int
    created_at: str
    generated_at: str
    articles: tuple[str, ...]
    stories: tuple[tuple[str, str], ...]  # (story id, headline)


def default_path() -> Path:
    """The store in the user's data directory (e.g. ``~/.local/share/newsprism/newsprism.db``)."""
    from platformdirs import user_data_path

    return user_data_path("newsprism", appauthor=False) / "newsprism.db"


def content_hash(article: Article) -> str:
    """What makes two articles the same: their cleaned text and metadata, not where they were read from."""
    fields = [article.text, article.outlet, article.title, article.author, article.published, article.language]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def _migrate_1(db: sqlite3.Connection) -> None:
    # One statement at a time: executescript would commit the migration's transaction half-way.
    for statement in _SCHEMA_1.split(";"):
        if statement.strip():
            db.execute(statement)


_SCHEMA_1 = """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            outlet TEXT, title TEXT, author TEXT, published TEXT, language TEXT,
            text TEXT NOT NULL,
            removed TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE briefings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at TEXT NOT NULL,
            generated_at TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE TABLE briefing_inputs (
            briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (briefing_id, article_id)
        );
"""


def _migrate_2(db: sqlite3.Connection) -> None:
    """Version 2 records when each article was added, so ``list`` can show the newest first."""
    db.execute("ALTER TABLE articles ADD COLUMN added_at TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX articles_added ON articles(added_at, id)")


def _migrate_3(db: sqlite3.Connection) -> None:
    """Version 3 keeps the other reading of an ambiguous header date ("12/08/2025"), which the analysis
    settles against the story's other articles; articles stored before keep the reading they had."""
    db.execute("ALTER TABLE articles ADD COLUMN published_alt TEXT")


#: Migration ``i`` takes a database from version ``i`` to ``i + 1``; the last index + 1 is the current version.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_1, _migrate_2, _migrate_3)
SCHEMA_VERSION = len(MIGRATIONS)


class Store:
    """The article and briefing store; safe to share between threads (one connection, one lock)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        try:
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                                       isolation_level=None)
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the article store ({exc}); choose another file with --db") from None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        with self._transaction():
            version = self.version
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: made by a newer newsprism (schema {version}, this one knows {SCHEMA_VERSION}); "
                    "upgrade newsprism or use another --db"
                )
            for step in MIGRATIONS[version:]:
                step(self._db)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front (IMMEDIATE) so the check-then-insert cannot race."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # Articles

    def add_article(self, article: Article) -> Added:
        """Store one article (a no-op when the same content is already stored); an id clash gets ``-2``…"""
        digest = content_hash(article)
        with self._transaction() as db:
            row = db.execute("SELECT id FROM articles WHERE hash = ?", (digest,)).fetchone()
            if row:
                return Added(row[0], False)
            aid = self._free_id(article.id)
            db.execute(
                "INSERT INTO articles (id, hash, source, outlet, title, author, published, language, text, removed,"
                " added_at, published_alt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    aid, digest, article.source, article.outlet, article.title, article.author, article.published,
                    article.language, article.text, json.dumps([r.to_dict() for r in article.removed]), _now(),
                    article.published_alt,
                ),
            )
            return Added(aid, True)

    def add_articles(self, articles: Iterable[Article], progress: Callable[[int], None] | None = None) -> list[Added]:
        """Each article in its own transaction: an interrupted batch keeps the articles already added."""
        out = []
        for i, article in enumerate(articles, 1):
            out.append(self.add_article(article))
            if progress:
                progress(i)
        return out

    def _free_id(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while self._db.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{wanted}-{n}"
        return candidate

    def list_articles(self) -> list[ArticleRow]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, outlet, title, published, source, length(text), added_at FROM articles ORDER BY id"
            ).fetchall()
        return [ArticleRow(*row) for row in rows]

    def article_ids(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT id FROM articles ORDER BY id")]

    def get_article(self, article_id: str) -> Article:
        return self.get_articles([article_id])[0]

    def get_articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """The articles with these ids in the order given (all of them, by id, when ``ids`` is None)."""
        wanted = self.article_ids() if ids is None else list(dict.fromkeys(ids))
        found: dict[str, Article] = {}
        with self._lock:
            for aid in wanted:
                row = self._db.execute(
                    "SELECT id, source, outlet, title, author, published, language, text, removed, published_alt"
                    " FROM articles"
                    " WHERE id = ?", (aid,),
                ).fetchone()
                if row:
                    found[aid] = _article(row)
        missing = [a for a in wanted if a not in found]
        if missing:
            raise NotFoundError(f"no stored article with id {', '.join(map(repr, missing))} (see `newsprism list`)")
        return [found[a] for a in wanted]

    # Briefings

    def add_briefing(self, briefing: Briefing, input_ids: Iterable[str]) -> int:
        """Store a briefing with the ids of the stored articles it was built from; returns its id."""
        ids = list(dict.fromkeys(input_ids))
        with self._transaction() as db:
            cur = db.execute(
                "INSERT INTO briefings (created_at, generated_at, body) VALUES (?, ?, ?)",
                (_now(), briefing.generated_at, json.dumps(briefing.to_dict(), ensure_ascii=False)),
            )
            bid = int(cur.lastrowid or 0)
            try:
                db.executemany(
                    "INSERT INTO briefing_inputs (briefing_id, article_id, position) VALUES (?, ?, ?)",
                    [(bid, aid, i) for i, aid in enumerate(ids)],
                )
            except sqlite3.IntegrityError:
                raise NotFoundError("the briefing names an article that is not stored; add it first") from None
            return bid

    def get_briefing(self, briefing_id: int) -> Briefing:
        with self._lock:
            row = self._db.execute("SELECT body FROM briefings WHERE id = ?", (briefing_id,)).fetchone()
        if not row:
            raise NotFoundError(f"no stored briefing with id {briefing_id} (see `newsprism list`)")
        return Briefing.from_dict(json.loads(row[0]))

    def briefing_inputs(self, briefing_id: int) -> list[str]:
        with self._lock:
            rows = self._db.execute(
                "SELECT article_id FROM briefing_inputs WHERE briefing_id = ? ORDER BY position", (briefing_id,)
            ).fetchall()
        return [r[0] for r in rows]

    def list_briefings(self) -> list[BriefingRow]:
        with self._lock:
            rows = self._db.execute("SELECT id, created_at, generated_at, body FROM briefings ORDER BY id").fetchall()
        out = []
        for bid, created, generated, body in rows:
            stories = tuple((s["id"], s.get("title", "")) for s in json.loads(body).get("stories", []))
            out.append(BriefingRow(bid, created, generated, tuple(self.briefing_inputs(bid)), stories))
        return out

    def integrity(self) -> str:
        """``ok``, or SQLite's description of the damage."""
        with self._lock:
            return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])


def _article(row: tuple) -> Article:
    aid, source, outlet, title, author, published, language, text, removed, published_alt = row
    return Article(
        id=aid, source=source, text=text, outlet=outlet, title=title, author=author, published=published,
        language=language, removed=tuple(Removed(r["text"], r["reason"]) for r in json.loads(removed)),
        published_alt=published_alt,
    )


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def brief_stored(
    store: Store,
    ids: Iterable[str] | None = None,
    *,
    generated_at: str | None = None,
    embedder: str = "auto",
) -> tuple[int, Briefing]:
    """Build a briefing over stored articles (all of them when ``ids`` is None) and store it with its inputs."""
    from newsprism.api import brief_articles

    articles = store.get_articles(ids)
    if not articles:
        raise StoreError(f"{store.path}: no stored articles to brief; add some with `newsprism add`")
    briefing = brief_articles(articles, generated_at=generated_at, embedder=embedder)
    return store.add_briefing(briefing, [a.id for a in articles]), briefing


def parse_briefing_ref(ref: str) -> int | None:
    """``b3`` or ``B3`` (as ``newsprism list`` shows briefings) → 3; anything else → None."""
    if len(ref) > 1 and ref[0] in "bB" and ref[1:].isdigit() and len(ref) < 19:
        return int(ref[1:])
    return None
