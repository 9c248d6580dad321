"""Reading numbers written in news text: digits with separators, words, scales and vague counts.

Pure functions over strings; the quantities component decides which tokens form a number.
"""

from __future__ import annotations

import re
import unicodedata

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, float] = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mln": 1e6, "bln": 1e9, "bn": 1e9, "m": 1e6, "k": 1e3, "tn": 1e12, "thousands": 1e3,
    # South Asian scales ("35 lakh rupees", "2 crore")
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# Fractions written as words: "a quarter", "three quarters", "half a million".
FRACTION_VALUES: dict[str, float] = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
    "quarters": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}
# Denominators a written fraction "a/b" uses; "9/11" and "24/7" are names, not amounts.
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100})
# "a dozen" is exact; the plural vague counts are lower bounds: "dozens" is at least two dozen.
DOZEN_WORDS: dict[str, float] = {"dozen": 12, "score": 20, "half": 0.5}
VAGUE_COUNTS: dict[str, float] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2e6,
    "billions": 2e9, "tens": 20,
}

_DIGITS = re.compile(r"^[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+\-−]?\.\d+$")
# Indian digit grouping: "12,34,567.89" (lakhs and crores grouped in twos).
_INDIAN = re.compile(r"^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
# A number glued to letters or symbols in one token: "200lbs", "USD115", "nzd$15", "24703m2".
GLUED = re.compile(
    r"^(?P<prefix>[^\W\d_]{1,4}\$?|[^\W\d_]{2,12}-|[$€£¥₹₽₺₩₦₴₸₿])?"
    r"(?P<number>[-−]?\d+(?:[.,]\d+)*)"
    r"(?P<suffix>[^\W\d_][^\W\d_/.]{0,5}(?:/[^\W\d_]{1,3})?[23²³]?|%|°[CF]?)?$"
)
_EUROPEAN = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+,\d{1,2}$")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(bn|m|k|mln|bln|tn)$", re.I)
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)


def is_ordinal(text: str) -> bool:
    return bool(_ORDINAL.match(text))


def european_style(text: str) -> bool:
    """Whether a text writes decimals with a comma ("4,5 millones", "2.030 detenidos").

    Evidence is a decimal comma (one or two digits after a comma) and no English thousands
    comma anywhere; a single "2.030" alone stays English (2.03).
    """
    has_decimal_comma = re.search(r"\d,\d{1,2}(?!\d)", text) is not None
    has_thousands_comma = re.search(r"\d,\d{3}(?!\d)", text) is not None
    return has_decimal_comma and not has_thousands_comma


def parse_digits(text: str, *, european: bool = False) -> float | None:
    """A number written with digits: "3,000", "4.5", "2.030" (European when told so), "6bn"."""
    text = text.strip()
    if european and _EUROPEAN.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _DIGITS.match(text):
        return float(text.replace(",", "").replace("−", "-"))
    if _INDIAN.match(text):
        return float(text.replace(",", ""))
    fraction = parse_fraction(text)
    if fraction is not None:
        return fraction
    suffixed = _SUFFIXED.match(text)
    if suffixed:
        return float(suffixed.group(1)) * SCALES[suffixed.group(2).lower()]
    return None


def parse_fraction(text: str) -> float | None:
    """"1/4", "3/4", "½": a proper fraction with a usual denominator, else None."""
    if len(text) == 1 and unicodedata.numeric(text, None) is not None and not text.isdigit():
        value = unicodedata.numeric(text)
        return value if 0 < value < 1 else None
    match = _FRACTION.match(text)
    if not match:
        return None
    top, bottom = int(match.group(1)), int(match.group(2))
    if bottom not in FRACTION_DENOMINATORS or not 0 < top < bottom:
        return None
    return top / bottom


def split_glued(text: str) -> tuple[str, str, str] | None:
    """(prefix, digits, suffix) of a token that glues a number to a unit or currency code
    ("200lbs", "USD115", "115.5USD", "nzd$15"), or None when the token is not one."""
    if text[:1].isdigit() and text.replace(",", "").replace(".", "").isdigit():
        return None
    match = GLUED.match(text)
    if not match or not (match.group("prefix") or match.group("suffix")):
        return None
    return match.group("prefix") or "", match.group("number"), match.group("suffix") or ""


def parse_words(words: list[str]) -> float | None:
    """A number from its words: ["two", "hundred", "and", "fifty"], ["4.5", "thousand"]."""
    total = 0.0
    current: float | None = None
    seen = False
    for raw in words:
        word = raw.lower().strip()
        if word in ("and", "-", "a", "an"):
            if word in ("a", "an") and current is None:
                current = 1
            continue
        digit = parse_digits(word)
        if digit is not None:
            current = (current or 0) + digit
        elif "-" in word and all(part in UNITS_WORDS for part in word.split("-")):
            current = (current or 0) + sum(UNITS_WORDS[p] for p in word.split("-"))
        elif word in UNITS_WORDS:
            current = (current or 0) + UNITS_WORDS[word]
        elif word in DOZEN_WORDS:
            current = (current or 1) * DOZEN_WORDS[word]
        elif word in FRACTION_VALUES:
            # "a quarter", "three quarters", "half": a fraction of what follows
            current = (current or 1) * FRACTION_VALUES[word]
        elif word in SCALES and word not in ("m", "k"):
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = None
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + (current or 0)


def is_number_word(word: str) -> bool:
    lower = word.lower()
    return (
        lower in UNITS_WORDS
        or (lower in SCALES and lower not in ("m", "k", "bn", "tn", "mln", "bln"))
        or lower in DOZEN_WORDS
        or lower in ("lakh", "lakhs", "crore", "crores")
        or ("-" in lower and all(p in UNITS_WORDS for p in lower.split("-")))
    )
