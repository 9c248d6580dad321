"""Stories of one unfolding event share an event; sister events stay apart."""

from __future__ import annotations

from newsprism.link.events import EVENT_WINDOW_DAYS, group_events
from newsprism.model import Story


def unit(**weights: float) -> dict[str, float]:
    norm = sum(w * w for w in weights.values()) ** 0.5
    return {t: w / norm for t, w in weights.items()}


VECTORS = {
    # Weights as TF-IDF gives them: words every report of a flood uses weigh little, the linked
    # places and people weigh most.
    # the dam's first reports, its toll updates, and the protests over the response: one event
    "d1": unit(**{"@castrava": 2, "@orlen": 2, "dam": 0.5, "flood": 0.5, "villages": 0.5}),
    "d2": unit(**{"@castrava": 2, "@orlen": 2, "toll": 0.5, "ministry": 0.5, "divers": 0.5}),
    "d3": unit(**{"@castrava": 2, "@orlen": 1, "protest": 0.5, "detained": 0.5, "police": 0.5}),
    # another dam failure, elsewhere, with its own places and people
    "d4": unit(**{"@brenna": 2, "@kallo": 2, "dam": 0.5, "flood": 0.5, "villages": 0.5}),
}


def story(story_id: str, docs: list[str], first: str, last: str | None = None) -> Story:
    return Story(id=story_id, title=story_id, doc_ids=docs, first_date=first,
                 last_date=last or first)


def test_stories_sharing_their_anchors_are_one_event_and_a_sister_event_is_not() -> None:
    stories = [
        story("s1", ["d1"], "2026-03-03"),
        story("s2", ["d2"], "2026-03-07"),
        story("s3", ["d3"], "2026-03-06"),
        story("s4", ["d4"], "2026-03-04"),
    ]
    events = group_events(stories, VECTORS)
    assert events["s1"] == events["s2"] == events["s3"]
    assert events["s4"] != events["s1"]
    assert events["s1"].startswith("ev_")


def test_stories_far_apart_in_time_are_different_events() -> None:
    stories = [story("s1", ["d1"], "2020-03-03"), story("s2", ["d2"], "2026-03-07")]
    assert EVENT_WINDOW_DAYS < 365 * 6
    events = group_events(stories, VECTORS)
    assert events["s1"] != events["s2"]
