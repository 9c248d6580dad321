"""The country a figure is about, read from its sentence, and the event's place for the rest."""

from __future__ import annotations

import pytest

from newsprism.crosscheck.claims import quantity_claims
from newsprism.crosscheck.places import ReportPlaces, country_of, fill_event_places, place_of
from newsprism.model import Claim, Document, Extraction, Mention, PublicationTime, Quantity


def claims_of(text: str, places: list[str], number: str) -> list[Claim]:
    doc = Document(id="d", text=text, published=PublicationTime(value="2023-02-08"))
    mentions = [
        Mention(doc_id="d", start=(i := text.index(p)), end=i + len(p), text=p, label="GPE")
        for p in places
    ]
    at = text.index(number)
    quantity = Quantity(doc_id="d", start=at, end=at + len(number), text=number,
                        low=float(number.replace(",", "")), high=float(number.replace(",", "")),
                        measure="killed", sentence_start=0, sentence_end=len(text))
    return quantity_claims(doc, Extraction(doc_id="d", mentions=mentions, quantities=[quantity]))


@pytest.mark.parametrize(
    ("name", "country"),
    [("Turkey", "Turkey"), ("Türkiye", "Turkey"), ("Aleppo", "Syria"), ("Бейрут", "Lebanon"),
     ("Castrava", "")],
)
def test_country_of(name: str, country: str) -> None:
    assert country_of(name) == country


def test_a_city_figure_is_keyed_by_its_country() -> None:
    [claim] = claims_of("In Aleppo, 320 people died, the ministry said.", ["Aleppo"], "320")
    assert place_of(claim.key) == "Syria"
    assert claim.label == "people killed in Syria"


def test_two_countries_joined_make_a_combined_figure() -> None:
    [claim] = claims_of("The toll in Turkey and Syria rose to 5,021.", ["Turkey", "Syria"], "5,021")
    assert place_of(claim.key) == "Syria+Turkey"


def test_a_conjunction_with_a_word_between_still_joins() -> None:
    text = "Rescuers in Turkey and neighbouring Syria have found 7,108 bodies."
    [claim] = claims_of(text, ["Turkey", "Syria"], "7,108")
    assert place_of(claim.key) == "Syria+Turkey"


def test_a_total_over_the_places_of_its_sentence_is_their_combined_figure() -> None:
    text = "Officials said 12,391 died in Turkey and 2,992 in Syria, bringing the total to 15,383."
    [claim] = claims_of(text, ["Turkey", "Syria"], "15,383")
    assert place_of(claim.key) == "Syria+Turkey"
    [part] = claims_of(text, ["Turkey", "Syria"], "2,992")
    assert place_of(part.key) == "Syria"


def test_two_countries_apart_give_the_nearest_one() -> None:
    text = "Turkey counted 3,419 dead, while Syria reported 1,602."
    [claim] = claims_of(text, ["Turkey", "Syria"], "1,602")
    assert place_of(claim.key) == "Syria"


def test_a_figure_without_a_place_takes_the_events_place_for_its_kind() -> None:
    named = claims_of("In Turkey the toll rose to 912.", ["Turkey"], "912")
    bare = claims_of("The toll rose to 1,014 on Monday night.", [], "1,014")
    assert place_of(bare[0].key) == ""
    everything = named + bare
    fill_event_places(everything)
    assert {place_of(c.key) for c in everything} == {"Turkey"}


def test_a_country_the_event_is_not_about_does_not_key_a_figure() -> None:
    from collections import Counter

    rescuers = claims_of("Japan's rescuers said 912 people had died.", ["Japan"], "912")
    assert place_of(rescuers[0].key) == "Japan"
    reports = {d: ReportPlaces(Counter({"Turkey": 2}), frozenset()) for d in "abcde"}
    reports["f"] = ReportPlaces(Counter({"Japan": 1}), frozenset())  # one report in six
    fill_event_places(rescuers, reports)
    assert place_of(rescuers[0].key) == "Turkey"  # the event's one place
    assert rescuers[0].label == "people killed in Turkey"


