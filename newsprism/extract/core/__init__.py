"""Shared plumbing of the extract stage, used by every capability package:

- ``extensions``: the Doc extensions the components set, registered once, and the article text;
- ``paragraphs``: the ``newsprism_paragraphs`` component (a blank line starts a sentence);
- ``selective``: parse only the sentences that need a parse;
- ``rule_tables``: exact cached tables in place of spaCy's attribute ruler and lemmatizer;
- ``parallel``: the process pool that runs the pipeline over many articles.

Only the extensions are re-exported here: the other modules are imported where they are used
(``newsprism.nlp``), so that importing a capability package never pulls in the parser plumbing.
"""

from newsprism.extract.core.extensions import doc_text, register_extensions, remember_text

__all__ = ["doc_text", "register_extensions", "remember_text"]
