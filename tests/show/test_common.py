"""Display helpers shared by the report formats."""

from __future__ import annotations

from newsprism.show.common import conflict_panels


def _claim(i: int, value: str, outlet: str, by: str = "") -> dict:
    return {"id": f"c{i}", "doc_id": f"d{i}", "outlet": outlet, "value": value,
            "attributed_to": by}


def test_common_conflict_panels_group_a_days_claims_by_value():
    row = {
        "verdict": "updated",
        "claims": [_claim(1, "200", "A", "police"), _claim(2, "about 1,500", "B", "NGO"),
                   _claim(3, "200", "C", "police"), _claim(4, "47", "D")],
        "conflicts": [{"as_of": "2026-03-06", "values": ["200", "about 1,500"],
                       "claim_ids": ["c1", "c2", "c3"]}],
    }
    [panel] = conflict_panels(row)
    assert panel["as_of"] == "2026-03-06"
    assert [(s["value"], s["outlets"], s["said_by"]) for s in panel["sides"]] == [
        ("200", ["A", "C"], ["police"]),
        ("about 1,500", ["B"], ["NGO"]),
    ]


def test_common_conflict_panels_whole_row_for_a_conflicting_verdict_without_days():
    row = {"verdict": "disputed", "conflicts": [],
           "claims": [_claim(1, "yes", "A"), _claim(2, "no", "B")]}
    assert [len(p["sides"]) for p in conflict_panels(row)] == [2]
    assert conflict_panels({**row, "verdict": "agreed"}) == []
    one_value = {"verdict": "conflicting", "claims": [_claim(1, "5", "A"), _claim(2, "5", "B")]}
    assert conflict_panels(one_value) == []
