"""The terminal report: Rich tables rendered to plain text."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsprism.show.common import (
    disagreement_lines,
    evidence_text,
    noise,
    published,
    rich_colour,
    timeline_sources,
    value_range,
    who,
)

WIDTH = 140  # wide enough for a claim row with its sentence on a landscape terminal

# Column name and share of the spare width (None: as wide as its content). The sentence gets
# the most room because it is what a reader checks a value against.
CLAIM_COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("claim", 2),
    ("verdict", None),
    ("indep.", None),
    ("source", 1),
    ("value", 2),  # a quote can be a paragraph long: it shares the width like the sentence
    ("as of", None),
    ("by", 1),
    ("sentence", 4),
)
VALUE_CHARS = 100  # a longer value (a quoted statement) is cut here; its sentence is beside it
SOURCE_COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("id", None),
    ("outlet", 1),
    ("title", 2),
    ("published", 1),
    ("evidence", 3),
    ("cites", 1),
    ("language", 1),
)


def _short(value: str) -> str:
    return value if len(value) <= VALUE_CHARS else value[: VALUE_CHARS - 1].rstrip() + "…"


def _story(console: Console, story: dict[str, Any]) -> None:
    dates = " – ".join(x for x in (story.get("first_date"), story.get("last_date")) if x)
    console.rule(f"{story['title']}  ({story['id']}, {dates or 'undated'})")

    timeline = Table(title="Timeline", expand=True, show_lines=False)
    for name, ratio in (("date", None), ("what", 2), ("source", 1), ("sentence", 4)):
        timeline.add_column(name, overflow="fold", ratio=ratio)
    for entry in story["timeline"]:
        what = f"{entry['type']}: {entry['text']}" if entry["kind"] == "event" else entry["text"]
        timeline.add_row(entry["date"], what, timeline_sources(entry), entry["sentence"])
    console.print(timeline if story["timeline"] else Text("Timeline: no dated events."))

    claims = Table(title="Claims", expand=True, show_lines=True)
    for name, ratio in CLAIM_COLUMNS:
        claims.add_column(name, overflow="fold", ratio=ratio)
    for row in story["claims"]:
        verdict = Text(row["verdict"], style=f"bold {rich_colour(row['verdict'])}")
        label = row["label"] + (f"\n{value_range(row)}" if value_range(row) else "")
        if row.get("note"):
            label += f"\n{row['note']}"
        first = True
        for claim in row["claims"] or [None]:
            cells: list[Any] = (
                [label, verdict, str(row["independent_sources"])] if first else ["", "", ""]
            )
            if claim is None:
                cells += ["", "", "", "", ""]
            else:
                cells += [
                    who(claim),
                    _short(claim["value"]),
                    claim["as_of"] or "",
                    claim["attributed_to"],
                    claim["sentence"],
                ]
            claims.add_row(*cells)
            first = False
    console.print(claims if story["claims"] else Text("Claims: none to compare."))
    if disagreements := disagreement_lines(story):
        console.print(Text("Where sources disagree", style="bold"))
        for line in disagreements:
            console.print(Text(f"  • {line}"))

    quotes = Table(title="Quotes by speaker", expand=True)
    for name, ratio in (("speaker", 1), ("kind", None), ("source", 1), ("quote", 4)):
        quotes.add_column(name, overflow="fold", ratio=ratio)
    for group in story["quotes_by_speaker"]:
        for i, quote in enumerate(group["quotes"]):
            quotes.add_row(
                group["speaker"] if i == 0 else "",
                quote["kind"],
                quote["outlet"] or quote["doc_id"],
                quote["text"],
            )
    console.print(quotes if story["quotes_by_speaker"] else Text("Quotes: none."))

    sources = Table(title="Sources", expand=True)
    for name, ratio in SOURCE_COLUMNS:
        sources.add_column(name, overflow="fold", ratio=ratio)
    for source in story["sources"]:
        sources.add_row(
            source["id"],
            source["outlet"],
            source["title"],
            published(source),
            evidence_text(source),
            ", ".join(source["cited_sources"]),
            f"{source['language']}, {noise(source)}",
        )
    console.print(sources)

    if story["reuse"]:
        reuse = Table(title="Who copies whom", expand=True)
        for name in ("earlier", "later", "kind", "score"):
            reuse.add_column(name)
        for link in story["reuse"]:
            reuse.add_row(
                link["outlet_a"] or link["doc_a"],
                link["outlet_b"] or link["doc_b"],
                link["kind"],
                f"{link['score']:.2f}",
            )
        console.print(reuse)
    console.print()


def render_text(record: dict[str, Any], width: int = WIDTH) -> str:
    # markup=False: article text is never read as Rich markup ("[/x]" in a title would raise,
    # "[link=...]" would make a terminal hyperlink).
    console = Console(
        record=True,
        width=width,
        file=io.StringIO(),
        color_system=None,
        soft_wrap=False,
        markup=False,
        emoji=False,
    )
    counts = record["counts"]
    console.print(
        f"newsprism record: {counts['stories']} stories, {counts['documents']} documents, "
        f"{counts['comparisons']} compared claims"
    )
    if not record["stories"]:
        console.print("No stories yet: run `newsprism analyze` first.")
    for story in record["stories"]:
        _story(console, story)
    return console.export_text()
