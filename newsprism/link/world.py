"""Country and province names in the languages newsprism reads, from CLDR (babel) and ISO 3166
(pycountry), so that "土耳其", "Turkije", "تركيا" and "Kahramanmaraş" all lie in Turkey.

The team's gazetteer (``data/places.tsv``) stays the first word on a name and gives the canonical
spelling ("Turkey", not CLDR's "Türkiye"); these tables only add the names it lacks. Both
packages ship their data, so nothing is fetched at run time.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from importlib import resources

# Names shorter than this in an alphabetic script are too often words ("Man", "Bar", "Of").
MIN_ALPHABETIC_CHARS = 4
# Languages of world news without word tables whose country names are still read: a report in
# Georgian, Hungarian or Hebrew names the countries of its event too. Their short names are
# more often words of another language ("Pole", "Indi"), so these need one letter more.
EXTRA_LANGUAGES = ("az", "be", "bn", "bs", "da", "et", "fi", "he", "hr", "hu", "hy", "ka", "kk",
                   "ky", "lt", "lv", "mk", "ms", "nb", "sk", "sl", "sq", "th", "ur", "uz", "vi")
MIN_EXTRA_ALPHABETIC_CHARS = 5
# A language written in two scripts whose CLDR locale covers one: Kurdish "ku" is Kurmanji
# (Latin), and Sorani, written in Arabic script, is "ckb"; Chinese "zh" is simplified, and
# Taiwan's and Hong Kong's outlets write traditional characters ("敘利亞", not "叙利亚");
# Serbian "sr" is Cyrillic, and its outlets write Latin letters as well ("Sirija").
SECOND_LOCALES = {"ku": "ckb", "zh": "zh_Hant", "sr": "sr_Latn"}
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
    tabled = _languages()
    locales = [*tabled, *(SECOND_LOCALES[code] for code in tabled if code in SECOND_LOCALES)]
    for language in [*locales, *EXTRA_LANGUAGES]:
        try:
            territories = Locale.parse(language).territories
        except (UnknownLocaleError, ValueError):
            continue
        extra = language not in locales
        for code, name in territories.items():
            if code in canonical and (not extra or _usable(name, MIN_EXTRA_ALPHABETIC_CHARS)):
                names.setdefault(name.casefold(), (canonical[code], True))
        _forget_locale(language)
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
    countries = set(canonical.values())
    for name, country in _gazetteer_places(countries):
        names.setdefault(name.casefold(), (country, False))
    return {name: value for name, value in names.items() if _usable(name)}


def _gazetteer_places(countries: set[str]) -> list[tuple[str, str]]:
    """(name, country) of the team gazetteer's cities and regions in every spelling it lists
    ("Aleppo", "Halab", "Алеппо"), so a city named in any language's text gives its country.
    Latin names need MIN_EXTRA_ALPHABETIC_CHARS letters: shorter ones ("Oral", a Kazakh city)
    are often words."""
    from newsprism.link.places import containers, gazetteer

    found: list[tuple[str, str]] = []
    for place in {p.canonical: p for p in gazetteer().values()}.values():
        chain = containers(place.canonical)
        if place.kind == "country" or not chain or chain[-1] not in countries:
            continue
        for name in (place.canonical, *place.variants):
            if _usable(name, MIN_EXTRA_ALPHABETIC_CHARS):
                found.append((name, chain[-1]))
    return found


def _forget_locale(language: str) -> None:
    """Drop a locale's CLDR data from babel's process-wide cache once its names are read: about
    1 MB a locale, kept for the life of the process otherwise (babel has no public switch)."""
    from babel import localedata

    cache = getattr(localedata, "_cache", None)
    if isinstance(cache, dict):
        for key in [k for k in cache if k == language or k.startswith(language + "_")]:
            cache.pop(key, None)


def _usable(name: str, min_chars: int = MIN_ALPHABETIC_CHARS) -> bool:
    return bool(_UNSPACED.search(name)) or len(name) >= min_chars


def world_country(name: str) -> str:
    """The country a country or province name lies in, in any of the languages read; ""."""
    return world_names().get(name.strip().casefold(), "")


MAX_NAME_WORDS = 4  # "Dayr az Zawr", "Bosnia and Herzegovina"
MAX_UNSPACED_CHARS = 8
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # "Türkiye'de": the name ends at the apostrophe
_UNSPACED_RUN = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af·・]+")


# Scripts without capitals (Arabic, Hebrew, Georgian, Devanagari, ...) write a country name with
# a one-letter proclitic ("وتركيا", "בטורקיה": and/in Turkey) or a short ending ("تورکیای",
# Kurdish of-Turkey). Such a word is the country when what is left is a country's name of at
# least MIN_STEM_CHARS letters (provinces are too often words once affixes are allowed).
PROCLITICS = frozenset("وبلفكהבלומשכ")
MAX_SUFFIX_CHARS = 2
MIN_STEM_CHARS = 4
# The letters such an ending is written with: the Kurdish and Persian ezafe and possessive ("ی",
# "ە", Arabic-script "ي", "ى"). Any other letter is part of another word: "بيروت" (Beirut) is
# not "بيرو" (Peru) with an ending.
SUFFIX_LETTERS = frozenset("یيەى")


# Arabic script writes "and" as a letter joined to the next word ("وسوريا"); web text often
# drops the space before it too, gluing two names into one word ("تركياوسوريا", Turkey and
# Syria). Such a word is read as the two names when both halves are countries.
GLUED_CONJUNCTIONS = frozenset("و")


def _glued_pair(
    word: str, names: dict[str, tuple[str, bool]]
) -> tuple[tuple[int, str], tuple[int, str]] | None:
    """((end of the first name, its country), (start of the second, its country)) of a word
    gluing two country names with a conjunction letter, or None."""
    for at, letter in enumerate(word):
        if letter not in GLUED_CONJUNCTIONS or not MIN_STEM_CHARS <= at <= len(word) - 2:
            continue
        left, right = word[:at], word[at + 1 :]
        left_country = _country_word(left, names)
        right_country = _country_word(right, names)
        if left_country and right_country and left_country != right_country:
            return (at, left_country), (at + 1, right_country)
    return None


def _country_word(word: str, names: dict[str, tuple[str, bool]]) -> str:
    country, is_country = names.get(word, ("", False))
    return country if is_country else _inflected(word, names)


def _inflected(word: str, names: dict[str, tuple[str, bool]]) -> str:
    """The country an uncased-script word names with an affix, or ""."""
    starts = (0, 1) if word[0] in PROCLITICS else (0,)
    for start in starts:
        for cut in range(MAX_SUFFIX_CHARS + 1):
            if cut and not set(word[len(word) - cut :]) <= SUFFIX_LETTERS:
                break
            stem = word[start : len(word) - cut]
            if (start or cut) and len(stem) >= MIN_STEM_CHARS:
                country, is_country = names.get(stem, ("", False))
                if is_country:
                    return country
    return ""


# Cyrillic-script languages decline a country's name ("в Турции", "у Турској", "в Туреччині",
# "в Ираке"): a capitalised Cyrillic word names a country when, with up to this many final
# letters replaced by a nominative ending, it is the country's name. The stem left must keep
# MIN_DECLINED_STEM letters ("Кубок", cup, is not "Куба").
MAX_CASE_ENDING = 3
MIN_DECLINED_STEM = 4
NOMINATIVE_ENDINGS = ("", "а", "я", "ия", "ја", "ија", "й", "ь")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")


# Greek declines a country's name too, and moves its accent ("Λίβανος", "του Λιβάνου", "στον
# Λίβανο"; "Τουρκία", "της Τουρκίας"): a capitalised Greek word names a country when, without
# its accents and with up to two final letters replaced by a nominative ending, it is the
# country's name without accents. Ignoring accents needs a longer name ("Κινά", moves, is not
# "Κίνα", China).
GREEK_NOMINATIVE_ENDINGS = ("", "σ", "οσ", "α", "η", "ο")
MIN_GREEK_DECLINED = 5
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]+")


def _unaccented(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(ch))


@functools.cache
def _greek_names() -> dict[str, str]:
    """Greek one-word country names without accents (casefolded: final sigma is "σ")."""
    return {
        _unaccented(name): country
        for name, (country, is_country) in _names().items()
        if is_country and _GREEK.fullmatch(name)
    }


def _greek_declined(word: str) -> str:
    names = _greek_names()
    bare = _unaccented(word)
    for cut in range(0, 3):
        stem = bare[: len(bare) - cut]
        for ending in GREEK_NOMINATIVE_ENDINGS:
            if len(stem + ending) >= MIN_GREEK_DECLINED and stem + ending in names:
                return names[stem + ending]
    return ""


def _declined(word: str, names: dict[str, tuple[str, bool]]) -> str:
    """The country a declined Cyrillic or Greek word names, or "" (``word`` casefolded)."""
    if _GREEK.fullmatch(word):
        return _greek_declined(word)
    if not _CYRILLIC.fullmatch(word):
        return ""
    for cut in range(1, MAX_CASE_ENDING + 1):
        stem = word[: len(word) - cut]
        if len(stem) < MIN_DECLINED_STEM:
            break
        for ending in NOMINATIVE_ENDINGS:
            country, is_country = names.get(stem + ending, ("", False))
            if is_country:
                return country
    return ""


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


@functools.cache
def _openers() -> frozenset[str]:
    """First words of the names of several words ("bosnia" of "bosnia and herzegovina")."""
    return frozenset(name.split(" ")[0] for name in _names() if " " in name)


@functools.lru_cache(maxsize=256)
def _names_in(text: str) -> list[tuple[int, int, str, bool]]:
    names = _names()
    openers = _openers()
    found: list[tuple[int, int, str, bool]] = []
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        word = words[i].group(0)
        first = word[0]
        match: tuple[int, tuple[str, bool]] | None = None
        if first.lower() == first.upper() or first.isupper():
            folded = word.casefold()
            # a longer name only where one starts with this word (most words start none)
            longest = min(MAX_NAME_WORDS, len(words) - i) if folded in openers else 1
            for n in range(longest, 0, -1):
                phrase = " ".join(w.group(0) for w in words[i : i + n]).casefold() if n > 1 \
                    else folded
                if phrase in names:
                    match = (n, names[phrase])
                    break
        if match is None and first.lower() == first.upper():
            country_name = _inflected(word.casefold(), names)
            match = (1, (country_name, True)) if country_name else None
            if match is None and (pair := _glued_pair(word.casefold(), names)):
                at = words[i].start()
                (left_end, left), (right_start, right) = pair
                found += [(at, at + left_end, left, True),
                          (at + right_start, words[i].end(), right, True)]
                i += 1
                continue
        elif match is None and first.isupper():
            country_name = _declined(word.casefold(), names)
            match = (1, (country_name, True)) if country_name else None
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
