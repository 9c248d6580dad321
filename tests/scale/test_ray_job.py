"""The scale job's row formats (always) and the Ray Data job itself (only when ray is installed):
``analyze --engine ray`` gives the same record as the local engine."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.errors import NewsprismError
from newsprism.model import Document, document_id, to_dict
from newsprism.scale.ray_job import Extractor, RayNotInstalled, extract_with_ray
from newsprism.scale.rows import document_from_row, extraction_row, from_extraction_row

TEXT = "Police said more than 3,000 people were detained in Almaty on 7 January 2022."
ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE = ROOT / "samples" / "corpus"
SEEDS = ROOT.parent / "shared" / "corpora" / "seeds"
HAS_RAY = importlib.util.find_spec("ray") is not None
# CI's local Ray: as small as the machine it runs on.
RAY_CPUS = 2
runner = CliRunner()


def test_document_from_row_hashes_missing_ids_and_keeps_metadata_dates():
    document = document_from_row({"text": TEXT, "outlet": "Wire", "published": "2022-01-07"})
    assert document.id == document_id(TEXT, "Wire")
    assert document.published.value == "2022-01-07"
    assert document.published.source == "metadata"


def test_extractor_batch_round_trips_through_rows(nlp):
    extractor = Extractor()
    out = extractor({"text": [TEXT], "id": ["a1"]})
    assert out["id"] == ["a1"]
    document, extraction = from_extraction_row({k: v[0] for k, v in out.items()})
    assert isinstance(document, Document) and document.text == TEXT
    assert any(q.measure == "detained" for q in extraction.quantities)
    assert extraction_row(document, extraction)["id"] == "a1"


def test_extractor_takes_whole_documents_as_the_read_stage_made_them(nlp):
    document = Document(id="d1", text=TEXT, outlet="Wire", language="en", path="a.txt:3")
    out = Extractor()({"document": [json.dumps(to_dict(document))]})
    returned, _ = from_extraction_row({k: v[0] for k, v in out.items()})
    assert (returned.id, returned.outlet, returned.path) == ("d1", "Wire", "a.txt:3")


def test_without_ray_the_engine_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    with pytest.raises(RayNotInstalled, match=r"pip install 'newsprism\[ray\]'"):
        next(extract_with_ray([Document(id="d1", text=TEXT)]))


def test_analyze_rejects_an_unknown_engine_and_an_address_without_ray(tmp_path: Path):
    db = str(tmp_path / "x.db")
    result = runner.invoke(app, ["analyze", str(SAMPLE), "--db", db, "--engine", "spark"])
    assert result.exit_code == 1 and "use one of local, ray" in result.output
    result = runner.invoke(app, ["analyze", str(SAMPLE), "--db", db, "--address", "h:6379"])
    assert result.exit_code == 1 and "--engine ray" in result.output


def test_pipeline_rejects_an_address_for_the_local_engine(tmp_path: Path):
    from newsprism.pipeline import extract_and_store
    from newsprism.store import Store

    with Store(tmp_path / "x.db") as store, pytest.raises(NewsprismError, match="--engine ray"):
        extract_and_store([Document(id="d1", text=TEXT)], store, address="h:6379")


def _record(*args: str) -> str:
    """``newsprism analyze ARGS`` into a fresh database, then its JSON record."""
    db = Path(args[args.index("--db") + 1])
    result = runner.invoke(app, ["analyze", *args, "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["report", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def corpora() -> dict[str, Path]:
    found = {"sample": SAMPLE}
    if SEEDS.is_dir():
        found["seeds"] = SEEDS
    return found


@pytest.fixture(scope="module")
def local_records(corpora, tmp_path_factory) -> dict[str, str]:
    """The local engine's records; computed before Ray starts (its threads would make the
    process pool spawn instead of fork)."""
    folder = tmp_path_factory.mktemp("local")
    return {
        name: _record(str(path), "--db", str(folder / f"{name}.db"), "--workers", "1")
        for name, path in corpora.items()
    }


@pytest.fixture(scope="module")
def local_ray(local_records):
    """One small local Ray for the module's jobs (the engine reuses a running Ray)."""
    import ray

    from newsprism.scale.ray_job import start_ray

    assert start_ray(None, RAY_CPUS)
    yield ray
    ray.shutdown()


@pytest.mark.slow
@pytest.mark.skipif(not HAS_RAY, reason="ray is not installed (pip install 'newsprism[ray]')")
@pytest.mark.parametrize("name", ["sample", "seeds"])
def test_analyze_on_ray_gives_the_local_engines_record(
    name, corpora, local_records, local_ray, tmp_path
):
    if name not in corpora:
        pytest.skip("../shared/corpora/seeds is not beside the project")
    db = tmp_path / "ray.db"
    on_ray = _record(str(corpora[name]), "--db", str(db), "--engine", "ray",
                     "--workers", str(RAY_CPUS))
    assert '"claims"' in on_ray
    assert on_ray == local_records[name]


@pytest.mark.slow
@pytest.mark.skipif(not HAS_RAY, reason="ray is not installed (pip install 'newsprism[ray]')")
def test_ray_job_writes_parquet(local_ray, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsprism.scale.ray_job import run_extraction

    source = tmp_path / "in.parquet"
    pq.write_table(pa.table({"text": [TEXT, "Rescuers reached the village on Monday."]}), source)
    run_extraction(str(source), str(tmp_path / "out"), actors=1, batch_size=1)
    table = pq.read_table(tmp_path / "out")
    assert table.num_rows == 2
