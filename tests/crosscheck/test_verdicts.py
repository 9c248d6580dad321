"""Verdicts on claims built the way the claims module builds them from real report sentences."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.crosscheck.claims import quantity_claims
from newsprism.crosscheck.propositions import stances
from newsprism.crosscheck.scopes import scope_group
from newsprism.crosscheck.verdicts import (
    compare_statements,
    compare_values,
    compatible,
    conflicting_days,
    judge_values,
)
from newsprism.model import Claim, Document, Extraction, PublicationTime, Quantity


def _claim(doc: str, low, high, as_of, key="killed|all people|", kind="quantity") -> Claim:
    return Claim(
        id=f"{doc}-{low}-{as_of}", doc_id=doc, kind=kind, key=key, label="people killed",
        value=str(low), low=low, high=high, as_of=as_of,
    )


def test_overlapping_intervals_from_two_sources_agree():
    more_than_3000 = _claim("a", 3000, None, "2022-01-07", key="detained|armed opponents|")
    exactly_3100 = _claim("b", 3100, 3100, "2022-01-07", key="detained|armed opponents|")
    verdict, _ = judge_values([more_than_3000, exactly_3100], {"a": "a", "b": "b"})
    assert verdict == "agreed"


def test_a_count_that_rises_over_days_is_updated_not_conflicting():
    day1 = _claim("a", 12, 12, "2024-03-03")
    day3 = _claim("b", 31, 31, "2024-03-05")
    verdict, note = judge_values([day3, day1], {"a": "a", "b": "b"})
    assert verdict == "updated"
    assert "12" in note and "31" in note


def test_a_count_that_its_counter_lowers_later_is_a_revision():
    earlier, later = _claim("a", 40, 40, "2024-03-03"), _claim("b", 25, 25, "2024-03-05")
    groups = {"a": "a", "b": "b"}
    assert judge_values([earlier, later], groups)[0] != "revised"  # one report, no counter named
    earlier.attributed_to = later.attributed_to = "health ministry"
    assert judge_values([earlier, later], groups)[0] == "revised"


def test_incompatible_counts_for_the_same_day_conflict():
    police = _claim("a", 200, 200, "2024-03-04", key="detained|protesters|")
    ngo = _claim("b", 1500, 1500, "2024-03-04", key="detained|protesters|")
    verdict, _ = judge_values([police, ngo], {"a": "a", "b": "b"})
    assert verdict == "conflicting"


def test_a_copy_does_not_make_a_second_source():
    original = _claim("a", 12, 12, "2024-03-03")
    copy = _claim("b", 12, 12, "2024-03-03")
    verdict, _ = judge_values([original, copy], {"a": "wire", "b": "wire"})
    assert verdict == "single-source"
    [comparison] = compare_values("s", [original, copy], {"a": "wire", "b": "wire"})
    assert comparison.independent_sources == 1


def test_updated_series_reports_latest_figure_as_best():
    claims = [_claim("a", 12, 12, "2024-03-03"), _claim("b", 47, 47, "2024-03-07")]
    [comparison] = compare_values("s", claims, {"a": "a", "b": "b"})
    assert (comparison.low, comparison.best, comparison.high) == (12, 47, 47)


@pytest.mark.parametrize(
    ("scope", "group"),
    [
        ("police and military personnel", "security forces"),
        ("security officers", "security forces"),
        ("National Guard servicemen", "security forces"),
        ("armed criminals", "armed opponents"),
        ("rioters", "armed opponents"),
        ("medics", "medics"),
        ("people", "all people"),
        ("", "all people"),
    ],
)
def test_scope_groups(scope: str, group: str):
    assert scope_group(scope) == group


def test_group_counts_on_both_sides_give_a_lower_bound_on_the_total():
    text = "Eighteen security officers were killed. They killed 26 of the armed criminals."
    doc = Document(
        id="d", text=text, published=PublicationTime(value="2022-01-07", source="inferred")
    )
    quantities = [
        Quantity(doc_id="d", start=0, end=8, text="Eighteen", low=18, high=18,
                 measure="killed", scope="security officers"),
        Quantity(doc_id="d", start=57, end=59, text="26", low=26, high=26,
                 measure="killed", scope="armed criminals"),
    ]
    claims = quantity_claims(doc, Extraction(doc_id="d", quantities=quantities))
    [total] = [c for c in claims if c.key == "killed|all people||"]
    assert total.low == 44 and total.high is None
    assert total.as_of == "2022-01-07"


def test_group_counts_on_one_side_only_give_no_total():
    doc = Document(id="d", text="x", published=PublicationTime(value="2022-01-07"))
    quantities = [
        Quantity(doc_id="d", start=0, end=1, text="10", low=10, high=None, bound="more than",
                 measure="injured", scope="medics"),
        Quantity(doc_id="d", start=0, end=1, text="18", low=18, high=18,
                 measure="injured", scope="rioters"),
    ]
    claims = quantity_claims(doc, Extraction(doc_id="d", quantities=quantities))
    assert not [c for c in claims if c.key.startswith("injured|all people")]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("no external forces have anything to do with the unrest", {"foreign_involvement": "no"}),
        ("there is no Western power behind these protests", {"foreign_involvement": "no"}),
        ("the bandits had received extensive training abroad", {"foreign_involvement": "yes"}),
        ("those who seized government offices were terrorist groups", {"terrorism": "yes"}),
        ("the price of fuel doubled overnight", {}),
    ],
)
def test_stances(content: str, expected: dict[str, str]):
    assert stances(content) == expected


def _statement(doc: str, speaker: str, text: str, stance: str = "") -> Claim:
    return Claim(
        id=f"{doc}-{text[:10]}", doc_id=doc, kind="statement", key=f"statement|{speaker}",
        label=speaker, value=text, attributed_to=speaker, stance=stance,
    )


def test_one_speakers_statement_in_two_sources_agrees_and_opposite_stances_are_disputed():
    claims = [
        _statement("a", "Ablyazov", "he was ready to return to Kazakhstan and lead the "
                   "Provisional Government provided that the protest reached the right scale"),
        _statement("b", "Ablyazov", "he intended to return to Kazakhstan and lead an interim "
                   "government if the protests achieve the right kind of coverage"),
        _statement("a", "Ablyazov", "no external forces have anything to do with the unrest",
                   "foreign_involvement=no"),
        _statement("b", "Tokayev", "the bandits had received extensive training abroad",
                   "foreign_involvement=yes"),
    ]
    comparisons = compare_statements("s", claims, {"a": "a", "b": "b"})
    verdicts = sorted((c.verdict, c.label.split(":")[0]) for c in comparisons)
    assert verdicts == [
        ("agreed", "Ablyazov"),
        ("disputed", "foreign forces are behind the unrest"),
    ]


def test_a_subset_count_is_not_a_claim_about_the_total():
    text = "Eighteen security officers were killed in the riots, two of whom were beheaded."
    doc = Document(id="d", text=text, published=PublicationTime(value="2022-01-07"))
    quantities = [
        Quantity(doc_id="d", start=0, end=8, text="Eighteen", low=18, high=18,
                 measure="killed", scope="security officers"),
        Quantity(doc_id="d", start=53, end=56, text="two", low=2, high=2, measure="killed"),
        Quantity(doc_id="d", start=53, end=64, text="two of whom", low=2, high=2,
                 measure="killed"),
    ]
    claims = quantity_claims(doc, Extraction(doc_id="d", quantities=quantities))
    assert [c.value for c in claims] == ["18"]


def test_statements_with_different_figures_are_not_the_same_statement():
    claims = [
        _statement("a", "health ministry", "the number of people killed by the flood rose to 31 "
                   "on Thursday as rescuers recovered bodies"),
        _statement("b", "health ministry", "the number of people killed by the flood has risen "
                   "to 47 after rescuers recovered bodies"),
    ]
    assert compare_statements("s", claims, {"a": "a", "b": "b"}) == []


def test_a_rising_series_with_a_disputed_day_is_updated_and_lists_that_day():
    from newsprism.crosscheck.verdicts import conflicting_days

    groups = {d: d for d in "abcd"}
    claims = [
        _claim("a", 12, 12, "2024-03-03"),
        _claim("b", 154, 154, "2024-03-07"),
        _claim("c", 157, 157, "2024-03-07"),
        _claim("d", 190, 190, "2024-03-20"),
    ]
    verdict, note = judge_values(claims, groups)
    assert verdict == "updated"
    assert "154 vs 157" in note
    [day] = conflicting_days(claims, groups)
    assert day.as_of == "2024-03-07"
    assert day.values == ["154", "157"]
    [comparison] = compare_values("s", claims, groups)
    assert [d.as_of for d in comparison.conflicts] == ["2024-03-07"]


def test_a_stale_figure_repeated_later_is_not_a_revision_but_a_lower_latest_figure_is():
    groups = {d: d for d in "abcd"}
    rising = [
        _claim("a", 10, 10, "2024-03-03"),
        _claim("b", 100, 100, "2024-03-05"),
        _claim("c", 40, 40, "2024-03-06"),  # a background line repeating an old toll
        _claim("d", 135, 135, "2024-03-08"),
    ]
    assert judge_values(rising, groups)[0] == "updated"
    groups.update(e="e", f="f")
    peak = [*rising[:2], _claim("f", 100, 100, "2024-03-05")]  # two sources establish 100
    lone_low = [*peak, _claim("d", 60, 60, "2024-03-08")]
    assert judge_values(lone_low, groups)[0] == "updated"
    falling = [*lone_low, _claim("e", 60, 60, "2024-03-08")]
    assert judge_values(falling, groups)[0] == "revised"
    # a peak only one report gives (a misread figure) is never revised
    misread = [*rising[:1], _claim("b", 2750, 2750, "2024-03-05"),
               _claim("d", 60, 60, "2024-03-08"), _claim("e", 60, 60, "2024-03-08")]
    assert judge_values(misread, groups)[0] == "updated"
    # an open lower bound on the latest day ("at least 20") says nothing against the peak
    open_low = [*lone_low, _claim("e", 20, None, "2024-03-08")]
    assert judge_values(open_low, groups)[0] == "updated"


def test_copies_on_one_day_are_no_conflicting_day():
    from newsprism.crosscheck.verdicts import conflicting_days

    claims = [_claim("a", 154, 154, "2024-03-07"), _claim("b", 157, 157, "2024-03-07")]
    assert conflicting_days(claims, {"a": "wire", "b": "wire"}) == []


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [(3000, 3012, True), (200, 215, True), (200, 240, False), (154, 157, False),
     (5385, 5383, False), (200, 1500, False), (160, 157, False), (47, 47, True),
     (100_000, 95_000, True), (100_000, 80_000, False)],
)
def test_exact_figures_agree_only_within_rounding(a: int, b: int, agree: bool):
    from newsprism.crosscheck.verdicts import compatible

    assert compatible(_claim("a", a, a, "2024-03-07"), _claim("b", b, b, "2024-03-07")) is agree


def test_the_date_of_the_event_in_a_figures_sentence_is_not_its_as_of():
    from newsprism.model import Event

    text = "The dam collapse on March 3 has killed 47 people. On March 5 the toll stood at 31."
    doc = Document(id="d", text=text, published=PublicationTime(value="2026-03-07"))
    extraction = Extraction(
        doc_id="d",
        events=[Event(doc_id="d", start=8, end=16, text="collapse", type="collapse",
                      date="2026-03-03", sentence_start=0, sentence_end=49)],
        quantities=[
            Quantity(doc_id="d", start=39, end=41, text="47", low=47, high=47, measure="killed",
                     as_of="2026-03-03", sentence_start=0, sentence_end=49),
            Quantity(doc_id="d", start=79, end=81, text="31", low=31, high=31, measure="killed",
                     as_of="2026-03-05", sentence_start=50, sentence_end=83),
        ],
    )
    claims = quantity_claims(doc, extraction)
    assert [(c.value, c.as_of) for c in claims] == [("47", "2026-03-07"), ("31", "2026-03-05")]


@pytest.mark.parametrize(
    ("sentence", "purpose"),
    [
        ("The governor put the damage at between $3 billion and $5 billion.", "damage"),
        ("Les dégâts sont estimés à 15 milliards de dollars.", "damage"),
        ("Donors pledged 250 million euros in emergency aid on Sunday.", "aid"),
        ("Die Geberkonferenz sagte Hilfe in Höhe von 250 Millionen Euro zu.", "aid"),
        ("The company was fined 2 million dollars.", ""),
        ("Aid of $5 million will pay for the reconstruction of the damaged school.", ""),
    ],
)
def test_money_purpose(sentence: str, purpose: str):
    from newsprism.crosscheck.claims import money_purpose

    assert money_purpose(sentence) == purpose


def test_sums_of_money_are_compared_only_within_one_purpose():
    text = "Donors pledged 250 million euros in aid. The damage was put at 15 billion euros."
    doc = Document(id="d", text=text, published=PublicationTime(value="2020-08-10"))
    quantities = [
        Quantity(doc_id="d", start=15, end=32, text="250 million euros", low=2.5e8, high=2.5e8,
                 measure="money", unit="euros", normalized_unit="euro", sentence_start=0,
                 sentence_end=40),
        Quantity(doc_id="d", start=63, end=79, text="15 billion euros", low=1.5e10, high=1.5e10,
                 measure="money", unit="euros", normalized_unit="euro", sentence_start=41,
                 sentence_end=80),
    ]
    claims = quantity_claims(doc, Extraction(doc_id="d", quantities=quantities))
    assert [c.key for c in claims] == ["money|aid|euro|", "money|damage|euro|"]


def test_best_is_the_latest_figure_two_sources_give_not_a_late_stray_one():
    groups = {d: d for d in "abcde"}
    claims = [
        _claim("a", 912, 912, "2024-02-06"),
        _claim("b", 3419, 3419, "2024-02-07"),
        _claim("c", 3419, 3419, "2024-02-07"),
        _claim("d", 4, 4, "2024-05-04"),  # a late report's part figure ("4 more bodies")
        _claim("e", 4, 4, "2024-05-04"),  # ... which another report happens to repeat
    ]
    [comparison] = compare_values("s", claims, groups)
    assert comparison.best == 3419
    assert "two independent sources" in comparison.best_rule
    [alone] = compare_values("s", claims[:1] + claims[3:4], groups)
    assert alone.best == 912  # nothing corroborated; a tenth of the peak is a part, not the toll


def test_displaced_residents_are_all_the_displaced_but_killed_civilians_are_a_group():
    from newsprism.crosscheck.scopes import measure_group

    assert measure_group("residents of the city", "displaced") == "all people"
    assert measure_group("civilians", "killed") == "civilians"
    assert measure_group("children", "displaced") == "children"


@pytest.mark.parametrize(("published", "as_of"), [("2026-03-07", "2026-03-07"), (None, None)])
def test_an_event_date_carried_to_a_later_sentence_is_not_the_figures_day(published, as_of):
    from newsprism.model import Event

    text = "The dam collapsed on March 3 near the town. The toll has risen to 47."
    doc = Document(id="d", text=text, published=PublicationTime(value=published))
    extraction = Extraction(
        doc_id="d",
        events=[Event(doc_id="d", start=8, end=17, text="collapsed", type="collapse",
                      date="2026-03-03", sentence_start=0, sentence_end=43)],
        quantities=[
            Quantity(doc_id="d", start=66, end=68, text="47", low=47, high=47, measure="killed",
                     as_of="2026-03-03", sentence_start=44, sentence_end=len(text)),
        ],
    )
    [claim] = quantity_claims(doc, extraction)
    assert claim.as_of == as_of


@pytest.mark.parametrize(
    ("text", "number", "earlier"),
    [
        ("The previous toll was 237, the ministry said.", "237", True),
        ("Il precedente bilancio parlava di 237 morti.", "237", True),
        ("Ранее сообщалось о 237 погибших.", "237", True),
        ("The toll rose to 312 on Tuesday.", "312", False),
        ("トルコと隣国シリアで合わせて3100人を超えました。", "3100", False),
    ],
)
def test_an_earlier_figure_holds_for_no_stated_day(text: str, number: str, earlier: bool):
    doc = Document(id="d", text=text, published=PublicationTime(value="2026-03-07"))
    at = text.index(number)
    value = float(number)
    quantity = Quantity(doc_id="d", start=at, end=at + len(number), text=number, low=value,
                        high=value, measure="killed", as_of="2026-03-07", sentence_start=0,
                        sentence_end=len(text))
    [claim] = quantity_claims(doc, Extraction(doc_id="d", quantities=[quantity]))
    assert claim.as_of == (None if earlier else "2026-03-07")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.sampled_from(
    [0, 1, 3, 150, 152, 154, 200, 240, 300, 1000, 1012, 3000, 3400, 10_000, 12_000]
)), max_size=25))
def test_corroborated_among_is_the_pairwise_rule(figures: list[tuple[int, int]]) -> None:
    """The sorted search finds exactly the claims the pairwise definition corroborates: another
    independent source's figure within the larger rounding slack of the two, or within the
    relative tolerance of the claim's own figure."""
    from newsprism.crosscheck.verdicts import (
        RELATIVE_TOLERANCE,
        _corroborated_among,
        rounding_slack,
    )

    claims = [_claim(f"d{k}", value, value, None) for k, (_, value) in enumerate(figures)]
    groups = {f"d{k}": f"g{group}" for k, (group, _) in enumerate(figures)}

    def pairwise(claim: Claim) -> bool:
        point = claim.low
        return any(
            groups[other.doc_id] != groups[claim.doc_id]
            and abs(other.low - point) <= max(rounding_slack(point), rounding_slack(other.low),
                                              RELATIVE_TOLERANCE * abs(point))
            for other in claims
        )

    expected = [c for c in claims if pairwise(c)]
    assert _corroborated_among(claims, groups) == expected


