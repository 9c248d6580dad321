"""Highlight segments: they always rebuild the text exactly, and the narrowest layer wins."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsprism import model
from newsprism.show.highlight import segments

TEXT = 'Police said "300 people were detained in Varna on Friday," Colonel Dragan told reporters.'


def _extraction(spans: list[tuple[int, int]]) -> model.Extraction:
    return model.Extraction(
        "d",
        mentions=[model.Mention("d", s, e, TEXT[s:e], "GPE") for s, e in spans],
        quotes=[model.Quote("d", 13, 57, TEXT[13:57], "direct", speaker="Ivo Dragan")],
    )


@given(st.lists(st.tuples(st.integers(-5, 100), st.integers(-5, 100)), max_size=8))
def test_segments_rebuild_the_text_exactly(spans: list[tuple[int, int]]):
    parts = segments(TEXT, _extraction(spans))
    assert "".join(part.text for part in parts) == TEXT
    assert all(part.text for part in parts)


def test_segments_number_inside_quote_is_a_quantity():
    start = TEXT.index("300 people")
    extraction = _extraction([(TEXT.index("Varna"), TEXT.index("Varna") + 5)])
    extraction.quantities.append(
        model.Quantity("d", start, start + 10, "300 people", 300, 300, measure="ARREST")
    )
    kinds = [(part.text, part.kind) for part in segments(TEXT, extraction)]
    assert ("300 people", "quantity") in kinds
    assert ("Varna", "mention") in kinds
    assert (" were detained in ", "quote") in kinds
    assert kinds[0] == ('Police said "', "")
