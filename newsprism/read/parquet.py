"""Parquet: one article per row, the columns of a JSONL record (``text`` plus optional ``title``,
``outlet``, ``url``, ``published``/``date``, ``language``; the same aliases as
:mod:`newsprism.read.jsonl`).

The file is streamed record batch by record batch (pyarrow reads one row group's pages at a
time), and only the columns an article uses are read, so memory stays bounded whatever the
number of rows or the other columns the file carries. A row that is not an article (no text)
is reported as ``file:ROW`` and skipped; a file that is not Parquet, or has no text column, is
one problem for the whole file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsprism.read.jsonl import METADATA_KEYS, TEXT_KEYS, parse_record
from newsprism.read.problem import ReadProblem

PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
# Rows per record batch: a few hundred articles (a few MB of text) in memory at a time.
BATCH_ROWS = 256

Parsed = tuple[str, dict[str, Any]] | str


def iter_parquet_records(path: str | Path) -> Iterator[tuple[int, Parsed]]:
    """``(row number, (text, metadata) or reason)`` for every row of a Parquet file, numbered
    from 1 as JSONL lines are. Raises ``ValueError`` with the reason when the file as a whole
    cannot be read (not Parquet, no text column)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as error:
        raise ValueError("not a Parquet file") from error
    names = set(parquet.schema_arrow.names)
    if not names & set(TEXT_KEYS):
        raise ValueError('no "text" column')
    wanted = [n for n in (*TEXT_KEYS, *METADATA_KEYS) if n in names]
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=wanted):
            for row in batch.to_pylist():
                number += 1
                yield number, parse_record({k: _plain(v) for k, v in row.items()})
    except (pa.ArrowException, OSError) as error:
        raise ValueError(f"broken Parquet data after row {number}") from error


def read_parquet(
    path: Path, to_item: Callable[[Parsed, str], Any]
) -> Iterator[Any]:
    """Items from one Parquet file: ``to_item(parsed, "file:ROW")`` for each row (the caller's
    document builder, as for JSONL lines), or a :class:`ReadProblem` for the file."""
    name = str(path)
    seen_any = False
    try:
        for number, parsed in iter_parquet_records(path):
            seen_any = True
            yield to_item(parsed, f"{name}:{number}")
    except ValueError as error:
        yield ReadProblem(name, str(error))
        return
    if not seen_any:
        yield ReadProblem(name, "empty file")


def _plain(value: Any) -> Any:
    """Dates and times as ISO text (what a JSONL record would hold), the rest as it is."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value
