"""The risk register as an Excel workbook: one sheet of assessed hazards, one of actions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import Employee, RiskAssessment, RiskControl, RiskRow, Unit
from safedesk.domain.people import full_name
from safedesk.domain.risk_controls import HIERARCHY_LABELS, STATUS_LABELS, ActionStatus, Hierarchy
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, pick

ROW_HEADERS = (
    N_("Assessment No."), N_("Unit"), N_("Area, process or task"), N_("Assessment date"),
    N_("Next review"), N_("No."), N_("Activity or task"), N_("Hazard"), N_("Unwanted event"),
    N_("Who is exposed"), N_("Existing controls"), N_("Likelihood"), N_("Consequence"),
    N_("Initial risk"), N_("Residual likelihood"), N_("Residual consequence"),
    N_("Residual risk"), N_("Reason if higher"),
)  # fmt: skip
ACTION_HEADERS = (
    N_("Assessment No."), N_("Unit"), N_("Hazard"), N_("Additional control"),
    N_("Level of the hierarchy"), N_("Owner"), N_("Deadline"), N_("Status"), N_("Done on"),
)  # fmt: skip
DATE_COLUMNS = {"rows": (4, 5), "actions": (7, 9)}


def _live() -> list[Any]:
    return [
        RiskRow.deleted_at.is_(None),
        RiskAssessment.deleted_at.is_(None),
        RiskAssessment.superseded_on.is_(None),
    ]


def _sheet(book: Any, title: str, headers: tuple[str, ...], rows: list[list[Any]]) -> Any:
    from openpyxl.styles import Font

    sheet = book.create_sheet(_(title)[:31])
    sheet.append([_(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{sheet.cell(1, len(headers)).column_letter}{max(sheet.max_row, 1)}"
    return sheet


def write_risk_xlsx(session: Session, today: dt.date, out_path: str | Path) -> Path:
    """Assessments in force with their rows, and all their actions, as real Excel dates."""
    from openpyxl import Workbook

    rows = session.execute(
        select(RiskAssessment, RiskRow, Unit)
        .join(RiskRow, RiskRow.assessment_id == RiskAssessment.id)
        .join(Unit, RiskAssessment.unit_id == Unit.id)
        .where(*_live())
        .order_by(RiskAssessment.assessed_on, RiskAssessment.id, RiskRow.line_no)
    ).all()
    row_values = [
        [a.number, pick(u.name_kk, u.name_ru), a.area, a.assessed_on, a.next_review, r.line_no,
         r.activity, r.hazard, r.unwanted_event, r.exposed, r.existing_controls, r.likelihood,
         r.consequence, r.initial_score, r.residual_likelihood, r.residual_consequence,
         r.residual_score, r.residual_reason]
        for a, r, u in rows
    ]  # fmt: skip
    actions = session.execute(
        select(RiskAssessment.number, Unit.name_kk, Unit.name_ru, RiskRow.hazard, RiskControl,
               Employee.surname, Employee.name, Employee.patronymic)
        .join(RiskRow, RiskControl.row_id == RiskRow.id)
        .join(RiskAssessment, RiskRow.assessment_id == RiskAssessment.id)
        .join(Unit, RiskAssessment.unit_id == Unit.id)
        .join(Employee, RiskControl.owner_id == Employee.id)
        .where(RiskControl.deleted_at.is_(None), *_live())
        .order_by(RiskControl.deadline, RiskControl.id)
    ).all()  # fmt: skip
    action_values = [
        [number, pick(kk, ru), hazard, c.description,
         _(HIERARCHY_LABELS[Hierarchy(c.hierarchy)]), full_name(surname, name, patronymic),
         c.deadline, _(STATUS_LABELS[ActionStatus(c.status)]), c.done_on]
        for number, kk, ru, hazard, c, surname, name, patronymic in actions
    ]  # fmt: skip
    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    for key, title, headers, values in (
        ("rows", N_("Risk assessments"), ROW_HEADERS, row_values),
        ("actions", N_("Risk control actions"), ACTION_HEADERS, action_values),
    ):
        sheet = _sheet(book, title, headers, values)
        for column in DATE_COLUMNS[key]:
            for r in range(2, sheet.max_row + 1):
                sheet.cell(r, column).number_format = "DD.MM.YYYY"
    book.properties.creator = "SafeDesk"
    fixed = dt.datetime(today.year, today.month, today.day)
    book.properties.created = fixed
    book.properties.modified = fixed
    path = Path(out_path)
    try:
        book.save(path)
    except OSError as e:
        raise SafeDeskError(
            N_("The file {path} cannot be written: {reason}."),
            path=str(path),
            reason=e.strerror or str(e),
        ) from e
    return path
