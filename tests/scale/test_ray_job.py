"""The scale job's row formats (always) and the Ray Data job itself (only when ray is installed)."""

from __future__ import annotations

import importlib.util

import pytest

from newsprism.model import Document, document_id
from newsprism.scale.ray_job import Extractor
from newsprism.scale.rows import document_from_row, extraction_row, from_extraction_row

TEXT = "Police said more than 3,000 people were detained in Almaty on 7 January 2022."


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


@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="ray is not installed")
def test_ray_job_writes_parquet(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsprism.scale.ray_job import run_extraction

    source = tmp_path / "in.parquet"
    pq.write_table(pa.table({"text": [TEXT, "Rescuers reached the village on Monday."]}), source)
    run_extraction(str(source), str(tmp_path / "out"), actors=1, batch_size=1)
    table = pq.read_table(tmp_path / "out")
    assert table.num_rows == 2
