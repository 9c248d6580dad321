"""The newsprism error family: each message says what failed, why, and what to do."""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class of every error newsprism raises on purpose."""


class UnreadableInput(NewsprismError):
    """An input file or record could not be turned into an article."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelNotFound(NewsprismError):
    """No spaCy pipeline could be loaded."""


class StoreError(NewsprismError):
    """The SQLite store is missing, locked or from an incompatible version."""
