"""Direct and reported speech with speaker, cue and content spans (rules on the parse).

Four patterns, each general to news writing:

- **quoted speech**: text between quote marks (curly, straight, guillemets) of at least
  :data:`MIN_QUOTE_WORDS` words, attributed to the subject of a speech verb in the sentence
  around it (`"...," Marek said.` / `Marek said: "..."` / `"...," said Marek`);
- **pull-quotes**: a paragraph that ends with a speaker's name and title and no punctuation, as
  wire pages printed as text do (`... is located in Kiev Mukhtar Ablyazov Former President of
  Bank Turan Alem (BTA Bank)`);
- **reported speech**: a speech verb with a clausal complement (`He warned that ...`, `The
  ministry said the rioters ...`) or a reported object (`The National Guard reported the deaths
  of two servicemen`);
- **according to**: `According to the banker, ...`.

When the trained tagger's weights are installed (:mod:`newsprism.extract.quotes.attribution`,
``newsprism/data/attribution/``), its attributions are added to the rules' (:func:`combine`):
belief, stance and finding cues the rules do not know ("supports", "criticized", "an assessment
of") and nested attributions. Without the weights, or with ``NEWSPRISM_ATTRIBUTION_MODEL=none``,
the rules run alone.

Speakers are resolved within the article: a pronoun or a description ("the banker", "the head
of state", "the former Bank Turan Alem chief") to the most recent person named before it, and a
person's short name ("Ablyazov") to the fullest form the article uses ("Mukhtar Ablyazov").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.strings import hash_string
from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from newsprism.extract.core.extensions import doc_text, register_extensions
from newsprism.extract.quotes.attribution import AttributionModel, group, load_model, tag_spans
from newsprism.extract.quotes.attribution_features import rule_spans
from newsprism.model import Mention, Quote


def _lexicon(words: str) -> frozenset[str]:
    return frozenset(words.split())


SPEECH_VERBS = _lexicon(
    """
    say tell warn note add state stress explain urge confirm announce report claim deny
    insist emphasize emphasise declare argue suggest admit accuse write reply respond
    acknowledge allege assert estimate predict promise reveal recall complain concede
    contend indicate maintain mention observe point reiterate remark threaten vow caution
    believe think testify affirm clarify comment disclose inform signal underline conclude
    tweet find show ask agree cite echo pledge demand refuse propose question describe
    call hope fear expect worry know want plan decline offer recommend boast joke
    """
)
# Reported objects count only for verbs that report facts ("reported the deaths of ...").
OBJECT_VERBS = frozenset({"report", "confirm", "announce", "deny", "reveal", "disclose", "cite",
                          "find", "show"})
# Cues that name their object as something ("called the charges unsubstantiated").
NAMING_VERBS = frozenset({"call", "describe", "label", "brand", "dub", "deem", "term"})
# Cues whose content is the object of a preposition ("called for a ban", "pointed to the rise").
PREPOSITION_CUES = {"call": ("for", "on"), "point": ("to",), "warn": ("of", "against"),
                    "ask": ("for",), "argue": ("for", "against")}
PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "it"})
# Nouns that describe a person standing for a name said earlier ("the banker", "the president").
PERSON_ROLES = _lexicon(
    """
    banker chief head president leader minister spokesman spokeswoman spokesperson
    official man woman director chairman secretary premier governor mayor general
    commander officer lawyer prosecutor envoy ambassador diplomat politician businessman
    activist opponent founder executive chairwoman colonel captain deputy analyst expert
    source
    """
)
MIN_QUOTE_WORDS = 4
# Most characters between an attributed quotation and an unattributed one that continues it
# (about two sentences of narration); a judgement about news paragraphs, not tuned on a benchmark.
CONTINUATION_GAP = 250
# Reported content is the complement clause's subtree (True) or runs on to the sentence end
# (False); compared on PolNeAR dev, see docs/benchmarks.md (quotes and attributions).
CONTENT_IS_SUBTREE = True
CUE_AUXILIARIES = frozenset({"aux", "neg", "auxpass"})
# Speech verbs whose infinitive complement is what was said ("urged them to leave").
XCOMP_VERBS = frozenset({"urge", "promise", "vow", "threaten", "ask", "call", "plan", "agree",
                         "want", "pledge", "demand", "refuse", "decline", "offer", "propose"})
OPENING_MARKS = "“\"«„‘"
# Two apostrophes stand for a double quote mark in some wire and archive texts.
QUOTED = re.compile(r"(?:''|[“\"«„])((?:(?!'')[^“”\"«»„\n]){2,2000}?)(?:''|[”\"»“])")
# A line that ends a sentence, inside closing quote marks or not ('… a talent like Marco Rubio."'),
# is not a pull quote's signature line: the name there is part of the quotation.
SENTENCE_END = re.compile(r"[.?!…][\"'”’»)]*$")
# A quote signed with a dash and a capitalised name of one to four words, as in vox-pop lists.
DASH_SIGNATURE = re.compile(r"[ \t]*([―—–])[ \t]*((?:[A-Z][\w'’.-]*)(?:[ \t][A-Z][\w'’.-]*){0,3})")
# Words a title after a pull-quote's name may contain besides capitalised ones.
TITLE_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "de"})
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _text(doc: Doc) -> str:
    return doc_text(doc)  # spaCy joins the tokens anew on every ``Doc.text`` access


def _strip_determiner(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)


class SpeakerResolver:
    """Resolves speaker words to a name within one article."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.people = sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.start)
        # surname -> the first of the longest forms of the names ending in it
        self.longest: dict[str, str] = {}
        for person in self.people:
            words = person.text.split()
            if words:
                surname = words[-1].casefold()
                if len(person.text) > len(self.longest.get(surname, "")):
                    self.longest[surname] = person.text
        # Doc.ents builds every entity Span anew on each access (Span.ents reads it too).
        self.entities = doc.ents

    def fullest(self, name: str) -> str:
        """The longest form of a person's name in the article sharing its surname."""
        words = name.split()
        if not words:
            return name
        return self.longest.get(words[-1].casefold(), name)

    def person_before(self, offset: int, skip: tuple[int, int] | None = None) -> str:
        """The last person named before an offset, preferring names the article gives in full:
        a lone capitalised word tagged PERSON is as often a place the small model mistook."""
        earlier = [
            m for m in reversed(self.people)
            if m.end <= offset and not (skip and skip[0] <= m.start < skip[1])
        ]
        for mention in earlier:
            full = self.fullest(mention.text)
            if len(full.split()) > 1:
                return full
        return self.fullest(earlier[0].text) if earlier else ""

    def resolve(self, span: Span, content: tuple[int, int] | None = None) -> str:
        """A speaker's name for the words naming it (subject of a cue, object of according to)."""
        named = [m for m in self.people if span.start_char <= m.start < span.end_char]
        if named:
            return self.fullest(named[0].text)
        root = span.root
        if root.pos_ == "PROPN":
            # A surname the NER labelled as something else ("Varga" as ORG) is still the person
            # named in full earlier.
            fullest = self.fullest(root.text)
            if fullest != root.text:
                return fullest
        if root.lower_ in PRONOUNS or (root.pos_ == "NOUN" and root.lemma_.lower() in PERSON_ROLES):
            return self.person_before(span.start_char, skip=content) or span.text
        entities = [e for e in _within(self.entities, span) if e.label_ in SPEAKER_LABELS]
        if entities and root.pos_ == "PROPN":
            return _strip_determiner(max(entities, key=len).text)
        return _strip_determiner(span.text)


