"""Contractors: the organisations working on the enterprise's sites (roadmap item 24)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QDialog
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import aliased

from safedesk.db.contractors import delete_contractor
from safedesk.db.engine import casefold
from safedesk.db.models import Contractor, ContractorWorker
from safedesk.i18n import N_, _, format_date
from safedesk.ui.dialogs.contractor import ContractorDialog, WorkerDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.widgets.table_page import TablePage

Parent = aliased(Contractor)


class ContractorsPage(TablePage):
    search_hint = N_("Find by name, BIN or contract No.")

    def build_filters(self) -> None:
        self.current_only = QCheckBox(_("Contract in force today"))
        self.current_only.setObjectName("current_only")
        self.current_only.toggled.connect(lambda _on: self.apply_filters())
        self.filter_bar.addWidget(self.current_only)
        self.worker_action = self.action(_("Add a worker…"), self.add_worker)
        self.delete_action = self.action(_("Delete"), self.delete_current)

    def make_model(self) -> SelectTableModel:
        today = dt.date.today()
        on_site = (
            select(func.count())
            .where(
                ContractorWorker.contractor_id == Contractor.id,
                ContractorWorker.deleted_at.is_(None),
                or_(ContractorWorker.left_on.is_(None), ContractorWorker.left_on >= today),
                or_(ContractorWorker.arrived_on.is_(None), ContractorWorker.arrived_on <= today),
            )
            .correlate(Contractor)
            .scalar_subquery()
        )
        columns = [
            # Narrow enough for the columns after it to be in view at 1280 px, in kk too.
            Column(N_("Company name"), Contractor.name, width=19),
            Column(N_("BIN"), Contractor.bin, width=12),
            Column(N_("Contract No."), Contractor.contract_no, width=10),
            Column(N_("Contract from"), Contractor.contract_from, show=format_date, width=10),
            Column(N_("Contract to"), Contractor.contract_to, show=format_date, width=10),
            Column(N_("Workers on the site"), on_site, align_right=True, width=19),
            Column(N_("Sub-contractor of"), Parent.name, width=20),
            Column(N_("Work contracted"), Contractor.scope, width=24),
            Column(N_("Contact"), Contractor.contact, width=20),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(Contractor)
                .outerjoin(Parent, Contractor.parent_id == Parent.id)
            )

        return SelectTableModel(self.db, columns, source, Contractor.id, filters=self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [Contractor.deleted_at.is_(None)]
        typed = self.search.text().strip()
        if typed:
            found.append(
                or_(
                    # Not icontains: SQLite's lower() leaves Cyrillic alone.
                    casefold(Contractor.name).contains(typed.casefold(), autoescape=True),
                    Contractor.bin.startswith(typed, autoescape=True),
                    Contractor.contract_no == typed,
                )
            )
        if self.current_only.isChecked():
            today = dt.date.today()
            found += [
                or_(Contractor.contract_from.is_(None), Contractor.contract_from <= today),
                or_(Contractor.contract_to.is_(None), Contractor.contract_to >= today),
            ]
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return ContractorDialog(self.db, row_id, self)

    def add_worker(self) -> None:
        dialog = WorkerDialog(self.db, None, self, contractor_id=self.current_id())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def delete_current(self) -> bool:
        return self.delete_selected(
            lambda s, row_id: delete_contractor(s, row_id, None),
            N_("Delete the selected contractor?"),
        )
