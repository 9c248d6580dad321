"""Within-article coreference: descriptions and pronouns resolved to the names they stand for.

News articles name a person once ("actress Lindsay Lohan", "Mukhtar Ablyazov, the former Bank
Turan Alem chief") and then describe them ("the actress", "the banker", "she"). This module turns
such descriptions and pronouns into :class:`~newsprism.model.Mention` objects with
``kind`` = ``nominal`` / ``pronoun`` and a pointer (``ref_start``/``ref_end``) to the mention they
refer to, with the rule that decided it (``ref_rule``). The link stage
(:func:`newsprism.link.aliases.resolve`) then gives them the entity of what they point at, so
the cross-document merge keeps the in-article evidence.

Rules, strongest first:

* **apposition** — "Ablyazov, the former chief" (the parser's ``appos``);
* **descriptor** — a title or role glued to a name: "actress Lindsay Lohan", "Oscar host Hugh
  Jackman", "a man identified as Eric Kirkpatrick", "Cheeks is the coach";
* **described** — a noun phrase whose head is a descriptor of a name of the same kind in the
  article (the nearest such name, before it if any): "the actress" → Lindsay Lohan; plural and
  "other/another/a ..." phrases are new referents and never match;
* **head in name** — an organisation or place named by one of its words: "the navy" → Indian
  Navy, "the gulf" → Gulf of Aden;
* **same head** — a repeated description ("the gunman" … "the gunman") joins its first use;
* **relative** — "who", "which", "where" to the noun phrase their clause hangs from;
* **reflexive** — "himself" to the subject of its verb;
* **possessor** — "his body", "the body of Owen Tate" to the person whose body it is;
* **pronoun** — he/she/it/they to the nearest compatible mention within a few sentences (number,
  person/thing, and gender from role words and from the chain's earlier pronouns); "I"/"we" to
  a name in the same sentence (the speaker of a quote).

Descriptions are compared by kind (people with people, places with places). A lone capitalised
word is a description, not a name, when the article also writes it in lower case or when it
stands in a title-case headline ("Driver Charged In Death Of Woman").

Every mention returned carries its **clause roles** (:func:`clause_roles`: "strike:agent",
"arrest:patient"); :func:`verb_roles` gives names theirs. The link stage compares them across
articles to tell which named participant an unresolved "the man" is.

Everything is a pure function of a parsed ``Doc`` (tagger, parser, lemmatizer) and the article's
name mentions; nothing is added to the default pipeline.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.attrs import POS
from spacy.symbols import NOUN, PRON
from spacy.tokens import Doc, Span, Token

from newsprism.extract.core.extensions import doc_text
from newsprism.model import Mention

# Nouns for what is left of a person: "his body" is counted with him (a victim's, a climber's).
BODY_WORDS = frozenset({"body", "remains", "corpse"})
# How far back (in sentences) a pronoun looks for its antecedent. On ECB+ dev topics 1-8 score
# alike (CoNLL within 0.001); 3 is the usual choice for news, where a referent is renamed often.
PRONOUN_WINDOW = 3
# How many words left of a name are read as its descriptor ("former Bank Turan Alem chief
# Mukhtar Ablyazov" needs 5).
DESCRIPTOR_REACH = 6

PERSON_PRONOUNS = frozenset({
    "he", "him", "his", "himself", "she", "her", "hers", "herself",
})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours",
                          "ourselves"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that", "where"})
PRONOUNS = PERSON_PRONOUNS | FIRST_PERSON | THING_PRONOUNS | PLURAL_PRONOUNS | RELATIVE_PRONOUNS
FEMALE = frozenset({"she", "her", "hers", "herself"})
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
MALE = frozenset({"he", "him", "his", "himself"})
# Verbs that introduce a name for a description: "a man identified as Eric Kirkpatrick".
NAMING_VERBS = frozenset({"identify", "name", "call", "know"})
PERSON_LABELS = frozenset({"PERSON"})
NAME_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_KIND_OF_LABEL = {"PERSON": "agent", "NORP": "agent", "GPE": "place", "LOC": "place",
                  "FAC": "place"}
# Share of a sentence's longer words that are capitalised for it to be a title-case headline
# (ordinary news sentences with many names stay well below it).
HEADLINE_CAPITALISED = 0.8
# An all-capital word longer than this is a shouted headline word ("DRIVER"), not an acronym.
HEADLINE_ACRONYM_MAX = 5
# Words before a description that make it a new or different referent, not the named one.
NEW_REFERENT_WORDS = frozenset({
    "other", "another", "a", "an", "some", "many", "several", "few", "all", "both", "our",
    "their", "any", "each", "every", "no", "such", "these", "those", "more", "most",
})
_MODIFIER_DEPS = frozenset({"det", "amod", "predet", "poss", "nummod", "quantmod"})
# Verbs too light to tell two participants apart ("the man was ...", "police have ...").
LIGHT_VERBS = frozenset({"be", "have", "do", "get", "become", "seem", "make", "take", "go"})
# How many appositive or coordinated noun links a mention climbs to reach its clause ("the
# driver, LaSalle, fled": LaSalle → driver → fled).
ROLE_CLIMB = 3
# Roles by which reports describe a participant they may never name ("the gunman opened fire").
# When the article resolves it to no name, find_references still returns such a definite
# singular description, unresolved, so that the link stage can give it the person the story's
# other articles name (newsprism.link.aliases matches heads and clause roles within a story).
# Only roles that single out a participant of an incident: "the man" or "the officer" in an
# article that names people is far more often one of them, described in a way the in-article
# rules miss, than someone no report names (on the seeds, "the man" is the opposition leader).
PARTICIPANT_ROLES = frozenset({
    "gunman", "shooter", "attacker", "assailant", "suspect", "bomber", "hijacker", "kidnapper",
    "robber", "killer", "murderer", "intruder", "fugitive", "arsonist", "stabber", "sniper",
})
# Adjectives that are part of a role and say nothing about which person it is.
_WEAK_HEADS = frozenset({"one", "other", "others", "some", "all", "both", "part", "number"})


@dataclass(frozen=True)
class _Target:
    start: int
    end: int
    label: str
    sent: int
    kind: str
    plural: bool
    gender: str  # "f", "m" or ""
    root: str  # the name (its last word) or first description the chain starts from


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _head_token(span: Span) -> Token:
    """The noun a span is about: the root, or the object of a leading preposition."""
    root = span.root
    if root.pos_ == "ADP":
        objects = [t for t in root.children if t.dep_ == "pobj" and t.i < span.end]
        if objects:
            return objects[0]
    return root


def head_lemma(span: Span) -> str:
    """Lower-case lemma of the noun a description is about: 'the former bank chief' → 'chief'."""
    token = _head_token(span)
    return (token.lemma_ or token.text).lower()


def mention_kind(span: Span, nouns: frozenset[str] | None = None) -> str:
    """'pronoun', 'name' (a proper noun heads it, or NER tagged it), 'number' or 'nominal'.

    ``nouns`` is :func:`lower_nouns` of the Doc, when the caller classifies many spans.
    """
    words = [t for t in span if not t.is_punct]
    if words and all(t.lower_ in PRONOUNS or t.pos_ == "PRON" for t in words):
        return "pronoun"
    head = _head_token(span)
    if len(span) == 1 and head.text[:1].isupper() and head.lower_ in (
        lower_nouns(span.doc) if nouns is None else nouns
    ):
        # a capitalised role word ("Driver", "DRIVER" in a headline, "Coach" opening a
        # sentence) that the article also writes as a common noun is a description
        return "nominal"
    if head.ent_type_ in NAME_ENTITY_TYPES:
        return "name"
    if head.pos_ == "PROPN":
        # a lone capitalised word the NER did not tag is a description when it opens a sentence
        # or sits in a title-case headline ("Driver Charged In Death Of Woman")
        if len(span) == 1 and _in_headline(head):
            return "nominal"
        return "name"
    if head.pos_ == "NUM" or head.like_num:
        return "number"
    # "the Philadelphia 76ers": a capitalised phrase the tagger read as a common noun
    content = [t for t in span if t.pos_ not in {"DET", "ADP", "PUNCT"}]
    if len(content) >= 2 and (head.text[:1].isupper() or head.text[:1].isdigit()) and all(
        t.text[:1].isupper() or t.text[:1].isdigit() for t in content
    ) and not head.is_sent_start:
        return "name"
    return "nominal"


def lower_nouns(doc: Doc) -> frozenset[str]:
    """Common nouns the article writes in lower case."""
    nouns = (doc[i] for i in _indices_of_pos(doc, NOUN))
    return frozenset(t.lower_ for t in nouns if t.text[:1].islower())


def _indices_of_pos(doc: Doc, *parts_of_speech: int) -> list[int]:
    """Indices of the tokens with one of these parts of speech, in order (read from the Doc's
    array: building a Token for every word costs more than the tests)."""
    if not len(doc):
        return []
    tags = doc.to_array(POS)
    return [i for i, tag in enumerate(tags.tolist()) if tag in parts_of_speech]


def same_kind(a: str, b: str) -> bool:
    """Whether two labels can name one thing: people with people, places with places."""
    return _KIND_OF_LABEL.get(a, a) == _KIND_OF_LABEL.get(b, b)


def _in_headline(token: Token) -> bool:
    """Whether the token's capital is no evidence of a name: sentence start or title-case line."""
    if token.is_sent_start or (token.is_upper and len(token) > HEADLINE_ACRONYM_MAX):
        return True
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    if len(words) < 3:
        return False
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return capitalised / len(words) >= HEADLINE_CAPITALISED


