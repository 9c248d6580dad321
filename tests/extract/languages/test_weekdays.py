"""Weekdays in the table languages: the day they name, and the year they fix (team-written)."""

from __future__ import annotations

import pytest

from newsprism.extract.languages.generic import read_figures
from newsprism.model import Document, PublicationTime

# A Monday
PUBLISHED = "2026-03-09"


def _days(language: str, text: str, published: str | None = PUBLISHED) -> list[tuple[str, str]]:
    document = Document(
        id="d1", text=text, language=language, published=PublicationTime(value=published)
    )
    times, _ = read_figures(document)
    return [(t.text, t.date or "") for t in times]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # on its own: the latest such day on or before publication
        ("fr", "Le ministre a annoncé jeudi que 12 personnes ont été arrêtées.",
         [("jeudi", "2026-03-05")]),
        ("it", "Il ministero ha aggiornato lunedì il bilancio.", [("lunedì", "2026-03-09")]),
        ("es", "El gobierno dijo el sábado que hay 40 desaparecidos.", [("sábado", "2026-03-07")]),
        ("zh", "星期三，警方逮捕了40人。", [("星期三", "2026-03-04")]),
        ("zh", "周日有12人死亡。", [("周日", "2026-03-08")]),
        ("ar", "أعلنت الوزارة يوم الأحد مقتل 40 شخصا.", [("الأحد", "2026-03-08")]),
        ("tr", "Salı günü 12 kişi gözaltına alındı.", [("Salı", "2026-03-03")]),
        # a declined name ("w środę": on Wednesday), and a word that only begins like one
        ("pl", "W środę policja zatrzymała 40 osób.", [("środę", "2026-03-04")]),
        ("pl", "Ochrona środowiska to priorytet.", []),
        # names that are other words too are left alone: "luni" is also "months"
        ("ro", "Timp de trei luni nu s-a întâmplat nimic.", []),
    ],
)
def test_a_weekday_is_the_latest_such_day_on_or_before_publication(
    language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _days(language, text) == expected


def test_a_weekday_before_a_day_and_month_fixes_its_year() -> None:
    # Published in March 2026: 6 February fell on a Thursday in 2025 and on a Friday in 2026
    assert _days("fr", "Jeudi 6 février, le bilan était de 214 morts.") == [
        ("Jeudi 6 février", "2025-02-06")
    ]
    assert _days("es", "El viernes, 6 de febrero, murieron 12 personas.") == [
        ("viernes, 6 de febrero", "2026-02-06")
    ]
    # a weekday that fits neither year leaves the date as the publication gives it
    assert _days("it", "Domenica 6 febbraio sono morte 12 persone.") == [
        ("Domenica 6 febbraio", "2026-02-06")
    ]


def test_without_a_publication_day_a_weekday_names_no_day() -> None:
    assert _days("fr", "Le ministre a annoncé jeudi que 12 personnes ont été arrêtées.", None) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("it", "Il ministro parlerà lunedì prossimo in Parlamento."),
        ("de", "Am nächsten Montag trifft sich das Kabinett."),
        ("zh", "下周一将公布最新结果。"),
        ("tr", "Sonuçlar önümüzdeki Salı günü açıklanacak."),
    ],
)
def test_a_weekday_to_come_names_no_day(language: str, text: str) -> None:
    assert _days(language, text) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Серед загиблих 12 дітей."),  # "among", not Wednesday
        ("pl", "Środek miasta został zamknięty."),  # "the middle"
        ("cs", "Střed města byl uzavřen."),  # "the centre"
        ("el", "Για τρίτη φορά σεισμός έπληξε την περιοχή."),  # "for the third time"
    ],
)
def test_words_that_only_look_like_weekdays_name_no_day(language: str, text: str) -> None:
    assert _days(language, text) == []
