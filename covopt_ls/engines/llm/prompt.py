"""The chat messages sent to the model: the reference backend's prompt, with more to go on.

Kept from the reference: its system prompt, and a user prompt with the source, the existing
tests, the numbered uncovered ranges, the framework and the JSON output format. Added because a
model cannot infer them: line numbers on the source (the ranges are line numbers), the function
or class enclosing each range, the branch arcs never taken, how the tests import the module, and
a demand for self-contained tests. The repair round replays the earlier answer as the assistant's
turn and sends what the verifier measured as the next user turn.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from covopt_ls.coverage.model import Arc, UncoveredRange
from covopt_ls.engines.llm.source import SourceView
from covopt_ls.generation import GenerationRequest, RepairFeedback

SYSTEM_PROMPT = (
    "You are an expert Python test engineer. Generate high-quality pytest tests, "
    "covering edge cases, error handling, and clear assertions. Ensure the output "
    "is ready to paste into a test file."
)

EXISTING_TESTS_LINES = 300
"""Existing tests beyond this are cut: the head (imports, fixtures, style) is what helps."""

FEEDBACK_TAIL_LINES = 25
"""Lines of a failure's output sent back: the end of a traceback is where the cause is."""

_OUTPUT_FORMAT = """**Output format:**
Provide a JSON object with a "recommended_tests" array containing:
- "test_code": Python code for the test, with every import it needs
- "target_line": Suggested line number to add this test
- "scenario_description": Brief description of what this test covers
- "expected_coverage_impact": What lines/branches this will cover

Example output:
```json
{
  "recommended_tests": [
    {
      "test_code": "def test_add_negative_numbers():\\n    assert add(-1, -2) == -3",
      "target_line": 42,
      "scenario_description": "Test addition with negative numbers",
      "expected_coverage_impact": "Covers line 5-6 in calculate_tax function"
    }
  ]
}
```"""


def module_import_name(module_path: str) -> str:
    """`app/utils.py`, `src/app/utils.py` or `app.utils` → `app.utils`."""
    path = module_path.strip().replace("\\", "/")
    if not path.endswith(".py") and "/" not in path:
        return path
    path = path.removesuffix(".py").removesuffix("/__init__").lstrip("./")
    parts = [part for part in path.split("/") if part]
    if len(parts) > 1 and parts[0] == "src":
        parts = parts[1:]
    return ".".join(parts)


def describe_arc(arc: Arc) -> str:
    source, target = arc
    if target < 0:
        return f"line {source} → exit from the code object starting at line {-target}"
    return f"line {source} → line {target}"


def describe_ranges(ranges: Sequence[UncoveredRange], view: SourceView) -> str:
    lines: list[str] = []
    for number, rng in enumerate(ranges, 1):
        span = (
            f"Line {rng.start_line}"
            if rng.start_line == rng.end_line
            else f"Lines {rng.start_line}-{rng.end_line}"
        )
        text = f"  {number}. {span} ({rng.type} coverage)"
        scope = view.innermost(rng.start_line)
        if scope is not None:
            text += f", in {scope.kind} `{scope.name}` (lines {scope.start_line}-{scope.end_line})"
        if rng.missing_arcs:
            arcs = "; ".join(describe_arc(arc) for arc in rng.missing_arcs)
            text += f"; branches never taken: {arcs}"
        lines.append(text)
    return "\n".join(lines)


def existing_tests_excerpt(code: str, limit: int = EXISTING_TESTS_LINES) -> str:
    """The existing tests, or their head when long (imports and fixtures come first)."""
    lines = code.strip().splitlines()
    if not lines:
        return "# No existing tests"
    if len(lines) <= limit:
        return "\n".join(lines)
    return "\n".join([*lines[:limit], f"# ... ({len(lines) - limit} more lines not shown)"])


def import_instructions(request: GenerationRequest) -> str:
    if request.module_path:
        name = module_import_name(request.module_path)
        return (
            f"The code under test is the module `{name}`: import what each test uses from it "
            f"(`from {name} import ...`)."
        )
    return (
        "The source is not a module of a project: the tests can use its functions and classes "
        "directly by name, without importing them."
    )


