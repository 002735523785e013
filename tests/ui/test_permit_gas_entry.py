"""The permit window's gas-test entry keeps the place of sampling (the printed permit has a
column for it), and the gate's reasons in the window name a certificate, not its code."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import PermitGasTest
from safedesk.db.permits import create_permit
from safedesk.domain.permit_gas import Gas
from safedesk.i18n import set_language
from safedesk.ui.dialogs.permit_work import WorkPanel

sys.path.insert(0, str(Path(__file__).parent.parent / "db"))
from permits_setup import Staff, confined_space, staff

pytestmark = pytest.mark.gui


@pytest.fixture
def st(db: Database) -> Staff:
    return staff(db)


def test_a_gas_test_is_written_with_its_place(db: Database, st: Staff, qtbot: QtBot) -> None:
    with db.write() as s:
        pid = create_permit(s, confined_space(st)).id
    panel = WorkPanel(db, pid)
    qtbot.addWidget(panel)
    panel.taken_at.set_value(dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5))
    for gas, value in {Gas.O2: "20,6", Gas.LEL: "0", Gas.CO: "3", Gas.H2S: "0"}.items():
        qtbot.keyClicks(panel.gas[gas], value)
    panel.place.setText("люк Л-1")  # QTest types Latin keys only
    panel.instrument.setText("X-am 2500 № 17")
    panel.measured_by.set_value(st.ids["admitter"])
    assert panel.add_gas(), panel.message.text()
    with db.session() as s:
        row = s.scalars(select(PermitGasTest)).one()
    assert row.place == "люк Л-1" and row.o2 == 20.6
    assert "люк Л-1" in panel.tests.item(0).text()


def test_the_window_names_a_missing_certificate(db: Database, st: Staff, qtbot: QtBot) -> None:
    with db.write() as s:
        pid = create_permit(s, confined_space(st, crew=[st.ref("manager")])).id
    set_language("ru")
    panel = WorkPanel(db, pid)
    qtbot.addWidget(panel)
    lines = [panel.gate.item(i).text() for i in range(panel.gate.count())]
    assert any("Газоопасные работы и замкнутые пространства" in line for line in lines), lines
    assert not any("gas_hazardous" in line for line in lines)
