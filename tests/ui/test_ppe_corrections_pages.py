"""Wrong issuances and receipts deleted, equipment retired, from their pages."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import PpeIssue, PpeReceipt, ProtectiveEquipment
from safedesk.db.ppe_equipment import EquipmentFields, add_equipment
from safedesk.db.ppe_issues import IssueFields, issue
from safedesk.db.ppe_stock import ReceiptFields, add_receipt
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.ppe_issues import PpeIssuesPage
from safedesk.ui.pages.ppe_provisions import ProtectiveEquipmentPage
from safedesk.ui.pages.ppe_reference import PpeStockPage
from tests.db.ppe_fixtures import TODAY, build_shop


def test_corrections_from_the_pages(db: Database, qtbot: QtBot) -> None:
    shop = build_shop(db)
    with db.write() as s:
        issue(s, IssueFields(shop.miners[0], shop.items["boots_rubber"], 1, TODAY, "43"), TODAY)
        add_receipt(s, ReceiptFields(shop.items["boots_rubber"], 10, TODAY, "43", "ПН-7"))
        add_equipment(
            s, EquipmentFields(shop.items["gloves_dielectric"], "ДП-017", None, TODAY), TODAY
        )
    window = MainWindow(db)
    qtbot.addWidget(window)
    asked: list[str] = []

    def no(_parent: object, question: str) -> bool:
        asked.append(question)
        return False

    def yes(_parent: object, _question: str) -> bool:
        return True

    issues = window.show_page("ppe_issues")
    stock = window.show_page("ppe_stock")
    equipment = window.show_page("protective_equipment")
    assert isinstance(issues, PpeIssuesPage) and isinstance(stock, PpeStockPage)
    assert isinstance(equipment, ProtectiveEquipmentPage)
    actions = (
        (issues, issues.delete_current),
        (stock, stock.delete_current),
        (equipment, equipment.retire_current),
    )
    for page, act in actions:
        assert page.model.rowCount() == 1
        page.table.selectRow(0)
        page.confirm = no
        act()
        assert page.model.rowCount() == 1  # asked, refused: nothing changed
        page.confirm = yes
        act()
        assert page.model.rowCount() == 0
    assert len(asked) == 3 and "audit trail" in asked[0]
    with db.session() as s:
        for table in (PpeIssue, PpeReceipt, ProtectiveEquipment):
            moment = s.scalars(select(table.deleted_at)).one()
            assert moment is not None and moment.date() >= dt.date(2025, 1, 1)
