"""Figures in any language with tables: a number in any locale's format, the bound before or
after it and the measure a cue word near it gives, as :class:`~newsprism.model.Quantity`
objects comparable with the English component's ("plus de 5 000 blessés", "mehr als 5.000
Verletzte" and "more than 5,000 injured" are one claim).

A number is ``1.000,5``, ``1 000`` (any space), ``1'000``, ``5,8 тыс.``, ``5.8 thousand``,
``1万7,134``, ``1만 7천``, Arabic-Indic and Persian digits (folded to ASCII) or a small number
word followed by its cue. Only counts are kept: a figure needs a measure cue within its sentence
window, is a whole number, and is not a year, a date, a time or a percentage.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newsprism.extract.dates.component import counted_day
from newsprism.extract.languages.generic.dates import dates_an_event
from newsprism.extract.languages.generic.sources import attribution, cues_in
from newsprism.extract.languages.generic.tables import (
    CLOSE_BOUNDS,
    LanguageTables,
    ScopeTables,
    lookup,
)
from newsprism.extract.quantities.atoms import bound_interval
from newsprism.extract.quantities.measures import PEOPLE_MEASURES, WEAK_NOUN_MEASURES
from newsprism.model import Bound, Quantity, TimeExpression

_SPACE = " '"
# A grouped number (groups of three after any separator) or a plain one, with decimals; not
# the end of another number ("1,000"), but after a comma between words ("死亡,62914人").
NUMBER = re.compile(
    r"(?<!\d)(?<!\d[.,])(?:\d{1,3}(?:(?:[ ']|[.,])\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)"
)
_INTEGER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
# A cue after a figure across a comma or a semicolon is further away than it looks ("the toll
# rose to 137, the injured ...").
PUNCTUATION_PENALTY = 20
# Characters beyond a cue's window still searched (a cue's own length, a bound's).
WINDOW_MARGIN = 60
# A cue this near after a figure, in its clause, is that figure's ("420 kişinin yaralandığını").
NEAR_AFTER = 12
# A counted group is named by the figure's noun or the word after it ("12 morts civils",
# "12 Kinder", "3 periodistas muertos"), within this many characters.
SCOPE_WORDS = 2
SCOPE_REACH = 40
# Characters a "number of" noun may stand before its figure ("عدد الأطفال اللبنانيين الذين شردوا
# من جراء انفجار مرفأ بيروت إلى 100 ألف"), and its group before it in languages that put it first
COUNT_NOUN_REACH = 90
COUNT_GROUP_REACH = 12
_CLAUSE_BREAK = re.compile(r"[,;:()،؛，；：]")
_SENTENCE_END = re.compile(r"[.!?。！？]")
_CLAUSE_END = re.compile(r"[,;:()،؛，；：.!?。！？\"“”«»]")
_WORD = re.compile(r"[^\W\d_]+")
# "and" between two figures of one count ("下令逮捕62人和33人", "arrêté 62 et 33 personnes"):
# folded forms across the table languages' scripts
_AND_WORDS = "und|et|e|y|i|a|og|och|en|ve|ile|و|и|і|та|και|dan|और"
_AND = re.compile(rf"\s*(?:和|与|與|及|、|と|や|및|와|과|{_AND_WORDS})\s*$")
# "and" as a word between two clauses ("29.605 e in Siria 3.574"), in the same scripts.
_AND_WORD = re.compile(rf"(?:(?<!\w)(?:{_AND_WORDS})(?!\w))|[和与與及而、や]")
# Characters between two figures told in parallel ("29.605 e in Siria 3.574"), and words after
# the first one the second's may repeat ("24.617 morts en Turquie et 3.575 en Syrie": "en").
PARALLEL_GAP = 40
_CASE_ENDING = re.compile(r"[-'’][^\W\d_]{1,4}(?![^\W\d_])")
# Marks of a list or a table, not of a clause: "Provinz 2: 14 Tote, 6 Verletzte; Provinz 3: ..."
_LIST_BREAK = re.compile(r"[;:؛；：]")
_LIST_MARKS = (":", "：")
PARALLEL_WORDS = 3
# Words after a figure, before its clause ends, that make the clause a statement of its own.
CLAUSE_WORDS = 2
# "hangar No. 12", "العنبر رقم 12", "n° 3": a number that names, not counts.
NUMBER_SIGN = re.compile(r"(?:(?<!\w)(?:n[°º]|nr\.?|no\.|num\.|numero|nummer|رقم|شماره)|第)\s*$")
LIST_ITEM = re.compile(r"[.)]\s")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
# Glued to a Latin letter, a colon, a sign ("A320", "COVID-19", "14:30", "#3", "+90"), or
# followed by one ("7km", "14h30", "14:30") or by a decimal part: no count.
_GLUED_BEFORE = re.compile(r"[a-z](?:-)?$|[:#№/]$|\+$")
_GLUED_AFTER = re.compile(r"[:h]\d|[a-z]|[.,]\d")
_SEPARATOR = re.compile(r"[., ']")
_YEAR_WORD = re.compile(r"\s*[年년]")
# A year is a bare number in this range with nothing that makes it a count right after it.
YEARS = range(1900, 2101)
# Between a figure and its currency: "15 milliards de dollars", "10 Mrd. US-Dollar".
_CURRENCY_LINK = re.compile(r"\s*(?:(?:de|d'|di|of|us-?)\s*)?")


@dataclass
class Figure:
    start: int  # the number (or number word)
    end: int  # after its multiplier and bound words
    number_end: int
    value: float
    bound: Bound
    bound_start: int
    spelled: bool
    unit: str = ""  # a currency: the figure is money, not a count
    incremental: bool = False  # "drei weitere Leichen", "3 kişi daha": adds to a total
    close: bool = False  # "poco più di 190": close to the number, not open-ended


def parse_number(raw: str, decimal: str, multiplied: bool) -> float | None:
    """The value of a number as written ("1.000,5" with decimal "," is 1000.5)."""
    digits = raw.replace(" ", "").replace("'", "")
    grouped = digits != raw
    separators = [ch for ch in digits if ch in ".,"]
    if not separators:
        return float(digits)
    if len(set(separators)) == 2:
        point = digits.rstrip("0123456789")[-1]
        return float(digits.replace("." if point == "," else ",", "").replace(",", "."))
    separator = separators[0]
    head, _, tail = digits.rpartition(separator)
    if len(separators) > 1 or grouped:
        return float(digits.replace(separator, "")) if len(tail) == 3 else None
    if len(tail) == 3 and not (multiplied and separator == decimal):
        return float(head + tail)
    return float(f"{head}.{tail}")


class _Finder:
    def __init__(self, text: str, folded: str, tables: LanguageTables) -> None:
        self.text = text
        self.folded = folded
        self.t = tables

    def multiplier(self, position: int) -> tuple[float, int] | None:
        if self.t.multipliers is None:
            return None
        after = position + 1 if self.folded[position : position + 1].isspace() else position
        found = self.t.multipliers.match(self.folded, after)
        if found is None:
            return None
        return lookup(self.t.multiplier_value, found.group()), found.end()

    def skip_counter(self, position: int) -> int:
        position = _skip_space(self.folded, position)
        if self.t.counters is not None and (m := self.t.counters.match(self.folded, position)):
            return _skip_space(self.folded, m.end())
        return position

    def bound_after(self, position: int) -> tuple[Bound, int] | None:
        if self.t.bounds_after is None:
            return None
        for start in (_skip_space(self.folded, position), self.skip_counter(position)):
            if m := self.t.bounds_after.match(self.folded, start):
                return lookup(self.t.bound_after, m.group()), m.end()
        return None

    def figures(self, start: int, end: int) -> list[Figure]:
        figures: list[Figure] = []
        for match in NUMBER.finditer(self.folded, start, end):
            if figures and match.start() < figures[-1].end:
                continue  # the second part of "1万7,134"
            figure = self.figure(match)
            if figure is not None:
                figures.append(figure)
        if self.t.number_words is not None:
            for match in self.t.number_words.finditer(self.folded, start, end):
                if any(f.start <= match.start() < f.end for f in figures):
                    continue
                value = lookup(self.t.number_word_value, match.group())
                figure = self.figure(match, float(value)) if value else None
                if figure is not None and self.counted(figure):
                    # "سێ هەزار و ٥٧٤": the digits are part of the spelled number.
                    figures = [f for f in figures if not figure.start <= f.start < figure.end]
                    figures.append(figure)
        return sorted(figures, key=lambda f: f.start)

    def figure(self, match: re.Match[str], spelled: float | None = None) -> Figure | None:
        """The figure a number (or, with its value in ``spelled``, a number word) starts."""
        raw = match.group()
        multiplied = self.multiplier(match.end())
        value = spelled if spelled is not None else parse_number(
            raw, self.t.decimal, multiplied is not None
        )
        if value is None:
            return None
        end = match.end()
        if multiplied is not None:
            factor, end = multiplied
            value *= factor
            # "1万7,134", "2만 3천", "45 bin 968", "سێ هەزار و ٥٧٤": a smaller number straight
            # after adds to it.
            joined = self.t.number_and.match(self.folded, end) if self.t.number_and else None
            rest = _INTEGER.match(self.folded, joined.end() if joined else _skip_space(
                self.folded, end))
            if rest is not None and (joined or rest.start() - end <= 1):
                addend = float(rest.group().replace(",", ""))
                more = self.multiplier(rest.end())
                if more is not None and more[0] < factor:
                    addend, rest_end = addend * more[0], more[1]
                else:
                    rest_end = rest.end()
                if addend < factor:
                    value, end = value + addend, rest_end
        elif (
            spelled is None
            and not _SEPARATOR.search(raw)
            and int(value) in YEARS
            and self.year_like(match.end())
        ):
            return None
        if value != int(value) or value < 1:
            return None
        if spelled is None and self.not_a_count(match.start(), end):
            return None
        currency = self.currency(end)
        if currency is not None:
            end = currency[1]
        written = "exact"
        bound_start = match.start()
        if after := self.bound_after(end):
            written, end = after
        elif self.t.bounds_before is not None:
            window = self.folded[max(0, match.start() - 40) : match.start()]
            if before := self.t.bounds_before.search(window):
                written = lookup(self.t.bound_before, before.group().strip()) or "exact"
                bound_start = match.start() - len(window) + before.start()
        bound: Bound = CLOSE_BOUNDS.get(written, written)
        return Figure(
            match.start(), end, match.end(), value, bound, bound_start,
            spelled=spelled is not None, unit=currency[0] if currency else "",
            incremental=self.incremental(bound_start, end), close=written in CLOSE_BOUNDS,
        )

    def incremental(self, start: int, end: int) -> bool:
        """A word saying the figure adds to an earlier one, right before or after it."""
        before, after = self.t.incremental_before, self.t.incremental_after
        return bool(
            (before is not None and before.search(self.folded[max(0, start - 20) : start]))
            or (after is not None and after.match(self.folded, self.skip_counter(end)))
        )

    def currency(self, position: int) -> tuple[str, int] | None:
        """The currency named after a figure ("15 milliards de dollars", "15 مليار دولار")."""
        if self.t.currencies is None:
            return None
        link = _CURRENCY_LINK.match(self.folded, position)
        found = self.t.currencies.match(self.folded, link.end() if link else position)
        if found is None:
            return None
        return lookup(self.t.currency_unit, found.group()), found.end()

    def year_like(self, end: int) -> bool:
        """A bare number in the years' range is a year unless a cue follows it at once."""
        following = self.folded[end : end + 3]
        cue = self.t.cues.search(self.folded, self.skip_counter(end), end + 4)
        return cue is None or bool(_YEAR_WORD.match(following))

    def not_a_count(self, start: int, end: int) -> bool:
        """Percentages, times, model and code numbers ("A320", "COVID-19", "14:30", "7km")."""
        before = self.folded[max(0, start - 2) : start]
        after = self.folded[end : end + 2]
        if _GLUED_BEFORE.search(before):
            return True
        if NUMBER_SIGN.search(self.folded, max(0, start - 12), start):
            return True
        if LIST_ITEM.match(self.folded, end) and _LINE_START.search(
            self.folded[max(0, start - 8) : start]
        ):
            return True  # "2. How many died?": a numbered line
        if _GLUED_AFTER.match(after):
            return True
        if self.t.percent_after is not None and self.t.percent_after.match(
            self.folded, _skip_space(self.folded, end)
        ):
            return True
        if self.t.percent_before is not None:
            window = self.folded[max(0, start - 12) : start]
            if self.t.percent_before.search(window):
                return True
        return False

    def counted(self, figure: Figure) -> bool:
        """A number word counts only with its cue right after it ("deux morts", "三人死亡");
        in Chinese or Japanese with a counter first ("两国" is two countries)."""
        start = self.skip_counter(figure.end)
        glued = figure.end < len(self.folded) and not self.folded[figure.end].isspace()
        if self.t.anywhere and glued and start == figure.end:
            return False
        cue = self.t.cues.search(self.folded, start)
        return cue is not None and self.owns(figure, cue.start())

    def leads(
        self, cue: re.Match[str], others: list[Figure], cues: list[re.Match[str]], distance: float
    ) -> bool:
        """True when a cue after a figure (``distance`` characters after it) stands nearer
        before a later figure that has no cue of its own after it, in that figure's clause: it
        says what the later one counts ("... e ne hanno ferite almeno 11.159"; not "... sans
        abri et 25 personnes ont été arrêtées")."""
        return any(
            o.bound_start >= cue.end()
            and o.bound_start - cue.end() < distance
            and _CLAUSE_BREAK.search(self.folded, cue.end(), o.bound_start) is None
            and not self.cued_after(o, others, cues)
            for o in others
        )

    def cued_after(self, figure: Figure, others: list[Figure], cues: list[re.Match[str]]) -> bool:
        """A cue follows ``figure`` in its clause and window, with no other figure between."""
        return any(
            0 <= c.start() - figure.end <= self.t.window_after
            and _CLAUSE_BREAK.search(self.folded, figure.end, c.start()) is None
            and not any(figure.end <= o.start < c.start() for o in others)
            for c in cues
        )

    def owns(self, figure: Figure, cue_start: int) -> bool:
        """True when a cue starting at ``cue_start`` is right after ``figure``, in its clause."""
        return (
            figure.end <= cue_start <= figure.end + NEAR_AFTER
            and _CLAUSE_BREAK.search(self.folded, figure.end, cue_start) is None
        )

    def scope(self, figure: Figure, sentence_end: int) -> str:
        """The group the figure counts when its counted noun names one ("12 enfants", "doce
        policías", "100 ألف طفل", "3名记者"): a scope word among the first SCOPE_WORDS words
        right after the figure (and its counter), in its clause, with no number between; ""
        for everybody."""
        if self.t.scopes is None:
            return ""
        after = scope_after(self.t.scopes, self.folded, self.skip_counter(figure.end),
                            sentence_end)
        return after or self.scope_before(figure)

    def scope_before(self, figure: Figure) -> str:
        """The group a "number of" noun before the figure names, in its clause with no other
        number between ("عدد الأطفال ... إلى 100 ألف", "le nombre d'enfants déplacés s'élève à
        80 000", "çocuk sayısı 300'e yükseldi"); "" when none does."""
        scopes, nouns = self.t.scopes, self.t.count_nouns
        if scopes is None or nouns is None:
            return ""
        start = max(0, figure.bound_start - COUNT_NOUN_REACH)
        found = list(nouns.finditer(self.folded, start, figure.bound_start))
        if not found:
            return ""
        noun = found[-1]
        between = self.folded[noun.end() : figure.bound_start]
        if _CLAUSE_BREAK.search(between) or any(ch.isdigit() for ch in between):
            return ""
        if not self.t.count_nouns_follow:  # "le nombre d'enfants"
            return scope_after(scopes, self.folded, noun.end(), figure.bound_start)
        # "çocuk sayısı", "儿童人数": the group right before the noun
        before = self.folded[max(0, noun.start() - COUNT_GROUP_REACH) : noun.start()]
        groups = [m for m in scopes.words.finditer(before)
                  if not _CLAUSE_BREAK.search(before[m.end():])]
        return lookup(scopes.group, groups[-1].group()) or "" if groups else ""

    def clause_goes_on(self, figure: Figure) -> bool:
        """The figure's clause says more after it than a counted noun: it is a clause of its
        own ("2470 people were pulled out"), not a figure listed after a cue ("toll: 137")."""
        start = self.skip_counter(figure.end)
        end = _CLAUSE_END.search(self.folded, start)
        words = _WORD.findall(self.folded, start, end.start() if end else len(self.folded))
        return len(words) >= CLAUSE_WORDS

    def measure(
        self, figure: Figure, others: list[Figure], cues: list[re.Match[str]]
    ) -> tuple[str, int, int] | None:
        """The measure of the cue that tells what the figure counts, and the cue's span.

        A cue after the figure in the same clause wins ("300 000 personnes sont sans abri");
        else the nearest cue before it ("le bilan s'élève à 137") or after it across a comma.
        A cue with another figure in between belongs to that figure.
        """
        best: tuple[tuple[int, float], str, int, int] | None = None
        for cue in cues:
            measure = lookup(self.t.cue_measure, cue.group())
            if measure is None:
                continue
            if cue.start() >= figure.end:
                between = (figure.end, cue.start())
                distance = float(cue.start() - figure.end)
                if distance > self.t.window_after:
                    continue
                if self.t.clause_words and self.t.clause_words.search(self.folded, *between):
                    continue  # "s'est élevé à 171 tandis que ... disparus": the next clause's
                if self.leads(cue, others, cues, distance):
                    continue  # "ucciso 1.651 persone ... e ne hanno ferite almeno 11.159"
                broken = _CLAUSE_BREAK.search(self.folded, *between) is not None
                rank = (1, distance + PUNCTUATION_PENALTY) if broken else (0, distance)
            elif cue.end() <= figure.bound_start and not figure.spelled:
                between = (cue.end(), figure.bound_start)
                distance = float(figure.bound_start - cue.end())
                if distance > self.t.window_before:
                    continue
                if _CLAUSE_BREAK.search(self.folded, *between) and self.clause_goes_on(figure):
                    continue  # ", 2470 kişi enkazdan kurtarıldı": its own clause says what
                rank = (1, distance)
            else:
                continue
            if any(between[0] <= o.start < between[1] for o in others if o is not figure):
                continue
            if cue.end() <= figure.start and any(self.owns(o, cue.start()) for o in others):
                continue  # "205 ölü, 1003 yaralı, 101 bina": the cue is an earlier figure's
            if best is None or rank < best[0]:
                best = (rank, measure, cue.start(), cue.end())
        if best is not None and best[1] in WEAK_NOUN_MEASURES and best[2] >= figure.end:
            # "8 asker öldü", "12 soldats tués": the verb says what happened to them
            told = self.told(figure, best[3], others, cues)
            if told is not None:
                return told
        return None if best is None else best[1:]

    def told(
        self, figure: Figure, after: int, others: list[Figure], cues: list[re.Match[str]]
    ) -> tuple[str, int, int] | None:
        """The first cue of what happens to people (killed, injured, detained, ...) after
        ``after``, in the figure's clause and window, with no other figure between."""
        for cue in cues:
            measure = lookup(self.t.cue_measure, cue.group())
            if measure not in PEOPLE_MEASURES or cue.start() < after:
                continue
            if cue.start() - figure.end > self.t.window_after:
                break
            if _CLAUSE_BREAK.search(self.folded, figure.end, cue.start()):
                break
            if any(figure.end <= o.start < cue.start() for o in others if o is not figure):
                break
            return measure, cue.start(), cue.end()
        return None


