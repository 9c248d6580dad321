"""Token features and BIO labels for the trained attribution tagger (pure functions on a Doc).

The tagger labels each token ``B``/``I``/``O`` for one span type (source, cue or content). What it
sees per token: its word, lemma, tag and dependency relation, its head's lemma, its entity type,
whether it is inside quote marks, how often its lemma is a cue in the training data (a learned
lexicon), the nearest ancestor that is a likely cue and the relation through which the token hangs
from it (a content clause is a ``ccomp``, a source an ``nsubj``), and the spans the rules in
:mod:`newsprism.extract.quotes.component` found, so the model learns where to trust them.
Neighbouring tokens' features are added with their offset.
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, LOWER, ORTH, SENT_START, SPACY, TAG
from spacy.tokens import Doc, Token

from newsprism.extract.quotes.linear_chain import FeatureColumns
from newsprism.model import Quote

SPAN_TYPES: tuple[str, ...] = ("source", "cue", "content")
Span = tuple[int, int]
RuleSpans = Mapping[str, Sequence[Sequence[int]]]

# A lemma enters the learned cue lexicon when it heads at least this many training cues; its
# value is the share of its occurrences that are cues (bucketed below).
MIN_CUE_COUNT = 3
# Cue-share buckets: a lemma at or above a threshold gets its name as a feature value.
CUE_BUCKETS: tuple[tuple[float, str], ...] = ((0.5, "high"), (0.2, "mid"), (0.05, "low"))
# The ancestor walk looks for the nearest ancestor whose cue share is at least this ("mid").
ANCESTOR_CUE_SHARE = 0.2
MAX_ANCESTOR_STEPS = 8
WINDOW = 2
# Where the neighbours whose features a token also carries stand, relative to it.
NEIGHBOUR_OFFSETS: tuple[int, ...] = tuple(o for o in range(-WINDOW, WINDOW + 1) if o)
# A sentence goes to the tagger when a lemma outside the rules' cues heads a training cue at least
# this often. Chosen on PolNeAR train's 10% hold-out: at 0.1 the scores equal tagging every
# sentence (source 0.718 vs 0.717 exact) on three quarters of the tokens; at 0.2 source fell to
# 0.710 (docs/benchmarks.md, "Cost" under quotes and attributions).
CANDIDATE_CUE_SHARE = 0.1
QUOTE_MARKS = frozenset({'"', "“", "”", "«", "»", "„", "''", "``"})
OPEN_MARKS = frozenset("“«„")
CLOSE_MARKS = frozenset("”»")


def rule_spans(quotes: Iterable[Quote]) -> dict[str, list[list[int]]]:
    """The source, cue and content character spans of the rules' quotes (lists, so they can be
    stored in a DocBin's user data)."""
    spans: dict[str, list[list[int]]] = {name: [] for name in SPAN_TYPES}
    for quote in quotes:
        spans["content"].append([quote.start, quote.end])
        if quote.speaker_start is not None and quote.speaker_end is not None:
            spans["source"].append([quote.speaker_start, quote.speaker_end])
        if quote.cue_start is not None and quote.cue_end is not None:
            spans["cue"].append([quote.cue_start, quote.cue_end])
    return spans


def _token_span(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def bio_labels(doc: Doc, spans: Iterable[Sequence[int]]) -> list[str]:
    """``B``/``I``/``O`` per token; of two overlapping spans the longer one is kept (an outer
    content holds the inner attribution's content)."""
    labels = ["O"] * len(doc)
    token_spans = [s for s in (_token_span(doc, a, b) for a, b in spans) if s is not None]
    for start, end in sorted(token_spans, key=lambda s: s[0] - s[1]):
        if any(label != "O" for label in labels[start:end]):
            continue
        labels[start] = "B"
        for i in range(start + 1, end):
            labels[i] = "I"
    return labels


def spans_from_labels(doc: Doc, labels: Sequence[str]) -> list[Span]:
    """Token spans ``(start, end)`` of the ``B I*`` runs (an ``I`` after ``O`` opens a span)."""
    spans: list[Span] = []
    start: int | None = None
    for i, label in enumerate(labels):
        if label == "B" or (label == "I" and start is None):
            if start is not None:
                spans.append((start, i))
            start = i
        elif label == "O" and start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(labels)))
    return [s for s in spans if s[1] <= len(doc)]


def _cue_head(doc: Doc, start: int, end: int) -> Token:
    return doc[start:end].root


