"""The permit log as package sheets (see `exports.EXPORTS`): the permits of the period,
their gas tests, and every override of the admission gate.

Values are written as data, not translated: codes of types and states (as the CSV files
give them to machines), dates as real dates, IIN as text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.exports import Kind, Sheet, Value
from safedesk.db.models import Permit, PermitGasTest, PermitOverride
from safedesk.db.permit_log import in_period, local, log_rows
from safedesk.domain.permit_gas import describe_limits, limits_of
from safedesk.i18n import N_

T, D, N, ID = Kind.TEXT, Kind.DATE, Kind.NUMBER, Kind.IIN


def _day(moment: dt.datetime | None) -> dt.date | None:
    value = local(moment)
    return value.date() if value else None


def _time(moment: dt.datetime | None) -> str:
    value = local(moment)
    return value.strftime("%H:%M") if value else ""


def permits_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    headers = (
        N_("Permit No."), N_("Type"), N_("State"), N_("Unit"), N_("Place"), N_("Work"),
        N_("Planned start"), N_("Planned end"), N_("Issued on"), N_("Admitted on"),
        N_("Closed on"), N_("Issuer"), N_("Work supervisor"), N_("IIN of the supervisor"),
        N_("Admitter"), N_("Crew"), N_("Closure reported to"),
    )  # fmt: skip
    kinds = (T, T, T, T, T, T, D, D, D, D, D, T, T, ID, T, N, T)
    rows: list[Sequence[Value]] = [
        (
            r.number,
            r.type.value,
            r.state.value,
            r.unit_ru or r.unit_kk,
            r.location,
            r.work,
            _day(r.planned_start),
            _day(r.planned_end),
            _day(r.issued_at),
            _day(r.activated_at),
            _day(r.closed_at),
            r.issuer,
            r.supervisor,
            r.supervisor_iin or None,
            r.admitter,
            r.crew,
            r.reported_to,
        )
        for r in log_rows(session, start, end)
    ]
    return Sheet("permits", N_("Permits-to-work"), headers, kinds, rows)


def gas_tests_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    headers = (
        N_("Permit No."), N_("Date"), N_("Time"), N_("O₂, %"), N_("LEL, %"), N_("CO, ppm"),
        N_("H₂S, ppm"), N_("Within limits"), N_("Limits applied"), N_("Gas analyser"),
    )  # fmt: skip
    kinds = (T, D, T, N, N, N, N, T, T, T)
    query = (
        select(Permit.number, PermitGasTest)
        .join(Permit, PermitGasTest.permit_id == Permit.id)
        .where(*in_period(start, end))
        .order_by(Permit.year, Permit.seq, PermitGasTest.taken_at, PermitGasTest.id)
    )
    rows: list[Sequence[Value]] = [
        (
            number,
            _day(g.taken_at),
            _time(g.taken_at),
            g.o2,
            g.lel,
            g.co,
            g.h2s,
            "yes" if g.within_limits else "no",
            # The limits the verdict was reached by (kept with the test), as codes:
            # the limits in force today may be others.
            describe_limits(limits_of(g.limits), str),
            g.instrument,
        )
        for number, g in session.execute(query)
    ]
    return Sheet("permit_gas_tests", N_("Gas tests under permits"), headers, kinds, rows)


def overrides_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    headers = (N_("Permit No."), N_("Date"), N_("Step"), N_("Gate reasons"), N_("Reason"),
               N_("User"))  # fmt: skip
    kinds = (T, D, T, T, T, T)
    query = (
        select(Permit.number, PermitOverride)
        .join(Permit, PermitOverride.permit_id == Permit.id)
        .where(*in_period(start, end))
        .order_by(PermitOverride.at, PermitOverride.id)
    )
    rows: list[Sequence[Value]] = [
        (
            number,
            _day(o.at),
            o.action,
            "; ".join(str(r.get("code", "")) for r in o.gate_reasons),
            o.reason,
            o.created_by,
        )
        for number, o in session.execute(query)
    ]
    return Sheet("permit_overrides", N_("Overrides of the admission gate"), headers, kinds, rows)


def export_sheets(session: Session, start: dt.date, end: dt.date) -> list[Sheet]:
    return [
        permits_sheet(session, start, end),
        gas_tests_sheet(session, start, end),
        overrides_sheet(session, start, end),
    ]
