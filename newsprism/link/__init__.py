"""link stage: across documents — entities (aliases), stories, and reuse (who copies whom).

:func:`link_corpus` is the one entry point the pipeline calls; :func:`independent_groups`,
:func:`same_place` and :func:`is_inside` are what the cross-check uses to count sources and
compare places.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from newsprism.link.aliases import assign, resolve
from newsprism.link.events import group_events
from newsprism.link.interlingua import corpus_anchors
from newsprism.link.places import containers, is_inside, place_chain, same_place
from newsprism.link.reuse import detect_reuse, independent_groups
from newsprism.link.stories import (
    cluster,
    document_vectors,
    make_stories,
    pair_similarity,
    people,
)
from newsprism.model import Document, Entity, Extraction, ReuseLink, Story

__all__ = [
    "Linking",
    "containers",
    "independent_groups",
    "is_inside",
    "link_corpus",
    "place_chain",
    "same_place",
]

logger = logging.getLogger(__name__)

# Set NEWSPRISM_EMBEDDINGS=0 to skip the multilingual encoder (faster; English-only grouping).
EMBEDDINGS_ENV = "NEWSPRISM_EMBEDDINGS"


@dataclass
class Linking:
    stories: list[Story]  # every document in exactly one story
    entities: list[Entity]  # cross-document entities with aliases, containment and evidence
    reuse: list[ReuseLink]  # dependent pairs only; doc_a is the earlier / source report


def _use_embeddings(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    return os.environ.get(EMBEDDINGS_ENV, "1").strip().lower() not in {"0", "false", "no", ""}


def link_corpus(
    documents: Sequence[Document],
    extractions: Mapping[str, Extraction],
    existing_stories: Sequence[Story] = (),
    *,
    embeddings: bool | None = None,
) -> Linking:
    """Link a corpus: resolve entities (setting ``Mention.entity_id`` and ``Quote.entity_id`` in
    place), detect reuse, and group documents into stories.

    ``embeddings`` turns the multilingual encoder on or off (default: on unless the environment
    variable ``NEWSPRISM_EMBEDDINGS=0``); without it, articles in different languages only meet
    through shared entities.
    """
    by_id = {d.id: d for d in documents}
    # in document-id order, so that a record (entity evidence included) is the same on every run
    linked = {d: extractions[d] for d in sorted(extractions) if d in by_id}
    resolution = resolve(by_id, linked)
    assign(linked, resolution, resolution.entities)

    vectors_by_doc = None
    if _use_embeddings(embeddings) and documents:
        try:
            from newsprism.link.embeddings import embed_documents

            vectors_by_doc = embed_documents(documents)
        except Exception as error:  # the encoder is optional
            logger.warning("multilingual embeddings unavailable, grouping without: %s", error)
    reuse = detect_reuse(documents, linked, vectors_by_doc)
    vectors = document_vectors(documents, linked)
    people_by_doc = {d.id: people(linked.get(d.id)) for d in documents}
    groups = cluster(documents, vectors, vectors_by_doc, people_by_doc=people_by_doc)
    del people_by_doc
    stories = make_stories(groups, by_id, existing_stories)
    languages = {d.id: d.language for d in documents}
    # language-independent anchors join events across languages (one language needs none);
    # passed, not kept, so they are freed once events are grouped
    events = group_events(
        stories, vectors, vectors_by_doc, languages,
        corpus_anchors(documents, linked) if len(set(languages.values())) > 1 else None,
    )
    stories = [replace(story, event_id=events[story.id]) for story in stories]
    if _unresolved_descriptions(linked):
        # "the actress" in an article that never names her: the story's other articles (the
        # similar ones) say who it is. Resolution runs again with the stories as scopes.
        scopes = {doc_id: story.id for story in stories for doc_id in story.doc_ids}
        resolution = resolve(by_id, linked, scopes, pair_similarity(vectors))
        assign(linked, resolution, resolution.entities)
    del vectors
    return Linking(stories=stories, entities=resolution.entities, reuse=reuse)


def _unresolved_descriptions(extractions: Mapping[str, Extraction]) -> bool:
    return any(
        m.kind == "nominal" and m.ref_start is None
        for extraction in extractions.values()
        for m in extraction.mentions
    )
