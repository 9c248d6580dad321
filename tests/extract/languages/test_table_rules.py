"""The table rules (extract/languages/generic) on team-written sentences, one or more per table."""

from __future__ import annotations

import pytest

from newsprism.extract import with_table_figures
from newsprism.extract.dates.pubdate import complete_years
from newsprism.extract.languages.generic import add_table_figures, has_tables, read_figures
from newsprism.extract.languages.generic.dates import solar_hijri_to_gregorian
from newsprism.extract.languages.generic.quantities import parse_number
from newsprism.extract.languages.generic.text import fold, sentences
from newsprism.model import Document, Extraction, PublicationTime, Quantity, TimeExpression

PUBLISHED = "2026-03-08"
LANGUAGES = (
    "ar", "bg", "cs", "de", "el", "es", "fa", "fr", "hi", "hu", "id", "it", "ja", "ko", "ku", "nl",
    "pl", "pt", "ro", "sq", "sr", "sv", "tr", "uk", "zh",
)


def _document(language: str, text: str, published: str | None = PUBLISHED) -> Document:
    return Document(
        id="d1", text=text, language=language, published=PublicationTime(value=published)
    )


def _figures(language: str, text: str) -> list[tuple[str, float | None, float | None, str]]:
    _, quantities = read_figures(_document(language, text))
    return [(q.measure, q.low, q.high, q.bound) for q in quantities]


def _dates(language: str, text: str, published: str | None = PUBLISHED) -> list[str | None]:
    times, _ = read_figures(_document(language, text, published))
    return [t.date or t.value for t in times]


@pytest.mark.parametrize("language", LANGUAGES)
def test_table_rules_cover_the_language(language: str) -> None:
    assert has_tables(language)


@pytest.mark.parametrize("language", ["en", "ru", "xx", ""])
def test_table_rules_leave_other_languages(language: str) -> None:
    assert not has_tables(language)


@pytest.mark.parametrize(
    ("raw", "decimal", "multiplied", "value"),
    [
        ("1.000,5", ",", False, 1000.5),
        ("1,000.5", ".", False, 1000.5),
        ("1 000", ",", False, 1000.0),
        ("12'500", ".", False, 12500.0),
        ("1.500", ",", False, 1500.0),
        ("1,500", ".", False, 1500.0),
        ("1,500", ",", False, 1500.0),  # three digits after one separator: thousands
        ("5,8", ",", True, 5.8),
        ("1,500", ",", True, 1.5),  # "1,500 Mio.": the decimal comma before a multiplier
        ("5.8", ".", True, 5.8),
        ("2.500.000", ",", False, 2500000.0),
        ("1.2.3", ",", False, None),
    ],
)
def test_parse_number_reads_any_locale(
    raw: str, decimal: str, multiplied: bool, value: float | None
) -> None:
    assert parse_number(raw, decimal, multiplied) == value


def test_fold_keeps_offsets_and_reads_every_digit() -> None:
    text = "İstanbul: ١٣٥ قتيلا، ۱۲۰۰ نفر, 1\u202f000 Tote, Ağustos"
    folded = fold(text)
    assert len(folded) == len(text)
    assert "135" in folded and "1200" in folded and "1 000 tote" in folded
    assert folded.startswith("istanbul") and folded.endswith("agustos")
    assert fold("öldü oldu", keep="öü") == "öldü oldu"


