"""A figure's measure in a sentence of coordinated predicates: each predicate's cue is its own."""

from __future__ import annotations

import pytest

from newsprism.extract import make_doc
from newsprism.model import Document


@pytest.mark.parametrize(
    ("text", "measures"),
    [
        ("The blast killed 190 people, wounded 6,500 and left some 300,000 homeless.",
         [(190, "killed"), (6500, "injured"), (300000, "displaced")]),
        ("The storm killed 12 people and injured 40 more.", [(12, "killed"), (40, "injured")]),
        ("Police arrested 20 and detained 45 others.", [(20, "detained"), (45, "detained")]),
        ("The floods left 8,200 homeless.", [(8200, "displaced")]),
    ],
)
def test_each_coordinated_predicate_counts_its_own_figure(
    nlp, text: str, measures: list[tuple[float, str]]
) -> None:
    doc = nlp(make_doc(nlp, Document(id="t", text=text)))
    assert [(q.low, q.measure) for q in doc._.quantities] == measures


@pytest.mark.parametrize(
    ("text", "measures"),
    [
        ("Officials raised the number of deaths to 190 and injuries to over 6,500.",
         [(190, "killed"), (6500, "injured")]),
        ("Deaths climbed to 240 and arrests to 35.", [(240, "killed"), (35, "detained")]),
    ],
)
def test_a_count_noun_before_to_says_what_the_figure_counts(
    nlp, text: str, measures: list[tuple[float, str]]
) -> None:
    doc = nlp(make_doc(nlp, Document(id="t", text=text)))
    assert [(q.low, q.measure) for q in doc._.quantities] == measures
