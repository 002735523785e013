"""Screens show names kept in both languages in the window's language: the head's
position on the home page and in the organisation card, a library hazard in the
risk register (a hazard typed by hand as typed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.models import Organisation
from safedesk.db.organisation import OrganisationFields, get_organisation, save_organisation
from safedesk.db.risk_assessments import AssessmentFields, RowFields, save_assessment
from safedesk.db.risk_hazards import CategoryFields, HazardFields, add_category, add_hazard
from safedesk.db.units import UnitFields, add_unit
from safedesk.i18n import set_language
from safedesk.ui.dialogs.organisation import OrganisationDialog
from safedesk.ui.pages.home import HomePage
from safedesk.ui.pages.risk import RiskPage

TODAY = dt.date(2026, 11, 28)
HAZARD_COLUMN = 2


@pytest.fixture
def named_db(db: Database) -> Database:
    with db.write() as s:
        save_organisation(
            s,
            OrganisationFields(
                "«Шығыс» ЖШС", "ТОО «Шыгыс»", "940140000385", headcount=120,
                head_name="Сейітқазы Нұрлан Өмірұлы",
                head_position_kk="Бас директор", head_position_ru="Генеральный директор",
            ),
        )  # fmt: skip
        unit = add_unit(s, UnitFields("Кеніш", "Рудник"))
        member = add_employee(
            s, EmployeeFields(iin="871008401427", surname="Әбілова", name="Гүлнар",
                              unit_id=unit.id), TODAY
        )  # fmt: skip
        category = add_category(s, CategoryFields("Физикалық", "Физические"))
        noise = add_hazard(s, HazardFields(category.id, "Өндірістік шу", "Производственный шум"))
        rows = [
            RowFields(activity="Бұрғылау", hazard="Өндірістік шу", hazard_id=noise.id,
                      likelihood=4, consequence=4),
            RowFields(activity="Уборка", hazard="Сырғанақ еден", likelihood=1, consequence=1),
        ]  # fmt: skip
        save_assessment(
            s,
            None,
            None,
            AssessmentFields(unit.id, "Забой 4", TODAY, [member.id], rows=rows),
            TODAY,
        )
    return db


@pytest.fixture
def in_language() -> Iterator[None]:
    yield
    set_language("en")


@pytest.mark.parametrize(
    ("language", "shown", "other"),
    [
        ("kk", "Өндірістік шу", "Производственный шум"),
        ("ru", "Производственный шум", "Өндірістік шу"),
    ],
)
def test_risk_register_shows_library_hazards_in_the_window_language(
    named_db: Database, qtbot: QtBot, in_language: None, language: str, shown: str, other: str
) -> None:
    set_language(language)
    page = RiskPage(named_db)
    qtbot.addWidget(page)
    page.refresh()
    hazards = [page.model.data(page.model.index(r, HAZARD_COLUMN)) for r in range(2)]
    assert sorted(hazards) == sorted([shown, "Сырғанақ еден"]) and other not in hazards
    # Found by the name shown and by the row's own copy alike.
    page.search.setText(shown.split()[-1])
    page.apply_filters()
    assert page.model.rowCount() == 1


@pytest.mark.parametrize(
    ("language", "shown", "other"),
    [
        ("kk", "Бас директор", "Генеральный директор"),
        ("ru", "Генеральный директор", "Бас директор"),
    ],
)
def test_home_page_names_the_head_position_in_the_window_language(
    named_db: Database, qtbot: QtBot, in_language: None, language: str, shown: str, other: str
) -> None:
    set_language(language)
    page = HomePage(named_db)
    qtbot.addWidget(page)
    with named_db.session() as s:
        page._show_organisation(get_organisation(s))
    assert shown in page.details.text() and other not in page.details.text()
    from safedesk.ui.workers import busy

    qtbot.waitUntil(lambda: not busy(), timeout=20000)


def test_organisation_dialog_edits_the_position_in_both_languages(
    named_db: Database, qtbot: QtBot
) -> None:
    dialog = OrganisationDialog(named_db)
    qtbot.addWidget(dialog)
    assert dialog.head_position_kk.text() == "Бас директор"
    assert dialog.head_position_ru.text() == "Генеральный директор"
    labels = []
    for name in ("name_kk", "name_ru", "head_position_kk", "head_position_ru"):
        label = dialog.form.labelForField(dialog.fields[name])
        assert isinstance(label, QLabel)
        labels.append(label.text())
    assert labels == ["Name in Kazakh", "Name in Russian", "Head's position in Kazakh",
                      "Head's position in Russian"]  # fmt: skip
    dialog.head_position_kk.setText(" Директор ")
    dialog.head_position_ru.setText("Директор ")
    dialog.accept()
    with named_db.session() as s:
        org = s.scalars(select(Organisation)).one()
        assert (org.head_position_kk, org.head_position_ru) == ("Директор", "Директор")
