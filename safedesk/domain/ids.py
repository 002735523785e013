"""IIN (ЖСН/ИИН, persons) and BIN (БСН/БИН, organisations): 12 digits with a check digit.

Check digit: weights 1..11 on digits 1-11, sum mod 11; if that is 10, weights
3,4,5,6,7,8,9,10,11,1,2; if again 10 the number cannot be valid; else it equals digit 12.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from safedesk.i18n import N_

_FIRST_WEIGHTS = tuple(range(1, 12))
_SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"


@dataclass(frozen=True)
class IdProblem:
    """Why a number is not a valid IIN/BIN; `msgid` is translated when shown."""

    msgid: str
    values: dict[str, object]


def check_digit(first_eleven: str) -> int | None:
    """The 12th digit for these 11 digits, or None when no valid number can have them."""
    digits = [int(c) for c in first_eleven]
    total = sum(d * w for d, w in zip(digits, _FIRST_WEIGHTS, strict=True)) % 11
    if total == 10:
        total = sum(d * w for d, w in zip(digits, _SECOND_WEIGHTS, strict=True)) % 11
        if total == 10:
            return None
    return total


def _shape_problem(number: str, label: str) -> IdProblem | None:
    if not number:
        return IdProblem(N_("{label} is required."), {"label": label})
    if not number.isdigit():
        return IdProblem(
            N_("{label} {number}: only digits are allowed."), {"label": label, "number": number}
        )
    if len(number) != 12:
        return IdProblem(
            N_("{label} {number}: it must have 12 digits, it has {count}."),
            {"label": label, "number": number, "count": len(number)},
        )
    return None


def _check_digit_problem(number: str, label: str) -> IdProblem | None:
    expected = check_digit(number[:11])
    if expected is None:
        return IdProblem(
            N_("{label} {number}: no valid number starts with these 11 digits."),
            {"label": label, "number": number},
        )
    if expected != int(number[11]):
        return IdProblem(
            N_("{label} {number}: the check digit (12th) should be {expected}, not {actual}."),
            {"label": label, "number": number, "expected": expected, "actual": number[11]},
        )
    return None


def iin_birth_date(iin: str) -> dt.date | None:
    """Birth date encoded in digits 1-6 and the century digit 7, or None if impossible."""
    century_digit = int(iin[6])
    if not 1 <= century_digit <= 6:
        return None
    century = 1800 + 100 * ((century_digit - 1) // 2)
    try:
        return dt.date(century + int(iin[0:2]), int(iin[2:4]), int(iin[4:6]))
    except ValueError:
        return None


def iin_sex(iin: str) -> Sex:
    """Odd century digit: male; even: female."""
    return Sex.MALE if int(iin[6]) % 2 == 1 else Sex.FEMALE


def iin_problem(iin: str) -> IdProblem | None:
    """None when `iin` is a valid IIN, else the first rule it breaks."""
    label = N_("IIN")
    shape = _shape_problem(iin, label)
    if shape:
        return shape
    if not 1 <= int(iin[6]) <= 6:
        return IdProblem(
            N_("{label} {number}: the 7th digit (century and sex) must be 1 to 6, not {actual}."),
            {"label": label, "number": iin, "actual": iin[6]},
        )
    if iin_birth_date(iin) is None:
        return IdProblem(
            N_("{label} {number}: the first six digits {digits} are not a date (YYMMDD)."),
            {"label": label, "number": iin, "digits": iin[:6]},
        )
    return _check_digit_problem(iin, label)


def bin_problem(bin_: str) -> IdProblem | None:
    """None when `bin_` is a valid BIN, else the first rule it breaks."""
    label = N_("BIN")
    shape = _shape_problem(bin_, label)
    if shape:
        return shape
    if not 1 <= int(bin_[2:4]) <= 12:
        return IdProblem(
            N_("{label} {number}: digits 3-4 must be a month (01-12), not {actual}."),
            {"label": label, "number": bin_, "actual": bin_[2:4]},
        )
    if bin_[4] not in "456":
        return IdProblem(
            N_("{label} {number}: the 5th digit (type) must be 4, 5 or 6, not {actual}."),
            {"label": label, "number": bin_, "actual": bin_[4]},
        )
    if bin_[5] not in "0123":
        return IdProblem(
            N_(
                "{label} {number}: the 6th digit (head office, branch…) "
                "must be 0 to 3, not {actual}."
            ),
            {"label": label, "number": bin_, "actual": bin_[5]},
        )
    return _check_digit_problem(bin_, label)


def is_valid_iin(iin: str) -> bool:
    return iin_problem(iin) is None


def is_valid_bin(bin_: str) -> bool:
    return bin_problem(bin_) is None


_FLOAT_TAIL = re.compile(r"\.0+$")


def normalise_id(raw: object) -> str:
    """Text of an IIN/BIN as a spreadsheet gives it, with lost leading zeros put back.

    Excel stores an IIN typed as a number and drops the leading zero of people born
    2000-2009 (061211600012 becomes 61211600012, or 61211600012.0 via some readers).
    Only 9 to 11 digits are padded (born 2000-2009 lose one zero, in 2000 two, and in
    January-September 2000 three): anything else is left as it is, to fail validation
    with a message the user can act on.
    """
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, int):
        text = str(raw)
        return text.zfill(12) if 9 <= len(text) < 12 else text
    if isinstance(raw, float):
        if raw.is_integer():
            return normalise_id(int(raw))
        return str(raw)
    text = re.sub(r"[\s\u00a0'’`]", "", str(raw))
    text = _FLOAT_TAIL.sub("", text)
    if text.isdigit() and 9 <= len(text) < 12:
        # A column Excel formatted as number and then saved as CSV.
        text = text.zfill(12)
    return text