def test_in_a_two_country_event_a_bare_figure_takes_its_reports_country() -> None:
    from collections import Counter

    bare = claims_of("The toll rose to 1,014 on Monday night.", [], "1,014")
    other = ReportPlaces(Counter({"Turkey": 2}), frozenset({"Turkey"}))
    reports = {"d": ReportPlaces(Counter({"Syria": 4, "Turkey": 1}), frozenset()), "e": other}
    fill_event_places(bare, reports)
    assert place_of(bare[0].key) == "Syria"
    even = claims_of("The toll rose to 1,014 on Monday night.", [], "1,014")
    fill_event_places(even, {"d": ReportPlaces(Counter({"Syria": 2, "Turkey": 2}), frozenset()),
                             "e": other})
    assert place_of(even[0].key) == ""  # which country is not said: left open
    headline = claims_of("The toll rose to 1,014 on Monday night.", [], "1,014")
    lead = ReportPlaces(Counter({"Syria": 1, "Turkey": 3}), frozenset({"Syria", "Turkey"}),
                        frozenset({"Syria+Turkey"}))
    fill_event_places(headline, {"d": lead, "e": other})
    assert place_of(headline[0].key) == "Syria+Turkey"  # "quake in Turkey and Syria kills …"
    apart = claims_of("The toll rose to 1,014 on Monday night.", [], "1,014")
    named = ReportPlaces(Counter({"Syria": 1, "Turkey": 3}), frozenset({"Syria", "Turkey"}))
    fill_event_places(apart, {"d": named, "e": other})
    assert place_of(apart[0].key) == "Turkey"  # two places in the lead, not joined: the main one


def claims_of_all(text: str, numbers: list[tuple[str, str]]) -> dict[str, str]:
    """Place of each figure (number -> place) when a sentence gives several, places found in
    the text by the world gazetteer (no name tagger here, as for a language without one)."""
    doc = Document(id="d", text=text, published=PublicationTime(value="2023-02-08"))
    quantities = []
    for number, measure in numbers:
        at = text.index(number)
        value = float(number.replace(",", "").replace(".", "").replace(" ", ""))
        quantities.append(Quantity(doc_id="d", start=at, end=at + len(number), text=number,
                                   low=value, high=value, measure=measure, sentence_start=0,
                                   sentence_end=len(text)))
    claims = quantity_claims(doc, Extraction(doc_id="d", quantities=quantities))
    return {c.value: place_of(c.key) for c in claims}


def test_as_many_figures_as_countries_pair_in_order_whichever_comes_first() -> None:
    after = claims_of_all("On compte 10 214 morts en Turquie et 2 631 en Syrie.",
                          [("10 214", "killed"), ("2 631", "killed")])
    assert after == {"10,214": "Turkey", "2,631": "Syria"}
    before = claims_of_all("In Turkije vielen 3.419 doden, in Syrië steeg het dodental naar 1.602.",
                           [("3.419", "killed"), ("1.602", "killed")])
    assert before == {"3,419": "Turkey", "1,602": "Syria"}


def test_a_figure_takes_a_place_of_its_own_clause_before_a_nearer_one_in_the_next() -> None:
    text = "Turkije telt 3.419 doden en 20.534 gewonden, in Syrië steeg het dodental naar 1.602."
    places = claims_of_all(text, [("3.419", "killed"), ("20.534", "injured"), ("1.602", "killed")])
    assert places == {"3,419": "Turkey", "20,534": "Turkey", "1,602": "Syria"}


def test_a_place_named_once_for_several_figures_carries_to_the_next_clauses() -> None:
    text = "土耳其已有8123人死亡,40517人受伤,叙利亚死亡人数升至2518人。"
    places = claims_of_all(text, [("8123", "killed"), ("40517", "injured"), ("2518", "killed")])
    assert places == {"8,123": "Turkey", "40,517": "Turkey", "2,518": "Syria"}


