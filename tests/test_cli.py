"""The CLI end to end on the bundled sample corpus: analyze, re-analyze, report, export, errors."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "corpus"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "story.db"
    result = run("analyze", str(SAMPLE), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def test_analyze_prints_a_summary(analyzed: Path):
    with Store(analyzed) as store:
        counts = store.counts()
    assert counts["documents"] >= 6
    assert counts["stories"] >= 1
    assert counts["comparisons"] >= 1


def test_analyze_twice_changes_nothing(analyzed: Path, tmp_path: Path):
    db = tmp_path / "copy.db"
    shutil.copy(analyzed, db)
    with Store(db) as store:
        before = store.counts()
    result = run("analyze", str(SAMPLE), "--db", str(db))
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert store.counts() == before


def test_analyze_adds_new_articles_incrementally(tmp_path: Path):
    files = sorted(p for p in SAMPLE.iterdir() if p.suffix == ".txt")
    assert len(files) >= 2
    db = tmp_path / "inc.db"
    assert run("analyze", str(files[0]), "--db", str(db), "--quiet").exit_code == 0
    with Store(db) as store:
        assert len(store.document_ids()) == 1
    assert run("analyze", str(files[0]), str(files[1]), "--db", str(db), "-q").exit_code == 0
    with Store(db) as store:
        assert len(store.document_ids()) == 2
        assert sum(len(s.doc_ids) for s in store.stories()) == 2


def test_unreadable_files_are_reported_and_skipped(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_text("")
    good = sorted(p for p in SAMPLE.iterdir() if p.suffix == ".txt")[0]
    shutil.copy(good, folder / good.name)
    result = run("analyze", str(folder), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 0, result.output
    assert "photo.txt" in result.output and "empty.txt" in result.output


def test_nothing_readable_exits_non_zero(tmp_path: Path):
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 8)
    result = run("analyze", str(tmp_path / "photo.txt"), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1
    assert "no article could be read" in result.output


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_report_renders_every_format(analyzed: Path, fmt: str, tmp_path: Path):
    out = tmp_path / f"report.{fmt}"
    result = run("report", "--db", str(analyzed), "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.strip()
    if fmt == "json":
        record = json.loads(text)
        assert record["stories"]
    if fmt == "html":
        assert text.lstrip().lower().startswith("<!doctype html")


def test_report_rejects_an_unknown_format(analyzed: Path):
    result = run("report", "--db", str(analyzed), "--format", "pdf")
    assert result.exit_code == 1
    assert "unknown format" in result.output


def test_report_on_a_missing_database_says_what_to_do(tmp_path: Path):
    result = run("report", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1
    assert "newsprism analyze" in result.output


def test_export_writes_csv_and_json(analyzed: Path, tmp_path: Path):
    result = run("export", str(tmp_path / "out"), "--db", str(analyzed))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "claims.csv").exists()
    assert json.loads((tmp_path / "out" / "record.json").read_text())["stories"]


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("analyze", "report", "export", "search", "serve"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.output
        assert f"newsprism {command}" in readme


def test_attribution_choice_reaches_the_quotes_component(tmp_path: Path, monkeypatch):
    from newsprism.extract.quotes.attribution import MODEL_ENV

    monkeypatch.setenv(MODEL_ENV, "")  # restored after the test: the CLI changes it
    article = SAMPLE / "01_castrava-herald_dam-fails.txt"
    result = run("analyze", str(article), "--db", str(tmp_path / "r.db"), "--attribution",
                 "rules", "--workers", "1", "--quiet")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert os.environ[MODEL_ENV] == "none"
    with Store(tmp_path / "r.db") as store:
        assert any(q.speaker for e in store.extractions().values() for q in e.quotes)
    bad = run("analyze", str(article), "--db", str(tmp_path / "r.db"), "--attribution", "nope")
    assert bad.exit_code == 1 and "--attribution 'nope'" in bad.output