def _within(entities: tuple[Span, ...], span: Span) -> list[Span]:
    """``span.ents`` from entities read once: those wholly inside the span, up to the first
    that starts inside it and ends outside."""
    inside: list[Span] = []
    for entity in entities:
        if entity.start >= span.start:
            if entity.end > span.end:
                break
            inside.append(entity)
    return inside


# '"...," the group's director, Sofia Renn, told': at most this many tokens between a closing
# quotation mark and its cue are read as the speaker's name and title.
MAX_SPEAKER_TOKENS_AFTER_QUOTE = 10


def _subtree_span(doc: Doc, token: Token) -> Span:
    return doc[token.left_edge.i : token.right_edge.i + 1]


def _speaker_span(doc: Doc, subject: Token, cue: Token | Span) -> Span | None:
    """The subject's words up to its cue, without edge punctuation; None for a relative pronoun,
    whose antecedent the parse does not give."""
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    if subject.tag_ in ("WDT", "WP") or subject.lower_ == "that":
        # "the group, which said ...": the speaker is the noun the relative clause hangs from.
        verb = subject.head
        if verb.dep_ != "relcl":
            return None
        noun = verb.head
        start, end = noun.left_edge.i, noun.i + 1
    cue_start = cue.i if isinstance(cue, Token) else cue.start
    if start < cue_start < end:
        end = cue_start
    # A subject the parser ran across a paragraph break starts after the break.
    breaks = [t.i for t in doc[start:end] if "\n" in t.text_with_ws]
    if breaks and breaks[-1] + 1 < end:
        start = breaks[-1] + 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end] if end > start else None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    # Coordinated, infinitival and participial cues ("..., saying that ...") share the subject
    # of the verb they hang from.
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    if (verb.dep_ in ("conj", "xcomp") or participle) and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    return None


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character span without surrounding spaces and sentence-final punctuation."""
    text = _text(doc)
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return start, end


def _cue_phrase(verb: Token) -> Span:
    """The verb with the auxiliaries and negation right before it ("has said", "did not deny"),
    as attribution corpora mark cues."""
    start = verb.i
    while start > verb.sent.start and verb.doc[start - 1].head == verb and \
            verb.doc[start - 1].dep_ in CUE_AUXILIARIES:
        start -= 1
    return verb.doc[start : verb.i + 1]


def _quote(doc: Doc, kind: str, start: int, end: int, speaker: str, speaker_span: Span | None,
           cue: Token | Span | None, cue_lemma: str) -> Quote:
    start, end = _trim(doc, start, end)
    if isinstance(cue, Token):
        cue = _cue_phrase(cue)
    return Quote(
        doc_id=doc._.doc_id,
        start=start,
        end=end,
        text=_text(doc)[start:end],
        kind=kind,  # type: ignore[arg-type]
        speaker=speaker,
        speaker_text=speaker_span.text if speaker_span is not None else "",
        speaker_start=speaker_span.start_char if speaker_span is not None else None,
        speaker_end=speaker_span.end_char if speaker_span is not None else None,
        cue=cue_lemma,
        cue_start=cue.idx if isinstance(cue, Token) else (cue.start_char if cue else None),
        cue_end=(cue.idx + len(cue.text)) if isinstance(cue, Token)
        else (cue.end_char if cue else None),
    )


def _wholly_quoted(text: str) -> bool:
    """Content that is one quotation from start to end (the quoted speech pattern reports it)."""
    body = re.sub(r"^that\s+", "", text.strip()).rstrip(".,;: ").replace("''", '"')
    if len(body) < 2 or body[0] not in OPENING_MARKS or body[-1] not in "”\"»’":
        return False
    return not any(mark in body[1:-1] for mark in "”»“«")


def _speech_verbs(doc: Doc) -> list[Token]:
    """The Doc's verbs whose lemma is a speech verb, found in its arrays (a Token object is made
    only for them)."""
    if not len(doc):
        return []
    pos, lemmas = doc.to_array([POS, LEMMA]).T.tolist()
    strings = doc.vocab.strings
    is_speech: dict[int, bool] = {}
    verbs: list[Token] = []
    for i, (tag, lemma) in enumerate(zip(pos, lemmas, strict=True)):
        if tag != VERB:
            continue
        speech = is_speech.get(lemma)
        if speech is None:
            speech = is_speech[lemma] = strings[lemma].lower() in SPEECH_VERBS
        if speech:
            verbs.append(doc[i])
    return verbs


def reported_speech(doc: Doc, resolver: SpeakerResolver) -> Iterable[Quote]:
    # A speech verb inside a quotation ("I think ...") is the quoted speaker's wording, not a
    # report by the writer.
    quoted = [(m.start(1), m.end(1)) for m in QUOTED.finditer(_text(doc))
              if len(m.group(1).split()) >= MIN_QUOTE_WORDS]
    for token in _speech_verbs(doc):
        if any(a <= token.idx < b for a, b in quoted):
            continue
        clause = next((c for c in token.children if c.dep_ in ("ccomp", "xcomp")), None)
        lemma = token.lemma_.lower()
        cue: Token | Span = token
        if clause is None and lemma in OBJECT_VERBS:
            clause = next((c for c in token.children if c.dep_ == "dobj"), None)
        if clause is None and lemma in PREPOSITION_CUES:
            prep = next((c for c in token.children if c.dep_ == "prep" and c.i == token.i + 1
                         and c.lower_ in PREPOSITION_CUES[lemma]), None)
            objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp", "ccomp")
                       ] if prep is not None else []
            if objects and prep is not None:
                clause, cue = objects[0], doc[token.i : prep.i + 1]
        naming = None
        if clause is None and lemma in NAMING_VERBS:
            # "called the charges unsubstantiated": the object and what it was called.
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            oprd = next((c for c in token.children if c.dep_ == "oprd"), None)
            if obj is not None and oprd is not None and obj.i < oprd.i:
                clause = obj
                naming = (obj.left_edge.idx, _subtree_span(doc, oprd).end_char)
        subject = _subject(token)
        if subject is not None and any(a <= subject.idx < b for a, b in quoted):
            continue  # the parser took a quoted word as the subject: quoted_speech handles it
        sent = token.sent
        if clause is None and token.dep_ == "parataxis" and token.head.i < token.i:
            # "The program has expanded well beyond its intent, they say."
            clause = token.head
        if clause is None or subject is None:
            continue
        if clause.dep_ == "xcomp" and token.lemma_.lower() not in XCOMP_VERBS:
            continue
        if clause.i < token.i:
            # Content before its cue ("..., a source said." / "..., said Mr. Burman."): the
            # words from the sentence start to the cue or its subject, whichever comes first.
            end = doc[min(token.i, subject.left_edge.i)].idx
            start = max(_subtree_span(doc, clause).start_char, _text(doc).rfind("\n", 0, end) + 1)
            if end - start < MIN_QUOTE_WORDS:
                continue
        else:
            content = _subtree_span(doc, clause)
            start = content.start_char
            end = content.end_char if CONTENT_IS_SUBTREE else sent.end_char
            if naming is not None:
                start, end = naming
            # A sentence the parser ran across a paragraph break ends at the break.
            newline = _text(doc).find("\n", start, end)
            end = newline if newline > 0 else end
        if any(a <= start < b for a, b in quoted):
            continue
        opening = _text(doc)[:start].rstrip()
        quote_start = len(opening) - 1 if opening and opening[-1] in OPENING_MARKS + "'" else start
        if _wholly_quoted(_text(doc)[quote_start:end]):
            continue
        subject_span = _speaker_span(doc, subject, cue)
        if subject_span is None:
            continue
        speaker = resolver.resolve(subject_span, content=(start, end))
        yield _quote(doc, "indirect", start, end, speaker, subject_span, cue, lemma)


_ACCORDING, _TO = hash_string("according"), hash_string("to")


def according_to(doc: Doc, resolver: SpeakerResolver) -> Iterable[Quote]:
    if "according" not in _text(doc).lower():
        return
    lowers = doc.to_array(LOWER).tolist()
    for i, lower in enumerate(lowers[:-1]):
        if lower != _ACCORDING or lowers[i + 1] != _TO:
            continue
        token = doc[i]
        sent = token.sent
        to = doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        source = _subtree_span(doc, objects[0]) if objects else None
        if source is None:
            continue
        if token.i == sent.start or (doc[token.i - 1].is_punct and token.i - 1 == sent.start):
            # "According to X, CONTENT."
            start, end = source.end_char, sent.end_char
        else:
            # "CONTENT, according to X."
            start, end = sent.start_char, token.idx
        speaker = resolver.resolve(source, content=(start, end))
        yield _quote(doc, "indirect", start, end, speaker, source, doc[token.i : token.i + 2],
                     "according to")


def _dash_signature(doc: Doc, after: int) -> tuple[Span, Span] | None:
    """The dash and the name signing a quote (`"..." ― Sonya Herridge`), if the quote has one."""
    match = DASH_SIGNATURE.match(_text(doc), after)
    if match is None:
        return None
    dash = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    name = doc.char_span(match.start(2), match.end(2), alignment_mode="contract")
    if dash is None or name is None or not any(t.pos_ == "PROPN" for t in name):
        return None
    return dash, name


def _named_between(doc: Doc, quote_end: int, cue: Token) -> Token | None:
    """'"...," the group's director, Sofia Renn, told ...': when the parser takes a word inside
    the quotation as the cue's subject, the speaker is the noun phrase between the closing mark
    and the cue — its last noun, if no other verb stands there."""
    between = [t for t in doc[:cue.i] if t.idx >= quote_end]
    if not between or len(between) > MAX_SPEAKER_TOKENS_AFTER_QUOTE:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in between):
        return None
    nouns = [t for t in between if t.pos_ in ("PROPN", "NOUN")]
    return nouns[-1] if nouns else None


def _cue_outside(
    doc: Doc, window: Span | None, inner: tuple[int, int]
) -> tuple[Token, Token] | None:
    """The speech verb nearest a quotation, outside it, whose subject is outside it too."""
    candidates: list[tuple[int, Token, Token]] = []
    for token in window or []:
        if inner[0] <= token.idx < inner[1]:
            continue
        if token.pos_ != "VERB" or token.lemma_.lower() not in SPEECH_VERBS:
            continue
        subject = _subject(token)
        if subject is not None and inner[0] <= subject.idx < inner[1] and token.idx > inner[1]:
            subject = _named_between(doc, inner[1] + 1, token)
        if subject is not None and not inner[0] <= subject.idx < inner[1]:
            distance = inner[0] - token.idx if token.idx < inner[0] else token.idx - inner[1]
            candidates.append((distance, token, subject))
    if not candidates:
        return None
    _, cue, subject = min(candidates, key=lambda c: c[0])
    return cue, subject


def quoted_speech(doc: Doc, resolver: SpeakerResolver) -> Iterable[Quote]:
    previous: Quote | None = None
    for match in QUOTED.finditer(_text(doc)):
        inner_start, inner_end = match.start(1), match.end(1)
        if len(match.group(1).split()) < MIN_QUOTE_WORDS:
            continue
        signature = _dash_signature(doc, match.end())
        if signature is not None:
            dash, name = signature
            previous = _quote(doc, "direct", inner_start, inner_end, resolver.fullest(name.text),
                              name, dash, "dash")
            yield previous
            continue
        first = doc.char_span(match.start(), match.start() + 1, alignment_mode="expand")
        last = doc.char_span(match.end() - 1, match.end(), alignment_mode="expand")
        if first is None or last is None:
            continue
        window = doc.char_span(first.sent.start_char, last.sent.end_char, alignment_mode="expand")
        found = _cue_outside(doc, window, (inner_start, inner_end))
        if found is None:
            if previous is not None and _continues(_text(doc), previous, match.start()):
                yield _continuation(doc, previous, inner_start, inner_end)
            continue
        cue, subject = found
        subject_span = _speaker_span(doc, subject, cue)
        if subject_span is None:
            continue
        speaker = resolver.resolve(subject_span, content=(inner_start, inner_end))
        previous = _quote(doc, "direct", inner_start, inner_end, speaker, subject_span, cue,
                          cue.lemma_.lower())
        yield previous


def _continues(text: str, previous: Quote, start: int) -> bool:
    """An unattributed quotation right after an attributed one (the next sentence or paragraph
    with no other quotation between) continues the same speaker's words, as news writing does."""
    gap = text[previous.end : start]
    return len(gap) <= CONTINUATION_GAP and gap.count("\n") <= 2


