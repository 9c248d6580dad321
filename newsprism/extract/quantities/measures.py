"""The measure taxonomy: what a quantity counts, in ONE table (DESIGN §8).

Each measure maps to a GDELT GKG count type where one exists, so newsprism's counts line up
with GKG's ``Counts`` field; the others (price, money, troops, ...) are what GKG lacks. The cue
lemmas are the words that, governing a number or its counted noun, say what is counted.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    name: str
    gkg: str  # GDELT GKG count type, "" when GKG has none
    cues: frozenset[str]  # lemmas (verbs, nouns, adjectives) that signal the measure
    label: str


def _measure(name: str, gkg: str, label: str, cues: str) -> Measure:
    return Measure(name, gkg, frozenset(cues.split()), label)


MEASURES: tuple[Measure, ...] = (
    _measure("killed", "KILL", "people killed",
             "kill die dead death fatality toll perish drown slay murder execute behead massacre "
             "body corpse fatally lose_life killing"),
    _measure("injured", "WOUND", "people injured",
             "injure wound hurt injury casualty suffer beat hospitalise hospitalize hospitalized "
             "hospitalised wounded injured treat"),
    _measure("detained", "ARREST", "people detained",
             "detain arrest detention custody detainee arrestee jail imprison apprehend "
             "round_up prisoner"),
    _measure("protesters", "PROTEST", "protesters",
             "protester demonstrator protest rally march marcher gather demonstrate crowd "
             "turn_out"),
    _measure("kidnapped", "KIDNAP", "people kidnapped",
             "kidnap abduct hostage abduction kidnapping"),
    _measure("displaced", "DISPLACED", "people displaced",
             "displace flee evacuate refugee evacuee homeless displacement"),
    _measure("seized", "SEIZE", "items seized", "seize confiscate capture impound"),
    _measure("affected", "AFFECT", "people affected", "affect infect strand"),
    _measure("missing", "", "people missing", "missing unaccounted"),
    _measure("troops", "", "troops deployed",
             "troop soldier peacekeeper deploy paratrooper reinforcement contingent"),
    _measure("price", "", "price", "price cost fare tariff"),
    _measure("money", "", "money", ""),
    _measure("age", "", "age", ""),
    _measure("duration", "", "duration", ""),
    _measure("other", "", "other", ""),
)

MEASURE_BY_NAME: dict[str, Measure] = {m.name: m for m in MEASURES}
GKG_TYPE: dict[str, str] = {m.name: m.gkg for m in MEASURES if m.gkg}

# Cue lemma -> measure; the table's order decides ties ("dead" is killed before anything else).
CUE_MEASURE: dict[str, str] = {}
for _m in MEASURES:
    for _cue in _m.cues:
        CUE_MEASURE.setdefault(_cue, _m.name)

# Measures of events that happen to people: their cues may be looked for anywhere in the
# sentence when nothing governs the number; prices and troops need a governing cue.
PEOPLE_MEASURES = frozenset(
    {"killed", "injured", "detained", "kidnapped", "displaced", "missing", "affected"}
)
# Counted nouns that already say the measure ("225 dead", "3,000 detainees").
NOUN_MEASURE: dict[str, str] = {
    "dead": "killed", "death": "killed", "fatality": "killed", "body": "killed",
    "corpse": "killed", "injured": "injured", "wounded": "injured", "injury": "injured",
    "casualty": "injured", "detainee": "detained", "arrestee": "detained",
    # counts of acts that each befall one person ("21 arrests", "dozens of killings")
    "arrest": "detained", "detention": "detained", "killing": "killed",
    "abduction": "kidnapped", "kidnapping": "kidnapped",
    "hostage": "kidnapped", "refugee": "displaced",
    "evacuee": "displaced", "homeless": "displaced", "protester": "protesters",
    "demonstrator": "protesters",
    "marcher": "protesters", "troop": "troops", "peacekeeper": "troops",
    "paratrooper": "troops", "soldier": "troops", "serviceman": "troops",
}
# Nouns whose own measure is weak: a verb saying what happened to them wins ("18 soldiers
# were killed" is killed; "2,500 soldiers arrived" is troops; "21 detainees were beaten" is
# injured). Only the casualty nouns themselves ("225 dead") outrank their verbs.
WEAK_NOUN_MEASURES = frozenset({"protesters", "troops", "detained", "kidnapped", "displaced"})


def measure_of_cue(lemma: str) -> str | None:
    return CUE_MEASURE.get(lemma.lower())


# Cues that are phrases, not single words, as spaCy Matcher patterns per measure. They are looked
# for in the sentence of a count of people when no single word governs it.
_PROTEST_NOUNS = ["strike", "protest", "rally", "march", "demonstration", "walkout", "sit-in"]
PHRASE_CUES: dict[str, list[list[dict[str, object]]]] = {
    "displaced": [
        [{"LOWER": "from"}, {"POS": "PRON"}, {"LEMMA": {"IN": ["home", "house", "village"]}}],
        [{"LEMMA": "lose"}, {"POS": "PRON"}, {"LEMMA": {"IN": ["home", "house"]}}],
        [{"LOWER": "without"}, {"LOWER": "shelter"}],
    ],
    "affected": [
        [{"LOWER": "without"},
         {"LOWER": {"IN": ["power", "electricity", "water", "heating", "food", "gas"]}}],
        [{"LEMMA": "need"}, {"POS": {"IN": ["ADJ", "NOUN"]}, "OP": "?"},
         {"LEMMA": {"IN": ["aid", "assistance", "help", "relief"]}}],
        [{"LOWER": "in"}, {"LOWER": "need"}],
        [{"LEMMA": "case"}, {"LOWER": "of"}],
    ],
    "protesters": [
        [{"LEMMA": "take"}, {"LOWER": "part"}, {"LOWER": "in"}, {"OP": "?"}, {"OP": "?"},
         {"LEMMA": {"IN": _PROTEST_NOUNS}}],
        [{"LEMMA": "join"}, {"OP": "?"}, {"OP": "?"}, {"LEMMA": {"IN": _PROTEST_NOUNS}}],
        [{"LOWER": "on"}, {"LOWER": "strike"}],
        [{"LEMMA": "strike"}, {"LOWER": "by"}],
        [{"LEMMA": "stay"}, {"LOWER": "off"}, {"LOWER": "the"}, {"LOWER": "job"}],
    ],
    "kidnapped": [
        [{"LEMMA": "take"}, {"LOWER": {"IN": ["hostage", "captive"]}}],
    ],
    "detained": [
        [{"LEMMA": "hold"}, {"LOWER": "without"}, {"LOWER": "charge"}],
        [{"LOWER": "behind"}, {"LOWER": "bars"}],
    ],
}
