"""End to end: a small schedule parser whose branches sit behind regular expressions (inline,
compiled at module level, compiled at class level with flags, and built from a module
constant). Its existing tests take one plain branch each; the engine must write the texts the
other patterns match, and the verifier (a real coverage.py run) must confirm them."""

from __future__ import annotations

import ast
import re
import textwrap

import pytest

from covopt_ls.generation import GenerationRequest, RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified

SOURCE = textwrap.dedent(
    r'''
    """Schedule fields and tags, read the way cron-like tools read them."""

    import re

    NUMBER = r"\d{1,2}"
    RANGE = re.compile(rf"^({NUMBER})-({NUMBER})$")
    STEP = re.compile(r"^\*/" + NUMBER + "$")


    class Field:
        LIST = re.compile(r"^\d{1,2}(?:,\d{1,2})+$")
        NAMED = re.compile(r"(mon|tue|wed|thu|fri|sat|sun)$", re.IGNORECASE)

        def __init__(self, limit=59):
            self.limit = limit

        def values(self, text):
            if text == "*":
                return list(range(self.limit + 1))
            if re.fullmatch(r"\d{1,2}", text):
                return [self._check(int(text))]
            match = RANGE.match(text)
            if match:
                low, high = (self._check(int(g)) for g in match.groups())
                if low > high:
                    raise ValueError(f"empty range {text!r}")
                return list(range(low, high + 1))
            if STEP.match(text):
                step = int(text[2:])
                return list(range(0, self.limit + 1, step))
            if self.LIST.match(text):
                return sorted({self._check(int(part)) for part in text.split(",")})
            if Field.NAMED.match(text):
                return [text[:3].lower()]
            raise ValueError(f"not a field: {text!r}")

        def _check(self, value):
            if value > self.limit:
                raise ValueError(f"{value} is over {self.limit}")
            return value


    def version(text):
        found = re.match(r"v?(\d+)\.(\d+)(?:-(alpha|beta|rc)(\d*))?$", text.strip())
        if found is None:
            return None
        major, minor, stage, number = found.groups()
        if stage is None:
            return (int(major), int(minor), "final")
        return (int(major), int(minor), stage + (number or "0"))
    '''
)
TESTS = textwrap.dedent(
    """\
    from schedule import Field, version


    def test_every_value():
        assert Field(3).values("*") == [0, 1, 2, 3]


    def test_not_a_version():
        assert version("latest") is None
    """
)


def _line(text: str) -> int:
    return next(n for n, line in enumerate(SOURCE.splitlines(), 1) if text in line)


BEHIND_PATTERNS = (
    "return [self._check(int(text))]",
    'raise ValueError(f"empty range {text!r}")',
    "return list(range(low, high + 1))",
    "step = int(text[2:])",
    "return sorted({self._check(int(part))",
    "return [text[:3].lower()]",
    'return (int(major), int(minor), "final")',
    'return (int(major), int(minor), stage + (number or "0"))',
)


@pytest.fixture(scope="module")
def results(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[GenerationRequest, list[RecommendedTest], list[RecommendedTest]]:
    request = measured_request(tmp_path_factory.mktemp("regex"), "schedule", SOURCE, TESTS)
    offered, verified = offered_and_verified(request, budget_seconds=3.0)
    return request, offered, verified


def test_the_branches_behind_patterns_are_closed_by_verified_tests(
    results: tuple[GenerationRequest, list[RecommendedTest], list[RecommendedTest]],
) -> None:
    request, offered, verified = results
    missing = {
        line for r in request.uncovered_ranges for line in range(r.start_line, r.end_line + 1)
    }
    goals = {_line(text) for text in BEHIND_PATTERNS}
    assert goals <= missing  # the existing tests leave them open
    assert offered and all(t.verified for t in verified)
    covered = {line for test in verified for line in test.covered_lines}
    assert goals <= covered, sorted(goals - covered)


def test_the_texts_offered_are_the_patterns_own(
    results: tuple[GenerationRequest, list[RecommendedTest], list[RecommendedTest]],
) -> None:
    _, offered, _ = results
    texts = [
        node.value
        for test in offered
        for node in ast.walk(ast.parse(test.test_code))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    assert any(re.fullmatch(r"\d{1,2}-\d{1,2}", t) for t in texts)
    assert any(re.fullmatch(r"\*/\d{1,2}", t) for t in texts)
    assert any(re.fullmatch(r"\d{1,2}(,\d{1,2})+", t) for t in texts)
    assert any(re.fullmatch(r"v?\d+\.\d+-(alpha|beta|rc)\d*", t) for t in texts)
