"""Name matching: the rules that merge name nodes, each leaving an evidence string.

Same words in another order, fuzzy spelling (blocked by shared words), place qualifiers,
middle and first names, acronyms, facility words, legal forms and nationality adjectives
dropped, a name in brackets after another; and short forms ("Tokayev", "Navy") resolved per
article to the longer name they stand for.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

from rapidfuzz import fuzz

from newsprism.extract.entities import acronym_of
from newsprism.link.aliases.forms import _DEMONYM_LEAD, _Node, _UnionFind
from newsprism.link.aliases.scripts import sound_key
from newsprism.link.places import lookup
from newsprism.link.translit import skeleton
from newsprism.model import Document, Extraction

# Ratio (0-100) of two multi-word skeletons from which they are one name (90: "Gulf of Eden" is a
# typo of "Gulf of Aden", +0.001 CoNLL on ECB+ dev; 92 before). Calibrated
# on spelling pairs (Organisation/Organization 97, Kassym/Kasym folded already) against distinct
# names sharing a word (Security Council / Security Service 72).
FUZZY_MIN = 90.0
# A word shared by more names than this ("ministry", "national") blocks nothing useful; skipping
# it keeps fuzzy comparison near-linear on large corpora (names still meet through rarer words).
BLOCK_CAP = 300
_ACRONYM = re.compile(r"^[A-Z][A-Z&.]{1,9}$")
_PAREN = re.compile(r"^\s*\(\s*$")
# Words naming the kind of place an organisation is, which news often leaves off
# ("Staunton Police Department" = "Staunton Police"); in skeleton spelling.
_FACILITY_WORDS = frozenset(skeleton(w) for w in (
    "center", "centre", "clinic", "hospital", "department", "facility", "unit", "service",
    "services", "office", "headquarters", "station", "complex",
))
# Legal-form words after a company name: "Microsoft Corp." is "Microsoft".
_LEGAL_FORM = re.compile(
    r"(?<=\S),?\s+(?:Corp|Corporation|Inc|Incorporated|Ltd|Limited|Co|LLC|Plc|PLC|AG|GmbH|SA)"
    r"\s*\.?$"
)


# Longest place qualifier (in skeleton words) read off the front of a name: "u s" is 2.
PLACE_QUALIFIER_WORDS = 3


def _place_qualifiers(
    nodes: Mapping[str, _Node], members: Sequence[_Node], merge: Callable[[str, str, str], None],
) -> None:
    """'U.S. Surgeon General' = 'Surgeon General of the United States' = 'Surgeon General': a
    known place in front ("U.S.") or behind ("of the United States") qualifies a name that is
    used without it too (two words at least remain, so "New York Police" stays apart from
    "Police")."""
    for node in members:
        words = node.words
        if len(words) < 3 or node.cls == "PLACE":
            continue
        rests: list[list[str]] = []
        for k in range(1, min(PLACE_QUALIFIER_WORDS, len(words) - 2) + 1):
            if lookup(" ".join(words[:k])) is not None:
                rests.append(words[k:])
        if "of" in words:
            cut = words.index("of")
            tail = [w for w in words[cut + 1:] if w != "the"]
            if cut >= 2 and tail and lookup(" ".join(tail)) is not None:
                rests.append(words[:cut])
        for rest in rests:
            other = f"{node.cls}|{' '.join(rest)}"
            if other in nodes and other != node.key:
                merge(node.key, other, f"place qualifier dropped: "
                      f"{node.surfaces.most_common(1)[0][0]!r} = "
                      f"{nodes[other].surfaces.most_common(1)[0][0]!r}")
                break


# A first name this short with the initial of a longer one is read as its nickname (Mo, Jim).
NICKNAME_MAX = 3


def _first_name_forms(members: Sequence[_Node], merge: Callable[[str, str, str], None]) -> None:
    """'Mo Cheeks' = 'Maurice Cheeks', 'Jim O'Brien' = 'James O'Brien': same surname and
    initial, one first name the start of the other or a short nickname, and no third name."""
    by_last: dict[tuple[str, str], list[_Node]] = defaultdict(list)
    for node in members:
        if len(node.words) == 2 and node.words[0][:1].isalpha():
            by_last[(node.words[-1], node.words[0][0])].append(node)
    for nodes_ in by_last.values():
        if len(nodes_) < 2:
            continue
        firsts = sorted(nodes_, key=lambda n: len(n.words[0]))
        short, long_ = firsts[0], firsts[-1]
        if len(nodes_) == 2 and (long_.words[0].startswith(short.words[0])
                                 or len(short.words[0]) <= NICKNAME_MAX):
            merge(short.key, long_.key,
                  f"short first name: {short.surfaces.most_common(1)[0][0]!r} = "
                  f"{long_.surfaces.most_common(1)[0][0]!r}")


def _place_suffixes(members: Sequence[_Node], merge: Callable[[str, str, str], None]) -> None:
    """'Aoraki Mount Cook' = 'Mount Cook': a place name ending in another place name of two or
    more words, when only one such shorter name fits."""
    index = {" ".join(node.words): node for node in members if len(node.words) >= 2}
    for node in members:
        words = node.words
        found = [index[" ".join(words[k:])] for k in range(1, len(words) - 1)
                 if " ".join(words[k:]) in index]
        if len(found) == 1:
            merge(node.key, found[0].key,
                  f"place name inside a longer one: {node.surfaces.most_common(1)[0][0]!r} = "
                  f"{found[0].surfaces.most_common(1)[0][0]!r}")


# Words naming the kind of an administrative area, which news writes or leaves off
# ("Gaziantep province" = "Gaziantep", "the city of Mosul" = "Mosul"); in skeleton spelling.
_ADMIN_WORDS = frozenset(skeleton(w) for w in (
    "province", "city", "district", "governorate", "region", "county", "prefecture",
    "municipality", "oblast",
))


def _admin_words(nodes: Mapping[str, _Node], members: Sequence[_Node],
                 merge: Callable[[str, str, str], None]) -> None:
    """'Gaziantep province' = 'Province of Gaziantep' = 'Gaziantep', when the bare name is
    used too."""
    for node in members:
        words = node.words
        if len(words) < 2:
            continue
        rest: list[str] = []
        if words[-1] in _ADMIN_WORDS:
            rest = words[:-1]
        elif words[0] in _ADMIN_WORDS and words[1] == "of" and len(words) > 2:
            rest = words[2:]
        other = f"{node.cls}|{' '.join(rest)}"
        if rest and other in nodes and other != node.key:
            merge(node.key, other, f"kind of area dropped: "
                  f"{node.surfaces.most_common(1)[0][0]!r} = "
                  f"{nodes[other].surfaces.most_common(1)[0][0]!r}")


def _middle_names(members: Sequence[_Node], merge: Callable[[str, str, str], None]) -> None:
    """'Eric Allen Kirkpatrick' = 'Eric Kirkpatrick', 'Raj K. Chohan' = 'Raj Chohan' when only
    one two-word name has that first and last word."""
    two_word: dict[tuple[str, str], list[_Node]] = defaultdict(list)
    for node in members:
        if len(node.words) == 2:
            two_word[(node.words[0], node.words[-1])].append(node)
    for node in members:
        if len(node.words) < 3:
            continue
        short = two_word.get((node.words[0], node.words[-1]), [])
        if len(short) == 1:
            merge(node.key, short[0].key,
                  f"middle name dropped: {node.surfaces.most_common(1)[0][0]!r} = "
                  f"{short[0].surfaces.most_common(1)[0][0]!r}")


def _name_tails(members: Sequence[_Node], merge: Callable[[str, str, str], None],
                root: Callable[[str], str] | None = None) -> None:
    """'Lo Presti' = 'Gaetano Lo Presti', 'Mark Felt' = 'W. Mark Felt': a name of two or more
    words that ends exactly one longer name (its first names or initials dropped)."""
    index = {" ".join(node.words): node for node in members if len(node.words) >= 2}
    longer: dict[str, list[_Node]] = defaultdict(list)
    for node in members:
        for k in range(1, len(node.words) - 1):
            tail = " ".join(node.words[k:])
            if tail in index:
                longer[tail].append(node)
    for tail, nodes_ in longer.items():
        # "W. Mark Felt" and "William Mark Felt" both end in "Mark Felt": one person when they
        # differ only by a first name and its initial
        first = nodes_[0]
        # or when each longer name ends in the shortest of them ("President Recep Tayyip
        # Erdogan", "Recep Tayyip Erdogan": one name with a title in front)
        # or already one name with it (spelling variants of each other)
        short = min(nodes_, key=lambda n: (len(n.words), n.key))
        if len(nodes_) > 1 and not all(
            n.words[1:] == first.words[1:] and _initial_of(n.words[0], first.words[0])
            for n in nodes_[1:]
        ) and not all(
            n.words[-len(short.words):] == short.words
            or (root is not None and root(n.key) == root(short.key))
            for n in nodes_
        ):
            continue
        for node in nodes_:
            merge(node.key, index[tail].key,
                  f"first name dropped: {node.surfaces.most_common(1)[0][0]!r} = "
                  f"{index[tail].surfaces.most_common(1)[0][0]!r}")


# A surname typo is read as one only in a surname this long (shorter ones are easily two names).
TYPO_MIN_SURNAME = 5
# ... and only when the correct spelling is named this many times as often as the typo.
TYPO_DOMINANCE = 3


def _swapped(a: str, b: str) -> bool:
    """Whether two words differ by two neighbouring letters written in the wrong order only
    ("Otkay" for "Oktay")."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and (
        a[diff[1]] == b[diff[0]])


