"""Score newsprism's quantity component on NewsQuant-format files (and on the seeds' gold).

Usage::

    .venv/bin/python bench/quantities.py bench/data/quantities_team.json \
        [more.json ...] [--seeds ../shared/corpora/seeds] [--texts DIR] [--errors N]
        [--predicted DIR]

Each file is a list of ``{"text", "quantities": [{"value", "unit", "normalized_unit", "change",
"referred_concepts"}]}`` (or an object whose ``sentences`` key holds that list). Scoring follows
the CQE evaluation: per sentence, each gold quantity matches at most one prediction; values are
equal within a relative tolerance of 1e-5 and a range ``"a-b"`` only matches a range. A gold item
without ``change`` counts as ``"="``. A prediction's unit is its normalised unit, followed by
" per <rate>" when it has one ("dollar per share"); a count of things has the unit "-" and keeps
its counted noun as ``item``, which also matches a gold unit that names the noun by its head
("cabinet minister" and "minister" agree; data sets differ: NewsQuant writes "-", the team sets
the head noun, CQE's own test files the noun with its modifiers). When gold items
carry a ``measure`` key, the measure accuracy over value-matched pairs is reported too.

``--predicted DIR`` scores another system's predictions (``DIR/<gold file name>``, written by
``scripts/cqe_predict.py`` for CQE) with exactly the same matching.

With several files, one table row per file and a total row (micro-averaged over all sentences)
are printed. The last line is ``value_f1=… value_unit_f1=… value_change_f1=…
[measure_accuracy=…] [<file>_value_f1=… …] [seeds_right=…] [time_share=…]``: the totals, then
each file's figures when there are several.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsprism.extract import make_doc
from newsprism.extract.quantities.component import find_quantities
from newsprism.model import Document, Quantity
from newsprism.nlp import load_pipeline

REL_TOL = 1e-5
Value = tuple[float, float]  # (low, high); equal for a single value

Item = dict[str, object]


def parse_value(value: object) -> Value | None:
    """A gold or predicted value: a number, or a range "a-b" (negative numbers allowed)."""
    text = str(value).strip().replace(",", "")
    match = re.fullmatch(r"(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?:\s*-\s*(-?\d+(?:\.\d+)?))?", text)
    if not match:
        return None
    low = float(match.group(1))
    high = float(match.group(2)) if match.group(2) else low
    return low, high


def values_equal(a: Value, b: Value) -> bool:
    if (a[0] == a[1]) != (b[0] == b[1]):
        return False
    return all(math.isclose(x, y, rel_tol=REL_TOL) for x, y in zip(a, b, strict=True))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def to_items(quantity: Quantity) -> list[Item]:
    """NewsQuant items of one prediction: a change "from A to B" gives A ("=") and B (up/down)."""
    shown = quantity.low if quantity.low is not None else quantity.high
    if shown is None:
        return []
    if quantity.low is not None and quantity.high is not None and quantity.low != quantity.high:
        value = f"{_number(quantity.low)}-{_number(quantity.high)}"
    else:
        value = _number(shown)
    unit = quantity.normalized_unit or "-"
    item = quantity.item if unit == "-" else ""
    if quantity.per and unit != "-":
        unit = f"{unit} per {quantity.per}"
    elif quantity.per and item:
        item = f"{item} per {quantity.per}"  # "30,000 passengers a day"
    base = {"unit": quantity.unit, "normalized_unit": unit, "item": item,
            "measure": quantity.measure, "scope": quantity.scope}
    items: list[Item] = []
    if quantity.from_low is not None:
        items.append({**base, "value": _number(quantity.from_low), "change": "="})
    items.append({**base, "value": value, "change": quantity.change})
    return items


def match(gold: list[Item], pred: list[Item], same: Callable[[Item, Item], bool]
          ) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in text order (as the CQE evaluation does)."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for g, gold_item in enumerate(gold):
        gv = parse_value(gold_item["value"])
        for p, pred_item in enumerate(pred):
            pv = parse_value(pred_item["value"])
            if p in used or gv is None or pv is None or not values_equal(gv, pv):
                continue
            if same(gold_item, pred_item):
                used.add(p)
                pairs.append((g, p))
                break
    return pairs


def _unit(item: Item) -> str:
    unit = str(item.get("normalized_unit") or "-").lower().strip()
    return unit or "-"


def _head(noun: str) -> str:
    """The head of a counted noun phrase ("cabinet minister" -> "minister"), rate kept."""
    words, _, rate = noun.partition(" per ")
    head = words.split()[-1] if words.split() else ""
    return f"{head} per {rate}" if rate else head


def same_unit(gold: Item, pred: Item) -> bool:
    """Units agree; a predicted count ("-") also agrees with a gold unit naming its noun, by
    the head noun (data sets differ in writing modifiers: "cabinet minister", "officer")."""
    if _unit(gold) == _unit(pred):
        return True
    item = str(pred.get("item") or "").lower().strip()
    return _unit(pred) == "-" and bool(item) and _head(_unit(gold)) == _head(item)


CRITERIA: dict[str, Callable[[Item, Item], bool]] = {
    "value": lambda g, p: True,
    "value_unit": same_unit,
    "value_change": lambda g, p: str(g.get("change") or "=") == str(p.get("change") or "="),
}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_sentences(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["sentences"] if isinstance(data, dict) else data


@dataclass
class FileScore:
    """Counts for one file; figures are derived so files add up into a total row."""

    name: str
    sentences: int = 0
    n_gold: int = 0
    n_pred: int = 0
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CRITERIA, 0))
    measured: int = 0
    measure_right: int = 0
    pipeline_seconds: float = 0.0
    component_seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def add(self, other: FileScore) -> None:
        self.sentences += other.sentences
        self.n_gold += other.n_gold
        self.n_pred += other.n_pred
        for name in CRITERIA:
            self.tp[name] += other.tp[name]
        self.measured += other.measured
        self.measure_right += other.measure_right
        self.pipeline_seconds += other.pipeline_seconds
        self.component_seconds += other.component_seconds

    def figures(self) -> dict[str, float]:
        result = {f"{name}_f1": prf(self.tp[name], self.n_pred, self.n_gold)[2]
                  for name in CRITERIA}
        if self.measured:
            result["measure_accuracy"] = self.measure_right / self.measured
        return result


def newsprism_items(sentences: list[dict], score: FileScore) -> list[list[Item]]:
    """newsprism's predictions for each sentence (and the component's share of the time)."""
    nlp = load_pipeline()
    started = time.perf_counter()
    docs = list(nlp.pipe(make_doc(nlp, Document(id=f"s{i}", text=s["text"]))
                         for i, s in enumerate(sentences)))
    score.pipeline_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        find_quantities(doc)
    score.component_seconds = time.perf_counter() - started
    return [[item for q in doc._.quantities for item in to_items(q)] for doc in docs]


def predicted_items(sentences: list[dict], path: Path) -> list[list[Item]]:
    """Another system's predictions, written in the same format (scripts/cqe_predict.py)."""
    predicted = load_sentences(path)
    if [p["text"] for p in predicted] != [s["text"] for s in sentences]:
        raise SystemExit(f"{path}: its sentences differ from the gold file's")
    return [p["quantities"] for p in predicted]


