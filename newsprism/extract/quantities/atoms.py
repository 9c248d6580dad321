"""Step 1 of finding quantities: *atoms*. A number (digits, words, scaled "4.5 thousand", vague
"dozens") read from token attributes, with its bound ("more than"), unit or counted noun; years,
times, ordinals, phone numbers and numbering ("Article 5") are skipped. Also the word lists
the later steps share.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from newsprism.extract.quantities.numbers import (
    FRACTION_VALUES,
    SCALES,
    VAGUE_COUNTS,
    is_number_word,
    is_ordinal,
    parse_digits,
    parse_fraction,
    parse_words,
    split_glued,
)
from newsprism.extract.quantities.units import (
    AMBIGUOUS_FORMS,
    dimension,
    lookup,
    lookup_prefix,
    lookup_text,
    scaled_currency,
)
from newsprism.model import Bound

# Bound phrases before a number, longest first; the interval they give is set in bound_interval.
BOUND_PHRASES: tuple[tuple[str, Bound], ...] = (
    ("a little more than", "more than"), ("a little less than", "less than"),
    ("slightly fewer than", "less than"), ("just fewer than", "less than"),
    ("no more than", "up to"), ("not more than", "up to"), ("slightly more than", "more than"),
    ("slightly less than", "less than"), ("just more than", "more than"),
    ("just less than", "less than"), ("a little over", "more than"), ("slightly over", "more than"),
    ("slightly above", "more than"), ("slightly under", "less than"), ("just above", "more than"),
    ("just below", "less than"),
    ("a little under", "less than"), ("well over", "more than"), ("well above", "more than"),
    ("well below", "less than"), ("no fewer than", "at least"), ("no less than", "at least"),
    ("not less than", "at least"),
    ("in excess of", "more than"), ("upwards of", "more than"), ("just over", "more than"),
    ("just under", "less than"), ("more than", "more than"), ("at least", "at least"),
    ("as many as", "up to"), ("as much as", "up to"), ("a maximum of", "up to"),
    ("a minimum of", "at least"), ("more or less", "about"), ("up to", "up to"),
    ("at most", "up to"), ("some", "about"), ("nearly", "about"), ("almost", "about"),
    ("fewer than", "less than"), ("less than", "less than"), ("close to", "about"),
    ("an estimated", "about"), ("over", "more than"), ("above", "more than"),
    ("under", "less than"), ("below", "less than"), ("exceeding", "more than"),
    ("about", "about"), ("around", "about"), ("approximately", "about"), ("roughly", "about"),
    ("estimated", "about"), ("approx.", "about"), ("circa", "about"), ("c.", "about"),
    ("aproximately", "about"), ("approx", "about"), ("~", "about"), ("±", "about"),
    (">", "more than"), ("<", "less than"), ("≥", "at least"),
    ("≤", "up to"),
)
# Bound phrases that put the count close to the number ("just over 190" is not 218): the
# interval ends CLOSE_SHARE beyond the number instead of staying open (see close_interval).
CLOSE_PHRASES = frozenset({
    "a little more than", "a little less than", "slightly fewer than", "just fewer than",
    "slightly more than", "slightly less than", "just more than", "just less than",
    "a little over", "slightly over", "slightly above", "slightly under", "just above",
    "just below", "a little under", "just over", "just under",
})
# How far beyond its number a close bound reaches: "just over N" is N to N × 1.1, "just under
# N" is N × 0.9 to N. A writer who says "just over 190" has a count within a few per cent of
# 190 in mind (else "more than" or "nearly 200" would be the words); a tenth leaves room for
# that hedge's own rounding ("just over 190" for 199) while a figure 15 % away (218) no longer
# fits. A round step of the number's own precision was the alternative, but "just over 1,000"
# would then reach 2,000.
CLOSE_SHARE = 0.1
# Bound phrases after a number ("50 or more", "200 or so").
BOUND_AFTER: tuple[tuple[str, Bound], ...] = (
    ("or more", "at least"), ("or so", "about"), ("or fewer", "up to"), ("or less", "up to"),
    ("and more", "at least"), ("- plus", "at least"), ("- odd", "about"), ("odd", "about"),
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
        "version", "tier", "exit", "junction", "interstate", "pier", "terminal",
        "ward", "district", "precinct", "zone", "block", "lot", "track", "episode", "season"
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
                        "surge", "go", "gain", "spike", "advance", "rally", "add", "swell",
                        "leap", "rocket", "boost", "lift", "expand", "widen", "edge"})
FALL_VERBS = frozenset({"fall", "drop", "decrease", "decline", "cut", "reduce", "lower",
                        "plunge", "slump", "sink", "shrink", "slash", "ease", "lose", "shed",
                        "slip", "tumble", "dip", "slide", "plummet", "sag", "retreat", "narrow",
                        "contract", "dwindle", "collapse", "crash", "skid", "trim"})
# Nouns naming a change: "a 5% increase", "an increase of 5%", "a drop of 3 points".
RISE_NOUNS = frozenset({"rise", "increase", "growth", "gain", "jump", "hike", "surge",
                        "climb", "boost", "spike", "upturn", "uptick", "advance", "rally"})
FALL_NOUNS = frozenset({"fall", "drop", "decrease", "decline", "cut", "reduction", "loss",
                        "slump", "plunge", "dip", "downturn", "slide", "contraction", "shrinkage"})
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
_PHONE = re.compile(r"\+?\(?\d{2,4}\)?(?:[-.]\d{2,4}){1,3}(?![\d,])"
                    r"|\+\d{1,3}(?: \(?\d{1,4}\)?){2,5}(?![\d,])")
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
    close: bool = False  # a close bound ("just over"): the interval is bounded on both sides


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
                r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b(?<!months)|"
                r"\b(mon|tue|wed|thu|fri|sat|sun)(day|s|rs|urday|nesday|sday|rsday)?\b|"
                r"\b1[89]\d\d\b|\b20\d\d\b|\bago\b|\d:\d|[ap]\.?m\b", ent.text
            ):
                blocked.update(range(ent.start, ent.end))
    for ent in doc.ents:
        if len(ent) == 1 and _glued_to_unit(ent[0].text):
            continue  # "75ml", "40kg": the small model may call a glued amount an ordinal
        if ent.label_ == "ORDINAL" or (
            ent.label_ in NAME_LABELS and not any(t.like_num for t in ent[:1])
            # the small model tags "HK$ 10" as a LAW: a currency sign opens an amount
            and lookup_prefix(ent[0].text, lowercase_sentence=True) is None
            and scaled_currency(ent[0].text) is None  # "MEUR 120"
        ):
            blocked.update(range(ent.start, _amount_inside(ent)))
    return blocked


def _amount_inside(ent: Span) -> int:
    """Where an amount starts inside a name the model ran on ("Md.- - $ 75 million": a
    currency sign followed by digits after the name's first token; "called Bob 3 times": a
    last number whose unit follows the name), else the name's end."""
    for tok in ent[1:-1]:
        if lookup_prefix(tok.text) is not None and not tok.is_alpha \
                and _digit_token(tok.nbor(1)):
            return tok.i
    doc = ent.doc
    if len(ent) > 1 and ent[-1].is_digit and ent.end < len(doc) \
            and not ent[-2].like_num and lookup(doc[ent.end].lower_) is not None \
            and doc[ent.end].lower_ not in AMBIGUOUS_FORMS:
        return ent.end - 1
    return ent.end


