"""Finding inputs (files, folders, globs, stdin) and dispatching each to the right reader.

Every failure becomes a :class:`ReadProblem` yielded in the stream; nothing here raises for a
bad file, so one broken input never stops a run over thousands.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from newsprism.model import Document
from newsprism.read.feeds import parse_feed
from newsprism.read.html import extract_html
from newsprism.read.jsonl import LineProblem, iter_lines, parse_record
from newsprism.read.metadata import build_document
from newsprism.read.parquet import PARQUET_SUFFIXES, read_parquet
from newsprism.read.problem import ReadProblem
from newsprism.read.text import clean_text, decode, looks_binary, split_header

# A single article longer than this is almost certainly not an article (a dump, a book, a log);
# the cap also bounds the work the extract stage does on one input.
MAX_ARTICLE_CHARS = 2_000_000
# Whole-file cap for formats read in one piece (text, HTML, feeds), after decompression; JSONL
# is streamed line by line and has no whole-file cap, only the per-article one.
MAX_FILE_BYTES = 64 * 1024 * 1024
# One JSONL line is read with a bounded readline: a line longer than this (room for an article at
# MAX_ARTICLE_CHARS written with 4-byte characters or escapes, plus metadata) is skipped without
# ever being held whole in memory.
MAX_LINE_BYTES = 16 * 1024 * 1024
# Gzip inside gzip is unpacked this many times at most (each layer's output is capped too).
MAX_GZIP_LAYERS = 3
# An over-long article is cut at the last sentence end (or paragraph break) at most this many
# characters before the limit; with none there, at the last space, else at the limit itself.
CUT_SEARCH_CHARS = 20_000
_SENTENCE_END = re.compile(r"(?:[.!?…。！？][\"'”’»)\]]*|\n)\s")

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
_GLOB_CHARS = frozenset("*?[")
# Documentation files that sit beside articles in a corpus folder (a corpus README describing
# the articles) are skipped when a folder is expanded; naming one explicitly still reads it.
FOLDER_SKIP_STEMS = frozenset({"readme", "license", "licence", "changelog", "notice"})

Item = Document | ReadProblem


def expand_inputs(paths: Sequence[str | Path]) -> Iterator[Path | str | ReadProblem]:
    """Files in the order given; folders recursively (sorted; hidden entries and README/LICENSE
    files skipped); globs."""
    for raw in paths:
        name = str(raw)
        if name == "-":
            yield "-"
            continue
        path = Path(name).expanduser()
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                hidden = any(part.startswith(".") for part in relative)
                documentation = child.name.split(".")[0].lower() in FOLDER_SKIP_STEMS
                if child.is_file() and not hidden and not documentation:
                    yield child
        elif path.is_file():
            yield path
        elif _GLOB_CHARS & set(name):
            matches = sorted(glob.glob(str(path), recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            if not files:
                yield ReadProblem(name, "no file matches this pattern")
            yield from files
        else:
            yield ReadProblem(name, "no such file or folder")


def read_input(item: Path | str) -> Iterator[Item]:
    """Documents (or problems) from one file, or from stdin when ``item`` is ``"-"``."""
    if item == "-":
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        yield from read_bytes(data, path="<stdin>", suffix="")
        return
    path = Path(item)
    suffixes = [s.lower() for s in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    suffix = (suffixes[-2] if len(suffixes) > 1 else "") if compressed else path.suffix.lower()
    name = str(path)
    try:
        if suffix in PARQUET_SUFFIXES and not compressed:  # streamed by row groups
            yield from read_parquet(path, _from_record)
            return
        if suffix in JSONL_SUFFIXES and suffix != ".json":
            yield from _read_jsonl_file(path, name, compressed)
            return
        with _open(path, compressed) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        reason = "not a valid gzip file" if compressed else f"cannot be read ({error.strerror})"
        yield ReadProblem(name, reason)
        return
    yield from read_bytes(data, path=name, suffix=suffix)


def read_bytes(
    data: bytes, *, path: str, suffix: str = "", _layers: int = 0
) -> Iterator[Item]:
    """Documents from the bytes of one input; ``suffix`` (".txt", ".html", ...) picks the reader,
    and an empty or unknown suffix means the content is sniffed."""
    if len(data) > MAX_FILE_BYTES:
        yield ReadProblem(path, f"file larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        return
    if not data.strip():
        yield ReadProblem(path, "empty file")
        return
    if data[:2] == b"\x1f\x8b":
        if _layers >= MAX_GZIP_LAYERS:
            yield ReadProblem(path, f"gzip nested more than {MAX_GZIP_LAYERS} times")
            return
        try:
            # Bounded: a small gzip of zeros must not unpack gigabytes into memory.
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
                data = unpacked.read(MAX_FILE_BYTES + 1)
        except (OSError, EOFError, zlib.error):
            yield ReadProblem(path, "not a valid gzip file")
            return
        yield from read_bytes(data, path=path, suffix=suffix, _layers=_layers + 1)
        return
    if looks_binary(data):
        yield ReadProblem(path, "binary file")
        return
    text = decode(data)
    if text is None:
        yield ReadProblem(path, "not UTF-8 text and no declared encoding worked")
        return
    if not text.strip("\ufeff \t\r\n\x00"):
        yield ReadProblem(path, "empty file")
        return
    kind = _kind(suffix) or sniff(text)
    if kind == "html":
        body, metadata = extract_html(text)
        if not body.strip():
            yield ReadProblem(path, "no article text found in the HTML")
            return
        yield _document(body, path, metadata)
    elif kind == "feed":
        articles = parse_feed(data)
        if articles is None:
            yield ReadProblem(path, "not an RSS/Atom feed")
            return
        if not articles:
            yield ReadProblem(path, "feed has no entries")
        for number, (body, metadata) in enumerate(articles, start=1):
            yield _document(body, f"{path}#{number}", metadata)
    elif kind == "json":
        yield from _read_json_text(text, path)
    else:
        metadata, body = split_header(text)
        yield _document(body, path, metadata)


def sniff(text: str) -> str:
    """Guess the format of an input with no telling suffix: html, feed, json or text."""
    head = text.lstrip("\ufeff \t\r\n")[:2048].lower()
    if head.startswith(("{", "[")):
        return "json"
    if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
        return "feed"
    if head.startswith("<?xml"):
        return "html" if "<html" in head else "feed"
    if head.startswith(("<!doctype html", "<html", "<head", "<body", "<div", "<p>", "<article")):
        return "html"
    return "text"


def _kind(suffix: str) -> str | None:
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "json"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return None


def _open(path: Path, compressed: bool) -> io.BufferedIOBase:
    if compressed:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _document(text: str, path: str, metadata: dict[str, Any]) -> Item:
    text = clean_text(text).strip()
    if not text:
        return ReadProblem(path, "empty article")
    if len(text) > MAX_ARTICLE_CHARS:
        # Kept, not dropped: cut at a sentence end and flagged (Document.cut_from), and the
        # analyze summary lists it.
        return build_document(cut_article(text), path=path, cut_from=len(text), **metadata)
    return build_document(text, path=path, **metadata)


def cut_article(text: str, limit: int = MAX_ARTICLE_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters at the last sentence end or paragraph break
    before the limit (else the last space, else the limit itself)."""
    if len(text) <= limit:
        return text
    window_start = max(0, limit - CUT_SEARCH_CHARS)
    window = text[window_start : limit + 1]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends:
        return text[: window_start + ends[-1]].rstrip()
    space = window.rfind(" ")
    if space > 0:
        return text[: window_start + space].rstrip()
    return text[:limit]