def _descriptor_tokens(doc: Doc, name: Span) -> list[Token]:
    """Role words glued to a name: compounds and modifiers left of it, appositions, predicates."""
    found: list[Token] = []
    root = name.root
    # left modifiers inside the noun phrase: "Oscar host Hugh Jackman", "coach Cheeks"
    i = name.start - 1
    while i >= 0 and name.start - i <= DESCRIPTOR_REACH:
        token = doc[i]
        if token.pos_ in {"DET", "PUNCT", "VERB", "AUX", "ADP", "PRON", "CCONJ"}:
            break
        if name.start <= token.head.i < name.end or i < token.head.i < name.start:
            # "Actress Lindsay Lohan": a title-case role word the NER left out of the name
            if token.pos_ == "NOUN" or (token.pos_ == "PROPN" and not token.ent_type_):
                found.append(token)
            i -= 1
            continue
        break
    # role words inside the span itself: "defensive tackle Jamal Williams" as one mention
    found.extend(t for t in name if t.pos_ == "NOUN" and not t.ent_type_ and t.i < root.i)
    # apposition either way: "Ablyazov, the former chief", "the actress, Lindsay Lohan"
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            found.append(child)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and not (
        name.start <= root.head.i < name.end
    ):
        found.append(root.head)
    # naming verbs: "a man identified as Eric Kirkpatrick", "a woman named Ann"
    verb = root.head
    if root.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "as":
        verb = verb.head
    if root.dep_ in {"pobj", "oprd", "dobj", "attr"} and verb.lemma_ in NAMING_VERBS and (
        verb.dep_ == "acl" and verb.head.pos_ == "NOUN"
    ):
        found.append(verb.head)
    # "police identified the woman as Raj Chohan", "the victim was identified as Raj Chohan"
    if root.dep_ in {"pobj", "oprd", "dobj"} and verb.lemma_ in NAMING_VERBS:
        found.extend(t for t in verb.children if t.dep_ in {"dobj", "nsubjpass"}
                     and t.pos_ == "NOUN" and t.i != root.i)
    # the same read off the words, for when the parser attaches the name elsewhere
    k = name.start - 1
    if k >= 0 and doc[k].lower_ == "as":
        k -= 1
    if k >= 1 and doc[k].lemma_ in NAMING_VERBS and doc[k - 1].pos_ == "NOUN":
        found.append(doc[k - 1])
    # copula: "Cheeks is the coach", "the coach is Cheeks"
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        found.extend(t for t in root.head.children if t.dep_ == "attr" and t.pos_ == "NOUN")
    if root.dep_ == "attr" and root.head.lemma_ == "be":
        found.extend(t for t in root.head.children if t.dep_ == "nsubj" and t.pos_ == "NOUN")
    return [t for t in found if t.lemma_.lower() not in _WEAK_HEADS]


