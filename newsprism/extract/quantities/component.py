"""Quantities with what they count, bounds, unit, scope, as-of date and attribution.

A quantity is found in three steps, sentence by sentence:

1. *atoms*: a number (digits, words, scaled "4.5 thousand", vague "dozens") read from token
   attributes, with its bound ("more than"), unit (currency, percent, duration, physical, age)
   or counted noun (the parser's ``nummod`` head, or the object of "26 *of* the criminals");
   years, times, ordinals, phone numbers and numbering ("Article 5") are skipped;
2. *groups*: atoms joined into ranges ("10 to 20"), changes ("from 60 to 120 tenge") and
   parenthetical conversions ("120 KZT (20 rubles)");
3. *meaning*: the measure from the cue that governs the number (see :mod:`measures`), the
   counted group (scope), negation, "another" (incremental), attribution and as-of date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from newsprism.extract.core.extensions import doc_text, register_extensions
from newsprism.extract.dates.component import date_at
from newsprism.extract.quantities.measures import (
    NOUN_MEASURE,
    PEOPLE_MEASURES,
    PHRASE_CUES,
    WEAK_NOUN_MEASURES,
    measure_of_cue,
)
from newsprism.extract.quantities.numbers import (
    SCALES,
    VAGUE_COUNTS,
    european_style,
    is_number_word,
    is_ordinal,
    parse_digits,
    parse_words,
)
from newsprism.extract.quantities.units import AMBIGUOUS_FORMS, PREFIX_SYMBOLS, lookup
from newsprism.model import Bound, Quantity, Quote

# Bound phrases before a number, longest first; the interval they give is set in _interval.
BOUND_PHRASES: tuple[tuple[str, Bound], ...] = (
    ("no fewer than", "at least"), ("no less than", "at least"), ("not less than", "at least"),
    ("in excess of", "more than"), ("upwards of", "more than"), ("just over", "more than"),
    ("just under", "less than"), ("more than", "more than"), ("at least", "at least"),
    ("as many as", "up to"), ("up to", "up to"), ("at most", "up to"),
    ("fewer than", "less than"), ("less than", "less than"), ("close to", "about"),
    ("an estimated", "about"), ("over", "more than"), ("above", "more than"),
    ("under", "less than"), ("below", "less than"), ("nearly", "about"), ("almost", "about"),
    ("about", "about"), ("around", "about"), ("approximately", "about"), ("roughly", "about"),
    ("some", "about"), ("estimated", "about"), ("approx.", "about"), ("circa", "about"),
)
BOUND_CHANGE = {"exact": "=", "about": "~", "more than": ">", "at least": ">",
                "less than": "<", "up to": "<"}
_BOUND_PHRASE_TEXTS: tuple[str, ...] = tuple(phrase for phrase, _ in BOUND_PHRASES)
INCREMENT_WORDS = ("another", "a further", "an additional", "additional", "further")
# Words before a number that make it a label, not an amount.
NUMBERING_WORDS = frozenset(
    {
        "article", "no", "no.", "number", "#", "part", "section", "paragraph", "clause",
        "chapter", "resolution", "flight", "route", "highway", "room", "page", "item", "point",
        "level", "phase", "stage", "category", "building", "house", "apartment", "decree", "law",
        "bus", "train", "gate", "platform", "channel", "line", "code", "act", "protocol",
        "version", "tier"
    }
)
TIME_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock", "hrs", "local"})
AGE_BEFORE = frozenset({"aged", "age"})
ADJECTIVAL_COUNTS = frozenset(
    {"dead", "injured", "wounded", "missing", "killed", "detained", "homeless"}
)
# Counted nouns that name nobody in particular: the figure is about everybody.
GENERIC_NOUNS = frozenset(
    {"people", "person", "individual", "dead", "injured", "wounded", "missing", "killed",
     "detained", "homeless", "death", "fatality", "casualty", "body", "victim", "life", "case",
     "injury", "time", "other", "more"}
)
REPORTING_VERBS = frozenset(
    {
        "say", "report", "announce", "state", "tell", "confirm", "claim", "add", "estimate",
        "note", "record", "register", "reveal", "declare", "warn", "inform", "put", "count",
        "cite", "publish", "write"
    }
)
DENIAL_VERBS = frozenset({"deny", "refute", "dismiss", "reject", "disprove"})
RISE_VERBS = frozenset({"rise", "increase", "grow", "climb", "jump", "soar", "raise", "hike",
                        "surge", "go", "gain", "spike"})
FALL_VERBS = frozenset({"fall", "drop", "decrease", "decline", "cut", "reduce", "lower",
                        "plunge", "slump", "sink", "shrink", "slash", "ease"})
TOTAL_VERBS = frozenset({"rise", "climb", "reach", "stand", "increase", "grow", "jump", "hit",
                         "be", "top", "exceed", "surpass", "total", "pass", "go", "mount"})
TOTAL_NOUNS = frozenset({"total", "tally", "toll", "number", "figure", "count"})
PRICE_CUES = frozenset({"price", "cost", "fare", "tariff", "fee", "rent"})
INHERIT_CUES = ("including", "among them", "of whom", "of them", "among whom", "incl.")
TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
RANGE_CONNECTORS = frozenset({"to", "-", "–", "—", "or", "and/or"})
YEAR_RANGE = (1800, 2100)
FRACTION_WORDS = frozenset({"third", "thirds", "quarter", "quarters", "fifth", "fifths", "half",
                            "sixth", "tenth", "tenths"})
# Prepositions across which a verb's cue says nothing about the count: "killed in 2 attacks",
# "wounded by 3 gunmen" ("of", "among", "to", "at" and "from" do carry it).
BLOCKING_PREPS = frozenset({"in", "on", "with", "after", "during", "near", "for", "by", "over",
                            "across", "into", "against", "inside", "outside", "under", "within",
                            "around", "through", "since", "before"})
# What can happen to things (not people): "140 rifles seized", "60 vehicles deployed".
THING_MEASURES = frozenset({"seized", "affected", "troops"})
# How many tokens after a phrase cue's start a preposition may be part of it.
PHRASE_REACH = 2
# Oldest age read from "Name, 43," appositions.
MAX_AGE = 120
# Phone numbers: digit groups joined by hyphens or dots (no spaces, no thousands commas).
_PHONE = re.compile(r"\+?\(?\d{2,4}\)?(?:[-.]\d{2,4}){1,3}(?![\d,])")
PHONE_DIGITS = 7
# How far back (tokens) an opening bracket may be for a number to sit inside it.
PAREN_REACH = 8
# How far after the number (tokens) its counted noun may be for the span to cover it.
NOUN_REACH = 4
# Counted nouns that name people, for the sentence-wide cue search; nouns with agent suffixes
# (-er, -ist, -ant, ...) are taken as people too.
PERSON_NOUNS = frozenset(
    {
        "people", "person", "child", "man", "woman", "family", "household", "citizen", "victim",
        "pilgrim", "police", "personnel", "staff", "hostage", "guard", "troop", "national",
        "civilian", "youth", "adult", "girl", "boy", "baby", "crew", "medic", "militia",
        "colleague", "relative", "local", "native", "inhabitant", "other", "prisoner",
    }
)
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "men", "ic")
# Entities whose names may hold a number ("Zero Hedge", "the 2016 Olympics").
NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "LAW", "FAC", "PERSON", "EVENT"})
# Heads of "according to X" that name a document, not a source.
NON_SOURCES = frozenset({"data", "datum", "report", "information", "figure", "estimate",
                         "statistic", "result", "preliminary", "update"})


@dataclass
class _Atom:
    start: int  # first token, including bound words and a currency symbol
    end: int  # one past the last token, including the unit
    num_start: int
    num_end: int
    value: float
    bound: Bound = "exact"
    vague: bool = False
    unit: str = ""
    normalized: str = "-"
    kind: str = "count"  # count, currency, percent, duration, physical, age
    head: Token | None = None  # counted noun
    paren: bool = False
    incremental: bool = False
    converts: int | None = None  # atom index
    from_word: bool = False  # preceded by "from"
    paren_open: int = -1  # token of the opening bracket when inside a parenthesis


@dataclass
class _Group:
    atoms: list[int]
    low: float | None
    high: float | None
    bound: Bound
    change: str
    from_low: float | None = None
    from_high: float | None = None
    per: str = ""
    converts: int | None = None  # group index
    extra: dict[str, object] = field(default_factory=dict)


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


_phrase_words: dict[tuple[str, ...], list[list[str]]] = {}


def _first_phrase_before(
    doc: Doc, end: int, lo: int, phrases: tuple[str, ...]
) -> tuple[int, int] | None:
    """(index in ``phrases``, start token) of the first of ``phrases`` that ends right before
    token ``end`` and starts no earlier than ``lo``."""
    split = _phrase_words.get(phrases)
    if split is None:
        split = _phrase_words[phrases] = [phrase.split() for phrase in phrases]
    # the word before ``end`` rules out almost every phrase at once
    last = doc[end - 1].lower_ if lo <= end - 1 < len(doc) else None
    for n, words in enumerate(split):
        start = end - len(words)
        if start < lo or (words and words[-1] != last):
            continue
        if [doc[k].lower_ for k in range(start, end)] == words:
            return n, start
    return None


def _phrase_before(doc: Doc, end: int, lo: int, phrases: tuple[str, ...]) -> int | None:
    """Start of one of ``phrases`` ending right before token ``end`` (not before ``lo``)."""
    found = _first_phrase_before(doc, end, lo, phrases)
    return None if found is None else found[1]


def _blocked_tokens(doc: Doc) -> set[int]:
    """Tokens of dates and times (not durations): their digits are never amounts."""
    blocked: set[int] = set()
    times = doc._.times or []
    for t in times:
        if t.type == "DURATION":
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None:
            blocked.update(range(span.start, span.end))
    if not times:
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME") and re.search(
                r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|"
                r"sat|sun)\w*|\b1[89]\d\d\b|\b20\d\d\b|\bago\b|\d:\d|[ap]\.?m\b", ent.text
            ):
                blocked.update(range(ent.start, ent.end))
    for ent in doc.ents:
        if ent.label_ == "ORDINAL" or (
            ent.label_ in NAME_LABELS and not any(t.like_num for t in ent[:1])
        ):
            blocked.update(range(ent.start, ent.end))
    return blocked


def _is_num_token(tok: Token) -> bool:
    if is_ordinal(tok.text):
        return False
    return tok.like_num or is_number_word(tok.text) or parse_digits(tok.text) is not None


def _read_number(doc: Doc, i: int, end: int, european: bool) -> tuple[int, float, bool] | None:
    """(end token, value, vague) of a number starting at token ``i``, or None."""
    tok = doc[i]
    lower = tok.lower_
    if lower in VAGUE_COUNTS:
        value = VAGUE_COUNTS[lower]
        j = i + 1
        if _lower(doc, j) == "of" and _lower(doc, j + 1) in ("thousands", "millions", "billions"):
            value = value / 2 * VAGUE_COUNTS[_lower(doc, j + 1)]
            j += 2
        prev = _lower(doc, i - 1)
        if prev in ("the", "their", "its") or doc[i - 1].like_num if i > 0 else False:
            return None
        if lower == "tens" and value == VAGUE_COUNTS["tens"]:
            return None  # bare "tens" is not a count
        return j, float(value), True
    scale_next = _lower(doc, i + 1) in ("dozen", "hundred", "thousand", "million", "billion",
                                        "score")
    if lower == "half" and _lower(doc, i + 1) not in ("a", "an"):
        return None  # "half of those in need" is a share, not a count
    if not ((lower in ("a", "an") and scale_next) or _is_num_token(tok)):
        return None
    start_words = i
    j = start_words + 1 if lower in ("a", "an") else start_words
    words: list[str] = [] if j == start_words else [lower]
    while j < end:
        t = doc[j]
        word = t.lower_
        if is_number_word(word) or (t.like_num and not words) or (
            parse_digits(word) is not None and not words
        ) or (j + 1 < end and words and is_number_word(doc[j + 1].text) and (
            (word == "and" and words[-1] in ("hundred", "thousand", "million"))
            or (word == "-" and words[-1] in TENS)
        )) or (word in ("bn", "mln", "bln", "m", "tn") and words and parse_digits(words[-1])) \
                or (word in ("a", "an") and words == ["half"]):
            words.append(word)
            j += 1
        else:
            break
    if not words:
        return None
    if len(words) == 1:
        value = parse_digits(words[0], european=european)
        if value is None:
            value = parse_words(words)
    else:
        first = parse_digits(words[0], european=european)
        rest = SCALES[words[1]] if len(words) == 2 and words[1] in SCALES else (
            parse_words(words[1:])
        )
        if first is not None and rest is not None and words[1] in ("thousand", "million",
                                                                   "billion", "hundred",
                                                                   "trillion", "bn", "mln",
                                                                   "bln", "m", "tn"):
            value = first * rest if rest else None
        else:
            value = parse_words(words)
    if value is None:
        return None
    if _lower(doc, i - 1) == "minus":
        value = -value
    return j, value, False


def _appositive_age(doc: Doc, i: int, j: int, value: float) -> bool:
    """"Scott, 43, a father of seven": a bare number set off by commas after a name is an age."""
    if not (i >= 2 and doc[i - 1].text == "," and doc[i - 2].pos_ == "PROPN"):
        return False
    after = doc[j].text if j < len(doc) else "."
    return 0 < value < MAX_AGE and float(value).is_integer() and after in (
        ",", ".", ";", ")", "―", "—", "–", "-"
    )


def _skip_reason(doc: Doc, i: int, j: int, value: float, has_unit: bool) -> bool:
    """Whether the number at tokens [i, j) is a label, year, time or phone, not an amount."""
    text = doc[i:j].text
    prev = _lower(doc, i - 1)
    prev2 = f"{_lower(doc, i - 2)}{prev}"
    if prev in NUMBERING_WORDS or prev2 in ("no.",) or prev in ("#", "+", "tel", "phone"):
        return True
    if _lower(doc, j) == "-" and _lower(doc, j + 1) in FRACTION_WORDS:
        return True  # "one-third of residents" is a share
    first = doc[i]
    if first.is_alpha and first.is_title and not first.is_sent_start and j < len(doc) and \
            doc[j].pos_ == "PROPN" and doc[j].is_title:
        return True  # a name: "Zero Hedge", "Seven Sisters"
    if first.lower_ == "one" and j - i == 1 and i > 0 and (
        doc[i - 1].pos_ in ("DET", "ADJ") or doc[i - 1].tag_ == "PRP$"
    ) and doc[i - 1].lower_ not in ("another", "only", "just"):
        return True  # a pronoun: "a fortunate one", "the one"
    if _lower(doc, j) in TIME_WORDS:
        return True
    if re.fullmatch(r"\+?\d+(?:[-. ]\d+){2,}", text) or re.fullmatch(r"\d{6,}", text):
        return "," not in text and not has_unit
    if j - i == 1 and re.fullmatch(r"\d{4}", text) and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
        nxt = doc[j] if j < len(doc) else None
        counted = nxt is not None and nxt.tag_ in ("NNS", "NNPS") and doc[i].head == nxt
        return not (has_unit or counted)
    return False


def _unit_after(doc: Doc, j: int, end: int, from_digits: bool) -> tuple[int, str, str, str] | None:
    """(end, surface, normalised, kind) of a unit written right after the number."""
    if j + 3 < end + 1 and j + 3 <= len(doc) and doc[j].text == "-" and _lower(doc, j + 1) in (
        "year", "years"
    ) and _lower(doc, j + 2) == "-" and _lower(doc, j + 3) == "old":
        return j + 4, "year-old", "year of age", "age"
    if j + 1 < end and doc[j].text == "-":
        # "a 12-hour standoff", "a 5-km queue": the unit joined by a hyphen
        found = lookup(doc[j + 1].lower_)
        if found and doc[j + 1].lower_ not in AMBIGUOUS_FORMS:
            return j + 2, doc[j + 1].text, found[0], found[1]
    for size in (3, 2, 1):
        if j + size > end:
            continue
        form = " ".join(doc[k].lower_ for k in range(j, j + size))
        joined = doc[j:j + size].text.replace(" ", "")
        found = lookup(form) or (lookup(joined) if size > 1 else None)
        if not found:
            continue
        if size == 1 and form in AMBIGUOUS_FORMS and not from_digits:
            continue
        name, kind = found
        k = j + size
        if kind == "duration" and _lower(doc, k) == "old":
            return k + 1, doc[j:k + 1].text, "year of age", "age"
        return k, doc[j:k].text, name, kind
    return None


def _counted_noun(doc: Doc, num_start: int, num_end: int, end: int) -> Token | None:
    last = doc[num_end - 1]
    if last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and \
            last.head.pos_ in ("NOUN", "PROPN") and last.head.i >= num_end and \
            last.head.i < end and lookup(last.head.lower_) is None:
        return last.head
    if num_end < end and doc[num_end].lower_ in ADJECTIVAL_COUNTS:
        return doc[num_end]
    if num_end < end and doc[num_end].lower_ == "of":
        for child in doc[num_end].children:
            if child.dep_ == "pobj" and (child.pos_ in ("NOUN", "PROPN", "PRON")
                                         or child.lower_ in ADJECTIVAL_COUNTS):
                return child
    if num_end < end and doc[num_end].tag_ in ("NNS", "NNPS") and \
            lookup(doc[num_end].lower_) is None:
        return doc[num_end]
    return None


# Orth hash -> whether a token with that form can start a number or a phone number; filled as
# words are met. Cleared when it grows past this many forms so a long crawl's memory stays flat.
_NUMBER_START_CACHE_SIZE = 200_000
_number_starts: dict[int, bool] = {}


def _may_start_number(vocab: Vocab, orth: int) -> bool:
    """Whether :func:`_read_number` or the phone check can fire on a token of this form: every
    other token is skipped by :func:`_find_atoms` without either (both read only the form)."""
    known = _number_starts.get(orth)
    if known is not None:
        return known
    lexeme = vocab[orth]
    text = lexeme.text
    lower = lexeme.lower_
    may = (
        lexeme.is_digit
        or text == "+"
        or lower in VAGUE_COUNTS
        or lower in ("a", "an")
        or (not is_ordinal(text) and (
            lexeme.like_num or is_number_word(text) or parse_digits(text) is not None
        ))
    )
    if len(_number_starts) >= _NUMBER_START_CACHE_SIZE:
        _number_starts.clear()
    _number_starts[orth] = may
    return may


def _number_start_tokens(doc: Doc) -> list[int]:
    """Indices of the Doc's tokens that :func:`_may_start_number`, in order."""
    vocab = doc.vocab
    return [
        i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if _may_start_number(vocab, orth)
    ]


