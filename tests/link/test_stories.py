"""Story grouping: same event together, sister events apart, ids stable across runs."""

from __future__ import annotations

from newsprism.link.stories import (
    cluster,
    likeliest,
    make_stories,
    participants_conflict,
    people,
    terms,
    tfidf_vectors,
)
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


ARREST_A = [
    "Ravens receiver Daniel Harlow was arrested on suspicion of drunk driving early on Tuesday, "
    "police said. Daniel Harlow failed a sobriety test on the highway. Officers released Daniel "
    "Harlow on bail a few hours later.",
    "Daniel Harlow, the Ravens' leading receiver, will play on Sunday despite his arrest on "
    "suspicion of drunk driving, coach Peter Moyle said. Daniel Harlow said he expected no "
    "charges. Moyle said Daniel Harlow had apologised to the team.",
    "Police said Daniel Harlow was stopped at 2 a.m. and failed a sobriety test. The lawyer of "
    "Daniel Harlow said the receiver would fight the drunk driving charge, and Daniel Harlow "
    "thanked the fans.",
]
ARREST_B = [
    "Ravens lineman Marcus Webb was arrested on suspicion of drunk driving on Sunday, police "
    "said. Marcus Webb failed a sobriety test. Officers released Marcus Webb on bail.",
    "Marcus Webb, the Ravens' veteran lineman, faces a drunk driving charge after police stopped "
    "him at 3 a.m., the lawyer of Marcus Webb said. Marcus Webb said he was sorry.",
]
HARLOW = {"e_harlow": 3.0, "e_moyle": 1.0}
WEBB = {"e_webb": 3.0, "e_harlow": 1.0}


def test_stories_participants_conflict_needs_a_different_main_person_on_both_sides() -> None:
    assert participants_conflict(WEBB, {"e_harlow": 9.0, "e_moyle": 2.0})
    # the story names the article's main person about as often as its own: no conflict
    assert not participants_conflict(WEBB, {"e_harlow": 5.0, "e_webb": 4.0})
    # one mention is too little to call anyone the article's main person
    assert not participants_conflict({"e_webb": 1.0}, {"e_harlow": 9.0})
    assert not participants_conflict(HARLOW, {"e_harlow": 9.0})


def test_stories_sister_events_separated_by_their_main_person(nlp, monkeypatch) -> None:
    from newsprism.extract import extract_document
    from newsprism.link import link_corpus, stories

    pairs = [extract_document(nlp, Document(id=f"a{i}", text=text,
                                            published=PublicationTime(value="2024-01-09")))
             for i, text in enumerate(ARREST_A + ARREST_B)]
    documents = [d for d, _ in pairs]
    extractions = {d.id: e for d, e in pairs}
    groups = [set(s.doc_ids) for s in link_corpus(documents, extractions, embeddings=True).stories]
    assert {"a0", "a1", "a2"} in groups
    assert {"a3", "a4"} in groups
    # the same words, so without the participant rule the two arrests are one story
    monkeypatch.setattr(stories, "CONFLICT_PENALTY", 0.0)
    merged = link_corpus(documents, extractions, embeddings=True).stories
    assert len(merged) == 1


def test_stories_people_counts_linked_person_mentions(nlp) -> None:
    from newsprism.extract import extract_document
    from newsprism.link import link_corpus

    document, extraction = extract_document(nlp, Document(id="x", text=ARREST_A[2]))
    link_corpus([document], {"x": extraction}, embeddings=False)
    counts = people(extraction)
    assert max(counts.values()) >= 2  # Harlow, named twice
    assert all(key.startswith("e_") for key in counts)


def test_story_title_passes_over_navigation_lines() -> None:
    junk = Document(
        id="j1", text="All news\nNews 3 March — 12:43\nDam waters reach the outskirts of Castrava",
        published=PublicationTime(value="2026-03-03"),
    )
    [story] = make_stories([["j1"]], {"j1": junk})
    assert story.title == "Dam waters reach the outskirts of Castrava"


