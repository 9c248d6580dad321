"""Turning one document's extraction into comparable claims (DESIGN §3).

- quantity claims: key = (measure, counted group, unit, country); value interval; as-of date;
- event claims: key = event type; value = its date;
- statement claims: a quote with its speaker, and the stances it takes (see propositions).

A claim always points at its document, its span and the sentence it came from.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Mapping
from importlib.resources import files

from newsprism.crosscheck.places import (
    UNPLACED_MEASURES,
    figure_place,
    labelled,
    place_of,
    with_place,
)
from newsprism.crosscheck.propositions import stances
from newsprism.crosscheck.scopes import TOTAL, covers_both_sides, measure_group, scope_group
from newsprism.crosscheck.wordlists import in_own_clause, stems_pattern
from newsprism.extract.dates.component import counted_day
from newsprism.model import Claim, Document, Event, Extraction, Quantity, Quote, Sentence

# Measures whose figures are compared across sources. Ages, durations and "other" numbers are
# extracted but never become claims; sums of money only when their sentence says what they are
# for (see money_purpose), since aid, damages, fines and budgets are different things.
COMPARABLE_MEASURES = frozenset(
    {
        "killed", "injured", "detained", "missing", "displaced", "kidnapped", "troops",
        "protesters", "price", "seized", "affected", "money",
    }
)
_MONEY_PURPOSES: dict[str, re.Pattern[str]] = {
    purpose: re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(stem) for stems in languages.values() for stem in stems)
        + ")",
        re.IGNORECASE,
    )
    for purpose, languages in json.loads(
        (files("newsprism.data") / "money_purposes.json").read_text(encoding="utf-8")
    ).items()
    if not purpose.startswith("_")
}


def money_purpose(sentence: str) -> str:
    """What a sum of money is for ("damage", "aid"), from the words of its sentence; "" when the
    sentence does not say, or names more than one purpose."""
    found = [purpose for purpose, pattern in _MONEY_PURPOSES.items() if pattern.search(sentence)]
    return found[0] if len(found) == 1 else ""
# Counts that only grow as a story unfolds: a later, higher figure updates an earlier one, a
# lower one is a revision. The missing and the displaced are not among them: they fall as people
# are found or return home.
CUMULATIVE_MEASURES = frozenset({"killed", "injured", "detained", "kidnapped", "affected"})
MEASURE_LABELS = {
    "killed": "people killed",
    "injured": "people injured",
    "detained": "people detained",
    "missing": "people missing",
    "displaced": "people displaced",
    "kidnapped": "people kidnapped",
    "troops": "troops deployed",
    "protesters": "protesters",
    "price": "price",
    "money": "money",
    "seized": "items seized",
    "affected": "people affected",
}
# Event types with one date per story: two sources giving different dates disagree.
DATED_EVENT_TYPES = frozenset(
    {"protests began", "state of emergency ends", "state of emergency declared", "summit",
     "deployment", "collapse", "earthquake", "explosion"}
)


def claim_measure(claim: Claim) -> str:
    """The measure a quantity claim counts: the first field of its key ("killed|...")."""
    return claim.key.split("|", 1)[0]


def claim_id(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


def _sentence_span(sentences: list[Sentence], start: int) -> tuple[int, int]:
    for sentence in sentences:
        if sentence.start <= start < sentence.end:
            return sentence.start, sentence.end
    return start, start


def _format_number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def quantity_value(quantity: Quantity) -> str:
    if quantity.low is not None and quantity.high is not None and quantity.low != quantity.high:
        text = f"{_format_number(quantity.low)}–{_format_number(quantity.high)}"
    elif quantity.bound != "exact":
        shown = quantity.low if quantity.low is not None else quantity.high
        text = f"{quantity.bound} {_format_number(shown)}"
    else:
        text = _format_number(quantity.low if quantity.low is not None else quantity.high)
    if quantity.from_low is not None:
        text = f"{_format_number(quantity.from_low)} → {text}"
    return text


def _quantity_unit(quantity: Quantity) -> str:
    unit = quantity.normalized_unit if quantity.normalized_unit not in ("", "-") else quantity.unit
    if quantity.measure not in ("price", "money"):
        return ""
    return f"{unit} per {quantity.per}" if quantity.per else unit


# "Eighteen officers were killed, two of whom were beheaded": a count of a subset of a figure
# the sentence already gives; it says nothing new about the group's total.
PARTITIVE = re.compile(r"^\S+(?:\s+\S+)?,?\s+of (?:whom|them|which|those)\b", re.I)


def is_partitive(document: Document, quantity: Quantity) -> bool:
    """True for "two of whom" whether or not the extractor's span took in the "of whom"."""
    return PARTITIVE.match(document.text[quantity.start : quantity.end + 16]) is not None