def gender_of(lemmas: Sequence[str]) -> str:
    """"f" or "m" when a role word says so (actress, husband), else ""."""
    female = {"actress", "woman", "mother", "wife", "daughter", "girl", "sister", "queen",
              "girlfriend", "grandmother", "widow", "lady", "chairwoman", "spokeswoman"}
    male = {"actor", "man", "father", "husband", "son", "boy", "brother", "king", "boyfriend",
            "grandfather", "widower", "chairman", "spokesman"}
    if any(lemma in female for lemma in lemmas):
        return "f"
    if any(lemma in male for lemma in lemmas):
        return "m"
    return ""


def _compatible(pronoun: str, target: _Target, chain_gender: dict[str, str]) -> bool:
    lowered = pronoun.lower()
    gender = target.gender or chain_gender.get(target.root, "")
    if lowered in PERSON_PRONOUNS or lowered in FIRST_PERSON:
        if target.label not in PERSON_LABELS or target.plural:
            return False
        clash = (gender == "f" and lowered in MALE) or (gender == "m" and lowered in FEMALE)
        return not clash
    if lowered in THING_PRONOUNS:
        return target.label not in PERSON_LABELS and not target.plural
    if lowered in PLURAL_PRONOUNS:
        return target.plural or target.label == "ORG"
    return False


