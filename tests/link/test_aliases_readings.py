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
