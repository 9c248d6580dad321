"""Publication years completed across a collection, once its articles are linked: an article
that says "on 7 January" but never which year takes its story's year, and one whose year came
from an ambiguous weekday-date pair moves into the year of the collection's dated articles.

These decide which articles change; the job (``newsprism.pipeline``) re-extracts and stores
them, since their dates, as-of dates and events hang on the publication date.
"""

from __future__ import annotations

import re
from collections import Counter
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


# When no article's metadata dates the collection, a year counts as one of its years when at least
# this share of the articles that write out a full date (day, month and year) name it, and at
# least two do: the year of the event, not of its backstory ("the ship docked in 2013").
COLLECTION_YEAR_SHARE = 0.25
# An inferred publication year below this confidence rests on weak evidence (a year named in
# passing, a latest date reported without its year) and yields to the collection's year.
WEAK_YEAR_CONFIDENCE = 0.4
# An inferred year below FIRM_YEAR_CONFIDENCE (a dateline or a written-out date in the text's
# own context is firm) and more than MAX_YEAR_GAP years from every collection year is taken for
# history.
MAX_YEAR_GAP = 1
FIRM_YEAR_CONFIDENCE = 0.8


def collection_years(
    documents: dict[str, Document], extractions: dict[str, Extraction] | None = None
) -> set[int]:
    """The years the collection is from: its articles' metadata years, or, when none has one,
    the years most of its articles write out in full dates."""
    given = {
        int(d.published.value[:4])
        for d in documents.values()
        if d.published.source == "metadata" and re.match(r"\d{4}", d.published.value or "")
    }
    if given or not extractions:
        return given
    per_year: Counter[int] = Counter()
    naming = 0
    for doc_id in documents:
        extraction = extractions.get(doc_id)
        years = {
            int(t.value[:4])
            for t in (extraction.times if extraction else [])
            if t.anchor == "absolute" and t.type == "DATE" and re.match(r"\d{4}-\d\d", t.value)
        }
        naming += bool(years)
        per_year.update(years)
    return {
        year
        for year, count in per_year.items()
        if count >= 2 and count >= COLLECTION_YEAR_SHARE * naming
    }


def year_from_collection(publication: PublicationTime, years: set[int]) -> PublicationTime | None:
    """The collection's year for an article whose own year evidence is ambiguous or weak.

    A weekday-date pair ("Saturday, March 7") fits many years; the dates component picks one
    from the article alone. When that year is none of the collection's years but one of those
    fits the pair as well, the collection's year is taken (the latest, if several fit). A year
    inferred from weak evidence (below WEAK_YEAR_CONFIDENCE), or from evidence short of firm and
    more than MAX_YEAR_GAP years from every collection year, is history: the article keeps only
    the nearest of them, and no day. None when nothing changes."""
    if publication.source != "inferred" or not publication.value or not years:
        return None
    try:
        day = date.fromisoformat(publication.value[:10])
    except ValueError:
        return None
    if day.year in years:
        return None
    if any(e.rule.startswith(WEEKDAY_PAIR_RULE) for e in publication.evidence):
        fitting = []
        for year in years:
            try:
                if date(year, day.month, day.day).weekday() == day.weekday():
                    fitting.append(year)
            except ValueError:  # 29 February
                continue
        if not fitting:
            return None
        target = max(fitting)
        why = "the weekday-date pair fits it too, and the collection's articles are from then"
    elif publication.confidence < WEAK_YEAR_CONFIDENCE:
        target = min(years, key=lambda y: (abs(y - day.year), -y))
        why = "the article's own year evidence is weak, and the collection's articles are from then"
    elif (
        publication.confidence < FIRM_YEAR_CONFIDENCE
        and min(abs(y - day.year) for y in years) > MAX_YEAR_GAP
    ):
        # A date written out in full is often history ("the barracks bombing of 23 October
        # 1983"); an article of a 2020 collection inferred to 1983 took it for its own. Its day
        # and month are history too: only the collection's year is left.
        target = min(years, key=lambda y: (abs(y - day.year), -y))
        why = "the article's year is years away from every year of the collection's articles"
        return replace(
            publication,
            value=None,
            not_before=f"{target}-01-01",
            not_after=f"{target}-12-31",
            partial=str(target),
            evidence=[*publication.evidence,
                      Evidence("", 0, 0, "", f"year {target}, day unknown: {why} (not {day})")],
        )
    else:
        return None
    shift = target - day.year

    def moved(value: str | None) -> str | None:
        if not value or not re.match(r"\d{4}-\d\d-\d\d", value):
            return value
        try:
            return date(int(value[:4]) + shift, int(value[5:7]), int(value[8:10])).isoformat()
        except ValueError:  # 29 February in a year without one
            return date(int(value[:4]) + shift, int(value[5:7]), 28).isoformat()

    rule = f"year {target}: {why} (not {day.year})"
    return replace(
        publication,
        value=moved(publication.value),
        not_before=moved(publication.not_before),
        not_after=moved(publication.not_after),
        evidence=[*publication.evidence, Evidence("", 0, 0, "", rule)],
    )


def align_years_with_collection(
    documents: dict[str, Document], extractions: dict[str, Extraction] | None = None
) -> list[Document]:
    """Move articles whose year came from an ambiguous weekday-date pair or from weak evidence
    into the collection's year (see :func:`collection_years`); returns the articles that moved
    (their dates hang on it)."""
    years = collection_years(documents, extractions)
    changed: list[Document] = []
    for document in documents.values():
        aligned = year_from_collection(document.published, years)
        if aligned is not None:
            document.published = aligned
            changed.append(document)
    return changed
