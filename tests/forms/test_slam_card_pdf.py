"""The printed SLAM card, read back: one A4 page, the card's fields in Kazakh and Russian."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.positions import PositionFields, add_position
from safedesk.db.risk_slam import SlamFields, add_slam_card
from safedesk.db.units import UnitFields, add_unit
from safedesk.errors import NotFound
from safedesk.forms.pdf.registry import render_form
from safedesk.forms.pdf.slam_card import slam_card_pdf
from safedesk.forms.pdf.slam_card_data import load_slam_card

TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def card_id(db: Database) -> int:
    with db.write() as s:
        save_organisation(
            s, OrganisationFields("«Шығыс» ЖШС", "ТОО «Шыгыс»", "940140000385", headcount=120)
        )
        unit = add_unit(s, UnitFields("Кеніш", "Рудник"))
        fitter = add_position(s, PositionFields("Слесарь-жөндеуші", "Слесарь-ремонтник"))
        worker = add_employee(
            s,
            EmployeeFields(
                iin="871008401427", surname="Әбілова", name="Гүлнар", unit_id=unit.id,
                position_id=fitter.id,
            ),
            TODAY,
        )  # fmt: skip
        card = add_slam_card(
            s,
            SlamFields(
                card_date=TODAY, card_time="07:45", worker_id=worker.id, unit_id=unit.id,
                place="Сорап станциясы", task="Сорапты ауыстыру", hazards="Айналмалы бөліктер",
                gaps="Кілт жоқ", controls="Бұғаттау орнатылды", work_stopped=True,
                supervisor_told=True, lessons="Құралды алдын ала тексеру",
            ),
            TODAY,
        )  # fmt: skip
        return card.id


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def test_the_card_prints_its_fields_in_kazakh_and_russian(db: Database, card_id: int) -> None:
    with db.session() as s:
        data = load_slam_card(s, card_id)
    pages, text = _text(slam_card_pdf(data, "both"))
    assert pages == 1
    flat = " ".join(text.split())
    for kk, ru in (
        ("SLAM картасы", "Карточка SLAM"),
        ("Анықталған қауіптер", "Выявленные опасности"),
        ("Қолданылған шаралар", "Принятые меры"),
        ("Жұмыс тоқтатылды", "Работа остановлена"),
        ("Басшыға хабарланды", "Руководитель уведомлён"),
        ("Сабақтар", "Выводы"),
        ("Кеніш", "Рудник"),
        ("Слесарь-жөндеуші", "Слесарь-ремонтник"),
        ("иә", "да"),
    ):
        assert kk in flat and ru in flat, (kk, ru)
    for typed in (
        "28.11.2026, 07:45",
        "Сорап станциясы",
        "Сорапты ауыстыру",
        "Айналмалы бөліктер",
        "Кілт жоқ",
        "Бұғаттау орнатылды",
        "Әбілова Гүлнар",
    ):
        assert typed in flat, typed  # fmt: skip


def test_one_language_prints_only_its_labels(db: Database, card_id: int) -> None:
    with db.session() as s:
        data = load_slam_card(s, card_id)
    _pages, kk = _text(slam_card_pdf(data, "kk"))
    _pages, ru = _text(slam_card_pdf(data, "ru"))
    assert "Анықталған қауіптер" in kk and "Выявленные опасности" not in kk
    assert "Выявленные опасности" in ru and "Анықталған қауіптер" not in ru


def test_printed_through_the_registry(db: Database, card_id: int, tmp_path: Path) -> None:
    with db.session() as s:
        out = render_form(s, "slam-card", card_id, tmp_path / "slam.pdf")
        with pytest.raises(NotFound):
            load_slam_card(s, card_id + 100)
    assert out.read_bytes().startswith(b"%PDF")
    # The same card prints to the same bytes.
    with db.session() as s:
        again = render_form(s, "slam-card", card_id, tmp_path / "again.pdf")
    assert again.read_bytes() == out.read_bytes()