def _find_atoms(doc: Doc, text: str, sent: Span, blocked: set[int], european: bool,
                starts: list[int] | None = None) -> list[_Atom]:
    """Amounts in a sentence. ``starts`` (from :func:`_number_start_tokens`) lets the scan jump
    over tokens that cannot start one; the result is the same without it."""
    atoms: list[_Atom] = []
    i = sent.start
    while i < sent.end:
        if starts is not None:
            at = bisect.bisect_left(starts, i)
            i = starts[at] if at < len(starts) else sent.end
            if i >= sent.end:
                break
        if i in blocked:
            i += 1
            continue
        phone = _PHONE.match(text, doc[i].idx) if doc[i].is_digit or doc[i].text == "+" else None
        if phone and sum(c.isdigit() for c in phone.group()) >= PHONE_DIGITS and (
            "-" in phone.group() or not european
        ):
            while i < sent.end and doc[i].idx < phone.end():
                i += 1
            continue
        read = _read_number(doc, i, sent.end, european)
        if read is None:
            i += 1
            continue
        j, value, vague = read
        if any(k in blocked for k in range(i, j)):
            i = j
            continue
        num_start, num_end = i, j
        from_digits = doc[j - 1].like_num and any(c.isdigit() for c in doc[j - 1].text)
        unit = _unit_after(doc, j, sent.end, from_digits)
        prefix = None
        if i > sent.start and doc[i - 1].lower_ in PREFIX_SYMBOLS:
            prefix = lookup(doc[i - 1].lower_)
        elif i > sent.start and doc[i - 1].text.isupper() and len(doc[i - 1].text) == 3:
            found = lookup(doc[i - 1].lower_)
            prefix = found if found and found[1] == "currency" else None
        if _skip_reason(doc, i, j, value, bool(unit or prefix)):
            i = j
            continue
        atom = _Atom(start=i, end=j, num_start=num_start, num_end=num_end, value=value,
                     vague=vague)
        if prefix:
            atom.start = i - 1
            atom.unit, atom.normalized, atom.kind = doc[i - 1].text, prefix[0], prefix[1]
            # "$6 billion dollars" is rare; a following unit of the same kind is absorbed.
            if unit and unit[3] == "currency":
                atom.end = unit[0]
        elif unit:
            atom.end, atom.unit, atom.normalized, atom.kind = unit
        elif _lower(doc, i - 1) in AGE_BEFORE or _appositive_age(doc, i, j, value):
            atom.kind, atom.normalized, atom.unit = "age", "year of age", ""
        if atom.kind == "count":
            head = _counted_noun(doc, num_start, num_end, sent.end)
            if head is not None:
                atom.head = head
                atom.unit = head.text
                lemma = head.lemma_.lower()
                adjectival = head.lower_ in ADJECTIVAL_COUNTS or lemma == "person"
                atom.normalized = "people" if adjectival else lemma
                if num_end <= head.i < num_end + NOUN_REACH and not any(
                    doc[k].like_num for k in range(num_end, head.i)
                ):
                    atom.end = head.i + 1
        _attach_bound(doc, atom, sent.start)
        atoms.append(atom)
        i = max(j, atom.end)
    return atoms


