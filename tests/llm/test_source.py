"""What the model is shown of a source: scopes, and excerpts of long modules."""

from __future__ import annotations

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.llm.prompt import build_messages
from covopt_ls.engines.llm.source import SourceView
from covopt_ls.generation import GenerationRequest


def long_module() -> str:
    parts = [
        "import math\nfrom collections import OrderedDict\n\nRATE = 0.2\n",
        "TABLE = {\n" + "".join(f"    {i}: {i * i},\n" for i in range(40)) + "}\n\n",
        "class Account:\n    kind = 'basic'\n\n    def __init__(self, balance):\n"
        "        self.balance = balance\n\n",
    ]
    parts += [
        f"    def method_{i}(self):\n        return self.balance + {i}\n\n" for i in range(60)
    ]
    parts.append(
        "    @property\n    def taxed(self):\n        if self.balance > 100:\n"
        "            return self.balance * (1 - RATE)\n        return self.balance\n\n\n"
    )
    parts += [f"def helper_{i}(x):\n    return x * {i}\n\n\n" for i in range(80)]
    parts.append("if __name__ == '__main__':\n    print(helper_1(2))\n")
    return "".join(parts)


def line_of(source: str, text: str) -> int:
    return next(n for n, line in enumerate(source.splitlines(), 1) if text in line)


def test_a_short_source_is_shown_whole() -> None:
    source = "def f(x):\n    return x\n"
    view = SourceView(source)
    assert view.excerpt_lines([UncoveredRange(2, 2, "line")]) is None
    assert view.numbered() == "1: def f(x):\n2:     return x"


def test_a_long_module_shows_imports_class_headers_init_and_the_gap_s_function() -> None:
    source = long_module()
    gap = line_of(source, "return self.balance * (1 - RATE)")
    view = SourceView(source)
    keep = view.excerpt_lines([UncoveredRange(gap, gap, "line")])
    assert keep is not None
    shown = view.numbered(keep)
    for wanted in (
        "import math",
        "RATE = 0.2",
        "class Account:",
        "def __init__(self, balance):",
        "self.balance = balance",
        "@property",
        "if self.balance > 100:",
        f"{gap}:             return self.balance * (1 - RATE)",
    ):
        assert wanted in shown, wanted
    for unwanted in ("TABLE = {", "def method_3(self):", "def helper_7(x):", "__main__"):
        assert unwanted not in shown, unwanted
    assert "  ..." in shown
    assert len(shown.splitlines()) < 40 < len(source.splitlines())


def test_a_module_level_gap_is_shown_with_its_neighbours() -> None:
    source = long_module()
    gap = line_of(source, "print(helper_1(2))")
    view = SourceView(source)
    keep = view.excerpt_lines([UncoveredRange(gap, gap, "line")])
    assert keep is not None
    assert {gap - 1, gap} <= keep
    assert view.innermost(gap) is None


def test_innermost_scopes_nest() -> None:
    source = long_module()
    view = SourceView(source)
    gap = line_of(source, "return self.balance * (1 - RATE)")
    scope = view.innermost(gap)
    assert scope is not None and scope.name == "Account.taxed" and scope.kind == "function"
    assert [outer.name for outer in view.ancestors(scope)] == ["Account"]
    assert scope.start_line == line_of(source, "@property")
    between = line_of(source, "def helper_0") - 1
    assert view.innermost(between) is None, "the blank line after a class belongs to nothing"


def test_scopes_inside_try_blocks_are_found_in_order() -> None:
    source = (
        "try:\n    import fast\nexcept ImportError:\n    def slow(x):\n        return x\n"
        "else:\n    def quick(x):\n        return x\nfinally:\n    def done():\n        pass\n"
    )
    view = SourceView(source)
    assert [s.name for s in view.scopes] == ["slow", "quick", "done"]
    names = {line: getattr(view.innermost(line), "name", None) for line in (2, 5, 8, 11)}
    assert names == {2: None, 5: "slow", 8: "quick", 11: "done"}


def test_a_huge_function_shows_its_header_and_the_lines_around_the_gap() -> None:
    body = "".join(f"    total += {i}\n" for i in range(600))
    source = f"def big(total):\n{body}    return total\n"
    view = SourceView(source)
    keep = view.excerpt_lines([UncoveredRange(300, 300, "line")])
    assert keep is not None
    assert 1 in keep and {295, 300, 305} <= keep
    assert 100 not in keep and 602 not in keep


def test_a_source_that_does_not_parse_is_shown_whole() -> None:
    source = "def broken(:\n" + "x = 1\n" * 500
    view = SourceView(source)
    assert view.scopes == []
    assert view.excerpt_lines([UncoveredRange(3, 3, "line")]) is None


def test_the_prompt_says_when_lines_are_left_out() -> None:
    source = long_module()
    gap = line_of(source, "return self.balance * (1 - RATE)")
    request = GenerationRequest(source, (UncoveredRange(gap, gap, "line"),))
    user = build_messages(request)[1]["content"]
    assert "parts unrelated to the gaps are left out where `...` stands" in user
    assert "def helper_7" not in user
    assert f"Line {gap} (line coverage), in function `Account.taxed`" in user
