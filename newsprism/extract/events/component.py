"""Events: what happened, when, where, who, how many.

A sentence holds an event when it has a trigger from the table below (an onset verb near a
protest noun, a state of emergency, a summit, a deployment, a resignation, ...). The event takes
its date from the time expressions of the same sentence (``doc._.times``; an "until" date is the
end of a state of emergency), its place and participants from the sentence's entity mentions,
and its counts from the sentence's quantities. Types follow ACLED's spirit (protests, riots,
violence against civilians, strategic developments) at a coarse grain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.extract.core.extensions import doc_text, register_extensions
from newsprism.model import Event, Mention, Quantity, TimeExpression


@dataclass(frozen=True)
class Trigger:
    type: str
    pattern: re.Pattern[str]
    date_role: str = "at"  # "at": the sentence's date; "until": a date after "until"/"till"


def _words(*alternatives: str) -> str:
    return "|".join(alternatives)


PROTEST_NOUNS = _words(
    r"protests?", r"rall(?:y|ies)", r"demonstrations?", r"riots?", r"unrest", r"uprisings?",
    r"strikes?", r"clashes", r"disturbances", r"marches", r"performances",
)
ONSET_VERBS = _words(r"beg[au]n", r"begins", r"started", r"starts", r"erupted", r"broke out")

TRIGGERS: tuple[Trigger, ...] = (
    Trigger(
        "protests began",
        re.compile(rf"\b(?:{PROTEST_NOUNS})\b[^.;]{{0,80}}?\b(?:{ONSET_VERBS})\b", re.I),
    ),
    Trigger(
        "protests began",
        re.compile(rf"\b(?:{ONSET_VERBS})\b[^.;]{{0,20}}\b(?:{PROTEST_NOUNS})\b", re.I),
    ),
    Trigger(
        "state of emergency ends",
        re.compile(r"\bstate of emergency\b[^.;]{0,80}?\b(?:until|till|through)\b", re.I),
        date_role="until",
    ),
    Trigger(
        "state of emergency declared",
        re.compile(r"\bstate of emergency\b", re.I),
    ),
    Trigger(
        "summit",
        re.compile(r"\b(?:summit|emergency meeting|extraordinary session)\b", re.I),
    ),
    Trigger(
        "deployment",
        re.compile(
            r"\b(?:forces?|troops|peacekeep\w*|contingent|units)\b[^.;]{0,60}?"
            r"\b(?:headed|deployed|sent|arrived|dispatched|landed)\b",
            re.I,
        ),
    ),
    Trigger("resignation", re.compile(r"\b(?:resigned|resignation|stepped down)\b", re.I)),
    Trigger(
        "collapse",
        re.compile(
            r"\b(?:dam|bridge|building|mine|tower|levee|embankment)\b[^.;]{0,40}?"
            r"\b(?:collapsed|gave way|burst|failed|breached|caved in)\b",
            re.I,
        ),
    ),
    Trigger(
        "earthquake",
        re.compile(r"\b(?:earthquake|quake|tremor)\b[^.;]{0,40}?\b(?:struck|hit|jolted)\b", re.I),
    ),
    Trigger(
        "explosion",
        re.compile(r"\b(?:explosion|blast|bombing)\b[^.;]{0,40}?\b(?:hit|struck|killed|rocked)\b",
                   re.I),
    ),
    Trigger(
        "riots",
        re.compile(r"\b(?:looted|looting|stormed|set fire|seized|set on fire)\b", re.I),
    ),
)

UNTIL = re.compile(r"\b(?:until|till|through|до)\s*$", re.I)  # "до": Russian
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "NORP"})


def _sentence_items(items: list, start: int, end: int) -> list:
    return [item for item in items if start <= item.start < end]


def _event_date(
    trigger: Trigger, text: str, sent_start: int, times: list[TimeExpression], trigger_start: int
) -> str | None:
    dated = [t for t in times if t.date]
    if not dated:
        return None
    if trigger.date_role == "until":
        for time in dated:
            if UNTIL.search(text[max(sent_start, time.start - 12) : time.start]):
                return time.date
        return None
    # The date nearest the trigger: "protests began ... on January 2" or "On January 2, ..."
    return min(dated, key=lambda t: abs(t.start - trigger_start)).date


def find_events(doc: Doc, triggers: Sequence[Trigger] = TRIGGERS) -> list[Event]:
    """Every triggered event of the Doc, at most one per type and sentence (``triggers``: the
    table to use; another language brings its own, with the same event types)."""
    doc_id = doc._.doc_id
    times: list[TimeExpression] = list(doc._.times or [])
    mentions: list[Mention] = list(doc._.mentions or [])
    quantities: list[Quantity] = list(doc._.quantities or [])
    events: list[Event] = []
    # Span.text and Doc.text are rebuilt from the tokens on every access: slice one copy.
    text = doc_text(doc)
    for sent_start, sent_end in [(sent.start_char, sent.end_char) for sent in doc.sents]:
        sent_text = text[sent_start:sent_end]
        seen: set[str] = set()
        for trigger in triggers:
            match = trigger.pattern.search(sent_text)
            if match is None or trigger.type in seen:
                continue
            if trigger.type.startswith("state of emergency") and seen & {
                "state of emergency ends",
                "state of emergency declared",
            }:
                continue
            seen.add(trigger.type)
            start = sent_start + match.start()
            sent_mentions = _sentence_items(mentions, sent_start, sent_end)
            events.append(
                Event(
                    doc_id=doc_id,
                    start=start,
                    end=sent_start + match.end(),
                    text=match.group(0),
                    type=trigger.type,
                    date=_event_date(
                        trigger, text, sent_start,
                        _sentence_items(times, sent_start, sent_end), start,
                    ),
                    place=next((m.text for m in sent_mentions if m.label in PLACE_LABELS), ""),
                    participants=sorted(
                        {m.text for m in sent_mentions if m.label in PARTICIPANT_LABELS}
                    ),
                    quantity_indexes=[
                        i
                        for i, q in enumerate(quantities)
                        if sent_start <= q.start < sent_end
                    ],
                    sentence_start=sent_start,
                    sentence_end=sent_end,
                )
            )
    return events


class Events:
    """spaCy component: sets ``doc._.events``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc)
        return doc


@Language.factory("newsprism_events", assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> Events:
    return Events(nlp, name)
