"""The computer-based test: a person answers N random questions in kk or ru, maybe against time.

The result is scored by the domain rule at the pass mark of the reference data and goes into
the (unsigned) protocol as the person's row, with every question and answer kept as evidence.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from safedesk.db.check_sessions import record_test
from safedesk.db.engine import Database
from safedesk.db.question_bank import questions_of, topics
from safedesk.db.training_norms import norm
from safedesk.domain.knowledge_test import Question, QuizScore, draw, score
from safedesk.domain.training import PASS_MARK
from safedesk.errors import InvalidInput, Problem, SafeDeskError
from safedesk.i18n import N_, _
from safedesk.ui.widgets.employee_picker import EmployeePicker


class ComputerTestDialog(QDialog):
    def __init__(
        self,
        db: Database,
        session_id: int,
        parent: QWidget | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.rng = rng or random.Random()
        self.setWindowTitle(_("Computer test"))
        self.questions: list[Question] = []
        self.answers: dict[int, frozenset[int]] = {}
        self.current = 0
        self.outcome: QuizScore | None = None
        self.started: dt.datetime | None = None
        self.remaining = 0
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._setup_page())
        self.stack.addWidget(self._question_page())
        self.stack.addWidget(self._result_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.setMinimumSize(640, 420)

    # -- pages ------------------------------------------------------------------------
    def _setup_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.person = EmployeePicker(self.db)
        self.language = QComboBox()
        self.language.addItem("Қазақша", "kk")
        self.language.addItem("Русский", "ru")
        self.topic_list = QListWidget()
        self.topic_list.setObjectName("topics")
        with self.db.session() as s:
            for topic in topics(s):
                item = QListWidgetItem(topic)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.topic_list.addItem(item)
        self.count = QSpinBox()
        self.count.setRange(1, 100)
        self.count.setValue(10)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 180)
        self.minutes.setSpecialValueText(_("no limit"))
        self.setup_problem = QLabel()
        self.setup_problem.setStyleSheet("color: #c0392b;")
        self.start_button = QPushButton(_("Start the test"))
        self.start_button.clicked.connect(self.start)
        form.addRow(_("Person tested"), self.person)
        form.addRow(_("Language"), self.language)
        form.addRow(_("Topics"), self.topic_list)
        form.addRow(_("Number of questions"), self.count)
        form.addRow(_("Time limit, minutes"), self.minutes)
        form.addRow(self.setup_problem)
        form.addRow(self.start_button)
        return page

    def _question_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.progress = QLabel()
        self.clock = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.clock)
        self.question_text = QLabel()
        self.question_text.setWordWrap(True)
        self.question_text.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.options_box = QVBoxLayout()
        self.option_boxes: list[QCheckBox] = []
        self.back_button = QPushButton(_("Back"))
        self.back_button.clicked.connect(lambda: self.go(self.current - 1))
        self.next_button = QPushButton(_("Next"))
        self.next_button.clicked.connect(lambda: self.go(self.current + 1))
        self.finish_button = QPushButton(_("Finish"))
        self.finish_button.clicked.connect(self.finish)
        buttons = QHBoxLayout()
        for b in (self.back_button, self.next_button, self.finish_button):
            buttons.addWidget(b)
        layout.addLayout(top)
        layout.addWidget(self.question_text)
        layout.addLayout(self.options_box)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.result_text = QLabel()
        self.result_text.setObjectName("result")
        self.result_text.setWordWrap(True)
        self.result_text.setStyleSheet("font-size: 14pt;")
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        layout.addWidget(self.result_text)
        layout.addStretch(1)
        layout.addWidget(close)
        return page

    # -- the test -----------------------------------------------------------------------
    def chosen_topics(self) -> list[str]:
        return [
            self.topic_list.item(i).text()
            for i in range(self.topic_list.count())
            if self.topic_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def start(self) -> None:
        if self.person.value() is None:
            self.setup_problem.setText(_("Choose the person who takes the test."))
            return
        with self.db.session() as s:
            bank = questions_of(s, self.chosen_topics())
            self.pass_mark = norm(s, PASS_MARK)
        if not bank:
            self.setup_problem.setText(_("The question bank has no questions on these topics."))
            return
        self.lang = str(self.language.currentData())
        self.questions = draw(bank, self.count.value(), self.rng)
        self.started = dt.datetime.now(dt.UTC)
        self.remaining = self.minutes.value() * 60
        if self.remaining:
            self.timer.start()
        self.stack.setCurrentIndex(1)
        self.go(0)

    def go(self, index: int) -> None:
        self._keep_answer()
        self.current = max(0, min(index, len(self.questions) - 1))
        q = self.questions[self.current]
        self.progress.setText(
            _("Question {n} of {total}").format(n=self.current + 1, total=len(self.questions))
        )
        self.question_text.setText(q.text(self.lang))
        for box in self.option_boxes:
            self.options_box.removeWidget(box)
            box.deleteLater()
        self.option_boxes = []
        chosen = self.answers.get(q.id, frozenset())
        for i, text in enumerate(q.options(self.lang)):
            box = QCheckBox(text)
            box.setChecked(i in chosen)
            self.options_box.addWidget(box)
            self.option_boxes.append(box)
        self.back_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(self.current < len(self.questions) - 1)

    def choose(self, *options: int) -> None:
        """Tick exactly `options` of the current question (what a click does, for tests)."""
        for i, box in enumerate(self.option_boxes):
            box.setChecked(i in options)

    def _keep_answer(self) -> None:
        if not self.questions or not self.option_boxes:
            return
        q = self.questions[self.current]
        self.answers[q.id] = frozenset(i for i, b in enumerate(self.option_boxes) if b.isChecked())

    def _tick(self) -> None:
        self.remaining -= 1
        minutes, seconds = divmod(max(self.remaining, 0), 60)
        self.clock.setText(_("Time left {m}:{s:02d}").format(m=minutes, s=seconds))
        if self.remaining <= 0:
            self.finish()

    def evidence(self) -> dict[str, Any]:
        finished = dt.datetime.now(dt.UTC)
        return {
            "language": self.lang,
            "pass_mark": self.pass_mark,
            "started": self.started.isoformat() if self.started else None,
            "finished": finished.isoformat(),
            "time_limit_minutes": self.minutes.value() or None,
            "questions": [
                {
                    "id": q.id,
                    "topic": q.topic,
                    "text": q.text(self.lang),
                    "options": list(q.options(self.lang)),
                    "correct": sorted(q.correct),
                    "chosen": sorted(self.answers.get(q.id, frozenset())),
                }
                for q in self.questions
            ],
        }

    def finish(self) -> None:
        self.timer.stop()
        self._keep_answer()
        self.outcome = score(self.questions, self.answers, self.pass_mark)
        employee_id = self.person.value()
        try:
            if employee_id is None:
                raise InvalidInput([Problem("employee_id", N_("Choose the employee."))])
            with self.db.write() as s:
                record_test(
                    s,
                    self.session_id,
                    employee_id,
                    passed=self.outcome.passed,
                    score=self.outcome.percent,
                    evidence=self.evidence(),
                )
        except SafeDeskError as e:
            self.result_text.setText(e.message())
            self.stack.setCurrentIndex(2)
            return
        verdict = _("Passed") if self.outcome.passed else _("Not passed: to be re-checked")
        self.result_text.setText(
            _("{correct} of {total} answers are right: {percent} % (pass mark {mark} %).").format(
                correct=self.outcome.correct,
                total=self.outcome.total,
                percent=f"{self.outcome.percent:g}",
                mark=self.pass_mark,
            )
            + "\n"
            + verdict
        )
        self.stack.setCurrentIndex(2)
