"""One settings model for every front door (language server, HTTP API, command line).

Layers, lowest precedence first: built-in defaults, `COVOPT_*` environment variables,
`[tool.covopt]` in the project's pyproject.toml, the client's initializationOptions, and the
client's `workspace/configuration` answer for section `covopt`. Keys are camelCase on the wire
(`llm.baseUrl`), snake_case in Python. A bad value is reported and ignored: the server never
refuses to start over a typo.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic.alias_generators import to_camel

DEFAULT_COVERAGE_GLOBS = ("**/.coverage", "**/coverage.xml", "**/coverage.json", "**/lcov.info")


class _Model(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="ignore")


class LlmSettings(_Model):
    base_url: str | None = None
    """An OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (Ollama)."""
    model: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    """The name of the environment variable that holds the API key (never the key itself)."""
    timeout_seconds: float = Field(default=120.0, gt=0)
    connect_timeout_seconds: float = Field(default=10.0, gt=0)
    max_retries: int = Field(default=3, ge=0, le=10)
    max_attempts: int = Field(default=3, ge=1, le=10)
    """Rounds of the repair loop: failures are sent back to the model this many times at most."""
    temperature: float = Field(default=0.2, ge=0, le=2)
    max_tokens: int = Field(default=3000, gt=0)

    @property
    def configured(self) -> bool:
        return bool(self.base_url and self.model)


class VerifySettings(_Model):
    python: str | None = None
    """The project's interpreter; by default the workspace's .venv, venv or $VIRTUAL_ENV."""
    timeout_seconds: float = Field(default=30.0, gt=0)
    repeat: int = Field(default=3, ge=1, le=20)
    allow_network: bool = False
    """Candidate tests may reach hosts beyond loopback (off: an LLM's test must not call out)."""
    together: bool = True
    """The verified tests also run together after the file's own tests; one that fails there
    (it depends on state another test changes) is not offered."""


class TaskSettings(_Model):
    max_concurrency: int = Field(default=4, ge=1, le=64)
    """Jobs running at once; more wait as pending."""
    ttl_seconds: float = Field(default=86400.0, gt=0)
    """How long a finished task (and a cached result) is kept."""
    max_unfinished: int = Field(default=10_000, ge=1)
    """Tasks waiting or running beyond this are refused (HTTP 503) instead of queued."""


class HttpSettings(_Model):
    max_body_bytes: int = Field(default=1024 * 1024, gt=0)
    """Larger request bodies get 413. The API token is read from COVOPT_API_TOKEN only."""


class DiagnosticsSettings(_Model):
    severity: Literal["error", "warning", "information", "hint"] = "information"
    show_branches: bool = True


class Settings(_Model):
    coverage_files: list[str] = Field(default_factory=lambda: list(DEFAULT_COVERAGE_GLOBS))
    path_mappings: dict[str, str] = Field(default_factory=dict)
    """Report path prefix → local path prefix; `${workspaceFolder}` is expanded."""
    engine: Literal["builtin", "llm", "auto"] = "auto"
    budget_seconds: float = Field(default=10.0, gt=0)
    """The builtin engine's search budget per range."""
    llm: LlmSettings = Field(default_factory=LlmSettings)
    verify: VerifySettings = Field(default_factory=VerifySettings)
    diagnostics: DiagnosticsSettings = Field(default_factory=DiagnosticsSettings)
    tasks: TaskSettings = Field(default_factory=TaskSettings)
    http: HttpSettings = Field(default_factory=HttpSettings)
    test_file: str = "tests/test_{module}.py"
    """Where a source file's tests live: `{module}` is the source file's stem."""

    def resolved_engine(self) -> Literal["builtin", "llm"]:
        if self.engine == "auto":
            return "llm" if self.llm.configured else "builtin"
        return self.engine


_ENV_KEYS: dict[str, tuple[str, ...]] = {
    "COVOPT_ENGINE": ("engine",),
    "COVOPT_LLM_BASE_URL": ("llm", "baseUrl"),
    "COVOPT_LLM_MODEL": ("llm", "model"),
    "COVOPT_LLM_API_KEY_ENV": ("llm", "apiKeyEnv"),
    "COVOPT_LLM_TIMEOUT_SECONDS": ("llm", "timeoutSeconds"),
    "COVOPT_LLM_MAX_RETRIES": ("llm", "maxRetries"),
    "COVOPT_LLM_MAX_ATTEMPTS": ("llm", "maxAttempts"),
    "COVOPT_VERIFY_PYTHON": ("verify", "python"),
    "COVOPT_VERIFY_TIMEOUT_SECONDS": ("verify", "timeoutSeconds"),
    "COVOPT_VERIFY_REPEAT": ("verify", "repeat"),
    "COVOPT_VERIFY_ALLOW_NETWORK": ("verify", "allowNetwork"),
    "COVOPT_BUDGET_SECONDS": ("budgetSeconds",),
    "COVOPT_TASKS_MAX_CONCURRENCY": ("tasks", "maxConcurrency"),
    "COVOPT_TASKS_TTL_SECONDS": ("tasks", "ttlSeconds"),
    "COVOPT_TASKS_MAX_UNFINISHED": ("tasks", "maxUnfinished"),
    "COVOPT_HTTP_MAX_BODY_BYTES": ("http", "maxBodyBytes"),
}


def layer_from_env(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    environ = os.environ if environ is None else environ
    layer: dict[str, Any] = {}
    for name, key_path in _ENV_KEYS.items():
        if name in environ:
            node = layer
            for key in key_path[:-1]:
                node = node.setdefault(key, {})
            node[key_path[-1]] = environ[name]
    return layer


def layer_from_pyproject(project_root: Path) -> dict[str, Any]:
    """`[tool.covopt]` of the project's pyproject.toml; an unreadable file is no layer."""
    try:
        with (project_root / "pyproject.toml").open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    section = data.get("tool", {}).get("covopt", {})
    return section if isinstance(section, dict) else {}


def _deep_merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


_FREE_FORM_KEYS = {"pathMappings"}
"""Settings whose keys are user data (paths), not setting names: never renamed."""


def _camel_keys(layer: Mapping[str, Any]) -> dict[str, Any]:
    """Accept snake_case too (pyproject users write either)."""
    renamed: dict[str, Any] = {}
    for key, value in layer.items():
        name = to_camel(key) if "_" in key else key
        if isinstance(value, Mapping) and name not in _FREE_FORM_KEYS:
            value = _camel_keys(value)
        renamed[name] = value
    return renamed


def build_settings(*layers: Mapping[str, Any] | None) -> tuple[Settings, list[str]]:
    """Merge layers (lowest precedence first) into Settings.

    Returns the settings and one message per invalid value; an invalid value falls back to its
    default instead of discarding the whole layer.
    """
    merged: dict[str, Any] = {}
    for layer in layers:
        if layer:
            merged = _deep_merge(merged, _camel_keys(layer))
    errors: list[str] = []
    for _ in range(20):
        try:
            return Settings.model_validate(merged), errors
        except ValidationError as exc:
            for error in exc.errors():
                location = ".".join(str(part) for part in error["loc"])
                errors.append(f"setting {location}: {error['msg']} (default used)")
                _drop_path(merged, error["loc"])
    return Settings(), errors


def _drop_path(data: dict[str, Any], location: tuple[int | str, ...]) -> None:
    node: Any = data
    for part in location[:-1]:
        if not isinstance(node, dict) or part not in node:
            return
        node = node[part]
    if isinstance(node, dict):
        node.pop(location[-1], None)
    elif isinstance(node, list) and isinstance(location[-1], int) and location[-1] < len(node):
        node.pop(location[-1])
