"""JSON Lines: one article per line, ``text`` plus optional metadata.

A bad line is reported as ``file:LINE`` and skipped; the rest of the file is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

# Keys accepted for the article body, in order of preference (many scrapers use one of these).
TEXT_KEYS: tuple[str, ...] = ("text", "body", "content", "articleBody", "maintext")
UNDECODABLE_LINE = "line is not UTF-8 text and no legacy encoding worked"
METADATA_KEYS: dict[str, str] = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "source": "outlet",
    "sitename": "outlet",
    "url": "url",
    "link": "url",
    "published": "published",
    "date": "published",
    "date_publish": "published",
    "language": "language",
    "lang": "language",
}


@dataclass(frozen=True)
class LineProblem:
    """A line the file reader could not hand over as text, with the reason."""

    reason: str


def parse_record(record: Any) -> tuple[str, dict[str, Any]] | str:
    """``(text, metadata)`` of one JSON value, or the reason it is not an article."""
    if not isinstance(record, dict):
        return "not a JSON object"
    text = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str)), None)
    if text is None:
        return 'no "text" field'
    metadata: dict[str, Any] = {}
    for key, target in METADATA_KEYS.items():
        value = record.get(key)
        if isinstance(value, dict):  # {"source": {"name": "..."}} as in some news APIs
            value = value.get("name") or value.get("title")
        if value not in (None, "") and target not in metadata:
            metadata[target] = value if isinstance(value, str) else str(value)
    return text, metadata


def iter_lines(
    lines: Iterable[str | LineProblem | None],
) -> Iterator[tuple[int, tuple[str, dict[str, Any]] | str]]:
    """``(line number, (text, metadata) or reason)`` for each non-blank line; a ``None`` line is
    one whose bytes no text encoding could decode, a :class:`LineProblem` one the file reader
    skipped (too long)."""
    for number, line in enumerate(lines, start=1):
        if line is None:
            yield number, UNDECODABLE_LINE
            continue
        if isinstance(line, LineProblem):
            yield number, line.reason
            continue
        stripped = line.strip().lstrip("\ufeff")
        if not stripped:
            continue
        try:
            record = json.loads(stripped)
        except json.JSONDecodeError as error:
            yield number, f"not valid JSON ({error.msg} at column {error.colno})"
            continue
        except RecursionError:
            yield number, "JSON nested too deeply"
            continue
        yield number, parse_record(record)
