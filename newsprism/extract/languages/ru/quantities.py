"""Russian quantities with what they count: "выросло до 47 человек" (killed, when the clause
speaks of "погибших"), "более 3 000 задержанных", "по 50 000 крон", "с 60 до 120 тенге за литр".

The measure names, units and bounds are the English component's
(``newsprism.extract.quantities.measures``, ``newsprism.extract.quantities.units``), so a Russian
figure becomes a claim comparable with an English one.
Cue words are matched on their dictionary form (natasha's morphology), nearest first within the
clause, then within the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract.core.extensions import doc_text
from newsprism.extract.languages.generic.quantities import scope_after
from newsprism.extract.languages.generic.sources import attribution, cues_in
from newsprism.extract.languages.generic.tables import CLOSE_BOUNDS, scope_tables, source_tables
from newsprism.extract.languages.generic.text import fold
from newsprism.extract.languages.ru.morph import Word, lemma, words
from newsprism.extract.languages.tables import load_table
from newsprism.extract.quantities.atoms import bound_interval
from newsprism.extract.quantities.measures import WEAK_NOUN_MEASURES
from newsprism.model import Bound, Change, Quantity, Quote, TimeExpression

_WORDS = load_table("ru", "quantities")


def _by_word(groups: dict[str, list[str]]) -> dict[str, str]:
    """{measure: [words]} → {word: measure}."""
    return {word: key for key, words in groups.items() for word in words}


# Dictionary forms that say what a number counts, mapped to the English measure names.
RU_MEASURE_CUES: dict[str, str] = _by_word(_WORDS["measure_cues"])
# Dictionary forms of currency nouns → the English unit names of
# ``newsprism.extract.quantities.units``.
RU_CURRENCIES: dict[str, str] = _WORDS["currencies"]
RU_PER_UNITS: dict[str, str] = _WORDS["per_units"]
PEOPLE_NOUNS = frozenset(_WORDS["people_nouns"])
MULTIPLIERS: dict[str, float] = {k: float(v) for k, v in _WORDS["multipliers"].items()}
# Bounds, with the close ones ("чуть более": "just over") read in find_quantities.
BOUNDS: dict[str, str] = _WORDS["bounds"]
# Verbs of change before "до N": the figure is the new value, not an upper bound.
CHANGE_VERBS: dict[str, Change] = _by_word(_WORDS["change_verbs"])  # type: ignore[arg-type]
INCREMENTAL_WORDS = frozenset(_WORDS["incremental_words"])
_NUM = r"\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?"
_MULTIPLIER = (
    r"(?:\s*(?P<multiplier>тыс\.|тыс\b|тысяч[аиу]?\b|млн\b|млрд\b|миллион\w*|миллиард\w*))?"
)
# "с 60 до 120" is a change from 60 to 120; "от 60 до 120" an interval.
NUMBER = re.compile(
    r"(?<![\w.,])(?:(?P<range>[сc]|от)\s+(?P<first>" + _NUM + r")\s+до\s+)?"
    r"(?P<number>" + _NUM + r")" + _MULTIPLIER,
    re.I,
)
# Longest first (order does not change what matches: the pattern is anchored at the number).
BOUND_BEFORE = re.compile(
    r"(?P<bound>" + "|".join(sorted(BOUNDS, key=len, reverse=True)) + r")\s+$", re.I
)
CLAUSE_BREAK = re.compile(r"[,;:()«»\"—–]")


def _value(number: str, multiplier: str) -> float:
    value = float(re.sub(r"[ \u00a0]", "", number).replace(",", "."))
    multiplier = multiplier.rstrip(".").lower()
    for prefix, factor in MULTIPLIERS.items():
        if multiplier.startswith(prefix):
            return value * factor
    return value


def _clause(text: str, start: int, end: int, sent_start: int, sent_end: int) -> tuple[int, int]:
    breaks = CLAUSE_BREAK.finditer(text, sent_start, start)
    left = max((m.end() for m in breaks), default=sent_start)
    right = next((m.start() for m in CLAUSE_BREAK.finditer(text, end, sent_end)), sent_end)
    return left, right


def _measure(
    sentence_words: list[Word], start: int, end: int, clause: tuple[int, int]
) -> str | None:
    """The nearest cue word's measure: first inside the clause, then in the whole sentence."""
    scored = [
        (min(abs(w.start - end), abs(start - w.end)), RU_MEASURE_CUES[w.lemma], w)
        for w in sentence_words
        if w.lemma in RU_MEASURE_CUES
    ]
    inside = [s for s in scored if clause[0] <= s[2].start < clause[1]]
    for candidates in (inside, scored):
        if candidates:
            return min(candidates, key=lambda s: s[0])[1]
    return None


def _unit(
    text: str, noun: Word | None, sent_end: int, measure: str | None
) -> tuple[str, str, str, str | None]:
    """(surface unit, normalised unit, per, measure) from the noun after the number."""
    if noun is None:
        return "", "", "", measure
    noun_lemma = noun.lemma
    if noun_lemma in RU_CURRENCIES:
        per_match = re.match(r"\s+за\s+(\w+)", text[noun.end : sent_end])
        per = RU_PER_UNITS.get(lemma(per_match.group(1)), "") if per_match else ""
        return noun.text, RU_CURRENCIES[noun_lemma], per, "price" if measure == "price" else "money"
    if noun_lemma in PEOPLE_NOUNS:
        return noun.text, "people", "", measure
    if noun_lemma in RU_MEASURE_CUES:
        counted = RU_MEASURE_CUES[noun_lemma]
        # "задержала 1 200 участников": the verb says what happened to the group the noun names.
        if counted in WEAK_NOUN_MEASURES and measure is not None:
            counted = measure
        return noun.text, noun_lemma, "", counted
    return "", "", "", measure


