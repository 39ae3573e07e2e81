"""Writes an observed candidate as a self-contained pytest test asserting what was observed.

One call, one assertion on its behaviour: `== value` for values whose repr evaluates back to an
equal value, `pytest.approx` for floats, `is` for True/False/None and enum members,
`pytest.raises` for exceptions, and a type and attribute check for values without a faithful
repr. Every name the test uses is imported: from the module under test, from the existing
tests' imports, or from the module's own imports.
"""

from __future__ import annotations

import ast
import builtins
import io
import re
import tokenize
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from covopt_ls import syntax
from covopt_ls.engines.builtin.existing import bound_by, free_names, quoted_names
from covopt_ls.engines.builtin.fixtures import exit_check, fixture_parameters, output_checks
from covopt_ls.engines.builtin.runner import Observation
from covopt_ls.engines.builtin.toplevel import in_fallback, module_statements

_INDENT = "    "
_PLAIN_MESSAGE = re.compile(r"[A-Za-z0-9 ,_'-]{1,60}")


@dataclass(slots=True)
class ImportContext:
    """Where each name a test may use comes from."""

    module: str
    module_names: set[str]
    source_imports: dict[str, str] = field(default_factory=dict)
    test_imports: dict[str, str] = field(default_factory=dict)


def top_level_names(tree: ast.Module) -> tuple[set[str], dict[str, str]]:
    """Names a module defines, and the import statement of each name it imports."""
    defined: set[str] = set()
    imported: dict[str, str] = {}
    fallback = in_fallback(tree)
    for stmt in module_statements(tree):
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            defined.add(stmt.name)
        elif isinstance(stmt, ast.Assign | ast.AnnAssign):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for tgt in targets:
                defined |= {n.id for n in ast.walk(tgt) if isinstance(n, ast.Name)}
        elif isinstance(stmt, ast.Import | ast.ImportFrom):
            for alias in stmt.names:
                if alias.name == "*" or (isinstance(stmt, ast.ImportFrom) and stmt.level):
                    continue
                bound = alias.asname or alias.name.split(".")[0]
                if id(stmt) in fallback and bound in imported:
                    continue
                if isinstance(stmt, ast.ImportFrom):
                    if stmt.module == "__future__":
                        continue
                    imported[bound] = ast.unparse(ast.ImportFrom(stmt.module, [alias], 0))
                else:
                    imported[bound] = ast.unparse(ast.Import([alias]))
    return defined, imported


def _shorter_qualified_repr(outcome: Mapping[str, Any], ctx: ImportContext) -> Mapping[str, Any]:
    """`datetime.date(2024, 3, 8)` → `date(2024, 3, 8)` when the tests already import `date`
    from `datetime`: one import style per test file."""
    text = str(outcome.get("repr") or "")
    for statement in outcome.get("imports") or []:
        module = str(statement).removeprefix("import ")
        name = str(outcome.get("type", ""))
        wanted = f"from {module} import {name}"
        known = ctx.test_imports.get(name) or ctx.source_imports.get(name)
        if text.startswith(f"{module}.{name}(") and known == wanted:
            return {**outcome, "repr": text[len(module) + 1 :], "imports": [wanted]}
    return outcome


def _value_assertion(expr: str, info: Mapping[str, Any]) -> str | None:
    try:
        node = syntax.parse(expr, mode="eval").body
    except SyntaxError:
        node = None
    if isinstance(node, ast.Compare | ast.BinOp | ast.BoolOp | ast.UnaryOp):
        expr = f"({expr})"  # `assert (a == b) is False`, not a chained comparison
    if info.get("enum"):
        return f"assert {expr} is {info['enum']}"
    if info.get("nan"):
        # NaN equals nothing, itself included: only `math.isnan` tells it.
        return f"assert math.isnan({expr})"
    text = info.get("repr")
    if not info.get("faithful") or text is None:
        return None
    if text in ("True", "False", "None") or info.get("same_object"):
        return f"assert {expr} is {text}"
    if info.get("is_float") and info.get("finite", True):
        return f"assert {expr} == pytest.approx({text})"
    return f"assert {expr} == {text}"


def _exception_name(outcome: Mapping[str, Any], ctx: ImportContext) -> tuple[str, str | None]:
    """The exception's name in the test, and an import for it when one is needed."""
    name = str(outcome.get("type", "Exception"))
    module = str(outcome.get("type_module", "builtins"))
    if module == "builtins" and hasattr(builtins, name):
        return name, None
    if module == ctx.module and name in ctx.module_names:
        return name, None
    if "." not in name and not module.startswith("_") and module != "__main__":
        return name, f"from {module} import {name}"
    return "Exception", None


