"""Series charts and the reuse graph: pure functions of record dicts -> well-formed, escaped SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from newsprism.show.charts import is_charted, series_chart
from newsprism.show.graph import groups, reuse_graph
from newsprism.show.svg import text

NS = {"s": "http://www.w3.org/2000/svg"}
HOSTILE = "<script>alert(1)</script>\u202egnp.exe\" onload=\"alert(2)"


def claim(i: int, as_of: str | None, low: float | None, high: float | None, **extra) -> dict:
    return {
        "id": f"c{i}", "doc_id": f"d{i}", "outlet": f"Outlet {i}", "value": str(low),
        "low": low, "high": high, "as_of": as_of, "attributed_to": "", "start": 0, "end": 2,
        "copy_of": "", **extra,
    }


def row(claims: list[dict], verdict: str = "updated", **extra) -> dict:
    return {
        "id": "cmp", "key": "KILL|people||", "label": "people killed", "kind": "quantity",
        "verdict": verdict, "low": 12, "best": 47, "high": None, "conflicts": [],
        "claims": claims, **extra,
    }


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # raises on anything that is not well-formed XML


def test_charts_one_point_per_dated_numeric_claim_copies_hollow():
    claims = [
        claim(1, "2026-03-03", 12, None),
        claim(2, "2026-03-03", 12, None, copy_of="d1"),
        claim(3, "2026-03-05", 31, 31),
        claim(4, "2026-03-07", 40, 47),
        claim(5, None, 50, 50),  # undated: in the table, not on the chart
    ]
    svg = parse(series_chart(row(claims)))
    assert svg.get("data-points") == "4"
    circles = svg.findall(".//s:circle", NS)
    assert len(circles) == 4
    assert [c.get("class") for c in circles].count("point copy") == 1
    assert len(svg.findall(".//s:line[@class='open']", NS)) == 2  # the two "at least 12"
    assert svg.find(".//s:rect[@class='band']", NS) is not None
    assert svg.find(".//s:line[@class='best']", NS) is not None


def test_charts_conflicting_days_and_links():
    claims = [claim(1, "2026-03-06", 200, 200), claim(2, "2026-03-06", 1500, 1500)]
    conflicts = [{"as_of": "2026-03-06", "values": ["200", "1,500"], "claim_ids": ["c1", "c2"]}]
    svg = series_chart(
        row(claims, "conflicting", conflicts=conflicts), href=lambda c: f"/d/{c['id']}?a=1&b=2"
    )
    tree = parse(svg)
    assert len(tree.findall(".//s:rect[@class='conflict-day']", NS)) == 1
    assert 'href="/d/c1?a=1&amp;b=2"' in svg


@pytest.mark.parametrize(
    ("verdict", "kind", "charted"),
    [
        ("updated", "quantity", True),
        ("conflicting", "quantity", True),
        ("revised", "quantity", True),
        ("agreed", "quantity", False),
        ("updated", "event", False),
        ("single-source", "quantity", False),
    ],
)
def test_charts_which_rows_get_one(verdict: str, kind: str, charted: bool):
    assert is_charted({**row([claim(1, "2026-03-03", 1, 1)], verdict), "kind": kind}) is charted


def test_charts_nothing_to_draw_is_empty():
    assert series_chart(row([claim(1, None, 3, 3), claim(2, "2026-03-03", None, None)])) == ""


def test_charts_and_graph_escape_article_text():
    chart = series_chart(row([claim(1, "2026-03-03", 5, 5, outlet=HOSTILE, attributed_to=HOSTILE)],
                             label=HOSTILE))
    story = {
        "sources": [{"id": "a", "outlet": HOSTILE, "title": HOSTILE, "language": "en"},
                    {"id": "b", "outlet": "B", "title": "", "language": "en"}],
        "reuse": [{"doc_a": "a", "doc_b": "b", "kind": "copy", "score": 1.0,
                   "outlet_a": HOSTILE, "outlet_b": "B"}],
    }
    graph = reuse_graph(story, href=lambda d: f"/documents/{d}")
    for svg in (chart, graph):
        tree = parse(svg)
        assert tree.find(".//s:script", NS) is None
        assert "<script" not in svg and "\u202e" not in svg
        assert all(not name.startswith("on") for el in tree.iter() for name in el.attrib)
        assert "&lt;script&gt;" in svg


def test_graph_originals_highlighted_copies_follow_their_source():
    story = {
        "sources": [{"id": i, "outlet": i.upper(), "language": "en"} for i in "abcde"],
        "reuse": [
            {"doc_a": "a", "doc_b": "c", "kind": "copy", "score": 1.0},
            {"doc_a": "c", "doc_b": "d", "kind": "translation", "score": 0.8},
            {"doc_a": "b", "doc_b": "e", "kind": "independent", "score": 0.1},
        ],
    }
    assert groups(story) == [["a", "c", "d"], ["b"], ["e"]]
    tree = parse(reuse_graph(story))
    assert tree.get("data-independent") == "3"
    assert len(tree.findall(".//s:g[@class='source independent']", NS)) == 3
    assert len(tree.findall(".//s:g[@class='source derived']", NS)) == 2
    assert len(tree.findall(".//s:path", NS)) == 2


def test_svg_text_cuts_and_strips_controls():
    assert text("a\u202eb\x00c\n d", limit=None) == "abc d"
    assert text("x" * 30, limit=10) == "x" * 9 + "…"
