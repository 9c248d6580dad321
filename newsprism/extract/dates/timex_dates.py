"""Normalisers of calendar dates and days: one function per rule, each turning a match into
(type, TimeML value, anchor): full and partial dates, weeks, years, decades, weekdays, today /
yesterday, relative units ("last month"), offsets ("two days later") and "a year earlier".
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from newsprism.extract.dates.timex_calendar import (
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNIT_CODES,
    WEEKDAYS,
    add_months,
    at_granularity,
    iso,
    iso_week,
    month_number,
    parse_number,
    quarter_of,
    shift_coarse,
    shift_value,
    truncate_value,
)
from newsprism.extract.dates.timex_patterns import (
    _CALENDAR_VALUE,
    CLOCK_ANCHOR_WINDOW,
    FLAGS,
    Context,
    _g,
)
from newsprism.extract.dates.timex_tense import (
    _future,
    _future_sentence,
    _past_verbs,
    _resolve_month,
    _resolve_month_day,
    _resolve_weekday,
    clause_tense,
)

# --- normalisers (one per rule) -----------------------------------------------------------------


def _full_date(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    month = month_number(_g(m, "m") or "")
    day = int(re.sub(r"\D", "", _g(m, "d") or ""))
    try:
        value = iso(date(int(_g(m, "y") or 0), month, day))
    except ValueError:
        return None
    return "DATE", value, "absolute"


# What may stand between a past-tense verb and the date it places ("bought RJR in February",
# "the fiscal year ended Jan. 31", "was born on June 3"): a few words, no clause break, and none
# of the words that make the date a deadline or a plan ("payable", "until", "to", ...).
_TOLD_AS_DONE_GAP = re.compile(
    r"(?:\s+(?!(?:payable|due|record|until|till|through|by|to|from|before|after|effective"
    r"|starting|beginning|ending|expiring|as|for|next|this|last|later|each|every)\b)"
    r"[\w'’.$-]+){0,4}?\s+(?:(?:in|on|at)\s+)?",
    FLAGS,
)


# Past participles that look ahead: a date after them is a plan or a deadline.
_LOOKS_AHEAD_VERB = re.compile(
    r"(?:scheduled|slated|planned|expected|set|proposed|targeted|timed|promised|pledged|vowed"
    r"|postponed|delayed|moved|rescheduled|extended|called|asked|urged|agreed|decided|voted"
    r"|announced|said|told|reported|predicted|forecast|estimated|projected)$",
    FLAGS,
)
_IS_BEFORE = re.compile(r"\b(?:is|are|be|being|will|would|to)\s+(?:\w+ly\s+)?$", FLAGS)


def _told_as_done(text: str, start: int, end: int) -> bool:
    """Whether a year-less date at ``[start, end)`` is the time of a past-tense verb just before
    it (see _TOLD_AS_DONE_GAP): the event has happened, so the date is not ahead of
    publication. Not in a future clause, nor after a verb that looks ahead ("expected in
    December") or speaks of its own time ("said Oct. 26" is when it was said, kept as is)."""
    verbs = _past_verbs(text, max(0, start - 60), start)
    if not verbs or clause_tense(text, start, end) != "past":
        return False
    verb = verbs[-1]
    if _LOOKS_AHEAD_VERB.search(verb[0]) or _IS_BEFORE.search(text, max(0, verb.start() - 20),
                                                              verb.start()):
        return False
    return _TOLD_AS_DONE_GAP.fullmatch(text, verb.end(), start) is not None


def _month_day(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    g = m.groupdict()
    month = month_number(_g(m, "m") or "")
    day = int(re.sub(r"\D", "", _g(m, "d") or ""))
    if day > calendar.monthrange(2000, month)[1]:
        return None
    value, anchor = _resolve_month_day(ctx, month, day, _future_sentence(ctx, m))
    ref = ctx.reference
    looks_back = _LOOKS_BACK.search(ctx.text, max(0, m.start() - 8), m.start())
    if ref is not None and (looks_back or _told_as_done(ctx.text, m.start(), m.end())):
        latest = date(ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1, month, 1)
        value = iso(latest.replace(day=min(day, calendar.monthrange(latest.year, month)[1])))
    wd = g.get("wd")
    if wd and ctx.reference is None:
        anchor = "none"
    return _with_part(m, ctx, "DATE", value, anchor)


def _range_day(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    return _full_date(m, ctx) if m["y"] else _month_day(m, ctx)


def _week_of(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"the week of March 6": the ISO week holding that day."""
    month = month_number(_g(m, "m") or "")
    day = int(re.sub(r"\D", "", _g(m, "d") or ""))
    if day > calendar.monthrange(2000, month)[1]:
        return None
    if m["y"]:
        value, anchor = iso(date(int(m["y"]), month, day)), "absolute"
    else:
        value, anchor = _resolve_month_day(ctx, month, day, _future(ctx, m))
    if value.startswith("X"):
        return "DATE", "XXXX-WXX", "none"
    return "DATE", iso_week(date.fromisoformat(value)), anchor


def _with_part(
    m: re.Match[str], ctx: Context, kind: str, value: str, anchor: str
) -> tuple[str, str, str]:
    part = (m.groupdict().get("part") or "").lower()
    clock = m.groupdict().get("clock")
    if clock:
        time = _clock_value(clock)
        if time and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            return "TIME", f"{value}T{time}", anchor
    if part:
        return "TIME", f"{value}T{PARTS_OF_DAY[part]}", anchor
    return kind, value, anchor


def _month_year(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    return "DATE", f"{int(m['y']):04d}-{month_number(m['m']):02d}", "absolute"


def _month_alone(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    relation = (m["rel"] or "").lower()
    relation = {"this": "this", "last": "last", "next": "next", "past": "last"}.get(relation, "")
    month = month_number(m["m"])
    if (of_year := _OF_RELATIVE_YEAR.match(ctx.text, m.end())) and ctx.reference is not None:
        # "October of next year": the year expression is tagged on its own, but it fixes the
        # month's year (MEANTIME and TimeBank annotate the two separately)
        year = ctx.reference.year + _RELATION_SHIFT[of_year["rel"].lower()]
        return "DATE", f"{year}-{month:02d}", "publication"
    tense = clause_tense(ctx.text, m.start(), m.end())
    looks_back = _LOOKS_BACK.search(ctx.text, max(0, m.start() - 8), m.start()) or (
        tense != "future" and _MONTH_OPENER.search(ctx.text, max(0, m.start() - 8), m.start())
    )
    looks_back = looks_back or _told_as_done(ctx.text, m.start(), m.end())
    if not relation and looks_back and ctx.reference is not None:
        # "since November"; "In January, the company brought in a new chief": a report opening
        # on a bare month tells what has happened (TBAQ and MEANTIME: 6 of 6 the latest one)
        ref = ctx.reference
        year = ref.year if month <= ref.month else ref.year - 1
        return "DATE", f"{year}-{month:02d}", "publication"
    value, anchor = _resolve_month(ctx, month, tense == "future", relation)
    return "DATE", value, anchor


# "In" opening a sentence before a month; "since" before one (it looks back whatever the tense)
_MONTH_OPENER = re.compile(r"(?:^|[.!?][\"'’”]?\s+|\n)[\"'`(]*In\s+$")
_LOOKS_BACK = re.compile(r"\b[Ss]ince\s+$")


_OF_RELATIVE_YEAR = re.compile(r"\s+of\s+(?P<rel>next|last|this)\s+year\b", FLAGS)


def _year(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    return "DATE", m["y"], "absolute"


def _decade(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    digits = m["dec"]
    if len(digits) == 2:
        digits = ("19" if int(digits) > 20 else "20") + digits
    return "DATE", digits[:3], "absolute"


def _iso_date(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    try:
        day = iso(date(int(m["y"]), int(m["mo"]), int(m["d"])))
    except ValueError:
        return None
    if m.groupdict().get("h"):
        zone = m["z"] or ""
        zone = "Z" if zone in ("Z", "+00:00", "+0000", "-00:00") else zone
        return "TIME", f"{day}T{m['h']}:{m['mi']}{zone}", "absolute"
    return "DATE", day, "absolute"


def _end_of_unit(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"by the end of the week": the current week or month."""
    if ctx.reference is None:
        return "DATE", "XXXX-WXX" if m["u"].lower() == "week" else "XXXX-XX", "none"
    return "DATE", at_granularity(ctx.reference, m["u"].lower()), "publication"


def _slash_date(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    year = int(m["y"])
    year += 1900 if year < 100 and year > 30 else 2000 if year < 100 else 0
    try:
        return "DATE", iso(date(year, int(m["mo"]), int(m["d"]))), "absolute"
    except ValueError:
        return None


def _weekday(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    relation = {"past": "last", "previous": "last", "coming": "next"}.get(
        (m["rel"] or "").lower(), (m["rel"] or "").lower()
    )
    weekday = WEEKDAYS[m["wd"].lower()]
    # "Wednesday's ruling" names an event that has happened
    possessive = ctx.text.startswith(("'s", "’s"), m.end("wd"))
    value, anchor = _resolve_weekday(ctx, weekday, _future(ctx, m) and not possessive, relation)
    if ctx.reference is None:
        return "DATE", value, anchor
    kind, value, anchor = _with_part(m, ctx, "DATE", value, anchor)
    if m["part"]:
        kind = "DATE"  # TimeBank/AQUAINT annotate "Friday night" as a DATE three times in four
    return kind, value, anchor


_DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def _deictic(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    word = m["w"].lower()
    if ctx.reference is None:
        value = "PRESENT_REF" if word in ("today", "tonight") else "XXXX-XX-XX"
        return "DATE", value, "none"
    value = iso(ctx.reference + timedelta(days=_DEICTIC_DAYS[word]))
    if word == "tonight":
        return "TIME", f"{value}TNI", "publication"
    return _with_part(m, ctx, "DATE", value, "publication")


def _this_part(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    word = m["w"].lower()
    part = PARTS_OF_DAY[m["part"].lower()]
    if ctx.reference is None:
        return "TIME", f"XXXX-XX-XXT{part}", "none"
    shift = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(word, 0)
    day = ctx.reference + timedelta(days=shift)
    return "TIME", f"{iso(day)}T{part}", "publication"


def _next_part(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"the next morning": the day after the one the story is on (the last day-level date named
    within CLOCK_ANCHOR_WINDOW characters), else the day after publication."""
    part = PARTS_OF_DAY[m["part"].lower()]
    if (story := _narrative_day(ctx, m)) is not None:
        base, anchor = date.fromisoformat(story), "previous"
    elif ctx.reference is not None:
        base, anchor = ctx.reference, "publication"
    else:
        return "TIME", f"XXXX-XX-XXT{part}", "none"
    return "TIME", f"{iso(base + timedelta(days=1))}T{part}", anchor


def _this_century(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    if ctx.reference is None:
        return "DATE", "XX", "none"
    return "DATE", f"{ctx.reference.year // 100:02d}", "publication"


_REFS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "more recently": "PAST_REF",
    "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "the present": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF",
    "in the past": "PAST_REF", "once": "PAST_REF", "soon": "FUTURE_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "recent years": "PAST_REF", "the current": "PRESENT_REF", "current": "PRESENT_REF",
    "recent": "PAST_REF", "as soon as possible": "FUTURE_REF", "the years ahead": "FUTURE_REF",
}  # fmt: skip


def _ref(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    key = re.sub(r"\s+", " ", m[0].lower())
    key = key[3:] if key.startswith("in ") and key not in _REFS else key
    return "DATE", _REFS.get(key, "PRESENT_REF"), "publication"


_RELATION_SHIFT = {
    "last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
    "coming": 1, "following": 1, "that": 0,
}  # fmt: skip


def _relative_unit(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """this/last/next week|month|year|quarter|weekend, earlier this year, late last month."""
    relation = m["rel"].lower().split()[-1]
    unit = m["u"].lower()
    amount = _RELATION_SHIFT[relation]
    narrative = relation in ("following", "previous", "that") or (
        unit == "day" and relation == "next"
    )
    if narrative and ctx.previous is not None and unit in ("year", "month", "week", "day"):
        # "the following year", "that month": relative to the story's last date, not to today
        base = truncate_value(ctx.previous, unit)
        shifted = shift_value(base, amount, unit) if base and amount else base
        if shifted:
            return "DATE", shifted, "previous"
    if relation == "that" or unit == "day":
        return None  # "the last day of the talks" is no calendar day we can name
    if ctx.reference is None:
        return "DATE", "XXXX", "none"
    ref = ctx.reference
    if unit == "weekend":
        monday = ref - timedelta(days=ref.weekday())
        if relation in ("last", "past", "previous") or (relation == "this" and ref.weekday() < 5):
            monday -= timedelta(weeks=1) if relation != "this" else timedelta(0)
        if relation in ("next", "coming", "following"):
            monday += timedelta(weeks=1) if ref.weekday() >= 5 else timedelta(0)
        return "DATE", f"{iso_week(monday)}-WE", "publication"
    if unit in ("spring", "summer", "fall", "autumn", "winter"):
        season = SEASONS[unit]
        year = ref.year + amount
        if relation in ("last", "past", "previous"):
            start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
            year = ref.year if start_month + 3 <= ref.month else ref.year - 1
        return "DATE", f"{year}-{season}", "publication"
    base = at_granularity(ref, unit)
    value = shift_value(base, amount, unit) if amount else base
    return ("DATE", value, "publication") if value else None


def _the_weekend(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"the weekend": the coming one on weekdays late in the week, else the one just past."""
    if ctx.reference is None:
        return "DATE", "XXXX-WXX-WE", "none"
    ref = ctx.reference
    monday = ref - timedelta(days=ref.weekday())
    if ref.weekday() < 3 and not _future(ctx, m):
        monday -= timedelta(weeks=1)
    return "DATE", f"{iso_week(monday)}-WE", "publication"


def _offset(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"three days ago", "two weeks later", "a year earlier", "a day before"."""
    amount = parse_number(m["n"]) if m["n"] else 1
    unit = m["u"].lower().rstrip("s")
    unit = "century" if unit == "centurie" else unit
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "back") else 1
    if amount is None:
        if unit == "year" and direction == "ago" and ctx.reference is not None:
            return "DATE", f"{str(ctx.reference.year)[:3]}X", "publication"  # "a few years ago"
        if direction != "ago":
            # "a few days later": no day to name, and not the future of the reader either; the
            # length of time, as TimeBank annotates it ("A few days" P XD, 1 of 1)
            return "DURATION", _duration_value(None, unit), "none"
        return "DATE", "PAST_REF", "publication"
    if unit == "decade":
        unit, amount = "year", amount * 10  # "a decade ago" names a year, not a decade
    if unit in TIME_UNITS:
        # clock arithmetic needs a time of day we rarely have: the length of time, as TBAQ
        # annotates "(just over) an hour later", "72 hours after"
        return "DURATION", _duration_value(amount, unit), "none"
    anchor_value: str | None = None
    anchor = "publication"
    near_previous = ctx.previous is not None and m.start() - ctx.previous_end < 400
    if direction in ("later", "earlier", "before", "after") and near_previous:
        anchor_value, anchor = ctx.previous, "previous"
    elif direction == "ago" and unit == "year" and near_previous and "Q" in (ctx.previous or ""):
        anchor_value, anchor = ctx.previous, "previous"  # "up from $X a year ago" (quarters)
    if anchor_value is not None:
        # an anchor coarser than the unit ("a week later" after "In January") stays coarse
        shifted = shift_value(anchor_value, sign * amount, unit) or shift_coarse(
            anchor_value, sign * amount, unit
        )
        if shifted and unit == "year" and re.fullmatch(r"\d{4}-\d\d(-\d\d)?", shifted):
            shifted = shifted[:4]  # "a year earlier" than a month or day names a year
        if shifted:
            return "DATE", shifted, anchor
    if ctx.reference is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "none"
    ref = ctx.reference
    if unit == "day":
        day = ref + timedelta(days=sign * amount)
    elif unit == "week":
        day = ref + timedelta(weeks=sign * amount)
    elif unit in ("month", "quarter"):
        day = add_months(ref, sign * amount * (3 if unit == "quarter" else 1))
    elif unit == "year":
        day = add_months(ref, sign * amount * 12)
    elif unit == "decade":
        day = add_months(ref, sign * amount * 120)
    else:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "publication"
    return "DATE", at_granularity(day, unit), "publication"


def _year_earlier(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"year-earlier", "the year-ago quarter": the previous period, a year back. When the story
    last named the year before publication itself ("the 1988 period ... the year-ago
    results"), it is that year; a unit in the phrase sets the granularity
    ("the year-ago quarter" after "Sept. 30" is a quarter)."""
    if ctx.previous is not None:
        previous = ctx.previous
        year_before = ctx.reference is not None and previous == str(ctx.reference.year - 1)
        shifted = previous if year_before else shift_value(previous, -1, "year")
        if shifted:
            unit = re.search(r"(quarter|month|year)$", m[0].lower())
            day = re.fullmatch(r"\d{4}-\d\d-\d\d", shifted)
            if unit and day and unit[1] == "quarter":
                shifted = quarter_of(date.fromisoformat(shifted))
            elif unit and unit[1] in ("month", "year"):
                shifted = truncate_value(shifted, unit[1]) or shifted
            return "DATE", shifted, "previous"
    if ctx.reference is None:
        return "DATE", "PAST_REF", "none"
    return "DATE", str(ctx.reference.year - 1), "publication"


def _same_period(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"the same month a year ago", "the corresponding period last year": the period the story
    just named, a year back, at the phrase's granularity (a "period" after a day is the quarter
    that day closes: "the third quarter ended Sept. 30 ... the corresponding period last
    year"). With no period named before, the year before publication."""
    unit = m["u"].lower()
    shifted = shift_value(ctx.previous, -1, "year") if ctx.previous else None
    if not shifted or not _CALENDAR_VALUE.fullmatch(shifted):
        if ctx.reference is None:
            return "DATE", "PAST_REF", "none"
        return "DATE", str(ctx.reference.year - 1), "publication"
    day = re.fullmatch(r"\d{4}-\d\d-\d\d", shifted)
    if unit in ("period", "quarter") and day:
        shifted = quarter_of(date.fromisoformat(shifted))
    elif unit in ("month", "year"):
        shifted = truncate_value(shifted, unit) or shifted
    return "DATE", shifted, "previous"


def _duration_value(amount: int | None, unit: str) -> str:
    unit = "century" if unit == "centurie" else unit
    number = "X" if amount is None else str(amount)
    if unit == "decade":  # annotators write an unknown number of decades as some years
        return "PXY" if amount is None else f"P{amount * 10}Y"
    if unit == "half-hour":
        return "PT30M"
    code = UNIT_CODES[unit]
    return f"PT{number}{code}" if unit in TIME_UNITS else f"P{number}{code}"


def _clock_value(text: str) -> str | None:
    t = text.lower().strip()
    if t.startswith("noon") or t.startswith("midday"):
        return "12:00"
    if t.startswith("midnight"):
        return "24:00"
    m = re.match(r"(\d\d)(\d\d)\s?(?=utc|gmt)()", t) or re.match(
        r"(\d{1,2})(?::(\d\d))?\s?(a\.?m|p\.?m)?", t
    )
    if not m:
        return None
    hour = int(m[1])
    minute = int(m[2] or 0)
    later = re.search(r"(?:afternoon|evening|at night)$", t)  # "8 in the evening" is 20:00
    if ((m[3] and m[3].startswith("p")) or (later and hour >= 5)) and hour < 12:
        hour += 12
    if m[3] and m[3].startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    zulu = "Z" if re.search(r"\b(?:utc|gmt)$", t) else ""  # ISO 8601 marks UTC with Z
    return f"{hour:02d}:{minute:02d}{zulu}"


def _narrative_day(ctx: Context, m: re.Match[str]) -> str | None:
    """The day a bare clock time ("at 6 a.m.") belongs to when the story has just named one:
    the last day-level date, if it ends at most CLOCK_ANCHOR_WINDOW characters before."""
    previous = ctx.previous
    if previous is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", previous):
        return None
    if m.start() - ctx.previous_end > CLOCK_ANCHOR_WINDOW:
        return None
    return previous
