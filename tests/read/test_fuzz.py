"""Property-based fuzzing of every reader (a short run; bench/robustness.py runs thousands).

The invariant (tests/fuzzing.py): reading a hostile input never raises, and it yields articles
within the size limit or problems with a true reason.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzzing import (
    any_input,
    big_feed,
    check_input,
    feed_file,
    html_file,
    json_value,
    jsonl_file,
    mixed_encoding_text,
    txt_file,
)

FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
FOLDER = Path(tempfile.mkdtemp(prefix="newsprism-fuzz-"))


@FUZZ
@given(any_input())
def test_fuzz_any_input_is_read_or_reported(item: tuple[str, bytes]) -> None:
    check_input(FOLDER, *item)


@FUZZ
@given(txt_file())
def test_fuzz_txt(data: bytes) -> None:
    check_input(FOLDER, ".txt", data)


@FUZZ
@given(html_file())
def test_fuzz_html(data: bytes) -> None:
    check_input(FOLDER, ".html", data)


@settings(FUZZ, max_examples=20)
@given(jsonl_file())
def test_fuzz_jsonl(data: bytes) -> None:
    check_input(FOLDER, ".jsonl", data)


@FUZZ
@given(json_value())
def test_fuzz_json(text: str) -> None:
    check_input(FOLDER, ".json", text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(feed_file())
def test_fuzz_feed(data: bytes) -> None:
    check_input(FOLDER, ".xml", data)


@FUZZ
@given(mixed_encoding_text())
def test_fuzz_sniffed_mixed_encodings(data: bytes) -> None:
    check_input(FOLDER, "", data)
    check_input(FOLDER, ".gz", gzip.compress(data))


def test_fuzz_feed_with_thousands_of_items() -> None:
    outcome = check_input(FOLDER, ".rss", big_feed(3000))
    assert (outcome.documents, outcome.problems) == (3000, 0)


def test_fuzz_gzip_bomb_is_bounded() -> None:
    bomb = gzip.compress(b"\0" * (80 * 1024 * 1024), compresslevel=9)
    outcome = check_input(FOLDER, ".gz", bomb)
    assert outcome.documents == 0


def test_fuzz_deep_json_nesting_has_its_reason() -> None:
    from newsprism.read.files import read_input

    path = FOLDER / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    [problem] = list(read_input(path))
    assert problem.reason == "JSON nested too deeply"


def test_fuzz_controls_and_bidi_are_removed_from_text_and_metadata() -> None:
    from newsprism.read import read_text

    document = read_text(
        "The dam\u202e failed\x00 on\x1b[31m Tuesday.\ud800", title="Dam\u2066 news\u2069"
    )
    assert document.text == "The dam failed on[31m Tuesday.\ufffd"
    assert document.title == "Dam news"


def test_fuzz_long_word_after_a_full_stop_is_linear() -> None:
    import time

    from newsprism.read import read_text

    started = time.process_time()
    read_text("The dam failed. " + "x" * 200_000)
    assert time.process_time() - started < 5  # was minutes: quadratic backtracking in noise.py


@pytest.mark.parametrize(
    ("suffix", "data", "reason"),
    [
        (".json", b"\n\xef\xbb\xbf", "empty file"),  # a BOM after a line break was read as nothing
        (".json", b"\n\xef\xbb\xbf\n\xef\xbb\xbf", "empty file"),
    ],
)
def test_fuzz_found_inputs_have_their_reason(suffix: str, data: bytes, reason: str) -> None:
    from newsprism.read.files import read_input

    path = FOLDER / f"found{suffix}"
    path.write_bytes(data)
    assert [p.reason for p in read_input(path)] == [reason]


def test_fuzz_feed_entry_without_summary_string() -> None:
    # One corrupt byte in a UTF-16 Atom feed's "</title>" makes feedparser give None for the
    # entry's title and summary; len(None) raised.
    from newsprism.read.feeds import parse_feed

    feed = (
        "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><entry><title>es"
        "</title><link href='https://x.example/1'/><updated>garbage</updated>"
        "<content type='html'><![CDATA[<p>x</p>]]></content></entry></feed>"
    ).encode("utf-16")
    at = feed.index("</title>".encode("utf-16-le")) + 4
    articles = parse_feed(feed[:at] + b"\xa3" + feed[at + 1 :])
    assert articles == [("", {**articles[0][1], "title": ""})]
