"""Plain reasons for ranges the search could not reach."""

from __future__ import annotations

import ast
import textwrap

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.planner import Candidate
from covopt_ls.engines.builtin.reasons import explain
from covopt_ls.engines.builtin.runner import Observation
from covopt_ls.engines.builtin.targets import Target, collect_targets

SOURCE = textwrap.dedent(
    """\
    import json

    SETTINGS = {}


    def load(path):
        with open(path) as handle:
            return json.load(handle)


    def grade(score):
        if score > 90:
            return "A"
        if score > 1000:
            return "impossible"
        return "B"
    """
)


def _target(line: int) -> Target:
    targets, _ = collect_targets(ast.parse(SOURCE), (UncoveredRange(line, line, "line"),))
    return targets[0]


def _observation(
    target: Target, flags: tuple[str, ...] = (), setup_error: str | None = None
) -> Observation:
    candidate = Candidate(target.qualname, ("x = 1",) if setup_error else (), "f()", None, ())
    return Observation(candidate, outcome={"kind": "return"}, flags=flags, setup_error=setup_error)


def test_module_level_code_is_explained() -> None:
    reason = explain(UncoveredRange(3, 3, "line"), None, [], None)
    assert reason.startswith("line 3: module-level code")


def test_an_import_error_is_named() -> None:
    reason = explain(UncoveredRange(7, 8, "line"), _target(7), [], "ModuleNotFoundError: requests")
    assert "lines 7-8" in reason
    assert "cannot be imported" in reason and "requests" in reason


def test_blocked_file_access_is_the_reason() -> None:
    target = _target(7)
    reason = explain(
        UncoveredRange(7, 8, "line"), target, [_observation(target, ("missing_file",))], None
    )
    assert reason == (
        "lines 7-8 (load): needs files on disk (read, or written outside a scratch directory)"
    )


def test_visible_file_use_is_named_without_any_observation() -> None:
    reason = explain(UncoveredRange(7, 8, "line"), _target(7), [], None)
    assert "needs files on disk" in reason


def test_objects_that_cannot_be_built_are_named() -> None:
    target = _target(13)
    reason = explain(
        UncoveredRange(13, 13, "line"),
        target,
        [_observation(target, setup_error="TypeError: x")],
        None,
    )
    assert "could not build a grade from simple arguments (TypeError: x)" in reason


def test_a_partly_reached_range_names_the_lines_still_missing() -> None:
    target = _target(12)
    reason = explain(UncoveredRange(12, 16, "line"), target, [_observation(target)], None, [14, 15])
    assert reason.startswith("lines 14, 15 of lines 12-16 (grade): none of the 1 inputs tried")


def test_code_in_a_nested_definition_is_not_called_module_level() -> None:
    reason = explain(UncoveredRange(9, 9, "line"), None, [], None, nested=True)
    assert "nested class or function" in reason


def test_results_that_change_between_runs_are_the_reason() -> None:
    target = _target(13)
    reason = explain(UncoveredRange(13, 13, "line"), target, [], None, unstable=2)
    assert "different result on each run" in reason


def test_a_line_reached_only_by_wrong_typed_arguments_says_so() -> None:
    line = SOURCE.splitlines().index('        return "impossible"') + 1
    target = _target(line)
    candidate = Candidate(
        target.qualname, (), 'grade("x")', None, (), mismatch=2, guarded=frozenset()
    )
    wrong = Observation(candidate, frozenset({line}), outcome={"kind": "return", "repr": "1"})
    reason = explain(UncoveredRange(line, line, "line"), target, [wrong], None, [line])
    assert "evident types" in reason and 'grade("x")' in reason
    plain = explain(UncoveredRange(line, line, "line"), target, [_observation(target)], None)
    assert "evident types" not in plain


def test_once_files_or_stdin_were_set_up_the_plain_calls_flags_are_no_reason() -> None:
    target = _target(7)
    staged = Observation(
        Candidate(
            target.qualname,
            ('path = tmp_path / "input.txt"',),
            "load(str(path))",
            None,
            (),
            fixtures=("tmp_path",),
        ),
        outcome={"kind": "raise"},
    )
    plain = _observation(target, ("missing_file", "stdin"))
    reason = explain(UncoveredRange(7, 8, "line"), target, [plain, staged], None)
    assert "needs files" not in reason and "standard input" not in reason.split("(")[0]
    assert reason == (
        "lines 7-8 (load): none of the 2 inputs tried (1 of them with a command line, standard "
        "input or files set up) reaches it"
    )


def test_a_command_line_no_vector_fits_is_named() -> None:
    target = _target(7)
    reason = explain(UncoveredRange(7, 8, "line"), target, [_observation(target, ("argv",))], None)
    assert reason == (
        "lines 7-8 (load): reads the command line (sys.argv) in a way no vector tried fits"
    )
