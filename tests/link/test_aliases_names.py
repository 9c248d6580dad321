"""Name variants merged across articles: suffixes, legal forms, dropped first names, short forms
of organisations, surnames the tagger reads as nouns."""

from __future__ import annotations

from newsprism.link.aliases import assign, resolve
from newsprism.model import Document, Extraction, Mention


def build(texts: dict[str, str], names: dict[str, list[tuple[str, str, str]]],
          scopes: dict[str, str] | None = None):
    """names: doc -> [(phrase, label, kind)]."""
    documents, extractions = {}, {}
    for doc_id, text in texts.items():
        documents[doc_id] = Document(id=doc_id, text=text)
        mentions = []
        for phrase, label, kind in names[doc_id]:
            start = text.index(phrase)
            head = phrase.lower() if kind == "nominal" else ""
            mentions.append(Mention(doc_id, start, start + len(phrase), phrase, label, kind=kind,
                                    head=head))
        extractions[doc_id] = Extraction(doc_id=doc_id, mentions=mentions)
    resolution = resolve(documents, extractions, scopes)
    assign(extractions, resolution, resolution.entities)
    return extractions, resolution


def entity(extractions, doc_id: str, phrase: str) -> str:
    return next(m.entity_id for m in extractions[doc_id].mentions if m.text == phrase)


def test_aliases_generational_suffix_and_dropped_first_name() -> None:
    texts = {
        "a": "Inmate Harlan Joseph Pruett Jr escaped from a prison van near Tyler.",
        "b": "Pruett was caught two days later in a motel.",
        "c": "Prosecutor Elena Vasquez Marin said Vasquez Marin would appeal.",
        "d": "Deputy W. Dale Corbin confirmed it. Dale Corbin led the search.",
    }
    names = {
        "a": [("Harlan Joseph Pruett Jr", "PERSON", "name")],
        "b": [("Pruett", "PERSON", "name")],
        "c": [("Elena Vasquez Marin", "PERSON", "name"), ("Vasquez Marin", "PERSON", "name")],
        "d": [("W. Dale Corbin", "PERSON", "name"), ("Dale Corbin", "PERSON", "name")],
    }
    extractions, _ = build(texts, names)
    assert entity(extractions, "b", "Pruett") == entity(extractions, "a", "Harlan Joseph Pruett Jr")
    assert entity(extractions, "c", "Vasquez Marin") == entity(extractions, "c",
                                                               "Elena Vasquez Marin")
    assert entity(extractions, "d", "Dale Corbin") == entity(extractions, "d", "W. Dale Corbin")


def test_aliases_name_tail_shared_by_two_people_stays_apart() -> None:
    texts = {"a": "Anna Lee Brooks and Mary Lee Brooks testified. Lee Brooks left early."}
    names = {"a": [("Anna Lee Brooks", "PERSON", "name"), ("Mary Lee Brooks", "PERSON", "name"),
                   ("Lee Brooks", "PERSON", "name")]}
    extractions, _ = build(texts, names)
    assert entity(extractions, "a", "Anna Lee Brooks") != entity(extractions, "a",
                                                                 "Mary Lee Brooks")


def test_aliases_legal_form_and_dominant_short_form() -> None:
    texts = {
        "a": "Norvell Corp. recalled a heater. Norvell said no one was hurt.",
        "b": "Norvell issued a second recall on Friday.",
        "c": "The Marlow Hawks won again. The Hawks lead the league.",
        "d": "The Marlow Hawks signed a striker.",
        "e": "Fans of the Marlow Hawks celebrated downtown.",
        "f": "Hawks Ridge Park was closed for the parade.",
        "g": "The Hawks travel to Denver next week. The hawks fans followed.",
    }
    names = {
        "a": [("Norvell Corp.", "ORG", "name"), ("Norvell", "ORG", "name")],
        "b": [("Norvell", "ORG", "name")],
        "c": [("Marlow Hawks", "ORG", "name"), ("Hawks", "ORG", "name")],
        "d": [("Marlow Hawks", "ORG", "name")],
        "e": [("Marlow Hawks", "ORG", "name")],
        "f": [("Hawks Ridge Park", "ORG", "name")],
        "g": [("Hawks", "ORG", "name")],
    }
    extractions, resolution = build(texts, names)
    norvell = entity(extractions, "a", "Norvell Corp.")
    assert entity(extractions, "b", "Norvell") == norvell
    evidence = next(e for e in resolution.entities if e.id == norvell).evidence
    assert any("legal form" in why for why in evidence)
    # "Hawks" alone: the corpus writes Marlow Hawks in three articles, Hawks Ridge Park in one
    assert entity(extractions, "g", "Hawks") == entity(extractions, "c", "Marlow Hawks")
    assert entity(extractions, "f", "Hawks Ridge Park") != entity(extractions, "c",
                                                                  "Marlow Hawks")