def scope_after(scopes: ScopeTables, folded: str, start: int, sentence_end: int) -> str:
    """The group named by a scope word among the first SCOPE_WORDS words from ``start`` (the
    end of a figure) of the folded text, in its clause and sentence with no number between;
    "" when none is."""
    found = scopes.words.search(folded, start, min(start + SCOPE_REACH, sentence_end))
    if found is None:
        return ""
    between = folded[start : found.start()]
    if (_CLAUSE_BREAK.search(between) or _SENTENCE_END.search(between)
            or any(ch.isdigit() for ch in between)
            or len(_WORD.findall(between)) >= SCOPE_WORDS):
        return ""
    return lookup(scopes.group, found.group()) or ""


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] == " ":
        position += 1
    return position


def _share_joined_measures(
    finder: _Finder, figures: list[Figure], measures: list[str | None]
) -> None:
    """Two counted figures joined by "and" count one thing ("逮捕62人和33人", "62人と33人を逮捕
    した"): one without a cue of its own takes the other's measure (in place). Only after a
    counter ("人", "kişi"): "entre 30 et 40 disparus" is one range, not two counts."""
    pairs = range(len(figures) - 1)
    for i in [*pairs, *reversed(pairs)]:  # both ways: "8人、12人和33人" shares along the chain
        first, second = figures[i], figures[i + 1]
        if (measures[i] is None) == (measures[i + 1] is None) or "money" in measures[i : i + 2]:
            continue
        counted = finder.skip_counter(first.end)
        if counted == _skip_space(finder.folded, first.end):
            continue
        if _AND.match(finder.folded, counted, second.bound_start):
            measures[i] = measures[i + 1] = measures[i] or measures[i + 1]


