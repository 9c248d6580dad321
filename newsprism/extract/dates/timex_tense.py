"""Tense around a time expression (future cue, past verb, a plan told in the past) and the year
it puts a year-less date, month or weekday in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from newsprism.extract.dates.timex_calendar import iso
from newsprism.extract.dates.timex_patterns import (
    FLAGS,
    FUTURE_CUE_AFTER_WINDOW,
    FUTURE_CUE_WINDOW,
    FUTURE_TENSE_BIAS,
    SENTENCE_WINDOW,
    TENSE_BIAS,
    Context,
)

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


