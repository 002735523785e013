"""The name of a risk register row's hazard in the reader's language.

A WRAC row keeps a copy of its hazard's name (`risk_rows.hazard`) in the language it
was typed or picked in. When the row links to the hazard library (`hazard_id`), the
library's name is shown and printed instead, in the language of the screen or of the
form's column; the row's copy only for a hazard typed by hand (no link), or when the
library has no name in either language. The register's stored data stays as it is.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from safedesk.db.models import Hazard, RiskRow


def hazard_names(library: Hazard | None, copy: str) -> tuple[str, str]:
    """(kk, ru) of a row's hazard: the library's names, else the row's copy twice."""
    if library is None:
        return copy, copy
    kk = library.name_kk or library.name_ru or copy
    ru = library.name_ru or library.name_kk or copy
    return kk, ru


def row_hazard_names(session: Session, row: RiskRow) -> tuple[str, str]:
    """(kk, ru) of `row`'s hazard (see `hazard_names`)."""
    library = session.get(Hazard, row.hazard_id) if row.hazard_id is not None else None
    return hazard_names(library, row.hazard)


def row_event_names(session: Session, row: RiskRow) -> tuple[str, str]:
    """(kk, ru) of `row`'s unwanted event.

    The event is filled from the library when the hazard is picked and may be edited
    on the row: the library's event in both languages only while the row's copy is
    still the library's text in one of them; else the row's copy twice.
    """
    copy = row.unwanted_event
    library = session.get(Hazard, row.hazard_id) if row.hazard_id is not None else None
    if library is None or not copy.strip():
        return copy, copy
    kk, ru = library.event_kk.strip(), library.event_ru.strip()
    if copy.strip() not in {kk, ru} - {""}:
        return copy, copy
    return kk or ru, ru or kk


def hazard_name_sql(language: str) -> ColumnElement[str]:
    """SQL for a `risk_rows` row's hazard in `language` ('kk' or 'ru'), as `hazard_names`.

    A correlated subquery, not a join: it can stand in the conditions of any query
    over `risk_rows` (the register's table and its heatmap counts alike).
    """
    first, second = (
        (Hazard.name_kk, Hazard.name_ru) if language == "kk" else (Hazard.name_ru, Hazard.name_kk)
    )
    library = (
        select(func.coalesce(func.nullif(first, ""), func.nullif(second, "")))
        .where(Hazard.id == RiskRow.hazard_id)
        .correlate(RiskRow)
        .scalar_subquery()
    )
    return func.coalesce(library, RiskRow.hazard)
