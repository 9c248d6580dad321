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


# Language-independent anchors (link/interlingua.py terms) of reports of the dam failure in
# English, Greek and Persian, and of a report in Greek on another event in the same country.
ANCHORS = {
    "d1": {"$Castrava": 1, "@orlen": 2, "%03-03": 1, "#killed=41": 1, "#displaced=12000": 1},
    "d2": {"$Castrava": 1, "@orlen": 1, "%03-03": 1, "#killed=41": 1, "#displaced=12000": 1},
    "d3": {"$Castrava": 1, "@orlen": 1, "%03-03": 1, "#detained=16": 1},
    "g1": {"$Castrava": 2, "@orlen": 1, "%03-03": 1, "#killed=41": 1},  # Greek, the dam
    "p1": {"$Castrava": 1, "%03-03": 1, "#killed=41": 1, "#displaced=12000": 1},  # Persian
    "g2": {"$Castrava": 2, "%03-19": 1, "#killed=12": 1},  # Greek, a bus crash
    # Greek, a cup final that recalls the dam: four of its eighteen anchors are the dam's
    "g3": {"$Castrava": 1, "@orlen": 1, "%03-03": 1, "#killed=41": 1, "@cup": 3, "@stadium": 2,
           "@coach": 2, "@striker": 1, "@keeper": 1, "@referee": 1, "@league": 1, "@club": 1,
           "%04-02": 1, "%04-09": 1, "%04-16": 1, "#fans=40000": 1, "#tickets=12000": 1,
           "#goals=31": 1},
}
FOREIGN_VECTORS = {
    **VECTORS,
    # Greek and Persian words the English reports never use: no word, no anchor in common
    "g1": unit(**{"φράγμα": 1, "νεκροί": 1, "χωριά": 1}),
    "p1": unit(**{"سد": 1, "کشته": 1, "روستا": 1}),
    "g2": unit(**{"λεωφορείο": 1, "νεκροί": 1}),
    "g3": unit(**{"ποδόσφαιρο": 1, "κύπελλο": 1}),
}
LANGUAGES = {"d1": "en", "d2": "en", "d3": "en", "g1": "el", "g2": "el", "g3": "el", "p1": "fa"}


def test_a_report_the_encoder_cannot_read_joins_the_event_its_anchors_name() -> None:
    stories = [
        story("s1", ["d1"], "2026-03-03"),
        story("s2", ["d2"], "2026-03-04"),
        story("s3", ["d3"], "2026-03-05"),
        story("greek", ["g1"], "2026-03-04"),
        story("persian", ["p1"], "2026-03-05"),
    ]
    without = group_events(stories, FOREIGN_VECTORS, languages=LANGUAGES)
    assert without["greek"] != without["s1"] and without["persian"] != without["s1"]
    events = group_events(stories, FOREIGN_VECTORS, languages=LANGUAGES, anchors=ANCHORS)
    assert events["s1"] == events["s2"] == events["s3"] == events["greek"] == events["persian"]


def test_a_country_alone_or_a_wider_subject_joins_no_event_in_another_language() -> None:
    stories = [
        story("s1", ["d1"], "2026-03-03"),
        story("s2", ["d2"], "2026-03-04"),
        story("s3", ["d3"], "2026-03-05"),
        story("crash", ["g2"], "2026-03-19"),  # the country, another day, another figure
        story("cup", ["g3"], "2026-04-09"),  # cites the dam but is about a cup final
    ]
    events = group_events(stories, FOREIGN_VECTORS, languages=LANGUAGES, anchors=ANCHORS)
    assert events["s1"] == events["s2"]
    assert events["crash"] != events["s1"]
    assert events["cup"] != events["s1"]


