"""Robustness: fuzz every reader and the whole analyze, read a real corpus, run the crash test.

    .venv/bin/python bench/robustness.py DATA_DIR_OR_NONE [--examples N] [--analyze-files K]

- the reader fuzzers of tests/fuzzing.py, N generated inputs in all (default 10,000), shared out
  over the strategies (any hostile input, txt, HTML, JSONL, JSON, feeds, mixed encodings);
- `analyze` (read -> extract -> store -> link -> crosscheck) on a folder of K generated files,
  checking that the counts add up: read = stored + already stored, every file stored or reported;
- DATA_DIR (or `none`): a real corpus read through `read_paths`; every file must give articles or
  a reason;
- the SIGKILL crash test and the concurrency test (tests/test_crash_safety.py) in a subprocess.

A crash is a reader raising; a lost input is one that yields neither an article nor a reason
(or an invalid one). Ends with one line:
``inputs_tried=… crashes=0 lost=0 crash_test=ok``.
"""

from __future__ import annotations

import argparse
import functools
import logging
import subprocess
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzzing import (  # noqa: E402
    any_input,
    check_input,
    cut_cases,
    feed_file,
    html_file,
    json_value,
    jsonl_file,
    mixed_encoding_text,
    txt_file,
)

# Share of the examples each fuzzer gets.
FUZZERS: tuple[tuple[str, float, st.SearchStrategy[tuple[str, bytes]]], ...] = (
    ("any hostile input", 0.40, any_input()),
    ("txt", 0.10, txt_file().map(lambda data: (".txt", data))),
    ("html (bombs included)", 0.10, html_file().map(lambda data: (".html", data))),
    ("jsonl", 0.10, jsonl_file().map(lambda data: (".jsonl", data))),
    ("json", 0.10, json_value().map(lambda text: (".json", text.encode("utf-8", "replace")))),
    ("rss/atom", 0.10, feed_file().map(lambda data: (".xml", data))),
    ("sniffed, mixed encodings", 0.10, mixed_encoding_text().map(lambda data: ("", data))),
)


class Tally:
    def __init__(self) -> None:
        self.tried = self.crashes = self.lost = self.documents = self.problems = 0
        self.first_failures: list[str] = []

    def note(self, kind: str, detail: str) -> None:
        if len(self.first_failures) < 5:
            self.first_failures.append(f"{kind}: {detail}")


def fuzz(strategy: st.SearchStrategy[tuple[str, bytes]], examples: int, folder: Path) -> Tally:
    tally = Tally()

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def one(item: tuple[str, bytes]) -> None:
        suffix, data = item
        tally.tried += 1
        try:
            outcome = check_input(folder, suffix, data, name=f"in{tally.tried}")
        except AssertionError as error:
            tally.lost += 1
            tally.note("lost", f"{suffix!r} {data[:80]!r}: {error}")
        except Exception:
            tally.crashes += 1
            tally.note("crash", f"{suffix!r} {data[:80]!r}\n{traceback.format_exc(limit=4)}")
        else:
            tally.documents += outcome.documents
            tally.problems += outcome.problems

    one()
    return tally


def over_the_limit(folder: Path) -> Tally:
    """Articles over MAX_ARTICLE_CHARS in every format: each must be stored cut, not dropped."""
    from newsprism.read.files import read_input

    tally = Tally()
    for number, (suffix, data) in enumerate(cut_cases()):
        tally.tried += 1
        path = folder / f"long{number}{suffix}"
        path.write_bytes(data)
        try:
            items = list(read_input(path))
        except Exception:
            tally.crashes += 1
            tally.note("crash", f"{suffix}\n{traceback.format_exc(limit=4)}")
            continue
        finally:
            path.unlink()
        if not any(getattr(item, "cut_from", 0) for item in items):
            tally.lost += 1
            tally.note("lost", f"{suffix}: {items!r:.200}")
        tally.documents += sum(1 for item in items if getattr(item, "cut_from", 0))
    return tally


def fuzz_analyze(files: int, folder: Path) -> Tally:
    """The whole analyze on ``files`` generated inputs (one example of ``files`` files)."""
    from newsprism.pipeline import analyze
    from newsprism.store import Store

    tally = Tally()
    corpus = folder / "corpus"
    corpus.mkdir()
    items: list[tuple[str, bytes]] = []

    @settings(max_examples=files, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(any_input(), txt_file().map(lambda data: (".txt", data))))
    def collect(item: tuple[str, bytes]) -> None:
        items.append(item)

    collect()
    for number, (suffix, data) in enumerate(items[:files]):
        (corpus / f"f{number:03d}{suffix}").write_bytes(data)
    files = len(items[:files])
    # Twice, so the second run finds everything already stored.
    for run in range(2):
        tally.tried += files
        try:
            with Store(folder / "fuzz.db") as store:
                report = analyze([corpus], store, workers=1)
                stored = store.counts()["documents"]
        except Exception:
            tally.crashes += 1
            tally.note("analyze crash", traceback.format_exc(limit=6))
            continue
        if report.read != report.added + report.already_stored or report.lost:
            tally.lost += report.read - report.added - report.already_stored
            tally.note("analyze lost", f"{report}")
        if run == 1 and report.added:
            tally.lost += report.added
            tally.note("analyze not idempotent", f"{report.added} added on the second run")
        # Every file gave an article (stored now or already, e.g. a copy of another file) or a
        # reason: what analyze read, file by file.
        missing = [p for p in corpus.iterdir() if not _covered(p, covered_paths(corpus))]
        tally.lost += len(missing)
        for path in missing:
            tally.note("analyze lost a file", str(path))
        tally.documents, tally.problems = stored, len(report.problems)
    return tally


