"""Names joined by what the articles say of them: glosses in brackets or with "known as", a
swapped pair of letters in a surname, Turkish dotless i."""

from __future__ import annotations

from alias_cases import build, holding

from newsprism.link.aliases.glosses import _glosses
from newsprism.link.aliases.names import _swapped


def test_glosses_brackets_and_known_as_in_several_scripts() -> None:
    text = ("The Harbour Rescue Service (Sea Wardens) pulled four sailors out. Later the Sea "
            "Wardens, officially known as the Coastal Relief Corps, said more were missing. "
            "港湾救助隊(HRS)は発表した。")
    found = {(text[a:b], text[c:d], how) for (a, b), (c, d), how in _glosses(text)}
    assert ("Harbour Rescue Service", "Sea Wardens", "in brackets") in found
    assert ("Sea Wardens", "Coastal Relief Corps", "known as") in found
    assert ("港湾救助隊", "HRS", "in brackets") in found


def test_glosses_join_an_organisation_to_its_acronym_and_translation() -> None:
    texts = {
        "a": "The Harbour Rescue Service said four sailors were missing off Portland.",
        "b": "Rescuers of the Harbour Rescue Service (HRS) searched the bay at night.",
        "c": "Selon le Service de Secours Portuaire (HRS), quatre marins ont disparu.",
        "d": "港湾救助隊(HRS)は4人が行方不明だと発表した。",
    }
    names = {"a": [("Harbour Rescue Service", "ORG")], "b": [("Harbour Rescue Service", "ORG"),
                                                             ("HRS", "ORG")]}
    _, entities = build(texts, names, {"c": "fr", "d": "ja"})
    service = holding(entities, "Harbour Rescue Service")
    assert service is not None
    assert {"HRS", "Service de Secours Portuaire", "港湾救助隊"} <= set(service.aliases)
    assert any("gloss (in brackets)" in e and "港湾救助隊" in e for e in service.evidence)


def test_glosses_a_source_or_a_place_in_brackets_is_no_alias() -> None:
    texts = {
        "a": "The Harbour Rescue Service said four sailors were missing.",
        "b": "The Harbour Rescue Service (Portland) searched the bay. It rained on Sunday (AFP).",
    }
    names = {"a": [("Harbour Rescue Service", "ORG")],
             "b": [("Harbour Rescue Service", "ORG"), ("Portland", "GPE"), ("AFP", "ORG")]}
    _, entities = build(texts, names)
    service = holding(entities, "Harbour Rescue Service")
    assert service is not None and "Portland" not in service.aliases
    agency = holding(entities, "AFP")
    assert agency is not None and "Sunday" not in agency.aliases


def test_glosses_a_person_in_their_own_script_needs_two_articles() -> None:
    # a bracket after a person in the same script is as often their party or office
    texts = {
        "a": "Senator Maria Kolb (Farmers Union) voted against the bill.",
        "b": "Maria Kolb spoke after the vote.",
        "c": "Маркус Вейл (Markus Veil) прибыл в порт.",
        "d": "Markus Veil arrived in the port on Monday.",
    }
    names = {"a": [("Maria Kolb", "PERSON")], "b": [("Maria Kolb", "PERSON")],
             "d": [("Markus Veil", "PERSON")]}
    _, entities = build(texts, names, {"c": "bg"})
    kolb = holding(entities, "Maria Kolb")
    assert kolb is not None and "Farmers Union" not in kolb.aliases


def test_surname_typo_joins_the_person_named_more_often() -> None:
    texts = {
        "a": "Minister Dario Velmonte visited the camp. Dario Velmonte promised tents.",
        "b": "Dario Velmonte said aid was coming.",
        "c": "Il ministro Dario Vemlonte ha visitato il campo.",
        "e": "Dario Velmonte thanked the volunteers.",
    }
    names = {"a": [("Dario Velmonte", "PERSON")], "b": [("Dario Velmonte", "PERSON")],
             "c": [("Dario Vemlonte", "GPE")], "e": [("Dario Velmonte", "PERSON")]}
    _, entities = build(texts, names, {"c": "it"})
    velmonte = holding(entities, "Dario Velmonte")
    assert velmonte is not None and "Dario Vemlonte" in velmonte.aliases
    assert any("surname typo" in e for e in velmonte.evidence)


