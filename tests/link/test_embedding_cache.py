"""The encoder's rows are computed once per distinct text and kept, within a bound, for later
calls (a relink links twice; copies repeat sentences)."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.link import embeddings


class CountingEncoder:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        return np.array([[len(t), t.count("a"), 1.0] for t in texts], dtype=np.float32)


@pytest.fixture
def encoder(monkeypatch: pytest.MonkeyPatch) -> CountingEncoder:
    fake = CountingEncoder()
    monkeypatch.setattr(embeddings, "_encoder", lambda: fake)
    monkeypatch.setattr(embeddings, "_cache", type(embeddings._cache)())
    return fake


def test_each_distinct_text_is_encoded_once(encoder: CountingEncoder) -> None:
    texts = ["a blast at the port", "the toll rose", "a blast at the port"]
    rows = embeddings.encode(texts)
    assert encoder.seen == ["a blast at the port", "the toll rose"]
    assert rows.shape == (3, 3) and (rows[0] == rows[2]).all()
    again = embeddings.encode(["the toll rose", "a new sentence"])
    assert encoder.seen[2:] == ["a new sentence"]  # the known one came from the cache
    assert (again[0] == rows[1]).all()


def test_the_cache_is_bounded_and_keeps_the_latest(
    encoder: CountingEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embeddings, "CACHE_TEXTS", 2)
    embeddings.encode(["one", "two", "three"])  # more than the bound in one call
    assert list(embeddings._cache) == ["two", "three"]
    embeddings.encode(["two"])
    embeddings.encode(["four"])
    assert list(embeddings._cache) == ["two", "four"]  # "two" was used last, so "three" left
    assert embeddings.encode([]).shape[0] == 0
