"""The web service: upload articles, build briefings in the background, read them as JSON or HTML.

A thin layer over the library: uploads become :class:`RawDocument` values cleaned by
:func:`newsprism.clean.clean_document`; briefings come from :func:`newsprism.api.brief_articles`
and are kept in the :class:`~newsprism.store.Store`. Every error is JSON ``{"error": "..."}``.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass, replace
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import FastAPI, File, Path, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.types import Message, Receive, Scope, Send

from newsprism.errors import InputError
from newsprism.ingest import DEFAULT_MAX_BYTES
from newsprism.ingest.decode import sniff_binary
from newsprism.ingest.files import article_name, kind_from_name
from newsprism.model import Article, RawDocument
from newsprism.store import NotFoundError, Store

#: Upload content types taken as documents; anything else is refused with 415.
#: ``application/octet-stream`` (what browsers send for unknown files) is accepted and sniffed.
TEXT_CONTENT_TYPES: frozenset[str] = frozenset({
    "", "text/plain", "text/html", "text/markdown", "text/x-markdown", "application/xhtml+xml",
    "application/octet-stream", "application/gzip", "application/x-gzip",
})

#: Room for multipart boundaries and headers on top of the document size cap.
MULTIPART_OVERHEAD = 64 * 1024

#: Characters kept in an article id made from an uploaded file name (ids appear in URLs).
UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]+")

MaxId = 2**62  # SQLite integers are 64-bit; larger ids cannot exist, so they are a 404, never an overflow


class ErrorBody(BaseModel):
    error: str = Field(description="what went wrong and what to do about it")


class ArticleSummary(BaseModel):
    id: str
    source: str
    outlet: str | None
    title: str | None
    published: str | None
    chars: int


class ArticleOut(BaseModel):
    id: str
    source: str
    outlet: str | None
    title: str | None
    author: str | None
    published: str | None
    language: str | None
    text: str


class AddedOut(BaseModel):
    id: str
    added: bool = Field(description="false when the same article was already stored")
    title: str | None


class UploadOut(BaseModel):
    articles: list[AddedOut]


class TextIn(BaseModel):
    text: str = Field(min_length=1, description="the article: plain text or HTML")
    name: str | None = Field(default=None, max_length=200, description="basis of the article id")
    title: str | None = Field(default=None, max_length=1000)
    kind: Literal["auto", "text", "html"] = "auto"


class BriefIn(BaseModel):
    articles: list[str] | None = Field(default=None, description="stored article ids; all of them when omitted")
    generated_at: str | None = Field(default=None, max_length=40)


class JobOut(BaseModel):
    id: str
    status: Literal["queued", "running", "done", "failed"]
    briefing: int | None = None
    error: str | None = None
    json_url: str | None = None
    html_url: str | None = None


class BriefingSummary(BaseModel):
    id: int
    created_at: str
    generated_at: str
    articles: list[str]
    stories: list[str]


class StoryOut(BaseModel):
    briefing: int
    id: str
    title: str


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": what}
    for code, what in (
        (404, "no such article, briefing or job"),
        (422, "the request is not valid; the message says which part"),
    )
}
UPLOAD_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    413: {"model": ErrorBody, "description": "larger than the size cap"},
    415: {"model": ErrorBody, "description": "not a text or HTML document"},
}


@dataclass
class Job:
    id: str
    status: str = "queued"
    briefing: int | None = None
    error: str | None = None

    def out(self) -> JobOut:
        done = self.briefing is not None
        return JobOut(
            id=self.id, status=self.status, briefing=self.briefing, error=self.error,  # type: ignore[arg-type]
            json_url=f"/api/briefings/{self.briefing}" if done else None,
            html_url=f"/briefings/{self.briefing}.html" if done else None,
        )


class Jobs:
    """Briefings being built in background threads; ids count up from 1 for the server's lifetime."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}

    def start(self, work: Any) -> Job:
        with self._lock:
            job = Job(str(len(self._jobs) + 1))
            self._jobs[job.id] = job
        threading.Thread(target=self._run, args=(job, work), name=f"brief-{job.id}", daemon=True).start()
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            if job_id not in self._jobs:
                raise HTTPException(404, f"no job {job_id!r}; jobs are forgotten when the server restarts")
            return replace(self._jobs[job_id])

    def _run(self, job: Job, work: Any) -> None:
        self._set(job, status="running")
        try:
            self._set(job, status="done", briefing=work())
        except Exception as exc:  # any failure is reported on the job; the server goes on
            self._set(job, status="failed", error=f"building the briefing failed: {type(exc).__name__}: {exc}")

    def _set(self, job: Job, **changes: Any) -> None:
        with self._lock:
            for key, value in changes.items():
                setattr(job, key, value)


