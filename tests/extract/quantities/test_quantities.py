"""Quantities: values, bounds, units, measures and scopes on crisis-news sentences."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.extract import make_doc
from newsprism.extract.quantities.atoms import CLOSE_SHARE, close_interval
from newsprism.extract.quantities.measures import GKG_TYPE, MEASURES
from newsprism.extract.quantities.numbers import european_style, parse_digits, parse_words
from newsprism.model import Document, PublicationTime, Quantity


def quantities(nlp, text: str) -> list[Quantity]:
    doc = nlp(make_doc(nlp, Document(id="t", text=text)))
    return list(doc._.quantities)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["two", "hundred", "and", "fifty"], 250),
        (["4.5", "thousand"], 4500),
        (["twenty", "-", "five"], 25),
        (["a", "dozen"], 12),
        (["1.2", "million"], 1.2e6),
    ],
)
def test_numbers_parse_words(words: list[str], value: float) -> None:
    assert parse_words(words) == pytest.approx(value)


def test_numbers_parse_digits_styles() -> None:
    assert parse_digits("3,000") == 3000
    assert parse_digits("2.030") == pytest.approx(2.03)
    assert parse_digits("2.030", european=True) == 2030
    assert parse_digits("6bn") == 6e9
    assert european_style("Se detuvo a 2.030 personas y 4,5 millones")
    assert not european_style("More than 3,000 were held, 4.5 thousand hurt")


def test_measures_table_maps_gkg_types() -> None:
    assert GKG_TYPE["killed"] == "KILL"
    assert GKG_TYPE["detained"] == "ARREST"
    assert {m.name for m in MEASURES} >= {"price", "money", "troops", "age", "duration", "other"}


@pytest.mark.parametrize(
    ("text", "low", "high", "bound", "measure", "scope"),
    [
        ("Eighteen security officers were killed in the riots.", 18, 18, "exact", "killed",
         "security officers"),
        ("Police reported the detention of more than 3,000 rioters.", 3000, None, "more than",
         "detained", "rioters"),
        ("They killed 26 of the armed criminals.", 26, 26, "exact", "killed", "armed criminals"),
        ("At least 40 protesters were wounded near the square.", 40, None, "at least",
         "injured", "protesters"),
        ("Officials said up to 500 residents had fled the district.", None, 500, "up to",
         "displaced", "residents"),
        ("Some 2,500 peacekeepers were deployed to the capital.", 2500, 2500, "about", "troops",
         "peacekeepers"),
        ("Between 10 and 20 journalists were arrested on Friday.", 10, 20, "exact", "detained",
         "journalists"),
        ("Three aid workers were abducted by gunmen.", 3, 3, "exact", "kidnapped",
         "aid workers"),
        ("Nearly two dozen miners remain missing after the blast.", 24, 24, "about", "missing",
         "miners"),
    ],
)
def test_quantities_casualty_figures(nlp, text, low, high, bound, measure, scope) -> None:
    found = [q for q in quantities(nlp, text) if q.measure == measure]
    assert found, quantities(nlp, text)
    q = found[0]
    assert (q.low, q.high, q.bound) == (low, high, bound)
    assert q.scope == scope


def test_quantities_suffered_reads_as_injured(nlp) -> None:
    text = "As a result of the clashes suffered more than 300 people, another 12 died."
    qs = quantities(nlp, text)
    assert [(q.low, q.measure, q.incremental) for q in qs] == [
        (300, "injured", False), (12, "killed", True)
    ]


def test_quantities_price_change_with_conversion(nlp) -> None:
    text = "Fuel went from 50 KZT (8 rubles) to 90 KZT (15 rubles) per litre."
    qs = quantities(nlp, text)
    assert len(qs) == 2
    tenge, rubles = qs
    assert (tenge.low, tenge.from_low, tenge.change, tenge.normalized_unit) == (
        90, 50, "up", "kazakhstani tenge"
    )
    assert tenge.measure == rubles.measure == "price"
    assert tenge.per == rubles.per == "litre"
    assert (rubles.low, rubles.from_low, rubles.converts) == (15, 8, 0)


def test_quantities_money_and_percent(nlp) -> None:
    qs = quantities(nlp, "The government pledged $6 billion after inflation rose by 12% in May.")
    assert [(q.low, q.normalized_unit, q.measure, q.change) for q in qs] == [
        (6e9, "dollar", "money", "="), (12, "percentage", "other", "up")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The protests began on January 2, 2022 at 10:30 in the square.",
        "Under Article 212 of the criminal code, he faces charges.",
        "Call the hotline at 555-0199 for information.",
        "It was the second day of the strike in 2021.",
    ],
)
def test_quantities_skip_dates_numbering_and_phones(nlp, text: str) -> None:
    assert quantities(nlp, text) == []


def test_quantities_age_and_negation(nlp) -> None:
    qs = quantities(nlp, "A 26-year-old woman died. Police denied reports of 30 deaths.")
    assert qs[0].measure == "age"
    assert qs[1].measure == "killed" and qs[1].negated


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("The inquiry into the dam collapse has so far led to 21 arrests in Vostrana.", "detained"),
        ("Monitors documented 12 killings in the northern districts last month.", "killed"),
        ("The militia was blamed for 40 abductions along the Tarvel highway.", "kidnapped"),
    ],
)
def test_quantities_counted_acts_say_the_measure(nlp, text: str, measure: str) -> None:
    # each arrest, killing or abduction befalls one person: the count is of people
    assert [q.measure for q in quantities(nlp, text)] == [measure]


def test_quantities_attribution_and_as_of(nlp) -> None:
    text = "On 7 March 2024, the Health Ministry said 14 medics were injured in Vostrana."
    q = quantities(nlp, text)[0]
    assert q.attributed_to == "the Health Ministry" or "Health Ministry" in q.attributed_to
    assert q.as_of == "2024-03-07"


@pytest.mark.parametrize(
    ("text", "published", "as_of"),
    [
        ("The earthquake is deadlier than the 2011 earthquake that triggered a tsunami and "
         "killed more than 18,400 people.", "2023-02-09", "2011"),
        ("The 1999 earthquake in Izmit killed more than 17,000 people.", "2023-02-09", "1999"),
        ("The 1999 earthquake in Izmit killed more than 17,000 people.", None, "1999"),
        # not the figure's subject: the figure is of now
        ("Since 2011, more than 400,000 people have been killed in the war.", "2023-02-09",
         "2023-02-09"),
        # a year not before the publication's says nothing of history
        ("The 2023 earthquake has killed more than 17,000 people.", "2023-02-09",
         "2023-02-09"),
    ],
)
def test_a_figure_of_an_earlier_event_named_by_its_year_is_as_of_that_year(
    nlp, text: str, published: str | None, as_of: str
) -> None:
    document = Document(id="t", text=text, published=PublicationTime(value=published))
    doc = nlp(make_doc(nlp, document))
    [figure] = [q for q in doc._.quantities if q.measure == "killed"]
    assert figure.as_of == as_of


def seed_matches(item: dict, q: Quantity) -> bool:
    """Value (or the interval's bound, or the change's end points), measure and scope words."""
    if q.measure != item["measure"]:
        return False
    if "to" in item:
        ok = q.low == item["to"] and q.from_low == item["from"]
    elif "low" in item:
        ok = q.low == item["low"] and q.bound == item["bound"]
    else:
        ok = q.low == q.high == item["value"]
    scope = item.get("scope", "total")
    if scope == "total":
        return ok and q.scope == ""
    return ok and bool(set(scope.lower().split()) & set(q.scope.lower().split()))


def test_quantities_seed_gold(nlp, seed_texts, seeds_dir) -> None:
    """Every gold quantity of the seed articles is found with its measure, bound and scope."""
    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))["documents"]
    for doc_id, text in seed_texts.items():
        qs = quantities(nlp, text)
        for item in gold[doc_id]["quantities"]:
            assert any(seed_matches(item, q) for q in qs), (doc_id, item)


def test_quantities_hyphenated_duration_and_homeless(nlp) -> None:
    qs = quantities(nlp, "After a 12-hour standoff, the quake left 5,400 homeless.")
    assert [(q.low, q.normalized_unit, q.item, q.measure) for q in qs] == [
        (12, "hour", "", "duration"), (5400, "-", "people", "displaced")
    ]


def test_quantities_two_written_units_are_two_quantities(nlp) -> None:
    qs = quantities(nlp, "Turnout fell 8 percentage points to 41 percent.")
    assert [(q.low, q.high, q.change) for q in qs] == [(8, 8, "down"), (41, 41, "=")]


def test_quantities_things_are_not_casualties(nlp) -> None:
    qs = quantities(nlp, "The blog listed three ways the riot police detained 40 marchers.")
    assert [(q.low, q.measure) for q in qs] == [(3, "other"), (40, "detained")]


def test_quantities_half_a_million_not_half(nlp) -> None:
    qs = quantities(nlp, "Nearly half a million people marched; less than half of them were hurt.")
    assert [q.low for q in qs] == [500000]


def test_quantities_attributed_to_quote_speaker(nlp) -> None:
    from newsprism.extract.quantities.component import find_quantities
    from newsprism.model import Quote

    text = "Officials spoke. 225 dead were delivered to the mortuaries, the prosecutor said."
    doc = nlp(make_doc(nlp, Document(id="t", text=text)))
    start = text.index("225")
    end = text.index(", the prosecutor")
    doc._.quotes = [Quote(doc_id="t", start=start, end=end, text=text[start:end],
                          kind="indirect", speaker="Serik Shelbayev")]
    q = find_quantities(doc)[0]
    assert (q.low, q.measure, q.attributed_to) == (225, "killed", "Serik Shelbayev")


def test_quantities_appositive_age_is_not_a_count(nlp) -> None:
    qs = quantities(nlp, "The death of Arlen Voss, 43, sparked protests in the city.")
    assert [(q.low, q.measure) for q in qs] == [(43, "age")]


def test_quantities_pay_is_money_and_per_thing_is_price(nlp) -> None:
    qs = quantities(nlp, "Dockers earn $12 an hour, while coal sells for $50 a ton.")
    assert [(q.low, q.measure, q.per) for q in qs] == [
        (12, "money", "hour"), (50, "price", "ton")
    ]


def test_quantities_counts_of_circumstances_take_no_casualty_measure(nlp) -> None:
    text = "Three people were wounded by 4 gunmen in 2 attacks; the home side won 3-0."
    qs = quantities(nlp, text)
    assert [(q.low, q.measure) for q in qs] == [(3, "injured"), (4, "other"), (2, "other")]


def test_quantities_a_lower_figure_after_a_dash_is_a_part_not_a_range(nlp) -> None:
    text = ("By Tuesday evening the flood's death toll had reached 1,234 – 1,000 in the north "
            "and 234 in the south. Between 200 – 300 people were injured.")
    qs = quantities(nlp, text)
    assert [(q.low, q.high) for q in qs if q.measure in ("killed", "injured")] == [
        (1234, 1234), (1000, 1000), (200, 300)
    ]


# Written for this test: numbers in the forms the token scan must not skip (digits, words,
# vague counts, "a dozen", phone numbers, signed figures, ordinals and years in between).
SCAN_TEXT = (
    "Dozens of families fled on the 3rd day; a dozen more left after two hundred and fifty "
    "homes flooded. Officials said 1,200 people were evacuated and another 40 were missing, "
    "up from thirty-five in 2023. The hotline +44 20 7946 0958 took thousands of calls. "
    "Prices rose by 4.5% to $6bn, while minus 3 degrees froze the roads for 12 hours."
)


def test_quantities_token_scan_skips_nothing_that_can_start_a_number(nlp) -> None:
    from newsprism.extract.quantities.atoms import (
        _blocked_tokens,
        _find_atoms,
        _number_start_tokens,
    )

    doc = nlp(make_doc(nlp, Document(id="scan", text=SCAN_TEXT)))
    blocked = _blocked_tokens(doc)
    starts = _number_start_tokens(doc)
    assert {doc[i].text for i in starts} >= {"Dozens", "dozen", "two", "1,200", "40", "+44"}
    for sent in doc.sents:
        full = _find_atoms(doc, SCAN_TEXT, sent, blocked, False)
        skipping = _find_atoms(doc, SCAN_TEXT, sent, blocked, False, starts)
        assert [(a.start, a.end, a.value, a.unit) for a in skipping] == [
            (a.start, a.end, a.value, a.unit) for a in full
        ]
    assert any(q.low == 1200 for q in doc._.quantities)


@pytest.mark.parametrize(
    ("text", "low", "high", "bound"),
    [
        # a close hedge: near the number, not open-ended
        ("Officials have put the toll at just more than 310 dead.", 310, 341, "more than"),
        ("Just over 4,000 people were injured.", 4000, 4400, "more than"),
        ("Slightly fewer than 600 people were arrested.", 540, 600, "less than"),
        # an open hedge stays open
        ("More than 4,000 people were injured.", 4000, None, "more than"),
    ],
)
def test_quantities_a_close_bound_is_a_bounded_interval(nlp, text, low, high, bound) -> None:
    [q] = [q for q in quantities(nlp, text) if q.measure != "other"]
    assert (q.low, q.high, q.bound) == (low, high, bound)


@given(st.integers(min_value=1, max_value=10**7), st.sampled_from(["more than", "less than"]))
def test_close_interval_holds_its_number_and_stays_near_it(value: int, bound: str) -> None:
    low, high = close_interval(float(value), bound)
    assert low is not None and high is not None
    assert low <= value <= high
    assert high - low <= CLOSE_SHARE * value + 1e-6
    assert (low == value) is (bound == "more than")
