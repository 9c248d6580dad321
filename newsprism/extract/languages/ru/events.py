"""Russian event triggers: the English event types (``newsprism.extract.events``) with Russian
wording, so a Russian report's "Плотина ... не выдержала напора воды в ночь на вторник, 3 марта"
is the same dated collapse as "the dam gave way on Tuesday, March 3"."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract.events.component import Trigger, find_events
from newsprism.extract.languages.tables import expand_stems, load_table

_TABLE = load_table("ru", "events")
RU_TRIGGERS: tuple[Trigger, ...] = tuple(
    Trigger(
        trigger["type"],
        re.compile(expand_stems(trigger["pattern"], _TABLE["stems"]), re.I),
        **({"date_role": trigger["date_role"]} if "date_role" in trigger else {}),
    )
    for trigger in _TABLE["triggers"]
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
