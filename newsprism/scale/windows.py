"""Link and cross-check a corpus larger than memory: time windows streamed from the store.

:func:`newsprism.link.link_corpus` and :func:`newsprism.crosscheck.crosscheck` hold every
article's extraction, vector and signature at once; at a million articles that is tens of GB.
Stories and events are bounded in time (an article joins a story within
``link.stories.WINDOW_DAYS`` of its dates), so :func:`link_in_windows` cuts the corpus in
publication order into windows of about ``window_articles`` articles (never splitting a day),
and for each window:

1. loads the window's articles from an :class:`ArticleSource` (the SQLite store, or anything
   that can list publication days and load articles by id) and adds the articles *carried*
   from the window before;
2. links them with the same ``link_corpus`` (entities, reuse, stories, events);
3. *closes* every story with no article in the last ``carry_days`` before the next window's
   first day: the closed stories, the reuse links touching their articles, and the claims and
   comparisons of their events (cross-checked over the closed stories only) go to a
   :class:`LinkSink`, and their articles are dropped;
4. carries the articles of the stories still open into the next window, where they are linked
   again with the newer articles: only their articles of the last ``keep_days`` (an open story's
   older articles close now, as that story; the recent ones go on as a story of the same event),
   and up to ``max_carry`` articles (beyond it the open stories that ended longest ago are
   closed).

So at most one window plus its carry is in memory, whatever the corpus size, and what the sink
receives is final. A corpus of at most ``window_articles`` articles is one window and gets
exactly the record of ``link_corpus`` + ``crosscheck`` (tested). On a larger corpus the record
differs from the in-memory one where a window's limits cut what the in-memory linker would
join: TF-IDF weights and entity aliases are learnt per window (plus carry), an event with
stories on both sides of a window's end is two events (the part that closed, named after its
own stories, and the part carried on), and a reuse pair further apart than the carry is not
seen (``bench/scale.py --check`` measures the
difference on the synthetic corpus).
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Protocol

from newsprism.crosscheck import crosscheck
from newsprism.link import independent_groups, link_corpus
from newsprism.link.events import event_id
from newsprism.link.stories import WINDOW_DAYS, make_stories
from newsprism.model import (
    Claim,
    Comparison,
    Document,
    Entity,
    Extraction,
    ReuseLink,
    Story,
    day_of,
)
from newsprism.store import Store

__all__ = [
    "ArticleSource",
    "ClosedPart",
    "LinkSink",
    "StoreSink",
    "StoreSource",
    "WindowStats",
    "link_in_windows",
    "plan_windows",
]

logger = logging.getLogger(__name__)

# Articles linked together per window. With windows of 50,000 the link stage's state (vectors,
# shingles, signatures, clusters) and the window's extractions peaked at 2,611 MB on 100,000
# synthetic articles (bench/scale.py 10000 30000 100000); the cost of a window grows faster
# than its size (3.2 ms of CPU an article at 10,000, 6.0 at 50,000), so smaller windows cost
# less an article but carry more and split more events (20,000: 4.5 ms an article, 1,174 MB
# on the same 100,000 articles; its effect on the record not measured yet).
WINDOW_ARTICLES = 50_000
# A story stays open into the next window when it has an article in the last CARRY_DAYS before
# that window's first day. An article may join a story up to WINDOW_DAYS (21) from its dates,
# but a story silent for a week at a window's end rarely grows again, while every carried
# article is linked again: on the synthetic corpus at the density of a million articles over
# five years (bench/scale.py --check 10000 --window 200), 21 days carried 1.63 links an article
# and 7 days 1.32, with the same stories and events against the in-memory record (B-cubed F1
# 0.990 and 0.896 both); 3 days lost stories (0.985), no carry lost more (0.906).
CARRY_DAYS = 7
# An open story carries only its articles of the last KEEP_DAYS before the next window's first
# day (the days within which an article may join a story); its older ones close now as the
# story, and the recent ones go on as a story of the same event. Carrying whole stories made
# the carry grow window after window on the synthetic corpus at the density of a million
# articles (bench/scale.py), where stories chain over months: 8,639, 14,654, 19,888 articles
# after the first three windows of 20,000, then the cap of one window, so that each window
# linked twice its own articles; with KEEP_DAYS 6,627 and 6,948. Against the in-memory record
# (bench/scale.py --check 10000 --window 200) stories B-cubed F1 0.990 either way, events
# 0.896 -> 0.895; 14 days carried less (1.313 links an article against 1.320) but lost
# stories (0.983).
KEEP_DAYS = WINDOW_DAYS
LOAD_CHUNK = 500  # ids per SQL query (below SQLite's limit on bound parameters)


class ArticleSource(Protocol):
    """Where the windowed linker reads articles from."""

    def publication_days(self) -> Iterable[tuple[str, str | None]]:
        """(document id, publication date as ISO text or None) of every article."""
        ...

    def load(self, doc_ids: Sequence[str]) -> tuple[list[Document], dict[str, Extraction]]:
        """The documents and extractions of these ids."""
        ...


@dataclass
class ClosedPart:
    """What one window closes: final stories, links, claims and comparisons."""

    stories: list[Story]
    entities: list[Entity]  # entities named by the closed articles, not sent before
    reuse: list[ReuseLink]  # links touching a closed article
    claims: list[Claim]
    comparisons: list[Comparison]
    extractions: list[Extraction]  # the closed articles' extractions, entity ids set


class LinkSink(Protocol):
    def closed(self, part: ClosedPart) -> None: ...


@dataclass
class WindowStats:
    windows: int = 0
    articles: int = 0
    linked: int = 0  # articles linked, carried ones counted again in each window they are in
    largest_window: int = 0  # articles linked together at most (window + carry)
    carried: list[int] = field(default_factory=list)
    forced_closes: int = 0  # open events closed because the carry was full


def plan_windows(
    days: Iterable[tuple[str, str | None]], window_articles: int = WINDOW_ARTICLES
) -> list[tuple[date | None, list[str]]]:
    """Windows in publication order: (first day, ids), each at least ``window_articles`` long
    (the last one may be shorter) and ending at a day's end; undated articles go last, as the
    story clustering takes them last."""
    ordered = sorted(((day_of(value), doc_id) for doc_id, value in days),
                     key=lambda pair: (pair[0] or date.max, pair[1]))
    windows: list[tuple[date | None, list[str]]] = []
    current: list[str] = []
    first: date | None = None
    last: date | None = None
    for day, doc_id in ordered:
        if current and len(current) >= window_articles and day != last:
            windows.append((first, current))
            current, first = [], None
        if not current:
            first = day
        current.append(doc_id)
        last = day
    if current:
        windows.append((first, current))
    return windows


def link_in_windows(
    source: ArticleSource,
    sink: LinkSink,
    *,
    window_articles: int = WINDOW_ARTICLES,
    carry_days: int = CARRY_DAYS,
    max_carry: int | None = None,
    keep_days: int = KEEP_DAYS,
    embeddings: bool | None = None,
) -> WindowStats:
    """Link and cross-check every article of ``source`` window by window (see the module
    docstring); every article ends in exactly one closed story sent to ``sink``."""
    max_carry = window_articles if max_carry is None else max_carry
    windows = plan_windows(source.publication_days(), window_articles)
    stats = WindowStats(windows=len(windows))
    carried_docs: dict[str, Document] = {}
    carried_ext: dict[str, Extraction] = {}
    sent_entities: set[str] = set()
    for number, (_first, ids) in enumerate(windows):
        documents, extractions = source.load(ids)
        del ids
        stats.articles += len(documents)
        # in id order, as relink reads the store: the record of a one-window corpus is then the
        # record of link_corpus over the whole store
        documents = sorted(list(carried_docs.values()) + documents, key=lambda d: d.id)
        extractions = {**carried_ext, **extractions}
        carried_docs, carried_ext = {}, {}
        stats.linked += len(documents)
        stats.largest_window = max(stats.largest_window, len(documents))
        linking = link_corpus(documents, extractions, embeddings=embeddings)
        following = windows[number + 1][0] if number + 1 < len(windows) else None
        by_id = {d.id: d for d in documents}
        stories = _leave_behind(linking.stories, by_id, following, carry_days, keep_days)
        open_stories = _open_stories(stories, following, carry_days, max_carry, stats)
        closed_stories = _closed(stories, open_stories)
        closed_ids = {d for s in closed_stories for d in s.doc_ids}
        for story in stories:
            if story.id in open_stories:
                for doc_id in story.doc_ids:
                    carried_docs[doc_id] = by_id[doc_id]
                    carried_ext[doc_id] = extractions[doc_id]
        stats.carried.append(len(carried_docs))
        reuse = [link for link in linking.reuse
                 if link.doc_a in closed_ids or link.doc_b in closed_ids]
        groups = independent_groups(list(by_id), linking.reuse)
        claims, comparisons = crosscheck(
            closed_stories, by_id, extractions, groups, linking.entities
        )
        named = {m.entity_id for d in closed_ids for m in extractions[d].mentions if m.entity_id}
        named |= {q.entity_id for d in closed_ids for q in extractions[d].quotes if q.entity_id}
        entities = [e for e in linking.entities
                    if (following is None or e.id in named) and e.id not in sent_entities]
        sent_entities.update(e.id for e in entities)
        sink.closed(ClosedPart(
            stories=closed_stories, entities=entities, reuse=reuse, claims=claims,
            comparisons=comparisons, extractions=[extractions[d] for d in sorted(closed_ids)],
        ))
        logger.info("window %d/%d: %d articles linked, %d closed, %d carried",
                    number + 1, len(windows), len(documents), len(closed_ids), len(carried_docs))
        del documents, extractions, linking, stories, by_id, claims, comparisons
    return stats


def _leave_behind(
    stories: Sequence[Story], documents: Mapping[str, Document], following: date | None,
    carry_days: int, keep_days: int,
) -> list[Story]:
    """The stories, each one that may stay open (see :func:`_open_stories`) split where it
    reaches back more than ``keep_days`` before the next window's first day: its older articles
    close as the story (its id, its event), its recent and undated ones go on as a story of the
    same event named by them (as ``make_stories`` names a story)."""
    if following is None:
        return list(stories)
    horizon = (following - timedelta(days=carry_days)).isoformat()
    cut = (following - timedelta(days=keep_days)).isoformat()
    split: list[Story] = []
    for story in stories:
        if (story.first_date or cut)[:10] >= cut or (story.last_date or "")[:10] < horizon:
            split.append(story)
            continue
        older = [d for d in story.doc_ids if (documents[d].published.value or cut)[:10] < cut]
        recent = [d for d in story.doc_ids if (documents[d].published.value or cut)[:10] >= cut]
        (piece,) = make_stories([older], documents)
        split.append(replace(piece, id=story.id, event_id=story.event_id))
        (rest,) = make_stories([recent], documents)
        rest_id = rest.id if rest.id != story.id else rest.id + "x"
        split.append(replace(rest, id=rest_id, event_id=story.event_id))
    return split


def _open_stories(
    stories: Sequence[Story], following: date | None, carry_days: int, max_carry: int,
    stats: WindowStats,
) -> set[str]:
    """Stories that may still grow in the next window (none when there is no next window): those
    with an article dated within ``carry_days`` before the next window's first day. When their
    articles exceed ``max_carry``, the ones that ended longest ago are closed."""
    if following is None:
        return set()
    horizon = (following - timedelta(days=carry_days)).isoformat()
    candidates = sorted((s for s in stories if (s.last_date or "")[:10] >= horizon),
                        key=lambda s: (s.last_date or "", s.id), reverse=True)
    kept: set[str] = set()
    total = 0
    for story in candidates:
        if total + len(story.doc_ids) > max_carry:
            stats.forced_closes += 1
            continue
        kept.add(story.id)
        total += len(story.doc_ids)
    return kept


def _closed(stories: Sequence[Story], open_stories: set[str]) -> list[Story]:
    """The stories that close now. An event with stories still open is split: its closed
    stories become an event of their own (its id from theirs, as ``group_events`` names an
    event), and the open ones go on into the next window."""
    if not open_stories:
        return list(stories)
    events: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        events[story.event_id or story.id].append(story)
    closed: list[Story] = []
    renamed: dict[str, str] = {}
    for key, members in events.items():
        if any(s.id in open_stories for s in members):
            kept = [s.id for s in members if s.id not in open_stories]
            if kept:
                renamed[key] = event_id(kept)
    for story in stories:
        if story.id in open_stories:
            continue
        key = story.event_id or story.id
        closed.append(replace(story, event_id=renamed[key]) if key in renamed else story)
    return closed


class StoreSource:
    """Articles read from a :class:`~newsprism.store.Store`, a window at a time."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def publication_days(self) -> Iterator[tuple[str, str | None]]:
        rows = self.store.connection.execute("SELECT id, published FROM documents")
        for doc_id, published in rows:
            value = json.loads(published).get("value") if published else None
            yield doc_id, value

    def load(self, doc_ids: Sequence[str]) -> tuple[list[Document], dict[str, Extraction]]:
        documents: list[Document] = []
        extractions: dict[str, Extraction] = {}
        for at in range(0, len(doc_ids), LOAD_CHUNK):
            found_docs, found_ext = self.store.load(doc_ids[at:at + LOAD_CHUNK])
            documents += found_docs
            extractions.update(found_ext)
        return documents, extractions


class StoreSink:
    """Writes what each window closes into the store's derived tables (cleared first)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.stories: list[Story] = []  # kept for the caller's summary (ids and members only)
        self.verdicts: dict[str, int] = defaultdict(int)
        with store.transaction():
            store.clear_derived()

    def closed(self, part: ClosedPart) -> None:
        with self.store.transaction():
            self.store.append(Story, part.stories)
            self.store.append(Entity, part.entities)
            self.store.append(ReuseLink, part.reuse)
            self.store.update_entity_ids(part.extractions)
            self.store.append(Claim, part.claims)
            self.store.append(Comparison, part.comparisons)
        self.stories.extend(part.stories)
        for comparison in part.comparisons:
            self.verdicts[comparison.verdict] += 1
