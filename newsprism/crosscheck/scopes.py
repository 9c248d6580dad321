"""Counted groups, coarsened so that two sources' figures about the same group share a key.

"police and military personnel", "security officers" and "National Guard servicemen" are all
*security forces*; "armed criminals", "rioters" and "bandits" are the *armed side* opposing
them. The first matching group wins, so the order of the table matters: more specific first.
"""

from __future__ import annotations

import re

SCOPE_GROUPS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        ("medics", r"\b(?:medics?|doctors?|nurses?|paramedics?|health workers?|ambulance)"),
        ("journalists", r"\b(?:journalists?|reporters?|photographers?|media workers?)"),
        ("children", r"\b(?:child(?:ren)?|minors?|kids?|schoolchildren|students?)\b"),
        (
            "security forces",
            r"\b(?:police\w*|polic(?:e|ing)|military|soldiers?|servicem[ae]n|service members?|"
            r"security (?:officers?|forces?|personnel|services?)|law enforce\w*|troops?|"
            r"guards?(?:men)?|officers?|army|gendarm\w*|personnel|conscripts?)",
        ),
        (
            "armed opponents",
            r"\b(?:criminals?|rioters?|gunm[ae]n|militants?|attackers?|bandits?|terrorists?|"
            r"insurgents?|rebels?|looters?|assailants?|extremists?|fighters?)",
        ),
        ("protesters", r"\b(?:protesters?|demonstrators?|activists?|marchers?|strikers?)"),
        ("foreign citizens", r"\b(?:citizens? of|foreign\w*|nationals?|[A-Z]\w+ citizens?)"),
        ("civilians", r"\b(?:civilians?|residents?|bystanders?|passers-?by|locals?)"),
    )
)

TOTAL = "all people"


def scope_group(scope: str) -> str:
    """The coarse group of a counted scope; an empty or generic scope counts everybody."""
    for name, pattern in SCOPE_GROUPS:
        if pattern.search(scope):
            return name
    return TOTAL


# Measures no side of a confrontation is counted in: "displaced civilians" and "residents
# left homeless" are all the displaced people.
CIVILIAN_ONLY_MEASURES = frozenset({"displaced", "affected"})


def measure_group(scope: str, measure: str) -> str:
    """The coarse group a figure of ``measure`` is keyed by (see :func:`scope_group`)."""
    group = scope_group(scope)
    return TOTAL if group == "civilians" and measure in CIVILIAN_ONLY_MEASURES else group


# A sum over groups is only a meaningful lower bound on a total when it covers both sides of
# a confrontation; a sum over, say, medics and rioters says little about all the injured.
OPPOSING_SIDES: tuple[frozenset[str], frozenset[str]] = (
    frozenset({"security forces"}),
    frozenset({"armed opponents", "protesters", "civilians"}),
)


def covers_both_sides(groups: set[str]) -> bool:
    return all(groups & side for side in OPPOSING_SIDES)
