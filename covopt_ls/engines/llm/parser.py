"""Turning a model's reply into candidate tests, whatever shape the reply came in.

The reference backend's four strategies, in its order: a ```json block, the whole reply as JSON,
```python blocks, the whole reply as code. Hardened for what real models send: prose around the
JSON, a bare list instead of the object, ```JSON or a fence with no newline, a fence never closed
(a reply cut at max_tokens), a reasoning model's <think> section, and JSON broken too badly
to decode, from which the `test_code` strings are still recovered. Every entry is validated;
one without `test_code` is dropped. The last strategy takes the reply as code only when it
parses and defines a test, so prose never becomes a "test".
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from covopt_ls import syntax
from covopt_ls.generation import RecommendedTest

_FENCE = "```"
_LABEL = re.compile(r"[ \t]*([\w+-]*)[ \t]*\r?\n?")
_PYTHON_LABELS = frozenset({"python", "python3", "py", ""})
_INNER_FENCE = re.compile(r"^\s*```[ \t]*(?:python3?|py)?[ \t]*\r?\n?(.*?)\s*```\s*$", re.DOTALL)
_THINKING = re.compile(r"<think(?:ing)?>.*?</think(?:ing)?>", re.IGNORECASE | re.DOTALL)
_TEST_CODE_STRING = re.compile(r'"test_code"\s*:\s*"((?:[^"\\]|\\.)*)"', re.DOTALL)
_DEFINES_TEST = re.compile(r"^\s*(?:async\s+)?def\s+test|^\s*class\s+Test", re.MULTILINE)

_MAX_JSON_STARTS = 64
"""How many `{` / `[` positions are tried when looking for JSON inside prose."""

DEFAULT_SCENARIO = "Test case {n} to cover uncovered code"
DEFAULT_IMPACT = "Covers previously uncovered lines"


class _Entry(BaseModel):
    """One element of "recommended_tests" as a model writes it."""

    model_config = ConfigDict(extra="ignore")
    test_code: str
    target_line: int | None = None
    scenario_description: str = ""
    expected_coverage_impact: str = ""

    @field_validator("test_code", mode="before")
    @classmethod
    def _code(cls, value: Any) -> Any:
        if isinstance(value, list) and all(isinstance(line, str) for line in value):
            value = "\n".join(value)
        if isinstance(value, str):
            fenced = _INNER_FENCE.match(value)
            value = (fenced.group(1) if fenced else value).strip("\n")
            if not value.strip():
                raise ValueError("test_code is empty")
        return value

    @field_validator("target_line", mode="before")
    @classmethod
    def _line(cls, value: Any) -> Any:
        """A line the model got wrong is no reason to lose its test."""
        try:
            line = int(value)
        except (TypeError, ValueError):
            return None
        return line if line > 0 else None

    @field_validator("scenario_description", "expected_coverage_impact", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return "" if value is None else str(value)


def parse_reply(reply: str, *, first_target_line: int = 1) -> list[RecommendedTest]:
    """Candidate tests in the reply (maybe none). `first_target_line` places tests the model did
    not place: after the existing tests, one after another."""
    entries = _entries(reply)
    tests: list[RecommendedTest] = []
    next_line = first_target_line
    for number, entry in enumerate(entries, 1):
        tests.append(
            RecommendedTest(
                test_code=entry.test_code,
                target_line=entry.target_line or next_line,
                scenario_description=entry.scenario_description
                or DEFAULT_SCENARIO.format(n=number),
                expected_coverage_impact=entry.expected_coverage_impact or DEFAULT_IMPACT,
            )
        )
        next_line += entry.test_code.count("\n") + 3
    return tests


def _entries(reply: str) -> list[_Entry]:
    # Reasoning models served by Ollama or llama.cpp think aloud first, drafts included.
    text = _THINKING.sub("", reply).strip()
    for strategy in (_from_json_fences, _from_whole_json, _from_json_in_prose, _from_broken_json):
        found = strategy(text)
        if found is not None:
            return found
    code_blocks = _from_code_fences(text)
    if code_blocks:
        return code_blocks
    if _is_test_code(text):
        return [_Entry(test_code=text)]
    return []


def _from_json_fences(text: str) -> list[_Entry] | None:
    for label, block in fenced_blocks(text):
        if label != "json":
            continue
        found = _decoded(block.strip())
        if found is not None:
            return found
    return None


def _from_whole_json(text: str) -> list[_Entry] | None:
    return _decoded(text)


def _from_json_in_prose(text: str) -> list[_Entry] | None:
    """JSON somewhere in the text: the first whole test list, or else every single entry
    object found (what is left decodable of a list broken in the middle)."""
    decoder = json.JSONDecoder()
    singles: list[_Entry] = []
    resume = 0
    for match in list(re.finditer(r"[\[{]", text))[:_MAX_JSON_STARTS]:
        if match.start() < resume:
            continue
        try:
            data, end = decoder.raw_decode(text, match.start())
        except ValueError:
            continue
        found = _validated(data)
        if found is None:
            continue
        if isinstance(data, dict) and "test_code" in data:
            singles.extend(found)
            resume = end
            continue
        return found
    return singles or None


def _from_broken_json(text: str) -> list[_Entry] | None:
    """Recover each complete "test_code" string from JSON that does not decode as a whole."""
    entries: list[_Entry] = []
    for raw in _TEST_CODE_STRING.findall(text):
        try:
            code = json.loads(f'"{raw}"')
        except ValueError:
            continue
        entry = _entry({"test_code": code})
        if entry is not None:
            entries.append(entry)
    return entries or None


def _from_code_fences(text: str) -> list[_Entry]:
    blocks = [(label, body) for label, body in fenced_blocks(text) if label in _PYTHON_LABELS]
    # Blocks that define tests; failing that, whatever is declared python (the reference's way).
    chosen = [body for _, body in blocks if _defines_test(body)]
    if not chosen:
        chosen = [body for lang, body in blocks if lang and body.strip()]
    entries = (_entry({"test_code": body}) for body in chosen)
    return [entry for entry in entries if entry is not None]


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(label, body) of each ``` block, fences paired in order; a last fence left open runs to
    the end (a reply cut at max_tokens). The label is lower-cased; the body may follow it on the
    same line (```json{...}```)."""
    blocks: list[tuple[str, str]] = []
    position = 0
    while (start := text.find(_FENCE, position)) >= 0:
        label = _LABEL.match(text, start + len(_FENCE))
        assert label is not None  # the pattern matches the empty string
        end = text.find(_FENCE, label.end())
        blocks.append((label.group(1).lower(), text[label.end() : end if end >= 0 else None]))
        if end < 0:
            break
        position = end + len(_FENCE)
    return blocks


