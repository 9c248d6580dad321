"""The web UI: overview of the events → story page → document page with highlighted spans, plus
JSON APIs in step with each page (/api/overview, /api/stories/{id}, /api/record).

Each request opens its own Store: SQLite connections must not cross threads, and FastAPI runs
plain ``def`` handlers in a thread pool.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism.read import MAX_ARTICLE_CHARS
from newsprism.show.common import published
from newsprism.show.highlight import segments
from newsprism.show.html import content_security_policy, render_page, stylesheet
from newsprism.show.overview import build_overview
from newsprism.show.record import _document_entry, build_record
from newsprism.store.sqlite import Store

SEARCH_LIMIT = 50
# Longest full-text query accepted (FTS5 parses it; a megabyte query is an attack, not a search).
MAX_QUERY_CHARS = 500
# Headers on every response: no script may run and nothing may load from elsewhere (the CSP
# allows only the inline stylesheet, by hash), the browser must not guess content types, links
# out do not leak the page's URL, and no other site may frame the pages.
SECURITY_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def create_app(db_path: str | Path) -> FastAPI:
    """A FastAPI app serving the record in ``db_path`` (run it with uvicorn)."""
    # No Swagger page: it needs inline and third-party scripts, which the CSP forbids; the
    # OpenAPI schema stays at /openapi.json. No static or directory route exists at all.
    app = FastAPI(title="newsprism", docs_url=None, redoc_url=None)
    db = str(db_path)
    headers = {**SECURITY_HEADERS, "Content-Security-Policy": content_security_policy(header=True)}

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.update(headers)
        return response

    @contextmanager
    def open_store() -> Iterator[Store]:
        store = Store(db)
        try:
            yield store
        finally:
            store.close()

    def not_found(message: str) -> HTMLResponse:
        return HTMLResponse(render_page("404.html", message=message, web=True), status_code=404)

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, error: StarletteHTTPException) -> Any:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": error.detail}, status_code=error.status_code)
        if error.status_code == 404:
            return not_found(f"Nothing at {request.url.path}.")
        return HTMLResponse(str(error.detail), status_code=error.status_code)

    @app.get("/", response_class=HTMLResponse)
    def index(
        q: str = Query("", max_length=MAX_QUERY_CHARS),
        language: str = Query("", max_length=MAX_QUERY_CHARS),
        outlet: str = Query("", max_length=MAX_QUERY_CHARS),
        verdict: str = Query("", max_length=MAX_QUERY_CHARS),
    ) -> HTMLResponse:
        with open_store() as store:
            overview = build_overview(store, language=language, outlet=outlet, verdict=verdict)
            hits: list[dict[str, str]] = []
            error = ""
            if q.strip():
                try:
                    ids = store.search(q, limit=SEARCH_LIMIT)
                except sqlite3.OperationalError as failure:
                    ids, error = [], f"Not a valid search query ({failure})."
                for doc_id in ids:
                    doc = store.document(doc_id)
                    if doc is not None:
                        hits.append({"id": doc.id, "title": doc.title, "outlet": doc.outlet})
        return HTMLResponse(
            render_page("index.html", overview=overview, query=q, hits=hits, error=error, web=True)
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: str) -> HTMLResponse:
        with open_store() as store:
            record = build_record(store, story_id=story_id)
        if not record["stories"]:
            return not_found(f"No story with id {story_id}.")
        return HTMLResponse(render_page("story.html", story=record["stories"][0], web=True))

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document_page(
        doc_id: str,
        start: int | None = Query(None, ge=0, le=MAX_ARTICLE_CHARS),
        end: int | None = Query(None, ge=0, le=MAX_ARTICLE_CHARS),
    ) -> HTMLResponse:
        with open_store() as store:
            document = store.document(doc_id)
            if document is None:
                return not_found(f"No document with id {doc_id}.")
            extraction = store.extraction(doc_id)
            focus = (start, end) if start is not None and end is not None and start < end else None
            stories = [s for s in store.stories() if doc_id in s.doc_ids]
        return HTMLResponse(
            render_page(
                "document.html",
                document=document,
                published_text=published(_document_entry(document)),
                segments=segments(document.text, extraction, focus),
                stories=stories,
                web=True,
            )
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)  # no icon, and no 404 in the browser's console

    @app.get("/static/newsprism.css", include_in_schema=False)
    def css() -> Response:
        return Response(stylesheet(), media_type="text/css")

    @app.get("/api/overview")
    def api_overview(language: str = "", outlet: str = "", verdict: str = "") -> JSONResponse:
        with open_store() as store:
            return JSONResponse(
                build_overview(store, language=language, outlet=outlet, verdict=verdict)
            )

    @app.get("/api/record")
    def api_record() -> JSONResponse:
        with open_store() as store:
            return JSONResponse(build_record(store))

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str) -> JSONResponse:
        with open_store() as store:
            record = build_record(store, story_id=story_id)
        if not record["stories"]:
            return JSONResponse({"detail": f"no story {story_id}"}, status_code=404)
        return JSONResponse(record)

    return app
