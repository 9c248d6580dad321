"""Step 2 of finding quantities: *groups*. Atoms joined into ranges ("10 to 20"), changes ("from
60 to 120 tenge") and parenthetical conversions ("120 KZT (20 rubles)").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsprism.extract.quantities.atoms import (
    BOUND_CHANGE,
    FALL_NOUNS,
    FALL_VERBS,
    PRICE_CUES,
    RANGE_CONNECTORS,
    RISE_NOUNS,
    RISE_VERBS,
    _Atom,
    _Group,
    _lower,
    bound_interval,
)


def _paren_region(doc: Doc, i: int, lo: int, hi: int) -> tuple[int, int] | None:
    """Token bounds of the parenthesis opening at token i."""
    if doc[i].text != "(":
        return None
    for k in range(i + 1, min(hi, i + 12)):
        if doc[k].text == ")":
            return i, k + 1
    return None


def _gap_words(doc: Doc, a: _Atom, b: _Atom, atoms: list[_Atom]) -> list[str]:
    """Words between two atoms, ignoring parentheses and the atoms of the other kind."""
    skip: set[int] = set()
    for other in atoms:
        if other.paren != a.paren:
            skip.update(range(other.start, other.end))
    words = []
    for k in range(a.end, b.start):
        if k in skip or doc[k].text in ("(", ")"):
            continue
        words.append(doc[k].lower_)
    return words


def _governing_verb(tok: Token) -> Token | None:
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


# Verbs of motion whose particle gives a change's direction ("went up 5%", "edged down");
# "rounded up 230 looters" is no change.
_PARTICLE_VERBS = frozenset({"go", "edge", "move", "tick", "creep", "inch", "trend", "be",
                             "head", "drift", "nudge"})
# Verbs that give a direction only to a level's change (a share, points): "shares lost 3%" is
# a fall, "the bank lost $6.5 billion" an amount.
_LEVEL_ONLY_VERBS = frozenset({"lose", "shed", "add", "gain"})
_LEVEL_ONLY_NOUNS = frozenset({"loss", "gain"})


def _particle_direction(verb: Token) -> str | None:
    """"went up", "edged down": the direction a verb's particle gives."""
    if verb.lemma_ not in _PARTICLE_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in ("prt", "advmod") and child.lower_ in ("up", "down") and \
                child.i < verb.i + 3:
            return child.lower_
    return None


def _change_direction(doc: Doc, atom: _Atom) -> str | None:
    """"rose by 12%", "fell 5 percent", "up 3%", "a 5% increase": the number is the size of
    a change. "rose to 64" is a level, not a change ("=", as the cross-check reads it)."""
    before = doc[atom.start - 1] if atom.start > 0 else None
    if before is not None and before.lower_ in ("to", "from", "at"):
        return None  # "rose by 200 to 1,400": the level reached, not the change
    if before is not None and before.lower_ in ("up", "down") and (
        atom.start < 2 or doc[atom.start - 2].lower_ not in ("go", "went", "gone")
    ) and not (before.dep_ in ("prt", "advmod") and before.head.pos_ == "VERB"
               and before.head.lemma_ not in _PARTICLE_VERBS):
        # ("rounded up 230 looters": the particle of another verb)
        return before.lower_  # "shares were up 5%", "down 34 cents"
    tok = doc[atom.num_end - 1]
    if atom.head is not None and atom.head.i > tok.i:
        tok = atom.head  # the counted noun's verb governs the count
    found = _direction_above(atom, tok)
    unit_end = doc[atom.end - 1]
    if found is None and atom.end > atom.num_end and atom.unit and unit_end.head.i != tok.i \
            and unit_end.i != tok.i:
        found = _direction_above(atom, unit_end)  # "a 12% increase": the unit hangs from it
    return found


def _direction_above(atom: _Atom, tok: Token) -> str | None:
    """The change direction the words governing ``tok`` give, or None."""
    chain = [tok.head, tok.head.head, tok.head.head.head]
    for k, anc in enumerate(chain):
        if anc.lower_ in ("to", "from", "at"):
            return None
        if anc.pos_ == "NOUN" and k <= 1 and (k == 0 or chain[0].lower_ in ("of", "by")) and \
                atom.kind not in ("duration", "age"):  # "a 14-hour climb" is no rise
            if anc.lemma_ in _LEVEL_ONLY_NOUNS and atom.kind != "percent":
                return None  # "a net loss of $412 million" is an amount, not a fall
            if anc.lemma_ in RISE_NOUNS:
                return "up"  # "a 5% increase", "an increase of 5%"
            if anc.lemma_ in FALL_NOUNS:
                return "down"
        if anc.lower_ in ("up", "down") and anc.pos_ in ("ADV", "ADP") and k == 0:
            return anc.lower_  # "were up 5%" parsed with the figure under "up"
        if anc.pos_ == "VERB":
            below = chain[k - 1] if k else tok
            if below.dep_ in ("nsubj", "nsubjpass"):
                return None  # "70% of the island lost power": the subject, not the change
            via_by = any(c.lower_ == "by" for c in chain[:k])
            # "rose by 3 metres in 24 hours": a figure under another preposition is no change
            via_other = any(c.pos_ == "ADP" and c.lower_ != "by" for c in chain[:k])
            direct = k <= 1
            level = atom.kind == "percent" or atom.normalized in ("point", "basis point")
            if anc.lemma_ in _LEVEL_ONLY_VERBS and not level:
                return None
            if atom.kind == "count" and atom.head is not None and not via_by:
                return None  # "cut 1,200 jobs": things counted, not the size of a change
            if (via_by or direct) and not via_other:
                if anc.lemma_ in RISE_VERBS and anc.lemma_ not in ("go", "edge"):
                    return "up"
                if anc.lemma_ in FALL_VERBS:
                    return "down"
                particle = _particle_direction(anc)
                if particle is not None:
                    return particle
            return None
    return None