def test_sentences_split_on_any_script_and_keep_abbreviations() -> None:
    text = "Es gab ca. 300 Tote. Die Polizei sprach von 5,8 Mio. Euro.\n至少3人死亡。另有5人受伤"
    spans = [text[a:b].strip() for a, b in sentences(text)]
    assert spans == [
        "Es gab ca. 300 Tote.",
        "Die Polizei sprach von 5,8 Mio. Euro.",
        "至少3人死亡。",
        "另有5人受伤",
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "L'incendie a fait au moins 12 morts et plus de 1 500 blessés, selon la préfecture.",
         [("killed", 12, None, "at least"), ("injured", 1500, None, "more than")]),
        ("fr", "Quelque 40 000 habitants sont sans abri et 25 personnes ont été arrêtées.",
         [("displaced", 40000, 40000, "about"), ("detained", 25, 25, "exact")]),
        ("de", "Mindestens 73 Menschen wurden getötet, mehr als 3.700 verletzt.",
         [("killed", 73, None, "at least"), ("injured", 3700, None, "more than")]),
        ("de", "Rund 1,5 Mio. Menschen sind obdachlos, 20 gelten als vermisst.",
         [("displaced", 1500000, 1500000, "about"), ("missing", 20, 20, "exact")]),
        ("es", "Al menos 100 muertos y 4.000 heridos; más de 300.000 personas sin hogar.",
         [("killed", 100, None, "at least"), ("injured", 4000, 4000, "exact"),
          ("displaced", 300000, None, "more than")]),
        ("it", "Il bilancio sale a oltre 200 morti, mentre 15 persone risultano disperse.",
         [("killed", 200, None, "more than"), ("missing", 15, 15, "exact")]),
        ("pt", "Pelo menos 60 mortos e cerca de 2 mil feridos, disse o governo.",
         [("killed", 60, None, "at least"), ("injured", 2000, 2000, "about")]),
        ("nl", "Er zijn zeker 45 doden en meer dan 900 gewonden gevallen.",
         [("killed", 45, None, "at least"), ("injured", 900, None, "more than")]),
        ("pl", "W wypadku zginęło co najmniej 30 osób, a ponad 100 zostało rannych.",
         [("killed", 30, None, "at least"), ("injured", 100, None, "more than")]),
        ("ro", "Cel puțin 18 oameni au murit și peste 70 au fost răniți.",
         [("killed", 18, None, "at least"), ("injured", 70, None, "more than")]),
        # a multiplier glued to its number; a noun of about a hundred
        ("it", "Circa 7mila feriti e un centinaio di dispersi.",
         [("injured", 7000, 7000, "about"), ("missing", 100, 100, "exact")]),
        # "drygt" is "just over": close to 50, not open-ended
        ("sv", "Minst 14 personer omkom och drygt 50 skadades i olyckan.",
         [("killed", 14, None, "at least"), ("injured", 50, 55, "more than")]),
        ("tr", "Depremde can kaybı 6 bini aşkın; yaralı sayısı 20 bin 426 oldu.",
         [("killed", 6000, None, "more than"), ("injured", 20426, 20426, "exact")]),
        ("tr", "En az 41 bin kişi hayatını kaybetti, 1.500'den fazla kişi gözaltına alındı.",
         [("killed", 41000, None, "at least"), ("detained", 1500, None, "more than")]),
        ("id", "Sedikitnya 21 orang tewas dan 2,5 ribu warga mengungsi.",
         [("killed", 21, None, "at least"), ("displaced", 2500, 2500, "exact")]),
        ("ar", "ارتفع عدد القتلى إلى ١٣٥ قتيلا وأكثر من 5 آلاف جريح.",
         [("killed", 135, 135, "exact"), ("injured", 5000, None, "more than")]),
        ("ar", "قالت الوزارة إن أكثر من أربعة آلاف شخص أصيبوا.",
         [("injured", 4000, None, "more than")]),
        ("fa", "دست کم ۱۲۰۰ نفر کشته و ۳۰۰۰ نفر زخمی شدند.",
         [("killed", 1200, None, "at least"), ("injured", 3000, 3000, "exact")]),
        ("ku", "Herî kêm 40 kes mirin û 300 kes birîndar bûn.",
         [("killed", 40, None, "at least"), ("injured", 300, 300, "exact")]),
        ("ku", "تا ئێستا سێ هەزار و ٥٧٤ کەس گیانیان لەدەستداوە.",
         [("killed", 3574, 3574, "exact")]),
        ("zh", "火灾已造成1万7,134人死亡，逾2万多人受伤。",
         [("killed", 17134, 17134, "exact"), ("injured", 20000, None, "more than")]),
        ("zh", "至少135人遇难，3人失踪。",
         [("killed", 135, None, "at least"), ("missing", 3, 3, "exact")]),
        # "两国" is two countries: a number word counts only with a counter and its cue.
        ("zh", "地震在两国造成的死亡人数已达到521人，另有三人失踪。",
         [("killed", 521, 521, "exact"), ("missing", 3, 3, "exact")]),
        # "を超え": exceeded, a lower bound
        ("ja", "死者は1万7000人を超え、約300人が負傷した。",
         [("killed", 17000, None, "more than"), ("injured", 300, 300, "about")]),
        ("ko", "사망자는 1만 7천여 명으로 늘었다. 부상자는 3천 명 이상이다.",
         [("killed", 17000, None, "more than"), ("injured", 3000, None, "more than")]),
        ("el", "Τουλάχιστον 135 νεκροί και πάνω από 5.000 τραυματίες.",
         [("killed", 135, None, "at least"), ("injured", 5000, None, "more than")]),
        ("uk", "Щонайменше 12 людей загинули, понад 40 поранені.",
         [("killed", 12, None, "at least"), ("injured", 40, None, "more than")]),
        ("hi", "हादसे में कम से कम 25 लोगों की मौत हो गई और 60 लोग घायल हुए।",
         [("killed", 25, None, "at least"), ("injured", 60, 60, "exact")]),
        ("sr", "Најмање 1.200 особа је погинуло, а 3.400 је повређено.",
         [("killed", 1200, None, "at least"), ("injured", 3400, 3400, "exact")]),
        ("sr", "Više od 40 ljudi je uhapšeno.", [("detained", 40, None, "more than")]),
        ("bg", "Над 100 души загинаха, а около 4 хиляди са ранени.",
         [("killed", 100, None, "more than"), ("injured", 4000, 4000, "about")]),
        ("cs", "Zahynulo nejméně 50 lidí a více než 2 tisíce jsou zraněni.",
         [("killed", 50, None, "at least"), ("injured", 2000, None, "more than")]),
        # An enumeration: each cue belongs to the figure before it, buildings are no count.
        ("tr", "Kentte 205 ölü, 1003 yaralı ve 101 yıkılan bina var.",
         [("killed", 205, 205, "exact"), ("injured", 1003, 1003, "exact")]),
        ("tr", "Bakan, 420 kişinin yaralandığını, 140 binanın yıkıldığını söyledi.",
         [("injured", 420, 420, "exact")]),
        ("it", "L'attentato uccise non meno di 58 persone.", [("killed", 58, None, "at least")]),
        # A figure whose own clause goes on says what it counts; the cue before the comma is
        # the earlier figure's: rescued people are no casualties.
        ("tr", "Vali, 64 kişinin öldüğünü, 350 kişinin yaralandığını, 1200 kişi enkazdan "
               "sağ çıkarıldı dedi.",
         [("killed", 64, 64, "exact"), ("injured", 350, 350, "exact")]),
        ("fr", "Le bilan des morts, selon la préfecture, s'élève désormais à 137.",
         [("killed", 137, 137, "exact")]),
        # The subject first, then where, then the figure: a long way in a dense script.
        ("ja", "地震による死者は、北部の山間部の二つの県で合わせて2400人を超えました。",
         [("killed", 2400, None, "more than")]),
        # A cue after a figure that stands right before the next one, which has none after
        # it, is the next one's: the first keeps the verb before it.
        ("it", "Secondo il ministro, le scosse hanno ucciso 1.204 persone nella valle e ne "
               "hanno ferite almeno 8.310.",
         [("killed", 1204, 1204, "exact"), ("injured", 8310, None, "at least")]),
        ("de", "Das Beben tötete 1.204 Menschen im Tal und verletzte mindestens 8.310.",
         [("killed", 1204, 1204, "exact"), ("injured", 8310, None, "at least")]),
        # Counted figures joined by "and" count one thing, whichever has the cue
        ("zh", "两省检方分别下令逮捕47人和21人。",
         [("detained", 47, 47, "exact"), ("detained", 21, 21, "exact")]),
        ("ja", "警察は5人、9人と14人を逮捕した。",
         [("detained", 5, 5, "exact"), ("detained", 9, 9, "exact"),
          ("detained", 14, 14, "exact")]),
        ("tr", "Savcılık 47 kişi ve 21 kişi hakkında gözaltı kararı verdi.",
         [("detained", 47, 47, "exact"), ("detained", 21, 21, "exact")]),
        # ... but not when the next figure has its own cue after it
        ("fr", "Près de 9 000 personnes sont sans abri et 430 blessées.",
         [("displaced", 9000, 9000, "about"), ("injured", 430, 430, "exact")]),
    ],
)
def test_table_rules_read_counts(
    language: str, text: str, expected: list[tuple[str, float, float | None, str]]
) -> None:
    assert _figures(language, text) == expected


