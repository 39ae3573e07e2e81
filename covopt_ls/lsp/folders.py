"""Per-workspace-folder state: settings, the coverage store, readiness.

Each folder gets its own settings (its pyproject.toml, its `workspace/configuration` scope) and
its own `CoverageStore`. A document belongs to the innermost folder that contains it.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from covopt_ls.coverage.store import CoverageStore
from covopt_ls.settings import Settings


@dataclass(eq=False)
class Folder:
    uri: str
    root: Path
    name: str
    settings: Settings = field(default_factory=Settings)
    store: CoverageStore | None = None
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    """Set once settings are read and the first load is done: documents opened earlier wait."""
    pending: set[Path] = field(default_factory=set)
    """Report files changed since the last reload, coalesced while a reload runs."""
    reloading: bool = False

    def has_data(self) -> bool:
        return self.store is not None and bool(self.store.report_paths())

    def contains(self, path: Path) -> bool:
        return path == self.root or self.root in path.parents


class Folders:
    def __init__(self) -> None:
        self._folders: dict[str, Folder] = {}

    def add(self, uri: str, root: Path, name: str) -> Folder:
        folder = Folder(uri=uri, root=root, name=name)
        self._folders[uri] = folder
        return folder

    def remove(self, uri: str) -> Folder | None:
        return self._folders.pop(uri, None)

    def get(self, uri: str) -> Folder | None:
        return self._folders.get(uri)

    def all(self) -> list[Folder]:
        return list(self._folders.values())

    def folder_for(self, path: Path) -> Folder | None:
        """The innermost folder containing `path` (nested folders are allowed)."""
        best: Folder | None = None
        for folder in self._folders.values():
            if folder.contains(path) and (
                best is None or len(folder.root.parts) > len(best.root.parts)
            ):
                best = folder
        return best