def _attach_bound(doc: Doc, atom: _Atom, lo: int) -> None:
    start = atom.start
    found = _first_phrase_before(doc, start, lo, _BOUND_PHRASE_TEXTS)
    if found is not None:
        phrase, bound = BOUND_PHRASES[found[0]]
        # "over" and "under" are prepositions of time and place more often than bounds.
        if not (phrase in ("over", "under", "above", "below") and atom.kind in ("duration",)):
            atom.bound, start = bound, found[1]
    inc = _phrase_before(doc, start, lo, INCREMENT_WORDS)
    if inc is not None:
        atom.incremental, start = True, inc
    elif _lower(doc, atom.num_end) == "more" and atom.kind == "count":
        atom.incremental = True
    if atom.vague and atom.bound == "exact":
        atom.bound = "at least"
    atom.start = start
    if _lower(doc, start - 1) == "from":
        atom.from_word = True
    # Inside a parenthesis: an opening bracket before it, no closing one in between.
    for k in range(start - 1, max(lo, start - PAREN_REACH) - 1, -1):
        if doc[k].text == ")":
            break
        if doc[k].text == "(":
            atom.paren = True
            atom.paren_open = k
            break


def _interval(value: float, bound: Bound) -> tuple[float | None, float | None]:
    if bound in ("more than", "at least"):
        return value, None
    if bound in ("less than", "up to"):
        return None, value
    return value, value


