"""Whole jobs with the LLM engine: the fake server scripted per test, the real verifier, the
real registry. Each path is asserted on the task's final state and content."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from covopt_ls.coverage.model import UncoveredRange
from covopt_ls.engines.llm import LlmEngine, RetryPolicy
from covopt_ls.generation import Engine, EngineName, GenerationRequest
from covopt_ls.jobs import GenerationService
from covopt_ls.settings import Settings, build_settings
from covopt_ls.tasks import Progress, Task, TaskStatus
from tests.support.fake_openai import FakeOpenAI, Reply, entry, json_block, json_object

SOURCE = """\
def calculate_discount(price, member_type):
    if member_type == "gold":
        return price * 0.7
    elif member_type == "silver":
        return price * 0.85
    else:
        return price
"""
EXISTING = 'def test_gold_discount():\n    assert calculate_discount(100, "gold") == 70'
SILVER = 'def test_silver_discount():\n    assert calculate_discount(100, "silver") == 85'
REGULAR = 'def test_no_discount():\n    assert calculate_discount(100, "regular") == 100'
WRONG = 'def test_no_discount():\n    assert calculate_discount(100, "regular") == 90'
REQUEST = GenerationRequest(
    source_code=SOURCE,
    existing_test_code=EXISTING,
    uncovered_ranges=(UncoveredRange(4, 5, "branch"), UncoveredRange(6, 7, "branch")),
)


def llm_settings(server: FakeOpenAI, **llm: object) -> Settings:
    layer = {
        "llm": {"baseUrl": server.base_url, "model": "fake-model", "maxRetries": 2, **llm},
        "verify": {"repeat": 1},
    }
    settings, problems = build_settings(layer)
    assert problems == []
    return settings


def quick_retries(settings: Settings, name: EngineName) -> Engine:
    """The real LLM engine, with millisecond backoff so retry paths stay fast."""
    assert name == "llm"
    retry = RetryPolicy(max_retries=settings.llm.max_retries, backoff_base=0.01)
    return LlmEngine(settings.llm, retry=retry)


@pytest_asyncio.fixture
async def service(fake_openai: FakeOpenAI) -> AsyncIterator[GenerationService]:
    jobs = GenerationService(llm_settings(fake_openai), engine_factory=quick_retries)
    yield jobs
    await jobs.aclose()


async def finished(service: GenerationService, request: GenerationRequest = REQUEST) -> Task:
    task = service.submit(request)
    done = await service.registry.wait(task.task_id)
    assert done is not None
    return done


def result_tests(task: Task) -> list[dict[str, object]]:
    assert task.result is not None
    tests = task.result["recommended_tests"]
    assert isinstance(tests, list)
    return tests


def assert_both_branches_covered(task: Task) -> None:
    assert task.status is TaskStatus.COMPLETED, task.error
    tests = result_tests(task)
    assert [t["test_code"] for t in tests] == [SILVER, REGULAR]
    assert [t["covered_lines"] for t in tests] == [[4, 5], [4, 7]]
    assert all(t["verified"] and t["passed"] for t in tests)
    assert tests[0]["expected_coverage_impact"] == "Covers lines 4-5 (measured)"
    assert task.result is not None and task.result["unreachable"] == []


async def test_a_good_json_block(service: GenerationService, fake_openai: FakeOpenAI) -> None:
    fake_openai.script(json_block(entry(SILVER, 42, "silver members"), entry(REGULAR, 47)))
    task = await finished(service)
    assert_both_branches_covered(task)
    assert result_tests(task)[0]["target_line"] == 42
    assert result_tests(task)[0]["scenario_description"] == "silver members"
    assert len(fake_openai.requests) == 1
    assert "Lines 4-5 (branch coverage), in function `calculate_discount`" in (
        fake_openai.requests[0].user_prompt
    )


async def test_bare_json(service: GenerationService, fake_openai: FakeOpenAI) -> None:
    fake_openai.script(json_object(entry(SILVER), entry(REGULAR)))
    assert_both_branches_covered(await finished(service))


async def test_python_blocks_only(service: GenerationService, fake_openai: FakeOpenAI) -> None:
    fake_openai.script(f"Two tests:\n```python\n{SILVER}\n```\n\n```python\n{REGULAR}\n```")
    task = await finished(service)
    assert_both_branches_covered(task)
    assert result_tests(task)[0]["scenario_description"] == "Test case 1 to cover uncovered code"


async def test_prose_only_is_asked_again_then_explained(
    service: GenerationService, fake_openai: FakeOpenAI
) -> None:
    prose = "These branches look fine to me; I would not test them."
    fake_openai.script(prose, prose, prose)
    task = await finished(service)
    assert task.status is TaskStatus.COMPLETED
    assert result_tests(task) == []
    assert task.result is not None
    assert task.result["unreachable"] == [
        "lines 4-5: the engine proposed no test for it",
        "lines 6-7: the engine proposed no test for it",
    ]
    assert len(fake_openai.requests) == 2, "one follow-up, then the model is not asked again"
    assert "no test code in the requested JSON format" in fake_openai.requests[1].last_user_message


async def test_broken_json_keeps_the_tests_that_can_be_read(
    service: GenerationService, fake_openai: FakeOpenAI
) -> None:
    broken = json_block(entry(SILVER), entry(REGULAR)).replace("},", "}", 1)
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken.split("```json")[1].split("```")[0])
    fake_openai.script(broken)
    assert_both_branches_covered(await finished(service))


async def test_a_reply_slower_than_the_timeout_fails_the_task(fake_openai: FakeOpenAI) -> None:
    settings = llm_settings(fake_openai, timeoutSeconds=0.3, maxRetries=1)
    jobs = GenerationService(settings, engine_factory=quick_retries)
    fake_openai.script(*[Reply.text(json_block(entry(SILVER)), delay=30)] * 2)
    try:
        task = await finished(jobs)
    finally:
        await jobs.aclose()
    assert task.status is TaskStatus.FAILED
    assert task.error == (
        f"LLM request to {fake_openai.base_url}/chat/completions failed after 2 attempts: "
        "no complete answer within 0.3 s"
    )
    assert task.result is None
    await fake_openai.wait_for_disconnect()


async def test_429_with_retry_after_then_success(
    service: GenerationService, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(
        Reply.error(429, "Rate limit reached", Retry_After="1"),
        json_block(entry(SILVER), entry(REGULAR)),
    )
    task = await finished(service)
    assert_both_branches_covered(task)
    first, second = fake_openai.requests
    assert second.received_at - first.received_at >= 0.95


async def test_500_three_times_fails_the_task(
    service: GenerationService, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(*[Reply.error(500, "upstream exploded")] * 3)
    task = await finished(service)
    assert task.status is TaskStatus.FAILED
    assert task.to_json()["error"] == {
        "message": f"LLM request to {fake_openai.base_url}/chat/completions failed after "
        "3 attempts: HTTP 500 Internal Server Error: upstream exploded"
    }
    assert len(fake_openai.requests) == 3


async def test_a_connection_dropped_mid_body_then_a_good_answer(
    service: GenerationService, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(Reply.dropped(), json_block(entry(SILVER), entry(REGULAR)))
    assert_both_branches_covered(await finished(service))
    assert len(fake_openai.requests) == 2


async def test_a_connection_dropped_every_time_fails_the_task(
    service: GenerationService, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(*[Reply.dropped()] * 3)
    task = await finished(service)
    assert task.status is TaskStatus.FAILED
    assert task.error is not None and "connection failed (ClientPayloadError" in task.error


async def test_a_failing_test_is_sent_back_and_repaired(
    service: GenerationService, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(json_block(entry(SILVER), entry(WRONG)), json_block(entry(REGULAR)))
    progress: list[str] = []
    service.registry.subscribe(lambda t: t.progress and progress.append(t.progress.message))
    task = await finished(service)
    assert_both_branches_covered(task)
    follow_up = fake_openai.requests[1].last_user_message
    assert WRONG in follow_up
    assert "AssertionError" in follow_up and "assert 100 == 90" in follow_up
    assert "Lines still not executed: 7." in follow_up
    assert progress == [
        "generating tests",
        "verifying 2 candidate tests (round 1/3)",
        "repairing tests (2/3)",
        "verifying 1 candidate test (round 2/3)",
    ]


async def test_a_test_that_never_passes_is_not_shown_and_the_range_explained(
    service: GenerationService, fake_openai: FakeOpenAI
) -> None:
    crash = "def test_no_discount():\n    calculate_discount(None, 'regular') + 'x'"
    fake_openai.script(*[json_block(entry(SILVER), entry(crash))] * 3)
    task = await finished(service)
    assert task.status is TaskStatus.COMPLETED
    assert [t["test_code"] for t in result_tests(task)] == [SILVER]
    assert task.result is not None
    [reason] = task.result["unreachable"]
    assert reason.startswith("lines 6-7: no passing test executed it (last failure: ")
    assert "TypeError" in reason
    assert len(fake_openai.requests) == 2, "the same answer again ends the loop"


async def test_cancelling_a_task_closes_the_llm_connection(
    service: GenerationService, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(Reply.text(json_block(entry(SILVER)), delay=60))
    task = service.submit(REQUEST)
    await fake_openai.wait_for_requests(1)
    assert await service.registry.cancel(task.task_id)
    assert task.status is TaskStatus.CANCELLED
    await fake_openai.wait_for_disconnect()
    assert fake_openai.disconnects == 1


async def test_the_same_request_twice_calls_the_llm_once(
    service: GenerationService, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(json_block(entry(SILVER), entry(REGULAR)))
    first = await finished(service)
    second = service.submit(REQUEST)
    assert second.status is TaskStatus.COMPLETED and second.cached
    assert second.result == first.result
    changed = GenerationRequest(
        REQUEST.source_code, REQUEST.uncovered_ranges[:1], REQUEST.existing_test_code
    )
    fake_openai.script(json_block(entry(SILVER)))
    third = await finished(service, changed)
    assert not third.cached
    assert len(fake_openai.requests) == 2


def test_progress_type_is_shared_with_the_pipeline() -> None:
    from covopt_ls.jobs import JobProgress

    assert JobProgress is Progress


def _gone_or_zombie(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in status


async def test_cancelling_during_verification_kills_the_test_process(
    service: GenerationService, fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    pid_file = tmp_path / "pid"
    hanging = (
        "import os, time\n\n\ndef test_hangs():\n"
        f"    open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(120)\n"
    )
    fake_openai.script(json_block(entry(hanging)))
    task = service.submit(REQUEST)
    for _ in range(600):
        if pid_file.exists() and pid_file.read_text():
            break
        await asyncio.sleep(0.05)
    pid = int(pid_file.read_text())
    assert task.status is TaskStatus.PROCESSING
    assert not _gone_or_zombie(pid), "the candidate test is running"
    assert await service.registry.cancel(task.task_id)
    assert task.status is TaskStatus.CANCELLED
    for _ in range(100):
        if _gone_or_zombie(pid):
            break
        await asyncio.sleep(0.05)
    assert _gone_or_zombie(pid), "the sandboxed test process was killed with the task"


async def test_a_large_source_is_prepared_off_the_event_loop(
    service: GenerationService, fake_openai: FakeOpenAI
) -> None:
    """Parsing and prompting a big module takes seconds: the loop must keep turning meanwhile."""
    source = "".join(
        f"def f{i}(x):\n    if x > {i}:\n        return x\n    return -x\n\n" for i in range(4000)
    )
    ranges = tuple(UncoveredRange(5 * i + 3, 5 * i + 3, "line") for i in range(0, 4000, 3))
    fake_openai.script(Reply.text(json_block(entry("def test_f0(): assert f0(1) == 1")), delay=60))
    loop = asyncio.get_running_loop()
    gaps: list[float] = []
    preparing = True

    async def heartbeat() -> None:
        last = loop.time()
        while preparing:
            await asyncio.sleep(0.005)
            gaps.append(loop.time() - last)
            last = loop.time()

    beat = asyncio.create_task(heartbeat())
    started = loop.time()
    task = service.submit(GenerationRequest(source, ranges))
    await fake_openai.wait_for_requests(1, timeout=120)
    preparation = loop.time() - started
    preparing = False
    await beat
    await service.registry.cancel(task.task_id)
    assert "Line 3 (line coverage), in function `f0`" in fake_openai.requests[0].user_prompt
    # Blocked, the loop would turn a few times in all; offloaded, every few milliseconds.
    assert len(gaps) >= 20, (len(gaps), max(gaps), preparation)


async def test_a_branch_to_the_function_exit_is_asked_for_until_taken(
    service: GenerationService, fake_openai: FakeOpenAI
) -> None:
    source = "def first_true(items):\n    for item in items:\n"
    source += "        if item:\n            return item\n"
    exit_arc = (2, -1)  # the loop ends without returning: as coverage.py writes it
    request = GenerationRequest(source, (UncoveredRange(2, 2, "branch", (exit_arc,)),))
    some = "def test_some():\n    assert first_true([0, 3]) == 3"
    empty = "def test_empty():\n    assert first_true([]) is None"
    fake_openai.script(json_block(entry(some)), json_block(entry(empty)))
    task = await finished(service, request)
    assert task.status is TaskStatus.COMPLETED, task.error
    [test] = result_tests(task)
    assert test["test_code"] == empty
    assert test["covered_arcs"] == [[2, -1]]
    follow_up = fake_openai.requests[1].last_user_message
    assert "Branches still not taken: line 2 → exit from the code object starting at line 1." in (
        follow_up
    )
