"""Undated figures announced together: two reports relaying one announcement with a different
injured count conflict, found through the death toll both give with it."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.crosscheck.verdicts import announcement_companions, conflicting_days
from newsprism.model import Claim
from newsprism.pipeline import analyze
from newsprism.store import Store

# Team-written reports of an invented earthquake; none carries a date.
REPORTS = [
    ("Andes Wire", "Peru earthquake kills 417. Peru's civil defence agency said 417 people had "
     "died and 2,583 were injured after the earthquake struck the Andes. Rescue teams searched "
     "collapsed houses in the Peru earthquake zone."),
    ("Lima Ledger", "The Peru earthquake has killed 417 people. The civil defence agency said "
     "417 people were killed and 2,589 were injured when the earthquake hit the Andes. Rescue "
     "teams kept searching collapsed houses after the Peru earthquake."),
    ("Coastal Herald", "The toll of the Peru earthquake rose to 1,020 dead. The civil defence "
     "agency said 1,020 people had died and 6,400 were injured since the earthquake struck the "
     "Andes. Rescue teams searched collapsed houses in the Peru earthquake zone."),
]


def _claim(doc: str, key: str, low: float, sentence: int = 0) -> Claim:
    return Claim(id=f"{doc}-{key}-{low}", doc_id=doc, kind="quantity", key=key,
                 label="people", value=f"{low:,.0f}", low=low, high=low,
                 sentence_start=sentence, sentence_end=sentence + 50)


def test_an_undated_clash_is_found_through_the_toll_announced_with_it(tmp_path: Path) -> None:
    corpus = tmp_path / "quake.jsonl"
    corpus.write_text(
        "".join(json.dumps({"outlet": o, "text": t}) + "\n" for o, t in REPORTS), encoding="utf-8"
    )
    store = Store(tmp_path / "quake.db")
    analyze([corpus], store)
    claims = {c.id: c for c in store.claims()}
    [injured] = [
        c for c in store.comparisons() if c.key.startswith("injured|") and len(c.claim_ids) >= 3
    ]
    store.close()
    [announced] = [day for day in injured.conflicts if day.announcement]
    assert "417" in announced.announcement
    assert {claims[i].value for i in announced.claim_ids} == {"2,583", "2,589"}
    assert not any(claims[i].value == "6,400" for i in announced.claim_ids)


def test_a_round_or_small_companion_does_not_fix_a_moment() -> None:
    claims = [
        _claim("a", "killed|all people|", 900), _claim("a", "injured|all people|", 2583),
        _claim("b", "killed|all people|", 900), _claim("b", "injured|all people|", 2589),
        _claim("c", "killed|all people|", 3), _claim("c", "injured|all people|", 40),
        _claim("d", "killed|all people|", 3), _claim("d", "injured|all people|", 41),
    ]
    companions = announcement_companions(claims)
    injured = [c for c in claims if c.key.startswith("injured")]
    assert conflicting_days(injured, {}, companions) == []


def test_figures_of_other_sentences_are_no_companions() -> None:
    claims = [
        _claim("a", "killed|all people|", 417, sentence=0),
        _claim("a", "injured|all people|", 2583, sentence=80),
        _claim("b", "killed|all people|", 417, sentence=0),
        _claim("b", "injured|all people|", 2589, sentence=0),
    ]
    companions = announcement_companions(claims)
    assert "a-injured|all people|-2583" not in companions
    injured = [c for c in claims if c.key.startswith("injured")]
    assert conflicting_days(injured, {}, companions) == []


def test_a_clash_within_one_source_is_no_conflict() -> None:
    claims = [
        _claim("a", "killed|all people|", 417), _claim("a", "injured|all people|", 2583),
        _claim("b", "killed|all people|", 417), _claim("b", "injured|all people|", 2589),
    ]
    companions = announcement_companions(claims)
    injured = [c for c in claims if c.key.startswith("injured")]
    assert conflicting_days(injured, {"a": "g", "b": "g"}, companions) == []
    assert len(conflicting_days(injured, {"a": "a", "b": "b"}, companions)) == 1


def _hedged(doc: str, key: str, low: float, sentence: int = 0) -> Claim:
    """A claim of "at least <low>"."""
    return Claim(id=f"{doc}-{key}-{low}+", doc_id=doc, kind="quantity", key=key,
                 label="people", value=f"at least {low:,.0f}", low=low, high=None,
                 sentence_start=sentence, sentence_end=sentence + 50)


def test_a_hedged_precise_figure_is_the_announced_count() -> None:
    # "417 dead and 2,583 injured" vs "417 dead and at least 2,589 injured": one announcement,
    # two different injured counts, though "at least 2,589" as an interval holds neither.
    claims = [
        _claim("a", "killed|all people|", 417), _claim("a", "injured|all people|", 2583),
        _claim("b", "killed|all people|", 417), _hedged("b", "injured|all people|", 2589),
    ]
    injured = [c for c in claims if c.key.startswith("injured")]
    [day] = conflicting_days(injured, {}, announcement_companions(claims))
    assert set(day.claim_ids) == {c.id for c in injured}


def test_a_hedged_companion_still_names_the_announcement() -> None:
    # "at least 1,498 dead and 8,533 injured" vs "1,498 dead and 7,634 injured"
    claims = [
        _hedged("a", "killed|all people|", 1498), _claim("a", "injured|all people|", 8533),
        _claim("b", "killed|all people|", 1498), _claim("b", "injured|all people|", 7634),
    ]
    injured = [c for c in claims if c.key.startswith("injured")]
    [day] = conflicting_days(injured, {}, announcement_companions(claims))
    assert "1,498" in day.announcement


def test_a_hedged_round_figure_keeps_its_interval() -> None:
    # "417 dead and more than 2,500 injured" does not contradict "417 dead and 2,589 injured"
    claims = [
        _claim("a", "killed|all people|", 417), _hedged("a", "injured|all people|", 2500),
        _claim("b", "killed|all people|", 417), _claim("b", "injured|all people|", 2589),
    ]
    injured = [c for c in claims if c.key.startswith("injured")]
    assert conflicting_days(injured, {}, announcement_companions(claims)) == []
