"""Telling the user about bad input without nagging: `window/logMessage` every time, and one
`window/showMessage` the first time a given problem (keyed, e.g. by report file) is seen."""

from __future__ import annotations

import logging

from lsprotocol import types
from pygls.lsp.server import LanguageServer

logger = logging.getLogger(__name__)


class Reporter:
    def __init__(self, server: LanguageServer) -> None:
        self._server = server
        self._shown: set[str] = set()

    def problem(self, message: str, key: str | None = None) -> None:
        """A problem with the user's data or settings: logged always, shown once per key."""
        logger.warning("%s", message)
        self.log(message, types.MessageType.Warning)
        key = message if key is None else key
        if key not in self._shown:
            self._shown.add(key)
            self.show(message, types.MessageType.Warning)

    def problems(self, messages: list[str], key: str | None = None) -> None:
        for message in messages:
            self.problem(message, key)

    def info(self, message: str) -> None:
        logger.info("%s", message)
        self.log(message, types.MessageType.Info)

    def log(self, message: str, kind: types.MessageType) -> None:
        self._server.window_log_message(types.LogMessageParams(type=kind, message=message))

    def show(self, message: str, kind: types.MessageType) -> None:
        self._server.window_show_message(
            types.ShowMessageParams(type=kind, message=f"covopt: {message}")
        )
