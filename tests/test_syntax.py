"""covopt_ls.syntax: the package's one way to parse Python, serialised across threads."""

from __future__ import annotations

import ast
import threading

from covopt_ls import syntax


def test_it_parses_as_ast_parse_does_in_both_modes() -> None:
    source = "def f(x):\n    return x + 1\n"
    assert ast.dump(syntax.parse(source)) == ast.dump(ast.parse(source))
    expression = syntax.parse("f(1, key='a')", mode="eval")
    assert isinstance(expression, ast.Expression)
    assert ast.dump(expression) == ast.dump(ast.parse("f(1, key='a')", mode="eval"))


def test_a_parse_waits_while_another_thread_parses() -> None:
    results: list[ast.Module] = []
    worker = threading.Thread(target=lambda: results.append(syntax.parse("x = 1\n")))
    with syntax.LOCK:  # as a parse in another thread would hold it
        worker.start()
        worker.join(timeout=0.5)
        assert worker.is_alive() and not results
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert [ast.unparse(tree) for tree in results] == ["x = 1"]
