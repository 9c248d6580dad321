"""Direct and reported speech with speaker, cue and content spans."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract.extensions import register_extensions
from newsprism.model import Quote


def find_quotes(doc: Doc) -> list[Quote]:
    """TODO(first version): implemented by the quotes work."""
    return []


class Attributions:
    """spaCy component: sets ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc)
        return doc


@Language.factory("newsprism_quotes", assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> Attributions:
    return Attributions(nlp, name)
