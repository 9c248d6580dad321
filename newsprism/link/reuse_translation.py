"""Translations of one report: sentence-by-sentence alignment across languages.

A translation shares no words with its source, but it keeps the source's sentences in their
order, and each translated sentence keeps the figures and names of its original. Two independent
reports of one event in two languages share facts too (the same official toll, the same
minister), but they tell them in their own sentences and order, with other sentences between.
So a pair of reports in two languages is a translation when a *run* of their sentences aligns
in order (each step skipping at most one sentence on either side; sentences with no figure and
no linked name are stepped over, since nothing can be judged on them), and the run covers a good
part of the shorter report; or when three sentence pairs align *strongly* in one order however
far apart (a translated rewrite that cut its source):

- two sentences align when the multilingual encoder puts them close (cosine
  :data:`SENTENCE_COSINE`), or moderately close and they share a figure
  (:data:`SENTENCE_COSINE_ANCHORED`) or two linked names (:data:`SENTENCE_COSINE_NAMED`); in a
  language the encoder does not read, when they share two figures, a figure and a name, or one
  unrounded figure (2,356, not 28,000); strongly, when they are close (:data:`SENTENCE_COSINE`)
  and share a figure;
- two sentences that both carry figures but share none never align (a translation keeps its
  figures; a later report of the same event has other ones);
- figures are compared by value whatever their locale's writing ("24 617", "24,617",
  "24.617" and a quantity the extractor read as 24617 are one figure; with the language's scale
  words, "300 тысяч" is 300,000); years and numbers under ten are too common to count.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from collections.abc import Set as AbstractSet

import numpy as np

from newsprism.extract.languages.tables import load_table
from newsprism.model import Document, Extraction

SENTENCE_COSINE = 0.7  # a sentence pair this close aligns on the encoder alone
SENTENCE_COSINE_ANCHORED = 0.45  # ... this close when the two sentences share a figure
SENTENCE_COSINE_NAMED = 0.55  # ... this close when they share two linked names
RUN_GAP = 1  # sentences a run may skip on either side between two aligned pairs
# A translation: a run this long, or a shorter one that covers much of the shorter report.
RUN_LONG = 4
RUN_SHORT = 3
RUN_SHORT_COVER = 0.4  # share of the shorter report's sentences a run of RUN_SHORT must cover
RUN_WHOLE = 2  # a run this long that is the whole of a short excerpt (every sentence aligned)
# Or this many sentence pairs in one order, each close in the encoder (SENTENCE_COSINE) and
# sharing a figure with no figure in conflict, however far apart: a translated rewrite that cut
# and re-paragraphed its source. On the two real-dev corpora no pair of independent reports has
# even two such sentence pairs.
STRONG_ORDERED = 3
MAX_SENTENCES = 40  # per report: excerpts are short, and a long page's lead is what is reused
MIN_SENTENCE_CHARS = 25  # shorter pieces are captions, bylines, navigation
MAX_SENTENCE_CHARS = 400  # bounds the encoder's cost on run-on machine-translated text
MIN_FIGURE = 10

_PIECE = re.compile(r"[^\n|]+")
_SENTENCE_END = re.compile(r"(?<=[.!?。!?])\s+|(?<=[。!?])")
_FIGURE = re.compile(r"\d+(?:[ \u00a0\u202f.,'’]\d{3})*(?:[.,]\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_SPACES = re.compile(r"[ \u00a0\u202f'’]")

Encoder = Callable[[list[str]], np.ndarray]


def specific(value: float) -> bool:
    """A figure nobody rounds to: three significant digits or more (2,356 and 24,617, not
    28,000 or 3,500); two sentences stating it are likely one sentence translated."""
    digits = f"{value:.0f}".rstrip("0") if value == int(value) else f"{value}".replace(".", "")
    return len(digits.lstrip("0")) >= 3


def figure_value(text: str) -> float | None:
    """The value of a written number in any common locale: "24 617", "24,617", "24.617" and
    "24617" are 24617; "7,8" and "7.8" are 7.8 (one separator before three digits groups
    thousands, before fewer digits marks decimals)."""
    compact = _SPACES.sub("", text)
    if _GROUPED.fullmatch(compact):
        return float(re.sub(r"[.,]", "", compact))
    try:
        return float(compact.replace(",", "."))
    except ValueError:
        return None


def _distinctive(value: float) -> bool:
    return value >= MIN_FIGURE and not 1900 <= value <= 2100


# Scale words after a figure in English ("300 thousand", "$3 bn"); other languages' come from
# their quantity tables (``multipliers``: "тыс", "Mrd.", "万", ...).
ENGLISH_MULTIPLIERS = {"thousand$": 1e3, "million$": 1e6, "millions$": 1e6, "mn$": 1e6,
                       "billion$": 1e9, "billions$": 1e9, "bn$": 1e9}
_NEXT_WORD = re.compile(r"\s?([^\W\d_]+\.?)")


@functools.cache
def multipliers(language: str) -> tuple[tuple[str, bool, float], ...]:
    """(word, exact, factor) of the language's scale words plus English's, longest first; an
    exact word (written "word$" in the tables) must end there, the others are stems
    ("тыс" for тысяч, тысячи)."""
    table: dict[str, float] = dict(ENGLISH_MULTIPLIERS)
    if language and language != "en":
        with contextlib.suppress(OSError, ModuleNotFoundError, ValueError):
            table |= load_table(language, "quantities").get("multipliers", {})
    entries = [(word.rstrip("$").casefold(), word.endswith("$"), float(factor))
               for word, factor in table.items()]
    return tuple(sorted(entries, key=lambda entry: -len(entry[0])))


def _scale(text: str, end: int, language: str) -> float:
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return 1.0
    word = following.group(1).casefold()
    for stem, exact, factor in multipliers(language):
        if word == stem or word.rstrip(".") == stem.rstrip(".") or (
            not exact and word.startswith(stem)
        ):
            return factor
    # Chinese and Japanese write the scale right after the digits, with no space ("1.5万")
    return next((f for w, _, f in multipliers(language) if text.startswith(w, end) and
                 not w.isascii()), 1.0)


def figures(text: str, language: str = "") -> set[float]:
    """Distinctive figures of a text: values of at least ten that are not years, with their
    scale word ("300 тысяч", "3,5 Mrd.", "1.5万" are 300000, 3.5e9, 15000)."""
    found: set[float] = set()
    for match in _FIGURE.finditer(text):
        value = figure_value(match.group(0))
        if value is None:
            continue
        value = float(f"{value * _scale(text, match.end(), language):.9g}")  # 4.1 × 1e9: no noise
        if _distinctive(value):
            found.add(value)
    return found


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the report's sentences: lines (and ' | ' cells of a flattened page) cut
    at sentence ends; fragments shorter than a sentence are dropped."""
    spans: list[tuple[int, int]] = []
    for piece in _PIECE.finditer(text):
        start = piece.start()
        for part in _SENTENCE_END.split(piece.group(0)):
            offset = text.find(part, start) if part else -1
            if offset < 0:
                continue
            start = offset + len(part)
            stripped = part.strip()
            if len(stripped) >= MIN_SENTENCE_CHARS:
                first = offset + len(part) - len(part.lstrip())
                spans.append((first, first + len(stripped)))
            if len(spans) >= MAX_SENTENCES:
                return spans
    return spans


