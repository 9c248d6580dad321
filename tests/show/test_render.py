"""Every report format shows the same record; HTML escapes untrusted article text."""

from __future__ import annotations

import json

import pytest
from flood_store import SCRIPT, SENTENCES_A

from newsprism.show import build_record, render
from newsprism.store.sqlite import Store


@pytest.fixture()
def record(store: Store) -> dict:
    return build_record(store)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_render_shows_claims_verdicts_and_sentences(record: dict, fmt: str):
    out = render(record, fmt)
    for needle in (
        "Dornburg flood",
        "label conflicting",
        "single-source",
        "Ilse Varga",
        "Valley Courier",
        "2022-03-02",
    ):
        assert needle in out
    flat = " ".join(out.split())
    if fmt == "markdown":
        assert SENTENCES_A[1] in flat
    if fmt == "html":
        # The claim's own words are emphasised inside its sentence.
        assert SENTENCES_A[1].replace("12", "<b>12</b>") in flat


def test_render_text_keeps_sentences_readable(record: dict):
    out = render(record, "text")
    assert "Timeline" in out and "Claims" in out and "Who copies whom" in out
    assert "Officials said 12 people" in out


def test_render_text_fits_the_requested_width(record: dict):
    narrow = render(record, "text", width=90)
    assert max(len(line) for line in narrow.splitlines()) <= 90
    assert max(len(line) for line in render(record, "text").splitlines()) > 90


def test_render_json_round_trips(record: dict):
    assert json.loads(render(record, "json")) == record


def test_render_markdown_escapes_table_pipes(record: dict):
    out = render(record, "markdown")
    assert "\\| pipes \\|" in out
    header = next(line for line in out.splitlines() if line.startswith("| claim"))
    assert header.count(" | ") == 7


def test_render_html_escapes_article_text(record: dict):
    out = render(record, "html")
    assert out.lstrip().lower().startswith("<!doctype html")
    assert "<script" not in out.lower()
    assert "&lt;script&gt;" in out
    # A javascript: URL from a feed never becomes a link.
    assert 'href="javascript' not in out
    assert 'href="https://gazette.example/flood"' in out
    for verdict in ("agreed", "conflicting", "updated", "revised", "single-source", "disputed"):
        assert f"badge verdict-{verdict}" in out


def test_render_html_carries_the_charts_and_graph_self_contained(record: dict):
    from newsprism.show.charts import is_charted

    out = render(record, "html")
    rows = [row for story in record["stories"] for row in story["claims"] if is_charted(row)]
    assert rows and out.count('<svg class="series-chart"') == len(rows)
    with_sources = [story for story in record["stories"] if story["sources"]]
    assert out.count('<svg class="reuse-graph"') == len(with_sources)
    assert "Where sources disagree" in out
    # Styles inline, no request to the web UI's stylesheet, no links into it from the SVGs.
    assert "<style>" in out and "/static/" not in out and 'href="/documents/' not in out


def test_render_rejects_unknown_format_listing_valid_ones(record: dict):
    with pytest.raises(ValueError, match="text, markdown, json, html"):
        render(record, "pdf")


def test_render_script_is_not_in_the_fixture_by_accident():
    assert "<script>" in SCRIPT


def test_text_and_markdown_list_where_sources_disagree() -> None:
    from newsprism.show.common import disagreement_lines

    story = {"claims": [{
        "label": "people injured in Ruritania", "verdict": "updated",
        "conflicts": [{"as_of": "", "announcement": "given with 417 people killed",
                       "values": ["2,583", "2,589"], "claim_ids": ["a", "b", "c"]}],
        "claims": [
            {"id": "a", "value": "2,583", "doc_id": "d1", "outlet": "Wire A"},
            {"id": "b", "value": "2,589", "doc_id": "d2", "outlet": "Wire B"},
            {"id": "c", "value": "2,589", "doc_id": "d3", "outlet": "Wire C"},
        ],
    }]}
    assert disagreement_lines(story) == [
        "people injured in Ruritania, given with 417 people killed: "
        "2,589 (2 reports) vs 2,583 (1 report)"
    ]
