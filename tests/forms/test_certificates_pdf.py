"""Certificates (удостоверение) of a signed protocol, printed and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from safedesk.db.check_sessions import ResultFields, SessionFields, add_session, sign_session
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.positions import PositionFields, add_position
from safedesk.domain.training import CheckKind, CheckOutcome
from safedesk.errors import SafeDeskError
from safedesk.forms.pdf.certificate_cards import CERTIFICATE
from safedesk.forms.pdf.registry import render_form
from safedesk.forms.pdf.text import Texts

TODAY = dt.date.today()


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def protocol(db: Database) -> int:
    with db.write() as s:
        save_organisation(s, OrganisationFields("«Шығыс» ЖШС", "ТОО «Шыгыс»", "940140000385"))
        fitter = add_position(s, PositionFields("Жөндеуші слесарь", "Слесарь-ремонтник")).id
        people = [
            add_employee(
                s,
                EmployeeFields(
                    iin=iin,
                    surname=surname,
                    name="Ерлан",
                    position_id=fitter,
                    hire_date=dt.date(2024, 1, 10),
                ),
            ).id
            for iin, surname in (
                ("871008401427", "Әбілқайыр"),
                ("760212350620", "Ахметов"),
                ("061211600012", "Яковлева"),
            )
        ]
        day = TODAY - dt.timedelta(days=3)
        row = add_session(
            s,
            SessionFields(
                "9-БТ",
                day,
                CheckKind.PERIODIC,
                external_body="Оқу орталығы / Учебный центр",
                results=[
                    ResultFields(people[0], certificate_no="У-1"),
                    ResultFields(people[1], CheckOutcome.RECHECK),
                    ResultFields(people[2], certificate_no="У-3"),
                ],
            ),
        )
        return row.id


def test_unsigned_protocol_prints_no_certificates(
    db: Database, protocol: int, tmp_path: Path
) -> None:
    with db.session() as s, pytest.raises(SafeDeskError) as e:
        render_form(s, "certificates", protocol, tmp_path / "c.pdf")
    assert "not signed yet" in e.value.message()


def test_cards_for_those_who_passed_in_both_languages(
    db: Database, protocol: int, tmp_path: Path
) -> None:
    with db.write() as s:
        sign_session(s, protocol, None, TODAY)
    with db.session() as s:
        both = render_form(s, "certificates", protocol, tmp_path / "both.pdf")
        ru = render_form(s, "certificates", protocol, tmp_path / "ru.pdf", "ru")
    text = text_of(both)
    assert "Әбілқайыр Ерлан" in text and "Яковлева Ерлан" in text
    assert "Ахметов" not in text  # to be re-checked: no certificate
    t = Texts("both")
    assert t.get("kk", CERTIFICATE, number="У-1") in text
    assert t.get("ru", CERTIFICATE, number="У-3") in text
    assert "Оқу орталығы" in text and "Учебный центр" in text
    ru_text = text_of(ru)
    assert t.get("ru", CERTIFICATE, number="У-1") in ru_text
    assert "Оқу орталығы" not in ru_text
    assert len(PdfReader(ru).pages) == 1