@pytest.mark.parametrize(
    "text",
    ["土耳其和叙利亚两国的总死亡人数升至5021人。",
     "土耳其3419人死亡,叙利亚1602人死亡,死亡总数达到5021人。",
     "トルコとシリアの死者は合わせて5021人となった。",
     "튀르키예와 시리아의 사망자는 5021명으로 늘었다."],
)
def test_unspaced_scripts_join_countries_and_read_total_words(text: str) -> None:
    assert claims_of_all(text, [("5021", "killed")]) == {"5,021": "Syria+Turkey"}


def test_a_total_among_the_figures_does_not_break_their_pairing() -> None:
    text = "On compte 12 391 morts en Turquie et 2 992 en Syrie, ce qui porte le total à 15 383."
    places = claims_of_all(text, [("12 391", "killed"), ("2 992", "killed"), ("15 383", "killed")])
    assert places == {"12,391": "Turkey", "2,992": "Syria", "15,383": "Syria+Turkey"}


@pytest.mark.parametrize(
    "text",
    ["Πάνω από 5021 άνθρωποι σκοτώθηκαν στην Τουρκία και τη γειτονική Συρία.",
     "قتل أكثر من 5021 شخصا في جنوب شرق تركيا وفي سوريا المجاورة."],
)
def test_conjunctions_of_more_languages_join_two_countries(text: str) -> None:
    assert claims_of_all(text, [("5021", "killed")]) == {"5,021": "Syria+Turkey"}


def placed_in_event(
    text: str, number: str, event: dict[str, int], *, language: str = "",
    sentence_end: int | None = None, value: float | None = None, sentence_start: int = 0,
) -> tuple[str, str, ReportPlaces]:
    """The one figure ``number`` of ``text``: its place as its sentence gives it, its place once
    settled in an event whose two other reports name the countries of ``event``, and its report's
    places."""
    from collections import Counter

    from newsprism.crosscheck.places import report_places

    doc = Document(id="d", text=text, language=language)
    at = text.index(number)
    value = float(number) if value is None else value
    quantity = Quantity(doc_id="d", start=at, end=at + len(number), text=number, low=value,
                        high=value, measure="killed", sentence_start=sentence_start,
                        sentence_end=len(text) if sentence_end is None else sentence_end)
    extraction = Extraction(doc_id="d", quantities=[quantity])
    [claim] = quantity_claims(doc, extraction)
    own = place_of(claim.key)
    reports = {"d": report_places(doc, extraction)}
    reports.update({o: ReportPlaces(Counter(event), frozenset()) for o in "ab"})
    fill_event_places([claim], reports)
    return own, place_of(claim.key), reports["d"]


def test_a_sentence_without_a_country_takes_the_event_country_its_adjective_names() -> None:
    own, settled, _ = placed_in_event("Il ministero della Salute siriano conta 326 morti.", "326",
                                      {"Turkey": 2, "Syria": 1})
    assert own == ""
    assert settled == "Syria"


def test_a_domestic_report_naming_only_provinces_takes_their_country() -> None:
    from collections import Counter

    text = "Depremlerde can kaybı 8 bin 574'e yükseldi. Hatay'da ve Adıyaman'da arama sürüyor."
    _, settled, report = placed_in_event(text, "8 bin 574", {"Turkey": 2, "Syria": 2},
                                         sentence_end=43, value=8574.0)
    assert report.counts == Counter()  # no country named
    assert settled == "Turkey"


def test_children_are_not_chile() -> None:
    """An adjective is believed only for a country the event is about."""
    _, settled, _ = placed_in_event("The children said 57 people had died.", "57",
                                    {"Turkey": 2, "Syria": 2})
    assert settled == ""


