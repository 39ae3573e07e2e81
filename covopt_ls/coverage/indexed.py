"""A report's files served on demand from byte offsets, so a 140 MB report costs an index.

The index is built in one streaming pass; a file's coverage is parsed from its own bytes when
asked for (an open document), and the last few are kept. If the report changed on disk since
it was indexed, reading raises CoverageReadError: the store re-reads the report then.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from covopt_ls.coverage.errors import CoverageReadError
from covopt_ls.coverage.model import FileCoverage
from covopt_ls.coverage.stamps import handle_stamp, path_stamp

ParseRecord = Callable[[bytes, str], FileCoverage]
Relocate = Callable[[str, int], FileCoverage | None]
"""(key, old offset) → the file's coverage found near that offset in the rewritten report."""


class IndexedFiles(Mapping[str, FileCoverage]):
    def __init__(
        self,
        path: Path,
        offsets: dict[str, tuple[int, int]],
        stamp: tuple[int, int],
        parse: ParseRecord,
        cache_size: int = 64,
        relocate: Relocate | None = None,
    ) -> None:
        self.path = path
        self.offsets = offsets
        self.stamp = stamp
        """(size, mtime_ns) of the report when it was indexed."""
        self._parse = parse
        self._relocate = relocate
        self._cache: OrderedDict[str, FileCoverage] = OrderedDict()
        self._cache_size = cache_size

    def record(self, key: str) -> bytes | None:
        """The record's bytes, or None when the report was rewritten since it was indexed."""
        offset, length = self.offsets[key]
        try:
            with self.path.open("rb") as handle:
                if handle_stamp(handle) != self.stamp:
                    return None
                handle.seek(offset)
                return handle.read(length)
        except OSError as exc:
            raise CoverageReadError(self.path, f"cannot read the report ({exc.strerror})") from None

    def unchanged(self) -> bool:
        return path_stamp(self.path) == self.stamp

    def __getitem__(self, key: str) -> FileCoverage:
        record = self.record(key)
        if record is None:
            # Rewritten (a re-run): serve this file from the new report, found near its old
            # offset, until the whole report has been re-indexed.
            relocated = self._relocate(key, self.offsets[key][0]) if self._relocate else None
            if relocated is None:
                raise CoverageReadError(self.path, "the report changed since it was read")
            return relocated
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        fc = self._parse(record, key)
        self._cache[key] = fc
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return fc

    def __contains__(self, key: object) -> bool:
        return key in self.offsets

    def __iter__(self) -> Iterator[str]:
        return iter(self.offsets)

    def __len__(self) -> int:
        return len(self.offsets)