def _paren_region(doc: Doc, i: int, lo: int, hi: int) -> tuple[int, int] | None:
    """Token bounds of the parenthesis opening at token i."""
    if doc[i].text != "(":
        return None
    for k in range(i + 1, min(hi, i + 12)):
        if doc[k].text == ")":
            return i, k + 1
    return None


def _gap_words(doc: Doc, a: _Atom, b: _Atom, atoms: list[_Atom]) -> list[str]:
    """Words between two atoms, ignoring parentheses and the atoms of the other kind."""
    skip: set[int] = set()
    for other in atoms:
        if other.paren != a.paren:
            skip.update(range(other.start, other.end))
    words = []
    for k in range(a.end, b.start):
        if k in skip or doc[k].text in ("(", ")"):
            continue
        words.append(doc[k].lower_)
    return words


def _governing_verb(tok: Token) -> Token | None:
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def _change_direction(doc: Doc, atom: _Atom) -> str | None:
    """"rose by 12%", "fell 5 percent": the number is the size of a change."""
    tok = doc[atom.num_end - 1]
    chain = [tok.head, tok.head.head, tok.head.head.head]
    for k, anc in enumerate(chain):
        if anc.lower_ in ("to", "from", "at"):
            return None
        if anc.pos_ == "VERB":
            via_by = any(c.lower_ == "by" for c in chain[:k])
            direct = k <= 1
            if via_by or direct:
                if anc.lemma_ in RISE_VERBS and anc.lemma_ != "go":
                    return "up"
                if anc.lemma_ in FALL_VERBS:
                    return "down"
            return None
    return None


