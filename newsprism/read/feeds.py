"""RSS and Atom feeds via feedparser: each entry is an article."""

from __future__ import annotations

import html
import re
from typing import Any

import feedparser

_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_INVISIBLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def html_to_text(markup: str) -> str:
    """Plain text of an entry's HTML summary or content, keeping paragraph breaks."""
    if "<" not in markup:
        return html.unescape(markup).strip()
    text = _BLOCK_END.sub("\n\n", _INVISIBLE.sub("", markup))
    text = html.unescape(_TAG.sub("", text))
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def parse_feed(data: bytes) -> list[tuple[str, dict[str, Any]]] | None:
    """``(text, metadata)`` per entry, or None when the bytes are not an RSS/Atom feed."""
    parsed = feedparser.parse(data)
    if not parsed.entries and not parsed.get("version"):
        return None
    # A damaged feed can give None where a string is expected: every field falls back to "".
    feed_title = parsed.feed.get("title") or ""
    feed_language = (parsed.feed.get("language") or "").split("-")[0].lower()
    articles: list[tuple[str, dict[str, Any]]] = []
    for entry in parsed.entries:
        contents = entry.get("content") or []
        body = max((c.get("value") or "" for c in contents), key=len, default="")
        summary = entry.get("summary") or ""
        text = html_to_text(body if len(body) >= len(summary) else summary)
        source = entry.get("source") or {}
        metadata: dict[str, Any] = {
            "title": html_to_text(entry.get("title") or ""),
            "url": entry.get("link") or "",
            "outlet": source.get("title") or feed_title,
            "published": entry.get("published_parsed") or entry.get("updated_parsed"),
            "language": feed_language,
        }
        articles.append((text, metadata))
    return articles
