"""Exports: readable CSV and Parquet with one row per stored item, and the JSON record."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsprism.errors import NewsprismError
from newsprism.show import export
from newsprism.store.sqlite import Store

EXPECTED_ROWS = {
    "documents": 2,
    "mentions": 2,
    "times": 4,
    "quotes": 3,
    "quantities": 2,
    "events": 2,
    "stories": 2,
    "entities": 2,
    "reuse_links": 1,
    "claims": 2,
    "comparisons": 6,
}


def test_export_csv_and_parquet_row_counts(store: Store, tmp_path: Path):
    written = export(store, tmp_path / "out", ["csv", "parquet", "json"])
    names = {path.name for path in written}
    for table, rows in EXPECTED_ROWS.items():
        assert f"{table}.csv" in names and f"{table}.parquet" in names
        with (tmp_path / "out" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            assert len(list(csv.DictReader(handle))) == rows, table
        assert pq.read_table(tmp_path / "out" / f"{table}.parquet").num_rows == rows, table
    record = json.loads((tmp_path / "out" / "record.json").read_text(encoding="utf-8"))
    assert record["stories"][0]["title"] == "Dornburg flood"


def test_export_keeps_values_and_types(store: Store, tmp_path: Path):
    export(store, tmp_path, ["csv", "parquet"])
    claims = pq.read_table(tmp_path / "claims.parquet").to_pylist()
    assert {c["id"]: c["low"] for c in claims} == {"c-a": 12.0, "c-b": 15.0}
    with (tmp_path / "documents.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert rows["doc-a"]["text"].startswith("Flooding hit Dornburg")
    assert json.loads(rows["doc-a"]["published"])["value"] == "2022-03-04"


def test_export_of_an_empty_store_writes_headers(tmp_path: Path):
    with Store(tmp_path / "empty.db") as store:
        export(store, tmp_path / "out", ["csv", "parquet"])
    assert pq.read_table(tmp_path / "out" / "claims.parquet").num_rows == 0
    header = (tmp_path / "out" / "claims.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id,doc_id,kind,key")


def test_export_rejects_unknown_formats(store: Store, tmp_path: Path):
    with pytest.raises(NewsprismError, match="csv, parquet, json"):
        export(store, tmp_path, ["xlsx"])


def test_export_acled_events_layout(store: Store, tmp_path: Path):
    export(store, tmp_path, ["csv", "parquet"])
    with (tmp_path / "acled_events.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["sub_event_type"]: row for row in csv.DictReader(handle)}
    assert set(rows) == {"flood", "detention"}
    flood, detention = rows["flood"], rows["detention"]
    assert (flood["event_date"], flood["year"], flood["location"]) == (
        "2022-03-03",
        "2022",
        "Dornburg",
    )
    # The killed-count attached to the event becomes ACLED's fatalities; ACLED has no floods.
    assert flood["fatalities"] == "12" and flood["event_type"] == ""
    assert flood["notes"] == "Flooding hit Dornburg on Monday, March 3."
    assert detention["event_type"] == "Strategic developments" and detention["fatalities"] == ""
    table = pq.read_table(tmp_path / "acled_events.parquet")
    assert table.num_rows == 2 and str(table.schema.field("fatalities").type) == "int64"
