"""PPE rules: due dates, entitlement, proposals, % wear, refusals; milk and tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from safedesk.domain.ppe import (
    DueStatus,
    Holding,
    NormLine,
    SizeKind,
    Wear,
    add_months,
    due_date,
    issue_complaints,
    merge_entitlements,
    need,
    return_complaints,
    size_for,
    wear_percent,
)
from safedesk.domain.ppe_provisions import (
    MilkForm,
    litres,
    milk_complaints,
    milk_ml,
    next_test,
)

days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))
months = st.integers(min_value=1, max_value=120)
wears = st.sampled_from(list(Wear))


def test_add_months_keeps_the_day_or_takes_the_months_last() -> None:
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2024, 11, 15), 14) == dt.date(2026, 1, 15)


@given(days, months)
def test_due_is_issue_date_plus_wear_period(issued: dt.date, n: int) -> None:
    due = due_date(issued, Wear.MONTHS, n)
    assert due is not None and due > issued
    assert (due.year - issued.year) * 12 + due.month - issued.month == n
    assert due.day == issued.day or due.day < issued.day  # end of a shorter month


@given(days, st.sampled_from([Wear.UNTIL_WORN, Wear.ON_DUTY]), st.none() | months)
def test_until_worn_and_on_duty_never_fall_due_by_date(
    issued: dt.date, wear: Wear, n: int | None
) -> None:
    assert due_date(issued, wear, n) is None
    assert wear_percent(issued, issued + dt.timedelta(days=9999), wear, n) is None


@given(
    st.integers(min_value=1, max_value=20),
    wears,
    st.none() | months,
    st.lists(st.tuples(st.integers(min_value=1, max_value=20), days, st.none() | days), max_size=5),
    days,
)
def test_proposal_never_exceeds_the_norm(
    quantity: int,
    wear: Wear,
    n: int | None,
    held: list[tuple[int, dt.date, dt.date | None]],
    today: dt.date,
) -> None:
    line = NormLine(1, quantity, wear, n)
    found = need(line, [Holding(q, i, d) for q, i, d in held], today)
    if found is not None:
        assert 1 <= found.quantity <= quantity
        if wear is not Wear.MONTHS:
            assert found.status is DueStatus.MISSING and found.due is None
    if wear is Wear.ON_DUTY:
        assert found is None


def test_need_by_status() -> None:
    today = dt.date(2025, 6, 30)
    line = NormLine(1, 2, Wear.MONTHS, 12)
    never = need(line, [], today)
    assert never is not None and never.status is DueStatus.MISSING and never.quantity == 2
    late = need(line, [Holding(2, dt.date(2024, 6, 1), dt.date(2025, 6, 1))], today)
    assert late is not None and late.status is DueStatus.OVERDUE and late.due == dt.date(2025, 6, 1)
    soon = need(line, [Holding(2, dt.date(2024, 7, 10), dt.date(2025, 7, 10))], today)
    assert soon is not None and soon.status is DueStatus.DUE_SOON
    assert need(line, [Holding(2, dt.date(2025, 1, 1), dt.date(2026, 1, 1))], today) is None
    half = need(line, [Holding(1, dt.date(2025, 1, 1), dt.date(2026, 1, 1))], today)
    assert half is not None and half.quantity == 1


def test_merge_takes_larger_quantity_and_shorter_period() -> None:
    merged = merge_entitlements(
        [
            NormLine(1, 1, Wear.MONTHS, 12),
            NormLine(1, 2, Wear.MONTHS, 24),
            NormLine(2, 1, Wear.UNTIL_WORN),
            NormLine(2, 1, Wear.MONTHS, 36, personal=True),
        ]
    )
    assert (merged[1].quantity, merged[1].months) == (2, 12)
    assert merged[2].wear is Wear.MONTHS and merged[2].months == 36


def test_wear_percent_runs_over_the_period() -> None:
    issued = dt.date(2025, 1, 1)
    assert wear_percent(issued, dt.date(2025, 7, 2), Wear.MONTHS, 12) == 50
    assert wear_percent(issued, dt.date(2027, 1, 1), Wear.MONTHS, 12) == 100


def test_size_from_the_card_only_when_the_item_has_it() -> None:
    sizes = {SizeKind.SHOE: "43", SizeKind.CLOTHING: "53-55"}
    assert size_for(SizeKind.SHOE, sizes, ["42", "43"]) == "43"
    assert size_for(SizeKind.CLOTHING, sizes, ["52-54"]) == ""
    assert size_for(SizeKind.NONE, sizes, []) == ""


def _issue(**changes: object) -> set[str]:
    values: dict[str, object] = {
        "quantity": 1,
        "size": "43",
        "scale": ["42", "43"],
        "size_kind": SizeKind.SHOE,
        "item": "Boots",
        "issue_date": dt.date(2025, 6, 1),
        "today": dt.date(2025, 6, 30),
        "dismissed": None,
        "person": "X",
        "in_norm": True,
        "reason": "",
    }
    values.update(changes)
    return {c.field for c in issue_complaints(**values)}  # type: ignore[arg-type]


def test_issue_refusals_name_the_field() -> None:
    assert _issue() == set()
    assert _issue(quantity=-1) == {"quantity"}
    assert _issue(size="50") == {"size"}
    assert _issue(dismissed=dt.date(2025, 5, 1)) == {"employee_id"}
    assert _issue(in_norm=False) == {"reason"}
    assert _issue(in_norm=False, reason="Temporary work in the shaft") == set()
    assert _issue(issue_date=dt.date(2025, 7, 1)) == {"issue_date"}


def test_return_of_more_than_issued_is_refused() -> None:
    found = return_complaints(
        quantity=3,
        left=2,
        issued=2,
        returned_on=dt.date(2025, 1, 1),
        issue_date=dt.date(2024, 1, 1),
        wear=50,
    )
    assert [c.field for c in found] == ["quantity"]


def test_milk() -> None:
    assert milk_ml(22, 500) == 11000 and litres(11000) == "11" and litres(10500) == "10.5"
    found = milk_complaints(
        harmful=False,
        shifts=40,
        form=MilkForm.COMPENSATION,
        amount=0,
        dismissed=None,
        month=dt.date(2025, 6, 1),
        person="X",
    )
    assert {c.field for c in found} == {"employee_id", "shifts", "amount"}


@given(days, st.integers(min_value=1, max_value=60))
def test_next_test_is_last_test_plus_interval(last: dt.date, n: int) -> None:
    assert next_test(last, n) == add_months(last, n)
    assert next_test(None, n) is None and next_test(last, None) is None
