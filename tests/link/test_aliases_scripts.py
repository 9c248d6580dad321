"""Names across scripts and languages: sound keys, trimming the English model's mentions in other
languages, and known names found in Arabic, Greek, Cyrillic, Devanagari and Chinese text. All
names and sentences are written by the team (fictional people, well-known places)."""

from __future__ import annotations

import pytest

from newsprism.link.aliases import resolve
from newsprism.link.aliases.scripts import foreign_name, known_names, project, sound_key
from newsprism.model import Document, Extraction, Mention


@pytest.mark.parametrize(("a", "b"), [
    ("Karim Haddad", "كريم حداد"),  # Arabic: no short vowels
    ("Karim Haddad", "Карим Хаддад"),
    ("Karim Haddad", "Καρίμ Χαντάντ"),  # Greek writes d as ντ
    ("Nadia Ferhat", "नादिया फरहात"),
    ("Selim Erkoç", "Selim Erkoc"),  # diacritics folded
    ("Michel Aoun", "Mişel Avn"),
    ("Beirut", "بيروت"),
])
def test_scripts_sound_key_same_name(a: str, b: str) -> None:
    assert sound_key(a) == sound_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Karim Haddad", "Hadi Karam"),
    ("Nadia Ferhat", "Nadia Fares"),
])
def test_scripts_sound_key_different_names(a: str, b: str) -> None:
    assert sound_key(a) != sound_key(b)


@pytest.mark.parametrize(("mention", "name"), [
    ("de la province de Gaziantep", "Gaziantep"),
    ("Bozdağ'ın açıklamalarından", "Bozdağ"),
    ("da cidade de Beirute", "Beirute"),
    ("il bilancio", ""),
    ("حسان دياب", ""),
])
def test_scripts_foreign_name_trims_to_capitalised_run(mention: str, name: str) -> None:
    assert foreign_name(mention) == name


def test_scripts_project_finds_known_names_in_other_scripts() -> None:
    known = known_names({
        "PERSON|karim hadad": ("PERSON", ["Karim Haddad"]),
        "PERSON|nadia ferhat": ("PERSON", ["Nadia Ferhat"]),
    })
    text = "وقال كريم حداد إن الوضع صعب. 卡里姆·哈达德说。 Καρίμ Χαντάντ είπε."
    hits = {hit.text: hit.target for hit in project(text, known, latin=True)}
    assert hits == {
        "كريم حداد": "PERSON|karim hadad",
        "卡里姆·哈达德": "PERSON|karim hadad",
        "Καρίμ Χαντάντ": "PERSON|karim hadad",
    }
    for hit in project(text, known, latin=True):
        assert text[hit.start:hit.end] == hit.text  # offsets kept


def test_scripts_project_ambiguous_key_matches_nothing() -> None:
    # two known people share the sound key of the surname: a lone surname names neither
    known = known_names({
        "PERSON|karim hadad": ("PERSON", ["Karim Haddad"]),
        "PERSON|lina hadad": ("PERSON", ["Lina Hadad"]),
    })
    assert project("قال حداد", known, latin=True) == []


def _build(texts: dict[str, tuple[str, str]], names: dict[str, list[tuple[str, str]]]):
    documents, extractions = {}, {}
    for doc_id, (language, text) in texts.items():
        documents[doc_id] = Document(id=doc_id, text=text, language=language)
        mentions = []
        for phrase, label in names.get(doc_id, []):
            start = text.index(phrase)
            mentions.append(Mention(doc_id, start, start + len(phrase), phrase, label))
        extractions[doc_id] = Extraction(doc_id=doc_id, mentions=mentions)
    return resolve(documents, extractions)