def score_file(path: Path, predicted: Path | None = None) -> FileScore:
    sentences = load_sentences(path)
    score = FileScore(name=path.stem, sentences=len(sentences))
    errors = score.errors
    preds = (newsprism_items(sentences, score) if predicted is None
             else predicted_items(sentences, predicted / path.name))
    for sentence, pred in zip(sentences, preds, strict=True):
        gold = sentence["quantities"]
        score.n_gold += len(gold)
        score.n_pred += len(pred)
        for name, same in CRITERIA.items():
            pairs = match(gold, pred, same)
            score.tp[name] += len(pairs)
            if name == "value":
                for g, p in pairs:
                    if "measure" in gold[g] and "measure" in pred[p]:
                        score.measured += 1
                        ok = gold[g]["measure"] == pred[p].get("measure")
                        score.measure_right += ok
                        if not ok:
                            errors.append(f"measure {gold[g]['value']}: gold "
                                          f"{gold[g]['measure']} got {pred[p].get('measure')} | "
                                          f"{sentence['text']}")
                matched = {g for g, _ in pairs}
                matched_pred = {p for _, p in pairs}
                errors.extend(f"missed {gold[g]['value']} | {sentence['text']}"
                              for g in range(len(gold)) if g not in matched)
                errors.extend(f"spurious {pred[p]['value']} | {sentence['text']}"
                              for p in range(len(pred)) if p not in matched_pred)
            elif name == "value_unit":
                value_pairs = match(gold, pred, CRITERIA["value"])
                unit_ok = {g for g, _ in pairs}
                errors.extend(
                    f"unit {gold[g]['value']}: gold {_unit(gold[g])} got {_unit(pred[p])} | "
                    f"{sentence['text']}" for g, p in value_pairs if g not in unit_ok
                )
            elif name == "value_change":
                value_pairs = match(gold, pred, CRITERIA["value"])
                change_ok = {g for g, _ in pairs}
                errors.extend(
                    f"change {gold[g]['value']}: gold {gold[g].get('change') or '='} got "
                    f"{pred[p].get('change')} | {sentence['text']}"
                    for g, p in value_pairs if g not in change_ok
                )
    return score


