"""Noticing rewritten coverage reports: client-side where possible, server-side otherwise.

Where the client declares `workspace.didChangeWatchedFiles.dynamicRegistration`, the server
registers watchers for the coverage globs (`client/registerCapability`) and the client sends
`workspace/didChangeWatchedFiles`. Otherwise (or when registration fails) each folder gets the
coverage core's `ReportWatcher` (watchfiles, off the event loop). Either way the changed paths go
to `CoverageFolders.reports_changed`, filtered by the folder's globs.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.uris import to_fs_path

from covopt_ls.coverage.watch import ReportWatcher, matches_coverage_globs

from .folders import Folder

if TYPE_CHECKING:
    from .server import CovOptServer

logger = logging.getLogger(__name__)


def watched_globs(globs: Sequence[str]) -> list[str]:
    """The coverage globs plus coverage.py's parallel data files next to any `.coverage`."""
    patterns = list(dict.fromkeys(globs))
    for glob in globs:
        if glob.endswith(".coverage"):
            patterns.append(glob + ".*")
    return list(dict.fromkeys(patterns))


def is_report_path(path: Path, folder: Folder) -> bool:
    globs = watched_globs(folder.settings.coverage_files)
    return matches_coverage_globs(path, folder.root, globs)


class ReportWatching:
    def __init__(self, server: CovOptServer) -> None:
        self._server = server
        self._registration_id: str | None = None
        self._client_side = False
        self._watchers: dict[str, ReportWatcher] = {}

    @property
    def client_side(self) -> bool:
        return self._client_side

    def client_can_watch(self) -> bool:
        workspace = self._server.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        return bool(watched and watched.dynamic_registration)

    async def start(self) -> None:
        if self.client_can_watch() and await self._register():
            self._client_side = True
            self._server.reporter.info("watching coverage reports through the client")
            return
        for folder in self._server.folders.all():
            await self._start_server_side(folder)
        self._server.reporter.info("watching coverage reports server-side")

    async def _register(self) -> bool:
        """Register one set of watchers covering every folder; False if the client refused."""
        workspace = self._server.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        relative = bool(watched and watched.relative_pattern_support)
        watchers: list[types.FileSystemWatcher] = []
        for folder in self._server.folders.all():
            for glob in watched_globs(folder.settings.coverage_files):
                pattern: types.GlobPattern = (
                    types.RelativePattern(base_uri=folder.uri, pattern=glob) if relative else glob
                )
                watchers.append(types.FileSystemWatcher(glob_pattern=pattern))
        registration_id = f"covopt-watch-{uuid.uuid4()}"
        try:
            await self._server.client_register_capability_async(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id=registration_id,
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                watchers=watchers
                            ),
                        )
                    ]
                )
            )
        except Exception as exc:
            logger.warning("client refused to watch coverage files: %s", exc)
            self._server.reporter.info(f"watching coverage files server-side ({exc})")
            return False
        self._registration_id = registration_id
        return True

    async def _unregister(self) -> None:
        if self._registration_id is None:
            return
        registration_id, self._registration_id = self._registration_id, None
        try:
            await self._server.client_unregister_capability_async(
                types.UnregistrationParams(
                    unregisterations=[
                        types.Unregistration(
                            id=registration_id, method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES
                        )
                    ]
                )
            )
        except Exception as exc:
            logger.warning("unregistering the coverage watchers failed: %s", exc)

    async def _start_server_side(self, folder: Folder) -> None:
        async def on_change(paths: set[Path]) -> None:
            self._server.coverage.reports_changed(folder, paths)

        watcher = ReportWatcher(
            folder.root, watched_globs(folder.settings.coverage_files), on_change
        )
        try:
            await watcher.start()
        except Exception as exc:
            self._server.reporter.problem(f"{folder.name}: cannot watch coverage files: {exc}")
            return
        self._watchers[folder.uri] = watcher

    async def _stop_server_side(self, folder: Folder) -> None:
        if (watcher := self._watchers.pop(folder.uri, None)) is not None:
            await watcher.stop()

    def client_events(self, params: types.DidChangeWatchedFilesParams) -> None:
        """Route the client's events to their folders; anything not a report is ignored."""
        by_folder: dict[str, tuple[Folder, set[Path]]] = {}
        for event in params.changes:
            fs_path = to_fs_path(event.uri)
            if fs_path is None:
                continue
            path = Path(fs_path).resolve()
            folder = self._server.folders.folder_for(path)
            if folder is None or not is_report_path(path, folder):
                continue
            by_folder.setdefault(folder.uri, (folder, set()))[1].add(path)
        for folder, paths in by_folder.values():
            self._server.coverage.reports_changed(folder, paths)

    async def folder_globs_changed(self, folder: Folder) -> None:
        if self._client_side:
            await self._unregister()
            self._client_side = await self._register()
            if self._client_side:
                return
            for other in self._server.folders.all():
                if other.uri not in self._watchers:
                    await self._start_server_side(other)
        await self._stop_server_side(folder)
        await self._start_server_side(folder)

    async def folder_added(self, folder: Folder) -> None:
        await self.folder_globs_changed(folder)

    async def folder_removed(self, folder: Folder) -> None:
        await self._stop_server_side(folder)
        if self._client_side:
            await self._unregister()
            self._client_side = await self._register()

    async def stop(self) -> None:
        for folder in self._server.folders.all():
            await self._stop_server_side(folder)
