"""Example strings of regular expressions (regexes.py): every kept example really matches in the
mode the code uses, every near miss really fails, each branch of an alternation is spelled, and
hostile or invalid patterns give nothing (quickly) instead of failing."""

from __future__ import annotations

import re

import pytest

from covopt_ls.engines.builtin.regexes import examples, mode_of


def _texts(values: tuple[str | bytes, ...]) -> list[str]:
    """A str pattern's examples, as str (each is one)."""
    texts = [v for v in values if isinstance(v, str)]
    assert len(texts) == len(values)
    return texts


SHAPES = [
    (r"\d{1,2}$", 0, "match"),
    (r"[-*,/]", 0, "search"),
    (r"\d{1,2}-\d{1,2}/\d{1,2}$", 0, "match"),
    (r"^(\d{1,2}|\d{1,2}-\d{1,2})(,\d{1,2}|,\d{1,2}-\d{1,2})+$", 0, "match"),
    (r"(?:\d{1,2}(?:-\d{1,2})?|[A-Za-z]{3})(?:,(?:\d{1,2}|[A-Za-z]{3}))*", 0, "fullmatch"),
    (r"\D{3}#\d$", 0, "match"),
    (r"[^\r\n'\"]+", 0, "fullmatch"),
    (r"(\w+)-\1", 0, "fullmatch"),
    (r"(?P<quote>['\"])?\w+(?(quote)(?P=quote))", 0, "fullmatch"),
    (r"(?<=[^\-_])[\-_]+[^\-_]", 0, "search"),
    (r"([A-Z\d]+)(?=[A-Z\d]|$)", 0, "search"),
    (r"(?!0)\d+", 0, "fullmatch"),
    (r"\bword\b", 0, "search"),
    (r"hello world", re.I, "fullmatch"),
    (r"(?i)[a-f]{2}", 0, "fullmatch"),
    ("^ M{0,3} (CM|CD|D?C{0,3}) $  # roman hundreds", re.VERBOSE, "search"),
    (r"\s+\S*\s?", 0, "fullmatch"),
    (r"[\u4e00-\u9fff]+", 0, "fullmatch"),
    (r"[^\x00-\x7f]", 0, "fullmatch"),
    (r"a.c", re.S, "fullmatch"),
    (r"^\d+$", re.M, "search"),
    (r"(?>ab|a)c", 0, "fullmatch"),
    (r"x*+y", 0, "fullmatch"),
    (r"a*?b+?", 0, "fullmatch"),
    (r"[\d.]+[eE]?", 0, "match"),
]


@pytest.mark.parametrize(("pattern", "flags", "mode"), SHAPES)
def test_examples_match_and_near_misses_do_not(pattern: str, flags: int, mode: str) -> None:
    found = examples(pattern, flags, mode)
    compiled = re.compile(pattern, flags)
    check = getattr(compiled, mode)
    assert found.matching, pattern
    assert all(check(text) is not None for text in found.matching)
    assert found.missing, pattern
    assert all(check(text) is None for text in found.missing)
    assert len(set(found.matching)) == len(found.matching)


def test_each_branch_and_repeat_count_is_spelled() -> None:
    found = _texts(examples(r"^(?:\d|[A-Z]{3})(?:,\d|-\d)*$", 0, "match", limit=12).matching)
    assert {"1", "AAA"} <= set(found)
    # The repeat at its minimum (none), once with each branch, and more than once.
    assert any(text.startswith("1,") for text in found)
    assert any(text.startswith("1-") for text in found)
    assert any(text.count(",") + text.count("-") >= 2 for text in found)


def test_the_plainest_example_comes_first() -> None:
    assert examples(r"\d{1,2}-\d{1,2}$", 0, "match").matching[0] == "1-1"
    assert examples(r"\*/\d+", 0, "fullmatch").matching[0] == "*/1"
    assert examples(r"(?:ab)?c", 0, "fullmatch").matching[0] == "c"


