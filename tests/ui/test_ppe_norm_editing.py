"""Norm sets edited on screen, and one person's additions to the norm listed and removed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import AuditEntry, PpeNormLine, PpeNormSet, PpePersonalNorm
from safedesk.db.ppe_catalogue import PersonalNormFields, add_personal_norm, list_norm_sets
from safedesk.domain.ppe import Wear
from safedesk.ui.dialogs.ppe_norm_set import NormSetDialog
from safedesk.ui.dialogs.ppe_personal_norms import PersonalNormsDialog
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.ppe_reference import PpeNormsPage
from safedesk.ui.widgets.fields import set_combo_value
from tests.db.ppe_fixtures import Shop, build_shop


@pytest.fixture
def shop_window(db: Database, qtbot: QtBot) -> Iterator[tuple[MainWindow, Shop]]:
    shop = build_shop(db)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    yield window, shop


def _yes(_parent: object, _text: str) -> bool:
    return True


def test_norm_heading_and_lines_are_edited(
    shop_window: tuple[MainWindow, Shop], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, shop = shop_window
    db = window.db
    assert db is not None
    page = window.show_page("ppe_norms")
    assert isinstance(page, PpeNormsPage)
    with db.session() as s:
        norm = list_norm_sets(s)[0]
        norm_id, lines_before = norm.id, norm_lines(s, norm.id)
    dialog = NormSetDialog(db, norm_id, page)
    qtbot.addWidget(dialog)
    assert dialog.lines.rowCount() == lines_before > 0
    # A line added through the line dialog shows at once, already saved.
    line = dialog.line_dialog(None)
    qtbot.addWidget(line)
    set_combo_value(line.item, shop.items["robe"])
    line.clause.setText("99")
    line.accept()
    dialog.reload_lines()
    assert dialog.lines.rowCount() == lines_before + 1
    # Removing asks first; the line is soft-deleted through the service.
    monkeypatch.setattr(NormSetDialog, "confirm", staticmethod(_yes))
    dialog.lines.selectRow(dialog.lines.rowCount() - 1)
    removed = dialog.lines.current_id()
    dialog.remove_line()
    assert dialog.lines.rowCount() == lines_before
    # The heading: an empty legal basis is refused, then the new edition is saved.
    dialog.name_ru.setText("Нормы для горнорабочих (ред. 2026)")
    dialog.legal_basis.setText("")
    dialog.accept()
    assert dialog.saved_id is None and dialog.legal_basis.property("invalid") is True
    dialog.legal_basis.setText("Приказ МЗСР № 943 от 08.12.2015 (ред. 2026)")
    dialog.accept()
    assert dialog.saved_id == norm_id
    page.reload_norms(norm_id)
    assert page.norm_filter.currentData() == norm_id
    with db.session() as s:
        stored = s.get(PpeNormSet, norm_id)
        gone = s.get(PpeNormLine, removed)
        assert stored is not None and stored.legal_basis.endswith("(ред. 2026)")
        assert gone is not None and gone.deleted_at is not None
        audited = s.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.table_name == "ppe_norm_lines", AuditEntry.row_id == removed)
        )
        assert audited == 2  # inserted, then deleted


def norm_lines(s: Session, norm_id: int) -> int:
    query = select(func.count()).where(
        PpeNormLine.norm_set_id == norm_id, PpeNormLine.deleted_at.is_(None)
    )
    return int(s.scalar(query) or 0)


def test_a_new_norm_is_saved_before_its_lines(shop_window: tuple[MainWindow, Shop]) -> None:
    window, _shop = shop_window
    assert window.db is not None
    dialog = NormSetDialog(window.db, None, window)
    assert not dialog.lines.isEnabled()  # its group waits for the saved heading
    dialog.name_kk.setText("Дәнекерлеушілер")
    dialog.legal_basis.setText("Приказ МЗСР № 943")
    dialog.accept()
    assert dialog.saved_id is None and dialog.edition.property("invalid") is True
    dialog.edition.set_value(dt.date(2015, 12, 8))
    dialog.accept()
    assert dialog.saved_id is not None


def test_personal_additions_listed_added_and_removed(
    shop_window: tuple[MainWindow, Shop], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, shop = shop_window
    db = window.db
    assert db is not None
    with db.write() as s:
        add_personal_norm(
            s,
            PersonalNormFields(shop.clerk, shop.items["robe"], 1, Wear.MONTHS, 12, "Archive work"),
        )
    dialog = PersonalNormsDialog(db, shop.clerk, window)
    qtbot.addWidget(dialog)
    assert dialog.lines.rowCount() == 1
    texts = [dialog.lines.item(0, c).text() for c in range(4)]  # type: ignore[union-attr]
    assert texts[1:] == ["1", "12 months", "Archive work"]
    monkeypatch.setattr(PersonalNormsDialog, "confirm", staticmethod(_yes))
    dialog.lines.selectRow(0)
    dialog.remove_line()
    assert dialog.lines.rowCount() == 0
    with db.session() as s:
        row = s.scalars(select(PpePersonalNorm)).one()
        assert row.deleted_at is not None  # kept as the record, no longer entitled
    other = PersonalNormsDialog(db, shop.miners[0], window)
    qtbot.addWidget(other)
    assert other.lines.rowCount() == 0 and "position's norm only" in other.hint.text()
