"""Selective parsing: run the dependency parser only on the sentences our components read it in.

The parser is the costliest part of a small spaCy pipeline, yet newsprism reads its trees only in
sentences that quote someone or state a number (quotes, attributions, quantities and their
scopes). :func:`enable_selective_parsing` rewires a pipeline so that

- the model's ``senter`` (shipped disabled with the ``en_core_web_*`` packages) gives sentence
  boundaries, and the full parser is disabled;
- the ``newsprism_selective_parser`` component, placed after NER, picks the sentences that need a
  parse (:func:`needs_parse`), runs the model's own parser on just those (as short Docs carrying
  the shared ``tok2vec`` tensor rows, so the parser sees the same features as on the full Doc)
  and copies heads and labels back;
- every other sentence gets a flat tree: its first verb (or first token) is the ``ROOT`` and every
  other token hangs from it with the label ``dep``, so sentence boundaries stay those of the
  senter, code that walks heads or children never crashes, and label-driven rules simply find
  nothing there.

Which sentences were parsed is in ``doc._.parsed_sentences`` (token ``(start, end)`` pairs).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsprism.extract.quantities.numbers import is_number_word

# Speech and attribution cues (lemmas) that make a sentence worth parsing even without quote
# marks: reported speech ("He warned that ...") needs the tree to find speaker and content.
CUE_LEMMAS: frozenset[str] = frozenset({
    "say", "tell", "warn", "add", "accord", "state", "claim", "announce", "report", "declare",
    "note", "insist", "deny", "confirm", "urge", "explain", "stress", "write", "quote", "reply",
    "respond", "argue", "allege", "accuse", "believe", "estimate", "call", "ask", "describe",
    "promise", "threaten", "admit", "acknowledge", "assert", "suggest", "predict", "vow",
    "pledge", "demand", "reiterate", "emphasise", "emphasize", "comment", "mention", "recall",
    "complain", "tweet", "post", "cite", "testify", "assure", "caution", "concede",
    "maintain", "observe", "point", "remark", "reveal", "speak",
})
# Entity types whose digits are not amounts (dates, clock times, ranks): they alone do not make a
# sentence need a parse; the dates component works without one.
NOT_AMOUNT_LABELS: frozenset[str] = frozenset({"DATE", "TIME", "ORDINAL"})
# Words that signal an amount without a digit or a number word.
AMOUNT_LEMMAS: frozenset[str] = frozenset({
    "double", "triple", "halve", "half", "quarter", "percent", "dozen", "dozens", "hundreds",
    "thousands", "millions", "billions", "tens", "score", "scores", "toll", "price",
})
# NER labels that are amounts: the parse is needed to find what they count.
AMOUNT_LABELS: frozenset[str] = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})
FLAT_LABEL = "dep"
# Sentences parsed per call of the parser: its batches are padded to the longest sentence, so a
# moderate batch wastes little.
PARSE_BATCH = 64


def _register() -> None:
    if not Doc.has_extension("parsed_sentences"):
        Doc.set_extension("parsed_sentences", default=None)


_register()


def needs_parse(sent: Span) -> bool:
    """Whether a sentence quotes, attributes or counts something (then our components parse it)."""
    ents = sent.ents
    if any(ent.label_ in AMOUNT_LABELS for ent in ents):
        return True
    for token in sent:
        if token.is_quote:
            return True
        if token.ent_type_ not in NOT_AMOUNT_LABELS and (
            token.like_num
            or any(c.isdigit() for c in token.text)
            or is_number_word(token.lower_)
            or token.lower_ in AMOUNT_LEMMAS
        ):
            return True
        lemma = token.lemma_.lower()
        if lemma in AMOUNT_LEMMAS or (lemma in CUE_LEMMAS and token.pos_ in ("VERB", "ADP")):
            return True
    return False


def _flat_tree(sent: Span, heads: numpy.ndarray, deps: numpy.ndarray, root_dep: int,
               flat_dep: int) -> None:
    root = next((t.i for t in sent if t.pos_ in ("VERB", "AUX")), sent.start)
    for i in range(sent.start, sent.end):
        heads[i] = root - i
        deps[i] = flat_dep
    deps[root] = root_dep


class SelectiveParser:
    """spaCy component: parses the sentences that :func:`needs_parse` selects (see module doc)."""

    def __init__(self, nlp: Language, name: str, *, parser: str = "parser") -> None:
        _register()
        self.name = name
        self.vocab = nlp.vocab
        self.parser = nlp.get_pipe(parser)
        self.root_dep = nlp.vocab.strings.add("ROOT")
        self.flat_dep = nlp.vocab.strings.add(FLAT_LABEL)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._parse_batch(batch)
                batch = []
        if batch:
            yield from self._parse_batch(batch)

    def _sub_doc(self, doc: Doc, sent: Span) -> Doc:
        sub = Doc(
            self.vocab,
            words=[t.text for t in sent],
            spaces=[bool(t.whitespace_) for t in sent],
        )
        if doc.tensor is not None and doc.tensor.size:
            sub.tensor = doc.tensor[sent.start : sent.end]
        return sub

    def _parse_batch(self, docs: list[Doc]) -> list[Doc]:
        selected: list[tuple[int, Span]] = []
        plans: list[list[tuple[Span, bool]]] = []
        for n, doc in enumerate(docs):
            plan = []
            for sent in doc.sents:
                chosen = needs_parse(sent)
                plan.append((sent, chosen))
                if chosen:
                    selected.append((n, sent))
            plans.append(plan)
        subs = [self._sub_doc(docs[n], sent) for n, sent in selected]
        parsed = list(self.parser.pipe(subs, batch_size=PARSE_BATCH)) if subs else []
        trees = {
            (n, sent.start): sub.to_array([HEAD, DEP]).astype("int64")
            for (n, sent), sub in zip(selected, parsed, strict=True)
        }
        for n, (doc, plan) in enumerate(zip(docs, plans, strict=True)):
            heads = numpy.zeros(len(doc), dtype="int64")
            deps = numpy.zeros(len(doc), dtype="uint64")
            parsed_sentences = []
            for sent, chosen in plan:
                if chosen:
                    tree = trees[n, sent.start]
                    heads[sent.start : sent.end] = tree[:, 0]
                    deps[sent.start : sent.end] = tree[:, 1].astype("uint64")
                    parsed_sentences.append((sent.start, sent.end))
                else:
                    _flat_tree(sent, heads, deps, self.root_dep, self.flat_dep)
            if len(doc):
                array = numpy.stack([heads.astype("uint64"), deps], axis=1)
                doc.from_array([HEAD, DEP], array)
            doc._.parsed_sentences = parsed_sentences
        return docs


@Language.factory(
    "newsprism_selective_parser",
    default_config={"parser": "parser"},
    assigns=["token.dep", "token.head", "token.is_sent_start", "doc.sents"],
)
def make_selective_parser(nlp: Language, name: str, parser: str) -> SelectiveParser:
    return SelectiveParser(nlp, name, parser=parser)


def enable_selective_parsing(nlp: Language) -> bool:
    """Switch a pipeline with a ``parser`` and a ``senter`` to selective parsing (in place).

    Returns False, changing nothing, when the pipeline lacks either (e.g. a user's own model).
    """
    if "newsprism_selective_parser" in nlp.pipe_names:
        return True
    if "parser" not in nlp.pipe_names or "senter" not in nlp.component_names:
        return False
    nlp.disable_pipe("parser")
    nlp.enable_pipe("senter")
    after = "ner" if "ner" in nlp.pipe_names else nlp.pipe_names[-1]
    nlp.add_pipe("newsprism_selective_parser", after=after)
    return True