def _share_parallel_measures(
    finder: _Finder, figures: list[Figure], measures: list[str | None], cue_starts: list[int]
) -> None:
    """A figure with no cue of its own in the clause after a counted figure, told the same way,
    counts the same thing: "29.605 in Turchia e 3.574 in Siria", "24.617 Menschen, in Syrien
    3575", "土耳其 2萬9605 人,敘利亞則是3576 人" (in place). Told the same way: within
    PARALLEL_GAP characters with no number or other cue than the first figure's own between,
    after a comma or an "and", and followed by the same counter, by the same word as the first
    figure (or its noun), or by nothing ("... 3.574, per un totale"); "1 121 morts, 2 834
    bâtiments" is two things."""
    for i in range(1, len(figures)):
        before, figure = figures[i - 1], figures[i]
        if measures[i] is not None or measures[i - 1] in (None, "money") or figure.unit:
            continue
        gap = finder.folded[before.end : figure.bound_start]
        after = _skip_space(finder.folded, figure.end)
        if (
            len(gap) > PARALLEL_GAP
            or any(ch.isdigit() for ch in gap)
            or _LIST_BREAK.search(gap)
            or finder.folded[after : after + 1] in _LIST_MARKS
            or any(before.end <= a < figure.bound_start and not finder.owns(before, a)
                   for a in cue_starts)
            or not (_CLAUSE_BREAK.search(gap) or _AND_WORD.search(gap))
        ):
            continue
        # a case ending glued to the number is the number's ("3576-ra", "3 bin 575'e")
        ending = _CASE_ENDING.match(finder.folded, figure.end)
        following = _words_after(
            finder.folded, finder.skip_counter(ending.end() if ending else figure.end), 1
        )
        repeated = bool(following) and following[0] in _WORD.findall(
            finder.folded, before.end, figure.bound_start
        )[:PARALLEL_WORDS]
        counter = _counter_after(finder, figure) if finder.t.counters is not None else ""
        if counter:  # "2萬9605 人,敘利亞則是3576 人", not "1200 kişi enkazdan çıkarıldı"
            told_alike = counter == _counter_after(finder, before) and (
                repeated or not finder.clause_goes_on(figure))
        else:
            told_alike = not following or repeated
        if told_alike:
            measures[i] = measures[i - 1]


