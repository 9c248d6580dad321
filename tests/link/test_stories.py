"""Story grouping: same event together, sister events apart, ids stable across runs."""

from __future__ import annotations

from newsprism.link.stories import cluster, make_stories, terms, tfidf_vectors
from newsprism.model import Document, PublicationTime, Story

QUAKE_A = [
    "A magnitude 6.1 earthquake struck near the mountain town of Dervan on Monday, collapsing "
    "houses and killing at least 14 people, Dervan's mayor Selim Okar said.",
    "Rescuers in Dervan pulled survivors from collapsed houses after Monday's quake; mayor "
    "Selim Okar said the death toll had risen to 19.",
    "The Dervan earthquake left 3,000 people homeless, mayor Selim Okar said, as tents arrived.",
]
QUAKE_B = [
    "A magnitude 5.8 earthquake hit the coastal city of Porto Lindo on Thursday, killing 6 "
    "people, the harbour master Joana Reis said.",
    "In Porto Lindo, harbour master Joana Reis said ferries were suspended after the quake.",
]


def documents(day: str = "2024-03-04") -> list[Document]:
    texts = QUAKE_A + QUAKE_B
    return [Document(id=f"d{i}", text=t, published=PublicationTime(value=day))
            for i, t in enumerate(texts)]


def groups_of(docs: list[Document]) -> list[set[str]]:
    vectors = tfidf_vectors({d.id: terms(d, None) for d in docs})
    return [set(g) for g in cluster(docs, vectors)]


def test_stories_sister_events_are_separate() -> None:
    groups = groups_of(documents())
    assert {"d0", "d1", "d2"} in groups
    assert {"d3", "d4"} in groups


def test_stories_far_apart_in_time_do_not_join() -> None:
    docs = documents()
    docs[2].published = PublicationTime(value="2024-09-01")
    groups = groups_of(docs)
    assert {"d2"} in groups


def test_stories_ids_persist_when_membership_persists() -> None:
    docs = documents()
    by_id = {d.id: d for d in docs}
    old = [Story(id="s_old", title="Dervan quake", doc_ids=["d0", "d1"])]
    stories = make_stories([["d0", "d1", "d2"], ["d3", "d4"]], by_id, old)
    assert {s.id for s in stories if "d0" in s.doc_ids} == {"s_old"}
    assert all(s.id != "s_old" for s in stories if "d3" in s.doc_ids)
    again = make_stories([["d0", "d1", "d2"], ["d3", "d4"]], by_id, stories)
    assert {s.id: s.doc_ids for s in again} == {s.id: s.doc_ids for s in stories}
