"""The trained attribution tagger: features, labels, the rules-only fallback and what the packaged
model adds on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language

from newsprism.extract.quotes.attribution import MODEL_ENV, load_model
from newsprism.extract.quotes.attribution_features import (
    all_columns,
    bio_labels,
    candidate_columns,
    candidate_features,
    doc_features,
    rule_spans,
    spans_from_labels,
)
from newsprism.extract.quotes.component import find_quotes, rule_quotes

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


needs_model = pytest.mark.skipif(load_model() is None,
                                 reason="no trained attribution model installed")


@needs_model
@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ("The opposition party supports the plan to cut fuel taxes before the winter.",
         "The opposition party", "support", "the plan to cut fuel taxes"),
        ("The governor has criticized the slow response of the national rescue agency.",
         "The governor", "criticize", "the slow response of the national rescue agency"),
    ],
)
def test_model_adds_stance_attributions_rules_miss(nlp: Language, text: str, source: str,
                                                   cue: str, content: str) -> None:
    doc = parsed(nlp, text)
    assert rule_quotes(doc) == []
    found = find_quotes(doc)
    assert len(found) == 1, [(q.speaker_text, q.cue, q.text) for q in found]
    quote = found[0]
    assert (quote.speaker_text, quote.cue) == (source, cue)
    assert content in quote.text
    assert quote.kind == "indirect"


@needs_model
def test_model_quotes_keep_exact_offsets(nlp: Language) -> None:
    text = ("Flood officials in the province say the levees were never designed for this much "
            "water. Farmers blame the dam operator, which they accuse of releasing water too "
            "late. The agency disputes that account.")
    doc = parsed(nlp, text)
    found = find_quotes(doc)
    assert len(found) > len(rule_quotes(doc))
    for quote in found:
        assert quote.doc_id == "test"
        assert text[quote.start : quote.end] == quote.text
        assert quote.speaker_start is not None
        assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text
        if quote.cue_start is not None:
            assert quote.cue_end is not None and quote.cue_end > quote.cue_start


@needs_model
def test_model_keeps_rule_quotes(nlp: Language) -> None:
    text = ('"We have never seen the river this high in March," Anna Kowalczyk, the town mayor, '
            "said. Engineers think the old bridge should be closed.")
    doc = parsed(nlp, text)
    rules = rule_quotes(doc)
    found = find_quotes(doc)
    for quote in rules:
        assert any((q.start, q.end, q.speaker) == (quote.start, quote.end, quote.speaker)
                   for q in found)


def test_tagger_reads_only_sentences_with_an_attribution_left_to_find(nlp: Language) -> None:
    model = load_model()
    if model is None:
        pytest.skip("attribution weights not installed")
    text = (
        "The river rose two metres overnight. "
        "The mayor said the bridge would reopen on Monday. "
        "The governor has criticized the slow response of the national rescue agency."
    )
    doc = parsed(nlp, text)
    rules = rule_spans(rule_quotes(doc))
    said = text.index("said")
    assert [said, said + 4] in rules["cue"]
    assert not any(start > said for start, _ in rules["cue"])
    indices, features = candidate_features(doc, rules, model.lexicon)
    kept = {doc[i].sent.text.strip() for i in indices}
    # no cue at all; a cue the rules found; a cue ("criticize") the rules missed
    assert kept == {"The governor has criticized the slow response of the national rescue agency."}
    assert len(features) == len(indices)
    # a token's features are those it has when the whole Doc is tagged
    assert features[0] == doc_features(doc, rules, model.lexicon)[indices[0]]


def test_packaged_model_tags_as_crfsuite_does(nlp: Language) -> None:
    pycrfsuite = pytest.importorskip("pycrfsuite")
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


def test_joint_labels_round_trip_and_both_model_layouts_load(tmp_path: Path) -> None:
    import json

    import pycrfsuite

    from newsprism.extract.quotes.attribution import JOINT, _load, joint_label, split_labels

    tags = [("B", "O", "O"), ("O", "B", "O"), ("O", "O", "B"), ("B", "O", "I")]
    labels = [joint_label(t) for t in tags]
    assert labels[-1] == "B|O|I"
    assert split_labels(labels) == {
        "source": ["B", "O", "O", "B"], "cue": ["O", "B", "O", "O"],
        "content": ["O", "O", "B", "I"],
    }

    def tiny_crf(path: Path, names: list[str]) -> None:
        trainer = pycrfsuite.Trainer(verbose=False)
        trainer.append([{"w": "mayor"}, {"w": "said"}, {"w": "floods"}], names)
        trainer.train(str(path))

    joint, separate = tmp_path / "joint", tmp_path / "separate"
    for folder in (joint, separate):
        folder.mkdir()
        (folder / "cues.json").write_text(json.dumps({"say": 0.85}), encoding="utf-8")
    tiny_crf(joint / f"{JOINT}.crfsuite", ["B|O|O", "O|B|O", "O|O|B"])
    for kind in ("source", "cue", "content"):
        tiny_crf(separate / f"{kind}.crfsuite", ["B", "O", "O"])
    assert set(_load(joint).taggers) == {JOINT}
    assert set(_load(separate).taggers) == {"source", "cue", "content"}
    assert _load(tmp_path) is None


@needs_model
def test_tagged_source_next_to_its_quotation_is_not_left_over(nlp: Language) -> None:
    # The source touches the quotation; were it refused there, the leftover source would take
    # its verb's object (the newspaper told) as what was said.
    text = ('Rescuers searched the riverbank again. "Every name on that list is a family in this '
            'valley," Lena Marek told the Castrava Herald.')
    found = find_quotes(parsed(nlp, text))
    assert [q.text for q in found] == ["Every name on that list is a family in this valley"]
    assert found[0].speaker_text == "Lena Marek"


def test_complement_of_a_speech_verb_is_not_the_one_spoken_to(nlp: Language) -> None:
    from newsprism.extract.quotes.attribution import _complement

    doc = parsed(nlp, "The mayor told reporters that the bridge would stay closed.")
    told = next(t.i for t in doc if t.text == "told")
    found = _complement(doc, (told, told + 1))
    assert found is not None and doc[found[0] : found[1]].text.endswith("would stay closed")
    doc = parsed(nlp, "The mayor told reporters on the steps.")
    told = next(t.i for t in doc if t.text == "told")
    assert _complement(doc, (told, told + 1)) is None
    doc = parsed(nlp, "The ministry denied the report about the dam.")
    denied = next(t.i for t in doc if t.text == "denied")
    found = _complement(doc, (denied, denied + 1))
    assert found is not None and doc[found[0] : found[1]].text == "the report about the dam"
