"""The permit log in the window: a permit typed, issued, refused by the gate with its reasons,
made ready, admitted, and closed — all from the editor."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import Permit
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.domain.permit_gas import Gas
from safedesk.domain.permits import Action, PermitType, Role
from safedesk.ui.dialogs.permit import PermitDialog
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.permits import PermitsPage
from safedesk.ui.widgets.fields import set_combo_value

sys.path.insert(0, str(Path(__file__).parent.parent / "db"))
from permits_setup import Staff, staff


@pytest.fixture
def st(db: Database) -> Staff:
    found = staff(db, held=dt.date.today() - dt.timedelta(days=10))
    with db.write() as s:
        save_organisation(s, OrganisationFields("«Шығыс» ЖШС", "ТОО «Шыгыс»", "940140000385"))
    return found


def fill(dialog: PermitDialog, st: Staff) -> None:
    set_combo_value(dialog.type, PermitType.CONFINED_SPACE.value)
    set_combo_value(dialog.unit, st.unit_id)
    dialog.location.setText("Отстойник О-2")
    dialog.work.setPlainText("Очистка резервуара")
    keys = {
        Role.ISSUER: "issuer",
        Role.RESPONSIBLE_MANAGER: "manager",
        Role.SUPERVISOR: "supervisor",
        Role.ADMITTER: "admitter",
        Role.OBSERVER: "observer",
    }
    for role, key in keys.items():
        dialog.roles[role].set_value(st.ids[key])
    dialog.crew.add(st.ids["crew1"])
    dialog.crew.add(st.ids["crew2"])
    dialog.hazards.setPlainText("Недостаток кислорода\nH2S")
    dialog.measures.setPlainText("Вентиляция")
    dialog.ppe.setPlainText("Противогаз ПШ-1")
    dialog.isolations.setPlainText("Задвижка З-3; заглушка")


def test_walk_one_permit_from_draft_to_closed(
    db: Database, st: Staff, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    page = window.show_page("permits")
    assert isinstance(page, PermitsPage)

    def typed(dialog: PermitDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.location.setText("")
        dialog.accept()  # refused: the place is missing, nothing typed is lost
        assert dialog.result() == 0 and "place" in dialog.message.text()
        fill(dialog, st)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(PermitDialog, "exec", typed)
    page.add_record()
    assert page.model.total() == 1
    with db.session() as s:
        pid = s.scalars(select(Permit.id)).one()

    dialog = PermitDialog(db, pid)
    qtbot.addWidget(dialog)
    panel = dialog.work_panel
    assert panel.gate.item(0).text().startswith("✔")
    panel.signed_by.set_value(st.ids["issuer"])
    assert panel.step(Action.ISSUE)

    # The gate shows its reasons before "activate" is pressed, and refuses with them.
    shown = [panel.gate.item(i).text() for i in range(panel.gate.count())]
    assert any("targeted briefing" in line for line in shown)
    assert any("gas test" in line for line in shown)
    assert any("Isolation point" in line for line in shown)
    assert not panel.step(Action.ACTIVATE)
    assert "admission gate" in panel.message.text()

    panel.instructor.set_value(st.ids["admitter"])
    assert panel.brief()
    panel.gas[Gas.O2].setText("20,9")
    panel.gas[Gas.LEL].setText("abc")
    panel.instrument.setText("Dräger X-am 2500 № 17")
    panel.measured_by.set_value(st.ids["admitter"])
    assert not panel.add_gas()  # not a number: refused, what was typed stays
    assert "LEL" in panel.message.text() and panel.gas[Gas.O2].text() == "20,9"
    panel.gas[Gas.LEL].setText("0")
    panel.gas[Gas.CO].setText("2")
    panel.gas[Gas.H2S].setText("0")
    assert panel.add_gas()
    panel.lock_no.setText("L-1")
    assert panel.apply_point()
    assert panel.gate.item(0).text().startswith("✔")
    assert panel.step(Action.ACTIVATE)
    assert panel.state.value == "active"

    panel.signed_by.set_value(st.ids["supervisor"])
    assert panel.end_shift()
    assert not panel.step(Action.CLOSE)  # lock still on, boxes not ticked
    assert panel.remove_point()
    panel.work_finished.setChecked(True)
    panel.crew_withdrawn.setChecked(True)
    panel.reported_to.setText("Диспетчер Омаров Б.")
    assert panel.step(Action.CLOSE)
    assert panel.state.value == "closed"
    assert not any(b.isEnabled() for b in panel.step_buttons.values())

    reopened = PermitDialog(db, pid)
    qtbot.addWidget(reopened)
    assert not reopened.location.isEnabled()
    page.refresh()
    page.state_filter.setCurrentIndex(page.state_filter.findData("closed"))
    assert page.model.total() == 1
    page.state_filter.setCurrentIndex(page.state_filter.findData("open"))
    assert page.model.total() == 0


def test_overdue_and_active_permits_come_first(db: Database, qtbot: QtBot) -> None:
    from permits_setup import active_permit, confined_space

    from safedesk.db.permits import create_permit

    st = staff(db)
    overdue = active_permit(db, st)  # active, planned to end in June 2026: overdue now
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    with db.write() as s:
        draft = create_permit(
            s, confined_space(st, planned_start=later, planned_end=later + dt.timedelta(hours=8))
        ).id
    page = PermitsPage(db)
    qtbot.addWidget(page)
    assert page.model.row_id(0) == overdue and page.model.row_id(1) == draft
    assert page.model.data(page.model.index(0, 0)).startswith("OVERDUE")
    page.state_filter.setCurrentIndex(page.state_filter.findData("overdue"))
    assert page.model.total() == 1
    page.state_filter.setCurrentIndex(0)
    page.person_filter.set_value(st.ids["crew1"])
    page.apply_filters()
    assert page.model.total() == 2
    page.type_filter.setCurrentIndex(page.type_filter.findData("hot_work"))
    assert page.model.total() == 0
