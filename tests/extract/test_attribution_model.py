"""The trained attribution tagger: features, labels, the rules-only fallback and what the packaged
model adds on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsprism.extract.attribution import MODEL_DIR, MODEL_ENV, load_model
from newsprism.extract.attribution_features import (
    bio_labels,
    doc_features,
    rule_spans,
    spans_from_labels,
)
from newsprism.extract.quotes import find_quotes, rule_quotes


def parsed(nlp: Language, text: str):
    doc = nlp.make_doc(text)
    doc._.doc_id = "test"
    for name, component in nlp.pipeline:
        if name != "newsprism_quotes":
            doc = component(doc)
    return doc


def test_bio_labels_round_trip(nlp: Language) -> None:
    text = "The mayor said the bridge would reopen on Monday."
    doc = nlp.make_doc(text)
    content = (text.index("the bridge"), text.index(" on Monday"))
    labels = bio_labels(doc, [content, (0, 9)])
    assert labels[:3] == ["B", "I", "O"]
    spans = spans_from_labels(doc, labels)
    assert [doc[a:b].text for a, b in spans] == ["The mayor", "the bridge would reopen"]


def test_bio_labels_keep_the_outer_of_nested_spans(nlp: Language) -> None:
    text = "She said the council believes the dam is safe."
    doc = nlp.make_doc(text)
    outer = (text.index("the council"), len(text) - 1)
    inner = (text.index("the dam"), len(text) - 1)
    spans = spans_from_labels(doc, bio_labels(doc, [inner, outer]))
    assert [doc[a:b].text for a, b in spans] == ["the council believes the dam is safe"]


def test_features_mark_rule_spans_and_cue_ancestors(nlp: Language) -> None:
    doc = parsed(nlp, "The fire service said the blaze was under control by midnight.")
    rules = rule_spans(rule_quotes(doc))
    features = doc_features(doc, rules, {"say": 0.6})
    blaze = next(t.i for t in doc if t.text == "blaze")
    assert features[blaze]["r"] == {"conI": 1.0}
    assert features[blaze]["al"] == "say" and features[blaze]["ad"] == "ccomp"
    said = next(t.i for t in doc if t.text == "said")
    assert features[said]["c"] == "high" and features[said]["r"] == {"cueB": 1.0}
    assert features[said]["-1"]["w"] == "service"
    assert len(features) == len(doc)


def test_rules_only_when_weights_absent(nlp: Language, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_model(tmp_path) is None
    monkeypatch.setenv(MODEL_ENV, str(tmp_path))
    assert load_model() is None
    monkeypatch.setenv(MODEL_ENV, "none")
    assert load_model() is None
    text = "Laila Haddad visited the shelters. She warned that more villages could be cut off."
    doc = parsed(nlp, text)
    found = find_quotes(doc)
    assert [q.speaker for q in found] == ["Laila Haddad"]
    assert [(q.start, q.end) for q in found] == [(q.start, q.end) for q in rule_quotes(doc)]


needs_model = pytest.mark.skipif(load_model(MODEL_DIR) is None,
                                 reason="no trained attribution model installed")
