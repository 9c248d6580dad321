"""Weekday names of the table languages, from CLDR (babel), and the days they name.

News dates most events by weekday alone ("a annoncé lundi", "martedì scorso", "星期一"): the
weekday on or before the publication day. A weekday before a day and month ("mercredi 4 août")
fixes that date's year when the publication does not: 4 August was a Wednesday in 2021, not 2020.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from newsprism.extract.languages.generic.text import fold

# Weekday names that are also common words of their language: "luni" is "months" in Romanian,
# "minggu" "week" in Indonesian, "pazar" "market" in Turkish; Greek's Tuesday to Thursday are
# the ordinals "third" to "fifth" ("για τρίτη φορά").
AMBIGUOUS = {"ro": {"luni"}, "id": {"minggu"}, "tr": {"pazar"},
             "el": {"τριτη", "τεταρτη", "πεμπτη"}}
# Declined forms CLDR does not list: the accusative after "w", "ve", "у" ("w środę", "ve
# středu", "у суботу"), Monday first. Written out, not stemmed: a stem would read "серед"
# (among), "środek" (middle) and "střed" (centre) as Wednesday.
DECLINED = {
    "pl": [[], [], ["środę"], [], [], ["sobotę"], ["niedzielę"]],
    "cs": [[], [], ["středu"], [], [], ["sobotu"], ["neděli"]],
    "uk": [[], [], ["середу"], [], ["п'ятницю", "пʼятницю"], ["суботу"], ["неділю"]],
    "sr": [["ponedeljak"], ["utorak"], ["среду", "sredu"], ["četvrtak"], ["petak"],
           ["суботу", "subotu"], ["недељу", "nedelju"]],
}
# "Next" words, folded, in the table languages: a weekday beside one ("lunedì prossimo", "am
# nächsten Montag", "下周一") is a day to come, which no figure holds for yet: it names no day.
NEXT_WORDS = re.compile(
    r"prossim|prochain|proxim|que vem|nachste|kommende|volgende|aanstaande|nasta|przysz|"
    r"nastepn|pristi|viitoare|viitor|επομεν|ερχομεν|следващ|идващ|следећ|sledec|naredn|"
    r"наступн|المقبل|القادم|آینده|depan|mendatang|gelecek|onumuzdeki|önümüzdeki|अगले|来週|"
    r"次の|다음|오는|下周|下星期|下个|下個"
)
NEXT_REACH = 15  # characters either side of the weekday
# A weekday this close before a day and month is that date's ("mercredi 4 août", "Monday, 6")
PAIR_GAP = re.compile(r"[\s,]{0,3}")
_NEVER = r"(?!)"  # a weekday whose only names are ambiguous words


@functools.cache
def weekday_patterns(language: str, keep: str = "", anywhere: bool = False
                     ) -> tuple[re.Pattern[str], ...] | None:
    """Seven patterns over the folded text, Monday first; None when CLDR has no names."""
    from babel import Locale, UnknownLocaleError

    try:
        days = Locale.parse(language).days
    except (UnknownLocaleError, ValueError):
        return None
    patterns = []
    for weekday in range(7):
        names = {days[context]["wide"][weekday] for context in ("format", "stand-alone")}
        names |= set(DECLINED.get(language, [[]] * 7)[weekday])
        if anywhere:  # "周一" beside "星期一"; one-letter forms ("月") are other words
            names |= {
                n for context in ("format", "stand-alone")
                if len(n := days[context]["abbreviated"][weekday]) >= 2
            }
        bodies = []
        for name in sorted(names, key=len, reverse=True):
            key = fold(name, keep).strip()
            if not key or key in AMBIGUOUS.get(language, ()):
                continue
            bodies.append(re.escape(key))
        body = "(?:" + "|".join(bodies) + ")" if bodies else _NEVER
        patterns.append(re.compile(body if anywhere else rf"(?<!\w){body}(?!\w)"))
    return tuple(patterns)


def is_next(folded: str, start: int, end: int) -> bool:
    """A "next" word beside the weekday at ``start:end`` of the folded text."""
    return NEXT_WORDS.search(folded, max(0, start - NEXT_REACH), end + NEXT_REACH) is not None


def last_weekday(weekday: int, pub: dt.date) -> dt.date:
    """The latest day with that weekday (Monday 0) on or before ``pub``."""
    return pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)


def year_of_weekday(
    month: int, day: int, weekday: int, pub: dt.date, future_days: int
) -> int | None:
    """The year, the publication's or the one before, in which the day and month fall on that
    weekday, at most ``future_days`` after publication; None when neither does."""
    for year in (pub.year, pub.year - 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:  # 29 February
            continue
        if date.weekday() == weekday and (date - pub).days <= future_days:
            return year
    return None
