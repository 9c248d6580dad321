"""A publication day from a full date in the article's URL, when no metadata gives one."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.read.metadata import build_document, url_publication

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://news.example/life/2023-02-25-earthquakes-more-than-50-000-dead.html",
         "2023-02-25"),
        ("https://www.example.com/world/2020/08/07/beirut-toll-rises/", "2020-08-07"),
        ("http://example.org/2021_8_4_anniversary", "2021-08-04"),
    ],
)
def test_a_full_date_in_the_urls_path_is_the_publication_day(url: str, day: str) -> None:
    publication = url_publication(url, TODAY)
    assert publication is not None
    assert (publication.value, publication.source) == (day, "inferred")
    assert publication.evidence[0].rule == "a full date in the article's URL"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/news/123456-beirut-blast",  # no date
        "https://example.com/2023/02/beirut",  # no day
        "https://example.com/story/20230225-quake",  # compact digits: ids look like it
        "https://example.com/2023-02-30-quake",  # no such day
        "https://example.com/2027-01-05-preview",  # in the future
        "https://2023-02-25.example.com/quake",  # the host, not the path
    ],
)
def test_no_publication_day_without_a_real_full_date_in_the_path(url: str) -> None:
    assert url_publication(url, TODAY) is None


def test_metadata_wins_over_the_url_and_the_url_over_nothing() -> None:
    url = "https://example.com/2023/02/25/quake"
    given = build_document("Rescuers worked through the night.", path="a.jsonl", url=url,
                           published="2023-02-27")
    assert (given.published.value, given.published.source) == ("2023-02-27", "metadata")
    inferred = build_document("Rescuers worked through the night.", path="a.jsonl", url=url)
    assert (inferred.published.value, inferred.published.source) == ("2023-02-25", "inferred")
