"""Objects with just the attributes a duck-typed parameter is read for (bags.py)."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from covopt_ls.engines.builtin.bags import ANYTHING, attribute_roles, bag_values
from tests.engines.projects import measured_request, offered_and_verified

PEOPLE = textwrap.dedent(
    """\
    def greeting(user):
        if user.age >= 18:
            return f"Dear {user.name}"
        return f"Hi {user.name}"


    def archive(record):
        record.save()
        return record.title.upper()


    def shout(text):
        return text.upper()
    """
)
PEOPLE_TESTS = textwrap.dedent(
    """\
    from people import shout

    def test_shout():
        assert shout("a") == "A"
    """
)


def _function(name: str) -> ast.FunctionDef:
    tree = ast.parse(PEOPLE)
    return next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)


def test_each_attribute_read_gets_a_value_that_fits_its_use() -> None:
    assert attribute_roles(_function("greeting"), "user") == {"age": "None", "name": "None"}
    assert attribute_roles(_function("archive"), "record") == {"save": ANYTHING, "title": '"text"'}
    setter = ast.parse("def f(obj):\n    obj.count = 1\n    return obj.count\n").body[0]
    assert isinstance(setter, ast.FunctionDef)
    assert attribute_roles(setter, "obj") == {}


def test_compared_values_vary_one_attribute_at_a_time() -> None:
    hints = {"age": ["18", "17"]}
    bags = bag_values({"age": "None", "name": "None"}, lambda a: hints.get(a, []), "NS")
    assert bags == ["NS(age=18, name=None)", "NS(age=17, name=None)"]
    assert bag_values({}, lambda a: [], "NS") == []


def test_a_duck_typed_parameter_gets_an_object_with_what_the_body_reads(tmp_path: Path) -> None:
    request = measured_request(tmp_path, "people", PEOPLE, PEOPLE_TESTS)
    _, verified = offered_and_verified(request, budget_seconds=5.0)
    codes = [t.test_code for t in verified if t.verified]
    assert any('"Dear' in c for c in codes) and any('"Hi ' in c for c in codes), codes
    archived = [c for c in codes if "archive(" in c]
    assert archived and "SimpleNamespace(" in archived[0], codes
    assert all("from types import SimpleNamespace" in c for c in codes if "SimpleNamespace" in c)
