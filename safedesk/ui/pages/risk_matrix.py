"""The editions of the risk matrix, the chosen one drawn beside them; Add starts a new edition.

A changed matrix is never edited in place: Add (or Open on an older edition) starts the
editor from that edition and saves a new one, which becomes current. The table says how
many assessments were rated with each edition: they keep it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QLabel, QSplitter, QVBoxLayout, QWidget
from sqlalchemy import ColumnElement, func, select

from safedesk.db.engine import Database
from safedesk.db.models import RiskAssessment, RiskMatrix
from safedesk.db.risk_matrices import current_matrix, matrix_by_id
from safedesk.i18n import N_, _, current_language, format_date
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.risk_heatmap import RiskHeatmap
from safedesk.ui.widgets.table_page import TablePage


def _yes(value: object) -> str:
    return _("yes") if value else ""


def _name() -> ColumnElement[str]:
    lang = current_language()
    first = {"kk": RiskMatrix.name_kk, "en": RiskMatrix.name_en}.get(lang, RiskMatrix.name_ru)
    text: ColumnElement[str] = func.coalesce(func.nullif(first, ""), RiskMatrix.name_ru)
    return text


def _rated() -> ColumnElement[int]:
    count: ColumnElement[int] = (
        select(func.count(RiskAssessment.id))
        .where(RiskAssessment.matrix_id == RiskMatrix.id, RiskAssessment.deleted_at.is_(None))
        .correlate(RiskMatrix)
        .scalar_subquery()
    )
    return count


class RiskMatrixPage(TablePage):
    search_hint = N_("Find by name")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        with db.session() as s:
            _id, matrix = current_matrix(s)
        self.heatmap = RiskHeatmap(matrix)
        self.caption = QLabel()
        self.caption.setObjectName("edition_caption")
        self.caption.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.caption)
        side_layout.addWidget(self.heatmap, 1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        index = layout.indexOf(self.table)
        layout.removeWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        # The heatmap at its natural width; the table gets the rest (it stretches).
        splitter.setSizes([620, self.heatmap.sizeHint().width()])
        layout.insertWidget(index, splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show(current)
        )
        self.add_action.setText(_("New edition…"))
        # The newest edition first: the one new ratings are made with.
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.selectRow(0)
        self._show(self.table.currentIndex())

    def make_model(self) -> SelectTableModel:
        columns = [
            Column(N_("Edition"), RiskMatrix.edition, align_right=True, width=6),
            # The date before the long name: the table shares the page with the heatmap.
            Column(N_("Valid from"), RiskMatrix.valid_from, show=format_date, width=12),
            Column(N_("Title"), _name(), width=26),
            Column(N_("Current"), RiskMatrix.current, show=_yes, width=6),
            Column(N_("Assessments"), _rated(), align_right=True, width=8),
        ]

        def source():  # type: ignore[no-untyped-def]
            return select().select_from(RiskMatrix)

        model = SelectTableModel(self.db, columns, source, RiskMatrix.id, filters=self.conditions())
        return model

    def conditions(self) -> list[ColumnElement[bool]]:
        text = self.search.text().strip()
        if not text:
            return []
        return [
            RiskMatrix.name_kk.contains(text, autoescape=True)
            | RiskMatrix.name_ru.contains(text, autoescape=True)
            | RiskMatrix.name_en.contains(text, autoescape=True)
        ]

    def record_dialog(self, row_id: int | None) -> QDialog:
        """A new edition, started from edition `row_id` (the current one when None)."""
        from safedesk.ui.dialogs.risk_matrix_editor import MatrixEditor

        return MatrixEditor(self.db, row_id, self)

    def after_save(self, row_id: int | None) -> None:
        super().after_save(row_id)
        if self.table.currentIndex().row() < 0:
            self.table.selectRow(0)
        self._show(self.table.currentIndex())

    def _show(self, index: QModelIndex) -> None:
        row_id = self.current_id() if index.isValid() else None
        if row_id is None:
            return
        with self.db.session() as s:
            self.heatmap.matrix = matrix_by_id(s, row_id)
            row = s.get(RiskMatrix, row_id)
            edition = row.edition if row is not None else 0
        self.heatmap.set_counts({})
        self.caption.setText(_("Edition {edition}").format(edition=edition))