def framework_instructions(request: GenerationRequest) -> str:
    if request.framework == "unittest":
        return "Write unittest.TestCase classes (`import unittest`), one per test_code entry."
    return "Write plain pytest test functions (`def test_...():`) with bare asserts."


def build_user_prompt(request: GenerationRequest) -> str:
    view = SourceView(request.source_code)
    keep = view.excerpt_lines(request.uncovered_ranges)
    shown = "each line prefixed with its number and a colon, which are not part of the code"
    if keep is not None:
        shown += "; parts unrelated to the gaps are left out where `...` stands"
    return f"""You are an expert Python test engineer specializing in coverage optimization.

**Source code to increase coverage** ({shown}):
```python
{view.numbered(keep)}
```

**Current test code (for context):**
```python
{existing_tests_excerpt(request.existing_test_code)}
```

**Uncovered ranges identified by coverage analysis:**
{describe_ranges(request.uncovered_ranges, view)}

**Framework:** {request.framework}

**Your task:**
Generate targeted test cases to fill these specific coverage gaps.
Focus on:
1. Testing the exact uncovered lines/ranges (make the branch conditions true or false as needed)
2. Edge cases that might not be covered
3. Clear, maintainable test code

{framework_instructions(request)}
{import_instructions(request)}
Each "test_code" must be self-contained: include every import it needs, so it passes when
pasted alone into an empty test file. Do not repeat the existing tests. Assert what the code
actually does; if you believe the code is wrong, still assert its current behaviour and say so
in "scenario_description".

{_OUTPUT_FORMAT}"""


def _tail(text: str, lines: int = FEEDBACK_TAIL_LINES) -> str:
    kept = text.rstrip().splitlines()[-lines:]
    return "\n".join(kept)


def build_feedback_prompt(feedback: Sequence[RepairFeedback]) -> str:
    parts = ["Your tests were run with coverage. Some did not do what is needed:"]
    for number, item in enumerate(feedback, 1):
        if not item.test_code.strip():
            parts.append(
                f"{number}. Your reply contained no test code in the requested JSON format."
            )
            continue
        parts.append(f"{number}. This test:\n```python\n{item.test_code.strip()}\n```")
        if item.problem == "failed":
            parts.append(f"failed. The end of its output:\n```\n{_tail(item.detail)}\n```")
        elif item.problem == "not_collected":
            parts.append(f"was not run as a test: {_tail(item.detail)}")
        else:
            parts.append(f"passed, but {item.detail or 'did not execute the uncovered code'}.")
        if item.still_missing_lines:
            missing = ", ".join(str(n) for n in item.still_missing_lines)
            parts.append(f"Lines still not executed: {missing}.")
        if item.still_missing_arcs:
            arcs = "; ".join(describe_arc(arc) for arc in item.still_missing_arcs)
            parts.append(f"Branches still not taken: {arcs}.")
    parts.append(
        "Fix these tests (or write new ones) so that they pass and execute the uncovered "
        "lines. Reply with the same JSON format as before, with complete test_code entries."
    )
    return "\n\n".join(parts)


def _replayed_answer(feedback: Sequence[RepairFeedback]) -> str:
    """The earlier answer, rebuilt from the tests it held (the engine keeps no conversation)."""
    tests = [{"test_code": item.test_code} for item in feedback if item.test_code.strip()]
    return "```json\n" + json.dumps({"recommended_tests": tests}, indent=2) + "\n```"


def build_messages(
    request: GenerationRequest, feedback: Sequence[RepairFeedback] = ()
) -> list[dict[str, str]]:
    messages = [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": build_user_prompt(request)},
    ]
    if feedback:
        messages.append({"role": "assistant", "content": _replayed_answer(feedback)})
        messages.append({"role": "user", "content": build_feedback_prompt(feedback)})
    return messages