def _group_atoms(doc: Doc, atoms: list[_Atom], sent: Span) -> list[_Group]:
    groups: list[_Group] = []
    group_of: dict[int, int] = {}
    used: set[int] = set()
    sentence_has_price = any(t.lemma_ in PRICE_CUES for t in sent)
    for paren_pass in (False, True):
        for k, a in enumerate(atoms):
            if k in used or a.paren != paren_pass:
                continue
            later = [m for m in range(k + 1, len(atoms)) if atoms[m].paren == a.paren]
            partner = next((m for m in later if m not in used), None)
            if partner is not None:
                b = atoms[partner]
                gap = _gap_words(doc, a, b, atoms)
                between = _lower(doc, a.start - 1) == "between"
                connector = (" ".join(gap) in RANGE_CONNECTORS) or (gap == ["and"] and between)
                compatible = not a.unit or not b.unit or a.normalized == b.normalized or (
                    a.kind == b.kind == "count"
                )
                # Conversions of the two ends of one change: "60 KZT (10 rubles) to 120 KZT
                # (20 rubles)".
                parents = {group_of.get(x.converts) for x in (a, b) if x.converts is not None}
                parent_change = len(parents) == 1 and None not in parents and \
                    groups[parents.pop()].from_low is not None
                # "fell 8 points to 41 percent": two written units are two quantities.
                both_written = bool(a.unit and b.unit) and not (
                    a.from_word or between or parent_change
                )
                if gap == ["-"] and b.value <= a.value and not doc[a.end - 1].whitespace_:
                    used.update((k, partner))  # a score or a code ("3-0"), not a range
                    continue
                if connector and compatible and not both_written:
                    if not a.unit:
                        a.unit, a.normalized, a.kind, a.head = b.unit, b.normalized, b.kind, b.head
                    if not b.unit:
                        b.unit, b.normalized, b.kind, b.head = a.unit, a.normalized, a.kind, a.head
                    used.update((k, partner))
                    is_change = (a.from_word and (
                        sentence_has_price or a.kind in ("currency", "percent")
                        or (_governing_verb(doc[a.num_start]) is not None
                        and _governing_verb(doc[a.num_start]).lemma_ in RISE_VERBS | FALL_VERBS)
                    )) or parent_change
                    if is_change:
                        low, high = _interval(b.value, b.bound)
                        group = _Group([k, partner], low, high, b.bound,
                                       "up" if b.value >= a.value else "down",
                                       from_low=a.value, from_high=a.value)
                    else:
                        group = _Group([k, partner], a.value, b.value, "exact", "=")
                    group_of[k] = group_of[partner] = len(groups)
                    groups.append(group)
                    continue
            used.add(k)
            low, high = _interval(a.value, a.bound)
            direction = _change_direction(doc, a)
            group = _Group([k], low, high, a.bound, direction or BOUND_CHANGE[a.bound])
            group_of[k] = len(groups)
            groups.append(group)
        if not paren_pass:
            # Parenthetical atoms convert the value written right before their parenthesis.
            for a in atoms:
                if not a.paren:
                    continue
                opening = a.paren_open
                for m, b in enumerate(atoms):
                    if not b.paren and b.end == opening:
                        a.converts = m
    for group in groups:
        first = atoms[group.atoms[0]]
        if first.converts is not None and first.converts in group_of:
            group.converts = group_of[first.converts]
    groups.sort(key=lambda g: atoms[g.atoms[0]].start)
    return groups


