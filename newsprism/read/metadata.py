"""Building a :class:`~newsprism.model.Document` from text plus whatever metadata came with it.

Metadata wins over inference: an outlet given by a header or a feed is kept; only when none is
given do we look for a dateline or an agency signature in the text. A publication date is taken
from metadata, else from a full date in the article's URL ("/2023/02/25/", "/2023-02-25-quake"),
which news sites write when they publish; else the extract stage infers one from the text, with
evidence.
"""

from __future__ import annotations

import logging
import re
import warnings
from datetime import date, datetime
from typing import Any

from newsprism.model import Document, Evidence, PublicationTime, document_id
from newsprism.read.language import choose_language
from newsprism.read.noise import is_machine_translated, translation_noise
from newsprism.read.sources import cited_sources, infer_outlet
from newsprism.read.text import clean_text, restore_sentence_spaces

logger = logging.getLogger(__name__)

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_HAS_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
# Metadata values longer than these are cut (a 5 MB "title" is a scraper's mistake, and a date
# string is never long: dateparser's time grows with its input).
MAX_METADATA_CHARS: dict[str, int] = {"title": 1000, "outlet": 200, "url": 2000, "language": 40}
MAX_DATE_CHARS = 100
# A full year-month-day in a URL's path; a compact "20230225" is left alone (ids look like it)
_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?!\d)"
)
URL_DATE_CONFIDENCE = 0.8  # firm: the site wrote it when it published (or last updated) the page


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
        try:
            return datetime(*value[:6]).isoformat()  # type: ignore[misc]
        except (TypeError, ValueError, OverflowError):
            return None
    text = str(value).strip()
    if len(text) > MAX_DATE_CHARS or not _HAS_YEAR.search(text):
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None:
        import dateparser

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                parsed = dateparser.parse(
                    text,
                    settings={
                        "REQUIRE_PARTS": ["day", "month", "year"],
                        "PREFER_DAY_OF_MONTH": "first",
                        "RETURN_AS_TIMEZONE_AWARE": False,
                    },
                )
            except (ValueError, OverflowError, TypeError, ArithmeticError):
                parsed = None  # dateparser on a hostile string: no date rather than no article
        if parsed is None:
            return None
    if _HAS_TIME.search(text):
        return parsed.isoformat()
    return parsed.date().isoformat()


def _field(metadata: dict[str, Any], name: str) -> str:
    value = clean_text(str(metadata.get(name) or "")).strip()
    return value[: MAX_METADATA_CHARS[name]]


def url_publication(url: str, today: date | None = None) -> PublicationTime | None:
    """The publication day a full date in the URL's path gives ("…/2023-02-25-earthquakes-…"),
    when it is a real day and not in the future; None otherwise. Its evidence names no span of
    the text (doc id ""): the URL is not in it."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.IGNORECASE)
    for match in _URL_DATE.finditer(path):
        try:
            day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
        if day > (today or date.today()):
            continue
        return PublicationTime(
            value=day.isoformat(), source="inferred", confidence=URL_DATE_CONFIDENCE,
            not_before=day.isoformat(), not_after=day.isoformat(),
            evidence=[Evidence("", 0, 0, match.group(0), "a full date in the article's URL")],
        )
    return None


def build_document(text: str, *, path: str, cut_from: int = 0, **metadata: Any) -> Document:
    """A Document from article text and optional metadata.

    Recognised metadata keys: ``title``, ``outlet``, ``url``, ``language``, ``published`` (or
    ``date``). Unknown keys are ignored. ``cut_from`` is the article's length before the reader
    cut it to the size limit (0: not cut).
    """
    text = restore_sentence_spaces(
        clean_text(text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    )
    outlet = _field(metadata, "outlet") or infer_outlet(text)
    doc_id = document_id(text, outlet)
    published_value = parse_date(metadata.get("published") or metadata.get("date"))
    if (metadata.get("published") or metadata.get("date")) and published_value is None:
        logger.info(
            "%s: ignoring a date it could not parse: %r",
            path,
            metadata.get("published") or metadata.get("date"),
        )
    url = _field(metadata, "url")
    if published_value:
        published = PublicationTime(value=published_value, source="metadata", confidence=1.0)
    else:
        published = url_publication(url) or PublicationTime(value=None)
    language = choose_language(_field(metadata, "language"), text)
    noise = translation_noise(text) if language == "en" else 0.0
    return Document(
        id=doc_id,
        text=text,
        title=_field(metadata, "title"),
        outlet=outlet,
        url=url,
        language=language,
        path=path,
        published=published,
        cited_sources=cited_sources(text, doc_id=doc_id),
        translation_noise=noise,
        machine_translated=is_machine_translated(noise),
        cut_from=cut_from,
    )
