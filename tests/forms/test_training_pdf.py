"""The briefing journal and the check protocol printed from a real database and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from safedesk.db.briefings import BriefingFields, register_briefings
from safedesk.db.check_sessions import ResultFields, SessionFields, add_session
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.positions import PositionFields, add_position
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.training import BriefingKind, CheckKind
from safedesk.errors import NotFound, SafeDeskError
from safedesk.forms.pdf.registry import render_form

TODAY = dt.date.today()
NAMES = ("Әбілқайыр Ғалымжан", "Ахметов Ерлан", "Яковлева Мария")


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def filled(db: Database) -> dict[str, int]:
    with db.write() as s:
        save_organisation(
            s, OrganisationFields("«Шығыс» ЖШС", "ТОО «Шыгыс»", "940140000385", headcount=120)
        )
        mine = add_unit(s, UnitFields("Кеніш", "Рудник")).id
        fitter = add_position(s, PositionFields("Жөндеуші слесарь", "Слесарь-ремонтник")).id
        people = []
        for iin, full in zip(("871008401427", "760212350620", "061211600012"), NAMES, strict=True):
            surname, name = full.split()
            people.append(
                add_employee(
                    s,
                    EmployeeFields(
                        iin=iin,
                        surname=surname,
                        name=name,
                        unit_id=mine,
                        position_id=fitter,
                        hire_date=dt.date(2024, 1, 10),
                    ),
                ).id
            )
        day = TODAY - dt.timedelta(days=3)
        register_briefings(
            s,
            BriefingFields(
                BriefingKind.UNSCHEDULED, day, people[0], people[1:], reason="Жаңа жабдық"
            ),
        )
        session = add_session(
            s,
            SessionFields(
                "7-БТ",
                day,
                CheckKind.PERIODIC,
                external_body="Оқу орталығы",
                results=[ResultFields(p, certificate_no=f"У-{p}") for p in people],
            ),
        )
    return {"unit": mine, "session": session.id}


def test_workplace_journal_in_both_languages(
    db: Database, filled: dict[str, int], tmp_path: Path
) -> None:
    with db.session() as s:
        out = render_form(
            s,
            "briefing-journal",
            filled["unit"],
            tmp_path / "j.pdf",
            "both",
            date_from=TODAY - dt.timedelta(days=30),
            date_to=TODAY,
        )
    text = text_of(out)
    assert "Ахметов Ерлан" in text and "Яковлева Мария" in text
    assert "Жаңа жабдық" in text and "Әбілқайыр" in text  # reason and instructor
    assert "Жөндеуші слесарь" in text and "Слесарь-ремонтник" in text
    assert len(PdfReader(out).pages) == 1
    assert PdfReader(out).pages[0].mediabox.width > PdfReader(out).pages[0].mediabox.height


def test_journal_of_another_period_is_empty_and_a_bad_unit_is_refused(
    db: Database, filled: dict[str, int], tmp_path: Path
) -> None:
    with db.session() as s:
        out = render_form(
            s,
            "introductory-journal",
            filled["unit"],
            tmp_path / "i.pdf",
            "ru",
            date_from=dt.date(2020, 1, 1),
            date_to=dt.date(2020, 12, 31),
        )
        assert "Ахметов" not in text_of(out)
        with pytest.raises(NotFound):
            render_form(s, "briefing-journal", 999, tmp_path / "x.pdf")
        with pytest.raises(SafeDeskError):
            render_form(
                s,
                "briefing-journal",
                filled["unit"],
                tmp_path / "x.pdf",
                date_from=TODAY,
                date_to=TODAY - dt.timedelta(days=1),
            )


def test_protocol_lists_every_person_with_certificate(
    db: Database, filled: dict[str, int], tmp_path: Path
) -> None:
    with db.session() as s:
        out = render_form(s, "protocol", filled["session"], tmp_path / "p.pdf", "kk")
    text = text_of(out)
    for full in NAMES:
        assert full in text
    assert "7-БТ" in text and "Оқу орталығы" in text
    assert text.count("У-") == 3
