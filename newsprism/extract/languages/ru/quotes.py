"""Russian quotes and reported speech with their speakers:

- «Мы не уйдём», — заявила Марек.        (direct, speaker after the cue)
- Марек заявила: «Мы не уйдём».           (direct, speaker before the cue)
- Министр Лена Марек заявила, что ...     (indirect)
- ..., сообщило министерство в субботу.   (indirect, inverted)
- Как сообщил Драган, ... / По словам Марек, ... / По данным министерства, ...

Speakers are named entities (natasha's, in their dictionary form) when one names them; pronouns
("он", "она") take the nearest person named before; otherwise the words themselves
("министерство здравоохранения республики").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsprism.extract.core.extensions import doc_text
from newsprism.extract.languages.ru.morph import words
from newsprism.extract.languages.tables import load_table
from newsprism.model import Quote, QuoteKind

_WORDS = load_table("ru", "quotes")
# Speech verbs, by dictionary form.
CUE_LEMMAS = frozenset(_WORDS["speech_verbs"])
PRONOUNS = frozenset(_WORDS["pronouns"])
QUOTE_MARKS = re.compile(r"«([^«»]+)»|„([^„“]+)“|\"([^\"]+)\"")
ACCORDING_TO = re.compile(
    r"\b(?P<cue>[Пп]о (?:словам|данным|сообщению|информации))\s+(?P<who>[^,]+),"
)
AS_CUE = re.compile(r"\b[Кк]ак\s+$")
# After an inverted cue, the speaker stops at a comma, a time word or the sentence end.
SPEAKER_STOP = re.compile(r",|\s(?:в|во|на|после|утром|вечером|днём|днем|ночью)\s|[.!?]|$")


def _entity_name(doc: Doc, ent: Span) -> str:
    normals = doc._.get("ent_normals") or {}
    return normals.get((ent.start_char, ent.end_char), ent.text)


def _speaker(doc: Doc, start: int, end: int, prefer_last: bool) -> tuple[str, int, int] | None:
    """(name, start, end) of the speaker named in ``text[start:end]``: an entity (the last one
    before a cue, the first one after), a pronoun resolved backwards, or the phrase itself."""
    ents = [e for e in doc.ents if start <= e.start_char and e.end_char <= end
            and e.label_ in ("PERSON", "ORG", "GPE", "LOC")]  # fmt: skip
    phrase = words(doc_text(doc), start, end)
    if not phrase:
        return None
    if ents:
        ent = ents[-1] if prefer_last else ents[0]
        phrase_start = min(phrase[0].start, ent.start_char) if prefer_last else ent.start_char
        return _entity_name(doc, ent), phrase_start, ent.end_char
    if phrase[0].text.lower() in PRONOUNS:  # "сказала она журналистам"
        people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= start]
        name = _entity_name(doc, people[-1]) if people else phrase[0].text
        return name, phrase[0].start, phrase[0].end
    # "По данным министерства здравоохранения": the head noun back in the nominative; the
    # words after it are genitive modifiers in either case.
    head = phrase[0].lemma if phrase[0].text.islower() else phrase[0].text
    name = " ".join([head, *(w.text for w in phrase[1:])])
    return name, phrase[0].start, phrase[-1].end


def _quote(
    doc: Doc, content: tuple[int, int], speaker: tuple[str, int, int] | None,
    cue: tuple[str, int, int], kind: QuoteKind,
) -> Quote | None:
    start, end = content
    full = doc_text(doc)
    text = full[start:end].strip(" ,—–-.")
    if not text or speaker is None:
        return None
    start = full.index(text, start)
    name, speaker_start, speaker_end = speaker
    return Quote(
        doc_id=doc._.doc_id, start=start, end=start + len(text), text=text, kind=kind,
        speaker=name, speaker_text=full[speaker_start:speaker_end],
        speaker_start=speaker_start, speaker_end=speaker_end,
        cue=cue[0], cue_start=cue[1], cue_end=cue[2],
    )  # fmt: skip


def _sentence_quotes(doc: Doc, sent: Span) -> list[Quote]:
    text, s_start, s_end = doc_text(doc), sent.start_char, sent.end_char
    found: list[Quote | None] = []
    marks = list(QUOTE_MARKS.finditer(text, s_start, s_end))
    for match in ACCORDING_TO.finditer(text, s_start, s_end):
        speaker = _speaker(doc, match.start("who"), match.end("who"), prefer_last=False)
        cue = (match.group("cue").lower(), match.start("cue"), match.end("cue"))
        found.append(_quote(doc, (match.end(), s_end), speaker, cue, "indirect"))
    for word in words(text, s_start, s_end):
        if word.lemma not in CUE_LEMMAS or any(m.start() < word.start < m.end() for m in marks):
            continue
        cue = (word.lemma, word.start, word.end)
        after = text[word.end : s_end]
        before = text[s_start : word.start]
        clause_start = s_start + max(before.rfind(mark) for mark in ",—:") + 1
        if re.match(r"\s*:\s*[«„\"]", after):  # Марек заявила: «...»
            mark = next((m for m in marks if m.start() >= word.end), None)
            if mark is not None:
                speaker = _speaker(doc, clause_start, word.start, prefer_last=True)
                inner = mark.span(next(i for i in (1, 2, 3) if mark.group(i) is not None))
                found.append(_quote(doc, inner, speaker, cue, "direct"))
            continue
        if re.match(r",?\s*(?:что|будто|чтобы)\b", after):  # X заявил, что ...
            content_start = word.end + re.match(r",?\s*(?:что|будто|чтобы)\b", after).end()  # type: ignore[union-attr]
            speaker = _speaker(doc, clause_start, word.start, prefer_last=True)
            if AS_CUE.search(before):
                continue
            found.append(_quote(doc, (content_start, s_end), speaker, cue, "indirect"))
            continue
        if AS_CUE.search(before):  # Как сообщил Драган, ...
            stop = after.find(",")
            if stop > 0:
                speaker = _speaker(doc, word.end, word.end + stop, prefer_last=False)
                found.append(_quote(doc, (word.end + stop + 1, s_end), speaker, cue, "indirect"))
            continue
        inverted = re.search(r"[,»\"]\s*[—–-]?\s*$", before)
        if inverted:  # «...», — заявила Марек. / ..., сообщило министерство в субботу.
            stop = SPEAKER_STOP.search(after)
            speaker_end = word.end + (stop.start() if stop else len(after))
            speaker = _speaker(doc, word.end, speaker_end, prefer_last=False)
            mark = next((m for m in reversed(marks) if m.end() <= word.start), None)
            if mark is not None and not text[mark.end() : word.start].strip(" ,—–-"):
                inner = mark.span(next(i for i in (1, 2, 3) if mark.group(i) is not None))
                found.append(_quote(doc, inner, speaker, cue, "direct"))
            else:
                found.append(
                    _quote(doc, (s_start, s_start + inverted.start()), speaker, cue, "indirect")
                )
    return [q for q in found if q is not None]


def find_quotes(doc: Doc) -> list[Quote]:
    """Every quote and reported statement of the Russian Doc, in text order."""
    quotes = [q for sent in doc.sents for q in _sentence_quotes(doc, sent)]
    return sorted(quotes, key=lambda q: q.start)


class RussianQuotes:
    """spaCy component: ``doc._.quotes`` for Russian text (after the NER)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc)
        return doc


@Language.factory("newsprism_ru_quotes", assigns=["doc._.quotes"])
def make_russian_quotes(nlp: Language, name: str) -> RussianQuotes:
    return RussianQuotes(nlp, name)
