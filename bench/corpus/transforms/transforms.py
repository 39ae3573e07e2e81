"""Dict and list helpers for shaping API payloads before they are written to a report."""

from __future__ import annotations

from typing import Any


def flatten(data: dict[str, Any], sep: str = ".", prefix: str = "") -> dict[str, Any]:
    """Nested dicts to one level: {"a": {"b": 1}} -> {"a.b": 1}."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        full = f"{prefix}{sep}{key}" if prefix else str(key)
        if isinstance(value, dict) and value:
            flat.update(flatten(value, sep, full))
        else:
            flat[full] = value
    return flat


def unflatten(data: dict[str, Any], sep: str = ".") -> dict[str, Any]:
    nested: dict[str, Any] = {}
    for key, value in data.items():
        parts = key.split(sep)
        node = nested
        for part in parts[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise ValueError(f"key conflict at {part!r}")
            node = child
        node[parts[-1]] = value
    return nested


def chunk(items: list[Any], size: int) -> list[list[Any]]:
    if size < 1:
        raise ValueError("chunk size must be at least 1")
    return [items[i:i + size] for i in range(0, len(items), size)]


def group_by(records: list[dict[str, Any]], key: str) -> dict[Any, list[dict[str, Any]]]:
    groups: dict[Any, list[dict[str, Any]]] = {}
    for record in records:
        if key not in record:
            groups.setdefault(None, []).append(record)
            continue
        groups.setdefault(record[key], []).append(record)
    return groups


def deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if key in merged and isinstance(merged[key], dict) and isinstance(value, dict):
            merged[key] = deep_merge(merged[key], value)
        elif value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def pick(data: dict[str, Any], keys: list[str], strict: bool = False) -> dict[str, Any]:
    result = {}
    for key in keys:
        if key in data:
            result[key] = data[key]
        elif strict:
            raise KeyError(key)
    return result


def dedupe(items: list[Any]) -> list[Any]:
    """Drop repeats, keep first occurrences in order."""
    seen: set[Any] = set()
    out = []
    for item in items:
        marker = tuple(item) if isinstance(item, list) else item
        if marker in seen:
            continue
        seen.add(marker)
        out.append(item)
    return out
