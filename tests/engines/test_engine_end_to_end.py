"""The builtin engine with the real verifier, on projects measured by a real coverage.py run.

Every test the engine offers must pass and execute the gap it was made for; the ranges it
cannot reach come back with a plain reason and no test.
"""

from __future__ import annotations

import asyncio
import dataclasses
import textwrap
from collections.abc import Sequence
from pathlib import Path

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.coverage.ranges import uncovered_ranges
from covopt_ls.coverage.readers import read_report
from covopt_ls.engines.builtin import BuiltinEngine
from covopt_ls.generation import GenerationRequest, RecommendedTest
from covopt_ls.settings import VerifySettings
from covopt_ls.verify.verifier import SubprocessVerifier
from tests.support.coverage_projects import make_project, run_coverage


def _measured_ranges(root: Path, source: str) -> tuple[UncoveredRange, ...]:
    report = read_report(run_coverage(root, formats=("json",))["json"])
    key = next(k for k in report.files if k == source or k.endswith("/" + source))
    return tuple(uncovered_ranges(report.file_coverage(key, root / key)))


def _generate_and_verify(
    request: GenerationRequest, repeat: int = 1
) -> tuple[BuiltinEngine, list[RecommendedTest], list[RecommendedTest]]:
    engine = BuiltinEngine(budget_seconds=5.0)

    async def run() -> tuple[list[RecommendedTest], list[RecommendedTest]]:
        offered = await engine.generate(request)
        verifier = SubprocessVerifier(VerifySettings(repeat=repeat))
        verified = await verifier.verify(request, offered)
        return offered, verified

    offered, verified = asyncio.run(run())
    return engine, offered, verified


def _covered(tests: Sequence[RecommendedTest]) -> set[int]:
    return {line for test in tests if test.verified for line in test.covered_lines}


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> GenerationRequest:
    root = make_project(tmp_path_factory.mktemp("engine"), "shop")
    source = root / "src" / "shop" / "pricing.py"
    tests = root / "tests" / "test_pricing.py"
    return GenerationRequest(
        source_code=source.read_text(),
        uncovered_ranges=_measured_ranges(root, "pricing.py"),
        existing_test_code=tests.read_text(),
        source_path=source,
        project_root=root,
        test_path=tests,
    )


ShopResults = tuple[BuiltinEngine, list[RecommendedTest], list[RecommendedTest]]


@pytest.fixture(scope="module")
def shop_results(shop: GenerationRequest) -> ShopResults:
    return _generate_and_verify(shop)


def _line(request: GenerationRequest, text: str) -> int:
    return next(n for n, line in enumerate(request.source_code.splitlines(), 1) if text in line)


def test_every_offered_test_passes_and_executes_its_gap(shop_results: ShopResults) -> None:
    _, offered, verified = shop_results
    assert offered
    assert len(verified) == len(offered)
    for test in verified:
        assert test.passed, test.failure
        assert test.verified, test.test_code


def test_the_gaps_of_calculate_discount_divide_and_a_method_are_closed(
    shop: GenerationRequest, shop_results: ShopResults
) -> None:
    _, _, verified = shop_results
    wanted = {
        _line(shop, "return price * 0.85"),
        _line(shop, 'raise ValueError("cannot divide by zero")'),
        _line(shop, 'raise ValueError("price must not be negative")'),
    }
    assert wanted <= _covered(verified)
    missing = {
        n
        for r in shop.uncovered_ranges
        if r.type == "line"
        for n in range(r.start_line, r.end_line + 1)
    }
    statements = missing - {n for n in missing if not shop.source_code.splitlines()[n - 1].strip()}
    assert statements <= _covered(verified)


def test_tests_are_readable_self_contained_pytest_functions(shop_results: ShopResults) -> None:
    _, offered, _ = shop_results
    by_name = {test.test_name: test for test in offered}
    silver = by_name["test_calculate_discount_silver_member_type"]
    assert silver.test_code.startswith(
        "import pytest\nfrom shop.pricing import calculate_discount\n"
    )
    assert 'assert calculate_discount(100, "silver") == pytest.approx(85.0)' in silver.test_code
    raises = [t for t in offered if "pytest.raises(ValueError" in t.test_code]
    assert any("divide(" in t.test_code for t in raises)
    assert all(t.test_name and t.test_name.startswith("test_") for t in offered)
    assert all(f"def {t.test_name}():" in t.test_code for t in offered)
    assert all("var_0" not in t.test_code for t in offered)


def test_a_method_test_builds_the_instance_the_way_the_existing_tests_do(
    shop_results: ShopResults,
) -> None:
    _, offered, _ = shop_results
    add = [t for t in offered if t.test_name and t.test_name.startswith("test_cart_add")]
    assert add
    assert 'cart = Cart("ada")' in add[0].test_code
    assert "from shop.pricing import Cart" in add[0].test_code


NETWORK_MODULE = textwrap.dedent(
    """\
    import json
    import urllib.request


    def celsius_to_fahrenheit(celsius):
        return round(celsius * 9 / 5 + 32, 1)


    def describe(speed):
        if speed < 2:
            return "calm"
        return "windy"


    def fetch_current(city):
        with urllib.request.urlopen("https://api.example.com/" + city, timeout=2) as response:
            payload = json.load(response)
        return payload["data"]
    """
)


