"""Roadmap item 4: what a responsible person may be appointed for."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from safedesk.i18n import N_


class Duty(StrEnum):
    OVERALL = "overall"
    BRIEFINGS = "briefings"
    KNOWLEDGE_CHECKS = "knowledge_checks"
    PERMITS = "permits"
    PPE = "ppe"
    RISK_ASSESSMENT = "risk_assessment"
    INCIDENTS = "incidents"


# Printed in the order as they stand, so each reads as a clause of it.
DUTY_TEXT = {
    Duty.OVERALL: N_("organisation of occupational safety and health work"),
    Duty.BRIEFINGS: N_("conducting and recording safety briefings of workers"),
    Duty.KNOWLEDGE_CHECKS: N_("organising training and knowledge checks on safety"),
    Duty.PERMITS: N_("issuing permits-to-work for high-hazard work"),
    Duty.PPE: N_("issuing special clothing, special footwear and other PPE"),
    Duty.RISK_ASSESSMENT: N_("occupational risk assessment and control measures"),
    Duty.INCIDENTS: N_("recording near misses and accidents"),
}


def appointment_in_force(valid_from: dt.date, valid_to: dt.date | None, on: dt.date) -> bool:
    return valid_from <= on and (valid_to is None or on <= valid_to)
