"""`format_decimal`: numbers on screens with the reader's decimal sign."""

from __future__ import annotations

import pytest

from safedesk.domain.ppe_provisions import litres
from safedesk.i18n import format_decimal


@pytest.mark.parametrize(
    ("value", "language", "text"),
    [
        (83.5, "kk", "83,5"),
        (83.5, "ru", "83,5"),
        (83.5, "en", "83.5"),
        (0.031, "kk", "0,031"),
        (20.0, "ru", "20"),
        (7, "kk", "7"),
        (0.0, "ru", "0"),
        (1234567.25, "ru", "1234567,25"),  # no exponent, as `:g` would write
        (0.00005, "en", "0.00005"),
    ],
)
def test_format_decimal(value: float, language: str, text: str) -> None:
    assert format_decimal(value, language) == text


def test_litres_in_each_language() -> None:
    assert litres(10500, "kk") == "10,5" and litres(10500, "ru") == "10,5"
    assert litres(10500, "en") == "10.5" and litres(11000, "kk") == "11"