class SentenceAnchors:
    """One report's sentences with their figures and linked names."""

    def __init__(self, document: Document, extraction: Extraction | None) -> None:
        self.spans = sentence_spans(document.text)
        self.texts = [document.text[s:e][:MAX_SENTENCE_CHARS] for s, e in self.spans]
        self.figures: list[set[float]] = [figures(t, document.language) for t in self.texts]
        self.names: list[set[str]] = [set() for _ in self.spans]
        if extraction is None:
            return
        starts = np.asarray([s for s, _ in self.spans], dtype=np.int64)
        for quantity in extraction.quantities:
            i = self._sentence_of(starts, quantity.start)
            value = quantity.low if quantity.low is not None else quantity.high
            if i is not None and value is not None and _distinctive(value):
                self.figures[i].add(float(value))
        for mention in extraction.mentions:
            i = self._sentence_of(starts, mention.start)
            if i is not None and mention.entity_id:
                self.names[i].add(mention.entity_id)

    def anchored(self) -> np.ndarray:
        """Indices of the sentences with a figure or a linked name."""
        return np.asarray(
            [i for i in range(len(self.spans)) if self.figures[i] or self.names[i]], dtype=np.int64
        )

    def _sentence_of(self, starts: np.ndarray, offset: int) -> int | None:
        if not len(starts):
            return None
        i = int(np.searchsorted(starts, offset, side="right")) - 1
        if i >= 0 and offset < self.spans[i][1]:
            return i
        return None


