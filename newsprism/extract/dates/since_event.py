"""Publication days read off the time a report says has passed since its event.

Search-engine excerpts and aggregator copies often carry no date, yet say how long after the
event they were written: "six days after the blast", "sechs Tage nach der Explosion", "a sei
giorni dall'esplosione", "patlamadan altı gün sonra", "the first anniversary of the explosion".
Once the articles are linked into events, the day most of an event's reports state is the day
it happened; an undated report of that event that says how long after it was written gets the
event's day plus that time as its publication day (:func:`date_from_event`). Its dates and
as-of days are then extracted again, as for the years completed in ``collection_years``.

The words are in ``newsprism/data/since_event.json``, one entry per language; numbers come from
the language's ``quantities.json`` number words as well.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Any, Literal

from newsprism.extract.languages.generic.tables import lookup, word_alternation, word_key
from newsprism.extract.languages.generic.text import fold
from newsprism.extract.languages.tables import load_table
from newsprism.model import Document, Evidence, Extraction, PublicationTime, Story

Unit = Literal["day", "week", "month", "year"]

# Characters between a time and the word saying it is after ("six days after", "altı gün sonra",
# "6天后"), and between the time and its event's noun ("after the massive explosion").
# (Languages written without spaces put it straight after the time, "六天后": their tables
# say so with a shorter "after_reach", since a 后 further on closes another clause.)
AFTER_REACH = 12
EVENT_REACH = 45
# Characters around an anniversary's word its number or ordinal may stand ("the first anniversary",
# "1er anniversaire", "الذكرى السنوية الأولى").
ORDINAL_REACH = 22
# No clause ends and no other number stands between a time and its event's noun.
_BREAK = re.compile(r"[\d,;:.!?()\n،؛，；：。]")
# A number straight after a month is a date, not a count of days ("2月6日后", "2월 6일").
_AFTER_MONTH = re.compile(r"[月월]\s*$")
# How far after its event a report is taken to say it was written: longer is history.
MAX_YEARS = 10
# The day most of an event's reports state is its day when this many state it.
MIN_REPORTS = 2
CONFIDENCE = 0.5
NOUN_STEM = 5
# A month and day a report states, with or without its year.
_MONTH_DAY = re.compile(r"(?:\d{4}|XXXX)-(\d\d-\d\d)")
# A date a report states (a year, a month of a year, a day) in a TimeML value.
_STATED = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
RULE = "time since the event"


@dataclass(frozen=True)
class SinceEvent:
    """ "six days after the blast": how long after its event a sentence says it is."""

    start: int
    end: int
    text: str
    unit: Unit
    count: int
    noun: str = ""  # the event's noun it counts from, folded ("explosion", "زلزال")


@dataclass(frozen=True)
class _Tables:
    keep: str
    anywhere: bool
    after_reach: int
    times: re.Pattern[str]
    single: re.Pattern[str] | None
    dual: re.Pattern[str] | None
    after: re.Pattern[str]
    events: re.Pattern[str]
    anniversary: re.Pattern[str] | None
    ordinals: re.Pattern[str] | None
    numbers: dict[str, int]
    unit_of: dict[str, Unit]
    ordinal_value: dict[str, int]


@functools.cache
def _all_tables() -> dict[str, Any]:
    path = resources.files("newsprism.data").joinpath("since_event.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _optional_table(language: str, name: str) -> dict[str, Any]:
    try:
        return load_table(language, name)
    except FileNotFoundError:
        return {}


@functools.cache
def _tables(language: str) -> _Tables | None:
    entry = _all_tables().get(language)
    if not isinstance(entry, dict):
        return None
    quantities = _optional_table(language, "quantities")
    nouns = entry.get("event_nouns") or _optional_table(language, "dates").get("event_nouns")
    if not nouns:
        return None
    anywhere = quantities.get("match") == "anywhere"
    keep = quantities.get("keep_marks", "")

    def words(items: list[str], prefix_ok: bool = False) -> str:
        return word_alternation(items, anywhere=anywhere, prefix_ok=prefix_ok, keep=keep)

    def pattern(items: list[str], prefix_ok: bool = True) -> re.Pattern[str] | None:
        return re.compile(words(items, prefix_ok)) if items else None

    numbers = {
        word_key(w, keep): int(v)
        for w, v in {**quantities.get("number_words", {}), **entry.get("number_words", {})}.items()
    }
    numbers.update({word_key(w, keep): 1 for w in entry["one"]})
    unit_words = [w for forms in entry["units"].values() for w in forms]
    unit_of: dict[str, Unit] = {
        word_key(w, keep): unit for unit, forms in entry["units"].items() for w in forms
    }
    for alone in ("single_units", "dual_units"):  # "неделю", "أسبوعين": their unit
        unit_of.update({word_key(w, keep): unit for w, unit in entry.get(alone, {}).items()})
    count = r"\d{1,3}" + (f"|{words(list(numbers))}" if numbers else "")
    space = r"\s*" if anywhere else r"\s+"
    ordinal_value = {word_key(w, keep): int(v) for w, v in entry.get("ordinals", {}).items()}
    return _Tables(
        keep=keep,
        anywhere=anywhere,
        after_reach=int(entry.get("after_reach", AFTER_REACH)),
        times=re.compile(
            rf"(?P<count>{count})(?:{space}|(?<=\d)\s*)(?P<unit>{words(unit_words, True)})"
        ),
        single=pattern(list(entry.get("single_units", {}))),
        dual=pattern(list(entry.get("dual_units", {}))),
        after=re.compile(words(entry["after"], True)),
        events=re.compile(words(nouns, prefix_ok=True)),
        anniversary=pattern(entry.get("anniversary", []), prefix_ok=True),
        ordinals=pattern(list(entry.get("ordinals", {})), prefix_ok=False),
        numbers=numbers,
        unit_of=unit_of,
        ordinal_value=ordinal_value,
    )


def find_since_event(text: str, language: str) -> list[SinceEvent]:
    """Every "N days/weeks/months/years after <event>" and "<Nth> anniversary of <event>" of a
    text, in text order; none for a language ``since_event.json`` has no words for."""
    tables = _tables(language)
    if tables is None:
        return []
    folded = fold(text, tables.keep)
    found = [*_times_after(text, folded, tables), *_anniversaries(text, folded, tables)]
    return sorted(found, key=lambda s: (s.start, s.end))


def _times_after(text: str, folded: str, tables: _Tables) -> list[SinceEvent]:
    spans: list[tuple[int, int, int, str]] = []  # start, end, count, unit word
    for m in tables.times.finditer(folded):
        if _AFTER_MONTH.search(folded, max(0, m.start() - 3), m.start()):
            continue
        raw = m.group("count")
        value = int(raw) if raw.isdigit() else lookup(tables.numbers, raw)
        if value:
            spans.append((m.start(), m.end(), int(value), m.group("unit")))
    taken = [(s, e) for s, e, _, _ in spans]
    for pattern, value in ((tables.dual, 2), (tables.single, 1)):  # "اسبوعين" before "اسبوع"
        if pattern is None:
            continue
        for m in pattern.finditer(folded):
            if not any(s <= m.start() < e for s, e in taken):
                spans.append((m.start(), m.end(), value, m.group()))
                taken.append((m.start(), m.end()))
    found: list[SinceEvent] = []
    for start, end, count, unit_word in spans:
        unit = lookup(tables.unit_of, unit_word)
        if unit is None or not _after_word(folded, start, end, tables):
            continue
        if (noun := _event_noun(folded, start, end, tables)) is not None:
            found.append(SinceEvent(start, end, text[start:end], unit, count, noun))
    return found


def _after_word(folded: str, start: int, end: int, tables: _Tables) -> bool:
    """A word saying "after" next to the time, in its clause."""
    reach = tables.after_reach
    return any(
        (end <= m.start() <= end + reach and not _BREAK.search(folded, end, m.start()))
        or (start - reach <= m.end() <= start and not _BREAK.search(folded, m.end(), start))
        for m in tables.after.finditer(folded, max(0, start - 2 * reach), end + reach)
    )


def _event_noun(folded: str, start: int, end: int, tables: _Tables) -> str | None:
    """The event's noun near ``start:end``, in its clause with no number between (folded)."""
    for noun in tables.events.finditer(folded, max(0, start - EVENT_REACH), end + EVENT_REACH):
        gap = (end, noun.start()) if noun.start() >= end else (noun.end(), start)
        if gap[0] <= gap[1] and not _BREAK.search(folded, *gap):
            return noun.group()
    return None


