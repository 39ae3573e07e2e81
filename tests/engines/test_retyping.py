"""Types and keys learned from the errors Python raised at an argument (retyping.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from covopt_ls.engines.builtin.calls import literal_value
from covopt_ls.engines.builtin.retyping import (
    Correction,
    at_fault,
    converted,
    correction,
    missing_key,
    text_fix,
    texts_at_fault,
    with_key,
)
from covopt_ls.generation import RecommendedTest
from tests.engines.projects import measured_request, offered_and_verified, unreached


def _messages_of(call: str) -> tuple[str, str]:
    """The error type and message Python itself gives for `call` (so the rules are checked
    against this interpreter's wording, not a copy of it)."""
    try:
        eval(call)
    except (TypeError, AttributeError, KeyError) as error:
        return type(error).__name__, str(error)
    raise AssertionError(f"{call} raised nothing")


@pytest.mark.parametrize(
    ("call", "expected", "had"),
    [
        ("__import__('base64').b64encode('text')", ("bytes",), "str"),
        ("__import__('os').path.join('a', 3)", ("str",), "int"),
        ("__import__('re').match('a', 3)", ("str",), None),
        ("'a' + 1", ("str",), "int"),
        ("[n for n in None]", ("list", "str"), "NoneType"),
        ("len(5)", ("list", "str"), "int"),
        ("[1, 2].items()", ("dict",), "list"),
        ("'abc'.decode()", ("bytes",), "str"),
        ("int([])", ("str",), "list"),
        ("(lambda: 3)()(1)", ("Callable",), "int"),
    ],
)
def test_the_message_names_the_type_the_argument_should_have_had(
    call: str, expected: tuple[str, ...], had: str | None
) -> None:
    error, message = _messages_of(call)
    fix = correction(error, message)
    assert fix is not None, message
    assert fix.expected == expected
    if had is not None:
        assert fix.had == had


def test_messages_that_name_no_type_teach_nothing() -> None:
    assert correction("TypeError", "unsupported operand type(s) for +: 'int' and 'str'") is None
    assert correction("ValueError", "a bytes-like object is required, not 'str'") is None
    assert correction("AttributeError", "'Token' object has no attribute 'zzz_unknown'") is None
    assert correction("TypeError", None) is None


def test_only_the_argument_of_the_blamed_type_is_at_fault() -> None:
    args = {"data": "'text'", "count": "3", "name": "'x'", "thing": "Thing()"}
    assert at_fault(args, Correction(("bytes",), "str")) == ["data", "name"]
    assert at_fault(args, Correction(("str",), "int")) == ["count"]
    # No type named: every literal argument not already of the expected type.
    assert at_fault(args, Correction(("str",), None)) == ["count"]


def test_the_value_itself_converted_comes_before_typical_values() -> None:
    assert converted("'abc'", "bytes") == ["b'abc'"]
    assert converted("b'abc'", "str") == ["'abc'"]
    assert converted("'12'", "int") == ["12"]
    assert converted("'x'", "int") == []
    assert converted("5", "list") == ["[5]"]
    assert converted("[5]", "list") == []


def test_a_key_error_adds_its_key_to_each_mapping_argument() -> None:
    error, message = _messages_of("{}['price']")
    key = missing_key(error, message)
    assert key == "'price'"
    added = with_key('{"qty": 2}', key)
    assert added and all(literal_value(v)["qty"] == 2 for v in added)  # type: ignore[index]
    assert all("price" in literal_value(v) for v in added)  # type: ignore[operator]
    assert with_key("{'price': 1}", key) == []
    assert with_key("[1]", key) == []
    assert missing_key("KeyError", "<object object at 0x1>") is None
    assert missing_key("IndexError", "'price'") is None


def _parser_error(call: str) -> tuple[str, str]:
    import datetime
    import json

    try:
        eval(call, {"datetime": datetime, "json": json})
    except ValueError as error:
        return type(error).__name__, str(error)
    raise AssertionError(f"{call} raised nothing")


@pytest.mark.parametrize(
    ("call", "had", "parsed"),
    [
        ("int('abc')", "abc", "int"),
        ("float('x1')", "x1", "float"),
        ("datetime.datetime.strptime('a', '%d/%m/%Y %H:%M')", "a", "%d/%m/%Y %H:%M"),
        ("datetime.date.fromisoformat('zz')", "zz", "date"),
        ("json.loads('')", None, "json"),
    ],
)
def test_a_parsers_error_says_what_the_text_should_look_like(
    call: str, had: str | None, parsed: str
) -> None:
    import datetime
    import json

    error, message = _parser_error(call)
    quoted, texts = text_fix(error, message)
    assert quoted == had and texts
    for source in texts:
        text = literal_value(source)
        assert isinstance(text, str)
        if parsed == "int":
            int(text)
        elif parsed == "float":
            float(text)
        elif parsed == "date":
            datetime.date.fromisoformat(text[:10])
        elif parsed == "json":
            json.loads(text)
        else:
            datetime.datetime.strptime(text, parsed)
    assert text_fix("ValueError", "math domain error") == (None, [])


def test_the_text_a_parser_quotes_is_the_argument_at_fault() -> None:
    args = {"when": "'noon'", "label": "'x'", "count": "3"}
    assert texts_at_fault(args, "noon") == ["when"]
    assert texts_at_fault(args, "oo") == ["when"]  # a part split off it
    assert texts_at_fault(args, None) == ["when", "label"]


UNTYPED = textwrap.dedent(
    '''\
    import base64
    import datetime
    import operator

    price_of = operator.itemgetter("price")


    def encode(data):
        """Encode binary data as text."""
        return base64.b64encode(data).decode("ascii")


    def total(record):
        price = price_of(record)
        if price > 100:
            return "expensive"
        return "cheap"


    def shout(text):
        return text.upper()


    def era(text):
        when = datetime.datetime.strptime(text, "%d/%m/%Y")
        if when.year > 2000:
            return "modern"
        return "old"
    '''
)
UNTYPED_TESTS = textwrap.dedent(
    """\
    from untyped import shout

    def test_shout():
        assert shout("a") == "A"
    """
)


@pytest.fixture(scope="module")
def untyped_results(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[list[RecommendedTest], list[RecommendedTest]]:
    root: Path = tmp_path_factory.mktemp("untyped")
    request = measured_request(root, "untyped", UNTYPED, UNTYPED_TESTS)
    return offered_and_verified(request, budget_seconds=6.0)


def test_a_parameter_the_error_says_takes_bytes_gets_bytes(
    untyped_results: tuple[list[RecommendedTest], list[RecommendedTest]],
) -> None:
    offered, verified = untyped_results
    assert offered
    assert all(t.verified and t.passed for t in verified)
    assert unreached(verified, UNTYPED, ["base64.b64encode(data)"]) == []
    (encoding,) = [t for t in verified if "encode(" in t.test_code][:1]
    assert "encode(b" in encoding.test_code, encoding.test_code


def test_a_mapping_gets_the_key_its_lookup_missed(
    untyped_results: tuple[list[RecommendedTest], list[RecommendedTest]],
) -> None:
    offered, verified = untyped_results
    assert offered
    assert unreached(verified, UNTYPED, ['return "expensive"', 'return "cheap"']) == []
    assert any("'price'" in t.test_code or '"price"' in t.test_code for t in verified)


def test_a_text_gets_the_form_the_parser_said_it_reads(
    untyped_results: tuple[list[RecommendedTest], list[RecommendedTest]],
) -> None:
    _, verified = untyped_results
    assert unreached(verified, UNTYPED, ['return "modern"']) == []
