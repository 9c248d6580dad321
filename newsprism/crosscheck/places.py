"""The place a figure is about, at the level two sources' figures are compared: the country.

A city's toll and the national toll are different figures, and so are two countries' tolls and
their sum. A figure's place is read from the place names of its own sentence, each taken up to
its country through the gazetteer (``link.places``): one country, or two countries joined by a
conjunction ("in Turkey and Syria") or a sentence that speaks of a total ("bringing the total to
…", ``data/total_words.json``): their combined figure. A figure whose sentence names no
known place takes, within its event, the place most figures of the same kind name (DESIGN §3: a
figure without a stated place takes the event's place).
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from importlib.resources import files

from newsprism.link.places import PLACE_LABELS, lookup
from newsprism.model import Claim, Document, Extraction, Quantity

# Text between two place names that joins them into one combined place: "Turkey and Syria",
# "Turquie et Syrie", "Турции и Сирии", "Türkiye ve Suriye", "Turkey-Syria".
# A conjunction may carry up to two short words: "Turkey and neighbouring Syria", "et en Syrie".
_JOINED = re.compile(
    r"^\s*(?:,|-|–|/|&|and|und|et|e|y|и|ve|و|та|i|och|en)(?:\s+[^\W\d_]{1,12}){0,2}\s*$",
    re.IGNORECASE,
)
_TOTAL = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        re.escape(stem)
        for language, stems in json.loads(
            (files("newsprism.data") / "total_words.json").read_text(encoding="utf-8")
        ).items()
        if not language.startswith("_")
        for stem in stems
    )
    + ")",
    re.IGNORECASE,
)
TOTAL_WINDOW = 40  # characters around a figure in which a total word makes it the sum
_CLAUSE = re.compile(r"[,;:.!?()]")
KEY_FIELDS = 4  # measure | group | unit | place


def country_of(name: str) -> str:
    """The country a place name lies in (itself for a country), or "" when the gazetteer does
    not know it."""
    place = lookup(name)
    seen: set[str] = set()
    while place is not None and place.canonical not in seen:
        if place.kind == "country":
            return place.canonical
        seen.add(place.canonical)
        place = lookup(place.inside) if place.inside else None
    return ""


def figure_place(document: Document, extraction: Extraction, quantity: Quantity) -> str:
    """The country (or "A+B" for a combined figure) a quantity's sentence says it is about."""
    start, end = quantity.sentence_start, quantity.sentence_end
    if end <= start:
        return ""
    places = [
        (mention, country)
        for mention in extraction.mentions
        if mention.kind == "name"
        and mention.label in PLACE_LABELS
        and start <= mention.start < end
        and (country := country_of(mention.normal or mention.text))
    ]
    countries = {country for _, country in places}
    if len(countries) <= 1:
        return next(iter(countries), "")
    places.sort(key=lambda item: item[0].start)
    # The total word must be in the figure's own clause: just before it or just after it.
    text = document.text
    before = _CLAUSE.split(text[max(start, quantity.start - TOTAL_WINDOW) : quantity.start])
    after = _CLAUSE.split(text[quantity.end : min(end, quantity.end + TOTAL_WINDOW)])
    if _TOTAL.search(before[-1]) or _TOTAL.search(after[0]):
        return "+".join(sorted(countries))
    for (a, country_a), (b, country_b) in itertools.pairwise(places):
        if country_a != country_b and _JOINED.match(document.text[a.end : b.start]):
            return "+".join(sorted((country_a, country_b)))
    nearest = min(places, key=lambda item: abs(item[0].start - quantity.start))
    return nearest[1]


def with_place(key: str, place: str) -> str:
    fields = key.split("|")
    fields = [*fields[: KEY_FIELDS - 1], *[""] * (KEY_FIELDS - 1 - len(fields)), place]
    return "|".join(fields)


def place_of(key: str) -> str:
    fields = key.split("|")
    return fields[KEY_FIELDS - 1] if len(fields) >= KEY_FIELDS else ""


# A country is one of an event's places when at least this share of the event's reports that
# name any known place name it; a figure keyed by another country (the rescuers' home country,
# a donor) is about the event's place, not that country.
EVENT_PLACE_SHARE = 0.2


def document_countries(document: Document, extraction: Extraction) -> Counter[str]:
    """How often each country (or a place inside it) is named in a report."""
    counts: Counter[str] = Counter()
    for mention in extraction.mentions:
        if mention.kind == "name" and mention.label in PLACE_LABELS:
            country = country_of(mention.normal or mention.text)
            if country:
                counts[country] += 1
    return counts


def fill_event_places(
    claims: Sequence[Claim], countries_by_doc: Mapping[str, Counter[str]] | None = None
) -> None:
    """Settle each quantity claim's place within its event (in place).

    The event's places are the countries many of its reports name. A figure keyed by another
    country loses that place; a figure without one takes the event's place when the event has
    one, else the event place its own report names most, else the place most figures of its
    kind name."""
    countries_by_doc = countries_by_doc or {}
    naming = [counts for counts in countries_by_doc.values() if counts]
    share: Counter[str] = Counter(country for counts in naming for country in counts)
    event_places = {c for c, n in share.items() if n >= EVENT_PLACE_SHARE * len(naming)}
    quantities = [c for c in claims if c.kind == "quantity"]
    for claim in quantities:
        place = place_of(claim.key)
        if place and event_places and not set(place.split("+")) <= event_places:
            _set_place(claim, "")
    named: dict[str, Counter[str]] = defaultdict(Counter)
    for claim in quantities:
        if place_of(claim.key):
            named[with_place(claim.key, "")][place_of(claim.key)] += 1
    for claim in quantities:
        if place_of(claim.key):
            continue
        if len(event_places) == 1:
            _set_place(claim, next(iter(event_places)))
            continue
        own = countries_by_doc.get(claim.doc_id, Counter())
        mine = [c for c in own.most_common() if c[0] in event_places]
        if mine and (len(mine) == 1 or mine[0][1] > mine[1][1]):
            _set_place(claim, mine[0][0])
            continue
        counts = named.get(with_place(claim.key, ""))
        if counts and not event_places:
            _set_place(claim, max(counts, key=lambda p: (counts[p], p)))


def _set_place(claim: Claim, place: str) -> None:
    old = place_of(claim.key)
    base = claim.label
    if old and base.endswith(suffix := labelled("", old)):
        base = base[: -len(suffix)]
    claim.key = with_place(claim.key, place)
    claim.label = labelled(base, place)


def labelled(label: str, place: str) -> str:
    return f"{label} in {place.replace('+', ' and ')}" if place else label
