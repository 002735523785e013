"""The monthly OHS day (roadmap item 5) and who attended it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from safedesk.db.models.base import Base, RegisterRow, SoftDeleted
from safedesk.db.models.staff import Employee, Unit


class SafetyDay(RegisterRow, SoftDeleted, Base):
    """One OHS day: mandatory training or a practical exercise on permits-to-work."""

    __tablename__ = "safety_days"

    held_on: Mapped[dt.date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(20))
    topic: Mapped[str] = mapped_column(String(500))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), default=None, index=True)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    place: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(String(1000), default="")

    unit: Mapped[Unit | None] = relationship()
    leader: Mapped[Employee | None] = relationship()


class SafetyDayAttendance(RegisterRow, Base):
    """An employee listed for an OHS day; `present` once the day is held."""

    __tablename__ = "safety_day_attendance"
    __table_args__ = (UniqueConstraint("safety_day_id", "employee_id"),)

    safety_day_id: Mapped[int] = mapped_column(ForeignKey("safety_days.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    present: Mapped[bool] = mapped_column(default=True)

    employee: Mapped[Employee] = relationship()
