"""read_paths over every supported format, and the problems reported for bad inputs."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from newsprism.model import document_id
from newsprism.read import MAX_ARTICLE_CHARS, ReadProblem, read_paths, read_text

ARTICLE = (
    "Floodwater from the failed Orlen dam reached the outskirts of Castrava on Tuesday, and the "
    "regional health ministry said 12 people had died. Rescue teams evacuated two villages "
    "overnight, the civil defence service said."
)
HTML_PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Dam waters reach Castrava</title>
<meta property="og:site_name" content="Varnia Daily Courier">
<meta name="date" content="2026-03-03">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Dam waters reach Castrava</h1><p>{ARTICLE}</p>
<p>Officials said the water level was falling slowly on Wednesday morning.</p></article>
<footer>Copyright Varnia Daily Courier</footer></body></html>"""
NOT_TEXT = "not UTF-8 text and no declared encoding worked"
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Kestrel Wire</title><language>en-gb</language>
<item><title>Dam breach: 12 dead</title><link>https://kestrel.example/1</link>
<pubDate>Tue, 03 Mar 2026 09:30:00 GMT</pubDate>
<description>&lt;p&gt;Twelve people died after the Orlen dam failed, officials said.&lt;/p&gt;
</description></item>
<item><title>Second entry</title><link>https://kestrel.example/2</link>
<description>Rescue teams reached the flooded villages near Castrava on Wednesday.</description>
</item></channel></rss>"""


def read_all(*paths: str | Path) -> tuple[list, list[ReadProblem]]:
    problems: list[ReadProblem] = []
    documents = list(read_paths([str(p) for p in paths], on_problem=problems.append))
    return documents, problems


def test_read_text_header_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "Title: Dam fails\nOutlet: Varnia Daily Courier\nDate: 2026-03-03\n"
        "URL: https://courier.example/dam\nLanguage: en\n\n" + ARTICLE,
        encoding="utf-8",
    )
    [doc], problems = read_all(path)
    assert problems == []
    assert doc.title == "Dam fails"
    assert doc.outlet == "Varnia Daily Courier"
    assert doc.url == "https://courier.example/dam"
    assert doc.published.value == "2026-03-03"
    assert doc.published.source == "metadata"
    assert doc.published.confidence == 1.0
    assert doc.text == ARTICLE
    assert doc.id == document_id(ARTICLE, "Varnia Daily Courier")
    assert doc.path == str(path)
    assert doc.language == "en"


def test_read_text_without_header_keeps_first_line(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text("Warning: the dam may fail again.\n\n" + ARTICLE, encoding="utf-8")
    [doc], _ = read_all(path)
    assert doc.text.startswith("Warning: the dam may fail again.")
    assert doc.published.value is None
    assert doc.published.source == "unknown"


def test_read_text_unparseable_date_is_not_invented(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text("Date: Tuesday morning\n\n" + ARTICLE, encoding="utf-8")
    [doc], _ = read_all(path)
    assert doc.published.value is None


def test_read_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    [doc], problems = read_all(path)
    assert problems == []
    assert "Floodwater from the failed Orlen dam" in doc.text
    assert "Home" not in doc.text
    assert doc.title == "Dam waters reach Castrava"
    assert doc.outlet == "Varnia Daily Courier"
    assert doc.published.value == "2026-03-03"


def test_read_jsonl_bad_line_is_reported_and_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "text": ARTICLE,
                "title": "One",
                "outlet": "Kestrel Wire",
                "published": "2026-03-05T10:00:00",
            }
        ),
        "{not json",
        json.dumps({"title": "no text here"}),
        "",
        json.dumps(
            {"text": "Rescuers found two more survivors near Castrava.", "date": "2026-03-06"}
        ),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents, problems = read_all(path)
    assert [d.path for d in documents] == [f"{path}:1", f"{path}:5"]
    assert documents[0].published.value == "2026-03-05T10:00:00"
    assert documents[0].outlet == "Kestrel Wire"
    assert documents[1].published.value == "2026-03-06"
    assert [p.path for p in problems] == [f"{path}:2", f"{path}:3"]
    assert "not valid JSON" in problems[0].reason
    assert "text" in problems[1].reason


def test_read_feed_entries(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(FEED, encoding="utf-8")
    documents, problems = read_all(path)
    assert problems == []
    assert len(documents) == 2
    first = documents[0]
    assert first.text == "Twelve people died after the Orlen dam failed, officials said."
    assert first.title == "Dam breach: 12 dead"
    assert first.outlet == "Kestrel Wire"
    assert first.url == "https://kestrel.example/1"
    assert first.published.value == "2026-03-03T09:30:00"
    assert first.path == f"{path}#1"
    assert documents[1].published.value is None


def test_read_gzip_of_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(("Outlet: Kestrel Wire\n\n" + ARTICLE).encode()))
    [doc], _ = read_all(path)
    assert doc.outlet == "Kestrel Wire"
    assert doc.text == ARTICLE


def test_read_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.dat").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "feed.bin").write_text(FEED, encoding="utf-8")
    (tmp_path / "plain").write_text(ARTICLE, encoding="utf-8")
    documents, problems = read_all(tmp_path / "page.dat", tmp_path / "feed.bin", tmp_path / "plain")
    assert problems == []
    assert len(documents) == 4
    assert "Floodwater" in documents[0].text


def test_read_folder_recursive_and_glob(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Rescuers reached Castrava on Wednesday.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About these articles", encoding="utf-8")
    documents, _ = read_all(tmp_path)
    assert len(documents) == 2
    documents, _ = read_all(str(tmp_path / "**" / "*.txt"))
    assert len(documents) == 2
    documents, problems = read_all(str(tmp_path / "*.nothing"))
    assert documents == [] and problems[0].reason == "no file matches this pattern"


def test_read_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(("Title: From stdin\n\n" + ARTICLE).encode()))
    monkeypatch.setattr(sys, "stdin", fake)
    [doc], _ = read_all("-")
    assert doc.title == "From stdin"
    assert doc.path == "<stdin>"


def test_read_cp1251_and_latin1_are_decoded(tmp_path: Path) -> None:
    russian = "Плотина на реке Орлен прорвалась во вторник, погибли 12 человек, сообщил минздрав."
    (tmp_path / "ru.txt").write_bytes(russian.encode("cp1251"))
    french = (
        "Le barrage a cédé mardi près de Castrava ; douze personnes sont mortes, "
        "a déclaré le ministère."
    )
    (tmp_path / "fr.txt").write_bytes(french.encode("latin-1"))
    documents, problems = read_all(tmp_path / "ru.txt", tmp_path / "fr.txt")
    assert problems == []
    assert documents[0].text == russian
    assert documents[0].language == "ru"
    assert documents[1].text == french
    assert documents[1].language == "fr"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "empty file"),
        ("header-only.txt", b"Title: Nothing here\n\n   \n", "empty article"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("nul.txt", b"some text\x00\x01\x02 more", "binary file"),
        (
            "garbage.txt",
            bytes(range(128, 160)) * 20,
            "not UTF-8 text and no declared encoding worked",
        ),
        ("broken.html", b"<html><body><div><p></div></body>", "no article text found in the HTML"),
        (
            "notfeed.xml",
            b"<?xml version='1.0'?><catalog><book id='1'/></catalog>",
            "not an RSS/Atom feed",
        ),
        ("bad.txt.gz", b"\x1f\x8b\x08\x00this is not gzip", "not a valid gzip file"),
    ],
)
def test_read_bad_input_is_a_problem(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    documents, problems = read_all(bad, good)
    assert [d.text for d in documents] == [ARTICLE]
    assert problems == [ReadProblem(str(bad), reason)]


def test_read_gigantic_article_is_cut_at_a_sentence_end(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    sentence = "The water rose again near the dam, officials said. "
    path.write_text(sentence * (MAX_ARTICLE_CHARS // len(sentence) + 10), encoding="utf-8")
    documents, problems = read_all(path)
    assert problems == []
    [document] = documents
    assert len(document.text) <= MAX_ARTICLE_CHARS
    assert document.text.endswith("officials said.")
    assert document.cut_from == len(path.read_text(encoding="utf-8").strip())


def test_read_gigantic_word_is_cut_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("x" * (MAX_ARTICLE_CHARS + 10), encoding="utf-8")
    [document] = read_all(path)[0]
    assert len(document.text) == MAX_ARTICLE_CHARS
    assert document.cut_from == MAX_ARTICLE_CHARS + 10


def test_read_gigantic_jsonl_line_is_skipped_unread(tmp_path: Path, monkeypatch) -> None:
    from newsprism.read import files

    monkeypatch.setattr(files, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "dump.jsonl"
    huge = json.dumps({"text": "The dam failed. " * 200})
    path.write_text(huge + "\n" + json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    documents, problems = read_all(path)
    assert [d.text for d in documents] == [ARTICLE]
    assert problems == [ReadProblem(f"{path}:1", "line longer than 1,000 bytes, not read")]


def test_read_missing_path_is_a_problem(tmp_path: Path) -> None:
    documents, problems = read_all(tmp_path / "nope.txt")
    assert documents == [] and problems[0].reason == "no such file or folder"


def test_read_text_function_metadata_and_stable_id() -> None:
    doc = read_text(ARTICLE, title="Dam", outlet="Kestrel Wire", published="3 March 2026")
    assert doc.path == "<text>"
    assert doc.published.value == "2026-03-03"
    assert doc.id == read_text("  " + ARTICLE.upper() + "\n", outlet="KESTREL WIRE").id
    assert doc.id != read_text(ARTICLE, outlet="Eastgate Review").id


def test_same_article_from_two_formats_has_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title: x\n\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    documents, _ = read_all(tmp_path / "a.txt", tmp_path / "b.jsonl")
    assert documents[0].id == documents[1].id


def test_feed_entry_html_scripts_are_dropped(tmp_path: Path) -> None:
    feed = FEED.replace("&lt;p&gt;Twelve", "&lt;script&gt;track('x')&lt;/script&gt;&lt;p&gt;Twelve")
    path = tmp_path / "wire.rss"
    path.write_text(feed, encoding="utf-8")
    documents, _ = read_all(path)
    assert "track" not in documents[0].text


def test_crlf_text_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes(("Title: Dam\r\n\r\n" + ARTICLE + "\r\n\r\nSecond paragraph.").encode())
    [doc], _ = read_all(path)
    assert "\r" not in doc.text and doc.title == "Dam"


def test_problems_are_logged_without_callback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with caplog.at_level("WARNING", logger="newsprism"):
        assert list(read_paths([tmp_path / "empty.txt"])) == []
    assert "empty file" in caplog.text


def test_metadata_language_is_normalised() -> None:
    assert read_text(ARTICLE, language="en-GB").language == "en"
