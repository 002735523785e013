"""What every register row has: id, when and by whom it was made and changed, a version."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from safedesk.db.types import UTCDateTime, utcnow

# Stable constraint names, so that migrations can name what they alter on every engine.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime()}


class RegisterRow:
    """Columns of DESIGN.md §3, and optimistic concurrency through `version`.

    SQLAlchemy checks `version` in the WHERE of every UPDATE, so a save based on a
    stale copy changes no row and fails instead of overwriting someone else's edit.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[int] = mapped_column(default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class SoftDeleted:
    """Rows that may be evidence are hidden, not removed."""

    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)
