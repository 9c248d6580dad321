"""Reuse detection on ECB+ articles: generated copies and rewrites vs independent reports.

Usage: .venv/bin/python bench/reuse.py ../shared/bench-data/ecbplus [--seed 7]
       .venv/bin/python bench/reuse.py --real CORPUS_JSONL GOLD_JSON [CORPUS_JSONL GOLD_JSON ...]

Dependent pairs are generated at run time from the real article texts: an exact copy, a trimmed
and re-ordered rewrite (lead kept, tail cut, middle paragraphs swapped), a re-headlined copy (new
first line) and a copy with its numbers rounded. Independent pairs are two different articles of
the same ECB+ seminal event (different outlets reporting the same earthquake). Every original,
variant and article is put into ONE corpus and ``detect_reuse`` runs once over it (so LSH blocking
is part of what is measured); a pair counts as predicted dependent when a link joins it.

ECB+ itself holds syndicated wire text: two outlets' articles of one event that carry the same
paragraphs. An "independent" pair whose texts share a verbatim passage of SYNDICATED_WORDS words or
more (longest common run of words, found with difflib, not with the detector's shingles) is such a
copy, so it is also counted apart: ``clean_*`` figures leave those pairs out, the plain figures
keep every pair as generated.

``--real`` is the precision side of ``bench/events.py``'s ``reuse_recall`` on a real-dev corpus:
the corpus goes through ``newsprism analyze`` and ``report`` as there, and every reuse link
whose two reports the gold does not put in one copy group is listed with its kind, its evidence
and the longest verbatim run of words the two texts share, for a reader to judge (a link the
gold does not list is not always wrong: the gold lists the pairs its author checked). It ends
with ``links=… links_outside_gold=… reuse_recall=…`` per event.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stories import read_corpus

from newsprism.link.reuse import detect_reuse
from newsprism.model import Document

MIN_SENTENCES = 5  # articles shorter than this cannot be trimmed and still be a rewrite
INDEPENDENT_PER_EVENT = 12
SYNDICATED_WORDS = 20  # a common verbatim run this long makes an "independent" pair a copy


def longest_common_words(a: str, b: str) -> int:
    words_a, words_b = a.split(), b.split()
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    return matcher.find_longest_match(0, len(words_a), 0, len(words_b)).size
_NUMBER = re.compile(r"\b\d[\d,.]*\b")


def _round(match: re.Match[str]) -> str:
    raw = match.group(0).replace(",", "")
    try:
        value = float(raw)
    except ValueError:
        return match.group(0)
    if value >= 100:
        return f"about {round(value, -1 if value < 1000 else -2):,.0f}"
    return f"some {round(value)}"


def variants(text: str, rng: random.Random) -> dict[str, str]:
    lines = [line for line in text.split("\n") if line.strip()]
    body = lines[1:] if len(lines) > 1 else lines
    cut = max(3, int(len(body) * rng.uniform(0.5, 0.8)))
    kept = body[:cut]
    if len(kept) > 3:
        i = rng.randrange(1, len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    headline = "Latest: " + " ".join(lines[0].split()[:6]) + " , reports say"
    return {
        "copy": text,
        "rewrite (trimmed, re-ordered)": "\n".join(kept),
        "rewrite (re-headlined)": "\n".join([headline, *body]),
        "rewrite (numbers rounded)": _NUMBER.sub(_round, text),
    }


def real(paths: list[Path]) -> None:
    """Links on real-dev corpora that the gold does not list, with what they share."""
    import json
    import tempfile

    from events import load_corpus, record_ids, run_newsprism, score_reuse, write_user_jsonl

    from newsprism.link.reuse import independent_groups
    from newsprism.model import ReuseLink

    figures: list[str] = []
    for corpus_path, gold_path in zip(paths[::2], paths[1::2], strict=True):
        name = gold_path.parent.name
        rows = load_corpus(corpus_path)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            user = Path(tmp) / "corpus.jsonl"
            write_user_jsonl(rows, user, dates=False)
            record, _, _ = run_newsprism(user, Path(tmp))
        corpus_id = record_ids(record, rows)
        texts = {row["id"]: row.get("excerpt") or "" for row in rows}
        languages = {row["id"]: row.get("lang") or "" for row in rows}
        pairs = gold["reuse_pairs"]
        gold_group = independent_groups(
            sorted({i for pair in pairs for i in pair}),
            [ReuseLink(a, b, "copy", 1.0) for a, b in pairs],
        )
        outside = []
        links = [link for link in record["reuse_links"]
                 if link["doc_a"] in corpus_id and link["doc_b"] in corpus_id]
        for link in links:
            a, b = corpus_id[link["doc_a"]], corpus_id[link["doc_b"]]
            if a in gold_group and b in gold_group and gold_group[a] == gold_group[b]:
                continue
            outside.append((a, b, link))
        recall, _, _ = score_reuse(gold, record, corpus_id)
        print(f"\n{name}: {len(links)} links, {len(outside)} outside the gold's copy groups")
        for a, b, link in outside:
            words_a, words_b = texts[a].split(), texts[b].split()
            match = SequenceMatcher(None, words_a, words_b, autojunk=False).find_longest_match(
                0, len(words_a), 0, len(words_b)
            )
            shared = " ".join(words_a[match.a:match.a + match.size])
            print(f"  {a} ({languages[a]}) – {b} ({languages[b]}) {link['kind']} "
                  f"{link['score']}: {link.get('evidence', '')}")
            print(f"      longest verbatim run: {match.size} words: {shared[:160]!r}")
        figures.append(f"{name}.links={len(links)} {name}.links_outside_gold={len(outside)} "
                       f"{name}.reuse_recall={recall:.3f}")
    print(" ".join(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, nargs="+")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--real", action="store_true",
                        help="DATA is CORPUS_JSONL GOLD_JSON pairs of real-dev events")
    args = parser.parse_args()
    if args.real:
        if len(args.data) % 2:
            parser.error("give CORPUS_JSONL GOLD_JSON pairs")
        real(args.data)
        return
    args.data = args.data[0]
    rng = random.Random(args.seed)
    docs = [d for d in read_corpus(args.data) if d.text.count("\n") + 1 >= MIN_SENTENCES]
    corpus: list[Document] = [Document(id=d.name, text=d.text) for d in docs]
    pairs: list[tuple[str, str, str, str]] = []  # (a, b, gold kind, generator)
    for d in docs:
        for name, text in variants(d.text, rng).items():
            vid = f"{d.name}~{name.split()[0]}{len(pairs)}"
            corpus.append(Document(id=vid, text=text))
            pairs.append((d.name, vid, name.split()[0], name))
    by_event: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        by_event[d.event].append(d.name)
    for names in by_event.values():
        candidates = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
        for a, b in rng.sample(candidates, min(INDEPENDENT_PER_EVENT, len(candidates))):
            pairs.append((a, b, "independent", "same event, other article"))
    links = detect_reuse(corpus)
    found = {frozenset((link.doc_a, link.doc_b)): link.kind for link in links}
    confusion: Counter[tuple[str, str]] = Counter()
    per_generator: dict[str, Counter[str]] = defaultdict(Counter)
    texts = {d.id: d.text for d in corpus}
    syndicated = {
        (a, b) for a, b, gold, _ in pairs
        if gold == "independent" and longest_common_words(texts[a], texts[b]) >= SYNDICATED_WORDS
    }
    counts = {"all": [0, 0, 0], "clean": [0, 0, 0]}  # tp, fp, fn
    for a, b, gold, generator in pairs:
        predicted = found.get(frozenset((a, b)), "independent")
        confusion[(gold, predicted)] += 1
        per_generator[generator][predicted] += 1
        dependent_gold, dependent_pred = gold != "independent", predicted != "independent"
        for name in ("all", "clean") if (a, b) not in syndicated else ("all",):
            counts[name][0] += dependent_gold and dependent_pred
            counts[name][1] += dependent_pred and not dependent_gold
            counts[name][2] += dependent_gold and not dependent_pred
    scores = {}
    for name, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        scores[name] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, tp, fp, fn)
    p, r, f, tp, fp, fn = scores["all"]
    cp, cr, cf, _, cfp, _ = scores["clean"]
    linked_syndicated = sum(1 for a, b in syndicated if frozenset((a, b)) in found)
    console = Console()
    table = Table(title=f"Reuse detection: {len(corpus)} documents in one run, {len(pairs)} pairs")
    table.add_column("pairs")
    kinds = ["copy", "rewrite", "translation", "independent"]
    for kind in kinds:
        table.add_column(f"→ {kind}")
    for generator, counts in per_generator.items():
        table.add_row(generator, *(str(counts[k]) for k in kinds))
    console.print(table)
    matrix = Table(title="Confusion (gold rows × predicted columns)")
    matrix.add_column("gold")
    for kind in kinds:
        matrix.add_column(kind)
    for gold in ("copy", "rewrite", "independent"):
        matrix.add_row(gold, *(str(confusion[(gold, k)]) for k in kinds))
    console.print(matrix)
    console.print(f"dependent: P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn})")
    console.print(
        f"{len(syndicated)} 'independent' pairs share a verbatim passage of {SYNDICATED_WORDS}+ "
        f"words (syndicated), {linked_syndicated} of them linked; without them: "
        f"P={cp:.3f} R={cr:.3f} F1={cf:.3f} (fp={cfp})"
    )
    print(f"dependent_p={p:.3f} dependent_r={r:.3f} dependent_f1={f:.3f} "
          f"clean_p={cp:.3f} clean_r={cr:.3f} clean_f1={cf:.3f} syndicated={len(syndicated)}")


if __name__ == "__main__":
    main()
