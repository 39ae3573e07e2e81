"""SubprocessVerifier against a real copy of the example project (examples/shop).

All candidates of a scenario go through one `verify` call, as the pipeline sends them, and each
assertion looks at one candidate: that is also what proves each is measured alone.
"""

from __future__ import annotations

import ast
import asyncio
import dataclasses
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.generation import GenerationRequest, RecommendedTest
from covopt_ls.settings import VerifySettings
from covopt_ls.verify.verifier import SubprocessVerifier
from tests.support.coverage_projects import make_project, project_source

# examples/shop/src/shop/pricing.py as its own tests leave it: 8 is the silver discount, 16 the
# low tax rate, 21 divide by zero, 27 non-positive weight, 30 the express branch (29->30).
GAPS = (
    UncoveredRange(8, 8, "line"),
    UncoveredRange(16, 16, "line"),
    UncoveredRange(21, 21, "line"),
    UncoveredRange(27, 27, "line"),
    UncoveredRange(29, 29, "branch", missing_arcs=((29, 30),)),
    UncoveredRange(30, 30, "line"),
)


def _test(code: str, target_line: int = 7) -> RecommendedTest:
    return RecommendedTest(
        test_code=textwrap.dedent(code).lstrip(),
        target_line=target_line,
        scenario_description="scenario",
        expected_coverage_impact="claimed by the engine",
    )


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(root)): (path.stat().st_mtime_ns, path.stat().st_size)
        for path in root.rglob("*")
    }


def _verify(
    request: GenerationRequest, tests: Sequence[RecommendedTest], **settings: object
) -> list[RecommendedTest]:
    verifier = SubprocessVerifier(VerifySettings.model_validate(settings))
    return asyncio.run(verifier.verify(request, tests))


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("verify"), "shop")
    (root / "tests" / "conftest.py").write_text(
        "import pytest\n\n\n@pytest.fixture\ndef heavy_parcel():\n    return 12.5\n"
    )
    return root


def _request(root: Path) -> GenerationRequest:
    source = root / "src" / "shop" / "pricing.py"
    return GenerationRequest(
        source_code=source.read_text(),
        uncovered_ranges=GAPS,
        source_path=source,
        project_root=root,
        test_path=root / "tests" / "test_pricing.py",
    )


CANDIDATES = {
    "covering": """
        from shop.pricing import calculate_discount

        def test_silver_member_discount():
            assert calculate_discount(100, "silver") == 85
        """,
    "covers_nothing": """
        from shop.pricing import calculate_discount

        def test_gold_again():
            assert calculate_discount(100, "gold") == 70
        """,
    "wrong_assertion": """
        from shop.pricing import calculate_tax

        def test_low_income_tax():
            assert calculate_tax(1000) == 150
        """,
    "syntax_error": """
        from shop.pricing import divide

        def test_divide_by_zero(:
            divide(1, 0)
        """,
    "raises": """
        import pytest
        from shop.pricing import divide

        def test_divide_by_zero():
            with pytest.raises(ValueError):
                divide(1, 0)
        """,
    "branch_with_conftest_fixture": """
        from shop.pricing import shipping_cost

        def test_express_shipping(heavy_parcel):
            assert shipping_cost(heavy_parcel, express=True) == 47.5
        """,
    "type_error": """
        from shop.pricing import calculate_tax

        def test_tax_of_text():
            assert calculate_tax("x") == 1
        """,
    "hard_exit": """
        import os
        from shop.pricing import calculate_discount

        def test_exits_the_process():
            calculate_discount(100, "silver")
            os._exit(3)
        """,
    "no_test_function": """
        from shop.pricing import calculate_discount

        def check_silver():
            assert calculate_discount(100, "silver") == 85
        """,
}


@pytest.fixture(scope="module")
def verified(shop: Path) -> tuple[dict[str, RecommendedTest], bool]:
    before = _snapshot(shop)
    tests = [_test(code) for code in CANDIDATES.values()]
    results = _verify(_request(shop), tests)
    untouched = _snapshot(shop) == before
    return dict(zip(CANDIDATES, results, strict=True)), untouched


