"""Fields the incident dialogs share: a local date-time, enum choices, a WRAC row choice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QWidget
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.i18n import _
from safedesk.ui.widgets.fields import set_combo_value


class DateTimeField(QDateTimeEdit):
    """A moment typed in Kazakhstan time (dd.mm.yyyy hh:mm), given back in UTC."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.set_value(dt.datetime.now(dt.UTC))

    def value(self) -> dt.datetime:
        d, t = self.date(), self.time()
        local = dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=KAZAKHSTAN)
        return local.astimezone(dt.UTC)

    def set_value(self, moment: dt.datetime) -> None:
        local = moment.astimezone(KAZAKHSTAN)
        self.setDateTime(QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0))


def enum_combo(labels: Mapping[Any, str], value: str | None = None) -> QComboBox:
    """A combo of an enum's labels (message ids) holding the enum's values."""
    combo = QComboBox()
    for key, label in labels.items():
        combo.addItem(_(label), str(key))
    if value is not None:
        set_combo_value(combo, value)
    return combo


def risk_row_combo(db: Database) -> QComboBox:
    """The WRAC rows a near miss or a cause may revise (issue 6's register), or none."""
    from safedesk.db.models.risk import RiskRow

    combo = QComboBox()
    combo.addItem(_("— none —"), None)
    with db.session() as s:
        rows = s.execute(
            select(RiskRow.id, RiskRow.hazard, RiskRow.activity)
            .where(RiskRow.deleted_at.is_(None))
            .order_by(RiskRow.id)
            .limit(2000)
        ).all()
    for rid, hazard, activity in rows:
        text = " — ".join(x for x in (hazard, activity) if x)
        combo.addItem(_("No. {id}: {text}").format(id=rid, text=text)[:120], rid)
    return combo


def measure_owners(db: Database, accident_id: int | None) -> list[tuple[int, str]]:
    """(id, "Surname Name Patronymic") of staff in service, and of the owners the causes of
    `accident_id` already name (even if dismissed since), sorted by name."""
    from safedesk.db.models import AccidentCause, Employee
    from safedesk.domain.people import full_name

    named = select(AccidentCause.owner_id).where(AccidentCause.accident_id == accident_id)
    with db.session() as s:
        rows = s.execute(
            select(Employee.id, Employee.surname, Employee.name, Employee.patronymic).where(
                (Employee.deleted_at.is_(None) & Employee.dismissal_date.is_(None))
                | Employee.id.in_(named)
            )
        ).all()
    found = [(eid, full_name(surname, name, patronymic)) for eid, surname, name, patronymic in rows]
    return sorted(found, key=lambda item: item[1].casefold())
