"""Propositions that speakers in crisis news take sides on, recognised by cue words.

NLI models are not available here (see shared/MODELS.md), so statements are compared by their
structure: a proposition is named by cue words in the quoted content, and its stance is "no"
when a negation governs the cue ("no external forces", "there is no Western power behind",
"had not received money from the West"). Two speakers taking opposite stances on the same
proposition are a *dispute*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Proposition:
    name: str
    label: str
    cues: re.Pattern[str]


PROPOSITIONS: tuple[Proposition, ...] = (
    Proposition(
        "foreign_involvement",
        "foreign forces are behind the unrest",
        re.compile(
            r"\b(?:abroad|foreign\w*|from (?:the )?outside|inspired by the outside|external|"
            r"outside forces?|the West|Western|overseas|from other countries)\b",
            re.I,
        ),
    ),
    Proposition(
        "coup_attempt",
        "the unrest is a coup attempt",
        re.compile(r"\b(?:coup(?: attempt| d'[ée]tat)?|overthrow|seize power|putsch)\b", re.I),
    ),
    Proposition(
        "terrorism",
        "the protesters are terrorists",
        re.compile(r"\b(?:terrorists?|terrorism|terrorist groups?)\b", re.I),
    ),
)

NEGATION = re.compile(
    r"\b(?:no|not|never|nothing|none|without|den(?:y|ies|ied)|n't|neither|nor)\b", re.I
)
# How far before a cue a negation still governs it, in characters: "no external forces"
# (3 chars) and "there is no Western power" (3) but not a "no" two clauses earlier.
NEGATION_WINDOW = 40


def stances(content: str) -> dict[str, str]:
    """Proposition name -> "yes" / "no" for every proposition the content speaks to."""
    found: dict[str, str] = {}
    for proposition in PROPOSITIONS:
        match = proposition.cues.search(content)
        if match is None:
            continue
        before = content[max(0, match.start() - NEGATION_WINDOW) : match.start()]
        clause = re.split(r"[,;:.]|\bbut\b|\bwhere\b", before)[-1]
        found[proposition.name] = "no" if NEGATION.search(clause) else "yes"
    return found


LABELS = {p.name: p.label for p in PROPOSITIONS}
