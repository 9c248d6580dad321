"""Names across scripts and languages: one key for a name however it is written.

The English pipeline reads every language but Russian, and on other languages its NER is not
worth much: names come out with the words around them ("de la province de Gaziantep",
"Bozdağ'ın açıklamalarından"), with the wrong label (a town as a PERSON), and names written in
Arabic, Greek, Chinese or Japanese are mostly not found at all. Two cheap repairs, both done
here at link time and both keeping character offsets:

- :func:`foreign_name` trims a mention of a Latin-script article in another language to the
  capitalised name inside it (a Turkish case suffix after an apostrophe dropped);
- :func:`project` finds, in such an article, the spans whose *sound key* equals the key of a
  name the reliable articles (English, Russian) already know: "حسان دياب" and "Hassan Diab" are
  both ``hsn tb`` once romanised and reduced to consonants.

The sound key (:func:`sound_key`) romanises any script (Cyrillic with the project's own table,
the rest with ``anyascii``), folds the romanisation variants of
:func:`newsprism.link.translit.skeleton` (sh/ch/kh, ou/u, y/i/j, double letters) and keeps
consonants only, since Arabic writes no short vowels and transcriptions disagree on vowels far
more than on consonants. The sibilants (s, z, c, j) fall together, as do b/p, d/t and g/k
(Turkish c is j, French ch is sh; Arabic has no p, Chinese no voiced stops), and r with l for
Chinese and Japanese, which have one of them only. Such a key is coarse, so it is only ever
compared with the names of one corpus, with the conditions of :func:`project`.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from anyascii import anyascii
from rapidfuzz import fuzz

from newsprism.link.translit import _skeleton_word, skeleton, to_latin

# Languages whose articles have a pipeline of their own, whose mentions are trusted as found.
RELIABLE_LANGUAGES = frozenset({"en", "ru", ""})

# Greek writes b, d, g, j as digraphs (μπ, ντ, γκ, τζ): read them as one consonant first.
_GREEK_DIGRAPHS = (("μπ", "b"), ("ντ", "d"), ("γκ", "g"), ("γγ", "g"), ("τζ", "j"), ("τσ", "ts"),
                   ("χ", "h"))
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_HAN_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
# Arabic letters that romanise as nothing useful for comparing names: ta marbuta (final -a or
# -ah), ayn and hamza (no Latin letter), short-vowel marks and the shadda.
_ARABIC_SILENT = re.compile(r"[\u0629\u0639\u0621\u064b-\u0652\u0670]")
# One-letter proclitics of Arabic (and, with, for, so, like) and the article, written joined to
# the word they belong to: "وبيروت", "لبيروت", "البيطار".
_ARABIC_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف", "ك")
_FOLD = str.maketrans({"z": "s", "c": "s", "j": "s", "p": "b", "d": "t", "g": "k"})
_GLIDES = re.compile(r"[aeiouyvw]")
_PARTICLES = frozenset({"al", "el", "ul", "ad", "as", "ash", "at", "an", "ar", "bin", "ibn"})


# Greek gamma before a front vowel is a y ("Ταγίπ" = Tayyip).
_GREEK_PALATAL = re.compile(r"γ(?=[ιίεέηήυύ])")
# Letter by letter, Arabic letters romanise as these single consonants (so that k + h is not
# read as kh): kh, sh, th, dh, gh are one sound each.
# Kaf is written q, which folds to k only after the kh digraph was read.
_LETTER_DIGRAPHS = {"kh": "h", "sh": "s", "th": "t", "dh": "d", "gh": "g", "ch": "s", "k": "q"}


@functools.lru_cache(maxsize=1 << 16)
def romanise(text: str) -> str:
    """Any script to lower-case ASCII: Cyrillic by the project's table, the rest by anyascii.
    Turkish ğ is silent (Erdoğan is said Erdo-an) and is dropped."""
    lowered = _GREEK_PALATAL.sub("y", text.lower()).replace("ğ", "")
    for digraph, latin in _GREEK_DIGRAPHS:
        lowered = lowered.replace(digraph, latin)
    if _ARABIC.search(lowered):
        lowered = _ARABIC_SILENT.sub("", lowered)
        lowered = "".join(
            _LETTER_DIGRAPHS.get(latin, latin) if _ARABIC.match(c) else c
            for c in lowered for latin in (anyascii(c).lower(),)
        )
    if _HAN_KANA.search(lowered):
        # one syllable a character: keep them apart so each is read on its own
        lowered = "".join(f" {anyascii(c)} " if _HAN_KANA.match(c) else c for c in lowered)
        lowered = re.sub(r" +", " ", lowered)
    return anyascii(to_latin(lowered)).lower()


@functools.lru_cache(maxsize=1 << 16)
def _word_key(word: str, *, liquid: bool, lettered: bool = False) -> str:
    """``lettered``: romanised letter by letter (Arabic), its digraphs already read."""
    if lettered:
        word = word.replace("q", "k").replace("y", "i")
    else:
        word = re.sub(r"c(?![eiyh])", "k", word)  # Macron, Carla: a hard c
        word = word.replace("gh", "g").replace("th", "t").replace("dh", "d")
        word = re.sub(r"(?<=[aeiou])j(?=[^aeiou])", "i", word)  # Bejrut: a glide
        word = re.sub(r"ng$", "n", word)
        word = _skeleton_word(word)
    word = word.translate(_FOLD)
    if liquid:
        word = word.replace("r", "l")
    word = _GLIDES.sub("", word)
    return re.sub(r"(.)\1+", r"\1", word)


def sound_key(name: str, *, liquid: bool = False) -> str:
    """Consonant key of a name in any script: 'Hassan Diab', 'حسان دياب' → 'hsn tb'.

    ``liquid`` folds r into l (for comparing with Chinese and Japanese transcriptions).
    """
    return " ".join(k for token in name.split() for k in _token_keys(token, liquid))


@functools.lru_cache(maxsize=1 << 17)
def _token_keys(token: str, liquid: bool) -> tuple[str, ...]:
    """The key words of one whitespace-separated token (a hyphen may hold several words)."""
    words = re.findall(r"[a-z]+", re.sub(r"['’`ʼ]", "", romanise(token)))
    lettered = _ARABIC.search(token) is not None
    keys = [_word_key(w, liquid=liquid, lettered=lettered) for w in words
            if w not in _PARTICLES]
    return tuple(k for k in keys if k)


# Pinyin initials as the consonant they transcribe in foreign names (x, q: s, sh; zh, ch: j).
_PINYIN_INITIAL = re.compile(r"^(?:zh|ch|sh|x|q|z|c|j)")


def _syllable_key(syllables: Iterable[str]) -> str:
    return _syllable_key_of(tuple(syllables))


@functools.lru_cache(maxsize=1 << 16)
def _syllable_key_of(syllables: tuple[str, ...], *, palatal: str = "s") -> str:
    """A Chinese or Japanese transcription, one syllable each, as one consonant word
    ("er" is a final r or l: 米歇尔 Mi-xie-er = Michel). ``palatal``: what pinyin j, q, x
    before i stand for (s, or k: 基 ji transcribes ki and gi)."""
    folded = [
        "l" if s == "er" else
        (palatal + s[1:] if palatal != "s" and s[:1] in "jqx" and s[1:2] == "i"
         else _PINYIN_INITIAL.sub("s", s))
        for s in syllables
    ]
    return _word_key("".join(re.sub(r"ng$", "n", s) for s in folded), liquid=True)


def _syllable_keys(syllables: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of a transcription: pinyin ji, qi, xi read as s, then as k."""
    first = _syllable_key_of(syllables)
    second = _syllable_key_of(syllables, palatal="k")
    return (first,) if second == first else (first, second)


