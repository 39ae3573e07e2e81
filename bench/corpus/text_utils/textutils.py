"""Text helpers for a static site generator: slugs, truncation, word counts, validation."""

from __future__ import annotations

import re
import unicodedata

_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


def slugify(text: str, max_length: int = 50) -> str:
    normalized = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", normalized.lower()).strip("-")
    if not slug:
        return "untitled"
    if len(slug) > max_length:
        slug = slug[:max_length].rstrip("-")
    return slug


def truncate(text: str, width: int, ellipsis: str = "...") -> str:
    if width < len(ellipsis):
        raise ValueError("width is smaller than the ellipsis")
    if len(text) <= width:
        return text
    cut = text[: width - len(ellipsis)]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut + ellipsis


def word_count(text: str) -> int:
    return len(re.findall(r"\b\w+\b", text))


def reading_time(text: str, words_per_minute: int = 200) -> str:
    if words_per_minute <= 0:
        raise ValueError("words_per_minute must be positive")
    minutes = word_count(text) / words_per_minute
    if minutes < 1:
        return "less than a minute"
    rounded = round(minutes)
    return f"{rounded} minute" if rounded == 1 else f"{rounded} minutes"


def is_valid_email(address: str) -> bool:
    if len(address) > 254 or address.count("@") != 1:
        return False
    local = address.split("@")[0]
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    return _EMAIL_RE.match(address) is not None


def title_case(text: str) -> str:
    small = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to"}
    words = text.split()
    result = []
    for index, word in enumerate(words):
        lower = word.lower()
        if index not in (0, len(words) - 1) and lower in small:
            result.append(lower)
        elif word.isupper() and len(word) > 1:
            result.append(word)
        else:
            result.append(word[:1].upper() + word[1:].lower())
    return " ".join(result)
