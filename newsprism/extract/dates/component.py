"""Time expressions normalised to TimeML values against the publication time (given or inferred).

The spaCy component ``newsprism_dates`` reads ``doc._.published`` (metadata, or None), sets
``doc._.publication`` (the given time, else one inferred from the text, else "unknown") and
``doc._.times`` (a list of :class:`~newsprism.model.TimeExpression`). Recognition and
normalisation are regular-expression rules over the raw text (``timex_rules``), so the component
costs a few percent of the spaCy pipeline's time.

Pure functions for other stages:

* :func:`normalise_times` — tag a text (or Doc) against a reference date;
* :func:`infer_publication_time` — re-exported from ``pubdate``;
* :func:`date_at` — the as-of date of a span (the nearest dated expression in its sentence, else
  the publication date), for quantities and events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract.core.extensions import doc_text, register_extensions
from newsprism.extract.dates.pubdate import complete_years, infer_publication_time
from newsprism.extract.dates.timex_rules import Timex, find_candidates, tag
from newsprism.model import Document, Extraction, PublicationTime, TimeExpression

__all__ = [
    "TimeExpressions",
    "complete_documents",
    "complete_years",
    "date_at",
    "doc_date_at",
    "find_times",
    "infer_publication_time",
    "make_dates",
    "normalise_times",
    "publication_date",
]

DEFAULT_INFER_PUBLICATION = True


def publication_date(publication: PublicationTime | None) -> date | None:
    """The calendar day of a publication time, when it has one."""
    if publication is None or not publication.value:
        return None
    m = re.match(r"\d{4}-\d\d-\d\d", publication.value)
    return date.fromisoformat(m.group()) if m else None


def _to_model(timexes: Sequence[Timex], doc_id: str) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    for t in timexes:
        out.append(
            TimeExpression(
                doc_id=doc_id, start=t.start, end=t.end, text=t.text,
                type=t.type,  # type: ignore[arg-type]
                value=t.value, date=t.date,
                anchor=t.anchor,  # type: ignore[arg-type]
            )
        )
    return out


def normalise_times(
    source: str | Doc, reference: date | None = None, doc_id: str = ""
) -> list[TimeExpression]:
    """Every time expression of a text or Doc, with TimeML values relative to ``reference``.

    ``reference`` is the publication date; with None, relative expressions stay underspecified
    (``XXXX-01-07``, ``PRESENT_REF``) and ``date`` is set only where the text gives a full date.
    For a Doc, ``doc_id`` defaults to ``doc._.doc_id``.
    """
    if isinstance(source, Doc):
        doc_id = doc_id or source._.doc_id
        source = source.text
    return _to_model(tag(source, reference), doc_id)


def date_at(
    times: Sequence[TimeExpression],
    start: int,
    end: int,
    *,
    sentence_start: int | None = None,
    sentence_end: int | None = None,
    publication: PublicationTime | str | None = None,
) -> str | None:
    """The as-of ISO date of the span ``[start, end)``.

    The dated expression (one that pins a calendar day) in the same sentence nearest to the span
    wins; without sentence bounds only expressions within the span's line are considered. Falls
    back to the publication date (a PublicationTime or an ISO string), else None.
    """
    lo = sentence_start if sentence_start is not None else start
    hi = sentence_end if sentence_end is not None else end
    best: tuple[int, str] | None = None
    for t in times:
        if t.date is None or t.type not in ("DATE", "TIME"):
            continue
        if t.start < lo or t.end > hi:
            continue
        overlaps = t.start < end and start < t.end
        distance = 0 if overlaps else min(abs(t.start - end), abs(start - t.end))
        if best is None or distance < best[0]:
            best = (distance, t.date)
    if best is not None:
        return best[1]
    if isinstance(publication, PublicationTime):
        day = publication_date(publication)
        return day.isoformat() if day else None
    if isinstance(publication, str) and re.match(r"\d{4}-\d\d-\d\d", publication):
        return publication[:10]
    return None


def doc_date_at(doc: Doc, start: int, end: int) -> str | None:
    """:func:`date_at` for a character span of a processed Doc (sentence from the Doc)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    sentence_start = sentence_end = None
    if span is not None and doc.has_annotation("SENT_START"):
        sentence_start, sentence_end = span.sent.start_char, span.sent.end_char
    return date_at(
        doc._.times or [],
        start,
        end,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        publication=doc._.publication,
    )


def find_times(doc: Doc, *, infer_publication: bool = DEFAULT_INFER_PUBLICATION) -> tuple[
    PublicationTime, list[TimeExpression]
]:
    """The publication time (given or inferred) and normalised time expressions of a Doc."""
    text = doc_text(doc)
    doc_id = doc._.doc_id or ""
    given: PublicationTime | None = doc._.published
    candidates = find_candidates(text)
    if given is not None and settled(given):
        publication = given
    elif infer_publication:
        unanchored = tag(text, None, candidates)
        publication = infer_publication_time(text, doc_id, timexes=unanchored)
    else:
        publication = PublicationTime(value=None, source="unknown")
    reference = publication_date(publication)
    return publication, _to_model(tag(text, reference, candidates), doc_id)


def counted_day(happened: str, published: str | None) -> str | None:
    """The day a figure holds for when its date is the day the event it counts happened ("190
    were killed in the explosion of 4 August"): the publication's when that is later, the
    event's for a report of that day, and unknown (None) without a publication day."""
    if published is None or published > happened:
        return published
    return happened


def settled(publication: PublicationTime) -> bool:
    """A publication time not to infer again: given, or inferred by a pass over the collection
    (which may have kept only a year: "day unknown")."""
    return bool(publication.value) or (
        publication.source == "inferred" and publication.partial is not None
        and publication.not_before is not None
    )


def complete_documents(documents: Sequence[Document], extractions: Sequence[Extraction]) -> int:
    """Year-less publication times borrow the year of related documents (e.g. one story's).

    For each document whose inferred publication time fixes month and day but no year
    (``partial="XXXX-01-07"``), a sibling dated within a few weeks lends its year; the document's
    ``published`` is updated and its extraction's ``times`` re-normalised against the new date.
    Metadata dates are never changed. Returns how many documents were completed.
    """
    before = [d.published for d in documents]
    after = complete_years(before)
    changed = 0
    for document, extraction, old, new in zip(documents, extractions, before, after, strict=True):
        if new is old:
            continue
        document.published = new
        extraction.times = normalise_times(document.text, publication_date(new), document.id)
        changed += 1
    return changed


class TimeExpressions:
    """spaCy component: sets ``doc._.publication`` and ``doc._.times``."""

    def __init__(
        self, nlp: Language, name: str, *, infer_publication: bool = DEFAULT_INFER_PUBLICATION
    ) -> None:
        register_extensions()
        self.name = name
        self.infer_publication = infer_publication

    def __call__(self, doc: Doc) -> Doc:
        publication, times = find_times(doc, infer_publication=self.infer_publication)
        doc._.publication = publication
        doc._.times = times
        return doc


@Language.factory(
    "newsprism_dates",
    default_config={"infer_publication": DEFAULT_INFER_PUBLICATION},
    assigns=["doc._.times", "doc._.publication"],
)
def make_dates(nlp: Language, name: str, infer_publication: bool) -> TimeExpressions:
    return TimeExpressions(nlp, name, infer_publication=infer_publication)
