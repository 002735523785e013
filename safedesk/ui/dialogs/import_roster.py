"""Placeholder until the roster importer lands."""

from __future__ import annotations

from typing import Any


class ImportRosterDialog:
    @staticmethod
    def run(db: Any, parent: Any) -> bool:
        return False
