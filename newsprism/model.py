"""The data model: plain dataclasses that every stage speaks and the store maps to tables.

Every extracted fact carries ``doc_id`` and a character span ``[start, end)`` into
``Document.text``, so any figure in a report can be traced back to the sentence it came from.
All classes serialise to JSON-compatible dicts with :func:`to_dict` and back with ``from_dict``.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, TypeVar

SCHEMA_VERSION = 1

QuoteKind = Literal["direct", "indirect", "mixed"]
Verdict = Literal["agreed", "conflicting", "updated", "revised", "single-source", "disputed"]
ReuseKind = Literal["copy", "rewrite", "translation", "independent"]
Bound = Literal["exact", "about", "more than", "at least", "less than", "up to"]
Change = Literal["=", "~", ">", "<", "up", "down"]

VERDICTS: tuple[str, ...] = (
    "agreed",
    "conflicting",
    "updated",
    "revised",
    "single-source",
    "disputed",
)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


def day_of(value: str | None) -> date | None:
    """The calendar day an ISO date or datetime string starts with ("2026-03-07T10:00" ->
    2026-03-07); None for no value or one that is not a day ("XXXX-03-07", "2026-03")."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def document_id(text: str, outlet: str = "") -> str:
    """Stable id of an article: a hash of its outlet and its whitespace- and case-normalised text.

    The same article read twice (from a file, then from a feed) gets the same id, which is what
    makes ``newsprism analyze`` idempotent. The outlet is part of the id because an exact copy
    published by another outlet is a fact worth keeping: it is stored, and the link stage labels
    it a copy (one independent source, two publications).
    """
    key = _normalise(text) if not outlet else f"{_normalise(outlet)}\x00{_normalise(text)}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Evidence:
    """Why the system believes something: a sentence (or phrase) in a document, and a rule."""

    doc_id: str
    start: int
    end: int
    text: str
    rule: str = ""


@dataclass
class PublicationTime:
    """When an article was published: given by its metadata, or inferred from its text."""

    value: str | None  # ISO date or datetime; None when it could not be given nor inferred
    source: Literal["metadata", "inferred", "unknown"] = "unknown"
    confidence: float = 0.0
    not_before: str | None = None  # ISO date: the earliest date the evidence allows
    not_after: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    # TimeML value of what the text fixes when it is less than a date: "XXXX-01-07" (no year)
    partial: str | None = None


@dataclass
class CitedSource:
    """An outlet or agency an article says it relies on ("reported by Reuters")."""

    doc_id: str
    name: str
    start: int
    end: int
    cue: str = ""


@dataclass
class Document:
    id: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    language: str = "en"
    path: str = ""  # where it was read from (file, file:line, feed entry)
    published: PublicationTime = field(default_factory=lambda: PublicationTime(value=None))
    cited_sources: list[CitedSource] = field(default_factory=list)
    translation_noise: float = 0.0  # 0 = fluent, 1 = heavy machine-translation noise
    machine_translated: bool = False
    # Length in characters of the article as read, when the reader cut it at a sentence end to
    # the size limit (newsprism.read.MAX_ARTICLE_CHARS); 0 = the text is complete.
    cut_from: int = 0


@dataclass
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int


@dataclass
class Mention:
    """A named-entity mention in one document."""

    doc_id: str
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, ...
    entity_id: str = ""  # filled by link.aliases: the cross-document entity it belongs to
    normal: str = ""  # dictionary form when it differs from the text (Russian "Киеве" → "Киев")
    # Set by extract.coref for descriptions and pronouns ("the actress", "she"); names keep "name"
    kind: str = "name"  # name, nominal, pronoun
    head: str = ""  # lemma of a nominal's head noun: "actress"
    ref_start: int | None = None  # the mention (same document) this one refers to
    ref_end: int | None = None
    ref_rule: str = ""  # why it refers there: "apposition", "descriptor", "pronoun", ...
    # What the mention does in its clause, from extract.coref.verb_roles: "shoot:agent",
    # "arrest:patient"; link.aliases compares them to tell "the man" who shot from the victim
    roles: list[str] = field(default_factory=list)


@dataclass
class Entity:
    """A cross-document entity: one canonical name and every alias seen for it."""

    id: str
    canonical: str
    label: str
    aliases: list[str] = field(default_factory=list)
    inside: str = ""  # canonical name of a containing place (Kiev -> Ukraine)
    evidence: list[str] = field(default_factory=list)  # why aliases were merged


@dataclass
class TimeExpression:
    doc_id: str
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str  # TimeML value: 2022-01-07, 2022-W01, 2022-01, P2W, PRESENT_REF, XXXX-01-07
    date: str | None = None  # ISO calendar day when the value pins one down
    anchor: Literal["absolute", "publication", "previous", "none"] = "none"


@dataclass
class Quote:
    """An attributed statement: who (source), how (cue), what (content)."""

    doc_id: str
    start: int  # content span
    end: int
    text: str
    kind: QuoteKind
    speaker: str = ""  # resolved speaker name (canonical within the document)
    speaker_text: str = ""  # the words naming the speaker in the text ("He", "the banker")
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str = ""  # cue lemma: say, warn, according to, ...
    cue_start: int | None = None
    cue_end: int | None = None
    entity_id: str = ""  # cross-document entity of the speaker (link stage)


