"""The coverage-guided search: calls that reach new arcs become seeds the next rounds mutate."""

from __future__ import annotations

import ast
import random
import re
import textwrap
from pathlib import Path

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.calls import literal_value
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.planner import Candidate, Planner
from covopt_ls.engines.builtin.runner import Observation
from covopt_ls.engines.builtin.search import Search, _seed, seedable
from covopt_ls.engines.builtin.seeds import MAX_DEPTH, SeedQueue, mutate_container, shorter_texts
from covopt_ls.engines.builtin.selection import cover
from covopt_ls.engines.builtin.splice import MAX_SEEDS, Splicer, sibling_tokens
from covopt_ls.engines.builtin.targets import collect_targets, module_classes
from covopt_ls.generation import RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified, run_in_worker

LOCK = textwrap.dedent(
    '''\
    def unlock(code):
        """A combination lock: the code must give the steps in order."""
        state = 0
        for char in code:
            if state == 0 and char == "<":
                state = 1
            elif state == 1 and char == "#":
                state = 2
            elif state == 2 and char == "@":
                state = 3
            elif state == 3 and char == "%":
                state = 4
            elif state == 4 and char == ">":
                return "open"
        return f"locked at {state}"


    def shape(values, name=None):
        if name is not None and name.startswith("v"):
            return "named"
        return len(values)
    '''
)
LOCK_TESTS = textwrap.dedent(
    """\
    from lock import unlock

    def test_locked():
        assert unlock("x") == "locked at 0"
    """
)


def _line(text: str, source: str = LOCK) -> int:
    return next(n for n, line in enumerate(source.splitlines(), 1) if text in line)


def _planner(name: str, tests: str = LOCK_TESTS) -> Planner:
    tree = ast.parse(LOCK)
    classes = module_classes(tree)
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
    line = node.body[-1].lineno
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    return Planner(targets[0], classes, read_tests(tests, set(classes)), [])


# --- the seed queue and container mutation


def test_the_queue_keeps_each_call_once_and_drops_the_deepest_when_full() -> None:
    queue = SeedQueue(limit=3)
    assert queue.add(None, {"code": "'a'"}, depth=1)
    assert not queue.add(None, {"code": "'a'"}, depth=2)
    assert queue.add(None, {"code": "'b'"}, depth=3)
    assert queue.add(None, {"code": "'c'"}, depth=2)
    assert queue.add(None, {"code": "'d'"}, depth=1)
    assert len(queue) == 3
    assert {dict(s.args)["code"] for s in queue.seeds} == {"'a'", "'c'", "'d'"}
    assert not queue.add(None, {"code": "'e'"}, depth=MAX_DEPTH + 1)


def test_recent_and_shallow_seeds_are_drawn_more_often() -> None:
    queue = SeedQueue()
    queue.add(None, {"code": "'deep'"}, depth=6)
    for index in range(10):
        queue.add(None, {"code": repr(f"old{index}")}, depth=1)
    deep, oldest, *_, newest = queue.seeds
    assert queue.weight(newest) > queue.weight(oldest) > queue.weight(deep)
    drawn = [queue.choose(random.Random(n)) for n in range(300)]
    assert drawn.count(newest) > drawn.count(oldest) > drawn.count(deep)
    assert SeedQueue().choose(random.Random(0)) is None


def test_containers_get_one_element_dropped_repeated_nudged_or_swapped() -> None:
    rng = random.Random(1)
    source = "[1, 'a', 3]"
    mutants = {mutate_container(source, rng, ["['z']"]) for _ in range(60)}
    assert None not in mutants and len(mutants) > 3
    values = [literal_value(m) for m in mutants if m is not None]
    assert all(isinstance(v, list) for v in values)
    assert [1, 3] in values or ["a", 3] in values or [1, "a"] in values  # dropped
    assert any(len(v) == 4 for v in values)  # repeated or swapped in
    assert any("z" in v for v in values)  # a donor's element
    changed = {mutate_container("{'a': 1, 'b': 2}", rng, ["{'c': 3}"]) for _ in range(40)}
    dicts = [literal_value(m) for m in changed if m is not None]
    assert all(isinstance(d, dict) for d in dicts)
    assert (
        {"a": 1, "b": 2, "c": 3} in dicts
        or {"a": 1, "c": 3} in dicts
        or any(len(d) == 1 for d in dicts)
    )
    assert mutate_container("'text'", rng) is None
    assert mutate_container("f(", rng) is None


