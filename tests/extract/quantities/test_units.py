"""Units, written numbers and changes (issue 17): the unit table, values in news text, and the
direction of a change, on sentences written by the team."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from newsprism.extract import make_doc
from newsprism.extract.quantities.numbers import parse_digits, parse_fraction, split_glued
from newsprism.extract.quantities.units import (
    dimension,
    lookup,
    lookup_prefix,
    lookup_text,
    table,
)
from newsprism.model import Document, Quantity

SHARED = Path(__file__).resolve().parents[4] / "shared" / "bench-data" / "cqe-small"


def quantities(nlp, text: str) -> list[Quantity]:
    doc = nlp(make_doc(nlp, Document(id="t", text=text)))
    return list(doc._.quantities)


def summary(nlp, text: str) -> list[tuple[float | None, float | None, str, str]]:
    """(low, high, unit, change) per quantity; a count shows its counted noun."""
    return [
        (q.low, q.high, q.normalized_unit if q.normalized_unit != "-" else f"-{q.item}",
         q.change)
        for q in quantities(nlp, text)
    ]


def test_units_table_is_one_data_file_with_known_dimensions() -> None:
    data = json.loads(resources.files("newsprism.data").joinpath("units.json").read_text())
    assert len(data["units"]) > 150
    dimensions = {entry["dimension"] for entry in data["units"].values()}
    assert {"currency", "percent", "time", "length", "mass", "volume", "area", "speed",
            "temperature", "data", "energy"} <= dimensions
    # every form points back at a unit of the file
    assert {name for name, _ in table().forms.values()} <= set(table().dimension)


@pytest.mark.parametrize(
    ("form", "name"),
    [
        ("kilometres per hour", "kilometre per hour"), ("square metres", "square metre"),
        ("km2", "square kilometre"), ("sq ft", "square foot"), ("cubic feet", "cubic foot"),
        ("degrees celsius", "celsius"), ("tonnes", "metric ton"), ("lbs", "pound-mass"),
        ("percentage points", "percentage"), ("hong kong dollars", "hong kong dollar"),
        ("per annum", None), ("annum", "year"), ("inches", "inch"), ("megabytes", "megabyte"),
    ],
)
def test_units_forms_and_derived_plurals(form: str, name: str | None) -> None:
    found = lookup(form)
    assert (found[0] if found else None) == name


def test_units_symbols_keep_their_case() -> None:
    assert lookup_text("MB") == ("megabyte", "physical")
    assert lookup_text("Mb") == ("megabit", "physical")
    assert lookup_text("°C")[0] == "celsius"
    # a one-letter symbol only in its own case: "l" and "L" are litres, "b" is nothing
    assert lookup_text("b") is None
    assert dimension("square kilometre") == "area"


def test_units_prefixes_need_capitals_unless_the_sentence_is_lower_case() -> None:
    assert lookup_prefix("GBP") == ("pound sterling", "currency")
    assert lookup_prefix("gbp") is None
    assert lookup_prefix("gbp", lowercase_sentence=True) == ("pound sterling", "currency")
    assert lookup_prefix("C$")[0] == "canadian dollar"
    assert lookup_prefix("try") is None  # "try 5 times" is no Turkish lira


def test_numbers_fractions_glued_tokens_and_indian_grouping() -> None:
    assert parse_fraction("3/4") == 0.75
    assert parse_fraction("½") == 0.5
    assert parse_fraction("9/11") is None and parse_fraction("24/7") is None
    assert split_glued("200lbs") == ("", "200", "lbs")
    assert split_glued("USD115") == ("USD", "115", "")
    assert split_glued("3,000") is None
    assert parse_digits("12,34,567.89") == 1234567.89
    assert parse_digits("−4") == -4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fund lost half a million dollars and a quarter million euros in the scandal.",
         [(5e5, 5e5, "dollar", "="), (2.5e5, 2.5e5, "euro", "=")]),
        ("Dealers bought three quarters billion yen of the bonds.",
         [(7.5e8, 7.5e8, "japanese yen", "=")]),
        ("The pipe is 10 1/2 inches wide and the plate 7 3/4 millimetres thick.",
         [(10.5, 10.5, "inch", "="), (7.75, 7.75, "millimetre", "=")]),
        ("Between 4 and 6 tugs and 3-5% of the fleet were idle.",
         [(4, 6, "-tug", "="), (3, 5, "percentage", "=")]),
        ("The mast is 1.8m tall, the prize £5m and the crane 48 m high.",
         [(1.8, 1.8, "metre", "="), (5e6, 5e6, "pound sterling", "="), (48, 48, "metre", "=")]),
        ("The quota is 25 lakh tonnes.", [(2.5e6, 2.5e6, "metric ton", "=")]),
        ("Parcels over 200lbs cost USD115 extra.",
         [(200, None, "pound-mass", ">"), (115, 115, "dollar", "=")]),
        ("Night frost reached -12C on the pass.", [(-12, -12, "celsius", "=")]),
        ("The repairs cost about $300m.", [(3e8, 3e8, "dollar", "~")]),
        ("It only cost thirteen dollars and forty-five cents.",
         [(13.45, 13.45, "dollar", "=")]),
    ],
)
def test_quantities_values_in_news_text(nlp, text: str, expected: list) -> None:
    assert summary(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The calf was ten months old and the foal 6 weeks of age.",
         [(10, 10, "month of age", "="), (6, 6, "week of age", "=")]),
        ("The riders, aged between 18 and 25, were unhurt.", [(18, 25, "year of age", "=")]),
        ("A 4-day-old lamb and a 90-year-old mill survived.",
         [(4, 4, "day of age", "="), (90, 90, "year of age", "=")]),
        ("Inland it was 41 degrees Fahrenheit and 85°F on the coast, 20 °C at sea.",
         [(41, 41, "fahrenheit", "="), (85, 85, "fahrenheit", "="), (20, 20, "celsius", "=")]),
        ("The drive shaft turns 30 degrees at each step.", [(30, 30, "degree", "=")]),
        ("The newborn weighs two pounds, and the ticket costs 3 pounds.",
         [(2, 2, "pound-mass", "="), (3, 3, "pound sterling", "=")]),
        ("Winds of 120 km/h and 40 mph hit the 12-square-kilometre island.",
         [(120, 120, "kilometre per hour", "="), (40, 40, "mile per hour", "="),
          (12, 12, "square kilometre", "=")]),
        ("The mill offered C$ 16 a share and HK$ 10 in cash.",
         [(16, 16, "canadian dollar", "="), (10, 10, "hong kong dollar", "=")]),
        ("The backup holds 500 GB and the link runs at 100 Mbps.",
         [(500, 500, "gigabyte", "="), (100, 100, "megabit per second", "=")]),
    ],
)
def test_quantities_units_normalised(nlp, text: str, expected: list) -> None:
    assert summary(nlp, text) == expected


def test_quantities_count_keeps_its_noun_as_item(nlp) -> None:
    (q,) = quantities(nlp, "Rescuers found 14 survivors in the rubble.")
    assert (q.low, q.normalized_unit, q.item, q.unit) == (14, "-", "survivor", "survivors")


def test_quantities_rate_after_a_count(nlp) -> None:
    (q,) = quantities(nlp, "The delta has 450 people per square kilometre.")
    assert (q.low, q.item, q.per) == (450, "people", "square kilometre")


def test_quantities_rate_after_a_price(nlp) -> None:
    (q,) = quantities(nlp, "Bidders offered $70 a share for the mill.")
    assert (q.low, q.normalized_unit, q.per) == (70, "dollar", "share")
    (q,) = quantities(nlp, "Bread cost 300 drams a month ago.")
    assert q.per == ""  # "a month ago" says when, not per what


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of the shipyard were up 5% while the index was down 34 points.",
         [(5, 5, "percentage", "up"), (34, 34, "point", "down")]),
        ("The board reported a 12% increase in orders and a drop of 300 bookings.",
         [(12, 12, "percentage", "up"), (300, 300, "-booking", "down")]),
        ("Exports edged up 2.5 percent and imports went down 1.2 percent.",
         [(2.5, 2.5, "percentage", "up"), (1.2, 1.2, "percentage", "down")]),
        ("Turnover rose 6.2% to $1.45 billion.",
         [(6.2, 6.2, "percentage", "up"), (1.45e9, 1.45e9, "dollar", "=")]),
        ("The lake rose by 3 metres in 24 hours.",
         [(3, 3, "metre", "up"), (24, 24, "hour", "=")]),
        ("The co-op posted a loss of $41 million and shares lost 3%.",
         [(41e6, 41e6, "dollar", "="), (3, 3, "percentage", "down")]),
        ("Police rounded up 230 looters.", [(230, 230, "-looter", "=")]),
        ("The mill cut 1,200 jobs.", [(1200, 1200, "-job", "=")]),
        ("Gunners shot down 17 of the 20 drones.",
         [(17, 17, "-drone", "="), (20, 20, "-drone", "=")]),
        ("Around 70 per cent of the valley lost power after a 14-hour storm.",
         [(70, 70, "percentage", "~"), (14, 14, "hour", "=")]),
        ("Rates will rise by a quarter of a percentage point.",
         [(0.25, 0.25, "percentage", "up")]),
        ("Patrols increased by 200 to 1,400.", [(200, 200, "-", "up"), (1400, 1400, "-", "=")]),
        ("Fares ranged from 10 to 20 dollars.", [(10, 20, "dollar", "=")]),
        ("Nearly 600 tonnes arrived, 50 or more trucks waited and at most 12 were refused.",
         [(600, 600, "metric ton", "~"), (50, None, "-truck", ">"), (None, 12, "-", "<")]),
    ],
)
def test_quantities_change_direction(nlp, text: str, expected: list) -> None:
    assert summary(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Boeing 737 landed in Hall 3 after the G7 talks on COVID-19.",
        "Call +44 20 7946 0958 or 555-0199 for details.",
        "The 9/11 hearings ran 24/7 in the 1990s.",
        "Deliveries go to 123 Harbour Street.",
        "Her third attempt came in the first quarter.",
        "The road was closed between exits 12 and 15.",
    ],
)
def test_quantities_labels_are_not_amounts(nlp, text: str) -> None:
    assert quantities(nlp, text) == []


def test_quantities_thousands_written_with_a_space_after_the_comma(nlp) -> None:
    # a tokenised source writes "12, 000"; a group not starting with 0 may be a list
    assert summary(nlp, "Roughly 12, 000 fans and 1, 000, 000 viewers saw the final.") == [
        (12000, 12000, "-fan", "~"), (1e6, 1e6, "-viewer", "=")]
    assert [q.low for q in quantities(nlp, "On day 4, 250 marchers reached the coast.")] == [
        4, 250]


def test_quantities_currency_codes_with_a_scale_letter(nlp) -> None:
    assert summary(nlp, "The port authority booked 14.5 MEUR of dredging costs.")[0][:3] == (
        14.5e6, 14.5e6, "euro")
    assert summary(nlp, "Its surplus reached MNOK 230 in the spring.")[0][:3] == (
        230e6, 230e6, "norwegian krone")
    assert summary(nlp, "The grant was worth 40 kUSD.")[0][:3] == (4e4, 4e4, "dollar")


def test_quantities_number_glued_to_a_unit_is_not_an_ordinal(nlp) -> None:
    # the small model may tag "330ml" as an ORDINAL
    assert summary(nlp, "Vendors sold each 330ml can for a dollar.")[0][:3] == (
        330, 330, "millilitre")


def test_quantities_amount_inside_a_name_the_model_overran(nlp) -> None:
    found = summary(nlp, "harbor district, wash.- - $ 12 million of revenue notes were sold.")
    assert found[0][:3] == (12e6, 12e6, "dollar")


def test_quantities_count_after_a_name(nlp) -> None:
    assert summary(nlp, "She phoned Marta 4 times that night.")[0][:3] == (4, 4, "count")


def test_quantities_one_before_a_unit_is_not_a_pronoun(nlp) -> None:
    assert summary(nlp, "The council scrapped its one-euro fare.")[0][:3] == (1, 1, "euro")


def test_quantities_generic_one_is_a_pronoun(nlp) -> None:
    assert quantities(nlp, "From the ridge, one can see the border post.") == []
    assert [q.low for q in quantities(nlp, "Only one can stay.")] == [1]


def test_quantities_inches_after_feet(nlp) -> None:
    assert [(q.low, q.normalized_unit) for q in quantities(
        nlp, "The goalkeeper stands 6 ft 4 in tall.")] == [(6, "foot"), (4, "inch")]
    assert [q.low for q in quantities(nlp, "Police arrested 5 in Leeds.")] == [5]


def test_quantities_rate_after_what_a_unit_measures(nlp) -> None:
    (q,) = quantities(nlp, "The refinery processes 80,000 barrels of crude a day.")
    assert (q.low, q.normalized_unit, q.per) == (80000, "barrel", "day")
    (q,) = quantities(nlp, "The smelter ships 12,000 tonnes of zinc per year.")
    assert (q.normalized_unit, q.per) == ("metric ton", "year")


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/bench-data/cqe-small")
def test_quantities_cqe_small_floor(nlp) -> None:
    """The development sets of the CQE evaluation stay above the figures reached (read at run
    time from ../shared, never copied here)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
    from quantities import FileScore, score_file  # type: ignore[import-not-found]

    total = FileScore(name="total")
    for path in sorted(SHARED.glob("*.json")):
        total.add(score_file(path))
    figures = total.figures()
    assert figures["value_f1"] >= 0.93  # 0.941 when written (second round)
    assert figures["value_unit_f1"] >= 0.88  # 0.898 when written (second round)


def test_quantities_spaced_minus_before_a_temperature(nlp) -> None:
    assert summary(nlp, "Overnight lows of - 15 degrees Celsius froze the pipes.") == [
        (-15, -15, "celsius", "=")]
    assert summary(nlp, "Highs ranged from 10 - 20 degrees Celsius.")[0][:2] == (10, 20)
