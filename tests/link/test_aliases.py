"""Cross-document entity resolution on hand-written mentions."""

from __future__ import annotations

from newsprism.link.aliases import assign, resolve
from newsprism.link.translit import skeleton, to_latin
from newsprism.model import Document, Extraction, Mention, Quote


def corpus(texts: dict[str, str], names: dict[str, list[tuple[str, str]]]):
    documents, extractions = {}, {}
    for doc_id, text in texts.items():
        documents[doc_id] = Document(id=doc_id, text=text)
        mentions = []
        for name, label in names[doc_id]:
            start = text.index(name)
            mentions.append(Mention(doc_id, start, start + len(name), name, label))
        extractions[doc_id] = Extraction(doc_id=doc_id, mentions=mentions)
    return documents, extractions


def entity_of(extractions, doc_id: str, name: str) -> str:
    return next(m.entity_id for m in extractions[doc_id].mentions if m.text == name)


def test_aliases_transliteration_variants_are_one_entity() -> None:
    texts = {
        "a": "President Kassym-Jomart Tokayev addressed the nation. Tokayev spoke for an hour.",
        "b": "Kassym-Zhomart Tokayev called the unrest a coup attempt.",
        "c": "Касым-Жомарт Токаев выступил с обращением.",
    }
    names = {
        "a": [("Kassym-Jomart Tokayev", "PERSON"), ("Tokayev", "PERSON")],
        "b": [("Kassym-Zhomart Tokayev", "PERSON")],
        "c": [("Касым-Жомарт Токаев", "PERSON")],
    }
    documents, extractions = corpus(texts, names)
    resolution = resolve(documents, extractions)
    assign(extractions, resolution, resolution.entities)
    ids = {m.entity_id for e in extractions.values() for m in e.mentions}
    assert len(ids) == 1
    entity = resolution.entities[0]
    assert entity.label == "PERSON" and "Tokayev" in [entity.canonical, *entity.aliases]


def test_aliases_acronym_brackets_and_word_order() -> None:
    texts = {
        "a": "The former head of Turan Alem Bank (BTA Bank) spoke from Kiev.",
        "b": "The ex-chief of Bank Turan Alem appealed to the Collective Security Treaty "
             "Organization.",
        "c": "A CSTO force arrived on Thursday, the Collective Security Treaty Organisation said.",
    }
    names = {
        "a": [("Turan Alem Bank", "ORG"), ("BTA Bank", "ORG"), ("Kiev", "GPE")],
        "b": [("Bank Turan Alem", "ORG"), ("Collective Security Treaty Organization", "ORG")],
        "c": [("CSTO", "ORG"), ("Collective Security Treaty Organisation", "ORG")],
    }
    documents, extractions = corpus(texts, names)
    resolution = resolve(documents, extractions)
    assign(extractions, resolution, resolution.entities)
    bank = entity_of(extractions, "a", "Turan Alem Bank")
    assert entity_of(extractions, "a", "BTA Bank") == bank
    assert entity_of(extractions, "b", "Bank Turan Alem") == bank
    csto = entity_of(extractions, "c", "CSTO")
    assert entity_of(extractions, "b", "Collective Security Treaty Organization") == csto
    for entity in resolution.entities:
        if entity.id in {bank, csto}:
            assert entity.evidence, "every merge keeps its evidence"


def test_aliases_same_surname_different_people_stay_apart() -> None:
    texts = {
        "a": "Governor Anna Petrova resigned. Petrova denied wrongdoing.",
        "b": "Judge Olga Petrova ordered a retrial. Petrova said the evidence was weak.",
    }
    names = {
        "a": [("Anna Petrova", "PERSON"), ("Petrova", "PERSON")],
        "b": [("Olga Petrova", "PERSON"), ("Petrova", "PERSON")],
    }
    documents, extractions = corpus(texts, names)
    resolution = resolve(documents, extractions)
    assign(extractions, resolution, resolution.entities)
    a_short = extractions["a"].mentions[1].entity_id
    b_short = extractions["b"].mentions[1].entity_id
    assert a_short == entity_of(extractions, "a", "Anna Petrova")
    assert b_short == entity_of(extractions, "b", "Olga Petrova")
    assert a_short != b_short