# --- trimming the English model's mentions in other Latin-script languages ------------------

# A Turkish (or Finnish, Hungarian...) case ending written after an apostrophe: "Bozdağ'ın".
_APOSTROPHE_SUFFIX = re.compile(r"['’][^\W\d_]{1,5}$")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:['’][^\W\d_]+)?", re.UNICODE)


# "al-Bitar", "el-Sisi": the Arabic article before a capitalised name.
_ARTICLE_NAME = re.compile(r"^(?:al|el|ul|ad|as|ash|at|an|ar|ad-|bin|ibn)[-‑][^\W\d_]")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or (
        _ARTICLE_NAME.match(word) is not None and word.split("-", 1)[-1][:1].isupper())


# Share of a trusted article's letters that must be in its language's script: an "English" page
# that is mostly Arabic (a wrong language tag) is read like any other language, while a report
# quoting a few names in another script keeps its pipeline's mentions.
TRUSTED_SCRIPT_SHARE = 0.5


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")


def _script_share(text: str, script: str) -> float:
    sample = text[:5000]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return 1.0
    pattern = _CYRILLIC_LETTER if script == "CYRILLIC" else _LATIN_LETTER
    return len(pattern.findall(sample)) / letters


def is_trusted(language: str, text: str) -> bool:
    """Whether an article's mentions come from a pipeline for its language (English or
    Russian, in the script of that language)."""
    if language not in RELIABLE_LANGUAGES:
        return False
    script = "CYRILLIC" if language == "ru" else "LATIN"
    return _script_share(text, script) >= TRUSTED_SCRIPT_SHARE


_NON_LATIN_LETTER = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]")


