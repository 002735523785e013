"""The hazard library: categories and hazards in kk/ru/en, the source of assessment rows.

Add types a hazard into the category chosen in the filter; the category itself is added
or renamed with the toolbar's actions. Deleting a hazard hides it from the library; rows
that were copied from it keep their own text.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox
from sqlalchemy import ColumnElement, case, func, literal, or_, select

from safedesk.db.engine import Database
from safedesk.db.models import Hazard, HazardCategory
from safedesk.db.risk_hazards import delete_hazard
from safedesk.domain.collation import sort_key
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, current_language
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.widgets.errors import show_problem
from safedesk.ui.widgets.table_page import TablePage


def _category_order(db: Database) -> ColumnElement[int]:
    """The categories' places in the alphabetical order of the names shown (the Kazakh
    alphabet, see safedesk.domain.collation): what the arrow on Category promises.

    A small reference table: its names are read now and ranked in Python; a category
    added later is ranked when the page reads the order again (`_category_saved`)."""
    language = current_language()
    with db.session() as s:
        rows = s.execute(
            select(
                HazardCategory.id,
                HazardCategory.name_kk,
                HazardCategory.name_ru,
                HazardCategory.name_en,
            )
        ).all()
    shown = {
        row.id: ({"kk": row.name_kk, "en": row.name_en}.get(language, row.name_ru) or row.name_ru
                 or row.name_kk)
        for row in rows
    }  # fmt: skip
    ranked = sorted(shown, key=lambda i: (sort_key(shown[i]), i))
    if not ranked:
        return literal(0)
    rank: ColumnElement[int] = case(
        {category_id: place for place, category_id in enumerate(ranked)},
        value=HazardCategory.id,
        else_=len(ranked),
    )
    return rank


def _local(kk: object, ru: object, en: object) -> ColumnElement[str]:
    """The library's text in the window's language, Russian (then Kazakh) when it is empty."""
    first = {"kk": kk, "en": en}.get(current_language(), ru)
    text: ColumnElement[str] = func.coalesce(func.nullif(first, ""), func.nullif(ru, ""), kk)
    return text


class HazardsPage(TablePage):
    search_hint = N_("Find by hazard or unwanted event")

    def build_filters(self) -> None:
        from safedesk.ui.dialogs.risk_hazard_editor import fill_categories

        self.category_filter = QComboBox()
        self.category_filter.setObjectName("category_filter")
        fill_categories(self.category_filter, self.db, _("All categories"))
        self.category_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.filter_bar.addWidget(self.category_filter, 1)
        self.add_category_action = self.action(_("Add category…"), self.add_category)
        self.edit_category_action = self.action(_("Edit category…"), self.edit_category)
        self.delete_action = self.action(_("Delete"), self.delete_current)

    def make_model(self) -> SelectTableModel:
        columns = [
            Column(
                N_("Category"),
                _local(HazardCategory.name_kk, HazardCategory.name_ru, HazardCategory.name_en),
                sort=_category_order(self.db),  # alphabetical, as the arrow shows
                width=24,
            ),
            Column(N_("Name (kk)"), Hazard.name_kk, width=28),
            Column(N_("Name (ru)"), Hazard.name_ru, width=28),
            Column(N_("Name (en)"), Hazard.name_en, width=24),
            Column(
                N_("Unwanted event"),
                _local(Hazard.event_kk, Hazard.event_ru, Hazard.event_en),
                width=30,
            ),
            Column(N_("Legal basis"), Hazard.legal_basis, width=20),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(Hazard)
                .join(HazardCategory, Hazard.category_id == HazardCategory.id)
            )

        return SelectTableModel(self.db, columns, source, Hazard.id, filters=self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [
            Hazard.deleted_at.is_(None),
            HazardCategory.deleted_at.is_(None),
        ]
        category_id = self.category_filter.currentData()
        if category_id is not None:
            found.append(Hazard.category_id == category_id)
        text = self.search.text().strip()
        if text:
            found.append(
                or_(
                    *(
                        column.contains(text, autoescape=True)
                        for column in (Hazard.name_kk, Hazard.name_ru, Hazard.name_en,
                                       Hazard.event_kk, Hazard.event_ru, Hazard.event_en)
                    )
                )
            )  # fmt: skip
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        from safedesk.ui.dialogs.risk_hazard_editor import HazardDialog

        return HazardDialog(self.db, row_id, self, self.category_filter.currentData())

    # -- categories ----------------------------------------------------------------------
    def add_category(self) -> None:
        from safedesk.ui.dialogs.risk_hazard_editor import CategoryDialog

        self._category_saved(CategoryDialog(self.db, None, self))

    def edit_category(self) -> None:
        from safedesk.ui.dialogs.risk_hazard_editor import CategoryDialog

        category_id = self.category_filter.currentData()
        if category_id is None:
            show_problem(self, SafeDeskError(N_("Choose the category in the filter first.")))
            return
        self._category_saved(CategoryDialog(self.db, int(category_id), self))

    def _category_saved(self, dialog: QDialog) -> None:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        from safedesk.ui.dialogs.risk_hazard_editor import fill_categories

        saved = getattr(dialog, "saved_id", None)
        # a new or renamed category takes its place in the alphabetical order
        self.model.columns[0] = replace(self.model.columns[0], sort=_category_order(self.db))
        self.model.set_sort(*self.model.sort_state())
        self.category_filter.blockSignals(True)
        fill_categories(self.category_filter, self.db, _("All categories"))
        index = self.category_filter.findData(saved)
        self.category_filter.setCurrentIndex(max(index, 0))
        self.category_filter.blockSignals(False)
        self.apply_filters()

    def delete_current(self, confirm: bool = True) -> None:
        hazard_id = self.current_id()
        if hazard_id is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, _("Delete"), _("Remove the selected hazard from the library?")
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            with self.db.write() as s:
                delete_hazard(s, hazard_id, None)
        except SafeDeskError as e:
            show_problem(self, e)
            return
        self.refresh()
