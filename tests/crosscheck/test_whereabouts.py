"""Whereabouts claims on team-written sentences (fictional people and events)."""

from __future__ import annotations

from newsprism.crosscheck.verdicts import compare_values
from newsprism.crosscheck.whereabouts import whereabouts_claims
from newsprism.extract import extract_document
from newsprism.model import Claim, Document, PublicationTime


def _claims(nlp, doc_id: str, text: str, published: str) -> list[Claim]:
    document = Document(
        id=doc_id, text=text, published=PublicationTime(value=published, source="metadata")
    )
    document, extraction = extract_document(nlp, document)
    return whereabouts_claims(document, extraction)


def test_a_person_who_fled_to_a_country_is_placed_there(nlp):
    claims = _claims(
        nlp, "a", "Opposition financier Darius Keller, who earlier fled to Ukraine, called for "
        "new elections on Monday.", "2026-02-02",
    )  # fmt: skip
    assert [(c.label, c.value) for c in claims] == [("whereabouts of Darius Keller", "Ukraine")]
    assert claims[0].sentence_start == 0


def test_a_speaker_saying_where_their_headquarters_is_places_them(nlp):
    text = (
        'Darius Keller said: "Our campaign headquarters is located in Kyiv, and we will stay '
        'there until the vote."'
    )
    claims = _claims(nlp, "b", text, "2026-02-03")
    assert [c.value for c in claims] == ["Kyiv"]
    assert claims[0].attributed_to == "Darius Keller"
    assert text[claims[0].start : claims[0].end] == "Kyiv"


def test_a_city_and_its_country_agree_and_two_countries_on_one_day_conflict(nlp):
    fled = _claims(nlp, "a", "Darius Keller, who fled to Ukraine, spoke on Monday.", "2026-02-02")
    based = _claims(nlp, "b", "Darius Keller is now based in Kiev, his aides said.", "2026-02-02")
    moved = _claims(nlp, "c", "Darius Keller is hiding in Poland, police said.", "2026-02-02")
    key = {c.key for c in fled + based + moved}
    assert len(key) == 1, "one person, one key (no linking needed for the same spelling)"
    [agreed] = compare_values("s", fled + based, {})
    assert agreed.verdict == "agreed" and agreed.independent_sources == 2
    [clash] = compare_values("s", fled + moved, {})
    assert clash.verdict == "conflicting"
    [copied] = compare_values("s", fled + moved, {"a": "g", "c": "g"})
    assert copied.verdict == "single-source"


def test_a_move_reported_on_a_later_date_is_an_update(nlp):
    before = _claims(nlp, "a", "Darius Keller lives in Poland, his lawyer said.", "2026-01-10")
    after = _claims(nlp, "b", "Darius Keller, who moved to Georgia, gave a speech.", "2026-02-20")
    [comparison] = compare_values("s", before + after, {})
    assert comparison.verdict == "updated"
    assert "Poland" in comparison.note and "Georgia" in comparison.note


def test_a_place_in_a_sentence_without_a_placing_verb_is_no_claim(nlp):
    assert _claims(nlp, "a", "Darius Keller criticised Ukraine's president on Monday.",
                   "2026-02-02") == []  # fmt: skip
