"""Normalisers of the other expressions: clipped and spoken years, durations, sets ("every
week"), quarters and halves, seasons, holidays, clock times, parts of the day, fiscal years and
centuries.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsprism.extract.dates.timex_calendar import (
    EASTER_OFFSETS,
    HOLIDAYS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNIT_CODES,
    VAGUE_NUMBERS,
    WEEKDAYS,
    easter,
    iso,
    iso_week,
    month_number,
    parse_number,
    quarter_of,
    shift_value,
)
from newsprism.extract.dates.timex_dates import (
    _DEICTIC_DAYS,
    _RELATION_SHIFT,
    _clock_value,
    _duration_value,
    _full_date,
    _narrative_day,
)
from newsprism.extract.dates.timex_patterns import FLAGS, Context, _g
from newsprism.extract.dates.timex_tense import (
    _future,
    _future_sentence,
    _nearest_year,
    _resolve_month_day,
    _resolve_weekday,
)

# With no reference date, a clipped year ("'08") below this is read in the 2000s, else the 1900s.
SHORT_YEAR_PIVOT = 50


def _short_year(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"in '08", "the crash of '87": the year with those last two digits nearest the reference
    date (a tie goes to the past)."""
    tail = int(m["sy"][1:])
    if ctx.reference is None:
        century = 2000 if tail < SHORT_YEAR_PIVOT else 1900
        return "DATE", str(century + tail), "none"
    ref = ctx.reference.year
    years = [c + tail for c in (ref // 100 * 100 - 100, ref // 100 * 100, ref // 100 * 100 + 100)]
    return "DATE", str(min(years, key=lambda y: (abs(y - ref), y > ref))), "publication"


# What stands before "a day" in a rate: a count of things, an amount or a number of times ("four
# flights a week", "$2 million a year", "24 hours a day", "twice a month").
_RATE_BEFORE = re.compile(
    r"(?:\b\d[\d,.]*\s+(?:[a-z]+\s+){0,2}|\b(?:million|billion|thousand|hundred|times|twice"
    r"|once|thrice|dollars|cents|percent)\s+|\b[a-z]{3,}s\s+)$"
)
_NOT_RATE_BEFORE = re.compile(
    r"\b(?:is|was|has|as|its|his|this|does|less|plus|unless|across|towards?|thus|lasts|takes"
    r"|spends|needs|remains|stays|waits|gets|seems|serves|requires|plans|expects)\s+$"
)


def _is_rate(m: re.Match[str], ctx: Context) -> bool:
    """"a week" in "four flights a week": a frequency (TimeML SET), not a length of time."""
    if m[0].lower() not in {f"a {u}" for u in ("day", "week", "month", "year")} | {"an hour"}:
        return False
    before = ctx.text[max(0, m.start() - 30) : m.start()]
    return bool(_RATE_BEFORE.search(before)) and not _NOT_RATE_BEFORE.search(before)


# "will one day be", "could one day replace": an unspecified day to come, not a length of time
_MODAL_BEFORE = re.compile(
    r"\b(?:will|would|could|may|might|can|should|shall|to|hopes?|hoped)\s+(?:\w+ly\s+)?$", FLAGS
)


def _duration(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    unit = m["u"].lower().rstrip("s")
    raw = (m["n"] or "").lower()
    if m[0].lower() == "one day" and _MODAL_BEFORE.search(
        ctx.text, max(0, m.start() - 30), m.start()
    ):
        return "DATE", "FUTURE_REF", "none"
    if _is_rate(m, ctx):
        return "SET", _duration_value(1, unit), "none"
    amount: int | None
    plural = re.search(r"s(?:-long|-old)?$", m[0].lower().rstrip())
    if not raw or (raw in ("a", "an") and plural):  # "a decades-long feud": many decades
        amount = None if plural else 1
    elif raw in VAGUE_NUMBERS or raw.replace("-", " ") in VAGUE_NUMBERS:
        amount = None
    else:
        amount = parse_number(raw)
        if amount is not None and 1900 <= amount < 2100 and unit in ("quarter", "year", "month"):
            return None  # "the 1988 quarter" names a period of a year, it is not 1988 quarters
        if amount is None:
            if re.fullmatch(r"\d+\.5|\d+\s1/2", raw):
                whole = float(raw.split()[0]) + 0.5 if "/" in raw else float(raw)
                return "DURATION", _half_value(whole, unit), "none"
            return None
    if unit == "weekend":
        return "DURATION", "P2D" if amount in (None, 1) else f"P{2 * amount}D", "none"
    if amount is not None and re.search(r"\band\s+a\s+half\b", m[0], re.IGNORECASE):
        return "DURATION", _half_value(amount + 0.5, unit), "none"  # "two and a half years"
    return "DURATION", _duration_value(amount, unit), "none"


def _half_value(amount: float, unit: str) -> str:
    smaller = {"year": (12, "M", False), "hour": (60, "M", True), "day": (24, "H", True),
               "month": (30, "D", False), "week": (7, "D", False), "minute": (60, "S", True)}
    factor, code, is_time = smaller.get(unit, (1, UNIT_CODES.get(unit, "D"), False))
    whole = int(amount)
    big = UNIT_CODES.get(unit, "D")
    rest = f"{int((amount - whole) * factor)}{code}"
    if is_time or unit in TIME_UNITS:
        return f"PT{whole}{big}{rest}" if unit in TIME_UNITS else f"P{whole}{big}T{rest}"
    return f"P{whole}{big}{rest}"


_SET_VALUES: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "quarterly": "P1Q", "biweekly": "P2W",
}  # fmt: skip


def _set(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    word = m[0].lower().split()
    if len(word) == 1:
        return "SET", _SET_VALUES[word[0]], "none"
    unit = word[-1].rstrip("s")
    if unit in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[unit] + 1}", "none"
    if word[-1] in SEASONS:
        return "SET", f"XXXX-{SEASONS[word[-1]]}", "none"  # "every summer"
    if word[-1] in MONTHS:
        return "SET", f"XXXX-{MONTHS[word[-1]]:02d}", "none"  # "each July"
    return "SET", _duration_value(1, unit), "none"


def _weekday_set(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"on Tuesdays", "Friday nights": every such day (or part of it)."""
    value = f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}"
    if m["part"]:
        value += f"T{PARTS_OF_DAY[m['part'].lower()]}"
    return "SET", value, "none"


def _quarter_rule(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    q = ORDINALS[m["q"].lower()]
    if m["y"] or m["y0"]:
        return "DATE", f"{m['y'] or m['y0']}-Q{q}", "absolute"
    if ctx.reference is None:
        return "DATE", f"XXXX-Q{q}", "none"
    ref = ctx.reference
    if relation := m["qrel"] or m["qrel0"]:
        return "DATE", f"{ref.year + _RELATION_SHIFT[relation.lower()]}-Q{q}", "publication"
    current = (ref.month - 1) // 3 + 1
    # a quarter still to come this year is last year's unless the sentence speaks of the future
    year = ref.year if q <= current or _future_sentence(ctx, m) else ref.year - 1
    if re.search(r"year-earlier|year-ago", m[0], re.IGNORECASE):
        year -= 1
    return "DATE", f"{year}-Q{q}", "publication"


def _half_rule(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    if m["h"].lower() == "last":  # "the last half of 1989"; without a year it may be a span
        return ("DATE", f"{m['y']}-H2", "absolute") if m["y"] else None
    h = ORDINALS[m["h"].lower()]
    if m["y"]:
        return "DATE", f"{m['y']}-H{h}", "absolute"
    if ctx.reference is None:
        return "DATE", f"XXXX-H{h}", "none"
    ref = ctx.reference
    year = ref.year if h == 1 or ref.month > 6 else ref.year - 1
    return "DATE", f"{year}-H{h}", "publication"


def _latest_quarter(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    if ctx.reference is None:
        return "DATE", "XXXX-QX", "none"
    # reports of "the latest quarter" speak of the last completed one
    return "DATE", shift_value(quarter_of(ctx.reference), -1, "quarter") or "", "publication"


_SPOKEN_TENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SPOKEN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip


def _spoken_year_value(text: str) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand and one" -> 2001; a bare "nineteen" is a
    number (None)."""
    words = re.findall(r"[a-z]+", text.lower())
    if words[:2] == ["the", "year"]:
        words = words[2:]
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + sum(_SPOKEN_TENS.get(w, _SPOKEN_UNITS.get(w, 0)) for w in rest)
    rest = [w for w in words[1:] if w != "oh"]
    if not rest:
        return None
    if rest == ["hundred"]:
        return 1900
    return 1900 + sum(_SPOKEN_TENS.get(w, _SPOKEN_UNITS.get(w, 0)) for w in rest)


def _spoken_year(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """Broadcast transcripts spell years out: "nineteen ninety-six", "the year two thousand"."""
    year = _spoken_year_value(m[0])
    return None if year is None else ("DATE", str(year), "absolute")


def _month_spoken_year(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    year = _spoken_year_value(m["sy"])
    if year is None:
        return None
    return "DATE", f"{year}-{month_number(m['m']):02d}", "absolute"


def _season_spoken_year(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    year = _spoken_year_value(m["sy"])
    if year is None:
        return None
    return "DATE", f"{year}-{SEASONS[m['s'].lower()]}", "absolute"


def _spoken_decade(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    tens = _SPOKEN_TENS[m["dw"].lower()[:-3] + "y"] if m["dw"].lower() != "twenties" else 20
    return "DATE", f"19{tens // 10}", "absolute"


def _year_ended(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"the year ended Sept. 30": a twelve-month accounting period, not a calendar year."""
    return "DURATION", "P1Y", "none"


def _mid_part(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"mid-morning": the part of the day the story is on (as for a bare clock time), or of the
    day named after it ("mid-afternoon yesterday")."""
    part = PARTS_OF_DAY[m["part"].lower()]
    if m["w"] and ctx.reference is not None:
        day = ctx.reference + timedelta(days=_DEICTIC_DAYS[m["w"].lower()])
        return "TIME", f"{iso(day)}T{part}", "publication"
    if (story := _narrative_day(ctx, m)) is not None:
        return "TIME", f"{story}T{part}", "previous"
    if ctx.reference is None:
        return "TIME", f"XXXX-XX-XXT{part}", "none"
    return "TIME", f"{iso(ctx.reference)}T{part}", "publication"


def _the_day(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"ended the day", "the same day": the day the story is on (as for a bare clock time)."""
    if (story := _narrative_day(ctx, m)) is not None:
        return "DATE", story, "previous"
    if ctx.reference is None:
        return "DATE", "XXXX-XX-XX", "none"
    return "DATE", iso(ctx.reference), "publication"


def _year_end(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    if ctx.reference is None:
        return "DATE", "XXXX", "none"
    return "DATE", str(ctx.reference.year), "publication"


def _season_alone(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    season = SEASONS[(m["s"] or m["s2"]).lower()]
    if ctx.reference is None:
        return "DATE", f"XXXX-{season}", "none"
    return "DATE", f"{ctx.reference.year}-{season}", "publication"


def _season(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    season = SEASONS[m["s"].lower()]
    if m["y"]:
        return "DATE", f"{m['y']}-{season}", "absolute"
    if ctx.reference is None:
        return "DATE", f"XXXX-{season}", "none"
    return "DATE", f"{ctx.reference.year}-{season}", "publication"


def _holiday_date(name: str, year: int) -> date:
    if name in EASTER_OFFSETS:
        return easter(year) + timedelta(days=EASTER_OFFSETS[name])
    if name.startswith("thanksgiving"):  # fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "election day":  # US: the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    month, day_of_month = HOLIDAYS[name]
    return date(year, month, day_of_month)


def _holiday(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    name = re.sub(r"\s+", " ", m["hol"].lower())
    if m["week"]:  # "Easter week", "Holy Week": the ISO week that ends on Easter Sunday
        name = "easter"
    if m["y"]:
        day, anchor = _holiday_date(name, int(m["y"])), "absolute"
    elif ctx.reference is None:
        if name.startswith("thanksgiving") or name == "election day":
            return "DATE", "XXXX-11", "none"
        if name in EASTER_OFFSETS:
            return "DATE", "XXXX-WXX" if m["week"] else "XXXX-XX-XX", "none"
        month, day_of_month = HOLIDAYS[name]
        return "DATE", f"XXXX-{month:02d}-{day_of_month:02d}", "none"
    else:
        year = _nearest_year(ctx.reference, lambda y: _holiday_date(name, y), _future(ctx, m))
        day, anchor = _holiday_date(name, year), "publication"
    return "DATE", iso_week(day) if m["week"] else iso(day), anchor


def _month_relative_year(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"June last year", "January this year"."""
    if ctx.reference is None:
        return "DATE", f"XXXX-{month_number(m['m']):02d}", "none"
    year = ctx.reference.year + _RELATION_SHIFT[m["rel"].lower()]
    return "DATE", f"{year}-{month_number(m['m']):02d}", "publication"


def _clock(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    time = _clock_value(m["clock"])
    if time is None:
        return None
    day: str | None = None
    anchor = "publication"
    if m["wd"]:
        day, anchor = _resolve_weekday(ctx, WEEKDAYS[m["wd"].lower()], _future(ctx, m))
    elif m["w"]:
        if ctx.reference is not None:
            day = iso(ctx.reference + timedelta(days=_DEICTIC_DAYS[m["w"].lower()]))
    elif m["m"]:
        day, anchor = _resolve_month_day(
            ctx, month_number(m["m"]), int(re.sub(r"\D", "", m["d"])), _future(ctx, m)
        )
    elif (narrative := _narrative_day(ctx, m)) is not None:
        day, anchor = narrative, "previous"
    elif ctx.reference is not None:
        day = iso(ctx.reference)
    if day is None or (ctx.reference is None and not day.startswith("XXXX")):
        day = day or "XXXX-XX-XX"
        anchor = "none"
    return "TIME", f"{day}T{time}", anchor


def _part_of_day_of(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    """"the morning of 7 January"."""
    part = PARTS_OF_DAY[m["part"].lower()]
    if m["y"]:
        base = _full_date(m, ctx)
        if base is None:
            return None
        value, anchor = base[1], "absolute"
    else:
        value, anchor = _resolve_month_day(
            ctx, month_number(_g(m, "m") or ""), int(re.sub(r"\D", "", _g(m, "d") or "")),
            _future(ctx, m),
        )
    return "TIME", f"{value}T{part}", anchor


def _fiscal_year(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    return "DATE", m["y"], "absolute"


def _century(m: re.Match[str], ctx: Context) -> tuple[str, str, str] | None:
    n = int(re.sub(r"\D", "", m["c"]))
    return "DATE", f"{n - 1:02d}", "absolute"


