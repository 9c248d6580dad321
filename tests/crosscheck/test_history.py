"""A figure a report recalls from an earlier event is kept, but compared with nothing."""

from __future__ import annotations

from newsprism.crosscheck import crosscheck
from newsprism.model import Document, Extraction, PublicationTime, Quantity, Story


def _report(doc_id: str, text: str, number: str, published: str, as_of: str) -> tuple:
    at = text.index(number)
    value = float(number.replace(",", ""))
    document = Document(id=doc_id, text=text, published=PublicationTime(value=published))
    extraction = Extraction(doc_id=doc_id, quantities=[
        Quantity(doc_id=doc_id, start=at, end=at + len(number), text=number, low=value,
                 high=value, measure="killed", as_of=as_of, sentence_start=0,
                 sentence_end=len(text)),
    ])
    return document, extraction


def test_a_recalled_toll_from_decades_before_joins_no_comparison() -> None:
    reports = [
        _report("a", "The blast in the port has killed 137 people.", "137", "2026-08-06",
                "2026-08-06"),
        _report("b", "The port blast has killed 154 people, officials said.", "154",
                "2026-08-07", "2026-08-07"),
        _report("c", "The 1983 bombing in the city killed 241 people.", "241", "2026-08-07",
                "1983-10-23"),
    ]
    documents = {d.id: d for d, _ in reports}
    extractions = {d.id: e for d, e in reports}
    story = Story(id="s", title="blast", doc_ids=["a", "b", "c"], first_date="2026-08-06",
                  last_date="2026-08-07")
    claims, comparisons = crosscheck([story], documents, extractions, {d: d for d in documents})
    assert {c.value for c in claims} == {"137", "154", "241"}
    compared = {i for comparison in comparisons for i in comparison.claim_ids}
    assert {c.value for c in claims if c.id in compared} == {"137", "154"}


def test_a_figure_dated_by_a_year_alone_is_history_before_the_event_and_undated_in_it() -> None:
    reports = [
        _report("a", "The flood has killed 37 people.", "37", "2026-03-06", "2026-03-06"),
        _report("b", "The flood has killed 52 people.", "52", "2026-03-08", "2026-03-08"),
        # "the 2011 flood ... killed 1,400": a year alone, years before the event
        _report("c", "The 2011 flood killed 1,400 people.", "1,400", "2026-03-08", "2011"),
        # "the 2026 flood killed 52": the event's own year, no day of its own
        _report("d", "The 2026 flood killed 52 people.", "52", "2026-03-09", "2026"),
    ]
    documents = {d.id: d for d, _ in reports}
    extractions = {d.id: e for d, e in reports}
    story = Story(id="s", title="flood", doc_ids=list(documents), first_date="2026-03-06",
                  last_date="2026-03-09")
    claims, comparisons = crosscheck([story], documents, extractions, {d: d for d in documents})
    compared = {i for comparison in comparisons for i in comparison.claim_ids}
    assert sorted(c.doc_id for c in claims if c.id in compared) == ["a", "b", "d"]
    [toll] = comparisons
    assert toll.verdict == "updated"
    # 37 then 52: the year-only 52 is not a day placed before them
    assert "(2026)" not in toll.note and "37 (2026-03-06) → 52 (2026-03-08)" in toll.note
