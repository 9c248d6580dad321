"""Reuse detection: copies, rewrites and translations vs independent reports."""

from __future__ import annotations

from newsprism.link.reuse import classify_pair, detect_reuse, independent_groups
from newsprism.model import Document, PublicationTime, ReuseLink

WIRE = (
    "Flood waters rose through the night in the river town of Velmora, forcing some 2,300 "
    "residents to leave their homes, the regional emergencies office said on Tuesday. Rescue "
    "crews in boats reached villages cut off by the water, and two elderly men were reported "
    "missing after their car was swept off a bridge. The regional governor, Ilya Varenko, said "
    "the dam upstream was holding but warned that more rain was expected on Wednesday. Schools "
    "in the district will stay closed until the end of the week, officials added, and a "
    "temporary shelter has opened in the sports hall of the central school."
)
OTHER = (
    "Residents of Velmora spent a sleepless night on rooftops as water filled the lower streets. "
    "\"We lost everything on the ground floor,\" said a shop owner who gave only her first name. "
    "Emergency workers told our reporter that about two thousand people had been moved to "
    "higher ground and that the search for two missing pensioners continued. Governor Varenko "
    "visited the shelter in the school gym and promised compensation for damaged homes."
)


def doc(doc_id: str, text: str, day: str | None = None) -> Document:
    return Document(id=doc_id, text=text, published=PublicationTime(value=day))


def test_reuse_exact_copy() -> None:
    links = detect_reuse([doc("a", WIRE, "2024-05-06"), doc("b", WIRE, "2024-05-07")])
    assert [(link.doc_a, link.doc_b, link.kind) for link in links] == [("a", "b", "copy")]


def test_reuse_trimmed_rewrite_points_to_source() -> None:
    sentences = WIRE.split(". ")
    rewrite = "Floods hit Velmora. " + ". ".join(sentences[2:4] + sentences[:1])
    links = detect_reuse([doc("wire", WIRE), doc("site", rewrite)])
    assert len(links) == 1
    assert links[0].kind == "rewrite" and links[0].doc_a == "wire"


def test_reuse_independent_reports_of_same_event_not_linked() -> None:
    assert detect_reuse([doc("a", WIRE), doc("b", OTHER)]) == []
    kind, _ = classify_pair({"x y z w"}, {"p q r s"})
    assert kind == "independent"


def test_reuse_independent_groups_collapse_dependents() -> None:
    links = [ReuseLink("a", "b", "copy", 1.0), ReuseLink("b", "c", "rewrite", 0.6)]
    groups = independent_groups(["a", "b", "c", "d"], links)
    assert groups["a"] == groups["b"] == groups["c"]
    assert groups["d"] == "d"


def test_reuse_candidate_pairs_are_the_lsh_index_pairs() -> None:
    """Sorting band rows finds exactly the pairs datasketch's MinHashLSH query returns."""
    from datasketch import MinHashLSH

    from newsprism.link.reuse import (
        LSH_THRESHOLD,
        NUM_PERM,
        _candidate_pairs,
        _minhash,
        _shingles,
        _signatures,
    )

    sentences = (WIRE + " " + OTHER).split(". ")
    texts = [". ".join(sentences[i:i + 3 + i % 4]) for i in range(len(sentences) - 3)]
    texts += [WIRE, WIRE.replace("Tuesday", "Monday"), OTHER[:200]]
    shingles = [_shingles(t) for t in texts]
    n = len(texts)
    mine = {(int(c) // n, int(c) % n) for c in _candidate_pairs(_signatures(shingles))}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    theirs: set[tuple[int, int]] = set()
    for i, s in enumerate(shingles):
        signature = _minhash(s)
        theirs |= {(i, j) for j in lsh.query(signature)}
        lsh.insert(i, signature)
    assert mine == theirs
    assert len(mine) > n  # the texts overlap, so the check is not vacuous


def test_two_excerpts_sharing_a_long_verbatim_passage_are_one_report():
    from newsprism.link.reuse import REWRITE_SHARED
    from newsprism.link.reuse import _shingles as shingles

    passage = (
        "The regional health ministry said on Thursday that the number of people killed when the "
        "Orlen dam gave way had risen to thirty one, and that rescue teams were still searching "
        "the flooded villages of Dolna Sava and Gorna Sava for the missing, helped by divers."
    )
    opening = " ".join(f"Background sentence number {i} about the river valley." for i in range(30))
    closing = " ".join(f"Another paragraph {i} on the reservoir's history." for i in range(30))
    excerpt_a = opening + " " + passage
    excerpt_b = passage + " " + closing
    a, b = shingles(excerpt_a), shingles(excerpt_b)
    kind, containment = classify_pair(a, b)
    assert len(set(a.tolist()) & set(b.tolist())) >= REWRITE_SHARED
    assert containment < 0.35  # the excerpts cover different parts of the story
    assert kind == "rewrite"
    assert classify_pair(shingles(opening), shingles(closing))[0] == "independent"
