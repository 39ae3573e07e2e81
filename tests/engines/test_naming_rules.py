"""Test names a person keeps: `test_<callee>_<what the input is>_<outcome>`, truthful about the
input, whole words only, short, and unique within one result without numbering where words can
tell the tests apart."""

from __future__ import annotations

from typing import Any

import pytest

from covopt_ls.engines.builtin.calls import snake
from covopt_ls.engines.builtin.naming import (
    HARD_MAX_NAME,
    MAX_NAME,
    callee_words,
    describe_value,
    name_for_test,
    slug,
)
from covopt_ls.engines.builtin.planner import Candidate

RAISES_PARSE = {"kind": "raise", "type": "MimeTypeParseException"}


def _candidate(callee: str, *args: tuple[str, str], setup: tuple[str, ...] = ()) -> Candidate:
    return Candidate(callee, setup, f"{callee}(...)", None, args)


def _returned(text: str, **extra: Any) -> dict[str, Any]:
    return {"kind": "return", "repr": text, "faithful": True, "type": "int", **extra}


@pytest.mark.parametrize(
    ("param", "source", "words"),
    [
        ("mime_type", "';'", "semicolon_mime_type"),
        ("header", "'\"'", "quote_header"),
        ("text", "'   '", "blank_text"),
        ("text", "''", "empty_text"),
        ("hashid", "'{3b1f8b40-222c-4a6e-b77e-779d5a94e21c}'", "uuid_hashid"),
        ("ranges", "'text/html;level=1'", "text_html_level_ranges"),
        ("jd2", "-0.5", "negative_fraction_jd2"),
        ("jd2", "-3", "negative_jd2"),
        ("ratio", "0.25", "fraction_ratio"),
        ("count", "123456", "large_count"),
        ("count", "3", "count_3"),
        ("price", "2.5", "price_2_5"),
        ("doc", "['a', 'b']", "doc_two_items"),
        ("doc", "('a',)", "doc_one_item"),
        ("doc", "{}", "empty_doc"),
        ("doc", "{'a': 1, 'b': 2}", "doc_with_a_b"),
        ("schema", "{'patternProperties': {}}", "schema_with_pattern_properties"),
        ("payload", "b''", "empty_payload"),
        ("value", "'0x60'", "hex_value"),
        ("number", "'4visa'", "4visa_number"),
        ("terms", "'NET2024'", "net2024_terms"),
        ("key", "'3b1f8b40'", "key"),
        ("number", "'aaaaaaaaaaa'", "letters_number"),
        ("number", "'4111111111111111'", "digits_number"),
        ("fstr", "'{noun} is old'", "noun_is_old_fstr"),
        ("fstr", "'{{'", "brace_fstr"),
        ("constraint", "'>=1.2'", "at_least_1_2_constraint"),
    ],
)
def test_inputs_are_described_by_role_sign_size_or_content(
    param: str, source: str, words: str
) -> None:
    assert describe_value(param, source) == words


def test_a_symbol_only_string_is_never_called_blank() -> None:
    assert "blank" not in describe_value("s", "';\";'")
    assert describe_value("s", "';\";'") == "semicolon_quote_s"


def test_unreadable_tokens_are_left_out_of_a_slug() -> None:
    assert slug("23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz") == ""
    assert slug("utf8 encoded text") == "utf8_encoded_text"


def test_acronyms_in_class_names_stay_one_word() -> None:
    assert callee_words("ShortUUID.decode") == "short_uuid_decode"
    assert callee_words("JsonPointer.get_part") == "json_pointer_get_part"
    assert callee_words("Dict.__ror__") == "dict_ror"
    assert callee_words("HTTPServer") == "http_server"


def test_variable_names_split_acronyms_as_test_names_do() -> None:
    assert snake("ShortUUID") == "short_uuid"
    assert snake("XMLHttpRequest") == "xml_http_request"
    assert snake("Cart") == "cart"
    assert callee_words("ShortUUID") == snake("ShortUUID")


