"""A hazard of the library and a category of hazards, each typed in Kazakh, Russian, English."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import Hazard, HazardCategory
from safedesk.db.risk_hazards import (
    CategoryFields,
    HazardFields,
    add_category,
    add_hazard,
    categories,
    update_category,
    update_hazard,
)
from safedesk.i18n import _
from safedesk.ui.dialogs.risk_library import localized
from safedesk.ui.widgets.fields import DateField, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


def fill_categories(combo: QComboBox, db: Database, empty: str | None = None) -> None:
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    with db.session() as s:
        for c in categories(s):
            combo.addItem(localized(c.name_kk, c.name_ru, c.name_en), c.id)


class HazardDialog(RecordDialog):
    def __init__(
        self,
        db: Database,
        hazard_id: int | None = None,
        parent: QWidget | None = None,
        category_id: int | None = None,
    ) -> None:
        super().__init__(db, _("Hazard"), parent)
        self.hazard_id = hazard_id
        self.version: int | None = None
        self.category = self.add_field("category_id", _("Category"), QComboBox())
        fill_categories(self.category, db, _("— choose —"))
        set_combo_value(self.category, category_id)
        self.name_kk = self.add_field("name_kk", _("Name (kk)"), QLineEdit())
        self.name_ru = self.add_field("name_ru", _("Name (ru)"), QLineEdit())
        self.name_en = self.add_field("name_en", _("Name (en)"), QLineEdit())
        self.event_kk = self.add_field("event_kk", _("Unwanted event (kk)"), QLineEdit())
        self.event_ru = self.add_field("event_ru", _("Unwanted event (ru)"), QLineEdit())
        self.event_en = self.add_field("event_en", _("Unwanted event (en)"), QLineEdit())
        self.legal_basis = self.add_field("legal_basis", _("Legal basis"), QLineEdit())
        self.edition_date = self.add_field(
            "edition_date", _("Edition date"), DateField(optional=True)
        )
        self.setMinimumWidth(620)
        if hazard_id is not None:
            with db.session() as s:
                row = s.get(Hazard, hazard_id)
                if row is not None:
                    self._load(row)

    def _load(self, row: Hazard) -> None:
        self.version = row.version
        set_combo_value(self.category, row.category_id)
        for box, value in (
            (self.name_kk, row.name_kk),
            (self.name_ru, row.name_ru),
            (self.name_en, row.name_en),
            (self.event_kk, row.event_kk),
            (self.event_ru, row.event_ru),
            (self.event_en, row.event_en),
            (self.legal_basis, row.legal_basis),
        ):
            box.setText(value)  # fmt: skip
        self.edition_date.set_value(row.edition_date)

    def collect(self) -> HazardFields:
        return HazardFields(
            category_id=self.category.currentData() or 0,
            name_kk=self.name_kk.text(),
            name_ru=self.name_ru.text(),
            name_en=self.name_en.text(),
            event_kk=self.event_kk.text(),
            event_ru=self.event_ru.text(),
            event_en=self.event_en.text(),
            legal_basis=self.legal_basis.text(),
            edition_date=self.edition_date.value(),
        )

    def save(self, session: Session) -> int:
        if self.hazard_id is None:
            return add_hazard(session, self.collect()).id
        return update_hazard(session, self.hazard_id, self.version, self.collect()).id


class CategoryDialog(RecordDialog):
    def __init__(
        self, db: Database, category_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Hazard category"), parent)
        self.category_id = category_id
        self.version: int | None = None
        self.code = self.add_field("code", _("Code"), QLineEdit())
        self.name_kk = self.add_field("name_kk", _("Name (kk)"), QLineEdit())
        self.name_ru = self.add_field("name_ru", _("Name (ru)"), QLineEdit())
        self.name_en = self.add_field("name_en", _("Name (en)"), QLineEdit())
        self.setMinimumWidth(520)
        if category_id is not None:
            with db.session() as s:
                row = s.get(HazardCategory, category_id)
                if row is not None:
                    self.version = row.version
                    self.code.setText(row.code)
                    self.name_kk.setText(row.name_kk)
                    self.name_ru.setText(row.name_ru)
                    self.name_en.setText(row.name_en)

    def collect(self) -> CategoryFields:
        return CategoryFields(
            self.name_kk.text(), self.name_ru.text(), self.name_en.text(), self.code.text()
        )

    def save(self, session: Session) -> int:
        if self.category_id is None:
            return add_category(session, self.collect()).id
        return update_category(session, self.category_id, self.version, self.collect()).id
