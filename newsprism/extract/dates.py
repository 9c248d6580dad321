"""Time expressions normalised to TimeML values against the publication time (given or inferred)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract.extensions import register_extensions
from newsprism.model import TimeExpression


def find_times(doc: Doc) -> list[TimeExpression]:
    """TODO(first version): implemented by the dates work."""
    return []


class TimeExpressions:
    """spaCy component: sets ``doc._.times``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = find_times(doc)
        return doc


@Language.factory("newsprism_dates", assigns=["doc._.times"])
def make_dates(nlp: Language, name: str) -> TimeExpressions:
    return TimeExpressions(nlp, name)