def test_the_ends_of_a_range_are_not_two_counts_of_one_thing() -> None:
    # no counter after the first figure: "30 et 40" is a range, and 40 takes no measure from 30
    assert [f[1] for f in _figures("fr", "Les disparus seraient entre 30 et 40 selon la mairie.")
            ] == [30]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "En 2020, le taux de chômage était de 8 pour cent."),
        ("de", "Am 6. Februar um 14:30 Uhr tagte der Krisenstab, 15 % der Stimmen."),
        ("tr", "Yüzde 50 oranında artış oldu, 2023 yılında."),
        ("es", "El terremoto de magnitud 7,8 causó daños por 15 millones de dólares."),
        ("zh", "2023年2月6日，震级为7.8级。"),
        ("de", "Die Zahl der Toten in A320-Maschinen blieb 0."),
        ("ar", "وقع الانفجار في العنبر رقم 12 وأسفر عن عدد كبير من الإصابات."),
        ("fr", "Le bâtiment n° 4 a été touché et des blessés ont été évacués."),
        ("nl", "Vragen\n2. Hoeveel doden zijn er gevallen?"),
    ],
)
def test_table_rules_skip_what_is_no_count(language: str, text: str) -> None:
    assert all(measure == "money" for measure, *_ in _figures(language, text))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Helfer bargen drei weitere Leichen."),
        ("tr", "3 kişi daha hayatını kaybetti."),
        ("zh", "又有12人死亡。"),
    ],
)
def test_table_rules_mark_figures_that_add_to_a_total(language: str, text: str) -> None:
    _, quantities = read_figures(_document(language, text))
    assert [(q.measure, q.incremental) for q in quantities] == [("killed", True)]