@pytest.mark.parametrize(("language", "place"), [("tr", "Turkey"), ("ar", "Syria"), ("en", "")])
def test_a_report_naming_no_place_speaks_of_the_one_event_country_of_its_language(
    language: str, place: str
) -> None:
    _, settled, _ = placed_in_event("Yetkili, can kaybının 1651 olduğunu açıkladı.", "1651",
                                    {"Turkey": 2, "Syria": 2}, language=language)
    assert settled == place  # English is official in neither


@pytest.mark.parametrize(
    ("text", "whole", "part"),
    [
        ("Le séisme a fait au moins 3 760 morts, dont 2 316 en Turquie.", "3 760", "2 316"),
        ("Beim Beben starben knapp 25.904 Menschen, darunter 22.327 in der Türkei.",
         "25.904", "22.327"),
        ("The quake killed 5,021 people, including 3,419 in Turkey.", "5,021", "3,419"),
    ],
)
def test_a_whole_given_with_its_part_in_one_country_is_all_the_event_places(
    text: str, whole: str, part: str
) -> None:
    from collections import Counter

    places = claims_of_all(text, [(whole, "killed"), (part, "killed")])
    assert places[f"{int(whole.replace(' ', '').replace('.', '').replace(',', '')):,}"] == "*"
    assert "Turkey" in places.values()
    doc = Document(id="d", text=text)
    quantities = []
    for number in (whole, part):
        at = text.index(number)
        value = float(number.replace(" ", "").replace(".", "").replace(",", ""))
        quantities.append(Quantity(doc_id="d", start=at, end=at + len(number), text=number,
                                   low=value, high=value, measure="killed", sentence_start=0,
                                   sentence_end=len(text)))
    claims = quantity_claims(doc, Extraction(doc_id="d", quantities=quantities))
    reports = {o: ReportPlaces(Counter({"Turkey": 2, "Syria": 2}), frozenset()) for o in "ab"}
    fill_event_places(claims, reports)
    assert [place_of(c.key) for c in claims] == ["Syria+Turkey", "Turkey"]


@pytest.mark.parametrize(
    ("text", "whole", "parts"),
    [
        ("By Tuesday the toll had reached 41,370 – 37,655 in southern Turkey and 3,715 in Syria.",
         "41,370", ["37,655", "3,715"]),
        ("La tormenta mató a 312 personas: 290 en Colombia y 22 en Venezuela.",
         "312", ["290", "22"]),
    ],
)
def test_a_figure_its_next_figures_add_up_to_by_country_is_all_their_places(
    text: str, whole: str, parts: list[str]
) -> None:
    places = claims_of_all(text, [(whole, "killed")] + [(p, "killed") for p in parts])
    assert places[f"{int(whole.replace(',', '')):,}"] == "*"
    assert len({places[f"{int(p.replace(',', '')):,}"] for p in parts}) == 2


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # the next figures do not add up to it: each is its own country's
        ("Turkey counted 3,419 dead, 1,602 in Syria and 900 in Lebanon.", ["1,602", "900"]),
        # they add up, but inside one country: the whole is that country's
        ("Turkey counted 3,419 dead, 3,000 in Hatay and 419 in Adana.", ["3,000", "419"]),
    ],
)
def test_figures_that_are_not_parts_by_country_leave_the_place_alone(
    text: str, numbers: list[str]
) -> None:
    places = claims_of_all(text, [("3,419", "killed")] + [(n, "killed") for n in numbers])
    assert places["3,419"] == "Turkey"


@pytest.mark.parametrize(
    "text",
    [
        "بلغ عدد القتلى في لبنان بحسب وزارة الصحة العامة 45 قتيلا، إثر عاصفة من سوريا.",
        "黎巴嫩卫生部表示,全国死亡人数已升至45人，风暴来自叙利亚。",
    ],
)
def test_an_arabic_or_chinese_comma_ends_the_figures_clause(text: str) -> None:
    # the country after the comma is another clause's, however near the figure it is
    assert claims_of_all(text, [("45", "killed")]) == {"45": "Lebanon"}


