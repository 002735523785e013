"""A Kazakh form prints Kazakh words where the database has them, a Russian one Russian.

The head's position is kept in both languages on the organisation card (migration
0018); a WRAC row linked to the hazard library prints the library's name in the
column's language, and only a hazard typed by hand prints as typed.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.risk_assessments import AssessmentFields, RowFields, save_assessment
from safedesk.db.risk_hazards import CategoryFields, HazardFields, add_category, add_hazard
from safedesk.db.risk_slam import SlamFields, add_slam_card
from safedesk.db.units import UnitFields, add_unit
from safedesk.forms.pdf.slam_card import slam_card_pdf
from safedesk.forms.pdf.slam_card_data import load_slam_card
from safedesk.forms.pdf.wrac import wrac_pdf
from safedesk.forms.pdf.wrac_data import load_wrac

TODAY = dt.date(2026, 11, 28)
FALL_KK, FALL_RU = "Биіктен құлау", "Падение с высоты"
NOISE_KK, NOISE_RU = "Өндірістік шу", "Производственный шум"
BY_HAND = "Сырғанақ еден"  # typed by hand: no library hazard, printed as typed
INJURY_KK, INJURY_RU = "Жарақат алу", "Травмирование"
DEAFNESS_KK, DEAFNESS_RU = "Есту қабілетінің төмендеуі", "Снижение слуха"
EDITED = "Құлаққаптың тозуы"  # the row's own event: printed as typed


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
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
        worker = add_employee(
            s, EmployeeFields(iin="871008401427", surname="Әбілова", name="Гүлнар",
                              unit_id=unit.id), TODAY
        )  # fmt: skip
        category = add_category(s, CategoryFields("Физикалық", "Физические"))
        fall = add_hazard(
            s, HazardFields(category.id, FALL_KK, FALL_RU, event_kk=INJURY_KK, event_ru=INJURY_RU)
        )
        noise = add_hazard(
            s,
            HazardFields(
                category.id, NOISE_KK, NOISE_RU, event_kk=DEAFNESS_KK, event_ru=DEAFNESS_RU
            ),
        )
        rows = [
            # Each row's copy in the other language than the form that used to print it.
            RowFields(activity="Монтаж", hazard=FALL_RU, hazard_id=fall.id, likelihood=3,
                      consequence=4, unwanted_event=INJURY_RU),
            RowFields(activity="Бұрғылау", hazard=NOISE_KK, hazard_id=noise.id, likelihood=2,
                      consequence=2, unwanted_event=DEAFNESS_KK),
            RowFields(activity="Бұрғылау", hazard=NOISE_KK, hazard_id=noise.id, likelihood=2,
                      consequence=3, unwanted_event=EDITED),
            RowFields(activity="Уборка", hazard=BY_HAND, likelihood=2, consequence=1),
        ]  # fmt: skip
        a = save_assessment(
            s, None, None, AssessmentFields(unit.id, "Забой 4", TODAY, [worker.id], rows=rows),
            TODAY,
        )  # fmt: skip
        noise_row = next(r for r in a.rows if r.unwanted_event == DEAFNESS_KK)
        card = add_slam_card(
            s,
            SlamFields(card_date=TODAY, worker_id=worker.id, unit_id=unit.id,
                       task="Сорапты ауыстыру", hazards="Шу", risk_row_id=noise_row.id),
            TODAY,
        )  # fmt: skip
        return {"assessment": a.id, "card": card.id}


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_wrac_prints_library_hazards_and_the_head_in_the_form_language(
    db: Database, ids: dict[str, int]
) -> None:
    with db.session() as s:
        data = load_wrac(s, ids["assessment"])
    kk, ru, both = (_text(wrac_pdf(data, lang)) for lang in ("kk", "ru", "both"))
    assert FALL_KK in kk and NOISE_KK in kk and BY_HAND in kk
    assert FALL_RU not in kk and NOISE_RU not in kk
    assert FALL_RU in ru and NOISE_RU in ru and BY_HAND in ru
    assert FALL_KK not in ru and NOISE_KK not in ru
    assert all(name in both for name in (FALL_KK, FALL_RU, NOISE_KK, NOISE_RU, BY_HAND))
    # The library's unwanted event too, while the row keeps the library's text.
    assert INJURY_KK in kk and DEAFNESS_KK in kk and INJURY_RU not in kk and DEAFNESS_RU not in kk
    assert INJURY_RU in ru and DEAFNESS_RU in ru and INJURY_KK not in ru and DEAFNESS_KK not in ru
    assert EDITED in kk and EDITED in ru
    # The approval block: the head's position in the form's language.
    assert "Бас директор" in kk and "Генеральный директор" not in kk
    assert "Генеральный директор" in ru and "Бас директор" not in ru


def test_slam_card_names_the_linked_row_hazard_in_the_form_language(
    db: Database, ids: dict[str, int]
) -> None:
    with db.session() as s:
        data = load_slam_card(s, ids["card"])
    kk, ru = (_text(slam_card_pdf(data, lang)) for lang in ("kk", "ru"))
    assert NOISE_KK in kk and NOISE_RU not in kk
    assert NOISE_RU in ru and NOISE_KK not in ru


def test_register_keeps_the_rows_own_copies(db: Database, ids: dict[str, int]) -> None:
    from sqlalchemy import select

    from safedesk.db.models import RiskRow

    with db.session() as s:
        copies = s.scalars(select(RiskRow.hazard).order_by(RiskRow.line_no)).all()
    assert copies == [FALL_RU, NOISE_KK, NOISE_KK, BY_HAND]
