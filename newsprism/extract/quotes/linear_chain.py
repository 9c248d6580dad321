"""A crfsuite linear-chain CRF read into numpy arrays, tagging feature columns.

python-crfsuite wants one dict of features per token and turns each into ``"key:value"`` strings
before it scores them; for the attribution tagger, building those dicts and converting them cost
more than the Viterbi pass itself. :class:`LinearChain` scores the same model from feature
*columns* (one list of values per feature key, :class:`FeatureColumns`): each value is looked up
once per token, every neighbour offset reuses that lookup, and the scores are numpy gathers. The
values keep python-crfsuite's meaning, so both taggers give the same labels:

- a string value ``v`` under ``key`` is the attribute ``key:v`` with weight 1;
- a number or bool is the attribute ``key`` weighted by the value;
- a dict ``{sub: weight}`` is the attributes ``key:sub``, each with its weight;
- ``None`` is no attribute.

Neighbours' features are the attributes ``"{offset}:..."``, and a neighbour past either end of the
Doc is ``"{offset}:pad"``, as :mod:`newsprism.extract.quotes.attribution_features` writes
them. Weights come from the model file's feature table (exact doubles); attribute and label names
from crfsuite's dump of it.
"""

from __future__ import annotations

import os
import re
import struct
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy

Value = object
BIAS = "bias"
PAD = "pad"
_STATE, _TRANSITION = 0, 1
_FEATURE = struct.Struct("<IIId")
_FEATURE_CHUNK = struct.Struct("<4sII")
_HEADER = struct.Struct("<4sI4sIIIIIIIII")
# "  12: name" entries of the dump's LABELS and ATTRIBUTES sections. A name may hold newlines
# (the word feature of a whitespace token), so an entry runs up to the next numbered line.
_ENTRY = re.compile(r"^ *(\d+): (.*?)(?=\n *\d+: |\n}\n)", re.M | re.S)
_SECTION = re.compile(r"^(LABELS|ATTRIBUTES) = \{\n(.*?\n)\}\n", re.M | re.S)
_OFFSET = re.compile(r"-?\d+")


@dataclass(frozen=True)
class FeatureColumns:
    """Feature values of some of a Doc's tokens: ``values[key][p]`` belongs to the token
    ``positions[p]`` (positions ascending)."""

    positions: Sequence[int]
    values: Mapping[str, Sequence[Value]]


@dataclass(frozen=True)
class LinearChain:
    """A first-order CRF: per-label weights of each (offset, key, value) and label transitions."""

    labels: tuple[str, ...]
    transitions: numpy.ndarray  # (from label, to label)
    # key → value → row of that key's weight tables (row 0: a value the model never saw)
    vocabulary: Mapping[str, Mapping[str, int]]
    # (offset, key) → weights, one row per vocabulary entry (numeric keys: one row, the key's)
    weights: Mapping[tuple[int, str], numpy.ndarray]
    neighbour_keys: tuple[str, ...]
    offsets: tuple[int, ...]
    numeric: frozenset[str]  # keys whose attribute is the key alone, weighted by the value
    # added to every token's score of each label (None: the model as trained)
    label_bias: numpy.ndarray | None = None

    @property
    def window(self) -> int:
        return max((abs(offset) for offset in self.offsets), default=0)

    def tag(self, columns: FeatureColumns, wanted: Sequence[int], n_tokens: int) -> list[str]:
        """The best label sequence of the tokens ``wanted`` (ascending Doc indices, one chain),
        reading their features and their neighbours' from ``columns``; ``n_tokens`` is the
        Doc's length, past which neighbours are padding."""
        if not len(wanted):
            return []
        return [self.labels[i] for i in _viterbi(self.emissions(columns, wanted, n_tokens),
                                                 self.transitions)]

    def emissions(self, columns: FeatureColumns, wanted: Sequence[int],
                  n_tokens: int) -> numpy.ndarray:
        """Per wanted token, the summed weight of its attributes for each label."""
        token = numpy.asarray(wanted, dtype=numpy.intp)
        n_columns = len(columns.positions)
        # A neighbour past either end of the Doc reads the extra last entry: no attribute.
        position = numpy.full(n_tokens + 2 * self.window, n_columns, dtype=numpy.intp)
        position[numpy.asarray(columns.positions, dtype=numpy.intp) + self.window] = (
            numpy.arange(n_columns))
        scores = numpy.zeros((len(token), len(self.labels)))
        bias = self.weights.get((0, BIAS))
        if bias is not None:
            scores += bias[1]
        if self.label_bias is not None:
            scores += self.label_bias
        rows = {0: position[token + self.window]}
        for offset in self.offsets:
            neighbour = token + offset
            rows[offset] = position[neighbour + self.window]
            pad = self.weights.get((offset, PAD))
            if pad is not None:
                outside = (neighbour < 0) | (neighbour >= n_tokens)
                scores[outside] += pad[1]
        for key, values in columns.values.items():
            offsets = (0, *self.offsets) if key in self.neighbour_keys else (0,)
            tables = [(rows[offset], self.weights.get((offset, key))) for offset in offsets]
            tables = [(at, table) for at, table in tables if table is not None]
            if not tables:
                continue
            if key in self.numeric:
                numbers = numpy.zeros(n_columns + 1)
                numbers[:n_columns] = [0.0 if v is None else v for v in values]
                for at, table in tables:
                    scores += numbers[at, None] * table[1]
            elif isinstance(next((v for v in values if v is not None), None), dict):
                self._add_weighted(scores, self.vocabulary.get(key, {}), values, tables)
            else:
                lookup = self.vocabulary.get(key, {}).get
                ids = numpy.array([*map(lookup, values, repeat(0, len(values))), 0],
                                  dtype=numpy.intp)
                for at, table in tables:
                    scores += table[ids[at]]
        return scores

    @staticmethod
    def _add_weighted(scores: numpy.ndarray, vocabulary: Mapping[str, int],
                      values: Sequence[Value], tables: list[tuple[numpy.ndarray, numpy.ndarray]]
                      ) -> None:
        """``{sub: weight}`` values: one weight column per sub-key (there are few)."""
        by_sub: dict[str, numpy.ndarray] = {}
        for p, value in enumerate(values):
            for sub, weight in (value or {}).items():  # type: ignore[attr-defined]
                if sub not in by_sub:
                    by_sub[sub] = numpy.zeros(len(values) + 1)
                by_sub[sub][p] = weight
        for sub, weights in by_sub.items():
            row = vocabulary.get(sub, 0)
            if row:
                for at, table in tables:
                    scores += weights[at, None] * table[row]


