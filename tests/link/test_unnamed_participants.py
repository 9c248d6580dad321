"""A participant one report never names ("the gunman") takes the entity another report of the
same story names, through the product's own extract and link stages."""

from __future__ import annotations

from newsprism.extract import extract_documents
from newsprism.link import link_corpus
from newsprism.model import Document

REPORTS = {
    "named": (
        "A gunman killed two people at a warehouse in Dunmore on Monday. Police named the gunman "
        "as Daniel Roe, 34, a former employee. Roe opened fire in the loading bay shortly after "
        "9 a.m., police said. Officers arrested Roe outside the building."
    ),
    "unnamed": (
        "Two workers were shot dead at a warehouse in Dunmore on Monday morning. The gunman "
        "opened fire in the loading bay shortly after 9 a.m. Police arrested the gunman outside "
        "the building, a spokeswoman said."
    ),
    "synonym": (
        "Two people died in a shooting at a Dunmore warehouse on Monday. The shooter, a former "
        "employee, opened fire in the loading bay."
    ),
}


def test_unnamed_gunman_joins_the_named_shooter_of_the_story(nlp) -> None:
    documents = [Document(id=key, text=text, outlet=key) for key, text in REPORTS.items()]
    extractions = {d.id: e for d, e in extract_documents(nlp, documents)}
    linking = link_corpus(documents, extractions, embeddings=False)
    assert len(linking.stories) == 1
    canonical = {e.id: e.canonical for e in linking.entities}
    roe = {canonical[m.entity_id] for m in extractions["named"].mentions
           if m.text == "Daniel Roe"}
    assert roe == {"Daniel Roe"}
    for key, head in (("unnamed", "gunman"), ("synonym", "shooter")):
        described = [m for m in extractions[key].mentions if m.head == head]
        assert described, key
        assert {canonical[m.entity_id] for m in described} == {"Daniel Roe"}, key
