"""Cross-document entity coreference on ECB+ human-participant and location mentions.

Usage: .venv/bin/python bench/aliases.py ../shared/bench-data/ecbplus [--topics 2,5,12]

Gold mentions (HUMAN_PART_* and LOC_* markables in the sentences ECBplus_coreference_sentences.csv
selects) are given to newsprism's resolver as mentions (PERSON / ORG / GPE by their tag); it links
them within each topic (the usual gold-topic setting). Names go through newsprism.link.aliases
(spelling, transliteration, acronyms, surnames, gazetteer); pronouns and common-noun mentions,
which the resolver does not handle, are attached by the bench's simple rules (a pronoun to the
closest preceding person/organisation mention of its document, a common noun by its head word) —
shown as a separate row so the resolver's own share is visible. Scores: MUC, B³, CEAF-e and their
mean (CoNLL F1), computed here from their definitions.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table
from scipy.optimize import linear_sum_assignment

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stories import DEV_TOPICS, EcbDoc, read_corpus, selected_sentences

from newsprism.link.aliases import resolve
from newsprism.model import Document, Extraction, Mention

TAG_LABEL = {"HUMAN_PART_PER": "PERSON", "HUMAN_PART_ORG": "ORG", "HUMAN_PART_GENERIC": "PERSON",
             "HUMAN_PART_MET": "PERSON", "HUMAN_PART_FAC": "ORG", "HUMAN_PART_VEH": "ORG",
             "LOC_GEO": "GPE", "LOC_FAC": "FAC", "LOC_OTHER": "LOC"}
PRONOUNS = frozenset({
    "he", "she", "him", "her", "his", "hers", "himself", "herself", "they", "them", "their",
    "theirs", "themselves", "it", "its", "itself", "who", "whom", "whose", "i", "me", "my", "we",
    "us", "our", "you", "your", "which", "that",
})
DETERMINERS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your",
})

Key = tuple[str, int, int]


def _is_name(text: str) -> bool:
    words = [w for w in text.split() if w.lower() not in DETERMINERS]
    return bool(words) and words[0][:1].isupper()


def system_clusters(docs: Sequence[EcbDoc], chosen: set[tuple[str, int]],
                    names_only: bool) -> tuple[dict[Key, str], dict[Key, str]]:
    """(gold cluster, system cluster) per gold mention of one topic."""
    documents = {d.name: Document(id=d.name, text=d.text) for d in docs}
    extractions: dict[str, Extraction] = {}
    gold: dict[Key, str] = {}
    others: list[tuple[EcbDoc, Mention]] = []
    for d in docs:
        mentions = []
        for g in d.mentions:
            if g.tag not in TAG_LABEL or (chosen and (d.name, g.sentence) not in chosen):
                continue
            gold[(d.name, g.start, g.end)] = g.cluster
            mention = Mention(d.name, g.start, g.end, g.text, TAG_LABEL[g.tag])
            if _is_name(g.text):
                mentions.append(mention)
            else:
                others.append((d, mention))
        extractions[d.name] = Extraction(doc_id=d.name, mentions=mentions)
    resolution = resolve(documents, extractions)
    system: dict[Key, str] = dict(resolution.by_mention)
    by_doc: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for (doc_id, start, _end), entity in system.items():
        label = next(m.label for m in extractions[doc_id].mentions if m.start == start)
        by_doc[doc_id].append((start, entity, label))
    for (doc_id, start, end), _ in gold.items():
        system.setdefault((doc_id, start, end), f"{doc_id}:{start}")
    if names_only:
        return gold, system
    for d, mention in sorted(others, key=lambda x: (x[0].name, x[1].start)):
        key = (d.name, mention.start, mention.end)
        words = mention.text.lower().split()
        if len(words) == 1 and words[0] in PRONOUNS:
            before = [e for s, e, label in by_doc[d.name]
                      if s < mention.start and label in {mention.label, "PERSON"}]
            if before:
                system[key] = before[-1]
            continue
        head = words[-1] if words else ""
        system[key] = f"{mention.label}|head|{head}"
    return gold, system


def _clusters(assignment: Mapping[Key, str]) -> list[set[Key]]:
    groups: dict[str, set[Key]] = defaultdict(set)
    for key, c in assignment.items():
        groups[c].add(key)
    return list(groups.values())


def muc(key: list[set[Key]], response: list[set[Key]]) -> tuple[float, float]:
    def score(a: list[set[Key]], b: list[set[Key]]) -> tuple[float, float]:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0.0
        for c in a:
            parts = {where.get(m, ("solo", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num, den

    rn, rd = score(key, response)
    pn, pd = score(response, key)
    return (pn / pd if pd else 0.0), (rn / rd if rd else 0.0)


def b_cubed(key: list[set[Key]], response: list[set[Key]]) -> tuple[float, float]:
    k_of = {m: c for c in key for m in c}
    r_of = {m: c for c in response for m in c}
    p = sum(len(r_of[m] & k_of.get(m, set())) / len(r_of[m]) for m in r_of) / max(len(r_of), 1)
    r = sum(len(k_of[m] & r_of.get(m, set())) / len(k_of[m]) for m in k_of) / max(len(k_of), 1)
    return p, r


def ceaf_e(key: list[set[Key]], response: list[set[Key]]) -> tuple[float, float]:
    sim = np.zeros((len(key), len(response)))
    where = defaultdict(list)
    for j, c in enumerate(response):
        for m in c:
            where[m].append(j)
    for i, c in enumerate(key):
        for m in c:
            for j in where[m]:
                sim[i, j] += 2 / (len(c) + len(response[j]))
    rows, cols = linear_sum_assignment(-sim)
    total = sim[rows, cols].sum()
    return total / max(len(response), 1), total / max(len(key), 1)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(docs: Sequence[EcbDoc], chosen: set[tuple[str, int]], names_only: bool
             ) -> dict[str, tuple[float, float, float]]:
    gold: dict[Key, str] = {}
    system: dict[Key, str] = {}
    by_topic: dict[int, list[EcbDoc]] = defaultdict(list)
    for d in docs:
        by_topic[d.topic].append(d)
    for topic, members in by_topic.items():
        g, s = system_clusters(members, chosen, names_only)
        gold.update(g)
        system.update({k: f"{topic}/{v}" for k, v in s.items()})
    key, response = _clusters(gold), _clusters(system)
    out = {}
    for name, metric in (("MUC", muc), ("B3", b_cubed), ("CEAF-e", ceaf_e)):
        p, r = metric(key, response)
        out[name] = (p, r, f1(p, r))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--topics", default="", help="comma-separated topics (default: dev)")
    args = parser.parse_args()
    topics = [int(t) for t in args.topics.split(",")] if args.topics else list(DEV_TOPICS)
    docs = read_corpus(args.data, topics)
    chosen = selected_sentences(args.data)
    table = Table(title=f"Cross-document entity coreference, ECB+ topics {topics}")
    for column in ("system", "metric", "P", "R", "F1"):
        table.add_column(column)
    final: dict[str, tuple[float, float, float]] = {}
    for label, names_only in (("names only (resolver)", True),
                              ("resolver + pronoun/head rules", False)):
        scores = evaluate(docs, chosen, names_only)
        for metric, (p, r, f) in scores.items():
            table.add_row(label, metric, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}")
        conll = sum(f for _, _, f in scores.values()) / 3
        table.add_row(label, "CoNLL F1", "", "", f"{conll:.3f}")
        final = scores
    Console().print(table)
    muc_f, b3_f, ce_f = (final[m][2] for m in ("MUC", "B3", "CEAF-e"))
    print(f"muc_f1={muc_f:.3f} b3_f1={b3_f:.3f} ceafe_f1={ce_f:.3f} "
          f"conll_f1={(muc_f + b3_f + ce_f) / 3:.3f}")


if __name__ == "__main__":
    main()
