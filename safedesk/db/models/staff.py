"""Units (a tree of departments and sites), positions and employees."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from safedesk.db.models.base import Base, RegisterRow, SoftDeleted
from safedesk.db.types import SortKey


class Unit(RegisterRow, SoftDeleted, Base):
    __tablename__ = "units"

    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    code: Mapped[str] = mapped_column(String(50), default="")

    parent: Mapped[Unit | None] = relationship(remote_side="Unit.id")


class Position(RegisterRow, SoftDeleted, Base):
    __tablename__ = "positions"

    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(20), default="worker")
    harmful: Mapped[bool] = mapped_column(default=False)
    electrical_group_required: Mapped[int | None] = mapped_column(default=None)


class Employee(RegisterRow, SoftDeleted, Base):
    __tablename__ = "employees"
    __table_args__ = (
        Index("ix_employees_unit_sort", "unit_id", "sort_name"),
        Index("ix_employees_position_sort", "position_id", "sort_name"),
    )

    iin: Mapped[str] = mapped_column(String(12), unique=True)
    surname: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(100))
    patronymic: Mapped[str] = mapped_column(String(100), default="")
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[dt.date] = mapped_column(index=True)
    personnel_no: Mapped[str] = mapped_column(String(30), default="", index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    position_id: Mapped[int | None] = mapped_column(ForeignKey("positions.id"))
    hire_date: Mapped[dt.date | None] = mapped_column(index=True)
    dismissal_date: Mapped[dt.date | None] = mapped_column(index=True)
    electrical_group: Mapped[int | None] = mapped_column(default=None)
    height_cm: Mapped[int | None] = mapped_column(default=None)
    clothing_size: Mapped[str] = mapped_column(String(20), default="")
    shoe_size: Mapped[str] = mapped_column(String(20), default="")
    head_size: Mapped[str] = mapped_column(String(20), default="")
    glove_size: Mapped[str] = mapped_column(String(20), default="")
    # Derived on every save: the filter bar matches `search_text`, the table sorts by
    # `sort_name` (Kazakh alphabetical order); both keep the page queries on indexes.
    search_text: Mapped[str] = mapped_column(String(400), default="")
    sort_name: Mapped[str] = mapped_column(SortKey, default="", index=True)

    unit: Mapped[Unit | None] = relationship()
    position: Mapped[Position | None] = relationship()
