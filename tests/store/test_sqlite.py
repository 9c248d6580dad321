from pathlib import Path

import pytest

from newsprism.errors import StoreError
from newsprism.model import (
    Claim,
    Document,
    Extraction,
    Mention,
    PublicationTime,
    Quantity,
    Sentence,
    Story,
    document_id,
)
from newsprism.store import Store

TEXT = "More than 3,000 rioters were detained in Almaty on 7 January, police said."


def _document() -> tuple[Document, Extraction]:
    doc_id = document_id(TEXT)
    document = Document(
        id=doc_id,
        text=TEXT,
        title="Detentions",
        published=PublicationTime(value="2022-01-07", source="metadata", confidence=1.0),
    )
    extraction = Extraction(
        doc_id=doc_id,
        sentences=[Sentence(doc_id=doc_id, index=0, start=0, end=len(TEXT))],
        mentions=[Mention(doc_id=doc_id, start=41, end=47, text="Almaty", label="GPE")],
        quantities=[
            Quantity(
                doc_id=doc_id, start=0, end=15, text="More than 3,000", low=3000.0, high=None,
                bound="more than", measure="detained", scope="rioters", as_of="2022-01-07",
            )
        ],
    )
    return document, extraction


def test_store_round_trips_documents_and_extractions(tmp_path: Path):
    document, extraction = _document()
    with Store(tmp_path / "a.db") as store:
        assert store.add(document, extraction) is True
    with Store(tmp_path / "a.db") as store:
        assert store.documents() == [document]
        assert store.extraction(document.id) == extraction
        assert store.extractions() == {document.id: extraction}


def test_store_add_is_idempotent(tmp_path: Path):
    document, extraction = _document()
    with Store(tmp_path / "a.db") as store:
        assert store.add_many([(document, extraction)]) == 1
        before = store.counts()
        assert store.add_many([(document, extraction)]) == 0
        assert store.counts() == before


def test_store_full_text_search_finds_the_article(tmp_path: Path):
    document, extraction = _document()
    with Store(tmp_path / "a.db") as store:
        store.add(document, extraction)
        assert store.search("rioters detained") == [document.id]
        assert store.search("earthquake") == []


def test_store_replaces_derived_tables(tmp_path: Path):
    with Store(tmp_path / "a.db") as store:
        store.replace(Story, [Story(id="s1", title="one"), Story(id="s2", title="two")])
        store.replace(Story, [Story(id="s3", title="three", doc_ids=["a", "b"])])
        assert store.stories() == [Story(id="s3", title="three", doc_ids=["a", "b"])]
        claim = Claim(id="c1", doc_id="a", kind="quantity", key="k", label="l", value="5")
        store.replace(Claim, [claim])
        assert store.claims() == [claim]


def test_store_rejects_a_file_that_is_not_a_database(tmp_path: Path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a newsprism database"):
        Store(bogus)


def test_store_replace_document_overwrites_its_extraction(tmp_path: Path):
    document, extraction = _document()
    with Store(tmp_path / "a.db") as store:
        store.add(document, extraction)
        document.published = PublicationTime(value="2022-01-08", source="inferred")
        extraction.quantities = []
        store.replace_document(document, extraction)
        assert store.document(document.id).published.value == "2022-01-08"
        assert store.extraction(document.id).quantities == []
        assert store.extraction(document.id).mentions == extraction.mentions
        assert store.search("rioters") == [document.id]