def test_swapped_letters_only() -> None:
    assert _swapped("oktai", "otkai")
    assert not _swapped("salah", "saleh")
    assert not _swapped("oktai", "oktai")
    assert not _swapped("abcde", "badce")


def test_dotless_i_is_an_i() -> None:
    texts = {"a": "Rescuers reached Kırıkdere at dawn.", "b": "In Kirikdere, 40 homes fell."}
    names = {"a": [("Kırıkdere", "GPE")], "b": [("Kirikdere", "GPE")]}
    extractions, _ = build(texts, names)
    assert extractions["a"].mentions[0].entity_id == extractions["b"].mentions[0].entity_id


def test_katakana_fu_before_a_consonant_is_an_h() -> None:
    texts = {f"en{i}": f"Aid reached Santorpeli and Bahramandor on day {i}." for i in range(4)}
    texts["ja"] = "支援物資がバフラマンドルに届いた。"
    names = {d: [("Santorpeli", "GPE"), ("Bahramandor", "GPE")] for d in texts if d[:2] == "en"}
    _, entities = build(texts, names, {"ja": "ja"})
    bahramandor = holding(entities, "Bahramandor")
    assert bahramandor is not None and "バフラマンドル" in bahramandor.aliases
    assert any("フ read as h" in e for e in bahramandor.evidence)


def test_greek_nt_inside_a_word_is_read_n_t() -> None:
    texts = {f"en{i}": f"Rescuers in Gorantep worked all night, day {i}." for i in range(4)}
    texts["el"] = "Στη Γκοραντέπ οι διασώστες δούλεψαν όλη νύχτα."
    names = {d: [("Gorantep", "GPE")] for d in texts if d[:2] == "en"}
    _, entities = build(texts, names, {"el": "el"})
    gorantep = holding(entities, "Gorantep")
    assert gorantep is not None and "Γκοραντέπ" in gorantep.aliases
    assert any("Greek nasal read" in e for e in gorantep.evidence)


def test_katakana_word_for_a_much_named_person_with_a_short_surname_key() -> None:
    texts = {f"en{i}": f"President Kerim Ardovan spoke again on day {i}." for i in range(12)}
    texts["ja"] = "アルドヴァン大統領は演説した。テレビで放送された。"
    names = {d: [("Kerim Ardovan", "PERSON")] for d in texts if d[:2] == "en"}
    _, entities = build(texts, names, {"ja": "ja"})
    ardovan = holding(entities, "Kerim Ardovan")
    assert ardovan is not None and "アルドヴァン" in ardovan.aliases
    assert "テレビ" not in ardovan.aliases


def test_a_title_before_a_name_makes_an_alias_with_its_evidence() -> None:
    texts = {"a": "Governor Lina Darsay visited the shelters.",
             "b": "Lina Darsay said the roads were open. Mayor Tom Hult agreed.",
             "c": "Later, Darsay thanked the volunteers of Northfield."}
    names = {"a": [("Lina Darsay", "PERSON")],
             "b": [("Lina Darsay", "PERSON"), ("Tom Hult", "PERSON")],
             "c": [("Darsay", "PERSON"), ("Northfield", "GPE")]}
    _, entities = build(texts, names)
    darsay = holding(entities, "Lina Darsay")
    assert darsay is not None and "Governor Lina Darsay" in darsay.aliases
    assert any("title before the name" in e for e in darsay.evidence)
    assert "Later, Darsay" not in darsay.aliases
    hult = holding(entities, "Tom Hult")
    assert hult is not None and "Mayor Tom Hult" in hult.aliases


