"""The job dates an undated report by the time it says has passed since its event, and its
figures are then compared on that day (pipeline.relink, extract/dates/since_event.py)."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.pipeline import analyze
from newsprism.store import Store

# Team-written reports of an invented dam collapse. The first two are dated; the third is not,
# and says it came six days after the collapse.
REPORTS = [
    ("Valley Post", "2021-03-04", "Dam collapse in Veradia kills 40. The Orvan dam collapse of "
     "3 March flooded Veradia's river towns; officials said 40 people were killed."),
    ("River Times", "2021-03-05", "The Orvan dam collapse of 3 March has killed 52 people in "
     "Veradia, officials said, as rescuers searched flooded towns."),
    ("Hill Courier", None, "Six days after the Orvan dam collapse, Veradia's interior minister "
     "said 88 people had been killed in the flooded river towns."),
    ("Delta Daily", "2021-03-09", "The toll of the Orvan dam collapse in Veradia rose to 95 "
     "killed, officials said on Sunday as the flooded towns were cleared."),
]


def test_an_undated_report_is_dated_from_its_events_day(tmp_path: Path) -> None:
    corpus = tmp_path / "dam.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"outlet": o, "text": t, **({"published": p} if p else {})}) + "\n"
            for o, p, t in REPORTS
        ),
        encoding="utf-8",
    )
    store = Store(tmp_path / "dam.db")
    analyze([corpus], store)
    documents = {d.text[:12]: d for d in store.documents()}
    claims = store.claims()
    store.close()
    undated = documents["Six days aft"]
    assert undated.published.value == "2021-03-09"
    assert undated.published.evidence[0].text == "Six days"
    [figure] = [c for c in claims if c.doc_id == undated.id and c.key.startswith("killed|")]
    assert (figure.value, figure.as_of) == ("88", "2021-03-09")
