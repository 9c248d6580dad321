"""References: descriptions and pronouns take the entity of what they point at.

Reference chains are followed to a name; a chain ending in a description with no name is
decided by the description's head within its scope (votes weighed by article
similarity), or groups with same-head descriptions of similar articles, before
:mod:`newsprism.link.aliases.roles` places what is left.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage

from newsprism.link.aliases.forms import _clean, _cls, _Node
from newsprism.link.aliases.roles import (
    _DESCRIPTION,
    COLLECTIVE_HEADS,
    HEAD_MAJORITY,
    VOTE_SIMILARITY,
    _descriptions_to_people,
    role_word,
)
from newsprism.link.translit import skeleton
from newsprism.model import Mention

# Follow at most this many reference hops ("she" → "the actress" → "Lindsay Lohan").
MAX_REF_HOPS = 8


_DESCRIPTION_DETERMINERS = re.compile(r"^(?:the|a|an|this|that|our|their|its)\s+", re.I)


def _inflected(mention: Mention) -> bool:
    """'vessels' against its lemma 'vessel': a plural group, not the one vessel."""
    words = re.findall(r"[a-z]+", mention.text.lower())
    return bool(words) and words[-1] != mention.head and words[-1].startswith(mention.head[:3])


def _named_as(
    mention: Mention, nodes: Mapping[str, _Node], docs: set[str],
    full_names: Mapping[str, Sequence[_Node]],
) -> str | None:
    """The name node a description spells out ("surgeon general" = "Surgeon General") in the
    same scope, if any: the same words capitalised elsewhere are that name. A capitalised single
    word the tagger took for a noun ("DeGeneres" in a headline) is matched as a surname."""
    text = _DESCRIPTION_DETERMINERS.sub("", _clean(mention.text))
    key = f"{_cls(mention.label)}|{skeleton(text)}"
    node = nodes.get(key)
    exact = key if node is not None and node.docs & docs else None
    if _cls(mention.label) != "PERSON" or " " in text or not text[:1].isupper():
        return exact
    # a surname: the full name it stands for (its one-word node is only a short form)
    candidates = full_names.get(skeleton(text), ())
    for where in ({mention.doc_id}, docs):
        found = [n for n in candidates if n.docs & where]
        if len(found) == 1:
            return found[0].key
        if found:
            return exact
    return exact


# Two articles' unresolved same-head descriptions ("the man") are one entity when the articles
# are this similar on average-link (TF-IDF cosine). Calibrated on ECB+ dev topics, where one
# topic holds two sister events: 0.03-0.1 tried (CoNLL 0.720-0.724), 0.05 best; single link at
# 0.1 chained sister events together through one bridging article.
DESCRIPTION_SIMILARITY = 0.05


def _similar_components(
    groups: Mapping[tuple[str, str, str], set[str]],
    similarity: Callable[[str, str], float] | None,
) -> dict[tuple[str, str, str, str], str]:
    """(scope, class, head, doc) -> representative doc of its group of similar articles.

    Average link: a group joins another only when their articles are similar on average, so
    one bridging article does not chain two sister events' "the man" together.
    """
    out: dict[tuple[str, str, str, str], str] = {}
    for (scope, cls, head), docs in groups.items():
        ordered = sorted(docs)
        if similarity is None or len(ordered) < 2:
            for doc_id in ordered:
                out[(scope, cls, head, doc_id)] = ""
            continue
        distances = np.array([1.0 - similarity(a, b)
                              for a, b in itertools.combinations(ordered, 2)])
        labels = fcluster(linkage(np.clip(distances, 0.0, None), method="average"),
                          t=1.0 - DESCRIPTION_SIMILARITY, criterion="distance")
        first: dict[int, str] = {}
        for doc_id, label in zip(ordered, labels, strict=True):
            out[(scope, cls, head, doc_id)] = first.setdefault(int(label), doc_id)
    return out


def _resolve_references(
    references: Mapping[tuple[str, int, int], Mention], keys: Mapping[tuple[str, int, int], str],
    root_of_mention: dict[tuple[str, int, int], str], scopes: Mapping[str, str],
    similarity: Callable[[str, str], float] | None,
    evidence: dict[str, list[str]], nodes: Mapping[str, _Node],
    extra_surfaces: dict[str, Counter[str]], node_root: Callable[[str], str],
    roles: Mapping[tuple[str, int, int], Sequence[str]],
) -> None:
    """Give descriptions and pronouns the entity of what they refer to (see :func:`resolve`)."""

    def chain_end(key: tuple[str, int, int]) -> tuple[str, int, int]:
        """The last mention of a reference chain: a name, or a description pointing nowhere."""
        current = key
        for _ in range(MAX_REF_HOPS):
            mention = references.get(current)
            if mention is None or mention.ref_start is None or mention.ref_end is None:
                return current
            current = (current[0], mention.ref_start, mention.ref_end)
        return current

    head_roots: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    pending: list[tuple[tuple[str, int, int], tuple[str, int, int]]] = []
    pronouns: Counter[tuple[str, str]] = Counter()
    for key in sorted(references):
        mention = references[key]
        end = chain_end(key)
        root = root_of_mention.get(end) if end not in references else None
        if root is None:
            pending.append((key, end))
            continue
        root_of_mention[key] = root
        if mention.kind == "nominal":
            scope = scopes.get(key[0], key[0])
            head_roots[(scope, _cls(mention.label), role_word(mention.head))].append(
                (key[0], root))
            why = f"{mention.text!r} refers to it in {key[0]} ({mention.ref_rule or 'coref'})"
            if why not in evidence[root]:
                evidence[root].append(why)
        else:
            pronouns[(root, key[0])] += 1
    # chains that end in a description with no name: the description's head decides
    groups: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for key, end in pending:
        last = references.get(end)
        if last is not None and last.kind == "nominal" and last.head:
            groups[(scopes.get(key[0], key[0]), _cls(last.label), role_word(last.head))].add(
                key[0])
    component = _similar_components(groups, similarity)
    full_names: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes.values():
        if node.cls == "PERSON" and len(node.words) >= 2:
            full_names[node.words[-1]].append(node)
    scope_docs: dict[str, set[str]] = defaultdict(set)
    for doc_id, _start, _end in keys:
        scope_docs[scopes.get(doc_id, doc_id)].add(doc_id)
    for key, end in pending:
        mention = references[key]
        last = references.get(end)
        if last is None or last.kind != "nominal" or not last.head:
            continue
        scope = scopes.get(key[0], key[0])
        cls = _cls(last.label)
        named = _named_as(last, nodes, scope_docs.get(scope, set()), full_names)
        if named is not None:
            root = node_root(named)
            root_of_mention[key] = root
            why = f"{last.text!r} in {key[0]} is written as the name {named.split('|', 1)[1]!r}"
            if why not in evidence[root]:
                evidence[root].append(why)
            if mention.kind != "nominal":
                pronouns[(root, key[0])] += 1
            continue
        votes: Counter[str] = Counter()
        # one vote per article and entity, however often the article repeats the description
        head = role_word(last.head)
        for other_doc, other_root in sorted(set(head_roots.get((scope, cls, head), []))):
            if similarity is None:
                votes[other_root] += 1.0
            elif (weight := similarity(key[0], other_doc)) >= VOTE_SIMILARITY:
                votes[other_root] += weight
        total = sum(votes.values())
        group = component[(scope, cls, head, key[0])]
        # a group noun is one referent in the singular and the plural ("police", "cops")
        number = "grp" if head in COLLECTIVE_HEADS else "pl" if _inflected(last) else "sg"
        root = f"{_DESCRIPTION}{scope}|{cls}|{head}|{group}|{number}"
        if total > 0:
            best, weight = votes.most_common(1)[0]
            if weight / total >= HEAD_MAJORITY:
                root = best
                why = (f"{last.text!r} in {key[0]}: 'the {head}' of this story "
                       f"refers to it elsewhere ({weight / total:.0%} of the votes)")
                if why not in evidence[root]:
                    evidence[root].append(why)
        root_of_mention[key] = root
        if root.startswith(_DESCRIPTION):
            if mention.kind == "nominal":
                extra_surfaces[root][_clean(mention.text)] += 1
            why = f"same description {head!r} in similar articles of one story"
            if why not in evidence[root]:
                evidence[root].append(why)
        elif mention.kind != "nominal":
            pronouns[(root, key[0])] += 1
    _descriptions_to_people(references, root_of_mention, nodes, evidence, similarity, roles,
                            scopes)
    for (root, doc_id), count in sorted(pronouns.items()):
        evidence[root].append(f"{count} pronoun(s) refer to it in {doc_id}")
