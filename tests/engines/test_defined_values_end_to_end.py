"""A gap only the test file's own sample classes close, closed by a test that carries them
(defined_values.py), run for real: coverage.py, the engine, the verifier, and pytest on the
offered test pasted alone into an empty file."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from covopt_ls.generation import RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified, unreached

PLUGINS = '''\
import inspect


def plugin_name(plugin):
    """The name a plugin registers under: its label, else its class's name."""
    if not hasattr(plugin, "activate"):
        raise TypeError("not a plugin")
    if not callable(plugin.activate):
        raise TypeError("its activate is no method")
    label = getattr(plugin, "label", None)
    if label:
        return label
    return type(plugin).__name__.lower()


def origin(plugin):
    """Where a plugin's class is defined."""
    if not hasattr(plugin, "activate"):
        return None
    return f"{type(plugin).__module__}.{type(plugin).__qualname__}"


def activate_all(plugins):
    return [plugin.activate() for plugin in plugins]


def added_parameters(base: inspect.Signature, override: inspect.Signature) -> list[str]:
    """The parameters an override takes that its base does not."""
    extra = [name for name in override.parameters if name not in base.parameters]
    if not extra:
        return []
    return sorted(extra)
'''

TESTS = """\
import pytest

from plugins import activate_all, plugin_name


class Echo:
    label = "echo"

    def activate(self):
        return "echo on"


class Quiet(Echo):
    # No label: named after its class.
    label = ""


class Loud(Echo):
    def activate(self, volume=11):
        return "echo on" * volume


def test_activate_all():
    assert activate_all([Echo(), Quiet()]) == ["echo on", "echo on"]


def test_plugin_name_rejects_other_objects():
    with pytest.raises(TypeError):
        plugin_name(object())
"""


@pytest.fixture(scope="module")
def offered_and_passing(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, list[RecommendedTest], list[RecommendedTest]]:
    root = tmp_path_factory.mktemp("plugins")
    request = measured_request(root, "plugins", PLUGINS, TESTS)
    return root, *offered_and_verified(request, budget_seconds=4.0)


@pytest.fixture(scope="module")
def project(
    offered_and_passing: tuple[Path, list[RecommendedTest], list[RecommendedTest]],
) -> tuple[Path, list[RecommendedTest]]:
    root, _, verified = offered_and_passing
    return root, [t for t in verified if t.passed]


def test_every_offered_test_passes_and_none_names_the_workers_module(
    offered_and_passing: tuple[Path, list[RecommendedTest], list[RecommendedTest]],
) -> None:
    # `origin(Echo())` is "__covopt_candidate__.Echo" where candidates run, "test_x.Echo" in
    # a test: a test asserting the first would fail, so none is offered.
    _, offered, verified = offered_and_passing
    assert verified and all(t.passed for t in verified)
    assert len(verified) == len(offered)
    assert not any("__covopt_candidate__" in t.test_code for t in offered)


def test_the_sample_classes_close_the_plugin_gaps(
    project: tuple[Path, list[RecommendedTest]],
) -> None:
    _, verified = project
    codes = "\n".join(t.test_code for t in verified)
    assert not unreached(verified, PLUGINS, ("return label", "__name__.lower()")), codes
    assert "class Echo:" in codes


def test_the_sample_methods_signatures_close_the_override_gap(
    project: tuple[Path, list[RecommendedTest]],
) -> None:
    _, verified = project
    codes = "\n".join(t.test_code for t in verified)
    assert not unreached(verified, PLUGINS, ("return sorted(extra)",)), codes
    assert "inspect.signature(Loud.activate)" in codes


def test_a_test_carrying_a_sample_class_passes_pasted_alone(
    project: tuple[Path, list[RecommendedTest]], tmp_path: Path
) -> None:
    root, verified = project
    carrying = [t for t in verified if "class Echo:" in t.test_code]
    assert carrying
    for index, test in enumerate(carrying):
        # Module-level, as in the test file: the class is no local of the test function.
        tree = ast.parse(test.test_code)
        assert any(isinstance(n, ast.ClassDef) and n.name == "Echo" for n in tree.body)
        path = tmp_path / f"test_pasted_{index}.py"
        path.write_text(test.test_code)
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(path)],
            cwd=tmp_path,
            env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, test.test_code + result.stdout + result.stderr