def _surname_typos(nodes: Mapping[str, _Node], uf: _UnionFind,
                   evidence: dict[str, list[str]]) -> None:
    """'Fuat Otkay' = 'Fuat Oktay': the same first names and a surname with two neighbouring
    letters swapped, when the other spelling is a person named :data:`TYPO_DOMINANCE` times as
    often. The typo may carry any label when it comes from an article the English model read in
    another language (its label there is a guess). Other differences are left to the
    spelling rules (a letter swapped in a short name is as likely another family's name)."""
    by_first: dict[tuple[str, ...], list[_Node]] = defaultdict(list)
    for node in nodes.values():
        if len(node.words) >= 2 and len(node.words[-1]) >= TYPO_MIN_SURNAME and (
                node.cls == "PERSON" or not node.trusted):
            by_first[tuple(node.words[:-1])].append(node)
    for group in by_first.values():
        if len(group) < 2:
            continue
        for a, b in itertools.combinations(sorted(group, key=lambda n: n.key), 2):
            if not _swapped(a.words[-1], b.words[-1]):
                continue
            weight_a, weight_b = sum(a.surfaces.values()), sum(b.surfaces.values())
            rare, common = (a, b) if weight_a < weight_b else (b, a)
            if common.cls != "PERSON" or weight_a + weight_b < (TYPO_DOMINANCE + 1) * min(
                    weight_a, weight_b) or (rare.cls != "PERSON" and rare.trusted):
                continue
            root, target = uf.find(rare.key), uf.find(common.key)
            if root == target:
                continue
            uf.parent[root] = target  # the person stays the root (its class and label)
            why = (f"surname typo (letters swapped): {rare.surfaces.most_common(1)[0][0]!r} = "
                   f"{common.surfaces.most_common(1)[0][0]!r}")
            evidence[rare.key].append(why)
            evidence[common.key].append(why)