def _body(observation: Observation, ctx: ImportContext) -> tuple[list[str], list[str]]:
    """Statements of the test body and extra import statements."""
    lines, extra = _call_body(observation, ctx)
    return [*lines, *output_checks(observation.outcome or {})], extra


def _call_body(observation: Observation, ctx: ImportContext) -> tuple[list[str], list[str]]:
    candidate = observation.candidate
    outcome: Mapping[str, Any] = observation.outcome or {}
    lines = _used_setup(candidate.setup, candidate.call)
    extra: list[str] = []
    call = f"list({candidate.call})" if outcome.get("lazy") else candidate.call
    if outcome.get("kind") == "raise":
        name, import_line = _exception_name(outcome, ctx)
        if import_line:
            extra.append(import_line)
        code = exit_check(outcome)
        if code is not None:
            lines.extend([f"with pytest.raises({name}) as excinfo:", f"{_INDENT}{call}", code])
            return lines, extra
        message = str(outcome.get("message") or "")
        match = f", match={message!r}" if _PLAIN_MESSAGE.fullmatch(message) else ""
        lines.append(f"with pytest.raises({name}{match}):")
        lines.append(f"{_INDENT}{call}")
        return lines, extra
    if outcome.get("process_value"):
        # A hash or an address: another process or Python build gives another number.
        lines.append(f"result = {call}")
        lines.append("assert isinstance(result, int)")
        return lines, extra
    changes: Mapping[str, Any] = outcome.get("changes") or {}
    if outcome.get("repr") == "None" and changes and candidate.receiver:
        lines.append(call)
        for attr, change in list(changes.items())[:2]:
            attr_expr = f"{candidate.receiver}.{attr}"
            lines.append(_value_assertion(attr_expr, {**change, "faithful": True}) or "")
        return [line for line in lines if line], extra
    outcome = _shorter_qualified_repr(outcome, ctx)
    if outcome.get("order_free") and outcome.get("sorted_repr"):
        lines.append(f"assert sorted({candidate.call}) == {outcome['sorted_repr']}")
        return lines, extra
    direct = _value_assertion(call, outcome)
    if direct is not None:
        lines.append(direct)
        extra.extend(str(line) for line in outcome.get("imports") or [])
        return lines, extra
    lines.append(f"result = {call}")
    lines.append(_type_check(outcome, ctx))
    lines.extend(_state_checks(outcome))
    return lines, extra


def _type_check(outcome: Mapping[str, Any], ctx: ImportContext) -> str:
    type_name = str(outcome.get("type", "object"))
    type_module = str(outcome.get("type_module", "builtins"))
    if (type_module == "builtins" and hasattr(builtins, type_name)) or (
        type_module == ctx.module and type_name in ctx.module_names
    ):
        return f"assert isinstance(result, {type_name})"
    return f"assert type(result).__name__ == {type_name!r}"


def _state_checks(outcome: Mapping[str, Any]) -> list[str]:
    """What a reader can check on a value without a faithful repr: its equality with a plain
    value (a dict subclass `== {}`), its public attributes, else what str() and len() say."""
    if outcome.get("equal_repr"):
        return [f"assert result == {outcome['equal_repr']}"]
    checks: list[str] = []
    attrs: Mapping[str, Any] = outcome.get("attrs") or {}
    for attr, info in list(attrs.items())[:3]:
        assertion = _value_assertion(f"result.{attr}", {**info, "faithful": True})
        if assertion:
            checks.append(assertion)
    if checks:
        return checks
    text = outcome.get("text")
    if isinstance(text, str):
        checks.append(f"assert str(result) == {text!r}")
    container = outcome.get("type_module") == "builtins"  # its str() already shows every item
    if isinstance(outcome.get("length"), int) and not (container and isinstance(text, str)):
        checks.append(f"assert len(result) == {outcome['length']}")
    return checks


def _used_setup(setup: Sequence[str], call: str) -> list[str]:
    """The preparing statements without assignments of plain values nothing later reads (a
    `doc = {...}` the call never uses): building a literal runs no code under test."""
    kept: list[str] = []
    for index, statement in enumerate(setup):
        try:
            node = syntax.parse(statement).body
        except SyntaxError:
            kept.append(statement)
            continue
        target = _literal_assignment(node)
        later = "\n".join([*setup[index + 1 :], call])
        if target is not None and target not in _names_in(later):
            continue
        kept.append(statement)
    return kept


