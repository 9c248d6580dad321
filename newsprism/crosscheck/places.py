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

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from newsprism.crosscheck.wordlists import in_own_clause, stems_pattern
from newsprism.link.places import PLACE_LABELS, lookup
from newsprism.link.world import (
    countries_in,
    demonym_countries_in,
    is_province_name,
    official_languages,
    provinces_in,
    world_country,
)
from newsprism.model import Claim, Document, Extraction, Mention, Quantity, day_of

# Text between two place names that joins them into one combined place: "Turkey and Syria",
# "Turquie et Syrie", "Турции и Сирии", "Türkiye ve Suriye", "Turkey-Syria".
# A conjunction may carry up to two short words: "Turkey and neighbouring Syria", "et en Syrie".
_JOINED = re.compile(
    r"^\s*(?:,|-|–|/|&|・|、|and|und|et|e|y|и|і|ve|و|وفي|та|i|a|și|och|en|και|dan|और|ו|"
    r"和|与|及|と|や|및|와|과)"
    r"(?:\s+[^\W\d_]{1,12}){0,2}\s*$",
    re.IGNORECASE,
)
_TOTAL = stems_pattern("total_words")
_PART = stems_pattern("part_words")
# The place of a whole whose parts its sentence gives by place ("25,900 dead, of which 22,300
# in Turkey"): all the event's places together, settled by fill_event_places.
ALL_PLACES = "*"
# The place of a total whose sentence names no place ("bringing the total to 24,680", "in the
# two countries 8,264 died"): the event's places together when its report names more than one
# of them, settled by fill_event_places; a report of one country's toll keeps that country.
NAMED_PLACES = "**"
_DIGIT = re.compile(r"\d")
TOTAL_WINDOW = 40  # characters around a figure in which a total word makes it the sum
_CLAUSE = re.compile(r"[,;:.!?()،؛，；：。！？]")  # with the Arabic and CJK marks
KEY_FIELDS = 4  # measure | group | unit | place
_NUMBER_NEXT = re.compile(r"\s*[:,]?\s*\d")
# Prices and sums of money are compared across places: a currency says where.
UNPLACED_MEASURES = frozenset({"price", "money"})


def country_of(name: str) -> str:
    """The country a place name lies in (itself for a country): the team's gazetteer first,
    then the country and province names of every language read (``link.world``); "" when
    neither knows it."""
    place = lookup(name)
    seen: set[str] = set()
    while place is not None and place.canonical not in seen:
        if place.kind == "country":
            return place.canonical
        seen.add(place.canonical)
        place = lookup(place.inside) if place.inside else None
    return world_country(name)


def mention_country(mention: Mention, names: Mapping[str, str] | None = None) -> str:
    """The country of a place mention: through its linked entity's canonical name first (which
    reaches names in any script the link stage resolved), else its own words."""
    if mention.kind != "name" or mention.label not in PLACE_LABELS:
        return ""
    if names and mention.entity_id in names and (country := country_of(names[mention.entity_id])):
        return country
    return country_of(mention.normal or mention.text)


def figure_place(
    document: Document,
    extraction: Extraction,
    quantity: Quantity,
    names: Mapping[str, str] | None = None,
) -> str:
    """The country (or "A+B" for a combined figure) a quantity's sentence says it is about;
    ``names`` maps linked entity ids to their canonical names."""
    start, end = quantity.sentence_start, quantity.sentence_end
    if end <= start:
        return ""
    places = _sentence_places(document, extraction, start, end, names)
    countries = {country for _, country in places}
    if places and (
        _whole_of_parts(document.text, quantity, places)
        or _sum_of_parts(extraction, quantity, places)
    ):
        return ALL_PLACES
    if region := _breakdown_place(document.text, extraction, quantity, places):
        return region
    if not countries and _is_total(document.text, quantity):
        return NAMED_PLACES
    if len(countries) <= 1:
        return next(iter(countries), "")
    text = document.text
    if _is_total(text, quantity):
        return "+".join(sorted(countries))
    # "Turkey and Syria" names the figure's place unless its own clause names another ("the
    # toll in Syria rose to 5,814, bringing the total in Turkey and Syria to 43,858")
    own = [span for span, _ in places if _same_clause(text, span, quantity)]
    for (a_span, country_a), (b_span, country_b) in itertools.pairwise(places):
        if (
            country_a != country_b
            and _JOINED.match(document.text[a_span[1] : b_span[0]])
            and (not own or a_span in own)
        ):
            return "+".join(sorted((country_a, country_b)))
    if paired := _paired_place(text, extraction, quantity, places):
        return paired
    return _clause_place(text, quantity, places)