def test_passing_test_that_covers_a_gap_is_verified_with_its_lines(
    verified: tuple[dict[str, RecommendedTest], bool],
) -> None:
    result = verified[0]["covering"]
    assert (result.passed, result.verified, result.possible_bug) == (True, True, False)
    assert result.covered_lines == [8]
    assert result.expected_coverage_impact == "Covers line 8 (measured)"
    assert result.test_name == "test_silver_member_discount"
    assert result.failure is None


def test_passing_test_that_covers_no_gap_is_not_verified(
    verified: tuple[dict[str, RecommendedTest], bool],
) -> None:
    result = verified[0]["covers_nothing"]
    assert result.passed is True and result.verified is False
    assert result.covered_lines == []
    assert result.failure == "passed, but executed no target line"


def test_wrong_assertion_on_reached_code_is_a_possible_bug(
    verified: tuple[dict[str, RecommendedTest], bool],
) -> None:
    result = verified[0]["wrong_assertion"]
    assert (result.passed, result.verified, result.possible_bug) == (False, False, True)
    assert result.covered_lines == [16]
    assert result.failure is not None and "assert 100.0 == 150" in result.failure
    assert "covopt-verify" not in result.failure


def test_syntax_error_is_a_clear_failure(
    verified: tuple[dict[str, RecommendedTest], bool],
) -> None:
    result = verified[0]["syntax_error"]
    assert (result.passed, result.verified, result.possible_bug) == (None, False, False)
    assert result.failure is not None and "SyntaxError" in result.failure
    assert result.failure.startswith("could not be collected")


def test_exception_test_covers_the_raise(
    verified: tuple[dict[str, RecommendedTest], bool],
) -> None:
    result = verified[0]["raises"]
    assert result.verified
    assert result.covered_lines == [21]


def test_missing_branch_arc_and_conftest_fixture(
    verified: tuple[dict[str, RecommendedTest], bool],
) -> None:
    result = verified[0]["branch_with_conftest_fixture"]
    assert result.verified, result.failure
    assert result.covered_lines == [30]
    assert result.covered_arcs == [(29, 30)]


def test_error_that_is_not_an_assertion_is_not_a_possible_bug(
    verified: tuple[dict[str, RecommendedTest], bool],
) -> None:
    result = verified[0]["type_error"]
    assert (result.passed, result.possible_bug) == (False, False)
    assert result.failure is not None and "TypeError" in result.failure


def test_file_without_a_test_function_is_not_verified(
    verified: tuple[dict[str, RecommendedTest], bool],
) -> None:
    result = verified[0]["no_test_function"]
    assert result.verified is False and result.passed is None
    assert result.failure is not None and "no test was collected" in result.failure


def test_test_that_ends_its_process_is_reported(
    verified: tuple[dict[str, RecommendedTest], bool],
) -> None:
    result = verified[0]["hard_exit"]
    assert result.verified is False and result.possible_bug is False
    assert result.failure is not None
    assert "exited with status 3 without a result" in result.failure


def test_the_users_project_is_never_written(
    verified: tuple[dict[str, RecommendedTest], bool],
) -> None:
    assert verified[1] is True