def _viterbi(scores: numpy.ndarray, transitions: numpy.ndarray) -> list[int]:
    """crfsuite's Viterbi: ties go to the lowest label id."""
    n, n_labels = scores.shape
    back = numpy.empty((n, n_labels), dtype=numpy.intp)
    paths = numpy.empty((n_labels, n_labels))
    columns = numpy.arange(n_labels)
    best = scores[0].copy()
    for t in range(1, n):
        numpy.add(best[:, None], transitions, out=paths)
        previous = paths.argmax(axis=0)
        back[t] = previous
        best = paths[previous, columns] + scores[t]
    labels = [int(best.argmax())]
    for t in range(n - 1, 0, -1):
        labels.append(int(back[t, labels[-1]]))
    return labels[::-1]


def _names(dump: str) -> dict[str, dict[int, str]]:
    sections = {name: body for name, body in _SECTION.findall(dump)}
    return {name: {int(i): text for i, text in _ENTRY.findall(body + "}\n")}
            for name, body in sections.items()}


def _split(attribute: str, offsets: set[int]) -> tuple[int, str, str | None]:
    """``"-1:w:said"`` → ``(-1, "w", "said")``; ``"q"`` → ``(0, "q", None)``."""
    offset = 0
    first, sep, rest = attribute.partition(":")
    if sep and _OFFSET.fullmatch(first) and int(first) in offsets:
        offset, attribute = int(first), rest
    key, sep, value = attribute.partition(":")
    return offset, key, value if sep else None


def _dump_names(path: Path) -> dict[str, dict[int, str]]:
    """Label and attribute names by id, from crfsuite's dump of the model."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    handle, dump_path = tempfile.mkstemp(suffix=".dump")
    try:
        tagger.dump(dump_path)
        return _names(Path(dump_path).read_bytes().decode("utf-8"))
    finally:
        os.close(handle)
        os.unlink(dump_path)


def _features(path: Path) -> Iterator[tuple[int, int, int, float]]:
    """The model file's feature table: (kind, source, target, weight), weights as stored."""
    data = Path(path).read_bytes()
    start = _HEADER.unpack_from(data, 0)[7]
    chunk, _, count = _FEATURE_CHUNK.unpack_from(data, start)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: no feature table where the header points")
    start += _FEATURE_CHUNK.size
    yield from _FEATURE.iter_unpack(data[start : start + count * _FEATURE.size])


def read_crfsuite(path: Path, *, neighbour_keys: Sequence[str],
                  offsets: Sequence[int]) -> LinearChain:
    """A crfsuite model file as a :class:`LinearChain` whose attributes follow the conventions
    above, neighbours at ``offsets`` carrying the ``neighbour_keys``."""
    names = _dump_names(path)
    labels, attributes = names["LABELS"], names["ATTRIBUTES"]
    n_labels = len(labels)
    transitions = numpy.zeros((n_labels, n_labels))
    # (offset, key) -> value (None for a numeric key) -> weight per label
    state: dict[tuple[int, str], dict[str | None, numpy.ndarray]] = {}
    allowed = set(offsets)
    split = {i: _split(name, allowed) for i, name in attributes.items()}
    for kind, source, target, weight in _features(path):
        if kind == _TRANSITION:
            transitions[source, target] = weight
        elif kind == _STATE:
            offset, key, value = split[source]
            row = state.setdefault((offset, key), {}).setdefault(value, numpy.zeros(n_labels))
            row[target] = weight
    vocabulary: dict[str, dict[str, int]] = {}
    for (_, key), rows in state.items():
        entries = vocabulary.setdefault(key, {})
        for value in rows:
            if value is not None and value not in entries:
                entries[value] = len(entries) + 1
    weights: dict[tuple[int, str], numpy.ndarray] = {}
    for (offset, key), rows in state.items():
        numeric = rows.get(None)
        if numeric is not None:
            if len(rows) > 1:
                raise ValueError(f"{path}: feature {key!r} is both a number and a string")
            weights[offset, key] = numpy.stack([numpy.zeros(n_labels), numeric])
            continue
        table = numpy.zeros((len(vocabulary[key]) + 1, n_labels))
        for value, row in rows.items():
            table[vocabulary[key][value]] = row  # type: ignore[index]
        weights[offset, key] = table
    return LinearChain(
        labels=tuple(labels[i] for i in range(n_labels)),
        transitions=transitions,
        vocabulary=vocabulary,
        weights=weights,
        neighbour_keys=tuple(neighbour_keys),
        offsets=tuple(o for o in offsets if o),
        numeric=frozenset(key for (_, key), rows in state.items() if None in rows),
    )
