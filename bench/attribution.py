"""Attribution benchmark: source, cue and content spans against a PolNeAR-layout folder.

Usage: ``.venv/bin/python bench/attribution.py DIR [--limit N]`` where DIR holds ``text/*.txt``
and ``attributions/*.ann`` (brat standoff: ``Source``, ``Cue`` and ``Content`` text-bound
annotations tied together by ``Attribution`` events).

Scoring, per span type, as BBC's Citron reports it:

- **exact**: a predicted span equals a gold span once both are trimmed of surrounding whitespace,
  punctuation and quote marks (PolNeAR keeps quote marks and final stops inside content spans,
  newsprism does not; the words are what is compared);
- **overlap**: a predicted span shares at least one token (a word character run) with a gold span.

Precision counts predicted spans that match some gold span, recall counts gold spans matched by
some predicted span. A discontinuous gold span (``start end;start end``) counts as its fragments,
once the fragments that only whitespace separates are joined: PolNeAR stores a span that runs
over several sentences as one fragment per sentence, one space or line break apart (it was
annotated in brat, which shows a sentence per line), so a three-sentence quotation would
otherwise be three gold spans (``--split-fragments`` scores those pieces on their own, as until
stop 12).
Distinct offsets are scored once per document (two attributions sharing one source is one source).
An ``.ann`` file names its text with an annotator suffix (``<text>_<annotator>.ann``); a text
annotated twice is scored against each annotation.

``--agreement`` scores the annotators instead, on the texts annotated more than once: each
annotation against each other one, and against the majority of the others (how high one
annotation as the gold standard lets any system score).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

Span = tuple[int, int]
SPAN_TYPES: tuple[str, ...] = ("source", "cue", "content")
TRIM = " \xa0\t\r\n.,;:!?\"'“”‘’«»—–-―…()[]"
WORD = re.compile(r"\w+")


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    precise: int = 0  # predicted spans that match
    recalled: int = 0  # gold spans that are matched

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.precise += other.precise
        self.recalled += other.recalled

    def prf(self) -> tuple[float, float, float]:
        p = self.precise / self.predicted if self.predicted else 0.0
        r = self.recalled / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def read_gold(path: Path, text: str | None = None) -> dict[str, set[Span]]:
    """Gold spans per type from one brat ``.ann`` file.

    With the annotated ``text``, fragments of one annotation that only whitespace separates are
    joined into one span (:func:`join_sentence_pieces`); without it, every fragment is a span.
    """
    gold: dict[str, set[Span]] = {name: set() for name in SPAN_TYPES}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("T"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        label, _, offsets = fields[1].partition(" ")
        kind = label.lower()
        if kind not in gold:
            continue
        fragments = [(int(start), int(end)) for start, end in
                     (fragment.split() for fragment in offsets.split(";"))]
        if text is not None:
            fragments = join_sentence_pieces(text, fragments)
        gold[kind].update(fragments)
    return gold


def join_sentence_pieces(text: str, fragments: list[Span]) -> list[Span]:
    """One annotation's fragments, with neighbours that only whitespace separates joined.

    PolNeAR stores a quotation of three sentences as three fragments one space (or line break)
    apart, ``1238 1272;1273 1318;1319 1432``: one span of the text, split where brat, the tool it
    was annotated in, starts a new line. Fragments with words between them (the quotation around
    '"…," she said, "…"') stay apart.
    """
    joined: list[Span] = []
    for start, end in sorted(fragments):
        if joined and not text[joined[-1][1]:start].strip():
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def trimmed(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def tokens(text: str, span: Span) -> set[Span]:
    words = WORD.finditer(text[span[0] : span[1]])
    return {(m.start() + span[0], m.end() + span[0]) for m in words}


def score(text: str, predicted: set[Span], gold: set[Span]) -> tuple[Counts, Counts]:
    """Exact and overlap counts for one document and one span type."""
    exact_gold = {trimmed(text, s) for s in gold}
    exact_pred = {trimmed(text, s) for s in predicted}
    exact = Counts(
        predicted=len(predicted),
        gold=len(gold),
        precise=sum(trimmed(text, s) in exact_gold for s in predicted),
        recalled=sum(trimmed(text, s) in exact_pred for s in gold),
    )
    gold_tokens = [tokens(text, s) for s in gold]
    pred_tokens = [tokens(text, s) for s in predicted]
    overlap = Counts(
        predicted=len(predicted),
        gold=len(gold),
        precise=sum(any(p & g for g in gold_tokens) for p in pred_tokens),
        recalled=sum(any(g & p for p in pred_tokens) for g in gold_tokens),
    )
    return exact, overlap


def text_path(text_dir: Path, ann: Path) -> Path | None:
    """The text an annotation file belongs to: same stem, or the stem less an annotator id."""
    for stem in (ann.stem, ann.stem.rsplit("_", 1)[0]):
        candidate = text_dir / f"{stem}.txt"
        if candidate.is_file():
            return candidate
    return None


def predict(
    nlp, texts: Iterable[tuple[str, str]], seconds: dict[str, float] | None = None
) -> Iterable[tuple[str, dict[str, set[Span]]]]:
    """Spans per type from the quotes each text gets; ``seconds`` collects time per component."""
    for doc_id, text in texts:
        doc = nlp.make_doc(text)
        doc._.doc_id = doc_id
        for name, component in nlp.pipeline:
            began = time.perf_counter()
            doc = component(doc)
            if seconds is not None:
                seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - began
        spans: dict[str, set[Span]] = {name: set() for name in SPAN_TYPES}
        for quote in doc._.quotes:
            spans["content"].add((quote.start, quote.end))
            if quote.speaker_start is not None and quote.speaker_end is not None:
                spans["source"].add((quote.speaker_start, quote.speaker_end))
            if quote.cue_start is not None and quote.cue_end is not None:
                spans["cue"].add((quote.cue_start, quote.cue_end))
        yield doc_id, spans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with text/ and attributions/")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    parser.add_argument("--timing", action="store_true",
                        help="also time the quotes component with and without the tagger")
    parser.add_argument("--agreement", action="store_true",
                        help="score the annotators instead of newsprism: on texts annotated more "
                             "than once, each annotation against each other one, and against the "
                             "majority of the others")
    parser.add_argument("--split-fragments", action="store_true",
                        help="score every fragment of a discontinuous gold span on its own, "
                             "even where only whitespace separates two (the scoring until stop 12)")
    args = parser.parse_args(argv)

    ann_dir, text_dir = args.data / "attributions", args.data / "text"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        print(f"{args.data} has no text/ and attributions/ folders", file=sys.stderr)
        return 2
    paths = sorted(ann_dir.glob("*.ann"))
    if args.limit:
        paths = paths[: args.limit]
    if args.agreement:
        return agreement(text_dir, paths, args.split_fragments)

    from newsprism.extract.quotes.attribution import load_model
    from newsprism.nlp import load_pipeline

    nlp = load_pipeline()
    # Quantities and events run after quotes and do not change them.
    keep = {"newsprism_quantities", "newsprism_events"}
    nlp = _without(nlp, keep)

    annotations = {p: text_path(text_dir, p) for p in paths}
    missing = [p.name for p, t in annotations.items() if t is None]
    if missing:
        print(f"no text for {len(missing)} annotation files, e.g. {missing[0]}", file=sys.stderr)
    texts = {t.stem: t.read_text(encoding="utf-8") for t in annotations.values() if t}
    exact = {name: Counts() for name in SPAN_TYPES}
    overlap = {name: Counts() for name in SPAN_TYPES}
    began = time.perf_counter()
    component_seconds: dict[str, float] = {}
    predicted = dict(predict(nlp, texts.items(), component_seconds))
    for ann, text in annotations.items():
        if text is None:
            continue
        gold = read_gold(ann, None if args.split_fragments else texts[text.stem])
        for name in SPAN_TYPES:
            e, o = score(texts[text.stem], predicted[text.stem][name], gold[name])
            exact[name].add(e)
            overlap[name].add(o)
    seconds = time.perf_counter() - began

    print(f"{len(texts)} texts, {len(paths)} annotation files from {args.data} in {seconds:.1f} s")
    model = load_model()
    print(f"attribution model: {'trained tagger + rules' if model else 'rules only'}")
    total = sum(component_seconds.values())
    quotes = component_seconds.get("newsprism_quotes", 0.0)
    print(f"newsprism_quotes: {quotes:.1f} s of {total:.1f} s in the pipeline components "
          f"({100 * quotes / total if total else 0:.1f} %)")
    print(f"{'span':<8} {'match':<8} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for name in SPAN_TYPES:
        for match, counts in (("exact", exact[name]), ("overlap", overlap[name])):
            p, r, f = counts.prf()
            print(f"{name:<8} {match:<8} {counts.gold:>6} {counts.predicted:>6} "
                  f"{p:>6.3f} {r:>6.3f} {f:>6.3f}")
    if args.timing:
        quotes_cpu(nlp, texts)
    print(" ".join(
        f"{name}_f1_{match}={table[name].prf()[2]:.3f}"
        for match, table in (("exact", exact), ("overlap", overlap))
        for name in SPAN_TYPES
    ))
    return 0


def majority(text: str, annotations: list[set[Span]]) -> set[Span]:
    """The spans (trimmed as for exact matching) that more than half of ``annotations`` hold."""
    votes = Counter(span for spans in annotations for span in {trimmed(text, s) for s in spans})
    return {span for span, count in votes.items() if 2 * count > len(annotations)}


def agreement(text_dir: Path, paths: list[Path], split_fragments: bool = False) -> int:
    """How far the annotators agree, with the same scoring as newsprism gets: the ceiling that
    one annotation is as a gold standard.

    *pairwise*: every annotation of a text scored against every other one (each ordered pair, so
    precision and recall are symmetric); *majority*: each annotation against the spans that more
    than half of the text's other annotations hold (what a system that found exactly the
    annotators' consensus would score against one of them).
    """
    by_text: dict[Path, list[Path]] = {}
    for ann in paths:
        text = text_path(text_dir, ann)
        if text is not None:
            by_text.setdefault(text, []).append(ann)
    shared = {text: anns for text, anns in by_text.items() if len(anns) > 1}
    if not shared:
        print("no text is annotated more than once", file=sys.stderr)
        return 2
    tables = {kind: {name: Counts() for name in SPAN_TYPES}
              for kind in ("pairwise", "majority")}
    for text_file, anns in shared.items():
        text = text_file.read_text(encoding="utf-8")
        golds = [read_gold(ann, None if split_fragments else text) for ann in anns]
        for i, gold in enumerate(golds):
            others = golds[:i] + golds[i + 1:]
            for name in SPAN_TYPES:
                for other in others:
                    tables["pairwise"][name].add(score(text, other[name], gold[name])[0])
                consensus = majority(text, [other[name] for other in others])
                tables["majority"][name].add(score(text, consensus, gold[name])[0])
    annotations = sum(len(anns) for anns in shared.values())
    print(f"{len(shared)} texts annotated more than once ({annotations} annotation files)")
    print(f"{'span':<8} {'scored':<9} {'P':>6} {'R':>6} {'F1':>6}  (exact match)")
    for name in SPAN_TYPES:
        for kind in ("pairwise", "majority"):
            p, r, f = tables[kind][name].prf()
            print(f"{name:<8} {kind:<9} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    print(" ".join(
        f"{kind}_{name}_f1_exact={tables[kind][name].prf()[2]:.3f}"
        for kind in ("pairwise", "majority") for name in SPAN_TYPES
    ))
    return 0


def quotes_cpu(nlp, texts: dict[str, str]) -> None:
    """CPU time of ``find_quotes`` rules-only and with the tagger, against the whole pipeline's
    (process time, so other load on the machine matters less than for wall time)."""
    from newsprism.extract.quotes.attribution import load_model
    from newsprism.extract.quotes.component import find_quotes

    docs = []
    pipeline_cpu = 0.0
    for doc_id, text in texts.items():
        doc = nlp.make_doc(text)
        doc._.doc_id = doc_id
        began = time.process_time()
        for _name, component in nlp.pipeline:
            doc = component(doc)
        pipeline_cpu += time.process_time() - began
        docs.append(doc)
    words = sum(len(doc) for doc in docs)
    model = load_model()
    print(f"pipeline CPU {pipeline_cpu:.1f} s for {words} tokens "
          f"({1e6 * pipeline_cpu / words:.0f} ms per 1000 tokens)")
    for label, option in (("rules only", False), ("rules + tagger", model)):
        if option is None:
            continue
        began = time.process_time()
        for doc in docs:
            find_quotes(doc, option)
        cpu = time.process_time() - began
        print(f"quotes, {label}: {1e6 * cpu / words:.1f} ms CPU per 1000 tokens "
              f"({100 * cpu / pipeline_cpu:.1f} % of the pipeline)")


def _without(nlp, names: set[str]):
    """The pipeline's components minus ``names`` (a shallow view: nothing is reloaded)."""

    class View:
        def __init__(self) -> None:
            self.pipeline = [(n, c) for n, c in nlp.pipeline if n not in names]
            self.make_doc = nlp.make_doc

    return View()


if __name__ == "__main__":
    sys.exit(main())