def test_flaky_test_is_not_verified(shop: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran-once"
    flaky = _test(
        f"""
        from pathlib import Path
        from shop.pricing import calculate_discount

        def test_silver_sometimes():
            first_run = not Path({str(marker)!r}).exists()
            Path({str(marker)!r}).touch()
            assert calculate_discount(100, "silver") == 85
            assert first_run
        """
    )
    [result] = _verify(_request(shop), [flaky], repeat=3)
    assert (result.passed, result.verified, result.possible_bug) == (False, False, False)
    assert result.failure is not None and result.failure.startswith("flaky: passed 1 of 3 runs")


def test_candidate_running_past_its_time_is_stopped(shop: Path) -> None:
    sleeper = _test(
        """
        import time
        from shop.pricing import calculate_discount

        def test_slow_silver():
            calculate_discount(100, "silver")
            time.sleep(60)
        """
    )
    [result] = _verify(_request(shop), [sleeper], timeoutSeconds=1, repeat=1)
    assert result.verified is False and result.passed is False
    assert result.failure is not None and "timed out" in result.failure


def _reference_source() -> str:
    """The reference document's example function, as the example project has it (lines 1-7)."""
    source = (project_source("shop") / "src" / "shop" / "pricing.py").read_text()
    node = next(n for n in ast.parse(source).body if getattr(n, "name", "") == "calculate_discount")
    return (ast.get_source_segment(source, node) or "") + "\n"


REFERENCE_SOURCE = _reference_source()


def test_http_request_without_a_file_on_disk() -> None:
    """The reference's examples call the function without importing it."""
    request = GenerationRequest(
        source_code=REFERENCE_SOURCE,
        uncovered_ranges=(UncoveredRange(4, 7, "line"),),
        module_path="calculator",
    )
    tests = [
        _test("def test_silver():\n    assert calculate_discount(100, 'silver') == 85.0\n", 5),
        _test(
            "from calculator import calculate_discount\n\n"
            "def test_regular():\n    assert calculate_discount(100, 'regular') == 100\n",
            7,
        ),
        _test("def test_wrong():\n    assert calculate_discount(100, 'silver') == 90\n", 5),
    ]
    silver, regular, wrong = _verify(request, tests, repeat=2)
    assert silver.verified and silver.covered_lines == [4, 5]
    assert regular.verified and regular.covered_lines == [4, 7]
    assert wrong.possible_bug and not wrong.verified


def test_http_request_with_a_made_up_module_name() -> None:
    """Without module_path, a test importing the functions from any name still runs."""
    request = GenerationRequest(
        source_code=REFERENCE_SOURCE, uncovered_ranges=(UncoveredRange(4, 5, "line"),)
    )
    test = _test(
        "from pricing_rules import calculate_discount\n\n"
        "def test_silver():\n    assert calculate_discount(100, 'silver') == 85.0\n"
    )
    [result] = _verify(request, [test], repeat=1)
    assert result.verified and result.covered_lines == [4, 5]


def test_project_interpreter_without_pytest_falls_back_and_says_so(
    shop: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    verifier = SubprocessVerifier(VerifySettings(python=str(venv / "bin" / "python"), repeat=1))
    covering = _test(CANDIDATES["covering"])
    [result] = asyncio.run(verifier.verify(_request(shop), [covering]))
    assert result.verified and result.covered_lines == [8]
    assert len(verifier.notes) == 1
    assert "lacks pytest and coverage" in verifier.notes[0]
    assert sys.executable in verifier.notes[0]


def test_missing_configured_interpreter_is_reported(shop: Path) -> None:
    verifier = SubprocessVerifier(VerifySettings(python="/nonexistent/bin/python", repeat=1))
    [result] = asyncio.run(verifier.verify(_request(shop), [_test(CANDIDATES["covering"])]))
    assert result.verified
    assert "cannot run /nonexistent/bin/python" in verifier.notes[0]


def test_unsaved_editor_text_is_measured_with_its_own_line_numbers(shop: Path) -> None:
    """Two lines added above the code in the editor, not saved: line 8 is now line 10."""
    disk = shop / "src" / "shop" / "pricing.py"
    buffer = "# edited\n# in the editor\n" + disk.read_text()
    request = GenerationRequest(
        source_code=buffer,
        uncovered_ranges=(UncoveredRange(10, 10, "line"),),
        source_path=disk,
        project_root=shop,
    )
    [result] = _verify(request, [_test(CANDIDATES["covering"])], repeat=1)
    assert result.verified and result.covered_lines == [10]
    assert not disk.read_text().startswith("# edited")


# `sys.audit` raises the very event a socket call raises, without sending anything: the guard is
# exercised and no packet can leave the machine even if the guard were missing.
CALLS_OUT = """
    import socket
    import sys
    from shop.pricing import calculate_discount

    def test_silver_then_calls_out():
        assert calculate_discount(100, "silver") == 85
        sys.audit("socket.connect", socket.socket(), ("192.0.2.1", 443))
    """

TALKS_TO_LOOPBACK = """
    import socket
    from shop.pricing import calculate_discount

    def test_silver_with_a_local_server():
        server = socket.create_server(("127.0.0.1", 0))
        client = socket.create_connection(server.getsockname(), timeout=5)
        client.close()
        server.close()
        assert calculate_discount(100, "silver") == 85
    """


def test_candidates_cannot_reach_beyond_loopback(shop: Path) -> None:
    outside, loopback = _verify(_request(shop), [_test(CALLS_OUT), _test(TALKS_TO_LOOPBACK)])
    assert (outside.passed, outside.verified) == (False, False)
    assert outside.failure is not None and "network access" in outside.failure
    assert "192.0.2.1" in outside.failure
    assert (loopback.passed, loopback.verified) == (True, True)


def test_network_can_be_allowed(shop: Path) -> None:
    [outside] = _verify(_request(shop), [_test(CALLS_OUT)], allowNetwork=True, repeat=1)
    assert (outside.passed, outside.verified) == (True, True)


COUNTER = """\
import os

with open(os.path.join(os.path.dirname(__file__), "imports.log"), "a") as log:
    log.write("imported\\n")

STATE = []


def add(item):
    STATE.append(item)
    if len(STATE) > 1:
        return "dirty"
    return "clean"
"""


def _counter_project(root: Path, *, conftest: bool) -> GenerationRequest:
    (root / "counter.py").write_text(COUNTER)
    (root / "tests").mkdir()
    if conftest:
        (root / "tests" / "conftest.py").write_text(
            "import os\n\nwith open(os.path.join(os.path.dirname(__file__), '..', 'imports.log'),"
            " 'a') as log:\n    log.write('conftest\\n')\n"
        )
    return GenerationRequest(
        source_code=COUNTER,
        uncovered_ranges=(UncoveredRange(10, 13, "line"),),
        source_path=root / "counter.py",
        project_root=root,
        test_path=root / "tests" / "test_counter.py",
    )


@pytest.mark.parametrize(
    ("conftest", "log"), [(False, ["imported"]), (True, ["conftest", "imported"])]
)
def test_the_module_is_imported_once_after_the_conftests(
    tmp_path: Path, conftest: bool, log: list[str]
) -> None:
    """Imported once before the runs fork, each run still starts from a fresh module (STATE
    empty: every run sees "clean"); a conftest.py, which may prepare the project before its
    modules are imported, is loaded first, once too."""
    request = _counter_project(tmp_path, conftest=conftest)
    code = 'from counter import add\n\n\ndef test_{0}():\n    assert add({0!r}) == "clean"\n'
    tests = [_test(code.format(name), 10) for name in ("one", "two")]
    results = _verify(request, tests, repeat=3, together=False)
    assert [r.verified for r in results] == [True, True]
    assert all({10, 11, 13} <= set(r.covered_lines) for r in results)
    assert (tmp_path / "imports.log").read_text().splitlines() == log


def test_a_test_that_fails_after_the_others_is_not_offered(tmp_path: Path) -> None:
    """Each passes on its own; run together as they will be once inserted, the second finds
    the module state the first left ("dirty") and is dropped, with the reason; the first and
    a test that resets the state itself stay."""
    existing = "from counter import add\n\n\ndef test_existing():\n    pass\n"
    request = dataclasses.replace(
        _counter_project(tmp_path, conftest=False), existing_test_code=existing
    )
    code = 'from counter import add\n\n\ndef test_{0}():\n    assert add({0!r}) == "clean"\n'
    resetting = (
        "import counter\n\n\ndef test_reset(monkeypatch):\n"
        '    monkeypatch.setattr(counter, "STATE", [])\n'
        '    assert counter.add("three") == "clean"\n'
    )
    tests = [_test(code.format("one"), 10), _test(code.format("two"), 10), _test(resetting, 10)]
    results = _verify(request, tests, repeat=1)
    assert [r.verified for r in results] == [True, False, True]
    assert results[1].passed is False
    assert "fails when run after the other tests" in (results[1].failure or "")
    alone = _verify(request, tests, repeat=1, together=False)
    assert [r.verified for r in alone] == [True, True, True]
