"""PPE reference pages: the catalogue, the norms per position, the stock."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import ColumnElement, select

from safedesk.db.engine import Database, casefold
from safedesk.db.models import PpeItem, PpeNormLine, PpeNormSet, PpeReceipt
from safedesk.db.ppe_catalogue import list_norm_sets
from safedesk.db.ppe_stock import balances
from safedesk.domain.collation import search_text
from safedesk.domain.ppe import KIND_LABELS, WEAR_LABELS, ItemKind, Wear
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, current_language, format_date, pick
from safedesk.ui.dialogs.ppe_reference import (
    ItemDialog,
    NormLineDialog,
    NormPositionsDialog,
    ReceiptDialog,
)
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.pages.incident_columns import newest_first
from safedesk.ui.widgets.errors import show_problem
from safedesk.ui.widgets.table_page import TablePage


def _kind(value: object) -> str:
    try:
        return _(KIND_LABELS[ItemKind(str(value))])
    except ValueError:
        return str(value)


def _wear(value: object) -> str:
    try:
        wear = Wear(str(value))
    except ValueError:
        return str(value)
    return _("by months") if wear is Wear.MONTHS else _(WEAR_LABELS[wear])


def _months(value: object) -> str:
    return "" if value is None else str(value)


class PpeItemsPage(TablePage):
    search_hint = N_("Find an item or a standard")

    def make_model(self) -> SelectTableModel:
        columns = [
            Column(
                N_("Item"),
                localized_name(PpeItem.name_kk, PpeItem.name_ru),
                # the stored alphabetical key of the name shown (migration 0019)
                sort=PpeItem.sort_kk if current_language() == "kk" else PpeItem.sort_ru,
                width=44,
            ),
            Column(N_("Kind"), PpeItem.kind, show=_kind, width=20),
            Column(N_("Certificate / standard"), PpeItem.standard, width=18),
            Column(N_("Test interval, months"), PpeItem.test_interval_months, width=8),
        ]
        return SelectTableModel(
            self.db,
            columns,
            lambda: select().select_from(PpeItem),
            PpeItem.id,
            filters=self.conditions(),
        )

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [PpeItem.deleted_at.is_(None)]
        text = search_text(self.search.text().strip())
        if text:
            found.append(PpeItem.search_text.contains(text, autoescape=True))
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return ItemDialog(self.db, row_id, self)


class PpeNormsPage(TablePage):
    search_hint = N_("Find an item in the norms")

    def build_filters(self) -> None:
        self.norm_filter = QComboBox()
        self.norm_filter.setObjectName("norm_filter")
        self.norm_filter.addItem(_("All norms"), None)
        with self.db.session() as s:
            for n in list_norm_sets(s):
                self.norm_filter.addItem(pick(n.name_kk, n.name_ru), n.id)
        self.norm_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.norm_filter.setMinimumContentsLength(30)
        self.norm_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.filter_bar.addWidget(self.norm_filter, 1)
        self.norm_action = self.action(_("Norm…"), self.edit_norm)
        self.new_norm_action = self.action(_("New norm…"), self.new_norm)
        self.remove_line_action = self.action(_("Remove the line"), self.remove_line)
        self.positions_action = self.action(_("Positions under the norm…"), self.edit_positions)
        self.personal_action = self.action(_("Personal additions…"), self.add_personal)

    def make_model(self) -> SelectTableModel:
        columns = [
            Column(N_("Norm"), localized_name(PpeNormSet.name_kk, PpeNormSet.name_ru), width=24),
            Column(N_("Item"), localized_name(PpeItem.name_kk, PpeItem.name_ru), width=30),
            Column(N_("Quantity"), PpeNormLine.quantity, align_right=True, width=6),
            Column(N_("Wear period"), PpeNormLine.wear, show=_wear, width=10),
            Column(N_("Months"), PpeNormLine.wear_months, show=_months, width=6),
            Column(N_("Clause of the norm"), PpeNormLine.clause, width=8),
            Column(N_("Legal basis"), PpeNormSet.legal_basis, width=30),
            Column(N_("Edition"), PpeNormSet.edition_date, show=format_date, width=10),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(PpeNormLine)
                .join(PpeNormSet, PpeNormLine.norm_set_id == PpeNormSet.id)
                .join(PpeItem, PpeNormLine.item_id == PpeItem.id)
            )

        return SelectTableModel(self.db, columns, source, PpeNormLine.id, filters=self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [
            PpeNormLine.deleted_at.is_(None),
            PpeNormSet.deleted_at.is_(None),
        ]
        text = search_text(self.search.text().strip())
        if text:
            found.append(PpeItem.search_text.contains(text, autoescape=True))
        norm_id = self.norm_filter.currentData()
        if norm_id is not None:
            found.append(PpeNormLine.norm_set_id == norm_id)
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return NormLineDialog(self.db, row_id, self.norm_filter.currentData(), self)

    def current_norm(self) -> int | None:
        """The norm chosen in the filter, or that of the selected line."""
        norm_id = self.norm_filter.currentData()
        if norm_id is None:
            row_id = self.current_id()
            with self.db.session() as s:
                line = s.get(PpeNormLine, row_id) if row_id else None
                norm_id = line.norm_set_id if line else None
        return None if norm_id is None else int(norm_id)

    def edit_norm(self, norm_id: int | None = None) -> None:
        from safedesk.ui.dialogs.ppe_norm_set import NormSetDialog

        norm_id = norm_id or self.current_norm()
        if norm_id is None:
            show_problem(self, SafeDeskError(N_("Choose the norm to open.")))
            return
        NormSetDialog(self.db, norm_id, self).exec()  # the lines may change without Save
        self.reload_norms(norm_id)

    def new_norm(self) -> None:
        from safedesk.ui.dialogs.ppe_norm_set import NormSetDialog

        dialog = NormSetDialog(self.db, None, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.reload_norms(dialog.saved_id)
            self.edit_norm(dialog.saved_id)

    def reload_norms(self, select_id: int | None) -> None:
        """Names may have changed: fill the filter again and show `select_id`'s lines."""
        self.norm_filter.blockSignals(True)
        while self.norm_filter.count() > 1:
            self.norm_filter.removeItem(1)
        with self.db.session() as s:
            for n in list_norm_sets(s):
                self.norm_filter.addItem(pick(n.name_kk, n.name_ru), n.id)
        index = self.norm_filter.findData(select_id) if select_id is not None else 0
        self.norm_filter.setCurrentIndex(max(index, 0))
        self.norm_filter.blockSignals(False)
        self.apply_filters()

    def remove_line(self) -> None:
        from safedesk.db.ppe_catalogue import delete_norm_line
        from safedesk.ui.dialogs.ppe_norm_set import NormSetDialog

        row_id = self.current_id()
        if row_id is None:
            show_problem(self, SafeDeskError(N_("Select the line of the norm to remove.")))
            return
        if not NormSetDialog.confirm(self, _("Remove the selected line of the norm?")):
            return
        try:
            with self.db.write() as s:
                delete_norm_line(s, row_id, None)
        except SafeDeskError as e:
            show_problem(self, e)
        self.refresh()

    def edit_positions(self) -> None:
        norm_id = self.current_norm()
        if norm_id is None:
            show_problem(self, SafeDeskError(N_("Choose the norm whose positions to set.")))
            return
        self._edit(NormPositionsDialog(self.db, int(norm_id), self))

    def add_personal(self) -> None:
        from safedesk.ui.dialogs.ppe_personal_norms import PersonalNormsDialog

        PersonalNormsDialog(self.db, None, self).exec()


