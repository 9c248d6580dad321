"""Paragraph breaks as sentence boundaries, on team-written text."""

from __future__ import annotations

from spacy.language import Language

from newsprism.extract.core.paragraphs import PARAGRAPHS_COMPONENT

ARTICLE = (
    "“The river has never come this far into town. We will see how the walls hold.”\n\n"
    "Mayor Anna Kowalczyk, facing a hard winter in the valley, a farming district, said the "
    "council would open two shelters.\n\n"
    "The volunteers were told:\n\n"
    "“Bring boots and gloves, not cars.”"
)


def test_blank_line_starts_a_sentence(nlp: Language) -> None:
    assert PARAGRAPHS_COMPONENT in nlp.pipe_names
    assert nlp.pipe_names.index(PARAGRAPHS_COMPONENT) < nlp.pipe_names.index("parser")
    doc = nlp(ARTICLE)
    starts = [sentence.text.split()[0] for sentence in doc.sents]
    assert "Mayor" in starts
    # A colon introduces the next paragraph: the quotation stays in its cue's sentence.
    assert "“Bring" not in starts
    mayor = next(sentence for sentence in doc.sents if sentence.text.startswith("Mayor"))
    subject = next(token for token in mayor if token.text == "Kowalczyk")
    assert subject.dep_ == "nsubj" and subject.head.lemma_ == "say"


def test_speaker_after_a_quoted_paragraph_is_found(nlp: Language) -> None:
    # Without the boundary the small parser runs the quotation into the next paragraph and hangs
    # "Berg" from "works": no attribution is found.
    text = ("“We will see how it works.”\n\nGov. Tomas Berg, facing a spirited challenge in the "
            "north, a swing district, said he would welcome the money.")
    found = [q for q in nlp(text)._.quotes if "welcome the money" in q.text]
    assert [(q.speaker, q.cue) for q in found] == [("Tomas Berg", "say")]


def test_single_line_break_is_left_to_the_model(nlp: Language) -> None:
    # Hard-wrapped plain text breaks lines inside sentences.
    doc = nlp("The council said on Monday that the two shelters\nwould stay open all winter.")
    assert len(list(doc.sents)) == 1


def test_a_headline_on_the_first_line_is_its_own_sentence(nlp: Language) -> None:
    # A title, then a photo caption: without the boundary "arrests" counts the two men.
    doc = nlp("Flurry of arrests as officials crack down on builders after the floods\n"
              "Two men watch excavators at work among the rubble in Velino on Monday.")
    starts = [sentence.text.split()[0] for sentence in doc.sents]
    assert starts == ["Flurry", "Two"]
    assert [(q.text, q.measure) for q in doc._.quantities] == [("Two men", "other")]
    # a first line that ends in a stop, or goes on in lower case, is left to the model
    wrapped = nlp("The council said on Monday that the two shelters\nwould stay open.")
    assert len(list(wrapped.sents)) == 1
