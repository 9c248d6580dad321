"""Small display helpers shared by every report format."""

from __future__ import annotations

from typing import Any

# Verdict -> colour, one palette for the terminal, Markdown badges and HTML.
VERDICT_COLOURS: dict[str, str] = {
    "agreed": "green",
    "conflicting": "red",
    "updated": "blue",
    "revised": "orange",
    "single-source": "grey",
    "disputed": "purple",
}
# Rich has no "orange"/"grey" names with the meaning we want; these are its closest names.
RICH_COLOURS: dict[str, str] = {**VERDICT_COLOURS, "orange": "dark_orange", "grey": "grey62"}


def rich_colour(verdict: str) -> str:
    return RICH_COLOURS.get(VERDICT_COLOURS.get(verdict, "grey"), "grey62")


def number(value: float | None) -> str:
    """A reconciled figure for display: integers without a decimal point, thousands separated."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def value_range(row: dict[str, Any]) -> str:
    """``low 12 · best 47 · high ? — best: <rule>``, or "" when nothing is reconciled."""
    low, best, high = row.get("low"), row.get("best"), row.get("high")
    if low is None and best is None and high is None:
        return ""
    parts = " · ".join(
        f"{name} {number(v) if v is not None else '?'}"
        for name, v in (("low", low), ("best", best), ("high", high))
    )
    return f"{parts}; best = {row['best_rule']}" if row.get("best_rule") else parts


def published(source: dict[str, Any]) -> str:
    pub = source["published"]
    if not pub.get("value"):
        window = " – ".join(x for x in (pub.get("not_before"), pub.get("not_after")) if x)
        return f"unknown ({window})" if window else "unknown"
    return f"{pub['value']} ({pub['source']}, {pub.get('confidence', 0):.2f})"


def evidence_text(source: dict[str, Any]) -> str:
    # Several rules often cite the same sentence: show each sentence once.
    texts = [e["text"] for e in source["published"].get("evidence", []) if e.get("text")]
    return " | ".join(dict.fromkeys(texts))


def noise(source: dict[str, Any]) -> str:
    flag = "machine-translated" if source.get("machine_translated") else "fluent"
    return f"{flag} ({source.get('translation_noise', 0):.2f})"


def who(claim: dict[str, Any]) -> str:
    return claim.get("outlet") or claim["doc_id"]


def is_web_url(url: str) -> bool:
    """Only http(s) links become clickable: a ``javascript:`` URL in a feed must stay text."""
    return url.strip().lower().startswith(("http://", "https://"))


def timeline_sources(entry: dict[str, Any]) -> str:
    """The outlet of a timeline entry, plus the outlets that carry the same sentence."""
    names = [entry["outlet"] or entry["doc_id"]]
    names += [other["outlet"] or other["doc_id"] for other in entry.get("also", [])]
    return ", ".join(dict.fromkeys(names))


def sentence_parts(sentence: str, words: str) -> tuple[str, str, str]:
    """``sentence`` split around the first occurrence of ``words`` (for emphasis in HTML).

    The parts are plain text; the template escapes each one, so no markup is built from text.
    """
    at = sentence.find(words) if words else -1
    if at < 0:
        return sentence, "", ""
    return sentence[:at], words, sentence[at + len(words) :]


def conflict_panels(row: dict[str, Any]) -> list[dict[str, Any]]:
    """Where a claim-table row's sources disagree: one panel per conflicting day, or the whole
    row for a ``conflicting``/``disputed`` verdict listing no day.

    A panel's ``sides`` are its distinct values, each with the claims giving it (the first
    claim's sentence is shown, the others on demand), most-given value first.
    """
    by_id = {claim["id"]: claim for claim in row.get("claims") or []}
    panels = [
        {
            "as_of": day.get("as_of"),
            "announcement": day.get("announcement") or "",
            "claims": [by_id[i] for i in day["claim_ids"] if i in by_id],
        }
        for day in row.get("conflicts") or []
    ]
    if not panels and row.get("verdict") in ("conflicting", "disputed"):
        panels = [{"as_of": None, "announcement": "", "claims": list(by_id.values())}]
    result = []
    for panel in panels:
        sides: dict[str, list[dict[str, Any]]] = {}
        for claim in panel["claims"]:
            sides.setdefault(claim.get("value") or "", []).append(claim)
        if len(sides) < 2:
            continue
        ordered = sorted(sides.items(), key=lambda item: -len(item[1]))
        panel["sides"] = [
            {
                "value": value,
                "claims": claims,
                "outlets": list(dict.fromkeys(who(c) for c in claims)),
                "said_by": list(
                    dict.fromkeys(c["attributed_to"] for c in claims if c.get("attributed_to"))
                ),
            }
            for value, claims in ordered
        ]
        result.append(panel)
    return result


def disagreement_lines(story: dict[str, Any]) -> list[str]:
    """One plain line per conflict panel of a story's claim rows (for the text and Markdown
    reports): "people injured in Turkey, given with 912 people killed: 5,385 (4 reports) vs
    5,383 (2 reports)"."""
    lines = []
    for row in story.get("claims") or []:
        for panel in conflict_panels(row):
            day = f"on {panel['as_of']}" if panel.get("as_of") else ""
            when = panel.get("announcement") or day
            sides = " vs ".join(
                f"{side['value']} ({len(side['claims'])} "
                f"{'report' if len(side['claims']) == 1 else 'reports'})"
                for side in panel["sides"]
            )
            lines.append(f"{row['label']}{', ' + when if when else ''}: {sides}")
    return lines