def _breakdown_place(
    text: str,
    extraction: Extraction,
    quantity: Quantity,
    places: Sequence[tuple[tuple[int, int], str]],
) -> str:
    """"In Adana 10 dead and 118 injured, in Malatya 47 dead and 550 injured": a sentence
    that goes through two or more provinces or cities of one country gives each its own
    figures, which are parts of the country's, not the country's: "Turkey/Adana" for a figure
    whose own clause names that province."""
    regions = [
        (span, country, _region_name(text[span[0] : span[1]]))
        for span, country in places
        if _names_region(text[span[0] : span[1]])
    ]
    if len({name for _, _, name in regions}) < 2:
        return ""
    # A breakdown gives each place its own figure, between the places; a list of places ("in
    # Adana, Malatya and Gaziantep") is where one figure happened.
    figures = [
        q for q in extraction.quantities
        if q.sentence_start == quantity.sentence_start and q.measure != "other"
    ]
    figured = [
        region
        for region in regions
        if any(_same_clause(text, region[0], other) for other in figures)
    ]
    separated = {
        name
        for (a, _, name_a), (b, _, name_b) in itertools.pairwise(figured)
        if name_a != name_b and _DIGIT.search(text, a[1], b[0])
        for name in (name_a, name_b)
    }
    if len(separated) < 2:
        return ""
    own = [
        (span, country, name)
        for span, country, name in regions
        if _same_clause(text, span, quantity)
    ]
    if own:
        _, country, name = min(own, key=lambda item: abs(item[0][0] - quantity.start))
        return f"{country}{REGION_MARK}{name}"
    # The province named last before the figure is still the topic ("in Adana 10 dead,
    # 118 injured"), unless the country was named since ("nationwide in Turkey, 297").
    before = [(span, country) for span, country in places if span[1] <= quantity.start]
    if before and _names_region(text[before[-1][0][0] : before[-1][0][1]]):
        span, country = before[-1]
        return f"{country}{REGION_MARK}{_region_name(text[span[0] : span[1]])}"
    return ""


REGION_MARK = "/"


def _same_clause(text: str, span: tuple[int, int], quantity: Quantity) -> bool:
    between = (
        text[span[1] : quantity.start] if span[1] <= quantity.start
        else text[quantity.end : span[0]]
    )
    return not _CLAUSE.search(between)


def _names_region(name: str) -> bool:
    """A name known as a province or city; a country's name, or one no table knows (a
    declined country name, a tagger's over-long span), is not."""
    place = lookup(name)
    return place.kind != "country" if place is not None else is_province_name(name)


def _region_name(name: str) -> str:
    place = lookup(name)
    return place.canonical if place is not None else name.strip()


def _whole_of_parts(
    text: str,
    quantity: Quantity,
    places: Sequence[tuple[tuple[int, int], str]],
) -> bool:
    """The figure is followed by its parts ("..., dont 2 316 en Turquie"): a part word after
    it, then a number (a part often has no cue of its own), no place between the figure and
    the part word, and none before it in its own clause."""
    part = _PART.search(text, quantity.end, quantity.sentence_end)
    if part is None or quantity.measure == "other":
        return False
    if not _DIGIT.search(text, part.end(), quantity.sentence_end):
        return False
    if any(_same_clause(text, span, quantity) and span[1] <= quantity.start for span, _ in places):
        return False  # "the toll in Turkey rose to 3,549, including …": its own place
    return not any(quantity.end <= start < part.start() for (start, _), _ in places)


