"""The permit window's list of gas tests judges each reading by the limits kept with the
test, not by the limits in force now, and names them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import PermitGasLimit
from safedesk.db.permit_entries import GasTestFields, add_gas_test
from safedesk.db.permit_reference import update_gas_limit
from safedesk.db.permits import create_permit
from safedesk.domain.permit_gas import Gas
from safedesk.ui.dialogs.permit_work import WorkPanel

sys.path.insert(0, str(Path(__file__).parent.parent / "db"))
from permits_setup import START, confined_space, staff

pytestmark = pytest.mark.gui


def test_the_list_judges_a_test_by_its_own_limits(db: Database, qtbot: QtBot) -> None:
    st = staff(db)
    air = {Gas.O2: "20.6", Gas.LEL: "0", Gas.CO: "3", Gas.H2S: "0"}
    with db.write() as s:
        pid = create_permit(s, confined_space(st)).id
        add_gas_test(s, pid, GasTestFields(START, air, "", st.ids["admitter"], "X-am"), now=START)
        co = s.scalars(select(PermitGasLimit.id).where(PermitGasLimit.gas == "co")).one()
        # CO 3 would now be out of range; the test was taken when it was not.
        update_gas_limit(
            s, co, None, low=None, high=2, low_inclusive=True, high_inclusive=True,
            legal_basis="Решение работодателя № 7",
        )  # fmt: skip
        add_gas_test(s, pid, GasTestFields(START, air, "", st.ids["admitter"], "X-am"), now=START)
    panel = WorkPanel(db, pid)
    qtbot.addWidget(panel)
    old, new = panel.tests.item(0), panel.tests.item(1)
    assert old.text().startswith("✔") and "(!)" not in old.text()
    assert "CO, ppm ≤ 17.1" in old.toolTip()
    assert new.text().startswith("⛔") and "CO, ppm 3 (!)" in new.text()
    assert "CO, ppm ≤ 2" in new.toolTip()
