"""Score newsprism's quantity component on a NewsQuant-format file (and on the seeds' gold).

Usage::

    .venv/bin/python bench/quantities.py bench/data/quantities_team.json \
        [--seeds ../shared/corpora/seeds]

The file is a list of ``{"text", "quantities": [{"value", "unit", "normalized_unit", "change",
"referred_concepts"}]}`` (or an object whose ``sentences`` key holds that list). Scoring follows
the CQE evaluation: per sentence, each gold quantity matches at most one prediction; values are
equal within a relative tolerance of 1e-5 and a range ``"a-b"`` only matches a range. When gold
items carry a ``measure`` key, the measure accuracy over value-matched pairs is reported too.

The last line is ``value_f1=… value_unit_f1=… value_change_f1=… [measure_accuracy=…]
[seeds_right=…]``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable
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
    base = {"unit": quantity.unit, "normalized_unit": quantity.normalized_unit,
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


CRITERIA: dict[str, Callable[[Item, Item], bool]] = {
    "value": lambda g, p: True,
    "value_unit": lambda g, p: _unit(g) == _unit(p),
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


def score_file(path: Path, *, show_errors: int = 0) -> dict[str, float]:
    nlp = load_pipeline()
    sentences = load_sentences(path)
    tp = dict.fromkeys(CRITERIA, 0)
    n_gold = n_pred = 0
    measured = measure_right = 0
    errors: list[str] = []
    started = time.perf_counter()
    docs = list(nlp.pipe(make_doc(nlp, Document(id=f"s{i}", text=s["text"]))
                         for i, s in enumerate(sentences)))
    pipeline_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        find_quantities(doc)
    component_seconds = time.perf_counter() - started
    for sentence, doc in zip(sentences, docs, strict=True):
        gold = sentence["quantities"]
        pred = [item for q in doc._.quantities for item in to_items(q)]
        n_gold += len(gold)
        n_pred += len(pred)
        for name, same in CRITERIA.items():
            pairs = match(gold, pred, same)
            tp[name] += len(pairs)
            if name == "value":
                for g, p in pairs:
                    if "measure" in gold[g]:
                        measured += 1
                        ok = gold[g]["measure"] == pred[p]["measure"]
                        measure_right += ok
                        if not ok:
                            errors.append(f"measure {gold[g]['value']}: gold "
                                          f"{gold[g]['measure']} got {pred[p]['measure']} | "
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
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Quantities on {path.name}: {len(sentences)} sentences, "
                        f"{n_gold} gold, {n_pred} predicted")
    for column in ("criterion", "P", "R", "F1"):
        table.add_column(column)
    result: dict[str, float] = {}
    for name in CRITERIA:
        p, r, f = prf(tp[name], n_pred, n_gold)
        table.add_row(name, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}")
        result[f"{name}_f1"] = f
    if measured:
        result["measure_accuracy"] = measure_right / measured
        table.add_row("measure accuracy", "", "", f"{result['measure_accuracy']:.3f}")
    console = Console()
    console.print(table)
    share = component_seconds / pipeline_seconds if pipeline_seconds else 0.0
    console.print(f"time: pipeline {pipeline_seconds:.2f}s, quantities component "
                  f"{component_seconds:.3f}s ({share:.1%} of the pipeline)")
    for line in errors[:show_errors]:
        console.print(line, markup=False)
    return result


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
    parser.add_argument("file", type=Path, help="NewsQuant-format JSON file")
    parser.add_argument("--seeds", type=Path, help="seed corpus directory with gold.json")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors")
    parser.add_argument("--texts", type=Path, help="folder of .txt articles to time the component")
    args = parser.parse_args(argv)
    result = score_file(args.file, show_errors=args.errors)
    if args.seeds:
        result["seeds_right"] = score_seeds(args.seeds)
    if args.texts:
        result["time_share"] = time_texts(args.texts)
    print(" ".join(f"{key}={value:.3f}" for key, value in result.items()))


if __name__ == "__main__":
    main()
