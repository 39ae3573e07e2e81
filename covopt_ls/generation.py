"""The generation domain shared by the pipeline, the engines, the verifier and every front door.

A `GenerationRequest` is what the HTTP body, `covopt suggest` and the language server's code
action all become. Engines turn it into candidate `RecommendedTest`s; the verifier measures them.
Nothing here knows LSP or HTTP.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from covopt_ls.coverage.model import Arc, UncoveredRange

Framework = Literal["pytest", "unittest"]
EngineName = Literal["builtin", "llm", "auto"]


@dataclass(frozen=True, slots=True)
class GenerationRequest:
    """What to generate tests for.

    `source_path` and `project_root` are known when the request comes from a workspace (LSP,
    CLI); over HTTP only `source_code` may be there, and the verifier then measures against a
    copy of the source written to its scratch directory under `module_path` (or a default name).
    """

    source_code: str
    uncovered_ranges: tuple[UncoveredRange, ...]
    existing_test_code: str = ""
    framework: Framework = "pytest"
    module_path: str | None = None
    source_path: Path | None = None
    project_root: Path | None = None
    test_path: Path | None = None
    engine: EngineName = "auto"


@dataclass(slots=True)
class RecommendedTest:
    """The reference's four fields plus what the verifier measured."""

    test_code: str
    target_line: int
    scenario_description: str
    expected_coverage_impact: str
    test_name: str | None = None
    covered_lines: list[int] = field(default_factory=list)
    covered_arcs: list[Arc] = field(default_factory=list)
    passed: bool | None = None
    verified: bool = False
    possible_bug: bool = False
    failure: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "test_code": self.test_code,
            "target_line": self.target_line,
            "scenario_description": self.scenario_description,
            "expected_coverage_impact": self.expected_coverage_impact,
            "test_name": self.test_name,
            "covered_lines": list(self.covered_lines),
            "covered_arcs": [list(arc) for arc in self.covered_arcs],
            "passed": self.passed,
            "verified": self.verified,
            "possible_bug": self.possible_bug,
            "failure": self.failure,
        }


@dataclass(frozen=True, slots=True)
class RepairFeedback:
    """What the verifier found wrong with an engine's earlier answer, for the repair loop."""

    test_code: str
    problem: Literal["failed", "no_coverage", "not_collected"]
    detail: str
    still_missing_lines: tuple[int, ...] = ()
    still_missing_arcs: tuple[Arc, ...] = ()
    """Branches no kept test has taken yet (an exit from the function has no line to name)."""


class Engine(Protocol):
    """Where candidate tests come from (builtin search or an LLM)."""

    name: str

    async def generate(
        self, request: GenerationRequest, feedback: Sequence[RepairFeedback] = ()
    ) -> list[RecommendedTest]: ...

    async def aclose(self) -> None: ...


class Verifier(Protocol):
    """Runs candidates in a sandboxed subprocess and fills in what they were measured to do."""

    async def verify(
        self, request: GenerationRequest, tests: Sequence[RecommendedTest]
    ) -> list[RecommendedTest]: ...
