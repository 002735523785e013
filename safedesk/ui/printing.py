"""Placeholder until the PDF forms land."""

from __future__ import annotations

from typing import Any


def preview_form(parent: Any, db: Any, form: str, record_id: int) -> None:
    return None
