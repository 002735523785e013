"""What every document of the package shares: the period, the employer, the responsible person.

Read once from the database into plain values; the documents are drawn from these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from safedesk.db.organisation import get_organisation
from safedesk.db.responsible import appointments_in_force
from safedesk.domain.people import full_name
from safedesk.domain.responsibility import Duty
from safedesk.errors import SafeDeskError
from safedesk.forms.pdf.parts import Letterhead
from safedesk.i18n import N_

QUARTER_STARTS = {1: 1, 2: 4, 3: 7, 4: 10}


@dataclass(frozen=True)
class Period:
    year: int
    quarter: int | None = None

    def __post_init__(self) -> None:
        if not 2000 <= self.year <= 2100:
            raise SafeDeskError(
                N_("{year} is not a year the package can be built for."), year=self.year
            )
        if self.quarter is not None and self.quarter not in QUARTER_STARTS:
            raise SafeDeskError(
                N_("The quarter must be 1, 2, 3 or 4, not {quarter}."), quarter=self.quarter
            )

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, QUARTER_STARTS[self.quarter] if self.quarter else 1, 1)

    @property
    def end(self) -> dt.date:
        if self.quarter is None or self.quarter == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, QUARTER_STARTS[self.quarter + 1], 1) - dt.timedelta(days=1)

    def last_day_counted(self, today: dt.date) -> dt.date:
        """The end, or `today` when the period is not over yet (a package of the year so far)."""
        return max(self.start, min(self.end, today))

    def file_name(self, bin_: str) -> str:
        """`<BIN>_<YEAR>[Q<q>].zip` (DESIGN.md §5)."""
        suffix = f"Q{self.quarter}" if self.quarter else ""
        return f"{bin_}_{self.year}{suffix}.zip"


@dataclass(frozen=True)
class Responsible:
    full_name: str
    position_kk: str
    position_ru: str
    order_no: str
    order_date: dt.date


@dataclass(frozen=True)
class PackageContext:
    period: Period
    as_of: dt.date  # the last day counted
    organisation: Letterhead
    head_name: str
    head_position_kk: str
    head_position_ru: str
    phone: str
    email: str
    responsible: Responsible | None


def main_responsible(session: Session, on: dt.date) -> Responsible | None:
    """The person in force on `on` charged with OHS work overall; else the first appointed."""
    rows = sorted(appointments_in_force(session, on), key=lambda a: a.id)
    if not rows:
        return None
    chosen = next((a for a in rows if Duty.OVERALL.value in a.duties), rows[0])
    e = chosen.employee
    return Responsible(
        full_name=full_name(e.surname, e.name, e.patronymic),
        position_kk=e.position.name_kk if e.position else "",
        position_ru=e.position.name_ru if e.position else "",
        order_no=chosen.order_no,
        order_date=chosen.order_date,
    )


def load_context(session: Session, period: Period, today: dt.date) -> PackageContext:
    org = get_organisation(session)
    if org is None:
        raise SafeDeskError(
            N_("Fill in the organisation card first: the package is sent in its name.")
        )
    as_of = period.last_day_counted(today)
    return PackageContext(
        period=period,
        as_of=as_of,
        organisation=Letterhead(org.name_kk, org.name_ru, org.bin, org.address),
        head_name=org.head_name,
        head_position_kk=org.head_position_kk,
        head_position_ru=org.head_position_ru,
        phone=org.phone,
        email=org.email,
        responsible=main_responsible(session, as_of),
    )
