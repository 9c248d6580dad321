"""Country and province names in the languages newsprism reads (CLDR and ISO 3166 data)."""

from __future__ import annotations

import pytest

from newsprism.link.world import countries_in, world_country


@pytest.mark.parametrize(
    ("name", "country"),
    [("Turkije", "Turkey"), ("土耳其", "Turkey"), ("تركيا", "Turkey"), ("Libanon", "Lebanon"),
     ("Kahramanmaraş", "Turkey"), ("Castrava", ""), ("Man", "")],
)
def test_world_country(name: str, country: str) -> None:
    assert world_country(name) == country


def test_countries_in_text_of_any_script() -> None:
    text = "Bij de aardbeving in Turkije vielen doden. 土耳其南部发生强震。Türkiye'de 5 kişi öldü."
    found = countries_in(text)
    assert [country for _, _, country in found] == ["Turkey", "Turkey", "Turkey"]
    for start, end, _ in found:
        assert text[start:end] in ("Turkije", "土耳其", "Türkiye")


def test_a_figure_keyed_by_a_country_the_tagger_missed() -> None:
    from newsprism.crosscheck.claims import quantity_claims
    from newsprism.crosscheck.places import place_of
    from newsprism.model import Document, Extraction, PublicationTime, Quantity

    text = "土耳其副总统表示,强震已造成284人死亡。"
    doc = Document(id="d", text=text, published=PublicationTime(value="2023-02-06"))
    at = text.index("284")
    quantity = Quantity(doc_id="d", start=at, end=at + 4, text="284人", low=284, high=284,
                        measure="killed", sentence_start=0, sentence_end=len(text))
    [claim] = quantity_claims(doc, Extraction(doc_id="d", quantities=[quantity]))
    assert place_of(claim.key) == "Turkey"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Erdbeben: A földrengés Törökország délkeleti részén", "Turkey"),  # Hungarian (CLDR)
        ("بوومەلەرزەکانی تورکیا لە پارێزگای", "Turkey"),  # Sorani Kurdish, CLDR "ckb"
        ("بوومەلەرزەکانی تورکیای گرت", "Turkey"),  # Sorani with the ezafe ending
        ("زلزال قوي ضرب وسوريا فجر الاثنين", "Syria"),  # Arabic "and Syria"
        ("רעידת אדמה חזקה בטורקיה הבוקר", "Turkey"),  # Hebrew "in Turkey"
        ("Спасатели работают в Турции третий день", "Turkey"),  # Russian, prepositional
        ("Спасиоци раде у Турској трећи дан", "Turkey"),  # Serbian, locative
        ("Рятувальники працюють у Туреччині", "Turkey"),  # Ukrainian, locative
        ("Наши корреспонденты в Ливане", "Lebanon"),  # Russian, masculine name
        ("地震造成敘利亞北部數千人死亡", "Syria"),  # traditional Chinese (CLDR "zh_Hant")
        ("Sirija traži pomoć posle zemljotresa", "Syria"),  # Serbian in Latin ("sr_Latn")
    ],
)
def test_countries_in_more_languages_and_with_affixes(text: str, country: str) -> None:
    assert [found for _, _, found in countries_in(text)] == [country]


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("ارتفع عدد القتلى في لبنانوسوريا إلى 40", ["Lebanon", "Syria"]),  # space before و lost
        ("الفيضانات في العراقوالكويت", ["Iraq", "Kuwait"]),
        ("قال وزير الخارجية إن الوضع هادئ", []),  # a و inside an ordinary word splits nothing
    ],
)
def test_two_names_glued_by_the_arabic_and_are_both_read(text: str, countries: list[str]) -> None:
    found = countries_in(text)
    assert [country for _, _, country in found] == countries
    if found:  # the two names' spans meet at the conjunction, which is neither's
        (_, first_end, _), (second_start, _, _) = found
        assert text[first_end] == "و" and second_start == first_end + 1


def test_short_names_of_the_extra_languages_are_not_read_as_countries() -> None:
    assert countries_in("Scientists at the North Pole measured the ice.") == []


@pytest.mark.parametrize(
    "text",
    [
        "وصل الوفد إلى مطار بيروت صباح اليوم",  # Beirut is not "Peru" with an ending
        "Кубок мира начнётся в июне",  # "cup" is not Cuba declined
        "Турецкий министр выступил",  # an adjective is not the country's name declined
    ],
)
def test_words_that_only_begin_like_a_country_are_not_countries(text: str) -> None:
    assert countries_in(text) == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Η έκρηξη στο λιμάνι του Λιβάνου άφησε χιλιάδες άστεγους.", "Lebanon"),
        ("Ο πρωθυπουργός επισκέφθηκε τον Λίβανο την Τρίτη.", "Lebanon"),
        ("Οι αρχές της Τουρκίας ανακοίνωσαν νέο απολογισμό.", "Turkey"),
        ("Ο πρόεδρος της Κύπρου μίλησε στους δημοσιογράφους.", "Cyprus"),
    ],
)
def test_declined_greek_country_names_name_their_country(text: str, country: str) -> None:
    assert [found for _, _, found in countries_in(text)] == [country]


def test_greek_words_near_a_country_name_without_accents_are_not_countries() -> None:
    """"Κινά" (moves) is "Κίνα" (China) without its accent; "Μάλιστα" (indeed) begins like
    "Μάλι"; "Υγείας" (of health) and "Χιλιάδες" (thousands) are words, not countries."""
    text = "Κινά το θέμα. Μάλιστα, ο υπουργός Υγείας είπε πως Χιλιάδες έφυγαν."
    assert countries_in(text) == []


def test_a_city_of_the_team_gazetteer_gives_its_country_in_any_language() -> None:
    # the gazetteer's cities, in every spelling it lists, count where their country is named
    text = "Terremoto na Síria: ativistas relatam 70 mortos na província de Aleppo."
    assert [country for _, _, country in countries_in(text)] == ["Syria", "Syria"]
    assert [c for _, _, c in countries_in("Землетрясение в Сирии: в Алеппо погибли 20")] == [
        "Syria", "Syria"
    ]
    # not where the country is not named, nor a short Latin name that is often a word
    assert countries_in("Ativistas relatam 70 mortos na província de Aleppo.") == []
    assert countries_in("Kazakhstan: an Oral hearing was held.") == [(0, 10, "Kazakhstan")]
