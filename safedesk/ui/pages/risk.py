"""The WRAC register: every assessed hazard, with the heatmap of the matrix beside it.

The table lists rows of assessments (hazard, initial and residual risk in the band's
colour); Enter opens the row's assessment, Add starts a new one. The heatmap counts the
rows the filters leave, initial or residual; clicking a cell filters the table to it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import ColumnElement, String, and_, cast, literal, or_, select

from safedesk.db.engine import Database
from safedesk.db.hazard_names import hazard_name_sql
from safedesk.db.models import RiskAssessment, RiskRow, Unit
from safedesk.db.risk_coverage import cell_counts, risk_coverage
from safedesk.db.risk_matrices import current_matrix
from safedesk.domain.risk import Band, Matrix
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, current_language, format_date
from safedesk.ui.choices import fill_units
from safedesk.ui.models import Column, Index, SelectTableModel
from safedesk.ui.pages.employees import localized_name, unit_with_descendants
from safedesk.ui.pages.risk_heatmap import RiskHeatmap, band_legend
from safedesk.ui.widgets.errors import show_error, show_problem
from safedesk.ui.widgets.table_page import TablePage

INITIAL, RESIDUAL = "initial", "residual"
INITIAL_COLUMN = 3  # the residual risk stands right of it


def risk_expr(score: Any, band: Any) -> ColumnElement[str]:
    """'20:critical' — what the risk columns select; shown as '20 · Critical', coloured."""
    text: ColumnElement[str] = cast(score, String) + literal(":") + band
    return text


class RiskTableModel(SelectTableModel):
    """The shared lazy model, with the risk cells painted in their band's colour."""

    risk_columns: frozenset[int] = frozenset()
    matrix: Matrix | None = None

    def _band(self, index: Index) -> Band | None:
        raw = self._rows[index.row()][index.column() + 1] if index.row() < len(self._rows) else ""
        code = str(raw or "").partition(":")[2]
        return self.matrix.band(code) if self.matrix is not None and code else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() in self.risk_columns:
            if role == Qt.ItemDataRole.BackgroundRole:
                band = self._band(index)
                return QColor(band.colour) if band is not None else None
            if role == Qt.ItemDataRole.DisplayRole:
                band = self._band(index)
                raw = str(self._rows[index.row()][index.column() + 1] or "")
                score = raw.partition(":")[0]
                return f"{score} · {band.name.get(current_language())}" if band else score
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)


