"""Replaying the existing tests' calls (replay.py): which calls become seeds and with what
preparation, how they are mutated, how what they reach is attributed; then end to end on a
package whose tests only call its public API, defined in another module than the gaps."""

from __future__ import annotations

import ast
import random
import textwrap
from pathlib import Path

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.modpath import Definitions
from covopt_ls.engines.builtin.naming import name_for_test
from covopt_ls.engines.builtin.planner import Candidate, Planner
from covopt_ls.engines.builtin.replay import (
    MAX_MUTANTS,
    REPLAY,
    Replay,
    _Parent,
    _shorter_texts,
    _shrunk,
    build_replay,
    first_lines,
    privately_reached,
    values_by_type,
)
from covopt_ls.engines.builtin.runner import Observation
from covopt_ls.engines.builtin.search import Search
from covopt_ls.engines.builtin.splice import Splicer
from covopt_ls.engines.builtin.targets import collect_targets, module_classes
from covopt_ls.engines.builtin.tested_calls import Seed, read_seeds, signature_finder
from covopt_ls.generation import GenerationRequest, RecommendedTest
from tests.engines.projects import measured_package_request, offered_and_verified

TESTS = textwrap.dedent(
    """\
    import pytest
    import hjson as json
    from pkg.tables import Table

    ROWS = [{"a": 1}]


    def test_loads():
        text = '{"a": 1}'
        assert json.loads(text, strict=False) == {"a": 1}


    def test_table():
        table = Table(ROWS)
        table.insert({"a": 2})
        assert table.search("a") == [1, 2]


    def test_fixture(tmp_path):
        assert json.load(tmp_path / "x") is None


    @pytest.mark.parametrize("text, expected", [("1", 1), ("[]", [])])
    def test_rows(text, expected):
        assert json.loads(text) == expected


    def test_loop():
        for text in ["true", "null"]:
            json.loads(text)


    class TestSelf:
        def test_attr(self):
            self.assertEqual(self.parser.parse("x"), 1)
    """
)


def _seeds() -> dict[str, Seed]:
    return {seed.call: seed for seed in read_seeds(TESTS, {"json", "Table", "pytest"})}


def test_every_call_through_an_imported_name_is_a_seed_with_its_inlined_values() -> None:
    seeds = _seeds()
    loads = seeds["json.loads('{\"a\": 1}', strict=False)"]
    assert loads.setup == () and loads.callee == "loads" and not loads.private
    assert loads.args == (("text", "'{\"a\": 1}'"), ("strict", "False"))


def test_a_method_call_carries_the_statements_that_build_and_prepare_its_object() -> None:
    search = _seeds()["table.search('a')"]
    assert search.setup == (
        "ROWS = [{'a': 1}]",
        "table = Table(ROWS)",
        "table.insert({'a': 2})",
    )
    assert search.receiver == "table" and search.callee == "search"
    assert "Table(ROWS)" in _seeds()  # the constructor call is replayed too


def test_parametrize_rows_and_literal_loops_bind_the_test_names() -> None:
    seeds = _seeds()
    assert {"json.loads('1')", "json.loads('[]')", "json.loads('true')"} <= set(seeds)
    assert "json.loads('null')" in seeds


def test_calls_needing_fixtures_self_or_builtins_are_not_replayed() -> None:
    calls = set(_seeds())
    assert not any("tmp_path" in call for call in calls)
    assert not any("self." in call for call in calls)
    assert not any(call.startswith(("isinstance(", "pytest.")) for call in calls)


def test_the_test_files_own_helpers_are_not_replayed_but_may_prepare_a_call() -> None:
    tests = textwrap.dedent(
        """\
        from pkg import parse


        def check(text):
            assert parse(text) == 1


        def upper(value):
            return value.upper()


        def test_a():
            check("x")
            assert parse("y", hook=upper) == 2
        """
    )
    seeds = {s.call: s for s in read_seeds(tests, {"parse"})}
    assert set(seeds) == {"parse('y', hook=upper)"}
    assert seeds["parse('y', hook=upper)"].setup == ("def upper(value):\n    return value.upper()",)


def test_private_callees_are_marked_so_the_cover_prefers_public_ones() -> None:
    seeds = read_seeds("from pkg import _scan\n\ndef test_x():\n    _scan('a')\n", {"_scan"})
    assert [s.private for s in seeds] == [True]