def bounded_lines(raw: io.BufferedIOBase, limit: int | None = None) -> Iterator[bytes | None]:
    """The lines of a binary stream, each read with a bounded ``readline``; a line longer than
    ``limit`` bytes (default ``MAX_LINE_BYTES``) is consumed in pieces and given as ``None``,
    never held whole in memory."""
    limit = MAX_LINE_BYTES if limit is None else limit
    while line := raw.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := raw.readline(1024 * 1024)) and not rest.endswith(b"\n"):
            pass
        yield None


def _read_jsonl_file(path: Path, name: str, compressed: bool) -> Iterator[Item]:
    """Stream a JSONL file: memory stays bounded whatever the number of articles."""
    with _open(path, compressed) as raw:
        head = raw.peek(8192)[:8192] if hasattr(raw, "peek") else b""
        if looks_binary(head):
            yield ReadProblem(name, "binary file")
            return
        too_long = LineProblem(f"line longer than {MAX_LINE_BYTES:,} bytes, not read")
        # Strict UTF-8 first, as JSON Lines requires.
        lines = (too_long if line is None else decode(line) for line in bounded_lines(raw))
        seen_any = False
        for number, parsed in iter_lines(lines):
            seen_any = True
            yield _from_record(parsed, f"{name}:{number}")
        if not seen_any:
            yield ReadProblem(name, "empty file")


def _from_record(parsed: tuple[str, dict[str, Any]] | str, path: str) -> Item:
    if isinstance(parsed, str):
        return ReadProblem(path, parsed)
    body, metadata = parsed
    return _document(body, path, metadata)


def _read_json_text(text: str, path: str) -> Iterator[Item]:
    """A ``.json`` file: one article object, a list of them, or JSON Lines after all."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        found = False
        for number, parsed in iter_lines(text.splitlines()):
            found = True
            yield _from_record(parsed, f"{path}:{number}")
        if not found:
            yield ReadProblem(path, "no JSON value in the file")
        return
    except RecursionError:
        yield ReadProblem(path, "JSON nested too deeply")
        return
    if isinstance(value, list):
        for number, record in enumerate(value, start=1):
            yield _from_record(parse_record(record), f"{path}:{number}")
    else:
        yield _from_record(parse_record(value), path)
