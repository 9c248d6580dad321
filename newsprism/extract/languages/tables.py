"""Per-language word tables: ``newsprism/data/languages/<language>/<name>.json``, read once.

A language's rules keep their code (the grammar a language truly needs) and take their words
from these tables: month and weekday names, speech verbs, measure cues, number words, event
triggers. ``newsprism/data/languages/README.md`` describes each table.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

# A stem named in a trigger pattern: "{PROTEST}" (upper case, so "{0,80}" stays a quantifier).
_STEM = re.compile(r"\{([A-Z_]+)\}")


@functools.cache
def load_table(language: str, name: str) -> dict[str, Any]:
    """The table ``name`` of ``language`` (``load_table("ru", "dates")``), as parsed JSON."""
    path = resources.files("newsprism.data").joinpath("languages").joinpath(language)
    return json.loads(path.joinpath(f"{name}.json").read_text(encoding="utf-8"))


def expand_stems(pattern: str, stems: dict[str, str]) -> str:
    """A trigger pattern with its named stems ("{PROTEST}") written out."""
    return _STEM.sub(lambda m: stems[m.group(1)], pattern)
