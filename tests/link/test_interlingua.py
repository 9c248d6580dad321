"""Language-independent anchors: the same report in three languages gives the same terms."""

from __future__ import annotations

import pytest

from newsprism.link.interlingua import anchor_terms, figure, is_specific
from newsprism.model import Document, Extraction, Mention, Quantity, TimeExpression


def report(doc_id: str, text: str, *, day: str, toll: float, entity: str) -> tuple[
    Document, Extraction
]:
    extraction = Extraction(doc_id=doc_id)
    extraction.mentions.append(
        Mention(doc_id=doc_id, start=0, end=4, text="name", label="PERSON", entity_id=entity)
    )
    extraction.times.append(
        TimeExpression(doc_id=doc_id, start=0, end=4, text="day", type="DATE", value=day)
    )
    extraction.quantities.append(
        Quantity(doc_id=doc_id, start=0, end=2, text="41", low=toll, high=toll, measure="killed")
    )
    return Document(id=doc_id, text=text), extraction


@pytest.mark.parametrize(
    "text",
    [
        "The dam in Portugal burst on 3 March; 41 people died, the minister said.",
        "Η ρήξη του φράγματος στην Πορτογαλία στις 3 Μαρτίου: 41 νεκροί, είπε ο υπουργός.",
        "شکستن سد در پرتغال در ۳ مارس؛ ۴۱ نفر کشته شدند، وزیر گفت.",
    ],
)
def test_a_report_in_any_language_gives_the_same_anchors(text: str) -> None:
    document, extraction = report("d", text, day="2026-03-03", toll=41, entity="e_minister")
    assert set(anchor_terms(document, extraction)) == {
        "$Portugal", "@e_minister", "%03-03", "#killed=41"
    }


def test_small_figures_and_countries_single_out_no_event() -> None:
    assert figure(3, 3) is None
    assert figure(None, 5.8) is None
    assert figure(12000, None) == "12000"
    assert figure(12.5, 13) == "12.5"
    assert not is_specific("$Portugal")
    assert is_specific("#killed=41") and is_specific("%03-03") and is_specific("@e_minister")


def test_a_report_dated_from_its_events_day_states_that_day() -> None:
    from newsprism.extract.dates.since_event import RULE
    from newsprism.model import Evidence, PublicationTime

    text = "Sechs Tage nach der Explosion trat die Regierung zurück."
    published = PublicationTime(
        value="2020-08-10", source="inferred", confidence=0.5,
        evidence=[Evidence("d", 0, 10, "Sechs Tage", f"{RULE}: 6 day(s) after 2020-08-04")],
    )
    document = Document(id="d", text=text, language="de", published=published)
    assert "%08-04" in anchor_terms(document, Extraction(doc_id="d"))
    # without that evidence the report states no day
    document.published = PublicationTime(value="2020-08-10", source="metadata")
    assert not any(t.startswith("%") for t in anchor_terms(document, Extraction(doc_id="d")))
