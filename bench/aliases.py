"""Cross-document entity coreference on ECB+ human-participant and location mentions.

Usage: .venv/bin/python bench/aliases.py ../shared/bench-data/ecbplus [--topics 2,5,12]

Gold mentions (HUMAN_PART_* and LOC_* markables in the sentences ECBplus_coreference_sentences.csv
selects) are linked within each topic (the usual gold-topic setting) by newsprism's own code, on
the full text parsed by the base English pipeline: gold mentions that are names go to
newsprism.link.aliases as names with their clause roles
(newsprism.extract.entities.coref.verb_roles; NER names elsewhere in the article join them, as in
the product); descriptions and pronouns go through
newsprism.extract.entities.coref.find_references (apposition, descriptors, head-in-name, same
head, pronouns), then aliases.resolve gives them their
antecedent's entity or matches unresolved descriptions by head within the topic, optionally with
votes weighted by article similarity (TF-IDF cosine). No coreference rule lives in this script.
Scores: MUC, B³, CEAF-e and their mean (CoNLL F1), computed here from their definitions; the last
line is the last row of the table.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table
from scipy.optimize import linear_sum_assignment

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spacy.tokens import Doc
from stories import DEV_TOPICS, EcbDoc, read_corpus, selected_sentences

from newsprism.link.aliases import resolve
from newsprism.model import Document, Extraction, Mention

TAG_LABEL = {"HUMAN_PART_PER": "PERSON", "HUMAN_PART_ORG": "ORG", "HUMAN_PART_GENERIC": "PERSON",
             "HUMAN_PART_MET": "PERSON", "HUMAN_PART_FAC": "ORG", "HUMAN_PART_VEH": "ORG",
             "LOC_GEO": "GPE", "LOC_FAC": "FAC", "LOC_OTHER": "LOC"}
Key = tuple[str, int, int]
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


def parse(docs: Sequence[EcbDoc]) -> dict[str, Doc]:
    """The base English pipeline (tagger, parser, lemmas, NER) over every document, once."""
    from newsprism.extract.core import extensions
    from newsprism.nlp import load_base_model

    extensions.register_extensions()
    nlp = load_base_model()
    parsed: dict[str, Doc] = {}
    for d, doc in zip(docs, nlp.pipe((x.text for x in docs), batch_size=16), strict=True):
        doc._.doc_id = d.name
        parsed[d.name] = doc
    return parsed


def story_scopes(docs: Sequence[EcbDoc], parsed: Mapping[str, Doc]) -> dict[str, str]:
    """Stories within the topic from newsprism's own grouping (TF-IDF + entities, no encoder)."""
    from newsprism.extract.entities.component import find_mentions
    from newsprism.link.stories import cluster, terms, tfidf_vectors

    documents = [Document(id=d.name, text=d.text) for d in docs]
    extractions = {d.name: Extraction(doc_id=d.name, mentions=find_mentions(parsed[d.name]))
                   for d in docs}
    vectors = tfidf_vectors({d.id: terms(d, extractions[d.id]) for d in documents})
    from newsprism.link.embeddings import embed_documents

    groups = cluster(documents, vectors, embed_documents(documents))
    return {doc_id: f"s{i}" for i, group in enumerate(groups) for doc_id in group}


def doc_similarity(docs: Sequence[EcbDoc]) -> Callable[[str, str], float]:
    """TF-IDF cosine between two documents of the topic (newsprism.link.stories' terms)."""
    from newsprism.link.stories import pair_similarity, terms, tfidf_vectors

    return pair_similarity(
        tfidf_vectors({d.name: terms(Document(id=d.name, text=d.text), None) for d in docs})
    )


