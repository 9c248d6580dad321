"""Figures and dates of languages with word tables and no pipeline of their own.

An article in such a language (``newsprism/data/languages/<code>/quantities.json`` and
``dates.json``: French, German, Spanish, Arabic, Chinese, ... see ``tables.has_tables``) still
goes through the English pipeline, whose entity mentions the link stage uses;
:func:`add_table_figures` then puts the table rules' dates and counts in its extraction, in
place of what the English rules made of the same spans.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from newsprism.extract.dates.component import settled
from newsprism.extract.dates.pubdate import CONFIDENCE_LATEST_DATE
from newsprism.extract.languages.generic.dates import find_times
from newsprism.extract.languages.generic.quantities import find_quantities
from newsprism.extract.languages.generic.tables import has_tables, tables_for
from newsprism.extract.languages.generic.text import fold, sentences
from newsprism.model import (
    Document,
    Evidence,
    Extraction,
    PublicationTime,
    Quantity,
    TimeExpression,
)

# A full date this near the start of an article is its dateline ("14 Şubat 2023 19:58",
# "05.03.2023 - 09:30"): the publication day when nothing else gives one.
DATELINE_CHARS = 300
DATELINE_CONFIDENCE = 0.6
DATELINE_WORDS_BEFORE = 3
# The year-less days an article names fix its publication day only when they lie within this
# many months of each other; further apart (December and January) their order needs the year.
MONTH_DAY_SPAN = 2
_MONTH_DAY = re.compile(r"XXXX-\d\d-\d\d")
# A date written in digits only ("04/08/2021", "4.8.2021"): its order is the language's.
_NUMERIC_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")

__all__ = ["add_table_figures", "find_quantities", "find_times", "has_tables", "read_figures"]


def read_figures(
    document: Document,
) -> tuple[list[TimeExpression], list[Quantity]]:
    """The dates and counts the tables of ``document.language`` find in its text. A document
    without a publication time gets its dateline's day (``document.published`` is set)."""
    tables = tables_for(document.language)
    text = document.text
    folded = fold(text, tables.keep)
    published = document.published.value
    times = find_times(document.id, text, folded, tables, published)
    if (day_first := _day_first(document.published, times)) is not None:
        document.published = day_first
        published = day_first.value
        times = find_times(document.id, text, folded, tables, published)
    if (
        not settled(document.published)
        and (dateline := _dateline(text, times)) is not None
    ):
        document.published = PublicationTime(
            value=dateline.date, source="inferred", confidence=DATELINE_CONFIDENCE,
            evidence=[Evidence(document.id, dateline.start, dateline.end, dateline.text,
                               "a full date at the head of the article (table rules)")],
        )
        published = dateline.date
        times = find_times(document.id, text, folded, tables, published)
    if not settled(document.published) and document.published.partial is None and (
        latest := _latest_month_day(times)
    ) is not None:
        # no year to read the dates with yet: the collection's year completes it (relink)
        document.published = PublicationTime(
            value=None, source="unknown", confidence=CONFIDENCE_LATEST_DATE,
            evidence=[Evidence(document.id, latest.start, latest.end, latest.text,
                               "latest date reported, without its year (table rules)")],
            partial=latest.value,
        )
    quantities = find_quantities(
        document.id, text, folded, tables, sentences(text), times, published
    )
    return times, quantities


def _latest_month_day(times: list[TimeExpression]) -> TimeExpression | None:
    """The latest day the article names by month and day without a year, as the English rules
    take a year-less article's publication day from the latest date it reports. None when it
    names none, or when its days are so far apart that their order needs the year."""
    named = [t for t in times if t.anchor != "relative" and _MONTH_DAY.fullmatch(t.value)]
    if not named:
        return None
    days = sorted(named, key=lambda t: t.value)
    first, last = days[0].value, days[-1].value
    if int(last[5:7]) - int(first[5:7]) > MONTH_DAY_SPAN:
        return None
    return days[-1]


def _day_first(
    published: PublicationTime, times: list[TimeExpression]
) -> PublicationTime | None:
    """The publication the English rules inferred from a date in digits, read day first.

    The English rules read "04/08/2021" month first (8 April); the article's language writes the
    day first (4 August), as its tables do. When the inferred day is no date the tables read,
    and swapping its month and day gives a date they read in digits, the swapped day is the
    publication's. None when nothing changes."""
    if published.source != "inferred" or not published.value:
        return None
    try:
        inferred = date.fromisoformat(published.value[:10])
        swapped = date(inferred.year, inferred.day, inferred.month)
    except ValueError:
        return None
    table_days = {t.date for t in times if t.anchor == "absolute" and t.date}
    reading = next(
        (t for t in times if t.date == swapped.isoformat() and _NUMERIC_DATE.fullmatch(t.text)),
        None,
    )
    if swapped == inferred or inferred.isoformat() in table_days or reading is None:
        return None
    shift = swapped - inferred

    def moved(bound: str | None) -> str | None:
        if bound is None:
            return None
        return (date.fromisoformat(bound[:10]) + shift).isoformat()

    return replace(
        published,
        value=swapped.isoformat(),
        not_before=moved(published.not_before),
        not_after=moved(published.not_after),
        partial=f"XXXX-{swapped.month:02d}-{swapped.day:02d}" if published.partial else None,
        evidence=[
            Evidence(reading.doc_id, reading.start, reading.end, reading.text,
                     "a date in digits, read day first as the article's language writes it"),
            *published.evidence,
        ],
    )


def _dateline(text: str, times: list[TimeExpression]) -> TimeExpression | None:
    """The first full date (day, month and year) in the article's first characters that opens
    its line, after at most a place or an agency ("AA 16.08.2020 03:20", "Ankara, 14 Şubat
    2023"): one inside a sentence ("the worst was on 23 October 1983") is history."""
    for time in times:
        if time.start >= DATELINE_CHARS:
            break
        line_start = text.rfind("\n", 0, time.start) + 1
        if (
            time.anchor == "absolute" and time.date
            and len(text[line_start : time.start].split()) <= DATELINE_WORDS_BEFORE
        ):
            return time
    return None


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def add_table_figures(document: Document, extraction: Extraction) -> Extraction:
    """``extraction`` with the table rules' dates and counts of ``document`` added; what the
    English rules found on the same spans is dropped (their indexes in ``converts`` and in the
    events' ``quantity_indexes`` follow). Unchanged when the language has no tables."""
    if not has_tables(document.language):
        return extraction
    times, quantities = read_figures(document)
    time_spans = [(t.start, t.end) for t in times]
    kept_times = [t for t in extraction.times if not _overlaps(t.start, t.end, time_spans)]
    extraction.times = sorted([*kept_times, *times], key=lambda t: (t.start, t.end))
    spans = [(q.start, q.end) for q in quantities] + time_spans
    new_index: dict[int, int] = {}
    kept: list[Quantity] = []
    for index, quantity in enumerate(extraction.quantities):
        if not _overlaps(quantity.start, quantity.end, spans):
            new_index[index] = len(kept)
            kept.append(quantity)
    for quantity in kept:
        if quantity.converts is not None:
            quantity.converts = new_index.get(quantity.converts)
    for event in extraction.events:
        event.quantity_indexes = [new_index[i] for i in event.quantity_indexes if i in new_index]
    extraction.quantities = [*kept, *quantities]
    return extraction
