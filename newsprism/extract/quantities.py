"""Quantities with what they count, bounds, unit, scope, as-of date and attribution."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract.extensions import register_extensions
from newsprism.model import Quantity


def find_quantities(doc: Doc) -> list[Quantity]:
    """TODO(first version): implemented by the quantities work."""
    return []


class Quantities:
    """spaCy component: sets ``doc._.quantities``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = find_quantities(doc)
        return doc


@Language.factory("newsprism_quantities", assigns=["doc._.quantities"])
def make_quantities(nlp: Language, name: str) -> Quantities:
    return Quantities(nlp, name)
