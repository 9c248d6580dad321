"""The overview: every event (stories of one unfolding event) at a glance, largest and latest first.

:func:`build_overview` reads the store's stories, comparisons, reuse links and the documents'
outlet and language (not their text, so it stays fast on a large database) and returns a
JSON-compatible dict, served as ``/api/overview`` and rendered as the web UI's first page:

- ``events``: ``id``, ``title`` (its largest story's), ``first_date``, ``last_date``,
  ``documents``, ``independent_sources`` (copies, rewrites and translations of one report
  count once), ``languages``, ``outlets`` (how many), ``verdicts`` (comparison counts by
  verdict, in ``model.VERDICTS`` order), ``figures`` (up to three key numeric comparisons, the
  most independent sources first:
  ``id``, ``story_id``, ``label``, ``verdict``, ``best``, ``low``, ``high``,
  ``independent_sources``) and ``stories`` (the same facts per story, the matching ones only);
- ``filters``: the filter values applied, and the ``languages``, ``outlets`` and ``verdicts``
  one can choose from.

Events and stories are ordered by size (documents), then by recency (last date), then id.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from newsprism import model
from newsprism.show.record import Sources
from newsprism.store.sqlite import Store

FIGURES_PER_EVENT = 3
# The numeric comparisons an event's summary may name (the most independent sources first,
# then in this order).
FIGURE_ORDER = {"conflicting": 0, "revised": 1, "updated": 2, "agreed": 3}


def _documents(store: Store) -> dict[str, tuple[str, str]]:
    rows = store.connection.execute("SELECT id, outlet, language FROM documents")
    return {row[0]: (row[1] or "", row[2] or "") for row in rows}


def _ordered(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    items.sort(key=lambda e: e["id"])
    items.sort(key=lambda e: e["last_date"] or "", reverse=True)
    items.sort(key=lambda e: e["documents"], reverse=True)
    return items


def _verdicts(counts: Counter[str]) -> dict[str, int]:
    return {verdict: counts[verdict] for verdict in model.VERDICTS if counts[verdict]}


def _figure(comparison: model.Comparison) -> dict[str, Any]:
    return {
        "id": comparison.id,
        "story_id": comparison.story_id,
        "label": comparison.label,
        "verdict": comparison.verdict,
        "best": comparison.best,
        "low": comparison.low,
        "high": comparison.high,
        "independent_sources": comparison.independent_sources,
    }


def build_overview(
    store: Store, *, language: str = "", outlet: str = "", verdict: str = ""
) -> dict[str, Any]:
    """Events and their stories, filtered by a document language, an outlet (exact, any case)
    and a comparison verdict (each optional)."""
    documents = _documents(store)
    stories = store.stories()
    comparisons = store.comparisons()
    sources = Sources(documents, store.reuse_links())
    story_verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    event_of = {story.id: story.event_id or story.id for story in stories}
    by_event: dict[str, list[model.Comparison]] = defaultdict(list)
    for comparison in comparisons:
        story_verdicts[comparison.story_id][comparison.verdict] += 1
        event = comparison.event_id or event_of.get(comparison.story_id, comparison.story_id)
        by_event[event].append(comparison)

    wanted_outlet = outlet.strip().casefold()

    def matches(story: model.Story) -> bool:
        docs = [documents[d] for d in story.doc_ids if d in documents]
        if language and all(lang != language for _, lang in docs):
            return False
        if wanted_outlet and all(name.casefold() != wanted_outlet for name, _ in docs):
            return False
        return not (verdict and not story_verdicts[story.id][verdict])

    def facts(doc_ids: list[str]) -> dict[str, Any]:
        present = [d for d in doc_ids if d in documents]
        return {
            "documents": len(present),
            "independent_sources": sources.count(present),
            "languages": sorted({documents[d][1] or "?" for d in present}),
            "outlets": len({documents[d][0] for d in present if documents[d][0]}),
        }

    members: dict[str, list[model.Story]] = defaultdict(list)
    for story in stories:
        members[event_of[story.id]].append(story)
    events = []
    for event_id, event_stories in members.items():
        shown = [story for story in event_stories if matches(story)]
        if not shown:
            continue
        story_entries = _ordered(
            [
                {
                    "id": story.id,
                    "title": story.title,
                    "first_date": story.first_date,
                    "last_date": story.last_date,
                    **facts(story.doc_ids),
                    "verdicts": _verdicts(story_verdicts[story.id]),
                }
                for story in shown
            ]
        )
        all_docs = list(dict.fromkeys(d for story in event_stories for d in story.doc_ids))
        largest = max(event_stories, key=lambda s: (len(s.doc_ids), s.last_date or "", s.id))
        numeric = [
            c
            for c in by_event.get(event_id, [])
            if c.kind == "quantity" and c.best is not None and c.verdict in FIGURE_ORDER
        ]
        numeric.sort(key=lambda c: (-c.independent_sources, FIGURE_ORDER[c.verdict], c.label))
        events.append(
            {
                "id": event_id,
                "title": largest.title,
                "first_date": min((s.first_date for s in event_stories if s.first_date),
                                  default=None),
                "last_date": max((s.last_date for s in event_stories if s.last_date),
                                 default=None),
                **facts(all_docs),
                "verdicts": _verdicts(Counter(c.verdict for c in by_event.get(event_id, []))),
                "figures": [_figure(c) for c in numeric[:FIGURES_PER_EVENT]],
                "stories": story_entries,
            }
        )
    return {
        "events": _ordered(events),
        "filters": {
            "language": language,
            "outlet": outlet,
            "verdict": verdict,
            "languages": sorted({lang for _, lang in documents.values() if lang}),
            "outlets": sorted({name for name, _ in documents.values() if name}, key=str.casefold),
            "verdicts": list(model.VERDICTS),
        },
    }