def print_scores(scores: list[FileScore], total: FileScore, show_errors: int) -> None:
    """One row per file (and a total row when there are several): P/R/F1 per criterion."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Quantities (CQE evaluation: value, value+unit, value+change)")
    for column in ("file", "sentences", "gold", "predicted", "value P", "value R", "value F1",
                   "value+unit F1", "value+change F1", "measure acc."):
        table.add_column(column, overflow="fold")
    rows = [*scores, total] if len(scores) > 1 else scores
    for score in rows:
        p, r, _ = prf(score.tp["value"], score.n_pred, score.n_gold)
        cells = [f"{p:.3f}", f"{r:.3f}"]
        for name in CRITERIA:
            cells.append(f"{prf(score.tp[name], score.n_pred, score.n_gold)[2]:.3f}")
        measure = f"{score.measure_right / score.measured:.3f}" if score.measured else ""
        table.add_row(score.name, str(score.sentences), str(score.n_gold), str(score.n_pred),
                      *cells, measure)
    console = Console(width=160)
    console.print(table)
    share = total.component_seconds / total.pipeline_seconds if total.pipeline_seconds else 0.0
    console.print(f"time: pipeline {total.pipeline_seconds:.2f}s, quantities component "
                  f"{total.component_seconds:.3f}s ({share:.1%} of the pipeline)")
    for score in scores:
        for line in score.errors[:show_errors]:
            console.print(f"[{score.name}] {line}", markup=False)


def seed_matches(item: dict, q: Quantity) -> tuple[bool, bool]:
    """(value+measure+bound right, scope right too) for one seed gold quantity."""
    if q.measure != item["measure"]:
        return False, False
    if "to" in item:
        ok = q.low == item["to"] and q.from_low == item["from"]
    elif "low" in item:
        ok = q.low == item["low"] and q.bound == item.get("bound", q.bound)
    else:
        ok = q.low == q.high == item["value"]
    scope = item.get("scope", "total")
    if scope == "total":
        scoped = q.scope == ""
    else:
        scoped = bool(set(scope.lower().split()) & set(q.scope.lower().split()))
    return ok, ok and scoped


def score_seeds(directory: Path) -> float:
    from rich.console import Console
    from rich.table import Table

    nlp = load_pipeline()
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))["documents"]
    table = Table(title="Seed gold quantities")
    for column in ("document", "gold", "found (value, bound, measure)", "scope right"):
        table.add_column(column)
    total = right = 0
    for path in sorted(directory.glob("*.txt")):
        if path.stem not in gold:
            continue
        doc = nlp(make_doc(nlp, Document(id=path.stem, text=path.read_text(encoding="utf-8"))))
        for item in gold[path.stem]["quantities"]:
            results = [seed_matches(item, q) for q in doc._.quantities]
            found = any(ok for ok, _ in results)
            scoped = any(s for _, s in results)
            total += 1
            right += scoped
            label = {k: v for k, v in item.items() if k in ("measure", "value", "low", "from",
                                                            "to", "scope")}
            table.add_row(path.stem[:3], json.dumps(label), "yes" if found else "NO",
                          "yes" if scoped else "NO")
    Console().print(table)
    return right / total if total else 0.0


def time_texts(directory: Path) -> float:
    """Share of the pipeline's time spent in the quantities component over a folder of texts."""
    nlp = load_pipeline()
    paths = sorted(directory.glob("*.txt"))
    started = time.perf_counter()
    docs = list(nlp.pipe(make_doc(nlp, Document(id=p.stem, text=p.read_text(encoding="utf-8")))
                         for p in paths))
    pipeline_seconds = time.perf_counter() - started
    started = time.perf_counter()
    found = sum(len(find_quantities(doc)) for doc in docs)
    component_seconds = time.perf_counter() - started
    share = component_seconds / pipeline_seconds if pipeline_seconds else 0.0
    print(f"{len(docs)} texts, {found} quantities: pipeline {pipeline_seconds:.1f}s, "
          f"quantities component {component_seconds:.2f}s ({share:.1%})")
    return share


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", type=Path, nargs="+", help="NewsQuant-format JSON files")
    parser.add_argument("--seeds", type=Path, help="seed corpus directory with gold.json")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors per file")
    parser.add_argument("--texts", type=Path, help="folder of .txt articles to time the component")
    parser.add_argument("--predicted", type=Path,
                        help="score another system's predictions instead: a folder holding a "
                             "file of the same name per gold file (scripts/cqe_predict.py)")
    args = parser.parse_args(argv)
    scores = [score_file(path, args.predicted) for path in args.files]
    total = FileScore(name="total")
    for score in scores:
        total.add(score)
    print_scores(scores, total, args.errors)
    result = total.figures()
    if len(scores) > 1:
        for score in scores:
            for key, value in score.figures().items():
                result[f"{score.name}_{key}"] = value
    if args.seeds:
        result["seeds_right"] = score_seeds(args.seeds)
    if args.texts:
        result["time_share"] = time_texts(args.texts)
    print(" ".join(f"{key}={value:.3f}" for key, value in result.items()))


if __name__ == "__main__":
    main()
