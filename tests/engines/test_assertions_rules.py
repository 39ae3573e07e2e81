"""What a rendered test asserts: observed behaviour a reader can check, never a value that
changes with the process, the hash seed or the Python build.

The outcomes come from the real worker (run in the sandbox on a small inline module), and the
tests rendered from them are run by pytest in that project, so an assertion that does not hold
fails here.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.engine import BuiltinEngine
from covopt_ls.engines.builtin.planner import Candidate
from covopt_ls.engines.builtin.polish import CONFIRM_HASH_SEED, agreed
from covopt_ls.engines.builtin.render import ImportContext, render_test, top_level_names
from covopt_ls.engines.builtin.runner import Observation
from covopt_ls.engines.builtin.targets import collect_targets
from tests.engines.projects import run_in_worker

MODULE = textwrap.dedent(
    """\
    import enum
    import random


    class Colour(enum.Enum):
        RED = 1
        BLUE = 2


    def palette():
        return {"warm": [Colour.RED], "cold": (Colour.BLUE, Colour)}


    class Pointer:
        def __init__(self, parts):
            self.parts = list(parts)

        def __hash__(self):
            return hash(tuple(self.parts))

        def __eq__(self, other):
            return isinstance(other, Pointer) and other.parts == self.parts


    class Tags(dict):
        pass


    class Bag:
        def __init__(self, items):
            self._items = list(items)

        def __len__(self):
            return len(self._items)

        def __str__(self):
            return f"bag of {len(self._items)}"


    class Token:
        def __init__(self, text):
            self._text = text

        def __repr__(self):
            return f"Token({self._text!r})"


    def tokens():
        return [Token("a"), " b"]


    def pairs(text):
        return zip(text, text[1:])


    def naturals():
        number = 0
        while True:
            yield number
            number += 1


    def counted(limit):
        return (n for n in range(10) if n < limit or _fail(n))


    def _fail(n):
        raise ValueError(f"no {n}")


    def keys_of(mapping):
        return mapping.keys()


    def tags():
        return Tags(colour="red")


    def bag():
        return Bag("abc")


    def kinds():
        return [("name", str), ("age", int)]


    def letters():
        return {"alpha", "beta", "gamma", "delta", "epsilon"}


    def lucky():
        return random.random()


    def total(numbers):
        import copy

        return sum(copy.deepcopy(numbers))


    def address(thing):
        return id(thing)


    class Ticket:
        made = 0

        def __init__(self):
            Ticket.made += 1
            self._number = Ticket.made

        def __str__(self):
            return f"ticket {self._number}"


    def ticket():
        return Ticket()


    def label(text):
        return len(text)
    """
)
MODULE_NAME = "things"


CALLS = {
    "hash_method": "Pointer(['a']).__hash__()",
    "hash_builtin": "hash(Pointer([]))",
    "label": "label('abc')",
    "pairs": "pairs('abc')",
    "keys": "keys_of({'b': 1, 'a': 2})",
    "naturals": "naturals()",
    "counted": "counted(3)",
    "tags": "tags()",
    "bag": "bag()",
    "kinds": "kinds()",
    "letters": "letters()",
    "lucky": "lucky()",
    "string_hash": "hash('abc')",
    "half": "label('ab') / 4",
    "small_hash": "hash(label('abc'))",
    "bags": "[bag(), 'x']",
    "tokens": "tokens()",
    "deep_total": "total([2**21, 1])",
    "address": "address(Bag(''))",
    "ticket": "ticket()",
    "palette": "palette()",
}
SETUP = ("doc = {'a': [1, 2]}", "unused = 3", "ptr = Pointer(['a'])")
RESEEDED = ("letters", "lucky", "string_hash")


def _observe(
    root: Path, calls: list[tuple[tuple[str, ...], str]], hash_seed: int
) -> list[Observation]:
    candidates = [Candidate("f", setup, call, None, ()) for setup, call in calls]
    batch = run_in_worker(
        root, MODULE_NAME, candidates, timeout=30, repeat=True, hash_seed=hash_seed
    )
    assert batch.import_error is None
    assert len(batch.observations) == len(calls)
    return batch.observations


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("assertions")
    (root / f"{MODULE_NAME}.py").write_text(MODULE)
    return root


@pytest.fixture(scope="module")
def seen(project: Path) -> dict[str, Observation]:
    """Every call of CALLS (and the one with SETUP) in one worker run, hash seed 0 as in the
    search."""
    calls: list[tuple[tuple[str, ...], str]] = [((), call) for call in CALLS.values()]
    calls.append((SETUP, "ptr == Pointer(['a'])"))
    observations = _observe(project, calls, 0)
    return dict(zip([*CALLS, "with_setup"], observations, strict=True))


@pytest.fixture(scope="module")
def reseeded(project: Path) -> dict[str, Observation]:
    """The same calls in another process under the confirming run's hash seed."""
    observations = _observe(project, [((), CALLS[key]) for key in RESEEDED], CONFIRM_HASH_SEED)
    return dict(zip(RESEEDED, observations, strict=True))


