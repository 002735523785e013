"""Contractor organisations, their workers, and the briefings and checks of those workers.

Contractor staff are not employees: they carry their own IIN, position as text and
electrical-safety group, and leave when the contractor takes them off the site. Their
briefings by the client and their knowledge checks are kept here, apart from the
employees' journals, so that a permit can admit them on the same rules (roadmap 12, 24, 31).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from safedesk.db.models.base import Base, RegisterRow, SoftDeleted
from safedesk.db.models.staff import Employee
from safedesk.db.types import SortKey


class Contractor(RegisterRow, SoftDeleted, Base):
    """A contractor or sub-contractor organisation working on the enterprise's sites."""

    __tablename__ = "contractors"

    name: Mapped[str] = mapped_column(String(300), index=True)
    bin: Mapped[str] = mapped_column(String(12), index=True)
    address: Mapped[str] = mapped_column(String(500), default="")
    contact: Mapped[str] = mapped_column(String(300), default="")  # person and phone
    contract_no: Mapped[str] = mapped_column(String(50), default="")
    contract_from: Mapped[dt.date | None] = mapped_column(default=None)
    contract_to: Mapped[dt.date | None] = mapped_column(default=None, index=True)
    # For a sub-contractor: the contractor that engaged it (step-by-step control, item 24).
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("contractors.id"), default=None)
    scope: Mapped[str] = mapped_column(String(500), default="")  # the work contracted
    note: Mapped[str] = mapped_column(String(1000), default="")

    parent: Mapped[Contractor | None] = relationship(remote_side="Contractor.id")


class ContractorWorker(RegisterRow, SoftDeleted, Base):
    """A person of a contractor admitted to the site; may appear on permits."""

    __tablename__ = "contractor_workers"
    __table_args__ = (Index("ix_contractor_workers_contractor_sort", "contractor_id", "sort_name"),)

    contractor_id: Mapped[int] = mapped_column(ForeignKey("contractors.id"))
    iin: Mapped[str] = mapped_column(String(12), index=True)
    surname: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(100))
    patronymic: Mapped[str] = mapped_column(String(100), default="")
    position: Mapped[str] = mapped_column(String(300), default="")
    electrical_group: Mapped[int | None] = mapped_column(default=None)
    arrived_on: Mapped[dt.date | None] = mapped_column(default=None)  # came on the site
    left_on: Mapped[dt.date | None] = mapped_column(default=None)  # taken off the site
    sort_name: Mapped[str] = mapped_column(SortKey, default="", index=True)
    search_text: Mapped[str] = mapped_column(String(400), default="")

    contractor: Mapped[Contractor] = relationship()


class ContractorBriefing(RegisterRow, SoftDeleted, Base):
    """A briefing the client gave a contractor's worker (kinds as for employees)."""

    __tablename__ = "contractor_briefings"
    __table_args__ = (Index("ix_contractor_briefings_worker_held", "worker_id", "held_on"),)

    worker_id: Mapped[int] = mapped_column(ForeignKey("contractor_workers.id"))
    kind: Mapped[str] = mapped_column(String(20))
    held_on: Mapped[dt.date] = mapped_column(index=True)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    topic: Mapped[str] = mapped_column(String(500), default="")
    reason: Mapped[str] = mapped_column(String(500), default="")
    next_due: Mapped[dt.date | None] = mapped_column(default=None, index=True)

    worker: Mapped[ContractorWorker] = relationship()
    instructor: Mapped[Employee] = relationship()


class ContractorCheck(RegisterRow, SoftDeleted, Base):
    """A knowledge check of a contractor's worker: by its own employer's commission,
    a training centre, or the client's commission — the protocol is named, not kept."""

    __tablename__ = "contractor_checks"
    __table_args__ = (Index("ix_contractor_checks_worker_checked", "worker_id", "checked_on"),)

    worker_id: Mapped[int] = mapped_column(ForeignKey("contractor_workers.id"))
    checked_on: Mapped[dt.date]
    outcome: Mapped[str] = mapped_column(String(10))
    valid_until: Mapped[dt.date | None] = mapped_column(default=None, index=True)
    checked_by: Mapped[str] = mapped_column(String(300), default="")
    protocol_no: Mapped[str] = mapped_column(String(50), default="")
    certificate_no: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(String(500), default="")

    worker: Mapped[ContractorWorker] = relationship()
