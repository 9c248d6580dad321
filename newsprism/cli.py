"""The command line: a thin Typer layer over the library. Errors become one clear sentence."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from newsprism import __version__
from newsprism.errors import NewsprismError
from newsprism.store import DEFAULT_DB, Store

app = typer.Typer(
    name="newsprism",
    help=(
        "Turn many news reports about one unfolding story into one sourced, cross-checked "
        "record: a timeline, a claim table with verdicts, quotes by speaker and the sources.\n\n"
        "Typical session:\n\n"
        "  newsprism analyze samples/corpus --db story.db\n\n"
        "  newsprism report --db story.db --format html --out story.html"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    Path, typer.Option("--db", help="SQLite database file holding the record.", show_default=True)
]
REPORT_FORMATS = ("text", "markdown", "json", "html")
EXPORT_FORMATS = ("csv", "parquet", "json")
# Narrower terminals still get tables this wide (Rich folds the claim rows into unreadable
# slivers below it); the user can pipe through `less -S`.
MIN_TERMINAL_WIDTH = 100


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code=1)


def _open(db: Path, must_exist: bool = True) -> Store:
    if must_exist and not db.exists():
        raise _fail(
            f"{db} does not exist. Run `newsprism analyze <files> --db {db}` first."
        )
    try:
        return Store(db)
    except NewsprismError as error:
        raise _fail(str(error)) from error


def _version(value: bool) -> None:
    if value:
        out.print(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """newsprism command line."""


@app.command()
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Articles to read: files (.txt .html .jsonl .xml/.rss/.atom, optionally .gz; "
            ".parquet), "
            "folders (read recursively), globs, or - for standard input."
        ),
    ],
    db: DbOption = Path(DEFAULT_DB),
    model: Annotated[
        str | None,
        typer.Option(help="spaCy pipeline to use: an installed package name or a path."),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", "-w", min=0,
            help="Extraction processes (Ray actors with --engine ray); 0 = every core.",
        ),
    ] = 0,
    attribution: Annotated[
        str | None,
        typer.Option(
            help="Who-said-what extraction: 'tagger' (rules plus the trained tagger: finds "
            "more attributions, costs ~10% more extraction time), 'rules' (rules alone), or "
            "the folder of another trained tagger. Default: $NEWSPRISM_ATTRIBUTION_MODEL if "
            "set, else 'tagger'.",
        ),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(
            help="Where extraction runs: 'local' (a process pool on this machine) or 'ray' "
            "(a Ray Data job; needs pip install 'newsprism[ray]'). Same record either way.",
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            help="With --engine ray: the Ray cluster to run on (e.g. ray://head:10001); "
            "default: a new local Ray with --workers CPUs.",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read, extract, link and cross-check articles into the database.

    Incremental and idempotent: new articles are added and the record is recomputed; an
    article already in the database (same text) is skipped.

    Example: newsprism analyze samples/corpus --db story.db

    On Ray: newsprism analyze archive.parquet --db archive.db --engine ray
    """
    from newsprism.pipeline import ENGINES
    from newsprism.pipeline import analyze as run_analysis

    if engine not in ENGINES:
        raise _fail(f"--engine {engine!r}: use one of {', '.join(ENGINES)}.")
    if address is not None and engine != "ray":
        raise _fail("--address is a Ray cluster's address: use it with --engine ray.")
    if attribution is not None:
        _choose_attribution(attribution)

    store = _open(db, must_exist=False)
    progress = Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=quiet,
        transient=False,
    )
    task = progress.add_task("extract", total=None, rate="")

    def on_progress(done: int) -> None:
        progress.advance(task, done)
        elapsed = progress.tasks[0].elapsed or 0.0
        if elapsed > 0:
            speed = progress.tasks[0].completed / elapsed
            progress.update(task, rate=f"{speed:.1f} articles/s")

    try:
        with progress:
            report = run_analysis(
                paths,
                store,
                model=model,
                workers=workers or None,
                engine=engine,
                address=address,
                on_documents=lambda total: progress.update(task, total=total),
                on_progress=on_progress,
            )
    except NewsprismError as error:
        raise _fail(str(error)) from error
    finally:
        store.close()

    for problem in report.problems:
        err.print(
            f"[yellow]skipped[/] {escape(problem.path)}: {escape(problem.reason)}",
            highlight=False,
        )
    for path, kept, length in report.cut:
        err.print(
            f"[yellow]cut[/] {escape(path)}: {length:,} characters, over the size limit; "
            f"stored the first {kept:,} (up to a sentence end)",
            highlight=False,
        )
    if report.lost:
        err.print(
            f"[bold red]warning:[/] {report.lost} article(s) read were neither stored nor found "
            "stored; please report this.",
            highlight=False,
        )
    if report.read == 0:
        raise _fail(
            "no article could be read from the given paths"
            + (f" ({len(report.problems)} skipped, see above)." if report.problems else ".")
        )
    if not quiet:
        table = Table(title=f"newsprism: {escape(str(db))}", show_header=False)
        table.add_row("articles read", str(report.read))
        table.add_row("new", str(report.added))
        table.add_row("already stored", str(report.already_stored))
        table.add_row("skipped (unreadable)", str(len(report.problems)))
        if report.cut:
            table.add_row("stored cut at the size limit", str(len(report.cut)))
        if report.lost:
            table.add_row("lost (see the warning)", str(report.lost))
        table.add_row("articles in the record", str(report.documents))
        table.add_row("stories", str(report.stories))
        for verdict, count in sorted(report.verdicts.items()):
            table.add_row(f"claims {verdict}", str(count))
        out.print(table)
        out.print(f"Next: newsprism report --db {escape(str(db))}", highlight=False)


