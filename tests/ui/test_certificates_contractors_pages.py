"""Certificates, contractors, their workers and OHS days as the safety officer uses them."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.contractors import ContractorFields, WorkerFields, add_contractor, add_worker
from safedesk.db.engine import Database
from safedesk.db.models import ContractorBriefing, Employee, SafetyDayAttendance
from safedesk.ui.dialogs.certificate import CertificateDialog
from safedesk.ui.dialogs.contractor import ContractorDialog
from safedesk.ui.dialogs.contractor_training import ContractorBriefingDialog
from safedesk.ui.dialogs.safety_day import SafetyDayDialog
from safedesk.ui.main_window import MainWindow


def people(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {e.surname: e.id for e in s.scalars(select(Employee))}


def test_contractor_with_a_bad_bin_keeps_the_input_and_saves_when_fixed(
    window: MainWindow, staffed_db: Database, qtbot: QtBot
) -> None:
    page = window.show_page("contractors")
    dialog = ContractorDialog(staffed_db, None, page)
    qtbot.addWidget(dialog)
    dialog.name.setText("ТОО «Алтай Монтаж»")
    dialog.bin.setText("940140000386")
    dialog.accept()
    assert dialog.saved_id is None and "check digit" in dialog.message.text()
    assert dialog.fields["bin"].property("invalid") is True
    dialog.bin.setText("940140000385")
    dialog.accept()
    assert dialog.saved_id is not None
    page.refresh()
    assert page.model.total() == 1
    assert page.model.data(page.model.index(0, 1)) == "940140000385"


def test_certificate_of_an_employee_with_the_usual_validity(
    window: MainWindow, staffed_db: Database, qtbot: QtBot
) -> None:
    page = window.show_page("certificates")
    dialog = CertificateDialog(staffed_db, None, page)
    qtbot.addWidget(dialog)
    dialog.holder.employee.set_value(people(staffed_db)["Ахметов"])
    dialog.kind.setCurrentIndex(dialog.kind.findData("height"))
    dialog.issued_on.set_value(dt.date(2026, 3, 1))
    assert dialog.valid_to.value() == dt.date(2027, 2, 28)
    assert not dialog.group.isEnabled()
    dialog.accept()
    assert dialog.saved_id is not None
    page.refresh()
    assert page.model.total() == 1
    assert page.model.data(page.model.index(0, 0)).startswith("Ахметов")


def test_contractors_workers_briefed_together_from_the_page(
    window: MainWindow, staffed_db: Database, qtbot: QtBot, monkeypatch
) -> None:
    with staffed_db.write() as s:
        firm = add_contractor(s, ContractorFields("ТОО «Монтаж»", "990140004654")).id
        for iin, surname in (("871008401427", "Серікбаев"), ("760212350620", "Ковальчук")):
            add_worker(s, WorkerFields(firm, iin, surname, "Ерлан"))
    page = window.show_page("contractor_workers")
    page.refresh()
    assert page.model.total() == 2
    page.contractor_filter.setCurrentIndex(page.contractor_filter.findData(firm))

    def run(dialog: ContractorBriefingDialog) -> None:
        qtbot.addWidget(dialog)
        assert len(dialog.ticked()) == 2
        dialog.instructor.set_value(people(staffed_db)["Әбілова"])
        dialog.accept()

    monkeypatch.setattr(
        ContractorBriefingDialog, "exec", lambda self: (run(self), self.result())[1]
    )
    page.register_briefing()
    with staffed_db.session() as s:
        assert len(list(s.scalars(select(ContractorBriefing)))) == 2
    assert page.model.data(page.model.index(0, 5)) == dt.date.today().strftime("%d.%m.%Y")


def test_ohs_day_with_attendance_from_a_unit(
    window: MainWindow, staffed_db: Database, qtbot: QtBot
) -> None:
    page = window.show_page("safety_days")
    dialog = SafetyDayDialog(staffed_db, None, page)
    qtbot.addWidget(dialog)
    dialog.topic.setText("Наряд-допуск: учения")
    dialog.unit.setCurrentIndex(dialog.unit.findText("Рудник"))
    dialog.fill.click()
    assert len(dialog.people.ids()) == 2
    dialog.people.list.item(0).setCheckState(dialog.people.list.item(0).checkState().Unchecked)
    dialog.accept()
    assert dialog.saved_id is not None
    page.refresh()
    assert page.model.total() == 1
    assert [page.model.data(page.model.index(0, c)) for c in (5, 6)] == ["2", "1"]
    with staffed_db.session() as s:
        assert len(list(s.scalars(select(SafetyDayAttendance)))) == 2
    preview = page.preview(dialog.saved_id, exec_dialog=False)
    assert preview is not None
    qtbot.addWidget(preview)
