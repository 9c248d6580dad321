"""A small hand-built store: two reports of a fictional flood, with every kind of record."""

from __future__ import annotations

from pathlib import Path

from newsprism import model
from newsprism.store.sqlite import Store

SCRIPT = "<script>alert('x')</script>"

SENTENCES_A = [
    "Flooding hit Dornburg on Monday, March 3.",
    "Officials said 12 people were killed by the flood.",
    '"We are overwhelmed," said Mayor Ilse Varga.',
    "Police detained more than 40 looters on March 4.",
]
SENTENCES_B = [
    "Rescuers said 15 people died in the Dornburg flood as of March 5.",
    "Mayor Varga warned that the dam could fail again.",
    f"Rain began on March 2, a farmer wrote: {SCRIPT} | pipes | too.",
]


def _sentences(doc_id: str, parts: list[str]) -> tuple[str, list[model.Sentence]]:
    text, sentences, offset = "", [], 0
    for i, part in enumerate(parts):
        if text:
            text += " "
            offset += 1
        sentences.append(model.Sentence(doc_id, i, offset, offset + len(part)))
        text += part
        offset += len(part)
    return text, sentences


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def build(path: Path) -> Store:
    text_a, sents_a = _sentences("doc-a", SENTENCES_A)
    text_b, sents_b = _sentences("doc-b", SENTENCES_B)
    doc_a = model.Document(
        id="doc-a",
        text=text_a,
        title="Flood hits Dornburg",
        outlet="Dornburg Gazette",
        url="https://gazette.example/flood",
        published=model.PublicationTime(
            value="2022-03-04",
            source="inferred",
            confidence=0.8,
            evidence=[
                model.Evidence(
                    "doc-a", *span(text_a, SENTENCES_A[3]), SENTENCES_A[3], "latest date reported"
                )
            ],
        ),
        cited_sources=[model.CitedSource("doc-a", "Reuters", 0, 5, "reported by")],
    )
    doc_b = model.Document(
        id="doc-b",
        text=text_b,
        title=f"{SCRIPT} Toll rises",
        outlet="Valley Courier",
        url="javascript:alert(1)",
        published=model.PublicationTime(value="2022-03-05", source="metadata", confidence=1.0),
        translation_noise=0.42,
        machine_translated=True,
    )

    def q(text: str, doc_id: str, needle: str, measure: str, value: float, as_of: str):
        s, e = span(text, needle)
        return model.Quantity(
            doc_id,
            s,
            e,
            needle,
            value,
            value,
            measure=measure,
            as_of=as_of,
            unit="people",
            normalized_unit="person",
        )

    ex_a = model.Extraction(
        "doc-a",
        sentences=sents_a,
        mentions=[
            model.Mention("doc-a", *span(text_a, "Dornburg"), "Dornburg", "GPE", "e2"),
            model.Mention("doc-a", *span(text_a, "Ilse Varga"), "Ilse Varga", "PERSON", "e1"),
        ],
        times=[
            model.TimeExpression(
                "doc-a",
                *span(text_a, "Monday, March 3"),
                "Monday, March 3",
                "DATE",
                "2022-03-03",
                "2022-03-03",
            ),
            model.TimeExpression(
                "doc-a", *span(text_a, "March 4"), "March 4", "DATE", "2022-03-04", "2022-03-04"
            ),
        ],
        quotes=[
            model.Quote(
                "doc-a",
                *span(text_a, "We are overwhelmed,"),
                "We are overwhelmed,",
                "direct",
                speaker="Ilse Varga",
                speaker_text="Mayor Ilse Varga",
                cue="say",
                entity_id="e1",
            )
        ],
        quantities=[q(text_a, "doc-a", "12", "killed", 12, "2022-03-04")],
        # Stored out of date order on purpose: the timeline must sort them.
        events=[
            model.Event(
                "doc-a", *span(text_a, "detained"), "detained", "detention", date="2022-03-04"
            ),
            model.Event(
                "doc-a",
                *span(text_a, "Flooding"),
                "Flooding",
                "flood",
                date="2022-03-03",
                place="Dornburg",
                quantity_indexes=[0],
            ),
        ],
    )
    ex_b = model.Extraction(
        "doc-b",
        sentences=sents_b,
        times=[
            model.TimeExpression(
                "doc-b", *span(text_b, "March 5"), "March 5", "DATE", "2022-03-05", "2022-03-05"
            ),
            model.TimeExpression(
                "doc-b", *span(text_b, "March 2"), "March 2", "DATE", "2022-03-02", "2022-03-02"
            ),
        ],
        quotes=[
            model.Quote(
                "doc-b",
                *span(text_b, "the dam could fail again"),
                "the dam could fail again",
                "indirect",
                speaker="Varga",
                speaker_text="Mayor Varga",
                cue="warn",
                entity_id="e1",
            ),
            model.Quote(
                "doc-b",
                *span(text_b, SCRIPT),
                SCRIPT,
                "direct",
                speaker="a farmer",
                speaker_text="a farmer",
                cue="write",
            ),
        ],
        quantities=[q(text_b, "doc-b", "15", "killed", 15, "2022-03-05")],
    )
    store = Store(path)
    store.add_many([(doc_a, ex_a), (doc_b, ex_b)])

    sa, ea = span(text_a, "12")
    sb, eb = span(text_b, "15")
    claims = [
        model.Claim(
            "c-a",
            "doc-a",
            "quantity",
            "KILL|people|Dornburg",
            "people killed",
            "12",
            low=12,
            high=12,
            unit="people",
            as_of="2022-03-04",
            start=sa,
            end=ea,
            sentence_start=text_a.index(SENTENCES_A[1]),
            sentence_end=text_a.index(SENTENCES_A[1]) + len(SENTENCES_A[1]),
        ),
        model.Claim(
            "c-b",
            "doc-b",
            "quantity",
            "KILL|people|Dornburg",
            "people killed",
            "15",
            low=15,
            high=15,
            unit="people",
            as_of="2022-03-05",
            attributed_to="Rescuers",
            start=sb,
            end=eb,
        ),
    ]
    comparisons = [
        model.Comparison(
            f"cmp-{verdict}",
            "story-1",
            f"key|{verdict}",
            f"label {verdict}",
            "quantity",
            verdict,
            claim_ids=["c-a", "c-b"] if verdict != "single-source" else ["c-b"],
            independent_sources=2 if verdict != "single-source" else 1,
        )
        for verdict in model.VERDICTS
    ]
    comparisons[2].low, comparisons[2].best, comparisons[2].high = 12.0, 15.0, 15.0
    comparisons[2].best_rule = "latest figure"
    with store.transaction():
        store.replace(
            model.Story,
            [
                model.Story(
                    "story-1", "Dornburg flood", ["doc-a", "doc-b"], "2022-03-02", "2022-03-05"
                ),
                model.Story("story-2", "Empty story", [], None, None),
            ],
        )
        store.replace(
            model.Entity,
            [
                model.Entity("e1", "Ilse Varga", "PERSON", ["Varga", "Mayor Varga"]),
                model.Entity("e2", "Dornburg", "GPE", ["Dornburg"]),
            ],
        )
        store.replace(model.ReuseLink, [model.ReuseLink("doc-a", "doc-b", "rewrite", 0.61)])
        store.replace(model.Claim, claims)
        store.replace(model.Comparison, comparisons)
    return store
