"""Setting up each workspace folder's settings and coverage store, and reloading reports.

Serves: initialized, workspace/didChangeConfiguration, workspace/didChangeWorkspaceFolders,
the `covopt.reloadCoverage` command, and report changes from either kind of file watching.
Parsing runs off the event loop inside the store; this module only sequences it, coalescing
bursts of changes (a test run rewrites several reports at once) into one reload per folder.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.uris import to_fs_path

from covopt_ls.coverage.store import CoverageStore

from .config import fetch_settings
from .folders import Folder

if TYPE_CHECKING:
    from .server import CovOptServer

logger = logging.getLogger(__name__)

RELOAD_DEBOUNCE_SECONDS = 0.1
"""Events of one test run arrive within a few ms: wait this long to read them in one go."""


def folder_from_uri(uri: str, name: str | None = None) -> tuple[str, Path, str] | None:
    fs_path = to_fs_path(uri)
    if fs_path is None:
        return None
    root = Path(fs_path).resolve()
    return uri, root, name or root.name


def initial_folders(params: types.InitializeParams) -> list[tuple[str, Path, str]]:
    """Workspace folders, else the root URI, else the root path (older clients)."""
    found: list[tuple[str, Path, str]] = []
    for folder in params.workspace_folders or ():
        if (item := folder_from_uri(folder.uri, folder.name)) is not None:
            found.append(item)
    if not found and params.root_uri and (item := folder_from_uri(params.root_uri)) is not None:
        found.append(item)
    if not found and params.root_path:
        root = Path(params.root_path).resolve()
        found.append((root.as_uri(), root, root.name))
    return found


class CoverageFolders:
    def __init__(self, server: CovOptServer) -> None:
        self._server = server

    def add_initial(self, params: types.InitializeParams) -> None:
        for uri, root, name in initial_folders(params):
            self._server.folders.add(uri, root, name)

    async def start_all(self) -> None:
        """Settings first, then watching (so no rewrite during the first load is missed), then
        the first load of every folder."""
        folders = self._server.folders.all()
        await asyncio.gather(*(self._settle(f) for f in folders))
        try:
            await self._server.watching.start()
        finally:
            await asyncio.gather(*(self.load(f) for f in folders))

    async def _settle(self, folder: Folder) -> None:
        try:
            await self._apply_settings(folder)
        except Exception as exc:  # defaults are better than no coverage at all
            logger.exception("reading settings of %s failed", folder.root)
            self._server.reporter.problem(f"{folder.name}: cannot read settings: {exc}")
            if folder.store is None:
                folder.store = CoverageStore(folder.root, folder.settings)

    async def load(self, folder: Folder) -> None:
        """Load every report of the folder; the folder is ready afterwards, whatever happened."""
        try:
            if folder.store is not None:
                self._report(await folder.store.load_all())
                paths = folder.store.report_paths()
                self._server.reporter.info(
                    f"{folder.name}: {len(paths)} coverage report(s): "
                    + ", ".join(str(p) for p in paths)
                )
        except Exception as exc:  # never leave a folder waiting forever
            logger.exception("loading coverage of %s failed", folder.root)
            self._server.reporter.problem(f"{folder.name}: cannot load coverage: {exc}")
        finally:
            folder.ready.set()

    async def _apply_settings(self, folder: Folder) -> bool:
        """Returns whether the coverage file globs changed (watchers must follow)."""
        settings, problems = await fetch_settings(self._server, folder, self._server.init_options)
        self._server.reporter.problems(problems)
        globs_changed = settings.coverage_files != folder.settings.coverage_files
        folder.settings = settings
        if folder.store is None:
            folder.store = CoverageStore(folder.root, settings)
            return True
        folder.store.update_settings(settings)
        return globs_changed

    async def configuration_changed(self) -> None:
        for folder in self._server.folders.all():
            await folder.ready.wait()
            globs_changed = await self._apply_settings(folder)
            if globs_changed and folder.store is not None:  # new mappings apply without a read
                self._report(await folder.store.load_all())
                await self._server.watching.folder_globs_changed(folder)
            await self._server.documents.refresh_folder(folder)

    async def folders_changed(self, event: types.WorkspaceFoldersChangeEvent) -> None:
        for removed in event.removed:
            if (folder := self._server.folders.remove(removed.uri)) is not None:
                await self._server.watching.folder_removed(folder)
        added = []
        for item in event.added:
            if (found := folder_from_uri(item.uri, item.name)) is not None:
                added.append(self._server.folders.add(*found))
        await asyncio.gather(*(self._settle(f) for f in added))
        for folder in added:
            await self._server.watching.folder_added(folder)
        await asyncio.gather(*(self.load(f) for f in added))
        for document in self._server.documents.reassign_folders():
            await self._server.documents.refresh(document)

    async def reload_all(self) -> dict[str, Any]:
        """`covopt.reloadCoverage`: rediscover and reread every report of every folder."""
        reports: list[str] = []
        errors: list[str] = []
        for folder in self._server.folders.all():
            await folder.ready.wait()
            if folder.store is None:
                continue
            problems = await folder.store.load_all()
            self._report(problems)
            errors += problems
            reports += [str(p) for p in folder.store.report_paths()]
            await self._server.documents.refresh_folder(folder)
        return {"reports": reports, "errors": errors}

    def reports_changed(self, folder: Folder, paths: Iterable[Path]) -> None:
        """Queue changed report files; one reload task per folder drains the queue."""
        folder.pending.update(paths)
        if not folder.reloading and folder.pending:
            folder.reloading = True
            self._server.run_task(self._drain(folder), f"reload {folder.name}")

    async def _drain(self, folder: Folder) -> None:
        try:
            await folder.ready.wait()
            while folder.pending:
                await asyncio.sleep(RELOAD_DEBOUNCE_SECONDS)
                paths = sorted(folder.pending)
                folder.pending.clear()
                if folder.store is None:
                    continue
                for path in paths:
                    try:
                        problems = await folder.store.reload(path)
                    except Exception as exc:  # the last good data stays; the server goes on
                        logger.exception("reloading %s failed", path)
                        problems = [f"cannot read {path}: {exc}"]
                    self._report(problems, key=str(path))
                await self._server.documents.refresh_folder(folder)
        finally:
            folder.reloading = False

    def _report(self, problems: list[str], key: str | None = None) -> None:
        self._server.reporter.problems(problems, key)
