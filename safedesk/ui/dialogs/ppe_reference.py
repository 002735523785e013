"""Dialogs of PPE reference data: catalogue item, norm line, positions of a norm,
personal addition, stock receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import Position, PpeItem, PpeNormLine, PpeNormSet
from safedesk.db.positions import list_positions
from safedesk.db.ppe_catalogue import (
    ItemFields,
    NormLineFields,
    PersonalNormFields,
    add_item,
    add_norm_line,
    add_personal_norm,
    item_fields,
    linked_sets,
    set_position_norms,
    update_item,
    update_norm_line,
)
from safedesk.db.ppe_stock import ReceiptFields, add_receipt
from safedesk.domain.ppe import (
    KIND_LABELS,
    SIZE_KIND_LABELS,
    UNIT_LABELS,
    ItemKind,
    MeasureUnit,
    SizeKind,
    Wear,
)
from safedesk.i18n import _, pick
from safedesk.ui.dialogs.ppe_issue import fill_items
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, combo_value, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


def _enum_combo(labels: dict, value: object) -> QComboBox:  # type: ignore[type-arg]
    combo = QComboBox()
    for key, label in labels.items():
        combo.addItem(_(label), key)
    set_combo_value(combo, value)
    return combo


def _wear_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem(_("by months"), Wear.MONTHS)
    combo.addItem(_("until worn"), Wear.UNTIL_WORN)
    combo.addItem(_("on duty"), Wear.ON_DUTY)
    return combo


def _months() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 120)
    spin.setValue(12)
    return spin


class ItemDialog(RecordDialog):
    def __init__(self, db: Database, item_id: int | None = None, parent: QWidget | None = None):
        super().__init__(db, _("PPE item"), parent)
        self.item_id = item_id
        self.version: int | None = None
        self.name_kk = self.add_field("name_kk", _("Name in Kazakh"), QLineEdit())
        self.name_ru = self.add_field("name_ru", _("Name in Russian"), QLineEdit())
        self.kind = self.add_field("kind", _("Kind"), _enum_combo(KIND_LABELS, ItemKind.OTHER))
        self.standard = self.add_field("standard", _("Certificate / standard"), QLineEdit())
        self.unit = self.add_field(
            "unit", _("Unit of measure"), _enum_combo(UNIT_LABELS, MeasureUnit.PIECE)
        )
        self.size_kind = self.add_field(
            "size_kind", _("Sizes by"), _enum_combo(SIZE_KIND_LABELS, SizeKind.NONE)
        )
        self.sizes = self.add_field("sizes", _("Sizes (comma-separated)"), QLineEdit())
        self.test = self.add_field("test_interval_months", _("Test interval, months"), _months())
        self.test.setSpecialValueText(_("— no tests —"))
        self.test.setValue(0)
        self.test_basis = self.add_field("test_basis", _("Legal basis of the tests"), QLineEdit())
        self.setMinimumWidth(600)
        if item_id is not None:
            with db.session() as s:
                item = s.get(PpeItem, item_id)
                if item is not None:
                    self.version = item.version
                    f = item_fields(item)
                    self.name_kk.setText(f.name_kk)
                    self.name_ru.setText(f.name_ru)
                    set_combo_value(self.kind, f.kind)
                    self.standard.setText(f.standard)
                    set_combo_value(self.unit, f.unit)
                    set_combo_value(self.size_kind, f.size_kind)
                    self.sizes.setText(", ".join(f.sizes))
                    self.test.setValue(f.test_interval_months or 0)
                    self.test_basis.setText(f.test_basis)

    def save(self, session: Session) -> int:
        fields = ItemFields(
            name_kk=self.name_kk.text(),
            name_ru=self.name_ru.text(),
            kind=ItemKind(str(combo_value(self.kind))),
            standard=self.standard.text(),
            unit=MeasureUnit(str(combo_value(self.unit))),
            size_kind=SizeKind(str(combo_value(self.size_kind))),
            sizes=[s for s in self.sizes.text().split(",") if s.strip()],
            test_interval_months=self.test.value() or None,
            test_basis=self.test_basis.text(),
        )
        if self.item_id is None:
            return add_item(session, fields).id
        return update_item(session, self.item_id, self.version, fields).id


class NormLineDialog(RecordDialog):
    def __init__(
        self,
        db: Database,
        line_id: int | None,
        norm_set_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, _("Line of a PPE norm"), parent)
        self.line_id = line_id
        self.version: int | None = None
        self.norm = self.add_field("norm_set_id", _("Norm"), QComboBox())
        with db.session() as s:
            from safedesk.db.ppe_catalogue import list_norm_sets

            for n in list_norm_sets(s):
                self.norm.addItem(pick(n.name_kk, n.name_ru), n.id)
        set_combo_value(self.norm, norm_set_id)
        self.item = self.add_field("item_id", _("Item"), QComboBox())
        fill_items(self.item, db)
        self.clause = self.add_field("clause", _("Clause of the norm"), QLineEdit())
        self.quantity = self.add_field("quantity", _("Quantity"), QSpinBox())
        self.quantity.setRange(0, 999)
        self.quantity.setValue(1)
        self.wear = self.add_field("wear", _("Wear period"), _wear_combo())
        self.months = self.add_field("wear_months", _("Months"), _months())
        self.setMinimumWidth(560)
        if line_id is not None:
            with db.session() as s:
                row = s.get(PpeNormLine, line_id)
                if row is not None:
                    self.version = row.version
                    set_combo_value(self.norm, row.norm_set_id)
                    set_combo_value(self.item, row.item_id)
                    self.clause.setText(row.clause)
                    self.quantity.setValue(row.quantity)
                    set_combo_value(self.wear, Wear(row.wear))
                    self.months.setValue(row.wear_months or 0)

    def save(self, session: Session) -> int:
        fields = NormLineFields(
            norm_set_id=int(combo_value(self.norm) or 0),  # type: ignore[call-overload]
            item_id=int(combo_value(self.item) or 0),  # type: ignore[call-overload]
            quantity=self.quantity.value(),
            wear=Wear(str(combo_value(self.wear))),
            wear_months=self.months.value() or None,
            clause=self.clause.text(),
        )
        if self.line_id is None:
            return add_norm_line(session, fields).id
        return update_norm_line(session, self.line_id, self.version, fields).id


class NormPositionsDialog(RecordDialog):
    """Which positions fall under a norm: their holders inherit its lines."""

    def __init__(self, db: Database, norm_set_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, _("Positions under the norm"), parent)
        self.norm_set_id = norm_set_id
        self.list = QListWidget()
        with db.session() as s:
            norm = s.get(PpeNormSet, norm_set_id)
            self.form.addRow(_("Norm"), QLabel(pick(norm.name_kk, norm.name_ru) if norm else ""))
            for p in list_positions(s):
                entry = QListWidgetItem(pick(p.name_kk, p.name_ru))
                entry.setData(Qt.ItemDataRole.UserRole, p.id)
                on = norm_set_id in linked_sets(s, p.id)
                entry.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.list.addItem(entry)
        self.add_field("positions", _("Positions"), self.list)
        self.setMinimumSize(520, 520)

    def save(self, session: Session) -> int:
        for i in range(self.list.count()):
            entry = self.list.item(i)
            position_id = int(entry.data(Qt.ItemDataRole.UserRole))
            sets = set(linked_sets(session, position_id))
            if entry.checkState() == Qt.CheckState.Checked:
                sets.add(self.norm_set_id)
            else:
                sets.discard(self.norm_set_id)
            if session.get(Position, position_id) is not None:
                set_position_norms(session, position_id, sets)
        return self.norm_set_id


class PersonalNormDialog(RecordDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, _("Personal addition to the norm"), parent)
        self.employee = self.add_field("employee_id", _("Employee"), EmployeePicker(db))
        self.item = self.add_field("item_id", _("Item"), QComboBox())
        fill_items(self.item, db)
        self.quantity = self.add_field("quantity", _("Quantity"), QSpinBox())
        self.quantity.setRange(0, 999)
        self.quantity.setValue(1)
        self.wear = self.add_field("wear", _("Wear period"), _wear_combo())
        self.months = self.add_field("wear_months", _("Months"), _months())
        self.reason = self.add_field("reason", _("Reason"), QLineEdit())
        self.setMinimumWidth(560)

    def save(self, session: Session) -> int:
        return add_personal_norm(
            session,
            PersonalNormFields(
                employee_id=self.employee.value() or 0,
                item_id=int(combo_value(self.item) or 0),  # type: ignore[call-overload]
                quantity=self.quantity.value(),
                wear=Wear(str(combo_value(self.wear))),
                wear_months=self.months.value() or None,
                reason=self.reason.text(),
            ),
        ).id


class ReceiptDialog(RecordDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, _("PPE received into stock"), parent)
        self.item = self.add_field("item_id", _("Item"), QComboBox())
        fill_items(self.item, db)
        self.size_box = self.add_field("size", _("Size"), QComboBox())
        self.size_box.setEditable(True)
        self.quantity = self.add_field("quantity", _("Quantity"), QSpinBox())
        self.quantity.setRange(0, 99999)
        self.quantity.setValue(1)
        self.date = self.add_field("receipt_date", _("Date of receipt"), DateField())
        self.document = self.add_field("document", _("Document No."), QLineEdit())
        self.certificate = self.add_field("certificate", _("Certificate"), QLineEdit())
        self.item.currentIndexChanged.connect(lambda _i: self._sizes())
        self._sizes()
        self.setMinimumWidth(520)

    def _sizes(self) -> None:
        self.size_box.clear()
        with self.db.session() as s:
            item = s.get(PpeItem, combo_value(self.item) or 0)
            if item is not None:
                self.size_box.addItems(item.sizes)

    def save(self, session: Session) -> int:
        return add_receipt(
            session,
            ReceiptFields(
                item_id=int(combo_value(self.item) or 0),  # type: ignore[call-overload]
                quantity=self.quantity.value(),
                receipt_date=self.date.value(),
                size=self.size_box.currentText(),
                document=self.document.text(),
                certificate=self.certificate.text(),
            ),
        ).id
