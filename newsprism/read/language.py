"""A cheap language guess from script and stopwords: no model, a few microseconds per article.

The script of most letters decides first: Arabic script (Arabic, Persian, Sorani Kurdish, told
apart by the letters only each uses), Han and kana (Chinese, Japanese), Hangul, Greek,
Devanagari, Thai, Georgian, Armenian, Hebrew, Cyrillic (Russian, Ukrainian, Bulgarian, Serbian,
Kazakh, by their own letters). Latin-script text is placed by the share of its first words that
are a language's stopwords. Anything it cannot place confidently is ``"und"`` (undetermined, the
BCP-47 code) rather than a wrong guess.

A language given by metadata is kept (:func:`choose_language`) unless the text's script
contradicts it: a machine-translated page often declares the language of its source.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A language needs this share of its stopwords among the first words to be chosen; calibrated
# on the seeds and the sample corpus (English articles score 0.35-0.5; French/German prose
# scores below 0.05 on the English list).
MIN_STOPWORD_SHARE = 0.12
# Share of Cyrillic among letters above which a text is treated as Cyrillic-script.
MIN_CYRILLIC_SHARE = 0.5
# Share of letters a script needs to be the text's script.
MIN_SCRIPT_SHARE = 0.5
SAMPLE_WORDS = 400

# The most frequent short words of each Latin-script language, chosen to tell close languages
# apart (Spanish "el los del", Portuguese "o os do não", Italian "il gli della").
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the of and to in a is that for on was with as by at from it he she they his her said "
        "were be has have had are an this which not but who after their its been"
    ),
    "fr": _words(
        "le la les de des du et un une est dans que qui pour sur pas au aux ont été avec ce "
        "cette il elle sont par à"
    ),
    "de": _words(
        "der die das und ist nicht ein eine den dem des mit auf sich zu von im wurde wurden "
        "sind bei nach auch"
    ),
    "es": _words(
        "el la los las de del y que en un una por con para es se al lo su como más fue han"
    ),
    "it": _words(
        "il lo la gli le di e che un una per con non del della sono è nel nella alla dei "
        "delle ha anche"
    ),
    "pt": _words(
        "o os as do da dos das e que em um uma por com para não no na é foi ao pelo pela"
    ),
    "nl": _words(
        "de het een en van in is op dat die voor met zijn niet aan er werd door bij ook"
    ),
    "pl": _words("i w na z się nie do że to jest o jak po przez od są za oraz"),
    "ro": _words("și în cu pe care fost din este pentru mai au sunt iar fi acest această"),
    "tr": _words(
        "ve bir bu da de ile için olarak daha en çok gibi olan sonra ki ise her kadar ancak "
        "göre tarafından olduğunu oldu var şu"
    ),
    "sv": _words("och i att det som en på är av för med till den har de inte om var"),
    "id": _words("dan yang di ini itu dengan untuk dari dalam tidak akan pada adalah juga ke oleh"),
    "ku": _words("û li di ku ji bi ew ne jî bo vê wê hat"),
    "sq": _words("dhe në të një për me që nga është janë se nuk si edhe pas ka kanë u"),
    "hu": _words("a az és hogy is nem egy van volt meg már mint csak azt ezt után szerint pedig"),
}
_STOPWORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _language, _stopwords in _STOPWORDS.items():
    for _word in _stopwords:
        _STOPWORD_LANGUAGES[_word] = (*_STOPWORD_LANGUAGES.get(_word, ()), _language)
# Letters that occur in Ukrainian but not in Russian.
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_SERBIAN_LETTERS = re.compile(r"[ђјљњћџЂЈЉЊЋЏ]")
_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһӘҒҚҢӨҰҮҺ]")
_RUSSIAN_ONLY = re.compile(r"[ыэЫЭ]")
_BULGARIAN_HARD_SIGN = re.compile(r"ъ")
# Arabic-script letters that only Persian (and Urdu) or only Sorani Kurdish use, and the Arabic
# ones Persian does without.
_PERSIAN_LETTERS = re.compile(r"[پچژگکی]")
_SORANI_LETTERS = re.compile(r"[ەێۆڕڵ]")
_ARABIC_LETTERS = re.compile(r"[ةيىك]")
# Letters only one Latin-script language of the tables uses much: the guess when no language's
# stopwords reach their share (Turkish agglutinates; its stopwords are rare).
_LATIN_LETTERS: dict[str, re.Pattern[str]] = {
    "az": re.compile(r"[əƏ]"),
    "tr": re.compile(r"[ıİğĞ]"),
    "cs": re.compile(r"[řěůŘĚŮ]"),
    "hu": re.compile(r"[őűŐŰ]"),
    "ro": re.compile(r"[șțȘȚ]"),
    "pl": re.compile(r"[łąęŁĄĘ]"),
}
MIN_LETTER_SHARE = 0.01
_KANA = re.compile(r"[\u3040-\u30ff]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Script -> (first, last) code point ranges.
_SCRIPTS: dict[str, tuple[tuple[int, int], ...]] = {
    "latin": ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF)),
    "cyrillic": ((0x400, 0x52F),),
    "greek": ((0x370, 0x3FF), (0x1F00, 0x1FFF)),
    "arabic": ((0x600, 0x6FF), (0x750, 0x77F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "hebrew": ((0x590, 0x5FF),),
    "armenian": ((0x530, 0x58F),),
    "georgian": ((0x10A0, 0x10FF),),
    "devanagari": ((0x900, 0x97F),),
    "thai": ((0xE00, 0xE7F),),
    "hangul": ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)),
    "cjk": ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)),
}
# The language a script gives on its own, for scripts of one main language.
_SCRIPT_LANGUAGE = {
    "greek": "el", "hebrew": "he", "armenian": "hy", "georgian": "ka", "devanagari": "hi",
    "thai": "th", "hangul": "ko",
}
# The scripts each language is written in (languages not listed: not checked).
_LANGUAGE_SCRIPTS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "ro", "tr", "sv", "id", "cs", "sk",
         "hu", "fi", "da", "no", "nb", "sl", "hr", "et", "lv", "lt", "sq", "vi", "ms", "tl",
         "ca", "eu", "gl"),
        frozenset({"latin"}),
    ),
    **{code: frozenset({"cyrillic"}) for code in ["ru", "uk", "bg", "be", "mk", "kk", "ky", "mn"]},
    "sr": frozenset({"cyrillic", "latin"}),
    "uz": frozenset({"cyrillic", "latin"}),
    "az": frozenset({"cyrillic", "latin", "arabic"}),
    "ku": frozenset({"latin", "arabic"}),
    **{code: frozenset({"arabic"}) for code in ["ar", "fa", "ur", "ps", "ckb"]},
    **{code: frozenset({script}) for script, code in _SCRIPT_LANGUAGE.items()},
    "mr": frozenset({"devanagari"}),
    "ne": frozenset({"devanagari"}),
    "zh": frozenset({"cjk"}),
    "ja": frozenset({"cjk"}),
}


_NOT_LATIN = re.compile(r"[^A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_SCRIPT_LETTERS: dict[str, re.Pattern[str]] = {
    script: re.compile(
        "[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges) + "]"
    )
    for script, ranges in _SCRIPTS.items()
}


def dominant_script(text: str) -> tuple[str | None, float]:
    """The script of most letters in the first words of ``text`` and its share of them."""
    return _dominant_script("".join(_WORD.findall(text[:20_000])[:SAMPLE_WORDS]))


def _dominant_script(letters: str) -> tuple[str | None, float]:
    if not letters:
        return None, 0.0
    latin = len(letters) - len(_NOT_LATIN.findall(letters))
    if latin >= MIN_SCRIPT_SHARE * len(letters):  # most text: one pass decides
        return "latin", latin / len(letters)
    counts = {script: len(pattern.findall(letters)) for script, pattern in _SCRIPT_LETTERS.items()}
    script = max(counts, key=lambda s: counts[s])
    if not counts[script]:
        return None, 0.0
    return script, counts[script] / len(letters)


def _cyrillic_language(letters: str) -> str:
    cyrillic = max(1, sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff"))
    if len(_KAZAKH_LETTERS.findall(letters)) / cyrillic > 0.01:
        return "kk"
    if len(_SERBIAN_LETTERS.findall(letters)) / cyrillic > 0.01:
        return "sr"
    if len(_UKRAINIAN_LETTERS.findall(letters)) / cyrillic > 0.01:
        return "uk"
    if not _RUSSIAN_ONLY.search(letters) and (
        len(_BULGARIAN_HARD_SIGN.findall(letters)) / cyrillic > 0.01
    ):
        return "bg"
    return "ru"


def _arabic_language(letters: str) -> str:
    if len(_SORANI_LETTERS.findall(letters)) > 0.01 * len(letters):
        return "ku"
    persian = len(_PERSIAN_LETTERS.findall(letters))
    arabic = len(_ARABIC_LETTERS.findall(letters))
    return "fa" if persian > arabic else "ar"


def detect_language(text: str) -> str:
    """An ISO 639-1 code (``"en"``, ``"ru"``, ``"ar"``, ``"zh"``, ...) or ``"und"``."""
    words = _WORD.findall(text[:20_000])[:SAMPLE_WORDS]
    if not words:
        return "und"
    letters = "".join(words)
    script, share = _dominant_script(letters)
    if script == "cyrillic" and share >= MIN_CYRILLIC_SHARE:
        return _cyrillic_language(letters)
    if script is None or share < MIN_SCRIPT_SHARE:
        return "und"
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    if script == "arabic":
        return _arabic_language(letters)
    if script == "cjk":
        return "ja" if len(_KANA.findall(letters)) > 0.05 * len(letters) else "zh"
    if script != "latin":
        return "und"
    hits = dict.fromkeys(_STOPWORDS, 0)
    for word in words:
        for language in _STOPWORD_LANGUAGES.get(word.lower(), ()):
            hits[language] += 1
    best = max(hits, key=lambda language: hits[language])  # the first listed on a tie
    if hits[best] and hits[best] / len(words) >= MIN_STOPWORD_SHARE:
        return best
    for language, pattern in _LATIN_LETTERS.items():
        if len(pattern.findall(letters)) > MIN_LETTER_SHARE * len(letters):
            return language
    return "und"


def choose_language(metadata_language: str, text: str) -> str:
    """The article's language: the metadata's (normalised) unless the text is mostly in a script
    that language is not written in, then the text's own (:func:`detect_language`)."""
    given = normalise_language(metadata_language)
    if not given:
        return detect_language(text)
    scripts = _LANGUAGE_SCRIPTS.get(given)
    if scripts is None:
        return given
    script, share = dominant_script(text)
    if script is None or share < MIN_SCRIPT_SHARE or script in scripts:
        return given
    detected = detect_language(text)
    return given if detected == "und" else detected


_LANGUAGE_NAMES = {
    "english": "en",
    "russian": "ru",
    "ukrainian": "uk",
    "french": "fr",
    "german": "de",
    "spanish": "es",
    "italian": "it",
    "kazakh": "kk",
}


def normalise_language(value: str) -> str:
    """A metadata language ("en-GB", "EN", "English", "ru_RU") as a lowercase ISO 639-1 code."""
    value = value.strip().lower()
    if value in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[value]
    return value.replace("_", "-").split("-")[0]