class BalancesDialog(QDialog):
    """What is in stock per item and size: received, issued, returned, left."""

    def __init__(self, db: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Stock balances"))
        heads = [_("Item"), _("Size"), _("Received"), _("Issued"), _("Returned"), _("Balance")]
        with db.session() as s:  # type: ignore[attr-defined]
            stock = balances(s)
            names = {i.id: pick(i.name_kk, i.name_ru) for i in s.scalars(select(PpeItem))}
        rows = sorted(stock.values(), key=lambda b: (names.get(b.item_id, ""), b.size))
        self.table = QTableWidget(len(rows), len(heads))
        self.table.setObjectName("balances")
        self.table.setHorizontalHeaderLabels(heads)
        for r, b in enumerate(rows):
            values = (names.get(b.item_id, ""), b.size, b.received, b.issued, b.returned, b.balance)
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(820, 560)


class PpeStockPage(TablePage):
    search_hint = N_("Find an item or a document")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        newest_first(self)

    confirm: Callable[[QWidget, str], bool] | None = None  # tests answer; None asks the user

    def build_filters(self) -> None:
        self.add_action.setText(_("Receive…"))
        self.balances_action = self.action(_("Balances…"), self.show_balances)
        self.delete_action = self.action(_("Delete (typed by mistake)"), self.delete_current)

    def make_model(self) -> SelectTableModel:
        columns = [
            Column(N_("Date of receipt"), PpeReceipt.receipt_date, show=format_date, width=10),
            Column(N_("Item"), localized_name(PpeItem.name_kk, PpeItem.name_ru), width=44),
            Column(N_("Size"), PpeReceipt.size, width=6),
            Column(N_("Quantity"), PpeReceipt.quantity, align_right=True, width=6),
            Column(N_("Document No."), PpeReceipt.document, width=12),
            Column(N_("Certificate"), PpeReceipt.certificate, width=18),
        ]

        def source():  # type: ignore[no-untyped-def]
            return select().select_from(PpeReceipt).join(PpeItem, PpeReceipt.item_id == PpeItem.id)

        return SelectTableModel(self.db, columns, source, PpeReceipt.id, filters=self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [PpeReceipt.deleted_at.is_(None)]
        text = search_text(self.search.text().strip())
        if text:
            found.append(
                PpeItem.search_text.contains(text, autoescape=True)
                | casefold(PpeReceipt.document).contains(text, autoescape=True)
            )
        return found

    def record_dialog(self, row_id: int | None) -> QDialog | None:
        return ReceiptDialog(self.db, self) if row_id is None else None

    def show_balances(self) -> None:
        BalancesDialog(self.db, self).exec()

    def delete_current(self) -> None:
        from safedesk.db.ppe_stock import delete_receipt
        from safedesk.ui.widgets.confirm import ask

        row_id = self.current_id()
        if row_id is None:
            show_problem(self, SafeDeskError(N_("Select the receipt typed by mistake.")))
            return
        question = _("Delete the selected receipt? The balance goes down by its quantity.")
        if not (self.confirm or ask)(self, question):
            return
        try:
            with self.db.write() as s:
                delete_receipt(s, row_id, None)
        except SafeDeskError as e:
            show_problem(self, e)
            return
        self.refresh()
