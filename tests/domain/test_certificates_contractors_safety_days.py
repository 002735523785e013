"""Rules of certificates, contractors' admission and the monthly OHS day."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from safedesk.domain.certificates import (
    CertificateState,
    certificate_complaints,
    certificate_state,
    certificate_valid_on,
    default_valid_to,
)
from safedesk.domain.contractors import (
    admission_complaints,
    contractor_complaints,
    worker_complaints,
)
from safedesk.domain.safety_days import months_between, months_without_day

D = dt.date


def test_usual_validity_ends_the_day_before_the_anniversary() -> None:
    assert default_valid_to(D(2026, 3, 1), 12) == D(2027, 2, 28)
    assert default_valid_to(D(2024, 2, 29), 12) == D(2025, 2, 27)
    assert default_valid_to(D(2026, 3, 1), None) is None


@given(st.dates(D(2000, 1, 1), D(2090, 1, 1)), st.integers(1, 120), st.integers(0, 5000))
def test_a_certificate_is_valid_exactly_from_issue_to_its_last_day(
    issued: dt.date, months: int, offset: int
) -> None:
    until = default_valid_to(issued, months)
    assert until is not None and until >= issued
    on = issued + dt.timedelta(days=offset)
    assert certificate_valid_on(issued, until, on) == (on <= until)
    state = certificate_state(issued, until, on, 30)
    assert (state is CertificateState.EXPIRED) == (on > until)


def test_certificate_rules_name_their_fields() -> None:
    found = certificate_complaints(
        kind_known=True, electrical=True, issued_on=D(2026, 5, 1),
        valid_to=D(2026, 4, 1), electrical_group=None, today=D(2026, 4, 1),
    )  # fmt: skip
    assert [c.field for c in found] == ["issued_on", "valid_to", "electrical_group"]


def test_contractor_and_worker_identifiers_use_the_domain_messages() -> None:
    found = contractor_complaints(
        name="X", bin_="94014000038", contract_from=None, contract_to=None
    )
    assert found[0].field == "bin" and "12 digits" in found[0].msgid
    found = worker_complaints(iin="871008401428", surname="A", name="B", electrical_group=None)
    assert found[0].field == "iin" and found[0].values["expected"] == 7


def test_admission_needs_briefings_a_check_and_a_contract_in_force() -> None:
    ok = dict(
        person="P", on=D(2026, 6, 1), left_on=None, contract_from=D(2026, 1, 1),
        contract_to=D(2026, 12, 31), introductory_on=D(2026, 2, 1), workplace_on=D(2026, 2, 1),
        workplace_due=D(2026, 8, 1), check_valid=True,
    )  # fmt: skip
    assert admission_complaints(**ok) == []  # type: ignore[arg-type]
    late = admission_complaints(**{**ok, "on": D(2027, 1, 5)})  # type: ignore[arg-type]
    assert len(late) == 2  # the contract has ended and the repeated briefing is overdue
    bare = admission_complaints(  # type: ignore[arg-type]
        **{**ok, "introductory_on": None, "workplace_on": None, "check_valid": False}
    )
    assert len(bare) == 3


def test_months_without_an_ohs_day() -> None:
    held = [D(2026, 1, 20), D(2026, 3, 2), D(2025, 12, 31)]
    assert months_without_day(held, D(2026, 1, 1), D(2026, 4, 15)) == [(2026, 2), (2026, 4)]


@given(st.dates(D(2000, 1, 1), D(2090, 1, 1)), st.integers(0, 2000))
def test_every_month_of_a_period_is_counted_once(start: dt.date, days: int) -> None:
    end = start + dt.timedelta(days=days)
    months = months_between(start, end)
    assert months[0] == (start.year, start.month) and months[-1] == (end.year, end.month)
    assert len(set(months)) == len(months)
    assert months_without_day([start, end], start, end) == months[1:-1]
