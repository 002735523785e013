"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import DateTime, Dialect, String
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment, stored in UTC and always read back timezone-aware.

    SQLite keeps no zone, so a naive value read from it is UTC by construction.
    A naive value given to it is a programming error, refused rather than guessed.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)  # type: ignore[no-any-return]
        return value.astimezone(dt.UTC)  # type: ignore[no-any-return]


# `safedesk.domain.collation.sort_key` values, whose code-point order is the Kazakh
# alphabetical order. SQLite compares text by code point; PostgreSQL by the database's
# collation, which in a ru_RU/kk_KZ/ICU database ignores the key's characters
# (U+2000...) and scrambles the order, so there the column is compared "C" (by code point).
SortKey = String(400).with_variant(String(400, collation="C"), "postgresql")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