def _per_after(doc: Doc, end: int, hi: int) -> str:
    k = end
    while k < hi and doc[k].text in (")",):
        k += 1
    region = _paren_region(doc, k, 0, hi) if k < hi else None
    if region:
        k = region[1]
    if k + 1 < hi and doc[k].lower_ in ("per", "/", "a", "an", "each") and \
            doc[k + 1].pos_ in ("NOUN", "PROPN"):
        found = lookup(doc[k + 1].lower_)
        if doc[k].lower_ in ("a", "an", "each") and not found:
            return ""
        return found[0] if found else doc[k + 1].lemma_.lower()
    return ""


def _cue_measure(tok: Token, allow: frozenset[str] | None = None) -> str | None:
    particles = [c.lower_ for c in tok.children if c.dep_ == "prt"]
    m = (measure_of_cue(f"{tok.lemma_}_{particles[0]}") if particles else None) or \
        measure_of_cue(tok.lemma_) or measure_of_cue(tok.lower_)
    if m is None and tok.lower_.endswith("ed"):
        # participles tagged as adjectives keep their inflection: "abducted", "displaced"
        m = measure_of_cue(tok.lower_[:-2]) or measure_of_cue(tok.lower_[:-1])
    if m and (allow is None or m in allow):
        return m
    return None


def _measure(doc: Doc, atom: _Atom, group: _Group, sent: Span, previous: list[Quantity],
             atoms: list[_Atom], phrase_cues: list[tuple[int, str]]) -> str:
    if atom.kind == "currency":
        # "$12 an hour" and "$60,000 a year" are pay, not prices; "$50 a ton" is a price.
        per_thing = bool(group.per) and (lookup(group.per) or ("", ""))[1] != "duration"
        cue = per_thing or group.from_low is not None or any(
            t.lemma_ in PRICE_CUES for t in sent
        )
        return "price" if cue else "money"
    if atom.kind == "age":
        return "age"
    if atom.kind == "duration":
        return "duration"
    if atom.kind == "percent":
        verb = _governing_verb(doc[atom.num_end - 1])
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb else []
        if any(t.lemma_ in PRICE_CUES for c in subjects for t in c.subtree):
            return "price"
        return "other"
    if atom.kind == "physical":
        verb = _governing_verb(doc[atom.num_end - 1])
        return "seized" if verb is not None and _cue_measure(verb) == "seized" else "other"
    people = PEOPLE_MEASURES | {"troops", "protesters"}
    # 1. a cue right before the number: "suffered more than 4.5 thousand", "killed 26".
    k = atom.start - 1
    while k >= sent.start and doc[k].lower_ in ("a", "the", "some", ":", ",", "at", "least"):
        k -= 1
    if k >= sent.start and doc[k].pos_ in ("VERB", "AUX", "ADJ"):
        found = _cue_measure(doc[k], people)
        if found:
            return found
    head = atom.head
    noun_measure = NOUN_MEASURE.get(head.lemma_.lower()) if head is not None else None
    if noun_measure is None and head is not None:
        noun_measure = NOUN_MEASURE.get(head.lower_)
    if noun_measure and noun_measure not in WEAK_NOUN_MEASURES:
        return noun_measure
    # 2. the words governing the number or its counted noun.
    start_tok = head if head is not None else doc[atom.num_end - 1]
    if head is not None and _person_like(head):
        for child in head.children:
            if child.dep_ in ("amod", "acl", "relcl") and child.i not in range(atom.num_start,
                                                                                 atom.num_end):
                found = _cue_measure(child, people)
                if found:
                    return found
    previous_tok = start_tok
    for anc in [start_tok, *start_tok.ancestors]:
        via, previous_tok = previous_tok, anc
        if anc.i in range(atom.num_start, atom.num_end) or anc is head:
            continue
        # A noun governs the count only through "of" ("deaths of two servicemen"), not
        # "peacekeepers from four countries".
        if anc.pos_ in ("NOUN", "PROPN") and via.lower_ not in ("of", "among"):
            continue
        if anc.dep_ in ("prep", "agent") and anc.lower_ in BLOCKING_PREPS:
            # the count is a circumstance of the clause, not what the clause's cue counts,
            # unless the preposition is part of a phrase cue ("the strike by 1,300 teachers")
            for at, name in phrase_cues:
                if at <= anc.i <= at + PHRASE_REACH:
                    return name
            return noun_measure or "other"
        found = _cue_measure(anc)
        if found and head is not None and not _person_like(head) and found not in THING_MEASURES:
            found = None
        if found and found not in ("price", "money"):
            return found
        if anc.pos_ == "VERB":
            # "shot dead", "left injured": the predicate complement says what happened.
            for child in anc.children:
                if child.dep_ in ("oprd", "acomp", "xcomp") and _cue_measure(child, people):
                    return _cue_measure(child, people) or "other"
        if anc.pos_ in ("VERB", "AUX") and anc.lemma_ in TOTAL_VERBS:
            for child in anc.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    for t in child.subtree:
                        found = _cue_measure(t, people)
                        if found:
                            return found
    if noun_measure:
        return noun_measure
    # "bringing the total to 410": the running total of the figure before it.
    verb = _governing_verb(start_tok)
    if verb is not None and any(c.lemma_ in TOTAL_NOUNS for c in verb.children):
        for q in reversed(previous):
            if q.sentence_start == sent.start_char and q.measure in PEOPLE_MEASURES:
                return q.measure
    # 3. "Including 19 police ...": the measure of the figure it breaks down.
    if _phrase_before(doc, atom.start, sent.start, INHERIT_CUES) is not None or \
            doc[sent.start].lower_ in ("including", "among"):
        for q in reversed(previous[-6:]):
            if q.measure in PEOPLE_MEASURES:
                return q.measure
    # 4. a casualty cue anywhere in the sentence, nearest first, for counts of people only.
    if head is not None and not _person_like(head):
        return "other"
    best: tuple[int, str] | None = None
    candidates = [(t.i, _cue_measure(t, people) if t.pos_ in ("VERB", "ADJ", "NOUN") else None)
                  for t in sent if not atom.start <= t.i < atom.end]
    candidates += [(i, name) for i, name in phrase_cues if sent.start <= i < sent.end]
    for i, found in candidates:
        if found:
            t = doc[i]
            distance = _distance(t.i, atom)
            # A cue nearer another number is that number's ("52 pilgrims ..., killing 14").
            if any(_distance(t.i, other) < distance for other in atoms if other is not atom):
                continue
            if best is None or distance < best[0]:
                best = (distance, found)
    return best[1] if best else "other"


