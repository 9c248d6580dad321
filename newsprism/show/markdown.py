"""The Markdown report: GitHub-flavoured tables, one section per story."""

from __future__ import annotations

from typing import Any

from newsprism.show.common import (
    disagreement_lines,
    evidence_text,
    noise,
    published,
    timeline_sources,
    value_range,
    who,
)

# Markdown cannot colour text: coloured marks carry the verdict palette (see common.py).
VERDICT_MARKS: dict[str, str] = {
    "agreed": "🟢",
    "conflicting": "🔴",
    "updated": "🔵",
    "revised": "🟠",
    "single-source": "⚪",
    "disputed": "🟣",
}


# Markdown renderers pass raw HTML through and turn [text](url) into links: in article text,
# "<script>", "<img onerror=...>", "[x](javascript:...)" and "<javascript:...>" must stay text.
_MARKDOWN_ESCAPES = str.maketrans(
    {"\\": "\\\\", "|": "\\|", "[": "\\[", "]": "\\]", "<": "&lt;", ">": "&gt;", "&": "&amp;"}
)


def cell(value: Any) -> str:
    """Text safe inside a GitHub table cell or a list item: pipes escaped, line breaks
    flattened, no HTML and no link syntax."""
    text = "" if value is None else str(value)
    return " ".join(text.translate(_MARKDOWN_ESCAPES).split())


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return [*lines, ""]


def _story(story: dict[str, Any]) -> list[str]:
    dates = " – ".join(x for x in (story.get("first_date"), story.get("last_date")) if x)
    lines = [
        f"## {cell(story['title'])}",
        "",
        f"`{story['id']}` · {dates or 'undated'} · {len(story['sources'])} documents",
        "",
    ]

    lines += ["### Timeline", ""]
    if story["timeline"]:
        lines += _table(
            ["date", "what", "source", "sentence"],
            [
                [
                    e["date"],
                    f"{e['type']}: {e['text']}" if e["kind"] == "event" else e["text"],
                    timeline_sources(e),
                    e["sentence"],
                ]
                for e in story["timeline"]
            ],
        )
    else:
        lines += ["No dated events.", ""]

    lines += ["### Claims", ""]
    rows = []
    for row in story["claims"]:
        label = row["label"] + (f" ({value_range(row)})" if value_range(row) else "")
        if row.get("note"):
            label += f" — {row['note']}"
        verdict = f"{VERDICT_MARKS.get(row['verdict'], '')} **{row['verdict']}**"
        for i, claim in enumerate(row["claims"] or [None]):
            head = [label, verdict, row["independent_sources"]] if i == 0 else ["", "", ""]
            if claim is None:
                rows.append([*head, "", "", "", "", ""])
                continue
            rows.append(
                [
                    *head,
                    who(claim),
                    claim["value"],
                    claim["as_of"] or "",
                    claim["attributed_to"],
                    f"{claim['sentence']} ({claim['doc_id']} {claim['start']}–{claim['end']})",
                ]
            )
    if rows:
        lines += _table(
            [
                "claim",
                "verdict",
                "independent sources",
                "source",
                "value",
                "as of",
                "by",
                "sentence",
            ],
            rows,
        )
    else:
        lines += ["No claims to compare.", ""]

    if disagreements := disagreement_lines(story):
        lines += ["### Where sources disagree", ""]
        lines += [f"- {cell(line)}" for line in disagreements]
        lines.append("")

    lines += ["### Quotes by speaker", ""]
    if not story["quotes_by_speaker"]:
        lines += ["No quotes.", ""]
    for group in story["quotes_by_speaker"]:
        lines += [f"**{cell(group['speaker'])}**", ""]
        for quote in group["quotes"]:
            lines.append(
                f"- ({quote['kind']}, {cell(quote['outlet'] or quote['doc_id'])}) "
                f"{cell(quote['text'])}"
            )
        lines.append("")

    lines += ["### Sources", ""]
    lines += _table(
        ["id", "outlet", "title", "published", "evidence", "cites", "language"],
        [
            [
                s["id"],
                s["outlet"],
                s["title"],
                published(s),
                evidence_text(s),
                ", ".join(s["cited_sources"]),
                f"{s['language']}, {noise(s)}",
            ]
            for s in story["sources"]
        ],
    )
    if story["reuse"]:
        lines += ["### Who copies whom", ""]
        lines += _table(
            ["earlier", "later", "kind", "score"],
            [
                [
                    r["outlet_a"] or r["doc_a"],
                    r["outlet_b"] or r["doc_b"],
                    r["kind"],
                    f"{r['score']:.2f}",
                ]
                for r in story["reuse"]
            ],
        )
    return lines


def render_markdown(record: dict[str, Any]) -> str:
    counts = record["counts"]
    lines = [
        "# newsprism record",
        "",
        f"{counts['stories']} stories, {counts['documents']} documents, "
        f"{counts['comparisons']} compared claims.",
        "",
    ]
    for story in record["stories"]:
        lines += _story(story)
    return "\n".join(lines)
