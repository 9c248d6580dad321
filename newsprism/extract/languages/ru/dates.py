"""Russian time expressions: "7 марта", "3 марта 2026 года", "в субботу, 7 марта", "вчера",
"в марте", "в 2025 году", normalised like the English component (TimeML values, calendar day
when one is pinned down) and anchored on the publication time.

Rules only, for news prose; the English component (``newsprism.extract.dates``) carries the
full TimeML grammar. Without a publication time a day-month date keeps an unknown year
(``XXXX-03-07``) and relative words ("вчера") get no value: never today's date.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract.core.extensions import doc_text
from newsprism.extract.languages.tables import load_table
from newsprism.model import Evidence, PublicationTime, TimeExpression

_WORDS = load_table("ru", "dates")
MONTHS_GENITIVE: list[str] = _WORDS["months_genitive"]
MONTHS_PREPOSITIONAL: list[str] = _WORDS["months_prepositional"]
# Accusative after "в"/"во" ("в субботу", "во вторник"), Monday first as in ``date.weekday()``.
WEEKDAYS: list[str] = _WORDS["weekdays_accusative"]
RELATIVE_DAYS: dict[str, int] = _WORDS["relative_days"]
# A day-month date more than this many days after the publication date belongs to the year
# before ("в декабре" in a January report): news reports the past far more than the future.
FUTURE_DAYS_ALLOWED = 60

_DAY_MONTH = (
    r"(?P<day>[0-3]?\d)\s+(?P<month>" + "|".join(MONTHS_GENITIVE) + r")"
    r"(?:\s+(?P<year>(?:19|20)\d\d)(?:\s*(?:года|г\.))?)?"
)
_WEEKDAY = r"(?:в|во)\s+(?:ночь\s+на\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")"
PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(_WEEKDAY + r",?\s+" + _DAY_MONTH + r"\b", re.I),
    re.compile(r"\b" + _DAY_MONTH + r"\b", re.I),
    re.compile(_WEEKDAY + r"\b", re.I),
    re.compile(r"\b(?P<relative>" + "|".join(RELATIVE_DAYS) + r")\b", re.I),
    re.compile(
        r"\bв\s+(?P<month_in>" + "|".join(MONTHS_PREPOSITIONAL) + r")"
        r"(?:\s+(?P<year>(?:19|20)\d\d)\s+года)?\b",
        re.I,
    ),
    re.compile(r"\bв\s+(?P<year_only>(?:19|20)\d\d)\s+году\b", re.I),
)


def _publication_day(doc: Doc) -> dt.date | None:
    published = doc._.published
    if published is None or not published.value:
        return None
    try:
        return dt.date.fromisoformat(published.value[:10])
    except ValueError:
        return None


def _day_month_value(match: re.Match[str], pub: dt.date | None) -> tuple[str, str | None, str]:
    day = int(match.group("day"))
    month = MONTHS_GENITIVE.index(match.group("month").lower()) + 1
    if match.group("year"):
        year, anchor = int(match.group("year")), "absolute"
    elif pub is not None:
        year, anchor = pub.year, "publication"
        try:
            if dt.date(year, month, day) - pub > dt.timedelta(days=FUTURE_DAYS_ALLOWED):
                year -= 1
        except ValueError:
            pass
    else:
        return f"XXXX-{month:02d}-{day:02d}", None, "none"
    try:
        date = dt.date(year, month, day).isoformat()
    except ValueError:
        return f"{year}-{month:02d}-{day:02d}", None, anchor
    return date, date, anchor


def _weekday_value(weekday: str, pub: dt.date | None) -> tuple[str, str | None, str]:
    """The latest such weekday on or before the publication day (reports look back)."""
    if pub is None:
        return "XXXX-WXX-" + str(WEEKDAYS.index(weekday.lower()) + 1), None, "none"
    back = (pub.weekday() - WEEKDAYS.index(weekday.lower())) % 7
    date = (pub - dt.timedelta(days=back)).isoformat()
    return date, date, "publication"


def _value(match: re.Match[str], pub: dt.date | None) -> tuple[str, str | None, str]:
    groups = match.groupdict()
    if groups.get("day"):
        return _day_month_value(match, pub)
    if groups.get("weekday"):
        return _weekday_value(groups["weekday"], pub)
    if groups.get("relative"):
        if pub is None:
            return "XXXX-XX-XX", None, "none"
        date = (pub + dt.timedelta(days=RELATIVE_DAYS[groups["relative"].lower()])).isoformat()
        return date, date, "publication"
    if groups.get("month_in"):
        month = MONTHS_PREPOSITIONAL.index(groups["month_in"].lower()) + 1
        if groups.get("year"):
            return f"{groups['year']}-{month:02d}", None, "absolute"
        if pub is None:
            return f"XXXX-{month:02d}", None, "none"
        year = pub.year - (1 if month > pub.month + 1 else 0)
        return f"{year}-{month:02d}", None, "publication"
    return groups["year_only"], None, "absolute"


def find_times(doc: Doc) -> list[TimeExpression]:
    """Every Russian time expression of the Doc; earlier patterns win overlaps."""
    pub = _publication_day(doc)
    taken: list[tuple[int, int]] = []
    times: list[TimeExpression] = []
    text = doc_text(doc)
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            value, date, anchor = _value(match, pub)
            times.append(
                TimeExpression(
                    doc_id=doc._.doc_id, start=start, end=end, text=match.group(), type="DATE",
                    value=value, date=date, anchor=anchor,  # type: ignore[arg-type]
                )
            )
    return sorted(times, key=lambda t: t.start)


# Confidence of a publication day read off the latest date an article reports (the English
# component's "latest date reported" rule, without its tense and reporting-cue refinements).
CONFIDENCE_LATEST_DATE = 0.5


def infer_publication(doc: Doc, times: list[TimeExpression]) -> PublicationTime:
    """The latest day-month date the article reports, as the English component's fallback does:
    with its year when the text gives one, else month and day only (``partial``), which the
    story's other articles complete. Unknown when the text pins no day."""
    days = [t for t in times if re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", t.value)]
    if not days:
        return PublicationTime(value=None, source="unknown")
    latest = max(days, key=lambda t: (t.value[5:], t.value[:4]))
    sentence = doc.char_span(latest.start, latest.end, alignment_mode="expand")
    context = sentence.sent if sentence is not None and doc.has_annotation("SENT_START") else None
    evidence = Evidence(
        doc_id=doc._.doc_id,
        start=context.start_char if context is not None else latest.start,
        end=context.end_char if context is not None else latest.end,
        text=context.text if context is not None else latest.text,
        rule=f"latest date reported: {latest.text}",
    )
    partial = "XXXX" + latest.value[4:]
    if latest.date is None:
        return PublicationTime(
            value=None, source="unknown", confidence=CONFIDENCE_LATEST_DATE,
            evidence=[evidence], partial=partial,
        )  # fmt: skip
    return PublicationTime(
        value=latest.date, source="inferred", confidence=CONFIDENCE_LATEST_DATE,
        not_before=latest.date, evidence=[evidence], partial=partial,
    )  # fmt: skip


class RussianDates:
    """spaCy component: ``doc._.times`` for Russian text and ``doc._.publication`` (the given
    publication time, else one inferred from the dates the text reports)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        times = find_times(doc)
        publication = doc._.published
        if publication is None:
            publication = infer_publication(doc, times)
            if publication.value:
                doc._.published = publication
                times = find_times(doc)
                doc._.published = None
        doc._.times = times
        doc._.publication = publication
        return doc


@Language.factory("newsprism_ru_dates", assigns=["doc._.times"])
def make_russian_dates(nlp: Language, name: str) -> RussianDates:
    return RussianDates(nlp, name)
