"""The LSP methods of the generation flow, each a few lines calling the feature classes.

Methods: textDocument/codeAction, codeAction/resolve, textDocument/inlayHint,
textDocument/inlineCompletion, window/workDoneProgress/cancel; commands `covopt.generateTests`,
`covopt.cancelTask`, `covopt.insertTest`, `covopt.testsInserted`; requests `covopt/tasks` and
`covopt/task`. Hover on a gap and cancelling on edits are wired in handlers.py.
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from .code_actions import CMD_CANCEL_TASK, CMD_GENERATE_TESTS, CODE_ACTION_OPTIONS
from .insert_tests import CMD_INSERT_TEST, CMD_TESTS_INSERTED
from .server import CovOptServer

REQ_TASKS = "covopt/tasks"
REQ_TASK = "covopt/task"


def _argument(args: tuple[Any, ...]) -> dict[str, Any]:
    """Commands take one JSON object; it may arrive as a dict or as pygls's namedtuple."""
    first = args[0] if args else {}
    if hasattr(first, "_asdict"):
        first = first._asdict()
    return dict(first) if isinstance(first, dict) else {}


def register_generation_handlers(server: CovOptServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, CODE_ACTION_OPTIONS)
    def on_code_action(ls: CovOptServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions.actions(params)

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def on_code_action_resolve(
        ls: CovOptServer, params: types.CodeAction
    ) -> types.CodeAction:
        return await ls.code_actions.resolve(params)

    @server.feature(types.TEXT_DOCUMENT_INLAY_HINT)
    def on_inlay_hint(ls: CovOptServer, params: types.InlayHintParams) -> list[types.InlayHint]:
        return ls.inlay_hints.hints(params.text_document.uri, params.range)

    @server.feature(types.TEXT_DOCUMENT_INLINE_COMPLETION, types.InlineCompletionOptions())
    def on_inline_completion(
        ls: CovOptServer, params: types.InlineCompletionParams
    ) -> list[types.InlineCompletionItem]:
        return ls.inline_tests.items(params.text_document.uri, params.position)

    @server.feature(types.WINDOW_WORK_DONE_PROGRESS_CANCEL)
    def on_progress_cancel(ls: CovOptServer, params: types.WorkDoneProgressCancelParams) -> None:
        ls.generation.cancel_progress(str(params.token))

    @server.command(CMD_GENERATE_TESTS)
    async def generate_tests(ls: CovOptServer, *args: Any) -> dict[str, Any]:
        return await ls.generation.generate_command(_argument(args))

    @server.command(CMD_CANCEL_TASK)
    async def cancel_task(ls: CovOptServer, *args: Any) -> dict[str, Any]:
        ident = args[0] if args and isinstance(args[0], str) else _argument(args)
        return {"cancelled": await ls.generation.cancel_command(ident)}

    @server.command(CMD_INSERT_TEST)
    async def insert_test(ls: CovOptServer, *args: Any) -> dict[str, Any]:
        return await ls.inserter.apply(ls.inserter.insertion(_argument(args)))

    @server.command(CMD_TESTS_INSERTED)
    async def tests_inserted(ls: CovOptServer, *args: Any) -> dict[str, Any]:
        argument = _argument(args)
        insertion = ls.inserter.insertion(argument)
        if argument.get("mergeImports") and isinstance(argument.get("uri"), str):
            await ls.inserter.merge_imports(insertion, argument["uri"])
        return await ls.inserter.measure(insertion)

    @server.feature(REQ_TASKS)
    def on_tasks(ls: CovOptServer, params: Any) -> dict[str, Any]:
        return {"tasks": ls.generation.tasks_json()}

    @server.feature(REQ_TASK)
    def on_task(ls: CovOptServer, params: Any) -> dict[str, Any] | None:
        ident = getattr(params, "task_id", None) or getattr(params, "taskId", None)
        if not isinstance(ident, str):
            raise ValueError("covopt/task needs params {task_id}")
        return ls.generation.task_json(ident)
