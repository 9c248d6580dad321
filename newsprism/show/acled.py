"""Events in ACLED's column layout, so an analyst can load them where they load ACLED data.

ACLED codes political violence and protest; newsprism's event types map onto its
``event_type`` where one fits, and keep their own name in ``sub_event_type``. Types ACLED does
not cover (a dam collapse, an earthquake) keep an empty ``event_type``.
"""

from __future__ import annotations

from typing import Any

from newsprism.show.record import SentenceIndex
from newsprism.store.sqlite import Store

# newsprism event type -> ACLED event_type (ACLED codebook, 2023 edition).
ACLED_EVENT_TYPES: dict[str, str] = {
    "protests began": "Protests",
    "protest": "Protests",
    "riots": "Riots",
    "riot": "Riots",
    "explosion": "Explosions/Remote violence",
    "detention": "Strategic developments",
    "deployment": "Strategic developments",
    "resignation": "Strategic developments",
    "summit": "Strategic developments",
    "state of emergency declared": "Strategic developments",
    "state of emergency ends": "Strategic developments",
}

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "year",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "location",
    "fatalities",
    "source",
    "source_url",
    "notes",
    "doc_id",
    "start",
    "end",
)
INTEGER_COLUMNS = frozenset({"year", "fatalities", "start", "end"})


def acled_events(store: Store) -> list[dict[str, Any]]:
    """One row per dated or undated event, in ACLED's column names (plus provenance)."""
    documents = {doc.id: doc for doc in store.documents()}
    extractions = store.extractions()
    index = SentenceIndex(documents.values(), extractions)
    rows = []
    for doc_id, extraction in sorted(extractions.items()):
        doc = documents.get(doc_id)
        if doc is None:
            continue
        for position, event in enumerate(extraction.events):
            # Fatalities: the killed-counts the event extractor attached to this event.
            killed = [
                extraction.quantities[i]
                for i in event.quantity_indexes
                if 0 <= i < len(extraction.quantities)
                and extraction.quantities[i].measure == "killed"
                and not extraction.quantities[i].negated
                and extraction.quantities[i].low is not None
            ]
            where = index.sentence(
                doc_id, event.start, event.end, (event.sentence_start, event.sentence_end)
            )
            rows.append(
                {
                    "event_id": f"{doc_id}:{position}",
                    "event_date": event.date or "",
                    "year": int(event.date[:4])
                    if event.date and event.date[:4].isdigit()
                    else None,
                    "event_type": ACLED_EVENT_TYPES.get(event.type, ""),
                    "sub_event_type": event.type,
                    "actor1": event.participants[0] if event.participants else "",
                    "assoc_actor_1": "; ".join(event.participants[1:]),
                    "location": event.place,
                    "fatalities": int(sum(q.low or 0 for q in killed)) if killed else None,
                    "source": doc.outlet,
                    "source_url": doc.url,
                    "notes": " ".join(where["sentence"].split()),
                    "doc_id": doc_id,
                    "start": event.start,
                    "end": event.end,
                }
            )
    return rows