def _sum_of_parts(
    extraction: Extraction,
    quantity: Quantity,
    places: Sequence[tuple[tuple[int, int], str]],
) -> bool:
    """The figures right after this one add up to it, and name two or more countries between
    them ("the toll reached 39,106 – 35,418 in Turkey and 3,688 in Syria"): they are its parts
    by country, whatever word or dash brings them in, so it is all of their places. Parts in
    one country's provinces leave the figure to that country."""
    value = _exact(quantity)
    if value is None or quantity.measure == "other":
        return False
    later = sorted(
        (q for q in extraction.quantities
         if q.sentence_start == quantity.sentence_start and q.start >= quantity.end
         and q.measure in (quantity.measure, "other")),
        key=lambda q: q.start,
    )
    total = 0.0
    for count, part in enumerate(later, start=1):
        part_value = _exact(part)
        if part_value is None:
            return False
        total += part_value
        if total > value:
            return False
        if count >= 2 and total == value:
            return len({country for (start, _), country in places
                        if quantity.end <= start < part.end + PART_PLACE_CHARS}) >= 2
    return False


# A part's place may follow its figure ("3,688 in Syria"): looked for this far past the last part.
PART_PLACE_CHARS = 30


def _exact(quantity: Quantity) -> float | None:
    if quantity.low is None or quantity.low != quantity.high or quantity.bound != "exact":
        return None
    return quantity.low


def _is_total(text: str, quantity: Quantity) -> bool:
    """A total word in the figure's own clause, just before it or just after it."""
    return in_own_clause(_TOTAL, text, quantity, TOTAL_WINDOW, _CLAUSE)


def _paired_place(
    text: str,
    extraction: Extraction,
    quantity: Quantity,
    places: Sequence[tuple[tuple[int, int], str]],
) -> str:
    """"3,419 dead in Turkey and 1,604 in Syria", "in Turkey 3,419 died, in Syria 1,604": as
    many figures of one measure as countries, each country named once, go together in order,
    whether a language names the place before or after its figure; a total among them
    ("bringing the total to 5,023") is no one country's."""
    if quantity.measure == "other":
        return ""
    figures = sorted(
        q.start
        for q in extraction.quantities
        if q.measure == quantity.measure
        and q.sentence_start == quantity.sentence_start
        and not q.incremental
        and q.converts is None
        and not _is_total(text, q)
    )
    countries = [country for _, country in places]
    if len(figures) < 2 or len(figures) != len(countries) or len(set(countries)) != len(countries):
        return ""
    if quantity.start not in figures:
        return ""
    return countries[figures.index(quantity.start)]


def _clause_place(
    text: str, quantity: Quantity, places: Sequence[tuple[tuple[int, int], str]]
) -> str:
    """The nearest place of the figure's own clause; else the nearest place before it (a topic
    named once for several figures: "In Turkey, 3,419 died, 20,534 were injured"); else the
    nearest after it."""
    near = [item for item in places if _same_clause(text, item[0], quantity)]
    # A place after the figure that a number follows is that number's ("in Turchia sono 29.605
    # e in Siria 3.574")
    mine = [item for item in near
            if item[0][0] < quantity.start or not _NUMBER_NEXT.match(text, item[0][1])]
    if mine or near:
        return min(mine or near, key=lambda item: abs(item[0][0] - quantity.start))[1]
    before = [item for item in places if item[0][1] <= quantity.start]
    if before:
        return before[-1][1]
    return places[0][1]


