"""Cyrillic → Latin transliteration and spelling skeletons for comparing names across outlets.

Outlets romanise the same Russian or Kazakh name differently (Kassym-Jomart / Kassym-Zhomart /
Kassym-Yomart, Tokayev / Tokaev). A *skeleton* maps all of them onto one string so that exact
lookups and fuzzy scores compare the name, not the romanisation scheme.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# A simple, reversible-enough romanisation (close to BGN/PCGN), written for this project.
CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "қ": "k", "ғ": "g",
    "ң": "n", "ө": "o", "ү": "u", "ұ": "u", "һ": "h", "ә": "a",
}

# Romanisation variants folded together, longest first (applied after lower-casing).
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("shch", "s"), ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("ts", "c"), ("tz", "c"),
    ("ch", "c"), ("sh", "s"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v"), ("x", "ks"),
)
_VOWELS = "aeiou"
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def to_latin(text: str) -> str:
    """Romanise Cyrillic letters, keeping everything else; the case of the first letter kept."""
    out: list[str] = []
    for char in text:
        lower = char.lower()
        latin = CYRILLIC_TO_LATIN.get(lower)
        if latin is None:
            out.append(char)
        elif char != lower and latin:
            out.append(latin[0].upper() + latin[1:])
        else:
            out.append(latin)
    return "".join(out)


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _skeleton_word(word: str) -> str:
    if word[:1] == "y" and word[1:2] in _VOWELS:  # Yomart / Jomart / Zhomart
        word = "j" + word[1:]
    for old, new in _DIGRAPHS:
        word = word.replace(old, new)
    word = word.replace("y", "i")
    # Tokayev / Tokaev: an i-glide between vowels is a romanisation choice
    word = re.sub(rf"(?<=[{_VOWELS}])i(?=[{_VOWELS}])", "", word)
    word = re.sub(r"(.)\1+", r"\1", word)  # Kassym / Kasym
    return word


# Abbreviations spelled out before comparing: "Mt Cook" = "Mount Cook".
ABBREVIATIONS: dict[str, str] = {"mt": "mount", "ft": "fort", "pt": "port", "st": "saint"}


@functools.lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """Spelling-insensitive key of a name: 'Kassym-Zhomart Tokayev' → 'kasim jomart tokaev'."""
    text = ascii_fold(to_latin(name)).lower()
    text = re.sub(r"['’`ʼ]", "", text)
    words = [ABBREVIATIONS.get(w, w) for w in re.findall(r"[a-z0-9]+", text)]
    return " ".join(_skeleton_word(w) for w in words)
