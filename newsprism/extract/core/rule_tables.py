"""Exact, table-driven stand-ins for spaCy's rule-based attribute_ruler and lemmatizer.

In ``en_core_web_sm`` the attribute_ruler costs about as much as the dependency parser: its
Matcher tries 179 token patterns at every token of every Doc, although what almost all of them
read is the token's form, tag and dependency label. :class:`AttributeTable` evaluates each
single-token rule once per distinct ``(orth, tag, dep)`` — with the ruler's own Matcher, on a
one-token probe Doc, so the semantics are spaCy's by construction — and keeps the merged result
in a table; rules that span several tokens or read anything else still run through a Matcher,
over the whole Doc. The rule lemmatizer gets the same treatment (:class:`LemmaTable`): its
lemma is a pure function of ``(orth, pos, morph)``, computed by the lemmatizer itself on a miss.

Both write their results with ``Doc.from_array`` instead of token by token. Outputs (tag, pos,
morph, lemma, dep) are identical to the components they replace; tests/extract/
test_rule_tables.py checks that on real text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Pattern keys whose value is fixed by the token's lexeme (so by its orth), or by the tag or
# dependency label: a single-token rule that reads only these is a function of (orth, tag, dep).
_LEXICAL_KEYS: frozenset[str] = frozenset(
    {
        "ORTH", "TEXT", "LOWER", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "IS_ALPHA",
        "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
        "IS_STOP", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY",
        "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
    }
)
_CONTEXT_KEYS: frozenset[str] = frozenset({"TAG", "DEP"})
_TABLE_KEYS: frozenset[str] = _LEXICAL_KEYS | _CONTEXT_KEYS
# Token attributes an attribute rule may set, in the order of the columns written back.
_WRITABLE: tuple[int, ...] = (TAG, POS, MORPH, LEMMA, DEP)
_KEY_COLUMNS: tuple[int, ...] = (ORTH, TAG, DEP)
_MULTI_START = -1
_LEMMA_TABLE_META = "newsprism_lemma_table.json"

TokenPattern = dict[str, Any]


def _is_table_rule(patterns: Sequence[Sequence[TokenPattern]], index: int) -> bool:
    """A rule whose every pattern is one token matched on lexical attributes, tag or dep."""
    return index in (0, -1) and all(
        len(pattern) == 1
        and "OP" not in pattern[0]
        and {key.upper() for key in pattern[0]} <= _TABLE_KEYS
        for pattern in patterns
    )


class _PartMatcher:
    """Deduplicated parts of token patterns, matched with spaCy's Matcher token by token."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab, validate=False)
        self._ids: dict[str, int] = {}

    def add(self, part: TokenPattern) -> int | None:
        """The part's id (None for an empty part, which every token satisfies)."""
        if not part:
            return None
        key = repr(sorted(part.items()))
        if key not in self._ids:
            self._ids[key] = len(self._ids)
            self.matcher.add(f"newsprism_part_{id(self)}_{self._ids[key]}", [[part]])
        return self._ids[key]

    def match_tokens(self, probe: Doc) -> list[frozenset[int]]:
        """For each token of ``probe``, the ids of the parts it satisfies."""
        found: list[set[int]] = [set() for _ in range(len(probe))]
        for match_id, start, _ in self.matcher(probe, allow_missing=True, as_spans=False):
            found[start].add(int(self.vocab.strings[match_id].rsplit("_", 1)[1]))
        return [frozenset(parts) for parts in found]


