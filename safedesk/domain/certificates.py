"""Certificates of external training and admission: validity, expiry and their rules.

How long a kind of certificate is usually valid is reference data (the
`certificate_kinds` table, seeded from resources/reference/certificate_kinds.json);
the functions here take it as an argument.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from safedesk.domain.people import ELECTRICAL_GROUPS, Complaint
from safedesk.domain.training import add_months
from safedesk.i18n import N_, current_language, pick


class CertificateState(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"  # valid, but not for long
    EXPIRED = "expired"
    NOT_YET = "not_yet"  # issued after the day asked about


CERTIFICATE_STATE_LABELS = {
    CertificateState.VALID: N_("Valid"),
    CertificateState.EXPIRING: N_("Expiring"),
    CertificateState.EXPIRED: N_("Expired"),
    CertificateState.NOT_YET: N_("Not yet issued"),
}


def kind_name(
    code: str, name_kk: str, name_ru: str, name_en: str = "", language: str | None = None
) -> str:
    """The name of a certificate kind in the reader's language, never its code when a name
    is known: 'gas_hazardous' → 'Газоопасные работы и замкнутые пространства'."""
    language = language or current_language()
    if language == "en" and name_en:
        return name_en
    return pick(name_kk, name_ru, language) or name_en or code


def default_valid_to(issued_on: dt.date, valid_months: int | None) -> dt.date | None:
    """The last day of validity a certificate of a kind usually carries; None: no expiry."""
    if valid_months is None:
        return None
    return add_months(issued_on, valid_months) - dt.timedelta(days=1)


def certificate_valid_on(issued_on: dt.date, valid_to: dt.date | None, on: dt.date) -> bool:
    return issued_on <= on and (valid_to is None or on <= valid_to)


def certificate_state(
    issued_on: dt.date, valid_to: dt.date | None, on: dt.date, soon_days: int
) -> CertificateState:
    if on < issued_on:
        return CertificateState.NOT_YET
    if valid_to is not None and on > valid_to:
        return CertificateState.EXPIRED
    if valid_to is not None and (valid_to - on).days <= soon_days:
        return CertificateState.EXPIRING
    return CertificateState.VALID


def certificate_complaints(
    *,
    kind_known: bool,
    electrical: bool,
    issued_on: dt.date,
    valid_to: dt.date | None,
    electrical_group: int | None,
    today: dt.date,
) -> list[Complaint]:
    """Every rule the certificate's own values break (its holder is checked by the service)."""
    found: list[Complaint] = []
    if not kind_known:
        found.append(Complaint("kind", N_("Choose the kind of certificate."), {}))
    if issued_on > today:
        found.append(
            Complaint(
                "issued_on", N_("The issue date {date} is in the future."), {"date": issued_on}
            )
        )
    if valid_to is not None and valid_to < issued_on:
        found.append(
            Complaint(
                "valid_to",
                N_("Valid to {valid_to} is before the issue date {issued_on}."),
                {"valid_to": valid_to, "issued_on": issued_on},
            )
        )
    if electrical and electrical_group not in ELECTRICAL_GROUPS:
        found.append(
            Complaint(
                "electrical_group",
                N_("An electrical safety certificate needs the group, I to V."),
                {},
            )
        )
    if not electrical and electrical_group is not None:
        found.append(
            Complaint(
                "electrical_group",
                N_("Only an electrical safety certificate carries a group."),
                {},
            )
        )
    return found
