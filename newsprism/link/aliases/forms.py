"""Name forms: how a mention's surface becomes the key of its name node.

Cleaning (a leading preposition or "the", an age, a possessive), honorifics, credentials and
generational suffixes dropped from people, a trailing location dropped from facilities and
organisations, gazetteer spellings for places; then the spelling skeleton. Also the name
node itself and the union-find the merge rules work on.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from newsprism.link.places import lookup
from newsprism.link.translit import skeleton
from newsprism.model import Mention

# Labels linked across documents; the rest (PRODUCT, LAW, ...) get per-surface entities only.
LINK_CLASSES: dict[str, str] = {
    "PERSON": "PERSON", "ORG": "ORG", "NORP": "NORP", "GPE": "PLACE", "LOC": "PLACE",
    "FAC": "FAC", "EVENT": "EVENT",
}
_DEMONYM_LEAD = re.compile(r"^(?:[A-Z][a-z]+(?:i|ian|ese|ish|ic|ch|akh|ek))\s+(?=[A-Z])")
# Honorifics and the titles news writes before a name ("President Aoun", "Sheikh Hassan
# Nasrallah", "Général Michel Aoun", "MPs Ghazi Zuaiter"): dropped from a person's name key (the
# name as written stays an alias).
_HONORIFIC = re.compile(
    r"^(?:(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame|Gen|Lt|Col|Capt|Sgt|Sen|Rep|Gov)\s*\.?"
    r"|President|Président|Presidente|Präsident(?:en)?|Prime\s+Minister|Premier|Minister"
    r"|General|Général|Generale|Sheikh?|Shaikh|Sayy?e?d|Sayyid|Imam|Ayatollah|Emir|King|Queen"
    r"|Prince|Princess|Pope|Judge|Governor|Senator|Mayor|MPs?|Colonel|Captain)\s+(?=[A-Z])"
)
# Degrees and suffixes after a person's name: "Regina Benjamin, M.D., M.B.A.", "X, Jr."
_CREDENTIALS = re.compile(r"(?:\s*,\s*(?:[A-Z]\s*\.?\s*){1,4}|\s*,\s*(?:Jr|Sr|PhD)\s*\.?)+$")
# A generational suffix without its comma: "Arcade Joseph Comeaux Jr", "Anthony LaCalamita III".
_GENERATION = re.compile(r"(?<=\S)\s+(?:Jr|Sr|II|III|IV)\s*\.?$")
_LEADING_PREPOSITION = re.compile(
    r"^(?:in|at|on|of|near|from|to|into|off|across|along|outside|inside)\s+(?:the\s+)?(?=\S)",
    re.IGNORECASE,
)


def _cls(label: str) -> str:
    return LINK_CLASSES.get(label, label)


@functools.lru_cache(maxsize=1 << 16)  # names repeat across a corpus: clean each spelling once
def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = _LEADING_PREPOSITION.sub("", text)  # "in Queens": a place named inside a phrase
    text = re.sub(r"^the\s+(?=\S)", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*,\s*\d{1,3}$", "", text)  # an age after a name: "Eric Kirkpatrick, 61"
    return re.sub(r"['’]s$", "", text)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True


@dataclass
class _Node:
    key: str  # class|skeleton
    cls: str
    surfaces: Counter[str] = field(default_factory=Counter)
    # the text as written where it differs from its dictionary form ("Хасана Диаба" of
    # "Хасан Диаб"): listed as aliases, never chosen as the canonical name
    written: Counter[str] = field(default_factory=Counter)
    # the name translated word by word in another language's article ("Casques blancs" of
    # "White Helmets"): aliases, never the canonical name
    translated: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    # named in an article whose pipeline reads its language (not only in the English model's
    # reading of another language): only such names stand behind a short form corpus-wide
    trusted: bool = True

    @property
    def words(self) -> list[str]:
        return self.key.split("|", 1)[1].split()


# Where a facility or organisation is, written after its name: "Betty Ford Center in Rancho
# Mirage", "the Estelle Unit in Huntsville , Texas", "Beverly Hills , California", or a
# description after a comma: "the Gulf of Aden, between the Horn of Africa and ...".
_PLACE_TAIL = re.compile(r"(?:\s+(?:in|near|at)\s+|\s*,\s*)(?=[A-Z])|\s*,\s+(?=[a-z])")


def _drop_place_tail(text: str) -> str:
    """The name before a trailing location, when that name is still two capitalised words or
    more (one word before it, as in "Paris, Texas", is a place's own name)."""
    match = _PLACE_TAIL.search(text)
    if match is None:
        return text
    head = text[:match.start()].strip()
    words = head.split()
    if len(words) >= 2 and all(w[:1].isupper() or w.lower() in {"of", "the", "and"}
                               for w in words):
        return head
    return text


def _node_key(mention: Mention) -> tuple[str, str] | None:
    return _key_of(mention.normal or mention.text, _cls(mention.label))


# Turkish (and Azerbaijani, Tatar) dotless ı is an i to every other spelling of a name
# ("Nurdağı" = "Nurdagi", "Pazarcık" = "Pazarcik"); the spelling skeleton alone reads it as a
# word break.
_DOTLESS = str.maketrans({"ı": "i"})


@functools.lru_cache(maxsize=1 << 16)  # a corpus repeats its names: key each spelling once
def _key_of(surface: str, cls: str) -> tuple[str, str] | None:
    text = _clean(surface).translate(_DOTLESS)
    if cls in {"ORG", "FAC", "PLACE"}:
        text = _drop_place_tail(text)
    if cls == "PERSON":
        text = _HONORIFIC.sub("", text)
        text = _CREDENTIALS.sub("", text)
        text = _GENERATION.sub("", text)
    if cls in {"PLACE", "FAC"}:
        place = lookup(text)
        if place is not None:
            return "PLACE", "PLACE|" + skeleton(place.canonical)
    key = skeleton(text)
    if not key:
        return None
    return cls, f"{cls}|{key}"


def _is_short_person(node: _Node) -> bool:
    return node.cls == "PERSON" and len(node.words) == 1
