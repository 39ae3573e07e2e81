"""Formatting: a match statement and a generator."""


def label(level: int) -> str:
    match level:
        case 0:
            return "empty"
        case 1 | 2 | 3:
            return "low"
        case _:
            return "ok"


def lines(levels: dict[str, int]):
    for sku, level in levels.items():
        if level < 0:
            continue
        yield f"{sku}: {label(level)}"
