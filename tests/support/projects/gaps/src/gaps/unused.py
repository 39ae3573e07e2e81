"""A module no test imports: coverage reports all of it as missing (source is configured)."""


def never_called(a: int, b: int) -> int:
    if a > b:
        return a - b
    return b - a


CONSTANT = 3