def test_scripts_resolve_joins_other_scripts_with_evidence() -> None:
    resolution = _build(
        {
            "en": ("en", "Interior minister Karim Haddad visited Beirut on Monday."),
            "ar": ("ar", "زار وزير الداخلية كريم حداد بيروت يوم الاثنين."),
            "fr": ("fr", "Le ministre Karim Haddad s'est rendu à Beyrouth."),
            "ru": ("ru", "Министр Карима Хаддада посетил Бейрут."),
            # a short key (b-r-t) is matched only for a place the corpus names often
            **{f"en{i}": ("en", "Rescuers worked through the night in Beirut.")
               for i in range(10)},
        },
        {
            "en": [("Karim Haddad", "PERSON"), ("Beirut", "GPE")],
            "fr": [("Le ministre Karim Haddad", "PERSON"), ("à Beyrouth", "PERSON")],
            **{f"en{i}": [("Beirut", "GPE")] for i in range(10)},
        },
    )
    person = next(e for e in resolution.entities if e.canonical == "Karim Haddad")
    assert "كريم حداد" in person.aliases
    assert any("كريم حداد" in why for why in person.evidence)
    place = next(e for e in resolution.entities if e.canonical == "Beirut")
    assert {"بيروت", "Beyrouth"} <= set(place.aliases)
    assert place.label == "GPE"


def test_scripts_resolve_shared_surname_stays_apart() -> None:
    resolution = _build(
        {
            "en": ("en", "Prime minister Samir Khalil met health minister Khalil Samaha."),
            "ar": ("ar", "التقى رئيس الوزراء سمير خليل وزير الصحة خليل سماحة."),
        },
        {"en": [("Samir Khalil", "PERSON"), ("Khalil Samaha", "PERSON")]},
    )
    samir = next(e for e in resolution.entities if e.canonical == "Samir Khalil")
    samaha = next(e for e in resolution.entities if e.canonical == "Khalil Samaha")
    assert samir.id != samaha.id
    assert "سمير خليل" in samir.aliases and "سمير خليل" not in samaha.aliases
    assert "خليل سماحة" in samaha.aliases


def test_scripts_chinese_name_in_dotted_parts() -> None:
    known = known_names({"PERSON|rejep tarik onal": ("PERSON", ["Recep Tarık Önal"])})
    # 雷杰普·塔里克·厄纳尔: a transcription in three dotted parts, after words of the sentence
    text = "总统雷杰普·塔里克·厄纳尔说。"
    hits = project(text, known, latin=True)
    assert [h.text for h in hits] == ["雷杰普·塔里克·厄纳尔"]


def test_scripts_known_place_dominates_a_shared_key() -> None:
    # "Beirut" the city (named often) against a tagger slip that took it for a person's name
    known = known_names(
        {"PLACE|beirut": ("PLACE", ["Beirut"]), "PERSON|beirut port": ("PERSON", ["Beirut Port"])},
        {"PLACE|beirut": 40, "PERSON|beirut port": 1},
    )
    assert [h.target for h in project("انفجار بيروت", known, latin=True)] == ["PLACE|beirut"]


def test_scripts_area_kind_and_titles_dropped() -> None:
    resolution = _build(
        {
            "a": ("en", "Rescuers reached Malatya province. Recep Tarik Onal spoke."),
            "b": ("en", "In Malatya, President Recep Tarik Onal visited. Tarik Onal said so."),
            "c": ("ru", "Реджеп Тарык Онал прибыл."),
        },
        {
            "a": [("Malatya province", "GPE"), ("Recep Tarik Onal", "PERSON")],
            "b": [("Malatya", "GPE"), ("President Recep Tarik Onal", "PERSON"),
                  ("Tarik Onal", "PERSON")],
            "c": [("Реджеп Тарык Онал", "PERSON")],
        },
    )
    names = {e.canonical: {e.canonical, *e.aliases} for e in resolution.entities}
    place = next(n for n in names.values() if "Malatya" in n)
    assert "Malatya province" in place
    person = next(n for n in names.values() if "Recep Tarik Onal" in n)
    assert {"Tarik Onal", "Реджеп Тарык Онал"} <= person


def test_scripts_glossed_transcription_is_learned_for_the_corpus() -> None:
    from newsprism.link.aliases.scripts import learn_transcriptions

    known = known_names({"PLACE|malatia": ("PLACE", ["Malatya"])}, {"PLACE|malatia": 10})
    learned = learn_transcriptions("救援人员抵达马拉蒂亚(Malatya)。", known)
    assert [target for target, _ in learned.values()] == ["PLACE|malatia"]
    hits = project("马拉蒂亚的救援仍在继续。", known, latin=True, learned=learned)
    assert [h.text for h in hits] == ["马拉蒂亚"]


