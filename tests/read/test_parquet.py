"""Parquet input: the columns of a JSONL record, streamed by record batches, every row kept."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsprism.read import ReadProblem, read_paths
from newsprism.read.parquet import iter_parquet_records

ARTICLE = (
    "Floodwater from the failed Orlen dam reached the outskirts of Castrava on Tuesday, and the "
    "regional health ministry said 12 people had died."
)
SECOND = "Rescuers found two more survivors near Castrava, the civil defence service said."


def read_all(*paths: Path) -> tuple[list, list[ReadProblem]]:
    problems: list[ReadProblem] = []
    documents = list(read_paths(list(paths), on_problem=problems.append))
    return documents, problems


def test_read_parquet_rows_as_jsonl_records(tmp_path: Path) -> None:
    path = tmp_path / "articles.parquet"
    table = pa.table(
        {
            "text": [ARTICLE, None, SECOND],
            "title": ["Dam waters reach Castrava", None, None],
            "source": ["Kestrel Wire", "Nobody", None],
            "published": [dt.datetime(2026, 3, 3, 9, 30), None, None],
            "date": [None, None, dt.date(2026, 3, 6)],
            "language": ["en", None, "en"],
            "unused_blob": [b"x" * 10, b"", b""],
        }
    )
    pq.write_table(table, path, row_group_size=1)
    documents, problems = read_all(path)
    assert [d.text for d in documents] == [ARTICLE, SECOND]
    first, second = documents
    assert first.title == "Dam waters reach Castrava"
    assert first.outlet == "Kestrel Wire"
    assert first.published.value.startswith("2026-03-03")
    assert first.path == f"{path}:1"
    assert second.published.value == "2026-03-06"
    assert problems == [ReadProblem(f"{path}:2", 'no "text" field')]


def test_parquet_and_jsonl_of_the_same_articles_give_the_same_documents(tmp_path: Path) -> None:
    records = [
        {"text": ARTICLE, "outlet": "Kestrel Wire", "published": "2026-03-05T10:00:00"},
        {"text": SECOND, "title": "Survivors", "url": "https://example.org/2", "language": "en"},
    ]
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    parquet = tmp_path / "a.parquet"
    keys = sorted({k for r in records for k in r})  # from_pylist would keep only the first's
    pq.write_table(pa.table({k: [r.get(k) for r in records] for k in keys}), parquet)
    from_jsonl, _ = read_all(jsonl)
    from_parquet, _ = read_all(parquet)
    strip = lambda d: {**vars(d), "path": ""}  # noqa: E731
    assert [strip(d) for d in from_parquet] == [strip(d) for d in from_jsonl]


def test_a_folder_of_parquet_parts_is_read_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "dataset"
    folder.mkdir()
    pq.write_table(pa.table({"text": [ARTICLE]}), folder / "part-0.parquet")
    pq.write_table(pa.table({"text": [SECOND]}), folder / "part-1.parquet")
    documents, problems = read_all(folder)
    assert [d.text for d in documents] == [ARTICLE, SECOND]
    assert problems == []


def test_parquet_is_streamed_in_record_batches(tmp_path: Path) -> None:
    path = tmp_path / "many.parquet"
    pq.write_table(pa.table({"text": [f"Report number {i} from Castrava." for i in range(600)]}),
                   path, row_group_size=100)
    rows = iter_parquet_records(path)
    number, (text, _) = next(rows)  # the first row comes without reading the rest
    assert (number, text) == (1, "Report number 0 from Castrava.")
    assert sum(1 for _ in rows) == 599


def test_bad_parquet_files_are_problems_not_errors(tmp_path: Path) -> None:
    fake = tmp_path / "fake.parquet"
    fake.write_bytes(b"PAR1 this is not really parquet")
    no_text = tmp_path / "no_text.parquet"
    pq.write_table(pa.table({"title": ["only a title"]}), no_text)
    empty = tmp_path / "empty.parquet"
    pq.write_table(pa.table({"text": pa.array([], pa.string())}), empty)
    documents, problems = read_all(fake, no_text, empty)
    assert documents == []
    assert problems == [
        ReadProblem(str(fake), "not a Parquet file"),
        ReadProblem(str(no_text), 'no "text" column'),
        ReadProblem(str(empty), "empty file"),
    ]
