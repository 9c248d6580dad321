"""Calendar vocabulary and arithmetic on TimeML values (pure helpers for the timex rules)."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# --- vocabulary ---------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12,
    "a couple of": 2,
}  # fmt: skip
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of")
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4,
}
UNIT_CODES: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
    "quarter": "Q", "year": "Y", "decade": "E", "century": "C",
}  # fmt: skip
TIME_UNITS = {"second", "minute", "hour"}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "may day": (5, 1),
}  # fmt: skip

# Movable feasts: days from Easter Sunday.
EASTER_OFFSETS: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
    "palm sunday": -7,
}  # fmt: skip

# --- calendar arithmetic ------------------------------------------------------------------------


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def parse_number(word: str) -> int | None:
    word = word.lower().replace("-", " ").strip()
    if re.fullmatch(r"\d+", word):
        return int(word)
    if re.fullmatch(r"\d+\.\d+", word):
        return None
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    parts = word.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def iso(day: date) -> str:
    return day.isoformat()


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift_value(value: str, amount: int, unit: str) -> str | None:
    """Move a TimeML calendar value by ``amount`` units, keeping the value's own granularity
    when it is coarser than the unit ("1989-Q3" minus a year is "1988-Q3")."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        if unit == "day":
            return iso(day + timedelta(days=amount))
        if unit == "week":
            return iso(day + timedelta(weeks=amount))
        if unit == "month":
            return iso(add_months(day, amount))
        if unit == "year":
            return iso(add_months(day, 12 * amount))
        return None
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        if unit in ("month", "year", "quarter"):
            months = {"month": 1, "quarter": 3, "year": 12}[unit] * amount
            return add_months(date(int(m[1]), int(m[2]), 1), months).isoformat()[:7]
        return None
    if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
        if unit in ("quarter", "year"):
            index = int(m[1]) * 4 + int(m[2]) - 1 + (amount if unit == "quarter" else 4 * amount)
            return f"{index // 4}-Q{index % 4 + 1}"
        return None
    if m := re.fullmatch(r"(\d{4})-(H\d|SU|SP|FA|WI)", value):
        return f"{int(m[1]) + amount}-{m[2]}" if unit == "year" else None
    if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        if unit == "week":
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return iso_week(monday + timedelta(weeks=amount))
        if unit == "year":
            return f"{int(m[1]) + amount}-W{m[2]}"
        return None
    if m := re.fullmatch(r"(\d{4})", value):
        if unit == "year":
            return str(int(m[1]) + amount)
        if unit == "decade":
            return str(int(m[1]) + 10 * amount)
    return None


def shift_coarse(value: str, amount: int, unit: str) -> str | None:
    """Move a value coarser than ``unit`` ("a week after" a month) from its middle, keeping its
    own granularity: "1989-01" plus a week is still "1989-01", plus six weeks "1989-02"."""
    days = {"day": 1, "week": 7}.get(unit)
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        middle, shape = date(int(m[1]), int(m[2]), 15), "month"
    elif m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        middle, shape = date.fromisocalendar(int(m[1]), int(m[2]), 4), "week"
    elif m := re.fullmatch(r"(\d{4})-Q(\d)", value):
        middle, shape = date(int(m[1]), 3 * int(m[2]) - 1, 15), "quarter"
    elif m := re.fullmatch(r"(\d{4})", value):
        middle, shape = date(int(m[1]), 7, 1), "year"
    else:
        return None
    if days is not None:
        moved = middle + timedelta(days=days * amount)
    elif unit in ("month", "quarter"):
        moved = add_months(middle, amount * (3 if unit == "quarter" else 1))
    else:
        return None
    return at_granularity(moved, shape)


def at_granularity(day: date, unit: str) -> str:
    """The value of a day at the granularity a relative expression speaks in."""
    return {
        "day": iso(day),
        "week": iso_week(day),
        "month": iso(day)[:7],
        "quarter": quarter_of(day),
        "year": str(day.year),
        "decade": str(day.year)[:3],
        "century": str(day.year)[:2],
    }.get(unit, iso(day))


def truncate_value(value: str, unit: str) -> str | None:
    """A calendar value at a unit's granularity ("1998-10-23", "year" -> "1998")."""
    if unit == "year" and re.match(r"\d{4}", value):
        return value[:4]
    if unit == "month" and re.match(r"\d{4}-\d\d", value):
        return value[:7]
    if unit == "day" and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return value
    if unit == "week" and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return iso_week(date.fromisoformat(value))
    if unit == "week" and re.fullmatch(r"\d{4}-W\d\d", value):
        return value
    return None