@dataclass
class Quantity:
    """A number in the text with what it counts, whose count and when."""

    doc_id: str
    start: int
    end: int
    text: str
    low: float | None  # interval [low, high]; both equal for an exact value
    high: float | None
    bound: Bound = "exact"
    change: Change = "="
    unit: str = ""  # surface unit: "people", "KZT", "rubles"
    normalized_unit: str = "-"  # lowercase English unit name or counted noun lemma
    per: str = ""  # per-unit rate: "litre"
    measure: str = "other"  # killed, injured, detained, ... (see crosscheck.measures)
    scope: str = ""  # counted group: "police and military personnel"
    item: str = ""  # for prices: what is priced ("liquefied gas")
    from_low: float | None = None  # "from 60 to 120": the earlier value
    from_high: float | None = None
    converts: int | None = None  # index (in the document's quantities) of the value this converts
    negated: bool = False  # "police denied reports of ..."
    incremental: bool = False  # "another 225 died"
    attributed_to: str = ""  # speaker of the figure, from the quote component
    as_of: str | None = None  # ISO date the figure refers to
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass
class Event:
    doc_id: str
    start: int
    end: int
    text: str  # trigger text
    type: str  # protest, riot, killing, detention, meeting, deployment, ...
    date: str | None = None
    place: str = ""
    participants: list[str] = field(default_factory=list)
    quantity_indexes: list[int] = field(default_factory=list)
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass
class Extraction:
    """Everything the per-article stage found in one document."""

    doc_id: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass
class ReuseLink:
    doc_a: str  # the earlier (or source) report
    doc_b: str
    kind: ReuseKind
    score: float
    evidence: str = ""


@dataclass
class Story:
    id: str
    title: str
    doc_ids: list[str] = field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None
    # The unfolding event the story belongs to (link.events): claims are compared across it.
    event_id: str = ""


@dataclass
class Claim:
    """One source's statement of a comparable fact, pointing at the sentence it came from."""

    id: str
    doc_id: str
    kind: Literal["quantity", "event", "statement", "location"]
    key: str  # comparable key: "killed|security forces|Kazakhstan", "event|protest began"
    label: str  # human label of the key: "people killed (security forces)"
    value: str  # display value: "more than 3,000", "2022-01-02", "the unrest was a coup"
    low: float | None = None
    high: float | None = None
    unit: str = ""
    as_of: str | None = None
    attributed_to: str = ""
    scope: str = ""
    start: int = 0
    end: int = 0
    sentence_start: int = 0
    sentence_end: int = 0
    stance: str = ""  # for statements: the position taken ("yes", "no", a proposition id)


@dataclass
class ConflictingDay:
    """One as-of day (or one announcement) of a comparison on which independent sources give
    incompatible values."""

    as_of: str
    values: list[str] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    # When no day says the figures are of one moment, the figure they were announced with does:
    # "912 people killed in Turkey" given in both sentences.
    announcement: str = ""


@dataclass
class Comparison:
    """A verdict on one claim key across an event, with every claim that went into it.

    ``story_id`` is the story holding most of its claims (where a report shows it); the claims
    may come from every story of the event ``event_id``.
    """

    id: str
    story_id: str
    key: str
    label: str
    kind: Literal["quantity", "event", "statement", "location"]
    verdict: Verdict
    claim_ids: list[str] = field(default_factory=list)
    independent_sources: int = 0
    low: float | None = None  # UCDP-style reconciled range
    best: float | None = None
    high: float | None = None
    best_rule: str = ""
    note: str = ""
    event_id: str = ""
    # Days of an updated series on which independent sources disagree (DESIGN §3).
    conflicts: list[ConflictingDay] = field(default_factory=list)


T = TypeVar("T")


def independent_groups(
    doc_ids: Iterable[str], reuse: Iterable[ReuseLink]
) -> dict[str, str]:
    """Documents joined by copy/rewrite/translation collapse to one group, named by its smallest
    member id; an "independent" link joins nothing. Here, not in the link stage, so that a
    record can be shown without importing the link stage and its models."""
    doc_ids = list(doc_ids)
    parent = {d: d for d in doc_ids}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in reuse:
        if link.kind == "independent":
            continue
        ra, rb = find(link.doc_a), find(link.doc_b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {d: find(d) for d in doc_ids}


def to_dict(obj: Any) -> Any:
    """JSON-compatible form of any model object (dataclasses nest, lists recurse)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_dict(item) for item in obj]
    if isinstance(obj, dict):
        return {key: to_dict(value) for key, value in obj.items()}
    return obj


_NESTED: dict[type, dict[str, type]] = {}


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    # looked up once per class: dataclasses.fields() on every record was a third of the time of
    # loading a window of articles back from the store
    return frozenset(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a model object from :func:`to_dict` output; unknown keys are ignored."""
    nested = _NESTED.get(cls, {})
    kwargs: dict[str, Any] = {}
    names = _field_names(cls)
    for name, value in data.items():
        if name not in names:
            continue
        inner = nested.get(name)
        if inner is not None and value is not None:
            if isinstance(value, list):
                value = [from_dict(inner, item) for item in value]
            else:
                value = from_dict(inner, value)
        kwargs[name] = value
    return cls(**kwargs)


_NESTED.update(
    {
        PublicationTime: {"evidence": Evidence},
        Comparison: {"conflicts": ConflictingDay},
        Document: {"published": PublicationTime, "cited_sources": CitedSource},
        Extraction: {
            "sentences": Sentence,
            "mentions": Mention,
            "times": TimeExpression,
            "quotes": Quote,
            "quantities": Quantity,
            "events": Event,
        },
    }
)
