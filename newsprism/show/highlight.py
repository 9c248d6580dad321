"""Article text cut into segments for highlighting, without ever building HTML from raw text.

The template receives plain-text segments and a kind for each; Jinja2 escapes every segment, so
a ``<script>`` in an article stays text.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism import model
from newsprism.show.common import number

# When spans overlap, the character shows the most specific layer: a number inside a quote is
# marked as a quantity, a name inside a quote as the quote's entity mention only if nothing
# narrower covers it. Lower is stronger.
PRIORITY: dict[str, int] = {"focus": -1, "quantity": 0, "time": 1, "mention": 2, "quote": 3}


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str = ""  # "", quote, quantity, time, mention, focus (the span a link points at)
    title: str = ""


def _layers(extraction: model.Extraction) -> list[tuple[int, int, str, str]]:
    layers: list[tuple[int, int, str, str]] = []
    for q in extraction.quotes:
        layers.append((q.start, q.end, "quote", f"{q.kind} quote, speaker: {q.speaker or '?'}"))
    for n in extraction.quantities:
        values = " to ".join(dict.fromkeys(number(v) for v in (n.low, n.high) if v is not None))
        # a count has no unit ("-"): its counted noun says what the number is
        unit = n.normalized_unit if n.normalized_unit not in ("", "-") else n.item
        title = f"{n.measure}: {n.bound} {values or '?'} {unit}".replace("exact ", "").rstrip()
        layers.append((n.start, n.end, "quantity", title))
    for t in extraction.times:
        layers.append((t.start, t.end, "time", f"{t.type} {t.value}"))
    for m in extraction.mentions:
        layers.append((m.start, m.end, "mention", m.label))
    return layers


def segments(
    text: str, extraction: model.Extraction, focus: tuple[int, int] | None = None
) -> list[Segment]:
    """Consecutive segments covering ``text`` exactly, each with its strongest layer.

    ``focus`` is a span a report linked to (a claim's words): it outranks every other layer.
    """
    size = len(text)
    best: list[tuple[int, str, str] | None] = [None] * size
    layers = _layers(extraction)
    if focus is not None:
        layers.append((focus[0], focus[1], "focus", "the span you followed"))
    for start, end, kind, title in layers:
        rank = PRIORITY[kind]
        for i in range(max(0, start), min(end, size)):
            current = best[i]
            # Ties go to the shorter span (set later only when strictly stronger).
            if current is None or rank < current[0]:
                best[i] = (rank, kind, title)
    result: list[Segment] = []
    i = 0
    while i < size:
        j = i + 1
        while j < size and best[j] == best[i]:
            j += 1
        layer = best[i]
        result.append(Segment(text[i:j], layer[1], layer[2]) if layer else Segment(text[i:j]))
        i = j
    return result