def quantity_claims(
    document: Document, extraction: Extraction, names: Mapping[str, str] | None = None
) -> list[Claim]:
    """Claims for the comparable, asserted figures of a document (conversions skipped)."""
    fallback_date = (document.published.value or "")[:10] or None
    event_days = {(e.sentence_start, e.date) for e in extraction.events if e.date}
    claims: list[Claim] = []
    for index, quantity in enumerate(extraction.quantities):
        if (
            quantity.measure not in COMPARABLE_MEASURES
            or quantity.negated
            or quantity.incremental  # "another 16 died" adds to a total; it is not one
            or is_partitive(document, quantity)
            or quantity.converts is not None
            or (quantity.low is None and quantity.high is None)
        ):
            continue
        group = measure_group(quantity.scope, quantity.measure)
        unit = _quantity_unit(quantity)
        # Prices are keyed by currency and unit only: item names vary too much across sources
        # ("gas prices for cars", "liquefied gas") to key on.
        key_group = "" if quantity.measure == "price" else group
        label = MEASURE_LABELS.get(quantity.measure, quantity.measure)
        if quantity.measure == "money":
            sentence = document.text[quantity.sentence_start : quantity.sentence_end]
            key_group = money_purpose(sentence or document.text[quantity.start : quantity.end])
            if not key_group or not unit:
                continue
            label = f"money ({key_group}, {unit})"
        elif quantity.measure == "price":
            label = f"price ({unit})" if unit else "price"
        elif group != TOTAL:
            label = f"{label} ({group})"
        place = (
            "" if quantity.measure in UNPLACED_MEASURES
            else figure_place(document, extraction, quantity, names)
        )
        claims.append(
            Claim(
                id=claim_id(document.id, "quantity", index),
                doc_id=document.id,
                kind="quantity",
                # keys, labels and values repeat across a corpus: one string object each
                key=sys.intern(with_place(f"{quantity.measure}|{key_group}|{unit}", place)),
                label=sys.intern(labelled(label, place)),
                value=sys.intern(quantity_value(quantity)),
                low=quantity.low,
                high=quantity.high,
                unit=unit,
                as_of=None
                if _earlier_figure(document.text, quantity)
                else _as_of(quantity, fallback_date, event_days),
                attributed_to=quantity.attributed_to,
                scope=quantity.scope,
                start=quantity.start,
                end=quantity.end,
                sentence_start=quantity.sentence_start,
                sentence_end=quantity.sentence_end,
            )
        )
    claims.extend(_derived_totals(document, claims))
    return claims


_EARLIER = stems_pattern("previous_words")
EARLIER_WINDOW = 40  # characters of the figure's clause, each side, that may say it is earlier
_CLAUSE_MARK = re.compile(r"[,;:.!?()،؛，；：。]")


def _earlier_figure(text: str, quantity: Quantity) -> bool:
    """The figure is an earlier, superseded one ("the previous toll was 237", "initially 40
    were reported"): its day is not the report's, and no later day is given for it."""
    return in_own_clause(_EARLIER, text, quantity, EARLIER_WINDOW, _CLAUSE_MARK)


def _as_of(
    quantity: Quantity, published: str | None, event_days: set[tuple[int, str | None]]
) -> str | None:
    """The day a figure holds for. A date that dates an event of the figure's own sentence ("190
    were killed in the explosion of 4 August") is when it happened, not when it was counted:
    such a figure holds as of the report's publication, when that is later; so does one whose
    date was carried over from an earlier sentence's event."""
    as_of = quantity.as_of
    dates_event = any(
        day == as_of and start <= quantity.sentence_start for start, day in event_days
    )
    if as_of and dates_event:
        # The same holds for the date of an event told earlier that the figure's paragraph
        # carried over ("The blast of 4 August ... The toll is now 214"); without a
        # publication day the figure's day is unknown, not the event's.
        return counted_day(as_of, published)
    return as_of or published


