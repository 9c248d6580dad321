"""Within-article coreference: descriptions and pronouns pointed at the names they stand for."""

from __future__ import annotations

import pytest

from newsprism.extract import make_doc
from newsprism.extract.entities.coref import find_references, mention_kind
from newsprism.model import Document, Mention


def parse(nlp, text: str):
    return nlp(make_doc(nlp, Document(id="t", text=text)))


def refers(text: str, references: list[Mention]) -> dict[str, str]:
    return {m.text.lower(): text[m.ref_start:m.ref_end] for m in references
            if m.ref_start is not None and m.ref_end is not None}


def test_coref_descriptor_and_pronouns_point_at_the_name(nlp) -> None:
    text = ("Actress Lindsay Lohan checked into a rehab clinic in Malibu on Tuesday. "
            "The actress said she was grateful for the support of her fans.")
    doc = parse(nlp, text)
    references = find_references(doc, doc._.mentions)
    actress = next(m for m in references if m.head == "actress")
    assert text[actress.ref_start:actress.ref_end] == "Lindsay Lohan"
    assert actress.kind == "nominal" and actress.ref_rule
    she = next(m for m in references if m.text == "she")
    assert she.kind == "pronoun"
    # "she" points at "the actress", which points at the name: one chain
    assert (she.ref_start, she.ref_end) in {(actress.start, actress.end),
                                            (actress.ref_start, actress.ref_end)}


def test_coref_apposition_title_and_pronoun(nlp) -> None:
    text = ("Mukhtar Ablyazov, the former Bank Turan Alem chief, said the protests were a "
            "popular revolution. He called on the army to side with the people.")
    doc = parse(nlp, text)
    found = refers(text, find_references(doc, doc._.mentions))
    chief = next(value for key, value in found.items() if key.endswith("chief"))
    assert chief == "Mukhtar Ablyazov"
    assert found["he"] == "Mukhtar Ablyazov"


def test_coref_naming_verb_links_a_later_description(nlp) -> None:
    text = ("Police said a man identified as Eric Kirkpatrick opened fire at an office in Troy. "
            "The man had been dismissed from the firm last year.")
    doc = parse(nlp, text)
    references = find_references(doc, doc._.mentions)
    men = [m for m in references if m.head == "man"]
    assert men and all(text[m.ref_start:m.ref_end] == "Eric Kirkpatrick" for m in men)


def test_coref_given_candidates_keep_unresolved_descriptions(nlp) -> None:
    text = "On Monday pirates attacked a cargo vessel. The pirates fled in two skiffs."
    doc = parse(nlp, text)
    first = text.index("pirates")
    second = text.index("pirates fled")
    candidates = [Mention("t", first, first + 7, "pirates", "PERSON"),
                  Mention("t", second, second + 7, "pirates", "PERSON")]
    references = find_references(doc, [], candidates)
    assert [m.head for m in references] == ["pirate", "pirate"]
    assert references[0].ref_start is None
    assert (references[1].ref_start, references[1].ref_rule) == (first, "same head: 'pirate'")


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [("She left the court.", "She", "pronoun"),
     ("The coach was fired on Monday.", "coach", "nominal"),
     ("Maurice Cheeks was fired on Monday.", "Maurice Cheeks", "name")],
)
def test_coref_mention_kind(nlp, text: str, phrase: str, kind: str) -> None:
    doc = parse(nlp, text)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    assert mention_kind(span) == kind


def test_coref_naming_verb_with_object(nlp) -> None:
    text = "Police identified the woman as Raj Chohan on Thursday. The woman was walking home."
    doc = parse(nlp, text)
    references = find_references(doc, doc._.mentions)
    women = [m for m in references if m.head == "woman"]
    assert len(women) == 2
    assert all(text[m.ref_start:m.ref_end] == "Raj Chohan" for m in women)


