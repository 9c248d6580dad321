"""Units a number can carry in news text, with their normalised English names.

The table is data: ``newsprism/data/units.json`` (surface forms, symbols and prefixes of every
unit, its normalised name and its dimension). Names follow the CQE/NewsQuant evaluation's
convention (lowercase English: ``dollar``, ``pound-mass``, ``metric ton``, ``celsius``,
``percentage``); the *kind* derived from the dimension says how the quantities component treats
the unit (money, a share, a duration, or any other physical measurement).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Literal

UnitKind = Literal["currency", "percent", "duration", "physical"]

# Dimensions with their own treatment downstream; every other dimension is "physical".
_KIND_OF_DIMENSION: dict[str, UnitKind] = {
    "currency": "currency", "percent": "percent", "time": "duration",
}
# Length units whose square and cubic forms are derived instead of listed.
_POWERS = (("square", "2", "²", ("sq", "sq.")), ("cubic", "3", "³", ("cu", "cu.")))


def _plural(word: str) -> str | None:
    """The regular English plural of a unit word, or None for symbols and words in -s."""
    if not word.isalpha() or word.endswith("s"):
        return None
    if word.endswith(("x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def _with_plurals(form: str) -> list[str]:
    """A form and its plural: the head word takes the plural ("kilometres per hour",
    "degrees celsius", "square metres", "hong kong dollars")."""
    words = form.split()
    head = 0 if (" per " in form or " an hour" in form or words[0] in ("degree", "deg")) \
        else len(words) - 1
    plural = _plural(words[head])
    if plural is None:
        return [form]
    return [form, " ".join([*words[:head], plural, *words[head + 1:]])]


class UnitTable:
    """Lookups over the unit data file (lowercase forms, exact-case symbols, prefixes)."""

    def __init__(self, data: dict) -> None:
        self.forms: dict[str, tuple[str, UnitKind]] = {}
        self.exact: dict[str, tuple[str, UnitKind]] = {}
        self.prefix: dict[str, tuple[str, UnitKind]] = {}
        self.dimension: dict[str, str] = {}
        symbols_lower: dict[str, set[str]] = {}
        self.after_digits_only = frozenset(data.get("after_digits_only", []))
        for name, entry in data["units"].items():
            dimension = entry["dimension"]
            kind = _KIND_OF_DIMENSION.get(dimension, "physical")
            self.dimension[name] = dimension
            forms = [name, *entry.get("forms", [])]
            symbols = list(entry.get("symbols", []))
            self._add(name, kind, forms, symbols, symbols_lower)
            for prefix in entry.get("prefix", []):
                self.prefix[prefix] = (name, kind)
            if dimension == "length":
                for word, digit, sup, shorts in _POWERS:
                    power_name = f"{word} {name}"
                    self.dimension[power_name] = "area" if digit == "2" else "volume"
                    power_forms = [f"{w} {f}" for w in (word, *shorts) for f in forms]
                    power_symbols = [f"{s}{d}" for s in symbols for d in (digit, sup)] + [
                        f"{w} {s}" for w in shorts for s in symbols
                    ] + [f"{w}{s}" for w in shorts for s in symbols]
                    self._add(power_name, kind, power_forms, power_symbols, symbols_lower)
        # A lowercase symbol stands for its unit when no other unit writes it that way too.
        for lower, names in symbols_lower.items():
            if len(names) == 1 and lower not in self.forms and len(lower) > 1:
                name = next(iter(names))
                self.forms[lower] = (name, _KIND_OF_DIMENSION.get(self.dimension[name],
                                                                  "physical"))

    def _add(self, name: str, kind: UnitKind, forms: list[str], symbols: list[str],
             symbols_lower: dict[str, set[str]]) -> None:
        for form in forms:
            for variant in _with_plurals(form.lower()):
                self.forms.setdefault(variant, (name, kind))
        for symbol in symbols:
            self.exact.setdefault(symbol, (name, kind))
            symbols_lower.setdefault(symbol.lower(), set()).add(name)


@cache
def table() -> UnitTable:
    text = resources.files("newsprism.data").joinpath("units.json").read_text(encoding="utf-8")
    return UnitTable(json.loads(text))


UNITS: dict[str, tuple[str, UnitKind]] = table().forms
# Forms written before the number ("$6 billion", "€40", "GBP 350", "C$ 16.4 million").
PREFIX_SYMBOLS = frozenset(table().prefix)
# Single letters and other forms that are words too only count right after digits ("5 m",
# "40 h"), never after a word number ("one m...").
AMBIGUOUS_FORMS = table().after_digits_only | frozenset(
    form for form in table().forms if len(form) == 1
)
_ALPHA = re.compile(r"^[^\W\d_]+\.?$")


def lookup(form: str) -> tuple[str, UnitKind] | None:
    """(normalised name, kind) of a unit written ``form`` (any case), or None."""
    return UNITS.get(form.lower())


def lookup_text(text: str) -> tuple[str, UnitKind] | None:
    """Like :func:`lookup`, but a symbol written with its case wins ("MB" megabyte, "Mb"
    megabit), and a one-letter symbol counts only in its own case ("L" litre, never "l" of
    a word)."""
    found = table().exact.get(text)
    if found is not None:
        return found
    if len(text) == 1 and text.lower() not in table().forms:
        return None
    return lookup(text)


def lookup_prefix(text: str, *, lowercase_sentence: bool = False) -> tuple[str, UnitKind] | None:
    """A currency written before its number: symbols in any case ("$", "hk$"), letter codes
    only as written in capitals ("GBP", "Rs"), or in a sentence a source lower-cased."""
    lower = text.lower()
    found = table().prefix.get(lower) or table().prefix.get(text)
    if found is None:
        return None
    if found[1] == "currency" and _ALPHA.match(text) and text.islower() and not lowercase_sentence:
        return None
    return found


def dimension(name: str) -> str:
    """The dimension of a normalised unit name ("length", "currency"), "" when unknown."""
    return table().dimension.get(name, "")


# A scale letter written in front of a currency code, as financial reports do ("30 MUSD",
# "MEUR 120", "450 kSEK", "MMUSD 5"): the code must be a currency symbol of the table, in
# capitals, and the scale one of these.
_CODE_SCALES: dict[str, float] = {"M": 1e6, "MM": 1e6, "k": 1e3, "K": 1e3}
_SCALED_CODE = re.compile(r"^(MM|M|k|K)([A-Z]{3})$")


def scaled_currency(text: str) -> tuple[float, str] | None:
    """(scale, normalised currency) of a currency code with a scale letter in front ("MUSD"
    is a million dollars, "kEUR" a thousand euros), or None."""
    match = _SCALED_CODE.match(text)
    if match is None:
        return None
    found = table().exact.get(match.group(2))
    if found is None or found[1] != "currency":
        return None
    return _CODE_SCALES[match.group(1)], found[0]