def test_a_long_name_drops_whole_words_never_parts_of_words() -> None:
    candidate = _candidate("quality", ("mime_type", "';'"), ("ranges", "'First 0.1 last'"))
    name = name_for_test(candidate, "quality", {}, 0, RAISES_PARSE, set())
    assert name == "test_quality_semicolon_mime_type_raises_mime_type_parse_exception"
    assert len(name) <= HARD_MAX_NAME


def test_names_within_the_soft_limit_keep_both_inputs() -> None:
    candidate = _candidate("jd2gcal", ("jd1", "1.0"), ("jd2", "-0.5"))
    name = name_for_test(candidate, "jd2gcal", {}, 0, _returned("(1, 2)"), set())
    assert name == "test_jd2gcal_jd1_1_negative_fraction_jd2"
    assert len(name) <= MAX_NAME


def test_every_name_ends_on_a_whole_word_of_its_parts() -> None:
    long_words = "'configuration reloading observer'"
    candidate = _candidate("JsonPointer.get_part", ("doc", "['a', 'b']"), ("part", long_words))
    raised = {"kind": "raise", "type": "JsonPointerException"}
    name = name_for_test(candidate, "JsonPointer.get_part", {}, 0, raised, set())
    assert name == "test_json_pointer_get_part_doc_two_items_raises_json_pointer_exception"
    assert name.endswith("_raises_json_pointer_exception")


def test_a_clash_is_resolved_by_the_inputs_words_before_a_number() -> None:
    first = _candidate("jd2jcal", ("jd1", "2400000.5"), ("jd2", "-1.5"))
    second = _candidate("jd2jcal", ("jd1", "0.5"), ("jd2", "-1.5"))
    reference = {"jd1": "2400000.5"}
    taken = {name_for_test(first, "jd2jcal", reference, 0, _returned("(1,)"), set())}
    assert taken == {"test_jd2jcal_negative_jd2"}
    other = name_for_test(second, "jd2jcal", reference, 0, _returned("(1,)"), taken)
    assert other == "test_jd2jcal_fraction_jd1_negative_jd2"
    assert not other.endswith("_2")


def test_results_name_a_test_without_inputs() -> None:
    call = _candidate("f")
    assert name_for_test(call, "f", {}, 0, _returned("[1, 2]"), set()) == "test_f_returns_two_items"
    assert name_for_test(call, "f", {}, 0, _returned("''"), set()) == "test_f_returns_empty_string"
    assert name_for_test(call, "f", {}, 0, _returned("'1st'"), set()) == "test_f_returns_1st"
    assert name_for_test(call, "f", {}, 0, _returned("1"), set()) == "test_f_returns_one"
    assert name_for_test(call, "f", {}, 0, _returned("250"), set()) == "test_f_returns_positive"
    alphabet = _returned("'23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'")
    assert name_for_test(call, "f", {}, 0, alphabet, set()) == "test_f_returns_text"
    lazy = _returned("[]", lazy="zip", type="list")
    assert name_for_test(call, "f", {}, 0, lazy, set()) == "test_f_returns_empty_list"
    raised = {"kind": "raise", "type": "HTTPError"}
    assert name_for_test(call, "f", {}, 0, raised, set()) == "test_f_raises_http_error"
    hashed = _returned("-4594863902769663758", process_value=["hash"])
    assert name_for_test(call, "f", {}, 0, hashed, set()) == "test_f_returns_hash"


def test_a_long_exception_name_gives_way_to_the_input() -> None:
    raised = {"kind": "raise", "type": "JsonSchemaDefinitionException"}
    call = Candidate(
        "Gen.code",
        ("gen = Gen({'enum': 1})",),
        "gen.code",
        None,
        (),
        setup_args=(("definition", "{'enum': 1}"),),
    )
    name = name_for_test(call, "CodeGeneratorDraft04.func_code", {}, 1, raised, set())
    # The exception's name would leave no room for what the instance was built from.
    assert name == "test_code_generator_draft04_func_code_definition_with_enum_raises"
    short = name_for_test(call, "Gen.code", {}, 1, RAISES_PARSE, set())
    assert short == "test_gen_code_definition_with_enum_raises_mime_type_parse_exception"
