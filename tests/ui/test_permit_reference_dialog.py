"""The permit rules edited on screen: reached from the permit log, a refusal that names the
field and keeps every character, and a save the admission gate then judges by."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import Permit, PermitGasTest, PermitIsolation
from safedesk.db.permit_entries import GasTestFields, add_gas_test, apply_isolation
from safedesk.db.permit_facts import gate_reasons
from safedesk.db.permit_reference import NUMBER_PATTERN, gas_rules, setting
from safedesk.db.permit_steps import take_step
from safedesk.db.permit_work import record_briefing
from safedesk.db.permits import create_permit
from safedesk.domain.permit_gas import Gas
from safedesk.domain.permit_gate import GateCode
from safedesk.domain.permits import Action, PermitType, Role
from safedesk.ui.dialogs.permit_reference import PermitReferenceDialog
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.permits import PermitsPage

sys.path.insert(0, str(Path(__file__).parent.parent / "db"))
from permits_setup import START, Staff, confined_space, staff

AIR = {Gas.O2: "22.5", Gas.LEL: "4", Gas.CO: "3", Gas.H2S: "0"}  # clean by the seeded limits


def pair_row(pairs: QListWidget, first: str, second: str) -> int:
    for i in range(pairs.count()):
        if pairs.item(i).data(Qt.ItemDataRole.UserRole) == (first, second):
            return i
    raise AssertionError((first, second))


def test_the_rules_open_from_the_permit_log(window: MainWindow, qtbot: QtBot) -> None:
    page = window.show_page("permits")
    assert isinstance(page, PermitsPage)
    seen: list[str] = []

    def save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PermitReferenceDialog)
        seen.append(dialog.number.preview.text())
        dialog.number.pattern.setText("PTW-{year}/{seq:03d}")
        dialog.accept()

    QTimer.singleShot(0, save)
    page.rules_action.trigger()
    assert seen and seen[0].startswith("Next number: НД-")
    with window.db.session() as s:
        assert setting(s, NUMBER_PATTERN) == "PTW-{year}/{seq:03d}"


@pytest.fixture
def st(db: Database) -> Staff:
    return staff(db)


def ready_permit(db: Database, st: Staff) -> int:
    """Issued, isolated, briefed and gas-tested: only the new rules may stop it now.

    The issuer is also the responsible manager, which the seeded rules allow.
    """
    fields = confined_space(st)
    fields.roles = {**fields.roles, Role.RESPONSIBLE_MANAGER: st.ref("issuer")}
    with db.write() as s:
        pid = create_permit(s, fields).id
        take_step(s, pid, None, Action.ISSUE, at=START - dt.timedelta(hours=1))
        point = s.scalars(select(PermitIsolation.id)).one()
        apply_isolation(s, pid, point, lock_no="L-1", applied_by_id=st.ids["admitter"], at=START)
        record_briefing(s, pid, st.ids["admitter"], START)
        test = GasTestFields(START, dict(AIR), "люк", st.ids["admitter"], "X-am 2500 № 17")
        add_gas_test(s, pid, test, now=START)
    return pid


def reasons(db: Database, pid: int, action: Action) -> set[GateCode]:
    with db.session() as s:
        permit = s.get(Permit, pid)
        assert permit is not None
        return {r.code for r in gate_reasons(s, permit, action, START + dt.timedelta(minutes=5))}


def test_a_refused_save_keeps_the_input_and_a_good_one_changes_the_gate(
    db: Database, st: Staff, qtbot: QtBot
) -> None:
    pid = ready_permit(db, st)
    assert reasons(db, pid, Action.ACTIVATE) == set()
    dialog = PermitReferenceDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    o2 = next(r for r in dialog.gas.rows if r.gas is Gas.O2)
    o2.high.clear()
    qtbot.keyClicks(o2.high, "120")  # a typing mistake: no air holds 120 % oxygen
    dialog.separation.show_type(PermitType.CONFINED_SPACE.value)
    pairs = dialog.separation.stack.currentWidget()
    assert isinstance(pairs, QListWidget) and pairs.objectName() == "distinct_confined_space"
    pairs.setFocus()
    pairs.setCurrentRow(pair_row(pairs, "issuer", "responsible_manager"))
    qtbot.keyClick(pairs, Qt.Key.Key_Space)  # ticked from the keyboard
    dialog.number.pattern.setText("НД-{seq}")
    assert "must contain {year}" in dialog.number.preview.text()  # told while typing
    dialog.tabs.setCurrentIndex(1)

    dialog.accept()
    assert dialog.isVisible() and not dialog.message.isHidden()
    text = dialog.message.text()
    assert "O₂, % — Upper limit: 120 is impossible; the value must be from 0 to 100." in text
    assert "The permit number pattern must contain {year}" in text
    assert o2.high.property("invalid") and dialog.number.pattern.property("invalid")
    assert dialog.tabs.currentIndex() == 0 and dialog.focusWidget() is o2.high  # shown first
    # Nothing typed is lost, nothing is written.
    assert o2.high.text() == "120" and dialog.number.pattern.text() == "НД-{seq}"
    assert ("issuer", "responsible_manager") in dialog.separation.pairs_of(
        dialog.separation.types[0]
    )
    with db.session() as s:
        assert gas_rules(s).limits[Gas.O2].high == 23.5
        assert setting(s, NUMBER_PATTERN) == "НД-{year}-{seq:04d}"
    assert reasons(db, pid, Action.ACTIVATE) == set()

    o2.high.clear()
    qtbot.keyClicks(o2.high, "22")
    dialog.number.pattern.setText("НД/{year}/{seq:04d}")
    assert dialog.number.preview.text() == f"Next number: НД/{dt.date.today().year}/0002"
    dialog.accept()
    assert not dialog.isVisible() and dialog.message.isHidden()

    # The gate of this open permit now judges by the new limit and the new rule...
    found = reasons(db, pid, Action.ACTIVATE)
    assert GateCode.GAS_OUT_OF_LIMITS in found and GateCode.SAME_PERSON in found
    with db.session() as s:
        permit = s.get(Permit, pid)
        assert permit is not None
        why = [r for r in gate_reasons(s, permit, Action.ACTIVATE, START) if r.values]
        assert any(r.values.get("limit") == "19.5 – 22" for r in why)
        # ...while what is written stays: its number and its test's verdict of the day.
        assert permit.number == "НД-2026-0001"
        assert s.scalars(select(PermitGasTest.within_limits)).one() is True