def _anniversaries(text: str, folded: str, tables: _Tables) -> list[SinceEvent]:
    if tables.anniversary is None:
        return []
    found: list[SinceEvent] = []
    for m in tables.anniversary.finditer(folded):
        if (noun := _event_noun(folded, m.start(), m.end(), tables)) is not None:
            years = _anniversary_years(folded, m.start(), m.end(), tables)
            found.append(SinceEvent(m.start(), m.end(), text[m.start() : m.end()], "year",
                                    years, noun))
    return found


def _anniversary_years(folded: str, start: int, end: int, tables: _Tables) -> int:
    """The anniversary's number: a digit or number straight before it ("1er", "1st", "一周年",
    "10. Jahrestag"), else an ordinal near it; the first when none says."""
    before = folded[max(0, start - 8) : start]
    if digits := re.search(r"(\d{1,2})\s*(?:st|nd|rd|th|er|e|eme|°|\.)?\s*$", before):
        return int(digits.group(1))
    for size in range(1, len(before) + 1):  # "二周年", "zweiten": the number ending there
        word = before[-size:].strip()
        if size > 1 and not before[-size].isspace() and not tables.anywhere:
            continue
        if (value := lookup(tables.numbers, word)) and int(value) > 1:
            return int(value)
    if tables.ordinals is not None:
        window = (max(0, start - ORDINAL_REACH), end + ORDINAL_REACH)
        ordinals = [
            o for o in tables.ordinals.finditer(folded, *window)
            if not _BREAK.search(folded, *((o.end(), start) if o.end() <= start
                                         else (end, o.start())))
        ]
        if ordinals:
            nearest = min(ordinals, key=lambda o: min(abs(o.start() - end), abs(start - o.end())))
            return int(lookup(tables.ordinal_value, nearest.group()) or 1)
    return 1


