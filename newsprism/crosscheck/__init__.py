"""crosscheck stage: comparable claims per document, verdicts per event."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import timedelta

from newsprism.crosscheck.claims import document_claims
from newsprism.crosscheck.places import fill_event_places, report_places
from newsprism.crosscheck.verdicts import compare_statements, compare_values
from newsprism.crosscheck.whereabouts import whereabouts_claims
from newsprism.model import Claim, Comparison, Document, Entity, Extraction, Story, day_of

__all__ = ["crosscheck"]


def crosscheck(
    stories: Sequence[Story],
    documents: Mapping[str, Document],
    extractions: Mapping[str, Extraction],
    source_groups: Mapping[str, str],
    entities: Sequence[Entity] = (),
) -> tuple[list[Claim], list[Comparison]]:
    """Claims of every document and the comparisons of every event.

    Claims are compared across the whole event their story belongs to (``Story.event_id``; a
    story without one is an event of its own): a toll re-issued in a later story is still a
    point of the same series. Each comparison is shown in the story holding most of its claims.
    ``source_groups`` maps each document id to its independent-source group (documents that copy,
    rewrite or translate one report share a group); ``entities`` (from the link stage) let a
    place named in any script the link stage resolved key a figure.
    """
    names = {entity.id: entity.canonical for entity in entities}
    claims: list[Claim] = []
    comparisons: list[Comparison] = []
    events: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        events[story.event_id or story.id].append(story)
    for event_id, members in events.items():
        story_of: dict[str, str] = {}
        event_claims: list[Claim] = []
        for story in members:
            for doc_id in story.doc_ids:
                if doc_id not in documents or doc_id not in extractions:
                    continue
                story_of[doc_id] = story.id
                event_claims.extend(
                    document_claims(documents[doc_id], extractions[doc_id], names)
                    + whereabouts_claims(documents[doc_id], extractions[doc_id])
                )
        fill_event_places(
            event_claims,
            {
                doc_id: report_places(documents[doc_id], extractions[doc_id], names)
                for doc_id in story_of
            },
        )
        claims.extend(event_claims)
        by_id = {claim.id: claim for claim in event_claims}
        current = _of_the_event(
            event_claims, [documents[d].published.value for d in story_of]
        )
        found = compare_values(event_id, current, source_groups) + compare_statements(
            event_id, current, source_groups
        )
        for comparison in found:
            comparison.event_id = event_id
            comparison.story_id = _main_story(comparison, by_id, story_of) or members[0].id
        comparisons.extend(found)
    return claims, comparisons


# A figure dated this long before the event's first reports is about an earlier event the
# report recalls ("the 1983 bombing killed 346"), not a point of this event's series. A year:
# inferred publication days can be a year off when an excerpt gives none, and a misread day
# must not drop a real figure.
HISTORY_DAYS = 365


def _of_the_event(claims: Sequence[Claim], published: Sequence[str | None]) -> list[Claim]:
    """The claims compared within the event: quantity and event claims dated well before its
    first reports (their 5th percentile of publication days: one misdated report does not move
    it) are recalled history; they stay in the record, with their sentence, but join no
    comparison. A figure dated by a year alone that is not history is compared as undated."""
    days = sorted(p[:10] for p in published if p)
    first = day_of(days[len(days) // 20]) if days else None
    cutoff = (first - timedelta(days=HISTORY_DAYS)).isoformat() if first else ""
    return [
        replace(c, as_of=None) if c.as_of and len(c.as_of) == YEAR_ONLY else c
        for c in claims
        if c.kind not in ("quantity", "event") or not c.as_of or c.as_of[:10] >= cutoff
    ]


# An as-of of a year alone ("the 2011 earthquake ... killed 18,400"): history before the event,
# otherwise no day to place the figure in a series.
YEAR_ONLY = 4


def _main_story(
    comparison: Comparison, claims: Mapping[str, Claim], story_of: Mapping[str, str]
) -> str:
    """The story holding most of a comparison's claims (the earliest-listed one on a tie)."""
    votes = Counter(story_of[claims[c].doc_id] for c in comparison.claim_ids if c in claims)
    return votes.most_common(1)[0][0] if votes else ""