def test_shorter_texts_drop_one_piece_or_a_half() -> None:
    texts = shorter_texts(["1", "<", "#", "@", ">", "%", ">"])
    assert texts[:2] == ["@>%>", "1<#"]
    assert "<#@>%>" in texts and "1<#@%>" in texts and "1<#@>%" in texts
    assert len(set(texts)) == len(texts) and "1<#@>%>" not in texts
    assert shorter_texts(["x"]) == [] and shorter_texts([" ", "a"]) == ["a"]


def test_a_splicer_takes_found_texts_as_seeds_and_keeps_the_examples() -> None:
    splicer = Splicer(["x"], ["<"])
    assert splicer.add_seed("<x") and not splicer.add_seed("<x") and not splicer.add_seed("")
    for index in range(MAX_SEEDS + 5):
        splicer.add_seed(f"<{index}")
    assert splicer.seeds[0] == "x" and len(splicer.seeds) == 1 + MAX_SEEDS
    assert "<x" not in splicer.seeds and f"<{MAX_SEEDS + 4}" in splicer.seeds
    grown = {splicer.extend("x", random.Random(n)) for n in range(40)}
    assert all(t.startswith("x") and len(t) >= 2 for t in grown) and "x<" in grown


# --- the planner's seeds


def test_a_call_that_reached_new_arcs_is_mutated_further_in_the_next_rounds() -> None:
    planner = _planner("unlock")
    first = planner.round(0)
    plain = next(c for c in first if c.call == "unlock('x')")
    assert not planner.add_seed(plain, 3)  # the tests' own call is a base, not a seed
    stranger = Candidate("unlock", (), "unlock('<<<')", None, (("code", "'<<<'"),))
    assert not planner.add_seed(stranger, 3)  # not one of this planner's calls
    mutant = next(c for c in first if c.call != "unlock('x')" and "<" in c.call)
    assert planner.add_seed(mutant, 2)
    assert not planner.add_seed(mutant, 2)
    text = literal_value(dict(mutant.args)["code"])
    assert isinstance(text, str) and text in planner.splicers["code"].seeds
    later = [literal_value(dict(c.args)["code"]) for c in planner.round(1)]
    grown = [t for t in later if isinstance(t, str) and t != text and text in t]
    assert grown, "no mutant of the seed"
    # The mutants of the seed are themselves known to the planner: they can become seeds.
    again = next(c for c in planner.round(2) if text in c.call and c.call != mutant.call)
    assert planner.add_seed(again, 1)
    assert max(s.depth for s in planner.seeds.seeds) >= 2
    # A mutant's texts can be shortened; a plain call's cannot.
    long_text = literal_value(dict(again.args)["code"])
    assert isinstance(long_text, str)
    shorter = [literal_value(dict(c.args)["code"]) for c in planner.shrunk(again)]
    assert shorter and all(isinstance(t, str) and len(t) < len(long_text) for t in shorter)
    assert planner.shrunk(plain) == []


def test_a_text_parameter_without_an_example_gets_a_splicer_from_a_seed() -> None:
    planner = _planner("shape", tests="")
    assert "name" not in planner.splicers
    found = next(
        c for c in planner.round(0) if isinstance(literal_value(dict(c.args).get("name", "")), str)
    )
    assert planner.add_seed(found, 1)
    seed_text = literal_value(dict(found.args)["name"])
    if seed_text:
        assert seed_text in planner.splicers["name"].seeds


def test_a_mutants_changes_are_undone_one_at_a_time_to_find_the_plainest_call() -> None:
    planner = _planner("shape", tests="from lock import shape\n\nshape([1])\n")
    (plain,) = [c for c in planner.round(0) if c.call == "shape([1])"]
    assert planner.shrunk(plain) == []
    mutant = next(
        c
        for number in range(1, 4)
        for c in planner.round(number)
        if dict(c.args).get("values") not in (None, "[1]") and "name" in dict(c.args)
    )
    changed = dict(mutant.args)
    calls = {c.call: dict(c.args) for c in planner.shrunk(mutant)}
    # Each change on its own is undone: the values back to the test's, the name left out.
    assert {**changed, "values": "[1]"} in calls.values()
    assert {k: v for k, v in changed.items() if k != "name"} in calls.values()


# --- the search: novelty and seeding


def _observation(call: str, novel: set[tuple[int, int]], **fields: object) -> Observation:
    candidate = Candidate("unlock", (), call, None, (("code", call[7:-1]),))
    outcome = fields.pop("outcome", {"kind": "raise", "type": "ValueError"})
    return Observation(candidate, outcome=outcome, novel=frozenset(novel), **fields)  # type: ignore[arg-type]


def test_only_calls_that_ran_within_the_sandbox_become_seeds() -> None:
    assert seedable(_observation("unlock('a')", {(1, 2)}))
    assert not seedable(_observation("unlock('a')", {(1, 2)}, outcome={"kind": "timeout"}))
    assert not seedable(_observation("unlock('a')", {(1, 2)}, setup_error="NameError: x"))
    assert not seedable(_observation("unlock('a')", {(1, 2)}, flags=("network",)))


