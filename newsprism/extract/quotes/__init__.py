"""Quotes: direct and reported speech with their speakers.

- ``component``: the ``newsprism_quotes`` spaCy component (``doc._.quotes``): the rules, and
  their merge with the trained tagger's spans;
- ``attribution``: the trained source / cue / content tagger (weights in
  ``newsprism/data/attribution/``);
- ``attribution_features``: the tagger's token features; ``linear_chain``: its decoder.
"""

from newsprism.extract.quotes.attribution import MODEL_ENV, AttributionModel, load_model
from newsprism.extract.quotes.component import (
    Attributions,
    find_quotes,
    make_quotes,
    rule_quotes,
)

__all__ = [
    "MODEL_ENV",
    "AttributionModel",
    "Attributions",
    "find_quotes",
    "load_model",
    "make_quotes",
    "rule_quotes",
]