def _digit_token(tok: Token) -> bool:
    return tok.is_digit or (tok.like_num and any(c.isdigit() for c in tok.text))


def _glued_to_unit(text: str) -> bool:
    """Whether a token is digits glued to a unit of the table ("75ml", "3.5kg"), never an
    ordinal ("21st") or a name ("A380")."""
    if is_ordinal(text):
        return False
    glued = split_glued(text)
    return bool(glued and not glued[0] and glued[2] and glued[2] != "%"
                and lookup_text(glued[2]) is not None)


# Thousands groups a tokenised source writes with a space after the comma ("10, 000 people",
# "1, 000, 000"): only a group starting with 0 is read as one, since "5, 200" may be a list.
_SPACED_GROUP = re.compile(r"^0\d\d$")


def _spaced_thousands(doc: Doc, j: int, end: int) -> tuple[int, str] | None:
    """(end, digits) of "10, 000" written from token ``j`` as "10" "," "000", or None."""
    if not (doc[j].is_digit and len(doc[j].text) <= 3):
        return None
    k, digits = j + 1, doc[j].text
    while k + 1 < end and doc[k].text == "," and doc[k].whitespace_ \
            and _SPACED_GROUP.match(doc[k + 1].text):
        digits += doc[k + 1].text
        k += 2
    return (k, digits) if k > j + 1 else None


def _is_num_token(tok: Token) -> bool:
    if is_ordinal(tok.text):
        return False
    return tok.like_num or is_number_word(tok.text) or parse_digits(tok.text) is not None


_SCALE_WORDS = frozenset({"dozen", "hundred", "thousand", "million", "billion", "trillion",
                          "score", "lakh", "lakhs", "crore", "crores"})
_MULTIPLIERS = frozenset({"thousand", "million", "billion", "hundred", "trillion", "bn", "mln",
                          "bln", "m", "tn", "lakh", "lakhs", "crore", "crores"})


def _m_is_million(doc: Doc, i: int, after: int) -> bool:
    """Whether an "m" right after the number at token ``i`` is "million" ("£5m", "$3 m",
    "5m people") rather than metres ("1.8m tall", "a 48 m crane")."""
    prev = doc[i - 1].text if i > 0 else ""
    if prev and lookup_prefix(prev, lowercase_sentence=True):
        return True
    nxt = doc[after] if after < len(doc) else None
    if nxt is None:
        return False
    found = lookup_text(nxt.text)
    return (found is not None and found[1] == "currency") or nxt.lower_ in ("people", "of") or (
        nxt.tag_ in ("NNS", "NNPS") and lookup(nxt.lower_) is None
    )


