"""The HTTP API end to end: `covopt serve` in a subprocess, the reference's examples, errors."""

from __future__ import annotations

import asyncio
import json
import shlex
import socket
import sys
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from covopt_ls.http.schemas import TaskResponse
from tests.http.conftest import DISCOUNT_TESTS, DIVIDE_TEST, SLOW_MARKER, CovoptServe, llm_env
from tests.support.fake_openai import FakeOpenAI

pytestmark = pytest.mark.asyncio(loop_scope="module")

DISCOUNT_REQUEST = {
    "source_code": 'def calculate_discount(price, member_type):\n    if member_type == "gold":\n'
    '        return price * 0.7\n    elif member_type == "silver":\n'
    "        return price * 0.85\n    else:\n        return price",
    "existing_test_code": "def test_gold_discount():\n"
    '    assert calculate_discount(100, "gold") == 70',
    "uncovered_ranges": [
        {"start_line": 4, "end_line": 5, "type": "branch"},
        {"start_line": 6, "end_line": 7, "type": "branch"},
    ],
    "framework": "pytest",
}

CURL_SUBMIT = r"""curl -s -X POST {url}/optimization/coverage \
  -H "Content-Type: application/json" \
  -d '{
    "source_code": "def divide(a, b):\n    if b == 0:\n        raise ValueError\n    return a / b",
    "existing_test_code": "def test_divide_normal():\n    assert divide(10, 2) == 5",
    "uncovered_ranges": [
      {"start_line": 2, "end_line": 3, "type": "branch"}
    ],
    "framework": "pytest"
  }'"""


async def poll(session: aiohttp.ClientSession, url: str, task_id: str) -> dict[str, Any]:
    """The reference client's loop: GET until the task is no longer pending or processing."""
    for _ in range(600):
        async with session.get(f"{url}/tasks/{task_id}") as response:
            assert response.status == 200
            task: dict[str, Any] = await response.json()
        if task["status"] not in ("pending", "processing"):
            return task
        await asyncio.sleep(0.1)
    raise AssertionError(f"task {task_id} still {task['status']}")


async def shell(command: str) -> str:
    process = await asyncio.create_subprocess_shell(command, stdout=asyncio.subprocess.PIPE)
    stdout, _ = await process.communicate()
    assert process.returncode == 0, command
    return stdout.decode()


async def test_the_reference_discount_example(server: CovoptServe) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{server.url}/optimization/coverage", json=DISCOUNT_REQUEST
        ) as response:
            assert response.status == 202
            accepted = await response.json()
        assert accepted["status"] == "pending"
        assert accepted["estimated_time_seconds"] == 30
        task = await poll(session, server.url, accepted["task_id"])

    assert task["status"] == "completed", task["error"]
    assert task["error"] is None
    TaskResponse.model_validate(task)  # what is served is what /openapi.json documents
    tests = task["result"]["recommended_tests"]
    assert [t["test_code"] for t in tests] == list(DISCOUNT_TESTS)
    assert [t["target_line"] for t in tests] == [42, 47]
    assert [t["scenario_description"] for t in tests] == [
        "Test silver member discount",
        "Test default case with no discount",
    ]
    assert [t["covered_lines"] for t in tests] == [[4, 5], [4, 7]]
    assert [t["expected_coverage_impact"] for t in tests] == [
        "Covers lines 4-5 (measured)",
        "Covers lines 4, 7 (measured)",
    ]
    assert all(t["verified"] for t in tests)
    assert task["created_at"].endswith("Z") and task["updated_at"] >= task["created_at"]


async def test_the_reference_curl_example(server: CovoptServe) -> None:
    submitted = json.loads(await shell(CURL_SUBMIT.replace("{url}", server.url)))
    assert submitted["status"] == "pending"
    task_id = submitted["task_id"]
    for _ in range(600):
        task = json.loads(await shell(f"curl -s {shlex.quote(f'{server.url}/tasks/{task_id}')}"))
        if task["status"] == "completed":
            break
        await asyncio.sleep(0.1)
    [test] = task["result"]["recommended_tests"]
    assert test["test_code"] == DIVIDE_TEST
    assert test["covered_lines"] == [2, 3]
    assert test["verified"] is True