def _injured(doc: str, low: float, high: float | None, counter: str = "") -> Claim:
    claim = _claim(doc, low, high, "2024-03-04", key="injured|all people|")
    claim.id = f"{doc}-{low}-{counter}"
    claim.attributed_to = counter
    return claim


def test_one_report_quoting_two_counters_gives_two_sources_figures():
    # "The minister said about 3,000 were injured; the Red Cross spoke of 2,200."
    minister = _injured("a", 2500, 3500, "the health minister")
    red_cross = _injured("a", 2200, 2200, "the Red Cross")
    assert judge_values([minister, red_cross, _injured("b", 3000, 3500)], {})[0] == "conflicting"
    [day] = conflicting_days([minister, red_cross], {})
    assert set(day.claim_ids) == {minister.id, red_cross.id}


def test_figures_one_report_does_not_attribute_are_its_own_not_rival_counts():
    # "2,200 were taken to hospitals ... in all about 3,000 were injured": one report's figure
    own = [_injured("a", 2200, 2200), _injured("a", 2500, 3500, "the health minister")]
    assert conflicting_days(own, {}) == []


@pytest.mark.parametrize(("low", "conflicts"), [(1262, True), (1200, False)])
def test_a_hedged_precise_count_on_a_day_is_that_count(low: float, conflicts: bool):
    # "at least 1,262 dead" vs "1,435 dead" on one day: two counts; "at least 1,200" is a range
    hedged = _claim("a", low, None, "2024-03-04")
    other = _claim("b", 1435, 1435, "2024-03-04")
    assert bool(conflicting_days([hedged, other], {})) is conflicts
    assert (judge_values([hedged, other], {})[0] == "conflicting") is conflicts


