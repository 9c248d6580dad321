"""One entry point for every report format."""

from __future__ import annotations

import json
from typing import Any

FORMATS: tuple[str, ...] = ("text", "markdown", "json", "html")


def render_json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def render(record: dict[str, Any], fmt: str, *, width: int | None = None) -> str:
    """The record as text, markdown, json or html (``width``: columns of the text tables)."""
    if fmt == "json":
        return render_json(record)
    if fmt == "text":
        from newsprism.show.text import render_text

        return render_text(record) if width is None else render_text(record, width=width)
    if fmt == "markdown":
        from newsprism.show.markdown import render_markdown

        return render_markdown(record)
    if fmt == "html":
        from newsprism.show.html import render_html

        return render_html(record)
    raise ValueError(f"unknown report format {fmt!r}; valid formats: {', '.join(FORMATS)}")