def test_function_words_of_the_articles_language_are_no_terms() -> None:
    from newsprism.link.stories import terms

    italian = Document(id="i", language="it",
                       text="Dopo il crollo della diga sono state evacuate molte famiglie.")
    words = set(terms(italian, None))
    assert {"crollo", "diga", "evacuate", "famiglie"} <= words
    assert not {"dopo", "della", "sono", "state"} & words
    unknown = Document(id="u", language="zz", text="the dam collapse")
    assert set(terms(unknown, None)) == {"dam", "collapse"}


def test_similarity_without_a_member_is_the_similarity_to_the_rest() -> None:
    """A member's fit to its story without it, read from the story's sums, is its fit to a story
    built from the other members alone (centroid, embedding and people)."""
    import random

    import numpy as np

    from newsprism.link.stories import _Cluster

    rng = random.Random(5)
    terms = [f"w{k}" for k in range(12)] + ["@port", "@beirut", "%2020-08-04", "%2020-08-05"]
    for _ in range(50):
        members = []
        for _ in range(rng.randint(2, 5)):
            vec = {t: rng.random() for t in rng.sample(terms, rng.randint(1, 7))}
            emb = np.array([rng.random() for _ in range(3)])
            people = {p: float(rng.randint(1, 4)) for p in rng.sample(["Aoun", "Diab"], 1)}
            members.append((vec, emb, people))
        whole = _Cluster()
        for k, (vec, emb, people) in enumerate(members):
            whole.add(f"d{k}", vec, emb, None, people)
        vec, emb, people = members[0]
        rest = _Cluster()
        for k, (other_vec, other_emb, other_people) in enumerate(members[1:], start=1):
            rest.add(f"d{k}", other_vec, other_emb, None, other_people)
        for term in whole.centroid:  # the story keeps the member's terms as keys
            rest.centroid.setdefault(term, 0.0)
        rest._norm = None
        expected = rest.similarity(vec, emb, people)
        assert abs(whole.similarity_without(vec, emb, people) - expected) < 1e-9


def test_a_story_silent_past_the_window_takes_undated_reports_but_no_late_dated_ones() -> None:
    """The Dervan report is from March; the same text dated May is further than WINDOW_DAYS
    from it and starts a story of its own, while an undated copy, which comes after every
    dated report, still finds the March story."""
    march = Document(id="a0", text=QUAKE_A[0], published=PublicationTime(value="2024-03-04"))
    porto = [Document(id=f"b{i}", text=t, published=PublicationTime(value="2024-04-20"))
             for i, t in enumerate(QUAKE_B)]
    may = Document(id="c0", text=QUAKE_A[0], published=PublicationTime(value="2024-05-20"))
    assert {"a0"} in groups_of([march, *porto, may])
    undated = Document(id="c1", text=QUAKE_A[0], published=PublicationTime(value=None))
    found = groups_of([march, *porto, undated])
    assert {"a0", "c1"} in found
    assert {"b0", "b1"} in found


def test_an_article_is_compared_with_the_stories_its_weightiest_terms_reach_most() -> None:
    vec = {"dam": 0.8, "veradia": 0.5, "river": 0.2, "monday": 0.1}
    top = ["dam", "veradia", "river", "monday"]
    # every story sharing a term, while there are few
    index = {"dam": {1}, "river": {2}, "monday": {3}}
    assert set(likeliest(index, vec, top, limit=5)) == {1, 2, 3}
    # past the limit: the stories its heavier terms reach, and those reached by two terms
    index = {"dam": {1, 2}, "veradia": {2, 3}, "river": {4, 5, 6}, "monday": {4, 7, 8}}
    assert set(likeliest(index, vec, top, limit=3)) == {2, 1, 3}
    assert set(likeliest(index, vec, top, limit=4)) == {2, 1, 3, 4}
