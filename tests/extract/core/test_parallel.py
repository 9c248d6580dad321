"""extract_parallel: same results as the in-process path, in input order, streaming."""

from __future__ import annotations

import itertools

from newsprism.extract import extract_documents
from newsprism.extract.core.parallel import extract_parallel
from newsprism.model import Document, document_id

TEXTS = [
    "Protests began in Almaty on Sunday, January 2, after the price of gas doubled.",
    "Police said more than 3,000 people were detained across the country by Friday.",
    "The mayor of Castrava warned that the dam could fail again. Residents were evacuated.",
    "Officials confirmed 47 deaths on Tuesday. Another 12 people are missing.",
    "Rescue teams reached the flooded villages late on Monday night.",
]


def documents() -> list[Document]:
    return [Document(id=document_id(text), text=text) for text in TEXTS]


def test_extract_parallel_in_process_matches_extract_documents(nlp):
    expected = [extraction for _, extraction in extract_documents(nlp, documents())]
    got = [extraction for _, extraction in extract_parallel(documents(), workers=1)]
    assert got == expected


def test_extract_parallel_pool_keeps_order_and_results(nlp):
    expected = [extraction for _, extraction in extract_documents(nlp, documents())]
    inputs = documents()
    pairs = list(extract_parallel(inputs, workers=2, batch_size=2))
    assert [d.id for d, _ in pairs] == [d.id for d in inputs]
    # The caller's own Document objects come back, not pickled copies.
    assert all(d is original for (d, _), original in zip(pairs, inputs, strict=True))
    assert [extraction for _, extraction in pairs] == expected


def test_extract_parallel_reads_input_lazily():
    consumed = 0

    def stream():
        nonlocal consumed
        for text in itertools.cycle(TEXTS):
            consumed += 1
            yield Document(id=document_id(f"{consumed} {text}"), text=text)

    results = extract_parallel(stream(), workers=1, batch_size=2)
    first = list(itertools.islice(results, 3))
    assert len(first) == 3
    assert consumed < 20  # an endless input is not drained before results come back


def test_extract_parallel_spawns_workers_while_other_threads_run(nlp):
    import threading

    expected = [extraction for _, extraction in extract_documents(nlp, documents()[:2])]
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        pairs = list(extract_parallel(documents()[:2], workers=2, batch_size=1))
    finally:
        stop.set()
        thread.join()
    assert [extraction for _, extraction in pairs] == expected