def test_aliases_surname_read_as_a_noun_joins_the_full_name() -> None:
    texts = {
        "a": "Talk show host Ellen Varga will present the awards.",
        "b": "Varga said she was thrilled.",
        "c": "\"I'm hosting!\" Varga tweeted on Friday.",
    }
    names = {
        "a": [("Ellen Varga", "PERSON", "name")],
        "b": [("Varga", "PERSON", "name")],
        "c": [("Varga", "PERSON", "nominal")],  # the tagger read it as a common noun
    }
    extractions, _ = build(texts, names, {doc_id: "story" for doc_id in texts})
    varga = entity(extractions, "a", "Ellen Varga")
    assert entity(extractions, "b", "Varga") == varga
    assert entity(extractions, "c", "Varga") == varga


def test_aliases_organisation_short_form_is_the_head_of_the_longer_name() -> None:
    texts = {
        "a": "The Academy of Film Arts announced the host. The Academy said she was thrilled.",
        "b": "She will host the 90th Academy Gala in March, the Academy said.",
    }
    names = {
        "a": [("Academy of Film Arts", "ORG", "name"), ("Academy", "ORG", "name")],
        "b": [("90th Academy Gala", "ORG", "name"), ("Academy", "ORG", "name")],
    }
    extractions, _ = build(texts, names)
    academy = entity(extractions, "a", "Academy of Film Arts")
    assert entity(extractions, "a", "Academy") == academy
    # "Academy" inside "90th Academy Gala" is a modifier: that gala is not what b's Academy is
    assert entity(extractions, "b", "Academy") != entity(extractions, "b", "90th Academy Gala")


def test_aliases_initial_and_facility_word() -> None:
    texts = {
        "a": "J. Carl Mendez, a retired judge, died on Monday. Carl Mendez was 91.",
        "b": "John Carl Mendez served on the bench for thirty years.",
        "c": "The Harlow Police Department opened an inquiry. Harlow Police said little.",
    }
    names = {
        "a": [("J. Carl Mendez", "PERSON", "name"), ("Carl Mendez", "PERSON", "name")],
        "b": [("John Carl Mendez", "PERSON", "name")],
        "c": [("Harlow Police Department", "ORG", "name"), ("Harlow Police", "ORG", "name")],
    }
    extractions, _ = build(texts, names)
    mendez = entity(extractions, "a", "Carl Mendez")
    assert entity(extractions, "a", "J. Carl Mendez") == mendez
    assert entity(extractions, "b", "John Carl Mendez") == mendez
    assert entity(extractions, "c", "Harlow Police") == entity(extractions, "c",
                                                               "Harlow Police Department")


def test_aliases_location_after_a_facility_name() -> None:
    texts = {
        "a": "She entered the Lakeview Recovery Center in Palm Hollow on Friday.",
        "b": "Staff at the Lakeview Recovery Center declined to comment.",
    }
    names = {
        "a": [("Lakeview Recovery Center in Palm Hollow", "FAC", "name")],
        "b": [("Lakeview Recovery Center", "FAC", "name")],
    }
    extractions, _ = build(texts, names)
    lakeview = entity(extractions, "b", "Lakeview Recovery Center")
    assert entity(extractions, "a", "Lakeview Recovery Center in Palm Hollow") == lakeview
