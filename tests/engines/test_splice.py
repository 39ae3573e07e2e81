"""Dictionary mutation of text arguments: the grammar's tokens mined from an inline module, the
mutants of a seed, and end to end a tiny calculator language whose existing test passes one
expression while the gaps need the other operators (a real coverage.py run, a real verifier)."""

from __future__ import annotations

import ast
import asyncio
import random
import string
import textwrap

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.coverage.ranges import uncovered_ranges
from covopt_ls.coverage.readers import read_report
from covopt_ls.engines.builtin import BuiltinEngine
from covopt_ls.engines.builtin.candidates import module_tables
from covopt_ls.engines.builtin.entries import entries_for
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.splice import Splicer, grammar_tokens, pieces
from covopt_ls.engines.builtin.targets import collect_targets, module_classes
from covopt_ls.generation import GenerationRequest, RecommendedTest
from covopt_ls.settings import VerifySettings
from covopt_ls.verify.verifier import SubprocessVerifier
from tests.support.coverage_projects import run_coverage

SOURCE = textwrap.dedent(
    '''\
    """A tiny calculator language: numbers and operators, read left to right."""

    import re

    OPERATORS = {"+": "add", "-": "sub", "*": "mul", "/": "div"}
    NUMBER = re.compile(r"[0-9_]+")


    class Lexer:
        def tokens(self, text):
            out = []
            i = 0
            while i < len(text):
                ch = text[i]
                if ch.isdigit():
                    j = i
                    while j < len(text) and text[j].isdigit():
                        j += 1
                    out.append(("num", int(text[i:j])))
                    i = j
                elif ch in OPERATORS:
                    out.append(("op", ch))
                    i += 1
                elif ch == " ":
                    i += 1
                else:
                    raise ValueError(f"bad character {ch!r}")
            return out


    class Parser:
        def parse(self, text):
            tokens = Lexer().tokens(text)
            value = tokens[0][1]
            for (_, op), (_, number) in zip(tokens[1::2], tokens[2::2]):
                value = self._apply(op, value, number)
            return value

        def _apply(self, op, left, right):
            if op == "+":
                return left + right
            if op == "-":
                return left - right
            if op == "*":
                return left * right
            if right == 0:
                raise ZeroDivisionError("division by zero")
            return left // right


    def header(line):
        if line.startswith("#!"):
            return line[2:].split(";")
        return []
    '''
)
TESTS = textwrap.dedent(
    """\
    from calc import Parser


    def test_parse():
        assert Parser().parse("12 + 30") == 42
    """
)


def _line(text: str) -> int:
    return next(n for n, line in enumerate(SOURCE.splitlines(), 1) if text in line)


def test_the_dictionary_holds_the_modules_tokens_its_own_first() -> None:
    tree = ast.parse(SOURCE)
    classes = module_classes(tree)
    tables = [t.strip("\"'") for members in module_tables(tree).values() for t in members]
    tokens = grammar_tokens([classes["Parser"].node], list(tree.body), tables)
    # The parser's own comparisons first, then the operator table, then the rest of the module.
    assert tokens[:4] == ["+", "-", "*", "0"]
    assert tokens.index("/") < tokens.index(" ")
    # Separators handed to startswith/split, and what a regex's character class accepts.
    assert {"#!", ";", "_"} <= set(tokens)
    # Messages and names are no tokens.
    assert not any(len(t) > 8 for t in tokens)
    assert "division by zero" not in tokens and "num" not in tokens


def test_a_seed_is_cut_at_token_boundaries() -> None:
    assert pieces("a[?b==`1`]", ["=="]) == ["a", "[", "?", "b", "==", "`", "1", "`", "]"]
    assert pieces("12  + x_1") == ["12", "  ", "+", " ", "x_1"]


def test_mutants_are_deterministic_new_and_built_from_the_tokens() -> None:
    splicer = Splicer(["12 + 30", "7 * 2"], ["+", "-", "*", "/", "0"])
    first = splicer.mutants(random.Random(3), 30)
    assert first == splicer.mutants(random.Random(3), 30)
    assert first != splicer.mutants(random.Random(4), 30)
    assert len(first) == len(set(first)) == 30
    assert not {"12 + 30", "7 * 2"} & set(first)
    # Every operator takes its turn in place of the seed's, before any random change.
    assert {"12 - 30", "12 * 30", "12 / 30", "7 + 2", "7 - 2"} <= set(first[:15])
    # A punctuation piece is overwritten by punctuation, a number by a number.
    assert "12 + 0" in first[:15] and "12 0 30" not in first[:15]


def test_texts_of_several_lines_are_changed_a_line_at_a_time() -> None:
    """A line-oriented format (a config file, a diff) picks its branch by a line's first
    characters or the separator inside it: whole lines built round the tokens are inserted."""
    splicer = Splicer(["[main]\nname\n"], ["=", "#", "["])
    pool = splicer.lines()
    assert {"[main]", "name", "", "key = value", "# note", "    name"} <= set(pool)
    mutants = splicer.mutants(random.Random(1), 120)
    lines_of = [m.split("\n") for m in mutants]
    assert any("key = value" in lines and "[main]" in lines for lines in lines_of)
    assert any("# note" in lines for lines in lines_of)
    assert any(lines.count("name") == 2 for lines in lines_of)
    # A text of one line is never changed this way.
    single = Splicer(["a = b"], ["=", "#"]).mutants(random.Random(1), 60)
    assert not any("\n" in m for m in single)


