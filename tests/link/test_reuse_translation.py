"""Reuse across languages: translations align sentence by sentence; independent reports do not.

The texts are written by the team: an invented flood, an English wire and a French version of it.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

import newsprism.link.reuse as reuse
from newsprism.link.reuse import detect_reuse
from newsprism.link.reuse_translation import (
    aligned,
    figure_value,
    figures,
    is_translation,
    longest_run,
    sentence_spans,
)
from newsprism.model import Document, Extraction, Mention

WIRE_EN = (
    "Floods in the Velmora valley have killed 37 people and forced 12,480 residents from their "
    "homes, the regional emergencies office said on Tuesday.\n"
    "Governor Ilya Varenko said 214 rescuers and 46 boats were searching the villages of Dolna "
    "Sava and Gorna Sava.\n"
    "The Orlen reservoir rose by 3,150 cubic metres a second overnight, Varenko told reporters.\n"
    "Officials said 1,260 homes were flooded and 85 kilometres of road were closed.\n"
    "A temporary shelter for 640 people has opened in the sports hall of Velmora's central school."
)
WIRE_FR = (
    "Les inondations dans la vallée de Velmora ont fait 37 morts et contraint 12 480 habitants à "
    "quitter leur domicile, a indiqué mardi le bureau régional des situations d'urgence.\n"
    "Le gouverneur Ilya Varenko a déclaré que 214 secouristes et 46 bateaux fouillaient les "
    "villages de Dolna Sava et Gorna Sava.\n"
    "Le réservoir d'Orlen a monté de 3 150 mètres cubes par seconde pendant la nuit, a dit "
    "Varenko aux journalistes.\n"
    "Selon les autorités, 1 260 maisons ont été inondées et 85 kilomètres de routes fermés.\n"
    "Un abri provisoire pour 640 personnes a ouvert dans le gymnase de l'école centrale."
)
# An independent French report of the same day: the same official toll and displaced count, but
# in its own sentences, its own order and with its own figures in between.
OTHER_FR = (
    "À Gorna Sava, les habitants ont passé la nuit sur les toits en attendant les secours.\n"
    "« Nous avons tout perdu au rez-de-chaussée », raconte une commerçante de 58 ans.\n"
    "Le gouverneur Ilya Varenko a promis une aide de 2 000 euros par foyer sinistré.\n"
    "Les inondations ont fait 37 morts, selon le bilan officiel, et 12 480 personnes ont dû "
    "quitter leur maison.\n"
    "Des pluies de 90 millimètres sont encore attendues jeudi dans la vallée de Velmora."
)
NAMES = {"velmora": "e_velmora", "varenko": "e_varenko", "dolna sava": "e_dolna",
         "gorna sava": "e_gorna", "orlen": "e_orlen"}


def with_names(doc_id: str, text: str) -> Extraction:
    """The linked names an extraction would carry (the aliases stage links them across
    languages)."""
    mentions = [
        Mention(doc_id=doc_id, start=m.start(), end=m.end(), text=m.group(0), label="GPE",
                entity_id=entity)
        for name, entity in NAMES.items()
        for m in re.finditer(name, text, flags=re.IGNORECASE)
    ]
    return Extraction(doc_id=doc_id, mentions=mentions)


def corpus(*pairs: tuple[str, str, str]) -> tuple[list[Document], dict[str, Extraction]]:
    documents = [Document(id=i, text=t, language=lang) for i, t, lang in pairs]
    return documents, {d.id: with_names(d.id, d.text) for d in documents}


@pytest.mark.parametrize(
    ("written", "value"),
    [("24 617", 24617), ("24,617", 24617), ("24.617", 24617), ("24\u202f617", 24617),
     ("24617", 24617), ("7,8", 7.8), ("7.8", 7.8), ("1.234.567", 1234567)],
)
def test_reuse_translation_figure_value_reads_any_locale(written: str, value: float) -> None:
    assert figure_value(written) == value


def test_reuse_translation_figures_skip_years_and_small_numbers() -> None:
    assert figures("On 6 February 2023, 3 quakes killed 24 617 people") == {24617}


def test_reuse_translation_sentences_split_lines_cells_and_sentence_ends() -> None:
    text = "Home | News | A first sentence that is long enough. A second one, also long enough.\nok"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "A first sentence that is long enough.", "A second one, also long enough."
    ]


def test_reuse_translation_linked_on_figures_and_names_without_encoder() -> None:
    documents, extractions = corpus(("en", WIRE_EN, "en"), ("fr", WIRE_FR, "fr"))
    links = detect_reuse(documents, extractions)
    assert [(link.kind, {link.doc_a, link.doc_b}) for link in links] == [
        ("translation", {"en", "fr"})
    ]
    # the last sentence shares only its figure (the French leaves out the town): 4 of 5 align
    assert links[0].evidence.startswith("4 sentences aligned in order")


def test_reuse_translation_independent_report_with_the_same_toll_not_linked() -> None:
    documents, extractions = corpus(("en", WIRE_EN, "en"), ("other", OTHER_FR, "fr"))
    assert detect_reuse(documents, extractions) == []


def test_reuse_translation_partial_excerpt_of_a_translation_is_linked() -> None:
    """A search engine stored only the middle of the French version."""
    middle = "\n".join(WIRE_FR.split("\n")[1:4])
    documents, extractions = corpus(("en", WIRE_EN, "en"), ("fr", middle, "fr"))
    assert [link.kind for link in detect_reuse(documents, extractions)] == ["translation"]


def test_reuse_translation_sentences_with_other_figures_never_align() -> None:
    """Even identical in meaning (cosine 1), a sentence with 38 dead is not one with 37."""
    from newsprism.link.reuse_translation import SentenceAnchors

    a = SentenceAnchors(Document(id="a", text="The floods have killed 37 people in the valley."),
                        None)
    b = SentenceAnchors(Document(id="b", text="Les inondations ont fait 38 morts dans la vallée."),
                        None)
    same = np.ones((1, 4), dtype=np.float32) / 2
    assert not aligned(a, b, same, same).any()
    b37 = SentenceAnchors(
        Document(id="b", text="Les inondations ont fait 37 morts dans la vallée."), None
    )
    assert aligned(a, b37, same, same).all()


def test_reuse_translation_encoder_aligns_sentences_without_figures(monkeypatch) -> None:
    """In the encoder's languages, sentences close in meaning align with no shared figure (only
    sentences naming someone or something are embedded: the encoder is the cost)."""
    en = ["The river burst its banks near Velmora before dawn, witnesses said.",
          "Residents of Gorna Sava climbed onto their roofs to wait for the boats.",
          "Varenko said the army sent helicopters from the northern base.",
          "Schools in Dolna Sava will stay closed all week."]
    fr = ["La rivière est sortie de son lit près de Velmora avant l'aube, selon des témoins.",
          "Les habitants de Gorna Sava sont montés sur les toits pour attendre les bateaux.",
          "Selon Varenko, l'armée a envoyé des hélicoptères depuis la base du nord.",
          "Les écoles de Dolna Sava resteront fermées toute la semaine."]
    meaning = {s: k for k, s in enumerate(en)} | {s: k for k, s in enumerate(fr)}

    def encoder(texts: list[str]) -> np.ndarray:
        rows = np.zeros((len(texts), 8), dtype=np.float32)
        for row, text in zip(rows, texts, strict=True):
            row[meaning[text.strip()]] = 1.0
        return rows

    monkeypatch.setattr(reuse, "sentence_encoder", lambda: encoder)
    documents = [Document(id="en", text="\n".join(en), language="en"),
                 Document(id="fr", text="\n".join(fr), language="fr")]
    # the pair is a candidate through its anchors: a figure and a place in the headline line
    head_en = "Flood cuts off 12 villages near Velmora, officials said today.\n"
    head_fr = "Une crue isole 12 villages près de Velmora, selon les autorités.\n"
    meaning[head_en.strip()] = meaning[head_fr.strip()] = 5
    documents = [Document(id="en", text=head_en + documents[0].text, language="en"),
                 Document(id="fr", text=head_fr + documents[1].text, language="fr")]
    extractions = {d.id: with_names(d.id, d.text) for d in documents}
    embeddings = {"en": np.eye(8)[6], "fr": np.eye(8)[7]}  # whole-report embeddings: unused
    links = detect_reuse(documents, extractions, embeddings)
    assert [link.kind for link in links] == ["translation"]
    # in reverse order, the same sentences make no run: an independent report tells things its
    # own way
    shuffled = [Document(id="en", text=head_en + "\n".join(en), language="en"),
                Document(id="fr", text=head_fr + "\n".join(reversed(fr)),
                         language="fr")]
    assert detect_reuse(shuffled, extractions, embeddings) == []


def test_reuse_translation_run_allows_one_skipped_sentence() -> None:
    ok = np.zeros((6, 6), dtype=bool)
    ok[0, 0] = ok[2, 1] = ok[3, 3] = ok[5, 4] = True  # each step skips at most one sentence
    assert longest_run(ok) == 4
    ok[5, 4] = False
    ok[5, 5] = True  # (3,3) -> (5,5) skips one on both sides: still a step
    assert longest_run(ok) == 4
    scattered = np.zeros((9, 9), dtype=bool)
    scattered[0, 8] = scattered[4, 0] = scattered[8, 4] = True
    assert longest_run(scattered) == 1


@pytest.mark.parametrize(
    ("run", "a", "b", "expected"),
    [(4, 30, 30, True), (3, 5, 20, True), (3, 20, 20, False), (2, 2, 9, True), (2, 3, 9, False)],
)
def test_reuse_translation_run_must_cover_the_shorter_report(run, a, b, expected) -> None:
    assert is_translation(run, a, b) is expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("оставил 300 тысяч человек без крова, ущерб более $3 млрд", "ru", {300000, 3e9}),
     ("погибли более 3,5 тысячи человек", "ru", {3500}),
     ("造成1.5万多人死亡", "zh", {15000}),
     ("Hilfen von 5,8 Mio. Euro", "de", {5.8e6}),
     ("damage of $4.6bn, or 4.6 billion dollars", "en", {4.6e9}),
     ("3 000 millions de dollars", "fr", {3e9}),
     ("in 10 provinces, 300 people", "en", {10, 300})],
)
def test_reuse_translation_figures_carry_their_scale_word(text, language, expected) -> None:
    assert figures(text, language) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2356, True), (24617, True), (135, True), (252.7, True), (28000, False), (3500, False),
     (100, False), (1e9, False)],
)
def test_reuse_translation_specific_figures_are_the_unrounded_ones(value, expected) -> None:
    from newsprism.link.reuse_translation import specific

    assert specific(value) is expected


QUAKE_EN = (
    "The earthquake killed 4,217 people in the province, officials said on Monday.\n"
    "Rescuers pulled 1,386 survivors from the rubble of collapsed buildings.\n"
    "Rain slowed the search in the mountain villages overnight.\n"
    "The agency counted 2,351 aftershocks since the first quake struck.\n"
    "Schools will stay shut until further notice, the governor said."
)
QUAKE_EL = (
    "Ο σεισμός σκότωσε 4.217 ανθρώπους στην επαρχία, ανακοίνωσαν τη Δευτέρα οι αρχές.\n"
    "Οι διασώστες ανέσυραν 1.386 επιζώντες από τα ερείπια των κτιρίων που κατέρρευσαν.\n"
    "Η βροχή καθυστέρησε τις έρευνες στα ορεινά χωριά κατά τη διάρκεια της νύχτας.\n"
    "Η υπηρεσία κατέγραψε 2.351 μετασεισμούς από τον πρώτο σεισμό.\n"
    "Τα σχολεία θα μείνουν κλειστά μέχρι νεωτέρας, δήλωσε ο κυβερνήτης."
)
QUAKE_EL_OTHER = (
    "Στα ορεινά χωριά οι κάτοικοι πέρασαν τη νύχτα σε σκηνές, μακριά από τα σπίτια τους.\n"
    "Ο απολογισμός των αρχών ανέρχεται σε 4.217 νεκρούς και 1.386 διασωθέντες.\n"
    "Ο δήμαρχος ζήτησε περισσότερα μηχανήματα για την απομάκρυνση των ερειπίων.\n"
    "Σύμφωνα με τους σεισμολόγους, οι μετασεισμοί θα συνεχιστούν για εβδομάδες."
)


def test_reuse_translation_in_a_language_the_encoder_cannot_read(monkeypatch) -> None:
    """Greek (no encoder, no linked names): each sentence keeps one unrounded figure of its
    original, in order, and the sentences with no figure are stepped over."""
    monkeypatch.setattr(reuse, "sentence_encoder",
                        lambda: lambda texts: np.ones((len(texts), 4), dtype=np.float32))
    documents = [Document(id="en", text=QUAKE_EN, language="en"),
                 Document(id="el", text=QUAKE_EL, language="el")]
    links = detect_reuse(documents, {}, {"en": np.eye(2)[0]})  # the encoder reads only English
    assert [link.kind for link in links] == ["translation"]
    # an independent Greek report with the same two official figures in one sentence
    other = [documents[0], Document(id="other", text=QUAKE_EL_OTHER, language="el")]
    assert detect_reuse(other, {}, {"en": np.eye(2)[0]}) == []


def test_reuse_translation_ordered_pairs_ignore_gaps_but_not_order() -> None:
    from newsprism.link.reuse_translation import ordered_pairs

    ok = np.zeros((12, 6), dtype=bool)
    ok[2, 0] = ok[8, 1] = ok[9, 2] = True  # a rewrite that kept three sentences, cut the rest
    assert ordered_pairs(ok) == 3
    assert is_translation(1, 12, 6, strong=3)
    crossed = np.zeros((12, 6), dtype=bool)
    crossed[2, 2] = crossed[8, 1] = crossed[9, 0] = True
    assert ordered_pairs(crossed) == 1