def test_figures_province_by_province_are_the_provinces_not_the_country() -> None:
    text = ("Adana'da 12 kaybımız, 131 yaralımız var, Malatya'da da 49 kaybımız, "
            "562 yaralımız var, Türkiye genelinde toplam 297 kayıp var.")
    places = claims_of_all(text, [("12", "killed"), ("131", "injured"), ("49", "killed"),
                                  ("562", "injured"), ("297", "killed")])
    assert places["12"] == places["131"] == "Turkey/Adana"
    assert places["49"] == places["562"] == "Turkey/Malatya"
    assert places["297"] == "Turkey"


def test_one_city_named_with_a_figure_still_keys_its_country() -> None:
    [claim] = claims_of("In Aleppo, 320 people died, the ministry said.", ["Aleppo"], "320")
    assert place_of(claim.key) == "Syria"


def test_a_list_of_provinces_for_one_figure_is_no_breakdown() -> None:
    text = "76 van onze burgers kwamen om het leven in Adana, Malatya en Gaziantep in Turkije."
    assert claims_of_all(text, [("76", "killed")]) == {"76": "Turkey"}


def test_a_figure_with_its_own_place_before_a_part_word_keeps_it() -> None:
    text = ("The toll in Turkey had risen to 3,549, with the total, including those in "
            "northern Syria, exceeding 5,000.")
    places = claims_of_all(text, [("3,549", "killed")])
    assert places == {"3,549": "Turkey"}


def test_a_figure_without_a_place_continues_the_place_of_the_text_just_before_it() -> None:
    text = (
        "Quake in Turkey and Syria: rescuers worked through the night across the region of the "
        "border, where whole streets of houses and schools fell in the first minutes of the "
        "shock and the cold made the search harder for every team. In Syria the ministry "
        "counted 326 dead. In areas held by the opposition, 221 were killed."
    )
    start = text.index("In areas")
    _, settled, _ = placed_in_event(text, "221", {"Turkey": 2, "Syria": 2},
                                    sentence_start=start)
    assert settled == "Syria"  # not the lead's "Turkey and Syria"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Rescuers dug in Turkey and in Syria. In total 8,264 people died.", "Syria+Turkey"),
        ("Rescuers dug in Turkey all night. The total toll rose to 8,264.", "Turkey"),
    ],
)
def test_a_total_whose_sentence_names_no_place_sums_the_places_its_report_names(
    text: str, place: str
) -> None:
    start = text.index(". ") + 2
    own, settled, _ = placed_in_event(text, "8,264", {"Turkey": 2, "Syria": 2},
                                      sentence_start=start, value=8264.0)
    assert own == "**"
    assert settled == place


@pytest.mark.parametrize(("figure", "place"), [("22,168", "Turkey"), ("22,000", "")])
def test_an_undated_bare_figure_takes_the_place_of_the_same_specific_figure(
    figure: str, place: str
) -> None:
    from collections import Counter

    value = float(figure.replace(",", ""))
    claims = []
    for doc_id, text in (("a", f"In Turkey {figure} people were injured."),
                         ("d", f"Officials said {figure} people were injured.")):
        doc = Document(id=doc_id, text=text)
        at = text.index(figure)
        quantity = Quantity(doc_id=doc_id, start=at, end=at + len(figure), text=figure,
                            low=value, high=value, measure="injured", sentence_start=0,
                            sentence_end=len(text))
        claims += quantity_claims(doc, Extraction(doc_id=doc_id, quantities=[quantity]))
    event = Counter({"Turkey": 2, "Syria": 2})
    reports = {o: ReportPlaces(event, frozenset()) for o in "bc"}
    reports["d"] = ReportPlaces(Counter(), frozenset())
    fill_event_places(claims, reports)
    assert [place_of(c.key) for c in claims] == ["Turkey", place]