@pytest.mark.parametrize(("text", "phrase", "expected"), [
    ("Police said the driver fled the scene and was arrested two blocks away.", "the driver",
     {"flee:agent", "arrest:patient"}),
    ("The woman was struck by a grey sedan outside the supermarket.", "The woman",
     {"strike:patient"}),
    ("The pensioner was hit by a delivery van on Monday.", "a delivery van", {"hit:agent"}),
    ("Marta Quillon, the goalkeeper, saved two penalties.", "Marta Quillon", {"save:agent"}),
    ("The mayor is a former teacher.", "The mayor", set()),
])
def test_coref_clause_roles_of_a_mention(nlp, text: str, phrase: str,
                                         expected: set[str]) -> None:
    from newsprism.extract.entities.coref import clause_roles

    doc = parse(nlp, text)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    assert set(clause_roles(span)) == expected


def test_coref_verb_roles_copies_and_references_carry_roles(nlp) -> None:
    from newsprism.extract.entities.coref import verb_roles

    text = ("Gunman Peter Orloff opened fire in a bakery on Friday. Police arrested the gunman "
            "an hour later.")
    doc = parse(nlp, text)
    names = [m for m in doc._.mentions if m.text == "Peter Orloff"]
    assert names
    with_roles = verb_roles(doc, names)
    assert with_roles[0].roles == ["open:agent"] and names[0].roles == []  # copies
    gunman = next(m for m in find_references(doc, doc._.mentions) if m.head == "gunman")
    assert gunman.roles == ["arrest:patient"]


@pytest.mark.parametrize(("text", "phrase"), [
    ("Rescuers reached the climber Owen Tate on Sunday. His body was flown to Christchurch.",
     "His body"),
    ("Divers recovered the body of Owen Tate from the lake on Monday.", "the body of Owen Tate"),
])
def test_coref_body_refers_to_its_owner(nlp, text: str, phrase: str) -> None:
    doc = parse(nlp, text)
    start = text.index(phrase)
    candidate = Mention("t", start, start + len(phrase), phrase, "PERSON")
    names = [m for m in doc._.mentions if m.text == "Owen Tate"]
    assert names
    found = find_references(doc, names, [candidate])
    assert refers(text, found) == {phrase.lower(): "Owen Tate"}


def test_coref_relative_pronoun_of_an_apposition_points_at_the_name(nlp) -> None:
    text = ("Fred Tolliver, a former campaign official who served a prison term for his role "
            "in the scandal, died on Saturday.")
    doc = parse(nlp, text)
    start = text.index("who")
    candidate = Mention("t", start, start + 3, "who", "PERSON")
    names = [m for m in doc._.mentions if m.text == "Fred Tolliver"]
    assert names
    assert refers(text, find_references(doc, names, [candidate])) == {"who": "Fred Tolliver"}


def test_coref_third_person_pronoun_skips_the_speakers_we(nlp) -> None:
    text = ("Actress Mia Lund entered a clinic in Malibu on Monday. \"We ask everyone to respect "
            "her privacy,\" said publicist Tom Reed.")
    doc = parse(nlp, text)
    we, her = text.index("We"), text.index("her privacy")
    candidates = [Mention("t", we, we + 2, "We", "PERSON"),
                  Mention("t", her, her + 3, "her", "PERSON")]
    found = refers(text, find_references(doc, doc._.mentions, candidates))
    assert found == {"we": "Tom Reed", "her": "Mia Lund"}


def test_coref_keeps_an_unnamed_participant_unresolved(nlp) -> None:
    text = ("Two workers were shot dead at a warehouse in Dunmore on Monday. The gunman opened "
            "fire in the loading bay. Police arrested the gunman outside the building. "
            "A man who lives nearby said officers sealed off the street.")
    doc = parse(nlp, text)
    references = find_references(doc, doc._.mentions)
    gunmen = [m for m in references if m.head == "gunman"]
    # the first "The gunman" is kept though the article never names him; the second points at it
    assert [m.text for m in gunmen] == ["gunman", "gunman"]
    first, second = gunmen
    assert first.ref_start is None and first.label == "PERSON" and first.roles
    assert (second.ref_start, second.ref_end) == (first.start, first.end)
    # an indefinite "a man" is a new referent, not a description of anyone to keep
    assert not any(m.head == "man" for m in references)
