"""Reuse detection: which reports are copies, rewrites or translations of another report.

Same-language pairs come from two indexes, both near-linear: MinHash-LSH over word shingles (pairs
alike as a whole) and a sorted index of sampled shingles (pairs that share one passage: two
search-engine excerpts of one story overlap only in part, so their Jaccard is low). Pairs are
labelled from exact shingle overlap: a copy shares nearly everything, a rewrite a good part of
the shorter report or a verbatim passage (REWRITE_SHARED shingles, PASSAGE_RUN of them in a row).
Chinese and Japanese are shingled by characters.

Cross-language pairs are blocked on language-independent anchors (figures by value, linked
entities) and confirmed sentence by sentence (``reuse_translation.py``): a translation keeps its
source's sentences in order, each with the same figures and names, close in the multilingual
encoder when it reads both languages.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsprism.link.events import ENCODER_LANGUAGES
from newsprism.link.reuse_translation import (
    MIN_FIGURE,
    TranslationAligner,
    figures,
    is_translation,
)
from newsprism.link.reuse_translation import default_encoder as sentence_encoder
from newsprism.model import Document, Extraction, ReuseLink

# Re-exported: which documents are one source is the link stage's answer too.
from newsprism.model import independent_groups as independent_groups

SHINGLE = 4  # words per shingle: short enough to survive light edits, long enough to be rare
# Chinese and Japanese are written without spaces: their characters are the tokens, and a shingle
# of eight characters (about as much text as four words) is as rare as four words elsewhere; four
# characters are shared by independent reports of one event ("土耳其和叙利亚").
CJK_SHINGLE = 8
NUM_PERM = 128
# LSH Jaccard threshold for candidates; kept low because a trimmed rewrite has a low Jaccard
# (its shingles are a subset of the original's) even when its containment is near 1 (the sample
# corpus rewrite: containment 0.35, Jaccard about 0.2, missed by chance at 0.15).
LSH_THRESHOLD = 0.1
# Calibrated with bench/reuse.py on ECB+ articles (generated copies/rewrites vs. independent
# reports of the same event): independent reports stay below 0.15 containment.
COPY_JACCARD = 0.9  # nearly all shingles shared both ways
REWRITE_CONTAINMENT = 0.35  # share of the shorter report's shingles found in the longer
# Distinct shingles two reports share that make one a rewrite whatever their lengths: a passage of
# some 30 words in common. Search-engine excerpts and partial pages of one story cover different
# parts of it, so their containment is low even when the part they share is verbatim.
REWRITE_SHARED = 30
# ... provided some of them form one passage: this many consecutive shingles of one report found
# in the other (a verbatim run of some 12 words). Thirty stock phrases scattered over two long
# reports of one event ("said in a statement", "the death toll rose to") are not a copy.
PASSAGE_RUN = 9
# Candidates besides LSH: pairs sharing sampled shingles (one in SAMPLE_EVERY, by hash). LSH
# finds pairs by Jaccard, and two partial excerpts sharing one long passage have a low Jaccard
# (30 shared of 400 shingles: 0.04); an index of the shingles themselves finds them. A shingle
# more than SHINGLE_POSTING_CAP reports carry is boilerplate ("read more", a site's footer) and
# blocks nothing; skipping it keeps the pairs near-linear.
SAMPLE_EVERY = 4
SAMPLED_SHARED = 3  # sampled shingles in common that make a candidate (30 shared: ~7.5 expected)
SHINGLE_POSTING_CAP = 50
# Pairs in two languages worth aligning sentence by sentence: sharing this many anchors, one of
# them a figure (reuse_translation.py decides).
TRANSLATION_CANDIDATE_ANCHORS = 2
# Anchors shared by more documents than this ("#1", a country) block nothing; skipping them keeps
# candidate generation near-linear.
ANCHOR_POSTING_CAP = 200

_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[^\W{_CJK}]+|[{_CJK}]", re.UNICODE)
_CJK_CHAR = re.compile(rf"[{_CJK}]")


@functools.lru_cache(maxsize=1 << 18)  # some 40 MB at most; a corpus reuses its words
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


_MIX = np.uint64(0x9E3779B97F4A7C15)


def _ordered_shingles(text: str) -> np.ndarray:
    """The article's shingle hashes in text order (repeats kept). A shingle's hash combines its
    words' hashes (each word hashed once, cached) with numpy arithmetic, then a splitmix64
    finaliser, so every bit (and the sampling by residue) is well spread."""
    words = _WORD.findall(text.casefold())
    size = SHINGLE
    if words and sum(1 for w in words if _CJK_CHAR.match(w)) * 2 > len(words):
        size = CJK_SHINGLE
    if not words:
        return np.empty(0, dtype=np.uint64)
    ids = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    width = min(size, len(ids))
    count = len(ids) - width + 1
    with np.errstate(over="ignore"):
        hashes = ids[:count].copy()
        for k in range(1, width):
            hashes = hashes * _MIX + ids[k:k + count]
        hashes ^= hashes >> np.uint64(30)
        hashes *= np.uint64(0xBF58476D1CE4E5B9)
        hashes ^= hashes >> np.uint64(27)
        hashes *= np.uint64(0x94D049BB133111EB)
        hashes ^= hashes >> np.uint64(31)
    return hashes


def _shingles(text: str) -> np.ndarray:
    """The article's distinct word shingles as sorted 64-bit hashes: a numpy array is 8 bytes a
    shingle (a Python set of ints is about 60), which is what keeps 100,000 articles in memory
    at once."""
    return np.unique(_ordered_shingles(text))


def longest_passage(text_a: str | np.ndarray, shingles_b: np.ndarray) -> int:
    """Longest run of consecutive shingles of ``text_a`` (a text, or its
    :func:`_ordered_shingles`) that are all shingles of the other report (its sorted distinct
    hashes, as :func:`_shingles` returns them)."""
    ordered = _ordered_shingles(text_a) if isinstance(text_a, str) else text_a
    if not len(ordered) or not len(shingles_b):
        return 0
    positions = np.minimum(np.searchsorted(shingles_b, ordered), len(shingles_b) - 1)
    found = shingles_b[positions] == ordered
    if not found.any():
        return 0
    edges = np.flatnonzero(np.diff(np.concatenate(([0], found.astype(np.int8), [0]))))
    return int((edges[1::2] - edges[::2]).max())


def _low_bits(shingle: int) -> int:
    """A shingle's 32-bit hash for MinHash: the low half of its (already mixed) 64-bit hash, so
    datasketch need not hash it again with SHA-1."""
    return shingle & 0xFFFFFFFF


def _minhash(shingles: np.ndarray) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_low_bits)
    m.update_batch(shingles.tolist())
    return m


def _order(a: Document, b: Document, sizes: Mapping[str, int]) -> tuple[str, str]:
    """(source, derived): the earlier report; with no dates, the longer (a rewrite trims)."""
    da, db = a.published.value or "", b.published.value or ""
    if da and db and da[:10] != db[:10]:
        return (a.id, b.id) if da < db else (b.id, a.id)
    if sizes[a.id] != sizes[b.id]:
        return (a.id, b.id) if sizes[a.id] > sizes[b.id] else (b.id, a.id)
    return (a.id, b.id) if a.id < b.id else (b.id, a.id)


def classify_pair(
    shingles_a: AbstractSet[object] | np.ndarray, shingles_b: AbstractSet[object] | np.ndarray
) -> tuple[str, float]:
    """('copy' | 'rewrite' | 'independent', score) from shingle overlap; the shingles are sets or
    sorted arrays of distinct hashes (what :func:`_shingles` returns)."""
    if not len(shingles_a) or not len(shingles_b):
        return "independent", 0.0
    if isinstance(shingles_a, np.ndarray) and isinstance(shingles_b, np.ndarray):
        common = len(np.intersect1d(shingles_a, shingles_b, assume_unique=True))
    else:
        common = len(set(shingles_a) & set(shingles_b))
    jaccard = common / (len(shingles_a) + len(shingles_b) - common)
    containment = common / min(len(shingles_a), len(shingles_b))
    if jaccard >= COPY_JACCARD:
        return "copy", jaccard
    if containment >= REWRITE_CONTAINMENT or common >= REWRITE_SHARED:
        return "rewrite", containment
    return "independent", containment


def _anchors(document: Document, extraction: Extraction | None) -> set[str]:
    """Language-independent anchors: figures by value ("24 617" = "24,617" = "24.617") and
    linked entities."""
    anchors = {f"#{value:g}" for value in figures(document.text, document.language)}
    if extraction is not None:
        anchors |= {"@" + m.entity_id for m in extraction.mentions if m.entity_id}
        anchors |= {
            f"#{q.low:g}" for q in extraction.quantities
            if q.low is not None and q.low >= MIN_FIGURE and not 1900 <= q.low <= 2100
        }
    return anchors


def _signatures(shingles: Sequence[np.ndarray]) -> np.ndarray:
    """One row of MinHash values per article (uint32: datasketch's values fit in 32 bits), so
    the index is a matrix rather than 100,000 MinHash objects and bucket dictionaries."""
    rows = np.empty((len(shingles), NUM_PERM), dtype=np.uint32)
    for i, article in enumerate(shingles):
        rows[i] = _minhash(article).hashvalues
    return rows


def _candidate_pairs(signatures: np.ndarray) -> np.ndarray:
    """Sorted codes ``later * n + earlier`` of the row pairs that agree on every value of at least
    one LSH band: the pairs datasketch's ``MinHashLSH`` query would return, found by sorting
    each band's rows instead of holding a hash table per band."""
    n = len(signatures)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)  # only its band layout is used
    found = np.empty(0, dtype=np.int64)
    pending: list[np.ndarray] = []
    waiting = 0
    for start, end in lsh.hashranges:
        band = signatures[:, start:end]
        order = np.lexsort(band.T[::-1]).astype(np.int64)
        ordered = band[order]
        breaks = np.flatnonzero(np.any(ordered[1:] != ordered[:-1], axis=1)) + 1
        starts = np.concatenate(([0], breaks))
        sizes = np.concatenate((breaks, [n])) - starts
        # most buckets hold two rows: their pairs in one vectorised step
        lo = starts[sizes == 2]
        a, b = order[lo], order[lo + 1]
        codes = [np.maximum(a, b) * n + np.minimum(a, b)]
        for first_row, size in zip(starts[sizes > 2].tolist(), sizes[sizes > 2].tolist(),
                                   strict=True):
            members = np.sort(order[first_row:first_row + size])
            first, second = np.triu_indices(size, 1)
            codes.append(members[second] * n + members[first])
        batch = np.concatenate(codes)
        pending.append(batch)
        waiting += len(batch)
        # de-duplicated when the waiting codes outgrow the pairs found so far (a copy collides
        # in every band), so the sorting work stays proportional to the pairs, not to the bands
        if waiting > max(len(found), 1 << 20):
            found = np.unique(np.concatenate([found, *pending]))
            pending, waiting = [], 0
    return np.unique(np.concatenate([found, *pending]))


