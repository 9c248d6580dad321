"""The read stage on the team's sample corpus: the expectations listed in its README."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.model import Document
from newsprism.read import ReadProblem, read_paths

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"


@pytest.fixture(scope="module")
def corpus() -> dict[str, Document]:
    problems: list[ReadProblem] = []
    documents = list(read_paths([CORPUS], on_problem=problems.append))
    assert problems == []
    return {Path(d.path).name: d for d in documents}


def test_corpus_reads_every_article(corpus: dict[str, Document]) -> None:
    assert len(corpus) == 10
    assert all(150 <= len(d.text.split()) <= 400 for d in corpus.values())
    assert {name for name, d in corpus.items() if d.language != "en"} == {"09_sava-vesti_ru.txt"}
    assert corpus["09_sava-vesti_ru.txt"].language == "ru"


def test_corpus_exact_copy_is_kept_as_its_own_publication(corpus: dict[str, Document]) -> None:
    original, copy = corpus["03_kestrel-news_feed.xml#1"], corpus["04_aggregated.jsonl:1"]
    assert original.text == copy.text
    assert original.outlet != copy.outlet
    assert original.id != copy.id
    assert len({d.id for d in corpus.values()}) == 10


@pytest.mark.parametrize(
    ("name", "outlet", "published"),
    [
        ("01_castrava-herald_dam-fails.txt", "Castrava Herald", "2026-03-03"),
        ("02_nordvale-times_rewrite.txt", "Nordvale Times", "2026-03-04"),
        ("03_kestrel-news_feed.xml#1", "Kestrel News", "2026-03-05T16:20:00"),
        ("04_aggregated.jsonl:1", "Eastgate Review", "2026-03-05T18:05:00"),
        ("04_aggregated.jsonl:2", "Lowland Observer", "2026-03-07"),
        ("05_varnia-daily-courier_protest.html", "Varnia Daily Courier", "2026-03-06"),
        ("06_meridian-post_ngo-detentions.txt", "Meridian Post", "2026-03-07"),
        ("07_vestnik-press_translated.txt", "VESTNIK-PRESS", None),
        ("08_castrava-herald_toll-47.txt", "Castrava Herald", None),
        ("09_sava-vesti_ru.txt", "Сава-Вести", "2026-03-07"),
    ],
)
def test_corpus_outlet_and_publication(
    corpus: dict[str, Document], name: str, outlet: str, published: str | None
) -> None:
    document = corpus[name]
    assert document.outlet == outlet
    assert document.published.value == published
    assert document.published.source == ("metadata" if published else "unknown")


def test_corpus_only_the_translated_article_is_flagged(corpus: dict[str, Document]) -> None:
    flagged = {name for name, d in corpus.items() if d.machine_translated}
    assert flagged == {"07_vestnik-press_translated.txt"}


def test_corpus_cited_agencies(corpus: dict[str, Document]) -> None:
    citing = {
        name for name, d in corpus.items() if any(s.name == "Kestrel" for s in d.cited_sources)
    }
    assert citing == {
        "01_castrava-herald_dam-fails.txt",
        "07_vestnik-press_translated.txt",
        "08_castrava-herald_toll-47.txt",
    }


def test_corpus_html_drops_boilerplate(corpus: dict[str, Document]) -> None:
    text = corpus["05_varnia-daily-courier_protest.html"].text
    assert "Police detained 200 people in Castrava on Friday, March 6" in text
    assert "Cup final" not in text and "All rights reserved" not in text
