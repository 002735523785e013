"""The attendance sheet of an OHS day, printed and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.safety_days import SafetyDayFields, add_safety_day
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.safety_days import SafetyDayKind
from safedesk.forms.pdf.registry import render_form


def test_attendance_sheet_lists_everyone_and_who_came(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        save_organisation(
            s,
            OrganisationFields(
                "«Шығыс» ЖШС", "ТОО «Шыгыс»", "940140000385", address="Өскемен қ., Бейбітшілік 1"
            ),
        )
        unit = add_unit(s, UnitFields("Кеніш", "Рудник")).id
        people = [
            add_employee(s, EmployeeFields(iin=iin, surname=surname, name="Ерлан", unit_id=unit)).id
            for iin, surname in (("871008401427", "Әбілқайыр"), ("760212350620", "Ахметов"))
        ]
        day = add_safety_day(
            s,
            SafetyDayFields(
                dt.date(2026, 10, 15),
                SafetyDayKind.EXERCISE,
                "Наряд-рұқсат бойынша жаттығу / Учения по наряду-допуску",
                unit_id=unit,
                leader_id=people[0],
                people=people,
                absent={people[1]},
            ),
            dt.date(2026, 11, 28),
        ).id
    with db.session() as s:
        out = render_form(s, "attendance-sheet", day, tmp_path / "sheet.pdf")
        kk = render_form(s, "attendance-sheet", day, tmp_path / "kk.pdf", "kk")
    text = (
        " ".join(text_of.split())
        if (text_of := "\n".join(p.extract_text() for p in PdfReader(out).pages))
        else ""
    )
    assert "Әбілқайыр Ерлан" in text and "Ахметов Ерлан" in text
    assert "Учения по наряду-допуску" in text and "Наряд-рұқсат бойынша жаттығу" in text
    assert "Рудник" in text and "Кеніш" in text
    kk_text = PdfReader(kk).pages[0].extract_text()
    assert "Учения" not in kk_text and "Кеніш" in kk_text