def _decoded(text: str) -> list[_Entry] | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return _validated(data)


def _validated(data: Any) -> list[_Entry] | None:
    """Entries from decoded JSON, or None when it is not a test list at all (try the next
    strategy). A list whose entries are all invalid is an answer with no tests: []."""
    items = _candidate_items(data)
    if items is None:
        return None
    entries = (_entry(item) for item in items)
    return [entry for entry in entries if entry is not None]


def _candidate_items(data: Any) -> list[Any] | None:
    if isinstance(data, dict):
        tests = data.get("recommended_tests")
        if isinstance(tests, list):
            return tests
        if "test_code" in data:
            return [data]
        lists = [v for v in data.values() if isinstance(v, list) and _has_test_code(v)]
        return lists[0] if lists else None
    if isinstance(data, list) and _has_test_code(data):
        return data
    return None


def _has_test_code(items: list[Any]) -> bool:
    return any(isinstance(item, dict) and "test_code" in item for item in items)


def _entry(item: Any) -> _Entry | None:
    try:
        return _Entry.model_validate(item)
    except ValidationError:
        return None


def _defines_test(code: str) -> bool:
    return bool(_DEFINES_TEST.search(code))


def _is_test_code(code: str) -> bool:
    if not _defines_test(code):
        return False
    try:
        syntax.parse(code)
    except (SyntaxError, ValueError):
        return False
    return True