def learn_cue_lexicon(annotated: Iterable[tuple[Doc, Sequence[Sequence[int]]]]) -> dict[str, float]:
    """Lemma → share of its occurrences that head a gold cue, for lemmas heading enough cues."""
    cues: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for doc, spans in annotated:
        heads = set()
        for start, end in spans:
            span = _token_span(doc, start, end)
            if span is not None:
                heads.add(_cue_head(doc, *span).i)
        for i in heads:
            cues[doc[i].lemma_.lower()] += 1
        # A text annotated twice counts its words twice, as it counts its cues twice.
        for token in doc:
            seen[token.lemma_.lower()] += 1
    return {
        lemma: round(count / seen[lemma], 3)
        for lemma, count in cues.items()
        if count >= MIN_CUE_COUNT and seen[lemma]
    }


def _bucket(share: float) -> str:
    for threshold, name in CUE_BUCKETS:
        if share >= threshold:
            return name
    return "none"


@dataclass(frozen=True)
class _Columns:
    """The token attributes the features read, one list each, read once per Doc (every Token
    object spaCy hands out, ``token.head`` included, is built anew on access)."""

    text: list[str]
    whitespace: list[str]
    lower: list[str]
    lemma: list[str]
    tag: list[str]
    dep: list[str]
    ent: list[str]
    head: list[int]
    sent_start: list[bool]

    @functools.cached_property
    def quoted(self) -> list[bool]:
        """Whether each token is inside quote marks (:func:`_quote_flags`), worked out once
        for the candidate sentences and the features both."""
        return _quote_flags(self)

    @classmethod
    def of(cls, doc: Doc) -> _Columns:
        # One numpy array for every attribute: building a Token object per access (and per
        # token.head) was most of the feature time. Each distinct string is decoded once.
        orth, space, low, lem, tag, dep, iob, ent_type, rel_head, start = (
            doc.to_array(_ARRAY_ATTRS).T.tolist()
        )
        strings = doc.vocab.strings
        decoded: dict[int, str] = {0: ""}

        def text_of(hashes: list[int]) -> list[str]:
            for key in set(hashes).difference(decoded):
                decoded[key] = strings[key]
            return list(map(decoded.__getitem__, hashes))

        types = text_of(ent_type)
        return cls(
            text=text_of(orth),
            whitespace=[" " if flag else "" for flag in space],
            lower=text_of(low),
            lemma=[lemma.lower() for lemma in text_of(lem)],
            tag=text_of(tag),
            dep=text_of(dep),
            ent=[_IOB[b] + t for b, t in zip(iob, types, strict=True)],
            # to_array is unsigned: a head to the left (a negative offset) comes back wrapped
            head=[i + (h - _WRAP if h >= _WRAP // 2 else h) for i, h in enumerate(rel_head)],
            sent_start=[i == 0 or flag == 1 for i, flag in enumerate(start)],
        )


_ARRAY_ATTRS = [ORTH, SPACY, LOWER, LEMMA, TAG, DEP, ENT_IOB, ENT_TYPE, HEAD, SENT_START]
_IOB = {0: "", 1: "I", 2: "O", 3: "B"}
_WRAP = 2**64


def _quote_flags(columns: _Columns) -> list[bool]:
    """Whether each token is inside quote marks (curly or guillemets by side, straight ones by
    alternation; a paragraph break closes an open straight quotation)."""
    inside = False
    flags: list[bool] = []
    for text, whitespace in zip(columns.text, columns.whitespace, strict=True):
        if text in OPEN_MARKS:
            inside = True
        elif text in CLOSE_MARKS:
            inside = False
        elif text in ('"', "''", "``"):
            inside = not inside
        flags.append(inside)
        if "\n" in whitespace or "\n" in text:
            inside = False if text not in OPEN_MARKS else inside
    return flags


# The rule-tag feature of each combination of the rules' B/I/O tags (shared, read-only dicts).
_RULE_TAGS: dict[tuple[str, ...], dict[str, float]] = {
    tags: {f"{kind[:3]}{tag}": 1.0 for kind, tag in zip(SPAN_TYPES, tags, strict=True)
           if tag != "O"}
    for tags in itertools.product("BIO", repeat=len(SPAN_TYPES))
}


def _rule_tags(doc: Doc, rules: RuleSpans) -> list[dict[str, float]]:
    """Per token, the rules' spans it is in: ``{"souB": 1.0, "conI": 1.0}``."""
    labels = [bio_labels(doc, rules.get(kind, ())) for kind in SPAN_TYPES]
    return [_RULE_TAGS[tags] for tags in zip(*labels, strict=True)]


def _ancestor_cues(columns: _Columns,
                   lexicon: Mapping[str, float]) -> list[tuple[str, str, int] | None]:
    """Per token, the nearest ancestor that is a likely cue: (its lemma, the relation of the
    child on the path from the token, steps up). A token shares its head's answer one step
    further, so each is computed once."""
    lemmas, heads, deps = columns.lemma, columns.head, columns.dep
    is_cue = [lexicon.get(lemma, 0.0) >= ANCESTOR_CUE_SHARE for lemma in lemmas]
    found: list[tuple[str, str, int] | bool | None] = [False] * len(lemmas)

    def walk(i: int) -> tuple[str, str, int] | None:
        known = found[i]
        if known is not False:
            return known  # type: ignore[return-value]
        head = heads[i]
        result: tuple[str, str, int] | None
        if head == i:
            result = None
        elif is_cue[head]:
            result = (lemmas[head], deps[i], 1)
        else:
            above = walk(head)
            result = (above[0], above[1], above[2] + 1) if above is not None else None
            if result is not None and result[2] > MAX_ANCESTOR_STEPS:
                result = None
        found[i] = result
        return result

    return [walk(i) for i in range(len(lemmas))]


def _shape(text: str) -> str:
    if text.isdigit():
        return "d"
    if text[:1].isupper():
        return "X" if len(text) > 1 and text.isupper() else "Xx"
    if text[:1].isalpha():
        return "x"
    return "p"


Features = dict[str, object]
# Neighbour features copied under their offset ("-1:w:said"): the keys of the base features.
NEIGHBOUR_KEYS: tuple[str, ...] = ("w", "t", "d", "c", "q", "r", "ad", "e")
PAD: Features = {"pad": 1.0}


def _base_columns(doc: Doc, columns: _Columns, lexicon: Mapping[str, float], rules: RuleSpans,
                  indices: Sequence[int]) -> dict[str, list[object]]:
    """The own features (without the neighbours') of the tokens at ``indices``, one list per
    feature key (``None``: the token has no such feature)."""
    quoted = columns.quoted
    rule_tags = _rule_tags(doc, rules)
    every_ancestor = _ancestor_cues(columns, lexicon)
    ancestors = [every_ancestor[i] for i in indices]
    lemmas, deps, tags, heads, starts = (columns.lemma, columns.dep, columns.tag, columns.head,
                                         columns.sent_start)
    buckets = [_bucket(lexicon.get(lemma, 0.0)) for lemma in lemmas]
    last = len(lemmas) - 1
    own_heads = [heads[i] for i in indices]
    head_lemmas = [lemmas[h] for h in own_heads]
    return {
        "w": [columns.lower[i] for i in indices],
        "l": [lemmas[i] for i in indices],
        "t": [tags[i] for i in indices],
        "d": [deps[i] for i in indices],
        "s": [_shape(columns.text[i]) for i in indices],
        "hl": head_lemmas,
        "dh": [f"{deps[i]}|{lemma}" for i, lemma in zip(indices, head_lemmas, strict=True)],
        "ht": [tags[h] for h in own_heads],
        "e": [columns.ent[i] for i in indices],
        "q": [quoted[i] for i in indices],
        "c": [buckets[i] for i in indices],
        "hc": [buckets[h] for h in own_heads],
        "dir": ["L" if h > i else "R" if h < i else "root"
                for i, h in zip(indices, own_heads, strict=True)],
        "sent_start": [starts[i] for i in indices],
        "sent_end": [i == last or starts[i + 1] for i in indices],
        "r": [rule_tags[i] for i in indices],
        "ad": [a[1] if a is not None else "none" for a in ancestors],
        "al": [a[0] if a is not None else None for a in ancestors],
        "adl": [f"{a[1]}|{a[0]}" if a is not None else None for a in ancestors],
        "as": [f"{min(a[2], 4)}|{a[1]}" if a is not None else None for a in ancestors],
    }


def candidate_features(doc: Doc, rules: RuleSpans, lexicon: Mapping[str, float]
                       ) -> tuple[list[int], list[Features]]:
    """The tokens of the candidate sentences (:func:`candidate_columns`), in order, and their
    features as python-crfsuite's dicts."""
    indices, columns = candidate_columns(doc, rules, lexicon)
    return indices, _rows(columns, indices, len(doc))


def candidate_columns(doc: Doc, rules: RuleSpans, lexicon: Mapping[str, float]
                      ) -> tuple[list[int], FeatureColumns]:
    """The tokens of the sentences that may hold an attribution the rules did not find, in order,
    and the feature columns that cover them and their neighbours: sentences with a likely cue (a
    lemma whose training cue share is at least :data:`CANDIDATE_CUE_SHARE`) that is not a cue
    the rules found, or with quoted words that are not a content the rules found. The tagger
    reads only these: its attributions that repeat the rules' are dropped anyway
    (``quotes.combine``), and a sentence with no likely cue rarely holds one."""
    columns = _Columns.of(doc)
    indices = _candidates(columns, doc, rules, lexicon)
    return indices, _feature_columns(doc, columns, rules, lexicon, indices)


def _candidates(columns: _Columns, doc: Doc, rules: RuleSpans,
                lexicon: Mapping[str, float]) -> list[int]:
    n = len(columns.text)
    covered = {kind: [False] * n for kind in ("cue", "content")}
    for kind, flags in covered.items():
        for start, end in rules.get(kind, ()):
            span = _token_span(doc, start, end)
            if span is not None:
                flags[span[0]:span[1]] = [True] * (span[1] - span[0])
    quoted = columns.quoted
    kept: list[int] = []
    sentence: list[int] = []
    keep = False
    for i, text in enumerate(columns.text):
        if columns.sent_start[i] and sentence:
            if keep:
                kept.extend(sentence)
            sentence, keep = [], False
        sentence.append(i)
        keep = keep or (
            (not covered["content"][i] and (quoted[i] or text in QUOTE_MARKS))
            or (not covered["cue"][i]
                and lexicon.get(columns.lemma[i], 0.0) >= CANDIDATE_CUE_SHARE)
        )
    if keep:
        kept.extend(sentence)
    return kept


def doc_features(doc: Doc, rules: RuleSpans, lexicon: Mapping[str, float],
                 indices: Sequence[int] | None = None) -> list[Features]:
    """The features (python-crfsuite's nested-dict form) of the tokens at ``indices`` (default
    every token): each token's own, and its neighbours' within :data:`WINDOW` under their
    offset. Neighbours share one dict, so the strings are built once per token (crfsuite joins
    the names). Neighbours are read from the Doc, so a token's features do not depend on which
    other tokens are tagged."""
    wanted = range(len(doc)) if indices is None else indices
    columns = _feature_columns(doc, _Columns.of(doc), rules, lexicon, wanted)
    return _rows(columns, wanted, len(doc))


def all_columns(doc: Doc, rules: RuleSpans, lexicon: Mapping[str, float]) -> FeatureColumns:
    """The feature columns of every token of the Doc."""
    return _feature_columns(doc, _Columns.of(doc), rules, lexicon, range(len(doc)))


def _feature_columns(doc: Doc, columns: _Columns, rules: RuleSpans,
                     lexicon: Mapping[str, float], wanted: Sequence[int]) -> FeatureColumns:
    """The own features of the wanted tokens and of their neighbours within :data:`WINDOW`."""
    n = len(columns.text)
    needed = sorted({j for i in wanted for j in range(i - WINDOW, i + WINDOW + 1) if 0 <= j < n})
    return FeatureColumns(positions=needed,
                          values=_base_columns(doc, columns, lexicon, rules, needed))


def _rows(columns: FeatureColumns, wanted: Sequence[int], n: int) -> list[Features]:
    """Feature columns as one dict per wanted token, with its neighbours' under their offset."""
    keys = list(columns.values)
    values = [columns.values[key] for key in keys]
    neighbour_keys = [(key, columns.values[key]) for key in NEIGHBOUR_KEYS
                      if key in columns.values]
    position = {i: p for p, i in enumerate(columns.positions)}
    shared = {i: {key: value[p] for key, value in neighbour_keys if value[p] is not None}
              for i, p in position.items()}
    offsets = [(offset, str(offset)) for offset in NEIGHBOUR_OFFSETS]
    features: list[Features] = []
    for i in wanted:
        p = position[i]
        item: Features = {"bias": 1.0}
        item.update((key, value[p]) for key, value in zip(keys, values, strict=True)
                    if value[p] is not None)
        for offset, name in offsets:
            j = i + offset
            item[name] = shared[j] if 0 <= j < n else PAD
        features.append(item)
    return features
