"""Text as the table rules read it: folded to one comparable form, offsets unchanged.

Folding maps every character to exactly one character, so a match in the folded text has the
same offsets in the original: lower case, accents and other marks dropped ("Ağustos" → "agustos",
"أكثر" → "اكثر", "हज़ार" → "हजार"), Arabic-Indic, Persian, Devanagari and full-width digits to
ASCII ("١٣٥" → "135"), no-break and thin spaces to a space, typographic apostrophes to "'".
Hangul and kana are kept as they are (their decomposition is not an accent).
"""

from __future__ import annotations

import re
import unicodedata

_DIGIT_BLOCKS = ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "０１２３４５６７８９")
_SPECIAL: dict[int, str] = {
    **{ord(ch): str(i) for block in _DIGIT_BLOCKS for i, ch in enumerate(block)},
    ord("٫"): ".",  # Arabic decimal separator
    ord("٬"): ",",  # Arabic thousands separator
    ord("\u00a0"): " ",
    ord("\u202f"): " ",
    ord("\u2009"): " ",
    ord("\u2007"): " ",
    ord("’"): "'",
    ord("ʼ"): "'",
    ord("‘"): "'",
    ord("ی"): "ي",  # Persian and Arabic yeh are one letter here
    ord("ى"): "ي",
    ord("ک"): "ك",
    ord("ı"): "i",  # Turkish dotless i: tables write "yarali" for "yaralı"
}


def _keeps_marks(ch: str) -> bool:
    code = ord(ch)
    return 0xAC00 <= code <= 0xD7AF or 0x3040 <= code <= 0x30FF


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that computes (and remembers) each character's folded form;
    the letters in ``keep`` (lower case) keep their marks."""

    def __init__(self, special: dict[int, str], keep: str) -> None:
        super().__init__(special)
        self.keep = keep

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        lowered = ch.lower()
        if len(lowered) != 1:  # "İ".lower() is "i" and a combining dot
            lowered = lowered[0]
        folded = lowered
        if lowered not in self.keep and not _keeps_marks(lowered):
            decomposed = unicodedata.normalize("NFD", lowered)
            if decomposed and not unicodedata.combining(decomposed[0]):
                folded = decomposed[0]
        self[code] = folded
        return folded


_FOLDS: dict[str, _FoldTable] = {}


def fold(text: str, keep: str = "") -> str:
    """``text`` folded character by character (same length, same offsets); the letters in
    ``keep`` keep their marks (Turkish "öldü", died, is not "oldu", became)."""
    table = _FOLDS.get(keep)
    if table is None:
        table = _FOLDS[keep] = _FoldTable(_SPECIAL, keep)
    return text.translate(table)


# A sentence ends at . ! ? ؟ ۔ followed by a space and not by a lower-case letter (a word of
# three letters or fewer before the stop is taken for an abbreviation: "ca.", "Mio.", "tys.";
# a number of one or two digits for an ordinal: "am 6. März"),
# at a CJK full stop, or at a line break.
_LETTER = "A-Za-zÀ-ɏͰ-ϿЀ-ӿ"  # Latin, Greek and Cyrillic: the scripts that abbreviate with "."
_SENTENCE_END = re.compile(
    rf"(?<![\s.][{_LETTER}])(?<![\s.][{_LETTER}]{{2}})(?<![\s.][{_LETTER}]{{3}})"
    r"(?<![\s.(]\d)(?<![\s.(]\d\d)"
    r"[.!?؟۔]+[\"'»”)]*\s+(?![a-zß-ÿа-яёіїєα-ω])"
    r"|[。！？]+[」』”]*"
    r"|\n+"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (rule-based, any script)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