def _incidence(
    sets_a: Sequence[AbstractSet[Hashable]], sets_b: Sequence[AbstractSet[Hashable]]
) -> tuple[np.ndarray, np.ndarray]:
    """Per-sentence membership matrices over the items either report's sentences carry."""
    vocabulary = {item: k for k, item in enumerate({x for s in (*sets_a, *sets_b) for x in s})}
    rows_a = np.zeros((len(sets_a), len(vocabulary)), dtype=np.float32)
    rows_b = np.zeros((len(sets_b), len(vocabulary)), dtype=np.float32)
    for rows, sets in ((rows_a, sets_a), (rows_b, sets_b)):
        for i, items in enumerate(sets):
            for item in items:
                rows[i, vocabulary[item]] = 1.0
    return rows_a, rows_b


def aligned(
    a: SentenceAnchors, b: SentenceAnchors,
    vectors_a: np.ndarray | None, vectors_b: np.ndarray | None,
) -> np.ndarray:
    """Boolean matrix: sentence i of ``a`` aligns with sentence j of ``b``."""
    return _alignment(a, b, vectors_a, vectors_b)[0]


def _alignment(
    a: SentenceAnchors, b: SentenceAnchors,
    vectors_a: np.ndarray | None, vectors_b: np.ndarray | None,
) -> tuple[np.ndarray, np.ndarray]:
    """(aligned, strongly aligned): strongly, the encoder puts the two sentences at
    SENTENCE_COSINE or closer and they share a figure."""
    figures_a, figures_b = _incidence(a.figures, b.figures)
    names_a, names_b = _incidence(a.names, b.names)
    shared_figures = figures_a @ figures_b.T
    shared_names = names_a @ names_b.T
    # both sentences state figures, and not the same ones: never one sentence translated
    clash = (figures_a.any(axis=1)[:, None] & figures_b.any(axis=1)[None, :]) & (
        shared_figures == 0
    )
    if vectors_a is None or vectors_b is None:
        specific_a, specific_b = _incidence(
            [{f for f in s if specific(f)} for s in a.figures],
            [{f for f in s if specific(f)} for s in b.figures],
        )
        ok = (
            (shared_figures >= 2)
            | ((shared_figures >= 1) & (shared_names >= 1))
            | ((specific_a @ specific_b.T) >= 1)
        )
        strong = np.zeros_like(ok)
    else:
        cosine = vectors_a @ vectors_b.T
        ok = (
            (cosine >= SENTENCE_COSINE)
            | ((cosine >= SENTENCE_COSINE_ANCHORED) & (shared_figures >= 1))
            | ((cosine >= SENTENCE_COSINE_NAMED) & (shared_names >= 2))
        )
        strong = (cosine >= SENTENCE_COSINE) & (shared_figures >= 1)
    return ok & ~clash, strong & ~clash


def ordered_pairs(ok: np.ndarray) -> int:
    """Most aligned pairs in one order on both sides, whatever the gaps between them (a
    rewrite that drops paragraphs keeps the order of what it keeps)."""
    cells = np.argwhere(ok).tolist()
    best = [1] * len(cells)
    for k, (i, j) in enumerate(cells):
        for previous in range(k):
            pi, pj = cells[previous]
            if pi < i and pj < j and best[previous] + 1 > best[k]:
                best[k] = best[previous] + 1
    return max(best, default=0)


def longest_run(ok: np.ndarray, gap: int = RUN_GAP) -> int:
    """Length of the longest chain of aligned pairs (i, j) in order, each step advancing both
    sides by 1 to ``gap + 1`` sentences."""
    cells = np.argwhere(ok)
    best: dict[tuple[int, int], int] = {}
    top = 0
    for i, j in cells.tolist():  # row-major: every predecessor is already scored
        length = 1
        for di in range(1, gap + 2):
            for dj in range(1, gap + 2):
                previous = best.get((i - di, j - dj))
                if previous is not None and previous + 1 > length:
                    length = previous + 1
        best[(i, j)] = length
        top = max(top, length)
    return top


