"""Logging configuration from a plain dict (as read from TOML or environment variables)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal, Optional


class Level(Enum):
    DEBUG = 10
    INFO = 20
    WARNING = 30
    ERROR = 40


class Format(Enum):
    PLAIN = "plain"
    JSON = "json"
    LOGFMT = "logfmt"


class ConfigError(ValueError):
    """A configuration value that cannot be used."""


@dataclass(frozen=True)
class LogConfig:
    level: Level = Level.INFO
    fmt: Format = Format.PLAIN
    destination: str = "stderr"
    color: bool = False

    def describe(self) -> str:
        colored = " with color" if self.color else ""
        return f"{self.level.name.lower()} {self.fmt.value} to {self.destination}{colored}"


def parse_level(value: str | int) -> Level:
    if isinstance(value, int):
        for level in Level:
            if level.value == value:
                return level
        raise ConfigError(f"no log level with number {value}")
    name = value.strip().upper()
    if name == "WARN":
        name = "WARNING"
    try:
        return Level[name]
    except KeyError:
        raise ConfigError(f"unknown log level {value!r}") from None


def level_allows(threshold: Level, message_level: Level) -> bool:
    return message_level.value >= threshold.value


def format_line(fmt: Format, level: Level, message: str) -> str:
    if fmt is Format.JSON:
        return '{"level": "%s", "msg": "%s"}' % (level.name.lower(), message.replace('"', '\\"'))
    if fmt is Format.LOGFMT:
        return f'level={level.name.lower()} msg="{message}"'
    return f"[{level.name}] {message}"


def destination_kind(destination: str) -> Literal["stream", "file", "syslog"]:
    if destination in ("stderr", "stdout"):
        return "stream"
    if destination.startswith("syslog://"):
        return "syslog"
    return "file"


def load(raw: dict[str, object], default_color: Optional[bool] = None) -> LogConfig:
    level = parse_level(raw.get("level", "info"))  # type: ignore[arg-type]
    fmt_name = str(raw.get("format", "plain")).lower()
    try:
        fmt = Format(fmt_name)
    except ValueError:
        raise ConfigError(f"unknown format {fmt_name!r}") from None
    destination = str(raw.get("destination", "stderr"))
    color = raw.get("color", default_color)
    if color is None:
        color = destination_kind(destination) == "stream" and fmt is Format.PLAIN
    if not isinstance(color, bool):
        raise ConfigError("color must be true or false")
    if color and fmt is Format.JSON:
        raise ConfigError("color output cannot be combined with the json format")
    return LogConfig(level, fmt, destination, color)
