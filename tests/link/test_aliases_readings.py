"""More readings of names in other scripts: Chinese transcriptions without name dots, a foreign
v written as Arabic f, Sorani's vowel e typed as heh."""

from __future__ import annotations

from newsprism.link.aliases.scripts import KnownNames, known_names, project
from newsprism.link.aliases.variants import more_projections


def known(names: dict[str, tuple[str, str, int]]) -> KnownNames:
    return known_names({k: (cls, [surface]) for k, (cls, surface, _) in names.items()},
                       {k: weight for k, (_, _, weight) in names.items()})


PLACES = {
    "PLACE|kahramanmaras": ("PLACE", "Kahramanmaraş", 12),
    "PLACE|gaziantep": ("PLACE", "Gaziantep", 12),
    "PLACE|tartus": ("PLACE", "Tartus", 4),
}


def test_readings_chinese_transcription_without_name_dots() -> None:
    names = known(PLACES)
    # a place name run into the words around it, and 什 read as shi
    text = "地震发生在卡赫拉曼马拉什省,加济安泰普省也有伤亡。塔尔图斯港口关闭。"
    hits = {(h.text, h.target) for h in more_projections(text, names, [])}
    assert ("卡赫拉曼马拉什", "PLACE|kahramanmaras") in hits
    # 加 jia is a k, 济 ji an s: each syllable read on its own
    assert ("加济安泰普", "PLACE|gaziantep") in hits
    assert ("塔尔图斯", "PLACE|tartus") in hits


def test_readings_chinese_common_words_are_no_transcription() -> None:
    names = known(PLACES)
    text = "救援人员连夜搜救,当地政府表示将继续努力。"
    assert more_projections(text, names, []) == []


def test_readings_arabic_f_stands_for_a_foreign_v() -> None:
    names = known({"PERSON|iavus karakus": ("PERSON", "Yavuz Karakuş", 3)})
    hits = project("وقال يافوز كاراكوش إن المبنى انهار.", names, latin=False)
    assert [h.text for h in hits] == ["يافوز كاراكوش"]


def test_readings_sorani_heh_inside_a_word_is_a_vowel() -> None:
    names = known({"PERSON|suleiman soilu": ("PERSON", "Süleyman Soylu", 5)})
    # Sorani text (its own letters ۆ, ە): the heh of the first name is the vowel e
    text = "سولهیمان سۆیلو ڕایگەیاند کە کارەکان بەردەوامن."
    assert [h.text for h in project(text, names, latin=False)] == ["سولهیمان سۆیلو"]
    # in Arabic text a heh is an h: no such reading
    assert project("سولهیمان سولیو قال", names, latin=False) == []


def test_readings_cyrillic_letter_for_letter() -> None:
    names = known({"PERSON|aida kocan": ("PERSON", "Ayda Kocan", 2),
                   "PLACE|hatai": ("PLACE", "Hatay", 6), "PLACE|kars": ("PLACE", "Kars", 6)})
    # Serbian Cyrillic is Serbian Latin letter for letter: ц is the c of "Kocan"
    text = "Министарка Ајда Коцан је рекла да је у граду Карс мирно."
    hits = {h.text for h in more_projections(text, names, [])}
    assert "Ајда Коцан" in hits
    # Uzbek Ҳ is the Russian Х; a short name once in the texts is found only if named often
    assert {h.text for h in more_projections("Ҳатай ва Карс", names, [])} == {"Ҳатай", "Карс"}
    # articles whose pipeline reads Cyrillic keep their own mentions
    assert more_projections("Ҳатай ва Карс", names, [], cyrillic=False) == []


def test_readings_sorani_letter_for_letter() -> None:
    names = known({"ORG|afad": ("ORG", "AFAD", 20), "PLACE|hatai": ("PLACE", "Hatay", 6),
                   "PLACE|adana": ("PLACE", "Adana", 1)})
    text = "تیمەکانی ئافاد لە هاتای و ئادانا کار دەکەن."
    hits = {(h.text, h.target) for h in more_projections(text, names, [])}
    assert ("ئافاد", "ORG|afad") in hits
    assert ("هاتای", "PLACE|hatai") in hits
    # a one-word name needs to be named several times in the trusted articles
    assert all(target != "PLACE|adana" for _, target in hits)
    # Arabic text writes no short vowels: no such reading
    assert more_projections("فرق أفاد في هاتاي", names, []) == []


def test_readings_a_nationality_label_is_projected_in_chinese_and_japanese_only() -> None:
    from newsprism.link.aliases import resolve
    from newsprism.model import Document, Extraction, Mention

    texts = {
        "a": "Rescuers reached Dursunbey on Tuesday. The Turkish team stayed in Dursunbey.",
        "b": "In Dursunbey the Turkish volunteers set up tents near Dursunbey school.",
        "e": "Turkish officials said the Turkish army would help. Turkish media agreed.",
        "c": "Turkse reddingswerkers bereikten dinsdag het dorp in Turkije.",
        "d": "救助隊は火曜日にドゥルスンベイに到着した。",
    }
    labels = {"Dursunbey": "NORP", "Turkish": "NORP"}
    documents, extractions = {}, {}
    for doc_id, text in texts.items():
        language = {"c": "nl", "d": "ja"}.get(doc_id, "en")
        documents[doc_id] = Document(id=doc_id, text=text, language=language)
        mentions = []
        for name, label in labels.items():
            start = text.find(name)
            while start >= 0:
                mentions.append(Mention(doc_id, start, start + len(name), name, label))
                start = text.find(name, start + 1)
        extractions[doc_id] = Extraction(doc_id=doc_id, mentions=mentions)
    entities = resolve(documents, extractions).entities
    town = next(e for e in entities if e.canonical == "Dursunbey")
    assert "ドゥルスンベイ" in town.aliases
    turkish = next(e for e in entities if e.canonical == "Turkish")
    # the country's name in Dutch shares the adjective's sound key, but is not the adjective
    assert "Turkije" not in turkish.aliases