def _ctx() -> ImportContext:
    defined, imported = top_level_names(ast.parse(MODULE))
    return ImportContext(MODULE_NAME, defined, imported, {})


def _render(observation: Observation, name: str = "test_it") -> str:
    return render_test(observation, name, _ctx())


def _asserts(code: str) -> list[str]:
    return [line.strip() for line in code.splitlines() if line.strip().startswith("assert ")]


def _outcome(observation: Observation) -> dict[str, Any]:
    assert observation.outcome is not None
    return observation.outcome


def test_every_rendered_test_passes_when_run_by_pytest(
    project: Path, seen: dict[str, Observation]
) -> None:
    """The assertions below are the ones written; here they must also hold when run."""
    folder = project / "rendered"
    folder.mkdir()
    for key, observation in seen.items():
        if observation.usable:
            (folder / f"test_{key}.py").write_text(_render(observation, f"test_{key}"))
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "rendered"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert f"{sum(o.usable for o in seen.values())} passed" in completed.stdout


def test_a_hash_is_never_pinned_as_a_literal(seen: dict[str, Observation]) -> None:
    for observation in (seen["hash_method"], seen["hash_builtin"]):
        assert _outcome(observation).get("process_value") == ["hash"]
        assert observation.brittle and observation.usable
        assert _asserts(_render(observation)) == ["assert isinstance(result, int)"]


def test_the_scenario_of_a_hash_says_what_the_test_checks_not_the_number(
    seen: dict[str, Observation],
) -> None:
    tree = ast.parse(MODULE)
    line = next(n for n, text in enumerate(MODULE.splitlines(), 1) if "return hash(" in text)
    targets, _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    for key, said in (("hash_method", "a hash"), ("address", "an id")):
        observation = seen[key]
        value = _outcome(observation)["repr"]
        test = BuiltinEngine._recommended(observation, targets[0], "test_it", "")
        assert test.scenario_description.endswith(f"returns {said} (an int)")
        assert value not in test.scenario_description
    plain = BuiltinEngine._recommended(seen["label"], targets[0], "test_it", "")
    assert plain.scenario_description.endswith("returns 3")


def test_an_int_computed_without_hash_or_id_is_not_brittle(seen: dict[str, Observation]) -> None:
    assert not seen["label"].brittle
    assert _asserts(_render(seen["label"])) == ['assert label("abc") == 3']


def test_an_address_is_brittle_but_id_used_for_bookkeeping_is_not(
    seen: dict[str, Observation],
) -> None:
    assert _outcome(seen["address"])["process_value"] == ["id"]
    assert _asserts(_render(seen["address"])) == ["assert isinstance(result, int)"]
    # copy.deepcopy calls id() for its memo; the sum it returns is an ordinary number.
    assert not seen["deep_total"].brittle
    assert _asserts(_render(seen["deep_total"])) == ["assert total([2**21, 1]) == 2097153"]


def test_a_str_that_changes_between_runs_is_not_asserted_but_the_call_stays(
    seen: dict[str, Observation],
) -> None:
    observation = seen["ticket"]
    assert observation.usable
    assert "text" not in _outcome(observation)
    assert _asserts(_render(observation)) == ["assert isinstance(result, Ticket)"]
    first = {"kind": "return", "type": "Ticket", "faithful": False, "text": "ticket 1"}
    assert agreed(first, {**first, "text": "ticket 7"}) == {
        "kind": "return",
        "type": "Ticket",
        "faithful": False,
    }


def test_the_hash_of_a_small_number_is_the_number_in_every_process(
    seen: dict[str, Observation],
) -> None:
    assert not seen["small_hash"].brittle
    assert _asserts(_render(seen["small_hash"])) == ['assert hash(label("abc")) == 3']


def test_lazy_results_are_asserted_as_the_list_of_their_items(
    seen: dict[str, Observation],
) -> None:
    assert _outcome(seen["pairs"])["lazy"] == "zip"
    assert _asserts(_render(seen["pairs"])) == [
        'assert list(pairs("abc")) == [("a", "b"), ("b", "c")]'
    ]
    assert _outcome(seen["keys"])["lazy"] == "dict_keys"
    assert _asserts(_render(seen["keys"])) == [
        'assert list(keys_of({"b": 1, "a": 2})) == ["b", "a"]'
    ]