class AttributeTable:
    """Applies an :class:`~spacy.pipeline.AttributeRuler`'s rules with the same result, faster.

    A token pattern is a conjunction of conditions, so a single-token rule matches when, for one
    of its patterns, the token satisfies both the pattern's lexical part (a function of the
    lexeme: evaluated once per distinct word) and its tag/dep part (evaluated once per distinct
    tag and label). Both parts are evaluated by spaCy's Matcher, so the semantics are its own.
    The merged attributes are then cached per (lexical class, tag, dep).

    Built empty by the factory and filled with :meth:`take_rules` from the ruler it replaces.
    """

    def __init__(self, vocab: Vocab, *, name: str = "attribute_ruler") -> None:
        self.vocab = vocab
        self.name = name
        self._ruler = AttributeRuler(vocab, name)  # the rules' source, kept for saving
        self._attrs: list[dict[int, int]] = []
        self._indices: list[int] = []
        self._columns: tuple[int, ...] = ()
        self._lexical = _PartMatcher(vocab)
        self._context = _PartMatcher(vocab)
        self._multi = Matcher(vocab, validate=False)
        # One condition per pattern of a table rule, and per first token of a Matcher-run
        # rule's pattern (owner _MULTI_START: the Matcher then runs only where one of them
        # holds), as (owner, lexical part id, context part id).
        self._conditions: list[tuple[int, int | None, int | None]] = []
        self._scan_every_doc = False  # a Matcher-run pattern with operators: no windows
        self._multi_length = 0
        self._lexical_class: dict[int, int] = {}  # orth -> lexical class id
        self._classes: dict[frozenset[int], int] = {}
        # lexical class / (tag, dep) -> the conditions whose lexical / context part holds
        self._class_conditions: list[frozenset[int]] = []
        self._context_conditions: dict[tuple[int, int], frozenset[int]] = {}
        self._rows: dict[tuple[int, int, int], int] = {}  # (class, tag, dep) -> row
        self._row_rules: list[list[int]] = []
        self._values: list[list[int]] = []
        self._masks: list[list[bool]] = []
        self._starts: list[bool] = []
        self._start_table = numpy.zeros(0, dtype=bool)
        self._value_table = numpy.zeros((0, 0), dtype="uint64")
        self._mask_table = numpy.zeros((0, 0), dtype=bool)

    def take_rules(self, ruler: AttributeRuler) -> None:
        """Copy the ruler's rules (their order is their precedence: later ones win)."""
        if self._attrs:
            raise ValueError("this attribute table already holds rules")
        if not supports_attribute_table(ruler):
            raise ValueError("the ruler sets attributes an attribute table cannot write")
        self._ruler = ruler
        self._attrs = [dict(attrs) for attrs in ruler.attrs]
        self._indices = list(ruler.indices)
        used = {attr for attrs in self._attrs for attr in attrs}
        self._columns = tuple(attr for attr in _WRITABLE if attr in used)
        for rule, spec in enumerate(ruler.patterns):
            if not _is_table_rule(spec["patterns"], spec["index"]):
                self._multi.add(str(rule), spec["patterns"])
                for pattern in spec["patterns"]:
                    self._add_multi_start(pattern)
                continue
            for pattern in spec["patterns"]:
                self._add_condition(rule, pattern[0])

    # Saved and loaded as the AttributeRuler it stands for, so a saved pipeline keeps its rules.
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self._ruler.to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AttributeTable:
        ruler = AttributeRuler(self.vocab, self.name)
        ruler.from_disk(path, exclude=exclude)
        return self._reloaded(ruler)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self._ruler.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> AttributeTable:
        ruler = AttributeRuler(self.vocab, self.name)
        ruler.from_bytes(data, exclude=exclude)
        return self._reloaded(ruler)

    def _reloaded(self, ruler: AttributeRuler) -> AttributeTable:
        self.__init__(self.vocab, name=self.name)  # type: ignore[misc]
        self.take_rules(ruler)
        return self

    def _add_multi_start(self, pattern: Sequence[TokenPattern]) -> None:
        first = pattern[0] if pattern else {}
        if any("OP" in token for token in pattern) or not set(first) <= _TABLE_KEYS:
            self._scan_every_doc = True
        else:
            self._add_condition(_MULTI_START, first)
            self._multi_length = max(self._multi_length, len(pattern))

    def _add_condition(self, owner: int, token: TokenPattern) -> None:
        """A token pattern, split into its lexical and its tag/dep part."""
        self._conditions.append((
            owner,
            self._lexical.add({k: v for k, v in token.items() if k.upper() in _LEXICAL_KEYS}),
            self._context.add({k: v for k, v in token.items() if k.upper() in _CONTEXT_KEYS}),
        ))

    def _classify(self, orths: list[int]) -> None:
        """Lexical classes of words not seen before, with one Matcher run over all of them."""
        words = [self.vocab.strings[orth] for orth in orths]
        probe = Doc(self.vocab, words=words, spaces=[False] * len(words))
        for orth, parts in zip(orths, self._lexical.match_tokens(probe), strict=True):
            if parts not in self._classes:
                self._classes[parts] = len(self._class_conditions)
                self._class_conditions.append(frozenset(
                    i for i, (_, lex, _) in enumerate(self._conditions)
                    if lex is None or lex in parts
                ))
            self._lexical_class[orth] = self._classes[parts]

    def _context_of(self, tag: int, dep: int) -> frozenset[int]:
        key = (tag, dep)
        if key not in self._context_conditions:
            probe = Doc(self.vocab, words=["x"], spaces=[False])
            probe[0].tag = tag
            probe[0].dep = dep
            parts = self._context.match_tokens(probe)[0]
            self._context_conditions[key] = frozenset(
                i for i, (_, _, ctx) in enumerate(self._conditions) if ctx is None or ctx in parts
            )
        return self._context_conditions[key]

    def _add_row(self, key: tuple[int, int, int]) -> int:
        lexical_class, tag, dep = key
        held = self._class_conditions[lexical_class] & self._context_of(tag, dep)
        owners = {self._conditions[i][0] for i in held}
        self._starts.append(_MULTI_START in owners)
        rules = sorted(owners - {_MULTI_START})
        merged = self._merge(rules)
        self._row_rules.append(rules)
        self._values.append([merged.get(column, 0) for column in self._columns])
        self._masks.append([column in merged for column in self._columns])
        self._rows[key] = len(self._values) - 1
        return self._rows[key]

    def _merge(self, rules: Iterable[int]) -> dict[int, int]:
        merged: dict[int, int] = {}
        for rule in sorted(rules):
            merged.update(self._attrs[rule])
        return merged

    def _row_index(self, keys: list[list[int]]) -> list[int]:
        classes = self._lexical_class
        new_words = [orth for orth, _, _ in keys if orth not in classes]
        if new_words:
            self._classify(list(dict.fromkeys(new_words)))
        rows = self._rows
        before = len(self._values)
        index = []
        for orth, tag, dep in keys:
            key = (classes[orth], tag, dep)
            row = rows.get(key)
            index.append(self._add_row(key) if row is None else row)
        if len(self._values) != before:
            width = len(self._columns)
            self._value_table = numpy.array(self._values, dtype="uint64").reshape(-1, width)
            self._mask_table = numpy.array(self._masks, dtype=bool).reshape(-1, width)
            self._start_table = numpy.array(self._starts, dtype=bool)
        return index

    def __call__(self, doc: Doc) -> Doc:
        if not self._columns or not len(doc):
            return doc
        index = self._row_index(doc.to_array(list(_KEY_COLUMNS)).tolist())
        taken = numpy.asarray(index, dtype="int64")
        columns = list(self._columns)
        values = numpy.where(
            self._mask_table[taken], self._value_table[taken], doc.to_array(columns)
        )
        for token_i, merged in self._multi_overrides(doc, index, taken).items():
            for j, column in enumerate(self._columns):
                if column in merged:
                    values[token_i, j] = merged[column]
        doc.from_array(columns, values)
        return doc

    def _multi_matches(self, doc: Doc, taken: numpy.ndarray) -> Iterable[tuple[int, int, int]]:
        """What the Matcher-run rules match in the Doc, as the Matcher over the whole Doc would
        find it: patterns without operators have a fixed length, so running the Matcher only on
        a window from each token that can start one finds the same matches."""
        if self._scan_every_doc:
            yield from self._multi(doc, allow_missing=True, as_spans=False)
            return
        for start in numpy.flatnonzero(self._start_table[taken]).tolist():
            window = doc[start : start + self._multi_length]
            for match_id, first, end in self._multi(window, allow_missing=True, as_spans=False):
                if first == 0:
                    yield match_id, start, start + end

    def _multi_overrides(
        self, doc: Doc, rows: list[int], taken: numpy.ndarray
    ) -> dict[int, dict[int, int]]:
        """Merged attributes of the tokens that a Matcher-run rule targets."""
        if not len(self._multi):
            return {}
        extra: dict[int, set[int]] = {}
        for match_id, start, end in self._multi_matches(doc, taken):
            rule = int(self.vocab.strings[match_id])
            offset = self._indices[rule]
            target = start + offset if offset >= 0 else end + offset
            if not start <= target < end:
                raise ValueError(f"attribute rule {rule} has index {offset} outside its match")
            extra.setdefault(target, set()).add(rule)
        return {
            token_i: self._merge([*self._row_rules[rows[token_i]], *rules])
            for token_i, rules in extra.items()
        }


