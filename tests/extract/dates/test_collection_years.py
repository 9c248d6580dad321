"""A weekday-date pair's year taken from the collection's dated articles."""

from __future__ import annotations

from newsprism.extract.dates.collection_years import WEEKDAY_PAIR_RULE, year_from_collection
from newsprism.model import Evidence, PublicationTime

PAIR = f"{WEEKDAY_PAIR_RULE}: Saturday, March 7 falls on a Saturday in 1992"


def _inferred(value: str, rule: str = PAIR) -> PublicationTime:
    return PublicationTime(
        value=value, source="inferred", confidence=0.9, not_before=value, not_after="1992-03-08",
        evidence=[Evidence("d", 0, 20, "On Saturday, March 7, ...", rule)], partial="XXXX-03-07",
    )  # fmt: skip


def test_a_weekday_pair_year_moves_to_the_collection_year_that_fits_it():
    aligned = year_from_collection(_inferred("1992-03-07"), {2026, 2025})
    assert aligned is not None
    assert (aligned.value, aligned.not_before, aligned.not_after) == (
        "2026-03-07", "2026-03-07", "2026-03-08"
    )
    assert "2026" in aligned.evidence[-1].rule and aligned.evidence[0].text  # old evidence kept


def test_nothing_moves_without_a_fitting_year_or_a_weekday_pair():
    assert year_from_collection(_inferred("1992-03-07"), {2025}) is None  # 7 March 2025: Friday
    assert year_from_collection(_inferred("1992-03-07"), {1992, 2026}) is None  # already fits
    assert year_from_collection(_inferred("1992-03-07", "latest full date: ..."), {2026}) is None
    given = PublicationTime(value="1992-03-07", source="metadata")
    assert year_from_collection(given, {2026}) is None


def test_an_inferred_year_far_from_the_collection_is_taken_for_history():
    from newsprism.extract.dates.collection_years import MAX_YEAR_GAP

    history = _inferred("1983-10-23", "a full date at the head of the article")
    history.confidence = 0.6
    moved = year_from_collection(history, {2020})
    assert moved is not None
    # 23 October is the bombing's day, not the article's: only the year is kept
    assert (moved.value, moved.partial, moved.not_before, moved.not_after) == (
        None, "2020", "2020-01-01", "2020-12-31"
    )
    near = _inferred(f"{2020 + MAX_YEAR_GAP}-08-04", "a full date at the head of the article")
    near.confidence = 0.6
    assert year_from_collection(near, {2020}) is None  # an anniversary a year on stays


def test_a_history_day_dropped_for_the_collection_year_is_not_inferred_again(nlp) -> None:
    from newsprism.extract import extract_document
    from newsprism.model import Document

    text = ("The blast has killed at least 157 people, officials said.\n"
            "In this October 24, 2015 file photo, the party leader addresses a crowd.")
    document = Document(id="d", text=text)
    extract_document(nlp, document)
    assert document.published.value == "2015-10-24"  # the caption's day, taken for its own
    moved = year_from_collection(document.published, {2020})
    assert moved is not None and moved.value is None
    document.published = moved
    extract_document(nlp, document)  # extracted again, as the job does after the move
    assert document.published.value is None and document.published.partial == "2020"
