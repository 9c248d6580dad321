"""Fixtures of the show tests: the hand-built flood store (see flood_store.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flood_store import build

from newsprism.store.sqlite import Store


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "flood.db"
    build(path).close()
    return path


@pytest.fixture()
def store(db_path: Path):
    opened = Store(db_path)
    yield opened
    opened.close()
