"""Which pipeline reads which article: Russian articles go through the Russian pipeline
(``newsprism.extract.languages.ru.pipeline``), every other language through the English one.

One function so the local run, the year-completion pass and the Ray job route alike.

A language is a folder of word tables (``newsprism/data/languages/<code>/``, read by
``tables.load_table``) and a thin adapter package here (``ru/``: its pipeline and the grammar
its rules need).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from newsprism.extract import extract_documents
from newsprism.model import Document, Extraction

RUSSIAN = "ru"


def extract_russian(documents: Iterable[Document]) -> Iterator[tuple[Document, Extraction]]:
    """Russian articles through the Russian pipeline (loaded on first use)."""
    documents = list(documents)
    if not documents:
        return
    from newsprism.extract.languages.ru.pipeline import load_russian_pipeline

    yield from extract_documents(load_russian_pipeline(), documents)


def extract_any_language(
    english: Language, documents: Iterable[Document]
) -> Iterator[tuple[Document, Extraction]]:
    """Every document with the pipeline for its language; English-pipeline ones first."""
    documents = list(documents)
    yield from extract_documents(english, [d for d in documents if d.language != RUSSIAN])
    yield from extract_russian(d for d in documents if d.language == RUSSIAN)
