from __future__ import annotations

import pytest

from newsprism.read.language import choose_language, detect_language, normalise_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The dam failed on Tuesday and the health ministry said 12 people had died.", "en"),
        ("Плотина прорвалась во вторник, погибли 12 человек, сообщил минздрав.", "ru"),
        ("Дамба прорвалася у вівторок, загинули 12 людей, повідомило міністерство.", "uk"),
        ("Le barrage a cédé mardi et le ministère dit que douze personnes sont mortes.", "fr"),
        ("Der Damm ist am Dienstag gebrochen, und das Ministerium sagt, zwölf sind tot.", "de"),
        ("El dique cedió el martes y el ministerio dijo que los muertos son doce.", "es"),
        ("La diga ha ceduto martedì e il ministero dice che sono morte dodici persone.", "it"),
        ("A barragem cedeu na terça e o ministério disse que não há sobreviventes.", "pt"),
        ("De dam is dinsdag bezweken en het ministerie zegt dat er twaalf doden zijn.", "nl"),
        ("Tama pękła we wtorek i ministerstwo podało, że nie żyje dwanaście osób.", "pl"),
        ("Baraj salı günü yıkıldı ve bakanlık on iki kişinin öldüğünü açıkladı.", "tr"),
        ("Dammen brast i tisdags och ministeriet säger att tolv personer har dött.", "sv"),
        ("A gát kedden átszakadt, és a minisztérium szerint tizenkét ember meghalt.", "hu"),
        ("Diga u shemb të martën dhe ministria tha se dymbëdhjetë njerëz kanë vdekur.", "sq"),
        ("انهار السد يوم الثلاثاء وقالت الوزارة إن اثني عشر شخصا لقوا حتفهم.", "ar"),
        ("سد روز سه‌شنبه شکست و وزارت گفت دوازده نفر کشته شدند.", "fa"),
        ("بەنداوەکە ڕۆژی سێشەممە ڕووخا و وەزارەت ڕایگەیاند دوازدە کەس گیانیان لەدەستدا.", "ku"),
        ("大坝周二决堤，卫生部说已有十二人死亡。", "zh"),
        ("ダムは火曜日に決壊し、保健省は十二人が死亡したと発表した。", "ja"),
        ("댐이 화요일에 무너져 보건부는 열두 명이 숨졌다고 밝혔다.", "ko"),
        ("Το φράγμα έσπασε την Τρίτη και το υπουργείο είπε ότι σκοτώθηκαν δώδεκα άνθρωποι.", "el"),
        ("मंगलवार को बांध टूट गया और मंत्रालय ने कहा कि बारह लोगों की मौत हो गई।", "hi"),
        ("Язовирът се скъса във вторник и министерството съобщи за дванадесет загинали.", "bg"),
        ("Брана је пукла у уторак, министарство је саопштило да је погинуло дванаест људи.", "sr"),
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


@pytest.mark.parametrize(
    ("given", "text", "language"),
    [
        ("fr", "Le barrage a cédé mardi.", "fr"),
        ("en-GB", "The dam failed on Tuesday.", "en"),
        # A machine-translated page declaring its source's language: the script decides.
        ("en", "انهار السد يوم الثلاثاء وقالت الوزارة إن اثني عشر شخصا لقوا حتفهم.", "ar"),
        ("ru", "大坝周二决堤，卫生部说已有十二人死亡。", "zh"),
        # Serbian is written in both scripts; an unknown code is kept as given.
        ("sr", "Brana je pukla u utorak.", "sr"),
        ("xx", "The dam failed on Tuesday.", "xx"),
        ("", "Le barrage a cédé mardi et le ministère dit que douze personnes sont mortes.", "fr"),
    ],
)
def test_choose_language_keeps_metadata_unless_the_script_contradicts_it(
    given: str, text: str, language: str
) -> None:
    assert choose_language(given, text) == language
