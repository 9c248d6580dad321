"""Russian word forms for the Russian rules: dictionary forms (natasha's pymorphy) and the word
tokens of a text with their character offsets.

natasha is imported first: it patches pymorphy for Python 3.11.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import natasha  # noqa: F401  (must come before any pymorphy use)

WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+(?:-[А-Яа-яЁёA-Za-z]+)*")


@functools.cache
def _morph_vocab() -> object:
    from natasha import MorphVocab

    return MorphVocab()


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Dictionary form of a Russian word ("погибших" → "погибнуть" or "погибший"), lowercase."""
    word = word.lower().replace("ё", "е")
    if not re.fullmatch(r"[а-я-]+", word):
        return word
    parses = _morph_vocab().parse(word)  # type: ignore[attr-defined]
    return parses[0].normal_form.replace("ё", "е") if parses else word


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def lemma(self) -> str:
        return lemma(self.text)


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [Word(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, stop)]