def test_table_rules_read_money_as_money() -> None:
    _, quantities = read_figures(
        _document("fr", "Les dégâts sont estimés à 15 milliards de dollars.")
    )
    assert [(q.measure, q.low, q.unit) for q in quantities] == [("money", 15e9, "dollar")]


@pytest.mark.parametrize(
    ("language", "text", "dates"),
    [
        ("fr", "Le 4 août 2020, puis hier et le 1er mars.", ["2020-08-04", "2026-03-07",
                                                         "2026-03-01"]),
        ("de", "Am 6. Februar und am 15.01.2022.", ["2026-02-06", "2022-01-15"]),
        ("es", "El 4 de agosto de 2020.", ["2020-08-04"]),
        ("it", "Il 15 gennaio, ieri.", ["2026-01-15", "2026-03-07"]),
        ("pt", "Em 3 de março de 2026.", ["2026-03-03"]),
        ("nl", "Op 2 maart.", ["2026-03-02"]),
        ("pl", "5 marca 2026 r.", ["2026-03-05"]),
        ("ro", "Pe 5 martie.", ["2026-03-05"]),
        ("sv", "Den 5 mars.", ["2026-03-05"]),
        ("tr", "6 Şubat 2023 tarihinde, dün.", ["2023-02-06", "2026-03-07"]),
        ("id", "Pada 5 Maret 2026.", ["2026-03-05"]),
        ("ar", "في 4 آب/أغسطس 2020 وأمس.", ["2020-08-04", "2026-03-07"]),
        ("fa", "روز ۱۷ بهمن ۱۴۰۱ و دیروز.", ["2023-02-06", "2026-03-07"]),
        ("zh", "2023年2月6日和3月5日，昨天。", ["2023-02-06", "2026-03-05", "2026-03-07"]),
        ("ja", "3月5日、昨日。", ["2026-03-05", "2026-03-07"]),
        ("ko", "2023년 2월 6일, 어제.", ["2023-02-06", "2026-03-07"]),
        # A day alone is in the publication's month, or the month before when it is later.
        ("zh", "总统6日说，救援队20日表示。", ["2026-03-06", "2026-02-20"]),
        ("ja", "6日に発生し、3日間続いた。", ["2026-03-06"]),
        ("ko", "6일 발표했다.", ["2026-03-06"]),
        ("el", "Στις 6 Φεβρουαρίου, χθες.", ["2026-02-06", "2026-03-07"]),
        ("uk", "6 лютого, вчора.", ["2026-02-06", "2026-03-07"]),
        ("hi", "5 मार्च 2026 को।", ["2026-03-05"]),
        ("ku", "Di 6 Sibat 2023 de.", ["2023-02-06"]),
        ("sr", "6. februara i 7. фебруара.", ["2026-02-06", "2026-02-07"]),
        ("bg", "На 5 март.", ["2026-03-05"]),
        ("cs", "Dne 6. února 2023.", ["2023-02-06"]),
        # A day-month far after publication is of the year before.
        ("fr", "Le 20 décembre.", ["2025-12-20"]),
    ],
)
def test_table_rules_read_dates(language: str, text: str, dates: list[str]) -> None:
    assert _dates(language, text) == dates


