"""The whole pipeline on the sample corpus: the verdicts its README promises."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.model import Claim, Comparison
from newsprism.pipeline import analyze
from newsprism.show import build_record
from newsprism.store import Store

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "corpus"


@pytest.fixture(scope="module")
def record(tmp_path_factory) -> dict:
    store = Store(tmp_path_factory.mktemp("pipeline") / "sample.db")
    report = analyze([SAMPLE], store)
    documents = {d.id: d for d in store.documents()}
    result = {
        "report": report,
        "documents": documents,
        "outlet": {d.id: d.outlet for d in documents.values()},
        "claims": {c.id: c for c in store.claims()},
        "comparisons": store.comparisons(),
        "stories": store.stories(),
        "reuse": store.reuse_links(),
    }
    result["story_records"] = {
        story.id: build_record(store, story_id=story.id) for story in result["stories"]
    }
    store.close()
    return result


def _find(record: dict, label: str) -> tuple[Comparison, list[Claim]]:
    """The comparison with this label that gathers the most claims (the main story's)."""
    comparison = max(
        (c for c in record["comparisons"] if c.label == label), key=lambda c: len(c.claim_ids)
    )
    return comparison, [record["claims"][i] for i in comparison.claim_ids]


def test_reports_of_one_event_share_a_story(record: dict):
    assert record["report"].problems == []
    assert len(record["documents"]) == 10
    story_of = {
        record["outlet"][doc_id]: story.id
        for story in record["stories"]
        for doc_id in story.doc_ids
    }
    toll_reports = {"Kestrel News", "Eastgate Review", "Lowland Observer", "Nordvale Times",
                    "VESTNIK-PRESS", "Сава-Вести"}
    assert len({story_of[outlet] for outlet in toll_reports}) == 1
    assert story_of["Varnia Daily Courier"] == story_of["Meridian Post"]


def test_the_rising_death_toll_is_an_update_with_the_latest_figure_best(record: dict):
    comparison, claims = _find(record, "people killed")
    assert comparison.verdict == "updated"
    assert comparison.best == 47
    assert {c.as_of for c in claims} >= {"2026-03-03", "2026-03-05", "2026-03-07"}
    assert any("health ministry" in c.attributed_to for c in claims)


def test_the_russian_report_of_the_toll_is_compared_with_the_english_ones(record: dict):
    _, claims = _find(record, "people killed")
    russian = [c for c in claims if record["outlet"][c.doc_id] == "Сава-Вести"]
    assert [(c.low, c.as_of, c.attributed_to) for c in russian] == [
        (47, "2026-03-07", "министерство здравоохранения республики")
    ]
    text = record["documents"][russian[0].doc_id].text
    assert text[russian[0].start : russian[0].end] == "47 человек"


def test_police_and_ngo_detention_figures_for_one_day_conflict(record: dict):
    comparison, claims = _find(record, "people detained")
    assert comparison.verdict == "conflicting"
    outlets = {record["outlet"][c.doc_id] for c in claims}
    assert {"Varnia Daily Courier", "Meridian Post"} <= outlets
    assert {c.low for c in claims} >= {200, 1500}


def test_a_report_and_its_rewrite_are_one_source(record: dict):
    comparison, claims = _find(record, "state of emergency ends")
    assert comparison.verdict == "single-source"
    assert {record["outlet"][c.doc_id] for c in claims} == {"Castrava Herald", "Nordvale Times"}
    assert comparison.independent_sources == 1


def test_reuse_links_label_the_copy_and_the_rewrite(record: dict):
    kinds = {
        (record["outlet"][r.doc_a], record["outlet"][r.doc_b]): r.kind for r in record["reuse"]
    }
    assert kinds[("Kestrel News", "Eastgate Review")] == "copy"
    assert kinds[("Castrava Herald", "Nordvale Times")] == "rewrite"


def test_every_claim_points_at_its_sentence(record: dict):
    for claim in record["claims"].values():
        text = record["documents"][claim.doc_id].text
        sentence = text[claim.sentence_start : claim.sentence_end]
        assert sentence.strip()
        assert claim.sentence_start <= claim.start < claim.sentence_end


def test_the_dam_and_the_protest_are_one_event_compared_as_one(record: dict):
    """The protest over the response to the dam failure is a story of the same event: the
    Russian report in the dam story gives the detention figures too, and they are compared with
    the protest story's in one comparison, shown with every claim in the protest story."""
    assert len({story.event_id for story in record["stories"]}) == 1
    detained = [c for c in record["comparisons"] if c.label == "people detained"]
    assert len(detained) == 1
    [comparison] = detained
    outlets = {record["outlet"][record["claims"][i].doc_id] for i in comparison.claim_ids}
    assert {"Varnia Daily Courier", "Meridian Post", "Сава-Вести"} <= outlets
    shown = record["story_records"][comparison.story_id]["stories"][0]["claims"]
    [row] = [row for row in shown if row["label"] == "people detained"]
    assert {c["outlet"] for c in row["claims"]} == outlets
    assert all(c["sentence"] for c in row["claims"])