# Dictionary forms of number words ("шесть человек", "двое погибших"); larger figures are
# written in digits in news.
NUMBER_WORDS: dict[str, float] = {k: float(v) for k, v in _WORDS["number_words"].items()}


@dataclass(frozen=True)
class Figure:
    """A number in the text: digits ("1 200", "3,5 тыс."), a range or a number word."""

    start: int
    end: int
    number_start: int
    value: float
    first: float | None = None  # "с 60 до 120" / "от 60 до 120": the 60
    interval: bool = False  # "от ... до": an interval; "с ... до": a change
    spelled: bool = False  # a number word, kept only before the noun it counts


def _figures(text: str, start: int, end: int, sentence_words: list[Word]) -> list[Figure]:
    figures = [
        Figure(
            start=m.start(), end=m.end(), number_start=m.start("number"),
            value=_value(m.group("number"), m.group("multiplier") or ""),
            first=_value(m.group("first"), "") if m.group("first") else None,
            interval=(m.group("range") or "").lower() == "от",
        )
        for m in NUMBER.finditer(text, start, end)
    ]
    # "один" is as often "alone" or "one of" as a count: left out.
    figures += [
        Figure(w.start, w.end, w.start, NUMBER_WORDS[w.lemma], spelled=True)
        for w in sentence_words
        if w.lemma in NUMBER_WORDS and w.lemma != "один"
    ]
    return sorted(figures, key=lambda f: f.start)


def find_quantities(
    doc: Doc, times: list[TimeExpression], quotes: list[Quote]
) -> list[Quantity]:
    """Every number of the Russian Doc that counts people, money or prices, or that a cue word
    ties to a measure; dates and times (in ``times``) are not quantities."""
    text = doc_text(doc)
    fallback = (doc._.published.value or "")[:10] if doc._.published is not None else ""
    quantities: list[Quantity] = []
    sources = source_tables("ru")
    scopes = scope_tables("ru")
    folded = fold(text) if sources is not None or scopes is not None else ""
    for sent in doc.sents:
        sentence_words = words(text, sent.start_char, sent.end_char)
        source_cues = (
            cues_in(sources, folded, sent.start_char, sent.end_char) if sources else []
        )
        for figure in _figures(text, sent.start_char, sent.end_char, sentence_words):
            start, end = figure.start, figure.end
            if any(t.start <= figure.number_start < t.end for t in times):
                continue
            following = [w for w in sentence_words if w.start >= end][:1]
            noun = following[0] if following and following[0].start - end <= 2 else None
            clause = _clause(text, start, end, sent.start_char, sent.end_char)
            cues = [w for w in sentence_words if w != noun]
            unit, normalized, per, measure = _unit(
                text, noun, sent.end_char, _measure(cues, start, end, clause)
            )
            if measure is None or (figure.spelled and not unit):
                continue
            span_end = noun.end if unit and noun is not None else end
            value = figure.value
            low: float | None = value
            high: float | None = value
            from_value: float | None = None
            bound: Bound = "exact"
            change: Change = "="
            span_start = start
            if figure.first is not None:
                if figure.interval:
                    low = figure.first
                else:
                    from_value, change = figure.first, "up" if value > figure.first else "down"
            elif bound_match := BOUND_BEFORE.search(text[sent.start_char : start]):
                span_start = sent.start_char + bound_match.start()
                written = BOUNDS[bound_match.group("bound").lower()]
                close = written in CLOSE_BOUNDS
                bound = CLOSE_BOUNDS.get(written, written)  # type: ignore[assignment]
                previous = words(text, sent.start_char, span_start)[-1:]
                if bound == "up to" and previous and previous[0].lemma in CHANGE_VERBS:
                    # "выросло до 47": the new figure, not an upper bound.
                    bound, change = "exact", CHANGE_VERBS[previous[0].lemma]
                    span_start = start
                low, high = bound_interval(value, bound, close)
            said_by = _attribution(quotes, start)
            if not said_by and source_cues and sources is not None:
                said_by = attribution(
                    sources, text, folded, source_cues, (sent.start_char, sent.end_char),
                    (span_start, span_end),
                )
            preceding = words(text, sent.start_char, span_start)[-1:]
            quantities.append(
                Quantity(
                    doc_id=doc._.doc_id, start=span_start, end=span_end,
                    text=text[span_start:span_end], low=low, high=high, bound=bound,
                    change=change, unit=unit, normalized_unit=normalized or "-", per=per,
                    measure=measure, from_low=from_value, from_high=from_value,
                    incremental=bool(preceding) and preceding[0].text.lower() in INCREMENTAL_WORDS,
                    attributed_to=said_by,
                    scope=scope_after(scopes, folded, end, sent.end_char) if scopes else "",
                    as_of=_as_of(times, sent.start_char, sent.end_char) or fallback or None,
                    sentence_start=sent.start_char, sentence_end=sent.end_char,
                )
            )
    return quantities


def _attribution(quotes: list[Quote], start: int) -> str:
    for quote in quotes:
        if quote.start <= start < quote.end:
            return quote.speaker
    return ""


def _as_of(times: list[TimeExpression], start: int, end: int) -> str | None:
    """The date the sentence ``[start, end)`` gives; the caller falls back on publication."""
    for time in times:
        if start <= time.start < end and time.date:
            return time.date
    return None


class RussianQuantities:
    """spaCy component: ``doc._.quantities`` for Russian text (after dates and quotes)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = find_quantities(doc, doc._.times or [], doc._.quotes or [])
        return doc


@Language.factory("newsprism_ru_quantities", assigns=["doc._.quantities"])
def make_russian_quantities(nlp: Language, name: str) -> RussianQuantities:
    return RussianQuantities(nlp, name)
