"""Run the peer extractor CQE 2.0.3 on NewsQuant-format files and write its predictions.

CQE is never a dependency of newsprism: this script runs with the Python of a throwaway
virtualenv outside the repository, and ``bench/quantities.py --predicted DIR`` scores what it
writes with the same matching as newsprism's own figures. See docs/benchmarks.md (Quantities)
for the setup (``pip install --no-deps cqe==2.0.3`` plus spaCy 3.8 and the pinned small English
model, and an ``en_US.UTF-8`` locale built with ``localedef`` into ``LOCPATH``)::

    LOCPATH=/tmp/cqe-locale PYTHONPATH=/tmp/cqe-run /tmp/cqe-venv/bin/python \\
        scripts/cqe_predict.py ../shared/bench-data/cqe-small/*.json --out /tmp/cqe-predicted

Each output file mirrors its input: the same sentences, with CQE's quantities in place of the
gold ones. A CQE unit outside its unit dictionary (a counted noun: "people", "fighter jet") is
written as ``normalized_unit`` "-" with the noun as ``item``, the form newsprism uses, so both
systems are scored by the same rule.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def _value(quantity: object) -> str:
    value = quantity.value  # type: ignore[attr-defined]
    if hasattr(value, "lower") and hasattr(value, "upper"):
        return f"{_number(value.lower)}-{_number(value.upper)}"
    return _number(value.value)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _item(quantity: object) -> dict[str, str]:
    unit = quantity.unit  # type: ignore[attr-defined]
    norm = str(unit.norm_unit or "-")
    in_dictionary = bool(getattr(unit, "scientific", False))
    item = {"value": _value(quantity), "change": str(quantity.change.change or "="),  # type: ignore[attr-defined]
            "unit": " ".join(t.text for t in unit.unit) if unit.unit else ""}
    if in_dictionary or norm == "-":
        item["normalized_unit"] = norm
    else:
        item["normalized_unit"] = "-"
        item["item"] = norm
    return item


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", type=Path, nargs="+", help="NewsQuant-format JSON files")
    parser.add_argument("--out", type=Path, required=True, help="folder for the predictions")
    args = parser.parse_args()
    from CQE import CQE  # the peer, importable only in its own virtualenv

    parser_ = CQE.CQE()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.files:
        data = json.loads(path.read_text(encoding="utf-8"))
        sentences = data["sentences"] if isinstance(data, dict) else data
        started = time.perf_counter()
        predicted = []
        for sentence in sentences:
            try:
                quantities = [_item(q) for q in parser_.parse(sentence["text"])]
            except Exception as error:  # CQE raises on some inputs; count it as no output
                print(f"CQE failed on {sentence['text'][:60]!r}: {error}")
                quantities = []
            predicted.append({"text": sentence["text"], "quantities": quantities})
        seconds = time.perf_counter() - started
        (args.out / path.name).write_text(json.dumps(predicted, ensure_ascii=False, indent=1),
                                          encoding="utf-8")
        print(f"{path.name}: {len(sentences)} sentences in {seconds:.1f}s")


if __name__ == "__main__":
    main()
