"""Rule-based recognition and TimeML normalisation of time expressions in English news text.

Pure functions over a plain string, so the same code serves the spaCy component, the TempEval
benchmark and publication-time inference. Recognition is a set of compiled regular expressions
(fast: no tokeniser or parser needed); each match is normalised in document order so that
expressions such as "two days later" or "a year earlier" can anchor on the previous date.

Span conventions follow the TimeML guidelines as applied in TimeBank: determiners and temporal
modifiers belong to the expression ("the past two months", "nearly two years", "late November"),
prepositions do not ("on Friday" -> "Friday").

This module holds the rule table, what makes a match acceptable, and the tagging pass; its parts:
``timex_patterns`` (regular-expression pieces, tuned constants, result types), ``timex_tense``
(the tense of a clause and the year it puts a year-less date in), ``timex_dates`` (the
normalisers of calendar dates and relative days) and ``timex_spans`` (the normalisers of
durations, sets, parts of the year, spoken years, holidays and clock times).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsprism.extract.dates.timex_calendar import WEEKDAYS, iso, month_number
from newsprism.extract.dates.timex_dates import (
    _decade,
    _deictic,
    _end_of_unit,
    _full_date,
    _iso_date,
    _month_alone,
    _month_day,
    _month_year,
    _next_part,
    _offset,
    _range_day,
    _ref,
    _relative_unit,
    _same_period,
    _slash_date,
    _the_weekend,
    _this_century,
    _this_part,
    _week_of,
    _weekday,
    _year,
    _year_earlier,
)
from newsprism.extract.dates.timex_patterns import (
    _APPROX,
    _CALENDAR_VALUE,
    _CLOCK,
    _DAY,
    _MONTH,
    _MONTH_ALONE,
    _NUM,
    _PART,
    _UNIT,
    _VAGUE,
    _WEEKDAY,
    _YEAR,
    FLAGS,
    Context,
    Normaliser,
    Timex,
    _after,
    _g,
    _rx,
)
from newsprism.extract.dates.timex_prefilter import StartFilter
from newsprism.extract.dates.timex_spans import (
    _SET_VALUES,
    _century,
    _clock,
    _duration,
    _fiscal_year,
    _half_rule,
    _holiday,
    _latest_quarter,
    _mid_part,
    _month_relative_year,
    _month_spoken_year,
    _part_of_day_of,
    _quarter_rule,
    _season,
    _season_alone,
    _season_spoken_year,
    _set,
    _short_year,
    _spoken_decade,
    _spoken_year,
    _the_day,
    _weekday_set,
    _year_end,
    _year_ended,
)

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
