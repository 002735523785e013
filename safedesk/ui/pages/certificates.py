"""Certificates of external training: who holds which, until when, and what expires soon."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QWidget
from sqlalchemy import ColumnElement, case, func, or_, select, true

from safedesk.db.certificates import delete_certificate, kinds
from safedesk.db.engine import Database
from safedesk.db.models import Certificate, CertificateKind, Contractor, ContractorWorker, Employee
from safedesk.db.text_search import person_matches, refers_to_match
from safedesk.domain.collation import search_text
from safedesk.domain.due import DUE_SOON_DAYS
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, current_language, format_date
from safedesk.ui.dialogs.certificate import ROMAN, CertificateDialog, kind_title
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.widgets.errors import show_problem
from safedesk.ui.widgets.table_page import TablePage


def roman(value: Any) -> str:
    return ROMAN.get(int(value), "") if value else ""


def state(value: Any) -> str:
    """The "valid to" cell: the date, and what it means today."""
    if value is None:
        return _("no expiry")
    today = dt.date.today()
    if value < today:
        return _("{date} — expired").format(date=format_date(value))
    if (value - today).days <= DUE_SOON_DAYS:
        return _("{date} — expiring").format(date=format_date(value))
    return format_date(value)


class CertificatesPage(TablePage):
    search_hint = N_("Find by name, IIN or certificate No.")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.table.horizontalHeader().setSortIndicator(6, Qt.SortOrder.AscendingOrder)

    def build_filters(self) -> None:
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kind_filter")
        self.kind_filter.addItem(_("All kinds"), None)
        with self.db.session() as s:
            for k in kinds(s):
                self.kind_filter.addItem(kind_title(k), k.code)
        self.holder_filter = QComboBox()
        self.holder_filter.setObjectName("holder_filter")
        self.holder_filter.addItem(_("Employees and contractors' workers"), None)
        self.holder_filter.addItem(_("Employees"), "own")
        self.holder_filter.addItem(_("Contractors' workers"), "contractor")
        self.latest_only = QCheckBox(_("Latest of each kind"))
        self.latest_only.setObjectName("latest_only")
        self.latest_only.setChecked(True)
        self.latest_only.toggled.connect(lambda _on: self.apply_filters())
        self.filter_bar.addWidget(self.latest_only)
        self.due_only = QCheckBox(_("Expiring within 30 days or expired"))
        self.due_only.setObjectName("due_only")
        for combo in (self.kind_filter, self.holder_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
            self.filter_bar.addWidget(combo, 1)
        self.due_only.toggled.connect(lambda _on: self.apply_filters())
        self.filter_bar.addWidget(self.due_only)
        self.delete_action = self.action(_("Delete"), self.delete_current)

    def make_model(self) -> SelectTableModel:
        holder = func.coalesce(
            Employee.surname + " " + Employee.name + " " + Employee.patronymic,
            ContractorWorker.surname
            + " "
            + ContractorWorker.name
            + " "
            + ContractorWorker.patronymic,
        )
        kind_name: Any = (
            func.coalesce(func.nullif(CertificateKind.name_en, ""), CertificateKind.name_ru)
            if current_language() == "en"
            else localized_name(CertificateKind.name_kk, CertificateKind.name_ru)
        )
        employer = case(
            (Certificate.contractor_worker_id.is_not(None), Contractor.name),
            else_=_("own employee"),
        )
        columns = [
            Column(
                N_("Holder"),
                holder,
                sort=func.coalesce(Employee.sort_name, ContractorWorker.sort_name),
                width=28,
            ),
            Column(N_("IIN"), func.coalesce(Employee.iin, ContractorWorker.iin), width=12),
            Column(N_("Employer"), employer, width=18),
            Column(N_("Kind"), kind_name, width=22),
            Column(N_("Group (I–V)"), Certificate.electrical_group, show=roman, width=5),
            Column(N_("Certificate No."), Certificate.number, width=10),
            Column(N_("Valid to"), Certificate.valid_to, show=state, width=16),
            Column(N_("Issued on"), Certificate.issued_on, show=format_date, width=10),
            Column(N_("Issued by"), Certificate.issued_by, width=20),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(Certificate)
                .outerjoin(Employee, Certificate.employee_id == Employee.id)
                .outerjoin(
                    ContractorWorker, Certificate.contractor_worker_id == ContractorWorker.id
                )
                .outerjoin(Contractor, ContractorWorker.contractor_id == Contractor.id)
                .outerjoin(CertificateKind, Certificate.kind == CertificateKind.code)
            )

        return SelectTableModel(
            self.db, columns, source, Certificate.id, default_sort=6, filters=self.conditions()
        )

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [Certificate.deleted_at.is_(None)]
        typed = self.search.text().strip()
        text = search_text(typed)
        if text:
            found.append(
                or_(
                    person_matches(Certificate.employee_id, typed),
                    refers_to_match(
                        Certificate.contractor_worker_id, ContractorWorker.search_text, typed
                    ),
                    Certificate.number == typed,
                )
            )
        kind = self.kind_filter.currentData()
        if kind is not None:
            found.append(Certificate.kind == kind)
        holder = self.holder_filter.currentData()
        if holder == "own":
            found.append(Certificate.employee_id.is_not(None))
        elif holder == "contractor":
            found.append(Certificate.contractor_worker_id.is_not(None))
        if self.latest_only.isChecked() or self.due_only.isChecked():
            # A renewed certificate is history: only the latest of a kind is due. The
            # flag kept on the row, not computed: each batch walks the (latest, <sort
            # column>, id) index of its order and stops at its LIMIT.
            found.append(Certificate.latest == true())
        if self.due_only.isChecked():
            found.append(Certificate.valid_to <= dt.date.today() + dt.timedelta(days=DUE_SOON_DAYS))
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return CertificateDialog(self.db, row_id, self)

    def delete_current(self) -> None:
        row_id = self.current_id()
        if row_id is None:
            return
        try:
            with self.db.write() as s:
                delete_certificate(s, row_id, None)
        except SafeDeskError as e:
            show_problem(self, e)
            return
        self.refresh()