def other_scripts(document: object) -> bool:
    """Whether a text holds letters of a script other than Latin (and, for Russian, Cyrillic)."""
    text = getattr(document, "text", "")
    language = getattr(document, "language", "")
    found = _NON_LATIN_LETTER.findall(text)
    if language == "ru":
        return any("CYRILLIC" not in unicodedata.name(c, "") for c in found)
    return bool(found)


def foreign_name(text: str) -> str:
    """The name inside a mention the English model found in another Latin-script language:
    the last run of capitalised words, with an apostrophe case ending dropped
    ("de la province de Gaziantep" → "Gaziantep", "Bozdağ'ın açıklamalarından" → "Bozdağ");
    "" when there is no capitalised word (or the mention is not in Latin script)."""
    words = [m.group(0) for m in _WORD.finditer(text)]
    if not words or not all(_latin(w) for w in words):
        return ""
    end = len(words)
    while end and not _capitalised(words[end - 1]):
        end -= 1
    start = end
    while start and (_capitalised(words[start - 1]) or (
        start >= 2 and words[start - 1].lower() in _PARTICLES | {"al-", "el-"}
        and _capitalised(words[start - 2]))):
        start -= 1
    run = words[start:end]
    if not run:
        return ""
    run[-1] = _APOSTROPHE_SUFFIX.sub("", run[-1])
    return " ".join(run)


@functools.lru_cache(maxsize=1 << 16)
def _latin(word: str) -> bool:
    return all("LATIN" in unicodedata.name(c, "") for c in word if c.isalpha())


# --- projecting known names onto other scripts ------------------------------------------------


@dataclass(frozen=True)
class Projection:
    start: int
    end: int
    text: str
    target: str  # the key of the known name node it matched
    why: str  # the evidence: how the span's key matched


# A script word: letters (and combining marks) of one script, no digits.
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u064b-\u065f\u0670\u0e31-\u0e3a\u0e47-\u0e4e"
                    r"\u0900-\u0903\u093a-\u094f])*")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")
# Name separators of Chinese and Japanese transcriptions ("哈桑·迪亚卜", "ハサン・ディアブ").
_CJK_DOT = "·•・‧･"
# Shortest consonant key a single word may be matched by (a longer one is rarer by chance).
MIN_SINGLE_KEY = 3
MIN_KATAKANA_KEY = 3
_KATAKANA_WORD = re.compile(r"[\u30a0-\u30ff]{2,}")
MAX_SPAN_WORDS = 3


# A key several known names share goes to the one named this many times more often than all
# the others together (a city against an NER slip that took its name for a person's).
DOMINANCE = 3
# One word is matched to a known name only if that name is named this often in the trusted
# articles, and this often when its key is as short as allowed (3 consonants: many words of
# any language share such a key); a lone surname only with a key this long.
MIN_SINGLE_WEIGHT = 3
MIN_SHORT_WEIGHT = 10
MIN_SURNAME_KEY = 4
# Consonants a name of several words needs to be matched written as one word or in reverse.
MIN_SEVERAL_KEY = 4
MIN_RUN_TOGETHER_KEY = 5
# Latin spellings of one name stay close: their skeletons agree at least this much (0-100), so
# that a sound key alone does not make "Polizei" a "Palace".
MIN_LATIN_RATIO = 70
_FUNCTION_WORDS = frozenset({"of", "the", "and", "de", "la", "le", "du", "des", "al", "in", "for"})


