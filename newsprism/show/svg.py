"""Shared plumbing of the inline SVG pictures (charts.py, graph.py): escaping and numbers.

The pictures are built as strings, so every piece of text that reaches one goes through
:func:`text`: XML-escaped (``<``, ``&``, quotes), with control characters and bidirectional
overrides removed, so an outlet named ``<script>`` or ``\\u202egnp.exe`` is shown as inert text
and cannot reorder the picture's other labels. Numbers go through :func:`num` (fixed precision,
never a string from the article).
"""

from __future__ import annotations

import re

from markupsafe import escape

# C0/C1 controls (tab and newline become spaces first) and the bidi embeddings, overrides and
# isolates (U+202A-U+202E, U+2066-U+2069), plus the implicit marks (U+200E, U+200F, U+061C).
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def text(value: object, limit: int | None = None) -> str:
    """``value`` as safe SVG/XML character data (and attribute value), cut to ``limit`` chars."""
    plain = _INVISIBLE.sub("", re.sub(r"\s+", " ", str(value))).strip()
    if limit is not None and len(plain) > limit:
        plain = plain[: max(limit - 1, 1)].rstrip() + "…"
    return str(escape(plain))


def num(value: float) -> str:
    """A coordinate: one decimal, no exponent."""
    return f"{value:.1f}"
