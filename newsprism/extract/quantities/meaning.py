"""Step 3 of finding quantities: *meaning*. The measure from the cue that governs the number (see
:mod:`newsprism.extract.quantities.measures`), the counted group (scope), negation,
attribution and as-of date.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsprism.extract.dates.component import date_at
from newsprism.extract.quantities.atoms import (
    ADJECTIVAL_COUNTS,
    BLOCKING_PREPS,
    DENIAL_VERBS,
    GENERIC_NOUNS,
    INHERIT_CUES,
    NON_SOURCES,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    PHRASE_REACH,
    PRICE_CUES,
    REPORTING_VERBS,
    THING_MEASURES,
    TOTAL_NOUNS,
    TOTAL_VERBS,
    _Atom,
    _Group,
    _lower,
    _phrase_before,
)
from newsprism.extract.quantities.groups import _governing_verb, _paren_region
from newsprism.extract.quantities.measures import (
    NOUN_MEASURE,
    PEOPLE_MEASURES,
    WEAK_NOUN_MEASURES,
    measure_of_cue,
)
from newsprism.extract.quantities.units import lookup
from newsprism.model import PublicationTime, Quantity, Quote


def _per_after(doc: Doc, end: int, hi: int) -> str:
    k = end
    while k < hi and doc[k].text in (")",):
        k += 1
    region = _paren_region(doc, k, 0, hi) if k < hi else None
    if region:
        k = region[1]
    if k + 1 < hi and doc[k].lower_ in ("per", "/", "a", "an", "each") and \
            doc[k + 1].pos_ in ("NOUN", "PROPN"):
        found = lookup(doc[k + 1].lower_)
        if doc[k].lower_ in ("a", "an", "each") and not found:
            return ""
        return found[0] if found else doc[k + 1].lemma_.lower()
    return ""


def _cue_measure(tok: Token, allow: frozenset[str] | None = None) -> str | None:
    particles = [c.lower_ for c in tok.children if c.dep_ == "prt"]
    m = (measure_of_cue(f"{tok.lemma_}_{particles[0]}") if particles else None) or \
        measure_of_cue(tok.lemma_) or measure_of_cue(tok.lower_)
    if m is None and tok.lower_.endswith("ed"):
        # participles tagged as adjectives keep their inflection: "abducted", "displaced"
        m = measure_of_cue(tok.lower_[:-2]) or measure_of_cue(tok.lower_[:-1])
    if m and (allow is None or m in allow):
        return m
    return None


def _measure(doc: Doc, atom: _Atom, group: _Group, sent: Span, previous: list[Quantity],
             atoms: list[_Atom], phrase_cues: list[tuple[int, str]]) -> str:
    if atom.kind == "currency":
        # "$12 an hour" and "$60,000 a year" are pay, not prices; "$50 a ton" is a price.
        per_thing = bool(group.per) and (lookup(group.per) or ("", ""))[1] != "duration"
        cue = per_thing or group.from_low is not None or any(
            t.lemma_ in PRICE_CUES for t in sent
        )
        return "price" if cue else "money"
    if atom.kind == "age":
        return "age"
    if atom.kind == "duration":
        return "duration"
    if atom.kind == "percent":
        verb = _governing_verb(doc[atom.num_end - 1])
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb else []
        if any(t.lemma_ in PRICE_CUES for c in subjects for t in c.subtree):
            return "price"
        return "other"
    if atom.kind == "physical":
        verb = _governing_verb(doc[atom.num_end - 1])
        return "seized" if verb is not None and _cue_measure(verb) == "seized" else "other"
    people = PEOPLE_MEASURES | {"troops", "protesters"}
    # 1. a cue right before the number: "suffered more than 4.5 thousand", "killed 26".
    k = atom.start - 1
    while k >= sent.start and doc[k].lower_ in ("a", "the", "some", ":", ",", "at", "least"):
        k -= 1
    if k >= sent.start and doc[k].pos_ in ("VERB", "AUX", "ADJ"):
        found = _cue_measure(doc[k], people)
        if found:
            return found
    # "raised deaths to 190 and injuries to over 6,500": the count noun right before "to".
    while k >= sent.start and doc[k].lower_ in ("over", "nearly", "almost", "about", "than",
                                                "more", "around", "some", "least", "at"):
        k -= 1
    if k - 1 >= sent.start and doc[k].lower_ == "to" and doc[k - 1].pos_ == "NOUN":
        noun = doc[k - 1].lemma_.lower()
        found = NOUN_MEASURE.get(noun) or measure_of_cue(noun)
        if found in people:
            return found
    head = atom.head
    noun_measure = NOUN_MEASURE.get(head.lemma_.lower()) if head is not None else None
    if noun_measure is None and head is not None:
        noun_measure = NOUN_MEASURE.get(head.lower_)
    # An adjective standing for the counted people says what happened to them ("300,000
    # homeless", "40 dead"); a weak noun ("refugees") may be counted for another measure.
    if noun_measure and (noun_measure not in WEAK_NOUN_MEASURES or head.pos_ == "ADJ"):
        return noun_measure
    # 2. the words governing the number or its counted noun.
    start_tok = head if head is not None else doc[atom.num_end - 1]
    if head is not None and _person_like(head):
        for child in head.children:
            if child.dep_ in ("amod", "acl", "relcl") and child.i not in range(atom.num_start,
                                                                                 atom.num_end):
                found = _cue_measure(child, people)
                if found:
                    return found
    previous_tok = start_tok
    for anc in [start_tok, *start_tok.ancestors]:
        via, previous_tok = previous_tok, anc
        if anc.i in range(atom.num_start, atom.num_end) or anc is head:
            continue
        if via.dep_ == "conj" and via.pos_ in ("VERB", "AUX"):
            # "killed 190, wounded 6,500 and left 300,000 homeless": a coordinated predicate's
            # cue is its own figure's, not this one's.
            break
        # A noun governs the count only through "of" ("deaths of two servicemen"), not
        # "peacekeepers from four countries".
        if anc.pos_ in ("NOUN", "PROPN") and via.lower_ not in ("of", "among"):
            continue
        if anc.dep_ in ("prep", "agent") and anc.lower_ in BLOCKING_PREPS:
            # the count is a circumstance of the clause, not what the clause's cue counts,
            # unless the preposition is part of a phrase cue ("the strike by 1,300 teachers")
            for at, name in phrase_cues:
                if at <= anc.i <= at + PHRASE_REACH:
                    return name
            return noun_measure or "other"
        found = _cue_measure(anc)
        if found and head is not None and not _person_like(head) and found not in THING_MEASURES:
            found = None
        if found and found not in ("price", "money"):
            return found
        if anc.pos_ == "VERB":
            # "shot dead", "left injured": the predicate complement says what happened.
            for child in anc.children:
                if child.dep_ in ("oprd", "acomp", "xcomp") and _cue_measure(child, people):
                    return _cue_measure(child, people) or "other"
        if anc.pos_ in ("VERB", "AUX") and anc.lemma_ in TOTAL_VERBS:
            for child in anc.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    for t in child.subtree:
                        found = _cue_measure(t, people)
                        if found:
                            return found
    if noun_measure:
        return noun_measure
    # "bringing the total to 410": the running total of the figure before it.
    verb = _governing_verb(start_tok)
    if verb is not None and any(c.lemma_ in TOTAL_NOUNS for c in verb.children):
        for q in reversed(previous):
            if q.sentence_start == sent.start_char and q.measure in PEOPLE_MEASURES:
                return q.measure
    # 3. "Including 19 police ...": the measure of the figure it breaks down.
    if _phrase_before(doc, atom.start, sent.start, INHERIT_CUES) is not None or \
            doc[sent.start].lower_ in ("including", "among"):
        for q in reversed(previous[-6:]):
            if q.measure in PEOPLE_MEASURES:
                return q.measure
    # 4. a casualty cue anywhere in the sentence, nearest first, for counts of people only.
    if head is not None and not _person_like(head):
        return "other"
    best: tuple[int, str] | None = None
    candidates = [(t.i, _cue_measure(t, people) if t.pos_ in ("VERB", "ADJ", "NOUN") else None)
                  for t in sent if not atom.start <= t.i < atom.end]
    candidates += [(i, name) for i, name in phrase_cues if sent.start <= i < sent.end]
    for i, found in candidates:
        if found:
            t = doc[i]
            distance = _distance(t.i, atom)
            # A cue nearer another number is that number's ("52 pilgrims ..., killing 14").
            if any(_distance(t.i, other) < distance for other in atoms if other is not atom):
                continue
            if best is None or distance < best[0]:
                best = (distance, found)
    return best[1] if best else "other"


def _person_like(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return (
        lemma in PERSON_NOUNS
        or noun.lower_ in ADJECTIVAL_COUNTS
        or lemma in NOUN_MEASURE
        or lemma.endswith(PERSON_SUFFIXES)
        or noun.pos_ in ("PROPN", "PRON")
    )


def _distance(i: int, atom: _Atom) -> int:
    return 0 if atom.start <= i < atom.end else min(abs(i - atom.start), abs(i - atom.end + 1))


def _scope(doc: Doc, head: Token | None, atom: _Atom) -> str:
    if head is None or head.lemma_.lower() in GENERIC_NOUNS or head.lower_ in GENERIC_NOUNS:
        return ""
    if head.pos_ == "PRON":
        return ""
    keep: list[Token] = []

    def modifiers(noun: Token) -> None:
        keep.append(noun)
        for child in noun.children:
            if child.i in range(atom.num_start, atom.num_end) or (
                child.i < atom.start and noun is head
            ):
                continue
            if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < noun.i:
                if child.lower_ in ADJECTIVAL_COUNTS or _cue_measure(child) in PEOPLE_MEASURES:
                    continue
                keep.extend(t for t in child.subtree if t.dep_ != "case" or t.head is child)
            elif child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
                modifiers(child)
            elif child.dep_ == "cc":
                keep.append(child)

    modifiers(head)
    keep = [t for t in keep if t.i >= atom.num_end or t.i < atom.start]
    if not keep:
        return ""
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    lo = max(lo, atom.num_end) if lo < atom.num_end and head.i >= atom.num_end else lo
    span = doc[lo:hi + 1]
    words = [t for t in span if t.dep_ != "det" and t.pos_ != "NUM"]
    return " ".join(t.text for t in words).replace(" 's", "'s").strip()


def _item(doc: Doc, sent: Span) -> str:
    for t in sent:
        if t.lemma_ in PRICE_CUES and t.pos_ == "NOUN":
            compounds = [c for c in t.children if c.dep_ == "compound"]
            if compounds:
                return " ".join(c.text for c in compounds)
            for prep in t.children:
                if prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            mods = [c for c in pobj.children if c.dep_ in ("amod", "compound")]
                            return " ".join(x.text for x in sorted([*mods, pobj],
                                                                   key=lambda x: x.i))
    return ""


def _negated(doc: Doc, atom: _Atom) -> bool:
    tok = atom.head if atom.head is not None else doc[atom.num_end - 1]
    verb_seen = False
    for anc in [tok, *tok.ancestors]:
        if anc.lemma_ in DENIAL_VERBS:
            return True
        if anc.pos_ in ("VERB", "AUX") and not verb_seen:
            verb_seen = True
            if any(c.dep_ == "neg" for c in anc.children):
                return True
    return False


def _speaker_phrase(tok: Token) -> str:
    """The name of a source: its entity, else the noun with its modifiers ("law enforcers")."""
    if tok.lemma_.lower() in NON_SOURCES:
        return ""
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in ("ORG", "PERSON", "GPE", "NORP", "FAC"):
            return re.sub(r"^(?:the|The)\s+", "", ent.text)
    words = [t for t in tok.lefts if t.dep_ in ("compound", "amod")]
    words = [t for w in words for t in w.subtree] + [tok]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _attribution(doc: Doc, atom: _Atom, sent: Span, start: int, end: int,
                 quotes: list[Quote]) -> str:
    for quote in quotes:
        if quote.start <= start and end <= quote.end and (quote.speaker or quote.speaker_text):
            return quote.speaker or quote.speaker_text
    tok = atom.head if atom.head is not None else doc[atom.num_end - 1]
    for anc in [tok, *tok.ancestors]:
        if anc.lemma_ in REPORTING_VERBS and anc.pos_ in ("VERB", "AUX"):
            for child in anc.children:
                if child.dep_ == "nsubj" and child.pos_ != "PRON":
                    return _speaker_phrase(child)
            # "..., police said" attaches to the root; one reporting verb is enough.
            break
    for t in sent:
        if t.lower_ == "according" and _lower(doc, t.i + 1) == "to":
            for pobj in doc[t.i + 1].children:
                if pobj.dep_ == "pobj" and pobj.pos_ != "PRON":
                    return _speaker_phrase(pobj)
    return ""


PRESENT_TENSE_TAGS = frozenset({"VBP", "VBZ"})


def _paragraph_start(text: str, at: int) -> int:
    found = text.rfind("\n", 0, at)
    return found + 1 if found >= 0 else 0


# A year named as a modifier ("the 2011 earthquake") is one of these.
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_YEAR_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod", "poss"})


def _year_of(noun: Token) -> int | None:
    for child in noun.children:
        if child.dep_ in _YEAR_DEPS and _YEAR.fullmatch(child.text):
            return int(child.text)
    return None


def _recalled_year(figure: Token, publication: PublicationTime | None) -> str | None:
    """The year of an earlier event the figure counts for, as its as-of ("the 2011 earthquake
    that ... killed more than 18,400 people", "The 1999 earthquake killed 17,000"): the subject
    of the figure's verb, or the noun its clause describes, is named by a year before the
    publication's (any year when the publication is unknown). The cross-check keeps it out of
    the event's comparisons as history when the year is before the event, and compares it as
    undated otherwise."""
    value = (publication.value if publication is not None else None) or ""
    published = int(value[:4]) if _YEAR.match(value[:4]) else None
    for ancestor in figure.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            subjects = [c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")]
            years = [y for c in subjects if (y := _year_of(c)) is not None]
        elif ancestor.pos_ in ("NOUN", "PROPN") and ancestor.i != figure.head.i:
            years = [y] if (y := _year_of(ancestor)) is not None else []
        else:
            continue
        if years:
            return str(years[0]) if published is None or years[0] < published else None
        if ancestor.pos_ in ("NOUN", "PROPN") or ancestor.dep_ == "ROOT":
            return None
    return None


def _as_of(doc: Doc, text: str, start: int, end: int, sent: Span) -> str | None:
    times = doc._.times or []
    found = date_at(times, start, end, sentence_start=sent.start_char,
                    sentence_end=sent.end_char)
    if found:
        return found
    tokens = doc.char_span(start, end, alignment_mode="expand")
    if tokens is not None and (year := _recalled_year(tokens.root, doc._.publication)):
        return year
    # A date stated earlier in the same paragraph still holds for the figures that follow it,
    # unless the sentence speaks in the present ("Twelve people remain missing").
    verb = _governing_verb(tokens.root) if tokens is not None else None
    if (verb if verb is not None else sent.root).tag_ in PRESENT_TENSE_TAGS:
        return date_at([], start, end, publication=doc._.publication)
    para = _paragraph_start(text, sent.start_char)
    earlier = [t for t in times if t.date and t.type in ("DATE", "TIME")
               and para <= t.start < sent.start_char]
    if earlier:
        return max(earlier, key=lambda t: t.start).date
    return date_at([], start, end, publication=doc._.publication)


