"""A position: its category decides check periods, its flags what it needs."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import Position
from safedesk.db.positions import PositionFields, add_position, update_position
from safedesk.domain.people import (
    CATEGORY_LABELS,
    ELECTRICAL_GROUPS,
    PositionCategory,
    group_numeral,
)
from safedesk.i18n import _
from safedesk.ui.widgets.fields import combo_value, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


class PositionDialog(RecordDialog):
    def __init__(
        self, db: Database, position_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Position"), parent)
        self.position_id = position_id
        self.version: int | None = None
        self.name_kk = self.add_field("name_kk", _("Name in Kazakh"), QLineEdit())
        self.name_ru = self.add_field("name_ru", _("Name in Russian"), QLineEdit())
        self.category = self.add_field("category", _("Category"), QComboBox())
        for category in PositionCategory:
            self.category.addItem(_(CATEGORY_LABELS[category]), category)
        set_combo_value(self.category, PositionCategory.WORKER)
        self.harmful = self.add_field(
            "harmful", _("Harmful conditions"), QCheckBox(_("harmful or hazardous work"))
        )
        self.group = self.add_field(
            "electrical_group_required", _("Electrical-safety group needed"), QComboBox()
        )
        self.group.addItem(_("— none —"), None)
        for group in ELECTRICAL_GROUPS:
            self.group.addItem(group_numeral(group), group)
        self.setMinimumWidth(460)
        if position_id is not None:
            with db.session() as s:
                p = s.get(Position, position_id)
                if p is not None:
                    self.version = p.version
                    self.name_kk.setText(p.name_kk)
                    self.name_ru.setText(p.name_ru)
                    set_combo_value(self.category, PositionCategory(p.category))
                    self.harmful.setChecked(p.harmful)
                    set_combo_value(self.group, p.electrical_group_required)

    def save(self, session: Session) -> int:
        fields = PositionFields(
            name_kk=self.name_kk.text(),
            name_ru=self.name_ru.text(),
            category=PositionCategory(str(combo_value(self.category))),
            harmful=self.harmful.isChecked(),
            electrical_group_required=combo_value(self.group),  # type: ignore[arg-type]
        )
        if self.position_id is None:
            return add_position(session, fields).id
        return update_position(session, self.position_id, self.version, fields).id
