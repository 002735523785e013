"""Filling assessment rows quickly: from the hazard library, or copied from another assessment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from safedesk.db.engine import Database
from safedesk.db.models import Hazard, RiskAssessment
from safedesk.db.risk_fields import RowFields
from safedesk.db.risk_hazards import categories, hazards
from safedesk.db.risk_read import assessments_of_unit, live_rows, row_fields_of
from safedesk.i18n import _, current_language, format_date, pick


def localized(kk: str, ru: str, en: str) -> str:
    """The library's text in the window's language (Russian when there is no English)."""
    if current_language() == "en" and en:
        return en
    return pick(kk, ru)


def row_from_hazard(h: Hazard) -> RowFields:
    return RowFields(
        activity="",
        hazard=localized(h.name_kk, h.name_ru, h.name_en),
        likelihood=None,
        consequence=None,
        unwanted_event=localized(h.event_kk, h.event_ru, h.event_en),
        hazard_id=h.id,
    )


class HazardChooser(QDialog):
    """The library as a tree: tick hazards, each becomes a row to rate."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Hazard library"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("hazard_tree")
        self.tree.setHeaderLabels([_("Hazard"), _("Unwanted event")])
        self.tree.setColumnWidth(0, 380)
        self._rows: dict[int, RowFields] = {}
        with db.session() as s:
            for category in categories(s):
                parent_item = QTreeWidgetItem(
                    [localized(category.name_kk, category.name_ru, category.name_en)]
                )
                self.tree.addTopLevelItem(parent_item)
                for h in hazards(s, category.id):
                    row = row_from_hazard(h)
                    self._rows[h.id] = row
                    item = QTreeWidgetItem([row.hazard, row.unwanted_event])
                    item.setData(0, Qt.ItemDataRole.UserRole, h.id)
                    item.setCheckState(0, Qt.CheckState.Unchecked)
                    parent_item.addChild(item)
        self.tree.expandAll()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def chosen(self) -> list[RowFields]:
        found: list[RowFields] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            for j in range(top.childCount()):
                item = top.child(j)
                if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                    found.append(self._rows[int(item.data(0, Qt.ItemDataRole.UserRole))])
        return found


def choose_hazards(db: Database, parent: QWidget | None) -> list[RowFields]:
    dialog = HazardChooser(db, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return dialog.chosen()


def choose_assessment_rows(
    db: Database, unit_id: int | None, own_id: int | None, parent: QWidget | None
) -> tuple[int, list[RowFields]] | None:
    """Rows of another assessment (the unit's, else any), to rate again; controls stay there."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Copy rows from assessment"))
    combo = QComboBox()
    with db.session() as s:
        found = assessments_of_unit(s, unit_id) or assessments_of_unit(s, None)
        for a in found:
            if a.id != own_id:
                combo.addItem(f"{a.number} · {format_date(a.assessed_on)} · {a.area}", a.id)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(_("Assessment")))
    layout.addWidget(combo)
    layout.addWidget(buttons)
    if combo.count() == 0 or dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    source_id = int(combo.currentData())
    with db.session() as s:
        source = s.get(RiskAssessment, source_id)
        if source is None:
            return None
        return source_id, [row_fields_of(r, with_ids=False) for r in live_rows(source)]
