"""Objects the tests' fixtures build, for parameters named after them (fixture_values.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from covopt_ls.engines.builtin.fixture_values import (
    fixture_values,
    fixtures_in,
    usable_fixtures,
)
from covopt_ls.generation import RecommendedTest
from tests.engines.projects import measured_package_request, offered_and_verified, unreached

TIMING = """\
class Clock:
    def __init__(self, now):
        self.now = now
"""

PLAN = """\
class Plan:
    def __init__(self, clock):
        self.clock = clock
        self.steps = []

    def add(self, delay):
        if delay < 0:
            raise ValueError(delay)
        self.steps.append(self.clock.now + delay)
        return self.steps[-1]
"""

CONFTEST = '''\
import pytest

from timing import Clock


@pytest.fixture
def clock():
    """A clock five ticks in."""
    return Clock(5)


@pytest.fixture
def log():
    return []
'''

TESTS = """\
import pytest

from plan import Plan


def test_a_plan_needs_a_clock():
    with pytest.raises(AttributeError):
        Plan(None).add(1)
"""

FIXTURES = """\
import pytest
import simpy
from .helpers import make

@pytest.fixture
def env():
    return simpy.Environment()

@pytest.fixture(name="queue")
def queue_fixture():
    yield simpy.Store(simpy.Environment())

@pytest.fixture
def made():
    return make()

@pytest.fixture
def needs(env):
    return simpy.Resource(env)

@pytest.fixture(params=[1, 2])
def size(request):
    return request.param

@pytest.fixture
def busy():
    environment = simpy.Environment()
    return environment

def helper():
    return simpy.Environment()
"""


def test_a_fixture_returning_a_call_of_imported_names_is_a_value() -> None:
    found = fixtures_in(FIXTURES)
    assert set(found) == {"env", "queue", "needs"}
    assert found["env"].value == "simpy.Environment()"
    assert found["env"].imports == {"simpy": "import simpy"}
    assert found["queue"].value == "simpy.Store(simpy.Environment())"
    # A fixture asking for another: that one's value inlined.
    assert found["needs"].value == "simpy.Resource(simpy.Environment())"
    assert found["needs"].imports == {"simpy": "import simpy"}


def test_a_fixture_reading_a_name_bound_otherwise_is_left_out() -> None:
    found = fixtures_in(FIXTURES)
    assert set(usable_fixtures(found, {}, set())) == {"env", "queue", "needs"}
    assert usable_fixtures(found, {"simpy": "from . import simpy"}, set()) == {}
    assert usable_fixtures(found, {}, {"simpy"}) == {}
    usable = usable_fixtures(found, {"simpy": "import simpy"}, set())
    assert set(usable) == {"env", "queue", "needs"}


def test_the_test_file_and_the_nearest_conftest_win(tmp_path: Path) -> None:
    (tmp_path / "tests" / "unit").mkdir(parents=True)
    (tmp_path / "conftest.py").write_text(CONFTEST.replace("Clock(5)", "Clock(1)"))
    (tmp_path / "tests" / "conftest.py").write_text(CONFTEST)
    test_path = tmp_path / "tests" / "unit" / "test_plan.py"
    found = fixture_values(TESTS, test_path, tmp_path)
    assert found["clock"].value == "Clock(5)"
    assert "log" not in found  # a literal: the pools have it anyway
    own = "import pytest\nfrom timing import Clock\n\n@pytest.fixture\ndef clock():\n"
    found = fixture_values(own + "    return Clock(9)\n", test_path, tmp_path)
    assert found["clock"].value == "Clock(9)"
    assert fixture_values(TESTS, None, None) == {}
    # A test file's fixture asking for a conftest's: resolved across the files.
    asks = "import pytest\nfrom plan import Plan\n\n@pytest.fixture\ndef plan(clock):\n"
    found = fixture_values(asks + "    return Plan(clock)\n", test_path, tmp_path)
    assert found["plan"].value == "Plan(Clock(5))"
    assert set(found["plan"].imports) == {"Plan", "Clock"}


@pytest.fixture(scope="module")
def offered(tmp_path_factory: pytest.TempPathFactory) -> list[RecommendedTest]:
    root = tmp_path_factory.mktemp("plan")
    files = {"timing.py": TIMING, "plan.py": PLAN, "tests/conftest.py": CONFTEST}
    request = measured_package_request(root, files, "plan.py", TESTS)
    return offered_and_verified(request, budget_seconds=4.0)[1]


def test_the_fixture_clock_builds_the_plan(offered: list[RecommendedTest]) -> None:
    codes = "\n".join(t.test_code for t in offered)
    assert not unreached(offered, PLAN, ("return self.steps[-1]",)), codes
    assert "Plan(Clock(5))" in codes
    assert "from timing import Clock" in codes
