"""Events above stories: the stories of one unfolding event, compared as one.

A real event unfolds over weeks and its vocabulary drifts (the blast, the toll, the arrests, the
resignations, the anniversary); stories follow the vocabulary, so one event splits into many.
Figures re-issued in a later story still belong to the event's series, so the cross-check
compares claims across the event. Two stories are one event when their centroids (TF-IDF over
words and linked entities, blended with the multilingual embedding as in story grouping) are
similar at a bar well below the story bar, and their dates lie within EVENT_WINDOW_DAYS; events
are the connected components of that relation. Sister events (two earthquakes, two dam
failures) stay apart because they share neither places nor people nor days.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np

from newsprism.link.stories import CANDIDATE_TERMS, EMBEDDING_WEIGHT
from newsprism.model import Story

# Similarity of two stories' centroids at which they are one event: TF-IDF cosine alone, and
# blended with the embedding cosine (which runs higher), as for stories but lower than their
# MERGE_MIN (0.65): a story's own reports must be near-paraphrases, an event's stories only
# need to share its anchors.
EVENT_MIN = 0.15
EVENT_MIN_EMBEDDED = 0.3
EVENT_WINDOW_DAYS = 400  # anniversaries and inquiries a year on still belong to the event
CANDIDATE_TERMS_EVENT = 4 * CANDIDATE_TERMS
EVENT_POSTING_CAP = 500


def event_id(story_ids: Sequence[str]) -> str:
    return "ev_" + hashlib.sha1(min(story_ids).encode()).hexdigest()[:12]


def _unit(vector: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def _span(story: Story) -> tuple[date | None, date | None]:
    def parse(value: str | None) -> date | None:
        try:
            return date.fromisoformat(value[:10]) if value else None
        except ValueError:
            return None

    return parse(story.first_date), parse(story.last_date)


def _windows_meet(a: tuple[date | None, date | None], b: tuple[date | None, date | None]) -> bool:
    if None in a or None in b:
        return True
    (a_first, a_last), (b_first, b_last) = a, b
    gap = max((b_first - a_last).days, (a_first - b_last).days, 0)  # type: ignore[operator]
    return gap <= EVENT_WINDOW_DAYS


def group_events(
    stories: Sequence[Story],
    vectors: Mapping[str, Mapping[str, float]],
    embeddings: Mapping[str, np.ndarray] | None = None,
) -> dict[str, str]:
    """Story id -> event id. ``vectors`` are the documents' unit TF-IDF vectors (as for story
    grouping), ``embeddings`` their multilingual embeddings when there are any."""
    embeddings = embeddings or {}
    bar = EVENT_MIN_EMBEDDED if embeddings else EVENT_MIN
    centroids: list[dict[str, float]] = []
    embedded: list[np.ndarray | None] = []
    for story in stories:
        total: dict[str, float] = defaultdict(float)
        for doc_id in story.doc_ids:
            for term, weight in vectors.get(doc_id, {}).items():
                total[term] += weight
        centroids.append(_unit(total))
        found = [embeddings[d] for d in story.doc_ids if d in embeddings]
        if found:
            mean = np.sum(found, axis=0)
            embedded.append(mean / (float(np.linalg.norm(mean)) or 1.0))
        else:
            embedded.append(None)
    spans = [_span(s) for s in stories]

    # Candidate pairs share one of their centroids' top terms: near-linear, as for stories, with
    # more terms per story, since an event's stories share its anchors but not their words.
    index: dict[str, list[int]] = defaultdict(list)
    for i, centroid in enumerate(centroids):
        top = sorted(centroid, key=centroid.__getitem__, reverse=True)
        for term in top[:CANDIDATE_TERMS_EVENT]:
            index[term].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > EVENT_POSTING_CAP:
            continue  # a term most stories share blocks nothing (and would cost n² pairs)
        for position, i in enumerate(members):
            pairs.update((i, j) for j in members[position + 1 :])
    ranked = sorted(
        ((_similarity(centroids, embedded, i, j), i, j) for i, j in pairs), reverse=True
    )

    # Greedy merging on the groups' own centroids, most similar pairs first (average-link-like):
    # a chain of pairwise-similar stories does not pull two different events together.
    parent = list(range(len(stories)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sums = [dict(c) for c in centroids]
    embedding_sums = [None if e is None else e.copy() for e in embedded]
    for similarity, i, j in ranked:
        if similarity < bar:
            break
        a, b = find(i), find(j)
        if a == b or not _windows_meet(spans[a], spans[b]):
            continue
        if not _share_anchor(sums[a], sums[b]):
            continue
        if _similarity([_unit(sums[a]), _unit(sums[b])], [_unit_vector(embedding_sums[a]),
                       _unit_vector(embedding_sums[b])], 0, 1) < bar:
            continue
        parent[b] = a
        for term, weight in sums[b].items():
            sums[a][term] = sums[a].get(term, 0.0) + weight
        if embedding_sums[b] is not None:
            embedding_sums[a] = (embedding_sums[b] if embedding_sums[a] is None
                                 else embedding_sums[a] + embedding_sums[b])
        spans[a] = _joined(spans[a], spans[b])

    groups: dict[int, list[str]] = defaultdict(list)
    for i, story in enumerate(stories):
        groups[find(i)].append(story.id)
    return {sid: event_id(members) for members in groups.values() for sid in members}


def _share_anchor(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """Two groups of one event name a common place, person or organisation among their most
    weighty terms: the language-independent anchor that similar wording alone is not."""
    def anchors(centroid: Mapping[str, float]) -> set[str]:
        top = sorted(centroid, key=centroid.__getitem__, reverse=True)[:CANDIDATE_TERMS_EVENT]
        return {t for t in top if t.startswith("@")}

    return bool(anchors(a) & anchors(b))


def _unit_vector(vector: np.ndarray | None) -> np.ndarray | None:
    return None if vector is None else vector / (float(np.linalg.norm(vector)) or 1.0)


Span = tuple[date | None, date | None]


def _joined(a: Span, b: Span) -> Span:
    firsts = [d for d in (a[0], b[0]) if d is not None]
    lasts = [d for d in (a[1], b[1]) if d is not None]
    return (min(firsts) if firsts else None, max(lasts) if lasts else None)


def _similarity(
    centroids: Sequence[Mapping[str, float]],
    embedded: Sequence[np.ndarray | None],
    i: int,
    j: int,
) -> float:
    small, large = sorted((centroids[i], centroids[j]), key=len)
    cosine = sum(w * large.get(t, 0.0) for t, w in small.items())
    a, b = embedded[i], embedded[j]
    if a is not None and b is not None:
        cosine = (1 - EMBEDDING_WEIGHT) * cosine + EMBEDDING_WEIGHT * float(np.dot(a, b))
    return cosine