def _initial_of(a: str, b: str) -> bool:
    """Whether two first names can be one: equal, or one is the other's initial."""
    return a == b or (min(len(a), len(b)) == 1 and a[:1] == b[:1])


# A name the tagger labels a person or a group is the place of the same name when the place is
# named this many times more often ("Pazarcik" as a PERSON where it is mostly a GPE).
PLACE_DOMINANCE = 3
_RELABELLED = frozenset({"PERSON", "ORG", "NORP", "FAC"})


def _places_by_spelling(nodes: Mapping[str, _Node], uf: _UnionFind,
                        evidence: dict[str, list[str]]) -> None:
    """'Kahraman Maraş' = 'Kahramanmaraş' (a place written in one word or two), and a name the
    tagger took for a person, group or facility joins the place of the same spelling that is
    named far more often. The place stays the entity's root (its class and label)."""
    places: dict[str, _Node] = {}
    for node in nodes.values():
        if node.cls == "PLACE":
            joined = "".join(node.words)
            if joined not in places or sum(node.labels.values()) > sum(
                    places[joined].labels.values()):
                places[joined] = node
    for node in nodes.values():
        place = places.get("".join(node.words))
        if place is None or place.key == node.key:
            continue
        if node.cls != "PLACE" and (node.cls not in _RELABELLED or sum(place.labels.values())
                                    < PLACE_DOMINANCE * sum(node.labels.values())):
            continue
        root, target = uf.find(node.key), uf.find(place.key)
        if root == target or (node.cls != "PLACE" and nodes[root].cls == "PLACE"):
            continue
        uf.parent[root] = target
        why = (f"same place: {node.surfaces.most_common(1)[0][0]!r} ({node.cls}) = "
               f"{place.surfaces.most_common(1)[0][0]!r}")
        evidence[node.key].append(why)
        evidence[place.key].append(why)


