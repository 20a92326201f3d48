"""Run the per-document stages of a briefing on a Dask cluster.

Per document, and so spread over the workers: reading (files, URLs, archives),
cleaning, the MinHash signature used for near-duplicate blocking, and the
embeddings of its claim units. Per corpus, on the client: linking duplicates from
the signatures, clustering stories, and the per-story analysis, which looks the
vectors up instead of computing them. Ids are assigned on the client from every
document's name in input order, exactly as the local reader does, so both engines
give the same briefing byte for byte.

Without a scheduler address a ``LocalCluster`` of two worker processes is started
(and stopped on exit); with one, the workers must see the same files (a shared
file system) or be given URLs.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Self

import numpy as np

from newsprism.analyze.embed import Encoder, get_encoder
from newsprism.api import ReadResult, assign_ids, clean_or_problem
from newsprism.errors import InputError, NewsprismError
from newsprism.model import Article, RawDocument, Story

ProgressFn = Callable[[int, int | None], None]

#: Tasks per worker thread in each stage: enough to even out uneven documents, few enough to keep
#: the scheduler's per-task overhead (about a millisecond) negligible.
TASKS_PER_THREAD = 4
#: At most this many documents per task, so one task's memory stays small on a large corpus.
MAX_CHUNK = 200
#: Seconds to wait for a remote scheduler before giving up with a clear message.
CONNECT_TIMEOUT = 15


class EngineError(NewsprismError):
    """The Dask cluster cannot be started or reached, or its workers cannot run the job."""


@dataclass(frozen=True)
class Problem:
    """An :class:`InputError` in a form that crosses process boundaries.

    Exceptions whose constructor takes two arguments do not survive pickling, so the
    workers send the class, source and problem, and the client rebuilds the error.
    """

    kind: type[InputError]
    source: str
    problem: str

    @classmethod
    def of(cls, exc: InputError) -> Problem:
        return cls(type(exc), exc.source, exc.problem)

    def error(self) -> InputError:
        try:
            return self.kind(self.source, self.problem)
        except TypeError:  # a subclass with another constructor: the message is what matters
            return InputError(self.source, self.problem)


@dataclass(frozen=True)
class Prepared:
    """What a worker computed for a batch of articles."""

    encoder: str  # the name of the encoder the worker loaded ("minilm" or "lexical")
    scheme: str  # datasketch's hashing scheme of the signatures, needed to rebuild them
    signatures: dict[str, tuple[str, np.ndarray]]  # article id → (text digest, MinHash hash values)
    texts: list[str]
    vectors: Any  # one row per text: an array, or a SciPy CSR matrix when mostly zeros (lexical vectors)


# --- the tasks (module level, so workers import them by name) ------------------------------------------


def read_chunk(
    items: Sequence[str | RawDocument | Problem], max_bytes: int, fetch: bool
) -> list[RawDocument | Problem]:
    """Read a slice of the inputs on a worker; each path may yield several documents (feeds, archives).

    Documents the client read itself (standard input), and its errors, pass through in place.
    """
    from newsprism.ingest import read_inputs

    out: list[RawDocument | Problem] = []
    for item in items:
        if isinstance(item, RawDocument | Problem):
            out.append(item)
            continue
        for got in read_inputs([item], max_bytes=max_bytes, **({"fetch": True} if fetch else {})):
            out.append(Problem.of(got) if isinstance(got, InputError) else got)
    return out


def raw_names(chunk: Sequence[RawDocument | Problem]) -> list[str | None]:
    """Document names (None for inputs that could not be read), for the client to assign ids."""
    return [r.name if isinstance(r, RawDocument) else None for r in chunk]


def read_problems(chunk: Sequence[RawDocument | Problem]) -> list[Problem]:
    return [r for r in chunk if isinstance(r, Problem)]


def clean_chunk(chunk: Sequence[RawDocument | Problem], ids: Sequence[str], fast: bool) -> list[Article | Problem]:
    raws = [r for r in chunk if isinstance(r, RawDocument)]
    out: list[Article | Problem] = []
    for raw, aid in zip(raws, ids, strict=True):
        got = clean_or_problem(raw, aid, fast=fast)
        out.append(Problem.of(got) if isinstance(got, InputError) else got)
    return out


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def prepare_chunk(articles: Sequence[Article | Problem], embedder: str) -> Prepared:
    """MinHash signatures and unit embeddings of a batch of articles."""
    from newsprism.analyze.dedup import minhash
    from newsprism.analyze.pipeline import texts_to_embed

    arts = [a for a in articles if isinstance(a, Article)]
    encoder = get_encoder(embedder)
    hashes = {a.id: minhash(a.text) for a in arts}
    signatures = {a.id: (text_digest(a.text), hashes[a.id].hashvalues) for a in arts}
    scheme = next(iter(hashes.values())).scheme if hashes else ""
    texts = sorted({t for a in arts for t in texts_to_embed(a)})
    vectors = encoder.encode(texts) if texts else np.zeros((0, 1), dtype=np.float32)
    return Prepared(encoder.name, scheme, signatures, texts, _compact(vectors))


#: Below this share of non-zero values, vectors travel as a sparse matrix (the same float32 values).
SPARSE_BELOW = 0.25


def _compact(vectors: np.ndarray) -> Any:
    """Hashed lexical vectors are ~95 % zeros: sending them sparse cuts the transfer tenfold, exactly."""
    if vectors.size and np.count_nonzero(vectors) < SPARSE_BELOW * vectors.size:
        from scipy.sparse import csr_matrix

        return csr_matrix(vectors)
    return vectors


class VectorTable(Mapping[str, np.ndarray]):
    """Text → vector over the blocks the workers sent; sparse rows are made dense when looked up."""

    def __init__(self) -> None:
        self._blocks: list[Any] = []
        self._where: dict[str, tuple[int, int]] = {}

    def add(self, texts: Sequence[str], block: Any) -> None:
        self._blocks.append(block)
        n = len(self._blocks) - 1
        self._where.update((t, (n, r)) for r, t in enumerate(texts))

    def __getitem__(self, text: str) -> np.ndarray:
        n, r = self._where[text]
        block = self._blocks[n]
        return block[r] if isinstance(block, np.ndarray) else block.getrow(r).toarray()[0]

    def __contains__(self, text: object) -> bool:
        return text in self._where

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


# --- the client side ---------------------------------------------------------------------------------------


class LookupEncoder:
    """An encoder whose vectors were computed on the cluster; a text it has not seen is encoded here."""

    def __init__(self, name: str, table: Mapping[str, np.ndarray], fallback: Callable[[], Encoder]) -> None:
        self.name = name
        self._table = table
        self._local: dict[str, np.ndarray] = {}  # texts the workers did not see (quotes, timeline clauses)
        self._fallback = fallback
        self._dim = len(self._table[next(iter(self._table))]) if self._table else None

    def _vector(self, text: str) -> np.ndarray:
        return self._local[text] if text in self._local else self._table[text]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self._table and t not in self._local})
        if missing:
            computed = self._fallback().encode(missing)
            self._local.update(zip(missing, computed, strict=True))
            self._dim = computed.shape[1]
        if not texts:
            return np.zeros((0, self._dim or 1), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts])


def _chunks(items: Sequence[Any], workers: int) -> list[list[Any]]:
    if not items:
        return []
    size = min(MAX_CHUNK, max(1, math.ceil(len(items) / max(1, workers * TASKS_PER_THREAD))))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


@dataclass
class _Cache:
    signatures: dict[str, tuple[str, np.ndarray]] = field(default_factory=dict)
    vectors: VectorTable = field(default_factory=VectorTable)
    encoder: str | None = None
    scheme: str | None = None


class DaskEngine:
    """A connection to a Dask cluster that reads, cleans and prepares articles on its workers.

    Use it as a context manager: ``with DaskEngine("tcp://host:8786") as engine: ...``.
    Without an address, a local cluster of ``n_workers`` processes is started and stopped.
    With ``embedder``, :meth:`read` also prepares what :meth:`analyze` needs while the cleaned
    articles are still on the workers.
    """

    def __init__(self, scheduler: str | None = None, *, n_workers: int = 2, embedder: str | None = None) -> None:
        self.scheduler = scheduler
        self.n_workers = n_workers
        self.embedder = embedder
        self._client: Any = None
        self._cluster: Any = None
        self._caches: dict[str, _Cache] = {}

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        if self._client is not None:
            return
        from distributed import Client, LocalCluster

        if self.scheduler:
            try:
                self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as exc:
                raise EngineError(
                    f"cannot reach the Dask scheduler at {self.scheduler} ({exc}); start one with "
                    "`dask scheduler` and workers with `dask worker ADDRESS`, or leave out --scheduler "
                    "to use a local cluster"
                ) from None
        else:
            self._cluster = LocalCluster(
                n_workers=self.n_workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR,
            )
            self._client = Client(self._cluster)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None

    @property
    def client(self) -> Any:
        self.start()
        return self._client

    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    # reading and cleaning

    def read(
        self,
        paths: Iterable[str],
        *,
        max_bytes: int | None = None,
        fast: bool = False,
        fetch: bool = False,
        progress: ProgressFn | None = None,
    ) -> ReadResult:
        """The same as :func:`newsprism.api.read`, with every document read and cleaned on the workers."""
        from newsprism.ingest import DEFAULT_MAX_BYTES, read_inputs
        from newsprism.ingest.files import expand_paths

        cap = max_bytes or DEFAULT_MAX_BYTES
        items: list[str | RawDocument | Problem] = []
        for path in expand_paths(list(paths)):
            if path == "-":  # standard input belongs to this process, not to a worker
                for got in read_inputs(["-"], max_bytes=cap):
                    items.append(Problem.of(got) if isinstance(got, InputError) else got)
            else:
                items.append(path)
        client = self.client
        read_f = [client.submit(read_chunk, c, cap, fetch, pure=False) for c in _chunks(items, self.threads())]
        result = ReadResult()
        names_per_chunk = client.gather([client.submit(raw_names, f, pure=False) for f in read_f])
        # Read errors first, in input order, then cleaning errors: the local reader's order.
        for problems in client.gather([client.submit(read_problems, f, pure=False) for f in read_f]):
            result.problems.extend(p.error() for p in problems)
        ids = iter(assign_ids([n for ns in names_per_chunk for n in ns if n is not None]))
        total = sum(n is not None for ns in names_per_chunk for n in ns)
        if progress:
            progress(0, total)
        clean_f = [
            client.submit(clean_chunk, f, [next(ids) for n in ns if n is not None], fast, pure=False)
            for f, ns in zip(read_f, names_per_chunk, strict=True)
        ]
        done = 0
        if progress:
            from distributed import as_completed

            sizes = {f.key: sum(n is not None for n in ns) for f, ns in zip(clean_f, names_per_chunk, strict=True)}
            for f in as_completed(clean_f):
                done += sizes[f.key]
                progress(done, total)
        # Prepared where the articles already are: no trip through this process and back.
        prepared_f = [client.submit(prepare_chunk, f, self.embedder, pure=False) for f in clean_f] if self.embedder else []
        for chunk in client.gather(clean_f):
            for got in chunk:
                if isinstance(got, Problem):
                    result.problems.append(got.error())
                else:
                    result.articles.append(got)
        for prepared in client.gather(prepared_f):
            self._remember(self.embedder or "auto", prepared)
        return result

    # MinHash signatures and embeddings

    def prepare(self, articles: Sequence[Article], embedder: str = "auto") -> None:
        """Compute, on the workers, what :meth:`analyze` needs for articles not prepared yet."""
        cache = self._caches.setdefault(embedder, _Cache())
        todo = [a for a in articles if cache.signatures.get(a.id, ("",))[0] != text_digest(a.text)]
        if not todo:
            return
        client = self.client
        scattered = [client.scatter(c) for c in _chunks(todo, self.threads())]
        futures = [client.submit(prepare_chunk, s, embedder, pure=False) for s in scattered]
        for prepared in client.gather(futures):
            self._remember(embedder, prepared)

    def _remember(self, embedder: str, prepared: Prepared) -> None:
        cache = self._caches.setdefault(embedder, _Cache())
        if cache.encoder is not None and prepared.encoder != cache.encoder:
            raise EngineError(
                f"the workers loaded different embedders ({cache.encoder} and {prepared.encoder}); "
                "install the same newsprism and model on every worker, or pass --embedder lexical"
            )
        cache.encoder = prepared.encoder
        cache.scheme = prepared.scheme or cache.scheme
        cache.signatures.update(prepared.signatures)
        cache.vectors.add(prepared.texts, prepared.vectors)

    def analyze(self, articles: Sequence[Article], *, embedder: str = "auto") -> tuple[list[Article], list[Story]]:
        """:func:`newsprism.analyze.pipeline.analyze` with signatures and vectors from the cluster."""
        from datasketch import LeanMinHash

        from newsprism.analyze.dedup import SEED
        from newsprism.analyze.pipeline import analyze

        self.prepare(articles, embedder)
        cache = self._caches[embedder]
        hashes = {a.id: LeanMinHash(seed=SEED, hashvalues=cache.signatures[a.id][1], scheme=cache.scheme) for a in articles}
        name = cache.encoder or get_encoder(embedder).name
        encoder = LookupEncoder(name, cache.vectors, lambda: _same_encoder(embedder, name))
        return analyze(articles, embedder=encoder, hashes=hashes)


def _same_encoder(embedder: str, name: str) -> Encoder:
    """The client's encoder for texts the workers did not see; it must be the one the workers used."""
    encoder = get_encoder(embedder)
    if encoder.name != name:
        raise EngineError(
            f"the workers embedded with {name} but this machine can only load {encoder.name}; "
            "install the model here too, or pass --embedder lexical"
        )
    return encoder
