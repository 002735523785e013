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


def _worker(db: Database, surname: str, serial: int) -> int:
    from permits_setup import iin

    from safedesk.db.contractors import ContractorFields, WorkerFields, add_contractor, add_worker
    from safedesk.db.models import Contractor

    with db.write() as s:
        firm = s.scalars(select(Contractor.id)).first()
        if firm is None:
            firm = add_contractor(s, ContractorFields("ТОО «Монтаж»", "990140004654")).id
        return add_worker(s, WorkerFields(firm, iin(serial), surname, "Ерлан")).id


def test_crew_changes_from_the_work_tab(db: Database, qtbot: QtBot) -> None:
    from permits_setup import active_permit

    from safedesk.db.models import PermitCrewMember, PermitOverride

    st = staff(db)
    pid = active_permit(db, st)
    outsider = _worker(db, "Сидоров", 60)  # no introductory briefing, no knowledge check
    dialog = PermitDialog(db, pid)
    qtbot.addWidget(dialog)
    panel = dialog.work_panel
    assert panel.crew_add_button.isEnabled() and panel.crew_list.count() == 2

    # A newcomer not briefed: refused, the gate's reason named, the choice kept.
    panel.signed_by.set_value(st.ids["supervisor"])
    panel.crew_employee.set_value(st.ids["spare"])
    panel.crew_brief.setChecked(False)
    assert not panel.add_crew()
    assert "admission gate" in panel.message.text()
    assert "targeted briefing" in panel.message.text()
    assert panel.crew_employee.value() == st.ids["spare"]

    # Briefed with the change by the instructor: joins the crew.
    panel.instructor.set_value(st.ids["admitter"])
    panel.crew_brief.setChecked(True)
    assert panel.add_crew(), panel.message.text()
    assert panel.crew_list.count() == 3 and panel.crew_employee.value() is None
    assert "Spare" in panel.crew_list.item(2).text()

    # A contractor's worker without the checks is refused; an override needs a reason.
    panel.crew_worker.set_value(outsider)
    assert not panel.add_crew()
    refused = panel.message.text()
    assert "Сидоров" in refused and "override" in refused
    panel.override.setText("Проверка знаний подрядчика в пути, работает под надзором")
    assert panel.add_crew(), panel.message.text()
    with db.session() as s:
        overrides = s.scalars(
            select(PermitOverride).where(PermitOverride.action == "crew_change")
        ).all()
        assert len(overrides) == 1 and overrides[0].reason.startswith("Проверка")

    # Withdrawn: the line stays, with the time the person left, and cannot be picked again.
    panel.crew_list.setCurrentRow(0)
    assert panel.remove_crew(), panel.message.text()
    with db.session() as s:
        left = s.scalars(
            select(PermitCrewMember).where(PermitCrewMember.left_at.is_not(None))
        ).all()
        assert len(left) == 1 and left[0].employee_id == st.ids["crew1"]
    last = panel.crew_list.item(panel.crew_list.count() - 1)
    assert "left" in last.text()
    panel.crew_list.setCurrentItem(last)
    assert not panel.remove_crew()


def test_crew_changes_are_closed_to_a_draft(db: Database, qtbot: QtBot) -> None:
    from permits_setup import confined_space

    from safedesk.db.permits import create_permit

    st = staff(db)
    with db.write() as s:
        pid = create_permit(s, confined_space(st)).id
    dialog = PermitDialog(db, pid)
    qtbot.addWidget(dialog)
    assert not dialog.work_panel.crew_add_button.isEnabled()
    assert not dialog.work_panel.crew_remove_button.isEnabled()


def test_contractor_workers_in_the_editor(db: Database, st: Staff, qtbot: QtBot) -> None:
    from safedesk.db.permits import fields_of

    foreman = _worker(db, "Петров", 70)
    fitter = _worker(db, "Иванов", 80)
    dialog = PermitDialog(db)
    qtbot.addWidget(dialog)
    fill(dialog, st)
    assert Role.ISSUER not in dialog.role_workers  # the enterprise's own roles
    dialog.role_workers[Role.SUPERVISOR].set_value(foreman)
    dialog.accept()  # an employee and a worker for one role: refused, both kept
    assert dialog.result() == 0 and "choose one person" in dialog.message.text()
    dialog.roles[Role.SUPERVISOR].set_value(None)
    dialog.roles[Role.OBSERVER].set_value(None)
    dialog.role_workers[Role.OBSERVER].set_value(fitter)
    dialog.crew_contractors.picker.set_value(fitter)
    dialog.crew_contractors.add_one.click()
    dialog.crew_contractors.add_one.click()  # once only
    assert dialog.crew_contractors.ids() == [fitter]
    dialog.accept()
    assert dialog.result() == 1, dialog.message.text()
    assert dialog.saved_id is not None
    with db.session() as s:
        fields = fields_of(s, dialog.saved_id)
    assert fields.roles[Role.SUPERVISOR].contractor_worker_id == foreman
    assert fields.roles[Role.OBSERVER].contractor_worker_id == fitter
    assert [r.contractor_worker_id for r in fields.crew if r.employee_id is None] == [fitter]

    reopened = PermitDialog(db, dialog.saved_id)
    qtbot.addWidget(reopened)
    assert reopened.role_workers[Role.SUPERVISOR].value() == foreman
    assert reopened.roles[Role.SUPERVISOR].value() is None
    assert reopened.crew_contractors.ids() == [fitter]
    assert "Иванов" in reopened.crew_contractors.list.item(0).text()


