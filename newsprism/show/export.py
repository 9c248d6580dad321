"""Exports of every table as CSV or Parquet, and the record as JSON.

Tables are written as stored (lists and nested objects as JSON text), so the files load in
pandas, DuckDB or a spreadsheet with the same columns as the SQLite database.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.show.acled import ACLED_COLUMNS, INTEGER_COLUMNS, acled_events
from newsprism.store import schema
from newsprism.store.sqlite import Store

EXPORT_FORMATS: tuple[str, ...] = ("csv", "parquet", "json")
TABLE_NAMES: tuple[str, ...] = tuple(table.name for table in schema.TABLES)

_ARROW_TYPES = {"TEXT": "string", "JSON": "string", "INTEGER": "int64", "REAL": "float64"}


def table_rows(store: Store, table: schema.Table) -> tuple[list[str], list[dict[str, Any]]]:
    names = list(schema.columns(table))
    quoted = ", ".join(f'"{name}"' for name in names)
    order = ", ".join(f'"{k}"' for k in table.key)
    cursor = store.connection.execute(f'SELECT {quoted} FROM "{table.name}" ORDER BY {order}')
    return names, [dict(zip(names, row, strict=True)) for row in cursor]


def _write_csv(path: Path, names: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=names)
        writer.writeheader()
        writer.writerows(rows)


def _write_parquet(path: Path, table: schema.Table, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = schema.columns(table)
    arrow_schema = pa.schema(
        [(name, getattr(pa, _ARROW_TYPES[kind])()) for name, kind in kinds.items()]
    )
    columns = {
        name: pa.array(
            [
                (float(row[name]) if kind == "REAL" and row[name] is not None else row[name])
                for row in rows
            ],
            type=arrow_schema.field(name).type,
        )
        for name, kind in kinds.items()
    }
    pq.write_table(pa.table(columns, schema=arrow_schema), path)


def _write_acled_parquet(path: Path, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow_schema = pa.schema(
        [(name, pa.int64() if name in INTEGER_COLUMNS else pa.string()) for name in ACLED_COLUMNS]
    )
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema), path)


def export(store: Store, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    """Write the chosen formats into ``out_dir``; returns the files written.

    csv and parquet give one file per table (``claims.csv``, ``claims.parquet``, ...) plus
    ``acled_events``, the events in ACLED's columns;
    json gives ``record.json``, the same record as ``newsprism report --format json``.
    """
    unknown = sorted(set(formats) - set(EXPORT_FORMATS))
    if unknown:
        raise NewsprismError(
            f"unknown export format(s) {unknown}; valid formats: {', '.join(EXPORT_FORMATS)}"
        )
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    tabular = [fmt for fmt in EXPORT_FORMATS if fmt in formats and fmt != "json"]
    if tabular:
        events = acled_events(store)
        for fmt in tabular:
            path = out_dir / f"acled_events.{fmt}"
            if fmt == "csv":
                _write_csv(path, list(ACLED_COLUMNS), events)
            else:
                _write_acled_parquet(path, events)
            written.append(path)
        for table in schema.TABLES:
            names, rows = table_rows(store, table)
            for fmt in tabular:
                path = out_dir / f"{table.name}.{fmt}"
                if fmt == "csv":
                    _write_csv(path, names, rows)
                else:
                    _write_parquet(path, table, rows)
                written.append(path)
    if "json" in formats:
        from newsprism.show.record import build_record
        from newsprism.show.render import render_json

        path = out_dir / "record.json"
        path.write_text(render_json(build_record(store)), encoding="utf-8")
        written.append(path)
    return written