def covered_paths(corpus: Path) -> set[str]:
    """The paths of every article and every problem the readers give for ``corpus``."""
    from newsprism.read import ReadProblem, read_paths

    problems: list[ReadProblem] = []
    paths = {d.path for d in read_paths([corpus], on_problem=problems.append)}
    return paths | {p.path for p in problems}


def _covered(path: Path, covered: set[str]) -> bool:
    name = str(path)
    return any(c == name or c.startswith((name + ":", name + "#")) for c in covered)


def read_corpus(data_dir: Path) -> Tally:
    from newsprism.read import ReadProblem, read_paths

    tally = Tally()
    files = [p for p in sorted(data_dir.rglob("*")) if p.is_file()]
    problems: list[ReadProblem] = []
    try:
        documents = list(read_paths([data_dir], on_problem=problems.append))
    except Exception:
        tally.crashes += 1
        tally.note("corpus crash", traceback.format_exc(limit=4))
        return tally
    tally.tried = len(files)
    tally.documents, tally.problems = len(documents), len(problems)
    covered = {d.path for d in documents} | {p.path for p in problems}
    for path in files:
        name = str(path)
        if name in covered or any(c.startswith((name + ":", name + "#")) for c in covered):
            continue
        if path.name.split(".")[0].lower() in {"readme", "license", "licence"}:
            continue  # documentation beside the articles is skipped by design
        if any(part.startswith(".") for part in path.relative_to(data_dir).parts):
            continue
        tally.lost += 1
        tally.note("corpus lost", name)
    for problem in problems:
        tally.note("corpus skipped", f"{problem.path}: {problem.reason}")
    return tally


def crash_test() -> str:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:warnings",
               str(ROOT / "tests" / "test_crash_safety.py")]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        print(done.stdout[-3000:], file=sys.stderr)
    return "ok" if done.returncode == 0 else "failed"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="a real corpus folder, or 'none'")
    parser.add_argument("--examples", type=int, default=10_000, help="generated reader inputs")
    parser.add_argument("--analyze-files", type=int, default=40, help="files for analyze fuzz")
    parser.add_argument("--no-crash-test", action="store_true", help="skip the crash test")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")

    rows: list[tuple[str, Tally, float]] = []
    with tempfile.TemporaryDirectory(prefix="newsprism-robustness-") as tmp:
        folder = Path(tmp)
        jobs: list[tuple[str, Callable[[], Tally]]] = [
            (name, functools.partial(fuzz, strategy, max(1, round(share * args.examples)), folder))
            for name, share, strategy in FUZZERS
        ]
        jobs.append(("over the size limit (stored cut)", lambda: over_the_limit(folder)))
        jobs.append(("analyze (whole pipeline)", lambda: fuzz_analyze(args.analyze_files, folder)))
        if args.data.lower() != "none":
            jobs.append((f"real corpus {args.data}", lambda: read_corpus(Path(args.data))))
        for name, job in jobs:
            started = time.perf_counter()
            tally = job()
            rows.append((name, tally, time.perf_counter() - started))
            print(f"  {name}: {tally.tried} inputs, {tally.crashes} crashes, {tally.lost} lost",
                  file=sys.stderr, flush=True)
    crash = "skipped" if args.no_crash_test else crash_test()

    print(f"{'fuzzer':<34}{'inputs':>8}{'articles':>10}{'reasons':>9}{'crashes':>9}"
          f"{'lost':>6}{'seconds':>9}")
    for name, tally, seconds in rows:
        print(f"{name[:33]:<34}{tally.tried:>8}{tally.documents:>10}{tally.problems:>9}"
              f"{tally.crashes:>9}{tally.lost:>6}{seconds:>9.1f}")
        for failure in tally.first_failures:
            if not failure.startswith("corpus skipped"):
                print(f"    {failure}")
    tried = sum(t.tried for _, t, _ in rows)
    crashes = sum(t.crashes for _, t, _ in rows)
    lost = sum(t.lost for _, t, _ in rows)
    print(f"inputs_tried={tried} crashes={crashes} lost={lost} crash_test={crash}")
    return 0 if crashes == lost == 0 and crash in ("ok", "skipped") else 1


if __name__ == "__main__":
    sys.exit(main())