# A place named this often may be written with an ending (an inflection, another language's
# form: "Gaziantepe", "Beirute") by a name that is named at most a third as often.
ENDING_PLACE_WEIGHT = 10
ENDING_STEM_LETTERS = 5
_PLACE_ENDING = re.compile(r"^(?:a|e|o|u|ia|ie|ea|ya)$")


def _place_endings(nodes: Mapping[str, _Node], uf: _UnionFind,
                   evidence: dict[str, list[str]]) -> None:
    """'Gaziantepe' = 'Gaziantep', 'Beirute' = 'Beirut': a one-word name that is a much-named
    place's name (:data:`ENDING_PLACE_WEIGHT`, :data:`ENDING_STEM_LETTERS` letters at least)
    plus a vowel ending, named at most a third as often and no gazetteer place of its own
    ("Nigeria" is not "Niger"); never a nationality word ("Pakistani")."""
    places: dict[str, _Node] = {}
    for node in nodes.values():
        if node.cls == "PLACE" and len(node.words) == 1:
            weight = sum(node.labels.values())
            if weight >= ENDING_PLACE_WEIGHT and len(node.words[0]) >= ENDING_STEM_LETTERS and (
                    node.words[0] not in places
                    or weight > sum(places[node.words[0]].labels.values())):
                places[node.words[0]] = node
    for node in nodes.values():
        if len(node.words) != 1 or node.cls not in _RELABELLED | {"PLACE"} or node.cls == "NORP":
            continue
        word = node.words[0]
        for cut in (1, 2):
            place = places.get(word[:-cut])
            if place is None or not _PLACE_ENDING.match(word[-cut:]):
                continue
            surface = node.surfaces.most_common(1)[0][0]
            own = lookup(surface)
            if own is not None and own != lookup(place.surfaces.most_common(1)[0][0]):
                break
            if PLACE_DOMINANCE * sum(node.labels.values()) > sum(place.labels.values()):
                break
            root, target = uf.find(node.key), uf.find(place.key)
            if root != target and not (node.cls != "PLACE" and nodes[root].cls == "PLACE"):
                uf.parent[root] = target
                why = (f"place name with an ending: {surface!r} = "
                       f"{place.surfaces.most_common(1)[0][0]!r}")
                evidence[node.key].append(why)
                evidence[place.key].append(why)
            break


# One-word names that differ in their vowels only are one name when their consonant key is
# this long (a shorter one is shared by unrelated names: "Iran", "Oman") and their spellings
# agree this much (0-100: "Hezbollah" ~ "Hizbullah" 75, "Toronto" ~ "Taranto" 71).
VOWEL_VARIANT_KEY = 5
VOWEL_VARIANT_RATIO = 75.0


