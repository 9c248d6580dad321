"""Quantities with what they count, bounds, unit, scope, as-of date and attribution.

A quantity is found in three steps, sentence by sentence:

1. *atoms*: a number (digits, words, fractions, scaled "4.5 thousand", vague "dozens", glued
   "USD115") read from token attributes, with its bound ("more than", "or more"), unit (from
   ``newsprism/data/units.json``: currency, percent, duration, physical, age) or counted noun
   (the parser's ``nummod`` head, or the object of "26 *of* the criminals");
   years, times, ordinals, phone numbers and numbering ("Article 5") are skipped;
2. *groups*: atoms joined into ranges ("10 to 20"), changes ("from 60 to 120 tenge") and
   parenthetical conversions ("120 KZT (20 rubles)");
3. *meaning*: the measure from the cue that governs the number (see ``measures``), the
   counted group (scope), negation, "another" (incremental), attribution and as-of date.

This module runs the steps and is the ``newsprism_quantities`` component; the steps live in
``atoms``, ``groups`` and ``meaning``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsprism.extract.core.extensions import doc_text, register_extensions
from newsprism.extract.quantities.atoms import (
    _Atom,
    _blocked_tokens,
    _find_atoms,
    _number_start_tokens,
    _rate_after,
)
from newsprism.extract.quantities.groups import _group_atoms
from newsprism.extract.quantities.meaning import (
    _as_of,
    _attribution,
    _item,
    _measure,
    _negated,
    _per_after,
    _scope,
)
from newsprism.extract.quantities.measures import PHRASE_CUES
from newsprism.extract.quantities.numbers import european_style
from newsprism.model import Quantity, Quote

_MATCHERS: dict[int, Matcher] = {}


def _matcher(vocab: Vocab) -> Matcher:
    """The phrase-cue matcher for a vocabulary, built once."""
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        matcher = Matcher(vocab)
        for name, patterns in PHRASE_CUES.items():
            matcher.add(name, patterns)
        _MATCHERS[id(vocab)] = matcher
    return matcher


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity of interest in a processed Doc, in text order."""
    if not doc.has_annotation("SENT_START"):
        return []
    text = doc_text(doc)
    european = european_style(text)
    blocked = _blocked_tokens(doc)
    quotes: list[Quote] = list(doc._.quotes or [])
    # (first token, measure) of every phrase cue in the document
    phrase_cues = [(start, doc.vocab.strings[key]) for key, start, _ in _matcher(doc.vocab)(doc)]
    doc_id = doc._.doc_id or ""
    out: list[Quantity] = []
    starts = _number_start_tokens(doc)
    for sent in doc.sents:
        atoms = _find_atoms(doc, text, sent, blocked, european, starts)
        if not atoms:
            continue
        groups = _group_atoms(doc, atoms, sent)
        index_of: dict[int, int] = {}
        for n, group in enumerate(groups):
            first, last = atoms[group.atoms[0]], atoms[group.atoms[-1]]
            main = last if last.unit else first
            group.per = _per_after(doc, last.end, sent.end) or _rate_after(doc, main, sent.end)
            if group.per and _rate_is_time_ago(doc, last.end, sent.end):
                group.per = ""  # "300 drams a month ago": when, not a rate
            start_tok, end_tok = first.start, last.end
            if any(first.start < other.start < last.start for other in atoms
                   if other is not first and other is not last and other.paren != first.paren):
                # a conversion's ends interleave with the values they convert: point at the
                # value it ends on, not at a span that covers the other figures
                start_tok = last.start
            start, end = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1])
            measure = _measure(doc, main, group, sent, out, atoms, phrase_cues)
            converts = None
            if group.converts is not None:
                # the converted group is the one whose atoms include the converted atom
                target = atoms[group.atoms[0]].converts
                for m, other in enumerate(groups):
                    if target in other.atoms and m in index_of:
                        converts = index_of[m]
                        other_q = out[index_of[m]]
                        measure = other_q.measure if other_q.measure != "other" else measure
                        if not group.per:
                            group.per = other_q.per
                        if other_q.per == "" and group.per:
                            other_q.per = group.per
            quantity = Quantity(
                doc_id=doc_id,
                start=start,
                end=end,
                text=text[start:end],
                low=group.low,
                high=group.high,
                bound=group.bound,
                change=group.change,  # type: ignore[arg-type]
                unit=main.unit,
                # a count of things has no unit ("-"); the counted noun is its item
                normalized_unit=(main.normalized or "-") if main.kind != "count" else "-",
                per=group.per,
                measure=measure,
                scope=_scope(doc, main.head, main) if measure not in ("price", "money") else "",
                item=_item(doc, sent) if measure == "price" else _count_item(main),
                from_low=group.from_low,
                from_high=group.from_high,
                converts=converts,
                negated=_negated(doc, main),
                incremental=first.incremental,
                attributed_to=_attribution(doc, main, sent, start, end, quotes),
                as_of=_as_of(doc, text, start, end, sent),
                sentence_start=sent.start_char,
                sentence_end=sent.end_char,
            )
            index_of[n] = len(out)
            out.append(quantity)
    return out


def _count_item(atom: _Atom) -> str:
    """What a count counts ("survivor"); "" for a unit, or a pronoun ("96 of them")."""
    if atom.kind != "count" or atom.normalized == "-" or (
        atom.head is not None and atom.head.pos_ == "PRON"
    ):
        return ""
    return atom.normalized


# Words after "a month", "a year" that make it a time reference rather than a rate.
_AGO_WORDS = frozenset({"ago", "earlier", "later", "before", "previously", "back"})


def _rate_is_time_ago(doc: Doc, end: int, hi: int) -> bool:
    """Whether the "a <duration>" after token ``end`` is followed by "ago", "earlier", ..."""
    k = end
    while k < hi and doc[k].text in (")",):
        k += 1
    return k + 2 < hi + 1 and k + 2 < len(doc) and doc[k].lower_ in ("a", "an") and \
        doc[k + 2].lower_ in _AGO_WORDS


class Quantities:
    """spaCy component: sets ``doc._.quantities``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = find_quantities(doc)
        return doc


@Language.factory("newsprism_quantities", assigns=["doc._.quantities"])
def make_quantities(nlp: Language, name: str) -> Quantities:
    return Quantities(nlp, name)
