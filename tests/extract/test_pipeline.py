from newsprism.model import Document, document_id
from newsprism.nlp import NEWSPRISM_COMPONENTS


def test_pipeline_has_every_newsprism_component(nlp):
    for name in NEWSPRISM_COMPONENTS:
        assert name in nlp.pipe_names


def test_extract_document_keeps_doc_id_and_sentences(nlp):
    from newsprism.extract import extract_document

    text = "Protests began in Almaty on January 2. The army was sent in."
    document = Document(id=document_id(text), text=text)
    _, extraction = extract_document(nlp, document)
    assert extraction.doc_id == document.id
    assert [text[s.start : s.end] for s in extraction.sentences] == [
        "Protests began in Almaty on January 2.",
        "The army was sent in.",
    ]


def test_selective_parsing_parses_only_sentences_that_need_it():
    from newsprism.nlp import load_pipeline

    selective = load_pipeline(selective_parsing=True)
    assert "newsprism_selective_parser" in selective.pipe_names
    text = (
        "Rescue teams reached the flooded valley at dawn. "
        "The governor said 47 people had died. "
        "Volunteers brought food and blankets to the school."
    )
    doc = selective(text)
    parsed = [doc[start:end].text.strip() for start, end in doc._.parsed_sentences]
    assert parsed == ["The governor said 47 people had died."]
    # Unparsed sentences keep their boundaries and get a flat tree that nothing mistakes for one.
    assert [s.text.strip() for s in doc.sents] == [
        "Rescue teams reached the flooded valley at dawn.",
        "The governor said 47 people had died.",
        "Volunteers brought food and blankets to the school.",
    ]
    first = next(iter(doc.sents))
    assert {t.dep_ for t in first} <= {"ROOT", "dep"}
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in said.children)


def test_selective_parsing_keeps_quantities_of_parsed_sentences(nlp):
    from newsprism.nlp import load_pipeline

    text = (
        "Police said more than 3,000 people were detained across the country. "
        "Crowds gathered in the main square."
    )
    full = [(q.text, q.measure, q.low) for q in nlp(text)._.quantities]
    selective = load_pipeline(selective_parsing=True)
    assert [(q.text, q.measure, q.low) for q in selective(text)._.quantities] == full


def test_doc_text_is_the_docs_text_built_once(nlp):
    from newsprism.extract.core.extensions import doc_text

    text = "Floodwater reached the old town at noon.\n\nResidents, 300 of them, were moved."
    doc = nlp.make_doc(text)
    assert doc_text(doc) == doc.text == text
    assert doc_text(doc) is doc_text(doc)


def test_doc_text_is_not_taken_from_user_data_copied_to_another_doc(nlp):
    from newsprism.extract.core.extensions import doc_text

    doc = nlp.make_doc("Two bridges collapsed. The army arrived on Friday.")
    doc_text(doc)
    part = doc[4:].as_doc(copy_user_data=True)
    assert doc_text(part) == part.text == "The army arrived on Friday."
    assert doc_text(nlp.make_doc("")) == ""
