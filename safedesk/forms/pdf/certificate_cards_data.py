"""What the certificates (удостоверение) of a signed protocol print, as plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import CheckResult, CheckSession
from safedesk.domain.training import CheckOutcome
from safedesk.errors import NotFound, SafeDeskError
from safedesk.forms.pdf.parts import Letterhead
from safedesk.forms.pdf.protocol_data import Person, load_protocol
from safedesk.i18n import N_


@dataclass(frozen=True)
class Card:
    number: str  # the certificate No. of the protocol's row
    person: Person
    valid_until: dt.date | None


@dataclass(frozen=True)
class CardsData:
    organisation: Letterhead
    protocol_no: str
    held_on: dt.date
    programme: str
    external_body: str
    chair: Person | None
    cards: tuple[Card, ...]


def load_cards(session: Session, session_id: int) -> CardsData:
    """The cards of everyone who passed in check session `session_id`, once it is signed."""
    row = session.get(CheckSession, session_id)
    if row is None or row.deleted_at is not None:
        raise NotFound(what=N_("Protocol"), id=session_id)
    if row.signed_on is None:
        raise SafeDeskError(
            N_("Protocol No. {number} is not signed yet: certificates follow a signed protocol."),
            number=row.number,
        )
    protocol = load_protocol(session, session_id)
    results = session.scalars(
        select(CheckResult).where(CheckResult.session_id == row.id).order_by(CheckResult.id)
    ).all()
    cards = tuple(
        Card(line.certificate_no, line.person, result.valid_until)
        for line, result in zip(protocol.lines, results, strict=True)
        if line.outcome is CheckOutcome.PASSED
    )
    if not cards:
        raise SafeDeskError(
            N_("Nobody passed in protocol No. {number}: there is no certificate to print."),
            number=row.number,
        )
    return CardsData(
        organisation=protocol.organisation,
        protocol_no=protocol.number,
        held_on=protocol.held_on,
        programme=protocol.programme,
        external_body=protocol.external_body,
        chair=protocol.chair,
        cards=cards,
    )