def test_an_endless_generator_keeps_its_type_check(seen: dict[str, Observation]) -> None:
    assert "lazy" not in _outcome(seen["naturals"])
    assert _asserts(_render(seen["naturals"])) == ['assert type(result).__name__ == "generator"']


def test_a_lazy_result_failing_while_read_is_asserted_to_raise(
    seen: dict[str, Observation],
) -> None:
    outcome = _outcome(seen["counted"])
    assert outcome["kind"] == "raise" and outcome["lazy"] == "generator"
    code = _render(seen["counted"])
    assert 'with pytest.raises(ValueError, match="no 3"):\n        list(counted(3))' in code


def test_a_builtin_subclass_is_compared_with_the_plain_value(
    seen: dict[str, Observation],
) -> None:
    assert _asserts(_render(seen["tags"])) == [
        "assert isinstance(result, Tags)",
        'assert result == {"colour": "red"}',
    ]


def test_an_object_without_attributes_is_checked_by_str_and_len(
    seen: dict[str, Observation],
) -> None:
    assert _asserts(_render(seen["bag"])) == [
        "assert isinstance(result, Bag)",
        'assert str(result) == "bag of 3"',
        "assert len(result) == 3",
    ]


def test_a_list_of_objects_without_a_faithful_repr_is_checked_by_str_alone(
    seen: dict[str, Observation],
) -> None:
    assert _asserts(_render(seen["tokens"])) == [
        "assert isinstance(result, list)",
        "assert str(result) == \"[Token('a'), ' b']\"",
    ]
    # Items printing an address: no str() to check, the length is what is left.
    assert _asserts(_render(seen["bags"])) == [
        "assert isinstance(result, list)",
        "assert len(result) == 2",
    ]


def test_builtin_classes_inside_a_result_are_written_by_name(
    seen: dict[str, Observation],
) -> None:
    assert _outcome(seen["kinds"])["faithful"]
    assert _asserts(_render(seen["kinds"])) == ['assert kinds() == [("name", str), ("age", int)]']


def test_enum_members_and_module_classes_inside_a_result_are_written_by_name(
    seen: dict[str, Observation],
) -> None:
    assert _asserts(_render(seen["palette"])) == [
        'assert palette() == {"warm": [Colour.RED], "cold": (Colour.BLUE, Colour)}'
    ]
    assert f"from {MODULE_NAME} import Colour, palette" in _render(seen["palette"])


def test_a_set_printed_in_another_order_under_another_hash_seed_still_agrees(
    seen: dict[str, Observation], reseeded: dict[str, Observation]
) -> None:
    first, second = _outcome(seen["letters"]), _outcome(reseeded["letters"])
    # The two fixed seeds print the set in different orders (always the same two orders).
    assert first["repr"] != second["repr"]
    assert agreed(first, second) == first


def test_a_random_result_disagrees_between_two_runs(
    seen: dict[str, Observation], reseeded: dict[str, Observation]
) -> None:
    assert agreed(_outcome(seen["lucky"]), _outcome(reseeded["lucky"])) is None


def test_a_string_hash_changes_with_the_hash_seed_and_only_its_type_is_kept(
    seen: dict[str, Observation], reseeded: dict[str, Observation]
) -> None:
    first, second = _outcome(seen["string_hash"]), _outcome(reseeded["string_hash"])
    assert first["process_value"] == ["hash"]
    assert first["repr"] != second["repr"]
    assert agreed(first, second) == first
    assert agreed(first, {**second, "type": "str"}) is None


def test_a_plain_value_the_call_never_reads_is_not_built(seen: dict[str, Observation]) -> None:
    code = _render(seen["with_setup"])
    assert "doc =" not in code and "unused =" not in code
    assert '    ptr = Pointer(["a"])\n    assert (ptr == Pointer(["a"])) is True\n' in code


def test_a_value_the_call_reads_is_kept() -> None:
    outcome = {"kind": "return", "repr": "3", "faithful": True, "type": "int"}
    observation = Observation(
        Candidate("f", ("text = 'abc'",), "label(text)", None, ()), outcome=outcome
    )
    assert '    text = "abc"\n    assert label(text) == 3\n' in _render(observation)


def test_pytest_is_imported_only_when_the_test_uses_it(seen: dict[str, Observation]) -> None:
    assert "import pytest" not in _render(seen["label"])
    assert "import pytest" in _render(seen["half"])
    assert "import pytest" in _render(seen["counted"])
