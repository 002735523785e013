"""The accident act (form Н-1) printed from a real database and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from safedesk.db.accidents import (
    AccidentFields,
    CauseFields,
    MemberFields,
    VictimFields,
    register_accident,
)
from safedesk.db.engine import Database
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.errors import NotFound
from safedesk.forms.pdf.registry import render_form
from tests.db.incident_helpers import staff

WHEN = dt.datetime(2026, 5, 22, 18, 30, tzinfo=KAZAKHSTAN)


def accident(db: Database) -> int:
    unit_id, people = staff(db)
    with db.write() as s:
        row = register_accident(
            s,
            AccidentFields(
                occurred_at=WHEN,
                unit_id=unit_id,
                classification="severe",
                victims=[
                    VictimFields(
                        employee_id=people[0], outcome="severe", injury="перелом", days_lost=30
                    ),
                ],
                place="Конвейерная галерея № 3",
                circumstances="Слесарь упала с лестницы при обслуживании конвейера.",
                commission=[
                    MemberFields("Ахметов Ерлан", "Главный инженер", "chair", people[1]),
                    MemberFields("Яковлева Мария", "Инженер по ОТ", "member", people[2]),
                ],
                causes=[
                    CauseFields(
                        "technical",
                        "Неисправная лестница",
                        "Заменить лестницу",
                        people[1],
                        dt.date(2026, 6, 30),
                    ),
                ],
                commission_on=dt.date(2026, 5, 23),
                commission_order_no="45-Ө",
                investigated_on=dt.date(2026, 6, 2),
                act_no="3",
                act_on=dt.date(2026, 6, 3),
            ),
            now=dt.datetime(2026, 6, 10, tzinfo=dt.UTC),
        )
    return row.id


def text_of(path: Path) -> str:
    # Lines wrap in the narrow columns: compare with single spaces.
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.mark.parametrize("lang", ["kk", "ru", "both"])
def test_the_act_prints_in_every_language(db: Database, tmp_path: Path, lang: str) -> None:
    accident_id = accident(db)
    with db.session() as s:
        out = render_form(s, "accident-act", accident_id, tmp_path / "act.pdf", lang)
    text = text_of(out)
    assert "Әбілова Гүлнар" in text and "871008401427" in text
    assert "Неисправная лестница" in text and "45-Ө" in text
    assert "22.05.2026 18:30" in text
    assert "Helvetica" not in out.read_bytes().decode("latin-1")  # every font is embedded DejaVu


def test_the_same_record_prints_the_same_bytes(db: Database, tmp_path: Path) -> None:
    accident_id = accident(db)
    with db.session() as s:
        a = render_form(s, "accident-act", accident_id, tmp_path / "a.pdf").read_bytes()
        b = render_form(s, "accident-act", accident_id, tmp_path / "b.pdf").read_bytes()
    assert a == b


def test_an_unknown_accident_is_a_message(db: Database, tmp_path: Path) -> None:
    with pytest.raises(NotFound), db.session() as s:
        render_form(s, "accident-act", 99, tmp_path / "x.pdf")


def test_positions_print_in_the_act_language(db: Database, tmp_path: Path) -> None:
    """Positions are stored as text (an employee's in Russian): the act prints them from
    the position register in its language; a position the register lacks, as stored."""
    from safedesk.db.employees import EmployeeFields, add_employee
    from safedesk.db.positions import PositionFields, add_position
    from safedesk.domain.ids import check_digit

    unit_id, _people = staff(db)
    with db.write() as s:
        fitter = add_position(s, PositionFields("Слесарь-жөндеуші", "Слесарь-ремонтник"))
        engineer = add_position(s, PositionFields("Бас инженер", "Главный инженер"))
        ids = []
        for first, surname, position in (
            ("90050130012", "Нұрланова", fitter.id),
            ("85031230045", "Қасымов", engineer.id),
        ):
            iin = f"{first}{check_digit(first)}"
            fields = EmployeeFields(iin=iin, surname=surname, name="Тест", unit_id=unit_id,
                                    position_id=position)  # fmt: skip
            ids.append(add_employee(s, fields, dt.date(2026, 1, 1)).id)
        row = register_accident(
            s,
            AccidentFields(
                occurred_at=WHEN, unit_id=unit_id, classification="severe",
                victims=[VictimFields(employee_id=ids[0], outcome="severe", days_lost=3)],
                commission=[
                    MemberFields("Қасымов Тест", "Главный инженер", "chair", ids[1]),
                    MemberFields("Жұмабаев Арман", "Бас инженер", "member"),  # typed, in kk
                    MemberFields("Яковлева Мария", "Инженер по ОТ", "member"),  # not registered
                ],
            ),
            now=dt.datetime(2026, 6, 10, tzinfo=dt.UTC),
        )  # fmt: skip
        accident_id = row.id
    with db.session() as s:
        kk = text_of(render_form(s, "accident-act", accident_id, tmp_path / "kk.pdf", "kk"))
        ru = text_of(render_form(s, "accident-act", accident_id, tmp_path / "ru.pdf", "ru"))
    assert "Слесарь-жөндеуші" in kk and "Слесарь-ремонтник" not in kk
    assert kk.count("Бас инженер") == 2 and "Главный инженер" not in kk
    assert "Слесарь-ремонтник" in ru and "Слесарь-жөндеуші" not in ru
    assert ru.count("Главный инженер") == 2 and "Бас инженер" not in ru
    assert "Инженер по ОТ" in kk and "Инженер по ОТ" in ru  # the stored text, as the fallback
