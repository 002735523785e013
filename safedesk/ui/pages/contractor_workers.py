"""Contractors' workers: who is on the site, and their briefings and checks (items 12, 31)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog
from sqlalchemy import ColumnElement, func, or_, select

from safedesk.db.contractors import delete_worker
from safedesk.db.models import (
    Contractor,
    ContractorBriefing,
    ContractorCheck,
    ContractorWorker,
)
from safedesk.domain.collation import search_text
from safedesk.domain.training import CLOCK_KINDS, BriefingKind, CheckOutcome
from safedesk.i18n import N_, _, format_date
from safedesk.ui.dialogs.certificate import ROMAN
from safedesk.ui.dialogs.contractor import WorkerDialog, fill_contractors
from safedesk.ui.dialogs.contractor_training import (
    ContractorBriefingDialog,
    ContractorCheckDialog,
)
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.widgets.table_page import TablePage


def _briefing(kinds: list[BriefingKind], value: Any) -> Any:
    return (
        select(func.max(value))
        .where(
            ContractorBriefing.worker_id == ContractorWorker.id,
            ContractorBriefing.deleted_at.is_(None),
            ContractorBriefing.kind.in_([k.value for k in kinds]),
        )
        .correlate(ContractorWorker)
        .scalar_subquery()
    )


def _until(value: Any) -> str:
    if value is None:
        return ""
    shown = format_date(value)
    return _("{date} — expired").format(date=shown) if value < dt.date.today() else shown


class ContractorWorkersPage(TablePage):
    search_hint = N_("Find by name or IIN")

    def build_filters(self) -> None:
        self.contractor_filter = QComboBox()
        self.contractor_filter.setObjectName("contractor_filter")
        fill_contractors(self.contractor_filter, self.db, _("All contractors"))
        self.contractor_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.filter_bar.addWidget(self.contractor_filter, 1)
        self.on_site = QCheckBox(_("On the site today"))
        self.on_site.setObjectName("on_site")
        self.on_site.setChecked(True)
        self.on_site.toggled.connect(lambda _on: self.apply_filters())
        self.filter_bar.addWidget(self.on_site)
        self.briefing_action = self.action(_("Register a briefing…"), self.register_briefing)
        self.check_action = self.action(_("Register a check…"), self.register_check)
        self.delete_action = self.action(_("Delete"), self.delete_current)

    def make_model(self) -> SelectTableModel:
        full = (
            ContractorWorker.surname
            + " "
            + ContractorWorker.name
            + " "
            + ContractorWorker.patronymic
        )
        check = (
            select(func.max(ContractorCheck.valid_until))
            .where(
                ContractorCheck.worker_id == ContractorWorker.id,
                ContractorCheck.deleted_at.is_(None),
                ContractorCheck.outcome == CheckOutcome.PASSED.value,
            )
            .correlate(ContractorWorker)
            .scalar_subquery()
        )
        columns = [
            Column(N_("Full name"), full, sort=ContractorWorker.sort_name, width=28),
            Column(N_("IIN"), ContractorWorker.iin, width=12),
            Column(N_("Contractor"), Contractor.name, width=22),
            Column(N_("Position"), ContractorWorker.position, width=18),
            Column(
                N_("Group (I–V)"),
                ContractorWorker.electrical_group,
                show=lambda v: ROMAN.get(int(v), "") if v else "",
                width=5,
            ),
            Column(
                N_("Introductory briefing"),
                _briefing([BriefingKind.INTRODUCTORY], ContractorBriefing.held_on),
                show=format_date,
                width=10,
            ),
            Column(
                N_("Repeated briefing due"),
                _briefing(list(CLOCK_KINDS), ContractorBriefing.next_due),
                show=_until,
                width=12,
            ),
            Column(N_("Check valid to"), check, show=_until, width=12),
            Column(N_("On the site from"), ContractorWorker.arrived_on, show=format_date, width=10),
            Column(N_("Left the site on"), ContractorWorker.left_on, show=format_date, width=10),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(ContractorWorker)
                .join(Contractor, ContractorWorker.contractor_id == Contractor.id)
            )

        return SelectTableModel(
            self.db, columns, source, ContractorWorker.id, filters=self.conditions()
        )

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [
            ContractorWorker.deleted_at.is_(None),
            Contractor.deleted_at.is_(None),
        ]
        text = search_text(self.search.text().strip())
        if text:
            found.append(ContractorWorker.search_text.contains(text, autoescape=True))
        contractor_id = self.contractor_filter.currentData()
        if contractor_id is not None:
            found.append(ContractorWorker.contractor_id == contractor_id)
        if self.on_site.isChecked():
            today = dt.date.today()
            found += [
                or_(ContractorWorker.arrived_on.is_(None), ContractorWorker.arrived_on <= today),
                or_(ContractorWorker.left_on.is_(None), ContractorWorker.left_on >= today),
            ]
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return WorkerDialog(
            self.db, row_id, self, contractor_id=self.contractor_filter.currentData()
        )

    def briefing_dialog(self) -> ContractorBriefingDialog:
        """All the chosen contractor's workers, or the selected worker alone."""
        contractor_id = self.contractor_filter.currentData()
        chosen = None
        if contractor_id is None and self.current_id() is not None:
            chosen = [self.current_id() or 0]
        return ContractorBriefingDialog(self.db, contractor_id, chosen, self)

    def register_briefing(self) -> None:
        self._edit(self.briefing_dialog())

    def register_check(self) -> None:
        self._edit(ContractorCheckDialog(self.db, self.current_id(), self))

    def delete_current(self) -> bool:
        return self.delete_selected(
            lambda s, row_id: delete_worker(s, row_id, None),
            N_("Delete the selected contractor's worker?"),
        )
