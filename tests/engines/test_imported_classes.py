"""Instances of the project's other classes for parameters annotated with them, and
generators for parameters that must be one (imported_classes.py, candidates.py)."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin.existing import read_tests
from covopt_ls.engines.builtin.imported_classes import (
    annotation_names,
    imported_classes,
)
from covopt_ls.engines.builtin.modpath import Definitions
from covopt_ls.engines.builtin.planner import Planner
from covopt_ls.engines.builtin.targets import collect_targets, module_classes
from covopt_ls.generation import RecommendedTest
from tests.engines.projects import measured_package_request, offered_and_verified, unreached

CLOCK = """\
class Clock:
    def __init__(self, start=0):
        self.now = start
        self.queue = []

    def schedule(self, item):
        self.queue.append(item)


class Alarm:
    def __init__(self, clock, at):
        self.clock = clock
        self.at = at
"""

TASKS = '''\
from __future__ import annotations

from typing import TYPE_CHECKING, Generator

if TYPE_CHECKING:
    from .clock import Alarm, Clock


class Task:
    """Steps through a generator of delays on a clock."""

    def __init__(self, clock: Clock, steps: Generator[int, None, None]):
        if not hasattr(steps, "throw"):
            raise ValueError("steps must be a generator")
        self.clock = clock
        self.steps = steps
        clock.schedule(self)

    def advance(self):
        try:
            delay = next(self.steps)
        except StopIteration:
            return "done"
        self.clock.now += delay
        return self.clock.now


def ring(alarm: Alarm) -> bool:
    return alarm.clock.now >= alarm.at


def latest(tasks: "list[Task]"):
    if not tasks:
        return None
    return max(task.advance() for task in tasks)
'''

TESTS = """\
import pytest

from sim.tasks import Task


def test_steps_must_be_a_generator():
    with pytest.raises(ValueError):
        Task(None, [1, 2])
"""


def _project(root: Path) -> Definitions:
    (root / "sim").mkdir()
    (root / "sim" / "__init__.py").write_text("")
    (root / "sim" / "clock.py").write_text(CLOCK)
    (root / "sim" / "tasks.py").write_text(TASKS)
    return Definitions([root])


def test_a_class_imported_for_type_checking_is_built_without_arguments(tmp_path: Path) -> None:
    found = imported_classes(ast.parse(TASKS), "sim.tasks", _project(tmp_path), set())
    assert set(found) == {"Clock"}  # `Alarm` requires arguments; `Generator` is not the project's
    assert found["Clock"].value == "Clock()"
    assert found["Clock"].statement == "from sim.clock import Clock"


def test_a_class_the_module_defines_itself_is_left_to_the_module(tmp_path: Path) -> None:
    found = imported_classes(ast.parse(TASKS), "sim.tasks", _project(tmp_path), {"Clock"})
    assert found == {}


@pytest.mark.parametrize(
    ("body", "buildable"),
    [
        ("def __init__(self, a=1, *, b=2):\n    pass", True),
        ("def __init__(self, a, b=2):\n    pass", False),
        ("def __init__(self, *, key):\n    pass", False),
        ("x: int = 0\ny: ClassVar[int]", True),
        ("x: int", False),
    ],
)
def test_only_classes_built_without_arguments_are_offered(
    tmp_path: Path, body: str, buildable: bool
) -> None:
    decorator = "@dataclass\n" if "def " not in body else ""
    source = f"{decorator}class Thing:\n{textwrap.indent(body, '    ')}\n"
    (tmp_path / "things.py").write_text(source)
    user = "from things import Thing\n\ndef use(thing: 'Thing'):\n    return thing\n"
    found = imported_classes(ast.parse(user), "user", Definitions([tmp_path]), set())
    assert ("Thing" in found) is buildable


def test_the_names_of_an_annotation_include_those_in_strings() -> None:
    annotation = ast.parse('Optional["Clock"] | None', mode="eval").body
    assert annotation_names(annotation) == ["Optional", "Clock"]
    assert annotation_names(None) == []


def test_a_list_of_the_module_objects_for_a_parameter_annotated_so() -> None:
    tree = ast.parse(TASKS)
    classes = module_classes(tree)
    line = next(i for i, t in enumerate(TASKS.splitlines(), 1) if "return max(" in t)
    (target,), _ = collect_targets(tree, (UncoveredRange(line, line, "line"),))
    knowledge = read_tests(TESTS, set(classes))
    pools = Planner(target, classes, knowledge, [], imported={"Clock": "Clock()"}).pools
    assert "[Task(Clock(), (n for n in [1, 2, 3]))]" in pools["tasks"]


@pytest.fixture(scope="module")
def offered(tmp_path_factory: pytest.TempPathFactory) -> list[RecommendedTest]:
    root = tmp_path_factory.mktemp("sim")
    files = {"sim/__init__.py": "", "sim/clock.py": CLOCK, "sim/tasks.py": TASKS}
    request = measured_package_request(root, files, "sim/tasks.py", TESTS)
    return offered_and_verified(request, budget_seconds=4.0)[1]


def test_a_clock_and_a_generator_build_the_task(offered: list[RecommendedTest]) -> None:
    codes = "\n".join(t.test_code for t in offered)
    texts = ('return "done"', "self.clock.now += delay", "clock.schedule(self)", "return max(")
    assert not unreached(offered, TASKS, texts), codes
    assert "from sim.clock import Clock" in codes
    assert "Clock()" in codes
    assert "(n for n in" in codes