def _person_like(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return (
        lemma in PERSON_NOUNS
        or noun.lower_ in ADJECTIVAL_COUNTS
        or lemma in NOUN_MEASURE
        or lemma.endswith(PERSON_SUFFIXES)
        or noun.pos_ in ("PROPN", "PRON")
    )


def _distance(i: int, atom: _Atom) -> int:
    return 0 if atom.start <= i < atom.end else min(abs(i - atom.start), abs(i - atom.end + 1))


def _scope(doc: Doc, head: Token | None, atom: _Atom) -> str:
    if head is None or head.lemma_.lower() in GENERIC_NOUNS or head.lower_ in GENERIC_NOUNS:
        return ""
    if head.pos_ == "PRON":
        return ""
    keep: list[Token] = []

    def modifiers(noun: Token) -> None:
        keep.append(noun)
        for child in noun.children:
            if child.i in range(atom.num_start, atom.num_end) or (
                child.i < atom.start and noun is head
            ):
                continue
            if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < noun.i:
                if child.lower_ in ADJECTIVAL_COUNTS or _cue_measure(child) in PEOPLE_MEASURES:
                    continue
                keep.extend(t for t in child.subtree if t.dep_ != "case" or t.head is child)
            elif child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
                modifiers(child)
            elif child.dep_ == "cc":
                keep.append(child)

    modifiers(head)
    keep = [t for t in keep if t.i >= atom.num_end or t.i < atom.start]
    if not keep:
        return ""
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    lo = max(lo, atom.num_end) if lo < atom.num_end and head.i >= atom.num_end else lo
    span = doc[lo:hi + 1]
    words = [t for t in span if t.dep_ != "det" and t.pos_ != "NUM"]
    return " ".join(t.text for t in words).replace(" 's", "'s").strip()


def _item(doc: Doc, sent: Span) -> str:
    for t in sent:
        if t.lemma_ in PRICE_CUES and t.pos_ == "NOUN":
            compounds = [c for c in t.children if c.dep_ == "compound"]
            if compounds:
                return " ".join(c.text for c in compounds)
            for prep in t.children:
                if prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            mods = [c for c in pobj.children if c.dep_ in ("amod", "compound")]
                            return " ".join(x.text for x in sorted([*mods, pobj],
                                                                   key=lambda x: x.i))
    return ""


def _negated(doc: Doc, atom: _Atom) -> bool:
    tok = atom.head if atom.head is not None else doc[atom.num_end - 1]
    verb_seen = False
    for anc in [tok, *tok.ancestors]:
        if anc.lemma_ in DENIAL_VERBS:
            return True
        if anc.pos_ in ("VERB", "AUX") and not verb_seen:
            verb_seen = True
            if any(c.dep_ == "neg" for c in anc.children):
                return True
    return False


def _speaker_phrase(tok: Token) -> str:
    """The name of a source: its entity, else the noun with its modifiers ("law enforcers")."""
    if tok.lemma_.lower() in NON_SOURCES:
        return ""
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in ("ORG", "PERSON", "GPE", "NORP", "FAC"):
            return re.sub(r"^(?:the|The)\s+", "", ent.text)
    words = [t for t in tok.lefts if t.dep_ in ("compound", "amod")]
    words = [t for w in words for t in w.subtree] + [tok]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _attribution(doc: Doc, atom: _Atom, sent: Span, start: int, end: int,
                 quotes: list[Quote]) -> str:
    for quote in quotes:
        if quote.start <= start and end <= quote.end and (quote.speaker or quote.speaker_text):
            return quote.speaker or quote.speaker_text
    tok = atom.head if atom.head is not None else doc[atom.num_end - 1]
    for anc in [tok, *tok.ancestors]:
        if anc.lemma_ in REPORTING_VERBS and anc.pos_ in ("VERB", "AUX"):
            for child in anc.children:
                if child.dep_ == "nsubj" and child.pos_ != "PRON":
                    return _speaker_phrase(child)
            # "..., police said" attaches to the root; one reporting verb is enough.
            break
    for t in sent:
        if t.lower_ == "according" and _lower(doc, t.i + 1) == "to":
            for pobj in doc[t.i + 1].children:
                if pobj.dep_ == "pobj" and pobj.pos_ != "PRON":
                    return _speaker_phrase(pobj)
    return ""


PRESENT_TENSE_TAGS = frozenset({"VBP", "VBZ"})


def _paragraph_start(text: str, at: int) -> int:
    found = text.rfind("\n", 0, at)
    return found + 1 if found >= 0 else 0


def _as_of(doc: Doc, text: str, start: int, end: int, sent: Span) -> str | None:
    times = doc._.times or []
    found = date_at(times, start, end, sentence_start=sent.start_char,
                    sentence_end=sent.end_char)
    if found:
        return found
    # A date stated earlier in the same paragraph still holds for the figures that follow it,
    # unless the sentence speaks in the present ("Twelve people remain missing").
    tokens = doc.char_span(start, end, alignment_mode="expand")
    verb = _governing_verb(tokens.root) if tokens is not None else None
    if (verb if verb is not None else sent.root).tag_ in PRESENT_TENSE_TAGS:
        return date_at([], start, end, publication=doc._.publication)
    para = _paragraph_start(text, sent.start_char)
    earlier = [t for t in times if t.date and t.type in ("DATE", "TIME")
               and para <= t.start < sent.start_char]
    if earlier:
        return max(earlier, key=lambda t: t.start).date
    return date_at([], start, end, publication=doc._.publication)


_MATCHERS: dict[int, Matcher] = {}


def _matcher(vocab: Vocab) -> Matcher:
    """The phrase-cue matcher for a vocabulary, built once."""
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        matcher = Matcher(vocab)
        for name, patterns in PHRASE_CUES.items():
            matcher.add(name, patterns)
        _MATCHERS[id(vocab)] = matcher
    return matcher


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity of interest in a processed Doc, in text order."""
    if not doc.has_annotation("SENT_START"):
        return []
    text = doc_text(doc)
    european = european_style(text)
    blocked = _blocked_tokens(doc)
    quotes: list[Quote] = list(doc._.quotes or [])
    # (first token, measure) of every phrase cue in the document
    phrase_cues = [(start, doc.vocab.strings[key]) for key, start, _ in _matcher(doc.vocab)(doc)]
    doc_id = doc._.doc_id or ""
    out: list[Quantity] = []
    starts = _number_start_tokens(doc)
    for sent in doc.sents:
        atoms = _find_atoms(doc, text, sent, blocked, european, starts)
        if not atoms:
            continue
        groups = _group_atoms(doc, atoms, sent)
        index_of: dict[int, int] = {}
        for n, group in enumerate(groups):
            first, last = atoms[group.atoms[0]], atoms[group.atoms[-1]]
            main = last if last.unit else first
            group.per = _per_after(doc, last.end, sent.end)
            start_tok, end_tok = first.start, last.end
            if any(first.start < other.start < last.start for other in atoms
                   if other is not first and other is not last and other.paren != first.paren):
                # a conversion's ends interleave with the values they convert: point at the
                # value it ends on, not at a span that covers the other figures
                start_tok = last.start
            start, end = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1])
            measure = _measure(doc, main, group, sent, out, atoms, phrase_cues)
            converts = None
            if group.converts is not None:
                # the converted group is the one whose atoms include the converted atom
                target = atoms[group.atoms[0]].converts
                for m, other in enumerate(groups):
                    if target in other.atoms and m in index_of:
                        converts = index_of[m]
                        other_q = out[index_of[m]]
                        measure = other_q.measure if other_q.measure != "other" else measure
                        if not group.per:
                            group.per = other_q.per
                        if other_q.per == "" and group.per:
                            other_q.per = group.per
            quantity = Quantity(
                doc_id=doc_id,
                start=start,
                end=end,
                text=text[start:end],
                low=group.low,
                high=group.high,
                bound=group.bound,
                change=group.change,  # type: ignore[arg-type]
                unit=main.unit,
                normalized_unit=main.normalized or "-",
                per=group.per,
                measure=measure,
                scope=_scope(doc, main.head, main) if measure not in ("price", "money") else "",
                item=_item(doc, sent) if measure == "price" else "",
                from_low=group.from_low,
                from_high=group.from_high,
                converts=converts,
                negated=_negated(doc, main),
                incremental=first.incremental,
                attributed_to=_attribution(doc, main, sent, start, end, quotes),
                as_of=_as_of(doc, text, start, end, sent),
                sentence_start=sent.start_char,
                sentence_end=sent.end_char,
            )
            index_of[n] = len(out)
            out.append(quantity)
    return out


class Quantities:
    """spaCy component: sets ``doc._.quantities``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = find_quantities(doc)
        return doc


@Language.factory("newsprism_quantities", assigns=["doc._.quantities"])
def make_quantities(nlp: Language, name: str) -> Quantities:
    return Quantities(nlp, name)
