"""Country and province names in the languages newsprism reads, from CLDR (babel) and ISO 3166
(pycountry), so that "土耳其", "Turkije", "تركيا" and "Kahramanmaraş" all lie in Turkey.

The team's gazetteer (``data/places.tsv``) stays the first word on a name and gives the canonical
spelling ("Turkey", not CLDR's "Türkiye"); these tables only add the names it lacks. Both
packages ship their data, so nothing is fetched at run time.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from importlib import resources

# Names shorter than this in an alphabetic script are too often words ("Man", "Bar", "Of").
MIN_ALPHABETIC_CHARS = 4
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _languages() -> list[str]:
    """The languages with word tables, plus English and Russian."""
    folder = resources.files("newsprism.data").joinpath("languages")
    codes = {entry.name for entry in folder.iterdir() if entry.is_dir()}
    return sorted(codes | {"en", "ru"})


@functools.cache
def world_names() -> dict[str, str]:
    """Casefolded country or province name -> the country's canonical name."""
    return {name: country for name, (country, _) in _names().items()}


@functools.cache
def _names() -> dict[str, tuple[str, bool]]:
    """Casefolded name -> (the country's canonical name, whether the name is the country's)."""
    import pycountry
    from babel import Locale, UnknownLocaleError

    from newsprism.link.places import lookup

    canonical: dict[str, str] = {}
    for country in pycountry.countries:
        english = [country.name, getattr(country, "common_name", ""), Locale("en").territories.get(
            country.alpha_2, ""
        )]
        known = next((p.canonical for name in english if name and (p := lookup(name))), None)
        canonical[country.alpha_2] = known or getattr(country, "common_name", country.name)
    names: dict[str, tuple[str, bool]] = {}
    for language in _languages():
        try:
            territories = Locale.parse(language).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in territories.items():
            if code in canonical:
                names.setdefault(name.casefold(), (canonical[code], True))
    for code, name in canonical.items():
        names.setdefault(name.casefold(), (name, True))
        country = pycountry.countries.get(alpha_2=code)
        for extra in (country.name, getattr(country, "official_name", "")):
            if extra:
                names.setdefault(extra.casefold(), (name, True))
    for subdivision in pycountry.subdivisions:
        country = canonical.get(subdivision.country_code)
        if country:
            names.setdefault(subdivision.name.casefold(), (country, False))
    return {name: value for name, value in names.items() if _usable(name)}


def _usable(name: str) -> bool:
    return bool(_UNSPACED.search(name)) or len(name) >= MIN_ALPHABETIC_CHARS


def world_country(name: str) -> str:
    """The country a country or province name lies in, in any of the languages read; ""."""
    return world_names().get(name.strip().casefold(), "")


MAX_NAME_WORDS = 4  # "Dayr az Zawr", "Bosnia and Herzegovina"
MAX_UNSPACED_CHARS = 8
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # "Türkiye'de": the name ends at the apostrophe
_UNSPACED_RUN = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af·・]+")