def _continuation(doc: Doc, previous: Quote, start: int, end: int) -> Quote:
    quote = _quote(doc, "direct", start, end, previous.speaker, None, None, previous.cue)
    quote.speaker_text = previous.speaker_text
    quote.speaker_start, quote.speaker_end = previous.speaker_start, previous.speaker_end
    quote.cue_start, quote.cue_end = previous.cue_start, previous.cue_end
    return quote


def _is_title(words: list[str]) -> bool:
    alphabetic = [w for w in words if re.search(r"[^\W\d_]", w)]
    return all(w[0].isupper() or w.lower() in TITLE_FUNCTION_WORDS or w.startswith("(")
               for w in alphabetic)


def _signature(line: str, names: Iterable[str]) -> tuple[int, str] | None:
    """Where a pull quote's signature begins in a line: the earliest name followed only by
    title words ("... Ivo Petrov Chairman of the Water Board"); of two names starting there,
    the longer, so that the answer does not depend on the order of ``names`` (a set's order
    changes with Python's string hashing from one process to the next)."""
    found = []
    for name in names:
        at = line.rfind(" " + name)
        if at > 0 and _is_title(line[at + 1 + len(name):].split()):
            found.append((at, -len(name), name))
    if not found:
        return None
    at, _, name = min(found)
    return at, name


