"""Where a report's file names are on this machine, and what to do when they are not.

A report names files as the measuring machine saw them: absolute paths (perhaps in a container
or on CI), or paths relative to a Cobertura `<source>` root or to the directory coverage ran in.
The candidates tried, in order: the `pathMappings` setting applied to the name (and to each
source root joined with it), the name itself when absolute, each source root joined with it,
then the name relative to the report's folder and to the workspace folder.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from covopt_ls.coverage.report import CoverageReport

WORKSPACE_VAR = "${workspaceFolder}"


def normalize(path: Path | str) -> str:
    return os.path.normcase(os.path.normpath(os.path.abspath(path)))


def _expand(value: str, workspace_root: Path) -> str:
    return value.replace(WORKSPACE_VAR, str(workspace_root))


def _has_prefix(path: str, prefix: str) -> bool:
    prefix = prefix.rstrip("/\\")
    return path == prefix or path.startswith((prefix + "/", prefix + "\\"))


class PathMapper:
    def __init__(self, workspace_root: Path, path_mappings: dict[str, str]) -> None:
        self.workspace_root = workspace_root
        self.path_mappings = dict(path_mappings)
        expanded = [
            (_expand(remote, workspace_root).rstrip("/\\"), _expand(local, workspace_root))
            for remote, local in path_mappings.items()
        ]
        self._mappings = sorted(expanded, key=lambda item: len(item[0]), reverse=True)

    def _mapped(self, name: str) -> str | None:
        for remote, local in self._mappings:
            if remote and _has_prefix(name, remote):
                rest = name[len(remote) :].lstrip("/\\")
                return os.path.join(local, rest) if rest else local
        return None

    def candidates(self, report: CoverageReport, report_key: str) -> list[Path]:
        """Local paths the report's name may stand for, most specific first."""
        key = (
            report_key.replace("\\", "/")
            if "\\" in report_key and "/" not in report_key
            else report_key
        )
        names = [key] + [
            str(PurePosixPath(root.replace("\\", "/")) / key) for root in report.source_roots
        ]
        found: list[str] = []
        for name in names:
            mapped = self._mapped(name)
            if mapped is not None:
                found.append(mapped)
        if os.path.isabs(key):
            found.append(key)
        else:
            found += [name for name in names[1:] if os.path.isabs(name)]
            found.append(str(report.path.parent / key))
            found.append(str(self.workspace_root / key))
        unique: dict[str, Path] = {}
        for item in found:
            unique.setdefault(normalize(item), Path(os.path.normpath(item)))
        return list(unique.values())

    def index(self, report: CoverageReport) -> dict[str, str]:
        """normalized local candidate → report key, for every file of the report."""
        result: dict[str, str] = {}
        for key in report.files:
            for candidate in self.candidates(report, key):
                result.setdefault(normalize(candidate), key)
        return result


def suffix_match(a: Iterable[str], b: Iterable[str]) -> int:
    """How many trailing path components two paths share."""
    count = 0
    for x, y in zip(reversed(list(a)), reversed(list(b)), strict=False):
        if os.path.normcase(x) != os.path.normcase(y):
            break
        count += 1
    return count


def _parts(path: str) -> list[str]:
    return [part for part in path.replace("\\", "/").split("/") if part]


def suggest_mapping(
    mapper: PathMapper, report: CoverageReport, key: str, source: Path
) -> dict[str, str] | None:
    """The pathMappings entry that makes `key` of `report` resolve to `source`, checked."""
    names = [key] + [f"{root.rstrip('/')}/{key}" for root in report.source_roots]
    for name in names:
        name_parts = _parts(name)
        source_parts = _parts(str(source))
        shared = suffix_match(name_parts, source_parts)
        if not shared:
            continue
        remote_parts = name_parts[: len(name_parts) - shared]
        local_parts = source_parts[: len(source_parts) - shared]
        remote = ("/" if name.startswith("/") else "") + "/".join(remote_parts)
        local = ("/" if str(source).startswith("/") else "") + "/".join(local_parts)
        if not remote:
            continue
        local_text = _with_workspace_var(local, mapper.workspace_root)
        trial = PathMapper(mapper.workspace_root, {**mapper.path_mappings, remote: local_text})
        if normalize(source) in {normalize(c) for c in trial.candidates(report, key)}:
            return {remote: local_text}
    return None


def _with_workspace_var(local: str, workspace_root: Path) -> str:
    root = str(workspace_root)
    if local == root:
        return WORKSPACE_VAR
    if local.startswith(root + os.sep):
        return WORKSPACE_VAR + "/" + Path(local).relative_to(root).as_posix()
    return local


def mapping_json(mapping: dict[str, str]) -> str:
    return json.dumps({"pathMappings": mapping})