def test_anchors_join_no_event_across_the_event_window() -> None:
    # a Greek report a year on with the event's names and figures, but not its day: it does not
    # recall the event (one that does is joined: see the months-on tests below)
    anchors = {**ANCHORS, "g1": {"$Castrava": 2, "@orlen": 1, "#killed=41": 1,
                                 "#displaced=12000": 1, "%03-04": 1}}
    stories = [
        story("s1", ["d1"], "2026-03-03"),
        story("s2", ["d2"], "2026-03-04"),
        story("greek", ["g1"], "2027-03-04"),
    ]
    events = group_events(stories, FOREIGN_VECTORS, languages=LANGUAGES, anchors=anchors)
    assert events["greek"] != events["s1"]
    near = [*stories[:2], story("greek", ["g1"], "2026-03-06")]
    events = group_events(near, FOREIGN_VECTORS, languages=LANGUAGES, anchors=anchors)
    assert events["greek"] == events["s1"]  # the same anchors within the window join


def test_names_alone_join_no_event_in_another_language() -> None:
    # a Greek report on another occurrence in the same setting: the same places and people,
    # none of the event's days or figures
    anchors = {**ANCHORS, "g4": {"$Castrava": 1, "@orlen": 1, "@castrava_dam": 1, "@minister": 1}}
    for doc in ("d1", "d2"):
        anchors[doc] = {**anchors[doc], "@castrava_dam": 1, "@minister": 1}
    stories = [
        story("s1", ["d1"], "2026-03-03"),
        story("s2", ["d2"], "2026-03-04"),
        story("setting", ["g4"], "2026-03-20"),
    ]
    vectors = {**FOREIGN_VECTORS, "g4": unit(**{"φράγμα": 1, "υπουργός": 1})}
    events = group_events(stories, vectors, languages={**LANGUAGES, "g4": "el"}, anchors=anchors)
    assert events["s1"] == events["s2"]
    assert events["setting"] != events["s1"]


def test_pair_similarities_are_the_groups_own_cosines() -> None:
    """The sparse row products give what _Group.similarity gives, embeddings blended or not,
    and drop only the pairs below the lowest event bar."""
    import random

    import numpy as np

    from newsprism.link.events import EVENT_MIN, EVENT_MIN_EMBEDDED, _Group, _pair_similarities

    rng = random.Random(3)
    words = [f"w{k}" for k in range(30)] + ["@beirut", "@port"]
    groups = []
    for k in range(40):
        terms = {w: rng.random() for w in rng.sample(words, rng.randint(1, 8))}
        norm = sum(v * v for v in terms.values()) ** 0.5
        embedding = np.array([rng.random() for _ in range(4)]) if k % 3 == 0 else None
        group = _Group({t: v / norm for t, v in terms.items()}, embedding, (None, None), "en")
        group.refresh()
        groups.append(group)
    pairs = [(i, j) for i in range(len(groups)) for j in range(i + 1, len(groups))]
    found = {(i, j): value for value, i, j in _pair_similarities(groups, pairs)}
    floor = min(EVENT_MIN, EVENT_MIN_EMBEDDED)
    for i, j in pairs:
        expected = groups[i].similarity(groups[j])
        if expected >= floor + 1e-9:
            assert abs(found[(i, j)] - expected) < 1e-9
        elif expected < floor - 1e-9:
            assert (i, j) not in found
    assert len(found) > 100  # the bar drops some pairs, not most


# An anniversary report a year after the dam failure, recalling its day; and a report of a
# sister dam failure on another day of that later year.
RECALL_VECTORS = {
    **VECTORS,
    "a1": unit(**{"@castrava": 2, "@orlen": 2, "anniversary": 0.5, "dam": 0.5, "flood": 0.5}),
    "a2": unit(**{"@castrava": 2, "@orlen": 2, "anniversary": 0.5, "memorial": 0.5}),
    "n1": unit(**{"@castrava": 2, "@orlen": 1, "dam": 0.5, "flood": 0.5, "villages": 0.5}),
}
RECALL_ANCHORS = {
    "d1": ("%03-03", "#killed=41"), "d2": ("%03-03", "#killed=41"), "d3": ("%03-03",),
    "a1": ("%03-03", "#killed=41"), "a2": ("%03-03",),
    "n1": ("%05-20", "#killed=7"), "d4": ("%03-04",),
}