class RiskPage(TablePage):
    search_hint = N_("Find by hazard, activity or assessment No.")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        with db.session() as s:
            _mid, self.matrix = current_matrix(s)
        self.cell: tuple[int, int] | None = None
        super().__init__(db, parent)
        self.heatmap = RiskHeatmap(self.matrix)
        self.heatmap.cell_clicked.connect(self.filter_cell)
        self.coverage_label = QLabel()
        self.coverage_label.setObjectName("coverage")
        self.coverage_label.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.heatmap, 1)
        side_layout.addWidget(self._legend())
        side_layout.addWidget(self.coverage_label)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        index = layout.indexOf(self.table)
        layout.removeWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 900])
        layout.insertWidget(index, splitter, 1)
        # The worst risks first: what the officer looks at before anything else.
        self.table.sortByColumn(INITIAL_COLUMN, Qt.SortOrder.DescendingOrder)
        self._update_heatmap()

    def _legend(self) -> QLabel:
        return band_legend(self.matrix)

    # -- configuration ----------------------------------------------------------------
    def build_filters(self) -> None:
        self.unit_filter = QComboBox()
        self.unit_filter.setObjectName("unit_filter")
        fill_units(self.unit_filter, self.db, _("Whole enterprise"))
        self.unit_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit_filter.setMinimumContentsLength(22)
        self.unit_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.view = QComboBox()
        self.view.setObjectName("heatmap_view")
        self.view.addItem(_("Initial risk"), INITIAL)
        self.view.addItem(_("Residual risk"), RESIDUAL)
        self.view.currentIndexChanged.connect(lambda _i: self._view_changed())
        self.show_replaced = QCheckBox(_("Show replaced assessments"))
        self.show_replaced.setObjectName("show_replaced")
        self.show_replaced.toggled.connect(lambda _on: self.apply_filters())
        self.filter_bar.addWidget(self.unit_filter, 1)
        self.filter_bar.addWidget(self.view)
        self.filter_bar.addWidget(self.show_replaced)
        self.print_action = self.action(_("Print WRAC sheet…"), self.print_sheet, "Ctrl+P")
        self.export_action = self.action(_("Export to Excel…"), self.export_xlsx)

    def make_model(self) -> SelectTableModel:
        columns = [
            Column(N_("Assessment No."), RiskAssessment.number, width=9),
            Column(N_("Unit"), localized_name(Unit.name_kk, Unit.name_ru), width=22),
            Column(N_("Hazard"), hazard_name_sql(current_language()), width=26),
            Column(
                N_("Initial risk"),
                risk_expr(RiskRow.initial_score, RiskRow.initial_band),
                sort=RiskRow.initial_score,
                width=12,
            ),
            Column(
                N_("Residual risk"),
                risk_expr(RiskRow.residual_score, RiskRow.residual_band),
                sort=RiskRow.residual_score,
                width=12,
            ),
            Column(N_("Activity or task"), RiskRow.activity, width=20),
            Column(N_("Unwanted event"), RiskRow.unwanted_event, width=22),
            Column(N_("Area, process or task"), RiskAssessment.area, width=20),
            Column(N_("Assessment date"), RiskAssessment.assessed_on, show=format_date, width=10),
            Column(N_("Next review"), RiskAssessment.next_review, show=format_date, width=10),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(RiskRow)
                .join(RiskAssessment, RiskRow.assessment_id == RiskAssessment.id)
                .join(Unit, RiskAssessment.unit_id == Unit.id)
            )

        model = RiskTableModel(
            self.db,
            columns,
            source,
            RiskRow.id,
            default_sort=INITIAL_COLUMN,
            filters=self.conditions(),
        )
        model.risk_columns = frozenset({INITIAL_COLUMN, INITIAL_COLUMN + 1})
        model.matrix = self.matrix
        return model

    def base_conditions(self) -> list[ColumnElement[bool]]:
        """The filter bar without the heatmap cell: what the heatmap counts."""
        found: list[ColumnElement[bool]] = [
            RiskRow.deleted_at.is_(None),
            RiskAssessment.deleted_at.is_(None),
        ]
        text = self.search.text().strip()
        if text:
            found.append(
                or_(
                    RiskRow.hazard.contains(text, autoescape=True),
                    hazard_name_sql(current_language()).contains(text, autoescape=True),
                    RiskRow.activity.contains(text, autoescape=True),
                    RiskAssessment.number.contains(text, autoescape=True),
                )
            )
        unit_id = self.unit_filter.currentData()
        if unit_id is not None:
            with self.db.session() as s:
                found.append(RiskAssessment.unit_id.in_(unit_with_descendants(s, unit_id)))
        if not self.show_replaced.isChecked():
            found.append(RiskAssessment.superseded_on.is_(None))
        return found

    def conditions(self) -> list[ColumnElement[bool]]:
        found = self.base_conditions()
        if self.cell is not None:
            lik, con = self.cell
            if self.view.currentData() == RESIDUAL:
                found.append(
                    and_(RiskRow.residual_likelihood == lik, RiskRow.residual_consequence == con)
                )
            else:
                found.append(and_(RiskRow.likelihood == lik, RiskRow.consequence == con))
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        """A new assessment (Add); existing ones open through `open_record`."""
        from safedesk.ui.dialogs.risk_assessment import AssessmentDialog

        return AssessmentDialog(self.db, None, self)

    # -- behaviour -------------------------------------------------------------------------
    def open_record(self, row_id: int) -> None:
        """Open assessment `row_id` (the id due items and `stats` give for this register)."""
        from safedesk.ui.dialogs.risk_assessment import AssessmentDialog

        self._edit(AssessmentDialog(self.db, row_id, self))

    def open_current(self) -> None:
        assessment_id = self._assessment_of(self.current_id())
        if assessment_id is not None:
            self.open_record(assessment_id)

    def _open_index(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.open_current()

    def _assessment_of(self, row_id: int | None) -> int | None:
        if row_id is None:
            return None
        with self.db.session() as s:
            return s.scalar(select(RiskRow.assessment_id).where(RiskRow.id == row_id))

    def filter_cell(self, cell: tuple[int, int] | None) -> None:
        self.cell = cell
        self.apply_filters()

    def _view_changed(self) -> None:
        self.cell = None
        self.heatmap.clear_selection()
        self.apply_filters()

    def apply_filters(self) -> None:
        super().apply_filters()
        if hasattr(self, "heatmap"):
            self._update_heatmap()

    def refresh(self) -> None:
        super().refresh()
        self._update_heatmap()

    def after_save(self, row_id: int | None) -> None:
        self.refresh()

    def _update_heatmap(self) -> None:
        today = dt.date.today()
        with self.db.session() as s:
            counts = cell_counts(s, self.base_conditions(), self.view.currentData() == RESIDUAL)
            cover = risk_coverage(s, today)
        self.heatmap.set_counts(counts)
        self.coverage_label.setText(
            _(
                "Workplaces covered by a current assessment: {covered} of {total} ({percent} %)"
            ).format(covered=cover.covered, total=cover.workplaces, percent=cover.percent)
        )

    def print_sheet(self) -> None:
        assessment_id = self._assessment_of(self.current_id())
        if assessment_id is None:
            show_problem(self, SafeDeskError(N_("Select a row of the assessment to print.")))
            return
        from safedesk.ui.printing import preview_form

        try:
            preview_form(self, self.db, "wrac", assessment_id)
        except Exception as e:
            show_error(self, e)

    def export_xlsx(self, path: str | None = None) -> None:
        """Assessments in force and their actions to an Excel file the user chooses."""
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _filter = QFileDialog.getSaveFileName(
                self, _("Export to Excel…"), "risk-register.xlsx", "Excel (*.xlsx)"
            )
            if not path:
                return
        from safedesk.forms.risk_xlsx import write_risk_xlsx

        try:
            with self.db.session() as s:
                write_risk_xlsx(s, dt.date.today(), path)
        except SafeDeskError as e:
            show_problem(self, e)