async def test_the_builtin_engine_with_long_polling(server: CovoptServe, llm: FakeOpenAI) -> None:
    body = json.loads(CURL_SUBMIT.split("-d '", 1)[1].rsplit("'", 1)[0])
    body["engine"] = "builtin"
    llm_requests = len(llm.requests)
    async with aiohttp.ClientSession() as session:
        url = f"{server.url}/optimization/coverage"
        async with session.post(url, json=body) as response:
            accepted = await response.json()
        task_url = f"{server.url}/tasks/{accepted['task_id']}"
        async with session.get(task_url, params={"wait": "abc"}) as response:
            assert response.status == 422
            assert (await response.json())["detail"][0]["loc"] == ["query", "wait"]
        task: dict[str, Any] = {"status": "pending"}
        while task["status"] in ("pending", "processing"):
            async with session.get(task_url, params={"wait": "30"}) as response:
                task = await response.json()
    assert task["status"] == "completed", task["error"]
    [test] = task["result"]["recommended_tests"]
    assert test["verified"] and test["covered_lines"] == [2, 3]
    assert "divide(" in test["test_code"] and "ValueError" in test["test_code"]
    assert len(llm.requests) == llm_requests, "the builtin engine asks no LLM"


async def test_empty_ranges_are_400_as_in_the_reference(server: CovoptServe) -> None:
    async with aiohttp.ClientSession() as session:
        body = {**DISCOUNT_REQUEST, "uncovered_ranges": []}
        async with session.post(f"{server.url}/optimization/coverage", json=body) as response:
            assert response.status == 400
            assert await response.json() == {"detail": "uncovered_ranges cannot be empty"}


async def test_an_unknown_task_is_404(server: CovoptServe) -> None:
    async with aiohttp.ClientSession() as session:
        for method in ("GET", "DELETE"):
            async with session.request(method, f"{server.url}/tasks/nope") as response:
                assert response.status == 404
                assert await response.json() == {"detail": "task not found"}
        async with session.get(f"{server.url}/no/such/path") as response:
            assert response.status == 404
            assert await response.json() == {"detail": "Not Found"}


async def test_a_body_over_the_limit_is_413(server: CovoptServe) -> None:
    big = {**DISCOUNT_REQUEST, "source_code": "x = 1\n" * 200_000}
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{server.url}/optimization/coverage", json=big) as response,
    ):
        assert response.status == 413
        assert await response.json() == {"detail": "request body larger than 1048576 bytes"}


async def test_a_malformed_body_is_422_with_field_details(server: CovoptServe) -> None:
    bad = {
        "source_code": 42,
        "uncovered_ranges": [{"start_line": 0, "end_line": 1, "type": "statement"}],
        "framework": "nose",
    }
    async with aiohttp.ClientSession() as session:
        url = f"{server.url}/optimization/coverage"
        async with session.post(url, json=bad) as response:
            assert response.status == 422
            details = (await response.json())["detail"]
        async with session.post(url, data=b"{not json") as response:
            assert response.status == 422
            not_json = (await response.json())["detail"]
        reversed_range = {**DISCOUNT_REQUEST, "uncovered_ranges": [
            {"start_line": 5, "end_line": 4, "type": "line"}
        ]}  # fmt: skip
        async with session.post(url, json=reversed_range) as response:
            assert response.status == 422
            reversed_detail = (await response.json())["detail"]
    locations = {tuple(d["loc"]): d["type"] for d in details}
    assert locations == {
        ("body", "source_code"): "string_type",
        ("body", "uncovered_ranges", 0, "start_line"): "greater_than_equal",
        ("body", "uncovered_ranges", 0, "type"): "literal_error",
        ("body", "framework"): "literal_error",
    }
    assert not_json[0]["loc"] == ["body"] and not_json[0]["type"] == "json_invalid"
    assert reversed_detail[0]["loc"] == ["body", "uncovered_ranges", 0]
    assert "end_line must not be before start_line" in reversed_detail[0]["msg"]


