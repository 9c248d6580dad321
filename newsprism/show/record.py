"""The machine-readable record: one JSON-compatible dict built from the store.

Every report format renders this dict, so the text, Markdown, HTML and JSON outputs can never
disagree. Every extracted item keeps its ``doc_id`` and character span, and every item shown to a
reader carries the full source sentence, recovered from the stored sentence boundaries (never
from a summary), because provenance is what lets a fact-checker verify a figure in one click.
Field-by-field documentation: ``docs/output.md``.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from newsprism import model
from newsprism.store.sqlite import Store

# Version of the record's layout (not the database schema): bumped when a key is renamed or
# removed; adding keys does not bump it.
RECORD_SCHEMA_VERSION = 1

UNKNOWN_SPEAKER = "(unnamed speaker)"


class SentenceIndex:
    """Finds the sentence around a character span of a document."""

    def __init__(self, documents: Iterable[model.Document], extractions: dict[str, Any]) -> None:
        self.texts: dict[str, str] = {doc.id: doc.text for doc in documents}
        self.bounds: dict[str, list[tuple[int, int]]] = {}
        for doc_id, extraction in extractions.items():
            spans = sorted((s.start, s.end) for s in extraction.sentences)
            self.bounds[doc_id] = spans

    def span(self, doc_id: str, start: int, end: int) -> tuple[int, int]:
        """Start and end of the sentence holding ``start`` (the span itself if none is stored)."""
        spans = self.bounds.get(doc_id) or []
        starts = [s for s, _ in spans]
        i = bisect.bisect_right(starts, start) - 1
        if 0 <= i < len(spans) and spans[i][0] <= start < max(spans[i][1], start + 1):
            s_start, s_end = spans[i]
            # A span that runs past its sentence (a quote over several sentences) keeps them all.
            while end > s_end and i + 1 < len(spans):
                i += 1
                s_end = spans[i][1]
            return s_start, max(s_end, end)
        return start, end

    def text(self, doc_id: str, start: int, end: int) -> str:
        return self.texts.get(doc_id, "")[start:end].strip()

    def sentence(
        self, doc_id: str, start: int, end: int, given: tuple[int, int] | None = None
    ) -> dict[str, Any]:
        """``sentence_start``, ``sentence_end`` and ``sentence`` for a span.

        ``given`` is a sentence span an extractor already stored (claims, quantities, events);
        it is used when it really contains the item.
        """
        if given is not None and given[1] > given[0] and given[0] <= start and end <= given[1]:
            s_start, s_end = given
        else:
            s_start, s_end = self.span(doc_id, start, end)
        return {
            "sentence_start": s_start,
            "sentence_end": s_end,
            "sentence": self.text(doc_id, s_start, s_end),
        }


def _with_sentence(item: Any, index: SentenceIndex, given: bool = False) -> dict[str, Any]:
    data = model.to_dict(item)
    stored = (data.get("sentence_start", 0), data.get("sentence_end", 0)) if given else None
    data.update(index.sentence(item.doc_id, item.start, item.end, stored))
    return data


def _document_entry(doc: model.Document) -> dict[str, Any]:
    published = doc.published
    return {
        "id": doc.id,
        "outlet": doc.outlet,
        "title": doc.title,
        "url": doc.url,
        "language": doc.language,
        "path": doc.path,
        "published": {
            "value": published.value,
            "source": published.source,
            "confidence": published.confidence,
            "not_before": published.not_before,
            "not_after": published.not_after,
            "partial": published.partial,
            "evidence": [model.to_dict(e) for e in published.evidence],
        },
        "cited_sources": sorted({c.name for c in doc.cited_sources}),
        "cited_source_mentions": [model.to_dict(c) for c in doc.cited_sources],
        "translation_noise": round(doc.translation_noise, 3),
        "machine_translated": doc.machine_translated,
    }


def _timeline(
    doc_ids: list[str],
    extractions: dict[str, model.Extraction],
    outlets: dict[str, str],
    index: SentenceIndex,
) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for doc_id in doc_ids:
        extraction = extractions.get(doc_id)
        if extraction is None:
            continue
        event_sentences: set[int] = set()
        for event in extraction.events:
            if not event.date:
                continue
            where = index.sentence(
                doc_id, event.start, event.end, (event.sentence_start, event.sentence_end)
            )
            event_sentences.add(where["sentence_start"])
            entries.append(
                {
                    "date": event.date,
                    "kind": "event",
                    "type": event.type,
                    "text": event.text,
                    "place": event.place,
                    "participants": list(event.participants),
                    "doc_id": doc_id,
                    "outlet": outlets.get(doc_id, ""),
                    "start": event.start,
                    "end": event.end,
                    **where,
                }
            )
        for time in extraction.times:
            if not time.date:
                continue
            where = index.sentence(doc_id, time.start, time.end)
            # A dated sentence that already yields an event is shown once, as that event.
            if where["sentence_start"] in event_sentences:
                continue
            entries.append(
                {
                    "date": time.date,
                    "kind": "time",
                    "type": time.type,
                    "text": time.text,
                    "place": "",
                    "participants": [],
                    "doc_id": doc_id,
                    "outlet": outlets.get(doc_id, ""),
                    "start": time.start,
                    "end": time.end,
                    **where,
                }
            )
    # Several time expressions in one sentence would repeat it: keep the first per (doc, date).
    # The same sentence in several documents (a copied report) is one entry listing them all.
    seen: set[tuple[str, str, int]] = set()
    by_sentence: dict[tuple[str, str], dict[str, Any]] = {}
    unique = []
    for entry in sorted(entries, key=lambda e: (e["date"], e["doc_id"], e["start"])):
        key = (entry["doc_id"], entry["date"], entry["sentence_start"])
        if entry["kind"] == "time" and key in seen:
            continue
        seen.add(key)
        same = (entry["date"], " ".join(entry["sentence"].casefold().split()))
        first = by_sentence.get(same)
        if first is not None and first["doc_id"] != entry["doc_id"]:
            if all(other["doc_id"] != entry["doc_id"] for other in first["also"]):
                first["also"].append({k: entry[k] for k in ("doc_id", "outlet", "start", "end")})
            continue
        entry["also"] = []
        by_sentence.setdefault(same, entry)
        unique.append(entry)
    return unique


def _claim_entry(
    claim: model.Claim,
    outlets: dict[str, str],
    index: SentenceIndex,
    sources: Sources | None = None,
) -> dict[str, Any]:
    where = index.sentence(
        claim.doc_id, claim.start, claim.end, (claim.sentence_start, claim.sentence_end)
    )
    return {
        "id": claim.id,
        "doc_id": claim.doc_id,
        "outlet": outlets.get(claim.doc_id, ""),
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "unit": claim.unit,
        "as_of": claim.as_of,
        "attributed_to": claim.attributed_to,
        "scope": claim.scope,
        "stance": claim.stance,
        "start": claim.start,
        "end": claim.end,
        "text": index.text(claim.doc_id, claim.start, claim.end),
        **where,
        "source": sources.group.get(claim.doc_id, claim.doc_id) if sources else claim.doc_id,
        "copy_of": sources.copy_of.get(claim.doc_id, "") if sources else "",
    }


class Sources:
    """Which documents are one independent source: copies, rewrites and translations of one
    report collapse to one group (``group``: doc id -> group id), and ``copy_of`` names the
    report a derived document was taken from."""

    def __init__(self, doc_ids: Iterable[str], links: Iterable[model.ReuseLink]) -> None:
        derived = [link for link in links if link.kind != "independent"]
        self.group = model.independent_groups(set(doc_ids), derived)
        self.copy_of = {link.doc_b: link.doc_a for link in derived}

    def count(self, doc_ids: Iterable[str]) -> int:
        return len({self.group.get(doc_id, doc_id) for doc_id in doc_ids})


def _claim_table(
    comparisons: list[model.Comparison],
    claims: dict[str, model.Claim],
    outlets: dict[str, str],
    index: SentenceIndex,
    sources: Sources | None = None,
) -> list[dict[str, Any]]:
    rows = []
    for comparison in comparisons:
        entries = [
            _claim_entry(claims[claim_id], outlets, index, sources)
            for claim_id in comparison.claim_ids
            if claim_id in claims
        ]
        entries.sort(key=lambda c: (c["as_of"] or "", c["outlet"], c["doc_id"], c["start"]))
        rows.append(
            {
                "id": comparison.id,
                "key": comparison.key,
                "label": comparison.label,
                "kind": comparison.kind,
                "verdict": comparison.verdict,
                "independent_sources": comparison.independent_sources,
                "low": comparison.low,
                "best": comparison.best,
                "high": comparison.high,
                "best_rule": comparison.best_rule,
                "note": comparison.note,
                "conflicts": [model.to_dict(day) for day in comparison.conflicts],
                "claims": entries,
            }
        )
    verdict_order = {verdict: i for i, verdict in enumerate(model.VERDICTS)}
    rows.sort(key=lambda r: (verdict_order.get(r["verdict"], 99), r["label"], r["key"]))
    return rows


def _quotes_by_speaker(
    doc_ids: list[str],
    extractions: dict[str, model.Extraction],
    entities: dict[str, model.Entity],
    outlets: dict[str, str],
    index: SentenceIndex,
) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for doc_id in doc_ids:
        extraction = extractions.get(doc_id)
        if extraction is None:
            continue
        for quote in extraction.quotes:
            entity = entities.get(quote.entity_id) if quote.entity_id else None
            name = (
                entity.canonical
                if entity is not None
                else quote.speaker or quote.speaker_text or UNKNOWN_SPEAKER
            )
            key = entity.id if entity is not None else name.casefold()
            group = groups.setdefault(
                key,
                {"speaker": name, "entity_id": entity.id if entity else "", "quotes": []},
            )
            group["quotes"].append(
                {
                    "doc_id": doc_id,
                    "outlet": outlets.get(doc_id, ""),
                    "kind": quote.kind,
                    "text": quote.text,
                    "speaker_text": quote.speaker_text,
                    "cue": quote.cue,
                    "start": quote.start,
                    "end": quote.end,
                    **index.sentence(doc_id, quote.start, quote.end),
                }
            )
    result = list(groups.values())
    for group in result:
        group["quotes"].sort(key=lambda q: (q["doc_id"], q["start"]))
    # Named speakers first, most quoted first; the unnamed bucket last.
    result.sort(
        key=lambda g: (g["speaker"] == UNKNOWN_SPEAKER, -len(g["quotes"]), g["speaker"].casefold())
    )
    return result


def _reuse_entry(link: model.ReuseLink, outlets: dict[str, str]) -> dict[str, Any]:
    return {
        "doc_a": link.doc_a,
        "outlet_a": outlets.get(link.doc_a, ""),
        "doc_b": link.doc_b,
        "outlet_b": outlets.get(link.doc_b, ""),
        "kind": link.kind,
        "score": round(link.score, 3),
        "evidence": link.evidence,
    }


def build_record(store: Store, story_id: str | None = None) -> dict[str, Any]:
    """The whole record (or one story's part of it) as a JSON-compatible dict.

    Keys come in a fixed order and lists are sorted, so two runs over the same database give
    byte-identical JSON.
    """
    stories = store.stories()
    if story_id is not None:
        stories = [story for story in stories if story.id == story_id]
    if story_id is None:
        documents = store.documents()
        extractions = store.extractions()
    else:
        # One story: read only its documents, so a story page stays fast on a large database.
        wanted = dict.fromkeys(doc_id for story in stories for doc_id in story.doc_ids)
        found = (store.document(doc_id) for doc_id in wanted)
        documents = [doc for doc in found if doc is not None]
        extractions = {doc.id: store.extraction(doc.id) for doc in documents}
    doc_ids = {doc.id for doc in documents}
    comparisons = store.comparisons(story_id)
    # A story's comparisons run across its event: their claims from the event's other stories
    # are shown too, with their sentences, though those documents are not the story's.
    cited_ids = {c for comparison in comparisons for c in comparison.claim_ids}
    all_claims = [c for c in store.claims() if c.doc_id in doc_ids or c.id in cited_ids]
    cited = [
        doc
        for doc_id in sorted({c.doc_id for c in all_claims} - doc_ids)
        if (doc := store.document(doc_id)) is not None
    ]
    cited_extractions = {doc.id: store.extraction(doc.id) for doc in cited}
    outlets = {doc.id: doc.outlet for doc in [*documents, *cited]}
    index = SentenceIndex([*documents, *cited], {**extractions, **cited_extractions})
    used_entities = {
        item.entity_id
        for extraction in extractions.values()
        for item in [*extraction.mentions, *extraction.quotes]
        if item.entity_id
    }
    # One story reads only the entities its documents mention or quote.
    wanted = None if story_id is None else used_entities
    entities = {entity.id: entity for entity in store.entities(wanted)}
    claims = {claim.id: claim for claim in all_claims}
    by_story: dict[str, list[model.Comparison]] = defaultdict(list)
    for comparison in comparisons:
        by_story[comparison.story_id].append(comparison)
    every_link = store.reuse_links()
    links = [link for link in every_link if link.doc_a in doc_ids or link.doc_b in doc_ids]
    sources = Sources([*doc_ids, *(c.doc_id for c in all_claims)], every_link)
    documents_by_id = {doc.id: doc for doc in documents}

    story_entries = []
    for story in stories:
        members = [doc_id for doc_id in story.doc_ids if doc_id in documents_by_id]
        member_set = set(members)
        story_entries.append(
            {
                "id": story.id,
                "title": story.title,
                "first_date": story.first_date,
                "last_date": story.last_date,
                "event_id": story.event_id,
                "document_ids": list(story.doc_ids),
                "languages": sorted({documents_by_id[d].language or "?" for d in members}),
                "independent_sources": sources.count(members),
                "timeline": _timeline(members, extractions, outlets, index),
                "claims": _claim_table(
                    by_story.get(story.id, []), claims, outlets, index, sources
                ),
                "quotes_by_speaker": _quotes_by_speaker(
                    members, extractions, entities, outlets, index
                ),
                "sources": sorted(
                    (_document_entry(documents_by_id[d]) for d in members),
                    key=lambda d: (d["published"]["value"] or "9999", d["outlet"], d["id"]),
                ),
                "reuse": [
                    _reuse_entry(link, outlets)
                    for link in links
                    if link.doc_a in member_set and link.doc_b in member_set
                ],
            }
        )

    ordered = sorted(extractions)
    entity_list = [
        model.to_dict(entity)
        for entity in sorted(entities.values(), key=lambda e: e.id)
        if story_id is None or entity.id in used_entities
    ]
    return {
        "schema_version": RECORD_SCHEMA_VERSION,
        "model_schema_version": model.SCHEMA_VERSION,
        "counts": {
            "stories": len(story_entries),
            "documents": len(documents),
            "claims": len(claims),
            "comparisons": len(comparisons),
        },
        "stories": story_entries,
        "documents": [
            {**_document_entry(doc), "text": doc.text}
            for doc in sorted(documents, key=lambda d: d.id)
        ],
        "entities": entity_list,
        "times": [_with_sentence(t, index) for d in ordered for t in extractions[d].times],
        "quantities": [
            _with_sentence(q, index, given=True) for d in ordered for q in extractions[d].quantities
        ],
        "quotes": [_with_sentence(q, index) for d in ordered for q in extractions[d].quotes],
        "events": [
            _with_sentence(e, index, given=True) for d in ordered for e in extractions[d].events
        ],
        "claims": [
            {
                **model.to_dict(claim),
                **index.sentence(
                    claim.doc_id, claim.start, claim.end, (claim.sentence_start, claim.sentence_end)
                ),
            }
            for claim in sorted(claims.values(), key=lambda c: c.id)
            if claim.doc_id in doc_ids
        ],
        "comparisons": [model.to_dict(c) for c in sorted(comparisons, key=lambda c: c.id)],
        "reuse_links": [_reuse_entry(link, outlets) for link in links],
    }
