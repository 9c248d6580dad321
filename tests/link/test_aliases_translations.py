"""Translated names: an organisation's name written word by word in another language joins the
name the English articles use, through the meanings of its words."""

from __future__ import annotations

import pytest
from alias_cases import build, holding

from newsprism.link.aliases.translations import find_names, read_name

HELMETS = frozenset({"white", "helmet"})
CROSS = frozenset({"red", "cross"})


@pytest.mark.parametrize(("name", "language", "core", "countries"), [
    ("White Helmets", "en", HELMETS, set()),
    ("Casques blancs", "fr", HELMETS, set()),
    ("Witte Helmen", "nl", HELMETS, set()),
    ("Weißhelme", "de", HELMETS, set()),  # a compound split into its words
    ("Белых касок", "ru", HELMETS, set()),  # declined
    ("الخوذ البيضاء", "ar", HELMETS, set()),  # the article on each word
    ("白頭盔", "zh", HELMETS, set()),
    ("ホワイト・ヘルメット", "ja", HELMETS, set()),  # katakana loanwords, a name dot
    ("Croce Rossa libanese", "it", CROSS, {"country:LB"}),  # a country's adjective
    ("libanesische rote Kreuz", "de", CROSS, {"country:LB"}),
    ("Lebanon's Red Cross", "en", CROSS, {"country:LB"}),
    ("صلیب سرخ لبنان", "fa", CROSS, {"country:LB"}),
    ("Afet ve Acil Durum Yönetimi Başkanlığı", "tr",
     {"disaster", "emergency", "management"}, set()),  # the body word counts for nothing
    ("Disaster and Emergency Management Agency", "en",
     {"disaster", "emergency", "management"}, set()),
    ("Ministère de l'Intérieur", "fr", {"ministry", "interior"}, set()),  # an elided article
    ("Ministero dell’Interno", "it", {"ministry", "interior"}, set()),
    ("Министерство по чрезвычайным ситуациям", "ru",
     {"ministry", "emergency", "situations"}, set()),
    ("Organizzazione delle Nazioni Unite", "it", {"united", "nations"}, set()),
    ("Garde nationale", "fr", {"national", "guard"}, set()),
    ("Croissant-Rouge libyen", "fr", {"crescent", "red"}, {"country:LY"}),  # a hyphen inside
])
def test_translations_read_a_name_by_the_meanings_of_its_words(
        name: str, language: str, core: frozenset[str], countries: set[str]) -> None:
    read = read_name(name, language)
    assert read is not None
    assert read.core == core
    assert read.countries == countries


@pytest.mark.parametrize(("name", "language"), [
    ("Red", "en"),  # one meaning is found by chance
    ("Red Cross Street", "en"),  # a word the table does not hold
    ("Croix", "fr"),
])
def test_translations_a_name_with_other_words_or_one_meaning_is_not_read(
        name: str, language: str) -> None:
    assert read_name(name, language) is None


def test_translations_find_the_longest_name_and_the_name_without_its_country() -> None:
    text = "据土耳其灾难和应急管理署9日通报,救援仍在进行。"
    found = {f.text for f in find_names(text, "zh", {frozenset(
        {"disaster", "emergency", "management"})})}
    assert found == {"土耳其灾难和应急管理署", "灾难和应急管理署"}


def test_translations_common_nouns_a_line_break_or_a_compound_part_are_no_name() -> None:
    wanted = {frozenset({"civil", "defence"}), HELMETS}
    # English names are capitalised: "civil defence teams" is a description
    assert find_names("The civil defence teams of the town worked all night.", "en",
                      wanted) == []
    # a heading and the next line are not one name
    found = [f.text for f in find_names("Syria\nCivil Defence volunteers", "en", wanted)]
    assert found == ["Civil Defence"]
    # the last part of a compound alone is no name; the compound's own words are read
    text = "Die Freiwilligengruppe Weißhelme meldete am Abend neue Zahlen."
    assert [f.text for f in find_names(text, "de", wanted)] == ["Weißhelme"]


def test_translations_join_other_languages_forms_to_the_english_name() -> None:
    texts = {
        "a": "The White Helmets said 40 people were pulled from the rubble on Monday.",
        "b": "Volunteers of the White Helmets searched the ruins of the old market.",
        "c": "Selon les Casques blancs, quarante personnes ont été sauvées lundi.",
        "d": "أعلنت الخوذ البيضاء إنقاذ أربعين شخصا يوم الاثنين.",
        "e": "Nach Angaben der Weißhelme wurden am Montag 40 Menschen gerettet.",
    }
    names = {"a": [("White Helmets", "ORG")], "b": [("White Helmets", "PERSON")],
             "c": [("Casques blancs", "PERSON")]}
    _, entities = build(texts, names, {"c": "fr", "d": "ar", "e": "de"})
    helmets = holding(entities, "White Helmets")
    assert helmets is not None
    assert {"Casques blancs", "الخوذ البيضاء", "Weißhelme"} <= set(helmets.aliases)
    # the tagger's person and organisation are one name: no person is called that
    assert sum(1 for e in entities if e.canonical == "White Helmets") == 1
    assert any(e.startswith("translated name: 'الخوذ البيضاء'") for e in helmets.evidence)


def test_translations_countries_keep_two_bodies_of_one_kind_apart() -> None:
    texts = {
        "a": "The Syrian Red Crescent sent eight trucks. The Turkish Red Crescent sent tents.",
        "b": "La Mezzaluna Rossa siriana ha inviato otto camion.",
        "c": "Der Rote Halbmond schickte Zelte in die Stadt.",
    }
    names = {"a": [("Syrian Red Crescent", "ORG"), ("Turkish Red Crescent", "ORG")]}
    _, entities = build(texts, names, {"b": "it", "c": "de"})
    syrian = holding(entities, "Syrian Red Crescent")
    turkish = holding(entities, "Turkish Red Crescent")
    assert syrian is not None and turkish is not None and syrian.id != turkish.id
    assert "Mezzaluna Rossa siriana" in syrian.aliases
    # no country: either of them, so neither
    assert "Rote Halbmond" not in syrian.aliases + turkish.aliases


def test_translations_a_country_joined_by_and_or_a_common_word_is_no_part_of_the_name() -> None:
    wanted = {frozenset({"united", "nations"}), frozenset({"supreme", "defence", "council"})}
    text = "Hilfe kam von den Vereinten Nationen und Frankreichs Marine."
    assert [f.text for f in find_names(text, "de", wanted)] == ["Vereinten Nationen"]
    # "réunion" (a meeting) spells a country's name in lower case: not that country
    text = "Après la réunion du Conseil suprême de défense, le gouvernement a parlé."
    found = find_names(text, "fr", wanted)
    assert [f.text for f in found] == ["Conseil suprême de défense"]
    assert not found[0].reading.countries
