"""Decoding bytes carefully and splitting .txt headers."""

from __future__ import annotations

import pytest

from newsprism.read import read_text
from newsprism.read.text import decode, looks_binary, restore_sentence_spaces, split_header

RUSSIAN = "Плотина прорвалась во вторник, погибли 12 человек, сообщил минздрав республики."
ENGLISH = "The mayor said \u201cthe water came at night\u201d and that 3,000 people had left."


def test_decode_utf8_and_bom() -> None:
    assert decode(RUSSIAN.encode("utf-8")) == RUSSIAN
    assert decode(b"\xef\xbb\xbf" + RUSSIAN.encode("utf-8")) == RUSSIAN
    assert decode(RUSSIAN.encode("utf-16")) == RUSSIAN


def test_decode_cp1251_without_declaration() -> None:
    assert decode(RUSSIAN.encode("cp1251")) == RUSSIAN


def test_decode_cp1252_smart_quotes_are_not_taken_for_cp1251() -> None:
    assert decode(ENGLISH.encode("cp1252")) == ENGLISH


def test_decode_declared_charset_wins() -> None:
    page = b'<html><head><meta charset="koi8-r"></head><body>' + RUSSIAN.encode("koi8-r")
    assert RUSSIAN in (decode(page) or "")


def test_decode_utf8_with_one_corrupt_byte_stays_utf8() -> None:
    data = RUSSIAN.encode("utf-8") * 3
    corrupt = data[:40] + b"\xff" + data[40:]
    text = decode(corrupt)
    assert text is not None and "\ufffd" in text and "Плотина" in text


def test_decode_rejects_control_garbage() -> None:
    assert decode(bytes(range(128, 160)) * 10) is None


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"%PDF-1.7\n...", True),
        (b"PK\x03\x04zipdata", True),
        (b"plain words", False),
        ("utf-16 text".encode("utf-16"), False),
    ],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


def test_split_header_drops_unknown_fields_beside_known_ones() -> None:
    fields, body = split_header("Title: Dam fails\nAuthor: D. Holm\nDate: 2026-03-03\n\nBody.")
    assert fields == {"title": "Dam fails", "published": "2026-03-03"}
    assert body == "Body."


def test_split_header_crlf() -> None:
    fields, body = split_header("Outlet: Kestrel News\r\n\r\nBody text.")
    assert fields == {"outlet": "Kestrel News"}
    assert body.strip() == "Body text."


def test_split_header_needs_a_known_field() -> None:
    text = "Warning: the dam may fail again.\n\nBody."
    assert split_header(text) == ({}, text)


# "|" marks where a space is restored; a text without one stays as written.
@pytest.mark.parametrize(
    "marked",
    [
        "В городе погибли 40 человек.| Спасатели работают.",
        "Погибли 1250 человек.| 6 февраля произошло землетрясение.",
        "The toll rose again.| Rescuers kept digging.",
        "The toll rose to 12.Rescuers kept digging.",
        "Он живёт в г.Москва, ул.Ленина.",
        "Погибли 1.250 человек, сообщил сайт news.example.com.",
        "U.S.Army and www.site.Com stay as written.",
    ],
)
def test_restore_sentence_spaces_after_a_glued_full_stop(marked: str) -> None:
    glued = marked.replace("| ", "")
    assert restore_sentence_spaces(glued) == marked.replace("|", "")


def test_a_glued_full_stop_ends_a_sentence_in_the_read_document() -> None:
    document = read_text("Погибли 40 человек.Спасатели работают.", language="ru")
    assert document.text == "Погибли 40 человек. Спасатели работают."
