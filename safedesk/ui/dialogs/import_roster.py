"""Importing the roster: choose the file, see what will be added, updated and rejected,
then write it with a progress bar that can be cancelled (nothing is written if it is)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from safedesk.db.engine import Database
from safedesk.db.roster_import import Action, ImportPlan, PlannedRow, plan_import
from safedesk.domain.people import full_name
from safedesk.errors import render
from safedesk.forms.roster import Roster, read_roster
from safedesk.i18n import N_, _
from safedesk.ui.widgets.errors import show_error
from safedesk.ui.workers import Progress, run_job

Index = QModelIndex | QPersistentModelIndex

_COLUMNS = (N_("Row"), N_("IIN"), N_("Full name"), N_("Unit"), N_("Position"), N_("Details"))


def _details(row: PlannedRow) -> str:
    if row.problems:
        return "; ".join(p.message() for p in row.problems)
    return "; ".join(
        render(
            N_("{field}: {old} → {new}"),
            {"field": c.label, "old": c.old or "—", "new": c.new or "—"},
        )
        for c in row.changes
    )


class PlanTableModel(QAbstractTableModel):
    """The rows of one kind of a plan; reads the plan, loads nothing."""

    def __init__(self, rows: list[PlannedRow]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        f = row.source.fields
        values = (
            row.row,
            f.iin,
            full_name(f.surname, f.name, f.patronymic),
            row.source.unit_name,
            row.source.position_name,
            _details(row),
        )
        return str(values[index.column()])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(_COLUMNS[section])
        return None


class ImportPreviewDialog(QDialog):
    """What an import of `roster` would do; Import writes it."""

    def __init__(
        self, db: Database, roster: Roster, plan: ImportPlan, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.plan = plan
        self.result: Any = None
        self.setWindowTitle(_("Import roster: {file}").format(file=roster.path.name))
        added, updated = plan.with_action(Action.ADD), plan.with_action(Action.UPDATE)
        unchanged, rejected = plan.with_action(Action.UNCHANGED), plan.rejected
        summary = _(
            "To add: {added}. To update: {updated}. Unchanged: {unchanged}. Rejected: {rejected}."
        ).format(
            added=len(added), updated=len(updated), unchanged=len(unchanged), rejected=len(rejected)
        )
        if plan.new_units or plan.new_positions:
            summary += "\n" + _("New units: {units}. New positions: {positions}.").format(
                units=", ".join(plan.new_units) or "—",
                positions=", ".join(plan.new_positions) or "—",
            )
        self.summary = QLabel(summary)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        for title, rows in (
            (N_("Rejected ({n})"), rejected),
            (N_("To add ({n})"), added),
            (N_("To update ({n})"), updated),
        ):
            view = QTableView()
            view.setModel(PlanTableModel(rows))
            view.horizontalHeader().setStretchLastSection(True)
            view.verticalHeader().hide()
            view.resizeColumnsToContents()
            self.tabs.addTab(view, _(title).format(n=len(rows)))
        if not rejected:
            self.tabs.setCurrentIndex(1)
        self.skip = QCheckBox(_("Skip the rejected rows and import the rest"))
        self.skip.setObjectName("skip_invalid")
        self.skip.setVisible(bool(rejected))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            _("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        self.skip.toggled.connect(lambda _on: self._update_button())
        self._update_button()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.skip)
        layout.addWidget(self.buttons)
        self.resize(980, 600)

    def _update_button(self) -> None:
        work = self.plan.with_action(Action.ADD) + self.plan.with_action(Action.UPDATE)
        allowed = bool(work) and (not self.plan.rejected or self.skip.isChecked())
        self.import_button.setEnabled(allowed)

    def start_import(self) -> None:
        from safedesk.db.roster_apply import apply_import

        skip = self.skip.isChecked()

        def work(progress: Progress) -> Any:
            return apply_import(self.db, self.plan, skip_invalid=skip, progress=progress)

        self.import_button.setEnabled(False)
        run_job(self, _("Importing the roster…"), work, self._done, self._failed)

    def _done(self, result: Any) -> None:
        self.result = result
        self.accept()

    def _failed(self, error: BaseException) -> None:
        show_error(self, error)
        self._update_button()


class ImportRosterDialog:
    """The whole flow from the File menu or the employees page."""

    @staticmethod
    def run(db: Database, parent: QWidget | None) -> bool:
        path, _filter = QFileDialog.getOpenFileName(
            parent, _("Import roster"), "", _("Rosters (*.xlsx *.csv)")
        )
        if not path:
            return False
        return ImportRosterDialog.preview(db, Path(path), parent)

    @staticmethod
    def preview(db: Database, path: Path, parent: QWidget | None) -> bool:
        try:
            roster = read_roster(path)
            with db.session() as s:
                plan = plan_import(s, roster.rows)
        except Exception as e:
            show_error(parent, e)
            return False
        dialog = ImportPreviewDialog(db, roster, plan, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result is None:
            return False
        result = dialog.result
        QMessageBox.information(
            parent,
            _("Import roster"),
            _("Added: {added}. Updated: {updated}. Skipped: {rejected}.").format(
                added=result.added, updated=result.updated, rejected=result.rejected
            ),
        )
        return True
