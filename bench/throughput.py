"""Extraction speed: bare spaCy vs newsprism's full per-article extraction, on the same articles.

Usage::

    .venv/bin/python bench/throughput.py [DIRS...] [--words 200000] [--workers N]

DIRS default to ``samples/corpus`` and ``../shared/corpora/seeds``. Their articles are read with
newsprism's readers and taken in order, repeated if need be, until the run holds at least
``--words`` words (whitespace tokens). A large directory (``../shared/bench-data/polnear/train/
text``) gives a run with no repeated article, whose vocabulary keeps growing as a real crawl's
does. Four runs, each timed from the first article in to the last result out:

- spaCy, 1 process: ``nlp.pipe`` of the same model with every component it enables by default;
- newsprism, 1 process: ``extract_parallel(workers=1)`` (our pipeline, Documents in,
  Extractions out) — these two alternate over ``--slices`` slices of the corpus, so that a
  change in the machine's load falls on both;
- spaCy, all cores: ``nlp.pipe(n_process=N)``;
- newsprism, all cores: ``extract_parallel(workers=N)``.

newsprism's pipeline multiplies matrices with numpy's BLAS instead of thinc's blis
(``newsprism.nlp.use_numpy_matmul``; same annotations). ``--baseline-numpy-matmul`` gives bare
spaCy the same switch, to show what newsprism gains beyond it.

Pool start-up (spawning workers and loading the model in each) is part of the all-cores times.
Each run is timed twice: wall seconds and CPU seconds (this process and its finished pool
workers). On a machine other jobs share, wall time moves with their load; CPU time much less.
The last line is ``words_per_s_spacy=… words_per_s_newsprism=… time_ratio=… cpu_ratio=…`` for
the all-cores runs (newsprism time / spaCy time; ≤ 1.0 means no slower than bare spaCy).
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.console import Console
from rich.table import Table

from newsprism.extract.core.parallel import default_workers, extract_parallel
from newsprism.model import Document, document_id
from newsprism.nlp import load_base_model, use_numpy_matmul
from newsprism.read import read_paths

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = (ROOT / "samples" / "corpus", ROOT.parent / "shared" / "corpora" / "seeds")
BATCH_SIZE = 16


def corpus(dirs: list[Path], min_words: int) -> list[Document]:
    """The articles of ``dirs``, repeated (with fresh ids) until they hold ``min_words``."""
    base = [d for d in read_paths([str(d) for d in dirs], on_problem=lambda _: None) if d.text]
    if not base:
        raise SystemExit(f"no articles found in {', '.join(map(str, dirs))}")
    documents: list[Document] = []
    words = 0
    for copy in itertools.count():
        for document in base:
            if words >= min_words:
                return documents
            documents.append(
                Document(
                    id=document_id(document.text, f"copy{copy}"),
                    text=document.text,
                    title=document.title,
                    outlet=document.outlet,
                    published=document.published,
                )
            )
            words += len(document.text.split())
    raise AssertionError("unreachable")


def cpu_seconds() -> float:
    """CPU time of this process and of its finished child processes (pool workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(run: Callable[[], int]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and the run's result. On a machine shared with other jobs the
    CPU seconds move far less than the wall seconds."""
    start, cpu_start = time.perf_counter(), cpu_seconds()
    count = run()
    return time.perf_counter() - start, cpu_seconds() - cpu_start, count


def component_seconds(
    documents: list[Document], model: str | None, *, selective: bool, rule_tables: bool
) -> dict:
    """CPU seconds each pipeline component takes over the corpus (one process, pipe by pipe)."""
    from newsprism.extract import make_doc, to_extraction
    from newsprism.nlp import load_pipeline

    nlp = load_pipeline(model, selective_parsing=selective, rule_tables=rule_tables)
    start = time.process_time()
    docs = [make_doc(nlp, d) for d in documents]
    seconds = {"tokenizer": time.process_time() - start}
    for name, component in nlp.pipeline:
        start = time.process_time()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=BATCH_SIZE))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.process_time() - start
    start = time.process_time()
    for doc in docs:
        to_extraction(doc)
    seconds["to_extraction (coreference, records)"] = time.process_time() - start
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=list(DEFAULT_DIRS))
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--model", default=None)
    parser.add_argument("--slices", type=int, default=8,
                        help="1-process runs alternate spaCy and newsprism over this many slices "
                        "of the corpus (default 8)")
    parser.add_argument(
        "--components", action="store_true",
        help="also time each pipeline component (1 process): as run by default, with spaCy's "
        "own attribute_ruler and lemmatizer instead of their tables, and with selective parsing",
    )
    parser.add_argument(
        "--baseline-numpy-matmul", action="store_true",
        help="run bare spaCy on numpy's BLAS too, as newsprism's pipeline does by default "
        "(newsprism.nlp.use_numpy_matmul): shows what newsprism gains beyond that switch",
    )
    args = parser.parse_args()

    documents = corpus([d for d in args.dirs if d.exists()], args.words)
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    console = Console()
    console.print(f"{len(documents)} articles, {words:,} words; {args.workers} workers")

    nlp = load_base_model(args.model)
    if args.baseline_numpy_matmul:
        use_numpy_matmul(nlp)

    def spacy_run(part: list[Document], n_process: int) -> Callable[[], int]:
        return lambda: sum(
            1 for _ in nlp.pipe([d.text for d in part], batch_size=BATCH_SIZE,
                                n_process=n_process)
        )

    def newsprism_run(part: list[Document], workers: int) -> Callable[[], int]:
        return lambda: sum(
            1
            for _ in extract_parallel(
                part, model=args.model, workers=workers, batch_size=BATCH_SIZE
            )
        )

    # Warm-up outside the clock: loads newsprism's in-process pipeline once.
    list(extract_parallel(documents[:2], model=args.model, workers=1))
    # The 1-process runs alternate over slices of the corpus (spaCy, newsprism, spaCy, ...), so
    # a change in the machine's load falls on both.
    slices = [documents[i :: args.slices] for i in range(args.slices)]
    runs = [
        (name, 1, [make(part, 1) for part in slices])
        for name, make in (("spaCy nlp.pipe", spacy_run), ("newsprism extraction", newsprism_run))
    ]
    if args.workers > 1:
        runs += [
            ("spaCy nlp.pipe", args.workers, [spacy_run(documents, args.workers)]),
            ("newsprism extraction", args.workers, [newsprism_run(documents, args.workers)]),
        ]
    measured: dict[tuple[str, int], list[float]] = {(name, p): [0.0, 0.0, 0] for name, p, _ in runs}
    for processes in dict.fromkeys(p for _, p, _ in runs):
        pair = [(name, parts) for name, p, parts in runs if p == processes]
        for step in range(len(pair[0][1])):
            for name, parts in pair:
                seconds, cpu, count = timed(parts[step])
                totals = measured[name, processes]
                totals[0] += seconds
                totals[1] += cpu
                totals[2] += count
    results: dict[tuple[str, int], float] = {}
    cpu_results: dict[tuple[str, int], float] = {}
    table = Table(title=f"Extraction throughput ({words:,} words)")
    for column in ("run", "processes", "seconds", "words/s", "× spaCy time", "CPU seconds",
                   "× spaCy CPU"):
        table.add_column(column, justify="left" if column == "run" else "right")
    for (name, processes), (seconds, cpu, count) in measured.items():
        assert count == len(documents)
        results[name, processes] = seconds
        cpu_results[name, processes] = cpu
        spacy_seconds = results.get(("spaCy nlp.pipe", processes), seconds)
        spacy_cpu = cpu_results.get(("spaCy nlp.pipe", processes), cpu)
        table.add_row(
            name,
            str(processes),
            f"{seconds:.1f}",
            f"{words / seconds:,.0f}",
            f"{seconds / spacy_seconds:.2f}",
            f"{cpu:.1f}",
            f"{cpu / spacy_cpu:.2f}",
        )
    console.print(table)
    if args.components:
        columns = {
            "default": component_seconds(
                documents, args.model, selective=False, rule_tables=True
            ),
            "spaCy rule components": component_seconds(
                documents, args.model, selective=False, rule_tables=False
            ),
            "selective parsing": component_seconds(
                documents, args.model, selective=True, rule_tables=True
            ),
        }
        parts = Table(title="CPU seconds per component (1 process, whole corpus)")
        parts.add_column("component")
        for column in columns:
            parts.add_column(column, justify="right")
        names = dict.fromkeys(name for seconds in columns.values() for name in seconds)
        for name in names:
            parts.add_row(
                name, *(f"{s[name]:.1f}" if name in s else "" for s in columns.values())
            )
        parts.add_row("total", *(f"{sum(s.values()):.1f}" for s in columns.values()))
        console.print(parts)
    spacy_seconds = results["spaCy nlp.pipe", args.workers]
    ours = results["newsprism extraction", args.workers]
    cpu_ratio = cpu_results["newsprism extraction", args.workers] / cpu_results[
        "spaCy nlp.pipe", args.workers
    ]
    print(
        f"words_per_s_spacy={words / spacy_seconds:.0f} "
        f"words_per_s_newsprism={words / ours:.0f} time_ratio={ours / spacy_seconds:.2f} "
        f"cpu_ratio={cpu_ratio:.2f}"
    )


if __name__ == "__main__":
    main()
