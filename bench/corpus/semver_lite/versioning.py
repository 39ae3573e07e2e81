"""Parse, compare and bump semantic version strings (a trimmed semver 2.0 implementation)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_VERSION_RE = re.compile(
    r"^(?P<major>0|[1-9]\d*)\.(?P<minor>0|[1-9]\d*)\.(?P<patch>0|[1-9]\d*)"
    r"(?:-(?P<pre>[0-9A-Za-z.-]+))?(?:\+(?P<build>[0-9A-Za-z.-]+))?$"
)


class InvalidVersion(ValueError):
    """Raised for strings that are not semantic versions."""


@dataclass(frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    prerelease: str = ""
    build: str = ""

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        if self.prerelease:
            text += f"-{self.prerelease}"
        if self.build:
            text += f"+{self.build}"
        return text

    def is_stable(self) -> bool:
        return self.major > 0 and not self.prerelease

    def bump(self, part: str) -> "Version":
        if part == "major":
            return Version(self.major + 1, 0, 0)
        if part == "minor":
            return Version(self.major, self.minor + 1, 0)
        if part == "patch":
            return Version(self.major, self.minor, self.patch + 1)
        raise ValueError(f"unknown version part: {part!r}")


def parse(text: str) -> Version:
    if not isinstance(text, str):
        raise TypeError("version must be a string")
    text = text.strip()
    if text.startswith("v"):
        text = text[1:]
    match = _VERSION_RE.match(text)
    if match is None:
        raise InvalidVersion(f"not a semantic version: {text!r}")
    return Version(
        int(match["major"]),
        int(match["minor"]),
        int(match["patch"]),
        match["pre"] or "",
        match["build"] or "",
    )


def _compare_prerelease(a: str, b: str) -> int:
    if a == b:
        return 0
    if not a:
        return 1
    if not b:
        return -1
    for left, right in zip(a.split("."), b.split(".")):
        if left == right:
            continue
        if left.isdigit() and right.isdigit():
            return -1 if int(left) < int(right) else 1
        if left.isdigit():
            return -1
        if right.isdigit():
            return 1
        return -1 if left < right else 1
    return -1 if len(a.split(".")) < len(b.split(".")) else 1


def compare(a: str, b: str) -> int:
    """-1, 0 or 1 as a is lower than, equal to or higher than b (build metadata ignored)."""
    va, vb = parse(a), parse(b)
    core_a = (va.major, va.minor, va.patch)
    core_b = (vb.major, vb.minor, vb.patch)
    if core_a != core_b:
        return -1 if core_a < core_b else 1
    return _compare_prerelease(va.prerelease, vb.prerelease)


def satisfies(version: str, constraint: str) -> bool:
    """Check a version against a constraint such as ">=1.2.0", "<2.0.0", "==1.0.0" or "^1.2.0"."""
    for op in (">=", "<=", "==", "!=", ">", "<", "^", "~"):
        if constraint.startswith(op):
            target = constraint[len(op):].strip()
            break
    else:
        op, target = "==", constraint.strip()
    result = compare(version, target)
    if op == ">=":
        return result >= 0
    if op == "<=":
        return result <= 0
    if op == ">":
        return result > 0
    if op == "<":
        return result < 0
    if op == "!=":
        return result != 0
    if op == "^":
        v, t = parse(version), parse(target)
        return result >= 0 and v.major == t.major
    if op == "~":
        v, t = parse(version), parse(target)
        return result >= 0 and (v.major, v.minor) == (t.major, t.minor)
    return result == 0
