"""Role and description resolution across articles: which named participant "the man" is.

Head nouns folded to one role word (brigands = pirates); an unresolved description of a
person joins the only person of its gender its article names, or the participant whose
clause roles it shares in similar articles; "the mountain" joins the one name containing
its head; the rest of a description group follows where its similar articles went.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from newsprism.extract.entities.coref import gender_of
from newsprism.link.aliases.forms import _Node
from newsprism.link.aliases.names import _SHORT_FORM_SKIP
from newsprism.link.translit import skeleton
from newsprism.model import Mention

# An article votes on what "the <head>" means elsewhere only when it is at least this similar
# (TF-IDF cosine) to the article asking: a sister event's "the man" is someone else.
# Calibrated on ECB+ dev topics: 0.0-0.3 tried, 0.1-0.15 best (+0.003 CoNLL over no floor).
VOTE_SIMILARITY = 0.1
# Role words news uses interchangeably for one participant ("the pirates" ... "the brigands"):
# each maps to the word its group is filed under. Written from general news usage, not from
# benchmark documents; only words that do not also name a different participant of the same
# story (a "ship" may be the warship or the hijacked vessel, so it stays apart).
ROLE_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(("brigand", "raider", "bandit", "buccaneer", "hijacker"), "pirate"),
    **dict.fromkeys(("cop", "policeman", "policemen", "lawman"), "police"),
    **dict.fromkeys(("shooter", "gunmen", "rifleman"), "gunman"),
    **dict.fromkeys(("physician", "doc"), "doctor"),
    **dict.fromkeys(("emcee", "presenter", "compere"), "host"),
    **dict.fromkeys(("mountaineer", "alpinist"), "climber"),
    **dict.fromkeys(("staffer", "worker"), "employee"),
    **dict.fromkeys(("insurgent", "militant"), "rebel"),
    **dict.fromkeys(("demonstrator",), "protester"),
    **dict.fromkeys(("motorist",), "driver"),
    **dict.fromkeys(("quake", "tremor"), "earthquake"),
}


def role_word(head: str) -> str:
    """The word a description's head is filed under: 'brigand' → 'pirate', 'cop' → 'police'."""
    return ROLE_SYNONYMS.get(head, head)


# Prefix of the pseudo-root shared by unresolved same-head descriptions of one scope.
_DESCRIPTION = "DESC|"
_DESCRIPTION_LABEL = {"PLACE": "LOC"}
# Share of a scope's resolved "the <head>" descriptions that must point at one entity before an
# unresolved "the <head>" of that scope joins it: a strict majority. Calibrated on ECB+ dev
# topics (0.5-0.7 tried, CoNLL F1 within 0.01; 0.51 best); a role shared by two people ("the
# host" of two ceremonies) is then decided by the more similar articles' votes.
HEAD_MAJORITY = 0.51


# Share of a description group's mentions that must have gone to one person for the rest of
# the group to follow (ECB+ dev topics: 0.2-0.7 tried, within 0.004 CoNLL; 0.35 mid-range).
GROUP_FOLLOWS = 0.35
# Share of a chain's gendered words (she/her/actress) that must agree to give it a gender.
GENDER_AGREEMENT = 0.75
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                   "she": "f", "her": "f", "hers": "f", "herself": "f"}


def _mention_gender(mention: Mention) -> str:
    """"f" or "m" as a pronoun ("she") or a description's role word ("the actress") says."""
    if mention.kind == "pronoun":
        return _PRONOUN_GENDER.get(mention.text.strip().lower(), "")
    return gender_of([mention.head])