FIXTURES = textwrap.dedent(
    """\
    import unittest

    import pytest
    from pkg import Parser, connect


    @pytest.fixture
    def url():
        return "db://local"


    @pytest.fixture
    def connection(url):
        options = {"timeout": 1}
        yield connect(url, **options)


    def test_query(connection):
        assert connection.query("a") == 1


    def test_elsewhere(tmp_path):
        assert connect(str(tmp_path)) is None


    class TestParser(unittest.TestCase):
        def setUp(self):
            self.parser = Parser(strict=True)

        def test_parse(self):
            self.assertEqual(self.parser.parse("x + 1"), 1)
    """
)


def test_the_test_files_fixtures_and_set_up_become_preparing_statements() -> None:
    seeds = {s.call: s for s in read_seeds(FIXTURES, {"Parser", "connect", "pytest"})}
    query = seeds["connection.query('a')"]
    assert query.setup == (
        "url = 'db://local'",
        "connection = connect(url, **{'timeout': 1})",
    )
    assert query.receiver == "connection"
    parse = seeds["parser.parse('x + 1')"]
    assert parse.setup == ("parser = Parser(strict=True)",) and parse.callee == "parse"
    # `tmp_path` is pytest's own fixture: nothing of that test can be replayed.
    assert not any("tmp_path" in call for call in seeds)


def test_seeds_are_drawn_from_every_test_before_more_from_any() -> None:
    tests = "".join(
        f"def test_{n}():\n" + "".join(f"    f({n}, {k})\n" for k in range(5)) for n in range(3)
    )
    calls = [s.call for s in read_seeds(tests, {"f"}, limit=3)]
    assert calls == ["f(0, 0)", "f(1, 0)", "f(2, 0)"]


def _replay(seeds: list[Seed]) -> Replay:
    return Replay(
        seeds,
        Splicer([s for seed in seeds for _, s in seed.args], ["#", ","]),
        values_by_type(["'#'", "7"]),
        rng=random.Random(3),
    )


def test_mutants_change_only_literals_and_stay_calls_of_the_same_callee() -> None:
    seed = Seed((), "json.loads('1, two', strict=False)", "loads", None, ())
    replay = _replay([seed])
    first = replay.round(0)
    assert first[0].call == seed.call and first[0].target == REPLAY
    assert first[0].replay == "loads"
    replay.corpus.append(_Parent(seed, (), seed.call, 0))
    mutants = replay.round(1)
    assert len(mutants) > 10
    for mutant in mutants:
        tree = ast.parse(mutant.call, mode="eval").body
        assert isinstance(tree, ast.Call) and ast.unparse(tree.func) == "json.loads"
        assert mutant.call != seed.call and mutant.distance >= 1
    assert any("#" in m.call for m in mutants)  # the module's token spliced in
    assert any("strict" not in m.call for m in mutants)  # a keyword argument dropped
    assert len({m.call for m in mutants}) == len(mutants)


SOURCE = textwrap.dedent(
    """\
    def decode(text):
        if text.startswith("#"):
            return _ref(text)
        return text


    def _ref(text):
        if text == "#":
            raise ValueError("empty")
        return text[1:]
    """
)


def _searches() -> list[Search]:
    tree = ast.parse(SOURCE)
    ranges = [UncoveredRange(3, 3, "line"), UncoveredRange(8, 10, "line")]
    targets, _ = collect_targets(tree, ranges)
    knowledge = read_tests("", set())
    classes = module_classes(tree)
    return [Search(t, Planner(t, classes, knowledge, [])) for t in targets]


def test_a_replayed_call_is_recorded_under_every_callable_whose_goals_it_reaches() -> None:
    searches = _searches()
    seed = Seed((), "loads('x')", "loads", None, (("text", "'x'"),))
    replay = _replay([seed])
    (candidate,) = replay.round(0)[:1]
    reaching = Observation(
        candidate, lines=frozenset({3, 8, 10}), outcome={"kind": "return", "repr": "'a'"}
    )
    elsewhere = Observation(
        Candidate(REPLAY, (), "loads('y')", None, (), replay="loads"),
        lines=frozenset({2}),
        outcome={"kind": "return", "repr": "'y'"},
    )
    replay.absorb([reaching, elsewhere], searches)
    by_name = {s.target.qualname: s for s in searches}
    assert [o.candidate.target for o in by_name["decode"].observations] == ["decode"]
    assert [o.candidate.target for o in by_name["_ref"].observations] == ["_ref"]
    assert by_name["_ref"].observations[0].candidate.call == "loads('x')"
    # Both reached lines no replayed call had reached: the first joins the corpus; the second
    # is not a call the replay made (no parent), so nothing else does.
    assert [p.call for p in replay.corpus] == ["loads('x')"]


