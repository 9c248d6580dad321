"""Extraction throughput: ``analyze --engine ray`` vs the local process pool, on the same articles.

Usage::

    .venv/bin/python bench/ray_throughput.py DATA_PATH [--words 100000] [--workers 2] [--rounds 1]

DATA_PATH is a file or folder of articles (e.g. ``samples/corpus`` or
``../shared/bench-data/polnear/train/text``), read with newsprism's readers and taken in order,
repeated with fresh ids if need be, until the run holds at least ``--words`` words (whitespace
tokens). Both engines extract the same Documents with ``--workers`` workers (pool processes,
Ray actors on a local Ray of that many CPUs):

- pool: :func:`newsprism.extract.core.parallel.extract_parallel` (what ``analyze`` runs);
- ray: :func:`newsprism.scale.ray_job.extract_with_ray` (what ``analyze --engine ray`` runs:
  Documents to Ray in blocks, an actor pool, the pairs back in input order).

Start-up is measured apart from throughput. Each engine extracts a quarter of the articles,
then all of them, each run timed from the first article in to the last result out; the
throughput once started is the marginal rate, (words of all - words of the quarter) / (time of
all - time of the quarter), so that what both runs pay once (the pool forking or spawning its
workers, Ray starting its actors, each worker loading the model, the first batch's latency)
cancels out; the start-up is then the time of all minus its words over that rate. ``ray.init``
of the local Ray is timed on its own. The engines alternate, ``--rounds`` times, so that a
change in the machine's load falls on both; wall time moves with what else the machine runs.

The last line is ``words_per_s_pool=… words_per_s_ray=… ray_vs_pool=… ray_init_s=…
ray_startup_s=… pool_startup_s=…`` (marginal words/s and start-up seconds, medians over the
rounds; ``ray_vs_pool`` ≥ 0.9 is the target).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from rich.console import Console
from rich.table import Table
from throughput import corpus

from newsprism.extract.core.parallel import extract_parallel
from newsprism.model import Document, Extraction
from newsprism.scale.ray_job import extract_with_ray, start_ray

Run = Callable[[list[Document]], Iterator[tuple[Document, Extraction]]]


def words_of(documents: list[Document]) -> int:
    return sum(len(d.text.split()) for d in documents)


def timed_run(documents: list[Document], run: Run) -> float:
    """Wall seconds from the first article in to the last result out."""
    # Fresh copies: extraction sets the publication time on the Documents.
    fresh = [Document(**vars(d)) for d in documents]
    start = time.perf_counter()
    count = sum(1 for _ in run(fresh))
    assert count == len(fresh), f"{count} results for {len(fresh)} articles"
    return time.perf_counter() - start


def measure(documents: list[Document], run: Run) -> dict[str, float]:
    """Marginal words/s and start-up seconds from a run on a quarter and one on all."""
    quarter = documents[: max(1, len(documents) // 4)]
    t_quarter = timed_run(quarter, run)
    t_all = timed_run(documents, run)
    extra_words = words_of(documents) - words_of(quarter)
    rate = extra_words / max(t_all - t_quarter, 1e-9)
    return {
        "quarter_s": t_quarter,
        "all_s": t_all,
        "words_per_s": rate,
        "startup_s": t_all - words_of(documents) / rate,
        "overall_words_per_s": words_of(documents) / t_all,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, help="file or folder of articles")
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()

    import ray

    console = Console()
    documents = corpus([args.data], args.words)
    words = sum(len(d.text.split()) for d in documents)
    console.print(f"{len(documents):,} articles, {words:,} words, {args.workers} workers")

    start = time.perf_counter()
    start_ray(None, args.workers)  # what analyze --engine ray starts, workers at nice 0
    ray_init = time.perf_counter() - start

    def pool(docs: list[Document]) -> Iterator[tuple[Document, Extraction]]:
        return extract_parallel(docs, workers=args.workers)

    def on_ray(docs: list[Document]) -> Iterator[tuple[Document, Extraction]]:
        return extract_with_ray(docs, actors=args.workers)

    results: dict[str, list[dict[str, float]]] = {"pool": [], "ray": []}
    try:
        for _ in range(args.rounds):
            for name, run in (("pool", pool), ("ray", on_ray)):
                result = measure(documents, run)
                results[name].append(result)
                console.print(
                    f"{name}: quarter {result['quarter_s']:.1f}s, all {result['all_s']:.1f}s, "
                    f"{result['words_per_s']:,.0f} words/s once started, start-up "
                    f"{result['startup_s']:.1f}s"
                )
    finally:
        ray.shutdown()

    table = Table(title=f"Extraction throughput, {args.workers} workers ({words:,} words)")
    for column in ("engine", "ray.init s", "start-up s", "quarter s", "all s",
                   "words/s once started", "words/s overall"):
        table.add_column(column, justify="right")
    median = {
        name: {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        for name, runs in results.items()
    }
    for name, m in median.items():
        table.add_row(
            name, f"{ray_init:.1f}" if name == "ray" else "-", f"{m['startup_s']:.1f}",
            f"{m['quarter_s']:.1f}", f"{m['all_s']:.1f}", f"{m['words_per_s']:,.0f}",
            f"{m['overall_words_per_s']:,.0f}",
        )
    console.print(table)
    ratio = median["ray"]["words_per_s"] / median["pool"]["words_per_s"]
    print(
        f"words_per_s_pool={median['pool']['words_per_s']:.0f} "
        f"words_per_s_ray={median['ray']['words_per_s']:.0f} ray_vs_pool={ratio:.2f} "
        f"ray_init_s={ray_init:.1f} ray_startup_s={median['ray']['startup_s']:.1f} "
        f"pool_startup_s={median['pool']['startup_s']:.1f}"
    )


if __name__ == "__main__":
    main()