def _vowel_variants(nodes: Mapping[str, _Node], uf: _UnionFind,
                    evidence: dict[str, list[str]]) -> None:
    """'Hizbullah' = 'Hezbollah' = 'Hizballah': one-word names of organisations, places and
    facilities with the same consonant sound key (:func:`~newsprism.link.aliases.scripts
    .sound_key`, :data:`VOWEL_VARIANT_KEY` consonants at least) and close spellings, unless the
    gazetteer knows them as two places. People are left to the surname rules."""
    by_key: dict[tuple[str, str], list[_Node]] = defaultdict(list)
    for node in nodes.values():
        if len(node.words) == 1 and node.cls in {"ORG", "PLACE", "FAC"}:
            key = sound_key(node.words[0])
            if len(key) >= VOWEL_VARIANT_KEY and " " not in key:
                by_key[(node.cls, key)].append(node)
    for group in by_key.values():
        if len(group) < 2:
            continue
        group = sorted(group, key=lambda n: (-sum(n.surfaces.values()), n.key))
        head = group[0]
        head_surface = head.surfaces.most_common(1)[0][0]
        for node in group[1:]:
            surface = node.surfaces.most_common(1)[0][0]
            if fuzz.ratio(head.words[0], node.words[0]) < VOWEL_VARIANT_RATIO:
                continue
            own, theirs = lookup(surface), lookup(head_surface)
            if own is not None and theirs is not None and own != theirs:
                continue
            root, target = uf.find(node.key), uf.find(head.key)
            if root != target:
                uf.parent[root] = target
                why = (f"vowel variant (sound key {sound_key(node.words[0])!r}): {surface!r} = "
                       f"{head_surface!r}")
                evidence[node.key].append(why)
                evidence[head.key].append(why)


def _merge_rules(nodes: dict[str, _Node], uf: _UnionFind, evidence: dict[str, list[str]]) -> None:
    def merge(a: str, b: str, why: str) -> None:
        if uf.union(a, b):
            evidence[a].append(why)
            evidence[b].append(why)

    _surname_typos(nodes, uf, evidence)
    by_class: dict[str, list[_Node]] = defaultdict(list)
    for node in nodes.values():
        by_class[node.cls].append(node)
    for cls, members in by_class.items():
        # same words in another order
        by_sorted: dict[str, str] = {}
        for node in members:
            sorted_key = " ".join(sorted(node.words))
            if sorted_key in by_sorted:
                other = nodes[by_sorted[sorted_key]]
                merge(node.key, other.key,
                      f"same words: {node.surfaces.most_common(1)[0][0]!r} = "
                      f"{other.surfaces.most_common(1)[0][0]!r}")
            else:
                by_sorted[sorted_key] = node.key
        # fuzzy, blocked by shared words
        index: dict[str, list[_Node]] = defaultdict(list)
        for node in members:
            if len(node.words) < 2:
                continue
            seen: set[str] = set()
            for word in node.words:
                if len(word) < 4 or len(index[word]) > BLOCK_CAP:
                    continue
                for other in index[word]:
                    if other.key in seen or len(other.words) != len(node.words):
                        continue
                    seen.add(other.key)
                    score = fuzz.ratio(" ".join(node.words), " ".join(other.words))
                    if score >= FUZZY_MIN:
                        merge(node.key, other.key,
                              f"spelling variant ({score:.0f}): "
                              f"{node.surfaces.most_common(1)[0][0]!r} ~ "
                              f"{other.surfaces.most_common(1)[0][0]!r}")
                index[word].append(node)
        _place_qualifiers(nodes, members, merge)
        if cls == "PERSON":
            _middle_names(members, merge)
            _name_tails(members, merge, uf.find)
            _first_name_forms(members, merge)
        if cls == "PLACE":
            _place_suffixes(members, merge)
            _admin_words(nodes, members, merge)
        if cls not in {"ORG", "PLACE", "FAC", "EVENT"}:
            continue
        # acronyms matching a unique full name's initials
        initials: dict[str, set[str]] = defaultdict(set)
        for node in members:
            surface = node.surfaces.most_common(1)[0][0]
            if len(node.words) >= 2:
                initials[acronym_of(surface)].add(node.key)
        for node in members:
            surface = node.surfaces.most_common(1)[0][0]
            if _ACRONYM.match(surface):
                targets = initials.get(surface.replace(".", ""), set())
                roots = {uf.find(t) for t in targets}
                if len(roots) == 1:
                    target = min(targets)  # several spellings of one name: the same one each run
                    merge(node.key, target,
                          f"acronym: {surface!r} = initials of "
                          f"{nodes[target].surfaces.most_common(1)[0][0]!r}")
        # a generic facility word dropped: Morningside Recovery Center = Morningside Recovery
        for node in members:
            words = node.words
            if len(words) >= 3 and words[-1] in _FACILITY_WORDS:
                other_key = f"{cls}|{' '.join(words[:-1])}"
                if other_key in nodes:
                    merge(node.key, other_key,
                          f"facility word dropped: {node.surfaces.most_common(1)[0][0]!r} = "
                          f"{nodes[other_key].surfaces.most_common(1)[0][0]!r}")
        # a legal form dropped: Microsoft Corp. = Microsoft
        for node in members:
            for surface in node.surfaces:
                stripped = _LEGAL_FORM.sub("", surface)
                other_key = f"{cls}|{skeleton(stripped)}"
                if stripped != surface and other_key in nodes and other_key != node.key:
                    merge(node.key, other_key, f"legal form dropped: {surface!r} = {stripped!r}")
                    break
        # a leading nationality adjective dropped: Kazakhstani Health Ministry = Health Ministry
        for node in members:
            surface = node.surfaces.most_common(1)[0][0]
            stripped = _DEMONYM_LEAD.sub("", surface)
            if stripped != surface and len(stripped.split()) >= 2:
                other_key = f"{cls}|{skeleton(stripped)}"
                if other_key in nodes:
                    merge(node.key, other_key, f"nationality dropped: {surface!r} = {stripped!r}")


