"""Publication years completed across a collection, once its articles are linked: an article
that says "on 7 January" but never which year takes its story's year, and one whose year came
from an ambiguous weekday-date pair moves into the year of the collection's dated articles.

These decide which articles change; the job (``newsprism.pipeline``) re-extracts and stores
them, since their dates, as-of dates and events hang on the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from newsprism.extract.dates.component import complete_documents
from newsprism.model import Document, Evidence, Extraction, PublicationTime, Story


def complete_publication_years(
    stories: Sequence[Story],
    documents: dict[str, Document],
    extractions: dict[str, Extraction],
) -> list[Document]:
    """Give year-less articles the year of their story; returns the articles that changed.

    An article that says "on 7 January" but never which year gets its year from the other
    articles of its story; its dates, as-of dates and events are then to be extracted again
    against the completed publication date.
    """
    changed: list[Document] = []
    for story in stories:
        members = [documents[i] for i in story.doc_ids if i in documents and i in extractions]
        before = {d.id: d.published for d in members}
        complete_documents(members, [extractions[d.id] for d in members])
        changed.extend(d for d in members if d.published is not before[d.id])
    return changed


# The evidence rule the dates component gives a year read off a weekday-date pair.
WEEKDAY_PAIR_RULE = "weekday-date pair"


def year_from_collection(publication: PublicationTime, years: set[int]) -> PublicationTime | None:
    """A weekday-date pair ("Saturday, March 7") fits many years; the dates component picks one
    from the article alone. When that year is none of the years the collection's dated articles
    were published in, but one of those fits the pair as well, the collection's year is taken
    (the latest, if several fit). None when nothing changes."""
    if publication.source != "inferred" or not publication.value or not years:
        return None
    if not any(e.rule.startswith(WEEKDAY_PAIR_RULE) for e in publication.evidence):
        return None
    try:
        day = date.fromisoformat(publication.value[:10])
    except ValueError:
        return None
    if day.year in years:
        return None
    fitting = []
    for year in years:
        try:
            if date(year, day.month, day.day).weekday() == day.weekday():
                fitting.append(year)
        except ValueError:  # 29 February
            continue
    if not fitting:
        return None
    shift = max(fitting) - day.year

    def moved(value: str | None) -> str | None:
        if not value or not re.match(r"\d{4}-\d\d-\d\d", value):
            return value
        return date(int(value[:4]) + shift, int(value[5:7]), int(value[8:10])).isoformat()

    rule = (
        f"year {max(fitting)}: the weekday-date pair fits it too, and the collection's dated "
        f"articles were published then (not {day.year})"
    )
    return replace(
        publication,
        value=moved(publication.value),
        not_before=moved(publication.not_before),
        not_after=moved(publication.not_after),
        evidence=[*publication.evidence, Evidence("", 0, 0, "", rule)],
    )


def align_years_with_collection(documents: dict[str, Document]) -> list[Document]:
    """Move articles whose year came from an ambiguous weekday-date pair into the year of the
    collection's dated articles; returns the articles that moved (their dates hang on it)."""
    years = {
        int(d.published.value[:4])
        for d in documents.values()
        if d.published.source == "metadata" and re.match(r"\d{4}", d.published.value or "")
    }
    changed: list[Document] = []
    for document in documents.values():
        aligned = year_from_collection(document.published, years)
        if aligned is not None:
            document.published = aligned
            changed.append(document)
    return changed
