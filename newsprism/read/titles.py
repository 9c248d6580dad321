"""A headline for an article that came without one, taken from its own text.

Pages and search-engine excerpts often open with navigation and stamps ("All news", "News 10
January — 12:43", "date 2022-01 https://…", "Home | World | Europe"): those lines are not what
the article says, so they are passed over. The first line that reads like a sentence of words
is the headline; a long first paragraph gives its first sentence.
"""

from __future__ import annotations

import re

MAX_TITLE_CHARS = 120
MIN_WORDS = 4  # "All news", "World", "Live updates" are navigation, not headlines
# Scripts written without spaces between words (Chinese, Japanese, Thai): characters, not words.
MIN_UNSPACED_CHARS = 8
MAX_NON_LETTER_SHARE = 0.3  # "10.01.2022 12:43 | 1 234 views" is a stamp, not a headline
SCAN_LINES = 12

_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|ru|html?)\b", re.I)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_SEPARATORS = re.compile(r"\s[|»>/•·]\s")
_WORD = re.compile(r"[^\W\d_]{2,}")
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# A page's date stamp run into the first line: "date 2023-02 Toll rises", "07.02.2023 14:05 |".
_STAMP = re.compile(
    r"^(?:[^\W\d_]{1,12}:?\s+)?(?:\d{4}-\d\d(?:-\d\d)?|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    r"(?:\s+\d{1,2}:\d{2})?\s*[-–|:]?\s+(?=\S)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")


def is_headline(line: str) -> bool:
    """True for a line that reads like a headline or a sentence, not a page's furniture."""
    line = line.strip()
    if not line or _URL.search(line) or len(_SEPARATORS.findall(line)) >= 2:
        return False
    visible = [ch for ch in line if not ch.isspace()]
    letters = sum(ch.isalpha() for ch in visible)
    if letters < (1 - MAX_NON_LETTER_SHARE) * len(visible):
        return False
    words = _WORD.findall(line)
    if len(_UNSPACED.findall(line)) >= MIN_UNSPACED_CHARS:
        return True
    if len(words) < MIN_WORDS:
        return False
    # A time stamp with a few words around it ("News 10 January — 12:43") is a page stamp.
    return not (_CLOCK.search(line) and len(words) < 2 * MIN_WORDS)


def headline_of(text: str) -> str:
    """The article's first headline-like line (cut to its first sentence when long, a leading
    date stamp removed), else its first line."""
    lines = [_STAMP.sub("", line.strip(), count=1) for line in text.strip().splitlines()]
    lines = [line for line in lines if line]
    for line in lines[:SCAN_LINES]:
        if is_headline(line):
            return _shorten(line)
    return _shorten(lines[0]) if lines else ""


def _shorten(line: str) -> str:
    if len(line) > MAX_TITLE_CHARS:
        line = _SENTENCE_END.split(line, maxsplit=1)[0]
    return line[:MAX_TITLE_CHARS]
