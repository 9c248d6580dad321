"""link_corpus on the two seed articles: aliases resolved, one story, independent sources."""

from __future__ import annotations

import json
import re

import pytest

from newsprism.extract import extract_document
from newsprism.link import independent_groups, link_corpus, same_place
from newsprism.model import Document


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().casefold()


@pytest.fixture(scope="module")
def seeds(nlp, seeds_dir):
    documents, extractions = [], {}
    for path in sorted(seeds_dir.glob("*.txt")):
        document, extraction = extract_document(
            nlp, Document(id=path.stem, text=path.read_text(encoding="utf-8"))
        )
        documents.append(document)
        extractions[document.id] = extraction
    linking = link_corpus(documents, extractions, embeddings=False)
    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))
    return documents, extractions, linking, gold


def test_link_seeds_in_one_story(seeds) -> None:
    documents, _, linking, _ = seeds
    assert len(linking.stories) == 1
    assert sorted(linking.stories[0].doc_ids) == sorted(d.id for d in documents)


def test_link_seeds_are_independent(seeds) -> None:
    documents, _, linking, _ = seeds
    groups = independent_groups([d.id for d in documents], linking.reuse)
    assert len(set(groups.values())) == 2
    assert linking.reuse == []


@pytest.mark.parametrize(
    "canonical",
    ["Mukhtar Ablyazov", "Kassym-Jomart Tokayev", "BTA Bank", "Almaty",
     "Collective Security Treaty Organization", "Serik Shelbayev"],
)
def test_link_seed_gold_alias_sets_resolved(seeds, canonical: str) -> None:
    documents, _, linking, gold = seeds
    text = norm(" ".join(d.text for d in documents))
    item = next(e for e in gold["entities"] if e["canonical"] == canonical)
    present = [n for n in {item["canonical"], *item["aliases"]}
               if n[0].isupper() and norm(n) in text]
    owners = [
        {e.id for e in linking.entities if norm(n) in {norm(a) for a in [e.canonical, *e.aliases]}}
        for n in present
    ]
    assert present and all(owners) and set.intersection(*owners)


def test_link_mentions_get_entity_ids_and_kiev_is_in_ukraine(seeds) -> None:
    _, extractions, linking, _ = seeds
    mentions = [m for e in extractions.values() for m in e.mentions]
    assert all(m.entity_id for m in mentions if m.kind == "name")
    # descriptions and pronouns that point at a name share its entity
    by_span = {(m.doc_id, m.start, m.end): m for m in mentions}
    references = [m for m in mentions if m.kind != "name" and m.ref_start is not None]
    assert references
    for reference in references:
        target = by_span.get((reference.doc_id, reference.ref_start, reference.ref_end))
        if target is not None and target.kind == "name":
            assert reference.entity_id == target.entity_id
    tokayev = {m.entity_id for m in mentions if "Tokayev" in m.text}
    assert len(tokayev) == 1
    assert same_place(linking.entities, "Kiev", "Ukraine")
    for entity in linking.entities:
        assert entity.label and entity.canonical


def test_link_record_does_not_depend_on_the_order_extractions_come_in(seeds) -> None:
    documents, extractions, linking, _ = seeds
    backwards = dict(reversed(list(extractions.items())))
    again = link_corpus(list(reversed(documents)), backwards, embeddings=False)
    assert [(e.id, e.canonical, e.aliases, e.evidence) for e in again.entities] == [
        (e.id, e.canonical, e.aliases, e.evidence) for e in linking.entities
    ]
