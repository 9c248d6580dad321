"""More readings of names in other scripts and spellings, for the spans that
:func:`~newsprism.link.aliases.scripts.project` leaves unmatched.

- Greek writes a b, d or g as μπ, ντ, γκ, and also an mb/mp, nd/nt, ng inside a word
  ("Γκαζιαντέπ" is Gaziantep, "Λαμπεντούζα" Lampedusa): inside a word the nasal is read too.
- Japanese writes a foreign h before a consonant as フ (fu): "カフラマンマラシュ" is
  Kahramanmaraş; a katakana word is also read with that フ as h.
- A katakana word of four kana or more stands for a person whose surname's key has only three
  consonants when that person is named :data:`MIN_KANA_PERSON_WEIGHT` times and no other known
  name has that key ("エルドアン"): katakana is how Japanese writes foreign names, so the short
  key that is too common among words of a script in general is specific enough there.

- Chinese writes a foreign name without name dots when it is one word ("卡赫拉曼马拉什省",
  "加济安泰普"): inside a run of the characters Chinese transcriptions are written with
  (:data:`TRANSCRIPTION_CHARACTERS`), the longest piece of :data:`MIN_UNDOTTED_CHARACTERS`
  characters or more whose key, each ji/qi/xi read as s or as k on its own, is a known
  one-word name's (:data:`MIN_UNDOTTED_KEY` consonants at least), or a much-named person's
  three-consonant surname ("博兹达", Bozdağ with its silent ğ).

- Serbian Cyrillic is Serbian Latin letter for letter ("Коца" is "Koca", whatever the name's
  own language says c is), and Uzbek and Tajik write Russian letters with a few of their own
  ("Ҳатай"): a capitalised Cyrillic word whose spelling skeleton, those letters read as Latin
  or Russian ones, is a known name's, vowels and all, is that name (one word: with
  :data:`MIN_SPELT_LETTERS` letters, a name named :data:`MIN_SINGLE_WEIGHT` times).

- Sorani Kurdish writes every vowel: a Sorani word read letter for letter ("ئافاد" a-f-a-d)
  whose spelling skeleton is a known name's is that name, with the same conditions.

- Thai, Lao, Khmer and Burmese write words without spaces, but a foreign name's parts with
  one ("นายฮัสซัน ดิอาบ": a title run into the first name): the end of the word before a space
  and the start of the word after it are read as a name of two words, with
  :data:`MIN_UNSPACED_KEY` consonants at least (a shorter key is found by chance in such text).

And :func:`tighten` drops from a transcription matched in dotted parts ("哈馬德•哈桑于") the
function characters at its ends that add nothing to its key (a particle after it: "于", on).

Each hit carries its evidence like the projections it adds to.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator

from newsprism.link.aliases.scripts import (
    MIN_SINGLE_KEY,
    MIN_SINGLE_WEIGHT,
    KnownNames,
    Projection,
    _syllable_key,
    _syllable_key_of,
    _syllable_keys,
    _syllables,
    sound_key,
)
from newsprism.link.translit import skeleton

_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
_GREEK_CAPITAL = "\u0386\u0388-\u038f\u0391-\u03ab\u1f08-\u1f0f\u1f18-\u1f1d\u1f28-\u1f2f"
# Runs of one to three capitalised Greek words.
_GREEK_WORDS = re.compile(
    rf"(?<![{_GREEK}])[{_GREEK_CAPITAL}][{_GREEK}]*(?:[ \-][{_GREEK_CAPITAL}][{_GREEK}]*){{0,2}}")
# A Greek nasal and stop inside a word, kept apart so that they are read as two letters.
_GREEK_NASAL = re.compile(r"(?<=[\u0370-\u03ff\u1f00-\u1fff])(μ(?=π)|ν(?=τ)|γ(?=κ))")
_KATAKANA_WORD = re.compile(r"[\u30a0-\u30ff]{2,}")
_SEPARATE = "\u200b"  # a zero-width space: no digraph across it, no word break either
# A katakana word this long (kana) may stand for a person's short surname key.
MIN_KANA_PERSON = 4
# ... when that person is named this often.
MIN_KANA_PERSON_WEIGHT = 10


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _word_runs(match: re.Match[str]) -> Iterator[tuple[int, int, int]]:
    """(words, start, end) of every run of consecutive words of ``match``, the longest first
    ("Στη Γκαζιαντέπ": the name after a capital), offsets in the matched text."""
    words = list(re.finditer(r"\S+", match.group(0)))
    runs = sorted(((i, j) for i in range(len(words)) for j in range(i, len(words))),
                  key=lambda r: (r[0] - r[1], r[0]))
    for i, j in runs:
        yield j - i + 1, match.start() + words[i].start(), match.start() + words[j].end()


def _greek(text: str, known: KnownNames, taken: list[tuple[int, int]]) -> list[Projection]:
    out: list[Projection] = []
    for match in _GREEK_WORDS.finditer(text):
        if not _GREEK_NASAL.search(match.group(0)):
            continue
        for n_words, start, end in _word_runs(match):
            span = text[start:end]
            if not _GREEK_NASAL.search(span) or _overlaps(start, end, taken):
                continue
            key = sound_key(_GREEK_NASAL.sub(lambda m: m.group(1) + _SEPARATE, span))
            if len(key.split()) != n_words or (n_words == 1 and len(key) < MIN_SINGLE_KEY):
                continue
            target = known.lookup(key, words=n_words, liquid=False)
            if target is not None:
                out.append(Projection(start, end, span, target,
                                      f"sound key {key!r} (Greek nasal read)"))
                taken.append((start, end))
    return out


def _kana_person(key: str, known: KnownNames) -> str | None:
    people = {k for k in known.surname_liquid.get(key, set())
              if known.weight.get(k, 0) >= MIN_KANA_PERSON_WEIGHT}
    others = (known.full_liquid.get(key, set()) | known.single_liquid.get(key, set())
              | known.first.get(key, set())) - known.surname_liquid.get(key, set())
    return next(iter(people)) if len(people) == 1 and not others else None


def _katakana(text: str, known: KnownNames, taken: list[tuple[int, int]]) -> list[Projection]:
    out: list[Projection] = []
    for match in _KATAKANA_WORD.finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        word = match.group(0).replace("ー", "")
        syllables = _syllables(word)
        readings = [syllables]
        if "fu" in syllables[:-1]:
            readings.append(tuple("h" if s == "fu" and i < len(syllables) - 1 else s
                                  for i, s in enumerate(syllables)))
        for reading in readings:
            key = _syllable_key(reading)
            target = known.lookup(key, words=1, liquid=True) if reading is not syllables \
                else None
            why = f"katakana key {key!r} (フ read as h)"
            if target is None and len(word) >= MIN_KANA_PERSON and len(key) == 3:
                target = _kana_person(key, known)
                why = f"katakana key {key!r} (a much-named person's surname)"
            if target is not None:
                out.append(Projection(match.start(), match.end(), match.group(0), target, why))
                taken.append((match.start(), match.end()))
                break
    return out


# Scripts written without spaces between words.
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_UNSPACED_PAIR = re.compile(rf"([{_UNSPACED}]+) ([{_UNSPACED}]+)")
# Consonants of the two-word key an unspaced name must have, each word two at least.
MIN_UNSPACED_KEY = 5
# Longest part of a name read off the end or the start of an unspaced word, in characters.
MAX_UNSPACED_PART = 12


def _unspaced(text: str, known: KnownNames, taken: list[tuple[int, int]]) -> list[Projection]:
    out: list[Projection] = []
    position = 0
    while (match := _UNSPACED_PAIR.search(text, position)) is not None:
        position = match.start(2)  # the second word may start the next pair
        first, second = match.group(1), match.group(2)
        hit = None
        # the shortest end and start that read as a known name (the words around it add
        # letters the key drops: vowels, glides)
        for i in range(len(first) - 2, max(-1, len(first) - MAX_UNSPACED_PART - 1), -1):
            if unicodedata.category(first[i]).startswith("M"):
                continue  # a vowel or tone mark belongs to the letter before it
            for j in range(2, min(len(second), MAX_UNSPACED_PART) + 1):
                if j < len(second) and unicodedata.category(second[j]).startswith("M"):
                    continue
                span = f"{first[i:]} {second[:j]}"
                key = sound_key(span)
                words = key.split()
                if len(words) != 2 or min(map(len, words)) < 2 or (
                        sum(map(len, words)) < MIN_UNSPACED_KEY):
                    continue
                target = known.lookup(key, words=2, liquid=False)
                if target is not None:
                    hit = (match.start(1) + i, match.start(2) + j, span, target, key)
                    break
            if hit is not None:
                break
        if hit is not None and not _overlaps(hit[0], hit[1], taken):
            out.append(Projection(hit[0], hit[1], hit[2], hit[3],
                                  f"sound key {hit[4]!r} (in a script without spaces)"))
            taken.append((hit[0], hit[1]))
            position = hit[1]
    return out


_DOTS = re.compile("[·•・‧･]")
# Chinese function characters that follow or precede a name in a sentence (at, in, said, of,
# and, with, is, also, already, will, to, by, from...), never read as part of a transcription
# whose key they leave unchanged ("伊" of 奥克塔伊, Oktay, is kept).
_FUNCTION_CHARACTERS = frozenset("于於在说說称稱的和与與是也已曾将將对對向为為被从從等及")


def _transcription_keys(text: str) -> set[str]:
    """Every key a transcription in dotted parts may be read with."""
    keys = [""]
    for part in _DOTS.split(text):
        options = _syllable_keys(_syllables(part))
        keys = [f"{k} {o}".strip() for k in keys for o in options]
    return set(keys)


def tighten(hits: list[Projection]) -> list[Projection]:
    """A transcription in dotted parts without the function characters at either end that add
    nothing to its key: "哈馬德•哈桑于" (Hamad Hassan, then "on") is "哈馬德•哈桑"."""
    out: list[Projection] = []
    for hit in hits:
        match = re.search(r"transcription key '([^']*)'", hit.why)
        if match is None:
            out.append(hit)
            continue
        key = match.group(1)
        start, end = hit.start, hit.end
        text = hit.text
        while (len(_DOTS.split(text)[-1]) > 1 and text[-1] in _FUNCTION_CHARACTERS
               and key in _transcription_keys(text[:-1])):
            text, end = text[:-1], end - 1
        while (len(_DOTS.split(text)[0]) > 1 and text[0] in _FUNCTION_CHARACTERS
               and key in _transcription_keys(text[1:])):
            text, start = text[1:], start + 1
        out.append(hit if text == hit.text else Projection(start, end, text, hit.target,
                                                            hit.why))
    return out


# The characters Chinese transcriptions of foreign names are written with (the common ones of
# the standard transcription tables, simplified and traditional).
TRANSCRIPTION_CHARACTERS = frozenset(
    "阿埃艾爱愛安昂奥奧澳巴芭拜班邦保鲍鮑贝貝本比彼毕畢宾賓滨濱波玻伯勃博卜布查察柴昌彻徹"
    "茨慈次达達戴丹道德登迪蒂丁杜敦顿頓多厄恩尔爾耳法凡范菲斐费費芬丰豐冯馮夫弗伏福富盖蓋"
    "甘冈岡戈哥格根贡貢古瓜圭哈海汉漢豪赫亨洪侯胡华華怀懷霍基吉济濟加迦贾賈坚堅杰傑金久居"
    "喀卡凯凱坎康考柯科克肯孔库庫夸誇奎昆拉莱萊赖賴兰蘭朗劳勞勒雷蕾黎里丽麗利莉连連列林琳"
    "灵靈隆卢盧鲁魯陆陸伦倫罗羅洛马馬玛瑪迈邁麦麥曼芒梅门門蒙孟米密敏摩莫墨默姆穆纳納娜乃"
    "奈南楠内內尼涅宁寧纽紐努诺諾欧歐帕派潘庞龐佩彭皮珀普齐齊奇恰乔喬切钦欽琼瓊丘屈让讓热"
    "熱荣榮茹若瑞萨薩塞赛賽桑瑟森沙莎尚绍紹舍申圣聖施什史舒斯松苏蘇索塔泰坦汤湯唐陶特提廷"
    "图圖托瓦万萬旺威韦韋维維伟偉温溫沃乌烏伍武西希锡錫席夏肖萧蕭谢謝辛休雅亚亞扬揚耶叶葉"
    "伊因英尤约約扎紮泽澤詹哲珍朱卓兹茲宗佐其")
# Shortest undotted transcription read, in characters, and its shortest key.
MIN_UNDOTTED_CHARACTERS = 3
MIN_UNDOTTED_KEY = 4
MAX_UNDOTTED_CHARACTERS = 10
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def _mixed_keys(chars: str) -> set[str]:
    """The keys of a transcription, each ji, qi, xi read as s or as k on its own (加济安泰普
    is Ga-zi-an-tep: 加 jia is a k, 济 ji an s)."""
    options = [[s, "k" + s[1:]] if s[:1] in "jqx" and s[1:2] == "i" else [s]
               for s in _syllables(chars)]
    if sum(len(o) > 1 for o in options) > 4:
        return {_syllable_key_of(tuple(o[0] for o in options))}
    return {_syllable_key_of(tuple(c)) for c in itertools.product(*options)}


def _undotted(text: str, known: KnownNames, taken: list[tuple[int, int]]) -> list[Projection]:
    out: list[Projection] = []
    for run in _HAN_RUN.finditer(text):
        i = run.start()
        while i < run.end():
            if text[i] not in TRANSCRIPTION_CHARACTERS:
                i += 1
                continue
            j = i
            while j < run.end() and text[j] in TRANSCRIPTION_CHARACTERS:
                j += 1
            out.extend(_undotted_in(text, i, j, known, taken))
            i = j
    return out


def _undotted_in(text: str, start: int, end: int, known: KnownNames,
                 taken: list[tuple[int, int]]) -> list[Projection]:
    """The longest pieces of one run of transcription characters that read as a known name."""
    out: list[Projection] = []
    longest = min(end - start, MAX_UNDOTTED_CHARACTERS)
    for size in range(longest, MIN_UNDOTTED_CHARACTERS - 1, -1):
        for i in range(start, end - size + 1):
            if _overlaps(i, i + size, taken):
                continue
            piece = text[i:i + size]
            for key in sorted(_mixed_keys(piece)):
                if " " in key or len(key) < MIN_UNDOTTED_KEY - 1:
                    continue
                if len(key) >= MIN_UNDOTTED_KEY:
                    target = known.lookup(key, words=1, liquid=True)
                    why = f"transcription key {key!r} (written without name dots)"
                else:
                    target = _kana_person(key, known)
                    why = f"transcription key {key!r} (a much-named person's surname)"
                if target is not None:
                    out.append(Projection(i, i + size, piece, target, why))
                    taken.append((i, i + size))
                    break
    return out


# Cyrillic letters of Serbian, Macedonian, Uzbek, Tajik (and the Ukrainian apostrophe-less
# forms) as the Russian letters or Latin letters they stand for: Serbian Cyrillic is Serbian
# Latin letter for letter ("Коца" is "Koca"; its ј is the y of other languages' names), Uzbek
# "Ҳатай" is "Хатай".
_CYRILLIC_LETTERS = str.maketrans({
    "ј": "y", "Ј": "Y", "љ": "lj", "Љ": "Lj", "њ": "nj", "Њ": "Nj", "ћ": "c", "Ћ": "C",
    "ђ": "dj", "Ђ": "Dj", "џ": "dz", "Џ": "Dz", "ѓ": "g", "Ѓ": "G", "ќ": "k", "Ќ": "K",
    "ҳ": "х", "Ҳ": "Х", "ҷ": "дж", "Ҷ": "Дж", "ӣ": "и", "Ӣ": "И", "ӯ": "у", "Ӯ": "У",
})
_CYRILLIC_WORDS = re.compile(
    r"(?<![\u0400-\u04ff])[\u0400-\u042f\u04b2\u0408\u0409\u040a\u040b\u040f][\u0400-\u04ff]*"
    r"(?:[ \-][\u0400-\u042f\u04b2\u0408\u0409\u040a\u040b\u040f][\u0400-\u04ff]*){0,2}")
# A one-word name spelt letter for letter has this many letters in its skeleton at least.
MIN_SPELT_LETTERS = 4


def _spelt_index(known: KnownNames) -> dict[str, set[str]]:
    """Spelling skeleton of each known surface (a person's surname alone left out: it stands for
    every person of that name) -> the name nodes."""
    index: dict[str, set[str]] = {}
    for key, surfaces in known.spellings.items():
        for surface in surfaces:
            spelt = skeleton(surface)
            if spelt:
                index.setdefault(spelt, set()).add(key)
    return index


def _spelt(
    text: str, words: re.Pattern[str], spellings: Callable[[str], set[str]],
    known: KnownNames, taken: list[tuple[int, int]],
) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, known name, spelling) of the runs of ``words`` one of whose Latin
    ``spellings`` is, letter for letter, the spelling of exactly one known name (a single word
    needs MIN_SPELT_LETTERS letters and a name named MIN_SINGLE_WEIGHT times)."""
    index: dict[str, set[str]] | None = None
    for match in words.finditer(text):
        for n_words, start, end in _word_runs(match):
            if _overlaps(start, end, taken):
                continue
            found: set[str] = set()
            hit = ""
            for spelt in spellings(text[start:end]):
                if n_words == 1 and len(spelt) < MIN_SPELT_LETTERS:
                    continue
                if index is None:
                    index = _spelt_index(known)
                matched = {k for k in index.get(spelt, set())
                           if n_words > 1 or known.weight.get(k, 0) >= MIN_SINGLE_WEIGHT}
                found |= matched
                hit = hit or (spelt if matched else "")
            if len(found) == 1:
                yield start, end, next(iter(found)), hit
                taken.append((start, end))


