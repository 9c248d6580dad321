from __future__ import annotations

import pytest

from newsprism.read.language import detect_language, normalise_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The dam failed on Tuesday and the health ministry said 12 people had died.", "en"),
        ("Плотина прорвалась во вторник, погибли 12 человек, сообщил минздрав.", "ru"),
        ("Дамба прорвалася у вівторок, загинули 12 людей, повідомило міністерство.", "uk"),
        ("Le barrage a cédé mardi et le ministère dit que douze personnes sont mortes.", "fr"),
        ("Der Damm ist am Dienstag gebrochen, und das Ministerium sagt, zwölf sind tot.", "de"),
        ("12 34 56", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("value", "code"),
    [("en-GB", "en"), ("EN", "en"), ("English", "en"), ("ru_RU", "ru"), ("", "")],
)
def test_normalise_language(value: str, code: str) -> None:
    assert normalise_language(value) == code
