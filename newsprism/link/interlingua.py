"""Language-independent anchors of an article: what a report says about its event that reads
the same in any language.

Two reports in different languages share no words, and the multilingual encoder reads only 16
languages. What they do share is what the extraction already resolved out of the words: the
countries named (CLDR and ISO 3166 names in any language, ``link/world.py``), the people,
places and organisations linked across scripts (entity ids), the calendar days reported (from
dates in any script and format), and the figures counted (a measure and its value: "171 dead",
"171 νεκροί" and "۱۷۱ کشته" are all ``#killed=171``). These terms are the article's vector in a
space every language shares; event grouping compares reports in two languages in that space.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence

from newsprism.extract.dates.since_event import recalled_day
from newsprism.link.world import countries_in
from newsprism.model import Document, Extraction

# Term kinds (the first character of a term): a country, a linked entity, a reported calendar
# day, a figure with its measure. Countries are the weakest (every report of a country's news
# names it); the others single out one event.
COUNTRY, ENTITY, DAY, FIGURE = "$", "@", "%", "#"
# A figure below this counts too many things in too many events ("3 dead") to single one out.
MIN_FIGURE = 10
# A whole figure of at least this many, not a multiple of a hundred ("3,549 dead", "80,052
# injured"), is an announced count no other event states: one report's is evidence enough.
PRECISE_FIGURE_MIN = 1000
_MONTH_DAY = re.compile(r"(?:\d{4}|XXXX)-(\d\d-\d\d)")


def anchor_terms(document: Document, extraction: Extraction | None) -> Counter[str]:
    """Counts of the article's language-independent terms (see the module docstring)."""
    counts: Counter[str] = Counter()
    text = f"{document.title}\n{document.text}" if document.title else document.text
    for _, _, country in countries_in(text):
        counts[sys.intern(COUNTRY + country)] += 1
    if extraction is None:
        return counts
    for mention in extraction.mentions:
        if mention.entity_id and mention.kind == "name":
            counts[sys.intern(ENTITY + mention.entity_id)] += 1
    for time in extraction.times:
        day = _MONTH_DAY.fullmatch(time.value) if time.type == "DATE" else None
        if day:
            counts[sys.intern(DAY + day.group(1))] += 1
    if (recalled := recalled_day(document)) is not None:  # "six days after the blast"
        counts[sys.intern(f"{DAY}{recalled.month:02d}-{recalled.day:02d}")] += 1
    for quantity in extraction.quantities:
        value = figure(quantity.low, quantity.high)
        if quantity.measure != "other" and value is not None:
            counts[sys.intern(f"{FIGURE}{quantity.measure}={value}")] += 1
    return counts


def figure(low: float | None, high: float | None) -> str | None:
    """The figure a report states, as text ("171", "5.8"): its lower bound ("more than 171"),
    else its upper one; None when it is below MIN_FIGURE."""
    value = low if low is not None else high
    if value is None or value < MIN_FIGURE:
        return None
    return f"{value:g}" if value != int(value) else str(int(value))


def is_specific(term: str) -> bool:
    """A term that singles out one event (a name, a day, a figure), not a country alone."""
    return not term.startswith(COUNTRY)


def is_precise(term: str) -> bool:
    """A figure term precise enough to single out one announcement (see PRECISE_FIGURE_MIN)."""
    if not term.startswith(FIGURE):
        return False
    value = term.rpartition("=")[2]
    return value.isdigit() and int(value) >= PRECISE_FIGURE_MIN and int(value) % 100 != 0


def is_occurrence(term: str) -> bool:
    """A term of the occurrence itself (a day, a figure), not of its setting (a name, a place)."""
    return term.startswith((DAY, FIGURE))


def corpus_anchors(
    documents: Sequence[Document], extractions: Mapping[str, Extraction]
) -> dict[str, tuple[str, ...]]:
    """Document id -> its distinct :func:`anchor_terms` (a tuple: a tenth of a Counter's
    memory, and joining needs only which terms a report states)."""
    return {d.id: tuple(anchor_terms(d, extractions.get(d.id))) for d in documents}