class LemmaTable:
    """A rule :class:`~spacy.pipeline.Lemmatizer`'s lemmas, looked up per (orth, pos, morph).

    Fills only tokens without a lemma (as the lemmatizer does unless told to overwrite); a miss
    asks the lemmatizer itself, so the table holds exactly what it would have set.
    """

    def __init__(self, vocab: Vocab, *, name: str = "lemmatizer") -> None:
        self.vocab = vocab
        self.name = name
        self._lemmatizer: Lemmatizer | None = None
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._index_lists: dict[Any, list[str]] = {}  # the index as the lemmatizer had it

    def take_lemmatizer(self, lemmatizer: Lemmatizer) -> None:
        if not supports_lemma_table(lemmatizer):
            raise ValueError("only spaCy's own rule lemmatizers can run as a lemma table")
        self._lemmatizer = lemmatizer
        self._lemmas.clear()
        self._index_lists = _index_as_sets(lemmatizer)

    # Saved and loaded as the lemmatizer it stands for (its lookups), plus which class it was.
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        if self._lemmatizer is None:
            raise ValueError("this lemma table has no lemmatizer to save")
        # lookups are saved as msgpack, which has lists but no sets
        table = self._lemmatizer.lookups.get_table("lemma_index") if self._index_lists else {}
        sets = {key: table[key] for key in self._index_lists}
        try:
            for key, words in self._index_lists.items():
                table[key] = words
            self._lemmatizer.to_disk(path, exclude=exclude)
        finally:
            for key, words in sets.items():
                table[key] = words
        english = type(self._lemmatizer) is not Lemmatizer
        (Path(path) / _LEMMA_TABLE_META).write_text(json.dumps({"english": english}))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LemmaTable:
        from spacy.lang.en.lemmatizer import EnglishLemmatizer

        meta = json.loads((Path(path) / _LEMMA_TABLE_META).read_text())
        kind = EnglishLemmatizer if meta["english"] else Lemmatizer
        lemmatizer = kind(self.vocab, None, self.name, mode="rule")
        lemmatizer.from_disk(path, exclude=exclude)
        self.take_lemmatizer(lemmatizer)
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self._lemmatizer is None or not len(doc):
            return doc
        columns = [ORTH, POS, MORPH, LEMMA]
        array = doc.to_array(columns)
        missing = numpy.flatnonzero(array[:, 3] == 0)
        if not len(missing):
            return doc
        lemmas = self._lemmas
        strings = self.vocab.strings
        for i, (orth, pos, morph) in zip(
            missing.tolist(), array[missing, :3].tolist(), strict=True
        ):
            key = (orth, pos, morph)
            lemma = lemmas.get(key)
            if lemma is None:
                lemma = strings.add(self._lemmatizer.lemmatize(doc[i])[0])
                lemmas[key] = lemma
            array[i, 3] = lemma
        doc.from_array([LEMMA], array[:, 3:4])
        return doc


