"""The pipeline with the builtin engine and the real verifier (no LLM)."""

from __future__ import annotations

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.builtin import BuiltinEngine
from covopt_ls.generation import GenerationRequest
from covopt_ls.jobs import GenerationService, request_key, run_generation, statement_lines
from covopt_ls.settings import VerifySettings, build_settings
from covopt_ls.tasks import Progress
from covopt_ls.verify.verifier import SubprocessVerifier

LOCKED = """\
import hashlib


def unlock(key):
    if hashlib.sha256(str(key).encode()).hexdigest() == "0" * 64:
        return "open"
    return "closed"
"""


async def test_an_engine_that_explains_a_gap_is_quoted() -> None:
    request = GenerationRequest(LOCKED, (UncoveredRange(6, 6, "line"),), engine="builtin")
    engine = BuiltinEngine(budget_seconds=1)
    steps: list[Progress] = []
    try:
        outcome = await run_generation(
            request,
            engine,
            SubprocessVerifier(VerifySettings(repeat=1)),
            max_attempts=1,
            on_progress=steps.append,
        )
        [explained] = engine.unreachable_for(request)
    finally:
        await engine.aclose()
    assert outcome.tests == []
    [reason] = outcome.unreachable
    assert reason == explained.reason
    assert reason != "line 6: the engine proposed no test for it"
    assert steps[0] == Progress("generating", "generating tests", 0, 1)


def test_statement_lines_skip_what_no_test_can_execute() -> None:
    source = "def f(x):\n    if x:\n        return 1\n    else:\n\n        return 2\n"
    assert statement_lines(source) == frozenset({1, 2, 3, 6})
    assert statement_lines("def broken(:\n") == frozenset()


def test_the_cache_key_follows_the_content() -> None:
    base = GenerationRequest("x = 1\n", (UncoveredRange(1, 1, "line"),))
    same = GenerationRequest("x = 1\n", (UncoveredRange(1, 1, "line"),))
    assert request_key(base, "llm") == request_key(same, "llm")
    others = [
        GenerationRequest("x = 2\n", base.uncovered_ranges),
        GenerationRequest(base.source_code, (UncoveredRange(1, 1, "branch"),)),
        GenerationRequest(base.source_code, base.uncovered_ranges, existing_test_code="#"),
        GenerationRequest(base.source_code, base.uncovered_ranges, framework="unittest"),
        GenerationRequest(base.source_code, base.uncovered_ranges, module_path="m"),
    ]
    keys = {request_key(other, "llm") for other in others} | {request_key(base, "builtin")}
    assert len(keys) == len(others) + 1
    assert request_key(base, "llm") not in keys


async def test_a_change_of_settings_is_not_answered_from_the_cache() -> None:
    request = GenerationRequest("x = 1\n", (UncoveredRange(1, 1, "line"),))
    keys = set()
    for layer in (
        {},
        {"budgetSeconds": 3},
        {"verify": {"repeat": 1}},
        {"llm": {"baseUrl": "http://127.0.0.1:9/v1", "model": "a"}},
        {"llm": {"baseUrl": "http://127.0.0.1:9/v1", "model": "b"}},
    ):
        settings, _ = build_settings(layer)
        service = GenerationService(settings)
        keys.add(service.cache_key(request, service.engine_name()))
        await service.aclose()
    assert len(keys) == 5


async def test_a_shared_registry_is_used_and_outlives_the_service() -> None:
    """An empty registry is falsy (it has a length): it must still be the one jobs land in."""
    from covopt_ls.tasks.registry import TaskRegistry

    shared = TaskRegistry()
    settings, _ = build_settings({"verify": {"repeat": 1}})
    service = GenerationService(settings, registry=shared)
    assert service.registry is shared
    await service.aclose()
    owned = GenerationService(settings)
    assert owned.registry is not shared
    await owned.aclose()
    submitted = shared.submit("key", _answer_at_once)
    finished = await shared.wait(submitted.task_id, timeout=10)
    assert finished is not None and finished.status.value == "completed"
    await shared.aclose()


async def _answer_at_once(handle: object) -> dict[str, object]:
    del handle
    return {"recommended_tests": []}
