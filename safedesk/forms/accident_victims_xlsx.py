"""The victims of the exported accidents, one row each, as a sheet beside the register.

An IIN is text (leading zeros kept); a contractor's worker shows the employer's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import Accident, AccidentVictim
from safedesk.domain.accidents import OUTCOME_LABELS, Outcome
from safedesk.forms.xlsx_sheet import Sheet, local_moment
from safedesk.i18n import N_, _

HEADERS = (
    N_("Register No."),
    N_("Date and time"),
    N_("Full name"),
    N_("IIN"),
    N_("Position"),
    N_("Contractor"),
    N_("Outcome"),
    N_("Injury"),
    N_("Days of incapacity"),
)
WIDTHS = (10, 17, 32, 15, 28, 24, 16, 30, 12)
IIN_COLUMN = 3
CHUNK = 500  # ids per IN (…), well under SQLite's parameter limit


def victims_sheet(session: Session, accident_ids: Sequence[int]) -> Sheet:
    """The victims of `accident_ids`, in that order, each under its accident's No."""
    order = {aid: i for i, aid in enumerate(accident_ids)}
    found: list[Any] = []
    ids = list(order)
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        found.extend(
            session.execute(
                select(Accident.id, Accident.number, Accident.occurred_at, AccidentVictim)
                .join(AccidentVictim, AccidentVictim.accident_id == Accident.id)
                .where(Accident.id.in_(part))
            ).all()
        )
    found.sort(key=lambda r: (order[r[0]], r[3].id))
    rows = [
        [
            number,
            local_moment(moment),
            v.full_name,
            v.iin,
            v.position,
            v.employer,
            _(OUTCOME_LABELS.get(Outcome(v.outcome), v.outcome)),
            v.injury,
            v.days_lost,
        ]
        for _aid, number, moment, v in found
    ]
    return Sheet(_("Victims"), [_(h) for h in HEADERS], rows, WIDTHS, frozenset({IIN_COLUMN}))
