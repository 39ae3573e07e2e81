"""GET /openapi.json: the API description, generated from the pydantic models of schemas.py.

Generated, not written by hand, so the document cannot drift from what the server validates.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from covopt_ls import __version__
from covopt_ls.http.schemas import (
    AsyncJobResponse,
    CoverageOptimizationRequest,
    ErrorResponse,
    HealthResponse,
    TaskResponse,
    ValidationErrorResponse,
)

_REF = "#/components/schemas/{model}"


def _ref(model: type[BaseModel]) -> dict[str, Any]:
    return {"$ref": _REF.format(model=model.__name__)}


def _json(model: type[BaseModel], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ref(model)}}}


def build_openapi() -> dict[str, Any]:
    models: list[type[BaseModel]] = [
        CoverageOptimizationRequest,
        AsyncJobResponse,
        TaskResponse,
        ErrorResponse,
        ValidationErrorResponse,
        HealthResponse,
    ]
    _, definitions = models_json_schema(
        [(model, "validation") for model in models], ref_template=_REF
    )
    task_id = {"name": "task_id", "in": "path", "required": True, "schema": {"type": "string"}}
    wait = {
        "name": "wait",
        "in": "query",
        "required": False,
        "description": "long polling: answer when the task finishes or after this many seconds",
        "schema": {"type": "number", "minimum": 0, "maximum": 30},
    }
    unauthorized = _json(
        ErrorResponse, "Missing or wrong bearer token (when COVOPT_API_TOKEN is set)"
    )
    not_found = _json(ErrorResponse, "Unknown task (or purged after its TTL)")
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "covopt coverage optimization API",
            "version": __version__,
            "description": "Submit uncovered ranges of a Python source; poll for generated tests "
            "that were run with coverage and measured to cover them.",
        },
        "paths": {
            "/optimization/coverage": {
                "post": {
                    "summary": "Submit a coverage optimization request",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": _ref(CoverageOptimizationRequest)}
                        },
                    },
                    "responses": {
                        "202": _json(AsyncJobResponse, "Accepted: poll GET /tasks/{task_id}"),
                        "400": _json(
                            ErrorResponse,
                            "uncovered_ranges is empty, or the engine asked for is not configured",
                        ),
                        "401": unauthorized,
                        "413": _json(
                            ErrorResponse, "Body larger than the limit (1 MiB by default)"
                        ),
                        "422": _json(
                            ValidationErrorResponse, "Malformed body, with field-level details"
                        ),
                        "503": _json(ErrorResponse, "Too many unfinished tasks: retry later"),
                    },
                }
            },
            "/tasks/{task_id}": {
                "get": {
                    "summary": "A task's status and, once completed, its result",
                    "parameters": [task_id, wait],
                    "responses": {
                        "200": _json(TaskResponse, "The task"),
                        "401": unauthorized,
                        "404": not_found,
                    },
                },
                "delete": {
                    "summary": "Cancel a pending or running task (its LLM call and test runs stop)",
                    "parameters": [task_id],
                    "responses": {
                        "200": _json(TaskResponse, "The task, now cancelled"),
                        "401": unauthorized,
                        "404": not_found,
                        "409": _json(ErrorResponse, "The task had already finished"),
                    },
                },
            },
            "/health": {
                "get": {
                    "summary": "Liveness (never needs the token)",
                    "responses": {"200": _json(HealthResponse, "The server is up")},
                }
            },
            "/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {"200": {"description": "OpenAPI 3.1 document"}},
                }
            },
        },
        "components": {
            "schemas": definitions.get("$defs", {}),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"bearer": []}, {}],
    }
