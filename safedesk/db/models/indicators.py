"""The oblast targets of items 40-46, and the accident insurance contract (item 43)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Float, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from safedesk.db.models.base import Base, RegisterRow, SoftDeleted


class IndicatorTarget(RegisterRow, Base):
    __tablename__ = "indicator_targets"
    __table_args__ = (UniqueConstraint("code", "year"),)

    code: Mapped[str] = mapped_column(String(10))
    year: Mapped[int]
    target: Mapped[float] = mapped_column(Float)
    legal_basis: Mapped[str] = mapped_column(String(500), default="")
    edition: Mapped[dt.date | None] = mapped_column(default=None)


class InsuranceContract(RegisterRow, SoftDeleted, Base):
    __tablename__ = "insurance_contracts"

    insurer: Mapped[str] = mapped_column(String(300))
    number: Mapped[str] = mapped_column(String(100))
    signed_on: Mapped[dt.date | None] = mapped_column(default=None)
    valid_from: Mapped[dt.date] = mapped_column(index=True)
    valid_to: Mapped[dt.date] = mapped_column(index=True)
    insured_count: Mapped[int | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(String(1000), default="")
