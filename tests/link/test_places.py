"""Place containment and spelling variants from the team's gazetteer."""

from __future__ import annotations

import pytest

from newsprism.link.places import containers, is_inside, lookup, same_place
from newsprism.model import Entity


@pytest.mark.parametrize(
    ("a", "b"),
    [("Kiev", "Ukraine"), ("Kyiv", "Kiev"), ("Alma-Ata", "Almaty"), ("Киев", "Ukraine"),
     ("the Ukraine", "Ukraine"), ("Nur-Sultan", "Astana")],
)
def test_places_same_place(a: str, b: str) -> None:
    assert same_place([], a, b)


@pytest.mark.parametrize(("a", "b"), [("Kiev", "Kazakhstan"), ("Almaty", "Astana"), ("", "Kiev")])
def test_places_different_places(a: str, b: str) -> None:
    assert not same_place([], a, b)


def test_places_containment_is_directional() -> None:
    assert is_inside([], "Kharkov", "Ukraine")
    assert not is_inside([], "Ukraine", "Kharkiv")
    assert containers("Lvov") == ["Lviv", "Ukraine"]


def test_places_resolves_through_linked_entities() -> None:
    entities = [Entity(id="e_1", canonical="Zhanaozen", label="GPE", aliases=["Janaozen"],
                       inside="Kazakhstan")]
    assert same_place(entities, "e_1", "Kazakhstan")
    assert lookup("Zhanaozen") is not None


def test_places_unknown_names_compare_by_spelling() -> None:
    assert same_place([], "Springfield", "Springfield")
    assert not same_place([], "Springfield", "Shelbyville")