def test_table_rules_keep_unknown_years_without_publication() -> None:
    assert _dates("fr", "Le 4 août, hier.", published=None) == ["XXXX-08-04", "PAST_REF"]


def test_solar_hijri_dates() -> None:
    assert solar_hijri_to_gregorian(1401, 11, 17).isoformat() == "2023-02-06"
    assert solar_hijri_to_gregorian(1399, 5, 14).isoformat() == "2020-08-04"
    assert solar_hijri_to_gregorian(1403, 1, 1).isoformat() == "2024-03-20"


def test_figures_take_the_date_of_their_sentence_else_publication() -> None:
    _, quantities = read_figures(
        _document("de", "Am 6. März gab es 12 Tote. Heute sind es 15 Tote.")
    )
    assert [(q.low, q.as_of) for q in quantities] == [(12, "2026-03-06"), (15, "2026-03-08")]


def test_add_table_figures_replaces_english_readings_of_the_same_spans() -> None:
    text = "Am 6. März gab es 12 Tote und 300 Verletzte."
    document = _document("de", text)
    english = Extraction(
        doc_id="d1",
        times=[TimeExpression("d1", 3, 10, "6. März", "DATE", "XXXX-03")],
        quantities=[
            Quantity("d1", 0, 2, "Am", 1, 1),
            Quantity("d1", 18, 20, "12", 12, 12),
            Quantity("d1", 30, 33, "300", 300, 300, converts=0),
        ],
    )
    result = add_table_figures(document, english)
    assert [t.date for t in result.times] == ["2026-03-06"]
    assert [(q.text, q.measure) for q in result.quantities] == [
        ("Am", "other"), ("12", "killed"), ("300", "injured")
    ]
    assert result.quantities[0].converts is None


def test_english_and_russian_extractions_are_left_as_they_are() -> None:
    for language in ("en", "ru"):
        extraction = Extraction(doc_id="d1")
        document = _document(language, "12 dead. 12 Tote.")
        assert with_table_figures(document, extraction).quantities == []


