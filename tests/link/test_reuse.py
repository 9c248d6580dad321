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


def _long_excerpts() -> tuple[str, str, str]:
    passage = (
        "The regional health ministry said on Thursday that the number of people killed when the "
        "Orlen dam gave way had risen to thirty one, and that rescue teams were still searching "
        "the flooded villages of Dolna Sava and Gorna Sava for the missing, helped by divers."
    )
    opening = " ".join(
        f"Witness {i} in street {i * 7} saw water reach the {['first', 'second'][i % 2]} floor "
        f"of house {i * 13} before dawn." for i in range(70)
    )
    closing = " ".join(
        f"Paragraph {i} recalls how the reservoir of year {1950 + i} filled {i * 3} metres."
        for i in range(70)
    )
    return opening + " " + passage, passage + " " + closing, passage


def test_reuse_partial_excerpts_sharing_a_passage_are_linked_despite_low_jaccard() -> None:
    """Two search-engine excerpts of one story overlap in one passage only: their Jaccard is far
    below the LSH threshold, and the shingle index still finds the pair."""
    from newsprism.link.reuse import LSH_THRESHOLD, _passage_pairs, _shingles

    a, b, _ = _long_excerpts()
    sa, sb = _shingles(a), _shingles(b)
    common = len(set(sa.tolist()) & set(sb.tolist()))
    assert common / (len(sa) + len(sb) - common) < LSH_THRESHOLD / 2
    assert _passage_pairs([sa, sb]).tolist() == [1 * 2 + 0]
    links = detect_reuse([doc("a", a), doc("b", b)])
    assert [link.kind for link in links] == ["rewrite"]


def test_reuse_scattered_stock_phrases_are_not_a_passage() -> None:
    """Thirty-odd shared shingles from stock phrases spread over two reports, with no passage of
    a dozen words in common, do not make a copy."""
    from newsprism.link.reuse import PASSAGE_RUN, REWRITE_SHARED, _shingles, longest_passage

    phrases = [
        "said in a statement on", "the death toll rose to", "according to local media reports",
        "were taken to the hospital", "officials told reporters on", "the cause is not yet known",
        "rescue teams worked through the night", "the interior ministry said that",
        "residents were urged to stay", "a spokesman for the police", "more than a hundred people",
        "roads in the area were closed", "the prime minister visited the",
        "aid agencies warned that", "the mayor of the town", "schools will remain closed until",
    ]
    a = " ".join(f"{p} alpha{i} bravo{i} charlie{i}." for i, p in enumerate(phrases))
    b = " ".join(f"{p} delta{i} echo{i} foxtrot{i}." for i, p in enumerate(reversed(phrases)))
    sa, sb = _shingles(a), _shingles(b)
    assert len(set(sa.tolist()) & set(sb.tolist())) >= REWRITE_SHARED
    assert classify_pair(sa, sb)[0] == "rewrite"  # shared shingles alone would link them
    assert longest_passage(a, sb) < PASSAGE_RUN
    assert detect_reuse([doc("a", a), doc("b", b)]) == []


CHINESE = (
    "新华社河畔镇三月五日电，河畔镇地方政府五日表示，连日暴雨引发的洪水已造成三十七人死亡，"
    "一万两千多名居民被迫离开家园。救援人员正在乘船搜寻被困村庄，一座临时安置点已在中心学校"
    "体育馆开放。地方官员说，上游水库目前仍然安全，但预计周三还会有更多降雨。"
)
CHINESE_OTHER = (
    "河畔镇居民五日在屋顶上度过了一个不眠之夜。一名店主说，一楼的东西全都没了。救援人员表示，"
    "暴雨引发的洪水已造成三十七人死亡，搜寻工作仍在继续。地方政府承诺为受损房屋提供补偿。"
)


def test_reuse_chinese_is_shingled_by_characters() -> None:
    """Chinese has no spaces: a copy is found on character shingles, and two reports sharing
    only short phrases ("暴雨引发的洪水已造成三十七人死亡" is news, not copying) stay apart."""
    copy = "本文图片\n" + CHINESE
    links = detect_reuse([doc("a", CHINESE), doc("b", copy), doc("c", CHINESE_OTHER)])
    assert [(link.kind, {link.doc_a, link.doc_b}) for link in links] == [("copy", {"a", "b"})]
