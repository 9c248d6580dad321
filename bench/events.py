"""Real events end to end: a real multi-outlet corpus through the public command line, scored
against hand-checked gold.

Usage:
    .venv/bin/python bench/events.py CORPUS_JSONL GOLD_JSON [CORPUS_JSONL GOLD_JSON ...] [--dates]

``CORPUS_JSONL`` holds one report a line (``id``, ``url``, ``lang``, ``outlet``, ``date_in_text``,
``excerpt``, ...), as rebuilt for ``../shared/corpora/real-dev/<event>/``; ``GOLD_JSON`` is that
event's ``gold.json``. Each corpus is written out as a user's JSONL (``text`` = excerpt, ``url``,
``outlet``, ``language`` = lang; with ``--dates`` also ``published`` = date_in_text), then
``newsprism analyze`` and ``newsprism report --format json`` run as subprocesses, exactly as a
user would run them, and the record is scored:

- ``alias_bcubed_f1``: B-cubed F1 of the record's entities over the gold name variants that occur
  in the excerpts (a variant no entity carries is a cluster of its own);
- ``series_points``: share of gold series points found as a quantity claim of the series' measure,
  in one of the point's reports, whose interval holds the point's value (any of ``value_any``);
- ``series_joined``: share of series whose found points all sit in one comparison;
  ``series_updated``: share of series joined in a comparison whose verdict is ``updated``;
  ``updates_ok``: the same share among the series of kind ``updates`` (the target is 1.0);
- ``conflicts_found``: share of the gold numeric conflicts whose values all sit in one comparison
  that is ``conflicting`` or lists a conflicting day holding them;
- ``reuse_recall``: share of gold copy pairs in one group of reuse links (one source);
- ``foreign_joined``: share of the non-English reports stored in the event most reports belong
  to; ``foreign_points``: share of the gold series points stated in non-English reports (a point
  counts once per report) found in that report as a claim of the measure holding the value (a
  table per language gives both by language);
- ``stories``, ``largest_story_share``, ``read_skipped``, ``analyze_seconds``.

It prints a table per event and ends with one line of ``key=value`` figures (prefixed with the
event's folder name when several events are given).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from newsprism.link.reuse import independent_groups
from newsprism.model import ReuseLink

_LINE = re.compile(r":(\d+)$")


def load_corpus(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_user_jsonl(rows: list[dict[str, Any]], out: Path, *, dates: bool) -> None:
    """The corpus as a user's JSONL; line N of the file is row N of the corpus."""
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            record = {
                "text": row.get("excerpt") or "",
                "url": row.get("url") or "",
                "outlet": row.get("outlet") or "",
                "language": row.get("lang") or "",
            }
            if dates and row.get("date_in_text"):
                record["published"] = row["date_in_text"]
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def newsprism_command() -> list[str]:
    beside = Path(sys.executable).parent / "newsprism"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("newsprism")
    if found:
        return [found]
    return [sys.executable, "-c", "from newsprism.cli import app; app()"]