def test_novel_arcs_are_remembered_and_their_calls_seed_their_planner() -> None:
    planner = _planner("unlock")
    search = Search(planner.target, planner)
    calls = planner.round(0)
    mutant = next(c for c in calls if c.call != "unlock('x')")
    name = planner.target.qualname
    known: dict[str, set[tuple[int, int]]] = {name: {(0, 1)}}
    observations = [
        Observation(calls[0], outcome={"kind": "return"}, novel=frozenset({(3, 4)})),
        Observation(mutant, outcome={"kind": "return"}, novel=frozenset({(5, 6)})),
        Observation(calls[2], outcome={"kind": "timeout"}, novel=frozenset({(7, 8)})),
    ]
    seeded = _seed(observations, {planner.target.qualname: search}, known)
    assert known == {name: {(0, 1), (3, 4), (5, 6), (7, 8)}}
    assert seeded == {planner.target.qualname}
    assert [dict(s.args) for s in planner.seeds.seeds] == [dict(mutant.args)]
    assert _seed(observations[:1], {planner.target.qualname: search}, known) == set()
    # New arcs only in another function of the module: queued, but they keep no search going.
    other = next(c for c in calls if c.call != "unlock('x')" and c.call != mutant.call)
    elsewhere = _line('return "named"')
    away = Observation(other, outcome={"kind": "return"}, novel=frozenset({(elsewhere, -18)}))
    assert _seed([away], {planner.target.qualname: search}, known) == set()
    assert len(planner.seeds) == 2 and (elsewhere, -18) in known[name]


def test_a_deep_mutant_loses_to_a_plain_call_reaching_the_same_goals() -> None:
    planner = _planner("unlock")
    plain = planner.round(0)[0]
    deep = Candidate(
        plain.target, (), "unlock('x<<#x')", None, (("code", "'x<<#x'"),), distance=1, rank=20
    )
    simple = Candidate(
        plain.target, (), "unlock('<')", None, (("code", "'<'"),), distance=1, rank=1
    )
    ran = {"kind": "return", "repr": "'locked at 1'"}
    observations = [Observation(deep, {6}, outcome=ran), Observation(simple, {6}, outcome=ran)]
    chosen, left = cover(observations, {6}, set())
    assert [o.candidate.call for o in chosen] == ["unlock('<')"] and not left


# --- the worker reports novelty


@pytest.fixture
def lock_module(tmp_path: Path) -> Path:
    (tmp_path / "lock.py").write_text(LOCK)
    return tmp_path


def _batch(
    project: Path, calls: list[str], known: set[tuple[int, int]] | None
) -> list[Observation]:
    candidates = [Candidate("unlock", (), call, None, ()) for call in calls]
    arcs = None if known is None else {"unlock": known}
    return run_in_worker(project, "lock", candidates, repeat=True, known_arcs=arcs).observations


def test_the_worker_reports_the_arcs_each_call_executed_first(lock_module: Path) -> None:
    calls = ["unlock('x')", "unlock('y')", "unlock('<#')"]
    first, same, further = _batch(lock_module, calls, set())
    opening = _line('if state == 0 and char == "<"')
    assert first.novel and all(isinstance(n, int) for arc in first.novel for n in arc)
    assert not same.novel  # the same path: nothing new
    assert further.novel and any(opening + 1 in arc for arc in further.novel)
    assert not first.novel & further.novel
    # Arcs known from earlier rounds are not new; without `known_arcs` nothing is reported.
    (again,) = _batch(lock_module, ["unlock('<#')"], set(first.novel | further.novel))
    assert not again.novel
    (plain,) = _batch(lock_module, ["unlock('<#')"], None)
    assert not plain.novel and plain.lines


def test_novelty_is_counted_for_each_callable_apart(lock_module: Path) -> None:
    """A helper whose arcs another callable's calls ran first still finds them new."""
    opening = Candidate("unlock", (), "unlock('<#')", None, ())
    shaped = Candidate("shape", (), "unlock('<#')", None, ())
    first, second = run_in_worker(
        lock_module, "lock", [opening, shaped], known_arcs={}
    ).observations
    assert first.novel and second.novel == first.novel
    (known,) = run_in_worker(
        lock_module, "lock", [shaped], known_arcs={"shape": set(first.novel)}
    ).observations
    assert not known.novel


