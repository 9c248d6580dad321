"""The trained attribution tagger: source, cue and content spans from one linear-chain CRF.

The CRF tags each token with a joint label, the B/I/O tag of each span type in turn
(``"B|O|I"``: a source begins inside a content), so nested spans survive and one Viterbi pass
serves the three types. The weights live in ``newsprism/data/attribution/`` (``joint.crfsuite``
and the learned cue lexicon ``cues.json``), made by ``scripts/train_attribution.py`` from
PolNeAR's training split. A folder holding one CRF per span type instead (``source.crfsuite``,
``cue.crfsuite``, ``content.crfsuite``, from earlier versions of the script) loads too. When the
files or the ``python-crfsuite`` package are missing, :func:`load_model` returns None and the
quotes component runs on its rules alone.

The tagger sees the rules' spans as features
(:mod:`newsprism.extract.quotes.attribution_features`) and adds what they miss: attributions of
belief, stance and finding ("supports", "has proved", "an assessment of") and boundaries the
rules get wrong. Its spans are grouped into attributions around their cue: the content and source
nearest the cue in its sentence.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import numpy
from spacy.tokens import Doc, Span

from newsprism.extract.quotes.attribution_features import (
    NEIGHBOUR_KEYS,
    NEIGHBOUR_OFFSETS,
    SPAN_TYPES,
    RuleSpans,
    all_columns,
    candidate_columns,
    candidate_features,
    doc_features,
    spans_from_labels,
)
from newsprism.extract.quotes.linear_chain import LinearChain, read_crfsuite

MODEL_DIR = Path(__file__).resolve().parents[2] / "data" / "attribution"
# A path to another model folder, or "none" to run the rules alone.
MODEL_ENV = "NEWSPRISM_ATTRIBUTION_MODEL"
TokenSpan = tuple[int, int]
# Tag only the sentences that may hold an attribution (attribution_features.candidate_features);
# NEWSPRISM_ATTRIBUTION_ALL_SENTENCES=1 tags every sentence, to compare.
CANDIDATES_ONLY = os.environ.get("NEWSPRISM_ATTRIBUTION_ALL_SENTENCES", "0").strip() not in {
    "1", "true", "yes"
}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Relations of a cue's child that carry what was said, believed or found.
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "pobj"})
# Speech verbs whose direct object is the one spoken to, not what was said.
ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "assure", "remind", "notify", "brief",
                             "urge", "advise", "reassure"})
# A fallback complement shorter than this is more often a pronoun object than a statement.
MIN_COMPLEMENT_TOKENS = 2


JOINT = "joint"
JOINT_SEPARATOR = "|"
# Added to a label's score, per span its tags begin ("B"), when the joint tagger decodes: the CRF
# errs towards missing attributions (sources: precision 0.83, recall 0.50 on PolNeAR train's 10%
# hold-out). Chosen there on the merged output: 0.5 raised source, cue and content exact F1
# (0.723, 0.649, 0.566 → 0.730, 0.654, 0.568) and content overlap (0.798 → 0.814); 0.3 scored
# the same, 0.7 lower, and a bias on every tag but O lowered content exact to 0.546
# (docs/benchmarks.md, "The trained tagger").
SPAN_START_BIAS = 0.5


@dataclass(frozen=True)
class AttributionModel:
    """The taggers (one under :data:`JOINT`, or one per span type) and the cue lexicon they were
    trained with. A joint model is also read into numpy (``chain``), which tags from feature
    columns: python-crfsuite's labels for a fraction of its cost
    (:mod:`newsprism.extract.quotes.linear_chain`), decoded with :data:`SPAN_START_BIAS`."""

    taggers: Mapping[str, object]
    lexicon: Mapping[str, float]
    chain: LinearChain | None = None


def joint_label(tags: tuple[str, ...]) -> str:
    """``("B", "O", "I")`` → ``"B|O|I"``: one token's tags for the span types, in
    :data:`SPAN_TYPES` order."""
    return JOINT_SEPARATOR.join(tags)


def split_labels(labels: list[str]) -> dict[str, list[str]]:
    """Joint labels back to one B/I/O sequence per span type."""
    split = {label: label.split(JOINT_SEPARATOR) for label in set(labels)}
    parts = [split[label] for label in labels]
    return {kind: [p[n] for p in parts] for n, kind in enumerate(SPAN_TYPES)}


@dataclass(frozen=True)
class Attribution:
    """Token spans of one attribution as the tagger grouped them (source may be missing)."""

    content: Span
    cue: Span | None
    source: Span | None


def model_path() -> Path | None:
    """The model folder to load: :data:`MODEL_ENV` if set, else the packaged one."""
    configured = os.environ.get(MODEL_ENV, "").strip()
    if configured.lower() == "none":
        return None
    return Path(configured) if configured else MODEL_DIR


def load_model(path: Path | None = None) -> AttributionModel | None:
    """The tagger in ``path`` (default :func:`model_path`), or None when it is not there."""
    folder = path if path is not None else model_path()
    return _load(folder.resolve()) if folder is not None else None


@functools.cache
def _load(folder: Path) -> AttributionModel | None:
    files = {JOINT: folder / f"{JOINT}.crfsuite"}
    if not files[JOINT].is_file():
        files = {kind: folder / f"{kind}.crfsuite" for kind in SPAN_TYPES}
    lexicon_file = folder / "cues.json"
    if not lexicon_file.is_file() or not all(f.is_file() for f in files.values()):
        return None
    try:
        import pycrfsuite
    except ImportError:
        return None
    taggers = {}
    for kind, file in files.items():
        tagger = pycrfsuite.Tagger()
        tagger.open(str(file))
        taggers[kind] = tagger
    lexicon = json.loads(lexicon_file.read_text(encoding="utf-8"))
    chain = None
    if JOINT in files:
        chain = read_crfsuite(files[JOINT], neighbour_keys=NEIGHBOUR_KEYS,
                              offsets=NEIGHBOUR_OFFSETS)
        starts = [label.split(JOINT_SEPARATOR).count("B") for label in chain.labels]
        chain = replace(chain, label_bias=SPAN_START_BIAS * numpy.array(starts, dtype=float))
    return AttributionModel(taggers=taggers, lexicon=lexicon, chain=chain)


def tag_spans(model: AttributionModel, doc: Doc, rules: RuleSpans) -> dict[str, list[TokenSpan]]:
    """Token spans per type (source, cue, content) the taggers find in a parsed Doc."""
    if not len(doc):
        return {kind: [] for kind in SPAN_TYPES}
    if model.chain is not None:
        if CANDIDATES_ONLY:
            indices, columns = candidate_columns(doc, rules, model.lexicon)
        else:
            indices, columns = list(range(len(doc))), all_columns(doc, rules, model.lexicon)
        tagged = split_labels(model.chain.tag(columns, indices, len(doc)))
    else:
        indices, tagged = _crfsuite_tags(model, doc, rules)
    if not indices:
        return {kind: [] for kind in SPAN_TYPES}
    spans: dict[str, list[TokenSpan]] = {}
    for kind in SPAN_TYPES:
        labels = ["O"] * len(doc)
        for i, label in zip(indices, tagged[kind], strict=True):
            labels[i] = label
        spans[kind] = spans_from_labels(doc, labels)
    return spans


def _crfsuite_tags(model: AttributionModel, doc: Doc, rules: RuleSpans
                   ) -> tuple[list[int], dict[str, list[str]]]:
    """The tagged tokens and their labels per span type, from python-crfsuite (models with one
    CRF per span type; decoded as trained, without :data:`SPAN_START_BIAS`)."""
    import pycrfsuite

    if CANDIDATES_ONLY:
        indices, features = candidate_features(doc, rules, model.lexicon)
    else:
        indices, features = list(range(len(doc))), doc_features(doc, rules, model.lexicon)
    if not indices:
        return indices, {kind: [] for kind in SPAN_TYPES}
    # One sequence for every tagger: converting the features is much of the cost.
    sequence = pycrfsuite.ItemSequence(features)
    if JOINT in model.taggers:
        return indices, split_labels(model.taggers[JOINT].tag(sequence))  # type: ignore[attr-defined]
    return indices, {kind: model.taggers[kind].tag(sequence)  # type: ignore[attr-defined]
                     for kind in SPAN_TYPES}


def _distance(a: TokenSpan, b: TokenSpan) -> int:
    """Tokens between two spans (0 when they touch or overlap)."""
    return max(0, b[0] - a[1], a[0] - b[1])


def _sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Per token, the start and end of its sentence (Token.sent walks the Doc on every call)."""
    starts, ends = [0] * len(doc), [len(doc)] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            starts[i], ends[i] = sent.start, sent.end
    return starts, ends


