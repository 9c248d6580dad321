"""The web UI through FastAPI's test client: pages, JSON, search, 404s and escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from flood_store import SENTENCES_A

from newsprism.show.web import create_app


@pytest.fixture()
def client(db_path: Path) -> TestClient:
    return TestClient(create_app(db_path))


def test_web_story_list_with_counts(client: TestClient):
    page = client.get("/")
    assert page.status_code == 200
    assert 'href="/stories/story-1"' in page.text
    assert "verdict-disputed" in page.text


def test_web_search_finds_documents_and_survives_bad_queries(client: TestClient):
    page = client.get("/", params={"q": "looters"})
    assert 'href="/documents/doc-a"' in page.text
    assert 'href="/documents/doc-b"' not in page.text
    assert client.get("/", params={"q": 'AND "'}).status_code == 200


def test_web_story_page(client: TestClient):
    page = client.get("/stories/story-1")
    assert page.status_code == 200
    for needle in (
        "Timeline",
        "Claims",
        "Quotes by speaker",
        "Sources",
        "Who copies whom",
        SENTENCES_A[1].replace("12", "<b>12</b>"),
        "badge verdict-updated",
        "Ilse Varga",
    ):
        assert needle in page.text


def test_web_document_page_highlights_spans(client: TestClient):
    page = client.get("/documents/doc-a")
    assert page.status_code == 200
    assert '<mark class="quantity"' in page.text and ">12</mark>" in page.text
    assert '<mark class="quote"' in page.text and '<mark class="time"' in page.text
    assert '<mark class="mention" title="PERSON">Ilse Varga</mark>' in page.text


@pytest.mark.parametrize("path", ["/", "/stories/story-1", "/documents/doc-b"])
def test_web_escapes_article_text(client: TestClient, path: str):
    page = client.get(path, params={"q": "farmer"} if path == "/" else None)
    assert "<script" not in page.text.lower()
    assert "&lt;script&gt;" in page.text


def test_web_json_api(client: TestClient):
    record = client.get("/api/record").json()
    assert record["schema_version"] == 1 and len(record["stories"]) == 2
    story = client.get("/api/stories/story-1").json()
    assert [s["id"] for s in story["stories"]] == ["story-1"]


@pytest.mark.parametrize(
    "path", ["/stories/nope", "/documents/nope", "/api/stories/nope", "/nowhere"]
)
def test_web_unknown_ids_are_404(client: TestClient, path: str):
    response = client.get(path)
    assert response.status_code == 404
    if not path.startswith("/api/"):
        assert "Not found" in response.text


def test_web_claim_links_to_its_span_in_context(client: TestClient):
    story = client.get("/stories/story-1").text
    assert 'href="/documents/doc-a?start=57&amp;end=59#focus"' in story
    page = client.get("/documents/doc-a", params={"start": 57, "end": 59})
    assert '<mark class="focus" id="focus" title="the span you followed">12</mark>' in page.text


def test_web_overview_filters_and_its_json_agree(client: TestClient):
    page = client.get("/").text
    overview = client.get("/api/overview").json()
    assert [e["id"] for e in overview["events"]]
    for event in overview["events"]:
        for story in event["stories"]:
            assert f'href="/stories/{story["id"]}"' in page
    assert overview["filters"]["verdicts"][0] == "agreed"
    none = client.get("/api/overview", params={"language": "xx"}).json()
    assert none["events"] == []
    assert "No story matches these filters." in client.get("/", params={"language": "xx"}).text
    disputed = client.get("/api/overview", params={"verdict": "disputed"}).json()
    assert [s["id"] for e in disputed["events"] for s in e["stories"]] == ["story-1"]


def test_web_stylesheet_is_served_and_the_page_has_no_inline_script(client: TestClient):
    css = client.get("/static/newsprism.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    page = client.get("/stories/story-1").text
    assert '<link rel="stylesheet" href="/static/newsprism.css">' in page
    assert "<script" not in page.lower() and "<style" not in page.lower()
