"""Random text at the IIN/BIN validators: never an exception, always a message that renders."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from safedesk.domain.ids import (
    bin_problem,
    check_digit,
    iin_problem,
    is_valid_bin,
    is_valid_iin,
    normalise_id,
)
from safedesk.errors import render

digits = st.text(alphabet="0123456789", min_size=0, max_size=14)
anything = st.one_of(st.text(max_size=30), digits)


@settings(max_examples=400, deadline=None)
@given(anything)
def test_iin_and_bin_checks_answer_every_text_with_a_message_or_none(text: str) -> None:
    for problem, valid in (
        (iin_problem(text), is_valid_iin(text)),
        (bin_problem(text), is_valid_bin(text)),
    ):
        assert (problem is None) == valid
        if problem is not None:
            message = render(problem.msgid, problem.values)
            assert isinstance(message, str) and message  # every placeholder filled


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_a_number_with_its_check_digit_passes_the_shape_and_digit_rules(first: str) -> None:
    digit = check_digit(first)
    if digit is None:
        return  # no valid number starts with these eleven digits
    number = f"{first}{digit}"
    for problem in (iin_problem(number), bin_problem(number)):
        if problem is not None:  # dates or the organisation type may still be wrong
            assert "check digit" not in render(problem.msgid, problem.values)
    wrong = f"{first}{(digit + 1) % 10}"
    assert not is_valid_iin(wrong) and not is_valid_bin(wrong)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.none(),
        st.text(max_size=30),
        st.integers(min_value=-(10**15), max_value=10**15),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
    )
)
def test_normalise_id_takes_any_cell_value(raw: object) -> None:
    result = normalise_id(raw)
    assert isinstance(result, str)