def test_a_call_that_ran_out_of_time_is_not_run_twice(lock_module: Path) -> None:
    # Each run of the slow call leaves a mark where the worker's restore does not reach.
    mark = "sys.__dict__.setdefault('covopt_runs', []).append(1)"
    slow = Candidate("unlock", ("import sys", mark), "unlock(iter(int, 1))", None, ())
    count = Candidate("unlock", ("import sys",), "len(sys.__dict__['covopt_runs'])", None, ())
    quick = Candidate("unlock", ("import sys", mark), "unlock('x')", None, ())
    batch = run_in_worker(lock_module, "lock", [slow, count, quick, count], repeat=True)
    outcomes = [o.outcome or {} for o in batch.observations]
    assert outcomes[0].get("kind") == "timeout"
    assert outcomes[1].get("repr") == "1"  # the timed-out call ran once
    assert outcomes[3].get("repr") == "3"  # a call that ends runs twice


# --- a real run: a gap only a mutant of a mutant reaches


@pytest.fixture(scope="module")
def lock_results(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[RecommendedTest], list[RecommendedTest]]:
    root = tmp_path_factory.mktemp("feedback") / "project"
    source = LOCK.split("\n\ndef shape")[0] + "\n"
    request = measured_request(root, "lock", source, LOCK_TESTS)
    return offered_and_verified(request, budget_seconds=8.0)


def test_a_code_five_steps_from_the_tests_example_opens_the_lock(
    lock_results: tuple[list[RecommendedTest], list[RecommendedTest]],
) -> None:
    offered, verified = lock_results
    assert offered and all(t.verified and t.passed for t in verified)
    opened = [t for t in verified if _line('return "open"') in t.covered_lines]
    assert opened, [t.test_code for t in verified]
    (test,) = opened[:1]
    # Still one readable call, named after the input, asserting the result.
    tree = ast.parse(test.test_code)
    (function,) = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    calls = [n for n in ast.walk(function) if isinstance(n, ast.Call)]
    assert [ast.unparse(c.func) for c in calls] == ["unlock"]
    assert "== 'open'" in ast.unparse(function) or '== "open"' in test.test_code
    assert function.name.startswith("test_unlock_") and function.name != "test_unlock"
    # The mutant that opened it was shortened: the five steps in order and little else (a
    # character kept can be one that takes a partial branch the other tests leave open).
    (argument,) = calls[0].args
    assert isinstance(argument, ast.Constant) and isinstance(argument.value, str)
    assert re.fullmatch(r".?<.?#.?@.?%.?>.?", argument.value), argument.value


# --- tokens from the package's other modules


def test_the_tokens_of_the_package_modules_imported_from_are_found(tmp_path: Path) -> None:
    package = tmp_path / "calc"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "lexer.py").write_text(
        textwrap.dedent(
            """\
            import re

            OPERATORS = {"**": "pow", "<>": "ne"}

            def kind(char):
                if char == "~":
                    return "tilde"
                return re.match(r"[$@]", char)
            """
        )
    )
    (package / "sub" / "words.py").write_text('def word(text):\n    return text == "LET"\n')
    (package / "other.py").write_text('def unrelated(x):\n    return x == "NEVER"\n')
    parser = package / "parser.py"
    parser.write_text(
        textwrap.dedent(
            """\
            import json
            from .lexer import kind
            from calc.sub.words import word
            from . import parser
            """
        )
    )
    tokens = sibling_tokens(ast.parse(parser.read_text()), parser, "calc.parser")
    assert {"**", "<>", "~", "$", "@", "LET"} <= set(tokens)
    assert "NEVER" not in tokens  # not imported
    # A planner tries them after its own module's tokens.
    tree = ast.parse(LOCK)
    targets, _ = collect_targets(tree, (UncoveredRange(14, 14, "line"),))
    planner = Planner(targets[0], {}, read_tests(LOCK_TESTS, set()), [], sibling_tokens=["~", "<"])
    splicer = planner.splicers["code"]
    assert splicer.tokens.index("<") < splicer.tokens.index("~")
    assert splicer.tokens.count("<") == 1


def test_a_callable_whose_calls_keep_running_out_of_time_is_left_in_that_run(
    lock_module: Path,
) -> None:
    mark = "sys.__dict__.setdefault('covopt_slow', []).append(1)"
    slow = [
        Candidate("unlock", ("import sys", mark), f"unlock(iter(int, 1)) or {n}", None, ())
        for n in range(5)
    ]
    count = Candidate("shape", ("import sys",), "len(sys.__dict__['covopt_slow'])", None, ())
    batch = run_in_worker(lock_module, "lock", [*slow, count], timeout_each=0.2)
    outcomes = [o.outcome or {} for o in batch.observations]
    assert [o.get("kind") for o in outcomes[:5]] == ["timeout"] * 5
    # Only the first three ran; the other callable's call still did.
    assert outcomes[5].get("repr") == "3"
