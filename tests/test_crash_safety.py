"""Crash safety and concurrency of `newsprism analyze`, through real processes.

- SIGKILL in the middle of a run: the database opens, passes SQLite's integrity check, a re-run
  completes, and the final record equals that of an uninterrupted run.
- A run killed after storing articles but before relinking leaves the record marked stale, and
  the next run relinks even though it adds nothing.
- Two `analyze` runs on one database at once, while the web app reads it: both finish (the
  second writer waits for the first), every page read meanwhile answers, the record is the same.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "samples" / "corpus"
ANALYZE = ["analyze", str(CORPUS), "-q", "--workers", "1", "--attribution", "rules"]

pytestmark = pytest.mark.slow


def newsprism(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsprism.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
    )


def run(*args: str, env: dict[str, str] | None = None) -> str:
    process = newsprism(*args, env=env)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return out


def record(db: Path) -> dict:
    return json.loads(run("report", "--db", str(db), "--format", "json"))


def stored_documents(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    db = tmp_path_factory.mktemp("reference") / "reference.db"
    run(*ANALYZE, "--db", str(db))
    return db, record(db)


def test_analyze_killed_mid_run_recovers_to_the_same_record(
    reference: tuple[Path, dict], tmp_path: Path
) -> None:
    db = tmp_path / "killed.db"
    # Two articles per transaction, so the kill lands between committed batches.
    process = newsprism(*ANALYZE, "--db", str(db), env={"NEWSPRISM_WRITE_BATCH": "2"})
    deadline = time.monotonic() + 120
    while stored_documents(db) < 2 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL, "analyze finished before it could be killed"
    total = reference[1]["counts"]["documents"]
    assert 2 <= stored_documents(db) < total

    assert integrity(db) == "ok"
    run(*ANALYZE, "--db", str(db))
    assert record(db) == reference[1]


def test_analyze_relinks_after_a_run_killed_before_its_relink(
    reference: tuple[Path, dict], tmp_path: Path
) -> None:
    db = tmp_path / "stale.db"
    shutil.copy(reference[0], db)
    with sqlite3.connect(db) as connection:  # what a kill between store and relink leaves
        connection.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")
        connection.execute("DELETE FROM comparisons")
    run(*ANALYZE, "--db", str(db))
    assert record(db) == reference[1]


def test_two_analyze_runs_and_the_web_app_share_one_database(
    reference: tuple[Path, dict], tmp_path: Path
) -> None:
    from fastapi.testclient import TestClient

    from newsprism.show.web import create_app

    db = tmp_path / "shared.db"
    first = newsprism(*ANALYZE, "--db", str(db), env={"NEWSPRISM_WRITE_BATCH": "1"})
    second = newsprism(*ANALYZE, "--db", str(db), env={"NEWSPRISM_WRITE_BATCH": "1"})
    statuses: list[int] = []
    client = TestClient(create_app(db))
    while first.poll() is None or second.poll() is None:
        if stored_documents(db):
            for url in ("/", "/api/record"):
                statuses.append(client.get(url).status_code)
        time.sleep(0.1)
    for process in (first, second):
        _out, err = process.communicate()
        assert process.returncode == 0, err
    assert statuses and set(statuses) == {200}
    assert integrity(db) == "ok"
    assert record(db) == reference[1]