async def test_delete_cancels_the_job_and_its_llm_call(
    server: CovoptServe, llm: FakeOpenAI
) -> None:
    body = {
        "source_code": f"{SLOW_MARKER}(x):\n    if x:\n        return 1\n    return 2",
        "uncovered_ranges": [{"start_line": 3, "end_line": 3, "type": "line"}],
    }
    disconnects = llm.disconnects
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{server.url}/optimization/coverage", json=body) as response:
            task_id = (await response.json())["task_id"]
        await asyncio.wait_for(_until(lambda: any(
            SLOW_MARKER in r.user_prompt for r in llm.requests
        )), 30)  # fmt: skip
        async with session.delete(f"{server.url}/tasks/{task_id}") as response:
            assert response.status == 200
            cancelled = await response.json()
        await asyncio.wait_for(_until(lambda: llm.disconnects > disconnects), 30)
        async with session.get(f"{server.url}/tasks/{task_id}") as response:
            after = await response.json()
        async with session.delete(f"{server.url}/tasks/{task_id}") as response:
            assert response.status == 409
            assert await response.json() == {"detail": "task already cancelled"}
    assert cancelled["status"] == after["status"] == "cancelled"
    assert after["error"] == {"message": "cancelled"}


async def _until(condition: Any) -> None:
    while not condition():
        await asyncio.sleep(0.05)


async def test_health_and_openapi(server: CovoptServe) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{server.url}/health") as response:
            health = await response.json()
        async with session.get(f"{server.url}/openapi.json") as response:
            document = await response.json()
    assert health["status"] == "ok" and health["engine"] == "llm"
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/optimization/coverage", "/tasks/{task_id}", "/health", "/openapi.json"
    }  # fmt: skip
    schemas = document["components"]["schemas"]
    request_schema = schemas["CoverageOptimizationRequest"]
    assert request_schema["required"] == ["source_code", "uncovered_ranges"]
    assert {"module_path", "engine", "framework"} <= set(request_schema["properties"])
    assert "RecommendedTestOut" in schemas and "TaskResponse" in schemas


async def test_a_token_is_required_when_set_and_llm_must_be_configured() -> None:
    token_server = await CovoptServe({"COVOPT_API_TOKEN": "s3cret"}).start()
    url = f"{token_server.url}/optimization/coverage"
    body = {**DISCOUNT_REQUEST, "engine": "llm"}
    try:
        async with aiohttp.ClientSession() as session:
            async with session.post(url, json=body) as response:
                assert response.status == 401
                assert response.headers["WWW-Authenticate"] == "Bearer"
                assert await response.json() == {"detail": "missing or invalid bearer token"}
            wrong = {"Authorization": "Bearer nope"}
            async with session.get(f"{token_server.url}/tasks/x", headers=wrong) as response:
                assert response.status == 401
            async with session.get(f"{token_server.url}/health") as response:
                assert response.status == 200, "liveness needs no token"
                assert (await response.json())["engine"] == "builtin"
            right = {"Authorization": "Bearer s3cret"}
            async with session.post(url, json=body, headers=right) as response:
                assert response.status == 400
                detail = (await response.json())["detail"]

    finally:
        await token_server.stop()
    assert detail.startswith("the llm engine needs llm.baseUrl and llm.model")


async def test_module_path_lets_tests_import_the_source(server: CovoptServe) -> None:
    body = {
        "source_code": "def halve(n):\n    if n % 2:\n        return (n - 1) // 2\n"
        "    return n // 2\n",
        "existing_test_code": "from app.utils import halve\n\n\ndef test_even():\n"
        "    assert halve(4) == 2",
        "uncovered_ranges": [{"start_line": 3, "end_line": 3, "type": "line"}],
        "module_path": "app/utils.py",
    }
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{server.url}/optimization/coverage", json=body) as response:
            assert response.status == 202
            task_id = (await response.json())["task_id"]
        task = await poll(session, server.url, task_id)
    assert task["status"] == "completed", task["error"]
    [test] = task["result"]["recommended_tests"]
    assert test["test_code"].startswith("from app.utils import halve")
    assert test["verified"] and test["covered_lines"] == [3]