def test_delete_a_draft_from_the_page(
    db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from permits_setup import active_permit, confined_space

    from safedesk.db.models import AuditEntry
    from safedesk.db.permits import create_permit

    st = staff(db)
    active = active_permit(db, st)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    with db.write() as s:
        draft = create_permit(
            s, confined_space(st, planned_start=later, planned_end=later + dt.timedelta(hours=8))
        ).id
    told: list[str] = []
    monkeypatch.setattr(
        "safedesk.ui.pages.permits.show_problem", lambda _p, e: told.append(e.message())
    )
    page = PermitsPage(db)
    qtbot.addWidget(page)
    asked: list[str] = []

    def say_no(_parent: object, question: str) -> bool:
        asked.append(question)
        return False

    page.confirm = say_no

    page.table.clearSelection()
    page.table.setCurrentIndex(page.model.index(-1, -1))
    assert not page.delete_current() and "Select the draft" in told[-1]
    page.select_id(active)
    assert not page.delete_current()  # an issued permit is kept: cancelled, never deleted
    assert "Only a draft" in told[-1] and not asked
    page.select_id(draft)
    assert not page.delete_current()  # the answer was no
    assert "НД-2026" in asked[-1] and page.model.total() == 2
    page.confirm = lambda _p, _q: True
    assert page.delete_current()
    assert page.model.total() == 1
    with db.session() as s:
        assert s.get(Permit, draft) is None
        gone = s.scalars(
            select(AuditEntry).where(
                AuditEntry.table_name == "permits", AuditEntry.action == "delete"
            )
        ).all()
        assert [e.row_id for e in gone] == [draft]


def _log_rows(db: Database, query: object) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(query).all()]  # type: ignore[call-overload]


def test_urgency_order_read_by_ranges_is_the_sorted_order(db: Database, qtbot: QtBot) -> None:
    """The log's default order, read range by range of the (state, planned_end) index,
    gives the rows and the order of sorting the whole log by urgency: overdue first,
    closed and cancelled interleaved by their end, ties by id, unknown states last,
    both ways and batch after batch."""
    from PySide6.QtCore import Qt

    from safedesk.db.models import PermitRole
    from safedesk.ui.models import SelectTableModel
    from safedesk.ui.pages.permits import log_source

    st = staff(db)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    states = ["draft", "issued", "active", "suspended", "closed", "cancelled", "closed"]
    with db.write() as s:
        for i in range(60):
            end = now + dt.timedelta(hours=(i % 9 - 4) * 24)  # past and future, many ties
            permit = Permit(
                number=f"НД-{i:03d}",
                year=2026,
                seq=i + 1,
                type=PermitType.HOT_WORK.value,
                state=states[i % len(states)],
                unit_id=st.unit_id,
                location="Цех",
                work="Сварка" if i % 2 else "Резка",
                planned_start=end - dt.timedelta(hours=8),
                planned_end=end,
                original_end=end,
            )
            s.add(permit)
            s.flush()
            if i % 3:
                s.add(
                    PermitRole(permit_id=permit.id, role="supervisor", employee_id=st.ids["spare"])
                )
    with db.engine.begin() as conn:  # states from another version: shown last
        conn.exec_driver_sql("UPDATE permits SET state = 'aborted' WHERE seq = 5")
        conn.exec_driver_sql("UPDATE permits SET state = 'zz_legacy' WHERE seq = 6")
    page = PermitsPage(db)
    qtbot.addWidget(page)
    model = page.model

    for text in ("", "с"):
        page.search.setText(text)
        page.apply_filters()
        whole = SelectTableModel(
            db, model.columns, log_source, Permit.id, filters=page.conditions()
        )
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.set_sort(0, order)
            whole.set_sort(0, order)
            expected = _log_rows(db, SelectTableModel.page_query(whole, 0, 1000))
            assert len(expected) == (60 if not text else 30)
            assert "UNION ALL" in str(model.page_query(0, 7))
            batches = [_log_rows(db, model.page_query(n, 7)) for n in range(0, 70, 7)]
            assert [row for batch in batches for row in batch] == expected
            if not text and order == Qt.SortOrder.DescendingOrder:
                with db.session() as s:
                    unknown = s.scalars(select(Permit.id).where(Permit.seq.in_([5, 6]))).all()
                assert {row[0] for row in expected[:2]} == set(unknown)
