"""The holiday calendar: reference data the accident deadlines count working days by.

Seeded by migration 0005 from resources/reference/public_holidays.json; the user adds
the days the Government moves by its yearly decree, and corrects a religious holiday's
date when it is announced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.audit import record, snapshot
from safedesk.db.models import PublicHoliday
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.domain.people import Complaint
from safedesk.domain.working_days import DayKind, WorkCalendar, day_complaints
from safedesk.i18n import N_


@dataclass
class HolidayFields:
    day: dt.date | None
    kind: str = DayKind.HOLIDAY.value
    name_kk: str = ""
    name_ru: str = ""
    legal_basis: str = ""
    edition_date: dt.date | None = None
    note: str = ""


def _complaints(session: Session, fields: HolidayFields, row_id: int | None) -> list[Complaint]:
    if fields.day is None:
        return [Complaint("day", N_("The date is required."), {})]
    found = day_complaints(fields.day, fields.kind)
    taken = session.scalar(
        select(PublicHoliday.id).where(
            PublicHoliday.day == fields.day, PublicHoliday.id != (row_id or 0)
        )
    )
    if taken is not None:
        found.append(
            Complaint(
                "day",
                N_("The date {date} is already in the holiday calendar."),
                {"date": fields.day},
            )
        )
    if not fields.name_kk.strip() and not fields.name_ru.strip():
        found.append(Complaint("name_ru", N_("Name the day (Kazakh or Russian)."), {}))
    return found


def _values(fields: HolidayFields) -> dict[str, object]:
    return {
        "day": fields.day,
        "kind": fields.kind,
        "name_kk": fields.name_kk.strip(),
        "name_ru": fields.name_ru.strip(),
        "legal_basis": fields.legal_basis.strip(),
        "edition_date": fields.edition_date,
        "note": fields.note.strip(),
    }


def add_holiday(session: Session, fields: HolidayFields) -> PublicHoliday:
    refuse(_complaints(session, fields, None))
    row = PublicHoliday(**_values(fields), created_by=str(session.info.get("user", "")))
    insert(session, row)
    return row


def update_holiday(
    session: Session, holiday_id: int, version: int | None, fields: HolidayFields
) -> PublicHoliday:
    row = get_row(session, PublicHoliday, holiday_id, N_("Calendar day"))
    check_version(row, version)
    refuse(_complaints(session, fields, holiday_id))
    update(session, row, _values(fields))
    return row


def delete_holiday(session: Session, holiday_id: int, version: int | None) -> None:
    """Remove a day from the calendar (reference data, not evidence); audited."""
    row = get_row(session, PublicHoliday, holiday_id, N_("Calendar day"))
    check_version(row, version)
    before = snapshot(row)
    session.delete(row)
    session.flush()
    record(session, "delete", row, before)


def list_holidays(session: Session, year: int | None = None) -> list[PublicHoliday]:
    query = select(PublicHoliday).order_by(PublicHoliday.day)
    if year is not None:
        query = query.where(
            PublicHoliday.day >= dt.date(year, 1, 1), PublicHoliday.day <= dt.date(year, 12, 31)
        )
    return list(session.scalars(query))


def work_calendar(session: Session) -> WorkCalendar:
    """The calendar as the deadline rules take it."""
    rows = session.execute(select(PublicHoliday.day, PublicHoliday.kind)).all()
    return WorkCalendar.from_days((day, kind) for day, kind in rows)
