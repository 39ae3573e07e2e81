"""Early returns, loops, try/except and branches that leave the function."""

import os


def classify(n: int) -> str:
    if n < 0:
        return "negative"

    # A comment inside a gap: it must not split the range.

    if n == 0:
        # zero is special
        return "zero"
    return "positive"


def maybe_log(message: str, verbose: bool) -> None:
    if verbose:
        print(message)


def first_even(values: list[int]) -> int | None:
    for value in values:
        if value % 2 == 0:
            return value
    return None


def countdown(n: int) -> list[int]:
    seen = []
    while n > 0:
        seen.append(n)
        n -= 1
    else:
        seen.append(0)
    return seen


def search(values: list[int], target: int) -> int:
    position = -1
    for index, value in enumerate(values):
        if value == target:
            position = index
            break
    else:
        return -1
    return position


def read_config(path: str) -> str:
    try:
        with open(path) as handle:
            return handle.read()
    except FileNotFoundError:
        return ""
    except PermissionError:
        # Unreadable files are treated as empty, after a warning.

        print("cannot read", path)
        return ""
    finally:
        os.environ.get("GAPS_DEBUG")


def build_message(
    name: str,
    greeting: str = "hello",
) -> str:
    if not name:
        raise ValueError(
            "name must not be empty",
        )
    text = (
        f"{greeting}, "
        f"{name}"
    )  # fmt: skip
    return text


def clamp(value: int, low: int, high: int) -> int:
    result = value
    if value < low:
        result = low
    if value > high:
        result = high
    return result


def describe(values: list[int]) -> str:
    parts = [str(v) for v in values if v > 0]
    total = sum(
        v
        for v in values
        if v > 0
    )  # fmt: skip
    return ",".join(parts) + f"={total}"


def record(log: list[str], message: str) -> None:
    if message:
        log.append(message)


def unreached() -> int:  # pragma: no cover
    return 1


def guarded(value: str) -> int:
    if int(value) > 0:
        return 1
    return 0