def test_goals_reached_only_by_a_private_call_are_what_the_refinement_looks_for() -> None:
    searches = _searches()
    ref = next(s for s in searches if s.target.qualname == "_ref")
    private = Candidate("_ref", (), "_ref('#')", None, (), private=True)
    ref.observations.append(
        Observation(private, lines=frozenset({8, 9}), outcome={"kind": "raise", "type": "E"})
    )
    assert privately_reached(searches) == {("_ref", 8), ("_ref", 9)}
    public = Candidate("_ref", (), "loads('#')", None, (), replay="loads")
    ref.observations.append(
        Observation(public, lines=frozenset({8, 9}), outcome={"kind": "raise", "type": "E"})
    )
    assert privately_reached(searches) == set()


def test_build_replay_reads_the_seeds_and_focuses_on_the_callables_first_lines() -> None:
    tree = ast.parse('def f(x):\n    """Doc."""\n    return x\n')
    functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert first_lines(functions) == {3}
    knowledge = read_tests("from pkg import loads\n", set())
    replay = build_replay(
        "from pkg import loads\n\ndef test_a():\n    assert loads('1') == 1\n",
        knowledge,
        set(),
        ["#"],
        ["'x'", "2", "2.5", "True"],
        functions,
    )
    assert [s.call for s in replay.seeds] == ["loads('1')"]
    assert replay.values == {"str": ["x"], "int": [2], "float": [2.5]}
    assert replay.focus == {3}


INIT = textwrap.dedent(
    '''\
    """A tiny data format: its public API."""

    from pkg import decoder


    def loads(text):
        return decoder.decode(text)
    '''
)
DECODER = textwrap.dedent(
    '''\
    """Decodes comma-separated values."""


    def decode(text):
        return [_value(part.strip()) for part in text.split(",")]


    def _value(token):
        if token.isdigit():
            return int(token)
        if token in ("yes", "no"):
            return token == "yes"
        if token.startswith("#"):
            return _reference(token[1:])
        return token


    def _reference(name):
        if not name:
            raise ValueError("a reference needs a name")
        return {"ref": name}
    '''
)
PACKAGE_TESTS = textwrap.dedent(
    """\
    from pkg import loads


    def test_numbers_and_words():
        assert loads("1, two") == [1, "two"]


    def test_flags():
        assert loads("yes") == [True]
    """
)