def day_after(event_day: date, since: SinceEvent, sign: int = 1) -> date | None:
    """The day ``since`` after ``event_day`` (before it, with ``sign`` -1); None past
    MAX_YEARS."""
    if since.unit in ("day", "week"):
        days = since.count * (7 if since.unit == "week" else 1)
        return event_day + timedelta(days=sign * days) if days <= 366 * MAX_YEARS else None
    months = since.count * (12 if since.unit == "year" else 1)
    if months > 12 * MAX_YEARS:
        return None
    year, month = divmod(event_day.month - 1 + sign * months, 12)
    for day in (event_day.day, 30, 29, 28):
        try:
            return date(event_day.year + year, month + 1, day)
        except ValueError:
            continue
    return None


def recalled_day(document: Document) -> date | None:
    """The event's day a report dated by :func:`date_from_event` counts from: it states that
    day as surely as "the blast of 4 August" does."""
    published = document.published
    if published.source != "inferred" or not published.value:
        return None
    for evidence in published.evidence:
        if not evidence.rule.startswith(RULE):
            continue
        for since in find_since_event(document.text, document.language):
            if (since.start, since.end) == (evidence.start, evidence.end):
                return day_after(date.fromisoformat(published.value[:10]), since, -1)
    return None


def event_day(members: Sequence[str], extractions: dict[str, Extraction]) -> date | None:
    """The day most of an event's reports state (each report counted once a day; the earliest of
    a tie: coverage follows its event), when MIN_REPORTS state it; None otherwise."""
    stated: Counter[str] = Counter()
    for doc_id in members:
        extraction = extractions.get(doc_id)
        if extraction is None:
            continue
        stated.update({
            t.date[:10] for t in extraction.times
            if t.type == "DATE" and t.date and re.fullmatch(r"\d{4}-\d\d-\d\d", t.date[:10])
        })
    if not stated:
        return None
    most = max(stated.values())
    if most < MIN_REPORTS:
        return None
    return date.fromisoformat(min(day for day, n in stated.items() if n == most))


