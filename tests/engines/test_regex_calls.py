"""Where a module applies a regex to a value (regex_calls.py), and the examples the miner hands
that value (candidates.mine): inline patterns, patterns compiled at module or class level or
into a local, flags, and patterns built from the module's string constants."""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.calls import literal_value
from covopt_ls.engines.builtin.candidates import mine
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.regex_calls import (
    ModuleRegexes,
    Regex,
    RegexScope,
    module_regexes,
    pattern_tokens,
)
from covopt_ls.engines.builtin.splice import grammar_tokens
from covopt_ls.engines.builtin.targets import collect_targets, function_params, module_classes

SOURCE = textwrap.dedent(
    r'''
    import re
    import re as regexp
    from re import fullmatch as whole

    DIGITS = r"\d+"
    WORDS = ["and", "or", "not"]
    FLAGS = re.I | re.VERBOSE
    NUMBER = re.compile(r"-?" + DIGITS + r"(\.\d+)?$")
    KEYWORD = re.compile(r"^(%s)$" % "|".join(WORDS), re.IGNORECASE)
    DATE = re.compile(f"{DIGITS}-{DIGITS}")
    SPACED = re.compile(r"""
        \[ \s* (\w+) \s* \]   # a bracketed name
    """, FLAGS)


    class Base:
        TAG = re.compile(r"<([a-z]+)>")


    class Lexer(Base):
        WORD = re.compile(r"[A-Z][a-z]+")
        PAIR = re.compile(WORD.pattern + "=" + DIGITS)

        def word(self, text):
            if self.WORD.fullmatch(text):
                return "word"
            if type(self).PAIR.match(text):
                return "pair"
            if Lexer.TAG.search(text):
                return "tag"
            return None

        @classmethod
        def tag(cls, text):
            return bool(cls.TAG.match(text))


    def number(text):
        if NUMBER.match(text):
            return float(text)
        return None


    def keyword(token):
        return KEYWORD.match(token) is not None


    def inline(expr, other):
        if re.match(r"\d{1,2}-\d{1,2}$", expr):
            return "range"
        if regexp.search("[*/]", expr.strip()):
            return "step"
        if whole(r"L|W", other):
            return "last"
        return None


    def local(value):
        pattern = re.compile(r"^#[0-9a-f]{6}$", re.I)
        template = r"(\d+)" + "px"
        if pattern.match(value):
            return "hex"
        if re.fullmatch(template, value):
            return "px"
        return re.sub(r"\s+", " ", value)


    def unknown(text, pattern):
        return re.match(pattern, text)
    '''
)


def _tree() -> ast.Module:
    return ast.parse(SOURCE)


def _function(tree: ast.Module, name: str) -> ast.FunctionDef:
    return next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == name)


def _pool(name: str, own_class: str | None = None) -> dict[str, list[object]]:
    tree = _tree()
    node = _function(tree, name)
    params = function_params(node, skip_first=own_class is not None)
    pools, _ = mine(node, params, regexes=module_regexes(tree), own_class=own_class)
    return {k: [literal_value(v) for v in p.items] for k, p in pools.items()}


def test_module_names_bound_to_patterns_strings_and_flags_are_read() -> None:
    known = module_regexes(_tree())
    assert known.modules == {"re", "regexp"}
    assert known.functions == {"whole": "fullmatch"}
    assert known.flags["FLAGS"] == re.I | re.X
    assert known.compiled["NUMBER"] == Regex(r"-?\d+(\.\d+)?$")
    assert known.compiled["KEYWORD"] == Regex(r"^(and|or|not)$", re.I)
    assert known.compiled["DATE"] == Regex(r"\d+-\d+")
    assert known.compiled["SPACED"].flags == re.I | re.X
    assert known.compiled["Base.TAG"] == Regex("<([a-z]+)>")
    # `WORD.pattern` is not a string constant: that pattern is not folded.
    assert "Lexer.WORD" in known.compiled and "Lexer.PAIR" not in known.compiled
    assert known.bases["Lexer"] == ["Base"]


def test_a_module_without_a_regex_import_has_no_regexes() -> None:
    known = module_regexes(ast.parse("import os\nX = 're'\ndef f(x):\n    return x.match('a')\n"))
    assert not known
    assert pattern_tokens(ast.parse("def f(x): pass").body, known) == []


def test_a_compiled_module_pattern_gives_its_parameter_a_match_and_a_miss() -> None:
    values = _pool("number")["text"]
    matching = [v for v in values if isinstance(v, str) and re.match(r"-?\d+(\.\d+)?$", v)]
    assert values[0] == "1"
    assert "1.1" in matching or "-1" in matching
    assert any(isinstance(v, str) and not re.match(r"-?\d+(\.\d+)?$", v) for v in values)


def test_a_pattern_built_by_join_and_percent_matches_each_word() -> None:
    values = _pool("keyword")["token"]
    assert {"and", "or", "not"} <= set(values)


def test_inline_patterns_route_to_the_value_they_read() -> None:
    pools = _pool("inline")
    assert pools["expr"][:2] == ["1-1", "*"]
    assert "L" in pools["other"] and "W" in pools["other"]