def test_an_anchored_match_is_missed_by_a_character_more() -> None:
    missing = examples(r"\d{4}$", 0, "match").missing
    assert "1111!" in missing or "1111x" in missing
    # Without the anchor, more text after a match still matches: no such near miss.
    assert not any(m.startswith("1111") for m in _texts(examples(r"\d{4}", 0, "match").missing))


def test_backreferences_repeat_the_groups_text() -> None:
    found = _texts(examples(r"<(\w+)>.*</\1>", 0, "fullmatch").matching)
    assert found
    for text in found:
        opening = text[1 : text.index(">")]
        assert text.endswith(f"</{opening}>")


def test_byte_patterns_give_bytes() -> None:
    found = examples(rb"\x00[a-z]{2}\d", 0, "fullmatch")
    assert found.matching and all(isinstance(v, bytes) for v in found.matching)
    assert found.matching[0] == b"\x00aa1"
    missing = [v for v in found.missing if isinstance(v, bytes)]
    assert missing and len(missing) == len(found.missing)
    assert all(re.fullmatch(rb"\x00[a-z]{2}\d", v) is None for v in missing)


@pytest.mark.parametrize(
    "pattern",
    [
        "(",  # does not compile
        r"\p{L}+",  # the `regex` module's syntax, not `re`'s
        "a{100000}",  # too long to spell out
        "(" * 200 + "a" + ")" * 200,  # too deep
        "x" * 5000,  # too long a pattern
        r"[^\s\S]",  # matches nothing
        r"a\Zb",  # matches nothing
    ],
)
def test_hostile_or_invalid_patterns_give_nothing(pattern: str) -> None:
    found = examples(pattern, 0, "search")
    assert found.matching == ()


def test_nested_repeats_are_checked_on_short_texts_only() -> None:
    # `(a+)+$` backtracks exponentially on a long run of `a` with a wrong end: every text
    # checked against it stays short.
    found = examples(r"(a+)+$", 0, "match")
    assert found.matching and found.missing
    assert all(len(t) <= 17 for t in (*found.matching, *found.missing))
    found = examples(r"((\w+\s?)+|x)*!", 0, "fullmatch")
    assert all(len(t) <= 17 for t in (*found.matching, *found.missing))


def test_output_is_deterministic_and_bounded() -> None:
    pattern = r"(a|b|c|d|e|f|g)(h|i|j|k|l|m|n)(o|p|q|r|s|t|u){1,9}[v-z]*"
    first = examples(pattern, 0, "fullmatch", limit=5)
    assert first == examples(pattern, 0, "fullmatch", limit=5)
    assert len(first.matching) == 5 and len(first.missing) <= 2


def test_unknown_mode_gives_nothing_and_functions_map_to_modes() -> None:
    assert examples(r"a", 0, "scan") == examples("(", 0, "search")
    assert mode_of("match") == "match"
    assert mode_of("fullmatch") == "fullmatch"
    for name in ("search", "findall", "finditer", "sub", "subn", "split"):
        assert mode_of(name) == "search"


def test_the_debug_flag_is_dropped_and_nothing_is_printed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `re.DEBUG` (128) prints the parsed pattern: in the server, stdout is the protocol channel.
    found = examples(r"[a-c]x\d", int(re.DEBUG) | int(re.I), "fullmatch")
    assert found.matching and found.matching[0] == "ax1"
    assert capsys.readouterr().out == ""


def test_many_repeats_in_a_row_are_checked_on_short_texts_only() -> None:
    # `\d*` four times then a letter backtracks to the fourth power of the text's length.
    found = examples(r"\d*\d*\d*\d*x" + "y" * 40, 0, "search")
    assert found.matching == ()  # its plainest match is longer than the short bound
    short = examples(r"\d*\d*\d*\d*x", 0, "fullmatch")
    assert short.matching and all(len(t) <= 17 for t in (*short.matching, *short.missing))


def test_fixed_width_fields_keep_their_whole_length() -> None:
    stamp = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z?"
    found = examples(stamp, 0, "fullmatch").matching
    assert found and found[0] == "1111-11-11T11:11:11"
