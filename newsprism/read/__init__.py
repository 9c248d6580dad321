"""The read stage: files, folders, globs, stdin → :class:`~newsprism.model.Document` objects.

Formats: ``.txt`` (optional ``Title:``/``Outlet:``/``Date:``/``URL:``/``Language:`` header
lines before a blank line), ``.html`` (main text via trafilatura), ``.jsonl`` (one article per
line), ``.xml``/``.rss``/``.atom`` feeds, any of these gzipped, ``.parquet`` (one article per
row, the JSONL columns), and unknown suffixes by sniffing the content. Inputs that are not
articles are reported as :class:`ReadProblem` through ``on_problem`` and skipped;
:func:`read_paths` never raises for a bad file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from newsprism.errors import UnreadableInput
from newsprism.model import Document
from newsprism.read.files import (
    MAX_ARTICLE_CHARS,
    MAX_FILE_BYTES,
    cut_article,
    expand_inputs,
    read_input,
)
from newsprism.read.metadata import build_document
from newsprism.read.problem import ReadProblem
from newsprism.read.text import clean_text

__all__ = [
    "MAX_ARTICLE_CHARS",
    "MAX_FILE_BYTES",
    "ReadProblem",
    "read_paths",
    "read_text",
]

logger = logging.getLogger(__name__)


def read_paths(
    paths: Sequence[str | Path],
    *,
    on_problem: Callable[[ReadProblem], None] | None = None,
) -> Iterator[Document]:
    """Stream the articles found in ``paths`` (files, folders, globs, ``"-"`` for stdin).

    Example::

        problems = []
        for document in read_paths(["reports/", "extra/*.html"], on_problem=problems.append):
            ...

    Without ``on_problem``, problems are logged as warnings on the ``newsprism`` logger.
    """
    report = on_problem or _log_problem
    for item in expand_inputs(paths):
        if isinstance(item, ReadProblem):
            report(item)
            continue
        try:
            for result in read_input(item):
                if isinstance(result, ReadProblem):
                    report(result)
                else:
                    yield result
        except Exception as error:  # a reader bug must not stop the run over other files
            logger.exception("unexpected error while reading %s", item)
            report(ReadProblem(str(item), f"could not be read ({type(error).__name__})"))


def read_text(text: str, *, path: str = "<text>", **metadata: Any) -> Document:
    """One Document from a string (tests, notebooks, library users).

    ``metadata`` may carry ``title``, ``outlet``, ``url``, ``published`` (or ``date``) and
    ``language``. Raises :class:`~newsprism.errors.UnreadableInput` for empty text; a text over
    ``MAX_ARTICLE_CHARS`` is cut at a sentence end and flagged (``Document.cut_from``).
    """
    stripped = clean_text(text).strip()
    if not stripped:
        raise UnreadableInput(path, "empty article")
    if len(stripped) > MAX_ARTICLE_CHARS:
        return build_document(
            cut_article(stripped), path=path, cut_from=len(stripped), **metadata
        )
    return build_document(stripped, path=path, **metadata)


def _log_problem(problem: ReadProblem) -> None:
    logger.warning("skipped %s", problem)