def run_newsprism(corpus: Path, workdir: Path) -> tuple[dict[str, Any], float, str]:
    db = workdir / "record.db"
    command = newsprism_command()
    started = time.perf_counter()
    analyzed = subprocess.run(
        [*command, "analyze", str(corpus), "--db", str(db), "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if not db.exists():
        raise SystemExit(f"newsprism analyze failed:\n{analyzed.stdout}\n{analyzed.stderr}")
    out = workdir / "record.json"
    subprocess.run(
        [*command, "report", "--db", str(db), "--format", "json", "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return json.loads(out.read_text(encoding="utf-8")), seconds, analyzed.stdout + analyzed.stderr


def record_ids(record: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, str]:
    """doc_id -> corpus id, through the ``file:LINE`` path each document was read from."""
    ids: dict[str, str] = {}
    for document in record["documents"]:
        match = _LINE.search(document.get("path") or "")
        if match and 0 < int(match.group(1)) <= len(rows):
            ids[document["id"]] = rows[int(match.group(1)) - 1]["id"]
    return ids


def holds(claim: dict[str, Any], value: float) -> bool:
    low, high = claim.get("low"), claim.get("high")
    if low is None and high is None:
        return False
    return (low is None or low <= value + 1e-9) and (high is None or value <= high + 1e-9)


def point_values(point: dict[str, Any]) -> list[float]:
    if "value_any" in point:
        return [float(v) for v in point["value_any"]]
    return [float(point["value"])]


def measure_of(claim: dict[str, Any]) -> str:
    return str(claim.get("key") or "").split("|", 1)[0]


def bcubed(gold: list[set[str]], system_of: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over the gold items, clustered by gold set and system id."""
    gold_of = {item: index for index, group in enumerate(gold) for item in group}
    system: dict[str, set[str]] = defaultdict(set)
    for item in gold_of:
        system[system_of.get(item, f"singleton:{item}")].add(item)
    precision = recall = 0.0
    for item, index in gold_of.items():
        mine = system[system_of.get(item, f"singleton:{item}")]
        theirs = {i for i, g in gold_of.items() if g == index}
        shared = len(mine & theirs)
        precision += shared / len(mine)
        recall += shared / len(theirs)
    n = len(gold_of) or 1
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_aliases(
    gold: dict[str, Any], record: dict[str, Any], texts: Iterable[str]
) -> tuple[float, float, float, int]:
    corpus_text = "\n".join(texts)
    groups = [{v for v in entry["variants"] if v in corpus_text} for entry in gold["aliases"]]
    groups = [g for g in groups if g]
    # A variant's system cluster: the largest entity naming it (canonical or alias).
    best: dict[str, tuple[int, str]] = {}
    for entity in record["entities"]:
        names = {entity["canonical"], *entity.get("aliases", [])}
        for name in names:
            if name not in best or len(names) > best[name][0]:
                best[name] = (len(names), entity["id"])
    system_of = {name: entity_id for name, (_, entity_id) in best.items()}
    precision, recall, f1 = bcubed(groups, system_of)
    return precision, recall, f1, sum(len(g) for g in groups)


def score_series(
    gold: dict[str, Any], record: dict[str, Any], corpus_id: dict[str, str]
) -> dict[str, Any]:
    claims_by_id = {c["id"]: c for c in record["claims"]}
    comparison_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for comparison in record["comparisons"]:
        for claim_id in comparison["claim_ids"]:
            comparison_of[claim_id].append(comparison)
    claims_by_report: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in claims_by_id.values():
        if claim.get("kind") == "quantity" and claim["doc_id"] in corpus_id:
            claims_by_report[corpus_id[claim["doc_id"]]].append(claim)

    points = found = joined = updated = updates = updates_ok = 0
    for series in gold["series"]:
        matches: list[set[str]] = []  # per found point: comparison ids holding a matching claim
        for point in series["points"]:
            points += 1
            values = point_values(point)
            hits = [
                claim
                for report in point["ids"]
                for claim in claims_by_report.get(report, [])
                if measure_of(claim) == series["measure"] and any(holds(claim, v) for v in values)
            ]
            if hits:
                found += 1
                matches.append({c["id"] for h in hits for c in comparison_of[h["id"]]})
        common = set.intersection(*matches) if matches else set()
        is_joined = bool(common) and len(matches) >= 2
        is_updated = is_joined and any(
            c["verdict"] == "updated"
            for c in record["comparisons"]
            if c["id"] in common
        )
        joined += is_joined
        updated += is_updated
        if series.get("kind") == "updates":
            updates += 1
            updates_ok += is_updated
    total = len(gold["series"]) or 1
    return {
        "series": len(gold["series"]),
        "points": points,
        "series_points": found / (points or 1),
        "series_joined": joined / total,
        "series_updated": updated / total,
        "updates_ok": updates_ok / (updates or 1),
        "joined_n": joined,
        "updated_n": updated,
        "updates_n": updates,
        "updates_ok_n": updates_ok,
    }


def _numeric(value: str) -> float | None:
    try:
        return float(value.replace(",", ""))
    except ValueError:
        return None


def score_conflicts(
    gold: dict[str, Any], record: dict[str, Any], corpus_id: dict[str, str]
) -> tuple[float, int, int]:
    claims = [c for c in record["claims"] if c.get("kind") == "quantity"]
    by_report: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in claims:
        if claim["doc_id"] in corpus_id:
            by_report[corpus_id[claim["doc_id"]]].append(claim)
    numeric = [
        c
        for c in gold["conflicts"]
        if all(_numeric(v) is not None for v in c["values"]) and len(c["values"]) >= 2
    ]
    flagged = 0
    for conflict in numeric:
        holders: list[set[str]] = []  # per value: claim ids stating it in one of its reports
        for value, reports in conflict["values"].items():
            number = _numeric(value)
            assert number is not None
            holders.append(
                {
                    c["id"]
                    for r in reports
                    for c in by_report.get(r, [])
                    if measure_of(c) == conflict["measure"] and holds(c, number)
                }
            )
        for comparison in record["comparisons"]:
            members = set(comparison["claim_ids"])
            if not all(h & members for h in holders):
                continue
            if comparison["verdict"] == "conflicting" or _conflicting_day_holds(
                comparison, holders
            ):
                flagged += 1
                break
    return flagged / (len(numeric) or 1), flagged, len(numeric)


def _conflicting_day_holds(comparison: dict[str, Any], holders: list[set[str]]) -> bool:
    for day in comparison.get("conflicts") or []:
        day_claims = set(day.get("claim_ids") or [])
        if all(h & day_claims for h in holders):
            return True
    return False


def score_reuse(
    gold: dict[str, Any], record: dict[str, Any], corpus_id: dict[str, str]
) -> tuple[float, int, int]:
    """Gold copy pairs that fall in one independent-source group of the record's reuse links."""
    links = [
        ReuseLink(corpus_id[link["doc_a"]], corpus_id[link["doc_b"]], link["kind"], link["score"])
        for link in record["reuse_links"]
        if link["doc_a"] in corpus_id and link["doc_b"] in corpus_id
    ]
    pairs = gold["reuse_pairs"]
    group = independent_groups(sorted({i for pair in pairs for i in pair}), links)
    linked = sum(1 for a, b in pairs if group[a] == group[b])
    return linked / (len(pairs) or 1), linked, len(pairs)


def score_languages(
    rows: list[dict[str, Any]],
    gold: dict[str, Any],
    record: dict[str, Any],
    corpus_id: dict[str, str],
) -> dict[str, dict[str, int]]:
    """Per language: reports, reports stored in the event most reports belong to, and gold
    series points stated in that language's reports (point, report pairs) found there as a
    claim of the series' measure holding the value."""
    event_of = {
        corpus_id[doc]: story["event_id"] or story["id"]
        for story in record["stories"]
        for doc in story["document_ids"]
        if doc in corpus_id
    }
    sizes: dict[str, int] = defaultdict(int)
    for event in event_of.values():
        sizes[event] += 1
    main = max(sizes, key=sizes.__getitem__) if sizes else ""
    language = {row["id"]: row.get("lang") or "und" for row in rows}
    claims: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in record["claims"]:
        if claim.get("kind") == "quantity" and claim["doc_id"] in corpus_id:
            claims[corpus_id[claim["doc_id"]]].append(claim)
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        entry = table[language[row["id"]]]
        entry["reports"] += 1
        entry["joined"] += event_of.get(row["id"]) == main
    for series in gold["series"]:
        for point in series["points"]:
            values = point_values(point)
            for report in point["ids"]:
                entry = table[language.get(report, "und")]
                entry["points"] += 1
                entry["found"] += any(
                    measure_of(c) == series["measure"] and any(holds(c, v) for v in values)
                    for c in claims.get(report, [])
                )
    return {lang: dict(entry) for lang, entry in table.items()}


def evaluate(corpus_path: Path, gold_path: Path, *, dates: bool) -> dict[str, Any]:
    rows = load_corpus(corpus_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="newsprism-events-") as tmp:
        workdir = Path(tmp)
        user_jsonl = workdir / "corpus.jsonl"
        write_user_jsonl(rows, user_jsonl, dates=dates)
        record, seconds, output = run_newsprism(user_jsonl, workdir)
    corpus_id = record_ids(record, rows)
    alias_p, alias_r, alias_f1, variants = score_aliases(
        gold, record, (row.get("excerpt") or "" for row in rows)
    )
    series = score_series(gold, record, corpus_id)
    languages = score_languages(rows, gold, record, corpus_id)
    foreign = [entry for lang, entry in languages.items() if lang != "en"]
    conflicts, conflicts_n, conflicts_total = score_conflicts(gold, record, corpus_id)
    reuse, reuse_n, reuse_total = score_reuse(gold, record, corpus_id)
    sizes = sorted((len(s["document_ids"]) for s in record["stories"]), reverse=True)
    return {
        "reports": len(rows),
        "stored": len(corpus_id),
        "read_skipped": len(rows) - len(corpus_id),
        "alias_precision": alias_p,
        "alias_recall": alias_r,
        "alias_bcubed_f1": alias_f1,
        "alias_variants": variants,
        **series,
        "conflicts_found": conflicts,
        "conflicts_n": conflicts_n,
        "conflicts_total": conflicts_total,
        "reuse_recall": reuse,
        "reuse_n": reuse_n,
        "reuse_total": reuse_total,
        "stories": len(sizes),
        "single_report_stories": sum(1 for s in sizes if s == 1),
        "largest_story_share": (sizes[0] / (len(corpus_id) or 1)) if sizes else 0.0,
        "analyze_seconds": seconds,
        "languages": languages,
        "foreign_joined": sum(e.get("joined", 0) for e in foreign)
        / (sum(e.get("reports", 0) for e in foreign) or 1),
        "foreign_points": sum(e.get("found", 0) for e in foreign)
        / (sum(e.get("points", 0) for e in foreign) or 1),
        "analyze_output": output,
    }


HEADLINE = (
    "alias_bcubed_f1",
    "foreign_joined",
    "foreign_points",
    "series_points",
    "series_joined",
    "series_updated",
    "updates_ok",
    "conflicts_found",
    "reuse_recall",
    "stories",
    "largest_story_share",
    "read_skipped",
    "analyze_seconds",
)


def table(name: str, result: dict[str, Any], dates: bool) -> Table:
    out = Table(title=f"{name} ({'with' if dates else 'without'} --dates)")
    out.add_column("figure")
    out.add_column("value", justify="right")
    out.add_column("detail")
    details = {
        "alias_bcubed_f1": f"P {result['alias_precision']:.3f} R {result['alias_recall']:.3f} "
        f"over {result['alias_variants']} variants",
        "series_points": f"of {result['points']} gold points",
        "series_joined": f"{result['joined_n']} of {result['series']} series",
        "series_updated": f"{result['updated_n']} of {result['series']} series",
        "updates_ok": f"{result['updates_ok_n']} of {result['updates_n']} 'updates' series",
        "conflicts_found": f"{result['conflicts_n']} of {result['conflicts_total']}",
        "reuse_recall": f"{result['reuse_n']} of {result['reuse_total']} pairs",
        "foreign_joined": "non-English reports in the main event",
        "foreign_points": "gold points stated in non-English reports, found there",
        "stories": f"{result['single_report_stories']} of one report",
        "read_skipped": f"of {result['reports']} reports",
    }
    for key in HEADLINE:
        value = result[key]
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        out.add_row(key, shown, details.get(key, ""))
    return out


def language_table(name: str, languages: dict[str, dict[str, int]]) -> Table:
    out = Table(title=f"{name}: by language")
    for column in ("language", "reports", "in the main event", "gold points stated", "found"):
        out.add_column(column, justify="right" if column != "language" else "left")
    for lang, entry in sorted(languages.items(), key=lambda item: -item[1].get("reports", 0)):
        out.add_row(lang, *(str(entry.get(k, 0)) for k in ("reports", "joined", "points", "found")))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="CORPUS_JSONL GOLD_JSON pairs")
    parser.add_argument("--dates", action="store_true", help="give date_in_text as published")
    args = parser.parse_args()
    if len(args.paths) % 2:
        parser.error("give CORPUS_JSONL GOLD_JSON pairs")
    pairs = list(zip(args.paths[::2], args.paths[1::2], strict=True))
    console = Console(width=120)
    figures: list[str] = []
    for corpus, gold in pairs:
        name = gold.parent.name
        result = evaluate(corpus, gold, dates=args.dates)
        console.print(table(name, result, args.dates))
        console.print(language_table(name, result["languages"]))
        prefix = f"{name}." if len(pairs) > 1 else ""
        for key in HEADLINE:
            value = result[key]
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            if key == "analyze_seconds":
                shown = f"{value:.1f}"
            figures.append(f"{prefix}{key}={shown}")
    print(" ".join(figures))


if __name__ == "__main__":
    main()
