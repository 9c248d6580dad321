"""Places: the team's gazetteer (spelling variants, city → country containment) and helpers that
tell whether two place names can refer to the same place ("Kiev" agrees with "Ukraine")."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from newsprism.link.translit import skeleton
from newsprism.model import Entity

PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
_ARTICLE = "the "


@dataclass(frozen=True)
class Place:
    canonical: str
    kind: str  # country, region, city
    inside: str  # canonical name of the containing place, "" for countries
    variants: tuple[str, ...]


def _key(name: str) -> str:
    name = name.strip()
    if name.lower().startswith(_ARTICLE):
        name = name[len(_ARTICLE):]
    return skeleton(name)


@functools.cache
def gazetteer() -> dict[str, Place]:
    """Skeleton of every known spelling → its place (first entry wins on a clash)."""
    text = resources.files("newsprism.data").joinpath("places.tsv").read_text(encoding="utf-8")
    index: dict[str, Place] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [*line.split("\t"), "", "", ""][:4]
        canonical, kind, inside, variants = (c.strip() for c in cells)
        place = Place(canonical, kind, inside, tuple(v for v in variants.split("|") if v))
        for name in (canonical, *place.variants):
            index.setdefault(_key(name), place)
    return index


def lookup(name: str) -> Place | None:
    """The gazetteer entry for a place name in any listed spelling, or None."""
    return gazetteer().get(_key(name))


def containers(name: str) -> list[str]:
    """Canonical names of a place and everything containing it: 'Kyiv' → ['Kiev', 'Ukraine']."""
    chain: list[str] = []
    place = lookup(name)
    while place is not None and place.canonical not in chain:
        chain.append(place.canonical)
        place = lookup(place.inside) if place.inside else None
    return chain


def _entity_for(entities: Iterable[Entity], name_or_id: str) -> Entity | None:
    key = _key(name_or_id)
    for entity in entities:
        if entity.id == name_or_id:
            return entity
        if key in {_key(n) for n in (entity.canonical, *entity.aliases)}:
            return entity
    return None


def place_chain(entities: Sequence[Entity], name_or_id: str) -> list[str]:
    """The place and its containers, resolved through linked entities first, then the gazetteer."""
    entity = _entity_for(entities, name_or_id)
    name = entity.canonical if entity is not None else name_or_id
    chain = containers(name)
    if not chain:
        chain = [name]
        if entity is not None and entity.inside:
            chain.extend(c for c in containers(entity.inside) or [entity.inside] if c not in chain)
    return chain


def is_inside(entities: Sequence[Entity], inner: str, outer: str) -> bool:
    """True when ``inner`` lies within ``outer`` (or is it): 'Kiev' is inside 'Ukraine'."""
    outer_key = _key(place_chain(entities, outer)[0])
    return any(_key(c) == outer_key for c in place_chain(entities, inner))


def same_place(entities: Sequence[Entity], a: str, b: str) -> bool:
    """Whether two place mentions (names or entity ids) agree: equal, or one contains the other."""
    if not a or not b:
        return False
    return is_inside(entities, a, b) or is_inside(entities, b, a)
