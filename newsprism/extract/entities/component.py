"""Named-entity mentions from the NER, with the small model's known slips repaired.

The small English model makes a few systematic mistakes on crisis news that the link stage would
otherwise carry into every cross-document entity:

- a hyphenated or unfamiliar person name tagged ORG ("Kassym-Zhomart Tokayev");
- Latin phrases tagged GPE ("in absentia");
- a leading article or a trailing title kept in the span ("the Alma-Ata", "Serik Shelbayev Head");
- stray quote marks and line breaks at the edges of a span;
- an acronym introduced in brackets ("... Organisation (CSTO)") not tagged at all.

Repairs are pure functions of the Doc, so the component stays cheap next to the NER itself.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsprism.extract.core.extensions import doc_text, register_extensions
from newsprism.model import Mention

# Entity labels worth linking across documents; numeric and temporal labels belong to the
# dates and quantities components.
NAME_LABELS: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)

# Words the small model tags as places or organisations that never name one.
NOT_NAMES: frozenset[str] = frozenset(
    {"absentia", "situ", "vitro", "loco", "toto", "camera", "abroad", "ad hoc"}
)

# Titles that the NER glues onto the end of a person span in pull-quote layouts
# ("Serik Shelbayev Head of the Criminal Prosecution Service").
TRAILING_TITLES: frozenset[str] = frozenset(
    {
        "head", "chief", "chairman", "chairwoman", "president", "former", "minister", "director",
        "deputy", "spokesman", "spokeswoman", "spokesperson", "secretary", "governor", "mayor",
        "general", "commander", "leader", "founder", "ceo", "editor", "prosecutor",
    }
)

# Words that show a multi-word ORG span is an organisation, not a person.
ORG_WORDS: frozenset[str] = frozenset(
    {
        "bank", "ministry", "office", "council", "party", "police", "department", "service",
        "agency", "committee", "guard", "army", "forces", "troops", "union", "organization",
        "organisation", "group", "company", "corporation", "inc", "ltd", "news", "court",
        "university", "institute", "government", "parliament", "assembly", "front", "movement",
        "association", "federation", "commission", "authority", "fund", "school", "hospital",
        "church", "club", "team", "board", "bureau", "center", "centre", "network", "times",
        "post", "press", "radio", "tv", "television", "media", "republic", "kingdom", "state",
        "states", "city", "house", "national", "international", "world", "global",
    }
)

# Demonyms the small model tags ORG when they open a noun phrase ("Kazakh banker").
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:i|ian|ese|ish|ic|ch|akh|ek)$")
_EDGE_NOISE = " \t\r\n\"'“”„«»‘’()[]{}.,;:-–—"
_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,9})\)")
_NAME_TOKEN = re.compile(r"^[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*$")
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "la", "des", "&"})


def acronym_of(name: str) -> str:
    """Initials of a name's content words: 'Collective Security Treaty Organisation' → 'CSTO'."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _ACRONYM_SKIP]
    if words and words[0].lower() == "the":
        words = words[1:]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def looks_like_person(text: str) -> bool:
    """Two to four capitalised name tokens and no organisation word: 'Kassym-Zhomart Tokayev'."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 4:
        return False
    if any(t.lower().strip(".,") in ORG_WORDS for t in tokens):
        return False
    return all(_NAME_TOKEN.match(t) for t in tokens)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Character span of ``text`` without edge noise and a leading article."""
    while start < end and text[start] in _EDGE_NOISE:
        start += 1
    while end > start and text[end - 1] in _EDGE_NOISE:
        end -= 1
    lowered = text[start:end].lower()
    for article in ("the ", "a ", "an "):
        if lowered.startswith(article) and len(lowered) > len(article):
            start += len(article)
            while start < end and text[start] in _EDGE_NOISE:
                start += 1
            break
    return start, end


def _drop_trailing_titles(doc: Doc, span: Span, start: int, end: int) -> int:
    """End offset of a PERSON span without titles glued onto its end."""
    tokens = [t for t in span if t.idx >= start and t.idx + len(t) <= end]
    while len(tokens) > 2 and tokens[-1].text.lower() in TRAILING_TITLES:
        tokens.pop()
    return tokens[-1].idx + len(tokens[-1]) if tokens else end


def repair(doc: Doc, span: Span, full_text: str | None = None) -> Mention | None:
    """The mention a NER span stands for, or None when it names nothing.

    ``full_text`` is the Doc's text when the caller has it (spaCy rebuilds it on every access).
    """
    label = span.label_
    if label not in NAME_LABELS:
        return None
    if full_text is None:
        full_text = doc_text(doc)
    start, end = _trim(full_text, span.start_char, span.end_char)
    if label == "PERSON":
        end = _drop_trailing_titles(doc, span, start, end)
    text = full_text[start:end]
    if not text or not any(c.isalpha() for c in text):
        return None
    if text.lower() in NOT_NAMES or (label in {"GPE", "LOC"} and text.islower()
                                      and text.lower() in NOT_NAMES):
        return None
    if "\n" in text:  # a span running over a paragraph break is two things, keep the first
        end = start + text.index("\n")
        text = full_text[start:end].rstrip(_EDGE_NOISE)
        end = start + len(text)
    if label == "ORG" and looks_like_person(text):
        label = "PERSON"
    elif label == "ORG" and " " not in text and _DEMONYM.match(text):
        label = "NORP"
    elif label == "FAC" and span.start_char < start and " " not in text and text[0].isupper():
        # "the Alma-Ata commandant's office": a one-word FAC after "the" is a place name
        label = "GPE"
    doc_id = doc._.doc_id or ""
    normals = doc._.ent_normals if Doc.has_extension("ent_normals") else None
    normal = (normals or {}).get((span.start_char, span.end_char), "")
    if normal and (span.start_char, span.end_char) != (start, end):
        # the span was trimmed: keep the normal form only if it still lines up word for word
        normal = normal if len(normal.split()) == len(text.split()) else ""
    return Mention(doc_id=doc_id, start=start, end=end, text=text, label=label, normal=normal)


def _acronym_mentions(doc: Doc, mentions: list[Mention], text: str) -> list[Mention]:
    """Mentions for acronyms introduced in brackets right after an ORG, and their later uses."""
    found: list[Mention] = []
    known: dict[str, str] = {}
    for mention in mentions:
        if mention.label not in {"ORG", "GPE", "LOC", "FAC"}:
            continue
        match = _ACRONYM.match(text, mention.end + 1) if mention.end < len(text) else None
        if match and acronym_of(mention.text) == match.group(1):
            known[match.group(1)] = mention.label
    taken = {(m.start, m.end) for m in mentions}
    for acronym, label in known.items():
        for match in re.finditer(rf"\b{re.escape(acronym)}\b", text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            found.append(
                Mention(doc_id=doc._.doc_id or "", start=match.start(), end=match.end(),
                        text=acronym, label=label)
            )
    return found


def find_mentions(doc: Doc) -> list[Mention]:
    """Named-entity mentions of a processed Doc, repaired, in text order."""
    text = doc_text(doc)
    mentions = [m for m in (repair(doc, span, text) for span in doc.ents) if m is not None]
    mentions.extend(_acronym_mentions(doc, mentions, text))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


class EntityMentions:
    """spaCy component: sets ``doc._.mentions`` to the repaired named-entity mentions."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = find_mentions(doc)
        return doc


@Language.factory("newsprism_entities", assigns=["doc._.mentions"], requires=["doc.ents"])
def make_entities(nlp: Language, name: str) -> EntityMentions:
    return EntityMentions(nlp, name)