def _choose_attribution(choice: str) -> None:
    """Pass the attribution choice to the quotes component (and to the extraction workers,
    which inherit the environment)."""
    from newsprism.extract.quotes.attribution import MODEL_ENV

    if choice == "tagger":
        os.environ.pop(MODEL_ENV, None)
    elif choice == "rules":
        os.environ[MODEL_ENV] = "none"
    elif Path(choice).is_dir():
        os.environ[MODEL_ENV] = str(Path(choice).resolve())
    else:
        raise _fail(f"--attribution {choice!r}: use 'tagger', 'rules' or a tagger folder.")


@app.command()
def report(
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(REPORT_FORMATS)}.")
    ] = "text",
    out_file: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")
    ] = None,
    story: Annotated[str | None, typer.Option(help="Only this story id.")] = None,
    width: Annotated[
        int | None,
        typer.Option(
            min=60,
            help="Columns of the text report (default: the terminal's width, 140 in a pipe).",
        ),
    ] = None,
) -> None:
    """Show the record per story: timeline, claim table, quotes by speaker, sources.

    Example: newsprism report --db story.db --format html --out story.html
    """
    from newsprism.show import build_record, render

    if format not in REPORT_FORMATS:
        raise _fail(f"unknown format {format!r}; use one of: {', '.join(REPORT_FORMATS)}.")
    with _open(db) as store:
        record = build_record(store, story_id=story)
    if story is not None and not record.get("stories"):
        raise _fail(f"no story {story!r} in {db}; `newsprism report --db {db}` lists them.")
    if width is None and out_file is None and sys.stdout.isatty():
        width = max(MIN_TERMINAL_WIDTH, shutil.get_terminal_size().columns)
    text = render(record, format, width=width)
    if out_file is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        out_file.write_text(text, encoding="utf-8")
        err.print(f"wrote {escape(str(out_file))}", highlight=False)


@app.command()
def export(
    out_dir: Annotated[Path, typer.Argument(help="Folder to write the tables into.")],
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[
        list[str],
        typer.Option("--format", "-f", help=f"Any of: {', '.join(EXPORT_FORMATS)} (repeat)."),
    ] = ["csv", "json"],  # noqa: B006  (Typer reads the default list, never mutates it)
) -> None:
    """Export every table (documents, quotes, quantities, claims, ...) as CSV, Parquet or JSON.

    Example: newsprism export out/ --db story.db --format csv --format parquet
    """
    from newsprism.show import export as write_exports

    unknown = sorted(set(format) - set(EXPORT_FORMATS))
    if unknown:
        raise _fail(f"unknown format(s) {unknown}; use any of: {', '.join(EXPORT_FORMATS)}.")
    with _open(db) as store:
        written = write_exports(store, out_dir, format)
    for path in written:
        out.print(str(path), highlight=False)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="SQLite FTS5 query, e.g. 'detained AND Almaty'.")],
    db: DbOption = Path(DEFAULT_DB),
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 20,
) -> None:
    """Full-text search over the stored articles.

    Example: newsprism search "state of emergency" --db story.db
    """
    import sqlite3

    with _open(db) as store:
        try:
            ids = store.search(query, limit=limit)
        except sqlite3.OperationalError as error:
            raise _fail(f"bad search query {query!r}: {error}") from error
        table = Table("id", "outlet", "title")
        for doc_id in ids:
            document = store.document(doc_id)
            if document is not None:
                table.add_row(Text(doc_id), Text(document.outlet), Text(document.title))
    out.print(table)


@app.command()
def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Browse the record in a web UI: stories, timeline, claims, quotes, highlighted articles.

    Example: newsprism serve --db story.db --port 8000
    """
    import uvicorn

    from newsprism.show.web import create_app

    _open(db).close()
    out.print(f"newsprism: serving {escape(str(db))} on http://{host}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


if __name__ == "__main__":
    app()