def _cyrillic_spelt(text: str, known: KnownNames,
                    taken: list[tuple[int, int]]) -> list[Projection]:
    """Capitalised Cyrillic words whose spelling, letter for letter, is a known Latin name's
    (vowels and all: more than the consonant key, so a short name is specific enough)."""
    return [
        Projection(start, end, text[start:end], target,
                   f"spelling {spelt!r} (Cyrillic letter for letter)")
        for start, end, target, spelt in _spelt(
            text, _CYRILLIC_WORDS,
            lambda span: {skeleton(span.translate(_CYRILLIC_LETTERS))}, known, taken)
    ]


# Sorani Kurdish writes its vowels: its letters as Latin ones, vowels and all. Heh inside a
# word is read both ways (the vowel e, as older typing has it, or h), waw both ways (u, w).
_SORANI_LETTERS = {
    "ا": "a", "ئ": "", "ە": "e", "ێ": "e", "ی": "i", "ي": "i", "ۆ": "o", "ڕ": "r", "ڵ": "l",
    "ق": "q", "ک": "k", "ك": "k", "گ": "g", "چ": "ch", "ژ": "zh", "ش": "sh", "خ": "x",
    "غ": "gh", "ح": "h", "ع": "", "ف": "f", "ڤ": "v", "پ": "p", "ب": "b", "ت": "t", "ج": "j",
    "د": "d", "ر": "r", "ز": "z", "س": "s", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "u",
}
_SORANI = re.compile("[\u06c6\u06ce\u0695\u06b5\u06d5]")  # ۆ ێ ڕ ڵ ە: letters of Sorani only
_ARABIC_WORDS = re.compile(r"[\u0620-\u064a\u0671-\u06d5]+(?: [\u0620-\u064a\u0671-\u06d5]+){0,2}")


