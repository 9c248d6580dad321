"""What the reader reports instead of raising when an input is not an article."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ReadProblem:
    """An input (file, ``file:LINE`` of a JSONL file, ``file#N`` feed entry) that was skipped."""

    path: str
    reason: str  # one plain sentence, e.g. "binary file", "empty article"

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