def _descriptions_to_people(
    references: Mapping[tuple[str, int, int], Mention],
    root_of_mention: dict[tuple[str, int, int], str], nodes: Mapping[str, _Node],
    evidence: dict[str, list[str]], similarity: Callable[[str, str], float] | None,
    roles: Mapping[tuple[str, int, int], Sequence[str]], scopes: Mapping[str, str],
) -> None:
    """An unresolved description of a person in an article ("the woman", and the "she" that
    follows it) joins the only person of that gender the article names; the gender comes from
    pronouns and role words on each side (a name's from the whole corpus). Failing that, it
    joins the participant whose clause roles it shares (see :func:`_moved_by_roles`)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for key, mention in references.items():
        root = root_of_mention.get(key)
        if root is None:
            continue
        gender = _mention_gender(mention)
        if gender:
            votes[root][gender] += 1

    def gender(root: str) -> str:
        counted = votes.get(root)
        if not counted:
            return ""
        best, n = counted.most_common(1)[0]
        return best if n / sum(counted.values()) >= GENDER_AGREEMENT else ""

    local: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # (root, doc) -> genders
    for key, mention in references.items():
        root = root_of_mention.get(key)
        if root is None or not root.startswith(_DESCRIPTION):
            continue
        found = _mention_gender(mention)
        if found:
            local[(root, key[0])][found] += 1
    people_in_doc: dict[str, set[str]] = defaultdict(set)
    for (doc_id, _start, _end), root in root_of_mention.items():
        node = nodes.get(root)
        if node is not None and node.cls == "PERSON" and gender(root):
            people_in_doc[doc_id].add(root)
    moved: dict[tuple[str, str], str] = {}
    for (root, doc_id), counted in local.items():
        parts = root.split("|")
        if parts[2] != "PERSON" or parts[-1] != "sg":
            continue
        wanted, n = counted.most_common(1)[0]
        if n / sum(counted.values()) < GENDER_AGREEMENT or gender(root) != wanted:
            continue  # the article, and the description group as a whole, must agree
        people = [p for p in people_in_doc.get(doc_id, ()) if gender(p) == wanted]
        if len(people) != 1:
            continue
        moved[(root, doc_id)] = people[0]
        evidence[people[0]].append(
            f"'{parts[3]}' in {doc_id}: the only {'woman' if wanted == 'f' else 'man'} named "
            "there")
    for pair, (target, why) in _moved_by_roles(
        root_of_mention, roles, nodes, similarity, gender, set(moved), scopes
    ).items():
        moved[pair] = target
        evidence[target].append(why)
    for pair, (target, why) in _moved_by_head_in_name(
        root_of_mention, nodes, similarity, scopes
    ).items():
        moved[pair] = target
        evidence[target].append(why)
    # the rest of a description group follows the person its most similar articles went to
    # (without a similarity, a clear majority of the group)
    moved_docs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (root, doc_id), target in moved.items():
        moved_docs[root].append((doc_id, target))
    size: Counter[str] = Counter()
    for root in root_of_mention.values():
        if root in moved_docs:
            size[root] += 1
    for key, root in list(root_of_mention.items()):
        target = moved.get((root, key[0]))
        if target is None and root in moved_docs:
            target = _follow(key[0], moved_docs[root], size[root], similarity)
        if target is not None:
            root_of_mention[key] = target


# Score (weighted cosine of clause roles x the candidate's salience) from which a description
# is that named participant, and how far ahead of the runner-up it must be. Calibrated on ECB+
# dev topics: min 0.05-0.45 x margin 1.0-6.0 tried; CoNLL F1 0.732-0.760, a plateau at margin
# 2.5-3.5 with min 0.05-0.1 (margin 1.0 merges sister events' participants).
ROLE_MIN = 0.1
ROLE_MARGIN = 2.5
# Exponent on salience (share of the similar articles naming the candidate): 0 ignores it (dev
# CoNLL 0.742), 1 (0.757), 1.5-2 alike (0.751-0.761); 1 is the plain share.
SALIENCE_POWER = 1.0
# Classes whose descriptions are matched by role: people and organisations act in clauses;
# places mostly sit in prepositional phrases and have no roles worth comparing.
ROLE_CLASSES = frozenset({"PERSON", "ORG"})
_NO_ROLES: Counter[str] = Counter()
# Verbs of saying: everyone quoted "says", so sharing one tells nothing about who is who.
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "report", "state", "confirm", "announce", "explain", "note", "claim",
    "describe", "comment", "write", "speak", "insist", "deny", "quote",
})
# Singular nouns that stand for a group ("the police", "the family"): never one named person.
COLLECTIVE_HEADS = frozenset({
    "police", "family", "staff", "team", "crew", "government", "army", "navy", "military",
    "authority", "official", "people", "public", "media", "press", "jury", "committee", "board",
    "company", "management", "administration", "force", "troop", "community", "audience",
    "crowd", "group", "department", "agency", "relative", "friend", "neighbour", "neighbor",
})


def _moved_by_roles(
    root_of_mention: Mapping[tuple[str, int, int], str],
    roles: Mapping[tuple[str, int, int], Sequence[str]], nodes: Mapping[str, _Node],
    similarity: Callable[[str, str], float] | None, gender: Callable[[str], str],
    done: set[tuple[str, str]], scopes: Mapping[str, str],
) -> dict[tuple[str, str], tuple[str, str]]:
    """(description root, doc) -> (named root, evidence) when the description does what one
    named participant does in similar articles: "the man" who "opened fire" and "was charged"
    is the person named as opening fire and charged, not the victim who "was killed".

    Roles are weighted by rarity among the named participants (everyone "says"); the similar
    articles of the description's scope (its own fully, others by similarity) pool each
    candidate's roles, and the share of them naming it (its salience) favours the main
    participant of the story over someone mentioned once."""
    if not any(root.startswith(_DESCRIPTION) and roles.get(key)
               for key, root in root_of_mention.items()):
        return {}  # nothing to place (most corpora once descriptions are resolved in-article)
    profile: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # (root, doc) -> roles
    docs_of_root: dict[str, set[str]] = defaultdict(set)
    for key, root in root_of_mention.items():
        found = roles.get(key, ())
        if found:
            profile[(root, key[0])].update(found)
        if not root.startswith(_DESCRIPTION):
            docs_of_root[root].add(key[0])
    holders: dict[str, set[str]] = defaultdict(set)
    for (root, _doc), counted in profile.items():
        if not root.startswith(_DESCRIPTION):
            for role in counted:
                holders[role].add(root)
    n_roots = max(len(docs_of_root), 1)

    def weigh(counted: Counter[str], speech: bool) -> dict[str, float]:
        vec = {r: c * np.log(1.0 + n_roots / len(holders[r])) for r, c in counted.items()
               if r in holders and (speech or r.split(":", 1)[0] not in SPEECH_VERBS)}
        norm = float(np.sqrt(sum(v * v for v in vec.values())))
        return {r: v / norm for r, v in vec.items()} if norm else {}

    # candidates come from the description's own scope (its story), so the cost follows the
    # story sizes, not the corpus
    named_in: dict[str, set[str]] = defaultdict(set)  # doc -> named roots that can act
    scope_docs: dict[str, set[str]] = defaultdict(set)
    for root, where in docs_of_root.items():
        node = nodes.get(root)
        for doc_id in where:
            scope_docs[scopes.get(doc_id, doc_id)].add(doc_id)
            if node is not None and node.cls in ROLE_CLASSES:
                named_in[doc_id].add(root)
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for (root, doc_id), counted in sorted(profile.items()):
        parts = root.split("|")
        if not root.startswith(_DESCRIPTION) or (root, doc_id) in done:
            continue
        if parts[2] not in ROLE_CLASSES or (parts[2] == "PERSON" and (
            parts[-1] != "sg" or parts[3] in COLLECTIVE_HEADS
        )):
            continue
        # people are told apart by what they did, not by who was quoted; an organisation's
        # spokesman role ("the police said") is what it does in news
        speech = parts[2] != "PERSON"
        mine = weigh(counted, speech)
        if not mine:
            continue
        weights = {doc_id: 1.0}
        if similarity is not None:
            for other_doc in scope_docs.get(scopes.get(doc_id, doc_id), ()):
                if other_doc != doc_id and (w := similarity(doc_id, other_doc)) >= VOTE_SIMILARITY:
                    weights[other_doc] = w
        mass = sum(weights.values())
        theirs: dict[str, Counter[str]] = defaultdict(Counter)
        presence: Counter[str] = Counter()
        for other_doc, weight in weights.items():
            for candidate in named_in.get(other_doc, ()):
                if nodes[candidate].cls != parts[2]:
                    continue
                presence[candidate] += weight
                for role, c in profile.get((candidate, other_doc), _NO_ROLES).items():
                    theirs[candidate][role] += c * weight
        wanted = gender(root)
        scores: list[tuple[float, str, dict[str, float]]] = []
        for candidate, counted_theirs in theirs.items():
            if wanted and gender(candidate) not in {"", wanted}:
                continue
            vec = weigh(counted_theirs, speech)
            # how much the candidate is *the* participant of these articles: the share of the
            # similar articles' weight that names it
            score = sum(v * vec.get(r, 0.0) for r, v in mine.items()) * (
                presence[candidate] / mass) ** SALIENCE_POWER
            if score > 0:
                scores.append((score, candidate, vec))
        if not scores:
            continue
        scores.sort(key=lambda x: (-x[0], x[1]))
        best, target, best_roles = scores[0]
        runner = scores[1][0] if len(scores) > 1 else 0.0
        if best >= ROLE_MIN and best >= ROLE_MARGIN * runner:
            shared = sorted(set(mine) & set(best_roles))
            out[(root, doc_id)] = (target, f"'{parts[3]}' in {doc_id} does what it does in "
                                   f"similar articles ({', '.join(shared[:3])}; {best:.2f})")
    return out


# Head words that a name writes another way: "the mountain" is "Mount Cook".
_NAME_FORMS = {"mountain": "mount", "mt": "mount", "volcano": "mount"}
# Classes whose descriptions name themselves by a word of the name ("the gulf", "the ministry").
HEAD_IN_NAME_CLASSES = frozenset({"ORG", "PLACE", "FAC"})


def _moved_by_head_in_name(
    root_of_mention: Mapping[tuple[str, int, int], str], nodes: Mapping[str, _Node],
    similarity: Callable[[str, str], float] | None, scopes: Mapping[str, str],
) -> dict[tuple[str, str], tuple[str, str]]:
    """(description root, doc) -> (named root, evidence) for "the gulf", "the academy", "the
    mountain" in an article that does not name it, when the similar articles of its story name
    mostly one place or organisation containing that word (Gulf of Aden, Mount Cook)."""
    pairs = {(root, doc_id) for (doc_id, _start, _end), root in root_of_mention.items()
             if root.startswith(_DESCRIPTION) and root.split("|")[2] in HEAD_IN_NAME_CLASSES}
    if not pairs:
        return {}
    named_in: dict[str, set[str]] = defaultdict(set)
    scope_docs: dict[str, set[str]] = defaultdict(set)
    for (doc_id, _start, _end), root in root_of_mention.items():
        scope_docs[scopes.get(doc_id, doc_id)].add(doc_id)
        if not root.startswith(_DESCRIPTION) and (node := nodes.get(root)) is not None and (
            node.cls in HEAD_IN_NAME_CLASSES
        ):
            named_in[doc_id].add(root)
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for root, doc_id in sorted(pairs):
        parts = root.split("|")
        word = skeleton(_NAME_FORMS.get(parts[3], parts[3]))
        if not word or " " in word or word in _SHORT_FORM_SKIP:
            continue
        votes: Counter[str] = Counter()
        for other_doc in scope_docs.get(scopes.get(doc_id, doc_id), ()):
            weight = 1.0 if other_doc == doc_id else (
                similarity(doc_id, other_doc) if similarity is not None else 0.0)
            if weight < VOTE_SIMILARITY:
                continue
            for candidate in named_in.get(other_doc, ()):
                node = nodes[candidate]
                if node.cls == parts[2] and len(node.words) >= 2 and word in node.words:
                    votes[candidate] += weight
        if not votes:
            continue
        best, weight = votes.most_common(1)[0]
        if weight / sum(votes.values()) >= HEAD_MAJORITY:
            out[(root, doc_id)] = (best, f"'the {parts[3]}' in {doc_id}: the only such name in "
                                   f"similar articles ({weight / sum(votes.values()):.0%})")
    return out


def _follow(
    doc_id: str, moved: Sequence[tuple[str, str]], size: int,
    similarity: Callable[[str, str], float] | None,
) -> str | None:
    votes: Counter[str] = Counter()
    for other_doc, target in moved:
        if similarity is None:
            votes[target] += 1.0
        elif (weight := similarity(doc_id, other_doc)) >= VOTE_SIMILARITY:
            votes[target] += weight
    if not votes:
        return None
    best, weight = votes.most_common(1)[0]
    if similarity is None:
        return best if weight / size > GROUP_FOLLOWS else None
    return best if weight / sum(votes.values()) >= HEAD_MAJORITY else None
