"""Translated names: an organisation's name written in another language, word by word.

News translates the name of an organisation rather than transcribing it: the White Helmets are
"Casques blancs", "Weißhelme", "Белые каски", "الخوذ البيضاء", "白頭盔"; the Red Cross is "Croce
Rossa", "الصليب الأحمر". No sound key relates such forms. What does is their *meaning*: each
word of the name is one of a small set of words organisations' names are made of (colours,
cross, helmet, civil, defence, disaster, ministry, health...), listed per language in
``newsprism/data/name_words.json``. A name read through that table is a set of meanings; two
names in different languages with the same set are one name.

- A name's *reading* is its core (the meanings of its words), its countries (a country's name
  or adjective: "Lebanese", "اللبناني", from babel's territory names in that language) and
  nothing else: every word must be a table word, a country, or a joiner ("of", "and", "ve");
  words for the kind of body ("agency", "authority", "庁") count for nothing, since
  translations swap them freely ("Disaster and Emergency Management Authority / Agency /
  Presidency").
- The names read are those of the articles the English pipeline trusts (the *targets*, with a
  core of two meanings at least). Any other name node, and any run of table words in any
  article, whose core is a target's, joins that target when it is the only one with that core
  (after the countries: "Syrian" and "Turkish" Civil Defence stay apart, and a run that names
  no country goes only to a core no two targets share).
- Spans are word runs in spaced scripts (German compounds split: "Weißhelme" = weiß + helme)
  and table pieces in Chinese and Japanese runs ("土耳其灾难和应急管理署"). In a cased script a
  run needs a capitalised word, and in English every word of it, so that common nouns ("civil
  defence teams") are not taken for a name.

Each join keeps its evidence ("translated name: 'Casques blancs' = 'White Helmets' (helmet,
white) in d12").
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from newsprism.link.aliases.forms import _Node, _UnionFind

# Letters a word may carry after a table form (declension, plural, an adjective's ending):
# "blancs", "Белых", "libanesische" (Liban-).
MAX_ENDING = 4
# An adjective's ending after a country's stem may be longer ("liban-esische", "сир-ийский").
MAX_COUNTRY_ENDING = 7
# Shortest stem of a country's name its adjective is matched by.
MIN_COUNTRY_STEM = 4
# Shortest word beginning a spaced-script form is matched by.
MIN_FORM = 3
# Meanings a name needs (besides its countries and body words) to be read at all: one word
# ("Red") is matched by chance.
MIN_CORE = 2
# Words in a run read as one name.
MAX_RUN = 7
# Linking letters between the parts of a German or Dutch compound ("Katastrophen-s-chutz").
_LINKS = ("", "s", "n", "en", "es", "e")
_COMPOUNDING = frozenset({"de", "nl"})
# babel locales whose territory names a language's articles use (Sorani Kurdish is tagged ku).
_BABEL_LOCALES = {"ku": ("ku", "ckb"), "zh": ("zh", "zh_Hant")}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u064b-\u065f\u0670])*(?:['’][^\W\d_]+)?")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
# Arabic proclitics and the article, written joined to the word ("والطوارئ", "الكوارث").
_ARABIC_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل")
# Arabic and Persian letter shapes folded to one (hamza seats, alef maksura, Persian yeh/kaf).
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ی": "ي", "ک": "ك",
                              "ـ": None})
_ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670]")
_APOSTROPHE = re.compile(r"['’]")
_POSSESSIVE = re.compile(r"['’]s")
# French and Italian articles and prepositions written elided onto the next word.
_ELIDED = re.compile(r"(?:[ldLD]|dell|dall|nell|sull|all|Dell|Dall|Nell|Sull|All)['’](?=[^\W\d_])")
COUNTRY = "country:"


@dataclass(frozen=True)
class Reading:
    """What a name means: its core meanings and the countries it names."""

    core: frozenset[str]
    countries: frozenset[str]


@dataclass(frozen=True)
class Piece:
    """A word (or a Chinese/Japanese piece) of a text and its meaning: a concept, a country
    (``country:LB``), "" for a joiner."""

    start: int
    end: int
    meaning: str
    capitalised: bool


def fold(word: str) -> str:
    """Lower case, accents and marks dropped, Turkish dotless i as i, Arabic shapes folded."""
    word = word.casefold().replace("ı", "i").translate(_ARABIC_FOLD)
    word = _ARABIC_MARKS.sub("", word)
    decomposed = unicodedata.normalize("NFD", word)
    if _CJK.search(word):
        return word
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@functools.cache
def _table() -> tuple[dict[str, dict[str, str]], dict[str, frozenset[str]], frozenset[str],
                     dict[str, dict[str, str]]]:
    """language -> {folded form: concept}, language -> joiners, the optional concepts,
    language -> {a country's short form in names: its code}."""
    raw = json.loads(resources.files("newsprism.data").joinpath("name_words.json")
                     .read_text(encoding="utf-8"))
    forms: dict[str, dict[str, str]] = defaultdict(dict)
    joiners: dict[str, set[str]] = defaultdict(set)
    for language, words in raw["joiners"].items():
        joiners[language].update(fold(w) for w in words)
    for concept, by_language in raw["concepts"].items():
        for language, words in by_language.items():
            for word in words:
                first, *rest = fold(word).split()
                forms[language].setdefault(first, concept)
                joiners[language].update(rest)  # "halve maan": the second word is inside it
    return (dict(forms), {k: frozenset(v) for k, v in joiners.items()},
            frozenset(raw["optional"]), raw.get("country_abbreviations", {}))


@functools.cache
def _countries(language: str) -> dict[str, str]:
    """Folded country name or stem -> ``country:CODE``: the name as babel writes it in that
    language, and the name less one or two letters, so that its adjective starts with it
    ("Lebanon" → "Leban-ese", "لبنان" → "لبناني", "Сирия" → "Сири-йский")."""
    from babel import Locale  # babel is loaded only when an article is read this way

    out: dict[str, str] = {}
    for locale in _BABEL_LOCALES.get(language, (language,)):
        try:
            territories = Locale.parse(locale).territories
        except (ValueError, LookupError):
            continue
        for code, name in territories.items():
            if not (len(code) == 2 and code.isalpha()) or " " in name:
                continue
            folded = fold(name)
            if folded.startswith("ال"):
                folded = folded[2:]  # Arabic writes some with the article: "الكويت"
            out.setdefault(folded, COUNTRY + code)
            if _CJK.search(folded):
                continue
            for cut in (1, 2):
                if len(folded) - cut >= MIN_COUNTRY_STEM:
                    out.setdefault(folded[:-cut], COUNTRY + code)
    for abbreviation, code in _table()[3].get(language, {}).items():
        out.setdefault(fold(abbreviation), COUNTRY + code)
    return out


@functools.cache
def _forms(language: str) -> tuple[dict[str, str], frozenset[str], int]:
    """The forms (concepts and countries) and joiners an article in ``language`` is read
    with (its own language's and English: names are quoted in English everywhere), and the
    longest Chinese or Japanese form."""
    forms, joiners, _, _ = _table()
    merged: dict[str, str] = {}
    words: set[str] = set()
    for lang in dict.fromkeys((language, "en")):
        merged.update({k: v for k, v in _countries(lang).items() if k not in merged})
        merged.update(forms.get(lang, {}))
        words |= joiners.get(lang, frozenset())
    longest = max((len(f) for f in (*merged, *words) if _CJK.match(f)), default=0)
    return merged, frozenset(words), longest


def _meaning_of(word: str, forms: Mapping[str, str]) -> tuple[int, str] | None:
    """(length of the form, meaning) of one folded word: the longest form it begins with,
    followed by :data:`MAX_ENDING` letters at most (:data:`MAX_COUNTRY_ENDING` after a
    country's stem: "libanesische")."""
    for size in range(len(word), MIN_FORM - 1, -1):
        found = forms.get(word[:size])
        if found is not None:
            most = MAX_COUNTRY_ENDING if found.startswith(COUNTRY) else MAX_ENDING
            return (size, found) if len(word) - size <= most else None
    return None


def _compound(word: str, forms: Mapping[str, str], depth: int = 0) -> list[str] | None:
    """A German or Dutch compound split into table words ("weißhelme" → white, helmet)."""
    found = _meaning_of(word, forms)
    whole = found[1] if found is not None else None
    if whole is not None and (depth or forms.get(word) is not None):
        return [whole]
    if depth >= 2:
        return [whole] if whole is not None else None
    for cut in range(len(word) - MIN_FORM, MIN_FORM - 1, -1):
        head = forms.get(word[:cut])
        if head is None:
            continue
        for link in _LINKS:
            if word[cut:].startswith(link) and len(word) - cut - len(link) >= MIN_FORM:
                rest = _compound(word[cut + len(link):], forms, depth + 1)
                if rest is not None:
                    return [head, *rest]
    return [whole] if whole is not None else None


@functools.lru_cache(maxsize=1 << 16)  # a corpus repeats its words: read each once
def _word_meanings(word: str, language: str) -> tuple[str, ...] | None:
    """The meanings of a spaced-script word (several for a compound); ("",) for a joiner."""
    forms, joiners, _ = _forms(language)
    folded = fold(_APOSTROPHE.split(word, 1)[0])
    if folded in joiners:
        return ("",)
    candidates = [folded]
    if _ARABIC.search(folded):
        candidates += [folded[len(p):] for p in _ARABIC_PREFIXES
                       if folded.startswith(p) and len(folded) - len(p) >= MIN_FORM]
    # the longest form over the word and its unprefixed forms ("الكوارث" is disasters, not
    # "الكويت" less its end)
    found = max((m for c in candidates if (m := _meaning_of(c, forms)) is not None),
                default=None)
    if found is not None:
        return (found[1],)
    if language in _COMPOUNDING:
        parts = _compound(folded, forms)
        return tuple(parts) if parts else None
    return None


def _cjk_pieces(text: str, start: int, end: int, language: str) -> list[Piece]:
    """Table pieces of a run of Chinese or Japanese characters, longest first from the left."""
    forms, joiners, longest = _forms(language)
    pieces: list[Piece] = []
    i = start
    while i < end:
        for size in range(min(longest, end - i), 0, -1):
            chunk = text[i:i + size]
            meaning = forms.get(chunk) if _CJK.match(chunk) else None
            if meaning is None and chunk in joiners:
                meaning = ""
            if meaning is not None:
                pieces.append(Piece(i, i + size, meaning, True))
                i += size
                break
        else:
            pieces.append(Piece(i, i + 1, "?", False))  # no table piece: breaks a run
            i += 1
    return pieces


def pieces_of(text: str, language: str) -> list[Piece]:
    """Every word and Chinese/Japanese piece of a text with its meaning ("?" for none). A
    compound's meanings are given as pieces of the same span."""
    out: list[Piece] = []
    position = 0
    for run in _CJK_RUN.finditer(text):
        out.extend(_spaced_pieces(text, position, run.start(), language))
        out.extend(_cjk_pieces(text, run.start(), run.end(), language))
        position = run.end()
    out.extend(_spaced_pieces(text, position, len(text), language))
    return out


def _common_word_country(word: str, meanings: Sequence[str], language: str) -> bool:
    """A country's whole name written in lower case is a common word that spells it ("la
    réunion du Conseil" is a meeting, not Réunion); its adjective may be lower case."""
    if len(meanings) != 1 or not meanings[0].startswith(COUNTRY):
        return False
    if not _cased(word[:1]) or word[:1].isupper():
        return False
    stem = fold(_APOSTROPHE.split(word, 1)[0])
    return _forms(language)[0].get(stem) == meanings[0] and stem in _country_names(language)


@functools.cache
def _country_names(language: str) -> frozenset[str]:
    """Folded whole country names (not stems) of a language's articles and English."""
    from babel import Locale

    names: set[str] = set()
    for lang in dict.fromkeys((language, "en")):
        for locale in _BABEL_LOCALES.get(lang, (lang,)):
            try:
                territories = Locale.parse(locale).territories
            except (ValueError, LookupError):
                continue
            names |= {fold(n) for c, n in territories.items()
                      if len(c) == 2 and c.isalpha() and " " not in n}
    return frozenset(names)


def _spaced_pieces(text: str, start: int, end: int, language: str) -> list[Piece]:
    out: list[Piece] = []
    for match in _WORD.finditer(text, start, end):
        word = match.group(0)
        elided = _ELIDED.match(word)
        if elided is not None:
            # "l'Intérieur", "dell'Interno": the elided article is a joiner, the word follows
            out.append(Piece(match.start(), match.start() + elided.end(), "", False))
            after = match.start() + elided.end()
            word = word[elided.end():]
            match = _WORD.match(text, after) or match
            if match.start() != after:
                continue
        stem_end = match.start() + len(_APOSTROPHE.split(word, 1)[0])
        if _POSSESSIVE.fullmatch(word[stem_end - match.start():]):
            stem_end = match.end()  # "Lebanon's Red Cross": a possessive goes on the name
        meanings = _word_meanings(word, language)
        if meanings and _common_word_country(word, meanings, language):
            meanings = None
        if not meanings:
            out.append(Piece(match.start(), stem_end, "?", False))
            continue
        capitalised = word[:1].isupper() or not _cased(word[:1])
        for meaning in meanings:
            out.append(Piece(match.start(), stem_end, meaning, capitalised))
        if stem_end < match.end():
            out.append(Piece(stem_end, match.end(), "?", False))  # a case ending ends a name
    return out


def reading(meanings: Iterable[str]) -> Reading | None:
    """The reading of a name's meanings, or None when it has too few to be told apart."""
    optional = _table()[2]
    core, countries = set(), set()
    for meaning in meanings:
        if not meaning or meaning in optional:
            continue
        if meaning == "?":
            return None
        (countries if meaning.startswith(COUNTRY) else core).add(meaning)
    if len(core) < MIN_CORE:
        return None
    return Reading(frozenset(core), frozenset(countries))


def read_name(name: str, language: str) -> Reading | None:
    """The reading of a whole name ("Croce Rossa libanese" → cross, red; LB)."""
    pieces = pieces_of(name, language)
    if not pieces:
        return None
    return reading(p.meaning for p in pieces)


def _cased(text: str) -> bool:
    return any(c.lower() != c.upper() for c in text)


def _name_runs(pieces: Sequence[Piece], text: str, language: str) -> list[tuple[int, int]]:
    """(first, last) piece indices of the runs of table words of a text, gaps between them
    only spaces, hyphens or name dots."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(pieces):
        if pieces[i].meaning == "?":
            i += 1
            continue
        j = i
        while (j + 1 < len(pieces) and pieces[j + 1].meaning != "?"
               and _GAP.fullmatch(text[pieces[j].end:pieces[j + 1].start])):
            j += 1
        runs.append((i, j))
        i = j + 1
    return runs


@functools.cache
def _conjunctions() -> frozenset[str]:
    raw = json.loads(resources.files("newsprism.data").joinpath("name_words.json")
                     .read_text(encoding="utf-8"))
    return frozenset(fold(w) for w in raw.get("conjunctions", []))


def _country_by_conjunction(pieces: Sequence[Piece], text: str) -> bool:
    """Whether a country at either end is joined to the rest by "and" ("Vereinten Nationen
    und Frankreichs": the United Nations and France)."""
    for ordered in (pieces, pieces[::-1]):
        i = 0
        while i < len(ordered) and ordered[i].meaning.startswith(COUNTRY):
            i += 1
        if i == 0:
            continue
        while i < len(ordered) and not ordered[i].meaning:
            if fold(text[ordered[i].start:ordered[i].end]) in _conjunctions():
                return True
            i += 1
    return False


def _acceptable(pieces: Sequence[Piece], text: str, language: str) -> bool:
    """A run that reads as a name: no joiner at its ends, no country joined to it by "and";
    in a cased script, a capitalised word (every word in English)."""
    if not pieces[0].meaning or not pieces[-1].meaning:
        return False
    if _country_by_conjunction(pieces, text):
        return False
    span = text[pieces[0].start:pieces[-1].end]
    if not _cased(span):
        return True
    words = [p for p in pieces if p.meaning]
    if language == "en":
        return all(p.capitalised for p in words)
    return any(p.capitalised for p in words)


# What may stand between the words of one name: a space or a hyphen, a name dot; no line break.
_GAP = re.compile(r"[^\S\n]{0,2}|[^\S\n]?[\-・·][^\S\n]?")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str
    reading: Reading


def find_names(text: str, language: str, wanted: set[frozenset[str]]) -> list[Found]:
    """The spans of a text that read as a name whose core is in ``wanted``: the longest such
    span of each run of table words, the rest of the run searched again."""
    if not wanted:
        return []
    pieces = pieces_of(text, language)
    found: list[Found] = []
    for first, last in _name_runs(pieces, text, language):
        run = pieces[first:last + 1]
        taken = [False] * len(run)
        for size in range(min(len(run), MAX_RUN * 2), 0, -1):
            for i in range(len(run) - size + 1):
                if any(taken[i:i + size]):
                    continue
                part = run[i:i + size]
                if (i and run[i - 1].start == part[0].start) or (
                        i + size < len(run) and run[i + size].start == part[-1].start):
                    continue  # a part of a compound is not a name of its own
                read = reading(p.meaning for p in part)
                if read is None or read.core not in wanted:
                    continue
                if not _acceptable(part, text, language):
                    continue
                start, end = part[0].start, part[-1].end
                found.append(Found(start, end, text[start:end], read))
                taken[i:i + size] = [True] * size
                bare = _without_countries(part)
                if bare and (bare[0].start, bare[-1].end) != (start, end):
                    # the name proper, without the country written before or after it
                    # ("土耳其灾难和应急管理署"): a form of its own
                    b_start, b_end = bare[0].start, bare[-1].end
                    found.append(Found(b_start, b_end, text[b_start:b_end], read))
    return found


def _without_countries(part: Sequence[Piece]) -> Sequence[Piece]:
    """A run less the countries and joiners at its ends."""
    first, last = 0, len(part)
    while first < last and (part[first].meaning.startswith(COUNTRY) or not part[first].meaning):
        first += 1
    while last > first and (part[last - 1].meaning.startswith(COUNTRY)
                            or not part[last - 1].meaning):
        last -= 1
    return part[first:last]


def _choose(targets: Mapping[frozenset[str], Mapping[frozenset[str], set[str]]],
            read: Reading, one: Callable[[set[str]], str | None]) -> str | None:
    """The one target root a reading names: its core's only root, or, when the reading names
    countries, the only root of its core naming those countries (or, failing one, none).
    ``one`` tells which root a set of roots stands for, if any."""
    by_countries = targets.get(read.core)
    if not by_countries:
        return None
    if read.countries:
        exact = by_countries.get(read.countries, set())
        if exact:
            return one(exact)
        plain = by_countries.get(frozenset(), set())
        others = {r for c, roots in by_countries.items() if c for r in roots}
        return one(plain) if plain and not others else None
    return one({r for roots in by_countries.values() for r in roots})


def translation_merges(
    documents: Mapping[str, object], nodes: dict[str, _Node],
    keys: dict[tuple[str, int, int], str], uf: _UnionFind, evidence: dict[str, list[str]],
) -> None:
    """Join the translated forms of the trusted articles' names (see the module docstring)."""
    language_of = {d: getattr(doc, "language", "") or "" for d, doc in documents.items()}
    readings: dict[str, list[tuple[str, Reading]]] = defaultdict(list)
    for key, node in nodes.items():
        if not node.trusted or node.cls == "PLACE" or not _english(node, language_of):
            continue
        for surface in node.surfaces:
            read = read_name(surface, "en")
            if read is not None:
                readings[key].append((surface, read))
    if not readings:
        return
    _one_name_two_classes(readings, nodes, uf, evidence)
    targets: dict[frozenset[str], dict[frozenset[str], set[str]]] = defaultdict(
        lambda: defaultdict(set))
    shown: dict[str, str] = {}
    for key, found in readings.items():
        root = uf.find(key)
        for surface, read in found:
            targets[read.core][read.countries].add(root)
            shown.setdefault(root, surface)

    def one(roots: set[str]) -> str | None:
        # one name the tagger put in two classes ("White Helmets" as a person and as a
        # facility): the more named of them; two different names: none
        if len({_skeleton_of(nodes[r]) for r in roots}) != 1:
            return None
        return max(sorted(roots), key=lambda r: sum(nodes[r].surfaces.values()))

    # a root that is some trusted name's is never joined to another's through a translation
    target_roots = {r for by in targets.values() for roots in by.values() for r in roots}
    # other name nodes: the model's reading of another language, or another pipeline's
    for key, node in sorted(nodes.items()):
        if node.cls == "PLACE" or (node.trusted and _english(node, language_of)):
            continue
        languages = sorted({language_of.get(d, "") for d in node.docs}) or [""]
        for surface in node.surfaces:
            read = next((r for lang in languages if (r := read_name(surface, lang))), None)
            target = _choose(targets, read, one) if read is not None else None
            if target is not None and uf.find(key) not in target_roots:
                why = _why(surface, shown[target], read, "")
                uf.parent[uf.find(key)] = uf.find(target)
                evidence[key].append(why)
                evidence[target].append(why)
                break
    wanted = set(targets)
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, start, end in keys:
        spans[doc_id].append((start, end))
    for doc_id in sorted(documents):
        text = getattr(documents[doc_id], "text", "")
        for hit in find_names(text, language_of.get(doc_id, ""), wanted):
            target = _choose(targets, hit.reading, one)
            if target is None:
                continue
            node = nodes[target]
            why = _why(hit.text, shown[target], hit.reading, doc_id)
            existing = keys.get((doc_id, hit.start, hit.end))
            if existing is not None and uf.find(existing) not in target_roots:
                # the model's mention of that span (perhaps trimmed: "Casques"): its node joins
                uf.parent[uf.find(existing)] = uf.find(target)
                evidence[existing].append(why)
            if hit.text not in node.surfaces and hit.text not in node.translated:
                evidence[target].append(why)
            node.translated[hit.text] += 1
            node.docs.add(doc_id)
            if existing is None and not any(s < hit.end and hit.start < e
                                            for s, e in spans[doc_id]):
                keys[(doc_id, hit.start, hit.end)] = target


def _one_name_two_classes(readings: Mapping[str, list[tuple[str, Reading]]],
                          nodes: Mapping[str, _Node], uf: _UnionFind,
                          evidence: dict[str, list[str]]) -> None:
    """A name made of common words only ("White Helmets") that the tagger put in two classes
    (a person here, a facility there) is one name: no person is called that."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for key in sorted(readings):
        by_name[_skeleton_of(nodes[key])].append(key)
    for keys in by_name.values():
        if len({nodes[k].cls for k in keys}) < 2:
            continue
        main = max(keys, key=lambda k: sum(nodes[k].surfaces.values()))
        for key in keys:
            if uf.find(key) != uf.find(main):
                why = (f"one name in two classes: {readings[key][0][0]!r} "
                       f"({nodes[key].cls} and {nodes[main].cls}), its words all common words")
                uf.parent[uf.find(key)] = uf.find(main)
                evidence[key].append(why)
                evidence[main].append(why)


def _skeleton_of(node: _Node) -> str:
    return node.key.split("|", 1)[1]


def _english(node: _Node, language_of: Mapping[str, str]) -> bool:
    return any(language_of.get(d, "") in {"en", ""} for d in node.docs)


def _why(name: str, target: str, read: Reading, doc_id: str) -> str:
    meanings = ", ".join(sorted(read.core | {c.split(":", 1)[1] for c in read.countries}))
    where = f" in {doc_id}" if doc_id else ""
    return f"translated name: {name!r} = {target!r} ({meanings}){where}"