def _sorani_spellings(span: str) -> set[str]:
    """The Latin spellings of a Sorani span, heh and waw read both ways."""
    out = set()
    for heh in ("h", "e"):
        for waw in ("u", "w"):
            letters = []
            for word in span.split():
                letters.append("".join(
                    (heh if c == "ه" and i else waw if c == "و" else _SORANI_LETTERS.get(c, ""))
                    for i, c in enumerate(word)))
            out.add(skeleton(" ".join(letters)))
    return out


def _sorani_spelt(text: str, known: KnownNames,
                  taken: list[tuple[int, int]]) -> list[Projection]:
    """Sorani words whose spelling, vowels and all, is a known Latin name's ("ئافاد" AFAD,
    "هاتای" Hatay)."""
    if _SORANI.search(text) is None:
        return []
    return [
        Projection(start, end, text[start:end], target, "spelling (Sorani letter for letter)")
        for start, end, target, _ in _spelt(text, _ARABIC_WORDS, _sorani_spellings, known, taken)
    ]


def more_projections(text: str, known: KnownNames, found: list[Projection], *,
                     cyrillic: bool = True) -> list[Projection]:
    """The spans of ``text`` outside ``found`` that name a known name when read as above
    (``cyrillic``: Cyrillic words too, in an article whose pipeline does not read them)."""
    taken = [(p.start, p.end) for p in found]
    return [*_greek(text, known, taken), *_katakana(text, known, taken),
            *_unspaced(text, known, taken), *_undotted(text, known, taken),
            *(_cyrillic_spelt(text, known, taken) if cyrillic else []),
            *_sorani_spelt(text, known, taken)]
