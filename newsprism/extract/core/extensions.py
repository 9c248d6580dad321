"""Doc extensions set by newsprism's spaCy components, registered once and idempotently."""

from __future__ import annotations

from spacy.tokens import Doc

# name -> default; list defaults are copied per Doc by spaCy's getter-less extensions only when
# set, so components always assign a fresh list.
EXTENSIONS: dict[str, object] = {
    "doc_id": "",
    "published": None,  # PublicationTime given by the reader (metadata) or None
    "publication": None,  # PublicationTime after inference (set by newsprism_dates)
    "mentions": None,
    "times": None,
    "quotes": None,
    "quantities": None,
    "events": None,
}


_TEXT_KEY = ("newsprism", "text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins the tokens again on every access (~0.6 µs a
    token), and every component reads it."""
    cached = doc.user_data.get(_TEXT_KEY)
    # A Doc's text never changes (retokenizing merges and splits tokens, not characters), but
    # user data can be copied to another Doc (Span.as_doc(copy_user_data=True), DocBin): the
    # entry names the Doc it was made for and is checked against its length.
    if (
        isinstance(cached, tuple)
        and cached[0] == id(doc)
        and len(cached[1]) == (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0)
    ):
        return cached[1]
    text = doc.text
    doc.user_data[_TEXT_KEY] = (id(doc), text)
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Tell :func:`doc_text` the text a Doc was made from (``nlp.make_doc(text)`` keeps every
    character), so it is never joined from the tokens."""
    doc.user_data[_TEXT_KEY] = (id(doc), text)


def register_extensions() -> None:
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
