"""The group a figure counts ("12 enfants", "3名记者"), read by the table rules' ``scope_words``
(team-written text): a figure of children is not a figure of everybody."""

from __future__ import annotations

import pytest

from newsprism.crosscheck.scopes import scope_group
from newsprism.extract.languages.generic import read_figures
from newsprism.model import Document, PublicationTime, Quantity


def _figures(language: str, text: str) -> list[Quantity]:
    document = Document(
        id="d1", text=text, language=language, published=PublicationTime(value="2026-03-08")
    )
    return read_figures(document)[1]


def _scopes(language: str, text: str) -> list[tuple[float | None, str]]:
    return [(q.low, scope_group(q.scope)) for q in _figures(language, text)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "L'éboulement de Vallebrune a tué 12 enfants.", [(12, "children")]),
        ("es", "El ataque en Tarvela dejó 30 muertos civiles.", [(30, "civilians")]),
        ("it", "A Castrava sono morti 5 bambini.", [(5, "children")]),
        ("de", "Bei dem Anschlag in Orlen starben 12 Kinder.", [(12, "children")]),
        ("tr", "Depremde 12 çocuk hayatını kaybetti.", [(12, "children")]),
        ("ar", "ارتفع عدد القتلى إلى 100 طفل", [(100, "children")]),
        ("zh", "爆炸造成3名记者死亡。", [(3, "journalists")]),
        ("pt", "O incêndio matou 14 policiais.", [(14, "security forces")]),
        ("uk", "Під час пожежі в Тарнові загинули 12 дітей.", [(12, "children")]),
    ],
)
def test_table_rules_read_the_group_a_figure_counts(
    language: str, text: str, expected: list[tuple[float, str]]
) -> None:
    assert _scopes(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a group named further on, past another word and a clause, is not the figure's
        ("fr", "Le bilan s'élève à 171 morts, selon les secouristes."),
        # the group belongs to the next figure, not to this one
        ("es", "Murieron 40 personas y 3 periodistas resultaron heridos."),
        # the agency that counted ("protection civile") is no counted group
        ("fr", "La protection civile a compté 12 morts à Vallebrune."),
        # a group named in the next sentence is that sentence's
        ("zh", "死亡人数升至1014人。三名记者在现场受伤。"),
    ],
)
def test_table_rules_leave_a_figure_of_everybody_alone(language: str, text: str) -> None:
    scopes = _scopes(language, text)
    assert scopes and scopes[0][1] == "all people"


def _measures(language: str, text: str) -> list[tuple[str, str]]:
    return [(q.measure, scope_group(q.scope)) for q in _figures(language, text)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a noun of who is counted (soldiers, protesters) gives way to the verb of what befell them
        ("fr", "Douze soldats ont été tués près de Castrava.", [("killed", "security forces")]),
        ("tr", "Orlen'de 8 asker öldü.", [("killed", "security forces")]),
        ("fr", "Quelque 3 000 manifestants ont été arrêtés.", [("detained", "protesters")]),
        # with nothing befalling them, they are what is counted
        ("fr", "Environ 2 500 soldats sont arrivés à Castrava.", [("troops", "security forces")]),
    ],
)
def test_table_rules_let_the_verb_say_what_befell_the_counted_group(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _measures(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # "the number of <group>" before the figure names the group it counts
        ("ar", "أعلنت المنظمة ارتفاع عدد الأطفال الذين شردوا من جراء الفيضان إلى 30 ألفا.",
         [(30000, "children")]),
        ("fr", "Le nombre d'enfants déplacés par la crue s'élève à 4 200.", [(4200, "children")]),
        ("it", "Il numero dei bambini sfollati a Castrava è salito a 4.200.",
         [(4200, "children")]),
        ("de", "Die Zahl der obdachlosen Kinder in Orlen stieg auf 4.200.", [(4200, "children")]),
        # ... and in languages that put the group first
        ("tr", "Evsiz kalan çocuk sayısı 4 bin 200'e yükseldi.", [(4200, "children")]),
        ("zh", "无家可归的儿童人数已升至4200人。", [(4200, "children")]),
        # a "number of" everybody names no group, nor one in another clause
        ("fr", "Le nombre de morts s'élève à 137.", [(137, "all people")]),
        ("it", "Il numero dei bambini è ignoto, ma i morti sono 54.", [(54, "all people")]),
    ],
)
def test_a_number_of_noun_before_the_figure_names_its_group(
    language: str, text: str, expected: list[tuple[float, str]]
) -> None:
    assert _scopes(language, text) == expected