def test_a_report_recalling_the_events_day_joins_it_after_the_window() -> None:
    stories = [
        story("s1", ["d1", "d2"], "2026-03-03", "2026-03-05"),
        story("s2", ["d3"], "2026-03-06"),
        story("later", ["a1", "a2"], "2027-03-03"),
        story("sister", ["n1"], "2027-05-20"),
    ]
    events = group_events(stories, RECALL_VECTORS, anchors=RECALL_ANCHORS)
    assert events["later"] == events["s1"] == events["s2"]
    assert events["sister"] != events["s1"]  # another day: not the event recalled


def test_a_recalling_report_does_not_stretch_the_events_window() -> None:
    # Joined by recall, the anniversary does not make a report of its own year (within the
    # window of the anniversary, far from the event) join the event.
    stories = [
        story("s1", ["d1", "d2"], "2026-03-03", "2026-03-05"),
        story("later", ["a1", "a2"], "2027-03-03"),
        story("near later", ["n1"], "2027-04-10"),
    ]
    events = group_events(stories, RECALL_VECTORS, anchors=RECALL_ANCHORS)
    assert events["later"] == events["s1"]
    assert events["near later"] != events["s1"]


# A report months on states the event's day as often as its own dateline and the day of its news
# (once each); a report in another language does too, and shares no word with the event's.
MONTHS_ON_VECTORS = {
    **RECALL_VECTORS,
    "m1": unit(**{"@castrava": 2, "@orlen": 2, "inquiry": 0.5, "dam": 0.5, "judge": 0.5}),
    "g9": unit(**{"φράγμα": 1, "ανακριτής": 1, "επέτειος": 1}),
}
MONTHS_ON_ANCHORS = {
    **RECALL_ANCHORS,
    "d1": ("@orlen", "$Castrava", "%03-03", "#killed=41"),
    "d2": ("@orlen", "$Castrava", "%03-03", "#killed=41"),
    "m1": ("%11-20", "%03-03", "%09-14"),
    "g9": ("@orlen", "$Castrava", "%03-03", "#killed=41", "%11-20"),
}


def test_a_report_months_on_stating_the_events_day_as_often_as_any_day_recalls_it() -> None:
    stories = [
        story("s1", ["d1", "d2"], "2026-03-03", "2026-03-05"),
        story("inquiry", ["m1"], "2026-11-20"),
        story("sister", ["n1"], "2026-11-21"),
    ]
    events = group_events(stories, MONTHS_ON_VECTORS, anchors=MONTHS_ON_ANCHORS)
    assert events["inquiry"] == events["s1"]
    assert events["sister"] != events["s1"]  # it states another day most


def test_a_report_months_on_in_another_language_joins_the_event_it_recalls() -> None:
    stories = [
        story("s1", ["d1", "d2"], "2026-03-03", "2026-03-05"),
        story("greek", ["g9"], "2026-11-20"),
    ]
    languages = {"d1": "en", "d2": "en", "g9": "el"}
    events = group_events(stories, MONTHS_ON_VECTORS, languages=languages,
                          anchors=MONTHS_ON_ANCHORS)
    assert events["greek"] == events["s1"]
    far = {**MONTHS_ON_ANCHORS, "g9": ("@orlen", "$Castrava", "#killed=41", "%11-20", "%03-09")}
    events = group_events(stories, MONTHS_ON_VECTORS, languages=languages, anchors=far)
    assert events["greek"] != events["s1"]  # months on, and not the event's day