def _literal_assignment(body: list[ast.stmt]) -> str | None:
    if len(body) != 1 or not isinstance(body[0], ast.Assign) or len(body[0].targets) != 1:
        return None
    target = body[0].targets[0]
    if not isinstance(target, ast.Name):
        return None
    try:
        ast.literal_eval(body[0].value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    return target.id


def _names_in(code: str) -> set[str]:
    try:
        tree = syntax.parse(code)
    except SyntaxError:
        return set(re.findall(r"[A-Za-z_]\w*", code))
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}


def _imports_for(code: str, ctx: ImportContext, extra: list[str]) -> list[str]:
    tree = syntax.parse(code)
    # The test comes last, after the test file's definitions its values use.
    *definitions, test = tree.body
    bound = {
        n.id for n in ast.walk(test) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }
    # The test's fixtures are its parameters.
    if isinstance(test, ast.FunctionDef):
        bound |= {a.arg for a in test.args.args}
    # A function or class the test defines (a value to pass, a decorated example, a test
    # file's helper class) is its own name.
    bound |= {
        n.name
        for n in ast.walk(test)
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and n is not test
    }
    loaded = {
        n.id for n in ast.walk(test) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }
    for definition in definitions:
        bound |= bound_by(definition)
        loaded |= free_names(definition) | quoted_names(definition)
    used = sorted(loaded - bound)
    from_module: list[str] = []
    others: list[str] = []
    for name in used:
        if name in ctx.module_names:
            from_module.append(name)
        elif name in ctx.test_imports:
            others.append(ctx.test_imports[name])
        elif name in ctx.source_imports:
            others.append(ctx.source_imports[name])
        elif name in ("pytest", "asyncio", "unittest", "sys", "io"):
            others.append(f"import {name}")
    module_line = [f"from {ctx.module} import {', '.join(from_module)}"] if from_module else []
    kept = _one_import_per_name(
        [*module_line, *sorted(set(others)), *sorted(set(extra) - set(others))]
    )
    return sorted(kept[len(module_line) :]) + module_line


def _one_import_per_name(lines: list[str]) -> list[str]:
    """Drop an import whose names an earlier line already binds: the same class is often
    importable from the package and from its own module (`from pkg import Error` and
    `from pkg.errors import Error`); the earlier lines (the module under test, then the user's
    own imports) win."""
    bound: set[str] = set()
    kept: list[str] = []
    for line in lines:
        try:
            names = {
                (alias.asname or alias.name).split(".")[0]
                for node in syntax.parse(line).body
                if isinstance(node, ast.Import | ast.ImportFrom)
                for alias in node.names
            }
        except SyntaxError:
            names = set()
        if names and names <= bound:
            continue
        bound |= names
        kept.append(line)
    return kept


