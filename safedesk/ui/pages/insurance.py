"""Accident insurance contracts: the record behind indicator 43."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from sqlalchemy import ColumnElement, select

from safedesk.db.engine import casefold
from safedesk.db.models.indicators import InsuranceContract
from safedesk.domain.collation import search_text
from safedesk.i18n import N_, format_date
from safedesk.ui.dialogs.insurance import InsuranceDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.widgets.table_page import TablePage


class InsurancePage(TablePage):
    search_hint = N_("Find by insurer or contract No.")

    def make_model(self) -> SelectTableModel:
        columns = [
            Column(N_("Insurer"), InsuranceContract.insurer, width=30),
            Column(N_("Contract No."), InsuranceContract.number, width=14),
            Column(N_("Valid from"), InsuranceContract.valid_from, show=format_date, width=10),
            Column(N_("Valid to"), InsuranceContract.valid_to, show=format_date, width=10),
            Column(
                N_("Workers insured"), InsuranceContract.insured_count, width=8, align_right=True
            ),
        ]
        return SelectTableModel(
            self.db,
            columns,
            lambda: select().select_from(InsuranceContract),
            InsuranceContract.id,
            default_sort=3,
            filters=self.conditions(),
        )

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [InsuranceContract.deleted_at.is_(None)]
        text = search_text(self.search.text().strip())
        if text:
            found.append(
                casefold(InsuranceContract.insurer + " " + InsuranceContract.number).contains(
                    text, autoescape=True
                )
            )
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return InsuranceDialog(self.db, row_id, self)
