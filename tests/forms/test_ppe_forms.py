"""The personal PPE card, the issue sheet and the milk statement, printed and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from safedesk.db.engine import Database
from safedesk.db.ppe_issues import IssueFields, ReturnFields, issue, return_items
from safedesk.db.ppe_milk import MilkFields, record_milk
from safedesk.errors import NotFound
from safedesk.forms.pdf.registry import render_form
from safedesk.i18n import translation_for
from tests.db.ppe_fixtures import TODAY, Shop, build_shop


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


@pytest.fixture
def shop(db: Database) -> Shop:
    shop = build_shop(db)
    with db.write() as s:
        issue(
            s,
            IssueFields(shop.miners[0], shop.items["boots_rubber"], 1, dt.date(2024, 6, 3), "43"),
            TODAY,
        )
        gloves = issue(
            s,
            IssueFields(shop.miners[0], shop.items["gloves_pvc"], 6, dt.date(2025, 1, 10), "10"),
            TODAY,
        )
        return_items(s, ReturnFields(gloves.id, 6, dt.date(2025, 6, 1), kind="write_off"))
        record_milk(s, MilkFields(shop.miners[0], dt.date(2025, 5, 1), 22))
        record_milk(s, MilkFields(shop.miners[1], dt.date(2025, 5, 1), 21))
    return shop


def test_personal_card_both_sides(db: Database, shop: Shop, tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    with db.session() as s:
        render_form(s, "ppe-card", shop.miners[0], out)
    reader = PdfReader(out)
    assert len(reader.pages) == 2  # front and back
    text = text_of(out)
    assert "Әбілқайыр Ғалымжан Құрманғазыұлы" in text
    assert set("әғқңөұүіӘҒҚ") <= set(text)  # Kazakh letters print and read back
    for words in (
        "Шахтерлік резеңке етік",
        "Сапоги резиновые шахтёрские",
        "ГОСТ 5375-79",
        "03.06.2024",
        "01.06.2025",
        "52-54",
        "№ 943",
        "08.12.2015",
    ):
        assert words in text, words
    front, back = (" ".join(p.extract_text().split()) for p in reader.pages)
    for lang in ("kk", "ru"):
        card = translation_for(lang).gettext("PERSONAL PPE RECORD CARD No. {number}")
        assert card.format(number="001") in front
    assert "Сапоги" in back and "Костюм шахтёрский" in front
    resources: Any = [p["/Resources"] for p in reader.pages]
    fonts = [f.get_object()["/BaseFont"] for r in resources for f in r["/Font"].values()]
    assert fonts and all("DejaVu" in str(name) for name in fonts)  # embedded, Kazakh-capable


def test_card_in_one_language_and_same_bytes_twice(
    db: Database, shop: Shop, tmp_path: Path
) -> None:
    with db.session() as s:
        a = render_form(s, "ppe-card", shop.miners[0], tmp_path / "a.pdf", "ru")
        b = render_form(s, "ppe-card", shop.miners[0], tmp_path / "b.pdf", "ru")
        kk = render_form(s, "ppe-card", shop.miners[0], tmp_path / "kk.pdf", "kk")
    assert a.read_bytes() == b.read_bytes()
    assert "Сапоги резиновые шахтёрские" in text_of(a)
    assert "Шахтерлік резеңке етік" in text_of(kk)
    assert "Сапоги резиновые шахтёрские" not in text_of(kk)


def test_card_of_nobody_is_not_found(db: Database, shop: Shop, tmp_path: Path) -> None:
    with pytest.raises(NotFound), db.session() as s:
        render_form(s, "ppe-card", 9999, tmp_path / "x.pdf")


def test_issue_sheet_lists_what_is_due_with_empty_signatures(
    db: Database, shop: Shop, tmp_path: Path
) -> None:
    from safedesk.forms.pdf.ppe_sheet import render_ppe_sheet

    with db.session() as s:
        out = render_ppe_sheet(s, shop.unit, tmp_path / "sheet.pdf", "both", TODAY)
    text = text_of(out)
    assert "Иванов Пётр Сергеевич" in text and "Каска қорғаныш" not in text
    assert "Қорғаныш каскасы" in text and "56-58" in text and "30.06.2025" in text


def test_milk_statement_totals(db: Database, shop: Shop, tmp_path: Path) -> None:
    with db.session() as s:
        out = render_form(s, "milk-statement", shop.unit, tmp_path / "milk.pdf", "ru")
    text = text_of(out)  # this month: nothing recorded, still a valid form
    assert "0" in text
    from safedesk.forms.pdf.milk_statement import render_milk_statement

    with db.session() as s:
        out = render_milk_statement(s, shop.unit, tmp_path / "may.pdf", "both", dt.date(2025, 5, 1))
    text = text_of(out)
    assert "05.2025" in text and "11" in text and "10,5" in text and "21,5" in text
    assert "№ 1056" in text
