"""The reply parser on the shapes real models send (the reference's four strategies, hardened)."""

from __future__ import annotations

import json

import pytest

from covopt_ls.engines.llm.parser import DEFAULT_IMPACT, parse_reply
from tests.support.fake_openai import entry, json_block, json_object

SILVER = 'def test_silver():\n    assert calculate_discount(100, "silver") == 85'
REGULAR = 'def test_regular():\n    assert calculate_discount(100, "regular") == 100'


def codes(reply: str) -> list[str]:
    return [test.test_code for test in parse_reply(reply)]


def test_a_json_block_with_prose_around_it() -> None:
    reply = json_block(entry(SILVER, 42, "silver members", "Covers lines 4-5"), entry(REGULAR))
    tests = parse_reply(reply + "\nLet me know if you need more.")
    assert [t.test_code for t in tests] == [SILVER, REGULAR]
    assert tests[0].target_line == 42
    assert tests[0].scenario_description == "silver members"
    assert tests[0].expected_coverage_impact == "Covers lines 4-5"


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param(json_object(entry(SILVER)), id="bare-json"),
        pytest.param(json.dumps([entry(SILVER)]), id="bare-list"),
        pytest.param("```JSON\n" + json_object(entry(SILVER)) + "\n```", id="upper-case-fence"),
        pytest.param("```json" + json_object(entry(SILVER)) + "```", id="fence-without-newline"),
        pytest.param("```json\n" + json_object(entry(SILVER)), id="fence-never-closed"),
        pytest.param(
            "Sure! Here you go: " + json_object(entry(SILVER)) + " Hope it helps.",
            id="prose-around-bare-json",
        ),
        pytest.param("```\n" + json_object(entry(SILVER)) + "\n```", id="unlabelled-fence"),
        pytest.param(json.dumps(entry(SILVER)), id="single-entry-object"),
        pytest.param(json.dumps({"tests": [entry(SILVER)]}), id="other-list-key"),
    ],
)
def test_json_in_the_shapes_models_send(reply: str) -> None:
    assert codes(reply) == [SILVER]


def test_python_blocks_when_there_is_no_json() -> None:
    reply = f"First:\n```python\n{SILVER}\n```\nAnd:\n```py\n{REGULAR}\n```\n"
    tests = parse_reply(reply, first_target_line=20)
    assert [t.test_code for t in tests] == [SILVER, REGULAR]
    assert tests[0].target_line == 20
    assert tests[1].target_line > tests[0].target_line
    assert tests[0].scenario_description == "Test case 1 to cover uncovered code"
    assert tests[1].expected_coverage_impact == DEFAULT_IMPACT


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param(f"```Python\n{SILVER}\n```", id="capitalised"),
        pytest.param(f"```python {SILVER}```", id="no-newline"),
        pytest.param(f"```\n{SILVER}\n```", id="unlabelled"),
        pytest.param(f"Here:\n```python\n{SILVER}\n", id="never-closed"),
    ],
)
def test_python_fences_in_the_shapes_models_send(reply: str) -> None:
    assert codes(reply) == [SILVER]


def test_a_block_in_another_language_is_not_taken_for_a_test() -> None:
    reply = f'```json\n{{"note": "def test_x(): pass"}}\n```\n```python\n{SILVER}\n```'
    assert codes(reply) == [SILVER]


def test_python_blocks_that_define_tests_are_preferred_over_other_code() -> None:
    helper = "```python\ndef helper():\n    pass\n```"
    reply = f"The function:\n{helper}\nTest:\n```python\n{SILVER}\n```"
    assert codes(reply) == [SILVER]


def test_the_whole_reply_as_code_when_it_is_test_code() -> None:
    assert codes(SILVER + "\n") == [SILVER]


def test_prose_only_gives_no_test() -> None:
    reply = "I cannot write tests for this code because the ranges are unreachable."
    assert parse_reply(reply) == []


def test_broken_json_still_yields_its_complete_test_code_strings() -> None:
    whole = json_block(entry(SILVER), entry(REGULAR))
    cut = whole[: whole.index("regular") + 20]  # a reply cut at max_tokens, mid-entry
    assert codes(cut) == [SILVER]
    missing_comma = json_object(entry(SILVER), entry(REGULAR)).replace("},", "}", 1)
    assert codes("```json\n" + missing_comma + "\n```") == [SILVER, REGULAR]


def test_entries_without_test_code_are_dropped_not_crashed_on() -> None:
    reply = json.dumps(
        {
            "recommended_tests": [
                {"scenario_description": "no code"},
                {"test_code": "   "},
                {"test_code": 42},
                "not an object",
                entry(SILVER, target_line=None),
            ]
        }
    )
    tests = parse_reply(reply, first_target_line=7)
    assert [t.test_code for t in tests] == [SILVER]
    assert tests[0].target_line == 7


def test_a_bad_target_line_is_replaced_and_the_test_kept() -> None:
    reply = json.dumps([{**entry(SILVER), "target_line": "end of file"}])
    assert parse_reply(reply, first_target_line=3)[0].target_line == 3
    reply = json.dumps([{**entry(SILVER), "target_line": "12"}])
    assert parse_reply(reply)[0].target_line == 12


def test_test_code_wrapped_in_its_own_fence_or_given_as_lines() -> None:
    fenced = json.dumps([{"test_code": f"```python\n{SILVER}\n```"}])
    assert codes(fenced) == [SILVER]
    assert codes(json_block({"test_code": f"```python\n{SILVER}\n```"})) == [SILVER]
    as_lines = json.dumps([{"test_code": SILVER.splitlines()}])
    assert codes(as_lines) == [SILVER]


def test_an_empty_recommendation_list_means_no_tests() -> None:
    assert parse_reply(json_block()) == []


def test_a_reasoning_model_s_thinking_is_not_taken_for_the_answer() -> None:
    draft = json_block(entry("def test_draft():\n    assert False"))
    reply = f"<think>Let me draft:\n{draft}\nNo, better:</think>\n{json_block(entry(SILVER))}"
    assert codes(reply) == [SILVER]
