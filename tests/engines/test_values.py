"""Argument values plain literals cannot stand for: real callables (lambdas of the arity the body
calls them with, and local `def` functions where the body reads a function's name or
signature), NaN and the infinities where the body tells them apart, and binary data where it
decodes; results that are NaN or infinite asserted in a way that parses and holds.

Unit rules on hand-written source, then the real engine on a generated project measured by
coverage.py, its tests run by the verifier."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path
from typing import Any

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.callables import (
    ASYNC,
    GENERATOR,
    IDENTITY,
    KEYWORD_ONLY,
    RICH,
    callable_values,
    local_functions,
)
from covopt_ls.engines.builtin.candidates import NOT_FINITE, annotation_values, mine
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.naming import describe_value
from covopt_ls.engines.builtin.planner import Candidate, Planner
from covopt_ls.engines.builtin.render import ImportContext, render_test
from covopt_ls.engines.builtin.runner import Observation
from covopt_ls.engines.builtin.targets import collect_targets, function_params, module_classes
from covopt_ls.engines.builtin.usage import infer_usage, with_stored
from covopt_ls.generation import RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified, run_in_worker


def _function(source: str) -> ast.FunctionDef:
    tree = ast.parse(textwrap.dedent(source))
    return next(node for node in tree.body if isinstance(node, ast.FunctionDef))


def _usage(source: str) -> dict[str, Any]:
    func = _function(source)
    names = [p.name for p in function_params(func, skip_first=False)]
    return dict(infer_usage(func, names))


def _pools(source: str, with_functions: bool = False) -> dict[str, list[str]]:
    """The planner's pools for the function of `source` whose last line is uncovered (the
    module's last), the module's functions known to the planner `with_functions`."""
    source = textwrap.dedent(source)
    tree = ast.parse(source)
    classes = module_classes(tree)
    last = len(source.rstrip().splitlines())
    targets, _ = collect_targets(tree, (UncoveredRange(last, last, "line"),))
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    knowledge = read_tests("", set(classes))
    planner = Planner(
        targets[0], classes, knowledge, [], functions=functions if with_functions else None
    )
    return planner.pools


# Callables ------------------------------------------------------------------------------


def test_a_called_parameter_records_how_many_arguments_it_takes() -> None:
    usages = _usage(
        """
        def emit(key, value, preprocessor=None, *extra):
            if preprocessor is not None:
                result = preprocessor(key, value)
            return result
        """
    )
    assert usages["preprocessor"].kind == "Callable"
    assert usages["preprocessor"].arities == {2}
    assert not usages["preprocessor"].introspected


def test_reading_a_functions_name_or_signature_is_introspection() -> None:
    usages = _usage(
        """
        def describe(func, other, wrapped):
            sig = inspect.signature(other)
            functools.update_wrapper(wrapped, func)
            return func.__name__, sig
        """
    )
    assert all(usages[name].introspected for name in ("func", "other", "wrapped"))
    assert all(usages[name].kind == "Callable" for name in ("func", "other", "wrapped"))


def test_a_name_that_holds_a_function_makes_a_callable_only_without_other_use() -> None:
    usages = _usage(
        """
        def register(callback, on_color, key_func, key, handler, factory):
            registry[key] = (callback, on_color, key_func, handler)
            return factory.create()
        """
    )
    called = {"callback", "on_color", "key_func"}
    assert {n for n in called if usages[n].kind == "Callable"} == {"callback", "key_func"}
    # A key, a handler object and a factory whose methods are read are not functions.
    assert usages["key"].kind is None and usages["handler"].kind is None
    assert usages["factory"].kind is None


def test_callables_have_the_arity_the_body_calls_them_with() -> None:
    assert callable_values([2], introspected=False)[:3] == [
        "lambda *a, **k: True",
        "lambda *a, **k: False",
        "lambda *args: args",
    ]
    assert "list" in callable_values([0], introspected=False)
    assert "str" in callable_values([1], introspected=False)
    assert "str" not in callable_values([2], introspected=False)
    for source in callable_values([1, 2], introspected=True):
        if not source.startswith("def "):
            assert callable(eval(source))  # every value is a callable expression


def test_introspected_callables_start_with_local_functions_then_a_lambda_and_a_builtin() -> None:
    values = callable_values([1], introspected=True)
    assert values[:4] == [IDENTITY, RICH, "lambda x: x", "len"]
    namespace: dict[str, Any] = {}
    exec(RICH, namespace)
    import inspect

    spec = inspect.getfullargspec(namespace["combine"])
    assert spec.varargs and spec.varkw and spec.kwonlyargs and spec.defaults


def test_a_body_asking_whether_a_function_is_a_coroutine_gets_one_defined_in_the_test() -> None:
    usages = _usage(
        """
        def wrap(caller):
            if inspect.iscoroutinefunction(caller):
                return "async"
            return "plain"
        """
    )
    assert usages["caller"].asked == {"iscoroutinefunction"}
    values = callable_values([], introspected=True, asked=usages["caller"].asked)
    assert ASYNC in values and GENERATOR not in values and KEYWORD_ONLY in values
    candidate = Candidate("wrap", (), f"wrap({ASYNC})", None, (("caller", ASYNC),))
    hoisted = local_functions(candidate, str)
    assert hoisted.setup == (ASYNC,) and hoisted.call == "wrap(fetch)"
    outcome = {"kind": "return", "repr": "'async'", "faithful": True, "imports": []}
    code = render_test(Observation(hoisted, outcome=outcome), "test_wrap_fetch_caller", _ctx())
    assert "    async def fetch(value):\n        return value\n" in code
    ast.parse(code)


def test_callable_annotations_with_argument_lists_give_callables_of_that_arity() -> None:
    values = annotation_values(ast.parse("Callable[[str, int], bool]", mode="eval").body, {})
    assert "lambda *args: args" in values and "lambda x: x" not in values


def test_a_stored_callback_is_a_callable_of_the_arity_the_methods_call_it_with() -> None:
    source = textwrap.dedent(
        """
        class Parser:
            def __init__(self, item_callback, strict):
                self.item_callback = item_callback
                self.strict = strict

            def feed(self, path, item):
                if self.item_callback(path, item) is False:
                    return None
                return item
        """
    )
    tree = ast.parse(source)
    info = module_classes(tree)["Parser"]
    init = info.node.body[0]
    assert isinstance(init, ast.FunctionDef)
    usages = with_stored(
        info.node, info.attr_params, infer_usage(init, ["item_callback", "strict"])
    )
    assert usages["item_callback"].kind == "Callable"
    assert usages["item_callback"].arities == {2}
    assert usages["strict"].kind is None


def test_introspected_parameters_get_local_functions_and_no_plain_values() -> None:
    pools = _pools(
        """
        def describe(func):
            name = func.__name__
            if name == "<lambda>":
                return "anonymous"
            return name
        """
    )
    assert pools["func"][0] == IDENTITY
    assert "lambda x: x" in pools["func"] and "len" in pools["func"]
    assert not any(v in pools["func"] for v in ("0", '"a"', "[]"))


def test_local_functions_move_into_the_setup_under_a_name_that_shadows_nothing() -> None:
    candidate = Candidate(
        "describe",
        ("maker = Maker()",),
        f"maker.describe({IDENTITY}, 1)",
        "maker",
        (("func", IDENTITY), ("n", "1")),
    )
    hoisted = local_functions(candidate, lambda name: f"{name}_obj" if name == "identity" else name)
    assert hoisted.setup == (IDENTITY.replace("identity", "identity_obj"), "maker = Maker()")
    assert hoisted.call == "maker.describe(identity_obj, 1)"
    assert hoisted.args == (("func", "identity_obj"), ("n", "1"))
    untouched = Candidate("f", (), "f(lambda x: x)", None, (("func", "lambda x: x"),))
    assert local_functions(untouched, str) is untouched


def test_a_function_passed_by_name_is_named_in_the_test_name() -> None:
    assert describe_value("func", "identity") == "identity_func"
    assert describe_value("key", "len") == "len_key"
    assert describe_value("value", 'float("nan")') == "value_nan"


# Special numbers and binary data -----------------------------------------------------------


def test_checks_for_nan_and_infinity_route_the_non_finite_floats() -> None:
    func = _function(
        """
        def clean(value, ratio, limit, other):
            if not math.isfinite(float(value)):
                return None
            if isnan(ratio):
                return 0
            if limit == float("inf"):
                return 1
            if other != other:
                return 2
        """
    )
    pools, _ = mine(func, function_params(func, skip_first=False))
    assert set(NOT_FINITE) <= set(pools["value"].items)
    assert 'float("nan")' in pools["ratio"].items
    assert {'float("inf")', 'float("-inf")'} <= set(pools["limit"].items)
    assert pools["other"].items == ['float("nan")']


def test_decoded_parameters_are_binary_data_with_invalid_utf8_among_them() -> None:
    usages = _usage(
        """
        def text(data):
            return data.decode("utf-8")
        """
    )
    assert usages["data"].kind == "bytes"
    pools = _pools(
        """
        def text(data):
            return data.decode("utf-8")
        """
    )
    assert set(pools["data"]) == {'b"abc"', 'b""', "b'\\xff'"}
    checked = annotation_values(ast.parse("bytearray", mode="eval").body, {})
    assert 'bytearray(b"abc")' in checked


def test_big_numbers_come_from_maxsize_bit_lengths_and_constant_arithmetic() -> None:
    func = _function(
        """
        def check(index, number, offset, small):
            if index > sys.maxsize:
                return 1
            if number.bit_length() > 64:
                return 2
            if offset >= 2 ** 31 - 1:
                return 3
            if small > -1:
                return 4
        """
    )
    pools, _ = mine(func, function_params(func, skip_first=False))
    assert pools["index"].items == ["sys.maxsize", "sys.maxsize + 1"]
    assert pools["number"].items == ["2 ** 64 - 1", "2 ** 64"]
    assert eval(pools["number"].items[1]).bit_length() == 65
    assert pools["offset"].items[:3] == [str(2**31 - 1), str(2**31), str(2**31 - 2)]
    assert pools["small"].items == ["-1", "0", "-2"]


def test_an_exact_type_check_gives_values_of_that_type() -> None:
    func = _function(
        """
        def load(val):
            if type(val) is bytes:
                val = val.decode("ascii")
            return val
        """
    )
    pools, _ = mine(func, function_params(func, skip_first=False))
    assert pools["val"].items == ['b""', 'b"abc"', "b'\\xff'"]


# Assertions on NaN, infinite and function results ---------------------------------------


def _ctx() -> ImportContext:
    return ImportContext("calc", {"ratio", "identity"}, {}, {})


def _outcome(value: Any, **extra: Any) -> dict[str, Any]:
    info = {
        "kind": "return",
        "type": "float",
        "type_module": "builtins",
        "is_float": True,
        "enum": None,
        "attrs": {},
        "imports": [],
    }
    info.update(value=value, **extra)
    return info


def test_nan_results_are_asserted_with_isnan_and_import_math() -> None:
    outcome = _outcome(None, repr="nan", faithful=False, finite=False, nan=True)
    outcome["imports"] = ["import math"]
    candidate = Candidate("ratio", (), 'ratio(float("nan"))', None, (("x", 'float("nan")'),))
    code = render_test(Observation(candidate, outcome=outcome), "test_ratio_nan", _ctx())
    assert 'assert math.isnan(ratio(float("nan")))' in code
    assert code.startswith("import math\nfrom calc import ratio\n")
    ast.parse(code)


def test_infinite_results_are_compared_exactly_not_approximately() -> None:
    outcome = _outcome(None, repr='float("-inf")', faithful=True, finite=False, nan=False)
    candidate = Candidate("ratio", (), "ratio(0)", None, (("x", "0"),))
    code = render_test(Observation(candidate, outcome=outcome), "test_ratio_zero", _ctx())
    assert 'assert ratio(0) == float("-inf")' in code
    assert "approx" not in code


def test_a_local_function_is_defined_in_the_test_not_imported() -> None:
    candidate = Candidate("ratio", (IDENTITY,), "ratio(identity)", None, (("f", "identity"),))
    outcome = _outcome(None, repr="1.0", faithful=True, finite=True, nan=False)
    code = render_test(Observation(candidate, outcome=outcome), "test_ratio_identity", _ctx())
    assert "from calc import ratio\n" in code and "identity" not in code.split("\n\n\n")[0]
    assert "    def identity(value):\n        return value\n\n    assert ratio(identity)" in code
    ast.parse(code)


def test_the_worker_describes_nan_and_infinite_results_so_they_can_be_asserted(
    tmp_path: Path,
) -> None:
    (tmp_path / "calc.py").write_text("def ratio(a, b):\n    return a / b\n")
    calls = ['ratio(float("nan"), 1)', 'ratio(float("-inf"), 2)', 'ratio(1.0, float("inf"))']
    candidates = [Candidate("ratio", (), call, None, ()) for call in calls]
    batch = run_in_worker(tmp_path, "calc", candidates, repeat=True)
    nan, minus_inf, zero = (o.outcome or {} for o in batch.observations)
    assert nan["nan"] and nan["imports"] == ["import math"] and not nan["faithful"]
    assert minus_inf["repr"] == 'float("-inf")' and minus_inf["faithful"]
    assert not minus_inf["finite"] and not minus_inf["nan"]
    assert zero["repr"] == "0.0" and zero["finite"]
    assert all(o.stable for o in batch.observations)


def test_a_function_handed_back_is_asserted_to_be_the_one_the_test_names(tmp_path: Path) -> None:
    (tmp_path / "calc.py").write_text(
        "def register(func):\n    return func\n\n\n"
        "def pick(name):\n    return len if name else pick\n"
    )
    candidates = [
        Candidate("register", (IDENTITY,), "register(identity)", None, ()),
        Candidate("pick", (), "pick('a')", None, ()),
        Candidate("pick", (), "pick('')", None, ()),
        Candidate("register", (), "register(lambda x: x)", None, ()),
    ]
    batch = run_in_worker(tmp_path, "calc", candidates, repeat=True)
    local, builtin, own, anonymous = batch.observations
    assert [o.outcome and o.outcome["repr"] for o in (local, builtin, own)] == [
        "identity",
        "len",
        "pick",
    ]
    assert all(o.stable and o.outcome and o.outcome["faithful"] for o in (local, builtin, own))
    assert anonymous.outcome is not None and not anonymous.outcome["faithful"]
    code = render_test(local, "test_register_identity", _ctx())
    assert "    assert register(identity) is identity\n" in code
    ast.parse(code)


# The real engine on a generated project -------------------------------------------------

SOURCE = textwrap.dedent(
    """\
    import inspect
    import math


    def describe(func):
        name = func.__name__
        if name == "<lambda>":
            return "anonymous function"
        params = inspect.signature(func).parameters
        return f"{name} takes {len(params)}"


    def source_length(func):
        try:
            lines = inspect.getsource(func).splitlines()
        except (OSError, TypeError):
            return 0
        return len(lines)


    def emit(key, value, preprocessor=None):
        if preprocessor is not None:
            result = preprocessor(key, value)
            if result is None:
                return None
            key, value = result
        return f"{key}={value}"


    def clamp_ratio(value):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return 1.0 if value > 0 else 0.0
        return min(max(value, 0.0), 1.0)


    def half(value):
        if value != value:
            return value
        return value / 2


    def strict_text(data):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None


    class Collector:
        def __init__(self, accept=None):
            self.accept = accept
            self.items = []

        def push(self, item):
            if self.accept is not None and not self.accept(item):
                return False
            self.items.append(item)
            return True
    """
)
TESTS = textwrap.dedent(
    """\
    from funcs import Collector, clamp_ratio, emit, half, strict_text


    def test_emit():
        assert emit("a", 1) == "a=1"


    def test_clamp():
        assert clamp_ratio(0.5) == 0.5


    def test_half():
        assert half(3.0) == 1.5


    def test_strict():
        assert strict_text(b"a") == "a"


    def test_push():
        assert Collector().push(1) is True
    """
)


@pytest.fixture(scope="module")
def every(tmp_path_factory: pytest.TempPathFactory) -> list[RecommendedTest]:
    """The tests offered for the project, as the verifier judged them."""
    request = measured_request(tmp_path_factory.mktemp("values"), "funcs", SOURCE, TESTS)
    return offered_and_verified(request, budget_seconds=6.0)[1]


@pytest.fixture(scope="module")
def verified(every: list[RecommendedTest]) -> list[RecommendedTest]:
    return [t for t in every if t.verified]


def _covering(tests: list[RecommendedTest], line: int) -> list[RecommendedTest]:
    return [t for t in tests if line in t.covered_lines]


def _line(text: str, after: str = "") -> int:
    """The number of the first line reading `text` after the line starting with `after`."""
    rows = SOURCE.splitlines()
    start = next(n for n, row in enumerate(rows) if row.startswith(after))
    return next(n for n, row in enumerate(rows[start:], start + 1) if row.strip() == text)


def test_a_function_that_reads_names_and_signatures_gets_a_local_function(
    verified: list[RecommendedTest],
) -> None:
    (test, *_) = _covering(verified, _line('return f"{name} takes {len(params)}"'))
    assert "def identity(value):" in test.test_code
    assert 'describe(identity) == "identity takes 1"' in test.test_code
    assert _covering(verified, _line('return "anonymous function"'))
    # The scenario reads the local function as one line of a sentence.
    assert "\n" not in test.scenario_description
    assert "def identity(value): return value" in test.scenario_description


def test_code_reading_a_functions_source_gets_one_of_the_modules_own_functions(
    verified: list[RecommendedTest], every: list[RecommendedTest]
) -> None:
    (test, *_) = _covering(verified, _line("return len(lines)"))
    assert "from funcs import" in test.test_code and "source_length(" in test.test_code
    assert "def " not in test.test_code.split("():", 1)[1]
    # A function the test defines has a source in the test file but none where candidates
    # run: none is tried, so no offered test fails for that difference.
    assert not any("source_length(" in t.test_code and not t.passed for t in every)


def test_a_callback_called_with_two_arguments_gets_callables_that_take_two(
    verified: list[RecommendedTest],
) -> None:
    assert _covering(verified, _line("return None"))
    (test, *_) = _covering(verified, _line("key, value = result"))
    assert "lambda *args: args" in test.test_code


def test_nan_and_infinities_reach_the_branches_that_check_for_them(
    verified: list[RecommendedTest],
) -> None:
    (nan, *_) = _covering(verified, _line("return value"))
    assert 'half(float("nan"))' in nan.test_code and "math.isnan(" in nan.test_code
    assert "import math" in nan.test_code
    infinite = _covering(verified, _line("return 1.0 if value > 0 else 0.0"))
    assert infinite and 'float("' in infinite[0].test_code


def test_invalid_utf8_reaches_the_decode_error_handler(verified: list[RecommendedTest]) -> None:
    (test, *_) = _covering(verified, _line("return None", after="def strict_text"))
    assert "b'\\xff'" in test.test_code


def test_a_callback_stored_by_the_constructor_gets_a_callable(
    verified: list[RecommendedTest],
) -> None:
    (test, *_) = _covering(verified, _line("return False"))
    assert "Collector(accept=lambda" in test.test_code


def test_an_introspected_parameter_also_gets_the_modules_own_functions_that_fit() -> None:
    source = """
        def _private(x):
            return x


        def pair(a, b):
            return a, b


        def double(x):
            return 2 * x


        def scale(x, factor=2):
            return x * factor


        def source_of(func):
            return inspect.getsource(func)
        """
    pools = _pools(source, with_functions=True)
    assert pools["func"][-2:] == ["double", "scale"]
    assert not {"pair", "_private", "source_of"} & set(pools["func"])


def test_a_parameter_annotated_with_an_exception_class_gets_one_built() -> None:
    def built(annotation: str) -> list[object]:
        sources = annotation_values(ast.parse(annotation, mode="eval").body, {})
        return [eval(source) for source in sources]

    handled = built("UnicodeError")
    assert handled and all(isinstance(e, UnicodeDecodeError) for e in handled)
    # The byte at the error's start differs between them: a handler tests it.
    assert len({e.object[e.start] for e in handled if isinstance(e, UnicodeDecodeError)}) == 2
    (value_error,) = built("ValueError")
    assert isinstance(value_error, ValueError)
    assert all(isinstance(e, Exception) for e in built("Exception"))
    assert built("Widget") == []
