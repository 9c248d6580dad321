"""Where a person is: "Ablyazov, who earlier fled to Ukraine", "the banker lives in London",
"Our headquarters is located in Kiev" (said by Ablyazov). The claims are compared like the others
(``verdicts.compare_values``: the same place or one inside the other agrees, a different place
on a later date is an update, on the same date a conflict).

Claims are built from a sentence's entity mentions after linking (``Mention.entity_id``), so the
key is the person's cross-document entity.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from newsprism.crosscheck.claims import claim_id
from newsprism.link.places import PLACE_LABELS, lookup
from newsprism.model import Claim, Document, Extraction, Mention, Quote

# The words between a person and a place that put the person there: a few words at most
# ("who earlier", "is now", "has since"), a verb of moving + "to" or of staying + "in".
_MOVE = r"(?:fled|escaped|moved|relocated|emigrated|defected|returned|taken|flown|deported)"
_STAY = (
    r"(?:is|was|remains|remained|been|lives|lived|resides|resided|hiding|staying|stayed|based|"
    r"settled|refuge|asylum)"
)
PERSON_TO_PLACE = re.compile(
    rf"^,?\s*(?:who\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_MOVE}\s+(?:back\s+)?to|{_STAY}\s+(?:\w+\s+)?in)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# Inside a speaker's quote: "our/my headquarters ... is located in Kiev".
OWN_BASE = re.compile(
    r"\b(?:our|my)\s+(?:[\w-]+\s+){0,3}?(?:headquarters|office|base|home|staff)\b[^.?!]{0,120}?"
    r"\b(?:is|are)\s+(?:located|based|situated)?\s*in\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})",
    re.I,
)
# A person mention further than this from the place (in characters) is not the one placed there.
MAX_GAP = 60
LABEL = "whereabouts"


def _named(mention: Mention, by_span: Mapping[tuple[int, int], Mention]) -> Mention:
    """The name a description or pronoun refers to ("who" → Darius Keller), else itself."""
    seen: set[tuple[int, int]] = set()
    while mention.kind != "name" and mention.ref_start is not None:
        span = (mention.ref_start, mention.ref_end or mention.ref_start)
        if span in seen or span not in by_span:
            break
        seen.add(span)
        mention = by_span[span]
    return mention


def _person_key(mention: Mention) -> str:
    return mention.entity_id or mention.text.casefold()


def _quote_key(quote: Quote) -> str:
    return quote.entity_id or (quote.speaker or quote.speaker_text).casefold()


def _own_base_place(text: str, match: re.Match[str], mentions: Sequence[Mention]) -> Mention | None:
    """The place a speaker's "our headquarters is in ..." names: a place mention there, else a
    gazetteer name (a pull-quote's last word often runs into the speaker's name, which hides it
    from the NER: "is located in Kiev Mukhtar Ablyazov")."""
    start = match.start("place")
    for mention in mentions:
        if mention.start == start and mention.label in PLACE_LABELS:
            return mention
    words = match.group("place").split()
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        if lookup(name) is not None:
            return Mention(doc_id="", start=start, end=start + len(name), text=name, label="GPE")
    return None


def _claim(
    document: Document, index: int, who: str, key: str, place: Mention,
    sentence: tuple[int, int], said_by: str = "",
) -> Claim:
    return Claim(
        id=claim_id(document.id, "location", index),
        doc_id=document.id,
        kind="location",
        key=f"location|{key}",
        label=f"{LABEL} of {who}",
        value=place.normal or place.text,
        as_of=(document.published.value or "")[:10] or None,
        attributed_to=said_by,
        start=place.start,
        end=place.end,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
    )


def whereabouts_claims(document: Document, extraction: Extraction) -> list[Claim]:
    """A claim per person the text places somewhere, and per speaker who says where their own
    base is."""
    text = document.text
    claims: list[Claim] = []
    mentions = sorted(extraction.mentions, key=lambda m: m.start)
    by_span = {(m.start, m.end): m for m in mentions}
    for sentence in extraction.sentences:
        inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
        for place in (m for m in inside if m.label in PLACE_LABELS):
            people = [m for m in inside if m.label == "PERSON" and m.end <= place.start]
            person = people[-1] if people else None
            named = _named(person, by_span) if person is not None else None
            if (
                person is not None
                and place.start - person.end <= MAX_GAP
                and PERSON_TO_PLACE.search(text[person.end : place.start])
            ):
                claims.append(
                    _claim(document, len(claims), named.text, _person_key(named), place,
                           (sentence.start, sentence.end))
                )  # fmt: skip
    for quote in extraction.quotes:
        who = quote.speaker or quote.speaker_text
        if not who:
            continue
        for match in OWN_BASE.finditer(text, quote.start, quote.end):
            place = _own_base_place(text, match, mentions)
            if place is None:
                continue
            sentence = next(
                ((s.start, s.end) for s in extraction.sentences if s.start <= place.start < s.end),
                (quote.start, quote.end),
            )
            claims.append(
                _claim(document, len(claims), who, _quote_key(quote), place, sentence, said_by=who)
            )
    return claims