def create_app(
    store: Store,
    *,
    fetch: bool = False,
    embedder: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> BodyLimit:
    """The application over ``store`` (its FastAPI app is ``.app``); ``embedder`` defaults to
    ``$NEWSPRISM_EMBEDDER``, else ``auto``."""
    app = FastAPI(
        title="newsprism",
        version="1",
        description="Upload news articles, build evidence-backed briefings, read them as JSON or HTML.",
    )
    jobs = Jobs()
    aligner = embedder or os.environ.get("NEWSPRISM_EMBEDDER") or "auto"
    _install_error_handlers(app)

    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        page = resources.files("newsprism.serve").joinpath("static", "index.html").read_text(encoding="utf-8")
        return HTMLResponse(page, headers={"Content-Security-Policy": PAGE_CSP})

    app.mount("/static", StaticFiles(packages=[("newsprism.serve", "static")]), name="static")

    @app.post("/api/articles", status_code=201, responses=UPLOAD_ERRORS, summary="Upload article files")
    def upload_files(files: Annotated[list[UploadFile], File(description="text or HTML documents")]) -> UploadOut:
        articles = [_article_from_upload(f, max_bytes) for f in files]
        return UploadOut(articles=[_added(store, a) for a in articles])

    @app.post("/api/articles/text", status_code=201, responses=UPLOAD_ERRORS, summary="Add an article from text")
    def upload_text(body: TextIn) -> UploadOut:
        data = body.text.encode("utf-8")
        if len(data) > max_bytes:
            raise HTTPException(413, f"the text is {len(data):,} bytes, larger than the cap of {max_bytes:,}")
        name = _safe_name(body.name or "pasted")
        raw = RawDocument(name=name, source=f"pasted:{name}", data=data, kind=body.kind, title=body.title)
        return UploadOut(articles=[_added(store, _clean(raw))])

    @app.get("/api/articles", summary="List stored articles")
    def list_articles() -> list[ArticleSummary]:
        return [
            ArticleSummary(id=r.id, source=r.source, outlet=r.outlet, title=r.title, published=r.published,
                           chars=r.chars)
            for r in store.list_articles()
        ]

    @app.get("/api/articles/{article_id}", responses=ERRORS, summary="One stored article with its text")
    def get_article(article_id: str) -> ArticleOut:
        a = _found(lambda: store.get_article(article_id))
        return ArticleOut(id=a.id, source=a.source, outlet=a.outlet, title=a.title, author=a.author,
                          published=a.published, language=a.language, text=a.text)

    @app.post("/api/briefings", status_code=202, responses=ERRORS, summary="Start building a briefing")
    def start_briefing(body: BriefIn | None = None) -> JobOut:
        body = body or BriefIn()
        ids = store.article_ids() if body.articles is None else list(dict.fromkeys(body.articles))
        if not ids:
            raise HTTPException(422, "no articles to brief: upload some first (POST /api/articles)")
        articles = _found(lambda: store.get_articles(ids))
        generated_at = body.generated_at

        def work() -> int:
            from newsprism.api import brief_articles

            briefing = brief_articles(articles, generated_at=generated_at, embedder=aligner)
            return store.add_briefing(briefing, ids)

        return jobs.start(work).out()

    @app.get("/api/jobs/{job_id}", responses=ERRORS, summary="How a briefing job is going")
    def get_job(job_id: str) -> JobOut:
        return jobs.get(job_id).out()

    @app.get("/api/briefings", summary="List stored briefings")
    def list_briefings() -> list[BriefingSummary]:
        return [
            BriefingSummary(id=r.id, created_at=r.created_at, generated_at=r.generated_at,
                            articles=list(r.articles), stories=[title for _, title in r.stories])
            for r in store.list_briefings()
        ]

    @app.get(
        "/api/briefings/{briefing_id}", responses={
            **ERRORS, 200: {"description": "the briefing (newsprism.briefing/1)",
                            "content": {"application/json": {"schema": {"type": "object"}}}},
        },
        response_model=None, summary="A briefing as JSON",
    )
    def get_briefing(briefing_id: Annotated[int, Path(ge=1, le=MaxId)]) -> Response:
        briefing = _found(lambda: store.get_briefing(briefing_id))
        return Response(briefing.to_json(), media_type="application/json")

    @app.get(
        "/briefings/{briefing_id}.html", responses={
            **ERRORS, 200: {"description": "the HTML report", "content": {"text/html": {"schema": {"type": "string"}}}},
        },
        response_model=None, summary="A briefing as a self-contained HTML report",
    )
    def get_briefing_html(briefing_id: Annotated[int, Path(ge=1, le=MaxId)]) -> HTMLResponse:
        from newsprism.report.html import render_html, report_csp

        briefing = _found(lambda: store.get_briefing(briefing_id))
        return HTMLResponse(render_html(briefing), headers={"Content-Security-Policy": report_csp() + "; frame-ancestors 'self'"})

    @app.get("/api/stories", summary="Stories of every stored briefing")
    def list_stories() -> list[StoryOut]:
        return [
            StoryOut(briefing=r.id, id=sid, title=title) for r in store.list_briefings() for sid, title in r.stories
        ]

    if fetch:
        _add_fetch_route(app, store, max_bytes)
    return BodyLimit(app, max_bytes + MULTIPART_OVERHEAD)


def _add_fetch_route(app: FastAPI, store: Store, max_bytes: int) -> None:
    class UrlIn(BaseModel):
        url: str = Field(pattern=r"^https?://", max_length=2000)

    @app.post("/api/articles/url", status_code=201, responses=UPLOAD_ERRORS, summary="Fetch an article by URL")
    def upload_url(body: UrlIn) -> UploadOut:
        from newsprism.api import read

        result = read([body.url], max_bytes=max_bytes, fetch=True)
        if not result.articles:
            problem = result.problems[0] if result.problems else "nothing usable at that address"
            raise HTTPException(422, str(problem))
        return UploadOut(articles=[_added(store, a) for a in result.articles])


#: The page's own policy: its script and style come from this server, nothing else from anywhere.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def _added(store: Store, article: Article) -> AddedOut:
    result = store.add_article(article)
    return AddedOut(id=result.id, added=result.added, title=article.title)


def _safe_name(name: str) -> str:
    return UNSAFE_ID_CHARS.sub("_", name).strip("._-")[:100] or "document"


def _article_from_upload(upload: UploadFile, max_bytes: int) -> Article:
    filename = upload.filename or "upload"
    ctype = (upload.content_type or "").split(";")[0].strip().lower()
    if ctype not in TEXT_CONTENT_TYPES and not ctype.startswith("text/"):
        raise HTTPException(415, f"{filename}: type {ctype} is not a text or HTML document; upload .txt or .html")
    data = upload.file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise HTTPException(413, f"{filename}: larger than the size cap of {max_bytes:,} bytes")
    if data.startswith(b"\x1f\x8b"):
        from newsprism.ingest.decode import gunzip_capped

        data = _input_ok(lambda: gunzip_capped(data, max_bytes, filename))
    what = sniff_binary(data)
    if what:
        raise HTTPException(415, f"{filename}: not a text document, it looks like {what}")
    if not data.strip():
        raise HTTPException(422, f"{filename}: the file is empty")
    name = _safe_name(article_name(filename))
    return _clean(RawDocument(name=name, source=f"upload:{filename}", data=data, kind=kind_from_name(filename)))


def _clean(raw: RawDocument) -> Article:
    from newsprism.clean import clean_document

    return _input_ok(lambda: clean_document(raw, raw.name))


def _input_ok(step: Any) -> Any:
    """Run one cleaning step; a document that cannot be used is the client's to fix (422), not a crash."""
    try:
        return step()
    except InputError as exc:
        status = 415 if "not a text document" in exc.problem else 422
        raise HTTPException(status, str(exc)) from None
    except (ValueError, RecursionError) as exc:
        raise HTTPException(422, f"cannot parse the document ({type(exc).__name__})") from None


def _found(lookup: Any) -> Any:
    try:
        return lookup()
    except NotFoundError as exc:
        raise HTTPException(404, str(exc)) from None


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        message = exc.detail
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such endpoint: {request.method} {request.url.path} (the API is described at /openapi.json)"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return JSONResponse({"error": str(message)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": _validation_message(exc)}, status_code=422)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"error": f"internal error ({type(exc).__name__}); please report it"}, status_code=500)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, before any of it is parsed.

    The body is read up to the limit and replayed to the app, so a chunked upload with no
    Content-Length is capped too.
    """

    def __init__(self, app: FastAPI, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await _too_large(send, self.limit)
            return
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await _too_large(send, self.limit)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


async def _too_large(send: Send, limit: int) -> None:
    body = JSONResponse(
        {"error": f"the upload is larger than the size cap of {limit:,} bytes; send smaller files or fewer at once"},
        status_code=413,
    )
    await send({"type": "http.response.start", "status": 413, "headers": body.raw_headers})
    await send({"type": "http.response.body", "body": body.body})