def test_locally_compiled_patterns_and_flags_are_used() -> None:
    values = _pool("local")["value"]
    # A pattern compiled into a local, one built from a local string, and `re.sub`'s subject
    # (its third argument): each pattern's plainest match, in the order the body applies them.
    assert values[:3] == ["#000000", "1px", " "]
    assert any(isinstance(v, str) and re.fullmatch("#[0-9A-F]{6}", v) for v in values)
    assert "#000000!" in values  # a near miss: the `$` after the colour


def test_class_level_patterns_are_read_through_self_type_and_class() -> None:
    values = _pool("word", own_class="Lexer")["text"]
    assert values[0] == "Aa"
    assert "<a>" in values  # Lexer.TAG, inherited from Base
    tags = _pool("tag", own_class="Lexer")["text"]
    assert tags[0] == "<a>"


def test_a_pattern_that_is_a_parameter_gives_nothing() -> None:
    pools = _pool("unknown")
    assert pools["text"] == [] and pools["pattern"] == []


def test_a_scope_reads_class_names_unqualified_only_in_the_class_body() -> None:
    known = ModuleRegexes(modules={"re"})
    known.compiled["Lexer.WORD"] = Regex("[a-z]+")
    call = ast.parse("WORD.match(text)", mode="eval").body
    assert isinstance(call, ast.Call)
    assert RegexScope(known, "Lexer").applied(call) is None
    applied = RegexScope(known, "Lexer", class_body=True).applied(call)
    assert applied is not None and applied.regex == Regex("[a-z]+")
    assert ast.unparse(applied.subject) == "text" and applied.mode == "match"


def test_short_matches_join_the_splicers_tokens_after_the_targets_own() -> None:
    tree = _tree()
    lexer = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Lexer")
    tokens = pattern_tokens([lexer, _function(tree, "inline")], module_regexes(tree))
    assert tokens[:2] == ["Aa", "<a>"]  # each pattern's plainest match before any second
    assert {"1-1", "*", "L"} <= set(tokens)
    assert all(len(t) <= 8 for t in tokens)
    merged = grammar_tokens([lexer], list(tree.body), ["x"], patterns=tokens)
    assert merged.index("Aa") < merged.index("x")


def test_a_planners_splicer_tokens_hold_its_classs_pattern_matches() -> None:
    tree = _tree()
    classes = module_classes(tree)
    line = next(n for n, text in enumerate(SOURCE.splitlines(), 1) if 'return "tag"' in text)
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    knowledge = read_tests("", set(classes))
    with_patterns = Planner(targets[0], classes, knowledge, [], regexes=module_regexes(tree))
    without = Planner(targets[0], classes, knowledge, [])
    tokens = with_patterns._grammar_tokens()
    assert {"Aa", "<a>"} <= set(tokens)
    assert "<a>" not in without._grammar_tokens()
    # The pattern's matches lead the parameter's pool; without them no value matches TAG.
    assert "'<a>'" in with_patterns.pools["text"][:4]
    assert not any(re.search("<([a-z]+)>", str(v)) for v in without.pools["text"])


def test_patterns_kept_in_another_module_of_the_package_are_read(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "_words.py").write_text('WORD = "[a-z]+"\nNOT_A_PATTERN = 3\n')
    (package / "patterns.py").write_text(
        "import re\nfrom ._words import WORD\n"
        'NUMBER = re.compile(r"^\\d+$")\nPAIR = re.compile(WORD + "=" + WORD)\n'
    )
    source = package / "check.py"
    source.write_text(
        "from . import patterns\nfrom .patterns import NUMBER as NUM\nfrom ._words import WORD\n"
        "import re\n\n"
        "def kind(text):\n"
        "    if NUM.match(text):\n        return 'number'\n"
        "    if patterns.PAIR.fullmatch(text):\n        return 'pair'\n"
        "    if re.fullmatch(WORD, text):\n        return 'word'\n"
        "    return None\n"
    )
    tree = ast.parse(source.read_text())
    known = module_regexes(tree, source, "pkg.check", depth=2)
    assert known.compiled["NUM"] == Regex(r"^\d+$")
    # Built in `patterns` from a constant of `_words`: two imports deep.
    assert known.compiled["patterns.PAIR"] == Regex("[a-z]+=[a-z]+")
    assert known.strings["WORD"] == "[a-z]+"
    node = _function(tree, "kind")
    pools, _ = mine(node, function_params(node, skip_first=False), regexes=known)
    assert [literal_value(v) for v in pools["text"].items[:3]] == ["1", "a=a", "a"]
    # One import deep only: `patterns` is read, the constant it imports is not.
    shallow = module_regexes(tree, source, "pkg.check", depth=1)
    assert "NUM" in shallow.compiled and "patterns.PAIR" not in shallow.compiled
    # Without its file the module's own names are all there is.
    assert "NUM" not in module_regexes(tree).compiled


def test_pathological_constants_are_not_folded() -> None:
    chain = " + ".join(['"a"'] * 2000)  # deeper than the recursion limit, still parses
    source = f"import re\nLONG = {chain}\nWIDE = re.compile('%99999999s' % 'a')\n"
    known = module_regexes(ast.parse(source))
    assert "LONG" not in known.strings and "WIDE" not in known.compiled
    call = ast.parse(f"re.match({chain}, x)", mode="eval").body
    assert isinstance(call, ast.Call)
    assert RegexScope(known, None).applied(call) is None