def test_aliases_places_use_gazetteer_and_containment() -> None:
    texts = {"a": "Protesters gathered in Alma-Ata.", "b": "Shots were heard in Almaty."}
    names = {"a": [("Alma-Ata", "GPE")], "b": [("Almaty", "GPE")]}
    documents, extractions = corpus(texts, names)
    resolution = resolve(documents, extractions)
    assert len(resolution.entities) == 1
    assert resolution.entities[0].canonical == "Almaty"
    assert resolution.entities[0].inside == "Kazakhstan"


def test_aliases_quote_speaker_resolved_to_entity() -> None:
    texts = {"a": "Mukhtar Ablyazov said the headquarters was in Kiev. The banker added more."}
    names = {"a": [("Mukhtar Ablyazov", "PERSON"), ("Kiev", "GPE")]}
    documents, extractions = corpus(texts, names)
    extractions["a"].quotes.append(Quote(doc_id="a", start=22, end=52, text="x", kind="indirect",
                                         speaker="Ablyazov", speaker_text="The banker"))
    resolution = resolve(documents, extractions)
    assign(extractions, resolution, resolution.entities)
    assert extractions["a"].quotes[0].entity_id == entity_of(extractions, "a", "Mukhtar Ablyazov")


def test_translit_skeleton_folds_romanisations() -> None:
    assert to_latin("Алматы") == "Almaty"
    assert skeleton("Kassym-Yomart Tokaev") == skeleton("Kassym-Zhomart Tokayev")


def reference(doc_id: str, text: str, phrase: str, head: str, target: str | None,
              kind: str = "nominal", label: str = "PERSON", rule: str = "described") -> Mention:
    start = text.index(phrase)
    mention = Mention(doc_id, start, start + len(phrase), phrase, label, kind=kind, head=head)
    if target is not None:
        mention.ref_start = text.index(target)
        mention.ref_end = mention.ref_start + len(target)
        mention.ref_rule = rule
    return mention


def test_aliases_descriptions_join_their_name_across_articles() -> None:
    texts = {
        "a": "Actress Lindsay Lohan entered rehab. The actress said she was fine.",
        "b": "The actress left the clinic in Malibu on Friday.",
        "c": "The actress won an award in Paris.",
    }
    names = {"a": [("Lindsay Lohan", "PERSON")], "b": [], "c": []}
    documents, extractions = corpus(texts, names)
    a, b, c = texts["a"], texts["b"], texts["c"]
    the_actress = reference("a", a, "actress said", "actress", "Lindsay Lohan")
    extractions["a"].mentions += [
        the_actress,
        reference("a", a, "she", "", "actress said", kind="pronoun", rule="pronoun: 'she'"),
    ]
    extractions["b"].mentions.append(reference("b", b, "actress", "actress", None))
    extractions["c"].mentions.append(reference("c", c, "actress", "actress", None))
    # a and b are one story; c is another story and keeps its own "actress"
    resolution = resolve(documents, extractions, scopes={"a": "s1", "b": "s1", "c": "s2"})
    assign(extractions, resolution, resolution.entities)
    lohan = entity_of(extractions, "a", "Lindsay Lohan")
    assert {m.entity_id for m in extractions["a"].mentions} == {lohan}
    assert extractions["b"].mentions[0].entity_id == lohan
    assert extractions["c"].mentions[0].entity_id not in {"", lohan}
    entity = next(e for e in resolution.entities if e.id == lohan)
    assert any("'actress said'" in why for why in entity.evidence)
    assert any("in b" in why for why in entity.evidence)
    assert "she" not in entity.aliases  # descriptions are evidence, not aliases


def test_aliases_short_forms_of_organisations_and_ages() -> None:
    texts = {
        "a": "The Academy of Motion Picture Arts and Sciences chose a host. The Academy said so.",
        "b": "Police named the gunman as Eric Kirkpatrick, 61, of Vancouver.",
        "c": "Eric Kirkpatrick was charged on Tuesday.",
    }
    names = {
        "a": [("Academy of Motion Picture Arts and Sciences", "ORG"), ("Academy", "ORG")],
        "b": [("Eric Kirkpatrick, 61", "PERSON")],
        "c": [("Eric Kirkpatrick", "PERSON")],
    }
    documents, extractions = corpus(texts, names)
    resolution = resolve(documents, extractions)
    assign(extractions, resolution, resolution.entities)
    assert entity_of(extractions, "a", "Academy") == entity_of(
        extractions, "a", "Academy of Motion Picture Arts and Sciences")
    assert entity_of(extractions, "b", "Eric Kirkpatrick, 61") == entity_of(
        extractions, "c", "Eric Kirkpatrick")


