"""Reuse detection: which reports are copies, rewrites or translations of another report.

Same-language pairs are found with MinHash-LSH over word shingles (near-linear: only pairs that
collide in a band are compared), then labelled from exact shingle overlap. Cross-language pairs
are blocked on language-independent anchors (numbers, linked entities) and confirmed by anchor
overlap and, when given, multilingual sentence embeddings.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsprism.model import Document, Extraction, ReuseLink

SHINGLE = 4  # words per shingle: short enough to survive light edits, long enough to be rare
NUM_PERM = 128
# LSH Jaccard threshold for candidates; kept low because a trimmed rewrite has a low Jaccard
# (its shingles are a subset of the original's) even when its containment is near 1 (the sample
# corpus rewrite: containment 0.35, Jaccard about 0.2, missed by chance at 0.15).
LSH_THRESHOLD = 0.1
# Calibrated with bench/reuse.py on ECB+ articles (generated copies/rewrites vs. independent
# reports of the same event): independent reports stay below 0.15 containment.
COPY_JACCARD = 0.9  # nearly all shingles shared both ways
REWRITE_CONTAINMENT = 0.35  # share of the shorter report's shingles found in the longer
# Translation: share of the smaller anchor set found in the other, and embedding cosine.
TRANSLATION_ANCHORS = 0.6
TRANSLATION_MIN_ANCHORS = 4
TRANSLATION_COSINE = 0.75
# Anchors shared by more documents than this ("#1", a country) block nothing; skipping them keeps
# candidate generation near-linear.
ANCHOR_POSTING_CAP = 200

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _shingle_hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")


def _shingles(text: str) -> set[int]:
    """The article's word shingles as stable 64-bit hashes: a set of ints is a fraction of the
    memory of the strings, which is what keeps 100,000 articles in memory at once."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {_shingle_hash(" ".join(words))} if words else set()
    return {_shingle_hash(" ".join(words[i:i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def _minhash(shingles: set[int]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch([s.to_bytes(8, "big") for s in shingles])
    return m


def _order(a: Document, b: Document, sizes: Mapping[str, int]) -> tuple[str, str]:
    """(source, derived): the earlier report; with no dates, the longer (a rewrite trims)."""
    da, db = a.published.value or "", b.published.value or ""
    if da and db and da[:10] != db[:10]:
        return (a.id, b.id) if da < db else (b.id, a.id)
    if sizes[a.id] != sizes[b.id]:
        return (a.id, b.id) if sizes[a.id] > sizes[b.id] else (b.id, a.id)
    return (a.id, b.id) if a.id < b.id else (b.id, a.id)


def classify_pair(shingles_a: set[int], shingles_b: set[int]) -> tuple[str, float]:
    """('copy' | 'rewrite' | 'independent', score) from shingle overlap."""
    if not shingles_a or not shingles_b:
        return "independent", 0.0
    common = len(shingles_a & shingles_b)
    jaccard = common / len(shingles_a | shingles_b)
    containment = common / min(len(shingles_a), len(shingles_b))
    if jaccard >= COPY_JACCARD:
        return "copy", jaccard
    if containment >= REWRITE_CONTAINMENT:
        return "rewrite", containment
    return "independent", containment


def _anchors(document: Document, extraction: Extraction | None) -> set[str]:
    anchors = {"#" + n.replace(",", "") for n in _NUMBER.findall(document.text)}
    if extraction is not None:
        anchors |= {"@" + m.entity_id for m in extraction.mentions if m.entity_id}
    return anchors


def detect_reuse(
    documents: Sequence[Document],
    extractions: Mapping[str, Extraction] | None = None,
    embeddings: Mapping[str, np.ndarray] | None = None,
) -> list[ReuseLink]:
    """Dependent pairs only (copy, rewrite, translation); ``doc_a`` is the source."""
    extractions = extractions or {}
    by_id = {d.id: d for d in documents}
    shingles = {d.id: _shingles(d.text) for d in documents}
    sizes = {d.id: len(s) for d, s in zip(documents, shingles.values(), strict=True)}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    links: list[ReuseLink] = []
    seen: set[tuple[str, str]] = set()
    for document in documents:
        if not shingles[document.id]:
            continue
        signature = _minhash(shingles[document.id])
        for other_id in lsh.query(signature):
            pair = tuple(sorted((document.id, other_id)))
            if pair in seen:
                continue
            seen.add(pair)  # type: ignore[arg-type]
            kind, score = classify_pair(shingles[document.id], shingles[other_id])
            if kind == "independent":
                continue
            source, derived = _order(by_id[other_id], document, sizes)
            links.append(ReuseLink(
                doc_a=source, doc_b=derived, kind=kind, score=round(score, 3),  # type: ignore[arg-type]
                evidence=f"{score:.0%} of {SHINGLE}-word shingles shared",
            ))
        if document.id not in lsh:
            lsh.insert(document.id, signature)
    links.extend(_translations(documents, extractions, embeddings, sizes, seen))
    return links


def _translations(
    documents: Sequence[Document], extractions: Mapping[str, Extraction],
    embeddings: Mapping[str, np.ndarray] | None, sizes: Mapping[str, int],
    seen: set[tuple[str, str]],
) -> list[ReuseLink]:
    languages = {d.language for d in documents}
    if len(languages) < 2:
        return []
    anchors = {d.id: _anchors(d, extractions.get(d.id)) for d in documents}
    index: dict[str, list[str]] = defaultdict(list)
    by_id = {d.id: d for d in documents}
    links: list[ReuseLink] = []
    for document in documents:
        counts: dict[str, int] = defaultdict(int)
        for anchor in anchors[document.id]:
            if len(index[anchor]) > ANCHOR_POSTING_CAP:
                continue
            for other in index[anchor]:
                counts[other] += 1
        for other_id, shared in counts.items():
            other = by_id[other_id]
            pair = tuple(sorted((document.id, other_id)))
            if other.language == document.language or pair in seen:
                continue
            smaller = min(len(anchors[document.id]), len(anchors[other_id]))
            if shared < TRANSLATION_MIN_ANCHORS or shared / max(smaller, 1) < TRANSLATION_ANCHORS:
                continue
            cosine = None
            if embeddings and document.id in embeddings and other_id in embeddings:
                cosine = float(np.dot(embeddings[document.id], embeddings[other_id]))
                if cosine < TRANSLATION_COSINE:
                    continue
            seen.add(pair)  # type: ignore[arg-type]
            source, derived = _order(other, document, sizes)
            why = f"{shared} shared anchors (numbers, names)"
            if cosine is not None:
                why += f", embedding cosine {cosine:.2f}"
            links.append(ReuseLink(doc_a=source, doc_b=derived, kind="translation",
                                   score=round(shared / max(smaller, 1), 3), evidence=why))
        for anchor in anchors[document.id]:
            index[anchor].append(document.id)
    return links


def independent_groups(doc_ids: Sequence[str], reuse: Sequence[ReuseLink]) -> dict[str, str]:
    """Documents joined by copy/rewrite/translation collapse to one group (id = a member id)."""
    parent = {d: d for d in doc_ids}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in reuse:
        if link.kind == "independent":
            continue
        ra, rb = find(link.doc_a), find(link.doc_b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {d: find(d) for d in doc_ids}