def _counter_after(finder: _Finder, figure: Figure) -> str:
    start = _skip_space(finder.folded, figure.end)
    return finder.folded[start : finder.skip_counter(figure.end)].strip()


def _words_after(folded: str, position: int, count: int) -> list[str]:
    """The first ``count`` words after ``position`` in its clause."""
    end = _CLAUSE_END.search(folded, position)
    return _WORD.findall(folded, position, end.start() if end else len(folded))[:count]


def _figure_day(
    folded: str, tables: LanguageTables, in_dates: list[TimeExpression], fallback: str | None
) -> str | None:
    """The day the figures of a sentence hold for: its first date, unless that date is an
    event's ("the blast of 4 August killed 190"), which says when it happened, not when it was
    counted: the figures then hold as of the publication, when that is later, and without one
    their day is unknown."""
    dated = [t.date for t in in_dates if t.date]
    own = [t.date for t in in_dates if t.date and not dates_an_event(folded, t, tables)]
    if own:
        return own[0]
    return counted_day(dated[0], fallback) if dated else fallback


def find_quantities(
    doc_id: str,
    text: str,
    folded: str,
    tables: LanguageTables,
    sentences: list[tuple[int, int]],
    times: list[TimeExpression],
    published: str | None,
) -> list[Quantity]:
    """The counts of ``text`` with their measure, bound and as-of day (a date of the same
    sentence, else the publication day)."""
    finder = _Finder(text, folded, tables)
    fallback = (published or "")[:10] or None
    quantities: list[Quantity] = []
    for start, end in sentences:
        in_dates = [t for t in times if start <= t.start < end]
        figures = [
            f for f in finder.figures(start, end)
            if not any(t.start <= f.start < t.end for t in in_dates)
        ]
        as_of = _figure_day(folded, tables, in_dates, fallback)
        # Each figure looks only at the figures and cues of its window: a long table without
        # full stops is one "sentence" of thousands of figures.
        starts = [f.start for f in figures]
        cues = list(tables.cues.finditer(folded, start, end)) if figures else []
        cue_starts = [c.start() for c in cues]
        source_cues = (
            cues_in(tables.sources, folded, start, end)
            if figures and tables.sources is not None else []
        )
        measures: list[str | None] = []
        for figure in figures:
            if figure.unit:
                measures.append("money")
                continue
            low = figure.bound_start - tables.window_before - WINDOW_MARGIN
            high = figure.end + tables.window_after + WINDOW_MARGIN
            near = slice(bisect.bisect_left(starts, low), bisect.bisect_right(starts, high))
            near_cues = slice(
                bisect.bisect_left(cue_starts, low), bisect.bisect_right(cue_starts, high)
            )
            found = finder.measure(figure, figures[near], cues[near_cues])
            measures.append(None if found is None else found[0])
        _share_joined_measures(finder, figures, measures)
        _share_parallel_measures(finder, figures, measures, cue_starts)
        for figure, measure in zip(figures, measures, strict=True):
            if measure is None:
                continue
            low, high = bound_interval(figure.value, figure.bound, figure.close)
            quantities.append(
                Quantity(
                    doc_id=doc_id, start=figure.bound_start, end=figure.end,
                    text=text[figure.bound_start : figure.end], low=low, high=high,
                    bound=figure.bound, unit=figure.unit, normalized_unit=figure.unit or "-",
                    measure=measure, incremental=figure.incremental,
                    scope=finder.scope(figure, end),
                    attributed_to=attribution(
                        tables.sources, text, folded, source_cues, (start, end),
                        (figure.bound_start, figure.end),
                    ) if source_cues and tables.sources is not None else "",
                    as_of=as_of, sentence_start=start, sentence_end=end,
                )
            )
    return quantities
