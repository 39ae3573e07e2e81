"""The generation flow's LSP-free parts: the coverage overlay, the content-keyed job index and
the insertion point."""

from __future__ import annotations

import ast
from pathlib import Path

from covopt_ls.coverage.model import FileCoverage, UncoveredRange
from covopt_ls.coverage.overlay import CoverageOverlay, merge_measured
from covopt_ls.coverage.ranges import uncovered_ranges
from covopt_ls.freshness import MeasuredSource, source_hash
from covopt_ls.gap_jobs import GapJob, JobIndex, enclosing, functions, gap_label
from covopt_ls.generation import RecommendedTest
from covopt_ls.insertion import plan_insertion
from covopt_ls.insertion_point import after_tests_of, place_after_related
from covopt_ls.lsp.inlay_hints import hint_label
from covopt_ls.lsp.job_hover import job_markdown
from covopt_ls.tasks.model import Progress, TaskStatus

SOURCE = """def discount(price, kind):
    if kind == "gold":
        return price * 0.7
    elif kind == "silver":
        return price * 0.85
    return price


def other():
    return 1
"""


def _coverage() -> FileCoverage:
    return FileCoverage(
        path="m.py",
        statements=frozenset({1, 2, 3, 4, 5, 6, 9, 10}),
        executed=frozenset({1, 2, 3, 4, 6, 9}),
        missing_arcs=((4, 5), (-9, 10)),
        executed_arcs=((2, 3), (2, 4), (4, 6)),
        branch_lines={2: 2, 4: 2},
    )


def test_merge_closes_the_gaps_the_inserted_tests_ran() -> None:
    fc = _coverage()
    before = uncovered_ranges(fc)
    assert [(r.start_line, r.end_line, r.type) for r in before] == [
        (4, 4, "branch"),
        (5, 5, "line"),
        (10, 10, "line"),
    ]
    merged = merge_measured(fc, lines=[5, 99], arcs=[(4, 5)])
    assert 99 not in merged.executed  # not a statement of this file
    assert [(r.start_line, r.type) for r in uncovered_ranges(merged)] == [(10, "line")]
    assert fc.executed == frozenset({1, 2, 3, 4, 6, 9})  # the original is left alone


def test_overlay_belongs_to_one_measurement() -> None:
    overlay = CoverageOverlay()
    fc = _coverage()
    path = Path("/p/m.py")
    overlay.add(path, ("report", 1.0), [5], [(4, 5)])
    assert 5 in overlay.apply(path, ("report", 1.0), fc).executed
    # A new run: its own data is complete, the old overlay is dropped.
    assert overlay.apply(path, ("report", 2.0), fc) is fc
    assert len(overlay) == 0


def test_labels_and_scopes() -> None:
    assert gap_label(UncoveredRange(4, 5, "line")) == "lines 4-5"
    assert gap_label(UncoveredRange(9, 9, "line")) == "line 9"
    assert gap_label(UncoveredRange(12, 12, "branch", ((12, 15),))) == "branch 12→15"
    assert gap_label(UncoveredRange(12, 12, "branch", ((12, -1),))) == "branch 12→exit"
    scopes = functions(SOURCE)
    inner = enclosing(scopes, 5)
    assert inner is not None and inner.name == "discount"
    assert enclosing(scopes, 8) is None
    assert functions("def broken(:\n") == ()


def _job(text: str) -> GapJob:
    return GapJob(
        job_id="job-1",
        path=Path("/p/m.py"),
        uri="file:///p/m.py",
        title="line 5 of discount",
        snapshot=MeasuredSource.of(("job", 1.0), text),
        gaps=(UncoveredRange(5, 5, "line"),),
        test_path=Path("/p/tests/test_m.py"),
        engine="builtin",
        status=TaskStatus.COMPLETED,
        tests=[RecommendedTest("def test_s(): ...", 5, "", "", "test_s", [5], verified=True)],
    )