def system_clusters(docs: Sequence[EcbDoc], chosen: set[tuple[str, int]], names_only: bool,
                    parsed: Mapping[str, Doc], scopes: Mapping[str, str] | None,
                    similarity: Callable[[str, str], float] | None = None,
                    ) -> tuple[dict[Key, str], dict[Key, str]]:
    """(gold cluster, system cluster) per gold mention of one topic."""
    from newsprism.extract.entities.component import find_mentions
    from newsprism.extract.entities.coref import find_references, mention_kind, verb_roles

    documents = {d.name: Document(id=d.name, text=d.text) for d in docs}
    extractions: dict[str, Extraction] = {}
    gold: dict[Key, str] = {}
    for d in docs:
        doc = parsed[d.name]
        names: list[Mention] = []
        others: list[Mention] = []
        for g in d.mentions:
            if g.tag not in TAG_LABEL or (chosen and (d.name, g.sentence) not in chosen):
                continue
            gold[(d.name, g.start, g.end)] = g.cluster
            mention = Mention(d.name, g.start, g.end, g.text, TAG_LABEL[g.tag])
            span = doc.char_span(g.start, g.end, alignment_mode="expand")
            if span is not None and mention_kind(span) == "name":
                # newsprism's mentions are NER spans: "defensive tackle Jamal Williams" is
                # keyed by the name the NER finds inside it (the role words stay as descriptor)
                inner = [e for e in span.ents if e.label_ in NAME_TYPES and len(e) < len(span)
                         and e.start <= span.root.i < e.end]
                if inner:
                    mention.normal = inner[0].text
                names.append(mention)
            else:
                others.append(mention)
        # names the gold annotation does not mark (outside the selected sentences) still anchor
        # descriptions, as they would in the product
        taken = [(m.start, m.end) for m in names + others]
        extra = [m for m in find_mentions(doc)
                 if not any(m.start < e and s < m.end for s, e in taken)]
        mentions = verb_roles(doc, names + extra)
        if not names_only:
            mentions += find_references(doc, mentions, others)
        extractions[d.name] = Extraction(doc_id=d.name, mentions=mentions)
    resolution = resolve(documents, extractions, scopes, similarity)
    system: dict[Key, str] = {k: v for k, v in resolution.by_mention.items() if k in gold}
    for key in gold:
        system.setdefault(key, f"{key[0]}:{key[1]}")
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


def evaluate(docs: Sequence[EcbDoc], chosen: set[tuple[str, int]], names_only: bool,
             parsed: Mapping[str, Doc], scope: str,
             ) -> dict[str, tuple[float, float, float]]:
    gold: dict[Key, str] = {}
    system: dict[Key, str] = {}
    by_topic: dict[int, list[EcbDoc]] = defaultdict(list)
    for d in docs:
        by_topic[d.topic].append(d)
    for topic, members in by_topic.items():
        scopes = (story_scopes(members, parsed) if scope == "stories"
                  else {d.name: str(topic) for d in members})
        similarity = doc_similarity(members) if scope == "similar" else None
        g, s = system_clusters(members, chosen, names_only, parsed, scopes, similarity)
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
    parser.add_argument("--scope", choices=("topic", "stories"), default="topic",
                        help="also show descriptions matched within newsprism's stories")
    args = parser.parse_args()
    topics = [int(t) for t in args.topics.split(",")] if args.topics else list(DEV_TOPICS)
    docs = read_corpus(args.data, topics)
    chosen = selected_sentences(args.data)
    table = Table(title=f"Cross-document entity coreference, ECB+ topics {topics}")
    for column in ("system", "metric", "P", "R", "F1"):
        table.add_column(column)
    parsed = parse(docs)
    final: dict[str, tuple[float, float, float]] = {}
    rows = [("names only (resolver)", True, "topic"),
            ("+ coref, heads in topic", False, "topic")]
    if args.scope == "stories":
        rows.append(("+ coref, heads in stories", False, "stories"))
    rows.append(("+ coref, heads in topic, similarity", False, "similar"))
    for label, names_only, scope in rows:
        scores = evaluate(docs, chosen, names_only, parsed, scope)
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
