"""The table versions of the attribute_ruler and lemmatizer give exactly spaCy's own output."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract.core.rule_tables import AttributeTable, LemmaTable, use_rule_tables

# Written for these tests: crisis-news sentences plus the contractions, colloquial forms,
# expletives and whitespace tokens that the model's multi-token and dependency rules are about.
TEXTS: tuple[str, ...] = (
    "The interior ministry said 47 people had died and 112 were injured in the floods.",
    "\"We haven't seen water like this,\" the mayor told reporters on Tuesday.  "
    "There's nothing left of the bridge, and there are 3,000 people without power.",
    "Y'all gonna stay? I'd gotta leave, let's go. It ain't over, c'mon, they said.\n\n"
    "Rescuers didn't reach her until Monday; she had been waiting since dawn.",
    "Officials who had promised aid were nowhere to be seen, residents said of them.\n"
    "I told him it was me, but nobody believed us. Was it ours or theirs?",
    "Prices rose 12% after the blockade began, according to the central bank.",
)


def _annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.morph.key))
        for t in doc
    ]


@pytest.fixture(scope="module")
def stock() -> Language:
    from newsprism.nlp import load_base_model

    return load_base_model()


def test_rule_tables_replace_the_ruler_and_lemmatizer_under_the_same_names(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(nlp.get_pipe("lemmatizer"), LemmaTable)


def test_rule_tables_give_spacys_own_annotations(stock):
    from newsprism.nlp import load_base_model

    tabled = load_base_model()
    assert sorted(use_rule_tables(tabled)) == ["attribute_ruler", "lemmatizer"]
    expected = [_annotations(doc) for doc in stock.pipe(TEXTS)]
    # Twice: the first pass fills the tables, the second reads them.
    for _ in range(2):
        assert [_annotations(doc) for doc in tabled.pipe(TEXTS)] == expected


def test_rule_tables_apply_multi_token_and_dependency_rules(stock):
    from newsprism.nlp import load_base_model

    tabled = load_base_model()
    use_rule_tables(tabled)
    doc = tabled("They're gonna rebuild it, but there is no money. Let's see.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"  # two-token rule, both indices
    assert lemmas["'s"] == "us"  # "let 's" rule with index 1
    assert next(t for t in doc if t.text == "is").pos_ == "VERB"  # expletive + be
    assert _annotations(doc) == _annotations(stock(doc.text))


def test_attribute_table_keeps_whitespace_tokens_apart(stock, nlp):
    text = "Floodwater rose overnight.\n\n\nThe dam held."
    spaces = [t for t in nlp(text) if t.is_space]
    assert spaces and all(t.pos_ == "SPACE" and t.tag_ == "_SP" for t in spaces)
    assert _annotations(nlp(text)) == _annotations(stock(text))


def test_rule_tables_survive_saving_and_loading_the_pipeline(stock, tmp_path):
    import spacy

    from newsprism.nlp import load_base_model

    tabled = load_base_model()
    use_rule_tables(tabled)
    tabled.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert isinstance(loaded.get_pipe("attribute_ruler"), AttributeTable)
    assert isinstance(loaded.get_pipe("lemmatizer"), LemmaTable)
    assert [_annotations(doc) for doc in loaded.pipe(TEXTS)] == [
        _annotations(doc) for doc in stock.pipe(TEXTS)
    ]


def test_rule_tables_leave_a_ruler_that_sets_other_attributes_to_spacy(stock):
    from newsprism.nlp import load_base_model

    custom = load_base_model()
    custom.get_pipe("attribute_ruler").add([[{"LOWER": "quake"}]], {"NORM": "earthquake"})
    assert use_rule_tables(custom) == ["lemmatizer"]
    assert custom("The quake struck at dawn.")[1].norm_ == "earthquake"