def test_a_result_follows_its_gap_and_hides_while_the_gap_is_edited() -> None:
    index = JobIndex()
    job = _job(SOURCE)
    index.add(job)

    def shown(text: str) -> list[tuple[int, int]]:
        found = index.showing(job.path, text, source_hash(text))
        return [(start, end) for _, _, start, end in found]

    assert shown(SOURCE) == [(5, 5)]
    moved = "# header\n" + SOURCE
    assert shown(moved) == [(6, 6)]
    edited = SOURCE.replace("price * 0.85", "price * 0.8")
    assert shown(edited) == []
    assert not job.intact(edited, source_hash(edited))
    assert shown(SOURCE) == [(5, 5)]  # the undo brings it back


def test_reasons_name_the_range() -> None:
    job = _job(SOURCE)
    job.tests = []
    job.unreachable = ["line 5: no passing test executed it (last failure: boom)"]
    assert job.reason_for(job.gaps[0]) == "no passing test executed it (last failure: boom)"
    job.error = "the LLM could not be reached"
    assert job.reason_for(job.gaps[0]) == "the LLM could not be reached"


TEST_FILE = """from shop.pricing import calculate_discount, calculate_tax


def test_gold():
    assert calculate_discount(100, "gold") == 70


def test_tax():
    assert calculate_tax(1) == 0.1
"""

NEW_TEST = """import pytest
from shop.pricing import calculate_discount


def test_silver():
    assert calculate_discount(100, "silver") == pytest.approx(85)
"""


def test_new_tests_go_after_the_tests_of_their_function() -> None:
    plan = place_after_related(plan_insertion(TEST_FILE, [NEW_TEST]), TEST_FILE,
                               ["calculate_discount"])  # fmt: skip
    text = plan.apply(TEST_FILE)
    names = [getattr(n, "name", None) for n in ast.parse(text).body]
    assert names == [None, None, "test_gold", "test_silver", "test_tax"]
    assert "\n\n\ndef test_silver():" in text and "\n\n\ndef test_tax():" in text
    assert text.startswith(
        "from shop.pricing import calculate_discount, calculate_tax\nimport pytest\n"
    )
    assert text.splitlines()[plan.insert_line] == "def test_silver():"


def test_without_related_tests_the_end_of_the_file_it_is() -> None:
    plan = plan_insertion(TEST_FILE, [NEW_TEST])
    assert place_after_related(plan, TEST_FILE, ["shipping_cost"]) is plan
    assert after_tests_of(TEST_FILE, ["calculate_tax"]) is None  # already the last test


def test_hint_labels_follow_the_job() -> None:
    job = _job(SOURCE)
    gap = job.gaps[0]
    assert hint_label(job, gap, 0) == "✓ test_s covers 5"
    assert hint_label(job, gap, 2) == "✓ test_s covers 7"  # two lines were added above
    job.inserted.add("test_s")
    assert hint_label(job, gap, 0) == "✓ test_s covers 5 (inserted)"
    job.status, job.progress = TaskStatus.PROCESSING, Progress("verifying", "verifying 1 test")
    assert hint_label(job, gap, 0) == "⧗ verifying tests"
    job.status, job.error = TaskStatus.FAILED, "LLM endpoint unreachable: " + "x" * 100
    label = hint_label(job, gap, 0)
    assert label.startswith("✗ no passing test: LLM endpoint unreachable") and label.endswith("…")
    assert len(label) < 90


def test_hover_shows_the_gaps_tests_as_python() -> None:
    job = _job(SOURCE)
    text = job_markdown(job, list(job.gaps), 0)
    assert "✓ `test_s` — measured to cover lines 5" in text
    assert "```python\ndef test_s(): ...\n```" in text
    job.tests[0].verified, job.tests[0].possible_bug = False, True
    job.tests[0].failure = "assert 1 == 2"
    text = job_markdown(job, list(job.gaps), 0)
    assert "⚠ **possible bug**: `test_s` runs lines 5 but fails on an assertion" in text