def _derived_totals(document: Document, claims: list[Claim]) -> list[Claim]:
    """A lower bound on a total from group counts that cover both sides of a confrontation.

    "18 security officers killed" and "26 armed criminals killed" give "at least 44 killed",
    which is what a later "225 died in total" is compared against. A document that states a
    total itself gets no derived one.
    """
    derived: list[Claim] = []
    by_measure: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim_measure(claim) in CUMULATIVE_MEASURES:
            by_measure.setdefault(claim_measure(claim), []).append(claim)
    for measure, group_claims in by_measure.items():
        groups: dict[str, Claim] = {}
        for claim in group_claims:
            group = scope_group(claim.scope)
            best = groups.get(group)
            if best is None or (claim.low or 0) > (best.low or 0):
                groups[group] = claim
        if TOTAL in groups or not covers_both_sides(set(groups)):
            continue
        parts = sorted(groups.values(), key=lambda c: c.start)
        low = sum(c.low or 0 for c in parts)
        first = parts[0]
        derived.append(
            Claim(
                id=claim_id(document.id, "derived", measure),
                doc_id=document.id,
                kind="quantity",
                key=with_place(f"{measure}|{TOTAL}|", place_of(first.key)),
                label=MEASURE_LABELS[measure],
                value=f"at least {_format_number(low)} (sum: "
                + " + ".join(f"{_format_number(c.low)} {c.scope}" for c in parts)
                + ")",
                low=low,
                high=None,
                as_of=max((c.as_of for c in parts if c.as_of), default=None),
                attributed_to="; ".join(sorted({c.attributed_to for c in parts} - {""})),
                scope="sum of reported groups",
                start=first.start,
                end=first.end,
                sentence_start=first.sentence_start,
                sentence_end=first.sentence_end,
            )
        )
    return derived


def event_claims(document: Document, extraction: Extraction) -> list[Claim]:
    claims: list[Claim] = []
    seen: set[str] = set()
    for index, event in enumerate(extraction.events):
        if event.type not in DATED_EVENT_TYPES or not event.date or event.type in seen:
            continue
        seen.add(event.type)  # the first mention of a one-off event in an article is its report
        claims.append(_event_claim(document, event, index))
    return claims


def _event_claim(document: Document, event: Event, index: int) -> Claim:
    return Claim(
        id=claim_id(document.id, "event", index),
        doc_id=document.id,
        kind="event",
        key=sys.intern(f"event|{event.type}"),
        label=event.type,
        value=event.date or "",
        as_of=event.date,
        scope=event.place,
        start=event.start,
        end=event.end,
        sentence_start=event.sentence_start,
        sentence_end=event.sentence_end,
    )


def statement_claims(
    document: Document, extraction: Extraction, speaker_keys: Mapping[str, str] | None = None
) -> list[Claim]:
    """A claim per attributed quote; its stances go in ``stance`` as "name=yes;name=no"."""
    claims: list[Claim] = []
    for index, quote in enumerate(extraction.quotes):
        speaker = _speaker_key(quote, speaker_keys)
        if not speaker:
            continue
        start, end = _sentence_span(extraction.sentences, quote.start)
        found = stances(quote.text)
        claims.append(
            Claim(
                id=claim_id(document.id, "statement", index),
                doc_id=document.id,
                kind="statement",
                key=sys.intern(f"statement|{speaker}"),
                label=quote.speaker or quote.speaker_text,
                value=quote.text,
                as_of=(document.published.value or "")[:10] or None,
                attributed_to=quote.speaker or quote.speaker_text,
                start=quote.start,
                end=quote.end,
                sentence_start=start,
                sentence_end=end,
                stance=";".join(f"{name}={value}" for name, value in sorted(found.items())),
            )
        )
    return claims


def _speaker_key(quote: Quote, speaker_keys: Mapping[str, str] | None) -> str:
    if quote.entity_id:
        return quote.entity_id
    name = quote.speaker or quote.speaker_text
    if speaker_keys and name in speaker_keys:
        return speaker_keys[name]
    return name.casefold().strip()


def document_claims(
    document: Document, extraction: Extraction, names: Mapping[str, str] | None = None
) -> list[Claim]:
    """Every claim of a document; ``names`` maps linked entity ids to their canonical names."""
    return (
        quantity_claims(document, extraction, names)
        + event_claims(document, extraction)
        + statement_claims(document, extraction)
    )