def test_a_dateline_gives_an_undated_article_its_publication_day() -> None:
    text = "Gündem\n\n14 Şubat 2023 19:58\n\nDün 12 kişi gözaltına alındı."
    document = _document("tr", text, None)
    times, quantities = read_figures(document)
    assert document.published.value == "2023-02-14"
    assert document.published.source == "inferred"
    assert [t.date for t in times] == ["2023-02-14", "2023-02-13"]
    assert [(q.measure, q.as_of) for q in quantities] == [("detained", "2023-02-13")]


def test_the_latest_yearless_day_waits_for_the_collection_year() -> None:
    # team-written: an undated report that names its days without a year
    text = ("El vicepresidente anunció el sábado 11 de febrero 113 órdenes de detención. "
            "El 9 de febrero la fiscalía había detenido a 12 personas.")
    document = _document("es", text, None)
    read_figures(document)
    assert document.published.value is None
    assert document.published.partial == "XXXX-02-11"
    assert "11 de febrero" in document.published.evidence[0].text

    # a related report dated 13 February 2023 lends the year; read again, the figures are dated
    (completed,) = complete_years([document.published, PublicationTime(value="2023-02-13")])[:1]
    assert completed.value == "2023-02-11"
    document.published = completed
    _times, quantities = read_figures(document)
    assert [(q.low, q.as_of) for q in quantities] == [(113.0, "2023-02-11"),
                                                      (12.0, "2023-02-09")]


@pytest.mark.parametrize(
    ("language", "text", "figure"),
    [
        ("ja", "トルコ政府は10日、地震による死者が1762人に上ったと発表しました。", 1762.0),
        ("ja", "死者と行方不明者は10日までに合わせて2万2212人にのぼっています。", 22212.0),
        ("zh", "土耳其10日说,地震已造成912人死亡。", 912.0),
    ],
)
def test_a_day_of_the_month_is_a_date_even_in_an_undated_report(
    language: str, text: str, figure: float
) -> None:
    # team-written; with no publication day "10日" cannot be resolved, but it is still a day:
    # its digits are no toll ("10 killed") and the count after it is still read
    document = _document(language, text, None)
    times, quantities = read_figures(document)
    assert [(t.text, t.value) for t in times] == [("10日", "XXXX-XX-10")]
    assert [q.low for q in quantities] == [figure]


def test_yearless_days_months_apart_give_no_publication_day() -> None:
    text = "Le 28 décembre, 40 blessés. Le 3 mars, 12 personnes arrêtées."
    document = _document("fr", text, None)
    read_figures(document)
    assert document.published.partial is None


def test_a_date_deep_in_the_text_is_no_dateline() -> None:
    document = _document("fr", "x" * 400 + " Le 4 août 2020, 12 morts.", None)
    read_figures(document)
    assert document.published.value is None


def test_a_date_inside_a_sentence_near_the_head_is_no_dateline() -> None:
    text = ("Il bilancio è il più grave da decenni.\n\nIl precedente peggiore risale al "
            "23 ottobre del 1983, quando un attentato uccise 58 persone.")
    document = _document("it", text, None)
    read_figures(document)
    assert document.published.value is None


