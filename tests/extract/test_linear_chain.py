"""The numpy reading of a crfsuite model tags exactly as python-crfsuite does."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy
import pytest
from spacy.language import Language

from newsprism.extract.attribution import load_model
from newsprism.extract.attribution_features import (
    NEIGHBOUR_KEYS,
    WINDOW,
    all_columns,
    candidate_columns,
    candidate_features,
    doc_features,
    rule_spans,
)
from newsprism.extract.linear_chain import FeatureColumns, _split, read_crfsuite
from newsprism.extract.quotes import rule_quotes

pycrfsuite = pytest.importorskip("pycrfsuite")
OFFSETS = [o for o in range(-WINDOW, WINDOW + 1) if o]

# Whitespace tokens (paragraph breaks, double spaces) give feature names with newlines, which
# crfsuite's own dump parser cannot read; quotes, money and nested speech exercise the rest.
ARTICLE = (
    "Rescue teams reached the flooded villages on Tuesday.  The regional governor, Marta "
    'Ilves, said the dam "held as designed" and denied reports of a breach.\n\n'
    "Officials estimate the damage at $40 million. Farmers blame the water agency, which "
    "they accuse of opening the sluices too late.\n\n"
    '"We were told nothing," one farmer said. According to the agency, the warning went out '
    "at dawn. The opposition party supports an inquiry into the response."
)


def parsed(nlp: Language, text: str):
    doc = nlp.make_doc(text)
    doc._.doc_id = "test"
    for name, component in nlp.pipeline:
        if name != "newsprism_quotes":
            doc = component(doc)
    return doc


def test_attribute_names_split_into_offset_key_and_value() -> None:
    assert _split("-1:w:said", {-1, 1}) == (-1, "w", "said")
    assert _split("w::", {-1, 1}) == (0, "w", ":")
    assert _split("2:w:\n\n", {2}) == (2, "w", "\n\n")
    assert _split("q", {-1}) == (0, "q", None)
    assert _split("-1:pad", {-1}) == (-1, "pad", None)
    assert _split("r:souB", {-1}) == (0, "r", "souB")


def test_packaged_model_tags_as_crfsuite_does(nlp: Language) -> None:
    model = load_model()
    if model is None or model.chain is None:
        pytest.skip("no joint attribution model installed")
    chain = replace(model.chain, label_bias=None)  # as trained, as crfsuite decodes it
    doc = parsed(nlp, ARTICLE)
    assert any(t.is_space for t in doc)
    rules = rule_spans(rule_quotes(doc))
    every = list(range(len(doc)))
    expected = model.taggers["joint"].tag(pycrfsuite.ItemSequence(
        doc_features(doc, rules, model.lexicon)))
    columns = all_columns(doc, rules, model.lexicon)
    assert chain.tag(columns, every, len(doc)) == expected
    assert any(label != "O|O|O" for label in expected)
    indices, features = candidate_features(doc, rules, model.lexicon)
    same, columns = candidate_columns(doc, rules, model.lexicon)
    assert same == indices
    assert chain.tag(columns, indices, len(doc)) == model.taggers["joint"].tag(
        pycrfsuite.ItemSequence(features))


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
    # a label bias shifts every token's scores by the same amount
    xseq = sequences[0][0]
    columns = FeatureColumns(positions=range(4), values={"w": [x["w"] for x in xseq]})
    biased = replace(chain, label_bias=numpy.array([0.0, 0.5, 1.0]))
    shift = biased.emissions(columns, range(4), 4) - chain.emissions(columns, range(4), 4)
    assert numpy.allclose(shift, [[0.0, 0.5, 1.0]] * 4)
    assert set(NEIGHBOUR_KEYS) >= {"w", "q"}