def countries_in(text: str, context: str | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, country)`` of every country or province name written in ``text``: word
    n-grams looked up in a dictionary (one look-up per word, not a regular expression of
    thousands of names), and substrings of runs of unspaced script. Names are proper nouns:
    in a cased script they start with a capital. A province counts only where its country is
    named too, in ``context`` (the whole article; ``text`` itself by default): many province
    names are words elsewhere ("Centre", "Most", "Meta")."""
    found = _names_in(text)
    named = {country for _, _, country, is_country in _names_in(context or text) if is_country}
    return [(a, b, country) for a, b, country, is_country in found
            if is_country or country in named]


@functools.lru_cache(maxsize=256)
def _names_in(text: str) -> list[tuple[int, int, str, bool]]:
    names = _names()
    found: list[tuple[int, int, str, bool]] = []
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        first = words[i].group(0)[0]
        match: tuple[int, tuple[str, bool]] | None = None
        if first.lower() == first.upper() or first.isupper():
            for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
                phrase = " ".join(w.group(0) for w in words[i : i + n]).casefold()
                if phrase in names:
                    match = (n, names[phrase])
                    break
        if match is None:
            i += 1
            continue
        n, (country, is_country) = match
        found.append((words[i].start(), words[i + n - 1].end(), country, is_country))
        i += n
    for run in _UNSPACED_RUN.finditer(text):
        chunk, at = run.group(0), 0
        while at < len(chunk):
            for size in range(min(MAX_UNSPACED_CHARS, len(chunk) - at), 1, -1):
                piece = chunk[at : at + size].casefold()
                if piece in names:
                    country, is_country = names[piece]
                    start = run.start() + at
                    found.append((start, start + size, country, is_country))
                    at += size
                    break
            else:
                at += 1
    return sorted(found)


def provinces_in(text: str) -> Counter[str]:
    """How often ``text`` names a province (or region) of each country, whether or not it names
    the country: a domestic report says "Hatay" and "Kahramanmaraş", never "Turkey". The caller
    decides which countries to believe (many province names are words elsewhere)."""
    return Counter(country for _, _, country, is_country in _names_in(text) if not is_country)


# An adjective of a country is its name's stem and a short ending: "Syrian", "syrische",
# "siriano", "сирийскому", "التركية". Stems shorter than this match too many other words.
DEMONYM_MIN_STEM = 4
DEMONYM_MAX_ENDING = 6
_FINAL_VOWELS = frozenset("aeiouyáéíóúàèìòùäëïöüıаеёиоуыэюяйاىةه")
_ARTICLES = ("ال", "وال", "بال", "لل")


@functools.lru_cache(maxsize=1)
def _stems() -> dict[str, str]:
    """Stem of each one-word country name (without one final vowel) -> country; a stem two
    countries share is dropped."""
    stems: dict[str, str] = {}
    shared: set[str] = set()
    for name, (country, is_country) in _names().items():
        if not is_country or not _WORD.fullmatch(name) or "-" in name or _UNSPACED.search(name):
            continue
        stem = name[:-1] if name[-1] in _FINAL_VOWELS else name
        if len(stem) < DEMONYM_MIN_STEM:
            continue
        if stems.get(stem, country) != country:
            shared.add(stem)
        stems[stem] = country
    return {stem: country for stem, country in stems.items() if stem not in shared}


def demonym_countries_in(text: str) -> Counter[str]:
    """Countries whose adjectives ``text`` uses ("the Syrian health ministry", "ministero della
    Salute siriano"): for a sentence that names no country, what it is about. The caller keeps
    only countries it has other reasons to expect (many words begin like a country's name)."""
    stems = _stems()
    found: Counter[str] = Counter()
    for match in _WORD.finditer(text):
        for word in match.group(0).casefold().split("-"):
            for article in _ARTICLES:
                if word.startswith(article) and len(word) - len(article) >= DEMONYM_MIN_STEM:
                    word = word[len(article) :]
                    break
            for size in range(len(word), DEMONYM_MIN_STEM - 1, -1):
                if len(word) - size > DEMONYM_MAX_ENDING:
                    break
                if (country := stems.get(word[:size])) is not None:
                    found[country] += 1
                    break
    return found


@functools.lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    import pycountry

    codes: dict[str, str] = {}
    for country in pycountry.countries:
        if canonical := world_country(country.name):
            codes.setdefault(canonical, country.alpha_2)
    return codes


def official_languages(country: str) -> frozenset[str]:
    """The languages (ISO 639-1 where CLDR has one) official in a country, by its canonical
    name; de facto official ones too (CLDR's territory data)."""
    from babel.languages import get_official_languages

    code = _codes().get(country)
    return frozenset(get_official_languages(code, de_facto=True)) if code else frozenset()


def is_province_name(name: str) -> bool:
    """Whether a name (in any language read) is known as a province or region, not a country."""
    found = _names().get(name.strip().casefold())
    return found is not None and not found[1]
