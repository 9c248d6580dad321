"""Tables derived from the data model: one table per dataclass, one column per field.

Scalar fields become typed columns; lists and nested dataclasses become JSON text, so the
database reads well in Datasette or pandas. Migrations are additive: a field added to a model
class becomes a new column when an older database is opened (see :func:`migrate`).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sqlite3
import types
import typing
from dataclasses import dataclass
from typing import Any

from newsprism import model

# Bumped when a change cannot be made by adding columns; older files are then refused with a
# clear message instead of being read wrongly.
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Table:
    name: str
    cls: type
    key: tuple[str, ...]
    indexed_position: bool = False  # per-document lists keep their order in an `idx` column


TABLES: tuple[Table, ...] = (
    Table("documents", model.Document, ("id",)),
    Table("sentences", model.Sentence, ("doc_id", "idx"), indexed_position=True),
    Table("mentions", model.Mention, ("doc_id", "idx"), indexed_position=True),
    Table("times", model.TimeExpression, ("doc_id", "idx"), indexed_position=True),
    Table("quotes", model.Quote, ("doc_id", "idx"), indexed_position=True),
    Table("quantities", model.Quantity, ("doc_id", "idx"), indexed_position=True),
    Table("events", model.Event, ("doc_id", "idx"), indexed_position=True),
    Table("stories", model.Story, ("id",)),
    Table("entities", model.Entity, ("id",)),
    Table("reuse_links", model.ReuseLink, ("doc_a", "doc_b")),
    Table("claims", model.Claim, ("id",)),
    Table("comparisons", model.Comparison, ("id",)),
)
TABLE_BY_CLASS: dict[type, Table] = {table.cls: table for table in TABLES}
EXTRACTION_TABLES: dict[str, Table] = {
    "sentences": TABLE_BY_CLASS[model.Sentence],
    "mentions": TABLE_BY_CLASS[model.Mention],
    "times": TABLE_BY_CLASS[model.TimeExpression],
    "quotes": TABLE_BY_CLASS[model.Quote],
    "quantities": TABLE_BY_CLASS[model.Quantity],
    "events": TABLE_BY_CLASS[model.Event],
}


def _sql_type(annotation: Any) -> str:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _sql_type(inner[0]) if len(inner) == 1 else "TEXT"
    if typing.get_origin(annotation) is typing.Literal or annotation is str:
        return "TEXT"
    if annotation is bool or annotation is int:
        return "INTEGER"
    if annotation is float:
        return "REAL"
    return "JSON"


@functools.cache
def columns(table: Table) -> dict[str, str]:
    """Column name -> kind (TEXT, INTEGER, REAL or JSON), in field order (plus `idx`)."""
    hints = typing.get_type_hints(table.cls)
    result = {f.name: _sql_type(hints[f.name]) for f in dataclasses.fields(table.cls)}
    if table.indexed_position:
        result["idx"] = "INTEGER"
    return result


def _declared(kind: str) -> str:
    # JSON is stored as TEXT: a NUMERIC affinity would turn a JSON "5" into an integer.
    return "TEXT" if kind == "JSON" else kind


def create_statement(table: Table) -> str:
    cols = ", ".join(f'"{name}" {_declared(kind)}' for name, kind in columns(table).items())
    key = ", ".join(f'"{name}"' for name in table.key)
    return f'CREATE TABLE IF NOT EXISTS "{table.name}" ({cols}, PRIMARY KEY ({key}))'


INDEXES: tuple[str, ...] = (
    'CREATE INDEX IF NOT EXISTS "claims_doc" ON "claims" ("doc_id")',
    'CREATE INDEX IF NOT EXISTS "comparisons_story" ON "comparisons" ("story_id")',
    'CREATE INDEX IF NOT EXISTS "mentions_entity" ON "mentions" ("entity_id")',
)

FULL_TEXT = (
    'CREATE VIRTUAL TABLE IF NOT EXISTS "documents_fts" USING fts5('
    'title, text, content="documents", content_rowid="rowid")'
)


# Bookkeeping the pipeline needs across runs: ``generation`` counts writes of new articles,
# ``linked_generation`` the generation the stored link/cross-check results were computed from. A
# run killed between storing articles and relinking leaves linked < generation, and the next run
# relinks even though it adds nothing.
META = 'CREATE TABLE IF NOT EXISTS "meta" ("key" TEXT PRIMARY KEY, "value" INTEGER)'


def needs_migration(connection: sqlite3.Connection) -> bool:
    """True when :func:`migrate` has something to write (read-only checks: opening a current
    database for reading takes no write lock, so a web server never waits on a running analyze)."""
    if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return True
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if "meta" not in names or "documents_fts" not in names:
        return True
    for table in TABLES:
        if table.name not in names:
            return True
        present = {row[1] for row in connection.execute(f'PRAGMA table_info("{table.name}")')}
        if set(columns(table)) - present:
            return True
    return False


def migrate(connection: sqlite3.Connection) -> None:
    """Create missing tables and add columns for fields added to the model since."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        from newsprism.errors import StoreError

        raise StoreError(
            f"This database was written by a newer newsprism (schema {version}, this version "
            f"reads up to {SCHEMA_VERSION}). Upgrade newsprism or use another --db file."
        )
    for table in TABLES:
        connection.execute(create_statement(table))
        present = {row[1] for row in connection.execute(f'PRAGMA table_info("{table.name}")')}
        for name, kind in columns(table).items():
            if name not in present:
                declared = _declared(kind)
                connection.execute(f'ALTER TABLE "{table.name}" ADD COLUMN "{name}" {declared}')
    for statement in INDEXES:
        connection.execute(statement)
    connection.execute(FULL_TEXT)
    connection.execute(META)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def to_row(table: Table, obj: Any, position: int | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name, kind in columns(table).items():
        if name == "idx" and table.indexed_position:
            row[name] = position
            continue
        value = getattr(obj, name)
        # most values are plain: testing them first spares the dataclass check, which was a
        # fifth of the time of storing a batch of articles
        plain = value is None or isinstance(value, str | int | float)
        if kind == "JSON" or (
            not plain and (isinstance(value, list | dict) or dataclasses.is_dataclass(value))
        ):
            value = json.dumps(model.to_dict(value), ensure_ascii=False)
        row[name] = value
    return row


def from_row(table: Table, row: sqlite3.Row) -> Any:
    data: dict[str, Any] = {}
    kinds = columns(table)
    for name in row.keys():  # noqa: SIM118  (sqlite3.Row is not a mapping)
        if name == "idx" or name not in kinds:
            continue
        value = row[name]
        if kinds[name] == "JSON" and isinstance(value, str):
            value = json.loads(value)
        elif kinds[name] == "INTEGER" and _is_bool_field(table.cls, name):
            value = bool(value)
        data[name] = value
    return model.from_dict(table.cls, data)


@functools.cache
def _is_bool_field(cls: type, name: str) -> bool:
    return typing.get_type_hints(cls).get(name) is bool
