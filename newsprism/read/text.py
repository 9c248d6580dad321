"""Turning bytes into text carefully, and splitting the optional header of a ``.txt`` article."""

from __future__ import annotations

import codecs
import re

# Control characters other than tab, newline, carriage return and form feed: real text has
# essentially none, binaries and wrong decodings have many.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# A decoding is rejected when more than this share of its characters are control characters.
MAX_CONTROL_SHARE = 0.001
# UTF-8 with at most this share of undecodable bytes among its non-ASCII characters is read as
# UTF-8 with replacement characters; legacy single-byte text has nearly every high byte invalid.
MAX_REPLACED_SHARE = 0.02
# Magic numbers of common binary formats that are never articles.
BINARY_MAGIC: tuple[bytes, ...] = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"MZ",
    b"SQLite format 3",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"Rar!",
    b"7z\xbc\xaf",
    b"OggS",
    b"ID3",
    b"RIFF",
    b"\x00\x00\x01\x00",
    b"\xd0\xcf\x11\xe0",
)
# Share of words mixing Latin and Cyrillic letters above which a cp1251 decoding is judged a
# misreading of Latin-1 text (é → й inside Latin words).
MAX_MIXED_SCRIPT_WORDS = 0.02
_DECLARED = re.compile(
    rb"""(?:<meta[^>]+charset=["']?|<\?xml[^>]+encoding=["']|^\s*(?:Encoding|Charset):\s*)"""
    rb"""([A-Za-z0-9_\-]+)""",
    re.IGNORECASE | re.MULTILINE,
)
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0b\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

HEADER_FIELDS: dict[str, str] = {
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "date": "published",
    "published": "published",
    "url": "url",
    "link": "url",
    "language": "language",
    "lang": "language",
}
_HEADER = re.compile(r"^([A-Za-z][A-Za-z_\-]{0,24})[ \t]*:[ \t]*(.*?)\s*$")


# Removed from every article and metadata value at read time, before the document id and every
# span are computed: C0/C1 controls other than tab and line breaks (NUL, ESC and CSI would reach
# a terminal report), bidi embeddings, overrides and isolates (they reorder what a reader sees
# around them: a title or an outlet could pose as another), stray BOMs, and lone surrogates
# (not encodable, so not storable), which become U+FFFD. Marks that text needs are kept: LRM/RLM,
# zero-width joiners.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


# A full stop glued to the next sentence ("погибли.Спасатели", "1250 человек.6 февраля"): pages
# whose markup put sentences in separate elements lose the space between them when flattened.
# The stop ends a sentence when a word of at least this many letters, its last ones lower-case,
# stands before it (shorter ones are abbreviations: "г.Москва", "ул.", "млн.", "U.S.") and a
# capitalised word or a number follows; decimals ("1.250") and lower-case runs ("bbc.com") stay.
GLUED_WORD_MIN = 4
_GLUED_STOP = re.compile(r"(?<=\w)\.(?=\w)")


def _glued_stop(text: str, at: int) -> bool:
    before = text[max(0, at - GLUED_WORD_MIN) : at]
    after = text[at + 1 : at + 3]
    if len(before) < GLUED_WORD_MIN or not before.isalpha() or not before[1:].islower():
        return False
    if at - GLUED_WORD_MIN > 0 and text[at - GLUED_WORD_MIN - 1] == ".":
        return False  # "www.site.Com": a dotted name, not a sentence
    return (len(after) == 2 and after[0].isupper() and after[1].islower()) or after[:1].isdigit()


def restore_sentence_spaces(text: str) -> str:
    """``text`` with a space after each full stop glued to a following sentence."""
    stops = [m.start() for m in _GLUED_STOP.finditer(text) if _glued_stop(text, m.start())]
    if not stops:
        return text
    pieces, last = [], 0
    for at in stops:
        pieces.append(text[last : at + 1])
        last = at + 1
    pieces.append(text[last:])
    return " ".join(pieces)


