"""A client for a weather HTTP API with an on-disk cache; only the pure helpers run offline."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

API_URL = "https://api.weather.example.com/v1/current"
CACHE_DIR = Path.home() / ".cache" / "weather-client"


def celsius_to_fahrenheit(celsius: float) -> float:
    return round(celsius * 9 / 5 + 32, 1)


def describe_wind(speed_kmh: float) -> str:
    if speed_kmh < 0:
        raise ValueError("wind speed cannot be negative")
    if speed_kmh < 2:
        return "calm"
    if speed_kmh < 20:
        return "light breeze"
    if speed_kmh < 50:
        return "windy"
    return "storm"


def build_url(city: str, units: str = "metric") -> str:
    if units not in ("metric", "imperial"):
        raise ValueError(f"unknown units {units!r}")
    return f"{API_URL}?q={city.strip().replace(' ', '+')}&units={units}"


def fetch_current(city: str, timeout: float = 5.0) -> dict[str, object]:
    with urllib.request.urlopen(build_url(city), timeout=timeout) as response:
        payload = json.load(response)
    if payload.get("status") != "ok":
        raise RuntimeError(f"weather API error: {payload.get('message', 'unknown')}")
    return payload["data"]


def cached_forecast(city: str) -> dict[str, object]:
    path = CACHE_DIR / f"{city.lower()}.json"
    if path.exists():
        return json.loads(path.read_text())
    data = fetch_current(city)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
    return data