@pytest.mark.parametrize(
    ("language", "text", "published", "as_of"),
    [
        # the date of the event the figure counts for: the figure holds as of publication
        ("it", "Il bilancio delle esplosioni del 4 agosto è di 220 morti.", "2026-08-10",
         "2026-08-10"),
        ("de", "Bei der Explosion am 4. August waren mehr als 190 Menschen getötet worden.",
         "2026-08-12", "2026-08-12"),
        ("tr", "4 Ağustos'ta meydana gelen patlamada ölü sayısı 179'a yükseldi.", "2026-08-16",
         "2026-08-16"),
        ("zh", "8月4日发生的爆炸已造成178人死亡。", "2026-08-14", "2026-08-14"),
        # without a publication day, the figure's day is unknown, not the event's
        ("it", "Il bilancio delle esplosioni del 4 agosto è di 220 morti.", None, None),
        # a date of the figure's own ("on 7 August, the toll ... was 154") stays its day
        ("fr", "Le 7 août, le bilan de l'explosion s'élevait à 154 morts.", "2026-08-09",
         "2026-08-07"),
        ("zh", "截至8月6日，爆炸已造成137人死亡。", "2026-08-14", "2026-08-06"),
        ("tr", "4 Ağustos'ta patlamada ölü sayısı 100'e ulaştı.", "2026-08-16", "2026-08-04"),
        # a report of the day itself: the event's day is its day
        ("es", "La explosión del 4 de agosto ha causado 78 muertos.", "2026-08-04",
         "2026-08-04"),
    ],
)
def test_a_date_of_the_event_is_not_the_figures_day(
    language: str, text: str, published: str | None, as_of: str | None
) -> None:
    _, quantities = read_figures(_document(language, text, published))
    assert [q.as_of for q in quantities] == [as_of]


def test_a_long_table_without_full_stops_stays_cheap() -> None:
    rows = " ".join(f"Provinz {i}: {i * 7} Tote, {i * 3} Verletzte;" for i in range(1, 2000))
    _, quantities = read_figures(_document("de", rows))
    # Each row's two counts; a province's number has no cue of its own.
    assert [q.measure for q in quantities] == ["killed", "injured"] * 1999


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("fr", "Le bilan de l'incendie s'élève à 54 tandis que le nombre de disparus reste "
               "inconnu.", 54),
        ("es", "El balance del incendio asciende a 54 mientras que el número de desaparecidos "
               "sigue sin conocerse.", 54),
        ("it", "Il bilancio delle vittime è salito a 54 mentre il numero dei dispersi resta "
               "ignoto.", 54),
        ("de", "Die Zahl der Toten stieg auf 54, während die Zahl der Vermissten unklar "
               "bleibt.", 54),
        ("el", "Οι νεκροί από την πυρκαγιά έφτασαν τους 54 ενώ ο αριθμός των αγνοουμένων "
               "παραμένει άγνωστος.", 54),
    ],
)
def test_a_cue_after_a_word_that_starts_another_clause_is_not_the_figures(
    language: str, text: str, value: float
) -> None:
    """"...s'élève à 54 tandis que le nombre de disparus...": the missing people are the next
    clause's subject; the figure is the toll its sentence began with."""
    found = [(measure, low) for measure, low, _, _ in _figures(language, text)]
    assert ("killed", value) in found
    assert ("missing", value) not in found


def test_a_date_in_digits_is_read_day_first_in_a_day_first_language() -> None:
    # The English rules inferred 8 April from "04/08/2021"; French writes the day first.
    text = "Publié par l'agence • 04/08/2021 à 17:54\n\nLe bilan s'élève à 214 morts."
    inferred = PublicationTime(
        value="2021-04-08", source="inferred", confidence=0.4, not_before="2021-04-08",
        not_after="2021-04-29", partial="XXXX-04-08",
    )
    document = Document(id="d1", text=text, language="fr", published=inferred)
    _, quantities = read_figures(document)
    assert document.published.value == "2021-08-04"
    assert (document.published.not_before, document.published.not_after) == (
        "2021-08-04", "2021-08-25")
    assert document.published.evidence[0].text == "04/08/2021"
    assert [(q.measure, q.as_of) for q in quantities] == [("killed", "2021-08-04")]


def test_a_day_the_tables_read_too_is_kept() -> None:
    # 3 April 2021 written out: the English reading agrees with the article's own words.
    text = "Le 3 avril 2021, 12 morts.\n\nMis à jour le 04/03/2021."
    inferred = PublicationTime(value="2021-04-03", source="inferred", confidence=0.5)
    document = Document(id="d1", text=text, language="fr", published=inferred)
    read_figures(document)
    assert document.published.value == "2021-04-03"


