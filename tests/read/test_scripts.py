"""Articles in Cyrillic, Greek, Arabic and CJK scripts survive every input format intact.

A real corpus lost its Russian and Ukrainian reports because the decoder's mixed-script check
rejected JSON lines where an escaped line break (``\\n``) runs into a Cyrillic word. These
team-written, multi-paragraph articles pin down that every format reads such text as written.
"""

from __future__ import annotations

import gzip
import json
from html import escape
from pathlib import Path

import pytest

from newsprism.read import ReadProblem, read_paths

ARTICLES: dict[str, tuple[str, str]] = {
    "ru": (
        "Прорыв плотины в Кастраве",
        "Вода из прорванной плотины дошла до окраин Кастравы во вторник.\n\n"
        "Министерство здравоохранения сообщило о 12 погибших и 40 раненых.\n\n"
        "«Мы эвакуировали две деревни за ночь», — сказал глава службы спасения.",
    ),
    "el": (
        "Κατάρρευση φράγματος στην Καστράβα",
        "Το νερό από το φράγμα έφτασε στα περίχωρα της Καστράβα την Τρίτη.\n\n"
        "Το υπουργείο Υγείας ανέφερε 12 νεκρούς και 40 τραυματίες.\n\n"
        "«Εκκενώσαμε δύο χωριά μέσα στη νύχτα», δήλωσε ο επικεφαλής της πολιτικής προστασίας.",
    ),
    "ar": (
        "انهيار سد في كاستراڤا",
        "وصلت مياه السد المنهار إلى ضواحي كاستراڤا يوم الثلاثاء.\n\n"
        "وقالت وزارة الصحة إن 12 شخصا لقوا حتفهم وأصيب 40 آخرون.\n\n"
        "وقال رئيس الدفاع المدني: «أجلينا قريتين خلال الليل».",
    ),
    "zh": (
        "卡斯特拉瓦大坝溃决",
        "周二，溃坝的洪水抵达卡斯特拉瓦郊区。\n\n"
        "卫生部表示，已有12人死亡，40人受伤。\n\n"
        "民防部门负责人说：“我们连夜疏散了两个村庄。”",
    ),
}
LANGUAGES = sorted(ARTICLES)


def read_all(path: Path) -> tuple[list, list[ReadProblem]]:
    problems: list[ReadProblem] = []
    documents = list(read_paths([str(path)], on_problem=problems.append))
    return documents, problems


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n")]


def assert_read_intact(path: Path, language: str) -> None:
    body = ARTICLES[language][1]
    [document], problems = read_all(path)
    assert problems == []
    for paragraph in paragraphs(body):
        assert paragraph in document.text


def html_page(language: str, *, declared: str | None) -> str:
    title, body = ARTICLES[language]
    meta = f'<meta charset="{declared}">' if declared else ""
    paras = "".join(f"<p>{escape(p)}</p>" for p in paragraphs(body))
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{escape(title)}</title></head>"
        f"<body><article><h1>{escape(title)}</h1>{paras}</article></body></html>"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_txt_with_header(tmp_path: Path, language: str) -> None:
    title, body = ARTICLES[language]
    path = tmp_path / "a.txt"
    path.write_text(f"Title: {title}\nLanguage: {language}\n\n{body}", encoding="utf-8")
    assert_read_intact(path, language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("declared", ["utf-8", None])
def test_html_with_and_without_declared_charset(
    tmp_path: Path, language: str, declared: str | None
) -> None:
    path = tmp_path / "a.html"
    path.write_bytes(html_page(language, declared=declared).encode("utf-8"))
    assert_read_intact(path, language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("ensure_ascii", [False, True])
def test_jsonl_line_breaks_before_words_of_another_script(
    tmp_path: Path, language: str, ensure_ascii: bool
) -> None:
    title, body = ARTICLES[language]
    record = {"title": title, "text": body, "url": "https://example.org/a", "language": language}
    line = json.dumps(record, ensure_ascii=ensure_ascii)
    assert "\\n" in line  # the escaped paragraph breaks that once made the line "not JSON"
    path = tmp_path / "a.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    assert_read_intact(path, language)


def test_jsonl_of_every_script_loses_no_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": ARTICLES[lang][1], "language": lang}, ensure_ascii=False)
        for lang in LANGUAGES
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents, problems = read_all(path)
    assert problems == []
    assert len(documents) == len(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_json_list(tmp_path: Path, language: str) -> None:
    title, body = ARTICLES[language]
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"title": title, "text": body}], ensure_ascii=False), "utf-8")
    assert_read_intact(path, language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds(tmp_path: Path, language: str, kind: str) -> None:
    title, body = ARTICLES[language]
    content = escape("".join(f"<p>{p}</p>" for p in paragraphs(body)))
    if kind == "rss":
        feed = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
            f"<item><title>{escape(title)}</title><link>https://example.org/1</link>"
            f"<description>{content}</description></item></channel></rss>"
        )
    else:
        feed = (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Wire</title><id>urn:wire</id><updated>2026-03-03T09:00:00Z</updated>"
            f"<entry><title>{escape(title)}</title><id>urn:1</id>"
            "<updated>2026-03-03T09:00:00Z</updated>"
            f'<content type="html">{content}</content></entry></feed>'
        )
    path = tmp_path / f"a.{kind}"
    path.write_text(feed, encoding="utf-8")
    assert_read_intact(path, language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".html"])
def test_gzipped(tmp_path: Path, language: str, suffix: str) -> None:
    body = ARTICLES[language][1]
    if suffix == ".txt":
        data = body
    elif suffix == ".jsonl":
        data = json.dumps({"text": body}, ensure_ascii=False) + "\n"
    else:
        data = html_page(language, declared=None)
    path = tmp_path / f"a{suffix}.gz"
    path.write_bytes(gzip.compress(data.encode("utf-8")))
    assert_read_intact(path, language)


def test_undecodable_jsonl_line_is_reported_as_such_and_the_rest_is_kept(tmp_path: Path) -> None:
    good = json.dumps({"text": ARTICLES["ru"][1]}, ensure_ascii=False).encode("utf-8")
    # C1 control bytes: invalid UTF-8, and control characters in every legacy codec tried
    bad = b'{"text": "' + bytes(range(0x80, 0xA0)) * 4 + b'"}'
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(good + b"\n" + bad + b"\n" + good.replace(b"12", b"13") + b"\n")
    documents, problems = read_all(path)
    assert len(documents) == 2
    [problem] = problems
    assert problem.path.endswith(":2")
    assert "not UTF-8" in problem.reason
    assert "JSON" not in problem.reason


def test_bad_json_line_is_reported_as_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text('{"text": "Вода дошла до Кастравы.\\nПогибли 12 человек."\n', "utf-8")
    documents, problems = read_all(path)
    assert documents == []
    [problem] = problems
    assert problem.reason.startswith("not valid JSON")