# Words too common in organisation and place names to stand for one of them on their own.
_SHORT_FORM_SKIP = frozenset({
    "the", "of", "and", "for", "national", "state", "new", "united", "city", "north", "south",
    "east", "west", "central", "international", "general", "department", "office", "group",
})
# Words after which the word before is a name's head ("Academy of ...", "Fund for ...").
_HEAD_BEFORE = frozenset({"of", "for", "on"})
# A short form ambiguous within its article goes to the candidate seen in this many times more
# articles than any other (a real name against an NER slip such as "Having Jackman").
SHORT_FORM_DOMINANCE = 2


def _short_forms(
    nodes: Mapping[str, _Node], keys: Mapping[tuple[str, int, int], str], uf: _UnionFind,
) -> dict[tuple[str, str], str]:
    """(doc_id, one-word node) -> root of the longer name it stands for in that article.

    Surnames: 'Tokayev' → 'Kassym-Jomart Tokayev'. Organisations and places by one of their
    words: 'Academy' → 'Academy of Motion Picture Arts and Sciences', 'Navy' → 'Indian Navy'.
    The article's own longer names decide; with none, the corpus's only candidate does.
    """
    def index_words(node: _Node) -> list[str]:
        if node.cls == "PERSON":
            return node.words[-1:]
        if node.cls in {"ORG", "PLACE", "FAC"}:
            # the name's head word ("Navy" of Indian Navy, "Academy" of Academy of Motion
            # Picture Arts and Sciences) or the brand of a two-word name (Kraft Foods), never a
            # word inside a longer name ("Academy" of 79th Academy Awards); a place's first
            # word is the place itself ("Dasoguz" of Dasoguz province), so places keep all
            words = node.words
            return [w for i, w in enumerate(words) if len(w) >= 4 and w not in _SHORT_FORM_SKIP
                    and (node.cls != "ORG" or i == len(words) - 1 or words[i + 1] in _HEAD_BEFORE
                         or (i == 0 and len(words) == 2))]
        return []

    full_by_word: dict[tuple[str, str], set[str]] = defaultdict(set)
    full_in_doc: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    docs_of_root: Counter[str] = Counter()
    for node in nodes.values():
        if len(node.words) < 2:
            continue
        root = uf.find(node.key)
        docs_of_root[root] += len(node.docs)
        for word in index_words(node):
            if node.trusted:
                full_by_word[(node.cls, word)].add(root)
            for doc_id in node.docs:
                full_in_doc[(doc_id, node.cls, word)].add(root)
    # roots that other nodes were merged into: computed once (asking per short form was
    # quadratic in the corpus's names)
    merged_roots = {root for k in nodes if (root := uf.find(k)) != k}
    short_target: dict[tuple[str, str], str] = {}
    # (class, word) -> the corpus's dominant longer name, decided once per word (a common head
    # word such as "ministry" heads thousands of names in a large corpus)
    dominant: dict[tuple[str, str], str | None] = {}
    for (doc_id, _start, _end), key in keys.items():
        node = nodes[key]
        if len(node.words) != 1 or node.cls not in {"PERSON", "ORG", "PLACE", "FAC"}:
            continue
        if uf.find(key) != key or (doc_id, key) in short_target:
            continue
        if node.cls != "PERSON" and key in merged_roots:
            continue  # the word is a name in its own right somewhere (merged with a variant)
        if node.cls in {"PLACE", "ORG"} and lookup(node.words[0]) is not None:
            continue  # a known place ("Beirut") is a name in its own right, not "Port of Beirut"
        word = node.words[0]
        local = full_in_doc.get((doc_id, node.cls, word), set())
        corpus = full_by_word.get((node.cls, word), set())
        if len(local) == 1:
            short_target[(doc_id, key)] = next(iter(local))
        elif len(local) > 1:
            ranked = sorted(local, key=lambda r: (-docs_of_root[r], r))
            if docs_of_root[ranked[0]] >= SHORT_FORM_DOMINANCE * docs_of_root[ranked[1]]:
                short_target[(doc_id, key)] = ranked[0]
        elif len(corpus) == 1:
            if node.cls == "PLACE" and len(node.docs) > docs_of_root[next(iter(corpus))]:
                continue  # "Gaziantep" named alone more often than "Gaziantep Islahiye"
            short_target[(doc_id, key)] = next(iter(corpus))
        elif corpus and node.cls != "PERSON":
            # "Colts" in an article that never writes "Indianapolis Colts": the longer name the
            # corpus uses far more than any other (a surname is never guessed this way)
            if (node.cls, word) not in dominant:
                top = heapq.nsmallest(2, corpus, key=lambda r: (-docs_of_root[r], r))
                dominant[(node.cls, word)] = top[0] if docs_of_root[top[0]] >= (
                    SHORT_FORM_DOMINANCE * docs_of_root[top[1]]) else None
            if (chosen := dominant[(node.cls, word)]) is not None:
                short_target[(doc_id, key)] = chosen
    return short_target


def _parenthetical_merges(
    documents: Mapping[str, Document], extractions: Mapping[str, Extraction],
    keys: dict[tuple[str, int, int], str], uf: _UnionFind, evidence: dict[str, list[str]],
) -> None:
    """'Turan Alem Bank (BTA Bank)': a name followed by a bracketed name is an alias of it."""
    for doc_id, extraction in extractions.items():
        document = documents.get(doc_id)
        if document is None:
            continue
        mentions = sorted(extraction.mentions, key=lambda m: m.start)
        for first, second in itertools.pairwise(mentions):
            between = document.text[first.end:second.start]
            after = document.text[second.end:second.end + 2]
            if not _PAREN.match(between) or not after.lstrip().startswith(")"):
                continue
            a = keys.get((doc_id, first.start, first.end))
            b = keys.get((doc_id, second.start, second.end))
            if a and b and a.split("|")[0] == b.split("|")[0] and uf.union(a, b):
                why = f"in brackets: {first.text!r} ({second.text})"
                evidence[a].append(why)
                evidence[b].append(why)
