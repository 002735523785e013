"""An examination commission: name, the order forming it, the chair and the members."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy.orm import Session

from safedesk.db.check_commissions import (
    CommissionFields,
    add_commission,
    member_ids,
    update_commission,
)
from safedesk.db.engine import Database
from safedesk.db.models import CheckCommission
from safedesk.i18n import _
from safedesk.ui.dialogs.briefing import PeopleList
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField
from safedesk.ui.widgets.record_dialog import RecordDialog


class CommissionDialog(RecordDialog):
    def __init__(
        self, db: Database, commission_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Examination commission"), parent)
        self.commission_id = commission_id
        self.version: int | None = None
        self.name = self.add_field("name", _("Name"), QLineEdit())
        self.order_no = self.add_field("order_no", _("Order No."), QLineEdit())
        self.order_date = self.add_field("order_date", _("Order date"), DateField())
        self.chair = self.add_field("chair_id", _("Chair"), EmployeePicker(db))
        self.members = self.add_field("members", _("Members"), PeopleList(db))
        self.setMinimumWidth(600)
        if commission_id is not None:
            self._load(commission_id)

    def _load(self, commission_id: int) -> None:
        with self.db.session() as s:
            row = s.get(CheckCommission, commission_id)
            if row is None:
                return
            self.version = row.version
            self.name.setText(row.name)
            self.order_no.setText(row.order_no)
            self.order_date.set_value(row.order_date)
            self.chair.set_value(row.chair_id)
            for employee_id in member_ids(s, row.id):
                self.members.add(employee_id)

    def collect(self) -> CommissionFields:
        return CommissionFields(
            name=self.name.text(),
            order_no=self.order_no.text(),
            order_date=self.order_date.value(),
            chair_id=self.chair.value(),
            member_ids=self.members.ids(),
        )

    def save(self, session: Session) -> int:
        fields = self.collect()
        if self.commission_id is None:
            return add_commission(session, fields).id
        return update_commission(session, self.commission_id, self.version, fields).id
