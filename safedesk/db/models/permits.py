"""Permit-to-work log (roadmap items 3, 7, 11, 19, 20): permits and everything written on them.

A permit row holds the header; each list on the paper form is its own table (roles, crew,
hazard / measure / PPE lines, isolation points, gas tests, shifts, extensions), and every
step of the lifecycle and every override of the admission gate is a row of its own, so the
log shows who did what and when. The rules of each type, the gas limits and the number
pattern are reference data with their legal basis.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from safedesk.db.models.base import Base, RegisterRow, SoftDeleted
from safedesk.db.models.contractors import ContractorWorker
from safedesk.db.models.staff import Employee, Unit

ONE_PERSON = "(employee_id IS NULL) <> (contractor_worker_id IS NULL)"


class PermitTypeRule(RegisterRow, Base):
    """The rules of one permit type, editable, with the legal basis they come from."""

    __tablename__ = "permit_type_rules"

    code: Mapped[str] = mapped_column(String(30), unique=True)
    name_kk: Mapped[str] = mapped_column(String(300), default="")
    name_ru: Mapped[str] = mapped_column(String(300), default="")
    required_roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    distinct: Mapped[list[list[str]]] = mapped_column(JSON, default=list)
    certificates: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)
    electrical_groups: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    gas_test: Mapped[bool] = mapped_column(default=False)
    isolation_required: Mapped[bool] = mapped_column(default=False)
    legal_basis: Mapped[str] = mapped_column(String(500), default="")
    edition: Mapped[dt.date | None] = mapped_column(default=None)


class PermitGasLimit(RegisterRow, Base):
    __tablename__ = "permit_gas_limits"

    gas: Mapped[str] = mapped_column(String(10), unique=True)
    low: Mapped[float | None] = mapped_column(default=None)
    high: Mapped[float | None] = mapped_column(default=None)
    low_inclusive: Mapped[bool] = mapped_column(default=True)
    high_inclusive: Mapped[bool] = mapped_column(default=True)
    unit: Mapped[str] = mapped_column(String(20), default="")
    legal_basis: Mapped[str] = mapped_column(String(500), default="")
    edition: Mapped[dt.date | None] = mapped_column(default=None)


class PermitSetting(RegisterRow, Base):
    """The number pattern and the gas-test windows: values the employer sets."""

    __tablename__ = "permit_settings"

    code: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[str] = mapped_column(String(200))
    name_kk: Mapped[str] = mapped_column(String(300), default="")
    name_ru: Mapped[str] = mapped_column(String(300), default="")
    legal_basis: Mapped[str] = mapped_column(String(500), default="")
    edition: Mapped[dt.date | None] = mapped_column(default=None)


class Permit(RegisterRow, SoftDeleted, Base):
    __tablename__ = "permits"
    __table_args__ = (
        UniqueConstraint("year", "seq"),
        Index("ix_permits_state_end", "state", "planned_end"),
    )

    number: Mapped[str] = mapped_column(String(50), unique=True)
    year: Mapped[int]
    seq: Mapped[int]
    type: Mapped[str] = mapped_column(String(30), index=True)
    state: Mapped[str] = mapped_column(String(20), default="draft")
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    location: Mapped[str] = mapped_column(String(500), default="", index=True)
    work: Mapped[str] = mapped_column(Text, default="", index=True)
    planned_start: Mapped[dt.datetime] = mapped_column(index=True)
    planned_end: Mapped[dt.datetime] = mapped_column(index=True)  # with extensions
    original_end: Mapped[dt.datetime]
    copied_from_id: Mapped[int | None] = mapped_column(ForeignKey("permits.id"), default=None)
    # Closure (DOMAIN.md §2): work finished, crew withdrawn, isolations removed, reported.
    work_finished: Mapped[bool] = mapped_column(default=False)
    crew_withdrawn: Mapped[bool] = mapped_column(default=False)
    reported_to: Mapped[str] = mapped_column(String(300), default="")
    closed_at: Mapped[dt.datetime | None] = mapped_column(default=None, index=True)
    note: Mapped[str] = mapped_column(String(1000), default="")

    unit: Mapped[Unit] = relationship()


class PermitRole(RegisterRow, Base):
    __tablename__ = "permit_roles"
    __table_args__ = (
        UniqueConstraint("permit_id", "role"),
        CheckConstraint(ONE_PERSON, name="one_person"),
    )

    permit_id: Mapped[int] = mapped_column(ForeignKey("permits.id"))
    role: Mapped[str] = mapped_column(String(30))
    employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id"), default=None, index=True
    )
    contractor_worker_id: Mapped[int | None] = mapped_column(
        ForeignKey("contractor_workers.id"), default=None, index=True
    )

    employee: Mapped[Employee | None] = relationship()
    contractor_worker: Mapped[ContractorWorker | None] = relationship()


class PermitCrewMember(RegisterRow, Base):
    """A person of the crew; joining or leaving after admission is a crew change."""

    __tablename__ = "permit_crew"
    __table_args__ = (CheckConstraint(ONE_PERSON, name="one_person"),)

    permit_id: Mapped[int] = mapped_column(ForeignKey("permits.id"), index=True)
    employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id"), default=None, index=True
    )
    contractor_worker_id: Mapped[int | None] = mapped_column(
        ForeignKey("contractor_workers.id"), default=None, index=True
    )
    electrical_group: Mapped[int | None] = mapped_column(default=None)  # as admitted
    joined_at: Mapped[dt.datetime | None] = mapped_column(default=None)  # None: from the start
    left_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    # The targeted briefing of this permit, given by `briefed_by_id`.
    briefed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    briefed_by_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    briefing_id: Mapped[int | None] = mapped_column(ForeignKey("briefings.id"), default=None)

    employee: Mapped[Employee | None] = relationship(foreign_keys=[employee_id])
    contractor_worker: Mapped[ContractorWorker | None] = relationship()


class PermitLine(RegisterRow, Base):
    """A hazard, a safety measure or a PPE item, in the order written."""

    __tablename__ = "permit_lines"

    permit_id: Mapped[int] = mapped_column(ForeignKey("permits.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(String(1000))


class PermitIsolation(RegisterRow, Base):
    """A lockout/tagout point: what is isolated, how, the lock No., who applied and removed it.

    A lock No. is held from the moment it is written on a point until the point is
    removed: the partial unique index refuses the same lock on two points at once.
    """

    __tablename__ = "permit_isolations"
    __table_args__ = (
        Index(
            "uq_permit_isolations_held_lock",
            "lock_no",
            unique=True,
            sqlite_where=text("removed_at IS NULL AND lock_no <> ''"),
            postgresql_where=text("removed_at IS NULL AND lock_no <> ''"),
        ),
    )

    permit_id: Mapped[int] = mapped_column(ForeignKey("permits.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    point: Mapped[str] = mapped_column(String(300))
    method: Mapped[str] = mapped_column(String(300), default="")
    lock_no: Mapped[str] = mapped_column(String(50), default="")
    applied_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    applied_by_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    removed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    removed_by_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)

    applied_by: Mapped[Employee | None] = relationship(foreign_keys=[applied_by_id])
    removed_by: Mapped[Employee | None] = relationship(foreign_keys=[removed_by_id])


class PermitGasTest(RegisterRow, Base):
    __tablename__ = "permit_gas_tests"
    __table_args__ = (Index("ix_permit_gas_tests_permit_taken", "permit_id", "taken_at"),)

    permit_id: Mapped[int] = mapped_column(ForeignKey("permits.id"))
    taken_at: Mapped[dt.datetime]
    place: Mapped[str] = mapped_column(String(300), default="")
    o2: Mapped[float | None] = mapped_column(default=None)
    lel: Mapped[float | None] = mapped_column(default=None)
    co: Mapped[float | None] = mapped_column(default=None)
    h2s: Mapped[float | None] = mapped_column(default=None)
    within_limits: Mapped[bool] = mapped_column(default=False)  # against `limits`
    measured_by_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    instrument: Mapped[str] = mapped_column(String(300), default="")
    # The limits of the day the readings were judged by (domain.permit_gas.stored_limits):
    # the limits may be edited later, and a reprinted permit must not change.
    limits: Mapped[dict[str, dict[str, float | bool | None]]] = mapped_column(JSON)

    measured_by: Mapped[Employee | None] = relationship()


class PermitShift(RegisterRow, Base):
    """A daily admission and its end-of-shift entry."""

    __tablename__ = "permit_shifts"

    permit_id: Mapped[int] = mapped_column(ForeignKey("permits.id"), index=True)
    admitted_at: Mapped[dt.datetime]
    admitted_by_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    ended_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    note: Mapped[str] = mapped_column(String(500), default="")


class PermitExtension(RegisterRow, Base):
    __tablename__ = "permit_extensions"

    permit_id: Mapped[int] = mapped_column(ForeignKey("permits.id"), index=True)
    old_end: Mapped[dt.datetime]
    new_end: Mapped[dt.datetime]
    approved_by_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    reason: Mapped[str] = mapped_column(String(500), default="")


class PermitTransition(RegisterRow, Base):
    """One step of the lifecycle: from which state to which, when, by whom, why."""

    __tablename__ = "permit_transitions"

    permit_id: Mapped[int] = mapped_column(ForeignKey("permits.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    from_state: Mapped[str] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime]
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    reason: Mapped[str] = mapped_column(String(500), default="")


class PermitOverride(RegisterRow, Base):
    """The gate was overridden: the reasons it gave, and the reason written against them."""

    __tablename__ = "permit_overrides"

    permit_id: Mapped[int] = mapped_column(ForeignKey("permits.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime]
    gate_reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    reason: Mapped[str] = mapped_column(String(1000))