def _undated(doc: str, low: float, counter: str = "") -> Claim:
    claim = _injured(doc, low, low, counter)
    claim.as_of = None
    return claim


def test_one_reports_undated_figures_from_two_named_counters_clash():
    # "The minister spoke of 3,000 injured; the Red Cross counted 2,240", no day given
    minister, red_cross = _undated("a", 3000, "the minister"), _undated("a", 2240, "Red Cross")
    [day] = conflicting_days([minister, red_cross], {})
    assert day.as_of == "" and set(day.claim_ids) == {minister.id, red_cross.id}


@pytest.mark.parametrize(
    "claims",
    [
        # one report's own figures, or one counter's
        [_undated("a", 3000), _undated("a", 2240)],
        [_undated("a", 3000, "the minister"), _undated("a", 2240)],
        [_undated("a", 3000, "the minister"), _undated("a", 2240, "The  Minister")],
        # two reports: undated figures of two reports may be of two moments
        [_undated("a", 3000, "the minister"), _undated("b", 2240, "Red Cross")],
        # agreeing figures
        [_undated("a", 3000, "the minister"), _undated("a", 3010, "Red Cross")],
    ],
)
def test_undated_figures_clash_only_within_one_report_between_named_counters(claims):
    assert conflicting_days(claims, {}) == []


def test_a_close_bound_clashes_with_a_figure_well_above_it():
    # "just over 190" (190 to 209) and 218 on one day; "more than 190" holds 218
    just_over = _claim("a", 190, 209, "2024-03-04")
    more_than = _claim("c", 190, None, "2024-03-04")
    other = _claim("b", 218, 218, "2024-03-04")
    assert not compatible(just_over, other) and compatible(more_than, other)
    assert conflicting_days([just_over, other], {})


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=10**6),
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from(["a", "b"]),
    st.sampled_from(["", "Red Cross"]),
)
def test_undated_clashes_need_one_report_two_named_counters_and_incompatible_figures(
    first: int, second: int, second_doc: str, second_counter: str
):
    a, b = _undated("a", first, "the minister"), _undated(second_doc, second, second_counter)
    b.id += "-b"
    expected = second_doc == "a" and bool(second_counter) and not compatible(a, b)
    assert bool(conflicting_days([a, b], {})) is expected
