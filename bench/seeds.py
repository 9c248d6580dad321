"""Score the whole pipeline on a folder of seed articles with a gold.json beside them.

    .venv/bin/python bench/seeds.py ../shared/corpora/seeds

Matching rules are those written in gold.json's "about":
- quote: a system quote of the document whose text contains the gold `contains`
  (case-insensitive, quote marks and spaces normalised) and whose speaker resolves to the gold
  speaker: its in-article speaker or its cross-document entity is the gold canonical name or one
  of its aliases;
- quantity: same document and measure, and the value (exact figure, the interval's bound, or the
  end value of a change "from 60 to 120") — the scope is reported separately;
- date: a time expression overlapping the gold `contains` phrase, normalised to the gold ISO day;
- publication window: the inferred publication date lies within [not_before, not_after];
- alias clusters: every gold name that occurs in the texts maps to one and the same system entity;
- verdicts: a system comparison with the gold verdict whose claims come from exactly the gold
  documents and mention the gold item (every number of the gold `what` plus one of its words in
  the comparison's label, note or values, or for a `what` without numbers at least two of its
  content words); each system comparison matches at most once.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsprism.crosscheck.scopes import TOTAL, scope_group
from newsprism.model import Claim, Comparison, Document, Entity, Extraction
from newsprism.pipeline import analyze
from newsprism.store import Store

QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "’": "'"})
BOUNDS_ABOVE = {"more than", "at least"}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(QUOTE_MARKS)).strip().casefold()


def gold_names(gold: dict) -> dict[str, set[str]]:
    return {
        e["canonical"]: {norm(e["canonical"]), *(norm(a) for a in e["aliases"])}
        for e in gold["entities"]
    }


def speaker_ok(quote, gold_speaker: str, names: dict[str, set[str]], entities: dict) -> bool:
    wanted = names.get(gold_speaker, {norm(gold_speaker)})
    candidates = {norm(quote.speaker), norm(quote.speaker_text)}
    entity: Entity | None = entities.get(quote.entity_id)
    if entity is not None:
        candidates |= {norm(entity.canonical), *(norm(a) for a in entity.aliases)}
    return bool(candidates & wanted)


def score_quotes(gold_doc, extraction: Extraction, names, entities) -> tuple[int, int, int]:
    found = right = 0
    for item in gold_doc["quotes"]:
        matching = [q for q in extraction.quotes if norm(item["contains"]) in norm(q.text)]
        found += bool(matching)
        right += any(speaker_ok(q, item["speaker"], names, entities) for q in matching)
    return len(gold_doc["quotes"]), found, right


def quantity_matches(item: dict, quantity) -> bool:
    if quantity.measure != item["measure"]:
        return False
    if "to" in item:
        return quantity.low == item["to"] and quantity.from_low == item["from"]
    if "low" in item:
        return quantity.low == item["low"] and quantity.bound in BOUNDS_ABOVE
    return quantity.low == item["value"] and quantity.high == item["value"]


def score_quantities(gold_doc, extraction: Extraction) -> tuple[int, int, int]:
    found = scoped = 0
    for item in gold_doc["quantities"]:
        matching = [q for q in extraction.quantities if quantity_matches(item, q)]
        found += bool(matching)
        scoped += any(scope_matches(item.get("scope", ""), q.scope) for q in matching)
    return len(gold_doc["quantities"]), found, scoped


def scope_matches(gold_scope: str, scope: str) -> bool:
    """A gold scope of "total" (or none) wants no narrower group; otherwise the words overlap."""
    if gold_scope in ("", "total"):
        return scope_group(scope) == TOTAL
    gold_words = set(norm(gold_scope).split())
    return bool(gold_words & set(norm(scope).split()))


def score_dates(gold_doc, document: Document, extraction: Extraction) -> tuple[int, int]:
    right = 0
    for item in gold_doc["dates"]:
        at = document.text.find(item["contains"])
        if at < 0:
            continue
        end = at + len(item["contains"])
        right += any(
            t.start < end and at < t.end and t.date == item["value"] for t in extraction.times
        )
    return len(gold_doc["dates"]), right


def window_ok(gold_doc, document: Document) -> bool:
    value = (document.published.value or "")[:10]
    window = gold_doc["published"]
    return bool(value) and window["not_before"] <= value <= window["not_after"]


def score_clusters(gold, texts: str, entities: list[Entity]) -> tuple[int, int]:
    index: dict[str, set[str]] = {}
    for entity in entities:
        for name in {entity.canonical, *entity.aliases}:
            index.setdefault(norm(name), set()).add(entity.id)
    lowered = norm(texts)
    ok = 0
    for item in gold["entities"]:
        present = [
            n for n in {item["canonical"], *item["aliases"]}
            if not n[0].islower() and norm(n) in lowered
        ]
        ids = [index.get(norm(n), set()) for n in present]
        ok += bool(present) and all(ids) and bool(set.intersection(*ids))
    return len(gold["entities"]), ok


def comparison_matches(item: dict, comparison: Comparison, claims: list[Claim], texts) -> bool:
    if comparison.verdict != item["verdict"]:
        return False
    docs = {texts["ids"][c.doc_id] for c in claims if c.doc_id in texts["ids"]}
    if docs != set(item["docs"]):
        return False
    what = item["what"]
    wanted_numbers = re.findall(r"\d[\d,]*", what)
    if wanted_numbers:
        evidence = norm(
            " ".join(
                [comparison.label, comparison.note]
                + [c.value for c in claims]
                + [texts["docs"][c.doc_id][c.sentence_start : c.sentence_end] for c in claims]
                + [c.as_of or "" for c in claims]
            )
        )
        present = {n.replace(",", "") for n in re.findall(r"\d[\d,.]*", evidence)}
        present |= {str(int(c.low)) for c in claims if c.low is not None}
        present |= {str(int(c.high)) for c in claims if c.high is not None}
        present |= {str(int(c.as_of[8:10])) for c in claims if c.as_of and len(c.as_of) >= 10}
        # Numbers alone match too easily (a day of the month, a year): the comparison must also
        # name what is compared with one word of the gold item ("killed", "price", "began").
        named = norm(" ".join([comparison.label, comparison.note] + [c.value for c in claims]))
        what_words = re.findall(r"[a-z]{4,}", what.casefold())
        return all(n.replace(",", "") in present for n in wanted_numbers) and any(
            w[:6] in named for w in what_words
        )
    # Without numbers, the comparison's own words (its label and the claims' values, not the
    # surrounding sentences) must carry two words of the gold item besides the speakers' names.
    names = norm(" ".join(c.attributed_to for c in claims)).split()
    words = [w for w in re.findall(r"[a-z]{4,}", what.casefold())
             if not any(w[:6] == n[:6] for n in names)]
    evidence = norm(" ".join([comparison.label] + [c.value for c in claims]))
    return sum(w[:6] in evidence for w in words) >= 2


def score_verdicts(gold, store: Store, texts) -> tuple[int, int, list[str]]:
    claims = {c.id: c for c in store.claims()}
    comparisons = store.comparisons()
    used: set[str] = set()
    lines: list[str] = []
    matched = 0
    for item in gold["comparisons"]:
        hit = next(
            (
                c
                for c in comparisons
                if c.id not in used
                and comparison_matches(item, c, [claims[i] for i in c.claim_ids if i in claims],
                                       texts)
            ),
            None,
        )
        if hit is not None:
            used.add(hit.id)
            matched += 1
        lines.append(f"{'✓' if hit else '✗'} {item['verdict']:<13} {item['what']}")
    return len(gold["comparisons"]), matched, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", type=Path, help="folder with *.txt articles and gold.json")
    args = parser.parse_args()
    gold = json.loads((args.seeds / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "seeds.db")
        analyze(sorted(str(p) for p in args.seeds.glob("*.txt")), store)
        documents = {Path(d.path).stem: d for d in store.documents()}
        extractions = store.extractions()
        entities = {e.id: e for e in store.entities()}
        names = gold_names(gold)
        texts = {
            "ids": {d.id: stem for stem, d in documents.items()},
            "docs": {d.id: d.text for d in documents.values()},
        }
        rows = []
        totals = dict.fromkeys(
            ("quotes", "quotes_found", "quotes_right", "quantities", "quantities_found",
             "quantities_scoped", "dates", "dates_right", "windows"), 0
        )
        for stem, gold_doc in gold["documents"].items():
            document = documents.get(stem)
            if document is None:
                print(f"missing document {stem}", file=sys.stderr)
                continue
            extraction = extractions[document.id]
            q_total, q_found, q_right = score_quotes(gold_doc, extraction, names, entities)
            n_total, n_found, n_scoped = score_quantities(gold_doc, extraction)
            d_total, d_right = score_dates(gold_doc, document, extraction)
            ok = window_ok(gold_doc, document)
            for key, value in zip(totals, (q_total, q_found, q_right, n_total, n_found, n_scoped,
                                           d_total, d_right, ok), strict=True):
                totals[key] += value
            rows.append((stem, f"{q_right}/{q_total}", f"{n_found}/{n_total}",
                         f"{d_right}/{d_total}", f"{document.published.value} "
                         f"({'ok' if ok else 'outside'} {gold_doc['published']['not_before']}.."
                         f"{gold_doc['published']['not_after']})"))
        c_total, c_ok = score_clusters(gold, " ".join(texts["docs"].values()),
                                       list(entities.values()))
        v_total, v_ok, verdict_lines = score_verdicts(gold, store, texts)
        store.close()

    console = Console(width=120)
    table = Table(title="newsprism on the seeds")
    for column in ("document", "quotes (right speaker)", "quantities", "dates", "published"):
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    console.print(table)
    for line in verdict_lines:
        console.print(line, highlight=False, markup=False)

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    summary = Table(title="summary")
    summary.add_column("metric")
    summary.add_column("value")
    summary.add_row("quotes found", f"{totals['quotes_found']}/{totals['quotes']}")
    summary.add_row("quotes with right speaker", f"{totals['quotes_right']}/{totals['quotes']}")
    summary.add_row("quantities found", f"{totals['quantities_found']}/{totals['quantities']}")
    summary.add_row("quantities with right scope",
                    f"{totals['quantities_scoped']}/{totals['quantities']}")
    summary.add_row("dates right", f"{totals['dates_right']}/{totals['dates']}")
    summary.add_row("publication windows", f"{totals['windows']}/{len(gold['documents'])}")
    summary.add_row("alias clusters resolved", f"{c_ok}/{c_total}")
    summary.add_row("verdicts matched", f"{v_ok}/{v_total}")
    console.print(summary)
    print(
        f"quotes_recall={ratio(totals['quotes_right'], totals['quotes']):.2f} "
        f"quantities_recall={ratio(totals['quantities_found'], totals['quantities']):.2f} "
        f"dates_accuracy={ratio(totals['dates_right'], totals['dates']):.2f} "
        f"pub_windows_ok={totals['windows']}/{len(gold['documents'])} "
        f"verdicts_matched={v_ok}/{v_total} alias_clusters_ok={c_ok}/{c_total}"
    )


if __name__ == "__main__":
    main()
