"""Extraction as a Ray Data job: Parquet in, Parquet out, one pipeline per actor.

    pip install 'newsprism[ray]'
    python -m newsprism.scale.ray_job articles.parquet extractions/ --actors 8

Each actor of the pool loads the spaCy pipeline once (in ``__init__``) and then extracts batch
after batch; Ray streams the dataset, so memory stays bounded like the local process pool's.
"""

from __future__ import annotations

import argparse
from typing import Any

from newsprism.scale.rows import document_from_row, extraction_row

DEFAULT_BATCH_SIZE = 64  # articles per map_batches call: large enough to amortise the hop


class Extractor:
    """Ray actor class: ``__call__`` maps a batch of input rows to output rows."""

    def __init__(self, model: str | None = None, selective_parsing: bool | None = None) -> None:
        from newsprism.nlp import load_pipeline

        self.nlp = load_pipeline(model, selective_parsing=selective_parsing)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        from newsprism.extract.languages import extract_any_language

        columns = list(batch)
        size = len(batch[columns[0]]) if columns else 0
        rows = [{name: batch[name][i] for name in columns} for i in range(size)]
        documents = [document_from_row(row) for row in rows]
        out: dict[str, list[str]] = {"id": [], "document": [], "extraction": []}
        for document, extraction in extract_any_language(self.nlp, documents):
            for key, value in extraction_row(document, extraction).items():
                out[key].append(value)
        return out


def run_extraction(
    source: str,
    destination: str,
    *,
    actors: int = 2,
    batch_size: int = DEFAULT_BATCH_SIZE,
    model: str | None = None,
    selective_parsing: bool | None = None,
) -> None:
    """Read articles from Parquet ``source``, extract, write Parquet rows to ``destination``."""
    import ray  # optional dependency: newsprism[ray]

    dataset = ray.data.read_parquet(source)
    extracted = dataset.map_batches(
        Extractor,
        fn_constructor_kwargs={"model": model, "selective_parsing": selective_parsing},
        batch_size=batch_size,
        concurrency=actors,
        batch_format="numpy",
    )
    extracted.write_parquet(destination)


def main() -> None:
    parser = argparse.ArgumentParser(description="newsprism extraction as a Ray Data job")
    parser.add_argument("source", help="Parquet file or folder of articles (needs a text column)")
    parser.add_argument("destination", help="folder for the output Parquet files")
    parser.add_argument("--actors", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    run_extraction(
        args.source, args.destination, actors=args.actors, batch_size=args.batch_size,
        model=args.model,
    )


if __name__ == "__main__":
    main()