def _sentence_places(
    document: Document,
    extraction: Extraction,
    start: int,
    end: int,
    names: Mapping[str, str] | None,
) -> list[tuple[tuple[int, int], str]]:
    """``((start, end), country)`` of the places a sentence names, in text order: the name
    tagger's place mentions, and country or province names written in any language read that
    no mention covers (the tagger misses "土耳其" and "Turkije")."""
    places = [
        ((mention.start, mention.end), country)
        for mention in extraction.mentions
        if start <= mention.start < end and (country := mention_country(mention, names))
    ]
    taken = [span for span, _ in places]
    for found_start, found_end, country in countries_in(document.text[start:end], document.text):
        span = (start + found_start, start + found_end)
        if not any(span[0] < b and a < span[1] for a, b in taken):
            places.append((span, country))
            taken.append(span)  # a name read two ways ("튀르키예" and "튀르키예와") is one place
    return sorted(places)


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


LEAD_CHARS = 300  # the headline and first sentence: where a report says what it is about


@dataclass(frozen=True)
class ReportPlaces:
    """The countries a report names: how often, and which in its lead."""

    counts: Counter[str]
    lead: frozenset[str]
    # Places the lead joins into one ("quake in Turkey and Syria"): "Syria+Turkey"
    lead_joined: frozenset[str] = frozenset()
    # Countries of the provinces it names, country named or not ("Hatay", "Adıyaman")
    provinces: Counter[str] = field(default_factory=Counter)
    # Per sentence start, the countries whose adjectives the sentence uses ("siriano")
    adjectives: Mapping[int, Counter[str]] = field(default_factory=dict)
    language: str = ""
    # (start, country, start of its sentence) of every place the report names, in text order
    positions: tuple[tuple[int, str, int], ...] = ()


# A figure whose sentence names no place continues the text just before it ("In Syria, the
# ministry counts 1,262 dead. In rebel-held areas, 733 were killed."): when the nearest earlier
# sentence naming one of the event's places, within this many characters, names exactly one,
# that is its place.
CARRY_CHARS = 300
_SENTENCE_END = re.compile(r"[.!?](?=\s)|[。！？\n]")


def _carried_place(report: ReportPlaces, start: int, event_places: set[str]) -> str:
    before = [
        (at, country, opening) for at, country, opening in report.positions
        if start - CARRY_CHARS <= at < start and country in event_places
    ]
    if not before:
        return ""
    nearest = before[-1][2]  # the sentence of the nearest earlier place
    named = {country for _, country, opening in before if opening == nearest}
    return named.pop() if len(named) == 1 else ""


def _sentence_openings(text: str, positions: Sequence[int]) -> list[int]:
    """For each position, where its sentence starts (just after the last stop before it)."""
    stops = [m.end() for m in _SENTENCE_END.finditer(text)]
    return [stops[i - 1] if (i := bisect.bisect_right(stops, at)) else 0 for at in positions]


def report_places(
    document: Document, extraction: Extraction, names: Mapping[str, str] | None = None
) -> ReportPlaces:
    counts: Counter[str] = Counter()
    lead: set[str] = set()
    joined: set[str] = set()
    places = _sentence_places(document, extraction, 0, len(document.text), names)
    for (start, _), country in places:
        counts[country] += 1
        if start < LEAD_CHARS:
            lead.add(country)
    for ((_, a_end), a), ((b_start, _), b) in itertools.pairwise(places):
        if b_start < LEAD_CHARS and a != b and _JOINED.match(document.text[a_end:b_start]):
            joined.add("+".join(sorted((a, b))))
    sentences = {q.sentence_start: q.sentence_end for q in extraction.quantities}
    adjectives = {
        start: demonym_countries_in(document.text[start:end]) for start, end in sentences.items()
    }
    return ReportPlaces(
        counts,
        frozenset(lead),
        frozenset(joined),
        provinces_in(document.text),
        adjectives,
        (document.language or "").split("-")[0].lower(),
        tuple(
            (start, country, opening)
            for ((start, _), country), opening in zip(
                places, _sentence_openings(document.text, [a for (a, _), _ in places]),
                strict=True,
            )
        ),
    )


def _shared_places(per_report: Sequence[Counter[str]]) -> set[str]:
    """The countries at least EVENT_PLACE_SHARE of the reports naming any name."""
    naming = [counts for counts in per_report if counts]
    share: Counter[str] = Counter(country for counts in naming for country in counts)
    return {c for c, n in share.items() if n >= EVENT_PLACE_SHARE * len(naming)}