def prefer_double_quotes(code: str) -> str:
    """Plain string literals as black and ruff write them (`"gold"`, not `'gold'`);
    ast.unparse always picks single quotes."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError):
        return code
    pieces: list[str] = []
    last = (1, 0)
    lines = code.splitlines(keepends=True)
    for tok in tokens:
        if tok.type == tokenize.ENDMARKER:
            break
        (row, col), (end_row, end_col) = tok.start, tok.end
        if (row, col) > last:
            pieces.append(_between(lines, last, (row, col)))
        text = tok.string
        if (
            tok.type == tokenize.STRING
            and text.startswith("'")
            and not text.startswith("'" * 3)
            and '"' not in text
            and "\\" not in text
        ):
            text = '"' + text[1:-1] + '"'
        pieces.append(text)
        last = (end_row, end_col)
    result = "".join(pieces)
    try:
        same = ast.dump(syntax.parse(result)) == ast.dump(syntax.parse(code))
    except SyntaxError:
        return code
    return result if same else code


def _between(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> str:
    if start[0] == end[0]:
        return lines[start[0] - 1][start[1] : end[1]] if start[0] <= len(lines) else ""
    text = lines[start[0] - 1][start[1] :]
    for row in range(start[0] + 1, end[0]):
        text += lines[row - 1]
    return text + lines[end[0] - 1][: end[1]] if end[0] <= len(lines) else text


def _rows(statement: str) -> list[str]:
    """A local function or class definition spans lines, each indented in the test, and is
    followed by an empty one (as black and ruff format it); so does any other compound
    statement (a test file's `if`/`with`), without the empty line; a simple statement stays
    whole (a triple-quoted text keeps its lines as they are)."""
    try:
        body = syntax.parse(statement).body
    except SyntaxError:
        return [statement]
    if len(body) == 1 and isinstance(
        body[0], ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
    ):
        return [*statement.split("\n"), ""]
    if len(body) == 1 and isinstance(
        body[0], ast.If | ast.For | ast.While | ast.With | ast.Try | ast.AsyncWith | ast.AsyncFor
    ):
        return statement.split("\n")
    return [statement]


class UnrenderableTest(ValueError):
    """A call whose preparation does not lay out as a test function (a statement copied from
    elsewhere that this module cannot indent): that call makes no test, the others still do."""


def render_test(
    observation: Observation, name: str, ctx: ImportContext, framework: str = "pytest"
) -> str:
    """The test's source; UnrenderableTest when its text would not parse."""
    body, extra = _body(observation, ctx)
    rows = [row for line in body for row in _rows(line)]
    while rows and not rows[-1]:
        rows.pop()
    params = ", ".join(fixture_parameters(rows))
    lines = "".join(f"{_INDENT}{row}\n" if row else "\n" for row in rows)
    function = f"def {name}({params}):\n" + lines
    if framework == "unittest":
        function = as_unittest(function)
    # The test file's definitions its values use, at module level as in the test file: their
    # `__qualname__` is the one the call saw.
    definitions = "".join(f"{d}\n\n\n" for d in observation.candidate.definitions)
    code = prefer_double_quotes(definitions + function)
    try:
        imports = _imports_for(code, ctx, extra)
    except SyntaxError as exc:
        raise UnrenderableTest(f"{name}: {exc}") from exc
    return "\n".join(imports) + "\n\n\n" + code


class _ToUnittest(ast.NodeTransformer):
    """pytest assertions as `unittest.TestCase` assertions (the shapes this module writes)."""

    def visit_Assert(self, node: ast.Assert) -> ast.stmt:
        test = node.test
        call: tuple[str, list[ast.expr]] | None = None
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            left, op, right = test.left, test.ops[0], test.comparators[0]
            if isinstance(op, ast.Is):
                call = ("assertIs", [left, right])
            elif isinstance(op, ast.Eq) and _is_approx(right):
                assert isinstance(right, ast.Call)
                call = ("assertAlmostEqual", [left, right.args[0]])
            elif isinstance(op, ast.Eq):
                call = ("assertEqual", [left, right])
        elif (
            isinstance(test, ast.Call)
            and isinstance(test.func, ast.Name)
            and test.func.id == "isinstance"
        ):
            call = ("assertIsInstance", list(test.args))
        if call is None:
            return node
        method = ast.Attribute(ast.Name("self", ast.Load()), call[0], ast.Load())
        return ast.Expr(ast.Call(method, call[1], []))

    def visit_With(self, node: ast.With) -> ast.stmt:
        item = node.items[0].context_expr
        if isinstance(item, ast.Call) and ast.unparse(item.func) == "pytest.raises":
            match = next((k.value for k in item.keywords if k.arg == "match"), None)
            method = "assertRaisesRegex" if match is not None else "assertRaises"
            args = [*item.args, *([match] if match is not None else [])]
            target = ast.Attribute(ast.Name("self", ast.Load()), method, ast.Load())
            node.items[0].context_expr = ast.Call(target, args, [])
        return node


def _is_approx(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and ast.unparse(node.func) == "pytest.approx"
        and len(node.args) == 1
    )


def as_unittest(function: str) -> str:
    """A pytest test function as a `unittest.TestCase` class named after it."""
    tree = syntax.parse(function)
    func = tree.body[0]
    assert isinstance(func, ast.FunctionDef)
    func = _ToUnittest().visit(func)
    func.args.args = [ast.arg("self")]
    class_name = "".join(part.capitalize() for part in func.name.split("_") if part)
    base = ast.Attribute(ast.Name("unittest", ast.Load()), "TestCase", ast.Load())
    cls = ast.ClassDef(class_name, [base], [], [func], [])
    module = ast.Module([cls], [])
    return ast.unparse(ast.fix_missing_locations(module)) + "\n"
