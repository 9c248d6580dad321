"""The SQLite store: one file, WAL mode, full-text search over articles.

Documents and their extractions are written once (keyed by the document id, so re-adding an
article changes nothing); link and cross-check results are derived data, replaced as a whole
each time the corpus changes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from newsprism import model
from newsprism.errors import StoreError
from newsprism.store import schema
from newsprism.store.schema import TABLE_BY_CLASS, Table

T = TypeVar("T")

DEFAULT_DB = "newsprism.db"
# Seconds a write waits for another process's write (a second analyze on the same file) before
# failing with a clear message. Readers never wait on writers in WAL mode.
BUSY_TIMEOUT = 120.0


class Store:
    """A newsprism database.

    >>> store = Store(":memory:")
    >>> store.add(document, extraction)   # False if the document was already there
    >>> [d.title for d in store.documents()]
    """

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        try:
            self.connection = sqlite3.connect(
                self.path, isolation_level=None, timeout=BUSY_TIMEOUT, check_same_thread=True
            )
        except sqlite3.Error as error:
            raise StoreError(f"Cannot open database {self.path}: {error}") from error
        self.connection.row_factory = sqlite3.Row
        try:
            if self.path != ":memory:":
                self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA synchronous=NORMAL")
            if schema.needs_migration(self.connection):
                with self.transaction():
                    schema.migrate(self.connection)
        except sqlite3.OperationalError as error:
            self.connection.close()
            if _is_busy(error):
                raise StoreError(_busy_message(self.path)) from error
            raise StoreError(
                f"{self.path} is not a newsprism database ({error}). Pass another --db file."
            ) from error
        except sqlite3.DatabaseError as error:
            self.connection.close()
            raise StoreError(
                f"{self.path} is not a newsprism database ({error}). Pass another --db file."
            ) from error

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen together or not at all (transactions do not nest).

        The write lock is taken at the start (BEGIN IMMEDIATE): a second writer waits for it
        (up to ``BUSY_TIMEOUT``), instead of failing half-way when a read turns into a write.
        """
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if _is_busy(error):
                raise StoreError(_busy_message(self.path)) from error
            raise
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read inside sees one state of the database, whatever other processes commit."""
        self.connection.execute("BEGIN")
        try:
            yield
        finally:
            self.connection.execute("COMMIT")

    # -- bookkeeping across runs -------------------------------------------------------------------

    def meta(self, key: str) -> int:
        row = self.connection.execute('SELECT value FROM "meta" WHERE key = ?', (key,))
        found = row.fetchone()
        return int(found[0]) if found else 0

    def set_meta(self, key: str, value: int) -> None:
        self.connection.execute(
            'INSERT OR REPLACE INTO "meta" (key, value) VALUES (?, ?)', (key, value)
        )

    # -- generic row mapping -------------------------------------------------------------------

    def _insert(self, table: Table, objects: Iterable[Any], start: int = 0) -> None:
        rows = [
            schema.to_row(table, obj, position)
            for position, obj in enumerate(objects, start=start)
        ]
        if not rows:
            return
        names = list(rows[0])
        placeholders = ", ".join(f":{name}" for name in names)
        quoted = ", ".join(f'"{name}"' for name in names)
        self.connection.executemany(
            f'INSERT OR REPLACE INTO "{table.name}" ({quoted}) VALUES ({placeholders})', rows
        )

    def _select(self, cls: type[T], where: str = "", params: Sequence[Any] = ()) -> list[T]:
        table = TABLE_BY_CLASS[cls]
        order = ', "idx"' if table.indexed_position else ""
        key_order = ", ".join(f'"{k}"' for k in table.key if k != "idx")
        sql = f'SELECT * FROM "{table.name}" {where} ORDER BY {key_order}{order}'
        return [schema.from_row(table, row) for row in self.connection.execute(sql, params)]

    # -- documents and extractions -------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        row = self.connection.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,))
        return row.fetchone() is not None

    def document_ids(self) -> set[str]:
        return {row[0] for row in self.connection.execute("SELECT id FROM documents")}

    def add(self, document: model.Document, extraction: model.Extraction) -> bool:
        """Store a document and its extraction; False (and nothing written) if already stored."""
        if self.has_document(document.id):
            return False
        self._insert(TABLE_BY_CLASS[model.Document], [document])
        self.connection.execute(
            'INSERT INTO documents_fts (rowid, title, text) '
            'SELECT rowid, title, text FROM documents WHERE id = ?',
            (document.id,),
        )
        for name, table in schema.EXTRACTION_TABLES.items():
            self._insert(table, getattr(extraction, name))
        return True

    def replace_document(self, document: model.Document, extraction: model.Extraction) -> None:
        """Overwrite a stored document and its extraction (e.g. after its year was completed)."""
        for table in schema.EXTRACTION_TABLES.values():
            self.connection.execute(f'DELETE FROM "{table.name}" WHERE doc_id = ?', (document.id,))
        # The full-text index is external content keyed by rowid: unindex the old row first.
        self.connection.execute(
            "INSERT INTO documents_fts (documents_fts, rowid, title, text) "
            "SELECT 'delete', rowid, title, text FROM documents WHERE id = ?",
            (document.id,),
        )
        self.connection.execute("DELETE FROM documents WHERE id = ?", (document.id,))
        self.add(document, extraction)

    def add_many(self, pairs: Iterable[tuple[model.Document, model.Extraction]]) -> int:
        """Store many documents in one transaction; returns how many were new. New documents
        mark the link and cross-check results out of date in the same transaction."""
        with self.transaction():
            added = sum(self.add(document, extraction) for document, extraction in pairs)
            if added:
                self.set_meta("generation", self.meta("generation") + 1)
            return added

    def documents(self) -> list[model.Document]:
        return self._select(model.Document)

    def document(self, doc_id: str) -> model.Document | None:
        found = self._select(model.Document, "WHERE id = ?", (doc_id,))
        return found[0] if found else None

    def extraction(self, doc_id: str) -> model.Extraction:
        parts = {
            name: self._select(table.cls, "WHERE doc_id = ?", (doc_id,))
            for name, table in schema.EXTRACTION_TABLES.items()
        }
        return model.Extraction(doc_id=doc_id, **parts)

    def extractions(self) -> dict[str, model.Extraction]:
        result = {doc_id: model.Extraction(doc_id=doc_id) for doc_id in self.document_ids()}
        for name, table in schema.EXTRACTION_TABLES.items():
            for item in self._select(table.cls):
                if item.doc_id in result:
                    getattr(result[item.doc_id], name).append(item)
        return result

    def load(
        self, doc_ids: Sequence[str]
    ) -> tuple[list[model.Document], dict[str, model.Extraction]]:
        """The documents with these ids (at most a few hundred: one query each table) and their
        extractions, for reading a large store a part at a time."""
        if not doc_ids:
            return [], {}
        marks = ", ".join("?" * len(doc_ids))
        documents = self._select(model.Document, f"WHERE id IN ({marks})", doc_ids)
        result = {d.id: model.Extraction(doc_id=d.id) for d in documents}
        for name, table in schema.EXTRACTION_TABLES.items():
            for item in self._select(table.cls, f"WHERE doc_id IN ({marks})", doc_ids):
                getattr(result[item.doc_id], name).append(item)
        return documents, result

    def update_entity_ids(self, extractions: Iterable[model.Extraction]) -> None:
        """Write back the cross-document entity ids the link stage set on mentions and quotes."""
        for extraction in extractions:
            for table_name, items in (
                ("mentions", extraction.mentions),
                ("quotes", extraction.quotes),
            ):
                self.connection.executemany(
                    f'UPDATE "{table_name}" SET entity_id = ? WHERE doc_id = ? AND idx = ?',
                    [(item.entity_id, item.doc_id, i) for i, item in enumerate(items)],
                )

    def search(self, query: str, limit: int = 20) -> list[str]:
        """Ids of documents matching an FTS5 query, best first."""
        rows = self.connection.execute(
            "SELECT documents.id FROM documents_fts JOIN documents "
            "ON documents.rowid = documents_fts.rowid WHERE documents_fts MATCH ? "
            "ORDER BY rank LIMIT ?",
            (query, limit),
        )
        return [row[0] for row in rows]

    # -- derived data: link and cross-check results ---------------------------------------------

    def replace(self, cls: type, objects: Sequence[Any]) -> None:
        """Replace every row of a derived table (stories, entities, claims, ...)."""
        table = TABLE_BY_CLASS[cls]
        self.connection.execute(f'DELETE FROM "{table.name}"')
        self._insert(table, objects)

    def append(self, cls: type, objects: Sequence[Any]) -> None:
        """Add rows to a derived table (the windowed linker writes its results a part at a
        time); a row with the key of an existing one replaces it."""
        self._insert(TABLE_BY_CLASS[cls], objects)

    def clear_derived(self) -> None:
        """Empty every table of link and cross-check results."""
        for cls in (model.Story, model.Entity, model.ReuseLink, model.Claim, model.Comparison):
            self.connection.execute(f'DELETE FROM "{TABLE_BY_CLASS[cls].name}"')

    def all(self, cls: type[T]) -> list[T]:
        return self._select(cls)

    def stories(self) -> list[model.Story]:
        return self._select(model.Story)

    def entities(self, ids: Iterable[str] | None = None) -> list[model.Entity]:
        """Every entity, or only those with the given ids (one story's, read fast)."""
        if ids is None:
            return self._select(model.Entity)
        wanted = sorted(set(ids))
        found: list[model.Entity] = []
        for at in range(0, len(wanted), 500):  # below SQLite's limit on bound parameters
            chunk = wanted[at : at + 500]
            marks = ", ".join("?" * len(chunk))
            found += self._select(model.Entity, f"WHERE id IN ({marks})", chunk)
        return found

    def reuse_links(self) -> list[model.ReuseLink]:
        return self._select(model.ReuseLink)

    def claims(self) -> list[model.Claim]:
        return self._select(model.Claim)

    def comparisons(self, story_id: str | None = None) -> list[model.Comparison]:
        if story_id is None:
            return self._select(model.Comparison)
        return self._select(model.Comparison, "WHERE story_id = ?", (story_id,))

    def counts(self) -> dict[str, int]:
        counts = {}
        for table in schema.TABLES:
            row = self.connection.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()
            counts[table.name] = row[0]
        return counts


def _is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def _busy_message(path: str) -> str:
    return (
        f"{path} is busy: another newsprism process has been writing to it for more than "
        f"{BUSY_TIMEOUT:.0f} s. Wait for it to finish, then run this again."
    )
