"""Test names from what distinguishes a test: `test_calculate_discount_silver_member_type`.

The distinguishing input is the argument that differs from the reference call (the existing
test's call, or the plainest one); the outcome adds `raises_value_error` when the call raises.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping

from covopt_ls import syntax
from covopt_ls.engines.builtin.calls import snake
from covopt_ls.engines.builtin.planner import Candidate

MAX_NAME = 60
"""Names longer than this lose their least telling words (never parts of words)."""
HARD_MAX_NAME = 70
"""What a name may reach to keep saying what its one input was."""


_SYMBOLS = {
    ">=": "at_least",
    "<=": "at_most",
    "==": "equal",
    "!=": "not_equal",
    ">": "above",
    "<": "below",
    "^": "caret",
    "~": "tilde",
    "@": "at",
    "+": "plus",
    "-": "minus",
    "*": "star",
    "/": "slash",
    "#": "hash",
    "%": "percent",
    "$": "dollar",
    ".": "dot",
    ",": "comma",
    ":": "colon",
    ";": "semicolon",
    '"': "quote",
    "'": "quote",
    "=": "equals",
    "&": "ampersand",
    "|": "pipe",
    "?": "question_mark",
    "!": "bang",
    "\\": "backslash",
    "{": "brace",
    "[": "bracket",
    "(": "paren",
}
_BRACKETS = "{[(\"'"
"""Leading characters that open a value rather than say something about it (`{noun}`)."""
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_UUID = re.compile(r"[{(]?[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}[})]?")


def _readable(token: str) -> bool:
    """A word a reader takes in at a glance: not hex, not a 30-letter alphabet, not `aaaaaa`."""
    if len(token) > 3 and len(set(token)) == 1:
        return False
    if token.isdigit():
        return len(token) <= 4
    if token.isalpha():
        return len(token) <= 4 or (len(token) <= 15 and bool(re.search(r"[aeiouy]", token)))
    if re.fullmatch(r"\d{1,4}(st|nd|rd|th|px|em|s|ms|kb|mb)", token):
        return True
    return bool(
        re.fullmatch(r"[a-z]{1,8}\d{1,4}|\d{1,4}[a-z]{2,12}", token)
        and re.search(r"[aeiouy]", token)
    )


def _shape(text: str) -> str:
    """What a value without readable words is made of: `hex`, `digits`, `letters`, or nothing
    to say."""
    if re.fullmatch(r"0x[0-9a-f]+", text):
        return "hex"
    if text.isdigit():
        return "digits"
    if text.isalpha():
        return "letters"
    return ""


def _symbol_words(symbols: str) -> list[str]:
    named: list[str] = []
    while symbols:
        key = next((k for k in _SYMBOLS if symbols.startswith(k)), symbols[0])
        word = _SYMBOLS.get(key, "")
        if word and (not named or named[-1] != word):
            named.append(word)
        symbols = symbols[len(key) :]
    return named


def slug(text: str, words: int = 3) -> str:
    """Words of a value; a leading operator or symbol is named (`>=1.2` → `at_least_1_2`), and a
    value of symbols only is named by them (`;` → `semicolon`)."""
    if _UUID.fullmatch(text.strip()):
        return "uuid"
    lead = re.match(r"[^\w\s]+", text)
    named = _symbol_words(lead.group(0)) if lead and lead.group(0)[0] not in _BRACKETS else []
    tokens = re.findall(r"[a-z0-9]+", text.lower())
    readable = [t for t in tokens if _readable(t)]
    if tokens and not readable:
        readable = [_shape(text.strip().lower())]
    if not readable:
        named = list(dict.fromkeys(_symbol_words(re.sub(r"[\w\s]", "", text))))
    parts = [*named, *(word for word in readable if word)]
    return "_".join(parts[:words])


def _number_words(value: float) -> str:
    """Sign and size (`zero`, `negative`, `negative_fraction`, `fraction`, `large`), or for a
    small positive number its digits (`2`, `2_5`)."""
    if value == 0:
        return "zero"
    size = abs(value)
    if value < 0:
        return "negative_fraction" if size < 1 else "negative"
    if size < 1:
        return "fraction"
    if size >= 10_000:
        return "large"
    if isinstance(value, float) and not value.is_integer():
        return str(size).replace(".", "_")
    return str(int(size))


def _count_words(count: int) -> str:
    if count < len(_NUMBER_WORDS):
        return f"{_NUMBER_WORDS[count]}_item" + ("s" if count != 1 else "")
    return "many_items"


def describe_value(param: str, source: str) -> str:
    """A few words for `param=source`, e.g. `zero_b`, `silver_member_type`, `not_express`."""
    try:
        value = ast.literal_eval(source)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        value = ...
    if value is True:
        return param
    if value is False:
        return f"not_{param}"
    if value is None:
        return f"no_{param}"
    if isinstance(value, int | float):
        words = _number_words(value)
        return f"{param}_{words}" if words[-1].isdigit() else f"{words}_{param}"
    if isinstance(value, str):
        if not value:
            return f"empty_{param}"
        if not value.strip():
            return f"blank_{param}"
        words = slug(value)
        if not words:
            return param  # no word in it a reader could take in (hex, an alphabet)
        return words if words in param else f"{words}_{param}"
    if isinstance(value, dict) and value:
        # `minLength` → `min_length`: a long camel-case key is words, not letters.
        first = list(value)[:2]
        keys = [slug(snake(str(key)), 2 if index == 0 else 1) for index, key in enumerate(first)]
        keys = [key for key in keys if key]
        return f"{param}_with_{'_'.join(keys)}" if keys else f"{param}_{_count_words(len(value))}"
    if isinstance(value, list | tuple | dict | set | frozenset):
        return f"empty_{param}" if not value else f"{param}_{_count_words(len(value))}"
    if isinstance(value, bytes):
        return f"empty_{param}" if not value else f"bytes_{param}"
    if re.fullmatch(r"[A-Za-z_][\w.]*\.[A-Za-z_]\w*", source):
        return f"{slug(source.rsplit('.', 1)[-1])}_{param}"
    if source.isidentifier() and source != param:
        # A function or constant passed by name (`len`, `identity`): the name says what it is.
        words = slug(source)
        return f"{words}_{param}" if words else param
    built = _constructed_words(source)
    return f"{param}_{built}" if built else param


def _constructed_words(source: str) -> str:
    """`date(2024, 2, 29)` → `2024_2_29`: the literal arguments an object was built from."""
    try:
        node = syntax.parse(source, mode="eval").body
    except SyntaxError:
        return ""
    if not isinstance(node, ast.Call):
        return ""
    values = [
        str(arg.value)
        for arg in [*node.args, *(k.value for k in node.keywords)]
        if isinstance(arg, ast.Constant) and not isinstance(arg.value, bool)
    ]
    return slug(" ".join(values), 3)


def callee_words(qualname: str) -> str:
    """`ShortUUID.decode` → `short_uuid_decode`: acronyms stay one word."""
    return re.sub(r"_+", "_", snake(qualname.replace(".", "_"))).strip("_")


def name_for_test(
    candidate: Candidate,
    callable_name: str,
    reference: Mapping[str, str],
    reference_setup: int,
    outcome: Mapping[str, object] | None,
    taken: Iterable[str],
) -> str:
    """`test_<callee>_<what the input is>_<outcome>`, at most MAX_NAME characters by dropping
    the least telling input words; unique against `taken` by adding the words it dropped
    before falling back to a number."""
    # An argument an environment gives (a path under `tmp_path`) is named by its note.
    noted = {p for p, _ in candidate.setup_args} if candidate.fixtures else set()
    inputs = [
        describe_value(param, source)
        for param, source in candidate.args
        if reference.get(param) != source and param not in noted
    ]
    inputs.extend(describe_value(param, source) for param, source in candidate.setup_args[:1])
    if len(candidate.setup) > reference_setup and candidate.receiver:
        last = candidate.setup[-1]
        match = re.match(rf"{re.escape(candidate.receiver)}\.(\w+)\((.*)\)$", last)
        if match:
            inputs.insert(0, f"after_{match.group(1)}{_first_argument_words(match.group(2))}")
    result = _outcome_words(candidate, outcome, bool(inputs))
    head = f"test_{callee_words(callable_name)}"
    taken_set = set(taken)
    spare = [describe_value(param, source) for param, source in candidate.args]
    if outcome and result is None:
        spare.append(_returns(outcome))
    choices = _shortened(head, inputs, result)
    if inputs and choices[:1] != inputs[:1] and result and result.startswith("raises_"):
        # A long exception name leaves no room for the whole input: what was given says more
        # than which error it raised (the test body names the error).
        result = "raises"
        choices = _shortened(head, inputs, result)
    for extra in [None, *spare]:
        name = _joined(head, choices if extra is None else [*choices, extra], result)
        if name not in taken_set and (extra is None or extra not in choices):
            return name
    base, counter = _joined(head, choices, result), 2
    name = base
    while name in taken_set:
        name, counter = f"{base}_{counter}", counter + 1
    return name


def _outcome_words(
    candidate: Candidate, outcome: Mapping[str, object] | None, has_inputs: bool
) -> str | None:
    changes = outcome.get("changes") if outcome else None
    if outcome and outcome.get("repr") == "None" and isinstance(changes, Mapping) and changes:
        return f"sets_{next(iter(changes))}"
    if outcome and outcome.get("kind") == "raise":
        return f"raises_{callee_words(str(outcome.get('type', 'error')))}"
    if not has_inputs and outcome:
        text = str(outcome.get("repr") or "")
        if candidate.args and len(text) > 24 and not outcome.get("enum"):
            # A long result names nothing: say what the call was given instead.
            return describe_value(*candidate.args[0])
        return _returns(outcome)
    return None


def _joined(head: str, inputs: list[str], result: str | None) -> str:
    return re.sub(r"_+", "_", "_".join([head, *inputs, *([result] if result else [])]))


def _shortened(head: str, inputs: list[str], result: str | None) -> list[str]:
    """The inputs kept: two at most, one while the name runs past MAX_NAME; the one left loses
    its trailing words (whole words) only past HARD_MAX_NAME, and goes only when even its first
    word does not fit: a name that says what the input was beats a short one."""
    kept = inputs[:2]
    while len(kept) > 1 and len(_joined(head, kept, result)) > MAX_NAME:
        kept.pop()
    while kept and len(_joined(head, kept, result)) > HARD_MAX_NAME:
        words = kept[-1].split("_")
        if len(words) == 1:
            kept.pop()
        else:
            kept[-1] = "_".join(words[:-1])
    return kept


def _returns(outcome: Mapping[str, object]) -> str:
    """`returns_zero`, `returns_true`, `returns_gold_member`, or the returned type's name."""
    text = str(outcome.get("repr") or "")
    enum = outcome.get("enum")
    process_value = outcome.get("process_value")
    if isinstance(process_value, list) and process_value:
        return f"returns_{'hash' if 'hash' in process_value else 'identity'}"
    if isinstance(enum, str):
        return f"returns_{slug(enum.rsplit('.', 1)[-1])}"
    try:
        value = ast.literal_eval(text) if text else ...
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        value = ...
    if isinstance(value, bool) or value is None:
        return f"returns_{str(value).lower()}"
    if isinstance(value, int | float):
        if value == 0:
            return "returns_zero"
        if value < 0:
            return "returns_negative"
        if isinstance(value, int) and value < len(_NUMBER_WORDS):
            return f"returns_{_NUMBER_WORDS[value]}"
        return "returns_positive"
    if isinstance(value, str):
        if not value:
            return "returns_empty_string"
        words = slug(value, 2)
        return f"returns_{words}" if words else "returns_text"
    if isinstance(value, list | tuple | dict | set) and not value:
        return f"returns_empty_{type(value).__name__}"
    if isinstance(value, list | tuple | dict | set):
        return f"returns_{_count_words(len(value))}"
    return f"returns_{callee_words(str(outcome.get('type', 'value')))}"


def _first_argument_words(arguments: str) -> str:
    """`"deliver"` → `_deliver`: the value a preparing call was given, when it is plain text."""
    try:
        call = syntax.parse(f"f({arguments})", mode="eval").body
    except SyntaxError:
        return ""
    if isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Constant):
        value = call.args[0].value
        if isinstance(value, str) and (words := slug(value, 2)):
            return f"_{words}"
    return ""