def clean_text(text: str) -> str:
    """``text`` without the control characters no article needs (see ``_UNSAFE``); NEL and form
    feed become line breaks."""
    text = _UNSAFE.sub("", text.replace("\x85", "\n").replace("\x0c", "\n"))
    return _SURROGATE.sub("\ufffd", text)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are a known binary format, carry NUL bytes or are dense with ASCII
    control bytes (and have no UTF-16 BOM). Control bytes mean the same in UTF-8 and every legacy
    codec, so this holds whatever the encoding turns out to be."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if data.startswith(BINARY_MAGIC):
        return True
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = len(_CONTROL_BYTES.findall(head))
    return controls > MAX_CONTROL_SHARE * len(head) + 1


def looks_like_text(text: str) -> bool:
    """True when a decoding has almost no control characters and mixes no scripts in words."""
    if not text:
        return True
    if len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text) + 1:
        return False
    words = _WORD.findall(text)
    if not words:
        return True
    mixed = sum(1 for w in words if _LATIN.search(w) and _CYRILLIC.search(w))
    return mixed <= MAX_MIXED_SCRIPT_WORDS * len(words)


def declared_encoding(data: bytes) -> str | None:
    """The charset an HTML/XML document (or a header line) declares, if Python knows it."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode(data: bytes) -> str | None:
    """Decode bytes as text, or ``None`` when no candidate decoding looks like text.

    Bytes that decode as strict UTF-8 (after a UTF-8 or UTF-16 BOM, if any) are UTF-8, whatever
    their content: a text mixing scripts in words (a JSON line with ``\\n`` before a Cyrillic word,
    a transliteration table) is still what its author wrote. The heuristics below only choose
    between legacy codecs: the declared charset, then cp1251 and cp1252/latin-1, each accepted
    only if the result looks like text (cp1251 is tried before the Latin ones because Latin-1
    accepts any byte sequence, and Cyrillic read as Latin-1 looks like plausible accented
    gibberish).
    """
    strict = _strict_unicode(data)
    if strict is not None:
        return strict
    declared = declared_encoding(data)
    if not declared:
        repaired = _nearly_utf8(data)
        if repaired is not None:
            return repaired
    candidates = [declared] if declared and declared not in _UTF else []
    candidates += [c for c in ("cp1251", "cp1252", "latin-1") if c not in candidates]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if encoding == "cp1251" and not _mostly_cyrillic_high_bytes(text):
            continue
        if looks_like_text(text):
            return text
    return None


_UTF = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"})


def _strict_unicode(data: bytes) -> str | None:
    """The text of BOM-marked UTF-16 or of strict UTF-8 (with or without its BOM), else None."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _nearly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few corrupt bytes (a truncated download, a bad copy) is still UTF-8: a legacy
    codec would turn every other non-ASCII character into mojibake."""
    repaired = data.decode("utf-8", errors="replace")
    bad = repaired.count("\ufffd")
    non_ascii = sum(1 for ch in repaired if ord(ch) > 127)
    if bad <= MAX_REPLACED_SHARE * non_ascii and looks_like_text(repaired):
        return repaired
    return None


def _mostly_cyrillic_high_bytes(text: str) -> bool:
    """cp1251 is plausible only when the non-ASCII characters it produced are Cyrillic letters."""
    high = [ch for ch in text if ord(ch) > 127]
    if not high:
        return True
    cyrillic = sum(1 for ch in high if "\u0400" <= ch <= "\u04ff")
    return cyrillic / len(high) >= 0.8


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split ``Title:``/``Outlet:``/``Date:``/``URL:``/``Language:`` lines before a blank line.

    The block counts as a header only if every line in it is a ``Field: value`` line and at least
    one field is known (unknown ones such as ``Author:`` are dropped), so
    an article whose first sentence happens to contain a colon is left intact.
    """
    stripped = text.lstrip("\ufeff")
    head, sep, body = stripped.partition("\n\n")
    if not sep:
        head, sep, body = stripped.replace("\r\n", "\n").partition("\n\n")
        if not sep:
            return {}, text
    fields: dict[str, str] = {}
    known = 0
    for line in head.replace("\r\n", "\n").split("\n"):
        match = _HEADER.match(line)
        if not match:
            return {}, text
        name = match.group(1).lower()
        if name in HEADER_FIELDS:
            known += 1
            fields[HEADER_FIELDS[name]] = match.group(2)
    # Unknown fields (Author:, Tags:) are allowed beside known ones and dropped; a block with no
    # known field is the article's own first paragraph ("Warning: the dam may fail again.").
    if not known:
        return {}, text
    return fields, body