def test_a_much_named_place_written_with_a_vowel_ending() -> None:
    texts = {f"en{i}": f"Shelters in Marvantep filled up on day {i}." for i in range(10)}
    texts["x"] = "Convoys headed to Marvantepe overnight. Niger and Nigeria sent aid."
    names = {d: [("Marvantep", "GPE")] for d in texts if d[:2] == "en"}
    names["x"] = [("Marvantepe", "GPE"), ("Niger", "GPE"), ("Nigeria", "GPE")]
    for i in range(10):
        texts[f"n{i}"] = f"Niger reported floods, day {i}."
        names[f"n{i}"] = [("Niger", "GPE")]
    _, entities = build(texts, names)
    marvantep = holding(entities, "Marvantep")
    assert marvantep is not None and "Marvantepe" in marvantep.aliases
    assert any("place name with an ending" in e for e in marvantep.evidence)
    assert holding(entities, "Niger") is not holding(entities, "Nigeria")


def test_one_word_names_differing_in_vowels_only() -> None:
    texts = {"a": "Fighters of Harkatullah fired rockets; Taranto and Toronto sent aid.",
             "b": "Harkatallah denied it.", "c": "A Hirkatullah commander spoke."}
    names = {"a": [("Harkatullah", "ORG"), ("Taranto", "GPE"), ("Toronto", "GPE")],
             "b": [("Harkatallah", "ORG")], "c": [("Hirkatullah", "ORG")]}
    _, entities = build(texts, names)
    group = holding(entities, "Harkatullah")
    assert group is not None and {"Harkatallah", "Hirkatullah"} <= {group.canonical,
                                                                     *group.aliases}
    assert any("vowel variant" in e for e in group.evidence)
    assert holding(entities, "Taranto") is not holding(entities, "Toronto")


def test_a_two_word_name_in_a_script_without_spaces() -> None:
    texts = {f"en{i}": f"Minister Hassan Diab spoke on day {i}." for i in range(4)}
    # Thai runs a title into the first name and the next words into the surname
    texts["th"] = "นายฮัสซัน ดิอาบ กล่าวว่า"
    names = {d: [("Hassan Diab", "PERSON")] for d in texts if d[:2] == "en"}
    _, entities = build(texts, names, {"th": "th"})
    diab = holding(entities, "Hassan Diab")
    assert diab is not None and "ฮัสซัน ดิอาบ" in diab.aliases
    assert any("without spaces" in e for e in diab.evidence)


def test_a_dotted_transcription_leaves_a_particle_after_it_out() -> None:
    texts = {f"en{i}": f"Health Minister Hamad Hassan spoke on day {i}." for i in range(4)}
    texts["zh"] = "卫生部长哈马德·哈桑于周三表示。"
    names = {d: [("Hamad Hassan", "PERSON")] for d in texts if d[:2] == "en"}
    _, entities = build(texts, names, {"zh": "zh"})
    hassan = holding(entities, "Hamad Hassan")
    assert hassan is not None and "哈马德·哈桑" in hassan.aliases
    assert "哈马德·哈桑于" not in hassan.aliases


def test_a_title_is_the_whole_capitalised_run_before_the_name() -> None:
    texts = {"a": "Vice President Omar Tessan met Turkish President Kerim Ardovan.",
             "b": "Omar Tessan and Kerim Ardovan spoke."}
    names = {"a": [("Omar Tessan", "PERSON"), ("Kerim Ardovan", "PERSON")],
             "b": [("Omar Tessan", "PERSON"), ("Kerim Ardovan", "PERSON")]}
    _, entities = build(texts, names)
    tessan = holding(entities, "Omar Tessan")
    assert tessan is not None and "President Omar Tessan" not in tessan.aliases
    ardovan = holding(entities, "Kerim Ardovan")
    assert ardovan is not None and "President Kerim Ardovan" in ardovan.aliases
