"""Publication days from the time a report says has passed since its event
(extract/dates/since_event.py), on team-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.extract.dates.since_event import (
    SinceEvent,
    date_from_event,
    day_after,
    event_day,
    find_since_event,
    recalled_day,
)
from newsprism.model import Document, Extraction, PublicationTime, Story, TimeExpression


@pytest.mark.parametrize(
    ("language", "text", "count", "unit"),
    [
        ("en", "Six days after the blast, the cabinet stepped down.", 6, "day"),
        ("en", "A week after the earthquake, crews still dug by hand.", 1, "week"),
        ("en", "Families marked the second anniversary of the explosion.", 2, "year"),
        ("fr", "Quatre mois après les deux explosions, l'enquête piétine.", 4, "month"),
        ("fr", "Ils marquent le 1er anniversaire de l'explosion du port.", 1, "year"),
        ("de", "Sechs Tage nach der Explosionskatastrophe tritt das Kabinett zurück.", 6, "day"),
        ("de", "Zum zweiten Jahrestag des Erdbebens kamen Tausende.", 2, "year"),
        ("it", "Il governo si è dimesso a sei giorni dall'esplosione.", 6, "day"),
        ("es", "Tres días después de la explosión, el presidente habló.", 3, "day"),
        ("pt", "Uma semana após a explosão, o porto continua fechado.", 1, "week"),
        ("tr", "Depremden bir hafta sonra enkazdan bir çocuk çıkarıldı.", 1, "week"),
        ("ru", "Спустя неделю после взрыва спасатели продолжают поиски.", 1, "week"),
        ("ru", "Через шесть дней после землетрясения нашли выжившего.", 6, "day"),
        ("ar", "بعد ستة أيام من الانفجار استقالت الحكومة.", 6, "day"),
        ("ar", "بعد أسبوعين من الزلزال عاد السكان.", 2, "week"),
        ("zh", "爆炸发生六天后,政府宣布辞职。", 6, "day"),
        ("zh", "港口爆炸二周年之际,家属聚集。", 2, "year"),
        ("ja", "地震発生から6日後に救出された。", 6, "day"),
        ("ko", "지진 발생 일주일 만에 구조됐다.", 1, "week"),
        ("pl", "Dwa tygodnie po wybuchu port wciąż jest zamknięty.", 2, "week"),
        ("hi", "विस्फोट के छह दिन बाद सरकार ने इस्तीफा दे दिया।", 6, "day"),
        ("hu", "Hat nappal a robbanás után lemondott a kormány.", 6, "day"),
        ("sq", "Gjashtë ditë pas shpërthimit qeveria dha dorëheqjen.", 6, "day"),
        ("sr", "Šest dana nakon eksplozije vlada je podnela ostavku.", 6, "day"),
        ("sr", "Недељу дана после земљотреса спасиоци и даље траже.", 1, "week"),
    ],
)
def test_a_time_since_the_event_is_read(language: str, text: str, count: int, unit: str) -> None:
    found = find_since_event(text, language)
    assert [(s.count, s.unit) for s in found] == [(count, unit)]
    assert text[found[0].start : found[0].end] == found[0].text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Two days before the explosion, officials were warned."),  # before, not after
        ("en", "Six days after the meeting, the minister resigned."),  # no event's noun
        ("en", "Six days after. The blast had torn the port apart."),  # another sentence
        ("en", "The toll rose to 12 after the blast."),  # a count, not a time
        ("zh", "2月6日地震后,救援队赶到。"),  # a date, not six days
        ("zh", "他在8日国内爆发示威后宣布选举。"),  # the 后 closes another clause
        ("fr", "Le port est fermé depuis six jours."),  # no event named
        ("xx", "Six days after the blast."),  # a language without words
    ],
)
def test_what_is_not_a_time_since_the_event(language: str, text: str) -> None:
    assert find_since_event(text, language) == []


def test_day_after_counts_calendar_months_and_years() -> None:
    blast = date(2020, 8, 4)
    assert day_after(blast, SinceEvent(0, 0, "", "day", 6)) == date(2020, 8, 10)
    assert day_after(blast, SinceEvent(0, 0, "", "week", 1)) == date(2020, 8, 11)
    assert day_after(blast, SinceEvent(0, 0, "", "month", 5)) == date(2021, 1, 4)
    assert day_after(blast, SinceEvent(0, 0, "", "year", 1)) == date(2021, 8, 4)
    assert day_after(date(2020, 1, 31), SinceEvent(0, 0, "", "month", 1)) == date(2020, 2, 29)
    assert day_after(blast, SinceEvent(0, 0, "", "year", 1), -1) == date(2019, 8, 4)
    assert day_after(blast, SinceEvent(0, 0, "", "year", 40)) is None


def _time(doc_id: str, day: str) -> TimeExpression:
    return TimeExpression(doc_id, 0, 1, "x", "DATE", day, day, "absolute")


def test_the_event_day_is_the_day_most_reports_state() -> None:
    extractions = {
        "a": Extraction("a", times=[_time("a", "2020-08-04"), _time("a", "2020-08-06")]),
        "b": Extraction("b", times=[_time("b", "2020-08-04"), _time("b", "2020-08-04")]),
        "c": Extraction("c", times=[_time("c", "2020-08-06"), _time("c", "2020-08-05")]),
        "d": Extraction("d", times=[_time("d", "2020-08-04")]),
    }
    assert event_day(["a", "b", "c", "d"], extractions) == date(2020, 8, 4)
    # one report's day alone is no event's day
    assert event_day(["a"], extractions) is None


def _corpus() -> tuple[list[Story], dict[str, Document], dict[str, Extraction]]:
    dated = PublicationTime(value="2020-08-05", source="metadata")
    documents = {
        "a": Document(id="a", text="The blast of 4 August killed 100.", language="en",
                      published=dated),
        "b": Document(id="b", text="Die Explosion vom 4. August.", language="de",
                      published=dated),
        "c": Document(id="c", text="Sechs Tage nach der Explosion trat die Regierung zurück.",
                      language="de"),
        "d": Document(id="d", text="Six days after the blast.", language="en",
                      published=PublicationTime(value=None, partial="XXXX-08-12")),
        "e": Document(id="e", text="Six days after the blast.", language="en"),
    }
    extractions = {
        "a": Extraction("a", times=[_time("a", "2020-08-04")]),
        "b": Extraction("b", times=[_time("b", "2020-08-04")]),
        "c": Extraction("c"),
        "d": Extraction("d"),
        "e": Extraction("e"),
    }
    stories = [
        Story("s1", "", ["a", "c", "d"], event_id="ev1"),
        Story("s2", "", ["b"], event_id="ev1"),
        Story("s3", "", ["e"], event_id="ev2"),  # an event with no day of its own
    ]
    return stories, documents, extractions


def test_an_undated_report_takes_its_events_day_plus_the_time_it_states() -> None:
    stories, documents, extractions = _corpus()
    changed = date_from_event(stories, documents, extractions, today=date(2026, 1, 1))
    assert [d.id for d in changed] == ["c"]
    published = documents["c"].published
    assert (published.value, published.source) == ("2020-08-10", "inferred")
    assert published.evidence[0].text == "Sechs Tage"
    # the day it counts from is a day the report states, for the link stage
    assert recalled_day(documents["c"]) == date(2020, 8, 4)
    # a month and day the report's own text fixed is not overruled; dated reports stay
    assert documents["d"].published.value is None
    assert documents["a"].published.value == "2020-08-05"
    assert documents["e"].published.value is None


def test_a_day_after_today_is_not_taken() -> None:
    stories, documents, extractions = _corpus()
    assert date_from_event(stories, documents, extractions, today=date(2020, 8, 6)) == []


def test_a_report_counting_from_another_kind_of_event_is_not_dated() -> None:
    stories, documents, extractions = _corpus()
    for doc_id, text in (("a", "The explosion of 4 August killed 100."),
                         ("d", "The explosion destroyed the port.")):
        documents[doc_id].text = text
    documents["f"] = Document(id="f", text="Six days after the earthquake, rescuers left.",
                              language="en")
    extractions["f"] = Extraction("f")
    stories[0].doc_ids.append("f")
    date_from_event(stories, documents, extractions, today=date(2026, 1, 1))
    # the event's other English reports call it an explosion, never an earthquake
    assert documents["f"].published.value is None
    assert documents["c"].published.value == "2020-08-10"


def test_a_story_that_keeps_naming_another_day_is_not_dated() -> None:
    stories, documents, extractions = _corpus()
    documents["g"] = Document(id="g", text="Lundi 6 février, le séisme.", language="fr")
    documents["h"] = Document(id="h", text="Six jours après le séisme du 6 février.",
                              language="fr")
    extractions["g"] = Extraction("g", times=[_time("g", "XXXX-02-06")])
    extractions["h"] = Extraction("h", times=[_time("h", "XXXX-02-06")])
    stories.append(Story("s4", "", ["g", "h"], event_id="ev1"))  # linked to the blast by mistake
    date_from_event(stories, documents, extractions, today=date(2026, 1, 1))
    assert documents["h"].published.value is None
