"""Roadmap item 4: the order appointing the persons responsible for OHS duties."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from safedesk.db.models.base import Base, RegisterRow, SoftDeleted
from safedesk.db.models.staff import Employee


class ResponsibleAppointment(RegisterRow, SoftDeleted, Base):
    __tablename__ = "responsible_persons"

    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    duties: Mapped[list[str]] = mapped_column(JSON, default=list)
    order_no: Mapped[str] = mapped_column(String(50))
    order_date: Mapped[dt.date] = mapped_column(index=True)
    valid_from: Mapped[dt.date]
    valid_to: Mapped[dt.date | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(String(1000), default="")

    employee: Mapped[Employee] = relationship()