def test_aliases_person_name_variants() -> None:
    texts = {
        "a": "Coach Maurice Cheeks was fired. Regina M. Benjamin, M.D., was nominated.",
        "b": "Mo Cheeks said he was surprised. Dr. Regina Benjamin thanked the president.",
        "c": "Eric Allen Kirkpatrick was charged. Eric Kirkpatrick appeared in court.",
    }
    names = {
        "a": [("Maurice Cheeks", "PERSON"), ("Regina M. Benjamin, M.D.", "PERSON")],
        "b": [("Mo Cheeks", "PERSON"), ("Dr. Regina Benjamin", "PERSON")],
        "c": [("Eric Allen Kirkpatrick", "PERSON"), ("Eric Kirkpatrick", "PERSON")],
    }
    documents, extractions = corpus(texts, names)
    resolution = resolve(documents, extractions)
    assign(extractions, resolution, resolution.entities)
    assert entity_of(extractions, "a", "Maurice Cheeks") == entity_of(extractions, "b", "Mo Cheeks")
    assert entity_of(extractions, "a", "Regina M. Benjamin, M.D.") == entity_of(
        extractions, "b", "Dr. Regina Benjamin")
    assert entity_of(extractions, "c", "Eric Allen Kirkpatrick") == entity_of(
        extractions, "c", "Eric Kirkpatrick")
    assert entity_of(extractions, "a", "Maurice Cheeks") != entity_of(
        extractions, "c", "Eric Kirkpatrick")


def test_aliases_place_and_role_qualifiers() -> None:
    texts = {
        "a": "Two climbers died on Aoraki Mount Cook. The U.S. Surgeon General spoke.",
        "b": "Rescuers reached Mt Cook. The Surgeon General of the United States said so.",
        "c": "The Surgeon General issued a warning.",
    }
    names = {
        "a": [("Aoraki Mount Cook", "LOC"), ("U.S. Surgeon General", "PERSON")],
        "b": [("Mt Cook", "LOC"), ("Surgeon General of the United States", "PERSON")],
        "c": [("Surgeon General", "PERSON")],
    }
    documents, extractions = corpus(texts, names)
    resolution = resolve(documents, extractions)
    assign(extractions, resolution, resolution.entities)
    mount_cook = entity_of(extractions, "a", "Aoraki Mount Cook")
    assert entity_of(extractions, "b", "Mt Cook") == mount_cook
    general = entity_of(extractions, "c", "Surgeon General")
    assert entity_of(extractions, "a", "U.S. Surgeon General") == general
    assert entity_of(extractions, "b", "Surgeon General of the United States") == general
    assert any("place qualifier" in why for e in resolution.entities if e.id == general
               for why in e.evidence)


def test_aliases_description_spelled_as_a_name_and_gendered_description() -> None:
    texts = {
        "a": "Raj Chohan was killed by a driver. She was 46. The surgeon general said nothing.",
        "b": "The woman was walking home when a car struck Raj Chohan. Surgeon General Koop spoke.",
    }
    names = {"a": [("Raj Chohan", "PERSON")],
             "b": [("Raj Chohan", "PERSON"), ("Surgeon General", "PERSON")]}
    documents, extractions = corpus(texts, names)
    a, b = texts["a"], texts["b"]
    extractions["a"].mentions += [
        reference("a", a, "She", "", "Raj Chohan", kind="pronoun", rule="pronoun: 'She'"),
        reference("a", a, "surgeon general", "general", None),
    ]
    extractions["b"].mentions.append(reference("b", b, "woman", "woman", None))
    resolution = resolve(documents, extractions, scopes={"a": "s", "b": "s"})
    assign(extractions, resolution, resolution.entities)
    chohan = entity_of(extractions, "a", "Raj Chohan")
    assert extractions["b"].mentions[-1].entity_id == chohan  # the only woman named in b
    assert extractions["a"].mentions[-1].entity_id == entity_of(extractions, "b", "Surgeon General")


def test_aliases_possessive_form_is_an_alias() -> None:
    texts = {"a": "Two soldiers of The republic's National Guard were killed.",
             "b": "The National Guard was deployed to Almaty."}
    names = {"a": [("National Guard", "ORG")], "b": [("National Guard", "ORG"), ("Almaty", "GPE")]}
    documents, extractions = corpus(texts, names)
    resolution = resolve(documents, extractions)
    guard = next(e for e in resolution.entities if e.canonical == "National Guard")
    assert "The republic's National Guard" in guard.aliases
    assert any("possessive" in why for why in guard.evidence)
