"""Upload → brief → fetch over HTTP against the real server, and every error as JSON with its status."""

from __future__ import annotations

import gzip
import json

import httpx
import lxml.html
from serve_helpers import DAM_REPORTS, wait_for_job

from newsprism.model import Briefing


def _upload(client: httpx.Client, files: dict[str, str | bytes], ctype: str | None = None) -> httpx.Response:
    parts = [("files", (name, body, ctype or ("text/html" if name.endswith(".html") else "text/plain")))
             for name, body in files.items()]
    return client.post("/api/articles", files=parts)


def _error(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and body["error"]
    return body["error"]


def test_upload_brief_and_fetch(client: httpx.Client) -> None:
    response = _upload(client, DAM_REPORTS)
    assert response.status_code == 201, response.text
    ids = [a["id"] for a in response.json()["articles"]]
    assert ids == ["lakeside", "valley-courier"]
    again = _upload(client, {"lakeside.txt": DAM_REPORTS["lakeside.txt"]}).json()["articles"]
    assert again == [{"id": "lakeside", "added": False, "title": again[0]["title"]}]

    listed = {a["id"] for a in client.get("/api/articles").json()}
    assert {"lakeside", "valley-courier"} <= listed
    assert "Korvala" in client.get("/api/articles/lakeside").json()["text"]

    start = client.post("/api/briefings", json={"articles": ids})
    assert start.status_code == 202, start.text
    job = wait_for_job(client, start.json())
    assert job["status"] == "done", job

    raw = client.get(job["json_url"])
    assert raw.headers["content-type"].startswith("application/json")
    briefing = Briefing.from_dict(raw.json())
    assert sorted(a.id for a in briefing.articles) == ids
    for story in briefing.stories:
        for claim in story.claims:
            for span in claim.evidence:
                assert briefing.article(span.article).text[span.start : span.end] == span.text

    page = client.get(job["html_url"])
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert lxml.html.document_fromstring(page.text).xpath("//div[@class='text']")

    assert any(b["id"] == job["briefing"] for b in client.get("/api/briefings").json())
    stories = client.get("/api/stories").json()
    assert stories and all({"briefing", "id", "title"} <= set(s) for s in stories)


def test_pasted_text_is_an_article(client: httpx.Client) -> None:
    text = "Ferry services to Hallin resumed on Friday after the storm passed, the operator said."
    response = client.post("/api/articles/text", json={"text": text, "name": "paste/../ferry note", "title": "Ferries"})
    assert response.status_code == 201, response.text
    [added] = response.json()["articles"]
    assert added["id"] == "paste_.._ferry_note"
    assert client.get(f"/api/articles/{added['id']}").json()["text"] == text


def test_gzipped_upload_is_read(client: httpx.Client) -> None:
    body = gzip.compress(b"Snow closed the Varnek pass on Sunday; ploughs were sent from both valleys.\n")
    response = _upload(client, {"pass.txt.gz": body}, "application/gzip")
    assert response.status_code == 201, response.text
    assert response.json()["articles"][0]["id"] == "pass"


def test_not_found(client: httpx.Client) -> None:
    assert "no stored article" in _error(client.get("/api/articles/never-uploaded"), 404)
    assert "no stored briefing" in _error(client.get("/api/briefings/987654"), 404)
    assert "no stored briefing" in _error(client.get("/briefings/987654.html"), 404)
    assert "no job" in _error(client.get("/api/jobs/nope"), 404)
    assert "no such endpoint" in _error(client.get("/api/nothing-here"), 404)
    assert "no stored article" in _error(client.post("/api/briefings", json={"articles": ["ghost"]}), 404)


def test_too_large(client: httpx.Client) -> None:
    big = b"word " * (21 * 1024 * 1024 // 5)
    assert "size cap" in _error(_upload(client, {"big.txt": big}), 413)
    assert "size cap" in _error(client.post("/api/articles/text", json={"text": big.decode()}), 413)

    def chunks():  # no Content-Length: the cap must hold for a streamed body too
        for _ in range(22):
            yield b"x" * (1024 * 1024)

    streamed = client.post("/api/articles/text", content=chunks(), headers={"content-type": "application/json"})
    assert "size cap" in _error(streamed, 413)


def test_wrong_type(client: httpx.Client) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    assert "image/png" in _error(_upload(client, {"photo.png": png}, "image/png"), 415)
    assert "application/zip" in _error(_upload(client, {"a.zip": b"PK\x03\x04rest"}, "application/zip"), 415)
    assert "PNG" in _error(_upload(client, {"photo.txt": png}, "text/plain"), 415)
    assert "NUL" in _error(_upload(client, {"blob.bin": b"\x00\x01\x02" * 200}, "application/octet-stream"), 415)


def test_invalid_requests(client: httpx.Client) -> None:
    assert "text" in _error(client.post("/api/articles/text", json={"title": "no text"}), 422)
    assert _error(client.post("/api/articles/text", content=b"{not json", headers={"content-type": "application/json"}), 422)
    assert _error(client.post("/api/articles", files=[]), 422)
    assert "empty" in _error(_upload(client, {"blank.txt": "   \n"}), 422)
    assert _error(client.get("/api/briefings/not-a-number"), 422)
    assert _error(client.post("/api/briefings", json={"articles": "lakeside"}), 422)


def test_json_endpoint_escapes_closing_tags(client: httpx.Client) -> None:
    text = "The mayor of Dren wrote </script><script>alert(1)</script> in a post, aides said on Tuesday."
    [added] = client.post("/api/articles/text", json={"text": text, "name": "hostile"}).json()["articles"]
    job = wait_for_job(client, client.post("/api/briefings", json={"articles": [added["id"]]}).json())
    assert job["status"] == "done", job
    raw = client.get(job["json_url"]).text
    assert "</" not in raw and "<\\/script>" in raw
    assert json.loads(raw)["articles"][0]["text"] == text
    tree = lxml.html.document_fromstring(client.get(job["html_url"]).text)
    assert len(tree.xpath("//script")) == 1 and "alert" not in tree.xpath("//script")[0].text


def test_page_and_openapi(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "default-src 'none'" in page.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/articles", "/api/articles/text", "/api/briefings", "/api/jobs/{job_id}",
            "/briefings/{briefing_id}.html", "/api/stories"} <= set(paths)


def test_binds_to_loopback_by_default() -> None:
    from newsprism.cli import build_parser
    from newsprism.serve import DEFAULT_HOST

    assert DEFAULT_HOST == "127.0.0.1"
    assert build_parser().parse_args(["serve"]).host == "127.0.0.1"
