"""How well the read stage extracts article bodies from HTML pages.

Runs newsprism's HTML reader (the same code ``read_paths`` uses for ``.html`` files) over the
Scrapinghub article-extraction benchmark and scores the body text against the ground truth with
token-level precision, recall and F1, as the benchmark's ``evaluate.py`` does: tokens are
``\\b\\w+\\b`` matches, true positives are the multiset intersection of true and predicted
tokens per page, precision and recall are averaged over pages, and F1 is their harmonic mean.
A micro-averaged line (tokens pooled over all pages) is printed too, and, as a by-product, the
translation-noise scores of the fluent English ground-truth bodies (false-positive check).

Usage::

    .venv/bin/python bench/html_extraction.py ../shared/bench-data/article-extraction
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsprism.model import Document
from newsprism.read.files import read_bytes
from newsprism.read.language import detect_language
from newsprism.read.noise import MACHINE_TRANSLATED_THRESHOLD, translation_noise

TOKEN = re.compile(r"(?u)\b\w+\b")


def tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(text))


def tp_fp_fn(true: str, predicted: str) -> tuple[int, int, int]:
    expected, got = tokens(true), tokens(predicted)
    tp = sum((expected & got).values())
    return tp, sum(got.values()) - tp, sum(expected.values()) - tp


def precision_recall(tp: int, fp: int, fn: int) -> tuple[float, float]:
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def predict(data: bytes, name: str) -> str:
    """Body text as the read stage produces it; "" when the reader reports a problem."""
    for item in read_bytes(data, path=name, suffix=".html"):
        if isinstance(item, Document):
            return item.text
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="folder with html/*.html.gz and ground-truth.json")
    args = parser.parse_args(argv)
    truth_path = args.data / "ground-truth.json"
    if not truth_path.is_file():
        parser.error(f"{truth_path} not found: pass the article-extraction benchmark folder")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))

    rows: list[tuple[str, int, int, int]] = []
    started = time.perf_counter()
    for key, expected in sorted(truth.items()):
        page = args.data / "html" / f"{key}.html.gz"
        predicted = predict(gzip.decompress(page.read_bytes()), str(page)) if page.is_file() else ""
        rows.append((key, *tp_fp_fn(expected.get("articleBody", ""), predicted)))
    elapsed = time.perf_counter() - started

    per_page = [precision_recall(tp, fp, fn) for _key, tp, fp, fn in rows]
    macro_p = sum(p for p, _ in per_page) / len(per_page)
    macro_r = sum(r for _, r in per_page) / len(per_page)
    tp, fp, fn = (sum(row[i] for row in rows) for i in (1, 2, 3))
    micro_p, micro_r = precision_recall(tp, fp, fn)
    empty = sum(1 for _key, tp_, fp_, _fn in rows if tp_ + fp_ == 0)

    table = Table(title=f"HTML body extraction ({len(rows)} pages, {args.data})")
    for column in ("averaging", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "averaging" else "left")
    table.add_row(
        "per page (benchmark)", f"{macro_p:.3f}", f"{macro_r:.3f}", f"{f1(macro_p, macro_r):.3f}"
    )
    table.add_row(
        "pooled tokens", f"{micro_p:.3f}", f"{micro_r:.3f}", f"{f1(micro_p, micro_r):.3f}"
    )
    console = Console()
    console.print(table)
    console.print(
        f"pages with no text extracted: {empty}; "
        f"{len(rows) / elapsed:.1f} pages/s ({elapsed:.1f} s)"
    )
    # The ground-truth bodies are fluent, human-edited pages: a free check of the translation-noise
    # flag's false-positive rate on English text.
    fluent = [
        translation_noise(body)
        for body in (t.get("articleBody", "") for t in truth.values())
        if detect_language(body) == "en"
    ]
    flagged = sum(1 for score in fluent if score > MACHINE_TRANSLATED_THRESHOLD)
    console.print(
        f"translation noise on {len(fluent)} fluent English bodies: max {max(fluent):.3f}, "
        f"flagged as machine-translated {flagged} (threshold {MACHINE_TRANSLATED_THRESHOLD})"
    )
    print(f"html_p={macro_p:.3f} html_r={macro_r:.3f} html_f1={f1(macro_p, macro_r):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
