from __future__ import annotations

import datetime as dt

from safedesk.domain.collation import search_text, sort_key
from safedesk.domain.ids import Sex
from safedesk.domain.people import employee_complaints, needs_ohs_service, short_name

TODAY = dt.date(2026, 11, 28)


def complaints(**changes: object) -> dict[str, str]:
    values: dict[str, object] = dict(
        iin="871008401427",
        surname="Әбілова",
        name="Гүлнар",
        birth_date=None,
        sex=None,
        hire_date=dt.date(2010, 1, 1),
        dismissal_date=None,
        electrical_group=None,
        today=TODAY,
    )
    values.update(changes)
    return {c.field: c.msgid for c in employee_complaints(**values)}  # type: ignore[arg-type]


def test_a_correct_employee_has_no_complaints() -> None:
    assert complaints() == {}


def test_dismissal_before_hire_is_refused() -> None:
    assert "dismissal_date" in complaints(dismissal_date=dt.date(2009, 12, 31))


def test_birth_date_and_sex_are_cross_checked_with_the_iin() -> None:
    found = complaints(birth_date=dt.date(1987, 10, 9), sex=Sex.MALE)
    assert set(found) == {"birth_date", "sex"}


def test_empty_names_are_refused() -> None:
    assert set(complaints(surname=" ", name="")) == {"surname", "name"}


def test_short_name_uses_initials() -> None:
    assert short_name("Ахметов", "Ерлан", "Қайратұлы") == "Ахметов Е.Қ."
    assert short_name("Smith", "John", "") == "Smith J."


def test_kazakh_letters_sort_in_alphabet_order() -> None:
    names = ["Яковлев", "Әлиев", "Абаев", "Ұзақов", "Үсенов", "Іслямов", "Бекова", "Қасымов"]
    ordered = sorted(names, key=sort_key)
    assert ordered == [
        "Абаев",
        "Әлиев",
        "Бекова",
        "Қасымов",
        "Ұзақов",
        "Үсенов",
        "Іслямов",
        "Яковлев",
    ]


def test_search_text_ignores_case_and_yo() -> None:
    assert "семенов" in search_text("Сёменов", "Пётр")


def test_ohs_service_needed_above_fifty_workers() -> None:
    assert not needs_ohs_service(50)
    assert needs_ohs_service(51)
