"""Main text and metadata of an HTML page, via trafilatura.

trafilatura drops boilerplate (menus, comments, related links); on very short pages it can
drop the article too, so when it finds nothing we fall back to its ``baseline`` extractor, which
keeps the page's paragraphs.
"""

from __future__ import annotations

import logging
from typing import Any

import trafilatura

logger = logging.getLogger(__name__)

# Extraction output shorter than this is treated as "nothing found" and the baseline is tried.
MIN_MAIN_TEXT_CHARS = 40


def extract_html(html: str) -> tuple[str, dict[str, Any]]:
    """``(text, metadata)`` of a page; text is "" when the page holds no article text.

    Metadata keys follow :func:`newsprism.read.metadata.build_document`: ``title``,
    ``published`` (trafilatura's date), ``outlet`` (the site name), ``url``, ``language``.
    """
    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as error:  # trafilatura/lxml can raise on pathological markup
        logger.debug("trafilatura failed: %s", error)
        result = None
    text = ""
    metadata: dict[str, Any] = {}
    if result is not None:
        text = (result.text or "").strip()
        metadata = {
            "title": result.title or "",
            "published": result.date or "",
            "outlet": result.sitename or "",
            "url": result.url or "",
            "language": result.language or "",
        }
    if len(text) < MIN_MAIN_TEXT_CHARS:
        try:
            _tree, baseline_text, _length = trafilatura.baseline(html)
        except Exception as error:
            logger.debug("trafilatura baseline failed: %s", error)
            baseline_text = ""
        if len(baseline_text.strip()) > len(text):
            text = baseline_text.strip()
    return _drop_leading_title(text, metadata.get("title", "")), metadata


def extract_main_text(html: str) -> str:
    """Only the body text (what the HTML-extraction benchmark scores)."""
    return extract_html(html)[0]


def _drop_leading_title(text: str, title: str) -> str:
    """trafilatura may repeat the headline as the first line; the title is kept separately."""
    if title and text.startswith(title):
        rest = text[len(title) :]
        if rest.startswith("\n"):
            return rest.lstrip("\n")
    return text