def test_scripts_trusted_needs_the_language_script() -> None:
    from newsprism.link.aliases.scripts import is_trusted

    assert is_trusted("en", "The minister spoke in Beirut on Monday.")
    assert not is_trusted("en", "وقال الوزير إن الوضع صعب في بيروت اليوم.")
    assert not is_trusted("fr", "Le ministre a parlé à Beyrouth lundi.")


def test_scripts_words_before_a_name_in_another_language_dropped() -> None:
    resolution = _build(
        {
            "en": ("en", "Port director Selim Karaca was questioned. Judge Fadi Tannous said."),
            "tr": ("tr", "Liman Müdürü Selim Karaca ve yargıç Fadi el-Tannous ifade verdi."),
        },
        {
            "en": [("Selim Karaca", "PERSON"), ("Fadi Tannous", "PERSON")],
            "tr": [("Liman Müdürü Selim Karaca", "PERSON")],
        },
    )
    names = {e.canonical: {e.canonical, *e.aliases} for e in resolution.entities}
    karaca = next(e for e in resolution.entities if e.canonical == "Selim Karaca")
    assert "Liman Müdürü Selim Karaca" not in names["Selim Karaca"]
    assert resolution.by_mention[("tr", 0, len("Liman Müdürü Selim Karaca"))] == karaca.id
    assert "Fadi el-Tannous" in names["Fadi Tannous"]


@pytest.mark.parametrize(("a", "b"), [
    ("Nabil Daher", "نبيل ضاهر"),  # d + h are two letters, not the digraph dh
    ("Bejrut", "Beirut"),  # j after a vowel is a glide
])
def test_scripts_sound_key_letters_and_glides(a: str, b: str) -> None:
    assert sound_key(a) == sound_key(b)


def test_scripts_titles_and_places_by_spelling() -> None:
    resolution = _build(
        {
            "a": ("en", "President Nabil Daher visited Kahramanmaras. Kahramanmaras was hit."),
            "b": ("en", "Sheikh Nabil Daher spoke. Rescuers in Kahramanmaras worked on."),
            "c": ("en", "Kahraman Maras mourned. President Daher said Kahramanmaras would rise."),
        },
        {
            "a": [("President Nabil Daher", "PERSON"), ("Kahramanmaras", "GPE")],
            "b": [("Sheikh Nabil Daher", "PERSON"), ("Kahramanmaras", "GPE")],
            "c": [("Kahraman Maras", "PERSON"), ("President Daher", "PERSON"),
                  ("Kahramanmaras", "GPE")],
        },
    )
    names = [{e.canonical, *e.aliases} for e in resolution.entities]
    person = next(n for n in names if "President Nabil Daher" in n)
    assert {"Sheikh Nabil Daher", "President Daher"} <= person
    place = next(n for n in names if "Kahramanmaras" in n)
    assert "Kahraman Maras" in place
    label = next(e.label for e in resolution.entities if "Kahraman Maras" in
                 {e.canonical, *e.aliases})
    assert label == "GPE"


def test_scripts_short_keys_need_a_much_named_place() -> None:
    # "Malatya" is m-l-t, like many ordinary words: matched alone only when it is a place named
    # often; a surname alone needs four consonants; an Arabic word with the article is a noun
    known = known_names(
        {"PLACE|malatia": ("PLACE", ["Malatya"]), "PERSON|selim okan": ("PERSON", ["Selim Okan"]),
         "PLACE|lebanon": ("PLACE", ["Lebanon"])},
        {"PLACE|malatia": 4, "PERSON|selim okan": 20, "PLACE|lebanon": 30},
    )
    assert project("عمليات في ملاطية", known, latin=True) == []
    assert project("قال أوكان", known, latin=True) == []
    assert [h.text for h in project("في لبنان والبيان", known, latin=True)] == ["لبنان"]


def test_scripts_latin_spelling_must_stay_close() -> None:
    known = known_names({"PERSON|justice palace": ("PERSON", ["Rana Palace"])},
                        {"PERSON|justice palace": 20})
    # same sound key as the surname (b-l-s) but not a spelling of it
    assert project("Polizei sagte am Montag", known, latin=True) == []
