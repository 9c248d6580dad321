"""Quote and attribution extraction on real sentences (written for these tests) and the seeds."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from newsprism.model import Quote


def quotes(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return doc._.quotes


def only(found: list[Quote], contains: str) -> Quote:
    matches = [q for q in found if contains.casefold() in q.text.casefold()]
    assert len(matches) == 1, [(q.text, q.speaker) for q in found]
    return matches[0]


def test_direct_quote_then_speaker(nlp: Language) -> None:
    text = ('Floodwater reached the old bridge on Tuesday. "We have never seen the river this high '
            'in March," Anna Kowalczyk, the town mayor, said.')
    quote = only(quotes(nlp, text), "never seen the river")
    assert quote.kind == "direct"
    assert quote.speaker == "Anna Kowalczyk"
    assert quote.cue == "say"
    assert quote.cue_start is not None and text[quote.cue_start : quote.cue_end] == "said"
    assert text[quote.start : quote.end] == quote.text
    assert not quote.text.startswith('"')


def test_title_and_name_between_quotation_and_cue(nlp: Language) -> None:
    # the small model takes a word inside the quotation ("many") as the subject of "told"
    text = ('"We counted at least 1,500 people detained on Friday alone, many of them teenagers," '
            "the group's director, Sofia Renn, told the Meridian Post.")
    found = quotes(nlp, text)
    quote = only(found, "We counted")
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Sofia Renn", "tell")
    assert all("teenagers" not in q.speaker for q in found)


def test_curly_and_guillemet_marks(nlp: Language) -> None:
    curly = "Marek Nowak said: “The dam will hold if the rain stops by Friday.”"
    guillemets = "Marek Nowak told reporters: «The dam will hold if the rain stops by Friday.»"
    for text in (curly, guillemets):
        quote = only(quotes(nlp, text), "dam will hold")
        assert quote.speaker == "Marek Nowak"
        assert quote.kind == "direct"


def test_reported_speech_and_pronoun(nlp: Language) -> None:
    text = ("Interior minister Laila Haddad visited the shelters on Monday. She warned that more "
            "villages could be cut off by the weekend.")
    quote = only(quotes(nlp, text), "more villages could be cut off")
    assert quote.kind == "indirect"
    assert quote.cue == "warn"
    assert quote.speaker_text == "She"
    assert quote.speaker == "Laila Haddad"


def test_short_name_resolves_to_fullest(nlp: Language) -> None:
    text = ("Rescuers were led by Tomas Varga, a retired firefighter. Varga noted that the "
            "northern road was still closed to heavy trucks.")
    quote = only(quotes(nlp, text), "northern road was still closed")
    assert quote.speaker == "Tomas Varga"


def test_description_resolves_to_person(nlp: Language) -> None:
    text = ("Police questioned Omar Farouk, a wealthy shipping magnate, about the fire. "
            "According to the businessman, the warehouse had been empty for months.")
    quote = only(quotes(nlp, text), "warehouse had been empty")
    assert quote.cue == "according to"
    assert quote.speaker == "Omar Farouk"


def test_institution_reports_object(nlp: Language) -> None:
    text = "The regional Health Ministry reported the deaths of four volunteers on Sunday."
    quote = only(quotes(nlp, text), "deaths of four volunteers")
    assert quote.speaker.endswith("Health Ministry")
    assert quote.cue == "report"


def test_institution_says_bare_clause(nlp: Language) -> None:
    text = "The fire service said the blaze was under control by midnight."
    quote = only(quotes(nlp, text), "blaze was under control")
    assert quote.speaker == "fire service"


def test_pull_quote_layout(nlp: Language) -> None:
    text = ("Flooding hit the valley after three days of rain.\n"
            "The water came through the doors before anyone could move the animals out "
            "Jana Horvat Head of the Valley Farmers Union\n"
            "Officials said the road would reopen on Monday.")
    quote = only(quotes(nlp, text), "water came through the doors")
    assert quote.kind == "direct"
    assert quote.speaker == "Jana Horvat"
    assert quote.text.endswith("animals out")


def test_no_quote_in_plain_narration(nlp: Language) -> None:
    text = "The river rose two metres overnight and three bridges were closed."
    assert quotes(nlp, text) == []


def test_seed_gold_quotes(nlp: Language, seeds_dir, seed_texts: dict[str, str]) -> None:
    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))
    canonical = {
        name.casefold(): entity["canonical"]
        for entity in gold["entities"]
        for name in [entity["canonical"], *entity["aliases"]]
    }
    total = found = 0
    for doc_id, document in gold["documents"].items():
        doc = nlp.make_doc(seed_texts[doc_id])
        doc._.doc_id = doc_id
        for _name, component in nlp.pipeline:
            doc = component(doc)
        for expected in document["quotes"]:
            total += 1
            found += any(
                expected["contains"].casefold() in q.text.casefold()
                and canonical.get(q.speaker.casefold(), q.speaker) == expected["speaker"]
                and q.doc_id == doc_id
                for q in doc._.quotes
            )
    assert total > 0
    assert found / total >= 0.9, f"{found}/{total}"


@pytest.mark.parametrize("field", ["speaker_start", "cue_start", "start"])
def test_offsets_point_into_text(nlp: Language, field: str) -> None:
    text = ('"The shelters are full and we need blankets," said Piotr Zielinski, a Red Cross '
            "coordinator. He added that two more trucks were on their way.")
    for quote in quotes(nlp, text):
        assert getattr(quote, field) is not None
        assert text[quote.start : quote.end] == quote.text
        assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text


def test_dash_signed_quote(nlp: Language) -> None:
    text = ("“The shelter ran out of water on the second night.” ― Dana Okafor "
            "“Nobody told us where to go.” ― Luis Ortega")
    found = quotes(nlp, text)
    assert only(found, "ran out of water").speaker == "Dana Okafor"
    assert only(found, "Nobody told us").speaker == "Luis Ortega"


def test_content_before_cue_and_inverted_cue(nlp: Language) -> None:
    text = ("The levee on the east bank had been weakened by weeks of rain, an engineer said. "
            "''We will need pumps from the next county,'' said Karl Brandt.")
    found = quotes(nlp, text)
    before = only(found, "levee on the east bank")
    assert before.speaker_text == "an engineer" and before.cue == "say"
    assert only(found, "need pumps").speaker == "Karl Brandt"


def test_continued_quotation_keeps_speaker(nlp: Language) -> None:
    text = ('"The pumps have been running since dawn," said Ines Moreau, the plant manager.\n'
            '"If the power fails again, the lower streets will flood within an hour."')
    continued = only(quotes(nlp, text), "power fails again")
    assert continued.kind == "direct"
    assert continued.speaker == "Ines Moreau"


def _quote(text: str, content: str, cue: str, speaker: str, *, cue_from: int = 0) -> Quote:
    start, cue_start, speaker_start = (
        text.index(content), text.index(cue, cue_from), text.index(speaker))
    return Quote(
        doc_id="d", start=start, end=start + len(content), text=content, kind="indirect",
        speaker=speaker, speaker_text=speaker, speaker_start=speaker_start,
        speaker_end=speaker_start + len(speaker), cue=cue, cue_start=cue_start,
        cue_end=cue_start + len(cue),
    )


def test_merge_keeps_nested_attributions_and_drops_rival_claims_on_the_same_words() -> None:
    from newsprism.extract.quotes.component import merge

    text = ('The governor praised the rescue teams. "They are brave and tireless," Marek said. '
            'Marek said the ministry believes the dam will hold.')
    quotation = _quote(text, "They are brave and tireless", "said", "Marek")
    # The tagger gave the quoted words to the previous sentence's cue, outside the quotation.
    rival = _quote(text, '"They are brave', "praised", "The governor")
    reported = _quote(text, "the ministry believes the dam will hold", "said", "Marek",
                      cue_from=text.index("Marek said the"))
    # "believes" lies inside Marek's content: an attribution within an attribution.
    nested = _quote(text, "the dam will hold", "believes", "the ministry")
    merged = merge([quotation, reported], [rival, nested])
    assert [(q.speaker, q.text) for q in merged] == [
        ("Marek", "They are brave and tireless"),
        ("Marek", "the ministry believes the dam will hold"),
        ("the ministry", "the dam will hold"),
    ]


def test_name_closing_a_quotation_is_not_a_pull_quote_signature(nlp: Language) -> None:
    text = ('"She knows the valley. She listened to the farmers," Tomas Berg said. "We should not '
            'lose someone as able as Jana Horvat."')
    found = quotes(nlp, text)
    assert [q.speaker for q in found if "knows the valley" in q.text] == ["Tomas Berg"]
    assert all(q.speaker != "Jana Horvat" for q in found), [(q.text, q.speaker) for q in found]


def test_pull_quote_signature_does_not_depend_on_the_order_of_names() -> None:
    from newsprism.extract.quotes.component import _signature

    line = ("We will not open the gates until the river drops below the old mark "
            "Castrava Water Board Chairman Ivo Petrov")
    names = ["Castrava Water Board", "Castrava Water Board Chairman Ivo Petrov", "Ivo Petrov"]
    expected = (line.index(" Castrava Water Board"), "Castrava Water Board Chairman Ivo Petrov")
    assert _signature(line, names) == expected
    assert _signature(line, list(reversed(names))) == expected
    assert _signature("No signature here, only a sentence that ends in lower case", names) is None
