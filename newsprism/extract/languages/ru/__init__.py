"""Russian: a blank Russian tokeniser with natasha's NER and morphology, and rules for dates,
quotes, quantities and events that yield the same Doc extensions as the English components.

- ``pipeline``: the Russian spaCy pipeline (``load_russian_pipeline``);
- ``morph``: dictionary forms and word offsets;
- ``dates``, ``quotes``, ``quantities``, ``events``: the components.
"""

from newsprism.extract.languages.ru.pipeline import load_russian_pipeline

__all__ = ["load_russian_pipeline"]