@dataclass
class KnownNames:
    """Sound keys of the names the reliable articles know, each pointing to name nodes."""

    full: dict[str, set[str]]  # key of a whole name -> node keys
    single: dict[str, set[str]]  # key of a one-word name or a person's surname -> node keys
    full_liquid: dict[str, set[str]]  # the same with r = l, for Chinese and Japanese
    single_liquid: dict[str, set[str]]
    first: dict[str, set[str]]  # key of a person's first name -> people: rivals, never chosen
    surname: dict[str, set[str]]  # key of a person's surname -> people (also in ``single``)
    surname_liquid: dict[str, set[str]]
    weight: dict[str, int]  # node key -> how often it is named
    spellings: dict[str, list[str]] = field(default_factory=dict)  # node key -> its surfaces
    classes: dict[str, str] = field(default_factory=dict)  # node key -> its class
    joined: dict[str, set[str]] = field(default_factory=dict)  # several words' keys run together

    def run_together(self, key: str, *, latin: bool) -> str | None:
        """A name of several words whose keys, run together, are a one-word name's key (not a
        surname's), or one of several words written as one; outside Latin script not a
        person's (a phrase of two short words is too easily some person's name run together).
        Each word needs two consonants and all of them :data:`MIN_RUN_TOGETHER_KEY`."""
        words = key.split()
        if min(map(len, words)) < 2 or sum(map(len, words)) < MIN_RUN_TOGETHER_KEY:
            return None
        run = "".join(words)
        found = {k for k in self.single.get(run, set()) if k not in self.surname.get(run, ())}
        found |= self.joined.get(run, set())
        if not latin:
            found = {k for k in found if self.classes.get(k) != "PERSON"}
        found = {k for k in found if self.weight.get(k, 0) >= MIN_SINGLE_WEIGHT}
        return next(iter(found)) if len(found) == 1 else None

    def close_in_spelling(self, span: str, target: str) -> bool:
        """Whether a Latin span is spelt close to one of the target's names (or its surname)."""
        mine = skeleton(span)
        for surface in self.spellings.get(target, ()):
            theirs = skeleton(surface)
            for candidate in (theirs, theirs.split()[-1] if theirs else ""):
                if candidate and fuzz.ratio(mine, candidate) >= MIN_LATIN_RATIO:
                    return True
        return False

    def lookup(self, key: str, *, words: int, liquid: bool,
               single_min: int = 3) -> str | None:
        """The one name node this key stands for, or None. One word stands for a name only
        with ``single_min`` consonants, for a surname only with :data:`MIN_SURNAME_KEY`, and for
        a name named at least :data:`MIN_SINGLE_WEIGHT` times (that often for a short key:
        :data:`MIN_SHORT_WEIGHT`): a short key is shared by many words of any language."""
        full = self.full_liquid if liquid else self.full
        found = set(full.get(key, set()))
        rivals: set[str] = set()
        if words > 1 and len(key.replace(" ", "")) < MIN_SEVERAL_KEY:
            return None
        if words == 1:
            if len(key) < single_min:
                return None
            found |= (self.single_liquid if liquid else self.single).get(key, set())
            if len(key) < MIN_SURNAME_KEY:
                found -= (self.surname_liquid if liquid else self.surname).get(key, set())
            rivals = self.first.get(key, set()) - found
            if len(key) <= single_min:  # a short key: a much-named place only
                found = {k for k in found if self.weight.get(k, 0) >= MIN_SHORT_WEIGHT
                         and self.classes.get(k) == "PLACE"}
            else:
                found = {k for k in found if self.weight.get(k, 0) >= MIN_SINGLE_WEIGHT}
        if not found:
            return None
        if len(found) == 1 and not rivals:
            return next(iter(found))
        ranked = sorted(found, key=lambda k: (-self.weight.get(k, 0), k))
        top = self.weight.get(ranked[0], 0)
        others = sum(self.weight.get(k, 0) for k in (*ranked[1:], *rivals))
        return ranked[0] if top >= DOMINANCE * others else None


