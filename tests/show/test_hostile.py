"""A hostile article through the whole pipeline: nothing executable reaches any page or report.

The article carries script tags, event-handler attributes, ``javascript:`` URLs, Markdown link
syntax, Rich markup, terminal escapes and bidi overrides in its title, outlet, URL, quotes and
figures. Every web page and every report format (html, markdown, text, json) is checked.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.pipeline import analyze
from newsprism.show import build_record, render
from newsprism.show.html import stylesheet
from newsprism.show.web import MAX_QUERY_CHARS, create_app
from newsprism.store import Store

pytestmark = pytest.mark.slow

HOSTILE_TXT = """Title: <script>alert(1)</script> Dam \u202egnp.exe\u202c breaks [/bold] \
[link=javascript:alert(9)]x[/link]
Outlet: <img src=x onerror=alert(2)> Herald\u2067
URL: javascript:alert(3)
Date: 2026-03-03

CASTRAVA, 3 March (Castrava Herald) - "<script>alert(4)</script> We will rebuild the dam," \
said Mayor <b onmouseover=alert(5)>Ilse Varga</b> on Tuesday.

The health ministry said 12 people <a href="javascript:alert(6)">died</a> in the flood on \
3 March, and [click here](javascript:alert(7)) rescuers said 40 people were missing.

Police detained 200 protesters on Wednesday, the interior ministry said\x1b[31m. \
<iframe src="javascript:alert(8)"></iframe> Residents said the water kept rising \u2066\u202e.
"""
HOSTILE_JSONL = json.dumps(
    {
        "text": 'The health ministry said 15 people died in the flood on 4 March. "<svg onload='
        'alert(10)>" the minister said.',
        "title": "<svg/onload=alert(11)>\u202e",
        "outlet": "Meridian <script>alert(12)</script> Post",
        "url": "javascript:alert(13)",
        "published": "2026-03-04",
    }
)
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
EVENT_HANDLER = re.compile(r"^on", re.IGNORECASE)


class _Executable(HTMLParser):
    """Collects what a browser would run: script elements, event handlers, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # The charts and graphs are inline SVG the app draws itself; an injected <svg onload>
        # is still caught by its event-handler attribute.
        if tag in ("script", "iframe", "object", "embed", "img", "base", "foreignobject"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if EVENT_HANDLER.match(name):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "xlink:href", "src", "action") and value and (
                "javascript:" in value.lower()
            ):
                self.found.append(f"{tag} {name}={value}")


def executable_html(page: str) -> list[str]:
    parser = _Executable()
    parser.feed(page)
    return parser.found


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (folder / "hostile.jsonl").write_text(HOSTILE_JSONL + "\n", encoding="utf-8")
    db = tmp_path_factory.mktemp("hostile-db") / "hostile.db"
    with Store(db) as store:
        report = analyze([folder], store, workers=1)
    assert (report.added, report.problems) == (2, [])
    return db


@pytest.fixture(scope="module")
def record(hostile_db: Path) -> dict:
    with Store(hostile_db) as store:
        return build_record(store)


def test_hostile_article_is_stored_without_bidi_controls(record: dict) -> None:
    titles = [s["title"] for story in record["stories"] for s in story["sources"]]
    assert any("<script>" in title for title in titles)  # kept as text, shown escaped
    assert not BIDI.search(json.dumps(record, ensure_ascii=False))


def test_hostile_html_report_has_nothing_executable(record: dict) -> None:
    page = render(record, "html")
    assert executable_html(page) == []
    assert "&lt;script&gt;" in page
    assert not BIDI.search(page)


def test_hostile_markdown_report_has_no_html_and_no_links(record: dict) -> None:
    page = render(record, "markdown")
    assert not re.search(r"<\s*(script|img|a|iframe|svg|b)\b", page, re.IGNORECASE)
    assert not re.search(r"(?<!\\)\]\(javascript:", page)  # "\](" is no link
    assert "\\](javascript:" in page and "<javascript:" not in page
    assert not BIDI.search(page)


def test_hostile_text_report_has_no_escapes_and_no_markup_crash(record: dict) -> None:
    page = render(record, "text")
    assert "\x1b" not in page and not BIDI.search(page)
    assert "[/bold]" in page  # Rich markup in a title stays text


def test_hostile_json_report_is_data(record: dict) -> None:
    page = render(record, "json")
    assert json.loads(page) == record
    assert "\x1b" not in page and not BIDI.search(page)


def test_hostile_every_web_page_has_nothing_executable(hostile_db: Path, record: dict) -> None:
    client = TestClient(create_app(hostile_db))
    pages = ["/", "/?q=rebuild", "/?q=%3Cscript%3E"]
    pages += [f"/stories/{story['id']}" for story in record["stories"]]
    doc_ids = {s["id"] for story in record["stories"] for s in story["sources"]}
    pages += [f"/documents/{doc_id}?start=0&end=40" for doc_id in doc_ids]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert executable_html(response.text) == [], url
        assert not BIDI.search(response.text), url
    api = client.get("/api/record")
    assert api.headers["content-type"] == "application/json"
    assert api.json() == record


def test_web_security_headers_on_every_response(hostile_db: Path) -> None:
    client = TestClient(create_app(hostile_db))
    digest = base64.b64encode(hashlib.sha256(str(stylesheet()).encode()).digest()).decode()
    for url in ("/", "/api/record", "/nowhere", "/documents/nope"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and f"'sha256-{digest}'" in csp
        assert "script-src" not in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_pages_style_only_through_the_allowed_stylesheet(hostile_db: Path) -> None:
    client = TestClient(create_app(hostile_db))
    page = client.get("/").text
    assert re.findall(r"<style>(.*?)</style>", page, re.DOTALL) == []
    assert '<link rel="stylesheet" href="/static/newsprism.css">' in page
    assert client.get("/static/newsprism.css").text == str(stylesheet())
    assert " style=" not in page
    with Store(hostile_db) as store:
        report = render(build_record(store), "html")
    # the self-contained report inlines exactly the stylesheet its CSP allows by hash
    assert re.findall(r"<style>(.*?)</style>", report, re.DOTALL) == [str(stylesheet())]


@pytest.mark.parametrize(
    "url",
    [
        "/?q=" + "a" * (MAX_QUERY_CHARS + 1),
        "/documents/x?start=-1&end=5",
        "/documents/x?start=0&end=99999999999999999999",
        "/documents/x?start=a&end=5",
    ],
)
def test_web_rejects_oversized_or_bad_parameters(hostile_db: Path, url: str) -> None:
    response = TestClient(create_app(hostile_db)).get(url)
    assert response.status_code == 422


@pytest.mark.parametrize("url", ["/static/", "/templates/", "/api/docs", "/newsprism/", "/..%2f"])
def test_web_has_no_directory_listing_or_docs_page(hostile_db: Path, url: str) -> None:
    response = TestClient(create_app(hostile_db)).get(url)
    assert response.status_code == 404
    assert "Index of" not in response.text and "base.html" not in response.text
