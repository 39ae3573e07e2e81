"""The HTTP bodies, as pydantic models: the reference backend's shapes plus our additions.

Requests are validated with these models; responses are built by the domain's own `to_json`
(cheaper on the polling path) and documented by these models in /openapi.json, and a test
checks that both agree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.generation import GenerationRequest

TaskStatusName = Literal["pending", "processing", "completed", "failed", "cancelled"]


class CoverageUncoveredRange(BaseModel):
    start_line: int = Field(ge=1, description="1-based, as coverage tools number lines")
    end_line: int = Field(ge=1, description="inclusive")
    type: Literal["line", "branch"]
    missing_arcs: list[tuple[int, int]] = Field(
        default_factory=list,
        description="branch arcs never taken, (from, to); a negative `to` exits the function",
    )

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end_line < self.start_line:
            raise ValueError("end_line must not be before start_line")
        return self


class CoverageOptimizationRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    source_code: str
    existing_test_code: str | None = None
    uncovered_ranges: list[CoverageUncoveredRange]
    framework: Literal["pytest", "unittest"] = "pytest"
    module_path: str | None = Field(
        default=None,
        description="the source's import path (app.utils) or relative file path (app/utils.py), "
        "so tests can import it; without it, tests use the source's names directly",
    )
    engine: Literal["builtin", "llm", "auto"] | None = Field(
        default=None, description="overrides the server's `engine` setting"
    )

    @field_validator("module_path")
    @classmethod
    def _relative_module(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = value.strip().removesuffix(".py").replace("\\", "/").replace("/", ".").split(".")
        if not value.strip() or not all(part.isidentifier() for part in parts):
            raise ValueError(
                "module_path must be an import path (app.utils) or a relative file path "
                "(app/utils.py)"
            )
        return value.strip()

    def to_generation_request(self, project_root: Path | None = None) -> GenerationRequest:
        """`project_root`: the project the server was started for (`covopt serve --project`),
        whose interpreter and import paths the tests then run with."""
        return GenerationRequest(
            source_code=self.source_code,
            existing_test_code=self.existing_test_code or "",
            uncovered_ranges=tuple(
                UncoveredRange(r.start_line, r.end_line, r.type, tuple(r.missing_arcs))
                for r in self.uncovered_ranges
            ),
            framework=self.framework,
            module_path=self.module_path,
            engine=self.engine or "auto",
            project_root=project_root,
        )


class AsyncJobResponse(BaseModel):
    task_id: str
    status: TaskStatusName = Field(
        description="`pending`, or `completed` at once when an identical request was answered "
        "before (the result is cached)"
    )
    estimated_time_seconds: int


class RecommendedTestOut(BaseModel):
    test_code: str = Field(description="self-contained: it carries its own imports")
    target_line: int = Field(description="suggested line of the test file to insert it at")
    scenario_description: str
    expected_coverage_impact: str
    test_name: str | None = None
    covered_lines: list[int] = Field(description="target lines the test was measured to execute")
    covered_arcs: list[tuple[int, int]]
    passed: bool | None
    verified: bool = Field(description="passed every run and executed a target line")
    possible_bug: bool = Field(
        description="its assertion failed on every run after executing target lines: "
        "the code may be wrong"
    )
    failure: str | None


class CoverageOptimizationResult(BaseModel):
    recommended_tests: list[RecommendedTestOut]
    unreachable: list[str] = Field(
        default_factory=list, description="why each range still uncovered could not be covered"
    )


class TaskError(BaseModel):
    message: str


class TaskProgress(BaseModel):
    stage: str
    message: str
    done: int | None
    total: int | None


class TaskResponse(BaseModel):
    task_id: str
    status: TaskStatusName
    created_at: str = Field(description="ISO 8601, UTC")
    updated_at: str = Field(description="ISO 8601, UTC")
    result: CoverageOptimizationResult | None
    error: TaskError | None
    progress: TaskProgress | None = None


class ErrorResponse(BaseModel):
    detail: str


class ValidationErrorItem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorResponse(BaseModel):
    detail: list[ValidationErrorItem]


class HealthResponse(BaseModel):
    status: Literal["ok"]
    version: str
    engine: Literal["builtin", "llm"]
    tasks: int