def _relative_antecedent(token: Token) -> Token | None:
    """'the actress, who entered rehab': who → actress (the noun the relative clause modifies)."""
    clause = token.head
    while clause.dep_ not in {"relcl", "acl"} and clause.head is not clause:
        if clause.dep_ in {"ROOT", "ccomp", "advcl"}:
            return None
        clause = clause.head
    if clause.dep_ in {"relcl", "acl"} and clause.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return clause.head
    return None


def clause_roles(span: Span) -> list[str]:
    """What a mention does in its clause: 'verb:agent' or 'verb:patient'.

    "LaSalle struck her" → strike:agent; "the woman was struck" → strike:patient; "arrested by
    police" → arrest:agent for police; coordinated verbs share the subject ("was arrested and
    charged"). Mentions outside a subject/object slot, or of a light verb ("be"), have none.
    Across articles these say which named participant "the man" is: the one who also shot.
    """
    token = _head_token(span)
    for _ in range(ROLE_CLIMB):
        if token.dep_ in {"appos", "conj"} and token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            token = token.head
        else:
            break
    dep = token.dep_
    verb = token.head
    if dep == "nsubj":
        role = "agent"
    elif dep in {"nsubjpass", "dobj"}:
        role = "patient"
    elif dep == "pobj" and token.head.lower_ == "by" and token.head.head.pos_ == "VERB":
        role, verb = "agent", token.head.head
    else:
        return []
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in LIGHT_VERBS:
        return []
    roles = [f"{verb.lemma_.lower()}:{role}"]
    if dep in {"nsubj", "nsubjpass"}:
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.lemma_ not in LIGHT_VERBS and (
                not any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children)
            ):
                # "was arrested and charged": a participle keeps the patient role; "fled and
                # was arrested": a passive auxiliary makes the subject its patient
                passive = any(c.dep_ == "auxpass" for c in conj.children) or (
                    conj.tag_ == "VBN" and role == "patient")
                shared = "patient" if passive else role if conj.tag_ != "VBN" else ""
                if shared:
                    roles.append(f"{conj.lemma_.lower()}:{shared}")
    return roles


def verb_roles(doc: Doc, mentions: Sequence[Mention]) -> list[Mention]:
    """Copies of ``mentions`` with :attr:`Mention.roles` filled from the parse (see
    :func:`clause_roles`); the Doc needs a dependency parse."""
    out: list[Mention] = []
    for mention in mentions:
        span = _span(doc, mention.start, mention.end)
        roles = clause_roles(span) if span is not None and len(span) else []
        out.append(replace(mention, roles=roles))
    return out


