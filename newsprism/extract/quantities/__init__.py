"""Quantities: values and intervals with unit, what is counted, scope, as-of date and
attribution.

- ``component``: the ``newsprism_quantities`` spaCy component (``doc._.quantities``), which runs
  three steps: ``atoms`` (numbers with bound, unit, counted noun), ``groups`` (ranges, changes,
  conversions), ``meaning`` (measure, scope, negation, attribution, as-of date);
- ``numbers``: digits and number words; ``units``: unit forms; ``measures``: the measure
  taxonomy (what a figure counts).
"""

from newsprism.extract.quantities.component import Quantities, find_quantities, make_quantities

__all__ = ["Quantities", "find_quantities", "make_quantities"]