def date_from_event(
    stories: Sequence[Story],
    documents: dict[str, Document],
    extractions: dict[str, Extraction],
    *,
    today: date | None = None,
) -> list[Document]:
    """Give undated reports the day their text says they came after their event's day; returns
    the documents that changed (to be extracted again against their new publication day).

    Only reports with no publication day are dated, never one whose metadata or text gave one;
    a report whose text fixed a month and day (``partial``) keeps them unless they agree. Of
    several times since the event a report states, the longest is taken (a report is written
    after everything it recounts)."""
    today = today or date.today()
    members: dict[str, list[str]] = {}
    for story in stories:
        members.setdefault(story.event_id or story.id, []).extend(
            i for i in story.doc_ids if i in documents
        )
    days: dict[str, date | None] = {
        event: event_day(doc_ids, extractions)
        for event, doc_ids in members.items()
        if any(_undated(documents[i]) for i in doc_ids)
    }
    changed: list[Document] = []
    # per event and language: each report's event nouns, and how many reports name each
    nouns: dict[tuple[str, str], tuple[dict[str, Counter[str]], Counter[str]]] = {}
    for story in stories:
        event = story.event_id or story.id
        day = days.get(event)
        undated = [documents[i] for i in story.doc_ids if i in documents and _undated(documents[i])]
        if day is None or not undated or not _story_recalls(story, extractions, day):
            continue
        for document in undated:
            key = (event, document.language)
            if key not in nouns:
                nouns[key] = _nouns_used([documents[i] for i in members[event]], document.language)
            used = nouns[key][1] - nouns[key][0].get(document.id, Counter())
            dated = _dated_after(document, extractions.get(document.id), day, today, used)
            if dated is not None:
                document.published = dated
                changed.append(document)
    return changed


def _story_recalls(story: Story, extractions: dict[str, Extraction], day: date) -> bool:
    """The story's own reports state the event's day (month and day, any year) as often as any
    other, or state none: a story whose reports keep naming another day ("lundi 6 février") is
    of another occurrence, linked to this event by mistake, and its "six days after" counts
    from that one."""
    stated: Counter[str] = Counter()
    for doc_id in story.doc_ids:
        extraction = extractions.get(doc_id)
        if extraction is not None:
            stated.update({
                m.group(1) for t in extraction.times
                if t.type == "DATE" and (m := _MONTH_DAY.fullmatch(t.value))
            })
    own = f"{day.month:02d}-{day.day:02d}"
    return not stated or stated.get(own, 0) == max(stated.values())


def _before_stated(day: date, extraction: Extraction | None) -> bool:
    """True when the report states a day, month or year later than ``day``: it was written
    after what it recounts, so ``day`` cannot be its own ("date 2023-02" in a report dated
    from another event's day in 2020)."""
    iso = day.isoformat()
    for time in extraction.times if extraction else []:
        stated = _STATED.fullmatch(time.value) if time.type == "DATE" else None
        if stated and iso[: len(stated.group())] < stated.group():
            return True
    return False


def _undated(document: Document) -> bool:
    return document.published.source != "metadata" and not document.published.value


def _nouns_used(
    reports: Sequence[Document], language: str
) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """The event nouns each of an event's reports in ``language`` names, and how many of them
    name each (a noun and its plural, "explosion" and "explosions", are one: their first
    NOUN_STEM letters)."""
    tables = _tables(language)
    each: dict[str, Counter[str]] = {}
    if tables is None:
        return each, Counter()
    for report in reports:
        if report.language == language:
            folded = fold(report.text, tables.keep)
            each[report.id] = Counter({m.group()[:NOUN_STEM]
                                       for m in tables.events.finditer(folded)})
    return each, sum(each.values(), Counter())


def _names_the_event(noun: str, used: Counter[str]) -> bool:
    """The event's other reports in the language call it by ``noun`` too (at least half as
    often as by their commonest noun), or too few of them name it to tell: "six days after the
    earthquakes" in a report linked to an explosion counts from another event's day."""
    if sum(used.values()) < MIN_REPORTS:
        return True
    return 2 * used.get(noun[:NOUN_STEM], 0) >= max(used.values())


def _dated_after(
    document: Document,
    extraction: Extraction | None,
    day: date,
    today: date,
    nouns: Counter[str],
) -> PublicationTime | None:
    found = [
        (after, since)
        for since in find_since_event(document.text, document.language)
        if (after := day_after(day, since)) is not None and day < after <= today
        and _names_the_event(since.noun, nouns)
    ]
    if not found:
        return None
    after, since = max(found, key=lambda item: item[0])
    if _before_stated(after, extraction):
        return None  # linked to the wrong event: its own dates are later
    partial = document.published.partial or ""
    if re.fullmatch(r"XXXX-\d\d-\d\d", partial) and partial[4:] != after.isoformat()[4:]:
        return None
    return PublicationTime(
        value=after.isoformat(),
        source="inferred",
        confidence=CONFIDENCE,
        not_before=after.isoformat(),
        not_after=(after + timedelta(days=1)).isoformat(),
        evidence=[
            Evidence(document.id, since.start, since.end, since.text,
                     f"{RULE}: {since.count} {since.unit}(s) after {day.isoformat()}, the day "
                     "most of its event's reports state"),
        ],
    )