def test_without_module_tokens_generic_punctuation_still_mutates() -> None:
    assert not Splicer([], ["+"])
    mutants = Splicer(["a.b"], []).mutants(random.Random(0), 12)
    assert len(mutants) == 12 and "a.b" not in mutants
    # One piece at a time is overwritten first, the dot by other punctuation: `a!b`, `a"b`.
    assert {"a!b", 'a"b'} <= set(mutants[:6])
    for text in mutants[:6]:
        assert text.startswith("a") + text.endswith("b") + ("." in text) == 2
    assert all(c in string.punctuation for t in mutants[:6] for c in t if c not in "ab")


def test_the_public_entry_of_a_private_helper_gets_spliced_texts() -> None:
    tree = ast.parse(SOURCE)
    classes = module_classes(tree)
    line = _line("return left - right")
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    (entry,) = entries_for(targets[0], tree, classes)
    planner = Planner(
        entry,
        classes,
        read_tests(TESTS, set(classes)),
        [],
        tables=module_tables(tree),
        goal_of=targets[0],
    )
    calls = [c.call for c in planner.round(0)]
    assert calls[0] == "parser.parse('12 + 30')"
    assert "parser.parse('12 - 30')" in calls
    assert "parser.parse('12 / 30')" in calls
    # Spliced texts rank after the exact seed and the pool's values.
    assert calls.index("parser.parse('12 - 30')") > calls.index("parser.parse('12 + 30')")
    later = [c.call for c in planner.round(1)]
    assert any("parse(" in c and "12 + 30" not in c for c in later)


@pytest.fixture(scope="module")
def results(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[RecommendedTest], list[RecommendedTest]]:
    root = tmp_path_factory.mktemp("splice")
    (root / "calc.py").write_text(SOURCE)
    (root / "tests").mkdir()
    (root / "tests" / "test_calc.py").write_text(TESTS)
    (root / "pyproject.toml").write_text('[tool.pytest.ini_options]\npythonpath = ["."]\n')
    report = read_report(run_coverage(root, formats=("json",))["json"])
    key = next(k for k in report.files if k.endswith("calc.py"))
    request = GenerationRequest(
        source_code=SOURCE,
        uncovered_ranges=tuple(uncovered_ranges(report.file_coverage(key, root / key))),
        existing_test_code=TESTS,
        module_path="calc",
        source_path=root / "calc.py",
        project_root=root,
        test_path=root / "tests" / "test_calc.py",
    )

    async def run() -> tuple[list[RecommendedTest], list[RecommendedTest]]:
        offered = await BuiltinEngine(budget_seconds=3.0).generate(request)
        verified = await SubprocessVerifier(VerifySettings()).verify(request, offered)
        return offered, verified

    return asyncio.run(run())


def test_the_other_operators_are_reached_through_parse_with_spliced_expressions(
    results: tuple[list[RecommendedTest], list[RecommendedTest]],
) -> None:
    offered, verified = results
    assert offered and all(t.verified for t in verified)
    covered = {line for test in verified for line in test.covered_lines}
    goals = {"return left - right", "return left * right", "return left // right"}
    assert {_line(text) for text in goals} <= covered
    through_parse = [t for t in verified if ".parse(" in t.test_code]
    for text in goals:
        # Each operator's line is closed by an expression the public parser reads.
        assert any(_line(text) in t.covered_lines for t in through_parse), text
    texts = [
        node.value
        for t in through_parse
        for node in ast.walk(ast.parse(t.test_code))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    assert any("-" in text for text in texts) and any("*" in text for text in texts)
    minus = [t for t in verified if _line("return left - right") in t.covered_lines]
    assert minus and all("_apply(" not in t.test_code for t in minus)


def test_a_test_helpers_calls_are_learnt_with_each_tests_values() -> None:
    tests = textwrap.dedent(
        """\
        class TestParser:
            def check(self, expression, expected):
                assert self.parser.parse(expression) == expected

            def test_dot(self):
                self.check("foo.bar", 1)

            def test_index(self):
                self.check(expression="foo[0]", expected=2)
        """
    )
    calls = [ast.unparse(c) for c in read_tests(tests, set()).calls["parse"]]
    assert "self.parser.parse('foo.bar')" in calls
    assert "self.parser.parse('foo[0]')" in calls


def test_methods_found_by_a_built_name_are_reached_through_the_public_method() -> None:
    source = textwrap.dedent(
        """\
        class Parser:
            def parse(self, text):
                return self._expression(text)

            def _expression(self, text):
                return getattr(self, "_nud_%s" % text[:1], self._error)(text)

            def _nud_a(self, text):
                return "a"

            def _error(self, text):
                raise ValueError(text)
        """
    )
    tree = ast.parse(source)
    line = next(n for n, text in enumerate(source.splitlines(), 1) if 'return "a"' in text)
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    assert [e.qualname for e in entries_for(targets[0], tree, module_classes(tree))] == [
        "Parser.parse"
    ]
