"""Building a :class:`~newsprism.model.Document` from text plus whatever metadata came with it.

Metadata wins over inference: an outlet given by a header or a feed is kept; only when none is
given do we look for a dateline or an agency signature in the text. A publication date is taken
only from metadata here (the extract stage infers one from the text, with evidence).
"""

from __future__ import annotations

import logging
import re
import warnings
from datetime import date, datetime
from typing import Any

from newsprism.model import Document, PublicationTime, document_id
from newsprism.read.language import choose_language
from newsprism.read.noise import is_machine_translated, translation_noise
from newsprism.read.sources import cited_sources, infer_outlet

logger = logging.getLogger(__name__)

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_HAS_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def parse_date(value: Any) -> str | None:
    """An ISO date (or datetime, when a time of day is given) from a metadata value, or None.

    Accepts ISO strings, RFC 822 feed dates, "7 January 2022", "Jan 7, 2022 14:05", datetime
    objects and ``time.struct_time``. A value without a year is rejected: a year is never guessed
    from today's clock.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "tm_year"):  # time.struct_time from feedparser
        return datetime(*value[:6]).isoformat()  # type: ignore[misc]
    text = str(value).strip()
    if not _HAS_YEAR.search(text):
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None:
        import dateparser

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = dateparser.parse(
                text,
                settings={
                    "REQUIRE_PARTS": ["day", "month", "year"],
                    "PREFER_DAY_OF_MONTH": "first",
                    "RETURN_AS_TIMEZONE_AWARE": False,
                },
            )
        if parsed is None:
            return None
    if _HAS_TIME.search(text):
        return parsed.isoformat()
    return parsed.date().isoformat()


def build_document(text: str, *, path: str, **metadata: Any) -> Document:
    """A Document from article text and optional metadata.

    Recognised metadata keys: ``title``, ``outlet``, ``url``, ``language``, ``published`` (or
    ``date``). Unknown keys are ignored.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    outlet = str(metadata.get("outlet") or "").strip() or infer_outlet(text)
    doc_id = document_id(text, outlet)
    published_value = parse_date(metadata.get("published") or metadata.get("date"))
    if (metadata.get("published") or metadata.get("date")) and published_value is None:
        logger.info(
            "%s: ignoring a date it could not parse: %r",
            path,
            metadata.get("published") or metadata.get("date"),
        )
    published = (
        PublicationTime(value=published_value, source="metadata", confidence=1.0)
        if published_value
        else PublicationTime(value=None)
    )
    language = choose_language(str(metadata.get("language") or ""), text)
    noise = translation_noise(text) if language == "en" else 0.0
    return Document(
        id=doc_id,
        text=text,
        title=str(metadata.get("title") or "").strip(),
        outlet=outlet,
        url=str(metadata.get("url") or "").strip(),
        language=language,
        path=path,
        published=published,
        cited_sources=cited_sources(text, doc_id=doc_id),
        translation_noise=noise,
        machine_translated=is_machine_translated(noise),
    )