def known_names(names: Mapping[str, tuple[str, Iterable[str]]],
                weight: Mapping[str, int] | None = None) -> KnownNames:
    """``names``: node key -> (class, its surfaces); ``weight``: how often each is named (a
    key several nodes share goes to a dominant one only, else to none)."""
    full: dict[str, set[str]] = defaultdict(set)
    single: dict[str, set[str]] = defaultdict(set)
    full_l: dict[str, set[str]] = defaultdict(set)
    single_l: dict[str, set[str]] = defaultdict(set)
    first: dict[str, set[str]] = defaultdict(set)
    surname: dict[str, set[str]] = defaultdict(set)
    surname_l: dict[str, set[str]] = defaultdict(set)
    joined: dict[str, set[str]] = defaultdict(set)
    for node_key, (cls, surfaces) in names.items():
        for surface in surfaces:
            if surface.split()[-1].lower() in _FUNCTION_WORDS:
                continue  # a tagger's cut ("Port of"): no name to find elsewhere
            for liquid, f, s, sur in ((False, full, single, surname),
                                      (True, full_l, single_l, surname_l)):
                key = sound_key(surface, liquid=liquid)
                words = key.split()
                if not words:
                    continue
                if len(words) == 1:
                    s[key].add(node_key)
                    continue
                f[key].add(node_key)
                if sum(map(len, words)) >= MIN_SEVERAL_KEY:
                    if not liquid:
                        joined["".join(words)].add(node_key)  # one word: "HasanDiab"
                    if min(map(len, words)) >= 2:
                        f[" ".join(reversed(words))].add(node_key)  # surname first
                if cls == "PERSON":
                    s[words[-1]].add(node_key)
                    sur[words[-1]].add(node_key)
                    first[words[0]].add(node_key)
    return KnownNames(dict(full), dict(single), dict(full_l), dict(single_l), dict(first),
                      dict(surname), dict(surname_l), dict(weight or {}),
                      {k: list(surfaces) for k, (_, surfaces) in names.items()},
                      {k: cls for k, (cls, _) in names.items()}, dict(joined))


