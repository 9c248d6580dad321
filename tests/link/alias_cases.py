"""Entities resolved from team-written texts whose names are given: what the alias tests build."""

from __future__ import annotations

from newsprism.link.aliases import assign, resolve
from newsprism.model import Document, Entity, Extraction, Mention


def build(texts: dict[str, str], names: dict[str, list[tuple[str, str]]],
          languages: dict[str, str] | None = None) -> tuple[dict[str, Extraction], list[Entity]]:
    documents, extractions = {}, {}
    for doc_id, text in texts.items():
        documents[doc_id] = Document(id=doc_id, text=text,
                                     language=(languages or {}).get(doc_id, "en"))
        mentions = []
        for phrase, label in names.get(doc_id, []):
            start = text.index(phrase)
            mentions.append(Mention(doc_id, start, start + len(phrase), phrase, label))
        extractions[doc_id] = Extraction(doc_id=doc_id, mentions=mentions)
    resolution = resolve(documents, extractions)
    assign(extractions, resolution, resolution.entities)
    return extractions, resolution.entities


def holding(entities: list[Entity], name: str) -> Entity | None:
    return next((e for e in entities if name == e.canonical or name in e.aliases), None)
