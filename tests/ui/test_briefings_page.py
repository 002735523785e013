"""Briefings and knowledge checks as the safety officer uses them in the window."""

from __future__ import annotations

import datetime as dt
import random

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.check_sessions import SessionFields, add_session
from safedesk.db.engine import Database
from safedesk.db.models import BankQuestion, CheckResult, Employee
from safedesk.domain.knowledge_test import QuestionRow
from safedesk.domain.training import CheckKind, CheckOutcome
from safedesk.ui.dialogs.briefing import BriefingDialog
from safedesk.ui.dialogs.computer_test import ComputerTestDialog
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.briefings import BriefingsPage
from safedesk.ui.pages.knowledge_checks import KnowledgeChecksPage


def ids_by_surname(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {e.surname: e.id for e in s.scalars(select(Employee))}


def test_group_briefing_of_a_unit_registered_from_the_page(
    window: MainWindow, staffed_db: Database, qtbot: QtBot, monkeypatch
) -> None:
    page = window.show_page("briefings")
    assert isinstance(page, BriefingsPage)
    people = ids_by_surname(staffed_db)
    shown: list[BriefingDialog] = []

    def run(dialog: BriefingDialog) -> None:
        shown.append(dialog)
        qtbot.addWidget(dialog)
        dialog.people.unit.setCurrentIndex(dialog.people.unit.findText("Рудник"))
        dialog.people.add_group.click()
        assert len(dialog.people.ids()) == 2
        dialog.instructor.set_value(people["Ахметов"])
        dialog.topic.setText("ИОТ-5")
        dialog.accept()  # the instructor has no check: a warning first
        assert "no valid knowledge check" in dialog.message.text()
        dialog.accept()  # Save anyway

    monkeypatch.setattr(BriefingDialog, "exec", lambda self: (run(self), self.result())[1])
    page.add_record()
    assert shown and shown[0].saved_id is not None
    assert page.model.total() == 2
    names = {page.model.data(page.model.index(r, 1)).split()[0] for r in range(2)}
    assert names == {"Әбілова", "Яковлева"}
    page.due_only.setChecked(True)
    assert page.model.total() == 0  # the next repeated briefing is six months away


def test_briefing_dialog_keeps_input_when_refused(staffed_db: Database, qtbot: QtBot) -> None:
    dialog = BriefingDialog(staffed_db)
    qtbot.addWidget(dialog)
    dialog.held_on.set_value(dt.date.today() + dt.timedelta(days=2))
    dialog.topic.setText("ИОТ-5")
    dialog.accept()
    assert dialog.result() == 0 and dialog.topic.text() == "ИОТ-5"
    assert dialog.fields["date"].property("invalid") is True
    assert dialog.fields["people"].property("invalid") is True


def test_computer_test_taken_to_the_end(
    window: MainWindow, staffed_db: Database, qtbot: QtBot
) -> None:
    people = ids_by_surname(staffed_db)
    with staffed_db.write() as s:
        from safedesk.db.question_bank import import_questions

        import_questions(
            s,
            [
                QuestionRow(
                    i + 2,
                    "ЕҚ",
                    f"Сұрақ {i}",
                    f"Вопрос {i}",
                    ("а", "ә", "б"),
                    ("а", "б", "в"),
                    (i % 3,),
                    str(i % 3 + 1),
                )
                for i in range(6)
            ],
        )
        session_id = add_session(
            s, SessionFields("1-БТ", dt.date.today(), CheckKind.PERIODIC, external_body="ОО")
        ).id
    dialog = ComputerTestDialog(staffed_db, session_id, rng=random.Random(4))
    qtbot.addWidget(dialog)
    dialog.person.set_value(people["Яковлева"])
    dialog.count.setValue(5)
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    dialog.start()
    assert dialog.stack.currentIndex() == 1
    with staffed_db.session() as s:
        correct = {q.id: q.correct for q in s.scalars(select(BankQuestion))}
    for n, q in enumerate(dialog.questions):
        assert dialog.question_text.text() == q.text_ru
        right = sorted(correct[q.id])
        dialog.choose(*(right if n < 4 else [(right[0] + 1) % 3]))  # 4 of 5 right: 80 %
        if n < len(dialog.questions) - 1:
            dialog.next_button.click()
    dialog.finish_button.click()
    assert dialog.stack.currentIndex() == 2
    assert "80 %" in dialog.result_text.text()
    with staffed_db.session() as s:
        row = s.scalars(select(CheckResult)).one()
        assert row.outcome == CheckOutcome.PASSED.value and row.score == 80.0
        assert row.test is not None and len(row.test["questions"]) == 5
        assert row.test["language"] == "ru"
    page = window.show_page("knowledge_checks")
    assert isinstance(page, KnowledgeChecksPage)
    page.refresh()
    assert page.model.total() == 1
