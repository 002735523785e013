"""Roadmap items 27, 33, 34, 39: near misses, observation cards, accidents, holidays.

`risk_row_id` links a near miss or an accident cause to the WRAC row it should revise
(roadmap items 1, 18); the row is then marked for review by the risk-assessment service.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from safedesk.db.models.base import Base, RegisterRow, SoftDeleted
from safedesk.db.models.risk import RiskRow  # noqa: F401  (issue 6) puts risk_rows in the metadata
from safedesk.db.models.staff import Employee, Unit

RISK_ROW_FK = "risk_rows.id"


class PublicHoliday(RegisterRow, Base):
    """A day that is not worked, or a weekend day that is: reference data, editable."""

    __tablename__ = "public_holidays"

    day: Mapped[dt.date] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="holiday")
    name_kk: Mapped[str] = mapped_column(String(200), default="")
    name_ru: Mapped[str] = mapped_column(String(200), default="")
    legal_basis: Mapped[str] = mapped_column(String(300), default="")
    edition_date: Mapped[dt.date | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(String(300), default="")


class NearMiss(RegisterRow, SoftDeleted, Base):
    __tablename__ = "near_misses"
    __table_args__ = (
        Index("ix_near_misses_unit_occurred", "unit_id", "occurred_at"),
        Index("ix_near_misses_status_occurred", "status", "occurred_at"),
        Index("ix_near_misses_category_occurred", "category", "occurred_at"),
    )

    occurred_at: Mapped[dt.datetime] = mapped_column(index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    place: Mapped[str] = mapped_column(String(300), default="")
    category: Mapped[str] = mapped_column(String(30), index=True)
    severity: Mapped[str] = mapped_column(String(20), index=True)
    description: Mapped[str] = mapped_column(String(2000), index=True)
    anonymous: Mapped[bool] = mapped_column(default=False)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    immediate_action: Mapped[str] = mapped_column(String(1000), default="")
    action: Mapped[str] = mapped_column(String(1000), default="")
    action_owner_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    action_due: Mapped[dt.date | None] = mapped_column(default=None, index=True)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    closed_on: Mapped[dt.date | None] = mapped_column(default=None)
    risk_row_id: Mapped[int | None] = mapped_column(
        ForeignKey(RISK_ROW_FK), default=None, index=True
    )

    unit: Mapped[Unit] = relationship()
    reporter: Mapped[Employee | None] = relationship(foreign_keys=[reporter_id])
    action_owner: Mapped[Employee | None] = relationship(foreign_keys=[action_owner_id])


class Observation(RegisterRow, SoftDeleted, Base):
    """A behavioural safety audit card: counts only, the people observed are never named."""

    __tablename__ = "observations"

    observed_on: Mapped[dt.date] = mapped_column(index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    area: Mapped[str] = mapped_column(String(300), default="", index=True)
    observer_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    people_observed: Mapped[int] = mapped_column(default=1, index=True)
    # derived from the counts on save
    safe_total: Mapped[int] = mapped_column(default=0, index=True)
    at_risk_total: Mapped[int] = mapped_column(default=0, index=True)
    conversation_held: Mapped[bool] = mapped_column(default=False, index=True)
    action: Mapped[str] = mapped_column(String(1000), default="", index=True)
    action_owner_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    action_due: Mapped[dt.date | None] = mapped_column(default=None, index=True)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    closed_on: Mapped[dt.date | None] = mapped_column(default=None)

    counts: Mapped[list[ObservationCount]] = relationship(
        order_by="ObservationCount.id", cascade="all, delete-orphan"
    )


class ObservationCount(Base):
    __tablename__ = "observation_counts"
    __table_args__ = (UniqueConstraint("observation_id", "category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    observation_id: Mapped[int] = mapped_column(ForeignKey("observations.id"), index=True)
    category: Mapped[str] = mapped_column(String(30))
    safe: Mapped[int] = mapped_column(default=0)
    at_risk: Mapped[int] = mapped_column(default=0)


class Accident(RegisterRow, SoftDeleted, Base):
    """One accident at work. Once its act is signed it is evidence (`signed`)."""

    __tablename__ = "accidents"

    number: Mapped[str] = mapped_column(String(30), default="", index=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    classification: Mapped[str] = mapped_column(String(20), index=True)
    circumstances: Mapped[str] = mapped_column(Text, default="")
    victims_count: Mapped[int] = mapped_column(default=0)  # derived on save
    days_lost: Mapped[int] = mapped_column(default=0)  # derived on save
    notified_on: Mapped[dt.date | None] = mapped_column(default=None)
    commission_on: Mapped[dt.date | None] = mapped_column(default=None)
    commission_order_no: Mapped[str] = mapped_column(String(50), default="")
    investigated_on: Mapped[dt.date | None] = mapped_column(default=None)
    act_no: Mapped[str] = mapped_column(String(50), default="")
    act_on: Mapped[dt.date | None] = mapped_column(default=None)
    signed: Mapped[bool] = mapped_column(default=False, index=True)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("accidents.id"), default=None)

    unit: Mapped[Unit] = relationship()
    victims: Mapped[list[AccidentVictim]] = relationship(order_by="AccidentVictim.id")
    commission: Mapped[list[AccidentCommissionMember]] = relationship(
        order_by="AccidentCommissionMember.id"
    )
    causes: Mapped[list[AccidentCause]] = relationship(order_by="AccidentCause.id")


class AccidentVictim(Base):
    """An employee, or a contractor's worker named by IIN and name."""

    __tablename__ = "accident_victims"

    id: Mapped[int] = mapped_column(primary_key=True)
    accident_id: Mapped[int] = mapped_column(ForeignKey("accidents.id"), index=True)
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), index=True)
    iin: Mapped[str] = mapped_column(String(12), index=True)
    full_name: Mapped[str] = mapped_column(String(300))
    position: Mapped[str] = mapped_column(String(300), default="")
    employer: Mapped[str] = mapped_column(String(300), default="")  # contractor; "" for own staff
    outcome: Mapped[str] = mapped_column(String(20))
    injury: Mapped[str] = mapped_column(String(500), default="")
    days_lost: Mapped[int] = mapped_column(default=0)


class AccidentCommissionMember(Base):
    __tablename__ = "accident_commission_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    accident_id: Mapped[int] = mapped_column(ForeignKey("accidents.id"), index=True)
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    full_name: Mapped[str] = mapped_column(String(300))
    position: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[str] = mapped_column(String(20), default="member")


class AccidentCause(Base):
    """A cause found by the commission and the measure that removes it."""

    __tablename__ = "accident_causes"

    id: Mapped[int] = mapped_column(primary_key=True)
    accident_id: Mapped[int] = mapped_column(ForeignKey("accidents.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(String(1000))
    measure: Mapped[str] = mapped_column(String(1000), default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    due: Mapped[dt.date | None] = mapped_column(default=None, index=True)
    done_on: Mapped[dt.date | None] = mapped_column(default=None)
    risk_row_id: Mapped[int | None] = mapped_column(
        ForeignKey(RISK_ROW_FK), default=None, index=True
    )


class AccidentDeadlineRule(RegisterRow, Base):
    """One period of the accident investigation (`domain.accidents.RuleCode`), editable."""

    __tablename__ = "accident_deadline_rules"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    value: Mapped[int]
    unit: Mapped[str] = mapped_column(String(20))
    legal_basis: Mapped[str] = mapped_column(String(500), default="")
    edition_date: Mapped[dt.date | None] = mapped_column(default=None)
    to_check: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(String(500), default="")
