"""Row formats of the Parquet files the scale job reads and writes.

Input rows need a ``text`` column; ``id``, ``title``, ``outlet``, ``url``, ``language`` and
``published`` (an ISO date or datetime given by metadata) are used when present. Output rows
hold the document id and the JSON forms of the Document and its Extraction
(:func:`newsprism.model.to_dict`), so nothing is lost and any Parquet reader can load them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from newsprism.model import (
    Document,
    Extraction,
    PublicationTime,
    document_id,
    from_dict,
    to_dict,
)

TEXT_FIELDS: tuple[str, ...] = ("title", "outlet", "url", "language")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def document_from_row(row: Mapping[str, Any]) -> Document:
    """A Document from an input row (missing id: the usual hash of outlet and text)."""
    text = _text(row.get("text"))
    outlet = _text(row.get("outlet"))
    fields = {name: _text(row.get(name)) for name in TEXT_FIELDS if row.get(name) is not None}
    published = _text(row.get("published"))
    document = Document(id=_text(row.get("id")) or document_id(text, outlet), text=text, **fields)
    if published:
        document.published = PublicationTime(value=published, source="metadata", confidence=1.0)
    return document


def extraction_row(document: Document, extraction: Extraction) -> dict[str, str]:
    return {
        "id": document.id,
        "document": json.dumps(to_dict(document), ensure_ascii=False),
        "extraction": json.dumps(to_dict(extraction), ensure_ascii=False),
    }


def from_extraction_row(row: Mapping[str, Any]) -> tuple[Document, Extraction]:
    """The inverse of :func:`extraction_row`."""
    return (
        from_dict(Document, json.loads(row["document"])),
        from_dict(Extraction, json.loads(row["extraction"])),
    )
