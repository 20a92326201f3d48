"""The Python API: ``extract`` and ``brief``, the same work the command line does."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newsprism.errors import InputError
from newsprism.ingest import DEFAULT_MAX_BYTES, read_inputs
from newsprism.model import Article, Briefing, RawDocument

if TYPE_CHECKING:
    from newsprism.scale import DaskEngine

ProgressFn = Callable[[int, int | None], None]


@dataclass
class ReadResult:
    """Cleaned articles and, for each input that had to be skipped, the one-line reason."""

    articles: list[Article] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)


def assign_ids(names: list[str]) -> list[str]:
    """Unique ids from file names, clashes disambiguated by order of appearance: ``a``, ``a-2``, ``a-3``."""
    seen: dict[str, int] = {}
    taken = set(names)
    out = []
    for name in names:
        n = seen.get(name, 0) + 1
        seen[name] = n
        candidate = name if n == 1 else f"{name}-{n}"
        while n > 1 and candidate in taken:
            n += 1
            seen[name] = n
            candidate = f"{name}-{n}"
        taken.add(candidate)
        out.append(candidate)
    return out


def read(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fast: bool = False,
    fetch: bool = False,
    progress: ProgressFn | None = None,
) -> ReadResult:
    """Read and clean every input; bad inputs are collected in ``problems``, never raised."""
    raws: list[RawDocument] = []
    result = ReadResult()
    for item in read_inputs(list(paths), max_bytes=max_bytes, fetch=fetch):
        if isinstance(item, InputError):
            result.problems.append(item)
        else:
            raws.append(item)
    if progress:
        progress(0, len(raws))
    ids = assign_ids([r.name for r in raws])
    for i, (raw, aid) in enumerate(zip(raws, ids, strict=True)):
        got = clean_or_problem(raw, aid, fast=fast)
        if isinstance(got, InputError):
            result.problems.append(got)
        else:
            result.articles.append(got)
        if progress:
            progress(i + 1, len(raws))
    return result


def clean_or_problem(raw: RawDocument, article_id: str, *, fast: bool = False) -> Article | InputError:
    """One cleaned document, or why it cannot be used (shared by the local and the Dask engine)."""
    from newsprism.clean import clean_document

    try:
        return clean_document(raw, article_id, fast=fast)
    except InputError as exc:
        return exc
    except (ValueError, RecursionError, MemoryError) as exc:
        return InputError(raw.source, f"cannot parse the document ({type(exc).__name__})")


def extract(paths: str | Iterable[str], **options) -> list[Article]:
    """Clean articles from files, directories (recursively) or ``-``; bad inputs are skipped.

    Use :func:`read` to also learn which inputs were skipped and why.
    """
    if isinstance(paths, str):
        paths = [paths]
    return read(paths, **options).articles


def generation_time(articles: Iterable[Article], given: str | None = None) -> str:
    """A reproducible ``generated_at``: the option, else ``SOURCE_DATE_EPOCH``, else the newest article date.

    Deriving it from the input keeps two runs over the same articles byte-identical.
    """
    if given:
        return given
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    dates = sorted(a.published[:10] for a in articles if a.published and len(a.published) >= 10)
    return f"{dates[-1]}T00:00:00Z" if dates else "1970-01-01T00:00:00Z"


def brief_articles(
    articles: list[Article],
    *,
    generated_at: str | None = None,
    problems: Iterable[InputError] = (),
    engine: str | DaskEngine = "local",
    embedder: str = "auto",
    scheduler: str | None = None,
) -> Briefing:
    """Build the briefing for already-cleaned articles.

    ``engine="dask"`` computes signatures and embeddings on a Dask cluster (``scheduler`` is its
    address; a local two-process cluster without one); a running :class:`DaskEngine` may be passed.
    """
    from newsprism.analyze import analyze

    articles = sorted(articles, key=lambda a: a.id)
    if engine == "dask":
        from newsprism.scale import DaskEngine

        with DaskEngine(scheduler) as running:
            marked, stories = running.analyze(articles, embedder=embedder)
    elif not isinstance(engine, str):
        marked, stories = engine.analyze(articles, embedder=embedder)
    elif engine == "local":
        marked, stories = analyze(articles, embedder=embedder)
    else:
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    return Briefing(
        generated_at=generation_time(articles, generated_at),
        articles=tuple(marked),
        stories=tuple(stories),
        problems=tuple(str(p) for p in problems),
    )


def brief(
    paths: str | Iterable[str] | Iterable[Article],
    *,
    generated_at: str | None = None,
    embedder: str = "auto",
    engine: str = "local",
    scheduler: str | None = None,
    **read_options,
) -> Briefing:
    """Read, clean and analyse: a :class:`Briefing` with ``.to_json()``, ``.to_markdown()``, ``.to_html()``.

    ``engine="dask"`` reads, cleans and prepares the documents on a Dask cluster; same output.
    """
    if isinstance(paths, str):
        paths = [paths]
    items = list(paths)
    if items and all(isinstance(p, Article) for p in items):
        return brief_articles(  # type: ignore[arg-type]
            items, generated_at=generated_at, embedder=embedder, engine=engine, scheduler=scheduler
        )
    if engine == "dask":
        from newsprism.scale import DaskEngine

        with DaskEngine(scheduler, embedder=embedder) as running:
            result = running.read(items, **read_options)  # type: ignore[arg-type]
            return brief_articles(
                result.articles, generated_at=generated_at, problems=result.problems, embedder=embedder,
                engine=running,
            )
    result = read(items, **read_options)  # type: ignore[arg-type]
    return brief_articles(result.articles, generated_at=generated_at, problems=result.problems, embedder=embedder)

