"""A Russian spaCy pipeline: blank "ru" tokeniser, a sentenciser, natasha's NER as a component,
newsprism's entities component, and the Russian rules for dates, quotes and quantities
(``dates``, ``quotes``, ``quantities``, ``events`` beside this module), so Russian articles yield
the same Doc extensions as English ones.

natasha (slovnet NER + morphology, models inside its wheel) is imported before anything touches
pymorphy: it patches pymorphy for Python 3.11.
"""

from __future__ import annotations

import functools

import natasha  # noqa: F401  (must come before any pymorphy import)
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import newsprism.extract.entities.component  # noqa: F401  (registers newsprism_entities)
from newsprism.extract.languages.ru import dates, events, quantities, quotes  # noqa: F401
from newsprism.link.places import lookup

# natasha's labels → the spaCy/OntoNotes labels the rest of newsprism speaks.
NATASHA_LABELS: dict[str, str] = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
NORMALS_EXTENSION = "ent_normals"


@functools.cache
def _natasha() -> tuple[object, object, object, object]:
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding), MorphVocab()


class NatashaNER:
    """spaCy component: sets ``doc.ents`` from natasha's NER (PERSON, ORG, GPE, LOC) and
    ``doc._.ent_normals`` (start_char, end_char) → nominative form ("Киеве" → "Киев")."""

    def __init__(self, nlp: Language, name: str, *, normalise: bool = True) -> None:
        if not Doc.has_extension(NORMALS_EXTENSION):
            Doc.set_extension(NORMALS_EXTENSION, default=None)
        self.name = name
        self.normalise = normalise

    def __call__(self, doc: Doc) -> Doc:
        from natasha import Doc as NatashaDoc

        segmenter, ner, morph, vocab = _natasha()
        ndoc = NatashaDoc(doc.text)
        ndoc.segment(segmenter)
        ndoc.tag_ner(ner)
        if self.normalise and ndoc.spans:
            ndoc.tag_morph(morph)
        ents: list[Span] = []
        normals: dict[tuple[int, int], str] = {}
        for span in ndoc.spans:
            label = NATASHA_LABELS.get(span.type)
            if label is None:
                continue
            normal = span.text
            if self.normalise:
                span.normalize(vocab)
                normal = span.normal or span.text
            if label == "LOC" and lookup(normal) is not None:
                label = "GPE"
            ent = doc.char_span(span.start, span.stop, label=label, alignment_mode="expand")
            if ent is None or any(ent.start < e.end and e.start < ent.end for e in ents):
                continue
            ents.append(ent)
            if normal != ent.text:
                normals[(ent.start_char, ent.end_char)] = normal
        doc.ents = ents
        doc._.set(NORMALS_EXTENSION, normals)
        return doc


@Language.factory(
    "newsprism_natasha_ner", default_config={"normalise": True}, assigns=["doc.ents"]
)
def make_natasha_ner(nlp: Language, name: str, normalise: bool) -> NatashaNER:
    return NatashaNER(nlp, name, normalise=normalise)


OPENING_MARKS = frozenset({"«", "„"})


@Language.component("newsprism_opening_quotes")
def opening_quotes_start_sentences(doc: Doc) -> Doc:
    """spaCy's sentenciser keeps an opening « with the sentence before it (it reads every quote
    mark as closing): "... ждёт новостей. «Мы ..." — move it to the sentence it opens."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.text in OPENING_MARKS and following.is_sent_start and not token.is_sent_start:
            token.is_sent_start = True
            following.is_sent_start = False
    return doc


@functools.cache
def load_russian_pipeline() -> Language:
    """Blank Russian pipeline: sentenciser, natasha NER, entity mentions, dates, quotes,
    quantities, events."""
    nlp = spacy.blank("ru")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsprism_opening_quotes")
    nlp.add_pipe("newsprism_natasha_ner")
    nlp.add_pipe("newsprism_entities")
    nlp.add_pipe("newsprism_ru_dates")
    nlp.add_pipe("newsprism_ru_quotes")
    nlp.add_pipe("newsprism_ru_quantities")
    nlp.add_pipe("newsprism_ru_events")
    return nlp