def _spans(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, words) of runs of one to three script words, separated by spaces, a
    hyphen or a name dot only."""
    tokens = list(_TOKEN.finditer(text))
    for i, first in enumerate(tokens):
        for j in range(i, min(i + MAX_SPAN_WORDS, len(tokens))):
            if j > i and not re.fullmatch(rf"[\s\-{_CJK_DOT}]{{1,2}}",
                                          text[tokens[j - 1].end():tokens[j].start()]):
                break
            yield first.start(), tokens[j].end(), j - i + 1


_ARABIC_ARTICLE = re.compile(r"^[وبفكل]?(?:ال|لل)")
_ARABIC_LONG_VOWEL = re.compile(r"[\u0627\u0648\u064a\u0649\u06cc\u0622]")


def _arabic_variants(word: str, *, article: bool = True) -> list[str]:
    out = [word]
    for prefix in _ARABIC_PREFIXES:
        if not article and "ال" in prefix:
            continue
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            out.append(word[len(prefix):])
    return out


# Letters only Sorani Kurdish writes among the Arabic-script languages.
_SORANI = re.compile("[\u06c6\u06ce\u0695\u06b5\u06d5]")  # ۆ ێ ڕ ڵ ە
_FEH, _VEH = "\u0641", "\u06a4"  # ف, ڤ
_HEH, _AE = "\u0647", "\u06d5"  # ه, ە


def _other_readings(variants: list[list[str]], *, sorani: bool) -> list[list[str]]:
    """More readings of an Arabic-script name: Arabic has no v and writes a foreign v as f
    ("يافوز" is Yavuz); Sorani writes every vowel, and the vowel e, often typed as heh inside a
    word ("سولهیمان" is Süleyman)."""
    out: list[list[str]] = []
    for variant in variants:
        if any(_FEH in w for w in variant):
            out.append([w.replace(_FEH, _VEH) for w in variant])
        if sorani and any(_HEH in w[1:] for w in variant):
            out.append([w[:1] + w[1:].replace(_HEH, _AE) for w in variant])
    return out


def _cased(char: str) -> bool:
    return char.lower() != char.upper()


def project(text: str, known: KnownNames, *, latin: bool, cyrillic: bool = True,
            learned: Mapping[tuple[str, ...], tuple[str, str]] | None = None) -> list[Projection]:
    """Spans of ``text`` naming a known name in another script or spelling.

    Word scripts (Latin, Cyrillic, Greek, Arabic, Devanagari...): runs of one to three words
    whose sound key equals a known name's (one word: a name of that one word or a person's
    surname, with at least :data:`MIN_SINGLE_KEY` consonants, and only one such name). With
    ``latin``, Latin-script runs count only when capitalised. Chinese and Japanese: a
    transcription written with a name dot ("哈桑·迪亚卜") matched as a whole name, a
    transcription ``learned`` from another place of the corpus (:func:`learn_transcriptions`:
    the same characters, read as the same syllables), or a katakana word (Japanese writes
    foreign names in katakana) with a key of :data:`MIN_KATAKANA_KEY` consonants at least.
    """
    found: list[Projection] = []
    covered = bytearray(len(text))  # characters already inside a found name

    def cased_lower(word: str) -> bool:
        return _cased(word[0]) and not _capitalised(word)

    candidates = sorted(_spans(text), key=lambda s: (-s[2], s[0]))
    sorani = _SORANI.search(text) is not None
    for start, end, n_words in candidates:
        if any(covered[start:end]):
            continue
        span = text[start:end]
        if any(cased_lower(w) for w in span.split()):
            continue  # Latin, Greek, Cyrillic: names are capitalised
        if _HAN_KANA.search(span) or (not latin and _latin(span)):
            continue
        if not cyrillic and "CYRILLIC" in unicodedata.name(span[0], ""):
            continue
        words = re.split(r"[\s\-" + _CJK_DOT + "]+", span)
        variants = [words]
        arabic = _ARABIC.search(span) is not None
        if arabic and n_words > 1:
            # proclitics and the article on the first or last word ("طارق البيطار")
            variants = [[*words[:-1], v] for v in _arabic_variants(words[-1])]
            variants += [[v, *words[1:]] for v in _arabic_variants(words[0])[1:]]
        elif arabic:
            # one word: "and", "to", "in" before a name, never the article (a common noun), and
            # a foreign name's long vowels written out ("بيروت"), as plain words rarely are
            variants = [[v] for v in _arabic_variants(words[0], article=False)
                        if _ARABIC_LONG_VOWEL.search(v) and not _ARABIC_ARTICLE.match(words[0])]
        if arabic:
            variants += _other_readings(variants, sorani=sorani)
        for variant in variants:
            key = sound_key(" ".join(variant))
            named = [w for w in variant if romanise(w) not in _PARTICLES]
            if len(key.split()) != len(named):
                continue  # a word without consonants: no key to compare
            n_words = len(named)
            if n_words == 1 and len(key) < MIN_SINGLE_KEY:
                continue
            target = known.lookup(key, words=n_words, liquid=False)
            if target is None and n_words > 1:
                # a name written in words that is one word elsewhere ("غازي عنتاب")
                target = known.run_together(key, latin=_latin(span))
            if target is None and n_words == 1 and _latin(span):
                # several words written as one ("HasanDiab")
                one = {k for k in known.joined.get(key, ())
                       if known.weight.get(k, 0) >= MIN_SINGLE_WEIGHT}
                target = next(iter(one)) if len(one) == 1 else None
            if target is not None and _latin(span) and not known.close_in_spelling(span, target):
                target = None
            if target is not None:
                found.append(Projection(start, end, span, target, f"sound key {key!r}"))
                covered[start:end] = b"\x01" * (end - start)
                break
    taken = [(p.start, p.end) for p in found]
    for run in _CJK_RUN.finditer(text):
        found.extend(_project_cjk(text, run.start(), run.end(), known, taken, learned or {}))
    return found


def _dotted_name(text: str, parts: list[tuple[int, int]], known: KnownNames) -> Projection | None:
    """A name transcribed in parts joined by name dots, matched as a whole name (or its last
    two parts: a first name and a surname)."""
    last_start, last_end = parts[-1]
    for skip in range(len(parts) - 1):
        head_start, head_end = parts[skip]
        for i in range(max(head_start, head_end - 6), head_end - 1):
            for j in range(last_end, last_start + 1, -1):
                pieces = [text[i:head_end], *(text[a:b] for a, b in parts[skip + 1:-1]),
                          text[last_start:j]]
                for keys in itertools.product(*(_syllable_keys(_syllables(p))
                                                for p in pieces)):
                    key = " ".join(keys)
                    target = known.lookup(key, words=len(pieces), liquid=True)
                    if target is not None:
                        return Projection(i, j, text[i:j], target,
                                          f"transcription key {key!r}")
    return None


# Characters with several readings, as transcriptions of foreign names read them (什 is shi
# in "卡赫拉曼马拉什", where the general romanisation gives shen).
_TRANSCRIPTION_READINGS = {"什": "shi"}


@functools.lru_cache(maxsize=1 << 14)
def _syllable(char: str) -> str:
    return _TRANSCRIPTION_READINGS.get(char) or anyascii(char).lower()


def _syllables(chars: str) -> tuple[str, ...]:
    """One syllable a Chinese or Japanese character."""
    return tuple(_syllable(c) for c in chars)


def _project_cjk(text: str, run_start: int, run_end: int, known: KnownNames,
                 taken: list[tuple[int, int]],
                 learned: Mapping[tuple[str, ...], tuple[str, str]]) -> list[Projection]:
    """Transcriptions inside a run of Chinese or Japanese characters (the run may continue
    over a name dot)."""
    out: list[Projection] = []
    # Runs joined by name dots ("雷杰普·塔伊普·埃尔多安"): the first part may carry words
    # before the name and the last words after it, so every split of those two is tried.
    parts = [(run_start, run_end)]
    while parts[-1][1] < len(text) and text[parts[-1][1]] in _CJK_DOT:
        nxt = _CJK_RUN.match(text, parts[-1][1] + 1)
        if nxt is None:
            break
        parts.append((nxt.start(), nxt.end()))
    if len(parts) >= 2:
        hit = _dotted_name(text, parts, known)
        if hit is not None:
            out.append(hit)
            taken.append((hit.start, hit.end))
            return out
    # Japanese writes foreign names in katakana: a katakana word is matched whole
    for word in _KATAKANA_WORD.finditer(text, run_start, run_end):
        key = _syllable_key(_syllables(word.group(0).replace("ー", "")))
        target = known.lookup(key, words=1, liquid=True, single_min=MIN_KATAKANA_KEY)
        if target is not None and all(word.end() <= s or e <= word.start() for s, e in taken):
            out.append(Projection(word.start(), word.end(), word.group(0), target,
                                  f"katakana key {key!r}"))
            taken.append((word.start(), word.end()))
    chars = text[run_start:run_end]
    i = 0
    while i < len(chars):
        hit = None
        for j in range(min(len(chars), i + 8), i + 1, -1):
            if (seen := learned.get(_syllables(chars[i:j]))) is not None:
                hit = (j, seen[0], seen[1])
                break
        if hit is None:
            i += 1
            continue
        j, target, why = hit
        start, end = run_start + i, run_start + j
        if all(end <= s or e <= start for s, e in taken):
            out.append(Projection(start, end, text[start:end], target, why))
            taken.append((start, end))
        i = j
    return out


# A transcription glossed with its Latin form: "贝鲁特(Beirut)", "哈山（Hamad Hassan）".
_GLOSSED = re.compile(r"([\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+)\s?[(（]\s*"
                      r"([A-Z][A-Za-z'’.\- ]{1,60}?)\s*[)）]")
# A learned transcription has this many syllables at least (one character names nothing).
MIN_LEARNED_SYLLABLES = 2


def learn_transcriptions(
    text: str, known: KnownNames,
) -> dict[tuple[str, ...], tuple[str, str]]:
    """Chinese and Japanese transcriptions of known names that the text itself pins down,
    as syllables -> (name node key, evidence): one glossed with its Latin form ("贝鲁特(Beirut)":
    the shortest end of the run whose transcription key is the Latin name's, or its surname's),
    and the surname of a whole name matched in dotted parts ("哈桑·迪亚卜" teaches "迪亚卜")."""
    learned: dict[tuple[str, ...], tuple[str, str]] = {}
    for match in _GLOSSED.finditer(text):
        run, latin = match.group(1), match.group(2)
        key = sound_key(latin)
        target = known.lookup(key, words=len(key.split()), liquid=False)
        if target is None:
            continue
        words = sound_key(latin, liquid=True).split()
        wanted = {"".join(words), words[-1]} if words else set()
        for size in range(MIN_LEARNED_SYLLABLES, min(len(run), 8) + 1):
            piece = run[-size:]
            if _syllable_key(_syllables(piece)) in wanted:
                learned[_syllables(piece)] = (target, f"glossed: {piece}({latin})")
                break
    for run in _CJK_RUN.finditer(text):
        if run.end() >= len(text) or text[run.end()] not in _CJK_DOT:
            continue
        parts = [(run.start(), run.end())]
        while parts[-1][1] < len(text) and text[parts[-1][1]] in _CJK_DOT:
            nxt = _CJK_RUN.match(text, parts[-1][1] + 1)
            if nxt is None:
                break
            parts.append((nxt.start(), nxt.end()))
        hit = _dotted_name(text, parts, known) if len(parts) >= 2 else None
        if hit is None:
            continue
        surname = re.split(f"[{_CJK_DOT}]", hit.text)[-1]
        if len(surname) >= MIN_LEARNED_SYLLABLES:
            learned.setdefault(_syllables(surname), (hit.target, f"surname of {hit.text}"))
    return learned