def _passage_pairs(shingles: Sequence[np.ndarray]) -> np.ndarray:
    """Codes ``later * n + earlier`` of the row pairs sharing at least SAMPLED_SHARED sampled
    shingles, from a sorted (shingle, row) index instead of a hash table of postings."""
    n = len(shingles)
    sampled = [s[s % np.uint64(SAMPLE_EVERY) == 0] for s in shingles]
    if not n or not sum(len(s) for s in sampled):
        return np.empty(0, dtype=np.int64)
    keys = np.concatenate(sampled)
    rows = np.repeat(np.arange(n, dtype=np.int64), [len(s) for s in sampled])
    order = np.lexsort((rows, keys))
    keys, rows = keys[order], rows[order]
    breaks = np.flatnonzero(keys[1:] != keys[:-1]) + 1
    starts = np.concatenate(([0], breaks))
    sizes = np.concatenate((breaks, [len(keys)])) - starts
    lo = starts[sizes == 2]
    codes = [rows[lo + 1] * n + rows[lo]]  # rows are sorted within a key: lo is the earlier
    for first, size in zip(starts[(sizes > 2) & (sizes <= SHINGLE_POSTING_CAP)].tolist(),
                           sizes[(sizes > 2) & (sizes <= SHINGLE_POSTING_CAP)].tolist(),
                           strict=True):
        members = rows[first:first + size]
        earlier, later = np.triu_indices(size, 1)
        codes.append(members[later] * n + members[earlier])
    pairs, counts = np.unique(np.concatenate(codes), return_counts=True)
    return pairs[counts >= SAMPLED_SHARED]


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
    indexed = list(dict.fromkeys(d.id for d in documents if len(shingles[d.id])))
    n = len(indexed)
    links: list[ReuseLink] = []
    seen: set[tuple[str, str]] = set()
    ordered: dict[str, np.ndarray] = {}  # shingles in text order, for the passage check
    rows = [shingles[d] for d in indexed]
    candidates = np.union1d(_candidate_pairs(_signatures(rows)), _passage_pairs(rows))
    for code in candidates.tolist():
        later, earlier = indexed[code // n], indexed[code % n]
        kind, score = classify_pair(shingles[later], shingles[earlier])
        if kind == "independent":
            continue
        if kind == "rewrite" and score < REWRITE_CONTAINMENT:
            if later not in ordered:
                ordered[later] = _ordered_shingles(by_id[later].text)
            if longest_passage(ordered[later], shingles[earlier]) < PASSAGE_RUN:
                continue  # shared shingles, but scattered: no passage in common
        seen.add((later, earlier) if later < earlier else (earlier, later))
        source, derived = _order(by_id[earlier], by_id[later], sizes)
        links.append(ReuseLink(
            doc_a=source, doc_b=derived, kind=kind, score=round(score, 3),  # type: ignore[arg-type]
            evidence=f"{score:.0%} of {SHINGLE}-word shingles shared",
        ))
    del shingles, ordered
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
    candidates: list[tuple[str, str, int]] = []
    for document in documents:
        counts: dict[str, int] = defaultdict(int)
        shared_figures: dict[str, int] = defaultdict(int)
        for anchor in anchors[document.id]:
            if len(index[anchor]) > ANCHOR_POSTING_CAP:
                continue
            for other in index[anchor]:
                counts[other] += 1
                shared_figures[other] += anchor.startswith("#")
        for other_id, shared in counts.items():
            pair = tuple(sorted((document.id, other_id)))
            if by_id[other_id].language == document.language or pair in seen:
                continue
            if shared >= TRANSLATION_CANDIDATE_ANCHORS and shared_figures[other_id]:
                candidates.append((other_id, document.id, shared))
        for anchor in anchors[document.id]:
            index[anchor].append(document.id)
    aligner = TranslationAligner(
        by_id, extractions, sentence_encoder() if embeddings else None, ENCODER_LANGUAGES
    )
    aligner.prepare([d for a, b, _ in candidates for d in (a, b)])
    links: list[ReuseLink] = []
    for other_id, doc_id, shared in candidates:
        pair = (doc_id, other_id) if doc_id < other_id else (other_id, doc_id)
        run, sentences_a, sentences_b, strong = aligner.run(other_id, doc_id)
        if not is_translation(run, sentences_a, sentences_b, strong):
            continue
        seen.add(pair)
        source, derived = _order(by_id[other_id], by_id[doc_id], sizes)
        if is_translation(run, sentences_a, sentences_b):
            why = (f"{run} sentences aligned in order (of {sentences_a} and {sentences_b}; "
                   f"{shared} shared figures and names)")
        else:
            why = (f"{strong} sentences in the same order with the same figures, close in "
                   f"meaning (of {sentences_a} and {sentences_b})")
        score = max(run, strong) / max(min(sentences_a, sentences_b), 1)
        links.append(ReuseLink(doc_a=source, doc_b=derived, kind="translation",
                               score=round(score, 3), evidence=why))
    return links
