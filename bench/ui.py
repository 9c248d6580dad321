"""The web UI's speed in a real browser: time to load and bytes of the main pages.

Usage:
    .venv/bin/python bench/ui.py DB_OR_CORPUS [DB_OR_CORPUS ...] [--runs N] [--screenshots DIR]

Each argument is a newsprism database (``.db``), a real-dev ``corpus.jsonl`` (rows with
``excerpt``, converted as ``bench/events.py`` does, with their dates) or anything
``newsprism analyze`` reads (a folder such as ``samples/corpus``). Everything that is not a
database is analyzed into one temporary database; ``newsprism serve`` serves it (or the first
database given) and Playwright drives Debian's Chromium (``/usr/bin/chromium``) through the
overview, a filtered overview, the largest story of each of the three largest events, a
document page with a highlighted span, and the JSON of the overview and of the largest story.

A page's time is the browser's navigation from request to the load event, the median of
``--runs`` loads after one warm-up (for the JSON endpoints: the browser's fetch of the whole
body, as a client would use them, not Chromium drawing 1 MB of text); bytes are the decoded
body. Target: every page under 1 s and none over 2 MB. ``--keep DB`` analyzes into DB (and
reuses it when it exists) instead of a temporary file. ``--screenshots DIR`` also saves the
overview, the largest story (its conflicts and charts), its sources graph and the document page
as PNGs.

Prints a table and ends with one line of ``key=value`` figures.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from newsprism.store.sqlite import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events import load_corpus, newsprism_command, write_user_jsonl

CHROMIUM = "/usr/bin/chromium"
TARGET_SECONDS = 1.0
TARGET_BYTES = 2 * 1024 * 1024


def prepare(inputs: list[str], workdir: Path, keep: Path | None = None) -> Path:
    """The database to serve: the one given, or the inputs analyzed into a new one."""
    databases = [Path(i) for i in inputs if i.endswith(".db")]
    others = [i for i in inputs if not i.endswith(".db")]
    if databases and not others:
        return databases[0]
    if databases:
        raise SystemExit("give either one database or corpora to analyze, not both")
    paths = []
    for i, item in enumerate(others):
        path = Path(item).expanduser()
        if path.suffix == ".jsonl" and path.exists():
            rows = load_corpus(path)
            if rows and "excerpt" in rows[0]:  # a real-dev corpus: convert as bench/events.py
                converted = workdir / f"{i}_{path.parent.name}.jsonl"
                write_user_jsonl(rows, converted, dates=True)
                path = converted
        paths.append(str(path))
    db = keep or workdir / "ui.db"
    if keep is not None and keep.exists():
        return keep
    started = time.perf_counter()
    subprocess.run(
        [*newsprism_command(), "analyze", *paths, "--db", str(db), "--quiet"], check=True
    )
    print(f"analyzed {len(paths)} inputs in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [*newsprism_command(), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process, base
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("newsprism serve did not start")


def pages(page: Any, base: str) -> list[tuple[str, str]]:
    """(name, path) of the pages to time, found through the overview's JSON."""
    overview = page.request.get(f"{base}/api/overview").json()
    events = overview["events"]
    result = [("overview", "/"), ("overview ?verdict=conflicting", "/?verdict=conflicting")]
    for i, event in enumerate(events[:3]):
        story = event["stories"][0]
        result.append((f"story (event {i + 1}, {story['documents']} reports)",
                       f"/stories/{story['id']}"))
    if events:
        main = events[0]["stories"][0]["id"]
        record = page.request.get(f"{base}/api/stories/{main}").json()
        claims = [c for row in record["stories"][0]["claims"] for c in row["claims"]]
        if claims:
            claim = claims[0]
            result.append(
                ("document (highlighted span)",
                 f"/documents/{claim['doc_id']}?start={claim['start']}&end={claim['end']}#focus")
            )
        result.append(("api: story JSON", f"/api/stories/{main}"))
    result.append(("api: overview JSON", "/api/overview"))
    return result


def timed_load(page: Any, url: str) -> tuple[float, int]:
    if "/api/" in url:
        started = time.perf_counter()
        response = page.request.get(url)
        size = len(response.body())
        return time.perf_counter() - started, size
    page.goto(url, wait_until="load")
    timing = page.evaluate(
        """() => { const n = performance.getEntriesByType('navigation')[0];
                   return [n.loadEventEnd - n.startTime, n.decodedBodySize]; }"""
    )
    return timing[0] / 1000, int(timing[1])


def screenshots(page: Any, base: str, named: list[tuple[str, str]], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    stories = [path for name, path in named if name.startswith("story")]
    documents = [path for name, path in named if name.startswith("document")]
    shots = [("overview.png", "/", None)]
    if stories:
        shots += [("story.png", stories[0], None), ("sources-graph.png", stories[0], ".graph")]
        shots += [("series.png", stories[0], "div.series")]
    if documents:
        shots.append(("document.png", documents[0], None))
    for filename, path, selector in shots:
        page.goto(base + path, wait_until="load")
        out = folder / filename
        if selector is None:
            page.screenshot(path=str(out))
        else:
            target = page.locator(selector).first
            if target.count() == 0:
                continue
            target.screenshot(path=str(out))
        saved.append(out)
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", metavar="DB_OR_CORPUS")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--screenshots", type=Path, default=None)
    parser.add_argument("--keep", type=Path, default=None, metavar="DB")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="newsprism-ui-") as tmp:
        db = prepare(args.inputs, Path(tmp), args.keep)
        process, base = serve(db)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                errors: list[str] = []
                page.on("console", lambda m: m.type == "error" and errors.append(m.text))
                named = pages(page, base)
                rows = []
                for name, path in named:
                    timed_load(page, base + path)  # warm-up
                    runs = [timed_load(page, base + path) for _ in range(args.runs)]
                    rows.append((name, path, statistics.median(t for t, _ in runs), runs[0][1]))
                saved = screenshots(page, base, named, args.screenshots) if args.screenshots else []
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=10)
        with Store(db) as store:
            counts = store.counts()

    table = Table(title=f"web UI in Chromium: {counts.get('documents', '?')} reports, "
                        f"{counts.get('stories', '?')} stories")
    for column in ("page", "path", "load (s)", "bytes", "under 1 s, 2 MB"):
        table.add_column(column)
    for name, path, seconds, size in rows:
        ok = seconds < TARGET_SECONDS and size <= TARGET_BYTES
        table.add_row(name, path[:60], f"{seconds:.3f}", f"{size:,}", "yes" if ok else "NO")
    Console(width=140).print(table)
    for out in saved:
        print(f"screenshot: {out} ({out.stat().st_size:,} bytes)")
    slowest = max(rows, key=lambda r: r[2])
    figures = {
        "documents": counts.get("documents", 0),
        "stories": counts.get("stories", 0),
        "pages": len(rows),
        "max_load_s": f"{slowest[2]:.3f}",
        "slowest": slowest[1].split("?")[0].split("/")[1] or "overview",
        "overview_s": f"{rows[0][2]:.3f}",
        "story_s": f"{max(r[2] for r in rows if r[0].startswith('story')):.3f}",
        "max_bytes": max(r[3] for r in rows),
        "console_errors": len(errors),
        "all_under_target": all(r[2] < TARGET_SECONDS and r[3] <= TARGET_BYTES for r in rows),
    }
    print(" ".join(f"{key}={value}" for key, value in figures.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
