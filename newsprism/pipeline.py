"""The whole job: read → extract → store, then link → cross-check over everything stored.

Extraction is per article and happens once (articles are keyed by a hash of their text, so
re-adding one changes nothing). Linking and cross-checking are recomputed over the stored
corpus whenever it changes, which keeps their results consistent with every article seen.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.crosscheck import crosscheck
from newsprism.errors import NewsprismError
from newsprism.extract.dates.collection_years import (
    align_years_with_collection,
    complete_publication_years,
)
from newsprism.extract.dates.since_event import date_from_event
from newsprism.extract.languages import RUSSIAN, extract_any_language, extract_russian
from newsprism.link import independent_groups, link_corpus
from newsprism.model import (
    Claim,
    Comparison,
    Document,
    Entity,
    Extraction,
    ReuseLink,
    Story,
)
from newsprism.read import ReadProblem, read_paths
from newsprism.scale.windows import WINDOW_ARTICLES
from newsprism.store import Store

# Articles written to SQLite per transaction: large enough to amortise the commit, small enough
# that an interrupted run loses little.
WRITE_BATCH = 64
# Above this many stored articles, relink works window by window (newsprism/scale/windows.py)
# instead of holding every article's extraction and link state at once.
LINK_WINDOW_ARTICLES = WINDOW_ARTICLES
# Where the per-article stage runs: a process pool on this machine, or a Ray Data job
# (newsprism/scale/ray_job.py; a local Ray, or a cluster given by its address).
ENGINES = ("local", "ray")


@dataclass
class AnalyzeReport:
    read: int = 0
    added: int = 0
    already_stored: int = 0
    problems: list[ReadProblem] = field(default_factory=list)
    # Articles stored cut to the size limit: (path, characters kept, characters read).
    cut: list[tuple[str, int, int]] = field(default_factory=list)
    # Articles read but neither stored nor found stored (an extraction that lost them): always
    # 0 unless something is wrong, and then the summary says so.
    lost: int = 0
    stories: int = 0
    documents: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)


@dataclass
class Linked:
    stories: list[Story]
    entities: list[Entity]
    reuse: list[ReuseLink]
    comparisons: list[Comparison]
    # How many comparisons reached each verdict (from ``comparisons`` unless the windowed
    # relink, which keeps no comparisons in memory, counted them as it wrote them).
    verdicts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        if not self.verdicts:
            self.verdicts = Counter(c.verdict for c in self.comparisons)


def new_documents(
    paths: Sequence[str | Path], store: Store, report: AnalyzeReport
) -> list[Document]:
    """Read every input, keeping the articles the store does not hold yet (in input order)."""
    seen = store.document_ids()
    documents: list[Document] = []
    for document in read_paths(paths, on_problem=report.problems.append):
        report.read += 1
        if document.cut_from:
            report.cut.append((document.path, len(document.text), document.cut_from))
        if document.id in seen:
            report.already_stored += 1
            continue
        seen.add(document.id)
        documents.append(document)
    return documents


def _batched(items: Iterable[tuple[Document, Extraction]], size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def extract_and_store(
    documents: Sequence[Document],
    store: Store,
    *,
    model: str | None = None,
    workers: int | None = 1,
    engine: str = "local",
    address: str | None = None,
    on_progress: Callable[[int], None] | None = None,
    report: AnalyzeReport | None = None,
) -> int:
    """Extract every document and write the results in batched transactions, in the same order
    whatever the engine: the English-pipeline articles, then the Russian ones.

    ``engine="local"``: ``workers`` processes (None = all cores). ``engine="ray"``: a Ray Data
    job with ``workers`` actors (None = one per CPU) on a new local Ray, or on the cluster at
    ``address``; Ray routes each article to its language's pipeline the same way.

    With ``report``, documents another process stored meanwhile count as already stored, and
    documents the extraction did not return as lost.
    """
    russian = [d for d in documents if d.language == RUSSIAN]
    others = [d for d in documents if d.language != RUSSIAN]
    added = 0
    if engine == "ray":
        from newsprism.scale.ray_job import extract_with_ray

        results: Iterable[tuple[Document, Extraction]] = extract_with_ray(
            [*others, *russian], address=address, actors=workers, model=model
        )
    elif engine == "local":
        from newsprism.extract.core.parallel import extract_parallel

        if address is not None:
            raise NewsprismError("--address is a Ray cluster's: use it with --engine ray.")
        results = itertools.chain(
            extract_parallel(others, model=model, workers=workers), extract_russian(russian)
        )
    else:
        raise NewsprismError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}.")
    handled = 0
    for batch in _batched(results, write_batch()):
        added += store.add_many(batch)
        handled += len(batch)
        if on_progress is not None:
            on_progress(len(batch))
    if report is not None:
        report.already_stored += handled - added
        report.lost += len(documents) - handled
    return added


def write_batch() -> int:
    """Articles per write transaction (``NEWSPRISM_WRITE_BATCH`` overrides, for tests)."""
    return max(1, int(os.environ.get("NEWSPRISM_WRITE_BATCH") or WRITE_BATCH))


def _extract_again(
    changed: Sequence[Document],
    documents: dict[str, Document],
    extractions: dict[str, Extraction],
    store: Store,
) -> int:
    """Re-extract documents whose publication time changed (their dates hang on it) and store
    the new extractions; returns how many."""
    if not changed:
        return 0
    from newsprism.nlp import load_pipeline

    for document, extraction in extract_any_language(load_pipeline(), changed):
        extractions[document.id] = extraction
        documents[document.id] = document
        store.replace_document(document, extraction)
    return len(changed)


def relink(store: Store, *, window_articles: int | None = None) -> Linked:
    """Recompute stories, entities, reuse links, claims and verdicts over the whole store.

    A store of more than ``window_articles`` articles (default :data:`LINK_WINDOW_ARTICLES`)
    is linked window by window (:func:`newsprism.scale.windows.link_in_windows`), holding one
    window of articles in memory instead of all of them."""
    limit = window_articles or LINK_WINDOW_ARTICLES
    if _stored_documents(store) > limit:
        return _relink_in_windows(store, limit)
    with store.snapshot():  # one consistent state, even while another process adds articles
        generation = store.meta("generation")
        documents = {document.id: document for document in store.documents()}
        extractions = store.extractions()
    with store.transaction():
        # Years from an ambiguous weekday-date pair move into the collection's year, and
        # year-less articles take their story's (extract/dates/collection_years.py); the
        # articles that changed are extracted again.
        _extract_again(
            align_years_with_collection(documents, extractions), documents, extractions, store
        )
    linking = link_corpus(list(documents.values()), extractions, store.stories())
    with store.transaction():
        completed = complete_publication_years(linking.stories, documents, extractions)
        # Undated reports that say how long after their event they were written ("six days
        # after the blast") take the event's day plus that (extract/dates/since_event.py).
        completed += date_from_event(linking.stories, documents, extractions)
        if _extract_again(completed, documents, extractions, store):
            # Re-extraction made new mention and quote objects: resolve them again.
            linking = link_corpus(list(documents.values()), extractions, linking.stories)
    groups = independent_groups(list(documents), linking.reuse)
    claims, comparisons = crosscheck(
        linking.stories, documents, extractions, groups, linking.entities
    )
    with store.transaction():
        store.replace(Story, linking.stories)
        store.replace(Entity, linking.entities)
        store.replace(ReuseLink, linking.reuse)
        store.update_entity_ids(extractions.values())
        store.replace(Claim, claims)
        store.replace(Comparison, comparisons)
        store.set_meta("linked_generation", generation)
    return Linked(linking.stories, linking.entities, linking.reuse, comparisons)


def _stored_documents(store: Store) -> int:
    return int(store.connection.execute("SELECT count(*) FROM documents").fetchone()[0])


def _relink_in_windows(store: Store, window_articles: int) -> Linked:
    """:func:`relink` for a store too large to link in memory: time windows of about
    ``window_articles`` articles (newsprism/scale/windows.py), each window's final stories,
    links, claims and comparisons written as it closes. Publication years are not aligned
    across the collection here (that needs every article at once): a year-less article keeps
    the year its extraction gave it."""
    from newsprism.scale.windows import StoreSink, StoreSource, link_in_windows

    generation = store.meta("generation")
    sink = StoreSink(store)
    link_in_windows(StoreSource(store), sink, window_articles=window_articles)
    with store.transaction():
        store.set_meta("linked_generation", generation)
    return Linked(sink.stories, [], [], [], verdicts=Counter(sink.verdicts))


def analyze(
    paths: Sequence[str | Path],
    store: Store,
    *,
    model: str | None = None,
    workers: int | None = 1,
    engine: str = "local",
    address: str | None = None,
    on_documents: Callable[[int], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> AnalyzeReport:
    """Read, extract and store new articles, then relink and cross-check the corpus.

    ``engine`` and ``address`` choose where extraction runs (:func:`extract_and_store`); the
    record is the same either way. ``on_documents`` is told how many new articles will be
    extracted (for a progress bar), ``on_progress`` how many more are done after each batch.
    """
    report = AnalyzeReport()
    documents = new_documents(paths, store, report)
    if on_documents is not None:
        on_documents(len(documents))
    if documents:
        report.added = extract_and_store(
            documents, store, model=model, workers=workers, engine=engine, address=address,
            on_progress=on_progress, report=report,
        )
    counts = store.counts()  # relinking never adds documents, so these stay true after it
    report.documents = counts["documents"]
    # Relink when this run added articles, and also when an earlier run was interrupted after
    # storing articles but before its relink committed (the record would be stale otherwise).
    stale = store.meta("linked_generation") < store.meta("generation")
    if report.added or stale or (counts["documents"] and not counts["stories"]):
        linked = relink(store)
        report.stories = len(linked.stories)
        report.verdicts = linked.verdicts
    else:
        report.stories = counts["stories"]
        report.verdicts = Counter(c.verdict for c in store.comparisons())
    return report
