"""Placeholder: filled in by its own module's work."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    return None
