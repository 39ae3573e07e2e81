"""Inputs from around the target: a tested sibling's calls, and wrong-typed calls repaired."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.calls import literal_type
from covopt_ls.engines.builtin.candidates import module_constants
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.targets import collect_targets, module_classes
from covopt_ls.engines.builtin.toplevel import module_functions
from tests.engines.projects import measured_request, offered_and_verified

DATES = textwrap.dedent(
    """\
    import datetime


    def weekday_of(text):
        day = datetime.date.fromisoformat(text)
        return day.strftime("%A")


    def quarter_of(text):
        day = datetime.date.fromisoformat(text)
        if day.month > 9:
            return "last quarter"
        return "earlier"
    """
)
DATES_TESTS = textwrap.dedent(
    """\
    from dates import weekday_of

    def test_weekday():
        assert weekday_of("2024-11-15") == "Friday"
    """
)


def test_an_untested_function_starts_from_its_tested_siblings_calls(tmp_path: Path) -> None:
    request = measured_request(tmp_path, "dates", DATES, DATES_TESTS)
    _, verified = offered_and_verified(request, budget_seconds=5.0)
    assert all(t.verified and t.passed for t in verified)
    last = [t for t in verified if "last quarter" in t.test_code]
    assert last, [t.test_code for t in verified]
    assert 'quarter_of("2024-11-15")' in last[0].test_code


def _planner(source: str, line: int, tests: str = "") -> Planner:
    tree = ast.parse(source)
    classes = module_classes(tree)
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    knowledge = read_tests(tests, set(classes))
    functions = module_functions(tree)
    return Planner(targets[0], classes, knowledge, module_constants(tree), functions=functions)


def test_a_wrong_typed_argument_is_repaired_with_the_pools_well_typed_values() -> None:
    source = textwrap.dedent(
        """\
        def scan(text: str, strict: bool, limit: int = 3):
            if strict and len(text) > limit:
                return text[:limit]
            return text
        """
    )
    planner = _planner(source, 3)
    wrong = planner._candidate(None, {"text": '"abcdef"', "strict": "[]"})
    repaired = planner.repaired(wrong)
    assert repaired
    for candidate in repaired:
        given = dict(candidate.args)
        assert given["text"] == '"abcdef"'
        assert literal_type(given["strict"]) == "bool"
        assert candidate.mismatch == 0
    # A call whose arguments fit their types needs no repair.
    assert planner.repaired(planner._candidate(None, {"text": '"a"', "strict": "True"})) == []


def test_several_wrong_arguments_are_also_repaired_all_at_once() -> None:
    source = "def scan(text: str, strict: bool):\n    return strict and text\n"
    planner = _planner(source, 2)
    wrong = planner._candidate(None, {"text": "[]", "strict": "[]"})
    repaired = [dict(c.args) for c in planner.repaired(wrong)]
    assert any(
        literal_type(a["text"]) == "str" and literal_type(a["strict"]) == "bool" for a in repaired
    )


def test_a_context_managers_exit_starts_from_the_calls_python_makes() -> None:
    source = textwrap.dedent(
        """\
        class Quiet:
            def __enter__(self):
                return self

            def __exit__(self, kind, error, trace):
                if kind is not None:
                    return True
                return False
        """
    )
    planner = _planner(source, 7)
    calls = [dict(c.args) for c in planner.round(0)]
    assert calls[0] == {"kind": "None", "error": "None", "trace": "None"}
    assert any(a["kind"] == "ValueError" and a["error"].startswith("ValueError(") for a in calls)


def test_a_siblings_values_lead_the_pool_without_narrowing_its_type() -> None:
    source = textwrap.dedent(
        """\
        def is_type(obj):
            return isinstance(obj, type)


        def is_collection(obj):
            try:
                return type(obj).__module__ == "collections"
            except Exception:
                return False
        """
    )
    tests = "from preds import is_type\n\ndef test_is_type():\n    assert not is_type(1)\n"
    planner = _planner(source, 7, tests)
    assert planner.target.name == "is_collection"
    assert planner.base_calls == [{"obj": "1"}]
    assert planner.pools["obj"][0] == "1"
    # Other kinds of values stay in the pool: `1` is a hint, not the parameter's type.
    kinds = {literal_type(v) for v in planner.pools["obj"]}
    assert {"str", "NoneType"} & kinds, planner.pools["obj"]
    assert planner.evident["obj"] is None or "int" not in planner.evident["obj"].kinds