def find_references(
    doc: Doc, names: Sequence[Mention], candidates: Sequence[Mention] | None = None
) -> list[Mention]:
    """Descriptions and pronouns of ``doc`` with the mention each refers to, where one is found.

    ``names`` are the article's named-entity mentions. ``candidates`` are the spans to resolve
    (e.g. gold mentions); when ``None``, every third-person or relative pronoun and every noun
    phrase whose head is a descriptor of a name is a candidate, and only resolved ones are
    returned (precision first: an unresolved "the police" is not worth a mention record).
    Candidates keep their label; returned mentions carry ``kind``, ``head`` and, when resolved,
    ``ref_start``/``ref_end``/``ref_rule``.
    """
    doc_id = str(doc._.doc_id) if doc.has_extension("doc_id") and doc._.doc_id else ""
    sent_of = {sent.start: i for i, sent in enumerate(doc.sents)} if doc.has_annotation(
        "SENT_START") else {}
    sent_starts = sorted(sent_of)

    def sent_index(token_i: int) -> int:
        pos = bisect.bisect_right(sent_starts, token_i) - 1
        return max(pos, 0)

    # 1. descriptors of every name: lemma -> names
    named: list[tuple[Mention, Span]] = []
    for mention in names:
        span = _span(doc, mention.start, mention.end)
        if span is not None and len(span):
            named.append((mention, span))
    described: dict[str, list[tuple[Mention, Span]]] = {}
    descriptor_of: dict[int, tuple[Mention, str]] = {}  # token index -> (name, rule)
    genders: dict[tuple[int, int], str] = {}
    for mention, span in named:
        tokens = _descriptor_tokens(doc, span)
        for token in tokens:
            lemma = token.lemma_.lower()
            described.setdefault(lemma, []).append((mention, span))
            rule = "apposition" if token.dep_ == "appos" or span.root.dep_ == "appos" else (
                "descriptor")
            descriptor_of.setdefault(token.i, (mention, rule))
        genders[(mention.start, mention.end)] = gender_of([t.lemma_.lower() for t in tokens])

    auto = candidates is None
    if auto:
        candidates = _auto_candidates(doc, names, described, doc_id)
    assert candidates is not None

    nouns = lower_nouns(doc)
    # 2. resolve in text order; resolved references become antecedents for later pronouns
    targets: list[_Target] = []
    for mention, span in named:
        targets.append(_Target(mention.start, mention.end, mention.label, sent_index(span.start),
                               "name", span.root.tag_ in {"NNPS", "NNS"},
                               genders.get((mention.start, mention.end), ""),
                               _name_key(mention)))
    # the first target at each span (a reference names its antecedent by span)
    target_at: dict[tuple[int, int], _Target] = {}
    for target in targets:
        target_at.setdefault((target.start, target.end), target)
    # gender a chain shows through its pronouns: after "he" → Ablyazov, "she" cannot be him
    chain_gender: dict[str, str] = {}
    first_by_head: dict[tuple[str, str, bool], Mention] = {}
    out: list[Mention] = []
    name_spans = {(m.start, m.end) for m in names}
    for candidate in sorted(candidates, key=lambda m: (m.start, m.end)):
        if (candidate.start, candidate.end) in name_spans:
            continue
        span = _span(doc, candidate.start, candidate.end)
        if span is None or not len(span):
            continue
        kind = mention_kind(span, nouns)
        if kind == "name" or kind == "number":
            continue
        result = replace(candidate, kind=kind, doc_id=candidate.doc_id or doc_id,
                         roles=clause_roles(span))
        sent = sent_index(span.start)
        if kind == "pronoun":
            ref = _resolve_pronoun(doc, span, targets, sent, chain_gender)
            if ref is None and span[0].lower_ in RELATIVE_PRONOUNS:
                # "Fred LaRue, a campaign official who served ...": the clause hangs from the
                # name's apposition, which is no mention of its own
                noun = _relative_antecedent(span[0])
                if noun is not None and noun.i in descriptor_of:
                    named_by = descriptor_of[noun.i][0]
                    ref = named_by.start, named_by.end, f"relative: {span.text!r}"
        else:
            lemma = head_lemma(span)
            result.head = lemma
            ref = _resolve_nominal(doc, span, lemma, candidate.label, named, described,
                                   descriptor_of, first_by_head)
            if ref is None and lemma in BODY_WORDS:
                ref = _possessor(doc, span, targets, sent, chain_gender)
            plural = _head_token(span).tag_ in {"NNS", "NNPS"}
            first_by_head.setdefault((candidate.label, lemma, plural), result)
        if ref is not None:
            result.ref_start, result.ref_end, result.ref_rule = ref
        if ref is None and auto:
            if _unnamed_participant(result, span):
                # kept for the link stage, but no antecedent for the article's pronouns: those
                # keep pointing at names, as they did before such descriptions were kept
                out.append(result)
            continue
        out.append(result)
        head = _head_token(span)
        gender = ""
        pointed = target_at.get(ref[:2]) if ref is not None else None
        if pointed is not None:
            gender = pointed.gender
        if kind == "pronoun":
            gender = gender or ("f" if span.text.lower() in FEMALE else
                                "m" if span.text.lower() in MALE else "")
        else:
            gender = gender or gender_of([result.head])
        label = candidate.label
        root = f"{result.start}:{result.end}"
        if pointed is not None:
            label, root = pointed.label, pointed.root
        if gender and kind == "pronoun":
            chain_gender.setdefault(root, gender)
        if kind != "pronoun" or ref is not None:
            targets.append(_Target(result.start, result.end, label, sent, kind,
                                   head.tag_ in {"NNS", "NNPS"} or
                                   span.text.lower() in PLURAL_PRONOUNS, gender, root))
            target_at.setdefault((result.start, result.end), targets[-1])
    return out


