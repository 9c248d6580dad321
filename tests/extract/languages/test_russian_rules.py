"""Russian dates, quotes and quantities on team-written sentences (fictional events)."""

from __future__ import annotations

import pytest

from newsprism.extract import extract_document
from newsprism.extract.languages.ru.pipeline import load_russian_pipeline
from newsprism.model import Document, Extraction, PublicationTime

REPORT = (
    "ТАРНОВ, 12 октября. Число погибших при обрушении моста через реку Ладва выросло до 19 "
    "человек, сообщило министерство по чрезвычайным ситуациям в пятницу, 11 октября.\n\n"
    "Мост обрушился во вторник, 8 октября. По данным спасателей, ещё шесть человек числятся "
    "пропавшими без вести, более 40 раненых доставлены в больницы.\n\n"
    "«Мы будем искать, пока есть надежда», — заявил глава ведомства Игорь Светлов. "
    "Он добавил, что водолазы работают круглосуточно.\n\n"
    "Как сообщила пресс-секретарь мэрии Анна Корш, цена проезда на пароме выросла "
    "с 50 до 80 рублей за поездку. Полиция задержала около 1 200 участников стихийного митинга."
)


def _extract(text: str, published: str | None) -> tuple[Document, Extraction]:
    document = Document(
        id="ru-test", text=text, language="ru",
        published=PublicationTime(value=published, source="metadata" if published else "unknown"),
    )  # fmt: skip
    return extract_document(load_russian_pipeline(), document)


@pytest.fixture(scope="module")
def report() -> Extraction:
    return _extract(REPORT, "2024-10-12")[1]


def test_dates_are_anchored_on_the_publication_day(report: Extraction) -> None:
    dates = {t.text: t.date for t in report.times}
    assert dates["12 октября"] == "2024-10-12"
    assert dates["в пятницу, 11 октября"] == "2024-10-11"
    assert dates["во вторник, 8 октября"] == "2024-10-08"


def test_quantities_carry_what_they_count(report: Extraction) -> None:
    by_value = {q.low if q.low is not None else q.high: q for q in report.quantities}
    assert by_value[19].measure == "killed" and by_value[19].change == "up"
    assert by_value[19].attributed_to == "министерство по чрезвычайным ситуациям"
    assert by_value[19].as_of == "2024-10-11"
    assert by_value[40].measure == "injured" and by_value[40].bound == "more than"
    assert by_value[80].measure == "price" and by_value[80].from_low == 50
    assert by_value[80].normalized_unit == "russian ruble"
    assert by_value[1200].measure == "detained" and by_value[1200].bound == "about"
    assert by_value[6].measure == "missing" and by_value[6].incremental
    for quantity in report.quantities:
        assert REPORT[quantity.start : quantity.end] == quantity.text


def test_quotes_have_speakers_cues_and_exact_spans(report: Extraction) -> None:
    quotes = {q.text: q for q in report.quotes}
    direct = quotes["Мы будем искать, пока есть надежда"]
    assert direct.kind == "direct" and direct.cue == "заявить"
    assert "Светлов" in direct.speaker
    added = next(q for q in report.quotes if q.text.startswith("водолазы"))
    assert "Светлов" in added.speaker and added.speaker_text == "Он"
    fare = next(q for q in report.quotes if q.text.startswith("цена проезда"))
    assert "Корш" in fare.speaker
    toll = next(q for q in report.quotes if q.text.startswith("Число погибших"))
    assert toll.speaker == "министерство по чрезвычайным ситуациям"
    for quote in report.quotes:
        assert REPORT[quote.start : quote.end] == quote.text


def test_publication_day_without_a_date_is_partial_never_today() -> None:
    document, _ = _extract("ТАРНОВ, 12 октября. Мост через реку Ладва обрушился.", None)
    assert document.published.value is None
    assert document.published.partial == "XXXX-10-12"
    assert document.published.evidence and "12 октября" in document.published.evidence[0].text


def test_a_year_in_the_text_gives_an_inferred_publication_day() -> None:
    document, extraction = _extract(
        "Мост обрушился 8 октября 2024 года. Вчера спасатели нашли ещё двоих.", None
    )
    assert document.published.value == "2024-10-08"
    assert document.published.source == "inferred"
    assert {t.text: t.date for t in extraction.times}["Вчера"] == "2024-10-07"


def test_each_language_goes_through_its_own_pipeline(nlp) -> None:
    from newsprism.extract.languages import extract_any_language

    russian = Document(id="ru", text=REPORT, language="ru",
                       published=PublicationTime(value="2024-10-12", source="metadata"))
    english = Document(id="en", text="The bridge over the Ladva collapsed on Tuesday, killing 19.",
                       published=PublicationTime(value="2024-10-12", source="metadata"))
    results = {d.id: e for d, e in extract_any_language(nlp, [russian, english])}
    assert {q.measure for q in results["ru"].quantities} >= {"killed", "missing", "detained"}
    assert any(t.date == "2024-10-08" for t in results["en"].times)


def test_an_opening_quote_mark_starts_its_sentence_and_a_pronoun_speaker_resolves() -> None:
    text = (
        "Министр Лена Марек заявила, что поиски продолжатся. «Мы не остановимся», — сказала "
        "она журналистам."
    )
    _, extraction = _extract(text, "2026-03-07")
    reported, direct = sorted(extraction.quotes, key=lambda q: q.start)
    assert reported.text == "поиски продолжатся" and reported.kind == "indirect"
    assert direct.text == "Мы не остановимся" and direct.kind == "direct"
    assert direct.speaker == reported.speaker and "Марек" in direct.speaker
    assert direct.speaker_text == "она"


def test_events_take_the_english_types_and_the_sentence_date(report: Extraction) -> None:
    collapses = [e for e in report.events if e.type == "collapse"]
    assert [(e.text, e.date) for e in collapses] == [("Мост обрушился", "2024-10-08")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("В столкновениях в Тарнове погибли 18 силовиков и 103 мирных жителя.",
         {18: "security forces", 103: "civilians"}),
        ("При пожаре в школе погибли 12 детей.", {12: "children"}),
        ("Всего при обрушении моста погибли 19 человек.", {19: "all people"}),
    ],
)
def test_russian_figures_take_the_group_they_count(text: str, expected: dict[int, str]) -> None:
    from newsprism.crosscheck.scopes import scope_group

    _, extraction = _extract(text, "2024-10-12")
    found = {int(q.low): scope_group(q.scope) for q in extraction.quantities if q.low}
    assert found == expected