async def test_a_port_in_use_is_a_clear_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "covopt_ls.cli", "serve", "--port", str(port),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        _, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 2
    assert f"covopt serve: cannot listen on 127.0.0.1:{port}" in stderr.decode()


QUADRUPLE = {
    "source_code": "from helpers import double\n\n\ndef quadruple(x):\n    if x < 0:\n"
    "        raise ValueError('negative')\n    return double(double(x))\n",
    "uncovered_ranges": [{"start_line": 5, "end_line": 7, "type": "line"}],
    "module_path": "core.py",
}


async def test_with_project_the_tests_can_import_the_project_s_modules(
    llm: FakeOpenAI, server: CovoptServe, tmp_path: Path
) -> None:
    (tmp_path / "helpers.py").write_text("def double(x):\n    return 2 * x\n")
    project_server = await CovoptServe(llm_env(llm), "--project", str(tmp_path)).start()
    try:
        async with aiohttp.ClientSession() as session:
            results = []
            for url in (project_server.url, server.url):
                endpoint = f"{url}/optimization/coverage"
                async with session.post(endpoint, json=QUADRUPLE) as response:
                    task_id = (await response.json())["task_id"]
                results.append(await poll(session, url, task_id))
    finally:
        await project_server.stop()
    in_project, alone = results
    assert in_project["status"] == alone["status"] == "completed"
    [test] = in_project["result"]["recommended_tests"]
    assert test["verified"] and test["covered_lines"] == [5, 6, 7]
    assert alone["result"]["recommended_tests"] == []
    [reason] = alone["result"]["unreachable"]
    assert "No module named 'helpers'" in reason


async def test_beyond_the_unfinished_limit_requests_get_503(llm: FakeOpenAI) -> None:
    env = {**llm_env(llm), "COVOPT_TASKS_MAX_UNFINISHED": "1"}
    limited = await CovoptServe(env).start()
    slow = {
        "source_code": f"{SLOW_MARKER}(x):\n    return x\n",
        "uncovered_ranges": [{"start_line": 2, "end_line": 2, "type": "line"}],
    }
    try:
        async with aiohttp.ClientSession() as session:
            url = f"{limited.url}/optimization/coverage"
            async with session.post(url, json=slow) as response:
                assert response.status == 202
            async with session.post(url, json=DISCOUNT_REQUEST) as response:
                assert response.status == 503, "one unfinished task at most"
                assert response.headers["Retry-After"] == "5"
                detail = (await response.json())["detail"]
    finally:
        await limited.stop()
    assert detail == "too many unfinished tasks (1); retry later"


UTILS = """\
\"\"\"Small helpers for the reference client's example.\"\"\"


def clamp(value, low, high):
    if value < low:
        return low
    if value > high:
        return high
    return value

def sign(x):
    if x < 0:
        return -1
    return 1 if x else 0


def halve(x):
    return x / 2
"""


async def test_the_reference_python_client_runs_unchanged(
    server: CovoptServe, tmp_path: Path
) -> None:
    client = (Path(__file__).parent / "reference_client.txt").read_text()
    assert client.count("http://localhost:8886") == 1
    script = tmp_path / "client.py"
    script.write_text(client.replace("http://localhost:8886", server.url))
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "utils.py").write_text(UTILS)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_utils.py").write_text(
        "def test_clamp_inside():\n    assert clamp(5, 0, 10) == 5\n"
    )
    assert UTILS.splitlines()[11:13] == ["    if x < 0:", "        return -1"]
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(script), cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    stdout, stderr = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode == 0, stderr.decode()
    printed = stdout.decode()
    assert "Test: negative sign\nInsert at line: 12\n" in printed
    assert "Code:\ndef test_sign_negative():\n    assert sign(-5) == -1\n" in printed
    assert "Impact: Covers lines 12-13 (measured)" in printed
    assert "Test: halving\nInsert at line: 16\n" in printed
    assert "Impact: Covers line 18 (measured)" in printed
