"""Russian articles: natasha-backed mentions in dictionary form that link to English ones."""

from __future__ import annotations

import pytest

from newsprism.extract import make_doc, to_extraction
from newsprism.link import link_corpus
from newsprism.model import Document

RU = ("Президент Казахстана Касым-Жомарт Токаев заявил, что протестующие в Алма-Ате "
      "получили подготовку за рубежом. Мухтар Аблязов, по его словам, находится в Киеве.")
EN = ("Kazakhstan's president Kassym-Jomart Tokayev said the protesters in Almaty had been "
      "trained abroad. Mukhtar Ablyazov, the president said, is in Kiev.")


@pytest.fixture(scope="module")
def russian():
    from newsprism.extract.russian import load_russian_pipeline

    return load_russian_pipeline()


def test_russian_mentions_have_labels_and_normal_forms(russian) -> None:
    doc = russian(RU)
    found = {(m.text, m.label, m.normal) for m in doc._.mentions}
    assert ("Касым-Жомарт Токаев", "PERSON", "") in found
    assert ("Киеве", "GPE", "Киев") in found
    assert len(list(doc.sents)) == 2


def test_russian_and_english_mentions_link(russian, nlp) -> None:
    documents = [Document(id="ru", text=RU, language="ru"), Document(id="en", text=EN)]
    extractions = {
        "ru": to_extraction(russian(make_doc(russian, documents[0]))),
        "en": to_extraction(nlp(make_doc(nlp, documents[1]))),
    }
    linking = link_corpus(documents, extractions, embeddings=False)
    by_doc = {d: {m.entity_id for m in e.mentions} for d, e in extractions.items()}
    shared = by_doc["ru"] & by_doc["en"]
    names = {e.canonical for e in linking.entities if e.id in shared}
    assert {"Kiev", "Almaty", "Kazakhstan"} <= names
    assert any("Tokayev" in n or "Токаев" in n for n in names)
    assert any("Ablyazov" in n or "Аблязов" in n for n in names)
