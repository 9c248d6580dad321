"""The record: complete, sorted, stable, and every shown item carries its own sentence."""

from __future__ import annotations

import json
from pathlib import Path

from flood_store import SENTENCES_A, SENTENCES_B

from newsprism import model
from newsprism.show import build_record
from newsprism.store.sqlite import Store


def test_record_timeline_is_sorted_and_each_entry_has_its_sentence(store: Store):
    story = build_record(store)["stories"][0]
    timeline = story["timeline"]
    assert [e["date"] for e in timeline] == ["2022-03-02", "2022-03-03", "2022-03-04", "2022-03-05"]
    assert [e["kind"] for e in timeline] == ["time", "event", "event", "time"]
    # A dated sentence with an event is listed once, as the event (not again as "March 3").
    assert timeline[1]["type"] == "flood"
    assert timeline[1]["sentence"] == SENTENCES_A[0]
    assert timeline[3]["sentence"] == SENTENCES_B[0]
    assert timeline[3]["outlet"] == "Valley Courier"


def test_record_claim_shows_the_sentence_it_came_from(store: Store):
    story = build_record(store)["stories"][0]
    updated = next(row for row in story["claims"] if row["verdict"] == "updated")
    assert (updated["low"], updated["best"], updated["high"]) == (12.0, 15.0, 15.0)
    assert updated["best_rule"] == "latest figure"
    by_doc = {claim["doc_id"]: claim for claim in updated["claims"]}
    assert by_doc["doc-a"]["sentence"] == SENTENCES_A[1]
    # No stored sentence span on this claim: recovered from the sentences table.
    assert by_doc["doc-b"]["sentence"] == SENTENCES_B[0]
    assert by_doc["doc-b"]["text"] == "15"
    assert by_doc["doc-b"]["attributed_to"] == "Rescuers"
    # Claims come in as-of order.
    assert [c["as_of"] for c in updated["claims"]] == ["2022-03-04", "2022-03-05"]


def test_record_has_every_verdict_in_fixed_order(store: Store):
    story = build_record(store)["stories"][0]
    assert [row["verdict"] for row in story["claims"]] == list(model.VERDICTS)


def test_record_groups_quotes_by_resolved_speaker(store: Store):
    groups = build_record(store)["stories"][0]["quotes_by_speaker"]
    assert groups[0]["speaker"] == "Ilse Varga"
    assert [q["kind"] for q in groups[0]["quotes"]] == ["direct", "indirect"]
    assert groups[0]["quotes"][1]["sentence"] == SENTENCES_B[1]
    assert {g["speaker"] for g in groups} == {"Ilse Varga", "a farmer"}


def test_record_sources_carry_publication_evidence_and_noise(store: Store):
    sources = {s["id"]: s for s in build_record(store)["stories"][0]["sources"]}
    a, b = sources["doc-a"], sources["doc-b"]
    assert a["published"]["value"] == "2022-03-04"
    assert a["published"]["evidence"][0]["text"] == SENTENCES_A[3]
    assert a["cited_sources"] == ["Reuters"]
    assert b["machine_translated"] is True and b["translation_noise"] == 0.42


def test_record_reuse_and_top_level_tables(store: Store):
    record = build_record(store)
    assert record["schema_version"] == 1
    assert record["stories"][0]["reuse"][0]["kind"] == "rewrite"
    assert record["stories"][0]["reuse"][0]["outlet_b"] == "Valley Courier"
    assert len(record["quotes"]) == 3 and len(record["quantities"]) == 2
    assert len(record["claims"]) == 2 and len(record["comparisons"]) == 6
    assert record["entities"][0]["aliases"] == ["Varga", "Mayor Varga"]
    quantity = record["quantities"][0]
    assert quantity["sentence"] == SENTENCES_A[1]
    text = record["documents"][0]["text"]
    assert text[quantity["start"] : quantity["end"]] == "12"


def test_record_is_stable_json(store: Store):
    first = json.dumps(build_record(store))
    assert first == json.dumps(build_record(store))
    assert list(json.loads(first))[:3] == ["schema_version", "model_schema_version", "counts"]


def test_record_for_one_story_and_for_a_story_without_comparisons(store: Store):
    one = build_record(store, story_id="story-1")
    assert [s["id"] for s in one["stories"]] == ["story-1"]
    empty = build_record(store, story_id="story-2")
    assert empty["stories"][0]["claims"] == [] and empty["stories"][0]["timeline"] == []
    assert build_record(store, story_id="nope")["stories"] == []


def test_record_of_an_empty_store(tmp_path: Path):
    with Store(tmp_path / "empty.db") as store:
        record = build_record(store)
    assert record["stories"] == [] and record["counts"]["documents"] == 0


def test_record_timeline_lists_a_copied_sentence_once(tmp_path: Path):
    from flood_store import build

    store = build(tmp_path / "copies.db")
    original = store.document("doc-b")
    extraction = store.extraction("doc-b")
    copy = model.Document(**{**vars(original), "id": "doc-c", "outlet": "Copy Wire"})
    for item in [
        *extraction.sentences,
        *extraction.times,
        *extraction.quotes,
        *extraction.quantities,
    ]:
        item.doc_id = "doc-c"
    extraction.doc_id = "doc-c"
    store.add_many([(copy, extraction)])
    with store.transaction():
        story = store.stories()[0]
        story.doc_ids.append("doc-c")
        store.replace(model.Story, [story])
    timeline = build_record(store)["stories"][0]["timeline"]
    store.close()
    march_5 = [e for e in timeline if e["date"] == "2022-03-05"]
    assert len(march_5) == 1
    assert march_5[0]["outlet"] == "Valley Courier"
    assert [o["outlet"] for o in march_5[0]["also"]] == ["Copy Wire"]