# A domestic event names provinces, never its country; but province names are often words or
# names elsewhere ("Sofia"), so their country is the event's only when at least this share of
# all its reports, and two or more, name one of its provinces.
PROVINCE_EVENT_SHARE = 0.5


def _province_places(reports: Sequence[ReportPlaces]) -> set[str]:
    share: Counter[str] = Counter(country for r in reports for country in r.provinces)
    return {c for c, n in share.items() if n >= max(2, PROVINCE_EVENT_SHARE * len(reports))}


def fill_event_places(
    claims: Sequence[Claim], reports: Mapping[str, ReportPlaces] | None = None
) -> None:
    """Settle each figure's place within its event (in place); prices and sums of money have
    none.

    The event's places are the countries many of its reports name (or, when none names one,
    the country whose provinces most of them name: a domestic event). A figure keyed by another
    country loses that place. A figure without one takes the event's place when the event has
    one; else the one place whose figures of its kind give the same number within a day; else
    the one place other reports give the figures of other kinds its sentence announces with it
    ("20,665 dead and 80,052 injured", the 80,052 placed in Turkey); else
    the one event place whose adjective its sentence uses ("Syrian"); else the one event place
    the text just before its sentence names (CARRY_CHARS); else the one event place its
    report's lead names, or the places the lead joins ("quake in Turkey
    and Syria kills 5,000": their combined figure); else the event place its report names most;
    else, for a report naming no event place, the event place whose provinces it names most,
    else the one event country whose official language the report is written in;
    with no event places, the place most figures of its kind name."""
    reports = reports or {}
    event_places = _shared_places([r.counts for r in reports.values()]) or _province_places(
        list(reports.values())
    )
    quantities = [
        c
        for c in claims
        if c.kind == "quantity" and c.key.split("|", 1)[0] not in UNPLACED_MEASURES
    ]
    for claim in quantities:
        place = place_of(claim.key)
        if place == NAMED_PLACES:
            report = reports.get(claim.doc_id)
            named_here = set(report.counts) & event_places if report else set()
            place = ALL_PLACES if len(named_here) > 1 else ""
            _set_place(claim, place)
        if place == ALL_PLACES:
            _set_place(claim, "+".join(sorted(event_places)) if len(event_places) > 1 else "")
        elif (
            place and event_places
            and not set(place.split(REGION_MARK)[0].split("+")) <= event_places
        ):
            _set_place(claim, "")
    named: dict[str, Counter[str]] = defaultdict(Counter)
    by_figure: dict[tuple[str, int], list[tuple[str, date]]] = defaultdict(list)
    for claim in quantities:
        if place_of(claim.key):
            named[with_place(claim.key, "")][place_of(claim.key)] += 1
            if (point := _point(claim)) is not None:
                by_figure[(with_place(claim.key, ""), round(point))].append(
                    (place_of(claim.key), _day(claim))
                )
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in quantities:
        by_sentence[(claim.doc_id, claim.sentence_start)].append(claim)
    for claim in quantities:
        if place_of(claim.key):
            continue
        if len(event_places) == 1:
            _set_place(claim, next(iter(event_places)))
            continue
        fitting = _fitting_places(claim, by_figure)
        if len(fitting) == 1:
            _set_place(claim, fitting.pop())
            continue
        # "20,665 dead and 80,052 injured": other reports place the 80,052 injured in Turkey,
        # so the announcement, and its toll, is Turkey's.
        announced = _announced_places(claim, by_sentence[(claim.doc_id, claim.sentence_start)],
                                      by_figure)
        if len(announced) == 1:
            _set_place(claim, announced.pop())
            continue
        report = reports.get(claim.doc_id, ReportPlaces(Counter(), frozenset()))
        # "the Syrian health ministry counts 326 dead": the one event country the sentence's
        # adjectives name.
        adjectives = set(report.adjectives.get(claim.sentence_start, ())) & event_places
        if len(adjectives) == 1:
            _set_place(claim, adjectives.pop())
            continue
        if carried := _carried_place(report, claim.sentence_start, event_places):
            _set_place(claim, carried)
            continue
        lead = sorted(report.lead & event_places)
        if len(lead) == 1 or (lead and "+".join(lead) in report.lead_joined):
            _set_place(claim, "+".join(lead))
            continue
        mine = [c for c in report.counts.most_common() if c[0] in event_places]
        if mine and (len(mine) == 1 or mine[0][1] > mine[1][1]):
            _set_place(claim, mine[0][0])
            continue
        # A domestic report names its provinces, not its country.
        regions = [c for c in report.provinces.most_common() if c[0] in event_places]
        if not mine and regions and (len(regions) == 1 or regions[0][1] > regions[1][1]):
            _set_place(claim, regions[0][0])
            continue
        # A report naming no place at all, in the language of one event country only ("can
        # kaybı 1651" in Turkish about a Turkey-Syria quake), speaks of that country.
        speaking = {c for c in event_places if report.language in official_languages(c)}
        if not mine and not regions and report.language and len(speaking) == 1:
            _set_place(claim, speaking.pop())
            continue
        counts = named.get(with_place(claim.key, ""))
        if counts and not event_places:
            _set_place(claim, max(counts, key=lambda p: (counts[p], p)))


