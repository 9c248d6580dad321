"""The pieces the English time rules are built from: tuned constants, regular-expression parts
(months, weekdays, numbers, clock times) and the result types (``Timex``, ``Context``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from newsprism.extract.dates.timex_calendar import NUMBER_WORDS, VAGUE_NUMBERS

# A year-less "7 January" is read in the year that puts it nearest the reference date, but news
# mostly reports the past: distances into the future count this many times more (the reverse
# when the clause has a future cue). Calibrated on TimeBank/AQUAINT year-less dates (1.5-3 all
# did about equally; 2 is the middle).
TENSE_BIAS = 2.0
# In a future clause ("will be named commander for a mission in December") a date already past
# is far less likely than TENSE_BIAS says: TimeBank value F1 +1 match at 5-10, none lost on
# AQUAINT or MEANTIME (at 100 AQUAINT loses one: "as early as" plans that are reported late).
FUTURE_TENSE_BIAS = 5.0
# How many characters before a weekday or date a future cue ("will") may stand to count.
FUTURE_CUE_WINDOW = 60
# How far after a sentence-opening weekday or date ("On Tuesday, <subject> plans to") the future
# cue may stand: room for a long subject. 80-200 scored the same on TBAQ/MEANTIME.
FUTURE_CUE_AFTER_WINDOW = 120

# A clock time with no day of its own ("at 6 a.m.") takes the day of the last day-level date
# named at most this many characters before it (about two sentences), else the publication day.
# Calibrated on TimeBank/AQUAINT/MEANTIME clock times (300-5000 scored the same; 150 loses one).
CLOCK_ANCHOR_WINDOW = 400
# How far (characters) around a year-less date the sentence-level tense test reads. Only its
# "future" answer moves a date: weighting the side a past-tense verb points to more strongly
# than TENSE_BIAS (3-10) lowered TimeBank value F1 (0.820 -> 0.810 at 10), as year-less dates
# after a past verb are often near deadlines ("payable Dec. 15 to holders of record Nov. 20").
SENTENCE_WINDOW = 250

# --- regular-expression pieces ------------------------------------------------------------------

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_MONTH_NOMAY = _MONTH.replace("|May", "")
# a month standing alone must be spelled out or carry its abbreviation dot ("Jan" is a name)
_MONTH_ALONE = re.sub(r"\\\.\?", r"\\.", _MONTH_NOMAY)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_NUM_WORD = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_NUM = (
    r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
    rf"(?:one|two|three|four|five|six|seven|eight|nine)|{_NUM_WORD})"
)
_VAGUE = "|".join(re.escape(w) for w in VAGUE_NUMBERS)
_UNIT = r"(?:second|minute|hour|day|week|month|quarter|year|decade|century|centurie)"
_PART = r"(?:morning|afternoon|evening|night)"
_APPROX = (
    r"(?:(?:more|less|fewer) than|nearly|almost|about|around|roughly|approximately|some"
    r"|up to|at least|at most|no more than|no less than)"
)
_CLOCK = (
    r"(?:\d{1,2}(?::\d\d)?\s?(?:a\.m\.?|p\.m\.?|am\b|pm\b)|\d{1,2}:\d\d|noon|midnight|midday"
    r"|\d{1,2}(?::\d\d)?\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)"
    r"|(?:[01]\d|2[0-3])[0-5]\d(?=\s?(?:GMT|UTC)\b))"  # "0800 UTC": a 24-hour clock
    r"(?:\s(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|local time))?"
)

FLAGS = re.IGNORECASE


def _after(*words: str) -> str:
    """A lookbehind for any of ``words`` plus a space or hyphen (re needs fixed widths)."""
    return "(?:" + "|".join(rf"(?<=\b{w}[ -])" for w in words) + ")"


def _rx(pattern: str, flags: int = FLAGS) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){pattern}(?![\w])", flags)


# --- results ------------------------------------------------------------------------------------


@dataclass
class Timex:
    """A normalised time expression in a text (plain; the component wraps it in the model)."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    anchor: str = "none"  # absolute, publication, previous, none

    @property
    def date(self) -> str | None:
        return self.value[:10] if re.fullmatch(r"\d{4}-\d\d-\d\d(T.*)?", self.value) else None


@dataclass
class Context:
    """What normalisation may look at: the reference date and the previous anchorable date."""

    text: str
    reference: date | None
    previous: str | None = None  # last calendar value seen (for "two days later")
    previous_end: int = -1


Normaliser = Callable[[re.Match[str], Context], tuple[str, str, str] | None]


def _g(m: re.Match[str], name: str) -> str | None:
    """A named group, or its twin from the other word order (``m``/``m2``)."""
    groups = m.groupdict()
    return groups.get(name) or groups.get(name + "2")


_CALENDAR_VALUE = re.compile(r"\d{4}(?:-(?:\d\d(?:-\d\d)?|Q\d|H\d|W\d\d))?")
