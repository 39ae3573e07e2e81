"""Standard-library objects for parameters the body duck-types (stdlib_objects.py)."""

from __future__ import annotations

import ast

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.stdlib_objects import (
    duck_values,
    fitting_types,
    spellings,
    stdlib_imports,
)
from covopt_ls.engines.builtin.targets import collect_targets, module_classes
from covopt_ls.engines.builtin.usage import passed_on
from covopt_ls.generation import RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified

SOURCE = '''\
from datetime import timedelta


class Span:
    """Months and days, added to a date the way a calendar counts."""

    def __init__(self, months=0, days=0):
        self.months = months
        self.days = days

    def __add__(self, other):
        if isinstance(other, Span):
            return Span(self.months + other.months, self.days + other.days)
        if isinstance(other, timedelta):
            return Span(self.months, self.days + other.days)
        total = other.month - 1 + self.months
        year = other.year + total // 12
        moved = other.replace(year=year, month=total % 12 + 1)
        return moved + timedelta(days=self.days)

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return Span(-self.months, other.days - self.days)
        total = other.month - 1 - self.months
        moved = other.replace(year=other.year + total // 12, month=total % 12 + 1)
        if moved.day > 28:
            return "late"
        return moved - timedelta(days=self.days)


def rewind(stream, size):
    """The last `size` characters of a stream, leaving it where it was."""
    where = stream.tell()
    stream.seek(0)
    text = stream.read()
    stream.seek(where)
    return text[-size:]
'''

TESTS = """\
from spans import Span


def test_spans_add():
    assert (Span(1, 2) + Span(3, 4)).months == 4
"""


def test_a_date_has_what_a_body_reads_on_a_calendar_value() -> None:
    assert fitting_types({"year", "month", "replace"})[:2] == ["date", "datetime"]
    # The attributes of another branch (`other.months` on its own class) do not hide it.
    assert "date" in fitting_types({"year", "month", "months", "replace"})
    assert fitting_types({"seek", "read", "tell"})[:2] == ["StringIO", "BytesIO"]


def test_only_members_builtin_values_lack_call_for_a_standard_type() -> None:
    assert fitting_types({"replace"}) == []
    assert fitting_types({"split", "strip"}) == []
    assert fitting_types({"months"}) == []
    assert fitting_types({"name"}) == []  # a field of many objects, a path's too
    assert fitting_types({"isoformat"})[:1] == ["date"]


def test_a_type_is_spelled_as_the_module_names_it() -> None:
    names = spellings({"datetime": "import datetime"}, set(), {}, star=False)
    assert names["date"] == "datetime.date"
    assert names["Decimal"] == "Decimal"
    mine = spellings({"date": "from .calendar import date"}, {"Path"}, {}, star=False)
    assert "date" not in mine
    assert "Path" not in mine
    assert "date" not in spellings({}, set(), {}, star=True)
    assert duck_values({"seek", "read"}, {"StringIO": "io.StringIO"})[0].startswith("io.StringIO(")


def test_only_types_no_name_binds_get_an_import() -> None:
    imports = stdlib_imports({"timedelta": "from datetime import timedelta"}, set(), {}, False)
    assert imports["date"] == "from datetime import date"
    assert imports["StringIO"] == "from io import StringIO"
    assert "timedelta" not in imports
    assert stdlib_imports({}, set(), {}, star=True) == {}


def _pools(name: str, stdlib: dict[str, str]) -> dict[str, list[str]]:
    tree = ast.parse(SOURCE)
    classes = module_classes(tree)
    line = next(i for i, text in enumerate(SOURCE.splitlines(), 1) if "moved.day > 28" in text)
    (target,), _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    assert target.name == name
    return Planner(target, classes, read_tests(TESTS, set(classes)), [], stdlib=stdlib).pools


def test_the_planner_offers_dates_to_a_duck_typed_operand() -> None:
    names = spellings({"timedelta": "from datetime import timedelta"}, set(), {}, star=False)
    assert any(v.startswith("date(") for v in _pools("__rsub__", names)["other"])
    assert not any(v.startswith("date(") for v in _pools("__rsub__", {})["other"])


@pytest.fixture(scope="module")
def offered(tmp_path_factory: pytest.TempPathFactory) -> list[RecommendedTest]:
    request = measured_request(tmp_path_factory.mktemp("spans"), "spans", SOURCE, TESTS)
    return offered_and_verified(request, budget_seconds=4.0)[1]


def _lines(tests: list[RecommendedTest]) -> set[int]:
    return {n for t in tests for n in t.covered_lines}


def test_dates_reach_the_calendar_arithmetic(offered: list[RecommendedTest]) -> None:
    codes = "\n".join(t.test_code for t in offered)
    assert "from datetime import date" in codes
    assert "date(2024" in codes
    late = next(i for i, text in enumerate(SOURCE.splitlines(), 1) if '"late"' in text)
    assert late in _lines(offered), codes  # a date late in its month


def test_a_stream_reaches_the_seeking_helper(offered: list[RecommendedTest]) -> None:
    codes = "\n".join(t.test_code for t in offered)
    assert "rewind(StringIO(" in codes
    assert "from io import StringIO" in codes


def test_an_operand_of_self_is_used_as_the_operator_method_uses_it() -> None:
    shift = "    def shift(self, start, end):\n        return (start + self, end - self)\n"
    source = SOURCE.replace("\n\ndef rewind", f"\n{shift}\n\ndef rewind")
    tree = ast.parse(source)
    (cls,) = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    methods = {m.name: m for m in cls.body if isinstance(m, ast.FunctionDef)}
    for param, method in (("start", "__add__"), ("end", "__rsub__")):
        usage = passed_on(methods["shift"], param, {}, methods)
        assert usage is not None
        assert {"year", "month", "replace"} <= usage.attrs, method


def test_a_checked_standard_type_gets_values_spelled_as_the_check_spells_it() -> None:
    import collections
    import io
    import re
    import time

    from covopt_ls.engines.builtin.stdlib_objects import checked_values
    from covopt_ls.engines.builtin.syntax_trees import checked_types

    function = ast.parse(
        "def f(obj, other):\n"
        "    if type(obj) is time.struct_time:\n        return 1\n"
        "    if isinstance(obj, (collections.deque, io.IOBase)):\n        return 2\n"
        "    if type(other) in (re.Pattern, Counter):\n        return 3\n"
    ).body[0]
    assert isinstance(function, ast.FunctionDef)
    namespace = {"time": time, "collections": collections, "io": io, "re": re}
    values = checked_values(checked_types(function, "obj"), set())
    built = [eval(v, namespace) for v in values]
    assert isinstance(built[0], time.struct_time)
    assert any(isinstance(b, collections.deque) for b in built)
    assert any(isinstance(b, io.IOBase) for b in built)
    # `Counter` is the module's own class here: not the standard one.
    other = checked_values(checked_types(function, "other"), {"Counter"})
    assert [type(eval(v, namespace)) for v in other] == [re.Pattern]
