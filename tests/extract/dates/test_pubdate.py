"""Publication-time inference from article text."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsprism.extract.dates.pubdate import complete_years, infer_publication_time

LATEST = date(2026, 11, 23)


def test_weekday_date_pair_fixes_the_year() -> None:
    text = (
        "Fighting broke out on Monday, March 7, near the border. "
        "By March 9 more than 200 families had fled, officials said."
    )
    pub = infer_publication_time(text, "d1", latest=LATEST)
    assert pub.source == "inferred"
    assert pub.value == "2022-03-09"
    assert pub.not_before == "2022-03-09"
    assert any("weekday-date pair" in e.rule for e in pub.evidence)
    assert all(e.doc_id == "d1" for e in pub.evidence)


def test_reporting_cue_pins_the_day() -> None:
    text = (
        "Flooding hit the delta on 12 May 2019. The ministry reported on 14 May that 30 "
        "villages were cut off. Repairs will last until 30 June."
    )
    pub = infer_publication_time(text, latest=LATEST)
    assert pub.value == "2019-05-14"
    assert pub.not_after == "2019-05-15"
    assert pub.confidence >= 0.5


def test_dateline_gives_the_day() -> None:
    text = (
        "KHARTOUM, June 14 (Reuters) - Shelling resumed on June 3, 2023 and again on June 12, "
        "residents said."
    )
    pub = infer_publication_time(text, latest=LATEST)
    assert pub.value == "2023-06-14"
    assert pub.not_after == "2023-06-14"
    assert pub.evidence[0].rule.startswith("dateline")


def test_future_dates_are_not_publication_evidence() -> None:
    text = "A curfew was declared on 3 April 2020. It will stay in force until 30 April."
    assert infer_publication_time(text, latest=LATEST).value == "2020-04-03"


def test_no_year_evidence_is_reported_as_unknown() -> None:
    text = "Protests began on 2 January. Police reported 40 arrests on 4 January."
    pub = infer_publication_time(text, latest=LATEST)
    assert pub.value is None and pub.source == "unknown"
    assert pub.partial == "XXXX-01-04"
    dated = infer_publication_time("Talks opened on Tuesday, January 4, 2022.", latest=LATEST)
    completed = complete_years([pub, dated])
    assert completed[0].value == "2022-01-04"
    assert completed[0].confidence < pub.confidence
    assert completed[1] is dated


def test_nothing_to_go_on_is_unknown_not_today() -> None:
    pub = infer_publication_time("The army was sent in.", latest=LATEST)
    assert pub.value is None
    assert pub.source == "unknown"


def test_seed_publication_windows(seeds_dir, seed_texts) -> None:
    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))["documents"]
    stems = sorted(seed_texts)
    alone = [infer_publication_time(seed_texts[s], s, latest=LATEST) for s in stems]
    completed = complete_years(alone)
    for stem, pub in zip(stems, completed, strict=True):
        window = gold[stem]["published"]
        assert pub.value is not None, stem
        assert window["not_before"] <= pub.value <= window["not_after"], (stem, pub)
        assert pub.evidence
    # 000 states "Sunday, January 2": its year comes from its own text
    first = alone[stems.index(next(s for s in stems if s.startswith("000")))]
    assert first.value is not None and first.value.startswith("2022-")


def test_weekday_date_pair_takes_the_first_year_after_a_named_year() -> None:
    # Monday, Oct. 26 fits 1998, 2009, 2015, 2020, 2026: the article names 1994 in the past
    text = (
        "The dispute began in 1994, when the mill closed. "
        "The council said in a statement on Monday, Oct. 26, that talks would resume."
    )
    pub = infer_publication_time(text, latest=LATEST)
    assert pub.value == "1998-10-26"
    assert "first such year from 1994" in pub.evidence[-1].rule


def test_weekday_date_pair_alone_takes_the_latest_year_with_lower_confidence() -> None:
    text = "The ferry sank on Sunday, January 2, and rescuers searched through the night."
    pub = infer_publication_time(text, latest=LATEST)
    assert pub.value == "2022-01-02"
    assert "the latest is taken" in pub.evidence[-1].rule
    assert pub.confidence < 0.5


def test_years_ago_with_a_named_year_gives_the_year() -> None:
    text = (
        "The dam was finished in 1989 and flooded three villages. "
        "Ten years ago, the valley still held 4,000 people; fewer than 900 remain, residents said."
    )
    pub = infer_publication_time(text, latest=LATEST)
    assert pub.value is None  # no month or day
    assert pub.partial == "1999"
    assert "Ten years ago" in pub.evidence[0].rule


def test_years_named_only_in_plans_give_a_low_confidence_year() -> None:
    text = "The airline said deliveries of the new jets will begin in 2011 and end in 2014."
    pub = infer_publication_time(text, latest=LATEST)
    assert pub.partial == "2010"
    assert pub.evidence and "future context" in pub.evidence[0].rule


def test_deadlines_are_not_reported_events() -> None:
    text = (
        "Shelling hit the port on 3 March 2023, the governor said. "
        "Aid groups must register with the ministry by 20 March, and the new permits take "
        "effect on 1 April."
    )
    pub = infer_publication_time(text, latest=LATEST)
    assert pub.value == "2023-03-03"
    assert pub.not_after is not None and pub.not_after <= "2023-03-20"


def test_only_scheduled_dates_put_publication_shortly_before_them() -> None:
    text = (
        "The electoral commission has set 14 May 2023 as the deadline for candidate lists. "
        "The rights of the old parties expire on 30 May."
    )
    pub = infer_publication_time(text, latest=LATEST)
    assert pub.value == "2023-05-07"
    assert pub.not_after == "2023-05-14"
    assert pub.confidence <= 0.2
    assert "only scheduled dates" in pub.evidence[0].rule


def test_by_a_date_in_the_past_perfect_is_an_event() -> None:
    text = "By 9 March 2022 more than 200 families had fled the district, officials said."
    assert infer_publication_time(text, latest=LATEST).value == "2022-03-09"


@pytest.mark.parametrize(
    "text",
    [
        "KHARTOUM, June 14 (Reuters) - Shelling resumed overnight, residents said.",
        "The dam was finished in 1989. Ten years ago, the valley still held 4,000 people.",
        "The ferry sank on Sunday, January 2, and rescuers searched through the night.",
        "Aid groups must register by 20 March, the ministry said.",
        "Protests began on 2 January. Police reported 40 arrests on 4 January.",
        "The airline said deliveries will begin in 2011.",
    ],
)
def test_every_inference_has_a_confidence_and_an_evidence_sentence(text: str) -> None:
    pub = infer_publication_time(text, "d9", latest=LATEST)
    assert pub.value or pub.partial
    assert pub.confidence > 0
    assert pub.evidence and all(e.text and e.text in text for e in pub.evidence)
    assert all(e.rule and e.doc_id == "d9" for e in pub.evidence)
    if pub.value is None:
        assert pub.source == "unknown"


def test_page_metadata_line_is_a_dateline() -> None:
    text = (
        "Unrest in the west\nPublished: 07.01.2022 14:30\n"
        "Police detained 40 people on Wednesday, officials said."
    )
    pub = infer_publication_time(text, latest=LATEST)
    assert pub.value == "2022-01-07"
    assert pub.evidence[0].rule.startswith("dateline")
    assert pub.confidence >= 0.9


def test_sentences_do_not_end_after_an_abbreviation_however_long_the_word_before() -> None:
    from newsprism.extract.dates.pubdate import _sentences

    text = "Talks resumed on Jan. 5 in Geneva. Mr. Ivanov left. Code " + "x" * 80 + "Jan. 7 came."
    starts = [text[a:b].strip()[:12] for a, b in _sentences(text)]
    # "Jan." and "Mr." do not end a sentence; a long run of letters ending in "Jan" is no
    # abbreviation and does
    assert starts == ["Talks resume", "Mr. Ivanov l", "Code " + "x" * 7, "7 came."]
