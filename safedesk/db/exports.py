"""The registers as tables for the submission package: one `Sheet` per register.

Each register's module offers `export_sheets(session, start, end) -> list[Sheet]`: its
records of the period [start, end], and is listed in `EXPORTS` by import path (one line
per register, as `due.PROVIDERS`). A module that is not written yet is skipped, and the
roadmap report says that register is not kept yet; nothing here imports what it does not use.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy.orm import Session

from safedesk.i18n import N_


class Kind(StrEnum):
    """How a column is written: real Excel dates and numbers, IIN/BIN always as text."""

    TEXT = "text"
    DATE = "date"
    NUMBER = "number"
    IIN = "iin"  # IIN or BIN: 12 digits kept as text, leading zeros and all


Value = str | int | float | dt.date | None


@dataclass(frozen=True)
class Sheet:
    """One register of the period: `name` is its `stats --json` key (sheet and CSV name)."""

    name: str
    title: str  # msgid: the register as people call it
    headers: tuple[str, ...]  # msgids, one per column
    kinds: tuple[Kind, ...]
    rows: list[Sequence[Value]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.headers) != len(self.kinds):
            raise ValueError(f"{self.name}: {len(self.headers)} headers, {len(self.kinds)} kinds")


@dataclass(frozen=True)
class Export:
    module: str  # import path of a module with export_sheets(session, start, end)
    title: str  # msgid: what it holds, for "not kept yet"


# One line per register module; the order is the order of sheets and CSV files.
EXPORTS: tuple[Export, ...] = (
    Export("safedesk.db.staff_exports", N_("Staff, units, positions, responsible persons")),
    Export("safedesk.db.training_exports", N_("Briefings and knowledge checks")),  # issue 4
    Export("safedesk.db.permit_exports", N_("Permit-to-work log")),  # issue 5
    Export("safedesk.db.risk_exports", N_("Risk assessments")),  # issue 6
    Export("safedesk.db.ppe_exports", N_("PPE, milk and protective equipment")),  # issue 7
    Export("safedesk.db.incident_exports", N_("Near misses, observations, accidents")),  # issue 8
)


@dataclass(frozen=True)
class Collected:
    sheets: list[Sheet]
    missing: list[Export]  # registers whose module is not written yet


def _exporter(export: Export):  # type: ignore[no-untyped-def]
    try:
        module = importlib.import_module(export.module)
    except ModuleNotFoundError as e:
        # Only the register's own module missing means "not kept yet"; a missing
        # dependency inside it is a bug and must be seen.
        if e.name != export.module:
            raise
        return None
    return getattr(module, "export_sheets", None)


def collect_sheets(
    session: Session, start: dt.date, end: dt.date, exports: Sequence[Export] = EXPORTS
) -> Collected:
    """Every register's sheets for [start, end], and the registers not kept yet."""
    sheets: list[Sheet] = []
    missing: list[Export] = []
    seen: set[str] = set()
    for export in exports:
        function = _exporter(export)
        if function is None:
            missing.append(export)
            continue
        for sheet in function(session, start, end):
            if sheet.name in seen:
                raise ValueError(f"two registers export a sheet called {sheet.name!r}")
            seen.add(sheet.name)
            sheets.append(sheet)
    return Collected(sheets, missing)
