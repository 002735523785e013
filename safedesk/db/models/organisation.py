"""The employer: one row, printed on every form header."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from safedesk.db.models.base import Base, RegisterRow


class Organisation(RegisterRow, Base):
    __tablename__ = "organisation"

    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
    bin: Mapped[str] = mapped_column(String(12))
    address: Mapped[str] = mapped_column(String(500), default="")
    head_name: Mapped[str] = mapped_column(String(200), default="")
    head_position_kk: Mapped[str] = mapped_column(String(200), default="")
    head_position_ru: Mapped[str] = mapped_column(String(200), default="")
    headcount: Mapped[int] = mapped_column(default=0)
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