def _group_atoms(doc: Doc, atoms: list[_Atom], sent: Span) -> list[_Group]:
    groups: list[_Group] = []
    group_of: dict[int, int] = {}
    used: set[int] = set()
    sentence_has_price = any(t.lemma_ in PRICE_CUES for t in sent)
    for paren_pass in (False, True):
        for k, a in enumerate(atoms):
            if k in used or a.paren != paren_pass:
                continue
            later = [m for m in range(k + 1, len(atoms)) if atoms[m].paren == a.paren]
            partner = next((m for m in later if m not in used), None)
            if partner is not None:
                b = atoms[partner]
                gap = _gap_words(doc, a, b, atoms)
                between = _lower(doc, a.start - 1) == "between"
                connector = (" ".join(gap) in RANGE_CONNECTORS) or (gap == ["and"] and between)
                if _lower(doc, a.start - 1) == "by" and gap == ["to"]:
                    connector = False  # "rose by 200 to 1,400": a change, then the new level
                if gap in (["-"], ["–"], ["—"]) and b.value < a.value and not (
                    a.from_word or between
                ):
                    # "the toll reached 1,234 – 1,000 in the north and 234 in the south": a
                    # range goes up; a lower figure after a dash is the first part of a whole
                    connector = False
                compatible = not a.unit or not b.unit or a.normalized == b.normalized or (
                    a.kind == b.kind == "count"
                )
                # Conversions of the two ends of one change: "60 KZT (10 rubles) to 120 KZT
                # (20 rubles)".
                parents = {group_of.get(x.converts) for x in (a, b) if x.converts is not None}
                parent_change = len(parents) == 1 and None not in parents and \
                    groups[parents.pop()].from_low is not None
                # "fell 8 points to 41 percent": two written units are two quantities.
                both_written = bool(a.unit and b.unit) and not (
                    a.from_word or between or parent_change
                )
                if gap == ["-"] and b.value <= a.value and not doc[a.end - 1].whitespace_:
                    used.update((k, partner))  # a score or a code ("3-0"), not a range
                    continue
                if connector and compatible and not both_written:
                    # an end without a unit takes the other's ("between 3 and 5 km"); an age
                    # read from "aged" has no written unit but is not a count
                    if not a.unit and a.kind == "count":
                        a.unit, a.normalized, a.kind, a.head = b.unit, b.normalized, b.kind, b.head
                    if not b.unit and b.kind == "count":
                        b.unit, b.normalized, b.kind, b.head = a.unit, a.normalized, a.kind, a.head
                    used.update((k, partner))
                    verb = _governing_verb(doc[a.num_start])
                    spans = verb is not None and verb.lemma_ in ("range", "vary", "span")
                    is_change = (not spans and a.from_word and (
                        sentence_has_price or a.kind in ("currency", "percent")
                        or (verb is not None and verb.lemma_ in RISE_VERBS | FALL_VERBS)
                    )) or parent_change
                    if is_change:
                        low, high = bound_interval(b.value, b.bound, b.close)
                        group = _Group([k, partner], low, high, b.bound,
                                       "up" if b.value >= a.value else "down",
                                       from_low=a.value, from_high=a.value)
                    else:
                        group = _Group([k, partner], a.value, b.value, "exact", "=")
                    group_of[k] = group_of[partner] = len(groups)
                    groups.append(group)
                    continue
            used.add(k)
            low, high = bound_interval(a.value, a.bound, a.close)
            direction = _change_direction(doc, a)
            group = _Group([k], low, high, a.bound, direction or BOUND_CHANGE[a.bound])
            group_of[k] = len(groups)
            groups.append(group)
        if not paren_pass:
            # Parenthetical atoms convert the value written right before their parenthesis.
            for a in atoms:
                if not a.paren:
                    continue
                opening = a.paren_open
                for m, b in enumerate(atoms):
                    if not b.paren and b.end == opening:
                        a.converts = m
    for group in groups:
        first = atoms[group.atoms[0]]
        if first.converts is not None and first.converts in group_of:
            group.converts = group_of[first.converts]
    groups.sort(key=lambda g: atoms[g.atoms[0]].start)
    return groups


