"""The word tables of one language, compiled once into the regular expressions the rules use.

Tables are ``newsprism/data/languages/<code>/quantities.json`` and ``dates.json`` (keys in
``newsprism/data/languages/README.md``). Every word is folded like the text
(:func:`~newsprism.extract.languages.generic.text.fold`), so a table may be written with or
without accents. A cue or multiplier ending in ``$`` must end a word ("tot$" is "tot", not
"total"); other cues are word beginnings ("verletz" is "verletzt", "Verletzte", ...) or, in a
language whose table says ``"match": "anywhere"`` (Arabic, Chinese, Japanese, ...), found
anywhere in a word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from newsprism.extract.languages.generic.sources import SourceTables, compile_sources
from newsprism.extract.languages.generic.text import fold
from newsprism.extract.languages.tables import load_table
from newsprism.model import Bound

# Languages with their own adapter: the table rules never run on them.
OWN_PIPELINE = frozenset({"en", "ru"})
# Characters a cue may sit from its number, when the table does not say (word languages).
WINDOW_AFTER = 40
WINDOW_BEFORE = 60
# Currencies every language writes alike; a table's ``currencies`` adds its own words.
CURRENCIES = {"$": "dollar", "usd": "dollar", "€": "euro", "eur$": "euro", "£": "pound"}
# Arabic short vowels and other marks a word may carry between its letters ("شُردوا").
_ARABIC_MARKS = "[\u064b-\u065f\u0670]?"
_ARABIC = re.compile("[\u0600-\u06ff]")
_MARKS = re.compile("[\u064b-\u065f\u0670]")


# Bounds a table may give besides the model's: close to the number on one side ("poco più di
# 190", "knapp unter 200"); read as "more than" / "less than" with a bounded interval.
CLOSE_BOUNDS: dict[str, Bound] = {"just over": "more than", "just under": "less than"}


@dataclass(frozen=True)
class LanguageTables:
    language: str
    keep: str  # letters that keep their marks when folded (Turkish "öü")
    decimal: str
    anywhere: bool
    window_after: int
    window_before: int
    cues: re.Pattern[str]
    cue_measure: dict[str, str]
    multipliers: re.Pattern[str] | None
    multiplier_value: dict[str, float]
    bounds_before: re.Pattern[str] | None
    bound_before: dict[str, str]
    bounds_after: re.Pattern[str] | None
    bound_after: dict[str, str]
    counters: re.Pattern[str] | None
    number_and: re.Pattern[str] | None
    number_words: re.Pattern[str] | None
    number_word_value: dict[str, int]
    currencies: re.Pattern[str] | None
    incremental_before: re.Pattern[str] | None
    incremental_after: re.Pattern[str] | None
    currency_unit: dict[str, str]
    percent_after: re.Pattern[str] | None
    clause_words: re.Pattern[str] | None  # "tandis que", "mientras": the next clause begins
    percent_before: re.Pattern[str] | None
    months: re.Pattern[str] | None
    month_number: dict[str, int]
    solar_months: re.Pattern[str] | None
    solar_month_number: dict[str, int]
    relative_days: re.Pattern[str] | None
    relative_day_offset: dict[str, int]
    # "esplosione", "地震": the noun of an event a date next to it dates ("l'esplosione del
    # 4 agosto"); with event_date_links, the date comes first and one of these ends the words
    # between ("8月4日的爆炸", "4 Ağustos'taki patlama")
    event_nouns: re.Pattern[str] | None = None
    event_date_links: re.Pattern[str] | None = None
    sources: SourceTables | None = None  # "secondo", "selon", "göre": who gave a figure
    scopes: ScopeTables | None = None  # "enfants", "policías": the group a figure counts
    # "nombre d", "عدد", "sayısı": a noun of "the number of" a group, which names the group a
    # later figure counts; with count_nouns_follow the group comes first ("çocuk sayısı")
    count_nouns: re.Pattern[str] | None = None
    count_nouns_follow: bool = False
    # the month before the day ("2023. február 6-án"), besides the day before the month
    month_first: bool = False


def _key(word: str, keep: str = "") -> str:
    """A table word as the text's folded form ("$" dropped, runs of spaces as one)."""
    if len(word) > 1 and word.endswith("$"):
        word = word[:-1]
    return re.sub(r"\s+", " ", fold(word, keep).strip())


