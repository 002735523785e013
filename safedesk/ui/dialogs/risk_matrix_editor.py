"""A new edition of the risk matrix: its size, scales, the score of every cell and the bands.

The editor starts from an edition (the current one by default) and saves a new edition
through `new_matrix_edition`; assessments rated earlier keep the edition they used. The
score grid is painted in the bands' colours as they are typed; a refusal names the cell
or the band, marks it, and keeps everything typed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import RiskMatrix
from safedesk.db.risk_matrices import current_matrix_row, new_matrix_edition
from safedesk.domain.risk import LANGS, MAX_SIZE, MIN_SIZE, matrix_from_json
from safedesk.errors import InvalidInput
from safedesk.i18n import _, current_language
from safedesk.ui.dialogs.risk_matrix_tables import BandsTable, LevelsTable, ScoresGrid
from safedesk.ui.widgets.fields import DateField
from safedesk.ui.widgets.record_dialog import RecordDialog

_CELL = re.compile(r"^(\d+)×(\d+)$")


def _size_box(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(MIN_SIZE, MAX_SIZE)
    box.setValue(value)
    return box


def _page(*widgets: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    for widget in widgets:
        layout.addWidget(widget, 0 if isinstance(widget, QLabel) else 1)
    return page


class MatrixEditor(RecordDialog):
    """Type a new edition of the matrix; Save adds it and makes it current."""

    def __init__(
        self, db: Database, base_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("New edition of the risk matrix"), parent)
        with db.session() as s:
            current = current_matrix_row(s)
            base = (s.get(RiskMatrix, base_id) if base_id is not None else None) or current
            data: dict[str, Any] = dict(base.data)
            names = {"kk": base.name_kk, "ru": base.name_ru, "en": base.name_en}
            self.base_edition, self.current_edition = base.edition, current.edition
        self.about = QLabel(
            _(
                "Starts from edition {base}; saved as edition {new}. Assessments already "
                "rated keep the edition they were rated with."
            ).format(base=self.base_edition, new=self.current_edition + 1)
        )
        self.about.setWordWrap(True)
        self.form.addRow(self.about)
        self.valid_from = self.add_field("valid_from", _("Valid from"), DateField())
        self.names = {lang: QLineEdit(names.get(lang, "")) for lang in LANGS}
        for lang, label in zip(
            LANGS, (_("Name (kk)"), _("Name (ru)"), _("Name (en)")), strict=True
        ):
            self.add_field(f"name_{lang}", label, self.names[lang])

        rows, cols = len(data["likelihood"]), len(data["consequence"])
        self.rows_box, self.cols_box = _size_box(rows), _size_box(cols)
        self.rows_box.setObjectName("likelihood_levels")
        self.cols_box.setObjectName("consequence_levels")
        size = QWidget()
        size_layout = QHBoxLayout(size)
        size_layout.setContentsMargins(0, 0, 0, 0)
        size_layout.addWidget(QLabel(_("Likelihood levels")))
        size_layout.addWidget(self.rows_box)
        size_layout.addWidget(QLabel(_("Consequence levels")))
        size_layout.addWidget(self.cols_box)
        size_layout.addStretch(1)
        self.add_field("size", _("Size"), size)

        self.likelihood, self.consequence = LevelsTable(), LevelsTable()
        self.likelihood.setObjectName("likelihood")
        self.consequence.setObjectName("consequence")
        self.likelihood.set_levels(data["likelihood"])
        self.consequence.set_levels(data["consequence"])
        self.grid = ScoresGrid()
        self.grid.set_scores(data["scores"])
        self.bands = BandsTable()
        self.bands.set_bands(data["bands"])
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        add_band, remove_band = QPushButton(_("Add band")), QPushButton(_("Remove band"))
        add_band.clicked.connect(self._add_band)
        remove_band.clicked.connect(self._remove_band)
        band_buttons = QWidget()
        buttons_layout = QHBoxLayout(band_buttons)
        buttons_layout.setContentsMargins(0, 0, 0, 0)
        buttons_layout.addWidget(add_band)
        buttons_layout.addWidget(remove_band)
        buttons_layout.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("matrix_tabs")
        hint = QLabel(_("Likelihood rises upwards, consequence to the right."))
        self.tabs.addTab(_page(hint, self.grid, self.legend), _("Scores"))
        self.tabs.addTab(_page(self.bands, band_buttons), _("Bands"))
        self.tabs.addTab(_page(self.likelihood), _("Likelihood"))
        self.tabs.addTab(_page(self.consequence), _("Consequence"))
        self.form.addRow(self.tabs)
        self.fields.update(
            {"scores": self.grid, "bands": self.bands, "likelihood": self.likelihood,
             "consequence": self.consequence}
        )  # fmt: skip
        self._tab_of = {"scores": 0, "bands": 1, "size": 0}

        self.rows_box.valueChanged.connect(lambda _v: self._resize())
        self.cols_box.valueChanged.connect(lambda _v: self._resize())
        self.grid.itemChanged.connect(lambda _i: self.repaint_scores())
        self.bands.colour_changed.connect(self.repaint_scores)
        self.setMinimumSize(960, 720)
        self.repaint_scores()

    # -- behaviour ---------------------------------------------------------------------
    def _resize(self) -> None:
        rows, cols = self.rows_box.value(), self.cols_box.value()
        self.likelihood.resize_to(rows)
        self.consequence.resize_to(cols)
        self.grid.resize_to(rows, cols)
        self.repaint_scores()

    def _add_band(self) -> None:
        self.bands.add_band()
        self.repaint_scores()

    def _remove_band(self) -> None:
        row = self.bands.currentRow()
        if row >= 0:
            self.bands.removeRow(row)
            self.repaint_scores()

    def repaint_scores(self) -> None:
        """The grid in the bands' colours and the legend, as they stand now."""
        matrix = matrix_from_json(self.data())
        self.grid.paint(matrix)
        lang = current_language()
        self.legend.setText(
            " &nbsp; ".join(
                f'<span style="background:{b.colour}">&nbsp;&nbsp;&nbsp;&nbsp;</span> '
                f"{b.min_score}–{b.max_score} {b.name.get(lang)}"
                for b in matrix.bands
            )
        )

    def data(self) -> dict[str, Any]:
        return {
            "likelihood": self.likelihood.levels(),
            "consequence": self.consequence.levels(),
            "scores": self.grid.scores(),
            "bands": self.bands.bands(),
        }

    def save(self, session: Session) -> int:
        names = {lang: box.text().strip() for lang, box in self.names.items()}
        valid_from = self.valid_from.value() or dt.date.today()
        return new_matrix_edition(session, self.data(), valid_from, names).id

    def show_problems(self, error: InvalidInput) -> None:
        self.repaint_scores()
        super().show_problems(error)
        cells = 0
        for problem in error.problems:
            found = _CELL.match(str(problem.values.get("cell", "")))
            if found:
                self.grid.mark_cell(int(found[1]), int(found[2]), problem.message())
                cells += 1
        first = error.problems[0].field
        # A named cell is shown where it is marked: on the score grid.
        self.tabs.setCurrentIndex(0 if cells else self._tab_of.get(first, 0))
