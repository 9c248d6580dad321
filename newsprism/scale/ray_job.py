"""Extraction as a Ray Data job: one spaCy pipeline per actor, streaming, same code as the pool.

Two entry points:

- :func:`extract_with_ray` is what ``newsprism analyze PATHS --engine ray [--address ADDR]``
  runs: the read stage's Documents go to Ray in blocks, an actor pool extracts them with
  :func:`newsprism.extract.languages.extract_any_language` (the routing the local process pool
  and the re-extraction pass use), and the pairs stream back, in input order, to the caller,
  which writes them to the SQLite store batch by batch and then links and cross-checks as the
  local engine does.
- :func:`run_extraction` is the Parquet-to-Parquet job for a cluster that reads its input from
  shared storage::

      pip install 'newsprism[ray]'
      python -m newsprism.scale.ray_job articles.parquet extractions/ --actors 8

Each actor loads the spaCy pipeline once (in ``__init__``) and then extracts batch after batch;
Ray streams the dataset, so memory stays bounded like the local process pool's.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
from collections.abc import Iterator, Sequence
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.model import Document, Extraction, from_dict, to_dict
from newsprism.scale.rows import document_from_row, extraction_row, from_extraction_row

DEFAULT_BATCH_SIZE = 16  # articles per map_batches call: nlp.pipe's batch, as in the local pool
# Documents per block handed to Ray: blocks are Ray Data's unit of streaming and scheduling.
BLOCK_ROWS = 128
BLOCKS_PER_ACTOR = 4
# Environment variables the actors need to see as the driver does (the attribution choice,
# the rule-table and matmul switches): every NEWSPRISM_* variable is passed on.
ENV_PREFIX = "NEWSPRISM_"
WORKER_NICENESS = "RAY_worker_niceness"
LOCAL = "local"  # ray.init's address for "start a new local Ray", never an existing one


class RayNotInstalled(NewsprismError):
    """``--engine ray`` without Ray Data installed."""


class Extractor:
    """Ray actor class: ``__call__`` maps a batch of input rows to output rows."""

    def __init__(self, model: str | None = None, selective_parsing: bool | None = None) -> None:
        from newsprism.nlp import load_pipeline

        self.nlp = load_pipeline(model, selective_parsing=selective_parsing)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        from newsprism.extract.languages import extract_any_language

        columns = list(batch)
        size = len(batch[columns[0]]) if columns else 0
        rows = [{name: batch[name][i] for name in columns} for i in range(size)]
        documents = [_document(row) for row in rows]
        out: dict[str, list[str]] = {"id": [], "document": [], "extraction": []}
        for document, extraction in extract_any_language(self.nlp, documents):
            for key, value in extraction_row(document, extraction).items():
                out[key].append(value)
        return out


def _document(row: dict[str, Any]) -> Document:
    """A row holding a whole Document (``document``: its JSON form, as the read stage made it)
    or the article columns of a Parquet input (``text``, ``title``, ...)."""
    if row.get("document") is not None:
        return from_dict(Document, json.loads(row["document"]))
    return document_from_row(row)


def _chunks(items: Sequence[Document], size: int) -> Iterator[Sequence[Document]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def start_ray(address: str | None, cpus: int | None) -> bool:
    """Connect to ``address`` or start a local Ray with ``cpus`` CPUs; True when this call
    started (and so must stop) it."""
    try:
        import ray
        import ray.data
    except ImportError as error:
        raise RayNotInstalled(
            f"--engine ray needs Ray Data ({error}). Install it with: "
            "pip install 'newsprism[ray]'"
        ) from error
    if ray.is_initialized():
        return False
    env = {k: v for k, v in os.environ.items() if k.startswith(ENV_PREFIX)}
    options: dict[str, Any] = {
        "include_dashboard": False,
        "logging_level": logging.WARNING,
        "log_to_driver": False,
        "runtime_env": {"env_vars": env} if env else None,
    }
    if address in (None, LOCAL):
        options["num_cpus"] = cpus
        # Ray starts its workers at nice 15; here they are the job itself, and on a machine
        # other jobs share they would get a sliver of the CPU (measured: 5% each against 30%
        # for the process pool's workers). The raylet passes this on to every worker.
        os.environ.setdefault(WORKER_NICENESS, "0")
    try:
        ray.init(address=address or LOCAL, **options)
    except ConnectionError as error:
        raise NewsprismError(
            f"cannot reach the Ray cluster at {address}: {error}. Check the address "
            "(ray://HOST:10001 or HOST:6379) or leave out --address to run on this machine."
        ) from error
    return True


def extract_with_ray(
    documents: Sequence[Document],
    *,
    address: str | None = None,
    actors: int | None = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    selective_parsing: bool | None = None,
) -> Iterator[tuple[Document, Extraction]]:
    """Extract ``documents`` on Ray (``address``: a cluster; None: a local Ray using ``actors``
    CPUs) and yield ``(Document, Extraction)`` pairs in input order, as
    :func:`newsprism.extract.core.parallel.extract_parallel` does.

    ``actors`` is the size of the actor pool (None: one per CPU of the Ray cluster). The
    yielded Document is the caller's own object, its publication time updated when the dates
    component inferred one. Ray is started on the first ``next()`` and stopped at the end if
    this call started it.
    """
    if not documents:
        return
    started = start_ray(address, actors)
    import ray  # importable: start_ray checked it

    try:
        import pyarrow as pa
        from ray.data import ActorPoolStrategy, DataContext

        context = DataContext.get_current()
        context.execution_options.preserve_order = True  # the store keeps input order
        # The CLI shows its own progress: no bars, no execution-plan chatter, and not the
        # warning that the bars are off.
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        context.enable_progress_bars = False
        pool = min(len(documents), actors or max(1, int(ray.cluster_resources().get("CPU", 1))))
        # A few blocks per actor at least, so a small corpus still spreads over the pool.
        rows = max(1, min(BLOCK_ROWS, -(-len(documents) // (pool * BLOCKS_PER_ACTOR))))
        blocks = [
            pa.table({"document": [json.dumps(to_dict(d), ensure_ascii=False) for d in chunk]})
            for chunk in _chunks(documents, rows)
        ]
        extracted = ray.data.from_arrow(blocks).map_batches(
            Extractor,
            fn_constructor_kwargs={"model": model, "selective_parsing": selective_parsing},
            batch_size=batch_size,
            compute=ActorPoolStrategy(size=pool),
            batch_format="numpy",
        )
        originals = iter(documents)
        for row in extracted.iter_rows():
            returned, extraction = from_extraction_row(row)
            original = next(originals)
            if original.id != returned.id:  # order is what makes the record identical
                raise NewsprismError(
                    f"the Ray job returned article {returned.id} where {original.id} was due"
                )
            original.published = returned.published
            yield original, extraction
    finally:
        if started:
            ray.shutdown()


def run_extraction(
    source: str,
    destination: str,
    *,
    actors: int = 2,
    batch_size: int = DEFAULT_BATCH_SIZE,
    model: str | None = None,
    selective_parsing: bool | None = None,
) -> None:
    """Read articles from Parquet ``source``, extract, write Parquet rows to ``destination``
    (on the Ray that is already initialised, else a new local one)."""
    import ray  # optional dependency: newsprism[ray]
    from ray.data import ActorPoolStrategy

    dataset = ray.data.read_parquet(source)
    extracted = dataset.map_batches(
        Extractor,
        fn_constructor_kwargs={"model": model, "selective_parsing": selective_parsing},
        batch_size=batch_size,
        compute=ActorPoolStrategy(size=actors),
        batch_format="numpy",
    )
    extracted.write_parquet(destination)


def main() -> None:
    parser = argparse.ArgumentParser(description="newsprism extraction as a Ray Data job")
    parser.add_argument("source", help="Parquet file or folder of articles (needs a text column)")
    parser.add_argument("destination", help="folder for the output Parquet files")
    parser.add_argument("--actors", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    run_extraction(
        args.source, args.destination, actors=args.actors, batch_size=args.batch_size,
        model=args.model,
    )


if __name__ == "__main__":
    main()
