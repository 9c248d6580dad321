"""Streaming extraction over a process pool: one pipeline per worker, order kept, memory flat.

spaCy's own ``nlp.pipe(n_process=...)`` sends Docs back through msgpack, which cannot carry the
dataclasses our components put in ``doc._``; so the workers run the whole per-article step
(``extract_documents``) and send back plain ``(Document, Extraction)`` pairs, which pickle.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from spacy.language import Language

from newsprism.model import Document, Extraction

# Documents per task sent to a worker: enough to fill nlp.pipe's batches and amortise pickling,
# few enough that a worker's share of a small corpus is not one giant task.
DEFAULT_BATCH_SIZE = 16
# Chunks queued per worker beyond the one it is running: keeps every worker busy while the
# consumer (the SQLite writer) catches up, and bounds how many articles are held in memory.
IN_FLIGHT_PER_WORKER = 2

_worker_nlp: Language | None = None


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _start_method() -> str:
    """fork when it is safe: workers then start at once and share an already loaded pipeline.

    A process running other threads (a Rich progress bar, a web server) must spawn instead,
    since fork copies only the calling thread and can leave locks held forever; a spawned
    worker imports spaCy and loads the model itself, which costs a few seconds.
    """
    methods = multiprocessing.get_all_start_methods()
    return "fork" if "fork" in methods and threading.active_count() == 1 else "spawn"


def _init_worker(model: str | None, selective: bool | None) -> None:
    global _worker_nlp
    from newsprism.nlp import load_pipeline

    _worker_nlp = load_pipeline(model, selective_parsing=selective)


def _extract_chunk(chunk: list[Document], batch_size: int) -> list[tuple[Document, Extraction]]:
    from newsprism.extract import extract_documents

    assert _worker_nlp is not None, "worker initializer did not run"
    return list(extract_documents(_worker_nlp, chunk, batch_size=batch_size))


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def extract_parallel(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    selective_parsing: bool | None = None,
) -> Iterator[tuple[Document, Extraction]]:
    """Extract every document, in input order, using ``workers`` processes (default: all cores).

    Documents are read lazily and at most ``(IN_FLIGHT_PER_WORKER + 1) * workers`` chunks of
    ``batch_size`` articles are in flight, so memory does not grow with the corpus. Each worker
    loads the pipeline once. ``workers=1`` runs in this process without a pool.

    The yielded Document is the caller's own object, its publication time updated when the
    dates component inferred one (as :func:`newsprism.extract.extract_documents` does).
    ``selective_parsing`` is passed to :func:`newsprism.nlp.load_pipeline` (None: its default).
    """
    from newsprism.nlp import load_pipeline

    workers = default_workers() if workers is None else max(1, workers)
    if workers == 1:
        from newsprism.extract import extract_documents

        nlp = load_pipeline(model, selective_parsing=selective_parsing)
        yield from extract_documents(nlp, documents, batch_size=batch_size)
        return

    context = multiprocessing.get_context(_start_method())
    max_pending = workers * (IN_FLIGHT_PER_WORKER + 1)
    pending: deque[tuple[list[Document], Future[list[tuple[Document, Extraction]]]]] = deque()
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(model, selective_parsing),
    ) as pool:
        try:
            for chunk in _chunks(documents, batch_size):
                pending.append((chunk, pool.submit(_extract_chunk, chunk, batch_size)))
                if len(pending) >= max_pending:
                    yield from _collect(*pending.popleft())
            while pending:
                yield from _collect(*pending.popleft())
        finally:
            for _, future in pending:
                future.cancel()


def _collect(
    chunk: list[Document], future: Future[list[tuple[Document, Extraction]]]
) -> Iterator[tuple[Document, Extraction]]:
    for original, (returned, extraction) in zip(chunk, future.result(), strict=True):
        original.published = returned.published
        yield original, extraction
