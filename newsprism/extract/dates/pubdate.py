"""Publication-time inference for articles whose metadata gives no date.

The evidence, strongest first:

1. **the year** — weekday–date pairs ("Sunday, January 2" only falls on a Sunday in certain
   years), then full dates with a year ("March 5, 1998"), then bare years in past-tense context;
   the current clock is used only as an *upper bound* (an article cannot be from the future),
   never as the answer;
2. **the day** — a reporting cue on a date ("This was reported by Reuters on 7 January", "On the
   morning of 7 January, police reported ...") puts publication on that day or the next; otherwise
   the latest date the article reports in a past-tense context is a lower bound (dates after
   "until", or in sentences about what will happen, are excluded).

When the text fixes month and day but nothing fixes the year, the result says so: ``value`` is
None, ``source`` is "unknown" and ``partial`` holds the TimeML value (``XXXX-01-07``).
:func:`complete_years` can then borrow the year from other articles of the same story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from newsprism.extract.dates.timex_calendar import MONTHS, WEEKDAYS, parse_number
from newsprism.extract.dates.timex_rules import Timex, find_candidates, tag
from newsprism.extract.dates.timex_tense import in_future_clause
from newsprism.model import Evidence, PublicationTime

# Confidence of each kind of evidence (hand-set on the seeds and the TempEval-3 DCT mode: a
# reporting cue on a dated sentence pins the day; the latest reported date is a lower bound that
# news articles usually exceed by 0-2 days).
CONFIDENCE_REPORT_CUE = 0.8
CONFIDENCE_LATEST_DATE = 0.5
CONFIDENCE_DATELINE = 0.95  # "MOSCOW, January 7 (Reuters) -": the wire's own date
CONFIDENCE_YEAR_WEEKDAY = 0.9  # a weekday-date pair with a named year or "N years ago" to pick
CONFIDENCE_YEAR_LATEST = 0.6  # a weekday-date pair alone: several years fit, the latest is taken
CONFIDENCE_YEAR_PLANNED = 0.2  # only years named in plans: the year before the earliest
CONFIDENCE_YEAR_AGO = 0.7  # "10 years ago" and a named 1989 give 1999
CONFIDENCE_YEAR_EXPLICIT = 0.8
CONFIDENCE_YEAR_BARE = 0.4
CONFIDENCE_YEAR_BORROWED = 0.5
# How long after the latest date it reports an article may have been published, when no cue says.
# Wire copy is published within days; features and translations can follow weeks later.
PUBLICATION_LAG_DAYS = 21
# When the only dates an article gives are deadlines and schedules, it is taken to come this
# many days before the earliest of them (announcements usually precede a deadline by one to a few
# weeks) and at most SCHEDULE_WINDOW_DAYS before it.
SCHEDULE_LEAD_DAYS = 7
SCHEDULE_WINDOW_DAYS = 60
CONFIDENCE_BEFORE_SCHEDULE = 0.2
# How close (characters before the date) a reporting verb must be to make the date the report's.
REPORT_CUE_WINDOW = 50
# Dates more than this many days after the median reported date are outliers (schedules, typos,
# a December date in a January story read in the wrong year) and are not taken as the latest.
OUTLIER_DAYS = 31
# Earliest year considered when a weekday–date pair is the only year evidence.
EARLIEST_YEAR = 1900
# "N years ago" is paired with named years only from this N on (see _years_ago).
MIN_YEARS_AGO = 2
# Sibling articles lend their year to a year-less one when their dates fall this close (days,
# modulo the year) to the year-less article's month and day.
BORROW_WINDOW_DAYS = 45

_WEEKDAY_DATE = re.compile(
    r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?"
    r"(?:(?P<m>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+(?P<d>[12]\d|3[01]|0?[1-9])"
    r"|(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>January|February|March"
    r"|April|May|June|July|August|September|October|November|December))\b(?!,?\s+\d{4})",
)
_YEARS_AGO = re.compile(
    r"\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+years\s+ago\b"
    r"|\b(?P<a>\d{1,3})(?:st|nd|rd|th)\s+anniversary\b",
    re.IGNORECASE,
)
# every match of _YEARS_AGO holds one of these
_YEARS_AGO_CUE = re.compile(r"years\s+ago|anniversary", re.IGNORECASE)
_REPORT_CUE = re.compile(
    r"\b(?:reported|report|reports|said|says|announced|told|stated|confirmed|published|wrote"
    r"|according to|declared|added|noted|informed)\b",
    re.IGNORECASE,
)
_FUTURE_CONTEXT = re.compile(
    r"\b(?:will|shall|'ll|scheduled|slated|due|plans?|planned|expected|next|upcoming|until|till"
    r"|through|ahead of|extended to|would)\b",
    re.IGNORECASE,
)
_PRECEDED_BY_FUTURE = re.compile(r"\b(?:until|till|through|to|before|by the end of)\s+$", re.I)
# Dates that name a deadline, a schedule or a book-keeping day rather than something that has
# happened: "payable Dec. 1 to stock of record Nov. 10", "expire Nov. 21", "takes effect Nov. 13",
# "set Nov. 10 as the deadline", "the quarter ended Sept. 30". Searched in the clause before the
# date (SCHEDULE_CUE_WINDOW characters) and just after it.
_SCHEDULE_CUE = re.compile(
    r"\b(?:payable|of record|record date|effective|takes? effect|expir(?:e|es|ing)|deadline"
    r"|due|matur(?:e|es|ing)|return date|reconvenes?|to be (?:completed|held|paid|signed)"
    r"|to (?:testify|appear|vote|meet|decide|rule|report|respond)|(?:quarter|year|period|months)"
    r" end(?:ed|ing)|ceremony|(?:is|are) to)\b",
    re.IGNORECASE,
)
SCHEDULE_CUE_WINDOW = 60
SCHEDULE_CUE_AFTER = 30
# "by Jan. 14" is a deadline unless the clause is in the past perfect ("By March 9, 200 families
# had fled").
_PRECEDED_BY_BY = re.compile(r"\bby\s+$", re.IGNORECASE)
_PAST_PERFECT = re.compile(r"\b(?:had|hadn't|had not)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')]*(?=\s+[\"“‘(]?[A-Z0-9])|\n")
_ABBREVIATIONS = frozenset(
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mr", "mrs", "ms", "dr", "st", "no", "gen", "col", "lt", "sgt", "gov", "sen", "rep",
        "prof", "inc", "corp", "co", "ltd", "vs", "u.s", "u.n",
    }
)


@dataclass
class _Dated:
    timex: Timex
    month: int
    day: int
    year: int | None  # given in the text
    sentence: tuple[int, int]
    reported: bool  # sentence has a reporting cue and the date is that report's date
    future: bool


Spans = Sequence[tuple[int, int]]
_WORD_AT_END = re.compile(r"([\w.]+)$")
# How far back from a full stop the word before it is looked for; a longer run of word
# characters falls back to the whole sentence (the result is the same, only faster).
_WORD_WINDOW = 64


@lru_cache(maxsize=4)  # inference splits the same text twice (dated mentions, year choice)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans from punctuation, not cut after abbreviations such as "Jan." or "Mr."."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group() != "\n":
            window = max(start, m.start() - _WORD_WINDOW)
            word = _WORD_AT_END.search(text[window : m.start()])
            if word and word.start() == 0 and window > start:
                word = _WORD_AT_END.search(text[start : m.start()])  # the word may go on
            if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return tuple((a, b) for a, b in spans if text[a:b].strip())


def _sentence_of(spans: Spans, position: int) -> tuple[int, int]:
    for start, end in spans:
        if start <= position < end:
            return start, end
    return position, position


# Text before a dateline's date: nothing, or a place in capitals ("WASHINGTON, ", "KYIV, Ukraine, ")
_DATELINE_BEFORE = re.compile(
    r"(?:[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z .'’-]+)?,\s*"
    r"|(?:Published|Posted|First published|Date|Dated)(?:\s+on)?:?\s*)?"  # page metadata
)
# after the date: the agency, a dash, the line's end, or a clock time ("07.01.2022 14:30")
_DATELINE_AFTER = re.compile(
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s?[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
    r"[ \t]*(?:\(|--|—|–|-\s|/|\||\n|$)"
)
DATELINE_SPAN = 120  # a dateline sits in the first characters of an article


def _is_dateline(text: str, t: Timex) -> bool:
    """A date at the head of the article, after an optional place in capitals and before the
    agency or a dash: the date the report was filed."""
    if t.start > DATELINE_SPAN:
        return False
    line_start = text.rfind("\n", 0, t.start) + 1
    head = text[line_start : t.start]
    return bool(_DATELINE_BEFORE.fullmatch(head)) and bool(_DATELINE_AFTER.match(text, t.end))


def _in_future_context(text: str, spans: Spans, t: Timex) -> bool:
    return _in_future_context_span(text, spans, t.start)


def _in_future_context_span(text: str, spans: Spans, start: int) -> bool:
    sentence = _sentence_of(spans, start)
    before = text[max(sentence[0], start - 20) : start]
    return bool(_PRECEDED_BY_FUTURE.search(before)) or bool(
        _FUTURE_CONTEXT.search(text, sentence[0], sentence[1])
    )


def _scheduled(text: str, sentence: tuple[int, int], t: Timex) -> bool:
    """A deadline, schedule or book-keeping date (see _SCHEDULE_CUE), not a reported event."""
    left = max(sentence[0], t.start - SCHEDULE_CUE_WINDOW)
    right = min(sentence[1], t.end + SCHEDULE_CUE_AFTER)
    if _SCHEDULE_CUE.search(text, left, right):
        return True
    if _PRECEDED_BY_BY.search(text, max(sentence[0], t.start - 4), t.start):
        return not _PAST_PERFECT.search(text, sentence[0], sentence[1])
    return False


def _dated_mentions(text: str, timexes: list[Timex]) -> list[_Dated]:
    spans = _sentences(text)
    out: list[_Dated] = []
    for t in timexes:
        if t.type not in ("DATE", "TIME"):
            continue
        m = re.match(r"(XXXX|\d{4})-(\d\d)-(\d\d)", t.value)
        if not m:
            continue
        sentence = _sentence_of(spans, t.start)
        before = text[max(sentence[0], t.start - 20) : t.start]
        future = not _is_dateline(text, t) and (
            bool(_PRECEDED_BY_FUTURE.search(before))
            or in_future_clause(text, t.start, t.end)
            or _scheduled(text, sentence, t)
        )
        # the report's own date: a reporting verb close to the date, in the same sentence
        near = (max(sentence[0], t.start - REPORT_CUE_WINDOW), min(sentence[1], t.end + 40))
        reported = bool(_REPORT_CUE.search(text, *near)) and not future
        year = None if m[1] == "XXXX" else int(m[1])
        out.append(_Dated(t, int(m[2]), int(m[3]), year, sentence, reported, future))
    return out


def _weekday_years(text: str, latest: date) -> list[tuple[list[int], re.Match[str]]]:
    """For each weekday–date pair without a year, the years (latest first) it can belong to."""
    out: list[tuple[list[int], re.Match[str]]] = []
    for m in _WEEKDAY_DATE.finditer(text):
        month = MONTHS[(m["m"] or m["m2"]).lower().rstrip(".")]
        day = int(m["d"] or m["d2"])
        weekday = WEEKDAYS[m["wd"].lower()]
        years = []
        for year in range(latest.year, EARLIEST_YEAR - 1, -1):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if candidate <= latest and candidate.weekday() == weekday:
                years.append(year)
        if years:
            out.append((years, m))
    return out


def _evidence(doc_id: str, text: str, span: tuple[int, int], rule: str) -> Evidence:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    return Evidence(doc_id=doc_id, start=start, end=end, text=text[start:end].strip(), rule=rule)


def _named_years(
    text: str, spans: Spans, timexes: list[Timex], latest: date
) -> list[tuple[int, Timex]]:
    """Years the text names outside dates with a day (bare years, "June 1998", "the 1998 third
    quarter"), in a past context, not after ``latest``."""
    out: list[tuple[int, Timex]] = []
    for t in timexes:
        if t.anchor != "absolute" or t.type not in ("DATE", "TIME"):
            continue
        if not re.fullmatch(r"\d{4}(?:-(?:\d\d|Q\d|H\d|SP|SU|FA|WI))?", t.value):
            continue
        year = int(t.value[:4])
        if year <= latest.year and not _in_future_context(text, spans, t):
            out.append((year, t))
    return out


def _years_ago(
    text: str, spans: Spans, named: list[int], floor: int | None, latest: date
) -> tuple[int, re.Match[str]] | None:
    """The year an "N years ago" / "Nth anniversary" phrase gives with a year the text names
    ("in 1989 ... 10 years ago" -> 1999): the year most such pairings agree on, not before any
    year the text names (ties: the earliest). N < 2 is skipped: "a year ago" is also said of
    quarters and seasons ("up from $3 a year ago")."""
    support: dict[int, list[re.Match[str]]] = {}
    if not _YEARS_AGO_CUE.search(text):
        return None  # one cheap scan instead of trying the pattern at every word
    for m in _YEARS_AGO.finditer(text):
        n = parse_number(m["n"] or m["a"] or "")
        if n is None or n < MIN_YEARS_AGO or _in_future_context_span(text, spans, m.start()):
            continue
        for year in set(named):
            candidate = year + n
            if (floor is None or candidate >= floor) and candidate <= latest.year:
                support.setdefault(candidate, []).append(m)
    if not support:
        return None
    best = max(support, key=lambda y: (len(support[y]), -y))
    return best, support[best][0]


def _choose_year(
    text: str, doc_id: str, dated: list[_Dated], timexes: list[Timex], latest: date
) -> tuple[int | None, float, list[Evidence]]:
    """The publication year and the sentence that shows it (None when nothing fixes it).

    Evidence, strongest first: weekday-date pairs (a hard constraint; among the years they allow,
    the nearest one not before any year the text names, else the latest - a live-news prior);
    "N years ago" with a named year; the latest full date; the latest year named.
    """
    explicit = [d for d in dated if d.year is not None and not d.future]
    spans = _sentences(text)
    named = _named_years(text, spans, timexes, latest)
    floor = max([d.year for d in explicit if d.year] + [y for y, _t in named], default=None)
    ago = _years_ago(text, spans, [d.year for d in explicit if d.year] + [y for y, _t in named],
                     floor, latest)  # fmt: skip
    pairs = _weekday_years(text, latest)
    if pairs:
        years, m = pairs[0]
        # every pair must agree (if they do not, the first one is trusted)
        common = set(years)
        for other, _m in pairs[1:]:
            common &= set(other)
        candidates = sorted(common or set(years), reverse=True)
        above = sorted(y for y in candidates if floor is not None and y >= floor)
        if ago is not None and ago[0] in candidates:
            year, confidence = ago[0], CONFIDENCE_YEAR_WEEKDAY
            note = f" and \"{ago[1].group()}\" agree"
        elif above:
            # a year named in a past context is mostly 0-2 years before publication (TBAQ and
            # MEANTIME), so the first weekday-date year from it on is the likeliest
            year, confidence = above[0], CONFIDENCE_YEAR_WEEKDAY
            note = f", the first such year from {floor}, the latest year the text names"
        else:
            year = candidates[0]
            confidence = CONFIDENCE_YEAR_WEEKDAY if len(candidates) == 1 else CONFIDENCE_YEAR_LATEST
            others = ", ".join(str(y) for y in candidates[1:4])
            note = f" (also in {others}: the latest is taken)" if others else ""
        rule = f"weekday-date pair: {m.group().strip()} falls on a {m['wd']} in {year}{note}"
        return year, confidence, [_evidence(doc_id, text, _sentence_of(spans, m.start()), rule)]
    if ago is not None:
        year, m = ago
        rule = f"\"{m.group()}\" counted from a year the text names gives {year}"
        ev = _evidence(doc_id, text, _sentence_of(spans, m.start()), rule)
        return year, CONFIDENCE_YEAR_AGO, [ev]
    latest_named = max((y for y, _t in named), default=None)
    if explicit and (latest_named is None or floor == max(d.year or 0 for d in explicit)):
        # (a full date older than a year the text names is history: "born February 24, 1955")
        latest_explicit = max(explicit, key=lambda d: (d.year, d.month, d.day))
        rule = f"latest full date in the text: {latest_explicit.timex.text}"
        ev = _evidence(doc_id, text, latest_explicit.sentence, rule)
        if _is_dateline(text, latest_explicit.timex):  # the wire's own full date
            return latest_explicit.year, CONFIDENCE_DATELINE, [ev]
        return latest_explicit.year, CONFIDENCE_YEAR_EXPLICIT, [ev]
    if named:
        year_named, where = max(named, key=lambda item: item[0])
        # reporters name a year when it is not the current one: the article is most likely from
        # the year after the latest year it names in a past context (TBAQ: 12 of 64 documents
        # naming a year are from the next year, 7 from the same year; MEANTIME without its date
        # lines: 10 of 44 and 4)
        year = min(year_named + 1, latest.year)
        rule = (
            f"latest year named in a past context is {year_named}, so probably written in "
            f"{year}; no weekday-date pair to confirm it"
        )
        ev = _evidence(doc_id, text, _sentence_of(spans, where.start), rule)
        return year, CONFIDENCE_YEAR_BARE, [ev]
    if planned := _future_years(text, spans, timexes, latest):
        year_planned, where = min(planned, key=lambda item: item[0])
        # plans and forecasts name a year shortly ahead: "deliveries will start in 2011" (MEANTIME
        # without date lines: 7 of 21 such documents are from the year before, 3 from two before)
        year = min(year_planned - 1, latest.year)
        rule = (
            f"the earliest year named is {year_planned}, in a future context, so probably "
            f"written in {year}; nothing else dates the text"
        )
        ev = _evidence(doc_id, text, _sentence_of(spans, where.start), rule)
        return year, CONFIDENCE_YEAR_PLANNED, [ev]
    return None, 0.0, []


def _future_years(
    text: str, spans: Spans, timexes: list[Timex], latest: date
) -> list[tuple[int, Timex]]:
    """Years the text names in a future context ("will open in 2011")."""
    return [
        (int(t.value[:4]), t)
        for t in timexes
        if t.anchor == "absolute"
        and t.type == "DATE"
        and re.fullmatch(r"\d{4}(?:-.*)?", t.value)
        and int(t.value[:4]) <= latest.year + 1
        and _in_future_context(text, spans, t)
    ]


def infer_publication_time(
    text: str,
    doc_id: str = "",
    *,
    latest: date | None = None,
    year_hint: int | None = None,
    timexes: list[Timex] | None = None,
) -> PublicationTime:
    """Infer when an article was published from its text alone.

    ``latest`` bounds the answer from above (default: today — a bound only, never the answer);
    ``year_hint`` supplies a year known from elsewhere (e.g. the story's other articles) when the
    text fixes none. Returns source "inferred" with a date, or source "unknown" (value None, and
    ``partial`` = ``XXXX-MM-DD`` when month and day are known but the year is not).
    ``timexes``: the text's expressions tagged without a reference date, if already computed.
    """
    latest = latest or date.today()
    if timexes is None:
        timexes = tag(text, None, find_candidates(text))
    dated = _dated_mentions(text, timexes)
    year, year_confidence, evidence = _choose_year(text, doc_id, dated, timexes, latest)
    if year is None and year_hint is not None:
        year, year_confidence = year_hint, CONFIDENCE_YEAR_BORROWED
        evidence = [Evidence(doc_id, 0, 0, "", f"year {year_hint} taken from related articles")]
    past = [d for d in dated if not d.future or _is_dateline(text, d.timex)]
    ahead = [d for d in dated if d not in past]
    if not past and ahead:
        return _before_schedule(text, doc_id, ahead, year, year_confidence, evidence, latest)
    if not past:
        if year is None:
            return PublicationTime(value=None, source="unknown", evidence=evidence)
        return PublicationTime(
            value=None, source="unknown", confidence=round(year_confidence, 2),
            evidence=evidence, not_before=f"{year}-01-01", partial=str(year),
        )  # fmt: skip  (the confidence is the partial year's)

    def resolve(d: _Dated, base_year: int) -> date:
        if d.year is not None:
            return date(d.year, d.month, min(d.day, 28) if d.month == 2 else d.day)
        return _safe_date(base_year, d.month, d.day)

    base = year if year is not None else 2000  # placeholder leap year to order month-days
    anchor_month = _anchor_month(past)
    ordered = [(resolve(d, _year_for(base, d.month, anchor_month)), d) for d in past]
    ordered.sort(key=lambda item: item[0])
    median = ordered[len(ordered) // 2][0]
    ordered = [
        item
        for item in ordered
        if (item[0] - median).days <= OUTLIER_DAYS or _is_dateline(text, item[1].timex)
    ]
    latest_day, latest_mention = ordered[-1]
    reported = [(day, d) for day, d in ordered if d.reported]
    datelined = [(day, d) for day, d in ordered if _is_dateline(text, d.timex)]
    rule_day: str
    if datelined:
        day, mention = datelined[0]
        confidence_day = CONFIDENCE_DATELINE
        not_after = day
        rule_day = f"dateline: {mention.timex.text}"
    elif reported and max(reported, key=lambda item: item[0])[0] >= latest_day:
        day, mention = max(reported, key=lambda item: item[0])
        confidence_day = CONFIDENCE_REPORT_CUE
        not_after = day + timedelta(days=1)
        rule_day = f"reporting cue on the latest date: {mention.timex.text}"
    else:
        day, mention = latest_day, latest_mention
        confidence_day = CONFIDENCE_LATEST_DATE
        not_after = day + timedelta(days=PUBLICATION_LAG_DAYS)
        rule_day = f"latest date reported: {mention.timex.text}"
    evidence = [_evidence(doc_id, text, mention.sentence, rule_day), *evidence]
    # a deadline or a schedule the article names after its latest event bounds publication
    later = [
        resolve(d, _year_for(base, d.month, anchor_month))
        for d in ahead
        if d.year is None or year is not None
    ]
    later = [x for x in later if day < x <= day + timedelta(days=PUBLICATION_LAG_DAYS)]
    if later:
        not_after = min(not_after, min(later))
    if year is None:
        return PublicationTime(
            value=None, source="unknown", confidence=round(confidence_day, 2),
            evidence=evidence, partial=f"XXXX-{day.month:02d}-{day.day:02d}",
        )  # fmt: skip
    if day > latest:
        day = latest
    return PublicationTime(
        value=day.isoformat(),
        source="inferred",
        confidence=round(confidence_day * year_confidence, 2),
        not_before=day.isoformat(),
        not_after=min(not_after, latest).isoformat(),
        evidence=evidence,
        partial=f"XXXX-{day.month:02d}-{day.day:02d}",
    )


def _before_schedule(
    text: str,
    doc_id: str,
    ahead: list[_Dated],
    year: int | None,
    year_confidence: float,
    evidence: list[Evidence],
    latest: date,
) -> PublicationTime:
    """Only deadlines and schedules are dated ("rights expire Nov. 21", "by Jan. 14"): the
    article comes shortly before the earliest of them (whose year, if it gives one, is the
    article's when nothing else gives one)."""
    if year is None and (given := [d.year for d in ahead if d.year is not None]):
        year, year_confidence = min(given), CONFIDENCE_YEAR_EXPLICIT
    base = year if year is not None else 2000
    resolved = [
        (date(d.year, d.month, min(d.day, 28)) if d.year else _safe_date(base, d.month, d.day), d)
        for d in ahead
    ]
    resolved = [item for item in resolved if item[1].year is None or item[1].year == base]
    if not resolved:
        resolved = [(_safe_date(base, d.month, d.day), d) for d in ahead]
    earliest, mention = min(resolved, key=lambda item: item[0])
    day = earliest - timedelta(days=SCHEDULE_LEAD_DAYS)
    rule = (
        f"only scheduled dates: {mention.timex.text} is the earliest; publication is taken "
        f"{SCHEDULE_LEAD_DAYS} days before it"
    )
    evidence = [_evidence(doc_id, text, mention.sentence, rule), *evidence]
    partial = f"XXXX-{day.month:02d}-{day.day:02d}"
    if year is None:
        return PublicationTime(
            value=None, source="unknown", confidence=CONFIDENCE_BEFORE_SCHEDULE,
            evidence=evidence, partial=partial,
        )  # fmt: skip
    day = min(day, latest)
    return PublicationTime(
        value=day.isoformat(),
        source="inferred",
        confidence=round(CONFIDENCE_BEFORE_SCHEDULE * year_confidence, 2),
        not_before=(earliest - timedelta(days=SCHEDULE_WINDOW_DAYS)).isoformat(),
        not_after=min(earliest, latest).isoformat(),
        evidence=evidence,
        partial=partial,
    )


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 28)


def _anchor_month(past: list[_Dated]) -> int:
    """The month most mentions fall in: dates far from it belong to a neighbouring year."""
    counts: dict[int, int] = {}
    for d in past:
        counts[d.month] = counts.get(d.month, 0) + 1
    return max(counts, key=lambda month: counts[month])


def _year_for(year: int, month: int, anchor_month: int) -> int:
    """A December mention in a January story is last year's (and vice versa)."""
    if month - anchor_month > 6:
        return year - 1
    if anchor_month - month > 6:
        return year + 1
    return year


def infer_publication_date(text: str, *, latest: date | None = None) -> date | None:
    """The inferred publication day only (what the TempEval DCT benchmark compares)."""
    publication = infer_publication_time(text, latest=latest)
    return date.fromisoformat(publication.value[:10]) if publication.value else None


def complete_years(publications: Sequence[PublicationTime]) -> list[PublicationTime]:
    """Give year-less inferred publication times the year of related articles.

    For articles of one story: an article whose text fixes month and day but no year takes the
    year of a dated sibling whose date is within ``BORROW_WINDOW_DAYS`` of that month and day.
    Metadata and dated results are returned unchanged.
    """
    dated = [
        date.fromisoformat(p.value[:10])
        for p in publications
        if p.value and re.match(r"\d{4}-\d\d-\d\d", p.value)
    ]
    out: list[PublicationTime] = []
    for p in publications:
        m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", p.partial or "")
        if p.value or not m or not dated:
            out.append(p)
            continue
        month, day = int(m[1]), int(m[2])
        best: tuple[int, date] | None = None
        for sibling in dated:
            for year in (sibling.year - 1, sibling.year, sibling.year + 1):
                candidate = _safe_date(year, month, day)
                gap = abs((candidate - sibling).days)
                if gap <= BORROW_WINDOW_DAYS and (best is None or gap < best[0]):
                    best = (gap, candidate)
        if best is None:
            out.append(p)
            continue
        candidate = best[1]
        rule = f"year {candidate.year} borrowed from a related article dated within {best[0]} days"
        out.append(
            replace(
                p,
                value=candidate.isoformat(),
                source="inferred",
                confidence=round(p.confidence * CONFIDENCE_YEAR_BORROWED, 2),
                not_before=candidate.isoformat(),
                not_after=(candidate + timedelta(days=1 if p.confidence >= CONFIDENCE_REPORT_CUE
                                                 else PUBLICATION_LAG_DAYS)).isoformat(),
                evidence=[*p.evidence, Evidence("", 0, 0, "", rule)],
            )
        )
    return out