def test_a_bare_figure_continues_the_nearest_sentence_naming_an_event_place() -> None:
    text = (
        "The quake killed 20,213 in Turkey, the health minister said. In Syria, the ministry "
        "said 1,387 had died in areas the government holds. In areas held by the opposition, "
        "rescuers said 2,037 were killed."
    )
    start = text.index("In areas held")
    _, settled, _ = placed_in_event(text, "2,037", {"Turkey": 2, "Syria": 2},
                                    sentence_start=start, value=2037.0)
    assert settled == "Syria"


def test_a_place_after_the_figure_that_another_number_follows_is_that_numbers() -> None:
    # the second figure has no cue of its own, so it is no quantity to pair with
    text = "Le vittime accertate in Turchia sono 8.412 e in Siria 2.116."
    [claim] = claims_of(text, ["Turchia", "Siria"], "8.412")
    assert place_of(claim.key) == "Turkey"


def test_a_pair_of_countries_in_another_clause_does_not_place_the_figure() -> None:
    text = ("The toll in Syria rose to 2,116, bringing the total in Turkey and Syria to "
            "10,528.")
    [claim] = claims_of(text, ["Syria", "Turkey", "Syria"][:2], "2,116")
    assert place_of(claim.key) == "Syria"
    # a pair before the figure's clause still names it when its own clause names no place
    [claim] = claims_of("Turkey and Syria quake: the toll rose to 10,528.", ["Turkey", "Syria"],
                        "10,528")
    assert place_of(claim.key) == "Syria+Turkey"


def test_an_event_whose_reports_name_only_provinces_is_in_their_country() -> None:
    from collections import Counter

    # a domestic event: no report names the country, each names a province of it
    bare = claims_of("Savcılık 29 kişi hakkında gözaltı kararı verdi.", [], "29")
    assert place_of(bare[0].key) == ""
    reports = {
        "d": ReportPlaces(Counter(), frozenset(), provinces=Counter({"Turkey": 1})),
        "e": ReportPlaces(Counter(), frozenset(), provinces=Counter({"Turkey": 2})),
    }
    fill_event_places(bare, reports)
    assert place_of(bare[0].key) == "Turkey"


def _figures(doc_id: str, text: str, numbers: list[tuple[str, str]]) -> list[Claim]:
    doc = Document(id=doc_id, text=text, published=PublicationTime(value="2023-02-10"))
    quantities = []
    for number, measure in numbers:
        at = text.index(number)
        value = float(number.replace(",", ""))
        quantities.append(Quantity(doc_id=doc_id, start=at, end=at + len(number), text=number,
                                   low=value, high=value, measure=measure, sentence_start=0,
                                   sentence_end=len(text)))
    return quantity_claims(doc, Extraction(doc_id=doc_id, quantities=quantities))


def test_a_bare_figure_takes_the_place_other_reports_give_its_announcement() -> None:
    from collections import Counter

    def announcement() -> list[Claim]:
        return _figures("d", "So far 20,665 people have died and 80,052 were injured.",
                        [("20,665", "killed"), ("80,052", "injured")])

    # its report's lead names the two countries of the event together
    lead = ReportPlaces(Counter({"Syria": 2, "Turkey": 2}), frozenset({"Syria", "Turkey"}),
                        frozenset({"Syria+Turkey"}))
    elsewhere = _figures("e", "In Turkey, 80,052 people were injured.", [("80,052", "injured")])
    other = ReportPlaces(Counter({"Syria": 1, "Turkey": 2}), frozenset({"Turkey"}))
    claims = announcement() + elsewhere
    fill_event_places(claims, {"d": lead, "e": other})
    assert {c.value: place_of(c.key) for c in claims if c.doc_id == "d"} == {
        "20,665": "Turkey", "80,052": "Turkey"}

    # no other report places its figures: the lead's combined place
    alone = announcement()
    fill_event_places(alone, {"d": lead, "e": other})
    assert {place_of(c.key) for c in alone} == {"Syria+Turkey"}
