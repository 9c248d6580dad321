"""Unresolved descriptions matched across articles by what they do and by role synonyms."""

from __future__ import annotations

from collections.abc import Callable

from newsprism.link.aliases import assign, resolve, role_word
from newsprism.model import Document, Extraction, Mention

# (phrase, label, kind, head, roles); names have kind "name"
Spec = tuple[str, str, str, str, list[str]]


def build(texts: dict[str, str], specs: dict[str, list[Spec]]):
    documents, extractions = {}, {}
    for doc_id, text in texts.items():
        documents[doc_id] = Document(id=doc_id, text=text)
        mentions = []
        for phrase, label, kind, head, roles in specs[doc_id]:
            start = text.index(phrase)
            mentions.append(Mention(doc_id, start, start + len(phrase), phrase, label, kind=kind,
                                    head=head, roles=roles))
        extractions[doc_id] = Extraction(doc_id=doc_id, mentions=mentions)
    return documents, extractions


def similar(pairs: dict[frozenset[str], float]) -> Callable[[str, str], float]:
    return lambda a, b: 1.0 if a == b else pairs.get(frozenset((a, b)), 0.0)


def entity(extractions, doc_id: str, phrase: str) -> str:
    return next(m.entity_id for m in extractions[doc_id].mentions if m.text == phrase)


TEXTS = {
    "a": "Tom Hardwick opened fire at the depot, killing Ann Kowal. Police arrested Hardwick. "
         "Inspector Ray Dunn said the depot was closed.",
    "b": "The gunman opened fire at a bus depot on Tuesday. He was arrested within the hour.",
    "c": "The victim was killed near the ticket office. A spokesman said the depot was shut.",
}
SPECS: dict[str, list[Spec]] = {
    "a": [("Tom Hardwick", "PERSON", "name", "", ["open:agent", "kill:agent"]),
          ("Ann Kowal", "PERSON", "name", "", ["kill:patient"]),
          ("Hardwick", "PERSON", "name", "", ["arrest:patient"]),
          ("Ray Dunn", "PERSON", "name", "", ["say:agent"])],
    "b": [("gunman", "PERSON", "nominal", "gunman", ["open:agent"]),
          ("He", "PERSON", "pronoun", "", ["arrest:patient"])],
    "c": [("victim", "PERSON", "nominal", "victim", ["kill:patient"]),
          ("spokesman", "PERSON", "nominal", "spokesman", ["say:agent"])],
}


def test_aliases_description_joins_the_participant_doing_the_same() -> None:
    documents, extractions = build(TEXTS, SPECS)
    he = extractions["b"].mentions[1]
    gunman = extractions["b"].mentions[0]
    he.ref_start, he.ref_end, he.ref_rule = gunman.start, gunman.end, "pronoun: 'He'"
    sim = similar({frozenset("ab"): 0.4, frozenset("ac"): 0.4, frozenset("bc"): 0.3})
    resolution = resolve(documents, extractions, {d: "s" for d in TEXTS}, sim)
    assign(extractions, resolution, resolution.entities)
    hardwick = entity(extractions, "a", "Tom Hardwick")
    assert entity(extractions, "a", "Hardwick") == hardwick
    # "the gunman" opened fire and was arrested, as Hardwick did: not the victim, not Dunn
    assert entity(extractions, "b", "gunman") == hardwick
    assert entity(extractions, "b", "He") == hardwick
    assert entity(extractions, "c", "victim") == entity(extractions, "a", "Ann Kowal")
    # saying something is no evidence of being the one who said it elsewhere
    assert entity(extractions, "c", "spokesman") != entity(extractions, "a", "Ray Dunn")
    evidence = next(e for e in resolution.entities if e.id == hardwick).evidence
    assert any("open:agent" in why for why in evidence)


def test_aliases_roles_need_a_similar_article() -> None:
    documents, extractions = build(TEXTS, SPECS)
    # b is about another depot shooting altogether: its gunman stays apart
    sim = similar({frozenset("ab"): 0.01, frozenset("ac"): 0.4})
    resolution = resolve(documents, extractions, {d: "s" for d in TEXTS}, sim)
    assign(extractions, resolution, resolution.entities)
    assert entity(extractions, "b", "gunman") != entity(extractions, "a", "Tom Hardwick")


def test_aliases_role_synonyms_group_descriptions() -> None:
    texts = {
        "a": "The pirates seized a chemical tanker off the coast. Police boarded a skiff.",
        "b": "The brigands released the crew on Sunday. Cops questioned two fishermen.",
    }
    specs: dict[str, list[Spec]] = {
        "a": [("pirates", "PERSON", "nominal", "pirate", []),
              ("Police", "ORG", "nominal", "police", [])],
        "b": [("brigands", "PERSON", "nominal", "brigand", []),
              ("Cops", "ORG", "nominal", "cop", [])],
    }
    documents, extractions = build(texts, specs)
    resolution = resolve(documents, extractions, {"a": "s", "b": "s"},
                         similar({frozenset("ab"): 0.5}))
    assign(extractions, resolution, resolution.entities)
    assert entity(extractions, "a", "pirates") == entity(extractions, "b", "brigands")
    assert entity(extractions, "a", "Police") == entity(extractions, "b", "Cops")
    assert entity(extractions, "a", "pirates") != entity(extractions, "a", "Police")
    assert role_word("raider") == "pirate" and role_word("ship") == "ship"


def test_aliases_place_description_joins_the_name_containing_its_head() -> None:
    texts = {
        "a": "Two hikers were rescued from Mount Tarrow on Sunday after a storm.",
        "b": "The hikers spent a night on the mountain before a helicopter reached them.",
        "c": "The mountain town of Velden held a fair.",
    }
    specs: dict[str, list[Spec]] = {
        "a": [("Mount Tarrow", "LOC", "name", "", [])],
        "b": [("the mountain", "LOC", "nominal", "mountain", [])],
        "c": [("mountain town", "LOC", "nominal", "town", [])],
    }
    documents, extractions = build(texts, specs)
    resolution = resolve(documents, extractions, {d: "s" for d in texts},
                         similar({frozenset("ab"): 0.3, frozenset("ac"): 0.02}))
    assign(extractions, resolution, resolution.entities)
    tarrow = entity(extractions, "a", "Mount Tarrow")
    assert entity(extractions, "b", "the mountain") == tarrow
    assert entity(extractions, "c", "mountain town") != tarrow