FIT_DAYS = 1  # a placed figure this many days from a bare one can be the same announcement
# Without a day to compare, a figure is the same count as a placed one when it is specific: at
# least this large and not a round number (two reports' "22,168 injured" are one announcement;
# "100 injured" or "3 children" recur for unrelated things).
SPECIFIC_MIN = 20


def _point(claim: Claim) -> float | None:
    return claim.low if claim.low is not None else claim.high


def _day(claim: Claim) -> date | None:
    return day_of(claim.as_of)


def is_specific(point: float) -> bool:
    """A figure precise enough to identify one count: SPECIFIC_MIN or more, a whole number not
    ending in "00"."""
    return point >= SPECIFIC_MIN and float(point).is_integer() and int(point) % 100 != 0


def _fitting_places(
    claim: Claim, by_figure: Mapping[tuple[str, int], list[tuple[str, date | None]]]
) -> set[str]:
    """The places whose figures of the same kind give the same number within FIT_DAYS of this
    one: "5,383 injured" without a place is the figure another report gives for one country.
    When either figure has no day, only a specific number (``is_specific``) fits."""
    point, day = _point(claim), _day(claim)
    if point is None:
        return set()
    key = with_place(claim.key, "")
    return {
        place
        for place, other in by_figure.get((key, round(point)), [])
        if (day is not None and other is not None and abs((other - day).days) <= FIT_DAYS)
        or ((day is None or other is None) and is_specific(point))
    }


def _announced_places(
    claim: Claim, sentence: Sequence[Claim],
    by_figure: Mapping[tuple[str, int], list[tuple[str, date | None]]],
) -> set[str]:
    """The places other reports give the figures announced with this one: the specific figures
    of other kinds in its sentence (an official count comes as a set, "912 dead and 5,385
    injured"), each placed as :func:`_fitting_places` places a bare figure."""
    kind = with_place(claim.key, "")
    places: set[str] = set()
    for other in sentence:
        point = _point(other)
        if with_place(other.key, "") != kind and point is not None and is_specific(point):
            places |= _fitting_places(other, by_figure)
    return places


def _set_place(claim: Claim, place: str) -> None:
    old = place_of(claim.key)
    base = claim.label
    if old and base.endswith(suffix := labelled("", old)):
        base = base[: -len(suffix)]
    claim.key = with_place(claim.key, place)
    claim.label = labelled(base, place)


def labelled(label: str, place: str) -> str:
    if place in (ALL_PLACES, NAMED_PLACES):
        return f"{label} in all places"
    if REGION_MARK in place:
        country, region = place.split(REGION_MARK, 1)
        return f"{label} in {region} ({country})"
    return f"{label} in {place.replace('+', ' and ')}" if place else label