def _alternation(
    words: list[str], anywhere: bool, prefix_ok: bool = True, keep: str = ""
) -> str:
    """One regular expression for the words, longest first; see the module docstring."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        body = r"\s+".join(_piece(piece) for piece in _key(word, keep).split(" "))
        whole = (len(word) > 1 and word.endswith("$")) or not prefix_ok
        parts.append(body + (r"(?!\w)" if whole and not anywhere else ""))
    start = "" if anywhere else r"(?<!\w)"
    return start + "(?:" + "|".join(parts) + ")"


def _piece(word: str) -> str:
    if _ARABIC.search(word):
        return _ARABIC_MARKS.join(re.escape(ch) for ch in word)
    return re.escape(word)


def _compile(
    words: list[str], anywhere: bool, prefix_ok: bool = True, keep: str = ""
) -> re.Pattern[str] | None:
    return re.compile(_alternation(words, anywhere, prefix_ok, keep)) if words else None


def _glued(pattern: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """A multiplier may be glued to its number ("7mila", "5mln"), not to a letter."""
    if pattern is None or not pattern.pattern.startswith(r"(?<!\w)"):
        return pattern
    return re.compile(r"(?<![^\W\d_])" + pattern.pattern[len(r"(?<!\w)"):])


def has_tables(language: str) -> bool:
    """True when ``language`` is read by the table rules (its folder has both tables)."""
    if not language or language in OWN_PIPELINE:
        return False
    return _available(language)


@functools.cache
def _available(language: str) -> bool:
    folder = resources.files("newsprism.data").joinpath("languages").joinpath(language)
    return all(folder.joinpath(f"{name}.json").is_file() for name in ("quantities", "dates"))


@functools.cache
def tables_for(language: str) -> LanguageTables:
    """The compiled tables of ``language`` (which :func:`has_tables` accepts)."""
    q: dict[str, Any] = load_table(language, "quantities")
    d: dict[str, Any] = load_table(language, "dates")
    anywhere = q.get("match") == "anywhere"
    keep = q.get("keep_marks", "")
    key = functools.partial(_key, keep=keep)
    alternation = functools.partial(_alternation, keep=keep)
    compile_words = functools.partial(_compile, keep=keep)
    cue_measure = {
        key(cue): measure for measure, cues in q["measure_cues"].items() for cue in cues
    }
    cue_words = [cue for cues in q["measure_cues"].values() for cue in cues]
    cues = re.compile(alternation(cue_words, anywhere))
    multipliers = q.get("multipliers", {})
    bounds = q.get("bounds", {})
    after = q.get("bounds_after", {})
    words = q.get("number_words", {})
    months = {key(name): i + 1 for i, names in enumerate(d.get("months", [])) for name in names}
    solar = {
        key(name): i + 1 for i, names in enumerate(d.get("solar_months", [])) for name in names
    }
    relative = d.get("relative_days", {})
    currencies = {**CURRENCIES, **q.get("currencies", {})}
    # Multipliers, bounds, number words and month names are whole words unless marked as
    # beginnings; in "anywhere" languages they are glued to the number ("1万", "300多").
    return LanguageTables(
        language=language,
        keep=keep,
        decimal=q.get("decimal", "."),
        anywhere=anywhere,
        window_after=int(q.get("window_after", WINDOW_AFTER)),
        window_before=int(q.get("window_before", WINDOW_BEFORE)),
        cues=cues,
        cue_measure=cue_measure,
        multipliers=_glued(compile_words(list(multipliers), anywhere, prefix_ok=False)),
        multiplier_value={key(w): float(v) for w, v in multipliers.items()},
        bounds_before=(
            re.compile(alternation(list(bounds), anywhere, prefix_ok=False) + r"\s*$")
            if bounds else None
        ),
        bound_before={key(w): b for w, b in bounds.items()},
        bounds_after=(
            re.compile(r"(?:" + alternation(list(after), True, prefix_ok=False) + r")")
            if after else None
        ),
        bound_after={key(w): b for w, b in after.items()},
        counters=compile_words(q.get("counters", []), True, prefix_ok=False),
        number_and=(
            re.compile(r"\s*" + alternation(q["number_and"], True, False) + r"\s*")
            if q.get("number_and") else None
        ),
        number_words=compile_words(list(words), anywhere, prefix_ok=False),
        number_word_value={key(w): int(v) for w, v in words.items()},
        currencies=compile_words(list(currencies), anywhere, prefix_ok=True),
        incremental_before=(
            re.compile(alternation(q["incremental_before"], anywhere, False) + r"\s*$")
            if q.get("incremental_before") else None
        ),
        incremental_after=compile_words(q.get("incremental_after", []), anywhere, False),
        currency_unit={key(w): u for w, u in currencies.items()},
        percent_after=compile_words(["%", "٪", "％", *q.get("percent", [])], True, prefix_ok=False),
        clause_words=compile_words(q.get("clause_words", []), anywhere, prefix_ok=False),
        percent_before=(
            re.compile(alternation(q["percent_before"], anywhere, False) + r"\s*$")
            if q.get("percent_before") else None
        ),
        months=compile_words(list(months), anywhere, prefix_ok=False),
        month_number=months,
        solar_months=compile_words(list(solar), anywhere, prefix_ok=False),
        solar_month_number=solar,
        relative_days=compile_words(list(relative), anywhere, prefix_ok=False),
        relative_day_offset={key(w): int(v) for w, v in relative.items()},
        event_nouns=compile_words(d.get("event_nouns", []), anywhere),
        event_date_links=(
            re.compile("(?:" + alternation(d["event_date_links"], True, False) + r")\s*$")
            if d.get("event_date_links") else None
        ),
        sources=compile_sources(
            q.get("source_cues", {}), compile_words, key, anywhere, cues
        ),
        scopes=_scope_tables(q, compile_words, key, anywhere),
        count_nouns=compile_words(q.get("count_nouns", []), anywhere),
        count_nouns_follow=bool(q.get("count_nouns_follow", False)),
        month_first=bool(d.get("month_first", False)),
    )


@dataclass(frozen=True)
class ScopeTables:
    """A language's ``scope_words``: their alternation and each folded word's group."""

    words: re.Pattern[str]
    group: dict[str, str]


def _scope_tables(
    q: dict[str, Any], compile_words: Callable[..., re.Pattern[str] | None],
    key: Callable[[str], str], anywhere: bool,
) -> ScopeTables | None:
    table: dict[str, list[str]] = q.get("scope_words", {})
    words = compile_words([word for words in table.values() for word in words], anywhere)
    if words is None:
        return None
    return ScopeTables(words, {key(word): scope for scope, ws in table.items() for word in ws})


def _quantities_table(
    language: str,
) -> tuple[dict[str, Any], Callable[..., re.Pattern[str] | None], Callable[[str], str], bool]:
    """A language's quantities table with the word compiler and key its ``keep_marks`` give,
    and whether its words match anywhere (a script without spaces)."""
    q: dict[str, Any] = load_table(language, "quantities")
    keep = q.get("keep_marks", "")
    return (q, functools.partial(_compile, keep=keep), functools.partial(_key, keep=keep),
            q.get("match") == "anywhere")


@functools.cache
def scope_tables(language: str) -> ScopeTables | None:
    """The compiled ``scope_words`` of any language's quantities table, for a language with a
    pipeline of its own (Russian); None when the table has none."""
    return _scope_tables(*_quantities_table(language))


@functools.cache
def source_tables(language: str) -> SourceTables | None:
    """The compiled ``source_cues`` of any language's quantities table, for a language with a
    pipeline of its own (Russian): its cues are matched on the folded text like the table
    languages'; None when the table has none."""
    q, compile_words, key, anywhere = _quantities_table(language)
    return compile_sources(q.get("source_cues", {}), compile_words, key, anywhere)


def word_alternation(
    words: list[str], *, anywhere: bool = False, prefix_ok: bool = True, keep: str = ""
) -> str:
    """The table rules' regular expression for a list of table words (a "$" ends a whole word),
    for other modules' tables in the same format (``data/since_event.json``)."""
    return _alternation(words, anywhere, prefix_ok, keep)


def word_key(word: str, keep: str = "") -> str:
    """A table word as the folded text writes it, the key :func:`lookup` finds it by."""
    return _key(word, keep)


def lookup(table: dict[str, Any], matched: str) -> Any:
    """The table entry a match of its alternation stands for (spaces normalised)."""
    return table.get(re.sub(r"\s+", " ", _MARKS.sub("", matched)))
