"""A blank line ends a sentence: paragraph breaks become sentence starts before the parser runs.

The small English parser often runs a sentence on across a paragraph break, most of all after a
closing quote mark ('… how it works.”⏎⏎Sen. Chuck Grassley, facing …, said …'): the next
paragraph's subject then hangs from the quotation's verb, and every component that reads the tree
(who said what, quantities, events) reads the wrong one. In news text a blank line never falls
inside a sentence, so the token after one is marked as a sentence start (unless a colon
introduces the next paragraph); spaCy's parser and senter keep boundaries set before them. A
single line break is left to the model (hard-wrapped plain text breaks lines inside sentences),
except after a headline on the first line: "Flurry of arrests as Türkiye cracks down on
builders⏎Two men watch excavators …" is a title and a photo caption, not one sentence whose
"arrests" count the two men.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPHS_COMPONENT = "newsprism_paragraphs"
# The first line is a headline when it is at most this long, ends in no punctuation and the next
# line starts with a capital or a digit (a hard-wrapped first line goes on in lower case).
HEADLINE_CHARS = 200
_LINE_END_PUNCTUATION = ".,;:!?…-–—(\"'“‘«"
_SPACES = re.compile(r"\s*")
# A paragraph ending in one of these introduces the next one ('Cruz continued:⏎⏎“You look at …”'):
# the two stay one sentence, so the quotation keeps its speaker and cue.
INTRODUCING: frozenset[str] = frozenset({":"})


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after each blank line (whitespace holding two or
    more line breaks) unless the paragraph before ends in a colon; other tokens are left for the
    parser to decide."""
    spaces = doc.to_array([IS_SPACE]).nonzero()[0]
    for index in spaces.tolist():
        following = index + 1
        if (
            index > 0
            and following < len(doc)
            and not doc[following].is_space
            and doc[index].text.count("\n") >= 2
            and doc[index - 1].text not in INTRODUCING
        ):
            doc[following].is_sent_start = True
    _mark_after_headline(doc)
    return doc


def _mark_after_headline(doc: Doc) -> None:
    text = doc.text
    first = _SPACES.match(text).end()
    end = text.find("\n", first)
    line = text[first:end].rstrip()
    if end < 0 or not line or len(line) > HEADLINE_CHARS or line[-1] in _LINE_END_PUNCTUATION:
        return
    start = _SPACES.match(text, end).end()
    if start >= len(text) or not (text[start].isupper() or text[start].isdigit()):
        return
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is not None and span.start > 0:
        doc[span.start].is_sent_start = True


@Language.factory(PARAGRAPHS_COMPONENT, assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return mark_paragraph_starts


def add_paragraph_boundaries(nlp: Language) -> bool:
    """Put the component before the first pipe that sets sentences (parser or senter).

    Returns False, changing nothing, when the pipeline has neither."""
    if PARAGRAPHS_COMPONENT in nlp.pipe_names:
        return True
    for name in nlp.pipe_names:
        if name in ("parser", "senter"):
            nlp.add_pipe(PARAGRAPHS_COMPONENT, before=name)
            return True
    return False
