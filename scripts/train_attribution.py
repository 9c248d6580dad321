"""Train the attribution span tagger (one CRF over joint source/cue/content labels) on a
PolNeAR-layout folder.

Usage::

    .venv/bin/python scripts/train_attribution.py ../shared/bench-data/polnear/train \\
        --out newsprism/data/attribution

(the command that made the packaged model: trained on every text of the train split). Every
choice was made with ``--holdout 0.1`` added (train on 90 %, score the other 10 %).

Steps (fixed seed, deterministic): parse every text with the English pipeline and run the
attribution rules once (cached in ``--cache`` as a DocBin, so feature work can be redone without
re-parsing); turn each ``.ann`` file's ``Source``/``Cue``/``Content`` spans into BIO labels,
joined per token into one label (``"B|O|I"``); learn the cue lexicon from the training cues;
train one linear-chain CRF on the joint labels (python-crfsuite, L-BFGS with elastic-net
regularisation). One joint CRF scored as well as one CRF per span type on the hold-out and tags
in one Viterbi pass instead of three (docs/benchmarks.md, "The trained tagger").
``--holdout F`` keeps a fraction of the texts (chosen by a hash of the file name) out of
training and prints token-level and span-level scores on them: that is how the options were
chosen. Never train or tune on PolNeAR dev.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from bench.attribution import read_gold, text_path
from newsprism.extract.quotes.attribution import JOINT, joint_label, split_labels
from newsprism.extract.quotes.attribution_features import (
    SPAN_TYPES,
    bio_labels,
    doc_features,
    learn_cue_lexicon,
    rule_spans,
)

Span = tuple[int, int]
# Regularisation and iterations of the CRF, chosen on the 10 % hold-out of the training split.
# With one CRF per span type, c1 (L1) 0.05 → 1.0 raised held-out token-exact F1 (source 0.676 →
# 0.725, cue 0.654 → 0.696, content 0.519 → 0.579). For the joint CRF, hold-out quote scores
# (rules first; source / cue / content exact) by c1: 0.5 0.721/0.640/0.555, 1.0 0.719/0.641/0.556,
# 2.0 0.722/0.645/0.564, 3.0 0.720/0.645/0.563, 4.0 0.723/0.649/0.566, 6.0 0.717/0.643/0.563,
# 8.0 0.715/0.640/0.560; 4.0 also makes the smallest file of the plateau (0.94 MB).
CRF_PARAMS: dict[str, float | int | bool] = {
    "c1": 4.0,
    "c2": 0.01,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
# Features seen fewer times than this in training are dropped (keeps the model file small).
MIN_FEATURE_FREQ = 2


def read_ann(path: Path, text: str) -> dict[str, list[Span]]:
    """Gold spans per type from a brat ``.ann`` file, sorted; fragments that only whitespace
    separates are one span (brat's one-sentence-per-line display split multi-sentence spans)."""
    return {kind: sorted(spans) for kind, spans in read_gold(path, text).items()}


def code_fingerprint(nlp: Language) -> str:
    """What the cached parses and rule spans depend on: the extract stage's code, the pipeline's
    assembly and the model. A cache made by other code is parsed again (stale rule spans would
    train another model)."""
    import newsprism.extract
    import newsprism.nlp

    digest = hashlib.sha1(f"{nlp.meta.get('name')} {nlp.meta.get('version')}".encode())
    extract = Path(newsprism.extract.__file__).parent
    for path in [*sorted(extract.rglob("*.py")), Path(newsprism.nlp.__file__)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def parse(data: Path, cache: Path, limit: int) -> tuple[list[Doc], list[dict[str, list[Span]]]]:
    """Parsed texts (with the rules' spans in ``user_data``), cached as a DocBin beside a
    fingerprint of the code that made it."""
    from newsprism.extract.quotes.component import rule_quotes
    from newsprism.nlp import NEWSPRISM_COMPONENTS, load_pipeline

    texts = sorted((data / "text").glob("*.txt"))
    if limit:
        texts = texts[:limit]
    nlp = load_pipeline()
    fingerprint = code_fingerprint(nlp)
    stamp = cache.with_suffix(cache.suffix + ".fingerprint")
    if cache.is_file() and stamp.is_file() and stamp.read_text() == fingerprint:
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(texts):
            return docs, [d.user_data["rules"] for d in docs]
    keep = [name for name in nlp.pipe_names if name not in NEWSPRISM_COMPONENTS]
    keep.append("newsprism_entities")
    docs = []
    began = time.perf_counter()
    with nlp.select_pipes(enable=keep):
        for i, doc in enumerate(nlp.pipe(p.read_text(encoding="utf-8") for p in texts)):
            doc._.doc_id = texts[i].stem
            rules = rule_spans(rule_quotes(doc))
            doc.user_data = {"name": texts[i].stem, "rules": rules}
            docs.append(doc)
            if i % 50 == 0:
                print(f"parsed {i}/{len(texts)} in {time.perf_counter() - began:.0f} s", flush=True)
    bin_ = DocBin(store_user_data=True)
    for doc in docs:
        bin_.add(doc)
    cache.parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(cache)
    stamp.write_text(fingerprint)
    return docs, [d.user_data["rules"] for d in docs]


def held_out(name: str, fraction: float) -> bool:
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return digest[0] / 256 < fraction


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with text/ and attributions/ (train)")
    parser.add_argument("--out", type=Path, default=Path("newsprism/data/attribution"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsprism-attribution.spacy"))
    parser.add_argument("--holdout", type=float, default=0.0, help="fraction of texts held out")
    parser.add_argument("--c1", type=float, default=None, help="override the L1 weight")
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts")
    parser.add_argument("--parse-only", action="store_true")
    parser.add_argument("--evaluate-only", action="store_true",
                        help="score the model already in --out on the held-out texts")
    args = parser.parse_args(argv)

    docs, _rules = parse(args.data, args.cache, args.limit)
    if args.parse_only:
        return 0
    by_name = {d.user_data["name"]: d for d in docs}
    annotations: list[tuple[Doc, dict[str, list[Span]]]] = []
    for ann in sorted((args.data / "attributions").glob("*.ann")):
        text = text_path(args.data / "text", ann)
        if text is not None and text.stem in by_name:
            doc = by_name[text.stem]
            annotations.append((doc, read_ann(ann, doc.text)))
    train = [(d, g) for d, g in annotations if not held_out(d.user_data["name"], args.holdout)]
    test = [(d, g) for d, g in annotations if held_out(d.user_data["name"], args.holdout)]
    print(f"{len(train)} training annotations, {len(test)} held out")
    if args.evaluate_only:
        evaluate_quotes(test, args.out)
        return 0

    lexicon = learn_cue_lexicon((d, g["cue"]) for d, g in train)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "cues.json").write_text(
        json.dumps(dict(sorted(lexicon.items())), indent=0, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    import pycrfsuite

    features = {id(d): doc_features(d, d.user_data["rules"], lexicon) for d, _ in annotations}
    began = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select("lbfgs")
    for doc, gold in train:
        tags = zip(*(bio_labels(doc, gold[kind]) for kind in SPAN_TYPES), strict=True)
        trainer.append(features[id(doc)], [joint_label(t) for t in tags])
    params = {**CRF_PARAMS, "feature.minfreq": MIN_FEATURE_FREQ}
    if args.c1 is not None:
        params["c1"] = args.c1
    trainer.set_params(params)
    path = args.out / f"{JOINT}.crfsuite"
    trainer.train(str(path))
    print(f"trained in {time.perf_counter() - began:.0f} s, {path.stat().st_size / 1e6:.2f} MB",
          flush=True)
    if test:
        evaluate(path, test, features)
        evaluate_quotes(test, args.out)
    return 0


def evaluate_quotes(test: list[tuple[Doc, dict[str, list[Span]]]], folder: Path) -> None:
    """The benchmark's exact and overlap F1 on the held-out texts, for the rules alone, the
    tagger alone, each first in a merge, and the shipped merge (``quotes.combine``; the same
    scoring as bench/attribution.py)."""
    from bench.attribution import Counts, score
    from newsprism.extract.quotes.attribution import load_model
    from newsprism.extract.quotes.component import (
        _resolver,
        combine,
        merge,
        model_quotes,
        rule_quotes,
    )

    model = load_model(folder)
    assert model is not None
    strategies = ("rules", "model", "rules-first", "model-first", "shipped")
    exact = {name: {kind: Counts() for kind in SPAN_TYPES} for name in strategies}
    overlap = {name: {kind: Counts() for kind in SPAN_TYPES} for name in strategies}
    for doc, gold in test:
        doc._.doc_id = doc.user_data["name"]
        resolver = _resolver(doc)
        rules = rule_quotes(doc, resolver)
        tagged = model_quotes(doc, model, rules, resolver)
        for name, quotes in (("rules", rules), ("model", tagged),
                             ("rules-first", merge(rules, tagged)),
                             ("model-first", merge(tagged, rules)),
                             ("shipped", combine(rules, tagged))):
            predicted: dict[str, set[Span]] = {kind: set() for kind in SPAN_TYPES}
            for quote in quotes:
                predicted["content"].add((quote.start, quote.end))
                if quote.speaker_start is not None and quote.speaker_end is not None:
                    predicted["source"].add((quote.speaker_start, quote.speaker_end))
                if quote.cue_start is not None and quote.cue_end is not None:
                    predicted["cue"].add((quote.cue_start, quote.cue_end))
            for kind in SPAN_TYPES:
                e, o = score(doc.text, predicted[kind], set(gold[kind]))
                exact[name][kind].add(e)
                overlap[name][kind].add(o)
    for name in strategies:
        print(f"{name:<12}", " ".join(
            f"{kind[:3]}_{match[:2]}={t[kind].prf()[2]:.3f}"
            f"(P{t[kind].prf()[0]:.2f}/R{t[kind].prf()[1]:.2f})"
            for match, t in (("exact", exact[name]), ("overlap", overlap[name]))
            for kind in SPAN_TYPES
        ), flush=True)


def evaluate(path: Path, test: list[tuple[Doc, dict[str, list[Span]]]],
             features: dict[int, list[dict[str, object]]]) -> None:
    """Token-exact span P/R/F1 per span type of the joint tagger on the held-out texts."""
    import pycrfsuite

    from newsprism.extract.quotes.attribution_features import spans_from_labels

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    counts: Counter[tuple[str, str]] = Counter()
    for doc, gold in test:
        tagged = split_labels(tagger.tag(features[id(doc)]))
        for kind in SPAN_TYPES:
            predicted = set(spans_from_labels(doc, tagged[kind]))
            truth = {_tokens(doc, s) for s in gold[kind]} - {None}
            counts[kind, "pred"] += len(predicted)
            counts[kind, "gold"] += len(truth)
            counts[kind, "hit"] += len(predicted & truth)
    for kind in SPAN_TYPES:
        hit, pred, gold_count = (counts[kind, "hit"], counts[kind, "pred"],
                                 counts[kind, "gold"])
        p = hit / pred if pred else 0.0
        r = hit / gold_count if gold_count else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  held out {kind}: P {p:.3f} R {r:.3f} F1 {f:.3f} (token-exact spans)")


def _tokens(doc: Doc, span: Span) -> tuple[int, int] | None:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return (found.start, found.end) if found is not None else None


if __name__ == "__main__":
    sys.exit(main())
