"""Events: what happened, when, where, who, how many."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract.extensions import register_extensions
from newsprism.model import Event


def find_events(doc: Doc) -> list[Event]:
    """TODO(first version): implemented by the events work."""
    return []


class Events:
    """spaCy component: sets ``doc._.events``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc)
        return doc


@Language.factory("newsprism_events", assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> Events:
    return Events(nlp, name)
