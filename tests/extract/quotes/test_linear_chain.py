"""The numpy reading of a crfsuite model tags exactly as python-crfsuite does (the packaged
attribution model: tests/extract/test_attribution_model.py)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import numpy
import pytest

from newsprism.extract.quotes.linear_chain import FeatureColumns, _split, read_crfsuite

pycrfsuite = pytest.importorskip("pycrfsuite")


def test_attribute_names_split_into_offset_key_and_value() -> None:
    assert _split("-1:w:said", {-1, 1}) == (-1, "w", "said")
    assert _split("w::", {-1, 1}) == (0, "w", ":")
    assert _split("2:w:\n\n", {2}) == (2, "w", "\n\n")
    assert _split("q", {-1}) == (0, "q", None)
    assert _split("-1:pad", {-1}) == (-1, "pad", None)
    assert _split("r:souB", {-1}) == (0, "r", "souB")


def test_a_model_trained_here_reads_back_exactly(tmp_path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    sequences = [
        ([{"w": "the"}, {"w": "mayor", "q": True, "r": {"souB": 1.0}}, {"w": "said"},
          {"w": "\n\n", "q": 0.5}], ["O", "B", "C", "O"]),
        ([{"w": "officials"}, {"w": "warned"}, {"w": "of"}, {"w": "floods", "q": True}],
         ["B", "C", "O", "O"]),
    ]
    for xseq, yseq in sequences:
        trainer.append(xseq, yseq)
    trainer.set_params({"c2": 0.01, "max_iterations": 50})
    path = tmp_path / "tiny.crfsuite"
    trainer.train(str(path))
    chain = read_crfsuite(path, neighbour_keys=(), offsets=[])
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    for xseq, _ in sequences:
        keys = {key for item in xseq for key in item}
        columns = FeatureColumns(
            positions=range(len(xseq)),
            values={key: [item.get(key) for item in xseq] for key in sorted(keys)},
        )
        assert chain.tag(columns, range(len(xseq)), len(xseq)) == tagger.tag(xseq)
    assert "w" in chain.vocabulary and "\n\n" in chain.vocabulary["w"]
    # neighbours' words under their offset, and padding past either end
    words = [["the", "mayor", "said", "floods"], ["officials", "warned", "of", "floods"]]

    def with_neighbours(sentence: list[str]) -> list[dict]:
        return [{"w": word, **{str(o): ({"w": sentence[i + o]} if 0 <= i + o < len(sentence)
                                         else {"pad": 1.0}) for o in (-1, 1)}}
                for i, word in enumerate(sentence)]

    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence, (_, yseq) in zip(words, sequences, strict=True):
        trainer.append(with_neighbours(sentence), yseq)
    trainer.set_params({"c2": 0.01, "max_iterations": 50})
    trainer.train(str(tmp_path / "window.crfsuite"))
    window = read_crfsuite(tmp_path / "window.crfsuite", neighbour_keys=("w",), offsets=[-1, 1])
    tagger.open(str(tmp_path / "window.crfsuite"))
    index = {label: i for i, label in enumerate(window.labels)}

    def score(emissions: numpy.ndarray, labels: list[str]) -> float:
        ids = [index[label] for label in labels]
        return float(sum(emissions[t, i] for t, i in enumerate(ids))
                     + sum(window.transitions[a, b] for a, b in itertools.pairwise(ids)))

    for sentence in [*words, ["the", "officials", "said"], ["floods"]]:
        columns = FeatureColumns(positions=range(len(sentence)), values={"w": sentence})
        items = with_neighbours(sentence)
        best = tagger.tag(items)
        assert window.tag(columns, range(len(sentence)), len(sentence)) == best
        # every path's score relative to the best one is crfsuite's (log-probability ratio)
        emissions = window.emissions(columns, range(len(sentence)), len(sentence))
        tagger.set(items)
        for other in (["O"] * len(sentence), ["B"] + ["C"] * (len(sentence) - 1)):
            expected = numpy.log(tagger.probability(other) / tagger.probability(best))
            assert score(emissions, other) - score(emissions, best) == pytest.approx(expected)
    assert (-1, "pad") in window.weights
    # a label bias shifts every token's scores by the same amount
    xseq = sequences[0][0]
    columns = FeatureColumns(positions=range(4), values={"w": [x["w"] for x in xseq]})
    biased = replace(chain, label_bias=numpy.array([0.0, 0.5, 1.0]))
    shift = biased.emissions(columns, range(4), 4) - chain.emissions(columns, range(4), 4)
    assert numpy.allclose(shift, [[0.0, 0.5, 1.0]] * 4)
