"""Named-entity mentions from the NER, with the small model's known slips repaired."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract.extensions import register_extensions
from newsprism.model import Mention


def find_mentions(doc: Doc) -> list[Mention]:
    """TODO(first version): implemented by the entities work."""
    return []


class EntityMentions:
    """spaCy component: sets ``doc._.mentions``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = find_mentions(doc)
        return doc


@Language.factory("newsprism_entities", assigns=["doc._.mentions"])
def make_entities(nlp: Language, name: str) -> EntityMentions:
    return EntityMentions(nlp, name)