def is_translation(run: int, sentences_a: int, sentences_b: int, strong: int = 0) -> bool:
    """The verdict from the longest run, the sentence counts and the strongly aligned pairs in
    order (:func:`ordered_pairs`)."""
    shorter = min(sentences_a, sentences_b)
    if run >= RUN_LONG or strong >= STRONG_ORDERED:
        return True
    if run >= RUN_SHORT and run >= RUN_SHORT_COVER * shorter:
        return True
    return run >= RUN_WHOLE and run == shorter


def default_encoder() -> Encoder | None:
    """The multilingual sentence encoder the link stage embeds leads with, or None when it is
    not installed."""
    try:
        from newsprism.link.embeddings import _encoder, encode

        _encoder()
    except Exception:  # the encoder is optional
        return None
    return encode


class TranslationAligner:
    """Sentence anchors and (lazily) sentence embeddings per report, and the verdict on a pair.

    ``encoder`` embeds a list of sentences into unit rows (the multilingual sentence encoder);
    ``readable`` are the languages it reads. Without an encoder, sentences align on figures and
    names alone."""

    def __init__(
        self, documents: Mapping[str, Document], extractions: Mapping[str, Extraction],
        encoder: Encoder | None, readable: frozenset[str],
    ) -> None:
        self.documents = documents
        self.extractions = extractions
        self.encoder = encoder
        self.readable = readable
        self._anchors: dict[str, SentenceAnchors] = {}
        self._vectors: dict[str, np.ndarray | None] = {}

    def anchors(self, doc_id: str) -> SentenceAnchors:
        if doc_id not in self._anchors:
            self._anchors[doc_id] = SentenceAnchors(
                self.documents[doc_id], self.extractions.get(doc_id)
            )
        return self._anchors[doc_id]

    def prepare(self, doc_ids: Sequence[str]) -> None:
        """Embed the sentences of these reports in one batch (the encoder's cost is per call)."""
        if self.encoder is None:
            return
        todo = [
            d for d in dict.fromkeys(doc_ids)
            if d not in self._vectors and self.documents[d].language in self.readable
            and self.anchors(d).texts
        ]
        # only sentences with a figure or a linked name are embedded (the encoder is the cost);
        # the others keep a zero row and align with nothing
        wanted = [
            (d, i) for d in todo for i, text in enumerate(self.anchors(d).texts)
            if self.anchors(d).figures[i] or self.anchors(d).names[i]
        ]
        if not wanted:
            return
        rows = np.asarray(
            self.encoder([self.anchors(d).texts[i] for d, i in wanted]), dtype=np.float32
        )
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        rows /= np.where(norms == 0, 1.0, norms)
        for d in todo:
            self._vectors[d] = np.zeros((len(self.anchors(d).texts), rows.shape[1]), np.float32)
        for (d, i), row in zip(wanted, rows, strict=True):
            self._vectors[d][i] = row

    def vectors(self, doc_id: str) -> np.ndarray | None:
        return self._vectors.get(doc_id)

    def run(self, doc_a: str, doc_b: str) -> tuple[int, int, int, int]:
        """(longest aligned run, sentences of a, sentences of b, strongly aligned pairs in
        order). Only the sentences with a
        figure or a linked name can align (the others are never embedded, and cannot be judged
        on anchors), so a run steps over the others without counting them as a gap."""
        a, b = self.anchors(doc_a), self.anchors(doc_b)
        keep_a, keep_b = a.anchored(), b.anchored()
        if not len(keep_a) or not len(keep_b):
            return 0, len(a.spans), len(b.spans), 0
        va, vb = self.vectors(doc_a), self.vectors(doc_b)
        if va is None or vb is None:
            va = vb = None
        ok, strong = _alignment(a, b, va, vb)
        return (longest_run(ok[np.ix_(keep_a, keep_b)]), len(a.spans), len(b.spans),
                ordered_pairs(strong))
