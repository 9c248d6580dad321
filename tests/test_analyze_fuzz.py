"""The whole analyze on generated hostile files (a short run; bench/robustness.py runs more).

Invariant: no crash; every file is stored or reported with a reason; read = new + already
stored on the first run, and a second run over the same files stores nothing new.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from fuzzing import any_input, txt_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.pipeline import analyze
from newsprism.read import ReadProblem, read_paths
from newsprism.store import Store

pytestmark = pytest.mark.slow

FILES = st.lists(
    st.one_of(any_input(), txt_file().map(lambda data: (".txt", data))), min_size=6, max_size=6
)


@settings(max_examples=3, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(FILES)
def test_analyze_fuzz_counts_add_up_and_nothing_is_lost(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for number, (suffix, data) in enumerate(files):
            (corpus / f"f{number}{suffix}").write_bytes(data)
        db = Path(tmp) / "fuzz.db"
        with Store(db) as store:
            first = analyze([corpus], store, workers=1)
        assert first.read == first.added + first.already_stored and first.lost == 0
        # Every file gave articles (stored, or already stored as a copy of another) or a reason.
        problems: list[ReadProblem] = []
        covered = {d.path for d in read_paths([corpus], on_problem=problems.append)}
        covered |= {p.path for p in problems}
        assert {p.path for p in first.problems} == {p.path for p in problems}
        for path in corpus.iterdir():
            name = str(path)
            assert any(
                p == name or p.startswith((name + ":", name + "#")) for p in covered
            ), f"{name} neither stored nor reported"
        with Store(db) as store:
            second = analyze([corpus], store, workers=1)
        assert second.added == 0 and second.already_stored == first.read
