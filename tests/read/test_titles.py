"""Headlines for articles that came without one: page furniture is passed over."""

from __future__ import annotations

import pytest

from newsprism.read.titles import MAX_TITLE_CHARS, headline_of, is_headline


@pytest.mark.parametrize(
    "line",
    [
        "All news",
        "News 10 january — 12:43",
        "date 2026-03 https://courier.example/world/dam",
        "Home | World | Europe | Castrava",
        "03.03.2026 09:41 | 1 204 views",
        "Все новости",
    ],
)
def test_page_furniture_is_not_a_headline(line: str) -> None:
    assert not is_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Dam breach floods two villages near Castrava",
        "Прорыв плотины затопил две деревни под Кастравой",
        "卡斯特拉瓦大坝溃决，两村被淹",
        "Toll rises to 47 as divers search the reservoir",
    ],
)
def test_headlines_in_any_script(line: str) -> None:
    assert is_headline(line)


def test_headline_of_skips_leading_junk_of_an_excerpt() -> None:
    text = (
        "All news\nNews 3 March — 12:43\n"
        "Floodwater reached Castrava on Tuesday, the health ministry said.\nMore text."
    )
    assert headline_of(text) == "Floodwater reached Castrava on Tuesday, the health ministry said."


def test_a_long_first_paragraph_gives_its_first_sentence() -> None:
    first = "Floodwater from the failed Orlen dam reached the outskirts of Castrava on Tuesday."
    text = first + " " + "Rescue teams evacuated two villages overnight, officials said. " * 5
    assert headline_of(text) == first
    assert len(headline_of("word " * 200)) <= MAX_TITLE_CHARS


def test_text_of_furniture_only_falls_back_to_its_first_line() -> None:
    assert headline_of("All news\n12:43") == "All news"


def test_a_date_stamp_run_into_the_headline_is_removed() -> None:
    assert headline_of("date 2026-03 Dam waters reach the outskirts of Castrava") == (
        "Dam waters reach the outskirts of Castrava"
    )
    assert headline_of("03.03.2026 09:41 | Dam waters reach the outskirts of Castrava") == (
        "Dam waters reach the outskirts of Castrava"
    )
    for line in ("2026 budget talks stall in parliament again",
                 "10.5 million people left without power after the storm"):
        assert headline_of(line) == line