def _name_key(mention: Mention) -> str:
    words = mention.text.split()
    return words[-1].lower() if words else f"{mention.start}:{mention.end}"


def _definite_singular(token: Token) -> bool:
    return token.tag_ == "NN" and any(
        child.dep_ == "det" and child.lower_ == "the" for child in token.children
    )


def _unnamed_participant(mention: Mention, span: Span) -> bool:
    """A definite singular role description ("the gunman") that is worth a mention even when
    its article never names whom it describes (see :data:`PARTICIPANT_ROLES`)."""
    return (
        mention.kind == "nominal"
        and mention.label == "PERSON"
        and mention.head in PARTICIPANT_ROLES
        and _definite_singular(_head_token(span))
    )


def _auto_candidates(
    doc: Doc, names: Sequence[Mention], described: dict[str, list[tuple[Mention, Span]]],
    doc_id: str,
) -> list[Mention]:
    label_of_lemma = {lemma: spans[0][0].label for lemma, spans in described.items()}
    covered = {i for m in names for s in [_span(doc, m.start, m.end)] if s for i in
               range(s.start, s.end)}
    found: list[Mention] = []
    text = doc_text(doc)
    for token in (doc[i] for i in _indices_of_pos(doc, PRON, NOUN)):
        if token.i in covered:
            continue
        lowered = token.lower_
        if token.pos_ == "PRON" and lowered in (PERSON_PRONOUNS | THING_PRONOUNS |
                                                PLURAL_PRONOUNS | {"who", "whom", "whose"}):
            found.append(Mention(doc_id, token.idx, token.idx + len(token), token.text,
                                 "PERSON" if lowered not in THING_PRONOUNS else "ORG"))
        elif token.pos_ == "NOUN" and token.dep_ not in {"compound", "amod"} and (
            (lemma := token.lemma_.lower()) in label_of_lemma
            or (lemma in PARTICIPANT_ROLES and _definite_singular(token))
        ):
            left = min((t.i for t in token.subtree if t.i <= token.i), default=token.i)
            left = next((t.i for t in doc[left:token.i + 1] if t.pos_ != "DET"), token.i)
            found.append(Mention(doc_id, doc[left].idx, token.idx + len(token),
                                 text[doc[left].idx:token.idx + len(token)],
                                 label_of_lemma.get(lemma, "PERSON")))
    return found


def _nearest(
    span: Span, options: Sequence[tuple[Mention, Span]]
) -> tuple[Mention, Span]:
    """The option closest before the span, else the closest after it."""
    before = [o for o in options if o[1].start < span.start]
    if before:
        return max(before, key=lambda o: o[1].start)
    return min(options, key=lambda o: o[1].start)


