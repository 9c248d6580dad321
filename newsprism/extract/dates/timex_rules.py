"""Rule-based recognition and TimeML normalisation of time expressions in English news text.

Pure functions over a plain string, so the same code serves the spaCy component, the TempEval
benchmark and publication-time inference. Recognition is a set of compiled regular expressions
(fast: no tokeniser or parser needed); each match is normalised in document order so that
expressions such as "two days later" or "a year earlier" can anchor on the previous date.

Span conventions follow the TimeML guidelines as applied in TimeBank: determiners and temporal
modifiers belong to the expression ("the past two months", "nearly two years", "late November"),
prepositions do not ("on Friday" -> "Friday").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from newsprism.extract.dates.timex_calendar import (
    EASTER_OFFSETS,
    HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNIT_CODES,
    VAGUE_NUMBERS,
    WEEKDAYS,
    add_months,
    at_granularity,
    easter,
    iso,
    iso_week,
    month_number,
    parse_number,
    quarter_of,
    shift_coarse,
    shift_value,
    truncate_value,
)
from newsprism.extract.dates.timex_prefilter import StartFilter

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

# --- tense ----------------------------------------------------------------------------------------


_FUTURE_CUE = re.compile(
    r"(?:\b(?:will|shall|would|should|going to|scheduled|slated|plans? to|planned"
    r"|planning|expected to|is to|are to|upcoming|until|till|set (?:for|to)|due (?:on|to)"
    r"|as (?:soon|early) as)\b|'ll\b)",
    FLAGS,
)


_PAST_CUE = re.compile(r"\b(?:said|says|was|were|had|hadn't|did|didn't|\w{3,}ed)\b", FLAGS)
_PAST_PERFECT = re.compile(r"\b(?:had|hadn't)\b", FLAGS)
# what may stand between a sentence start and an expression that opens the sentence
_SENTENCE_OPENER = re.compile(r"[\s\"'`(]*(?:(?:on|by|from|early|late|until|till)\s+)?", FLAGS)


def _future(ctx: Context, m: re.Match[str]) -> bool:
    """Whether the clause speaks of the future (tense cue for year-less dates and weekdays): a
    future cue shortly before the expression, within its sentence ("until" not when the verb is
    past perfect: "Until Thursday, they had not ..."); or, when the expression opens the
    sentence ("On Tuesday, the league plans to ..."), a future cue after it with no past-tense
    verb in between."""
    return in_future_clause(ctx.text, m.start(), m.end())


def in_future_clause(text: str, start: int, end: int) -> bool:
    """Whether the expression at ``[start, end)`` sits in a clause about the future (see
    :func:`_future`)."""
    stop = text.rfind(". ", 0, start)
    sentence_start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    sentence_end = text.find(". ", end)
    sentence_end = len(text) if sentence_end < 0 else sentence_end
    # the clause: back to the sentence start or a comma/semicolon, at most the window
    left = max(sentence_start - 1, text.rfind(", ", 0, start), text.rfind("; ", 0, start))
    left = max(left + 1, start - FUTURE_CUE_WINDOW)
    cues = list(_FUTURE_CUE.finditer(text, left, start))
    if cues:
        cue = cues[-1]
        if cue[0].lower() not in ("until", "till"):
            return not _plan_in_past(text, cue, end, sentence_end)
        return not _PAST_PERFECT.search(text, end, min(sentence_end, end + FUTURE_CUE_WINDOW))
    if not _SENTENCE_OPENER.fullmatch(text, sentence_start, start):
        return False
    right = min(sentence_end, end + FUTURE_CUE_AFTER_WINDOW)
    after = _FUTURE_CUE.search(text, end, right)
    return after is not None and not _PAST_CUE.search(text, end, after.end())  # "planned to"


# Irregular past-tense verbs frequent in news (regular ones end in -ed).
_IRREGULAR_PAST = (
    "said|told|was|were|had|did|began|bought|brought|came|caught|chose|drew|drove|fell|felt"
    "|fled|fought|found|gave|got|grew|heard|held|hit|kept|knew|led|left|lost|made|meant|met"
    "|paid|put|ran|rose|sank|sat|saw|sent|set|shot|shut|sold|spent|spoke|stood|struck|swore"
    "|took|thought|threw|won|wrote|became|broke|hung|laid|lent|overtook|forgot|hadn't|didn't"
    "|wasn't|weren't"
)
# A past-tense verb: irregular, or a word in -ed that is not one of the few common -eed/-red
# words that are no verbs in the past ("need", "hundred", "United" is a name and capitalised).
_PAST_VERB = re.compile(
    rf"\b(?:{_IRREGULAR_PAST}|(?![Uu]nited\b)\w{{2,}}(?<!e)ed|\w+ied)\b(?!-)", FLAGS
)
_SENTENCE_END = re.compile(r"[.!?][\"'’”]?\s+(?=[\"'`(]*[A-Z])|\n")


def clause_tense(text: str, start: int, end: int) -> str:
    """The tense that governs a year-less date at ``[start, end)``: "future" when
    :func:`in_future_clause` says so; else the tense of the nearest verb cue before it in the
    sentence ("Since KKR bought RJR in February"), or of the first one after it when none stands
    before ("In January, the company brought in ..."); "" when the sentence shows none. A future
    cue farther back in the sentence counts too ("will almost double its flights ... by
    August")."""
    if in_future_clause(text, start, end):
        return "future"
    sentence_start = 0
    for stop in _SENTENCE_END.finditer(text, max(0, start - SENTENCE_WINDOW), start):
        sentence_start = stop.end()
    stop = _SENTENCE_END.search(text, end, end + SENTENCE_WINDOW)
    sentence_end = stop.start() if stop else min(len(text), end + SENTENCE_WINDOW)
    left = max(sentence_start, start - SENTENCE_WINDOW)
    cues = [(c.end(), "future") for c in _FUTURE_CUE.finditer(text, left, start)]
    cues += [(c.end(), "past") for c in _past_verbs(text, left, start)]
    if cues:
        return max(cues)[1]  # the nearest; a future cue wins a tie ("planned", "expected")
    after = [(c.start(), "future") for c in _FUTURE_CUE.finditer(text, end, sentence_end)]
    after += [(c.start(), "past") for c in _past_verbs(text, end, sentence_end)]
    return min(after, key=lambda c: (c[0], c[1] != "future"))[1] if after else ""


# "be named", "being held": a participle after "be" is a passive, not a past tense ("will be
# named commander for a mission in December")
_PASSIVE_BE = re.compile(r"\b(?:be|being)\s+(?:\w+ly\s+)?$", FLAGS)


def _past_verbs(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The past-tense verbs in ``text[start:end]`` (see _PAST_VERB), passives after "be" left
    out."""
    return [
        v for v in _PAST_VERB.finditer(text, start, end)
        if not _PASSIVE_BE.search(text, max(0, v.start() - 20), v.start())
    ]  # fmt: skip


# A plan told in the past: "had been scheduled to expire Friday", "as previously planned
# Saturday night"; or a plan the clause then says was dropped ("A service planned for Saturday
# was canceled").
_PLAN_CUE = re.compile(r"scheduled|slated|planned|due (?:on|to)|set (?:for|to)|expected to", FLAGS)
_PAST_PLAN_BEFORE = re.compile(
    r"\b(?:had(?:\s+been)?|hadn't(?:\s+been)?|previously|originally|initially|once)\s+$",
    FLAGS,
)
_PLAN_DROPPED_AFTER = re.compile(
    r"^[^,;.]{0,40}?\b(?:was|were|had been)\s+(?:\w+ly\s+)?"
    r"(?:canceled|cancelled|called off|postponed|scrapped|delayed|moved|put off|abandoned)\b",
    FLAGS,
)


def _plan_in_past(text: str, cue: re.Match[str], end: int, sentence_end: int) -> bool:
    """Whether a plan cue ("scheduled", "planned") speaks of a plan made or dropped in the past,
    so that it does not put the date in the future."""
    if not _PLAN_CUE.fullmatch(cue[0]):
        return False
    if _PAST_PLAN_BEFORE.search(text, max(0, cue.start() - 20), cue.start()):
        return True
    return bool(_PLAN_DROPPED_AFTER.match(text[end:sentence_end]))


def _nearest_year(ref: date, make: Callable[[int], date], future: bool) -> int:
    """The year (around the reference's) that puts a year-less date nearest, tense-weighted."""

    def cost(year: int) -> float:
        gap = (make(year) - ref).days
        ahead = gap > 0
        weight = 1.0 if ahead == future else (FUTURE_TENSE_BIAS if future else TENSE_BIAS)
        return abs(gap) * weight

    return min((ref.year - 1, ref.year, ref.year + 1), key=cost)


def _resolve_month_day(ctx: Context, month: int, day: int, future: bool) -> tuple[str, str]:
    ref = ctx.reference
    if ref is None:
        return f"XXXX-{month:02d}-{day:02d}", "none"

    def make(year: int) -> date:
        try:
            return date(year, month, day)
        except ValueError:  # 29 February in a common year
            return date(year, month, 28)

    return iso(make(_nearest_year(ref, make, future))), "publication"


def _future_sentence(ctx: Context, m: re.Match[str]) -> bool:
    """The tense test for year-less months and days: the whole sentence (:func:`clause_tense`),
    where a weekday keeps to its clause (:func:`_future`)."""
    return clause_tense(ctx.text, m.start(), m.end()) == "future"


def _resolve_month(ctx: Context, month: int, future: bool, relation: str = "") -> tuple[str, str]:
    ref = ctx.reference
    if ref is None:
        return f"XXXX-{month:02d}", "none"
    year = ref.year
    if relation == "last":
        year = ref.year if month < ref.month else ref.year - 1
    elif relation == "next":
        year = ref.year if month > ref.month else ref.year + 1
    elif relation == "this":
        year = ref.year  # "this September": the current year's, whichever side of today
    elif month != ref.month:
        year = _nearest_year(ref, lambda y: date(y, month, 15), future)
    return f"{year}-{month:02d}", "publication"


def _resolve_weekday(
    ctx: Context, weekday: int, future: bool, relation: str = ""
) -> tuple[str, str]:
    ref = ctx.reference
    if ref is None:
        return f"XXXX-WXX-{weekday + 1}", "none"
    delta = weekday - ref.weekday()
    if relation == "next" or (future and relation != "last"):
        day = ref + timedelta(days=delta % 7 or (7 if relation == "next" else 0))
    elif relation == "last":
        day = ref - timedelta(days=(-delta) % 7 or 7)
    else:
        day = ref - timedelta(days=(-delta) % 7)
    return iso(day), "publication"


# --- normalisers (one per rule) -----------------------------------------------------------------


def _g(m: re.Match[str], name: str) -> str | None:
    """A named group, or its twin from the other word order (``m``/``m2``)."""
    groups = m.groupdict()
    return groups.get(name) or groups.get(name + "2")


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


def _duration_value(amount: int | None, unit: str) -> str:
    unit = "century" if unit == "centurie" else unit
    number = "X" if amount is None else str(amount)
    if unit == "decade":  # annotators write an unknown number of decades as some years
        return "PXY" if amount is None else f"P{amount * 10}Y"
    if unit == "half-hour":
        return "PT30M"
    code = UNIT_CODES[unit]
    return f"PT{number}{code}" if unit in TIME_UNITS else f"P{number}{code}"


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


# --- the rule table -----------------------------------------------------------------------------

_D = rf"(?P<d>{_DAY})"
_M = rf"(?P<m>{_MONTH})"
_D2 = rf"(?P<d2>{_DAY})"
_M2 = rf"(?P<m2>{_MONTH})"
_Y = rf"(?P<y>{_YEAR})"
_WD_PREFIX = rf"(?:(?P<wd>{_WEEKDAY}),?[ \t]+)?"  # never across a line break (title, dateline)
_EARLY = r"(?:(?:early|late|mid|the (?:beginning|end|middle) of|the start of)[- ]\s*)?"
_SPOKEN_YEAR_TAIL = (
    r"(?:[- ](?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|[- ]hundred|[- ](?:oh[- ])?(?:one|two|three|four|five|six|seven|eight|nine))"
)
_SPOKEN_YEAR = rf"(?:nineteen|two thousand(?: and)?){_SPOKEN_YEAR_TAIL}?"
# after a month a bare "nineteen" is a day ("January nineteen"), so a year needs its tail
_SPOKEN_YEAR_AFTER_MONTH = rf"(?:nineteen{_SPOKEN_YEAR_TAIL}|two thousand{_SPOKEN_YEAR_TAIL}?)"

RULES: list[tuple[str, re.Pattern[str], Normaliser]] = [
    ("part_of_day_of", _rx(
        rf"(?:the\s+)?(?P<part>{_PART}|night)\s+of\s+(?:(?:{_WEEKDAY}),?\s+)?"
        rf"(?:{_D}\s+{_M}|{_M2}\s+{_D2})(?:,?\s+{_Y})?"), _part_of_day_of),
    ("month_day_year", _rx(
        rf"{_EARLY}{_WD_PREFIX}(?:{_M}\s*{_D},?\s+{_Y}|{_D2}\s+(?:of\s+)?{_M2},?\s+(?P<y2>{_YEAR}))"),
        _full_date),
    ("clock", _rx(
        rf"(?:(?:about|around|approximately|shortly (?:before|after)|just (?:before|after))\s+)?"
        rf"(?P<clock>{_CLOCK})(?:,?\s+(?:on\s+)?(?:(?P<wd>{_WEEKDAY})|(?P<w>today|yesterday|tomorrow)"
        rf"|(?:{_M}\s+{_D})))?"), _clock),
    ("week_of", _rx(rf"the\s+week\s+of\s+(?:{_M}\s*{_D}|{_D2}\s+(?:of\s+)?{_M2})(?:,?\s+{_Y})?"),
        _week_of),
    ("month_day", _rx(
        rf"{_EARLY}{_WD_PREFIX}(?:{_M}\s*{_D}(?!\s*\d)|{_D2}\s+(?:of\s+)?{_M2}(?!,?\s*\d{{4}}))"
        rf"(?:\s+(?P<part>{_PART}))?"), _month_day),
    # the second day of "5-6 January" (the first is added by _with_range_days)
    ("range_day_month", re.compile(
        rf"(?<=\d[-–]){_D2}\s+(?:of\s+)?{_M2}(?:,?\s+{_Y})?(?![\w])", FLAGS), _range_day),
    ("iso_date", _rx(
        r"(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)"
        r"(?:T(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?P<z>Z|[+-]\d\d:?\d\d)?)?"),
        _iso_date),
    # day-first with dots, as European and Russian sources write it: 2.1.2022, 07.01.2022
    ("dotted_date", _rx(r"(?P<d>[12]\d|3[01]|0?[1-9])\.(?P<mo>1[0-2]|0?[1-9])\.(?P<y>\d{4})"),
        _iso_date),
    ("end_of_unit", _rx(
        r"the\s+(?:end|beginning|start|middle)\s+of\s+the\s+(?P<u>week|month)"), _end_of_unit),
    ("slash_date", _rx(r"(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})"), _slash_date),
    ("month_year", _rx(rf"{_EARLY}(?:(?:last|this|next)\s+)?{_M},?\s+(?:of\s+)?{_Y}"),
        _month_year),
    ("month_relative_year", _rx(
        rf"{_EARLY}(?P<m>{_MONTH})\s+(?P<rel>last|this|next)\s+year"), _month_relative_year),
    ("month_alone", _rx(
        r"(?:(?:early|late|mid|the (?:beginning|end|middle) of)[- ]\s*"
        r"|(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)\s+)?"
        rf"(?P<m>{_MONTH_ALONE}|"
        + _after("in", "since", "until", "by", "early", "late", "last", "next", "this", "mid")
        + r"May)"
        r"(?!\s*\d)(?![-\w])", flags=0), _month_alone),
    ("holiday", _rx(
        r"(?P<hol>Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Independence Day|Halloween"
        rf"|Valentine's Day|Thanksgiving(?: Day)?|Election Day|Good Friday|Palm Sunday"
        r"|(?P<week>Easter|Holy) [Ww]eek"
        r"|Easter(?: Sunday| Monday| Day)?(?! (?:Island|Rising|[Ee]ggs?|[Bb]unny|[Pp]arade))"
        rf")(?:,?\s+{_Y})?", flags=0),
        _holiday),
    ("season", _rx(
        rf"(?:(?:early|late|mid)[- ]\s*)?(?P<s>spring|summer|fall|autumn|winter)\s+(?:of\s+)?{_Y}"),
        _season),
    ("century", _rx(
        r"(?:the\s+)?(?:early\s+|late\s+|mid-)?(?P<c>\d{1,2}(?:st|nd|rd|th))[- ]century"),
        _century),
    ("year_period", _rx(rf"the\s+{_Y}\s+(?:period|fiscal year|year)"), _year),
    ("fiscal_year", _rx(rf"(?:the\s+)?fiscal(?:\s+year)?\s+{_Y}"), _fiscal_year),
    ("quarter", _rx(
        rf"(?:the\s+|(?P<qrel0>this|last|next)\s+year's\s+)?(?:(?P<y0>{_YEAR})\s+)?"
        r"(?:(?:fiscal|calendar|latest|current|last|previous|year-earlier|year-ago)\s+)?"
        rf"(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter"
        rf"(?:(?:\s+of|,)?\s+{_Y}|\s+of\s+(?P<qrel>last|this|next)\s+year)?"), _quarter_rule),
    ("half", _rx(
        rf"(?:the\s+)?(?P<h>first|second|last)[- ]half(?:\s+of\s+(?:the\s+year\s+)?{_Y})?"),
        _half_rule),
    ("latest_quarter", _rx(
        r"the\s+(?:(?:latest|most recent|recent|past|last|just-ended|just-completed)\s+)?"
        r"(?:quarter|period)"
        r"(?!\s+(?:century|of)\b)"), _latest_quarter),
    ("the_weekend", _rx(r"the\s+weekend"), _the_weekend),
    ("year_earlier", _rx(
        r"(?:the\s+(?=\S+\s+(?:quarter|period|month|year)\b))?"
        r"(?:year-earlier|year-ago|year earlier|prior-year|previous-year)"
        r"(?:\s+(?:quarter|period|month|year))?"), _year_earlier),
    # "the same month a year ago", "the corresponding period last year": one expression
    ("same_period", _rx(
        r"(?:the\s+)?(?:same|corresponding|comparable|like)\s+(?P<u>period|quarter|month|year)"
        r"\s+(?:a\s+year\s+(?:ago|earlier|before)|last\s+year"
        r"|(?:of|in)\s+(?:the\s+)?(?:last|previous|prior)\s+year|the\s+(?:previous|prior)\s+year)"),
        _same_period),
    # a clipped year after a word that takes a date ("in '08 and '12", "the crash of '87");
    # elsewhere an apostrophe and two digits open quotes and titles ("'13 Hours'")
    ("short_year", _rx(
        _after("in", "of", "since", "by", "until", "and", "or", "to", "from", "before", "after")
        + r"(?P<sy>['‘’]\d\d)(?![\w'’‘%-])"), _short_year),
    ("spoken_year", _rx(rf"(?:the\s+year\s+)?{_SPOKEN_YEAR}"), _spoken_year),
    # broadcast transcripts: "January nineteen ninety-seven", "the winter of nineteen ninety-four"
    ("month_spoken_year", _rx(rf"{_M},?\s+(?:of\s+)?(?P<sy>{_SPOKEN_YEAR_AFTER_MONTH})"),
        _month_spoken_year),
    ("season_spoken_year", _rx(
        rf"(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)\s+of\s+(?P<sy>{_SPOKEN_YEAR})"),
        _season_spoken_year),
    ("spoken_decade", _rx(r"the\s+(?P<dw>twenties|thirties|forties|fifties|sixties|seventies"
                          r"|eighties|nineties)"), _spoken_decade),
    ("year_ended", _rx(r"the\s+(?:fiscal\s+)?year(?=\s+end(?:ed|ing)\b)"), _year_ended),
    ("mid_part", _rx(
        r"mid[- ]?(?P<part>morning|afternoon)(?:\s+(?P<w>yesterday|today|tomorrow))?"), _mid_part),
    ("year_end", _rx(
        r"(?:the\s+(?:end|beginning|start|middle)\s+of\s+(?:the|this)\s+year|year(?:'s|-)?\s?end"
        r"|the\s+(?:current\s+)?"
        r"(?:full|fiscal|calendar)\s+year|the\s+current\s+(?:fiscal\s+)?year)"), _year_end),
    # "for the year", "earlier in the year", "the first nine months of the year": the current
    # year of a report (TimeBank annotates these 32 times in 33); "the year ended ..." is above
    ("the_year", _rx(
        r"(?:(?:earlier|later)\s+in\s+|(?<=\bfor )|(?<=\bmonths of )|(?<=\bweeks of ))"
        r"the\s+year(?!\s+(?:ended|ending|to|through|before|after|earlier|ago|two|nineteen)\b)"
        r"(?![-\w]|\s+\d)"), _year_end),
    # market reports: "ended the day up 2%", "For the day, the index fell", "the same day"
    ("the_day", _rx(
        r"(?:(?<=\bend )|(?<=\bends )|(?<=\bended )|(?<=\bending )|(?<=\bfinish )"
        r"|(?<=\bfinished )|(?<=\bfinishing )|(?<=\bfor )|(?<=\bFor )"
        r"|the\s+(?:start|end|beginning|close)\s+of\s+)the\s+day(?![-\w])(?!\s+(?:before|after)\b)"
        r"|the\s+same\s+day(?![-\w])"), _the_day),
    ("season_alone", _rx(
        r"(?:the\s+)?(?:(?:early|late|mid)[- ]\s*)?(?P<s>summer|winter|autumn)"
        r"|the\s+(?:(?:early|late)\s+)?(?P<s2>spring|fall)(?!\s+of\b)"), _season_alone),
    ("decade", _rx(
        r"(?:the\s+)?(?:early\s+|late\s+|mid-)?(?:'|’)?(?P<dec>(?:1[6-9]|20)?\d0)(?:'|’)?s"),
        _decade),
    ("year", _rx(
        rf"{_EARLY}(?:(?:pre|post)-)?(?:(?:the\s+)?year\s+)?{_Y}(?![-/%,.]\d)"
        r"(?!\s*(?:%|percent))"), _year),
    ("offset", _rx(
        rf"(?:{_APPROX}\s+)?(?:(?P<n>{_NUM}|{_VAGUE})[\s-]+)(?P<u>{_UNIT})s?\s+(?:or\s+so\s+)?"
        r"(?P<dir>ago|earlier|later|from now|hence|back|(?:before|after)(?=\s*(?:[,.;:)]|$)))"
        r"(?!\s+(?:the|that|this|a|an|it|he|she|they|his|her|its|their)\b)"), _offset),
    ("next_part", _rx(rf"(?:the\s+)?(?:next|following)\s+(?P<part>{_PART})"), _next_part),
    ("this_century", _rx(r"(?:this|the\s+(?:current|present))\s+century"), _this_century),
    ("past_decade", _rx(
        r"(?:the\s+)?(?:past|last|previous)\s+(?P<n>)(?P<u>decade|century)(?![-\w])"), _duration),
    ("this_part", _rx(
        rf"(?:(?:earlier|later)\s+)?(?P<w>this|last|tomorrow|yesterday)\s+(?P<part>{_PART})"),
        _this_part),
    ("weekday", _rx(
        r"(?:(?:early|late|(?:the\s+)?(?P<rel>[Ll]ast|[Nn]ext|[Tt]his"
        r"|[Pp]ast|[Cc]oming|[Pp]revious))\s+)?"
        rf"(?P<wd>{_WEEKDAY})(?![ \t]*,?[ \t]*{_MONTH})"  # "Friday\nSeptember 18": a title's end
        rf"(?:\s+(?:(?P<part>{_PART})|(?:at\s+)?(?P<clock>{_CLOCK})))?", flags=0), _weekday),
    ("deictic", _rx(
        r"(?:(?:late|early|earlier|later)\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?:'s)?(?![\w'])"
        r"(?:\s+(?P<part>morning|afternoon|evening))?"), _deictic),
    ("relative_unit", _rx(
        r"(?:(?:earlier|later|early|late|the\s+(?:end|beginning|start|middle)\s+of)\s+)?"
        r"(?:the\s+)?(?P<rel>last|this|next|past|previous|current|coming|following|that)\s+"
        r"(?P<u>week|weekend|month|year|quarter|spring|summer|fall|autumn|winter|day)(?!s)"
        r"(?![-\w])"), _relative_unit),
    ("set", _rx(
        r"(?:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly"
        r"|(?:every|each|per)\s+(?:second|minute|hour|day|week|month|quarter|year"
        r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|fall|autumn"
        r"|winter|january|february|march|april|may|june|july|august|september|october"
        r"|november|december))"), _set),
    ("weekday_set", _rx(
        rf"(?P<wd>{_WEEKDAY})(?:s|\s+(?P<part>morning|afternoon|evening|night)s)", flags=0),
        _weekday_set),
    ("duration", _rx(
        rf"(?:the\s+)?(?:{_APPROX}\s+)?"
        r"(?:(?:the\s+)?(?:past|last|next|first|coming|previous|following|final|latest|initial)"
        r"\s+)?"
        rf"(?:(?P<n>\d+\s1/2|{_NUM}|{_VAGUE}|\d+\.5)[\s-]+)(?:and\s+a\s+half\s+)?"
        r"(?:(?:more|additional|further|extra|straight|consecutive|successive)\s+)?"
        r"(?:(?:trading|business|working)\s+(?=days?\b|weeks?\b))?"
        rf"(?P<u>{_UNIT}|weekend)s?(?:-long|-old|\s+and\s+a\s+half(?![\w-]))?"), _duration),
    ("coming_units", _rx(r"(?:the\s+)?coming\s+(?P<n>)(?P<u>days|weeks|months|years)"), _duration),
    ("long_units", _rx(r"(?P<n>)(?P<u>hours?|days?|weeks?|months?|years?|decades?)-long"),
        _duration),
    ("recent_units", _rx(r"recent\s+(?P<n>)(?P<u>days|weeks|months|decades)"), _duration),
    # "over the years", "in the years that followed": an unknown number of years
    ("the_years", _rx(_after("over", "in", "during", "Over", "In", "During")
                      + r"the\s+(?P<n>)(?P<u>years|decades)(?![-\w])(?!\s+(?:of|to|ahead)\b)"),
        _duration),
    ("duration_bare", _rx(
        _after("for", "over", "in", "within", "past", "last", "recent", "coming", "next")
        + r"(?P<n>)(?P<u>years|months|weeks|decades|centuries|hours|minutes|days)(?![-\w])"),
        _duration),
    ("refs", _rx(
        r"(?:(?:right\s+)?now|currently|at present|nowadays|these days|(?:more\s+)?recently|lately"
        r"|the past(?!\s+(?:\d|few|several|two|three|four|five|six|seven"
        r"|eight|nine|ten|twelve|week|month|year|decade|quarter|day|century|weekend))"
        r"|the (?:near\s+)?future|the near term|the long term|recent years"
        r"|the years ahead|as soon as possible"
        r"|current(?=\s+[a-z])(?!\s+(?:account|accounts|affairs|events|event))"
        r")"), _ref),
]

# A four-digit number is not a year when it counts something.
_COUNT_AFTER = re.compile(
    r"^\s*(?:people|persons|men|women|troops|soldiers|police|dead|killed|injured|wounded|workers"
    r"|residents|protesters|rioters|detainees|units|tons|tonnes|shares|barrels|cars|homes|jobs"
    r"|kilometers|kilometres|miles|km|metres|meters|feet|points|votes|seats|cases)\b",
    FLAGS,
)
_MONEY_BEFORE = re.compile(r"(?:[$€£¥]|\b(?:US|No\.|number|Flight|Route|Highway|Room))\s*$", FLAGS)


def _acceptable(name: str, m: re.Match[str], text: str) -> bool:
    """Context checks a regular expression cannot express cheaply: names, titles and counts that
    look like time expressions ("the March for Life", "60 Minutes", "his 30s", "$1990")."""
    before = text[max(0, m.start() - 12) : m.start()]
    after = text[m.end() : m.end() + 20]
    word = m[0].lower()
    if name == "year":
        if _MONEY_BEFORE.search(before) or _COUNT_AFTER.match(after):
            return False
        if re.search(r"[\d,.]$", before) and not before.endswith(", "):
            return False
        possessive = re.search(r"(?:['’]s|\b(?:his|her|their|its|my|our|your))\s+$", before)
        if possessive and re.match(r"\s+[A-Z]", after):
            return False  # "Kopp's 1987 Chevrolet": a model year
    if name == "month_alone" and re.match(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]", after):
        return False  # "the annual March for Life", "March of the Mothers"
    counted = re.match(r"\s+[a-z]+s\b", after)
    if name == "spoken_year" and not word.startswith("the year") and counted:
        return False  # a count: "two thousand years", "nineteen seventy people"
    if name == "decade" and re.search(r"\b(?:his|her|their|my|your|its)\s+$", before, re.I):
        return False  # an age: "in his 30s"
    if name == "set" and word in _SET_VALUES and re.match(r"\s+[A-Z]", after):
        return False  # a newspaper: "the party daily Granma"
    if name == "duration" and re.search(r"\d\s+[A-Z][a-z]+$", m[0]):
        return False  # a title: "60 Minutes"
    if name == "dotted_date" and re.search(r"(?:\bversion|\bv|\d[.,])\s*$", before, re.I):
        return False  # a version number or part of a longer number
    if name == "clock" and re.search(r"\bhigh\s+$", before, re.IGNORECASE):
        return False  # "High Noon", "high noon comes today": the idiom
    if name == "duration":
        if word.endswith("-old") or re.search(r"-quarters?$", word):
            return False  # ages and fractions: "26-year-old", "three-quarters"
        if word in ("a second", "an hour's") or before.endswith("$"):
            return False  # "a second betrayal"; money
        if re.match(r"\s+old\b", after):
            return False  # an age: "52 years old"
        if re.search(r"\b(?:a|one|three)\s+quarters?$", word) and _FRACTION_OF.match(after):
            return False  # a fraction: "more than a quarter of the market"
    if name == "relative_unit" and m["u"][:1].isupper() and re.search(r"[\"“'‘]\s*$", before):
        return False  # a programme's title: ABC's "This Week"
    # a capitalised "Today" after a name is a title: "USA Today", "VOA Today"
    title = m[0].startswith("Today") and re.search(r"\b[A-Z][\w.]*\s+$", before)
    return not (name == "deictic" and title)


# "a quarter of ..." is a fraction unless the whole is a span of time ("of an hour", "of a century")
_FRACTION_OF = re.compile(
    r"\s+of\s+(?!(?:an?\s+)?(?:hour|century|year|day|minute)\b)(?:the|a|an|its|their|all|[a-z]+)\b"
)


_ARTICLE_OF_LONG = re.compile(r"(?:a|an|A|An)\s+(?=[a-z]+-long$)")
_HYPHENATED_AFTER_THE = re.compile(r"(?:the|The)\s+(?=(?:fiscal\s+)?[\w.]+-[\w-]+$)")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """TimeBank span conventions: a possessive "'s" is not part of the expression, nor is the
    article of a noun that a hyphenated time adjective modifies ("the third-quarter results")."""
    span = text[start:end]
    if span.endswith(("'s", "’s")):
        end -= 2
    if m := _HYPHENATED_AFTER_THE.match(text, start, end):
        start = m.end()
    if m := _ARTICLE_OF_LONG.match(text, start, end):
        start = m.end()  # "a day-long meeting": the article is the meeting's
    return start, end


@dataclass
class _Candidate:
    start: int
    end: int
    rule: str
    priority: int
    match: re.Match[str]


def find_candidates(text: str) -> list[_Candidate]:
    """All rule matches, then the non-overlapping longest-leftmost selection."""
    found: list[_Candidate] = []
    lowered = text.lower()
    starts = _STARTS.positions(text)
    for priority, (name, _pattern, _normaliser) in enumerate(RULES):
        keys = _RULE_KEYWORDS.get(name)
        if keys is not None and not any(key in lowered for key in keys):
            continue  # a substring test is far cheaper than a regex scan of the whole text
        for m in _STARTS.finditer(priority, text, starts):
            if m.end() > m.start() and _acceptable(name, m, text):
                start, end = m.start(), m.end()
                # trailing punctuation of abbreviations is part of the span only when it is the
                # abbreviation's own dot ("Jan.") and not the sentence's full stop
                while end > start and text[end - 1] in " ,":
                    end -= 1
                if name in ("duration", "quarter", "year_earlier"):
                    start, end = _trim(text, start, end)
                elif text[start:end].endswith(("'s", "’s")):
                    end -= 2
                found.append(_Candidate(start, end, name, priority, m))
    found.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in found:
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    chosen.sort(key=lambda c: c.start)
    return chosen


_NORMALISERS: dict[str, Normaliser] = {name: fn for name, _p, fn in RULES}
# Each rule is tried only at the word starts that can open one of its matches: the same matches
# as a full scan (timex_prefilter); find_candidates 6.6 s -> 0.6 s on 840 PolNeAR train texts.
_STARTS = StartFilter([pattern for _n, pattern, _f in RULES])
# Words (lower case) at least one of which a rule's match must contain: rules whose text lacks
# them are not scanned. Only for rules whose pattern makes the word obligatory.
_RULE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "week_of": ("week of",),
    "next_part": ("next", "following"),
    "this_century": ("century",),
    "past_decade": ("decade", "century"),
    "coming_units": ("coming",),
    "long_units": ("-long",),
    "century": ("century", "centuries"),
    "season_alone": ("summer", "winter", "autumn", "spring", "fall"),
    "season": ("summer", "winter", "autumn", "spring", "fall"),
    "part_of_day_of": ("morning", "afternoon", "evening", "night"),
    "this_part": ("morning", "afternoon", "evening", "night"),
    "recent_units": ("recent",),
    "year_ended": ("year end",),
    "the_year": ("the year",),
    "the_years": ("the years", "the decades"),
    "the_day": ("the day", "the same day"),
    "month_spoken_year": ("nineteen", "two thousand"),
    "season_spoken_year": ("nineteen", "two thousand"),
    "end_of_unit": ("of the week", "of the month"),
    "mid_part": ("mid",),
    "holiday": ("christmas", "new year", "independence", "halloween", "valentine",
                "thanksgiving", "election day", "easter", "good friday", "palm sunday",
                "holy week"),
}  # fmt: skip
_CALENDAR_VALUE = re.compile(r"\d{4}(?:-(?:\d\d(?:-\d\d)?|Q\d|H\d|W\d\d))?")


def _align_weekday(text: str, previous: Timex, start: int, value: str) -> None:
    """"Sunday, January 2": the weekday names the same day as the date right after it."""
    between = text[previous.end : start]
    if previous.text.lower() not in WEEKDAYS or not re.fullmatch(r",?\s*(?:the\s+)?", between):
        return
    if date.fromisoformat(value).weekday() == WEEKDAYS[previous.text.lower()]:
        previous.value = value
        previous.anchor = "previous"


# A dateline: the line opens with a place in capitals (or nothing) and ends after the date with
# the agency or a dash ("WASHINGTON, March 12 (Xinhua) --").
_DATELINE_HEAD = re.compile(r"(?:[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z .'’-]+)?,\s*)?")
_DATELINE_TAIL = re.compile(r"[ \t]*(?:\(|--|—|–|_|-\s|\n|$)")
DATELINE_SPAN = 120  # a dateline sits in the first characters of an article
# A dateline this many days or fewer from the reference date replaces it as the anchor of
# relative expressions: wires file a story on the dateline's day and archives stamp it the next
# (7 Xinhua files in AQUAINT: "WASHINGTON, March 12" in a file dated March 13). Farther apart,
# the two disagree for another reason and the given date stands.
DATELINE_MAX_SHIFT = 2


def dateline_reference(
    text: str, candidates: list[_Candidate], reference: date | None
) -> date | None:
    """The date of the article's dateline when it is within DATELINE_MAX_SHIFT days of
    ``reference`` (the story was filed that day), else ``reference``."""
    if reference is None:
        return None
    for cand in candidates:
        if cand.start > DATELINE_SPAN:
            break
        if cand.rule not in ("month_day", "month_day_year") or _g(cand.match, "part"):
            continue
        line_start = text.rfind("\n", 0, cand.start) + 1
        if not _DATELINE_HEAD.fullmatch(text, line_start, cand.start):
            continue
        if not _DATELINE_TAIL.match(text, cand.end):
            continue
        month = month_number(_g(cand.match, "m") or "")
        day = int(re.sub(r"\D", "", _g(cand.match, "d") or ""))
        year = _g(cand.match, "y")
        try:
            filed = date(int(year), month, day) if year else None
            if filed is None:
                filed = min(
                    (date(y, month, day) for y in (reference.year - 1, reference.year,
                                                   reference.year + 1)),
                    key=lambda d: abs((d - reference).days),
                )  # fmt: skip
        except ValueError:
            continue
        if 0 < abs((filed - reference).days) <= DATELINE_MAX_SHIFT:
            return filed
        break
    return reference


def tag(
    text: str, reference: date | None = None, candidates: list[_Candidate] | None = None
) -> list[Timex]:
    """Find and normalise every time expression in ``text`` against ``reference`` (the
    publication date; None leaves relative expressions underspecified, e.g. ``XXXX-01-07``).

    ``candidates`` (from :func:`find_candidates` on the same text) saves the matching pass when
    the text is normalised twice, as publication-time inference does.
    """
    candidates = find_candidates(text) if candidates is None else candidates
    reference = dateline_reference(text, candidates, reference)
    ctx = Context(text=text, reference=reference)
    result: list[Timex] = []
    for cand in candidates:
        try:
            normalised = _NORMALISERS[cand.rule](cand.match, ctx)
        except (ValueError, OverflowError):  # calendar arithmetic out of range: "99999 years ago"
            normalised = None
        if normalised is None:
            continue
        kind, value, anchor = normalised
        span_text = text[cand.start : cand.end]
        if result and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            _align_weekday(text, result[-1], cand.start, value)
        result.append(Timex(cand.start, cand.end, span_text, kind, value, anchor))
        # an expression anchored on the previous one ("a year earlier") does not become the
        # anchor itself, or a second "year-earlier" would step back twice
        calendar_value = _CALENDAR_VALUE.fullmatch(value[:10].rstrip("T"))
        if kind in ("DATE", "TIME") and calendar_value and anchor != "previous":
            ctx.previous = value.split("T")[0]
            ctx.previous_end = cand.end
    return _with_range_days(text, _with_day_around(text, result))


# "the day before yesterday", "the day after Tuesday's vote": one expression, a day off the day
# it names (TimeML takes the whole phrase as the TIMEX3).
_DAY_AROUND_BEFORE = re.compile(r"(?:\bthe\s+)?\bday\s+(?P<dir>before|after)\s+$", FLAGS)
_DAY_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)(T.*)?")


def _with_day_around(text: str, result: list[Timex]) -> list[Timex]:
    for t in result:
        m = _DAY_VALUE.fullmatch(t.value)
        if m is None or t.type not in ("DATE", "TIME"):
            continue
        around = _DAY_AROUND_BEFORE.search(text, max(0, t.start - 20), t.start)
        if around is None:
            continue
        shift = -1 if around["dir"].lower() == "before" else 1
        day = date.fromisoformat(m[1]) + timedelta(days=shift)
        t.start = around.start()
        t.text = text[t.start : t.end]
        t.type, t.value = "DATE", iso(day)
    return result


# The other day of a day range around a dated expression: "April 24 and 25", "January 4-6",
# "5-6 January", "from 2 to 5 January" (TimeML: two dates; AQUAINT annotates "April 24 and 25"
# as 'April 24' and '25'). The bare number must not count something ("April 24 and 25 people").
_RANGE_AFTER = re.compile(
    r"\s*(?:-|–|and|to|through|or)\s*(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    r"(?![:.,/%]\d|\s*%|\s+(?!(?:in|at|on|when|and|as|after|before|the|of|was|were|will|is|are"
    r"|had|have|has)\b)[a-z])"
)
_RANGE_BEFORE = re.compile(
    r"(?<![\d.,:/])(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|–|and|to|or)\s*$"
)


def _with_range_days(text: str, result: list[Timex]) -> list[Timex]:
    extra: list[Timex] = []
    for t in result:
        m = re.fullmatch(r"(\d{4}|XXXX)-(\d\d)-(\d\d)", t.value)
        if t.type != "DATE" or not m:
            continue
        day_first = t.text[:1].isdigit()
        if day_first:
            found = _RANGE_BEFORE.search(text, max(0, t.start - 12), t.start)
            start, end = (found.start("d"), found.end("d")) if found else (0, 0)
        else:
            found = _RANGE_AFTER.match(text, t.end)
            start, end = (found.start("d"), found.end("d")) if found else (0, 0)
        if found is None:
            continue
        day = int(found["d"])
        if (day_first and day >= int(m[3])) or (not day_first and day <= int(m[3])):
            continue  # not a range in calendar order
        if m[1] != "XXXX":
            try:
                date(int(m[1]), int(m[2]), day)
            except ValueError:
                continue
        extra.append(Timex(start, end, text[start:end], "DATE", f"{m[1]}-{m[2]}-{day:02d}",
                           t.anchor))  # fmt: skip
    if not extra:
        return result
    taken = [(t.start, t.end) for t in result]
    extra = [x for x in extra if not any(x.start < e and s < x.end for s, e in taken)]
    return sorted(result + extra, key=lambda t: t.start)
