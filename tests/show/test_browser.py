"""The web UI in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium).

One database (the sample corpus plus a hostile article, analyzed once), one server and one
browser for the module. Skipped, saying why, where Playwright or Chromium is missing
(scripts/setup.sh installs both).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.show.charts import is_charted, points

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "corpus"
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile_article.txt"
RTL = Path(__file__).resolve().parent / "data" / "rtl_article.txt"
CHROMIUM = Path("/usr/bin/chromium")
# What the sample corpus must draw: the story of the dam (its killed, missing and injured
# series) and the protest story (detention figures conflicting on 6 March).
SAMPLE_POINTS = {"people killed": 14, "people detained": 7}

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
if not CHROMIUM.exists():
    pytest.skip(
        "no /usr/bin/chromium: run scripts/setup.sh (apt-get install chromium)",
        allow_module_level=True,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    import uvicorn

    from newsprism.pipeline import analyze
    from newsprism.show.web import create_app
    from newsprism.store.sqlite import Store

    folder = tmp_path_factory.mktemp("browser")
    for extra in (HOSTILE, RTL):
        shutil.copy(extra, folder / extra.name)
    db = folder / "ui.db"
    with Store(db) as store:
        analyze([SAMPLE, folder / HOSTILE.name, folder / RTL.name], store)
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield launched
        launched.close()


@pytest.fixture()
def page(browser) -> Iterator[object]:
    opened = browser.new_page()
    opened.problems = []  # console errors, page errors and dialogs (alert() would be one)
    opened.on("console", lambda m: m.type == "error" and opened.problems.append(m.text))
    opened.on("pageerror", lambda e: opened.problems.append(str(e)))

    def on_dialog(dialog) -> None:
        opened.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    opened.on("dialog", on_dialog)
    yield opened
    opened.close()


def _stories(page, server: str) -> list[dict]:
    overview = page.request.get(f"{server}/api/overview").json()
    return [story for event in overview["events"] for story in event["stories"]]


def test_browser_pages_load_clean_and_charts_carry_every_point(page, server: str):
    page.goto(server + "/")
    assert page.locator("section.event").count() >= 2
    drawn: dict[str, int] = {}
    for story in _stories(page, server):
        record = page.request.get(f"{server}/api/stories/{story['id']}").json()
        rows = [row for row in record["stories"][0]["claims"] if is_charted(row)]
        page.goto(f"{server}/stories/{story['id']}")
        charts = page.locator("svg.series-chart")
        assert charts.count() == len(rows)
        for i, row in enumerate(rows):
            chart = charts.nth(i)
            assert chart.locator("circle").count() == len(points(row))
            drawn[row["label"]] = max(drawn.get(row["label"], 0), len(points(row)))
        assert page.locator("svg.reuse-graph g.source.independent").count() == (
            record["stories"][0]["independent_sources"]
        )
    for label, count in SAMPLE_POINTS.items():
        assert drawn.get(label) == count, (label, drawn)
    assert page.problems == []


def test_browser_story_to_article_to_highlighted_span(page, server: str):
    main = max(_stories(page, server), key=lambda s: s["documents"])
    page.goto(f"{server}/stories/{main['id']}")
    link = page.locator("table.claims a", has_text="[in context]").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**/documents/**")
    assert page.url.endswith(href) and "start=" in href
    focus = page.locator("mark#focus")
    assert focus.count() == 1 and focus.is_visible()
    assert focus.inner_text().strip()
    # A point of a chart links to its span the same way.
    page.goto(f"{server}/stories/{main['id']}")
    page.locator("svg.series-chart a").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("mark#focus").count() == 1
    assert page.problems == []


def test_browser_hostile_article_yields_nothing_executable(page, server: str):
    hostile = next(s for s in _stories(page, server) if "Warehouse fire" in s["title"])
    record = page.request.get(f"{server}/api/stories/{hostile['id']}").json()
    doc_id = record["stories"][0]["document_ids"][0]
    for path in ("/", f"/stories/{hostile['id']}", f"/documents/{doc_id}"):
        page.goto(server + path)
        found = page.evaluate(
            """() => ({
                scripts: document.querySelectorAll('script').length,
                handlers: [...document.querySelectorAll('*')].flatMap(
                    el => [...el.attributes].map(a => a.name).filter(n => n.startsWith('on'))),
                jsLinks: [...document.querySelectorAll('a')].filter(
                    a => (a.getAttribute('href') || '').trim().toLowerCase()
                        .startsWith('javascript:')).length,
                injected: document.querySelectorAll('img, iframe, object, embed').length,
            })"""
        )
        assert found == {"scripts": 0, "handlers": [], "jsLinks": 0, "injected": 0}, path
        assert "<script>alert(" in page.locator("body").inner_text(), path
        for mark in page.locator("mark").all()[:5]:
            mark.hover()
    assert page.problems == []


def test_browser_right_to_left_text_reads_right_to_left(page, server: str):
    arabic = next(s for s in _stories(page, server) if s["languages"] == ["ar"])
    record = page.request.get(f"{server}/api/stories/{arabic['id']}").json()
    page.goto(f"{server}/documents/{record['stories'][0]['document_ids'][0]}")
    direction = "el => getComputedStyle(el).direction"
    assert page.locator("h1").evaluate(direction) == "rtl"
    assert page.locator("div.article").evaluate(direction) == "rtl"
    assert page.locator("nav").evaluate(direction) == "ltr"  # the page around it stays ltr
    page.goto(f"{server}/")
    story_id = arabic["id"]
    link = page.locator(f'section.event a[href="/stories/{story_id}"]').first
    assert link.evaluate(direction) == "rtl"
    assert page.problems == []