def pull_quotes(doc: Doc, mentions: list[Mention], resolver: SpeakerResolver) -> Iterable[Quote]:
    """Paragraphs ending in `<name> <Title>` with no punctuation between quote and name."""
    names = {m.text for m in mentions if m.label in ("PERSON", "ORG") and len(m.text.split()) > 1}
    text = _text(doc)
    offset = 0
    for line in text.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        stripped = line.rstrip()
        if len(stripped.split()) < MIN_QUOTE_WORDS + 2 or SENTENCE_END.search(stripped):
            continue
        best = _signature(stripped, names)
        if best is None:
            continue
        at, name = best
        before = stripped[:at].rstrip()
        # A quote closed by its marks or signed with a dash is the quoted speech pattern's.
        if len(before.split()) < MIN_QUOTE_WORDS or before.endswith(tuple("―—–”\"»")):
            continue
        name_start = line_start + at + 1
        speaker_span = doc.char_span(name_start, name_start + len(name), alignment_mode="expand")
        yield _quote(doc, "direct", line_start, line_start + len(before), resolver.fullest(name),
                     speaker_span, None, "")


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """Drop a quote whose content lies inside another's; a reported clause containing a quoted
    stretch becomes mixed."""
    kept: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: (q.start, -(q.end - q.start))):
        container = next((k for k in kept if k.start <= quote.start and quote.end <= k.end), None)
        if container is None:
            kept.append(quote)
        elif container.kind == "indirect" and quote.kind == "direct":
            container.kind = "mixed"
    return kept


