"""A unit (department, shop, site) and where it sits in the tree."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import Unit
from safedesk.db.units import UnitFields, add_unit, update_unit
from safedesk.i18n import _
from safedesk.ui.choices import fill_units
from safedesk.ui.widgets.fields import combo_value, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


class UnitDialog(RecordDialog):
    def __init__(
        self,
        db: Database,
        unit_id: int | None = None,
        parent: QWidget | None = None,
        parent_unit: int | None = None,
    ) -> None:
        super().__init__(db, _("Unit"), parent)
        self.unit_id = unit_id
        self.version: int | None = None
        self.name_kk = self.add_field("name_kk", _("Name in Kazakh"), QLineEdit())
        self.name_ru = self.add_field("name_ru", _("Name in Russian"), QLineEdit())
        self.code = self.add_field("code", _("Code"), QLineEdit())
        self.parent_unit = self.add_field("parent_id", _("Parent unit"), QComboBox())
        fill_units(self.parent_unit, db, _("— top level —"))
        set_combo_value(self.parent_unit, parent_unit)
        self.setMinimumWidth(460)
        if unit_id is not None:
            with db.session() as s:
                unit = s.get(Unit, unit_id)
                if unit is not None:
                    self.version = unit.version
                    self.name_kk.setText(unit.name_kk)
                    self.name_ru.setText(unit.name_ru)
                    self.code.setText(unit.code)
                    set_combo_value(self.parent_unit, unit.parent_id)

    def save(self, session: Session) -> int:
        fields = UnitFields(
            name_kk=self.name_kk.text(),
            name_ru=self.name_ru.text(),
            parent_id=combo_value(self.parent_unit),  # type: ignore[arg-type]
            code=self.code.text(),
        )
        if self.unit_id is None:
            return add_unit(session, fields).id
        return update_unit(session, self.unit_id, self.version, fields).id
