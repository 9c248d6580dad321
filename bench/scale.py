"""Link + cross-check cost as the corpus grows, on synthetic extraction records.

Usage::

    .venv/bin/python bench/scale.py [N ...] [--embeddings] [--seed 7]

N defaults to 1000 10000 100000. For each N a fresh subprocess generates N synthetic articles
with their extraction records (:func:`generate`), then times ``link_corpus`` +
``independent_groups`` + ``crosscheck`` and reports seconds and the peak resident memory of the
process (``ru_maxrss``, which includes the generated corpus itself). The growth exponent is the
least-squares slope of log(seconds) over log(N). The multilingual encoder is off unless
``--embeddings`` is given (its cost is linear, ~1 ms per article, and not what this measures).
With ``--foreign 0.2`` a fifth of the articles are labelled Greek, Persian, Georgian or Hungarian
(their text unchanged), so what a corpus in several languages adds is measured: names trusted
only in English, and events joined across languages on language-independent anchors.

The generator is the project's own: stories of heavy-tailed sizes (1 to a few hundred articles)
about synthetic places and people, drawn from shared pools of countries, organisations and
outlets so that stories share entities and common words; each article has sentences, entity
mentions, dates, casualty/detention/price figures that grow over the story's days, a direct
quote, and an event; about 10% of articles are verbatim copies (another outlet) and 5% light
rewrites of an earlier article of their story. Offsets point into the generated text.

Larger sizes are given on the command line (``bench/scale.py 10000 100000 200000 1000000``).
Before each size its time and peak memory are projected from the two largest sizes already run
(their local power law, at least linear); a size projected past ``--max-mb`` (default: 80% of
this machine's memory) or ``--max-seconds`` of CPU (default: an hour) is not started, and the table
then ends with the projection for it, marked as such, instead of a measurement.

Generating a million articles takes longer than linking them: ``--stores DIR`` keeps each
generated store there and reuses it for the same N and seed, and ``--first K`` (with
``--stores``) links only the K earliest articles of each store, which measures a window at the
density of N articles (the generator spreads any N over five years) in minutes.

Wall seconds depend on what else the machine runs; the CPU seconds of the process
(``time.process_time``) do much less, so projections and ``cpu_exponent`` use them.

The last line is ``seconds_100k=… peak_mb_100k=… exponent=…`` for the largest N run (its label:
1k, 100k, 200k, 1M, ...), plus ``cpu_seconds_…``, ``cpu_exponent``, ``memory_exponent`` and,
when 1,000,000 was not run, ``projected_cpu_seconds_1M=… projected_peak_mb_1M=…`` (the power law
through the two largest sizes run).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsprism.model import (
    Document,
    Event,
    Extraction,
    Mention,
    PublicationTime,
    Quantity,
    Quote,
    Sentence,
    Story,
    TimeExpression,
    document_id,
)
from newsprism.scale.windows import CARRY_DAYS, KEEP_DAYS, WINDOW_ARTICLES, ClosedPart

SYLLABLES = [
    "ka", "ra", "to", "mi", "sa", "lo", "ve", "na", "du", "ri", "pe", "zo", "ba", "te", "lu",
    "mo", "ar", "en", "il", "os", "un", "ta", "ni", "ko", "ze", "va",
]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
EVENTS = (
    ("flood", "floods hit", "collapse"),
    ("protest", "protests began in", "protests began"),
    ("earthquake", "an earthquake struck", "earthquake"),
    ("explosion", "an explosion ripped through", "explosion"),
    ("strike", "a general strike started in", "protests began"),
)
TITLES = ("minister", "spokesman", "governor", "police chief", "mayor", "president")
COMMON_WORDS = 4000  # size of the shared vocabulary (Zipf-distributed use)
STORY_WORDS = 25  # distinctive words of one story
COPY_SHARE = 0.10
REWRITE_SHARE = 0.05
MEAN_STORY = 8.0  # mean articles per story (sizes are Pareto-distributed, capped)
MAX_STORY = 400


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


def _name(rng: random.Random) -> str:
    return _word(rng, rng.randint(2, 3)).capitalize()


@dataclass
class StoryPlan:
    place: str
    country: str
    org: str
    people: list[tuple[str, str]]
    words: list[str]
    event: tuple[str, str, str]
    start: date
    killed: int
    injured: int
    detained: int
    price: tuple[int, int]
    articles: list[tuple[Document, Extraction]] = field(default_factory=list)


class Writer:
    """Builds one article's text sentence by sentence, recording offsets of what it writes."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.parts: list[str] = []
        self.length = 0
        self.extraction = Extraction(doc_id=doc_id)
        self._sentence_start = 0

    def put(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def mention(self, text: str, label: str) -> None:
        start, end = self.put(text)
        self.extraction.mentions.append(Mention(self.doc_id, start, end, text, label))

    def end_sentence(self) -> None:
        self.put(". ")
        index = len(self.extraction.sentences)
        self.extraction.sentences.append(
            Sentence(self.doc_id, index, self._sentence_start, self.length - 1)
        )
        self._sentence_start = self.length

    def text(self) -> str:
        return "".join(self.parts)


def _article(
    rng: random.Random, plan: StoryPlan, outlet: str, vocabulary: list[str], weights: list[float]
) -> tuple[Document, Extraction]:
    day = plan.start + timedelta(days=rng.randint(0, 10))
    grown = 1 + (day - plan.start).days * 0.15  # cumulative counts grow as days pass
    sentences = rng.randint(6, 18)
    # A placeholder id: the real one hashes the text, known only at the end.
    w = Writer("pending")
    # Lead: event, place, country, date.
    w.put(plan.event[1].capitalize() + " ")
    w.mention(plan.place, "GPE")
    w.put(" in ")
    w.mention(plan.country, "GPE")
    w.put(" on ")
    start, end = w.put(f"{plan.start.day} {MONTHS[plan.start.month - 1]}")
    w.extraction.times.append(
        TimeExpression(w.doc_id, start, end, w.text()[start:end], "DATE",
                       plan.start.isoformat(), plan.start.isoformat(), "absolute")
    )
    w.extraction.events.append(
        Event(w.doc_id, 0, len(plan.event[1]), plan.event[1], plan.event[2],
              date=plan.start.isoformat(), place=plan.place, sentence_end=end)
    )
    w.end_sentence()
    figures = [
        ("killed", int(plan.killed * grown), "people were killed"),
        ("injured", int(plan.injured * grown), "people were injured"),
        ("detained", int(plan.detained * grown), "people were detained"),
    ]
    for n in range(sentences):
        kind = rng.random()
        if n < 3 or kind < 0.25:
            measure, value, words = figures[n % 3] if n < 3 else rng.choice(figures)
            person, title = rng.choice(plan.people)
            w.mention(person, "PERSON")
            w.put(f", the {title}, said ")
            bound = rng.choice(("exact", "exact", "more than", "at least"))
            prefix = "" if bound == "exact" else bound + " "
            start, end = w.put(f"{prefix}{value:,} {words.split()[0]}")
            w.put(" " + " ".join(words.split()[1:]))
            w.extraction.quantities.append(
                Quantity(w.doc_id, start, end, w.text()[start:end], float(value),
                         None if bound != "exact" else float(value), bound=bound,
                         unit="people", normalized_unit="person", measure=measure,
                         as_of=day.isoformat(), attributed_to=person,
                         sentence_start=w._sentence_start, sentence_end=end)
            )
        elif kind < 0.35:
            person, title = rng.choice(plan.people)
            content = " ".join(rng.choices(plan.words + vocabulary[:200], k=rng.randint(8, 16)))
            w.put("“")
            start, end = w.put(content.capitalize())
            w.put("”, ")
            speaker_start = w.length
            w.mention(person, "PERSON")
            w.put(" told ")
            w.mention(outlet, "ORG")
            w.extraction.quotes.append(
                Quote(w.doc_id, start, end, content, "direct", speaker=person,
                      speaker_text=person, speaker_start=speaker_start,
                      speaker_end=speaker_start + len(person), cue="tell")
            )
        elif kind < 0.42:
            w.put("The price of fuel rose from ")
            start, end = w.put(f"{plan.price[0]} to {plan.price[1]} tenge")
            w.put(" per litre")
            w.extraction.quantities.append(
                Quantity(w.doc_id, start, end, w.text()[start:end], float(plan.price[1]),
                         float(plan.price[1]), change="up", unit="tenge",
                         normalized_unit="kazakhstani tenge", per="litre", measure="price",
                         item="fuel", from_low=float(plan.price[0]),
                         from_high=float(plan.price[0]), as_of=day.isoformat())
            )
        else:
            words = rng.choices(plan.words, k=rng.randint(2, 5)) + rng.choices(
                vocabulary, weights, k=rng.randint(8, 22)
            )
            rng.shuffle(words)
            w.put(" ".join(words).capitalize() + " ")
            w.mention(plan.org, "ORG")
        w.end_sentence()
    text = w.text()
    doc_id = document_id(text, outlet)
    extraction = w.extraction
    _retarget(extraction, doc_id)
    published = PublicationTime(value=day.isoformat(), source="metadata", confidence=1.0)
    document = Document(id=doc_id, text=text, title=text[:80], outlet=outlet, published=published)
    return document, extraction


def _retarget(extraction: Extraction, doc_id: str) -> None:
    extraction.doc_id = doc_id
    for items in (extraction.sentences, extraction.mentions, extraction.times,
                  extraction.quotes, extraction.quantities, extraction.events):
        for item in items:
            item.doc_id = doc_id


def _copy(
    rng: random.Random, source: tuple[Document, Extraction], outlet: str, rewrite: bool
) -> tuple[Document, Extraction]:
    document, extraction = source
    text = document.text
    if rewrite:  # a light rewrite keeps offsets: swap a few same-length common words
        text = text.replace(" the ", " tha ", rng.randint(1, 3))
    doc_id = document_id(text, outlet)
    copied = Extraction(
        doc_id=doc_id,
        sentences=[Sentence(**vars(s)) for s in extraction.sentences],
        mentions=[Mention(**vars(m)) for m in extraction.mentions],
        times=[TimeExpression(**vars(t)) for t in extraction.times],
        quotes=[Quote(**vars(q)) for q in extraction.quotes],
        quantities=[Quantity(**vars(q)) for q in extraction.quantities],
        events=[Event(**{**vars(e), "participants": list(e.participants)})
                for e in extraction.events],
    )
    _retarget(copied, doc_id)
    return (
        Document(id=doc_id, text=text, title=document.title, outlet=outlet,
                 published=document.published),
        copied,
    )


def generate_batches(
    n: int, seed: int = 7, batch: int = 1000
) -> Iterator[list[tuple[Document, Extraction]]]:
    """``n`` synthetic articles with extraction records (see the module docstring), yielded
    ``batch`` at a time in the order they are made: only the story being written (its articles
    are what copies and rewrites are made from) and the ids seen so far stay in memory."""
    rng = random.Random(seed)
    vocabulary = sorted({_word(rng, rng.randint(2, 4)) for _ in range(COMMON_WORDS * 2)})
    vocabulary = vocabulary[:COMMON_WORDS]
    rng.shuffle(vocabulary)
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
    countries = [_name(rng) + "ia" for _ in range(60)]
    orgs = [f"{_name(rng)} {rng.choice(('Ministry', 'Agency', 'Party', 'Bank'))}"
            for _ in range(300)]
    outlets = [f"{_name(rng)} {rng.choice(('Times', 'News', 'Post', 'Herald'))}"
               for _ in range(400)]
    seen: set[str] = set()
    pending: list[tuple[Document, Extraction]] = []
    epoch = date(2020, 1, 1)
    while len(seen) < n:
        size = min(MAX_STORY, max(1, int(rng.paretovariate(1.3) * MEAN_STORY / 4.3)))
        size = min(size, n - len(seen))
        plan = StoryPlan(
            place=_name(rng),
            country=rng.choice(countries),
            org=rng.choice(orgs),
            people=[(f"{_name(rng)} {_name(rng)}", rng.choice(TITLES))
                    for _ in range(rng.randint(2, 5))],
            words=[_word(rng, 3) for _ in range(STORY_WORDS)],
            event=rng.choice(EVENTS),
            start=epoch + timedelta(days=rng.randint(0, 5 * 365)),
            killed=rng.randint(1, 300),
            injured=rng.randint(1, 2000),
            detained=rng.randint(0, 5000),
            price=(rng.randint(20, 80), rng.randint(90, 200)),
        )
        for _ in range(size):
            draw = rng.random()
            outlet = rng.choice(outlets)
            if plan.articles and draw < COPY_SHARE + REWRITE_SHARE:
                pair = _copy(rng, rng.choice(plan.articles), outlet, draw >= COPY_SHARE)
            else:
                pair = _article(rng, plan, outlet, vocabulary, weights)
            if pair[0].id in seen:
                continue
            plan.articles.append(pair)
            seen.add(pair[0].id)
            pending.append(pair)
            if len(pending) >= batch:
                yield pending
                pending = []
    if pending:
        yield pending


def generate(n: int, seed: int = 7) -> tuple[list[Document], dict[str, Extraction]]:
    """``n`` synthetic articles with extraction records, all in memory (see the module
    docstring); the same articles :func:`generate_batches` yields."""
    documents: list[Document] = []
    extractions: dict[str, Extraction] = {}
    for batch in generate_batches(n, seed):
        for document, extraction in batch:
            documents.append(document)
            extractions[document.id] = extraction
    return documents, extractions


# Languages a share of the articles is labelled with under --foreign (the text stays the
# generator's): what a corpus in several languages costs, where events are also joined across
# languages on language-independent anchors (link/interlingua.py).
FOREIGN_LANGUAGES = ("el", "fa", "ka", "hu")


def run_one(n: int, seed: int, embeddings: bool, foreign: float = 0.0) -> dict[str, float]:
    """Generate in memory, then time ``link_corpus`` + cross-check over it all, in this process
    (``--in-memory``: the corpus and the link stage's state held at once)."""
    from newsprism.crosscheck import crosscheck
    from newsprism.link import independent_groups, link_corpus

    t0 = time.perf_counter()
    documents, extractions = generate(n, seed)
    if foreign:
        rng = random.Random(seed + 1)
        documents = [
            replace(d, language=rng.choice(FOREIGN_LANGUAGES)) if rng.random() < foreign else d
            for d in documents
        ]
    generated = time.perf_counter() - t0
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    linking = link_corpus(documents, extractions, embeddings=embeddings)
    t_link = time.perf_counter() - t0
    groups = independent_groups([d.id for d in documents], linking.reuse)
    by_id = {d.id: d for d in documents}
    t1 = time.perf_counter()
    claims, comparisons = crosscheck(linking.stories, by_id, extractions, groups)
    t_cross = time.perf_counter() - t1
    cpu = time.process_time() - c0
    return {
        "cpu_s": cpu,
        "n": n,
        "generate_s": generated,
        "link_s": t_link,
        "crosscheck_s": t_cross,
        "seconds": t_link + t_cross,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "corpus_mb": rss_before,
        "stories": len(linking.stories),
        "reuse": len(linking.reuse),
        "claims": len(claims),
        "comparisons": len(comparisons),
    }


class CountingSink:
    """Counts what the windowed linker closes (the bench keeps nothing else), or keeps the
    stories' members when ``keep`` is set (for ``--check``)."""

    def __init__(self, keep: bool = False) -> None:
        self.keep = keep
        self.stories = self.reuse = self.claims = self.comparisons = 0
        self.kept: list[Story] = []
        self.verdicts: dict[str, str] = {}

    def closed(self, part: ClosedPart) -> None:
        self.stories += len(part.stories)
        self.reuse += len(part.reuse)
        self.claims += len(part.claims)
        self.comparisons += len(part.comparisons)
        if self.keep:
            self.kept += part.stories
            self.verdicts.update((c.id, c.verdict) for c in part.comparisons)


class MemorySource:
    """An in-memory corpus as an :class:`ArticleSource` (for ``--check`` only)."""

    def __init__(self, documents: list[Document], extractions: dict[str, Extraction]) -> None:
        self.documents = {d.id: d for d in documents}
        self.extractions = extractions

    def publication_days(self) -> Iterator[tuple[str, str | None]]:
        return ((d.id, d.published.value) for d in self.documents.values())

    def load(self, doc_ids: Sequence[str]) -> tuple[list[Document], dict[str, Extraction]]:
        return [self.documents[d] for d in doc_ids], {d: self.extractions[d] for d in doc_ids}


class EarliestSource:
    """The ``first`` earliest articles of a store (by publication day, then id)."""

    def __init__(self, store: object, first: int) -> None:
        from newsprism.scale.windows import StoreSource

        self.source = StoreSource(store)  # type: ignore[arg-type]
        self.first = first

    def publication_days(self) -> Iterator[tuple[str, str | None]]:
        days = sorted(self.source.publication_days(), key=lambda row: (row[1] or "9999", row[0]))
        return iter(days[: self.first])

    def load(self, doc_ids: Sequence[str]) -> tuple[list[Document], dict[str, Extraction]]:
        return self.source.load(doc_ids)


def run_windowed(
    n: int, seed: int, embeddings: bool, window: int, workdir: str | None,
    carry_days: int = CARRY_DAYS, stores: str | None = None, first: int = 0,
    keep_days: int = KEEP_DAYS,
) -> dict[str, float]:
    """Stream the generated corpus into a SQLite store in batches, then time the windowed link +
    cross-check reading it back (:func:`newsprism.scale.windows.link_in_windows`). With
    ``stores`` the store is kept in that folder and reused by later runs of the same size and
    seed (the linker only reads it). With ``first`` only that many of its earliest articles
    are linked: what a window costs at the density of ``n`` articles, without linking them all."""
    from newsprism.scale.windows import StoreSource, link_in_windows
    from newsprism.store import Store

    with tempfile.TemporaryDirectory(dir=workdir, prefix="newsprism-scale-") as folder:
        path = Path(stores) / f"scale-{n}-seed{seed}.db" if stores else Path(folder) / "scale.db"
        finished = path.with_suffix(".done")  # written only once the whole corpus is in
        t0 = time.perf_counter()
        reused = finished.exists()
        if not reused:
            path.unlink(missing_ok=True)
            store = Store(path)
            for batch in generate_batches(n, seed):
                store.add_many(batch)
            if stores:
                finished.touch()
        else:
            store = Store(path)
        generated = time.perf_counter() - t0
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sink = CountingSink()
        t0, c0 = time.perf_counter(), time.process_time()
        source = StoreSource(store) if not first else EarliestSource(store, first)
        stats = link_in_windows(source, sink, window_articles=window,
                                carry_days=carry_days, keep_days=keep_days,
                                embeddings=embeddings)
        seconds = time.perf_counter() - t0
        cpu = time.process_time() - c0
        db_mb = path.stat().st_size / 2**20
        store.close()
    return {
        "cpu_s": cpu,
        "n": first or n,
        "generate_s": generated,
        "reused_store": reused,
        "link_s": math.nan,
        "crosscheck_s": math.nan,
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "corpus_mb": rss_before,
        "db_mb": db_mb,
        "stories": sink.stories,
        "reuse": sink.reuse,
        "claims": sink.claims,
        "comparisons": sink.comparisons,
        "windows": stats.windows,
        "largest_window": stats.largest_window,
        "linked": stats.linked,
        "forced_closes": stats.forced_closes,
    }


def _bcubed_f1(gold: list[list[str]], found: list[list[str]]) -> float:
    """B-cubed F1 of a clustering against a reference clustering of the same items."""
    gold_of = {item: i for i, members in enumerate(gold) for item in members}
    found_of = {item: i for i, members in enumerate(found) for item in members}
    gold_size = {i: len(m) for i, m in enumerate(gold)}
    found_size = {i: len(m) for i, m in enumerate(found)}
    overlap: dict[tuple[int, int], int] = {}
    for item, g in gold_of.items():
        key = (g, found_of[item])
        overlap[key] = overlap.get(key, 0) + 1
    precision = recall = 0.0
    for (g, f), common in overlap.items():
        precision += common * common / found_size[f]
        recall += common * common / gold_size[g]
    precision /= len(gold_of)
    recall /= len(gold_of)
    return 2 * precision * recall / ((precision + recall) or 1.0)


def check(n: int, seed: int, window: int, carry_days: int = CARRY_DAYS,
          keep_days: int = KEEP_DAYS) -> dict[str, float]:
    """The in-memory record against the windowed one on the same N articles: B-cubed F1 of the
    stories and of the events (the in-memory ones as reference) and how many comparisons are
    the same (same id, same verdict)."""
    from newsprism.crosscheck import crosscheck
    from newsprism.link import independent_groups, link_corpus
    from newsprism.scale.windows import link_in_windows

    documents, extractions = generate(n, seed)
    documents.sort(key=lambda d: d.id)  # as relink (and each window) reads the store
    linking = link_corpus(documents, extractions, embeddings=False)
    groups = independent_groups([d.id for d in documents], linking.reuse)
    _claims, comparisons = crosscheck(
        linking.stories, {d.id: d for d in documents}, extractions, groups, linking.entities
    )
    reference = {c.id: c.verdict for c in comparisons}
    whole_stories = [s.doc_ids for s in linking.stories]
    whole_events = _events(linking.stories)
    del linking, documents, extractions
    documents, extractions = generate(n, seed)  # afresh: linking sets entity ids in place
    sink = CountingSink(keep=True)
    stats = link_in_windows(MemorySource(documents, extractions), sink, window_articles=window,
                            carry_days=carry_days, keep_days=keep_days, embeddings=False)
    same = sum(sink.verdicts.get(key) == verdict for key, verdict in reference.items())
    return {
        "n": n,
        "window": window,
        "carry_days": carry_days,
        "keep_days": keep_days,
        "windows": stats.windows,
        "links_per_article": round(stats.linked / max(stats.articles, 1), 3),
        "stories_memory": len(whole_stories),
        "stories_windowed": len(sink.kept),
        "story_bcubed_f1": _bcubed_f1(whole_stories, [s.doc_ids for s in sink.kept]),
        "event_bcubed_f1": _bcubed_f1(whole_events, _events(sink.kept)),
        "comparisons_memory": len(reference),
        "comparisons_windowed": len(sink.verdicts),
        "comparisons_same": same,
    }


def _events(stories: Sequence[Story]) -> list[list[str]]:
    members: dict[str, list[str]] = {}
    for story in stories:
        members.setdefault(story.event_id or story.id, []).extend(story.doc_ids)
    return list(members.values())


def exponent(results: list[dict[str, float]], key: str = "seconds") -> float:
    """Least-squares slope of log(``key``) over log(N)."""
    points = [(math.log(r["n"]), math.log(max(r[key], 1e-6))) for r in results]
    if len(points) < 2:
        return float("nan")
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    num = sum((x - mean_x) * (y - mean_y) for x, y in points)
    den = sum((x - mean_x) ** 2 for x, _ in points)
    return num / den


def project(results: list[dict[str, float]], key: str, n: int) -> float:
    """``key`` at ``n`` articles: the power law through the two largest sizes run (their local
    growth; the smallest sizes are dominated by the interpreter's fixed cost). Time grows at
    least linearly; memory as measured (flat once the corpus is larger than a window, but for
    what grows with N, such as the list of article ids), and linearly from one size alone."""
    largest = results[-1]
    if len(results) < 2:
        return largest[key] * n / largest["n"]
    slope = exponent(results[-2:], key)
    slope = max(1.0, slope) if key != "peak_mb" else max(0.0, slope)
    return largest[key] * (n / largest["n"]) ** slope


def label(n: int) -> str:
    """1k, 100k, 200k, 1M: the size as the last line names it."""
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def machine_mb() -> float:
    """This machine's memory in MB (Linux), or infinity when unknown."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**20
    except (ValueError, OSError, AttributeError):
        return math.inf


def _seconds(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--embeddings", action="store_true")
    parser.add_argument(
        "--foreign", type=float, default=0.0,
        help="share of the articles labelled with another language (default 0: all English)",
    )
    parser.add_argument(
        "--max-mb", type=float, default=0.8 * machine_mb(),
        help="do not start a size whose projected peak memory exceeds this (MB)",
    )
    parser.add_argument(
        "--max-seconds", type=float, default=3600,
        help="do not start a size whose projected link + cross-check CPU seconds exceed this",
    )
    parser.add_argument(
        "--in-memory", action="store_true",
        help="the whole corpus in memory and one link_corpus over it (the old measurement)",
    )
    parser.add_argument(
        "--window", type=int, default=WINDOW_ARTICLES,
        help="articles per window of the windowed linker (default %(default)s)",
    )
    parser.add_argument(
        "--carry-days", type=int, default=CARRY_DAYS,
        help="a story stays open into the next window when it has an article this many days "
             "before the window's end (default %(default)s)",
    )
    parser.add_argument(
        "--keep-days", type=int, default=KEEP_DAYS,
        help="an open story carries only its articles of this many days before the next "
             "window; its older ones close (default %(default)s)",
    )
    parser.add_argument("--workdir", help="folder for the temporary store (default: the system's)")
    parser.add_argument(
        "--stores", metavar="DIR",
        help="keep each generated store in DIR and reuse it on later runs of the same N and seed "
             "(generating 1,000,000 articles takes longer than linking them)",
    )
    parser.add_argument(
        "--check", type=int, metavar="N",
        help="compare the windowed record with the in-memory one on N articles, then stop",
    )
    parser.add_argument(
        "--first", type=int, default=0, metavar="K",
        help="with --stores: link only the K earliest articles of each N's store (a window's "
             "cost at the density of N articles over five years, without linking them all)",
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process mode
    args = parser.parse_args()
    if args.check:
        result = check(args.check, args.seed, args.window, args.carry_days, args.keep_days)
        print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                       for k, v in result.items()))
        return
    if args.one:
        if args.in_memory:
            result = run_one(args.one, args.seed, args.embeddings, args.foreign)
        else:
            if args.foreign:
                raise SystemExit("--foreign is measured with --in-memory only")
            result = run_windowed(args.one, args.seed, args.embeddings, args.window,
                                  args.workdir, args.carry_days, args.stores, args.first,
                                  args.keep_days)
        print(json.dumps(result))
        return

    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 150))
    results = []
    skipped: list[int] = []
    for n in sorted(args.sizes):
        if len(results) >= 2 and (
            project(results, "peak_mb", n) > args.max_mb
            or project(results, "cpu_s", n) > args.max_seconds
        ):
            console.print(
                f"N={n:,}: not started, projected {project(results, 'cpu_s', n):,.0f} CPU s and "
                f"peak {project(results, 'peak_mb', n):,.0f} MB (limits: --max-seconds "
                f"{args.max_seconds:,.0f}, --max-mb {args.max_mb:,.0f})"
            )
            skipped.append(n)
            continue
        command = [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed),
                   "--window", str(args.window), "--carry-days", str(args.carry_days),
                   "--keep-days", str(args.keep_days)]
        if args.embeddings:
            command.append("--embeddings")
        if args.foreign:
            command += ["--foreign", str(args.foreign)]
        if args.in_memory:
            command.append("--in-memory")
        if args.workdir:
            command += ["--workdir", args.workdir]
        if args.stores:
            command += ["--stores", args.stores]
        if args.first:
            if not args.stores:
                raise SystemExit("--first reads a kept store: give --stores DIR too")
            command += ["--first", str(args.first)]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            console.print(f"[red]N={n} failed[/red]\n{done.stderr[-3000:]}")
            break
        result = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(result)
        console.print(
            f"N={n:,}" + (f", its first {args.first:,}" if args.first else "")
            + f": link + crosscheck {result['seconds']:.1f}s (CPU {result['cpu_s']:.1f}s"
            + (", store reused" if result.get("reused_store") else
               f", generated in {result['generate_s']:.1f}s")
            + f"), peak {result['peak_mb']:,.0f} MB"
            + ("" if args.in_memory else f", {result['windows']} windows of at most "
               f"{result['largest_window']:,} articles linked together "
               f"({result['linked'] / result['n']:.2f} links per article, carried ones again), "
               f"store {result['db_mb']:,.0f} MB")
        )
    mode = "in memory" if args.in_memory else f"windows of {args.window:,} articles"
    if args.first:
        mode += f"; the first {args.first:,} articles of each N's store"
    table = Table(title=f"Link + cross-check on synthetic extraction records ({mode})")
    for column in ("articles", "stories", "reuse links", "comparisons", "link s",
                   "crosscheck s", "total s", "CPU s", "before-link MB", "peak MB"):
        table.add_column(column, justify="right")
    for r in results:
        table.add_row(
            f"{r['n']:,}", f"{r['stories']:,}", f"{r['reuse']:,}", f"{r['comparisons']:,}",
            _seconds(r["link_s"]), _seconds(r["crosscheck_s"]), f"{r['seconds']:.1f}",
            f"{r['cpu_s']:.1f}", f"{r['corpus_mb']:,.0f}", f"{r['peak_mb']:,.0f}",
        )
    if not results:
        console.print(table)
        raise SystemExit(1)
    for n in skipped:
        table.add_row(
            f"{n:,} (proj.)", "", "", "", "", "", "",
            f"{project(results, 'cpu_s', n):.0f}", "", f"{project(results, 'peak_mb', n):,.0f}",
        )
    console.print(table)
    slope = exponent(results)
    largest = results[-1]
    name = label(int(largest["n"]))
    line = (
        f"seconds_{name}={largest['seconds']:.1f} peak_mb_{name}={largest['peak_mb']:.0f} "
        f"exponent={slope:.2f} cpu_seconds_{name}={largest['cpu_s']:.1f} "
        f"cpu_exponent={exponent(results, 'cpu_s'):.2f} "
        f"memory_exponent={exponent(results, 'peak_mb'):.2f}"
    )
    if largest["n"] < 1_000_000 and not args.first:
        line += (
            f" projected_cpu_seconds_1M={project(results, 'cpu_s', 1_000_000):.0f}"
            f" projected_peak_mb_1M={project(results, 'peak_mb', 1_000_000):.0f}"
        )
    print(line)


if __name__ == "__main__":
    main()
