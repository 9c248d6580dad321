"""Dates: TimeML time expressions and the publication time they are anchored on.

- ``component``: the ``newsprism_dates`` spaCy component (``doc._.times``, ``doc._.publication``);
- ``timex_rules``: the English rules over plain text (rule table, tagging), built from
  ``timex_patterns``, ``timex_tense``, ``timex_dates`` and ``timex_spans``;
- ``timex_calendar``: calendar arithmetic on TimeML values; ``timex_prefilter``: where a rule
  may start;
- ``pubdate``: the publication time inferred from the text, with its evidence;
- ``collection_years``: years completed across a collection once its articles are linked.
"""

from newsprism.extract.dates.component import (
    TimeExpressions,
    complete_documents,
    date_at,
    find_times,
    make_dates,
    normalise_times,
    publication_date,
)
from newsprism.extract.dates.pubdate import complete_years, infer_publication_time
from newsprism.extract.dates.timex_rules import Timex, tag

__all__ = [
    "TimeExpressions",
    "Timex",
    "complete_documents",
    "complete_years",
    "date_at",
    "find_times",
    "infer_publication_time",
    "make_dates",
    "normalise_times",
    "publication_date",
    "tag",
]
