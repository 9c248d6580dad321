"""Word lists kept as data (``newsprism/data/<name>.json``: stems per language) compiled into
one pattern each: total words, part words, words of an earlier figure."""

from __future__ import annotations

import json
import re
from importlib.resources import files

from newsprism.model import Quantity

# Scripts written without spaces have no word start to anchor a stem at ("总死亡人数", "両国で").
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def stems_pattern(name: str) -> re.Pattern[str]:
    """Every stem of ``data/<name>.json`` (keys starting with "_" are notes), matched
    case-insensitively at the start of a word, or anywhere in an unspaced script."""
    table = json.loads((files("newsprism.data") / f"{name}.json").read_text(encoding="utf-8"))
    stems = [
        stem for language, words in table.items() if not language.startswith("_") for stem in words
    ]
    return re.compile(
        "|".join(
            re.escape(stem) if UNSPACED.match(stem) else rf"(?<!\w){re.escape(stem)}"
            for stem in stems
        ),
        re.IGNORECASE,
    )


def in_own_clause(
    pattern: re.Pattern[str], text: str, quantity: Quantity, window: int, marks: re.Pattern[str]
) -> bool:
    """A match of ``pattern`` in the figure's own clause (text up to a mark of ``marks``),
    within ``window`` characters before or after the figure and inside its sentence."""
    start, end = quantity.sentence_start, quantity.sentence_end
    before = marks.split(text[max(start, quantity.start - window) : quantity.start])
    after = marks.split(text[quantity.end : min(end, quantity.end + window)])
    return bool(pattern.search(before[-1]) or pattern.search(after[0]))