def _resolver(doc: Doc) -> SpeakerResolver:
    """The speaker resolver over the article's name mentions (its NER spans when the entities
    component has not run)."""
    mentions: list[Mention] = list(doc._.mentions or [])
    if not mentions:
        mentions = [
            Mention(doc_id=doc._.doc_id, start=e.start_char, end=e.end_char, text=e.text,
                    label=e.label_)
            for e in doc.ents
        ]
    return SpeakerResolver(doc, mentions)


def rule_quotes(doc: Doc, resolver: SpeakerResolver | None = None) -> list[Quote]:
    """The attributions the rules find (no trained model)."""
    if resolver is None:
        resolver = _resolver(doc)
    found = [
        *pull_quotes(doc, resolver.mentions, resolver),
        *quoted_speech(doc, resolver),
        *reported_speech(doc, resolver),
        *according_to(doc, resolver),
    ]
    return _dedupe([q for q in found if q.text and q.speaker])


def _content_kind(text: str) -> str:
    """direct for a content that is one quotation, mixed for one holding a quotation."""
    if _wholly_quoted(text):
        return "direct"
    return "mixed" if QUOTED.search(text) else "indirect"


def _unquoted(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A wholly quoted content without its marks and final stop, as the rules give it."""
    text = _text(doc)
    start, end = _trim(doc, start, end)
    if _wholly_quoted(text[start:end]):
        while end > start and text[end - 1] in "”\"»’.,;: ":
            end -= 1
        while start < end and (text[start] in OPENING_MARKS or text[start].isspace()):
            start += 1
    return start, end


def _edge_trimmed(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _cue_lemma(cue: Span | None) -> str:
    if cue is None:
        return ""
    if cue.text.lower().startswith("according to"):
        return "according to"
    return cue.root.lemma_.lower()


def model_quotes(doc: Doc, model: AttributionModel, rules: list[Quote],
                 resolver: SpeakerResolver) -> list[Quote]:
    """The trained tagger's attributions (given the rules' as features) that name a speaker."""
    found: list[Quote] = []
    for attribution in group(doc, tag_spans(model, doc, rule_spans(rules))):
        source = _edge_trimmed(attribution.source) if attribution.source is not None else None
        if source is None:
            continue
        start, end = _unquoted(doc, attribution.content.start_char, attribution.content.end_char)
        if end - start < 2:
            continue
        speaker = resolver.resolve(source, content=(start, end))
        content = attribution.content
        kind = _content_kind(_text(doc)[content.start_char : content.end_char])
        quote = _quote(doc, kind, start, end, speaker, source, attribution.cue,
                       _cue_lemma(attribution.cue))
        quote.start, quote.end, quote.text = start, end, _text(doc)[start:end]
        found.append(quote)
    return [q for q in found if q.speaker]


def _overlaps(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    if a[0] is None or a[1] is None or b[0] is None or b[1] is None:
        return False
    return a[0] < b[1] and b[0] < a[1]


def _same_attribution(a: Quote, b: Quote) -> bool:
    """Overlapping contents with overlapping cues (or no cue to tell them apart), or the very
    same content: one attribution found twice. Contents that overlap under different cues are
    nested attributions ("X said that Y believes Z") and both stand, unless the contents cross
    (each holds words the other lacks) and neither cue lies inside the other's content: then
    they are two claims on the same words (the tagger giving the start of a quotation to the
    previous sentence's "praised"), and only one can be right."""
    if not _overlaps((a.start, a.end), (b.start, b.end)):
        return False
    if a.cue_start is None or b.cue_start is None or (a.start, a.end) == (b.start, b.end):
        return True
    if _overlaps((a.cue_start, a.cue_end), (b.cue_start, b.cue_end)):
        return True
    crossing = not (_inside((a.start, a.end), (b.start, b.end))
                    or _inside((b.start, b.end), (a.start, a.end)))
    return crossing and not (_inside((a.cue_start, a.cue_end), (b.start, b.end))
                             or _inside((b.cue_start, b.cue_end), (a.start, a.end)))


def _inside(inner: tuple[int, int | None], outer: tuple[int, int]) -> bool:
    return inner[1] is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


def merge(first: list[Quote], second: list[Quote]) -> list[Quote]:
    """The first list's quotes, and the second's that are not one of them found again."""
    added = [q for q in second if not any(_same_attribution(q, f) for f in first)]
    return sorted([*first, *added], key=lambda q: (q.start, q.end))


def find_quotes(doc: Doc, model: AttributionModel | bool | None = True) -> list[Quote]:
    """Every attribution in a parsed Doc: the rules', plus the trained tagger's when its weights
    are installed (``model=True`` loads the packaged ones, ``None``/``False`` skips it)."""
    resolver = _resolver(doc)
    rules = rule_quotes(doc, resolver)
    tagger = load_model() if model is True else model or None
    if tagger is None:
        return rules
    return combine(rules, model_quotes(doc, tagger, rules, resolver))


def combine(rules: list[Quote], model: list[Quote]) -> list[Quote]:
    """The rules' quotations and "according to" attributions, then the tagger's attributions
    they did not find, then the rules' other reported speech that the tagger did not find again.

    The rules are surest where quote marks or "according to" bound the content; elsewhere the
    tagger's spans are the better ones. Chosen on PolNeAR train's hold-out with the span-start
    bias (source / cue / content exact 0.737 / 0.670 / 0.579 against 0.730 / 0.654 / 0.568 with
    every rule quote first); the tagger's attributions first everywhere scored 0.739 / 0.669 /
    0.581 but lost 3 of the 21 seed quotes (docs/benchmarks.md)."""
    fixed = [q for q in rules if _bounded(q)]
    reported = [q for q in rules if not _bounded(q)]
    return merge(merge(fixed, model), reported)


def _bounded(quote: Quote) -> bool:
    """Whether quote marks or "according to" bound the rules' content."""
    return quote.kind == "direct" or quote.cue == "according to"


class Attributions:
    """spaCy component: sets ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc)
        return doc


@Language.factory("newsprism_quotes", assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> Attributions:
    return Attributions(nlp, name)