def _resolve_nominal(
    doc: Doc, span: Span, lemma: str, label: str, named: Sequence[tuple[Mention, Span]],
    described: dict[str, list[tuple[Mention, Span]]],
    descriptor_of: dict[int, tuple[Mention, str]],
    first_by_head: dict[tuple[str, str, bool], Mention],
) -> tuple[int, int, str] | None:
    head = _head_token(span)
    if head.i in descriptor_of:
        mention, rule = descriptor_of[head.i]
        if same_kind(mention.label, label):
            return mention.start, mention.end, rule
    modifiers = {c.lower_ for c in head.children if c.dep_ in _MODIFIER_DEPS}
    if modifiers & NEW_REFERENT_WORDS:
        return None  # "other leaders", "another actress", "our country": not the named one
    plural = head.tag_ in {"NNS", "NNPS"}
    options = [] if plural else [
        (m, s) for m, s in described.get(lemma, []) if same_kind(m.label, label)]
    if options:
        mention, _ = _nearest(span, options)
        return mention.start, mention.end, f"described: {lemma!r} as in {mention.text!r}"
    if label not in PERSON_LABELS and lemma not in _WEAK_HEADS:
        within = [(m, s) for m, s in named if same_kind(m.label, label) and any(
            (t.lemma_ or t.text).lower() == lemma for t in s)]
        if within:
            mention, _ = _nearest(span, within)
            return mention.start, mention.end, f"head in name: {lemma!r} in {mention.text!r}"
    earlier = first_by_head.get((label, lemma, plural))
    if earlier is not None and lemma not in _WEAK_HEADS:
        return earlier.start, earlier.end, f"same head: {lemma!r}"
    return None


def _possessor(
    doc: Doc, span: Span, targets: Sequence[_Target], sent: int, chain_gender: dict[str, str],
) -> tuple[int, int, str] | None:
    """'his body', 'LaRue's body', 'the body of the climber': the person whose body it is."""
    head = _head_token(span)
    owners = [c for c in head.children if c.dep_ == "poss"]
    owners += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    for owner in owners:
        for target in sorted(targets, key=lambda t: t.end - t.start):
            if target.start <= owner.idx < target.end and target.label in PERSON_LABELS:
                return target.start, target.end, f"possessor: {owner.text!r}"
        if owner.lower_ in PERSON_PRONOUNS:
            found = _resolve_pronoun(doc, doc[owner.i:owner.i + 1], targets, sent, chain_gender)
            if found is not None:
                return found[0], found[1], f"possessor: {owner.text!r}"
    return None


def _resolve_pronoun(
    doc: Doc, span: Span, targets: Sequence[_Target], sent: int,
    chain_gender: dict[str, str],
) -> tuple[int, int, str] | None:
    token = span[0]
    lowered = token.lower_
    if lowered in RELATIVE_PRONOUNS:
        noun = _relative_antecedent(token)
        if noun is None:
            return None
        for target in sorted(targets, key=lambda t: t.end - t.start):
            if target.start <= noun.idx < target.end:
                return target.start, target.end, f"relative: {token.text!r}"
        return None
    if lowered in REFLEXIVES:
        # "Jackson turned himself in": the subject of the reflexive's own verb
        subjects = [t for t in token.head.children if t.dep_ in {"nsubj", "nsubjpass"}]
        for subject in subjects:
            for target in sorted(targets, key=lambda t: t.end - t.start):
                if target.start <= subject.idx < target.end and _compatible(
                    lowered, target, chain_gender
                ):
                    return target.start, target.end, f"reflexive: {token.text!r}"
    if lowered in FIRST_PERSON:
        # the speaker named in the same sentence (quotes: '"We ...," said Zadan')
        same = [t for t in targets if t.sent == sent and t.kind == "name"
                and _compatible(lowered, t, chain_gender)]
        if same:
            target = min(same, key=lambda t: abs(t.start - token.idx))
            return target.start, target.end, "speaker: first person"
        return None
    text = doc_text(doc)
    # "We appreciate your respect to her": a third-person pronoun is not the quoted speaker's
    # "we" (the chain through it leads back to the speaker, not to the one spoken of)
    candidates = [t for t in targets if t.end <= token.idx and sent - t.sent <= PRONOUN_WINDOW
                  and _compatible(lowered, t, chain_gender)
                  and text[t.start:t.end].lower() not in FIRST_PERSON]
    if not candidates:
        return None
    # Closest sentence first; within it prefer names, then the earliest (subjects come first).
    best_sent = max(t.sent for t in candidates)
    in_sent = [t for t in candidates if t.sent == best_sent]
    if best_sent == sent:
        target = max(in_sent, key=lambda t: t.start)
    else:
        target = min(in_sent, key=lambda t: (t.kind != "name", t.start))
    return target.start, target.end, f"pronoun: {token.text!r}"