def _fraction_starts(doc: Doc, i: int) -> bool:
    """"quarter million", "three quarters", "a third of a million": a fraction word is part of
    a number only next to a scale or after a number word, never alone ("the first quarter")."""
    lower = doc[i].lower_
    if lower not in FRACTION_VALUES:
        return False
    return _lower(doc, i + 1) in _SCALE_WORDS or (
        _lower(doc, i + 1) in ("a", "an") and _lower(doc, i + 2) in _SCALE_WORDS
    ) or _fraction_of_unit(doc, i + 1) is not None


def _fraction_of_unit(doc: Doc, j: int) -> int | None:
    """Start of the unit in "a quarter *of a percentage point*", or None."""
    if _lower(doc, j) == "of" and _lower(doc, j + 1) in ("a", "an") and j + 2 < len(doc) and (
        lookup(doc[j + 2].lower_) or lookup(f"{doc[j + 2].lower_} {_lower(doc, j + 3)}")
    ):
        return j + 2
    return None


def _is_unit_token(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the unit of a number written right before it ("64 cents")."""
    return 1 <= i < len(doc) and not doc[i].like_num and doc[i - 1].like_num and bool(
        lookup(doc[i].lower_) or lookup_text(doc[i].text)
    )


# (end token, value, vague, glued prefix, glued suffix) of a number read from the text
ReadNumber = tuple[int, float, bool, str, str]


def _read_number(doc: Doc, i: int, end: int, european: bool) -> ReadNumber | None:
    """(end token, value, vague, prefix, suffix) of a number starting at token ``i``, or None;
    prefix and suffix are a currency or unit glued to the digits in one token ("USD115",
    "200lbs")."""
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
        return j, float(value), True, "", ""
    glued = split_glued(tok.text) if not tok.like_num else None
    if glued is not None:
        return _read_glued(doc, i, glued, european)
    scale_next = _lower(doc, i + 1) in _SCALE_WORDS or (
        _lower(doc, i + 1) in FRACTION_VALUES and _fraction_starts(doc, i + 1)
    )
    if lower == "half" and _lower(doc, i + 1) not in ("a", "an") and not scale_next:
        return None  # "half of those in need" is a share, not a count
    fraction_word = _fraction_starts(doc, i)
    if not ((lower in ("a", "an") and scale_next) or _is_num_token(tok) or fraction_word):
        return None
    if (lower in ("a", "an") and _is_unit_token(doc, i - 1)) or (
        _lower(doc, i - 1) in ("a", "an", "per") and _is_unit_token(doc, i - 2)
    ):
        return None  # "64 cents a dozen": the rate a price is given for, not a number
    start_words = i
    j = start_words + 1 if lower in ("a", "an") else start_words
    words: list[str] = [] if j == start_words else [lower]
    while j < end:
        t = doc[j]
        word = t.lower_
        spaced = _spaced_thousands(doc, j, end) if not words else None
        if spaced is not None:
            words.append(spaced[1])
            j = spaced[0]
            continue
        if word in ("m.", "bn.", "mln.", "tn.") and (j + 1 == end or doc[j + 1].is_punct):
            word = word[:-1]  # "$300m." at the end of a sentence keeps its full stop
        if is_number_word(word) or (t.like_num and not words) or (
            parse_digits(word) is not None and not words
        ) or (j + 1 < end and words and is_number_word(doc[j + 1].text) and (
            (word == "and" and words[-1] in ("hundred", "thousand", "million"))
            or (word == "-" and words[-1] in TENS)
        )) or (word in ("bn", "mln", "bln", "tn") and words and parse_digits(words[-1])) \
                or (word == "m" and words and parse_digits(words[-1]) is not None
                    and _m_is_million(doc, i, j + 1)) \
                or (word in ("a", "an") and words and words[-1] in FRACTION_VALUES
                    and _lower(doc, j + 1) in _SCALE_WORDS) \
                or (word in FRACTION_VALUES and (_fraction_starts(doc, j) or (
                    words and is_number_word(words[-1]) and parse_digits(words[-1]) is None))) \
                or (len(words) == 1 and parse_digits(words[0]) is not None and "." not in word
                    and parse_fraction(word) is not None and "/" not in words[0]):
            words.append(word)
            j += 1
        else:
            break
    if not words or (words[-1] in FRACTION_VALUES and words[-1] != "half"
                     and _fraction_of_unit(doc, j) is None):
        return None  # "its third week", "three quarters of them": a share or an ordinal
    if len(words) == 1:
        value = parse_digits(words[0], european=european)
        if value is None:
            value = parse_words(words)
    else:
        first = parse_digits(words[0], european=european)
        rest = SCALES[words[1]] if len(words) == 2 and words[1] in SCALES else (
            parse_words(words[1:])
        )
        if first is not None and rest is not None and words[1] in _MULTIPLIERS:
            value = first * rest if rest else None
        else:
            value = parse_words(words)
    if value is None:
        return None
    if _lower(doc, i - 1) == "minus":
        value = -value
    return j, value, False, "", ""


def _read_glued(doc: Doc, i: int, glued: tuple[str, str, str], european: bool
                ) -> ReadNumber | None:
    """A number glued to a currency or unit in one token: "USD115", "nzd$15", "200lbs",
    "24703m2", "$5bn" (scales stay part of the value)."""
    prefix, digits, suffix = glued
    value = parse_digits(digits, european=european)
    if value is None:
        return None
    if prefix and lookup_prefix(prefix.rstrip("-"), lowercase_sentence=True) is None:
        return None  # "A380", "G7", "COVID19", "Covid-19": names, not amounts
    if suffix.lower() in SCALES and suffix.lower() != "m":
        value *= SCALES[suffix.lower()]
        suffix = ""
    elif suffix.lower() == "m" and (_m_is_million(doc, i, i + 1) or (
            prefix and lookup_prefix(prefix, lowercase_sentence=True) is not None)):  # "$300m"
        value *= 1e6
        suffix = ""
    elif suffix and lookup_text(suffix) is None:
        return None  # "3D", "5G", "4x4": not a number with a unit
    j = i + 1
    if not suffix and _lower(doc, j) in _MULTIPLIERS - {"m"}:
        value *= SCALES[_lower(doc, j)]
        j += 1
    return j, value, False, prefix, suffix


def _appositive_age(doc: Doc, i: int, j: int, value: float) -> bool:
    """"Scott, 43, a father of seven": a bare number set off by commas after a name is an age."""
    if not (i >= 2 and doc[i - 1].text == "," and doc[i - 2].pos_ == "PROPN"):
        return False
    after = doc[j].text if j < len(doc) else "."
    return 0 < value < MAX_AGE and float(value).is_integer() and after in (
        ",", ".", ";", ")", "―", "—", "–", "-"
    )


STREET_WORDS = frozenset({"street", "st.", "avenue", "ave.", "road", "rd.", "boulevard",
                          "blvd.", "lane", "drive", "way", "place", "square", "court"})


def _street_after(doc: Doc, j: int) -> bool:
    """Whether capitalised words and a street word follow token ``j`` ("123 Random Street")."""
    for k in range(j, min(j + 4, len(doc))):
        if doc[k].lower_ in STREET_WORDS and k > j and doc[k].is_title:
            return True
        if not doc[k].is_title:
            return False
    return False


def _skip_reason(doc: Doc, i: int, j: int, value: float, has_unit: bool) -> bool:
    """Whether the number at tokens [i, j) is a label, year, time or phone, not an amount."""
    text = doc[i:j].text
    prev = _lower(doc, i - 1)
    prev2 = f"{_lower(doc, i - 2)}{prev}"
    if prev in NUMBERING_WORDS or prev2 in ("no.",) or prev in ("#", "+", "tel", "phone"):
        return True
    if i > 0 and doc[i - 1].tag_ == "NNS" and doc[i - 1].lemma_.lower() in NUMBERING_WORDS:
        return True  # "exits 12 and 15", "pages 4-6"
    if prev in ("and", "to", "or", "-", "through") and i > 2 and doc[i - 2].like_num and \
            _lower(doc, i - 3) in NUMBERING_WORDS | {"exits", "pages", "sections", "articles",
                                                      "rooms", "routes", "chapters"}:
        return True  # the second label of "exits 12 and 15", "Articles 5 to 7"
    if _lower(doc, j) == "-" and _lower(doc, j + 1) in FRACTION_WORDS:
        return True  # "one-third of residents" is a share
    if _lower(doc, j) == ")" and (doc[i].is_sent_start or prev in (";", ":", ".")):
        return True  # a list label: "1) explains why ...; 2) cautions that ..."
    if not has_unit and _street_after(doc, j):
        return True  # an address: "123 Random Street"
    first = doc[i]
    if first.is_alpha and first.is_title and not first.is_sent_start and j < len(doc) and \
            doc[j].pos_ == "PROPN" and doc[j].is_title:
        return True  # a name: "Zero Hedge", "Seven Sisters"
    if first.lower_ == "one" and j - i == 1 and i > 0 and not has_unit and (
        doc[i - 1].pos_ in ("DET", "ADJ") or doc[i - 1].tag_ == "PRP$"
    ) and doc[i - 1].lower_ not in ("another", "only", "just"):
        return True  # a pronoun: "a fortunate one", "the one" (not "its one-yen bid")
    if first.lower_ == "one" and j - i == 1 and not has_unit and j < len(doc) and \
            doc[j].tag_ == "MD" and (i == doc[i].sent.start or doc[i - 1].is_punct):
        return True  # the generic pronoun: "In winter, one can skate on the lake"
    if _lower(doc, j) in TIME_WORDS:
        return True
    before = doc[i - 1] if i > 0 else None
    if not has_unit and j - i == 1 and first.is_digit and before is not None and \
            before.pos_ == "PROPN" and (before.is_title or (
                before.is_upper and before.is_alpha and not before.sent.text.isupper()
            )) \
            and before.i != before.sent.start and \
            lookup_prefix(before.text) is None and (j >= len(doc) or doc[j].pos_ != "NOUN"):
        return True  # a model or a place number: "Boeing 737", "Windows 10", "Hall 3"
    if re.fullmatch(r"\+?\d+(?:[-. ]\d+){2,}", text) or re.fullmatch(r"\d{6,}", text):
        return "," not in text and not has_unit
    if j - i == 1 and re.fullmatch(r"\d{4}", text) and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
        nxt = doc[j] if j < len(doc) else None
        counted = nxt is not None and nxt.tag_ in ("NNS", "NNPS") and doc[i].head == nxt
        return not (has_unit or counted)
    return False


# Words after a duration that make it an age: "ten months old", "6 weeks of age".
_AGE_AFTER = (("old",), ("of", "age"))
# Abbreviations of "years old" written after the number ("a 87 yo man").
_AGE_ABBREVIATIONS = frozenset({"yo", "y.o.", "y/o", "yrs.", "yo."})
# Money words in a sentence that make "pounds" sterling rather than weight.
_MONEY_CUES = frozenset({
    "cost", "price", "pay", "paid", "fine", "fined", "worth", "spend", "spent", "profit", "loss",
    "revenue", "sale", "sales", "deal", "budget", "fund", "salary", "wage", "tax", "bid", "bill",
    "loan", "debt", "earn", "earned", "sell", "sold", "buy", "bought", "value", "valued", "pence",
    "penny", "£", "sterling", "bank", "million", "billion", "bonus", "compensation", "damages",
    "fee", "rent", "income", "investment", "invest", "raise", "raised", "charge", "donate",
    "donation", "award", "prize", "ticket", "cash", "money", "owe", "owed", "contract", "save",
    "saved", "estimated", "shares", "share", "stake", "market", "economy", "pension", "subsidy",
})


def _unit_tokens(doc: Doc, j: int, end: int, from_digits: bool
                 ) -> tuple[int, str, str] | None:
    """(end, normalised name, kind) of the longest unit written from token ``j``."""
    for size in (4, 3, 2, 1):
        if j + size > end:
            continue
        span = doc[j:j + size]
        form = " ".join(t.lower_ for t in span).replace(" - ", " ")  # "12-square-kilometre"
        joined = span.text.replace(" ", "")
        if span[-1].text.endswith(".") and len(span[-1].text) > 1 and (
            j + size >= end or doc[j + size].is_punct
        ):
            joined = joined[:-1]  # "120 km/h." at the end of a sentence
        # tokens join into one symbol only when written together ("km/h" split as "km", "/",
        # "h"); "12 m 2 dm" is two lengths, not "m2"
        glued = size > 1 and not any(t.whitespace_ for t in span[:-1])
        found = (lookup_text(span.text) if size == 1 else None) or lookup(form) or (
            lookup_text(joined) if glued else None
        )
        if not found and size == 1 and joined != span.text:
            # "48 m." at the end of a sentence: the tokenizer keeps the full stop
            found = lookup_text(joined)
        if not found:
            continue
        if size == 1 and (form in AMBIGUOUS_FORMS or len(form) == 1) and not from_digits:
            continue
        return j + size, found[0], found[1]
    return None


def _age_after(doc: Doc, k: int, name: str) -> tuple[int, str] | None:
    """(end, "<unit> of age") when the duration ending at token ``k`` is an age."""
    for words in _AGE_AFTER:
        if all(_lower(doc, k + n) == w for n, w in enumerate(words)):
            return k + len(words), f"{name} of age"
    if _lower(doc, k) == "-" and _lower(doc, k + 1) == "old":
        return k + 2, f"{name} of age"
    return None


_FEET = frozenset({"ft", "ft.", "feet", "foot", "'", "′"})
_WEIGHT_CUES = frozenset({"weigh", "weight", "heavy", "heavier", "lighter", "baby", "newborn",
                          "overweight", "scale", "body", "lift", "lifted", "diet", "obese"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")"})


def _clause(doc: Doc, j: int) -> Span:
    """The tokens around token ``j`` up to the nearest clause punctuation of its sentence."""
    sent = doc[j].sent
    start, end = j, j + 1
    while start > sent.start and doc[start - 1].text not in _CLAUSE_BREAKS:
        start -= 1
    while end < sent.end and doc[end].text not in _CLAUSE_BREAKS:
        end += 1
    return doc[start:end]


def _pound_kind(doc: Doc, j: int, name: str, kind: str) -> tuple[str, str]:
    """"two pounds" of a baby is weight; "361 million pounds" of profit is sterling. The
    clause decides first, then the sentence; with no cue at all, weight."""
    if name != "pound-mass" or doc[j].lower_ not in ("pound", "pounds"):
        return name, kind
    for words in (_clause(doc, j), doc[j].sent):
        if any(t.lemma_ in _WEIGHT_CUES or t.lower_ in _WEIGHT_CUES for t in words):
            return name, kind
        if any(t.lower_ in _MONEY_CUES or t.lemma_ in _MONEY_CUES for t in words):
            return "pound sterling", "currency"
    return name, kind


def _unit_after(doc: Doc, j: int, end: int, from_digits: bool) -> tuple[int, str, str, str] | None:
    """(end, surface, normalised, kind) of a unit written right after the number."""
    if j < end and doc[j].lower_ in _AGE_ABBREVIATIONS:
        return j + 1, doc[j].text, "year of age", "age"
    if j < end and doc[j].lower_ in ("in", "in.") and j >= 3 and doc[j - 1].is_digit \
            and doc[j - 2].lower_ in _FEET and doc[j - 3].like_num:
        return j + 1, doc[j].text, "inch", "physical"  # "6 ft 2 in": inches after feet
    if j + 1 < end and doc[j].text in ("-", "–"):
        # "a 12-hour standoff", "a 5-km queue", "a 6-year-old": the unit joined by a hyphen
        found = _unit_tokens(doc, j + 1, end, True)
        if found and doc[j + 1].lower_ not in AMBIGUOUS_FORMS - {"km", "kg", "mm", "cm"}:
            k, name, kind = found
            if kind == "duration":
                age = _age_after(doc, k, name)
                if age:
                    return age[0], doc[j:age[0]].text, age[1], "age"
            name, kind = _pound_kind(doc, j + 1, name, kind)
            return k, doc[j + 1:k].text, name, kind
    found = _unit_tokens(doc, j, end, from_digits)
    if found is None:
        return None
    k, name, kind = found
    if kind == "duration":
        age = _age_after(doc, k, name)
        if age:
            return age[0], doc[j:age[0]].text, age[1], "age"
    if name == "degree" and k < end:
        # "100° Celsius", "85 ° F": the scale written after the degree sign
        scale = _unit_tokens(doc, k, end, True)
        if scale and dimension(scale[1]) == "temperature":
            k, name, kind = scale
        elif doc[k].text in ("C", "F") or (doc[k].lower_ in ("c", "f") and doc[j].lower_ in (
                "deg", "deg.", "degree", "degrees")):
            k, name = k + 1, "celsius" if doc[k].lower_ == "c" else "fahrenheit"
    name, kind = _pound_kind(doc, j, name, kind)
    return k, doc[j:k].text, name, kind


def _not_unit(tok: Token) -> bool:
    return lookup(tok.lower_) is None and lookup_text(tok.text) is None


def _counted_noun(doc: Doc, num_start: int, num_end: int, end: int) -> Token | None:
    last = doc[num_end - 1]
    if last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and \
            last.head.pos_ in ("NOUN", "PROPN") and last.head.i >= num_end and \
            last.head.i < end and _not_unit(last.head):
        return last.head
    if num_end < end and doc[num_end].lower_ in ADJECTIVAL_COUNTS:
        return doc[num_end]
    if num_end < end and doc[num_end].lower_ == "of":
        for child in doc[num_end].children:
            if child.dep_ == "pobj" and (child.pos_ in ("NOUN", "PROPN", "PRON")
                                         or child.lower_ in ADJECTIVAL_COUNTS):
                return child
    if num_end < end and doc[num_end].tag_ in ("NNS", "NNPS") and \
            _not_unit(doc[num_end]):
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
        or lower in FRACTION_VALUES
        or (not is_ordinal(text) and (
            lexeme.like_num or is_number_word(text) or parse_digits(text) is not None
            or split_glued(text) is not None
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
    # a sentence a source lower-cased ("rmb 10") may write currency codes in lower case
    lowercase: bool | None = None  # read on the sentence's first number, not on every sentence
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
        phone = _PHONE.match(text, doc[i].idx) if (
            doc[i].is_digit or doc[i].text[:1] == "+"
        ) else None
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
        j, value, vague, glued_prefix, glued_suffix = read
        if any(k in blocked for k in range(i, j)):
            i = j
            continue
        num_start, num_end = i, j
        from_digits = any(c.isdigit() for c in doc[j - 1].text) and (
            doc[j - 1].like_num or parse_digits(doc[j - 1].text) is not None
            or bool(glued_prefix or glued_suffix)
        )
        if glued_suffix:
            glued_unit = lookup_text(glued_suffix)
            unit = (j, glued_suffix, *glued_unit) if glued_unit else None
            if unit and unit[3] == "duration":
                age = _age_after(doc, j, unit[2])
                unit = (age[0], doc[i:age[0]].text, age[1], "age") if age else unit
        else:
            unit = _unit_after(doc, j, sent.end, from_digits)
            if unit is None and doc[j - 1].lower_ == "half" and _lower(doc, j) in ("a", "an"):
                unit = _unit_after(doc, j + 1, sent.end, True)  # "half a percentage point"
            elif unit is None and doc[j - 1].lower_ in FRACTION_VALUES:
                of_unit = _fraction_of_unit(doc, j)  # "a quarter of a percentage point"
                unit = _unit_after(doc, of_unit, sent.end, True) if of_unit else None
        prefix = None
        prefix_start = i
        if glued_prefix:
            found = lookup_prefix(glued_prefix.rstrip("-"), lowercase_sentence=True)
            prefix = (found[0], found[1], glued_prefix) if found else None
        else:
            if lowercase is None:
                lowercase = not any(c.isupper() for c in sent.text)
            found_before = _prefix_before(doc, i, sent.start, lowercase)
            if found_before is not None:
                prefix_start, *rest = found_before
                prefix = (rest[0], rest[1], rest[2])
        if unit is None and prefix is None:
            # "30 MUSD", "MEUR 120": a currency code carrying its scale
            after = scaled_currency(doc[j].text) if j < sent.end else None
            before = scaled_currency(doc[i - 1].text) if i > sent.start else None
            if after is not None:
                value *= after[0]
                unit = (j + 1, doc[j].text, after[1], "currency")
            elif before is not None:
                value *= before[0]
                prefix_start, prefix = i - 1, (before[1], "currency", doc[i - 1].text)
        if unit and dimension(unit[2]) == "temperature" and value > 0 and i - 2 >= sent.start \
                and doc[i - 1].text in ("-", "−") and not doc[i - 2].like_num \
                and not doc[i - 2].is_punct and _not_unit(doc[i - 2]):
            value, num_start = -value, i - 1  # "temperatures of - 20 degrees": a spaced minus
        if _skip_reason(doc, i, j, value, bool(unit or prefix)):
            i = j
            continue
        atom = _Atom(start=num_start, end=j, num_start=num_start, num_end=num_end, value=value,
                     vague=vague)
        if prefix:
            atom.start = prefix_start
            atom.unit, atom.normalized, atom.kind = prefix[2], prefix[0], prefix[1]
            # "$6 billion dollars" is rare; a following unit of the same kind is absorbed.
            if unit and unit[3] == "currency":
                atom.end = unit[0]
                if prefix[0] == "dollar" and unit[2].endswith("dollar"):
                    atom.normalized = unit[2]  # "$ 10 hong kong dollars"
        elif unit:
            atom.end, atom.unit, atom.normalized, atom.kind = unit
            if atom.kind == "currency" and _lower(doc, atom.end) in _MULTIPLIERS - {"m"}:
                # "75 USD million": the scale written after the currency
                atom.value *= SCALES[_lower(doc, atom.end)]
                atom.end += 1
        elif _lower(doc, i - 1) in AGE_BEFORE or (
            _lower(doc, i - 1) in ("between", "about", "around", "over", "under")
            and _lower(doc, i - 2) in AGE_BEFORE
        ) or _appositive_age(doc, i, j, value):
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
    return _join_subunits(doc, atoms)


# Currencies whose amounts are written in two parts ("3 dollars 50 cents", "15 euros 50").
_HUNDREDTHS = frozenset({"cent", "penny"})


def _join_subunits(doc: Doc, atoms: list[_Atom]) -> list[_Atom]:
    """"13 dollars and 45 cents", "15 dollars 50": one amount, 13.45 and 15.5, not two."""
    out: list[_Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "currency" and prev.normalized not in _HUNDREDTHS \
                and float(prev.value).is_integer() and not atom.paren and (
                    atom.start == prev.end
                    or (atom.start == prev.end + 1 and doc[prev.end].lower_ == "and")
                ) and 0 < atom.value < 100 and float(atom.value).is_integer() and (
                    atom.normalized in _HUNDREDTHS or (
                        atom.kind == "count" and atom.head is None and (
                            atom.end >= len(doc) or doc[atom.end].is_punct
                        )
                    )
                ) and atom.bound == "exact":
            prev.value += atom.value / 100
            prev.end = atom.end
            continue
        out.append(atom)
    return out


def _prefix_before(doc: Doc, i: int, lo: int, lowercase: bool
                   ) -> tuple[int, str, str, str] | None:
    """(start, normalised, kind, surface) of a currency written before the number at token
    ``i``: "$", "US$", "C $" (a country letter split from the sign), "GBP", "Rs."."""
    if i - 2 >= lo and doc[i - 1].text == "$" and doc[i - 2].is_alpha and len(doc[i - 2]) <= 3 \
            and (not doc[i - 2].whitespace_ or (lowercase and doc[i - 2].lower_ not in (
                "a", "an", "at", "us", "to", "of", "on", "in", "for", "by", "is", "as"))):
        surface = doc[i - 2].text + "$"
        found = lookup_prefix(surface, lowercase_sentence=True)
        if found:
            return i - 2, found[0], found[1], surface
    if i - 1 >= lo:
        surface = doc[i - 1].text
        found = lookup_prefix(surface, lowercase_sentence=lowercase)
        if found is None and surface.isupper() and len(surface) == 3:
            code = lookup_text(surface)
            found = code if code and code[1] == "currency" else None
        if found:
            return i - 1, found[0], found[1], surface
    return None


def _bound_after(doc: Doc, atom: _Atom) -> Bound | None:
    """"50 or more", "200 or so", "a 40-plus crowd": a bound written after the number."""
    for k in {atom.num_end, atom.end}:
        for phrase, bound in BOUND_AFTER:
            words = phrase.split()
            if all(_lower(doc, k + n) == w for n, w in enumerate(words)):
                if words[0] == "-" and doc[k - 1].whitespace_:
                    continue
                return bound
    return None


def _attach_bound(doc: Doc, atom: _Atom, lo: int) -> None:
    start = atom.start
    found = _first_phrase_before(doc, start, lo, _BOUND_PHRASE_TEXTS)
    if found is not None:
        phrase, bound = BOUND_PHRASES[found[0]]
        # "over" and "under" are prepositions of time and place more often than bounds.
        if not (phrase in ("over", "under", "above", "below") and atom.kind in ("duration",)):
            atom.bound, start = bound, found[1]
            atom.close = phrase in CLOSE_PHRASES
    inc = _phrase_before(doc, start, lo, INCREMENT_WORDS)
    if inc is not None:
        atom.incremental, start = True, inc
    elif _lower(doc, atom.num_end) == "more" and atom.kind == "count":
        atom.incremental = True
    if atom.bound == "exact":
        atom.bound = _bound_after(doc, atom) or "exact"
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


def close_interval(value: float, bound: Bound) -> tuple[float | None, float | None]:
    """The interval of a close bound: "just over N" is N to N × (1 + CLOSE_SHARE), "just under
    N" is N × (1 - CLOSE_SHARE) to N; any other bound as :func:`bound_interval` gives it."""
    if bound in ("more than", "at least"):
        return value, round(value * (1 + CLOSE_SHARE), 6)
    if bound in ("less than", "up to"):
        return round(value * (1 - CLOSE_SHARE), 6), value
    return bound_interval(value, bound)


def bound_interval(
    value: float, bound: Bound, close: bool = False
) -> tuple[float | None, float | None]:
    """The interval ``[low, high]`` a figure with its bound states (None: open on that side);
    ``close`` for a close bound ("just over")."""
    if close:
        return close_interval(value, bound)
    if bound in ("more than", "at least"):
        return value, None
    if bound in ("less than", "up to"):
        return None, value
    return value, value




# Words after a price that say what one unit of it buys: "$70 a share", "64 cents a dozen".
_RATE_WORDS = ("a", "an", "per", "each")


def _rate_after(doc: Doc, atom: _Atom, hi: int) -> str:
    """The thing a money amount is a rate of ("a share", "per head"), when the rate is not a
    unit (units come from :func:`meaning._per_after`); "" otherwise."""
    k = atom.end
    if k + 1 < hi and doc[k].lower_ in ("per", "/"):
        found = _unit_tokens(doc, k + 1, hi, True)  # "450 people per square kilometre"
        if found is not None:
            return found[1]
    if atom.kind not in ("count", "duration") and k < hi and doc[k].lower_ == "of":
        # "2 million barrels of crude a day", "$4bn of debt a year": the rate comes after
        # what the unit measures
        n = k + 1
        while n < hi and n <= k + 1 + NOUN_REACH and doc[n].pos_ in ("NOUN", "PROPN", "ADJ"):
            n += 1
        if n > k + 1 and n + 1 < hi and doc[n].lower_ in ("a", "an", "per", "each"):
            found = lookup(doc[n + 1].lower_)
            if found is not None and found[1] == "duration":
                return found[0]
    if k < hi and doc[k].text == "-":
        k += 1  # "a $70-a-share offer", "a 12-cent-a-share dividend"
    if atom.kind != "currency" or k + 1 >= hi or doc[k].lower_ not in _RATE_WORDS:
        return ""
    noun = doc[k + 2] if doc[k + 1].text == "-" and k + 2 < hi else doc[k + 1]
    if noun.lower_ in ("dozen", "head", "piece"):
        return noun.lower_
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or lookup(noun.lower_) is not None:
        return ""
    return noun.lemma_.lower()
