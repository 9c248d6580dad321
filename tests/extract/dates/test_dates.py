"""Time expressions: recognition, TimeML normalisation, the spaCy component and as-of dates."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.extract.dates.component import date_at, normalise_times
from newsprism.extract.dates.timex_calendar import shift_value
from newsprism.extract.dates.timex_prefilter import openings
from newsprism.extract.dates.timex_rules import _STARTS, tag
from newsprism.model import PublicationTime, TimeExpression

REF = date(2022, 1, 7)  # a Friday


def _values(text: str, reference: date | None = REF) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag(text, reference)}


@pytest.mark.parametrize(
    ("sentence", "span", "kind", "value"),
    [
        ("Protests began in Almaty on January 2, 2022.", "January 2, 2022", "DATE", "2022-01-02"),
        ("Protests began in Almaty on January 2.", "January 2", "DATE", "2022-01-02"),
        ("A curfew was imposed on 5 January.", "5 January", "DATE", "2022-01-05"),
        ("Talks ended on Jan. 5 without a deal.", "Jan. 5", "DATE", "2022-01-05"),
        ("Troops arrived on Tuesday.", "Tuesday", "DATE", "2022-01-04"),
        ("The ministers will meet on Tuesday.", "Tuesday", "DATE", "2022-01-11"),
        ("Police detained 40 people yesterday.", "yesterday", "DATE", "2022-01-06"),
        ("Shops reopened today.", "today", "DATE", "2022-01-07"),
        ("Fuel prices rose sharply last week.", "last week", "DATE", "2021-W52"),
        ("The strike spread earlier this month.", "earlier this month", "DATE", "2022-01"),
        ("The unrest started in early January.", "early January", "DATE", "2022-01"),
        ("A state of emergency was declared for 180 days.", "180 days", "DURATION", "P180D"),
        ("Parliament approved a two-week state of emergency.", "two-week", "DURATION", "P2W"),
        ("The ceasefire held for the past two months.", "the past two months", "DURATION", "P2M"),
        ("The convoy was attacked on the morning of 7 January.", "the morning of 7 January",
         "TIME", "2022-01-07TMO"),
        ("Rebels shelled the town at 10:30 a.m. on Friday.", "10:30 a.m. on Friday", "TIME",
         "2022-01-07T10:30"),
        ("Aid flights now arrive daily.", "daily", "SET", "P1D"),
        ("The situation is now calm.", "now", "DATE", "PRESENT_REF"),
        ("Exports fell in the third quarter.", "the third quarter", "DATE", "2021-Q3"),
        ("The dam was built in 1998.", "1998", "DATE", "1998"),
        ("Refugees have crossed the border since the 1990s.", "the 1990s", "DATE", "199"),
        ("Three days ago, the airport was seized.", "Three days ago", "DATE", "2022-01-04"),
        ("Output fell in the first quarter of last year.", "the first quarter of last year", "DATE",
         "2021-Q1"),
        ("It took 2 1/2 years to rebuild the bridge.", "2 1/2 years", "DURATION", "P2Y6M"),
        ("Aid arrived in June last year.", "June last year", "DATE", "2021-06"),
        ("The blockade could go on for two more weeks.", "two more weeks", "DURATION", "P2W"),
        ("The decades-long border dispute flared again.", "decades-long", "DURATION", "PXY"),
        ("The quake struck at 4 in the morning on Thursday.", "4 in the morning on Thursday",
         "TIME", "2022-01-06T04:00"),
        ("Voters head to the polls on Election Day.", "Election Day", "DATE", "2021-11-02"),
        ("Talks resume the week of January 17.", "the week of January 17", "DATE", "2022-W03"),
        ("Elections are due this September.", "this September", "DATE", "2022-09"),
        ("The pledge to halve poverty by the year two thousand has now been dropped.",
         "the year two thousand", "DATE", "2000"),
        ("Losses widened in the year ended Sept. 30.", "the year", "DURATION", "P1Y"),
        ("Shelling resumed in mid-afternoon.", "mid-afternoon", "TIME", "2022-01-07TAF"),
        ("Repairs took a couple of years.", "a couple of years", "DURATION", "P2Y"),
        ("The airline flies four times a week to Goma.", "a week", "SET", "P1W"),
        ("The blockade costs the port $2 million a year.", "a year", "SET", "P1Y"),
        ("The ban lasts a year.", "a year", "DURATION", "P1Y"),
        ("Markets fell sharply earlier today.", "earlier today", "DATE", "2022-01-07"),
        ("Prices rose at the beginning of the year.", "the beginning of the year", "DATE", "2022"),
        ("Losses grew at the end of last year.", "the end of last year", "DATE", "2021"),
        ("Trading resumed at 0830 UTC.", "0830 UTC", "TIME", "2022-01-07T08:30Z"),
        ("The siege lasted almost two and a half years.", "almost two and a half years",
         "DURATION", "P2Y6M"),
        ("Rescuers searched for an hour and a half.", "an hour and a half", "DURATION", "PT1H30M"),
        ("The sale should be completed in July.", "July", "DATE", "2022-07"),
        ("Last Friday, shells hit the market.", "Last Friday", "DATE", "2021-12-31"),
        ("Last April the mill closed.", "Last April", "DATE", "2021-04"),
        ("Sales for this year's first quarter fell.", "this year's first quarter", "DATE",
         "2022-Q1"),
        ("The city is quiet right now.", "right now", "DATE", "PRESENT_REF"),
        ("More recently, talks resumed.", "More recently", "DATE", "PAST_REF"),
        ("The envoy will speak later this afternoon.", "later this afternoon", "TIME",
         "2022-01-07TAF"),
        ("Convoys leave on Tuesdays.", "Tuesdays", "SET", "XXXX-WXX-2"),
        ("Curfew is strict on Friday nights.", "Friday nights", "SET", "XXXX-WXX-5TNI"),
        ("The river floods each July.", "each July", "SET", "XXXX-07"),
        ("Then, a week or so ago, the talks collapsed.", "a week or so ago", "DATE", "2021-W52"),
        ("Growth slowed in the last half of 2021.", "the last half of 2021", "DATE", "2021-H2"),
        ("The unrest began on 2.1.2022.", "2.1.2022", "DATE", "2022-01-02"),
        ("Posted 2022-01-07T10:30:00Z by the ministry.", "2022-01-07T10:30:00Z", "TIME",
         "2022-01-07T10:30Z"),
        ("Order was restored by the end of the week.", "the end of the week", "DATE", "2022-W01"),
        ("Prices may rise in the coming years.", "the coming years", "DURATION", "PXY"),
        ("The markets closed at 16:08 UTC.", "16:08 UTC", "TIME", "2022-01-07T16:08Z"),
        ("Shelling resumed yesterday morning.", "yesterday morning", "TIME", "2022-01-06TMO"),
        ("Crews return tomorrow night.", "tomorrow night", "TIME", "2022-01-08TNI"),
        ("Floods doubled over the past decade.", "the past decade", "DURATION", "P10Y"),
        ("The worst drought this century hit the south.", "this century", "DATE", "20"),
    ],
)
def test_tag_recognises_and_normalises(sentence: str, span: str, kind: str, value: str) -> None:
    found = _values(sentence)
    assert span in found, found
    assert found[span] == (kind, value)


def test_tag_anchors_later_on_previous_date() -> None:
    text = "Rebels took the bridge on 3 March 2021. Two days later, the army retook it."
    times = tag(text, REF)
    later = next(t for t in times if t.text == "Two days later")
    assert (later.value, later.anchor) == ("2021-03-05", "previous")


def test_tag_puts_a_bare_clock_time_on_the_day_just_named() -> None:
    text = "The dam gave way on 3 March 2021. Sirens sounded at 6 a.m., residents said."
    values = {t.text: (t.value, t.anchor) for t in tag(text, REF)}
    assert values["6 a.m."] == ("2021-03-03T06:00", "previous")


def test_tag_puts_the_next_morning_after_the_day_just_named() -> None:
    text = "The ferry sank on 3 March 2021. The next morning, divers reached the hull."
    values = {t.text: (t.value, t.anchor) for t in tag(text, REF)}
    assert values["The next morning"] == ("2021-03-04TMO", "previous")


def test_tag_reads_tense_around_a_sentence_opening_weekday() -> None:
    # REF is Friday 7 January 2022
    future = tag("On Tuesday, the regional flood authority plans to reopen the bridge.", REF)
    assert future[0].value == "2022-01-11"
    past = tag("On Tuesday, the flood authority planned to reopen the bridge.", REF)
    assert past[0].value == "2022-01-04"
    reported = tag("On Tuesday, the authority said it will reopen the bridge.", REF)
    assert reported[0].value == "2022-01-04"
    until = tag("Until Thursday, officials had not named the missing crew.", REF)
    assert until[0].value == "2022-01-06"


def test_tag_anchors_the_following_year_on_the_story() -> None:
    text = "The mine closed in March 1995. The following year, it was flooded. A day later, too."
    values = {t.text: (t.value, t.anchor) for t in tag(text, REF)}
    assert values["The following year"] == ("1996", "previous")


def test_tag_without_reference_leaves_year_open() -> None:
    times = tag("Protests began on January 2 and spread by Tuesday.", None)
    assert [t.value for t in times] == ["XXXX-01-02", "XXXX-WXX-2"]
    assert all(t.date is None for t in times)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police detained 2000 people and seized 1500 rifles.",
        "Thousands joined the annual March for Peace in the capital.",
        "The suspect, a 26-year-old student, was released.",
        "The party daily Pravda printed the decree.",
        "The commander, in his 50s, denied the charge.",
        "He told CBS's 60 Minutes that the talks had failed.",
        "Witnesses said his 1998 Lada was found burnt out.",
    ],
)
def test_tag_ignores_look_alikes(sentence: str) -> None:
    assert _values(sentence) == {}


def test_tag_uses_the_previous_year_for_a_late_month_in_january() -> None:
    assert _values("The price cap was lifted on December 28.")["December 28"][1] == "2021-12-28"


@pytest.mark.parametrize(
    ("value", "amount", "unit", "expected"),
    [
        ("1989-Q3", -1, "year", "1988-Q3"),
        ("2022-01-30", 2, "day", "2022-02-01"),
        ("2022-01", -1, "month", "2021-12"),
        ("2022-W01", -1, "week", "2021-W52"),
    ],
)
def test_shift_value(value: str, amount: int, unit: str, expected: str) -> None:
    assert shift_value(value, amount, unit) == expected


def test_date_at_prefers_the_date_in_the_sentence() -> None:
    text = "On January 6, troops arrived. By then 18 officers had died."
    times = normalise_times(text, REF, doc_id="d1")
    assert all(isinstance(t, TimeExpression) and t.doc_id == "d1" for t in times)
    pub = PublicationTime(value="2022-01-07", source="metadata")
    assert date_at(times, 14, 20, sentence_start=0, sentence_end=29, publication=pub) == (
        "2022-01-06"
    )
    assert date_at(times, 38, 40, sentence_start=30, sentence_end=59, publication=pub) == (
        "2022-01-07"
    )
    assert date_at(times, 38, 40, sentence_start=30, sentence_end=59) is None


def test_component_uses_given_publication_time(nlp) -> None:
    from newsprism.extract import make_doc
    from newsprism.model import Document, document_id

    text = "Protesters gathered on Tuesday. On Wednesday the government resigned."
    published = PublicationTime(value="2022-01-07", source="metadata", confidence=1.0)
    document = Document(id=document_id(text), text=text, published=published)
    doc = nlp(make_doc(nlp, document))
    assert doc._.publication is published
    assert [(t.text, t.date) for t in doc._.times] == [
        ("Tuesday", "2022-01-04"),
        ("Wednesday", "2022-01-05"),
    ]
    assert all(t.doc_id == document.id for t in doc._.times)


def test_component_without_evidence_reports_unknown(nlp) -> None:
    doc = nlp("The army was sent in to restore order.")
    assert doc._.publication.value is None
    assert doc._.publication.source == "unknown"
    assert doc._.times == []


def test_component_on_seeds_gets_every_gold_date(nlp, seeds_dir, seed_texts) -> None:
    from newsprism.extract.dates.component import complete_years

    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))["documents"]
    docs = {}
    for stem, text in seed_texts.items():
        doc = nlp.make_doc(text)
        doc._.doc_id = stem
        docs[stem] = nlp(doc)
    # the year-less article takes its year from the story's other article, then is re-tagged
    stems = sorted(docs)
    completed = complete_years([docs[s]._.publication for s in stems])
    for stem, publication in zip(stems, completed, strict=True):
        if publication is not docs[stem]._.publication:
            reference = date.fromisoformat(publication.value)
            docs[stem]._.times = normalise_times(docs[stem], reference)
    for stem, info in gold.items():
        times = docs[stem]._.times
        for item in info["dates"]:
            text = seed_texts[stem]
            at = text.index(item["contains"])
            window = (at, at + len(item["contains"]))
            hits = [t for t in times if t.start < window[1] and window[0] < t.end]
            assert any(t.date == item["value"] for t in hits), (stem, item, hits)


_WORDS = [
    "on", "Friday", "January", "2", "31", "2022", ",", "last", "week", "two", "days", "later",
    "ago", "the", "third", "quarter", "morning", "of", "7", "Feb.", "29", "99999", "years",
    "year-earlier", "10:30", "p.m.", "daily", "now", "until", "will", "said", "1/2/03", "'s",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=25),
    st.sampled_from([None, REF, date(2000, 2, 29)]),
)
def test_tag_never_fails_and_spans_match_text(words: list[str], reference: date | None) -> None:
    text = " ".join(words)
    for t in tag(text, reference):
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value


def test_complete_documents_borrows_the_year_and_renormalises(nlp) -> None:
    from newsprism.extract import extract_document
    from newsprism.extract.dates.component import complete_documents
    from newsprism.model import Document, document_id

    texts = [
        "Clashes began on Monday, March 7, and by March 9 the army had moved in, officials said.",
        "Officials reported on 10 March that 40 people were detained on March 8.",
    ]
    pairs = [extract_document(nlp, Document(id=document_id(t), text=t)) for t in texts]
    documents = [d for d, _ in pairs]
    extractions = [e for _, e in pairs]
    # March 7 is a Monday in 2022 (and next in 2033): the latest such year not after today
    assert documents[0].published.value == "2022-03-09"
    assert documents[1].published.value is None
    assert complete_documents(documents, extractions) == 1
    assert documents[1].published.value == "2022-03-10"
    assert [t.date for t in extractions[1].times] == ["2022-03-10", "2022-03-08"]


def test_year_ago_period_after_a_period_of_last_year_is_that_period() -> None:
    text = (
        "The airline lost $3 million in the 2021 period. The year-ago results included a "
        "one-time charge."
    )
    assert _values(text)["year-ago"] == ("DATE", "2021")
    after_day = _values("Profit fell in the quarter ended Sept. 30, from the year-ago quarter.")
    assert after_day["the year-ago quarter"] == ("DATE", "2020-Q3")


def test_weekday_at_the_end_of_a_title_line_before_a_date_line() -> None:
    text = "Markets to stay closed until Friday\nSeptember 18, 2008\nTrading was halted."
    values = _values(text, date(2008, 9, 18))
    assert values["Friday"] == ("DATE", "2008-09-19")
    assert values["September 18, 2008"] == ("DATE", "2008-09-18")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Clashes erupted on the night of 5-6 January.",
         [("5", "2022-01-05"), ("6 January", "2022-01-06")]),
        ("Protests continued from 2 to 5 January 2021.",
         [("2", "2021-01-02"), ("5 January 2021", "2021-01-05")]),
        ("Talks on April 24 and 25 were tense.",
         [("April 24", "2022-04-24"), ("25", "2022-04-25")]),
        ("The summit is set for January 14-16.",
         [("January 14", "2022-01-14"), ("16", "2022-01-16")]),
        ("On April 24 and 25 people died.", [("April 24", "2022-04-24")]),
        ("On 12 January 30 people were killed.", [("12 January", "2022-01-12")]),
    ],
)
def test_day_ranges_give_both_days(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(sentence, REF)] == expected



@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        # a future cue farther back in the sentence than a clause's width still counts
        ("The airline will nearly double the number of its weekly flights between the two "
         "capitals by August.", "August", "2022-08"),
        ("The ministry will send another convoy of food and medicine to the region on March 3.",
         "March 3", "2022-03-03"),
        # a past verb nearer the date than the future cue decides
        ("The mayor will resign, aides said, after the vote that took place in December.",
         "December", "2021-12"),
    ],
)
def test_tag_reads_the_tense_of_the_sentence_for_year_less_dates(
    sentence: str, span: str, value: str
) -> None:
    assert _values(sentence)[span] == ("DATE", value)


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("A vigil planned at the town hall for Thursday was cancelled after threats.",
         "Thursday", "2022-01-06"),
        ("The ultimatum had been scheduled to expire Wednesday.", "Wednesday", "2022-01-05"),
        ("The offensive began as originally planned Tuesday night.", "Tuesday night",
         "2022-01-04TNI"),
        # a plan still standing stays in the future
        ("A vigil is planned at the town hall for Thursday.", "Thursday", "2022-01-13"),
    ],
)
def test_tag_reads_a_plan_told_in_the_past_as_past(sentence: str, span: str, value: str) -> None:
    assert _values(sentence)[span][1] == value


def test_tag_anchors_relative_dates_on_a_dateline_a_day_before_the_reference() -> None:
    text = "NAIROBI, January 6 (Reuters) --\nPolice said today that 12 people were detained."
    assert _values(text)["today"] == ("DATE", "2022-01-06")
    far = "NAIROBI, December 20 (Reuters) --\nPolice said today that 12 people were detained."
    assert _values(far)["today"] == ("DATE", "2022-01-07")  # too far apart: the given date


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Aid workers left the day before yesterday.", "the day before yesterday", "2022-01-05"),
        ("The day before last Tuesday's hearing, the lawyers met.", "The day before last Tuesday",
         "2022-01-03"),
        ("Talks resume the day after tomorrow.", "the day after tomorrow", "2022-01-09"),
    ],
)
def test_tag_takes_the_day_before_or_after_a_day_as_one_date(
    sentence: str, span: str, value: str
) -> None:
    assert _values(sentence)[span] == ("DATE", value)


def test_tag_reads_singular_long_units_and_skips_high_noon() -> None:
    values = _values("After a day-long meeting, the mayor said high noon comes today.")
    assert values["day-long"] == ("DURATION", "P1D")
    assert "noon" not in values


def test_tag_gives_a_month_the_year_of_a_following_of_next_year() -> None:
    values = _values("Licences will not be renewed after October of next year.")
    assert values["October"] == ("DATE", "2023-10")
    assert values["next year"] == ("DATE", "2023")


def test_tag_puts_a_coming_quarter_in_this_year_when_the_sentence_is_future() -> None:
    assert _values("Two plants will close in the third quarter.", date(2022, 5, 3))[
        "the third quarter"
    ] == ("DATE", "2022-Q3")
    assert _values("Exports fell in the third quarter.", date(2022, 5, 3))[
        "the third quarter"
    ] == ("DATE", "2021-Q3")


@pytest.mark.parametrize(
    ("sentence", "reference", "span", "value"),
    [
        ("Pilgrims filled the square as Easter week began.", date(2000, 4, 17), "Easter week",
         "2000-W16"),
        ("Shops will close on Good Friday.", date(2022, 4, 1), "Good Friday", "2022-04-15"),
        ("The ceasefire broke down on Easter Monday.", date(2022, 5, 2), "Easter Monday",
         "2022-04-18"),
        ("The uprising began at Easter 1916.", date(2022, 5, 2), "Easter 1916", "1916-04-23"),
    ],
)
def test_tag_dates_movable_feasts(sentence: str, reference: date, span: str, value: str) -> None:
    assert _values(sentence, reference)[span] == ("DATE", value)


def test_tag_does_not_take_easter_island_for_a_date() -> None:
    assert "Easter" not in _values("A cargo ship reached Easter Island.")


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The flooding began in the winter of nineteen ninety-four.",
         "the winter of nineteen ninety-four", "1994-WI"),
        ("Talks collapsed in January nineteen ninety-seven.", "January nineteen ninety-seven",
         "1997-01"),
        ("The treaty was signed in June two thousand.", "June two thousand", "2000-06"),
    ],
)
def test_tag_reads_spoken_years_after_months_and_seasons(
    sentence: str, span: str, value: str
) -> None:
    assert _values(sentence)[span] == ("DATE", value)


def test_tag_keeps_a_spoken_day_after_a_month_out_of_the_year() -> None:
    assert "January" in _values("The envoy returns on January nineteen.")


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("For the year, grain exports were flat.", "the year"),
        ("Planting was delayed earlier in the year by heavy rains.", "earlier in the year"),
        ("Losses grew in the first nine months of the year.", "the year"),
    ],
)
def test_tag_reads_the_year_of_a_report_as_the_current_year(sentence: str, span: str) -> None:
    assert _values(sentence)[span] == ("DATE", "2022")


def test_tag_leaves_awards_of_the_year_alone() -> None:
    assert "the year" not in _values("She was named player of the year.")
    assert _values("For the year ended Sept. 30, profit rose.")["the year"] == ("DURATION", "P1Y")


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("On Wednesday the index fell 3%, to end the day at 7,114.", "the day", "2022-01-05"),
        ("For the day, the rouble lost 2% against the dollar.", "the day", "2022-01-07"),
        ("Shares slid at the start of the day.", "the start of the day", "2022-01-07"),
        ("The figures came out on Monday, and the bank cut rates the same day.", "the same day",
         "2022-01-03"),
    ],
)
def test_tag_puts_the_day_of_a_market_report_on_the_story_day(
    sentence: str, span: str, value: str
) -> None:
    assert _values(sentence)[span] == ("DATE", value)


def test_tag_leaves_the_day_before_an_event_alone() -> None:
    assert "the day" not in _values("Envoys met the day before the vote.")


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The rouble rose after six straight days of losses.", "six straight days", "P6D"),
        ("The economy shrank for two consecutive quarters.", "two consecutive quarters", "P2Q"),
        ("In the years that followed, the border stayed closed.", "the years", "PXY"),
        ("The mayor thanked volunteers for their work over the years.", "the years", "PXY"),
    ],
)
def test_tag_reads_runs_of_units_and_the_years_as_durations(
    sentence: str, span: str, value: str
) -> None:
    assert _values(sentence)[span] == ("DURATION", value)


@pytest.mark.parametrize(
    "sentence",
    [
        "The hostage, 37 years old when he was seized, was freed.",
        "Junk bonds account for more than a quarter of the fund's assets.",
        'The minister said on ABC\'s "This Week" that talks would go on.',
        "He told USA Today that the ceasefire would hold.",
    ],
)
def test_tag_ignores_ages_fractions_and_titles(sentence: str) -> None:
    assert tag(sentence, REF) == []


def test_tag_keeps_consecutive_quarters_of_growth_as_time() -> None:
    values = _values("Japan entered a recession after two consecutive quarters of decline.")
    assert values["two consecutive quarters"] == ("DURATION", "P2Q")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Prices rose. In November, the central bank raised its rate.", "2021-11"),
        ("Prices rose. In early November, the central bank raised its rate.", "2021-11"),
        # a future cue keeps an opening month ahead
        ("Prices rose. In November, the central bank will raise its rate.", "2022-11"),
        # "since" looks back whatever the tense
        ("Prices have risen since November and will keep rising.", "2021-11"),
        ("Prices have risen since November 3 and will keep rising.", "2021-11-03"),
    ],
)
def test_tag_reads_a_sentence_opening_month_as_the_latest_one(sentence: str, value: str) -> None:
    reference = date(2022, 10, 20)  # the nearest November is the coming one
    assert next(t.value for t in tag(sentence, reference) if "November" in t.text) == value


def test_tag_reads_now_that_as_the_present() -> None:
    # TimeBank and AQUAINT annotate "now that" as the present 3 times in 3
    assert _values("Aqaba is the only port left now that the roads are closed.")["now"] == (
        "DATE", "PRESENT_REF",
    )


def test_tag_gives_an_hour_later_its_length() -> None:
    values = _values("He was declared dead just over an hour later.")
    assert values["an hour later"] == ("DURATION", "PT1H")


def test_tag_keeps_an_offset_from_a_coarser_date_at_that_date_s_granularity() -> None:
    # before: "a week later" fell back to a week after publication
    values = _values("In March, a week later, the clinic was attacked.")
    assert values["a week later"] == ("DATE", "2021-03")


def test_tag_gives_a_vague_offset_its_length() -> None:
    values = _values("The envoy arrived on Monday. A few days later, talks resumed.")
    assert values["A few days later"] == ("DURATION", "PXD")
    assert _values("Several weeks ago, the talks collapsed.")["Several weeks ago"] == (
        "DATE", "PAST_REF",
    )


def test_tag_puts_mid_afternoon_yesterday_on_yesterday() -> None:
    values = _values("In London at mid-afternoon yesterday, the shares were up.")
    assert values["mid-afternoon yesterday"] == ("TIME", "2022-01-06TAF")


# --- the start-position pre-filter (timex_prefilter) ---------------------------------------------

_PREFILTER_TEXTS = [
    "On Tuesday, March 3, 2020, the ministers met; two days later the talks collapsed.",
    "THE CEASEFIRE HELD FOR THE PAST TWO MONTHS, UNTIL LATE NOVEMBER 1998.",
    "Shelling resumed at 4:30 a.m.\ton Friday and\nlasted 36 hours; by mid-afternoon yesterday",
    "In May, the 1990s-era dam (built 1987-88) failed; earlier this year, the third-quarter loss",
    "He said it was now, or never: every Monday since Easter week, the year-long decades-long",
    "The fiscal year ended Sept. 30; the year-earlier period, nineteen ninety-seven, 5-6 January",
    "Prices rose 3% in the first half of 2021 and 2 1/2 years ago; the 18th century; 07.01.2022",
    "Rebels took the town in the spring of two thousand and one, a day-long siege, the weekend",
    "Talks resume the week of January 17 – the day before yesterday – twice a week, nightly",
    "Aid arrived ١٢ January; the 2022-01-07T10:30Z report, 1/7/22, the coming weeks, tonight",
    "He ran in '08 and ’12; the film ‘13 Hours’ opened; the crash of '87 (in '90s terms)",
]


def test_prefilter_gives_the_same_matches_as_a_full_scan() -> None:
    for text in _PREFILTER_TEXTS + [t.lower() for t in _PREFILTER_TEXTS]:
        starts = _STARTS.positions(text)
        assert starts is not None
        for index, pattern in enumerate(_STARTS.patterns):
            expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            found = [(m.span(), m.groupdict()) for m in _STARTS.finditer(index, text, starts)]
            assert found == expected, (pattern.pattern[:60], text)


_TIME_WORDS = st.sampled_from(
    ["the", "last", "next", "week", "year", "Monday", "March", "May", "3", "1998", "days", "ago",
     "later", "two", "nineteen", "ninety-seven", "of", "in", "early", "mid-", "quarter", "now",
     "a.m.", "10:30", "the day", "before", "Christmas", "-", ",", "spring", "'90s", "for"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_TIME_WORDS, min_size=1, max_size=12), st.sampled_from([" ", "\n", "  ", "-"]))
def test_prefilter_matches_a_full_scan_on_any_run_of_time_words(
    words: list[str], joiner: str
) -> None:
    text = joiner.join(words)
    starts = _STARTS.positions(text)
    for index, pattern in enumerate(_STARTS.patterns):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _STARTS.finditer(index, text, starts)] == expected


def test_prefilter_lists_a_pattern_s_openings() -> None:
    pattern = re.compile(r"(?<![\w-])(?:last|next) week|\d+ days?", re.IGNORECASE)
    # any digit is "0"; "0 day" is shorter than 6 because the match may end there
    assert openings(pattern, 6) == {
        "last w", "next w", "0 days", "0 day", "00 day", "000 da", "0000 d", "00000 ", "000000"
    }
    assert openings(re.compile(r"\w+ ago"), 6) is None  # may open with anything


def test_prefilter_scans_in_full_without_python_s_private_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsprism.extract.dates import timex_prefilter

    monkeypatch.setattr(timex_prefilter, "sre_parse", None)
    pattern = re.compile(r"(?<![\w-])(?:last|next) week", re.IGNORECASE)
    assert openings(pattern, 6) is None
    fallback = timex_prefilter.StartFilter([pattern])
    assert fallback.scanned == {0}
    text = "Talks stalled last week and resume next week."
    found = [m.span() for m in fallback.finditer(0, text, fallback.positions(text))]
    assert found == [m.span() for m in pattern.finditer(text)] and len(found) == 2


def test_prefilter_scans_in_full_when_case_folding_is_not_lower_case() -> None:
    # the long s folds to "s" under IGNORECASE but its lower case is itself
    text = "The \u017funday talks, on Sunday, lasted two days."
    assert _STARTS.positions(text) is None
    assert [t.text for t in tag(text, REF)] == ["Sunday", "two days"]


# --- dates told as done, and passives --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "reference", "span", "value"),
    [
        # a past-tense verb right before a year-less date: the event has happened, so the date
        # is not the coming one even when that one is nearer
        ("In the fiscal year ended Jan. 31, the chain reported sales of $59 million.",
         date(2021, 10, 31), "Jan. 31", "2021-01-31"),
        ("Since the group bought the mill in February, it has cut 300 jobs.",
         date(2021, 10, 30), "February", "2021-02"),
        ("Rebels seized the airport in December.", date(2021, 9, 7), "December", "2020-12"),
        # deadlines and plans after a past verb keep the nearest date
        ("The board declared a dividend payable Dec. 15 to holders of record Nov. 20.",
         date(2021, 11, 2), "Dec. 15", "2021-12-15"),
        ("The board said it will redeem its preferred shares on Oct. 31.",
         date(2021, 10, 27), "Oct. 31", "2021-10-31"),
        ("The closing, which is expected in December, needs approval.",
         date(2021, 11, 2), "December", "2021-12"),
    ],
)  # fmt: skip
def test_tag_puts_a_date_told_as_done_in_the_past(
    sentence: str, reference: date, span: str, value: str
) -> None:
    assert _values(sentence, reference)[span] == ("DATE", value)


def test_tag_reads_a_passive_after_will_as_future() -> None:
    # "named" after "be" is no past tense: the clause is future, and a future clause names the
    # coming December although the last one is nearer
    values = _values("Collins will be named commander for a mission in December.", date(2022, 3, 4))
    assert values["December"] == ("DATE", "2022-12")


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Car sales fell 30% in November, compared to the same month a year ago.",
         "the same month a year ago", "2020-11"),
        ("The mill lost $8 million in the quarter ended Sept. 30, against a profit in the "
         "corresponding period last year.", "the corresponding period last year", "2020-Q3"),
        ("Exports rose, compared with the same period last year.", "the same period last year",
         "2021"),
    ],
)  # fmt: skip
def test_tag_reads_the_same_period_a_year_back_as_one_expression(
    sentence: str, span: str, value: str
) -> None:
    # the period just named, a year back (TimeML: one expression for the whole phrase)
    assert _values(sentence, date(2022, 1, 7))[span] == ("DATE", value)


def test_tag_reads_one_day_after_a_modal_as_the_future() -> None:
    # "will one day be" is an unspecified day to come; "lasted one day" stays a length
    assert _values("The town will one day be rebuilt.")["one day"] == ("DATE", "FUTURE_REF")
    assert _values("The strike lasted one day.")["one day"] == ("DURATION", "P1D")


def test_tag_reads_a_clipped_year_after_a_word_that_takes_a_date() -> None:
    values = _values("He ran in '08 and '12, and after the crash of '87.", date(2016, 1, 12))
    assert values["'08"] == ("DATE", "2008")
    assert values["'12"] == ("DATE", "2012")
    assert values["'87"] == ("DATE", "1987")
    # an apostrophe and two digits elsewhere open a quote or a title
    assert _values("The film ’13 Hours’ opened on Friday.", date(2016, 1, 12)).keys() == {
        "Friday"
    }


def test_tag_counts_trading_and_working_days_as_days() -> None:
    values = _values("For the past five trading days, the index has fallen.")
    assert values["the past five trading days"] == ("DURATION", "P5D")
    assert _values("Refunds take ten working days.")["ten working days"] == ("DURATION", "P10D")


def test_tag_reads_bare_minutes_hours_and_days_after_a_preposition_as_lengths() -> None:
    assert _values("The gains were lost in minutes.")["minutes"] == ("DURATION", "PTXM")
    assert _values("Crowds waited for hours at the border.")["hours"] == ("DURATION", "PTXH")
    assert _values("The ceasefire collapsed within days.")["days"] == ("DURATION", "PXD")
