"""Who a figure is attributed to, read by the table rules' ``source_cues`` (team-written text)."""

from __future__ import annotations

import pytest

from newsprism.extract.languages.generic import read_figures
from newsprism.model import Document, PublicationTime


def _sources(language: str, text: str) -> list[tuple[float | None, str]]:
    document = Document(
        id="d1", text=text, language=language, published=PublicationTime(value="2026-03-08")
    )
    _, quantities = read_figures(document)
    return [(q.low if q.low is not None else q.high, q.attributed_to) for q in quantities]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a reporting verb with its subject before it, and one whose subject is the antecedent
        # of a relative clause
        (
            "it",
            "L'agenzia regionale della Protezione civile ha intanto aggiornato a 41 il numero dei "
            "morti, mentre il sindaco di Vallebruna, che alla radio ha parlato di 58 morti, "
            "chiede aiuto.",
            [(41, "agenzia regionale della Protezione"), (58, "sindaco di Vallebruna")],
        ),
        ("it", "Secondo la Croce Rossa i feriti sono 130.", [(130, "Croce Rossa")]),
        # an appositive subject before a comma; a preposition naming the counter
        (
            "pt",
            "O ministro do Interior, Carlos Mendes, disse que há cerca de 900 desalojados. "
            "Segundo a Defesa Civil, são 640 desalojados.",
            [(900, "Carlos Mendes"), (640, "Defesa Civil")],
        ),
        (
            "fr",
            "Selon le ministère fédéral de l'Intérieur, 75 morts. Le préfet de la région a fait "
            "état de 82 morts.",
            [(75, "ministère fédéral de l'Intérieur"), (82, "préfet de la région")],
        ),
        (
            "es",
            "Según la Guardia Civil hay 37 heridos, mientras que el alcalde dijo que hay 45 "
            "heridos.",
            [(37, "Guardia Civil"), (45, "alcalde")],
        ),
        ("es", "Hay 45 heridos, dijo el alcalde de Torrenueva.", [(45, "alcalde de Torrenueva")]),
        ("de", "Laut Feuerwehr Oberstadt gab es 12 Verletzte.", [(12, "Feuerwehr Oberstadt")]),
        # postpositions: the source comes first
        ("tr", "Valiliğin açıklamasına göre 27 kişi öldü.", [(27, "Valiliğin")]),
        ("tr", "AFAD'a göre 340 kişi yaralandı.", [(340, "AFAD")]),
        ("ja", "消防庁によると、19人が死亡した。", [(19, "消防庁")]),
        ("ko", "소방청에 따르면 19명이 숨졌다.", [(19, "소방청")]),
        ("zh", "据当地消防部门称，事故已造成19人死亡。", [(19, "当地消防部门")]),
        ("ar", "وفقا لوزارة الداخلية قتل 19 شخصا.", [(19, "وزارة الداخلية")]),
        ("nl", "Volgens de brandweer zijn er 19 gewonden.", [(19, "brandweer")]),
        # a subject in apposition before the verb; a capital that only opens a sentence is no
        # name ("Cifre che ...")
        (
            "es",
            "El alcalde de Torrenueva, Luis Prado, anunció este lunes el cierre del puerto, que "
            "ha dejado al menos 45 heridos.",
            [(45, "Luis Prado")],
        ),
        (
            "it",
            "Cifre diverse da quelle del sindaco della città, che ha parlato di 58 morti.",
            [(58, "sindaco della città")],
        ),
        # a document or a count names no one; its issuer does
        ("fr", "Selon un bilan provisoire, 75 morts.", [(75, "")]),
        (
            "fr",
            "Selon les chiffres du ministère de l'Intérieur, 75 morts.",
            [(75, "ministère de l'Intérieur")],
        ),
        ("tr", "Son rakamlara göre 27 kişi öldü.", [(27, "")]),
        # an inverted subject opens with an article or a name, not "à midi"
        ("fr", "Il y a 75 morts, a annoncé à midi la radio.", [(75, "")]),
        # a date between the source and its verb
        ("zh", "副省长张明9日在发布会上表示，已有19人死亡。", [(19, "副省长张明")]),
        ("zh", "据副省长张明3月9日在发布会上表示，已有19人死亡。", [(19, "副省长张明")]),
        # a verb-final sentence names its speaker first, set off or by name
        ("tr", "Vali Yılmaz, 27 kişinin öldüğünü söyledi.", [(27, "Vali Yılmaz")]),
        ("tr", "Kazada 27 kişinin öldüğünü açıkladı.", [(27, "")]),
        # no cue: the figure is the report's own
        ("it", "I morti sono 41.", [(41, "")]),
        ("pt", "No segundo dia havia 640 desalojados.", [(640, "")]),
    ],
)
def test_table_rules_attribute_figures_to_their_source(
    language: str, text: str, expected: list[tuple[float, str]]
) -> None:
    assert _sources(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text", "low", "high"),
    [
        ("it", "I morti sono poco più di 310.", 310, 341),
        ("fr", "Un peu moins de 600 blessés.", 540, 600),
        ("es", "Hay poco más de 4.000 heridos.", 4000, 4400),
        ("de", "Etwas mehr als 310 Tote.", 310, 341),
        ("sv", "Drygt 310 döda.", 310, 341),
        ("it", "I morti sono più di 310.", 310, None),  # open: no close hedge
    ],
)
def test_table_rules_read_a_close_bound_as_a_bounded_interval(
    language: str, text: str, low: float, high: float | None
) -> None:
    document = Document(
        id="d1", text=text, language=language, published=PublicationTime(value="2026-03-08")
    )
    [quantity] = read_figures(document)[1]
    assert (quantity.low, quantity.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "low", "high", "source"),
    [
        ("Согласно подсчетам спасателей, ранены 230 человек.", 230, 230, "спасателей"),
        ("По оценкам Красного Креста ранены 230 человек.", 230, 230, "Красного Креста"),
        ("Ранены 230 человек, по информации городской больницы.", 230, 230,
         "городской больницы"),
        ("Пострадали чуть более 300 человек.", 300, 330, ""),  # close bound, no source
    ],
)
def test_russian_figures_take_source_cues_and_close_bounds(
    text: str, low: float, high: float, source: str
) -> None:
    from newsprism.extract import extract_document
    from newsprism.extract.languages.ru.pipeline import load_russian_pipeline

    document = Document(
        id="d1", text=text, language="ru", published=PublicationTime(value="2026-03-08")
    )
    [quantity] = extract_document(load_russian_pipeline(), document)[1].quantities
    assert (quantity.low, quantity.high, quantity.attributed_to) == (low, high, source)
