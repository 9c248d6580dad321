"""The entities component: NER mentions with the small model's known slips repaired."""

from __future__ import annotations

import pytest

from newsprism.extract.entities.component import acronym_of, looks_like_person


def mentions(nlp, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in nlp(text)._.mentions]


def test_entities_hyphenated_person_tagged_org_becomes_person(nlp) -> None:
    text = ("The president of Kazakhstan, Kassym-Zhomart Tokayev, noted that those who seized "
            "government offices were armed groups.")
    assert ("Kassym-Zhomart Tokayev", "PERSON") in mentions(nlp, text)


def test_entities_latin_phrase_is_not_a_place(nlp) -> None:
    text = "The banker was sentenced to life imprisonment in absentia in Kazakhstan last year."
    found = mentions(nlp, text)
    assert all(t.lower() != "absentia" for t, _ in found)
    assert ("Kazakhstan", "GPE") in found


def test_entities_leading_article_trimmed(nlp) -> None:
    text = "The brutal attacks, the Alma-Ata commandant's office said, were planned in advance."
    found = mentions(nlp, text)
    assert all(not t.lower().startswith("the ") for t, _ in found)
    assert any(t == "Alma-Ata" for t, _ in found)


def test_entities_acronym_in_brackets_becomes_a_mention(nlp) -> None:
    text = ("He appealed to the Collective Security Treaty Organisation (CSTO) for help. "
            "A CSTO force arrived on Thursday.")
    found = mentions(nlp, text)
    assert [t for t, _ in found].count("CSTO") == 2


def test_entities_offsets_point_into_text(nlp) -> None:
    text = "Police in Almaty said the governor, Daniyar Akhmetov, had left for Astana."
    doc = nlp(text)
    assert doc._.mentions
    for mention in doc._.mentions:
        assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Kassym-Zhomart Tokayev", True), ("Zimbel District Police Department", False),
     ("Tokayev", False), ("Bank Turan Alem", False)],
)
def test_entities_looks_like_person(name: str, expected: bool) -> None:
    assert looks_like_person(name) is expected


def test_entities_acronym_of_skips_function_words() -> None:
    assert acronym_of("Collective Security Treaty Organisation") == "CSTO"
    assert acronym_of("Ministry of Emergency Situations") == "MES"
