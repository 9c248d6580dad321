"""Events: dated events (onsets of protests, states of emergency, summits, ...).

- ``component``: the ``newsprism_events`` spaCy component (``doc._.events``) and its triggers.
"""

from newsprism.extract.events.component import TRIGGERS, Events, Trigger, find_events, make_events

__all__ = ["TRIGGERS", "Events", "Trigger", "find_events", "make_events"]
