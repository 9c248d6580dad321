"""Dates in any language with tables: "15 janvier 2022", "15. Januar", "15 Ocak", "4 آب",
"15.01.2022", "2022-01-15", "1月15日", "1월 15일", "hier", "dün", "昨天"; as the English component
normalises them (TimeML value, calendar day when one is pinned down), anchored on the
publication day. A day and month without a year take the publication's year (the year before
when that would put them more than ``FUTURE_DAYS_ALLOWED`` days after publication); without a
publication day they keep an unknown year (``XXXX-01-15``) and relative words get no value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from newsprism.extract.languages.generic.tables import LanguageTables, lookup
from newsprism.extract.languages.generic.weekdays import (
    PAIR_GAP,
    is_next,
    last_weekday,
    weekday_patterns,
    year_of_weekday,
)
from newsprism.model import TimeExpression

FUTURE_DAYS_ALLOWED = 60

_DAY = r"(?<![\d.,])(?P<day>[0-3]?\d)(?:er|\.|º|°)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d])"
# Numeric dates: day first (every language with tables writes the day first), or ISO.
_NUMERIC = (
    re.compile(
        r"(?<![\d.,/])(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./]" + _YEAR + r"(?![.,/]\d)"
    ),
    re.compile(r"(?<![\d.,/-])" + _YEAR + r"[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
)
# Chinese and Japanese (年月日), Korean (년 월 일): the same shape in every language.
_CJK = (
    re.compile(
        r"(?:" + _YEAR + r"\s*年\s*)?(?<!\d)(?P<month>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*[日号號]"
    ),
    re.compile(r"(?:" + _YEAR + r"년\s*)?(?<!\d)(?P<month>[01]?\d)월\s*(?P<day>[0-3]?\d)일"),
)


# Characters that may stand between an event's noun and its date ("esplosioni di martedì
# 4 agosto"), with no clause mark or number among them
EVENT_GAP = 25
_GAP_BREAK = re.compile(r"[\d,;:.!?()،؛，；：。]")
# "6日", "6일": a day of the publication's month (or the month before, for a day after it).
_CJK_DAY = re.compile(r"(?<![\d月월])(?<!月\s)(?P<day>[0-3]?\d)\s*(?:日|일)(?![間间内以後后前])")


def _resolve_day(day: int, pub: dt.date | None) -> tuple[str, str | None, str] | None:
    if not 1 <= day <= 31:
        return None
    if pub is None:
        # still a date ("6日"): left unread, its digits would be taken for a count
        return f"XXXX-XX-{day:02d}", None, "none"
    month, year = pub.month, pub.year
    if day > pub.day + 1:  # later in the month than publication: the month before
        month, year = (12, year - 1) if month == 1 else (month - 1, year)
    try:
        date = dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    return date, date, "publication"


def _day_month_patterns(tables: LanguageTables) -> list[tuple[re.Pattern[str], bool]]:
    """"15 janvier 2022", "4 de agosto de 2020", "4 آب/أغسطس": (pattern, solar calendar); with
    ``month_first``, "2023. február 6-án" too."""
    patterns = []
    for months, solar in ((tables.months, False), (tables.solar_months, True)):
        if months is None:
            continue
        month = months.pattern
        patterns.append((
            re.compile(
                _DAY + r"\s*(?:de\s+|of\s+)?(?P<month>" + month + r")(?:\s*/\s*" + month + r")?"
                r"(?:,?\s*(?:de\s+|del\s+)?" + (r"(?P<year>1[34]\d\d)(?!\d)" if solar else _YEAR)
                + r")?"
            ),
            solar,
        ))
        if tables.month_first and not solar:
            patterns.append((
                re.compile(
                    r"(?:" + _YEAR + r"\.?\s*)?(?P<month>" + month + r")\s*"
                    r"(?<![\d.,])(?P<day>[0-3]?\d)(?![\d]|[.,]\d)"
                ),
                False,
            ))
    return patterns


def _publication_day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _resolve(
    day: int, month: int, year: int | None, pub: dt.date | None
) -> tuple[str, str | None, str] | None:
    """(value, date, anchor) of a day and month, or None when they are no calendar day."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is not None:
        anchor = "absolute"
    elif pub is not None:
        year, anchor = pub.year, "publication"
        try:
            if dt.date(year, month, day) - pub > dt.timedelta(days=FUTURE_DAYS_ALLOWED):
                year -= 1
        except ValueError:
            return None
    else:
        return f"XXXX-{month:02d}-{day:02d}", None, "none"
    try:
        date = dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    return date, date, anchor


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian day of a Solar Hijri (Persian calendar) date, by the 33-year leap rule;
    exact for the years news is about (1300-1473)."""
    # Days before 1 Farvardin of ``year`` counted from 1 Farvardin 1300 (21 March 1921).
    days = 0
    for y in range(1300, year):
        days += 366 if (y * 8 + 29) % 33 < 8 else 365
    days += (month - 1) * 31 if month <= 7 else 186 + (month - 7) * 30
    return dt.date(1921, 3, 21) + dt.timedelta(days=days + day - 1)


def _solar_year_of(pub: dt.date) -> int:
    """The Solar Hijri year running on a Gregorian day."""
    year = pub.year - 621
    return year if solar_hijri_to_gregorian(year, 1, 1) <= pub else year - 1


def _resolve_solar(
    day: int, month: int, year: int | None, pub: dt.date | None
) -> tuple[str, str | None, str] | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    anchor = "absolute"
    if year is None:
        if pub is None:
            return None
        year, anchor = _solar_year_of(pub), "publication"
        if solar_hijri_to_gregorian(year, month, day) - pub > dt.timedelta(
            days=FUTURE_DAYS_ALLOWED
        ):
            year -= 1
    date = solar_hijri_to_gregorian(year, month, day).isoformat()
    return date, date, anchor


def _matches(
    folded: str, tables: LanguageTables, pub: dt.date | None
) -> Iterator[tuple[int, int, tuple[str, str | None, str]]]:
    for pattern, solar in _day_month_patterns(tables):
        names = tables.solar_month_number if solar else tables.month_number
        for match in pattern.finditer(folded):
            month = lookup(names, match.group("month"))
            year = int(match.group("year")) if match.group("year") else None
            resolve = _resolve_solar if solar else _resolve
            if month and (value := resolve(int(match.group("day")), month, year, pub)):
                yield match.start(), match.end(), value
    for pattern in (*_NUMERIC, *_CJK):
        for match in pattern.finditer(folded):
            year = int(match.group("year")) if match.group("year") else None
            value = _resolve(int(match.group("day")), int(match.group("month")), year, pub)
            if value:
                yield match.start(), match.end(), value
    if tables.anywhere:
        for match in _CJK_DAY.finditer(folded):
            if value := _resolve_day(int(match.group("day")), pub):
                yield match.start(), match.end(), value
    if tables.relative_days is not None:
        for match in tables.relative_days.finditer(folded):
            offset = lookup(tables.relative_day_offset, match.group())
            if offset is None:
                continue
            if pub is None:
                yield match.start(), match.end(), ("PAST_REF" if offset else "PRESENT_REF",
                                                   None, "none")
            else:
                date = (pub + dt.timedelta(days=offset)).isoformat()
                yield match.start(), match.end(), (date, date, "publication")


def find_times(
    doc_id: str, text: str, folded: str, tables: LanguageTables, published: str | None
) -> list[TimeExpression]:
    """The dates of ``text`` (``folded`` is its folded form), longest first where they
    overlap, in text order."""
    pub = _publication_day(published)
    found = list(_matches(folded, tables, pub))
    if pub is not None:
        found = _with_weekdays(folded, tables, pub, found)
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    times: list[TimeExpression] = []
    last_end = -1
    for start, end, (value, date, anchor) in found:
        if start < last_end:
            continue
        last_end = end
        times.append(
            TimeExpression(
                doc_id=doc_id, start=start, end=end, text=text[start:end], type="DATE",
                value=value, date=date, anchor=anchor,  # type: ignore[arg-type]
            )
        )
    return times


Match = tuple[int, int, tuple[str, str | None, str]]


def _with_weekdays(folded: str, tables: LanguageTables, pub: dt.date, found: list[Match]
                   ) -> list[Match]:
    """``found`` with the weekdays of the text: a weekday right before a day and month joins
    it and fixes its year ("mercredi 4 août" of an article published in 2022 is 2021's); one
    on its own is the latest such day on or before publication ("a annoncé lundi")."""
    patterns = weekday_patterns(tables.language, tables.keep, tables.anywhere)
    if patterns is None:
        return found
    starts = {start: k for k, (start, _, _) in enumerate(found)}
    extra: list[Match] = []
    for weekday, pattern in enumerate(patterns):
        for match in pattern.finditer(folded):
            after = PAIR_GAP.match(folded[match.end() : match.end() + 3])
            k = starts.get(match.end() + (after.end() if after else 0))
            if k is None:
                if is_next(folded, match.start(), match.end()):
                    continue
                day = last_weekday(weekday, pub).isoformat()
                extra.append((match.start(), match.end(), (day, day, "publication")))
                continue
            _, end, (value, date, anchor) = found[k]
            if anchor == "publication" and date is not None:
                month, day_of_month = int(date[5:7]), int(date[8:10])
                year = year_of_weekday(month, day_of_month, weekday, pub,
                                       FUTURE_DAYS_ALLOWED)
                if year is not None:
                    date = value = dt.date(year, month, day_of_month).isoformat()
            found[k] = (match.start(), end, (value, date, anchor))
    return found + extra


def dates_an_event(folded: str, time: TimeExpression, tables: LanguageTables) -> bool:
    """``time`` says when an event named next to it happened ("Bei der Explosion am
    4. August", "8月4日的爆炸"), not the day the figures of its sentence hold for."""
    if tables.event_nouns is None:
        return False
    if tables.event_date_links is not None:  # the date comes before its noun
        noun = tables.event_nouns.search(folded, time.end, time.end + EVENT_GAP)
        if noun is None:
            return False
        gap = folded[time.end : noun.start()]
        return not _GAP_BREAK.search(gap) and bool(tables.event_date_links.search(gap))
    nouns = list(tables.event_nouns.finditer(folded, max(0, time.start - 3 * EVENT_GAP),
                                             time.start))
    if not nouns:
        return False
    gap = re.sub(r"^\w*", "", folded[nouns[-1].end() : time.start])  # the noun's word ends
    return len(gap) <= EVENT_GAP and not _GAP_BREAK.search(gap)
