"""External training certificates with expiry dates, and their kinds as reference data."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from safedesk.db.models.base import Base, RegisterRow, SoftDeleted
from safedesk.db.models.contractors import ContractorWorker
from safedesk.db.models.staff import Employee


class CertificateKind(RegisterRow, Base):
    """A kind of certificate (work at height, electrical group, first aid…), editable:
    its typical validity and the legal basis it comes from, with the edition date."""

    __tablename__ = "certificate_kinds"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    valid_months: Mapped[int | None] = mapped_column(default=None)  # None: no expiry
    electrical: Mapped[bool] = mapped_column(default=False)  # carries a group I–V
    legal_basis: Mapped[str] = mapped_column(String(500), default="")
    edition: Mapped[dt.date | None] = mapped_column(default=None)


# The page's sorts by a certificate's own column, each walked among the latest
# certificates only (`latest` first); `id` last is the page's tie-break, in the index so
# that PostgreSQL too reads a batch in order without sorting (SQLite has it as rowid).
LATEST_ORDERS = ("valid_to", "issued_on", "number", "issued_by", "electrical_group")


class Certificate(RegisterRow, SoftDeleted, Base):
    """A certificate held by an employee or by a contractor's worker — exactly one."""

    __tablename__ = "certificates"
    __table_args__ = (
        CheckConstraint(
            "(employee_id IS NULL) <> (contractor_worker_id IS NULL)", name="one_holder"
        ),
        Index("ix_certificates_employee_kind", "employee_id", "kind"),
        Index("ix_certificates_worker_kind", "contractor_worker_id", "kind"),
        *(Index(f"ix_certificates_latest_{c}", "latest", c, "id") for c in LATEST_ORDERS),
    )

    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    contractor_worker_id: Mapped[int | None] = mapped_column(
        ForeignKey("contractor_workers.id"), default=None
    )
    kind: Mapped[str] = mapped_column(String(40), index=True)  # CertificateKind.code
    number: Mapped[str] = mapped_column(String(50), default="", index=True)
    issued_by: Mapped[str] = mapped_column(String(300), default="", index=True)
    issued_on: Mapped[dt.date] = mapped_column(index=True)
    valid_to: Mapped[dt.date | None] = mapped_column(default=None, index=True)  # None: no expiry
    electrical_group: Mapped[int | None] = mapped_column(default=None, index=True)
    note: Mapped[str] = mapped_column(String(500), default="")
    # The holder's latest certificate of this kind, not renewed since: the newest
    # `issued_on`, on a tie the one typed later (higher id); never a deleted one. Kept by
    # safedesk.db.certificates on every write so that the register need not number every
    # certificate to find them (issue 12); filled from the data by migration 0017.
    latest: Mapped[bool] = mapped_column(default=False, server_default=false())

    employee: Mapped[Employee | None] = relationship()
    contractor_worker: Mapped[ContractorWorker | None] = relationship()