@pytest.fixture(scope="module")
def package_results(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[GenerationRequest, list[RecommendedTest], list[RecommendedTest]]:
    request = measured_package_request(
        tmp_path_factory.mktemp("replay"),
        {"pkg/__init__.py": INIT, "pkg/decoder.py": DECODER},
        "pkg/decoder.py",
        PACKAGE_TESTS,
    )
    offered, verified = offered_and_verified(request, budget_seconds=3.0)
    return request, offered, verified


def _line(text: str) -> int:
    return next(i for i, line in enumerate(DECODER.splitlines(), 1) if text in line)


def test_the_decoder_gaps_close_through_the_public_call_its_tests_make(
    package_results: tuple[GenerationRequest, list[RecommendedTest], list[RecommendedTest]],
) -> None:
    request, offered, verified = package_results
    missing = {n for r in request.uncovered_ranges for n in range(r.start_line, r.end_line + 1)}
    wanted = {_line("return _reference("), _line("raise ValueError"), _line('return {"ref"')}
    assert wanted <= missing
    assert offered and all(t.verified for t in verified)
    covered = {line for t in verified for line in t.covered_lines}
    assert wanted <= covered
    code = "\n".join(t.test_code for t in offered)
    # Through `loads`, imported as the tests import it; no private helper called directly.
    assert "from pkg import loads" in code and "loads(" in code
    assert "_reference(" not in code and "_value(" not in code
    assert any(t.test_name.startswith("test_loads_") for t in offered)
    raising = [t for t in offered if "pytest.raises(ValueError" in t.test_code]
    assert raising and all("loads(" in t.test_code for t in raising)


def test_a_callees_signature_is_found_through_the_test_imports_and_re_exports(
    tmp_path: Path,
) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("from .api import loads\nfrom .tables import Table\n")
    (package / "api.py").write_text("def loads(text, *, strict=False, encoding=None):\n    ...\n")
    (package / "tables.py").write_text(
        "class Table:\n    def __init__(self, rows):\n        ...\n\n"
        "    def search(self, key, limit=10):\n        ...\n"
    )
    signature = signature_finder(
        Definitions([tmp_path]),
        "pkg.api",
        {"loads"},
        {"json": "import pkg as json", "Table": "from pkg import Table"},
    )
    tests = (
        "import pkg as json\nfrom pkg import Table\n\n"
        "def test_a():\n    json.loads('x')\n    table = Table([])\n    table.search('k')\n"
    )
    seeds = {s.call: s for s in read_seeds(tests, {"json", "Table", "loads"}, signature=signature)}
    loads = seeds["json.loads('x')"]
    assert loads.args == (("text", "'x'"),) and loads.positional == ("text",)
    assert loads.options == (("strict", "False"), ("encoding", "None"))
    assert seeds["Table([])"].args == (("rows", "[]"),)
    assert seeds["table.search('k')"].options == (("limit", "10"),)
    # A mutant may pass an option with another value than its default.
    replay = _replay([loads])
    replay.corpus.append(_Parent(loads, (), loads.call, 0))
    calls = {c.call for c in replay.round(1)}
    assert "json.loads('x', strict=True)" in calls
    assert any("encoding=" in call for call in calls)


def test_a_chosen_mutants_text_is_offered_cut_shorter_first_by_large_pieces() -> None:
    texts = _shorter_texts("foo[: bar,baz}")
    assert texts[:2] == ["bar,baz}", "foo[: "]  # the halves first
    assert "foo[ bar,baz}" in texts  # then one piece at a time
    assert all(len(t) < len("foo[: bar,baz}") for t in texts)
    candidate = Candidate(
        "decode", (), "json.loads('ab[c', strict=True)", None, (), distance=2, replay="loads"
    )
    shrunk = [c.call for c in _shrunk(candidate)]
    assert shrunk == [
        "json.loads('[c', strict=True)",
        "json.loads('abc', strict=True)",
        "json.loads('ab[', strict=True)",
    ]
    assert all(c.target == REPLAY for c in _shrunk(candidate))


def test_later_rounds_mutate_the_calls_that_got_near_the_wanted_lines() -> None:
    first = Seed((), "f('aaa')", "f", None, ())
    second = Seed((), "g('bbb')", "g", None, ())
    replay = _replay([first, second])
    replay.corpus = [
        _Parent(first, (), first.call, 0, near=frozenset({5})),
        _Parent(second, (), second.call, 0, near=frozenset({9})),
    ]
    assert {c.call[:2] for c in replay.round(1, [9])} == {"g("}
    assert {c.call[:2] for c in replay.round(2, [7])} == {"f(", "g("}  # none near: any


def test_a_mutant_that_changed_only_its_preparation_is_named_after_that_change() -> None:
    seed = Seed(
        ("factory = partial(Signer, secret_key='secret')", "signer = factory()"),
        "signer.derive_key()",
        "derive_key",
        "signer",
        (),
    )
    replay = _replay([seed])
    replay.corpus.append(_Parent(seed, seed.setup, seed.call, 0))
    changed = [c for c in replay.round(1) if c.setup != seed.setup]
    assert changed and all(c.call == seed.call for c in changed)
    assert all(c.setup_args and c.setup_args[0][0] == "secret_key" for c in changed)
    name = name_for_test(changed[0], "derive_key", {}, len(seed.setup), None, [])
    assert name.startswith("test_derive_key_") and name != "test_derive_key"


def test_rounds_that_find_nothing_new_halve_the_next_rounds_mutants() -> None:
    searches = _searches()
    seed = Seed((), "loads('x')", "loads", None, ())
    replay = _replay([seed])
    (candidate,) = replay.round(0)[:1]
    nothing = Observation(candidate, outcome={"kind": "return", "repr": "1"})
    replay.absorb([nothing], searches)
    assert replay.quota == MAX_MUTANTS // 2
    replay.absorb([nothing], searches)
    assert replay.quota == MAX_MUTANTS // 4
    replay.absorb([], searches)  # a round without replayed calls says nothing
    assert replay.quota == MAX_MUTANTS // 4
    new = Observation(candidate, lines=frozenset({3}), outcome={"kind": "return", "repr": "1"})
    replay.absorb([new], searches)
    assert replay.quota == MAX_MUTANTS
