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
