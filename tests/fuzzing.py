"""Hostile inputs for every reader, as hypothesis strategies, and the invariant they must keep.

Shared by the fuzz tests (``tests/read/test_fuzz.py``, a few examples each) and
``bench/robustness.py`` (thousands). Every generated input is a pair ``(suffix, bytes)``: the
file name's suffix picks the reader (``""`` means the content is sniffed), so one strategy
reaches txt, HTML, JSONL, JSON, RSS/Atom, ``.gz`` and sniffing alike.

The invariant (:func:`check_input`): reading never raises, and every input yields at least one
item, each either a Document (non-empty text within the size limit) or a ReadProblem with a
reason that says what is wrong (never the catch-all a reader bug would produce).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from newsprism.model import Document
from newsprism.read import MAX_ARTICLE_CHARS, ReadProblem
from newsprism.read.files import read_input

# Characters that break naive text handling: zero-width, bidi controls, NUL and other C0/C1
# controls, BOMs, surrogate-free astral characters, combining marks, line/paragraph separators.
NASTY_CHARS = (
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"  # bidi
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b"  # controls (NUL, ESC, CSI)
    "\u2028\u2029\r\n\t "  # separators
    "\u0301\u0489\U0001f4a5\U000e0041"  # combining, emoji, tag character
)
SCRIPTS = (
    "The dam failed on Tuesday, officials said. 12 people died. "
    "Плотина прорвалась во вторник, погибли 12 человек. "
    "Το φράγμα έσπασε την Τρίτη. انهار السد يوم الثلاثاء. 大坝周二决堤，12人死亡。"
)
SUFFIXES = (
    "",
    ".txt",
    ".md",
    ".html",
    ".htm",
    ".jsonl",
    ".ndjson",
    ".json",
    ".xml",
    ".rss",
    ".atom",
    ".bin",
    ".txt.gz",
    ".jsonl.gz",
    ".html.gz",
    ".xml.gz",
    ".gz",
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1251", "cp1252", "latin-1", "koi8-r")


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


words = st.text(alphabet=st.sampled_from(SCRIPTS + NASTY_CHARS), min_size=0, max_size=400)


@st.composite
def mixed_encoding_text(draw: st.DrawFn) -> bytes:
    """Segments of text, each in its own encoding, joined: what a bad concatenation produces."""
    parts = draw(st.lists(st.tuples(words, st.sampled_from(ENCODINGS)), min_size=1, max_size=4))
    return b"\n".join(_encode(text, encoding) for text, encoding in parts)


@st.composite
def article_text(draw: st.DrawFn) -> str:
    body = draw(words)
    long_word = "x" * draw(st.sampled_from((0, 0, 10_000, 100_000)))
    return body + " " + long_word if long_word else body


@st.composite
def txt_file(draw: st.DrawFn) -> bytes:
    header = draw(
        st.lists(
            st.tuples(st.sampled_from(("Title", "Outlet", "Date", "URL", "Language", "X")), words),
            max_size=4,
        )
    )
    lines = [f"{name}: {value}" for name, value in header]
    text = "\n".join(lines) + ("\n\n" if lines else "") + draw(article_text())
    return _encode(text, draw(st.sampled_from(ENCODINGS)))


@st.composite
def html_file(draw: st.DrawFn) -> bytes:
    depth = draw(st.sampled_from((0, 0, 1, 50, 300, 3000)))
    tag = draw(st.sampled_from(("div", "p", "b", "span", "table", "article")))
    title = draw(words)
    body = draw(article_text())
    charset = draw(st.sampled_from(("", "utf-8", "windows-1251", "latin-1", "bogus")))
    meta = f'<meta charset="{charset}">' if charset else ""
    page = (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>"
        + f"<{tag}>" * depth
        + f"<article><p>{body}</p><script>alert(1)</script></article>"
        + f"</{tag}>" * draw(st.sampled_from((0, depth)))
        + "</body></html>"
    )
    return _encode(page, draw(st.sampled_from(ENCODINGS)))


def _nested(depth: int, kind: str) -> str:
    if kind == "list":
        return "[" * depth + "1" + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


@st.composite
def json_value(draw: st.DrawFn) -> str:
    """One JSON value as text: an article object, a deep nest, a huge string, or junk."""
    kind = draw(st.sampled_from(("article", "deep", "deep_field", "huge", "scalar", "list")))
    if kind == "deep":
        depth = draw(st.sampled_from((10, 999, 5000, 100_000)))
        return _nested(depth, draw(st.sampled_from(("list", "dict"))))
    if kind == "deep_field":
        depth = draw(st.sampled_from((10, 999, 5000)))
        return '{"text": "The dam failed.", "title": ' + _nested(depth, "list") + "}"
    if kind == "huge":
        # Over the size limit is cut_cases()' job: each such input costs a second or so.
        size = draw(st.sampled_from((1000, 100_000)))
        return json.dumps({"text": "The dam failed. " * (size // 16 + 1), "title": "x" * 5000})
    if kind == "scalar":
        return draw(st.sampled_from(("1", '"text"', "null", "true", "1e999999", "-", "")))
    record = {
        draw(st.sampled_from(("text", "body", "content", "nope"))): draw(article_text()),
        "title": draw(st.one_of(words, st.integers(), st.none(), st.lists(st.integers()))),
        "published": draw(st.one_of(words, st.integers(), st.floats(allow_nan=True))),
        "source": draw(st.one_of(words, st.dictionaries(st.sampled_from(("name", "x")), words))),
        "language": draw(st.one_of(words, st.sampled_from(("ru", "en", "zz", "")))),
    }
    if kind == "list":
        return json.dumps([record, record, 1], ensure_ascii=draw(st.booleans()))
    return json.dumps(record, ensure_ascii=draw(st.booleans()))


@st.composite
def jsonl_file(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(json_value(), min_size=1, max_size=4))
    text = "\n".join(line.replace("\n", " ") for line in lines)
    return _encode(text, draw(st.sampled_from(("utf-8", "utf-8", "utf-8-sig", "cp1251", "utf-16"))))


@st.composite
def feed_file(draw: st.DrawFn) -> bytes:
    items = draw(st.sampled_from((0, 1, 3, 50)))
    atom = draw(st.booleans())
    title = draw(words).replace("<", "").replace("&", "")
    body = draw(words)
    date = draw(st.sampled_from(("Tue, 03 Mar 2026 09:30:00 GMT", "garbage", "9999-99-99", "")))
    link = draw(st.sampled_from(("https://x.example/1", "javascript:alert(1)", "")))
    if atom:
        entry = (
            f"<entry><title>{title}</title><link href='{link}'/><updated>{date}</updated>"
            f"<content type='html'><![CDATA[<p>{body}</p>]]></content></entry>"
        )
        text = "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>" + entry * items
        text += "</feed>"
    else:
        entry = (
            f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
            f"<description><![CDATA[{body}]]></description></item>"
        )
        text = "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
        text += entry * items + "</channel></rss>"
    return _encode(text, draw(st.sampled_from(("utf-8", "utf-8", "cp1251", "utf-16"))))


def cut_cases() -> list[tuple[str, bytes]]:
    """Articles over the size limit in every format (they must be stored cut, not dropped)."""
    sentence = "The water rose again near the dam, officials said. "
    text = sentence * (MAX_ARTICLE_CHARS // len(sentence) + 20)
    record = json.dumps({"text": text, "title": "Long"})
    return [
        (".txt", text.encode()),
        (".jsonl", record.encode()),
        (".json", record.encode()),
        (".html", f"<html><body><article><p>{text}</p></article></body></html>".encode()),
        (".txt.gz", gzip.compress(("x" * (MAX_ARTICLE_CHARS + 5)).encode(), compresslevel=1)),
    ]


def big_feed(items: int) -> bytes:
    """A well-formed RSS feed with ``items`` distinct entries (for the thousands-of-items case)."""
    entries = "".join(
        f"<item><title>Report {i}</title><link>https://x.example/{i}</link>"
        f"<description>Rescuers found {i} people near the dam on Tuesday.</description></item>"
        for i in range(items)
    )
    return f"<rss version='2.0'><channel><title>Wire</title>{entries}</channel></rss>".encode()


@st.composite
def structured_file(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(("txt", "html", "jsonl", "json", "feed")))
    if kind == "txt":
        data, suffix = draw(txt_file()), draw(st.sampled_from((".txt", "")))
    elif kind == "html":
        data, suffix = draw(html_file()), draw(st.sampled_from((".html", "")))
    elif kind == "jsonl":
        data, suffix = draw(jsonl_file()), draw(st.sampled_from((".jsonl", ".json", "")))
    elif kind == "json":
        data, suffix = _encode(draw(json_value()), "utf-8"), draw(st.sampled_from((".json", "")))
    else:
        data, suffix = draw(feed_file()), draw(st.sampled_from((".xml", ".rss", ".atom", "")))
    return suffix, data


@st.composite
def any_input(draw: st.DrawFn) -> tuple[str, bytes]:
    """Any hostile input: random bytes, mixed encodings, or a well-formed file of any format
    that may then be truncated, corrupted at one byte, or gzipped (whole or truncated)."""
    source = draw(st.sampled_from(("bytes", "mixed", "structured", "structured", "structured")))
    if source == "bytes":
        return draw(st.sampled_from(SUFFIXES)), draw(st.binary(max_size=2048))
    if source == "mixed":
        return draw(st.sampled_from(SUFFIXES)), draw(mixed_encoding_text())
    suffix, data = draw(structured_file())
    damage = draw(st.sampled_from(("none", "none", "truncate", "flip", "gzip", "gzip_truncated")))
    if damage == "truncate" and data:
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    elif damage.startswith("gzip"):
        data = gzip.compress(data, compresslevel=1)
        if damage == "gzip_truncated":
            data = data[: draw(st.integers(0, len(data)))]
        suffix = draw(st.sampled_from((suffix + ".gz", ".gz", suffix)))
    return suffix, data


@dataclass
class Outcome:
    documents: int = 0
    problems: int = 0


def check_input(folder: Path, suffix: str, data: bytes, name: str = "input") -> Outcome:
    """Read one generated input through its file reader and check the invariant."""
    path = folder / f"{name}{suffix}"
    path.write_bytes(data)
    try:
        items = list(read_input(path))
    finally:
        path.unlink()
    return check_items(items, str(path))


def check_items(items: list[Document | ReadProblem], where: str) -> Outcome:
    outcome = Outcome()
    assert items, f"{where}: neither an article nor a reason"
    for item in items:
        if isinstance(item, ReadProblem):
            assert item.reason.strip(), f"{where}: a problem without a reason"
            assert not item.reason.startswith("could not be read"), item
            outcome.problems += 1
        else:
            assert isinstance(item, Document)
            assert item.text.strip(), f"{where}: an empty document"
            assert len(item.text) <= MAX_ARTICLE_CHARS, f"{where}: {len(item.text)} characters"
            outcome.documents += 1
    return outcome
