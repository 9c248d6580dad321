"""Cited sources and outlet inference on real-style sentences and on the seeds."""

from __future__ import annotations

import pytest

from newsprism.read.sources import cited_sources, infer_outlet


def names(text: str) -> list[str]:
    return [s.name for s in cited_sources(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The banker fled abroad. This was reported by Reuters on 7 January.", ["Reuters"]),
        ("Twelve people died, according to Interfax.", ["Interfax"]),
        ("RIA Novosti reports that the airport was seized.", ["RIA Novosti"]),
        (
            "Ukrainian media reported on January 5 that the banker led the protests.",
            ["Ukrainian media"],
        ),
        (
            "In an interview with the Italian newspaper Corriere della Sera, he urged sanctions.",
            ["Corriere della Sera"],
        ),
        ("The Kestrel news agency said 31 people had died.", ["Kestrel"]),
        ("Police detained 200 people, the broadcaster Velmar Press said.", ["Velmar Press"]),
        ("According to the health ministry, 31 people died.", []),
        ("According to him, the protesters called the headquarters.", []),
    ],
)
def test_cited_sources_patterns(sentence: str, expected: list[str]) -> None:
    assert names(sentence) == expected


def test_cited_source_span_points_at_the_name() -> None:
    text = "Rescuers found more bodies on Thursday, according to Interfax."
    [source] = cited_sources(text, doc_id="d1")
    assert text[source.start : source.end] == "Interfax"
    assert source.doc_id == "d1"
    assert source.cue == "according to"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("OREANDA-NEWS. Kazakh banker Mukhtar Ablyazov declared himself leader.", "OREANDA-NEWS"),
        ("CASTRAVA, March 3 (Kestrel News) - The dam failed overnight.", "Kestrel News"),
        (
            "The banker said the headquarters is in Kiev. Talk about this in an interview. "
            "RIA Novosti.\n\nMore text follows.",
            "RIA Novosti",
        ),
        ("The dam failed on Tuesday, officials said.", ""),
        ("CASTRAVA, March 3 - The dam failed overnight.", ""),
    ],
)
def test_infer_outlet(text: str, outlet: str) -> None:
    assert infer_outlet(text) == outlet


def test_dateline_outlet_is_not_a_citation() -> None:
    text = "OREANDA-NEWS. The banker spoke to Reuters on Friday."
    assert names(text) == ["Reuters"]


def test_seed_sources_match_gold(seed_texts: dict[str, str]) -> None:
    by_prefix = {name[:3]: text for name, text in seed_texts.items()}
    assert set(names(by_prefix["000"])) == {"RIA Novosti", "Corriere della Sera"}
    assert set(names(by_prefix["004"])) == {"Reuters", "Ukrainian media"}
    assert infer_outlet(by_prefix["000"]) == "RIA Novosti"
    assert infer_outlet(by_prefix["004"]) == "OREANDA-NEWS"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("MOSCOW. The Kremlin said on Friday that troops would stay.", ""),
        ("ALMA-ATA. Protesters gathered again.", ""),
        ("TASS. The Kremlin said on Friday that troops would stay.", "TASS"),
        ("ALMATY, January 7 - Kazinform. Order was restored in the city.", "Kazinform"),
    ],
)
def test_infer_outlet_caps_datelines(text: str, outlet: str) -> None:
    assert infer_outlet(text) == outlet
