"""Per-article extraction: spaCy components that set Doc extensions, and the glue that turns a
processed Doc into an :class:`~newsprism.model.Extraction`.

Each component lives in its own module and is registered as a spaCy factory
(``newsprism_entities``, ``newsprism_dates``, ``newsprism_quotes``, ``newsprism_quantities``,
``newsprism_events``) so it can be added to any English spaCy pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract import (  # noqa: F401  (factories)
    dates,
    entities,
    events,
    quantities,
    quotes,
)
from newsprism.extract.core import extensions, paragraphs, selective  # noqa: F401
from newsprism.extract.dates.component import settled
from newsprism.model import Document, Extraction, Mention, Sentence

extensions.register_extensions()


def make_doc(nlp: Language, document: Document) -> Doc:
    """A tokenised Doc carrying the document's id and known publication time.

    A publication time is known when metadata gave it, or when an earlier pass settled it (a
    year completed from the story's other articles, or a day found to be history and dropped:
    :func:`~newsprism.extract.dates.collection_years.year_from_collection`); otherwise the
    dates component infers it.
    """
    doc = nlp.make_doc(document.text)
    extensions.remember_text(doc, document.text)
    doc._.doc_id = document.id
    doc._.published = document.published if settled(document.published) else None
    return doc


def references(doc: Doc, names: list[Mention]) -> list[Mention]:
    """Descriptions and pronouns that stand for the article's names ("the banker", "he"), from
    :func:`newsprism.extract.entities.coref.find_references`; none without a dependency parse (the
    Russian pipeline has none)."""
    if not names or not doc.has_annotation("DEP"):
        return []
    from newsprism.extract.entities.coref import find_references

    return find_references(doc, names)


def to_extraction(doc: Doc) -> Extraction:
    """Collect what the components set on a processed Doc, with the in-article references.
    Names carry their clause roles ("strike:agent"), which the link stage compares with those of
    descriptions that their article never resolves ("the gunman")."""
    doc_id = doc._.doc_id
    names = list(doc._.mentions or [])
    if names and doc.has_annotation("DEP"):
        from newsprism.extract.entities.coref import verb_roles

        names = verb_roles(doc, names)
    mentions = sorted([*names, *references(doc, names)], key=lambda m: (m.start, m.end))
    sentences = [
        Sentence(doc_id=doc_id, index=i, start=sent.start_char, end=sent.end_char)
        for i, sent in enumerate(doc.sents)
    ] if doc.has_annotation("SENT_START") else []
    return Extraction(
        doc_id=doc_id,
        sentences=sentences,
        mentions=mentions,
        times=list(doc._.times or []),
        quotes=list(doc._.quotes or []),
        quantities=list(doc._.quantities or []),
        events=list(doc._.events or []),
    )


def extract_documents(
    nlp: Language, documents: Iterable[Document], batch_size: int = 16
) -> Iterator[tuple[Document, Extraction]]:
    """Run the pipeline over documents (streaming) and yield each with its extraction.

    A document without a given publication time gets the one the dates component inferred.
    """
    pending: list[Document] = []

    def docs() -> Iterator[Doc]:
        for document in documents:
            pending.append(document)
            yield make_doc(nlp, document)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        document = pending.pop(0)
        if doc._.publication is not None and document.published.source != "metadata":
            document.published = doc._.publication
        yield document, with_table_figures(document, to_extraction(doc))


def with_table_figures(document: Document, extraction: Extraction) -> Extraction:
    """The extraction of an article in a language with word tables and no pipeline of its own
    (French, Arabic, Chinese, ...: ``extract/languages/generic``) with the dates and counts its
    tables find; English and Russian extractions are returned as they are."""
    if document.language in ("en", "ru"):
        return extraction
    from newsprism.extract.languages.generic import add_table_figures

    return add_table_figures(document, extraction)


def extract_document(nlp: Language, document: Document) -> tuple[Document, Extraction]:
    return next(extract_documents(nlp, [document]))