def _index_as_sets(lemmatizer: Lemmatizer) -> dict[Any, list[str]]:
    """The lemmatizer's word index per part of speech as sets rather than lists.

    ``rule_lemmatize`` only asks whether a candidate form is in the index (``form in index``)
    or whether the index is empty, which a set answers the same way; on a list each question
    scans tens of thousands of words (~180 µs a new word, most of the component's cold cost).
    Returns the lists replaced, by table key.
    """
    if "lemma_index" not in lemmatizer.lookups.tables:
        return {}
    table = lemmatizer.lookups.get_table("lemma_index")
    lists = {}
    for key in list(table.keys()):
        words = table[key]
        if isinstance(words, list):
            lists[key] = words
            table[key] = frozenset(words)
    return lists


def supports_attribute_table(ruler: AttributeRuler) -> bool:
    """Whether every attribute the ruler's rules set is one the table writes (not, say, NORM or
    custom extensions, which stay with spaCy's ruler)."""
    return all(set(attrs) <= set(_WRITABLE) for attrs in ruler.attrs)


def supports_lemma_table(lemmatizer: object) -> bool:
    """Whether a lemmatizer's output is a pure function of (orth, pos, morph): rule mode, and
    spaCy's own lemmatizer classes (a subclass might read anything)."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    return (
        type(lemmatizer) in (Lemmatizer, EnglishLemmatizer)
        and getattr(lemmatizer, "mode", None) == "rule"
        and not getattr(lemmatizer, "overwrite", True)
    )


@Language.factory("newsprism_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp.vocab, name=name)


@Language.factory("newsprism_lemma_table")
def make_lemma_table(nlp: Language, name: str) -> LemmaTable:
    return LemmaTable(nlp.vocab, name=name)


def use_rule_tables(nlp: Language) -> list[str]:
    """Swap the pipeline's attribute_ruler and rule lemmatizer for their table versions, in
    place and under the same names. Returns the names of the components replaced."""
    replaced = []
    for name, component in list(nlp.pipeline):
        if type(component) is AttributeRuler and supports_attribute_table(component):
            table = nlp.replace_pipe(name, "newsprism_attribute_table")
            table.take_rules(component)
            replaced.append(name)
        elif isinstance(component, Lemmatizer) and supports_lemma_table(component):
            nlp.replace_pipe(name, "newsprism_lemma_table").take_lemmatizer(component)
            replaced.append(name)
    return replaced


