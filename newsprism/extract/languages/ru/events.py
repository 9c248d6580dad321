"""Russian event triggers: the English event types (``newsprism.extract.events``) with Russian
wording, so a Russian report's "Плотина ... не выдержала напора воды в ночь на вторник, 3 марта"
is the same dated collapse as "the dam gave way on Tuesday, March 3"."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract.events.component import Trigger, find_events

_PROTEST = r"(?:протест|митинг|демонстраци|беспорядк|забастовк|волнени)\w*"
_ONSET = r"(?:начал|вспыхнул|начина)\w*"
_STRUCTURE = r"(?:плотин|дамб|мост|здани|шахт|башн)\w*"
RU_TRIGGERS: tuple[Trigger, ...] = (
    Trigger("protests began", re.compile(rf"{_PROTEST}[^.;]{{0,80}}?\b{_ONSET}", re.I)),
    Trigger("protests began", re.compile(rf"\b{_ONSET}[^.;]{{0,20}}?{_PROTEST}", re.I)),
    Trigger(
        "state of emergency ends",
        re.compile(r"(?:чрезвычайн\w+ положени\w+|режим\w* ЧС)[^.;]{0,80}?\bдо\b", re.I),
        date_role="until",
    ),
    Trigger("state of emergency declared",
            re.compile(r"чрезвычайн\w+ положени\w+|режим\w* ЧС", re.I)),
    Trigger("summit", re.compile(r"\bсаммит\w*|экстренн\w+ заседани\w+|внеочередн\w+ сесси\w+",
                                 re.I)),
    Trigger(
        "deployment",
        re.compile(r"(?:войск|военн|миротворц|контингент)\w*[^.;]{0,60}?"
                   r"\b(?:направ|прибыл|введен|введён|развернут|переброшен)\w*", re.I),
    ),
    Trigger("resignation", re.compile(r"\bотставк\w*", re.I)),
    Trigger(
        "collapse",
        # Verbs only: a noun ("при обрушении моста") names the event in a later report's
        # sentence, whose date is the report's, not the collapse's.
        re.compile(rf"\b{_STRUCTURE}[^.;]{{0,60}}?\b(?:рухнул|обрушил|прорвал|не выдержал|"
                   r"разрушил)\w*", re.I),
    ),
    Trigger("earthquake", re.compile(r"\bземлетрясени\w*[^.;]{0,40}?\b(?:произош|случил|"
                                     r"ударил|всколыхнул)\w*", re.I)),
    Trigger("explosion", re.compile(r"\bвзрыв\w*[^.;]{0,40}?\b(?:прогремел|произош|унес)\w*",
                                    re.I)),
    Trigger("riots", re.compile(r"\b(?:разграбил|мародер|мародёр|подожгл|захватил)\w*", re.I)),
)


class RussianEvents:
    """spaCy component: ``doc._.events`` for Russian text (after dates and quantities)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc, RU_TRIGGERS)
        return doc


@Language.factory("newsprism_ru_events", assigns=["doc._.events"])
def make_russian_events(nlp: Language, name: str) -> RussianEvents:
    return RussianEvents(nlp, name)
