"""crosscheck stage: comparable claims per document, verdicts per story."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsprism.crosscheck.claims import document_claims
from newsprism.crosscheck.verdicts import compare_statements, compare_values
from newsprism.crosscheck.whereabouts import whereabouts_claims
from newsprism.model import Claim, Comparison, Document, Extraction, Story

__all__ = ["crosscheck"]


def crosscheck(
    stories: Sequence[Story],
    documents: Mapping[str, Document],
    extractions: Mapping[str, Extraction],
    source_groups: Mapping[str, str],
) -> tuple[list[Claim], list[Comparison]]:
    """Claims of every document and the comparisons of every story.

    ``source_groups`` maps each document id to its independent-source group (documents that copy,
    rewrite or translate one report share a group).
    """
    claims: list[Claim] = []
    comparisons: list[Comparison] = []
    for story in stories:
        story_claims = [
            claim
            for doc_id in story.doc_ids
            if doc_id in documents and doc_id in extractions
            for claim in (
                document_claims(documents[doc_id], extractions[doc_id])
                + whereabouts_claims(documents[doc_id], extractions[doc_id])
            )
        ]
        claims.extend(story_claims)
        comparisons.extend(compare_values(story.id, story_claims, source_groups))
        comparisons.extend(compare_statements(story.id, story_claims, source_groups))
    return claims, comparisons