def test_a_range_needing_the_network_yields_a_reason_and_no_test(tmp_path: Path) -> None:
    root = tmp_path / "weather"
    (root / "tests").mkdir(parents=True)
    (root / "weather.py").write_text(NETWORK_MODULE)
    (root / "pyproject.toml").write_text('[tool.pytest.ini_options]\npythonpath = ["."]\n')
    (root / "tests" / "test_weather.py").write_text(
        "from weather import celsius_to_fahrenheit\n\n\n"
        "def test_freezing():\n    assert celsius_to_fahrenheit(0) == 32.0\n"
    )
    request = GenerationRequest(
        source_code=NETWORK_MODULE,
        uncovered_ranges=_measured_ranges(root, "weather.py"),
        existing_test_code=(root / "tests" / "test_weather.py").read_text(),
        source_path=root / "weather.py",
        project_root=root,
    )
    engine, offered, verified = _generate_and_verify(request)
    fetch_lines = set(range(_line(request, "with urllib"), _line(request, 'payload["data"]') + 1))
    assert all(t.verified for t in verified)
    assert not fetch_lines & _covered(verified)
    assert all("fetch_current" not in t.test_code for t in offered)
    assert {_line(request, '"calm"'), _line(request, '"windy"')} <= _covered(verified)
    reasons = engine.unreachable_for(request)
    assert [u.range.start_line for u in reasons] == [_line(request, "with urllib")]
    assert "needs the network" in reasons[0].reason
    assert "fetch_current" in reasons[0].reason
    assert engine.last_unreachable == reasons


def test_source_without_a_file_is_imported_under_the_verifiers_default_name() -> None:
    source = textwrap.dedent(
        """\
        def divide(a: float, b: float) -> float:
            if b == 0:
                raise ValueError("cannot divide by zero")
            return a / b
        """
    )
    request = GenerationRequest(
        source_code=source, uncovered_ranges=(UncoveredRange(3, 3, "line"),)
    )
    _, offered, verified = _generate_and_verify(request)
    assert offered
    assert "from module_under_test import divide" in offered[0].test_code
    assert all(t.verified for t in verified)
    assert 3 in _covered(verified)


def test_a_source_that_does_not_parse_explains_every_range() -> None:
    request = GenerationRequest(
        source_code="def broken(:\n", uncovered_ranges=(UncoveredRange(1, 1, "line"),)
    )
    engine = BuiltinEngine(budget_seconds=1.0)
    assert asyncio.run(engine.generate(request)) == []
    (reason,) = engine.unreachable_for(request)
    assert "does not parse" in reason.reason


def test_coroutines_are_run_with_asyncio_run() -> None:
    source = textwrap.dedent(
        """\
        async def fetch_price(code: str) -> float:
            if code == "GOLD":
                return 1800.5
            raise KeyError(code)
        """
    )
    request = GenerationRequest(
        source_code=source,
        uncovered_ranges=(UncoveredRange(2, 4, "line"),),
        module_path="prices",
    )
    _, offered, verified = _generate_and_verify(request)
    assert any('asyncio.run(fetch_price("GOLD"))' in t.test_code for t in offered)
    assert all(t.test_code.startswith("import asyncio\n") for t in offered)
    assert all(t.verified for t in verified)
    assert {3, 4} <= _covered(verified)


COUNTER = textwrap.dedent(
    """\
    class Counter:
        def __init__(self) -> None:
            self.count = 0
            self.notes: list[str] = []

        def bump(self) -> None:
            self.count += 1

        def note(self, text: str) -> None:
            self.notes.append(text)

        def level(self) -> str:
            if self.count > 1:
                return "high"
            return "low"
    """
)


def test_state_is_reached_through_other_methods_and_needless_steps_are_dropped() -> None:
    existing = (
        "from counter import Counter\n\n\n"
        "def test_low():\n"
        "    counter = Counter()\n"
        '    counter.note("first")\n'
        '    assert counter.level() == "low"\n'
    )
    request = GenerationRequest(
        source_code=COUNTER,
        uncovered_ranges=(UncoveredRange(14, 14, "line"),),
        existing_test_code=existing,
        module_path="counter",
    )
    _, offered, verified = _generate_and_verify(request)
    (test,) = offered
    assert test.test_code.count("counter.bump()") == 2
    assert "note(" not in test.test_code
    assert 'assert counter.level() == "high"' in test.test_code
    assert all(t.verified for t in verified)


def test_results_in_set_order_are_asserted_on_their_sorted_items() -> None:
    source = textwrap.dedent(
        """\
        def unique_words(text):
            words = {w for w in text.split()}
            if len(words) > 2:
                return list(words)
            return sorted(words)
        """
    )
    existing = (
        "from words import unique_words\n\n\n"
        'def test_two():\n    assert unique_words("b a b") == ["a", "b"]\n'
    )
    request = GenerationRequest(
        source_code=source,
        uncovered_ranges=(UncoveredRange(4, 4, "line"),),
        existing_test_code=existing,
        module_path="words",
    )
    _, _, verified = _generate_and_verify(request, repeat=3)
    (test,) = verified
    assert "assert sorted(unique_words(" in test.test_code
    assert test.verified and test.passed


def test_unittest_tests_verify_too(shop: GenerationRequest) -> None:
    request = dataclasses.replace(shop, framework="unittest")
    _, offered, verified = _generate_and_verify(request)
    assert offered
    assert all("(unittest.TestCase):" in t.test_code for t in offered)
    assert all(t.verified for t in verified)
    assert _line(shop, "return price * 0.85") in _covered(verified)
