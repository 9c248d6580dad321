"""The resolution driver: :func:`resolve` builds the entities, :func:`assign` writes them back.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsprism.link.aliases.forms import (
    _DEMONYM_LEAD,
    _HONORIFIC,
    _clean,
    _cls,
    _key_of,
    _Node,
    _node_key,
    _UnionFind,
)
from newsprism.link.aliases.glosses import gloss_merges
from newsprism.link.aliases.names import (
    _merge_rules,
    _parenthetical_merges,
    _place_endings,
    _places_by_spelling,
    _short_forms,
    _vowel_variants,
)
from newsprism.link.aliases.references import _resolve_references
from newsprism.link.aliases.roles import _DESCRIPTION, _DESCRIPTION_LABEL
from newsprism.link.aliases.scripts import (
    foreign_name,
    is_trusted,
    known_names,
    learn_transcriptions,
    other_scripts,
    project,
)
from newsprism.link.aliases.translations import translation_merges
from newsprism.link.aliases.variants import more_projections, tighten
from newsprism.link.places import lookup
from newsprism.link.translit import skeleton
from newsprism.model import Document, Entity, Extraction, Mention, Quote


@dataclass
class Resolution:
    entities: list[Entity]
    by_mention: dict[tuple[str, int, int], str]  # (doc_id, start, end) -> entity id


# "The republic's National Guard", "the country's Health Ministry": an organisation or place
# named through a possessive description of its country. At most this many characters back.
_POSSESSIVE_REACH = 40
_POSSESSIVE_BEFORE = re.compile(r"(?:^|(?<=\s))((?:[Tt]he|[Ii]ts|[Tt]heir) [a-z]+['’]s )$")


def _possessive_forms(
    documents: Mapping[str, Document], keys: Mapping[tuple[str, int, int], str],
    nodes: Mapping[str, _Node], root_of_mention: Mapping[tuple[str, int, int], str],
    evidence: dict[str, list[str]],
) -> dict[str, set[str]]:
    """Root -> the possessive forms of its name seen in the texts, as aliases."""
    found: dict[str, set[str]] = defaultdict(set)
    for (doc_id, start, end), key in keys.items():
        node = nodes[key]
        document = documents.get(doc_id)
        if node.cls not in {"ORG", "FAC", "PLACE"} or document is None:
            continue
        match = _POSSESSIVE_BEFORE.search(document.text[max(0, start - _POSSESSIVE_REACH):start])
        root = root_of_mention.get((doc_id, start, end))
        if match is None or root is None:
            continue
        form = match.group(1) + document.text[start:end]
        if form not in found[root]:
            found[root].add(form)
            evidence[root].append(f"possessive form: {form!r} in {doc_id}")
    return found


# One or two capitalised words right before a person's name: a title if the honorifics know it.
_BEFORE_NAME = re.compile(r"(?:^|(?<=[\s(\[\"“«]))((?:[A-ZÀ-Ý][\w.]*\s){1,2})$")


def _titled_forms(
    documents: Mapping[str, Document], keys: Mapping[tuple[str, int, int], str],
    nodes: Mapping[str, _Node], root_of_mention: Mapping[tuple[str, int, int], str],
    evidence: dict[str, list[str]],
) -> dict[str, set[str]]:
    """Root -> a person's name as written after a title ("President Aoun", "Général Michel
    Aoun"), as aliases: the title is dropped from the name's key, but it is how texts name
    them."""
    found: dict[str, set[str]] = defaultdict(set)
    for (doc_id, start, end), key in keys.items():
        document = documents.get(doc_id)
        if nodes[key].cls != "PERSON" or document is None:
            continue
        match = _BEFORE_NAME.search(document.text[max(0, start - _POSSESSIVE_REACH):start])
        root = root_of_mention.get((doc_id, start, end))
        if match is None or root is None:
            continue
        name = _clean(document.text[start:end])
        title = match.group(1)
        if _DEMONYM_LEAD.match(title):
            title = title.split(" ", 1)[1]  # "Turkish President": the title is "President"
        form = title + name
        # the whole capitalised run before the name is the title ("Vice President Oktay" is
        # no "President Oktay")
        if _HONORIFIC.match(form) and _HONORIFIC.sub("", form) == name and (
                form not in found[root]):
            found[root].add(form)
            evidence[root].append(f"title before the name: {form!r} in {doc_id}")
    return found


def _entity_id(label: str, canonical: str, taken: set[str]) -> str:
    base = "e_" + hashlib.sha1(f"{label}|{skeleton(canonical)}".encode()).hexdigest()[:12]
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    taken.add(candidate)
    return candidate


def _add_mention(
    nodes: dict[str, _Node], keys: dict[tuple[str, int, int], str], found: tuple[str, str],
    doc_id: str, mention: Mention, surface: str | None = None, label: str | None = None,
    trusted: bool = True,
) -> None:
    cls, key = found
    node = nodes.setdefault(key, _Node(key=key, cls=cls, trusted=trusted))
    node.trusted = node.trusted or trusted
    node.surfaces[_clean(surface or mention.normal or mention.text)] += 1
    if surface is None and mention.normal and _clean(mention.text) != _clean(mention.normal):
        node.written[_clean(mention.text)] += 1
    node.labels[label or mention.label] += 1
    node.docs.add(doc_id)
    keys[(doc_id, mention.start, mention.end)] = key


# The label a mention takes when the trusted articles say which class its name is.
_CLASS_LABEL = {"PLACE": "GPE"}
# Classes whose names are projected onto articles in other scripts and languages.
_PROJECTED = frozenset({"PERSON", "PLACE", "ORG", "FAC", "NORP"})
# A nationality's adjective shares its sound key with its country's name in most languages
# ("Turkish", "Turkije", "Τουρκίας"), but Chinese and Japanese never transcribe it (they write
# the country and 人): a name the tagger calls a nationality is found in their scripts only
# (a town it mislabelled: "ヌルダギ" is Nurdağı).
_CJK_ONLY = frozenset({"NORP"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _add_foreign(
    foreign: Mapping[str, list[Mention]], nodes: dict[str, _Node],
    keys: dict[tuple[str, int, int], str],
) -> dict[str, list[tuple[int, int, str, str]]]:
    """Mentions the English model found in articles in another language, trimmed to the
    capitalised name inside them: the longest tail of it that the trusted articles name (under
    their label for it: the model's label on another language is a guess), else the whole
    trimmed name. Returns doc id -> (start, end, node key, name) of the mentions kept."""
    classes_of: dict[str, Counter[str]] = defaultdict(Counter)
    for node in nodes.values():
        classes_of[node.key.split("|", 1)[1]][node.cls] += sum(node.labels.values())
    kept: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for doc_id in sorted(foreign):
        for mention in foreign[doc_id]:
            name = foreign_name(mention.normal or mention.text)
            if not name:
                continue
            words = name.split()
            chosen: tuple[str, str] | None = None
            for k in range(len(words)):
                tail = " ".join(words[k:])
                found = _key_of(tail, _cls(mention.label))
                if found is None:
                    continue
                others = classes_of.get(found[1].split("|", 1)[1], Counter())
                if others:
                    cls = others.most_common(1)[0][0]
                    if k and cls == "PERSON" and k == len(words) - 1:
                        break  # a surname alone is no tail of a full name ("Hassane Diab")
                    chosen, name = (cls, f"{cls}|{found[1].split('|', 1)[1]}"), tail
                    break
            if chosen is None:
                chosen = _key_of(name, _cls(mention.label))
            if chosen is None:
                continue
            label = mention.label if _cls(mention.label) == chosen[0] else _CLASS_LABEL.get(
                chosen[0], chosen[0])
            _add_mention(nodes, keys, chosen, doc_id, mention, surface=name, label=label,
                         trusted=False)
            kept[doc_id].append((mention.start, mention.end, chosen[1], name))
    return kept


def _project_known(
    documents: Mapping[str, Document], kept: Mapping[str, list[tuple[int, int, str, str]]],
    foreign_docs: Iterable[str], nodes: dict[str, _Node], keys: dict[tuple[str, int, int], str],
    uf: _UnionFind, evidence: dict[str, list[str]], trusted_keys: set[str],
) -> None:
    """The trusted articles' names found in the other articles' text, in any script
    (:func:`~newsprism.link.aliases.scripts.project`), each with its evidence. A found span
    over a kept mention joins that mention's name to the known one when it is that name (a
    known place inside a longer name, "Beirut" of "Beirut governor X", joins nothing)."""
    names: dict[str, tuple[str, list[str]]] = {}
    weight: Counter[str] = Counter()
    surnames = {nodes[k].words[-1] for k in trusted_keys
                if nodes[k].cls == "PERSON" and len(nodes[k].words) >= 2}
    for key in trusted_keys:
        node = nodes[key]
        if node.cls not in _PROJECTED:
            continue
        if node.cls == "PERSON" and len(node.words) == 1 and node.words[0] in surnames:
            continue  # a surname alone stands for its full name (a short form), no rival of it
        root = uf.find(key)
        surfaces = names.setdefault(root, (nodes[root].cls, []))[1]
        for surface, _ in node.surfaces.most_common(3):
            surfaces.append(surface)
            if "ğ" in surface:
                # Turkish ğ is silent to the sound key (Erdo-an), but other scripts transcribe
                # it as a g as often ("Эрдоган", "ヌルダギ"): the name is known both ways
                surfaces.append(surface.replace("ğ", "g"))
        weight[root] += sum(node.surfaces.values())
    known = known_names(names, weight)
    foreign_set = set(foreign_docs)
    # the foreign articles in full; in the trusted ones, only what is in another script
    # (an Arabic quotation in an English report)
    texts = {d: doc.text for d, doc in sorted(documents.items())
             if d in foreign_set or other_scripts(doc)}
    learned: dict[tuple[str, ...], tuple[str, str]] = {}
    for text in texts.values():
        for syllables, found in learn_transcriptions(text, known).items():
            learned.setdefault(syllables, found)
    for doc_id, text in texts.items():
        language = documents[doc_id].language
        hits = project(text, known, latin=doc_id in foreign_set,
                       cyrillic=doc_id in foreign_set or language != "ru", learned=learned)
        hits = tighten(hits)
        hits += more_projections(text, known, hits,
                                 cyrillic=doc_id in foreign_set or language != "ru")
        hits = [h for h in hits if nodes[h.target].cls not in _CJK_ONLY or _CJK.search(h.text)]
        for hit in hits:
            node = nodes[hit.target]
            why = (f"other script or spelling: {hit.text!r} = "
                   f"{node.surfaces.most_common(1)[0][0]!r} ({hit.why}) in {doc_id}")
            over = [(s, e, k, n) for s, e, k, n in kept.get(doc_id, ())
                    if s < hit.end and hit.start < e]
            done = False
            for start, end, key, name in over:
                if name == hit.text:  # the mention is that name: its name node joins
                    target = uf.find(hit.target)
                    if (root := uf.find(key)) != target:
                        uf.parent[root] = target  # the trusted name stays the root
                        evidence[key].append(why)
                        evidence[hit.target].append(why)
                    done = True
                elif name.endswith(hit.text) and start <= hit.start:
                    # the name after words the model took in ("Müdürü Hasan Kuraytim")
                    keys[(doc_id, start, end)] = hit.target
                    nodes[key].surfaces[name] -= 1
                    if nodes[key].surfaces[name] <= 0 and len(nodes[key].surfaces) > 1:
                        del nodes[key].surfaces[name]
                    node.written[hit.text] += 1
                    evidence[hit.target].append(why)
                    done = True
            if done:
                continue
            node.written[hit.text] += 1
            node.docs.add(doc_id)
            keys[(doc_id, hit.start, hit.end)] = hit.target
            evidence[hit.target].append(why)


def resolve(
    documents: Mapping[str, Document], extractions: Mapping[str, Extraction],
    scopes: Mapping[str, str] | None = None,
    similarity: Callable[[str, str], float] | None = None,
) -> Resolution:
    """Cluster every mention of the corpus into cross-document entities.

    Names are merged by the rules above. Descriptions and pronouns (``Mention.kind`` other than
    ``name``, from :func:`newsprism.extract.entities.coref.find_references`) take the entity of
    the mention they refer to; an unresolved description joins the entity its head noun describes
    elsewhere in its *scope* ("the actress" → Lindsay Lohan when another article of the story
    says "actress Lindsay Lohan"), or groups with same-head descriptions there. ``scopes`` maps a
    document id to its story (or any group of articles about one event); documents without a
    scope are their own scope, so unrelated stories never share a "the police".
    ``similarity(doc_a, doc_b)`` (e.g. a TF-IDF cosine), when given, weighs those votes so that
    "the host" follows the host named in the most similar articles of the scope.
    """
    nodes: dict[str, _Node] = {}
    keys: dict[tuple[str, int, int], str] = {}
    references: dict[tuple[str, int, int], Mention] = {}
    roles: dict[tuple[str, int, int], list[str]] = {}
    evidence: dict[str, list[str]] = defaultdict(list)
    foreign: dict[str, list[Mention]] = defaultdict(list)
    for doc_id, extraction in extractions.items():
        document = documents.get(doc_id)
        trusted = document is None or is_trusted(document.language, document.text)
        if not trusted:
            foreign.setdefault(doc_id, [])
        for mention in extraction.mentions:
            if mention.roles:
                roles[(doc_id, mention.start, mention.end)] = mention.roles
            if mention.kind != "name":
                references[(doc_id, mention.start, mention.end)] = mention
                continue
            if not trusted:
                foreign.setdefault(doc_id, []).append(mention)
                continue
            found = _node_key(mention)
            if found is None:
                continue
            _add_mention(nodes, keys, found, doc_id, mention)
    trusted_keys = set(nodes)
    kept = _add_foreign(foreign, nodes, keys)
    uf = _UnionFind()
    for key in nodes:
        uf.find(key)
    _merge_rules(nodes, uf, evidence)
    _places_by_spelling(nodes, uf, evidence)
    _place_endings(nodes, uf, evidence)
    _vowel_variants(nodes, uf, evidence)
    if foreign:
        _project_known(documents, kept, foreign, nodes, keys, uf, evidence, trusted_keys)
    _parenthetical_merges(documents, extractions, keys, uf, evidence)
    gloss_merges(documents, nodes, keys, uf, evidence)
    translation_merges(documents, nodes, keys, uf, evidence)

    short_target = _short_forms(nodes, keys, uf)

    # Build entities from roots (short forms join their full name's entity).
    members: dict[str, list[str]] = defaultdict(list)
    for key in nodes:
        members[uf.find(key)].append(key)
    root_of_mention: dict[tuple[str, int, int], str] = {}
    extra_surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for (doc_id, start, end), key in keys.items():
        target = short_target.get((doc_id, key))
        if target is not None:
            root_of_mention[(doc_id, start, end)] = target
            extra_surfaces[target].update(nodes[key].surfaces)
            if nodes[key].surfaces:
                why = f"short form: {nodes[key].surfaces.most_common(1)[0][0]!r} in {doc_id}"
                if why not in evidence[target]:
                    evidence[target].append(why)
        else:
            root_of_mention[(doc_id, start, end)] = uf.find(key)
    # a description written as a short form ("the Colts" tagged as a noun) goes where that
    # short form goes in most articles
    went: dict[str, Counter[str]] = defaultdict(Counter)
    for (_doc_id, key), target in short_target.items():
        went[key][target] += 1
    short_default = {key: counted.most_common(1)[0][0] for key, counted in went.items()
                     if counted.most_common(1)[0][1] * 2 > sum(counted.values())}

    def name_root(key: str) -> str:
        return short_default.get(key) or uf.find(key)

    _resolve_references(references, keys, root_of_mention, scopes or {}, similarity, evidence,
                        nodes, extra_surfaces, name_root, roles)
    used_roots = set(root_of_mention.values())
    qualified = _possessive_forms(documents, keys, nodes, root_of_mention, evidence)
    for root, forms in _titled_forms(documents, keys, nodes, root_of_mention, evidence).items():
        qualified[root] |= forms

    entities: list[Entity] = []
    entity_of_root: dict[str, str] = {}
    taken: set[str] = set()
    for root in sorted(used_roots):
        surfaces: Counter[str] = Counter()
        labels: Counter[str] = Counter()
        for key in members[root]:
            surfaces.update(nodes[key].surfaces)
            labels.update(nodes[key].labels)
        surfaces.update(extra_surfaces.get(root, Counter()))
        if root.startswith(_DESCRIPTION):
            cls = root.split("|")[2]
            entity_id = _entity_id(cls, root, taken)
            entity_of_root[root] = entity_id
            canonical = max(surfaces, key=lambda s: (surfaces[s], len(s), s))
            entities.append(Entity(
                id=entity_id, canonical=canonical, label=_DESCRIPTION_LABEL.get(cls, cls),
                aliases=sorted(set(surfaces) - {canonical}),
                evidence=list(dict.fromkeys(evidence[root])),
            ))
            continue
        cls = nodes[root].cls
        place = lookup(surfaces.most_common(1)[0][0]) if cls == "PLACE" else None
        if place is not None:
            canonical = place.canonical
        else:
            longest = max(len(s.split()) for s in surfaces)
            full = [s for s in surfaces if len(s.split()) == longest or len(s.split()) >= 2]
            canonical = max(full, key=lambda s: (surfaces[s], len(s), s))
        label = labels.most_common(1)[0][0] if cls != "PLACE" else (
            "GPE" if place is not None and place.kind != "region" else labels.most_common(1)[0][0]
        )
        aliases = sorted(set(surfaces) - {canonical})
        if cls == "PERSON" and len(canonical.split()) >= 2:
            surname = canonical.split()[-1]
            if surname not in aliases:
                aliases.append(surname)
        aliases.extend(a for a in sorted(qualified.get(root, ())) if a not in aliases)
        for key in members[root]:
            for form in sorted(nodes[key].written):
                if form not in aliases and form != canonical:
                    aliases.append(form)
                    dictionary = nodes[key].surfaces.most_common(1)[0][0]
                    evidence[root].append(f"inflected form: {form!r} of {dictionary!r}")
            for form in sorted(nodes[key].translated):
                if form not in aliases and form != canonical:
                    aliases.append(form)  # its evidence was kept when it was found
        if cls in {"ORG", "FAC"}:
            for surface in list(surfaces):
                stripped = _DEMONYM_LEAD.sub("", surface)
                if stripped != surface and len(stripped.split()) >= 2 and stripped not in aliases:
                    aliases.append(stripped)
        seen_evidence = list(dict.fromkeys(e for k in members[root] for e in evidence[k]))
        seen_evidence += [e for e in dict.fromkeys(evidence[root]) if e not in seen_evidence]
        if place is not None and any(
            skeleton(s) != skeleton(place.canonical) for s in surfaces
        ):
            seen_evidence.append(f"gazetteer: {', '.join(sorted(surfaces))} = {place.canonical}")
        entity_id = _entity_id(label, canonical, taken)
        entity_of_root[root] = entity_id
        entities.append(
            Entity(
                id=entity_id, canonical=canonical, label=label, aliases=aliases,
                inside=place.inside if place is not None else "", evidence=seen_evidence,
            )
        )
    by_mention = {k: entity_of_root[root] for k, root in root_of_mention.items()}
    return Resolution(entities=entities, by_mention=by_mention)


def _quote_entity(
    doc_id: str, quote: Quote, extraction: Extraction, resolution: Resolution,
    alias_index: Mapping[str, set[str]], persons_by_last: Mapping[str, set[str]],
) -> str:
    # The resolved speaker name comes first: the words naming a speaker may contain another
    # entity ("the former Bank Turan Alem chief" is a person, not the bank).
    doc_entities = {
        resolution.by_mention.get((doc_id, m.start, m.end)) for m in extraction.mentions
    }
    for name in (quote.speaker, quote.speaker_text):
        key = skeleton(_clean(name)) if name else ""
        if not key:
            continue
        candidates = alias_index.get(key, set())
        local = candidates & doc_entities
        if len(local) == 1:
            return next(iter(local))
        if len(candidates) == 1:
            return next(iter(candidates))
        words = key.split()
        by_last = persons_by_last.get(words[-1], set())
        local = by_last & doc_entities
        if len(local) == 1:
            return next(iter(local))
        if len(by_last) == 1 and len(words) == 1:
            return next(iter(by_last))
    if quote.speaker_start is not None and quote.speaker_end is not None:
        for mention in extraction.mentions:
            if mention.start < quote.speaker_end and quote.speaker_start < mention.end:
                entity_id = resolution.by_mention.get((doc_id, mention.start, mention.end))
                if entity_id:
                    return entity_id
    return ""


def assign(
    extractions: Mapping[str, Extraction], resolution: Resolution,
    entities: Sequence[Entity],
) -> None:
    """Set ``Mention.entity_id`` and ``Quote.entity_id`` in place."""
    alias_index: dict[str, set[str]] = defaultdict(set)
    persons_by_last: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for name in (entity.canonical, *entity.aliases):
            alias_index[skeleton(name)].add(entity.id)
        if entity.label == "PERSON" and len(entity.canonical.split()) >= 2:
            persons_by_last[skeleton(entity.canonical).split()[-1]].add(entity.id)
    for doc_id, extraction in extractions.items():
        for mention in extraction.mentions:
            mention.entity_id = resolution.by_mention.get((doc_id, mention.start, mention.end), "")
        for quote in extraction.quotes:
            quote.entity_id = _quote_entity(
                doc_id, quote, extraction, resolution, alias_index, persons_by_last
            )