def test_a_story_in_the_same_language_with_other_words_joins_the_event_its_anchors_name() -> None:
    # UNICEF's reports on the dam's children: their own vocabulary, the event's day, toll and
    # names; two reports state them
    vectors = {
        **VECTORS,
        "u1": unit(children=1, schools=1, unicef=1),
        "u2": unit(children=1, trauma=1, unicef=1),
    }
    anchors = {
        "d1": ("@orlen", "$Castrava", "%03-03", "#killed=41"),
        "d2": ("@orlen", "$Castrava", "%03-03", "#killed=41"),
        "d3": ("@orlen", "$Castrava", "%03-03", "#detained=16"),
        "u1": ("@orlen", "$Castrava", "%03-03", "#killed=41", "@unicef"),
        "u2": ("@orlen", "$Castrava", "%03-03", "#killed=41", "@unicef"),
        "d4": ("@kallo", "$Castrava", "%03-04", "#killed=7"),
    }
    languages = {d: "en" for d in anchors}
    stories = [
        story("s1", ["d1", "d2", "d3"], "2026-03-03", "2026-03-06"),
        story("children", ["u1", "u2"], "2026-03-06"),
        story("sister", ["d4"], "2026-03-04"),
    ]
    events = group_events(stories, vectors, languages=languages, anchors=anchors)
    assert events["children"] == events["s1"]
    assert events["sister"] != events["s1"]  # its own day, toll and people


def test_two_large_events_with_their_own_days_stay_apart_when_their_coverage_meets() -> None:
    # A port blast covered for years (its follow-ups reach into the next event's weeks) and an
    # earthquake in the region: the same country, similar words, ten reports each, but each
    # states its own day most, half a year apart on the calendar
    blast = [f"b{k}" for k in range(10)]
    quake = [f"q{k}" for k in range(10)]
    vectors = {
        **{d: unit(**{"@lebanon": 2, "toll": 1, "rescuers": 1, "blast": 1}) for d in blast},
        **{d: unit(**{"@lebanon": 2, "toll": 1, "rescuers": 1, "quake": 1}) for d in quake},
    }
    anchors = {
        **{d: ("$Lebanon", "@lebanon", "%08-04") for d in blast},
        **{d: ("$Lebanon", "@lebanon", "%02-06") for d in quake},
    }
    stories = [
        story("blast", blast, "2020-08-04", "2023-01-23"),
        story("quake", quake, "2023-02-06", "2023-03-01"),
    ]
    events = group_events(stories, vectors, anchors=anchors)
    assert events["blast"] != events["quake"]
    # a story of a few reports with a day of its own still joins (the day of the arrests)
    arrests = story("arrests", ["a1", "a2"], "2020-08-08")
    vectors.update({d: unit(**{"@lebanon": 2, "toll": 1, "blast": 1, "arrests": 1})
                    for d in ("a1", "a2")})
    anchors.update({d: ("$Lebanon", "@lebanon", "%08-08") for d in ("a1", "a2")})
    events = group_events([*stories, arrests], vectors, anchors=anchors)
    assert events["arrests"] == events["blast"] != events["quake"]


def test_one_report_stating_a_precise_figure_is_enough_to_join_on_it() -> None:
    # A Turkish report names the event's official and its toll of 3,549; one report of the event
    # states that toll. A precise figure singles the announcement out; a small one does not.
    def joined(toll: str) -> bool:
        anchors = {
            "d1": {"$Castrava": 1, "@orlen": 1, "%03-03": 1, "#killed=41": 1},
            "d2": {"$Castrava": 1, "@orlen": 1, "%03-03": 1, "#killed=41": 1, toll: 1},
            "t1": {"$Castrava": 1, "@orlen": 1, toll: 1, "@valilik": 1, "@afad": 1},
        }
        vectors = {**VECTORS, "t1": unit(**{"baraj": 1, "hayatını": 1, "kaybetti": 1})}
        stories = [story("s1", ["d1"], "2026-03-03"), story("s2", ["d2"], "2026-03-05"),
                   story("turkish", ["t1"], "2026-03-05")]
        events = group_events(stories, vectors, languages={"d1": "en", "d2": "en", "t1": "tr"},
                              anchors=anchors)
        assert events["s1"] == events["s2"]
        return events["turkish"] == events["s1"]

    assert joined("#killed=3549")
    assert not joined("#killed=57")
    assert not joined("#killed=3500")  # a round figure recurs
