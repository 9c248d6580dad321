"""The windowed linker (newsprism/scale/windows.py): one window gives the in-memory record;
many windows keep every article in exactly one final story, with bounded windows; relink
switches to it above its threshold and writes a complete record into the store."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from newsprism.crosscheck import crosscheck
from newsprism.link import independent_groups, link_corpus
from newsprism.model import Document, Extraction, PublicationTime, Story
from newsprism.pipeline import relink
from newsprism.scale.windows import (
    ClosedPart,
    StoreSink,
    StoreSource,
    _leave_behind,
    link_in_windows,
    plan_windows,
)
from newsprism.store import Store

ROOT = Path(__file__).resolve().parent.parent.parent


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "scale.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_scale"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


SCALE = _bench()


class Collect:
    def __init__(self) -> None:
        self.parts: list[ClosedPart] = []

    def closed(self, part: ClosedPart) -> None:
        self.parts.append(part)


def _corpus(n: int) -> tuple[list[Document], dict[str, Extraction]]:
    documents, extractions = SCALE.generate(n, 3)
    return sorted(documents, key=lambda d: d.id), extractions


def test_plan_windows_never_splits_a_day_and_puts_undated_articles_last():
    days = [("a", "2020-01-01"), ("b", "2020-01-01"), ("c", "2020-01-02"), ("d", None),
            ("e", "2020-01-03"), ("f", "2020-01-03T10:00"), ("g", "2020-01-04")]
    windows = plan_windows(days, 2)
    assert [ids for _first, ids in windows] == [["a", "b"], ["c", "e", "f"], ["g", "d"]]
    assert [str(first) for first, _ids in windows] == ["2020-01-01", "2020-01-02", "2020-01-04"]


def test_one_window_gives_the_in_memory_record():
    documents, extractions = _corpus(300)
    linking = link_corpus(documents, extractions, embeddings=False)
    groups = independent_groups([d.id for d in documents], linking.reuse)
    claims, comparisons = crosscheck(linking.stories, {d.id: d for d in documents},
                                     extractions, groups, linking.entities)

    documents, extractions = _corpus(300)
    sink = Collect()
    stats = link_in_windows(SCALE.MemorySource(documents, extractions), sink,
                            window_articles=1000, embeddings=False)
    assert stats.windows == 1
    [part] = sink.parts
    assert part.stories == linking.stories
    assert sorted(part.reuse, key=lambda r: (r.doc_a, r.doc_b)) == sorted(
        linking.reuse, key=lambda r: (r.doc_a, r.doc_b))
    assert [c.id for c in part.claims] == [c.id for c in claims]
    assert [(c.id, c.verdict, c.story_id) for c in part.comparisons] == [
        (c.id, c.verdict, c.story_id) for c in comparisons]
    assert {e.id for e in part.entities} == {e.id for e in linking.entities}


def test_many_windows_close_every_article_once_and_stay_bounded():
    documents, extractions = _corpus(1200)
    sink = Collect()
    stats = link_in_windows(SCALE.MemorySource(documents, extractions), sink,
                            window_articles=200, embeddings=False)
    assert stats.windows >= 5
    assert stats.articles == 1200
    members = Counter(d for part in sink.parts for s in part.stories for d in s.doc_ids)
    assert set(members) == {d.id for d in documents}
    assert set(members.values()) == {1}
    # a window holds its own articles (up to the end of a day) plus what it carries in
    assert stats.largest_window <= 200 + 200 + 50
    assert any(stats.carried)
    claim_ids = [c.id for part in sink.parts for c in part.claims]
    assert len(claim_ids) == len(set(claim_ids))
    comparison_ids = [c.id for part in sink.parts for c in part.comparisons]
    assert len(comparison_ids) == len(set(comparison_ids)) > 0
    entity_ids = [e.id for part in sink.parts for e in part.entities]
    assert len(entity_ids) == len(set(entity_ids))
    story_ids = [s.id for part in sink.parts for s in part.stories]
    assert len(story_ids) == len(set(story_ids))
    # each window's claims belong to that window's closed articles only
    for part in sink.parts:
        closed = {d for s in part.stories for d in s.doc_ids}
        assert {c.doc_id for c in part.claims} <= closed


def test_windows_record_is_close_to_the_in_memory_one():
    result = SCALE.check(1200, 3, 300)
    assert result["windows"] >= 3
    assert result["story_bcubed_f1"] > 0.9
    assert result["comparisons_same"] > 0.5 * result["comparisons_memory"]


def _dated(doc_id: str, day: str | None) -> Document:
    return Document(id=doc_id, text=f"Report {doc_id}.", published=PublicationTime(value=day))


def test_an_open_story_carries_only_its_recent_articles():
    documents = {d.id: d for d in [
        _dated("a1", "2021-03-01"), _dated("a2", "2021-03-05"), _dated("a3", "2021-03-20"),
        _dated("a4", "2021-03-28"), _dated("a5", None),
        _dated("b1", "2021-03-02"), _dated("b2", "2021-03-15"),
        _dated("c1", "2021-03-25"), _dated("c2", "2021-03-29"),
    ]}
    long_running = Story(id="s_a", title="A", doc_ids=["a1", "a2", "a3", "a4", "a5"],
                         first_date="2021-03-01", last_date="2021-03-28", event_id="ev_1")
    ended = Story(id="s_b", title="B", doc_ids=["b1", "b2"], first_date="2021-03-02",
                  last_date="2021-03-15", event_id="ev_1")
    recent = Story(id="s_c", title="C", doc_ids=["c1", "c2"], first_date="2021-03-25",
                   last_date="2021-03-29", event_id="ev_2")
    following = date(2021, 3, 31)  # the next window's first day; cut 21 days before: 10 March

    split = _leave_behind([long_running, ended, recent], documents, following,
                          carry_days=7, keep_days=21)

    by_members = {tuple(s.doc_ids): s for s in split}
    # the story that ended before the last week and the one inside the kept days stay whole
    assert by_members[("b1", "b2")] == ended and by_members[("c1", "c2")] == recent
    older, rest = by_members[("a1", "a2")], by_members[("a3", "a4", "a5")]
    assert older.id == "s_a" and (older.first_date, older.last_date) == ("2021-03-01",
                                                                         "2021-03-05")
    assert rest.id != "s_a" and (rest.first_date, rest.last_date) == ("2021-03-20",
                                                                      "2021-03-28")
    assert older.event_id == rest.event_id == "ev_1"
    # with no next window nothing is split
    assert _leave_behind([long_running], documents, None, 7, 21) == [long_running]


@pytest.fixture
def big_store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "windows.db")
    for batch in SCALE.generate_batches(500, 5, batch=100):
        store.add_many(batch)
    return store


def test_relink_above_the_threshold_writes_a_complete_record(big_store: Store):
    linked = relink(big_store, window_articles=120)
    stories = big_store.stories()
    assert {s.id for s in stories} == {s.id for s in linked.stories}
    assert sorted(d for s in stories for d in s.doc_ids) == sorted(big_store.document_ids())
    comparisons = big_store.comparisons()
    assert comparisons and Counter(c.verdict for c in comparisons) == linked.verdicts
    assert {c.doc_id for c in big_store.claims()} <= big_store.document_ids()
    assert big_store.meta("linked_generation") == big_store.meta("generation")
    named = big_store.connection.execute(
        "SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL AND entity_id != ''"
    ).fetchone()[0]
    assert named > 0
    entity_ids = {e.id for e in big_store.entities()}
    used = {row[0] for row in big_store.connection.execute(
        "SELECT DISTINCT entity_id FROM mentions WHERE entity_id IS NOT NULL AND entity_id != ''")}
    assert used <= entity_ids
    # a second windowed relink replaces the record instead of adding to it
    relink(big_store, window_articles=120)
    assert len(big_store.stories()) == len(stories)


def test_store_source_loads_what_was_stored(big_store: Store):
    source = StoreSource(big_store)
    days = dict(source.publication_days())
    assert len(days) == 500 and all(days.values())
    ids = sorted(days)[:7]
    documents, extractions = source.load(ids)
    assert sorted(d.id for d in documents) == ids
    assert all(extractions[d].sentences for d in ids)
    assert big_store.extraction(ids[0]) == extractions[ids[0]]


def test_store_sink_clears_the_previous_record(tmp_path: Path):
    store = Store(tmp_path / "s.db")
    document = Document(id="d1", text="Text.", published=PublicationTime(value="2020-01-01"))
    store.add_many([(document, Extraction(doc_id="d1"))])
    relink(store)
    assert store.stories()
    StoreSink(store)
    assert store.stories() == [] and store.comparisons() == []
