"""store stage: SQLite by default (one file, WAL, FTS5), tables mirroring the data model."""

from newsprism.store.sqlite import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