def _overlap(a: TokenSpan, b: TokenSpan) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(span: TokenSpan, outer: TokenSpan) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _nearest_source(sources: list[TokenSpan], anchor: TokenSpan, sentence: TokenSpan,
                    content: TokenSpan) -> TokenSpan | None:
    """The source nearest the anchor (the cue, or the content when there is no cue) within a
    sentence, outside the content and no farther from the anchor than from the content."""
    options = [s for s in sources if _inside(s, sentence) and not _overlap(s, content)
               and _distance(s, anchor) <= _distance(s, content)]
    return min(options, key=lambda s: _distance(s, anchor), default=None)


def group(doc: Doc, spans: Mapping[str, list[TokenSpan]]) -> list[Attribution]:
    """Attributions from the tagged spans. Each content takes the nearest cue in the sentences it
    touches (or the sentence before or after) and the source nearest that cue in the cue's
    sentence; a cue no content took gets the nearest content of its sentence, so a source and cue
    are not lost when the content was claimed by another cue."""
    cues = spans.get("cue", [])
    sources = spans.get("source", [])
    contents = spans.get("content", [])
    found: list[Attribution] = []
    if not contents:
        return found
    starts, ends = _sentence_bounds(doc)
    used: set[TokenSpan] = set()

    def add(content: TokenSpan, cue: TokenSpan | None, source: TokenSpan | None) -> None:
        found.append(Attribution(
            content=doc[content[0] : content[1]],
            cue=doc[cue[0] : cue[1]] if cue is not None else None,
            source=doc[source[0] : source[1]] if source is not None else None,
        ))

    for content in contents:
        start, end = starts[content[0]], ends[content[1] - 1]
        near = (starts[start - 1] if start else start, ends[end] if end < len(doc) else end)
        candidates = [c for c in cues if _inside(c, (start, end)) and not _inside(c, content)]
        candidates = candidates or [c for c in cues if _inside(c, near)
                                    and not _inside(c, content)]
        cue = min(candidates, key=lambda c: _distance(c, content), default=None)
        if cue is None:
            add(content, None, _nearest_source(sources, content, (start, end), content))
            continue
        used.add(cue)
        add(content, cue, _nearest_source(sources, cue, (starts[cue[0]], ends[cue[1] - 1]),
                                          content))
    for cue in cues:
        if cue in used:
            continue
        sentence = (starts[cue[0]], ends[cue[1] - 1])
        options = [c for c in contents if _inside(c, sentence) and _distance(c, cue) > 0]
        content = min(options, key=lambda c: _distance(c, cue), default=None)
        content = content or _complement(doc, cue)
        if content is not None:
            used.add(cue)
            add(content, cue, _nearest_source(sources, cue, sentence, content))
    attributed = {(a.source.start, a.source.end) for a in found if a.source is not None}
    for source in sources:
        if source in attributed:
            continue
        # A source whose cue and content the taggers missed: the verb it is the subject of, and
        # that verb's complement.
        root = doc[source[0] : source[1]].root
        verb = root.head
        if root.dep_ not in SUBJECT_DEPS or verb.pos_ not in ("VERB", "AUX") \
                or source[0] <= verb.i < source[1]:
            continue
        cue = (verb.i, verb.i + 1)
        sentence = (starts[verb.i], ends[verb.i])
        options = [c for c in contents if _inside(c, sentence) and _distance(c, source) > 0
                   and _distance(c, cue) > 0]
        content = min(options, key=lambda c: _distance(c, cue), default=None)
        content = content or _complement(doc, cue)
        if content is not None and _distance(content, source) > 0:
            add(content, cue, source)
    return found


def _complement(doc: Doc, cue: TokenSpan) -> TokenSpan | None:
    """What a cue verb says when the content tagger found nothing: its clausal complement or
    object (the subtree of the first such child after it)."""
    head = doc[cue[0] : cue[1]].root
    addressed = head.lemma_.lower() in ADDRESSEE_VERBS
    for child in head.rights:
        if addressed and child.dep_ == "dobj":
            continue  # "told reporters", "asked the court": who was spoken to
        if child.dep_ in COMPLEMENT_DEPS and child.i >= cue[1]:
            start, end = child.left_edge.i, child.right_edge.i + 1
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            return (start, end) if end - start >= MIN_COMPLEMENT_TOKENS else None
    return None