@pytest.mark.parametrize(
    ("language", "text", "figures"),
    [
        # the second clause names another place and leaves the counted noun out
        ("it", "Le vittime in Turchia sono 29.605 e in Siria 3.574.", [29605, 3574]),
        ("es", "Los muertos son 24.617 en Turquía y 3.575 en Siria.", [24617, 3575]),
        ("fr", "Le bilan s'élève à 24 617 morts en Turquie, et à 3 575 en Syrie.",
         [24617, 3575]),
        ("de", "In der Türkei starben 24.617 Menschen, in Syrien 3575.", [24617, 3575]),
        ("tr", "Türkiye'de 24 bin 617 kişi hayatını kaybetti, Suriye'de ise 3 bin 575.",
         [24617, 3575]),
        ("zh", "土耳其的死亡人數已攀升至 2萬9605 人,敘利亞則是3576 人。", [29605, 3576]),
        ("ja", "トルコで1121人が死亡し、シリアでは800人。", [1121, 800]),
        # another thing counted after the comma: not the first figure's measure
        ("fr", "Le séisme a fait 1 121 morts, 2 834 bâtiments se sont effondrés.", [1121]),
        ("tr", "Depremde 1121 kişi öldü, 2834 bina yıkıldı.", [1121]),
        ("ja", "トルコで1121人が死亡し、2834棟が倒壊した。", [1121]),
        ("zh", "地震造成1121人死亡,2834棟建築倒塌。", [1121]),
    ],
)
def test_a_figure_told_in_parallel_counts_what_the_first_counts(
    language: str, text: str, figures: list[int]
) -> None:
    _, quantities = read_figures(_document(language, text))
    assert [(q.low, q.measure) for q in quantities] == [(f, "killed") for f in figures]


@pytest.mark.parametrize(
    ("text", "expected", "dates"),
    [
        ("A földrengésben legalább 1121 ember meghalt és 5383 megsérült.",
         [("killed", 1121, None, "at least"), ("injured", 5383, 5383, "exact")], []),
        ("Több mint 300 ezer ember vált hajléktalanná a robbanás után.",
         [("displaced", 300_000, None, "more than")], []),
        ("2023. február 12-én a halálos áldozatok száma meghaladta a 33 ezret.",
         [("killed", 33_000, 33_000, "exact")], ["2023-02-12"]),
        ("A halottak száma 29 605-re emelkedett, Szíriában pedig 3576-ra.",
         [("killed", 29_605, 29_605, "exact"), ("killed", 3576, 3576, "exact")], []),
        ("Tegnap 12 tüntetőt tartóztattak le.", [("detained", 12, 12, "exact")],
         ["2026-03-07"]),
    ],
)
def test_hungarian_figures_and_dates(
    text: str, expected: list[tuple[str, float, float | None, str]], dates: list[str]
) -> None:
    times, quantities = read_figures(_document("hu", text))
    assert [(q.measure, q.low, q.high, q.bound) for q in quantities] == expected
    assert [t.date for t in times] == dates


def test_a_hungarian_event_date_before_its_noun_is_not_the_figures_day() -> None:
    times, quantities = read_figures(
        _document("hu", "A február 6-án történt földrengés óta 184 embert vettek őrizetbe.")
    )
    assert [t.date for t in times] == ["2026-02-06"]
    assert [(q.measure, q.as_of) for q in quantities] == [("detained", PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Si pasojë humbën jetën 157 viktima dhe u plagosën rreth 6 000 të tjerë.",
         [("killed", 157, 157, "exact"), ("injured", 6000, 6000, "about")]),
        ("Deri më tani raportohet për 157 viktima dhe mbi 6 mijë të plagosur.",
         [("killed", 157, 157, "exact"), ("injured", 6000, None, "more than")]),
        ("Ditën e enjte 16 persona të tjerë u arrestuan.", [("detained", 16, 16, "exact")]),
    ],
)
def test_albanian_figures(text: str, expected: list[tuple[str, float, float | None, str]]) -> None:
    assert _figures("sq", text) == expected
