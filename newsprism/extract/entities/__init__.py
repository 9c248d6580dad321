"""Entities: named mentions and the references that stand for them.

- ``component``: the ``newsprism_entities`` spaCy component (``doc._.mentions``): NER mentions
  with the small model's known slips repaired;
- ``coref``: descriptions and pronouns ("the banker", "he") resolved to the name they stand
  for, and every mention's clause roles.
"""

from newsprism.extract.entities.component import (
    EntityMentions,
    acronym_of,
    find_mentions,
    looks_like_person,
    make_entities,
)
from newsprism.extract.entities.coref import find_references, gender_of, verb_roles

__all__ = [
    "EntityMentions",
    "acronym_of",
    "find_mentions",
    "find_references",
    "gender_of",
    "looks_like_person",
    "make_entities",
    "verb_roles",
]
