"""The computer-based knowledge test: what a question must be, drawing, and scoring.

A question has 3 to 5 options in Kazakh and Russian and one or more correct options.
An answer counts only when the chosen options are exactly the correct ones; the score
is the share of questions answered correctly, and the test is passed at the pass mark
(a reference value, 70 % by default).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from safedesk.domain.people import Complaint
from safedesk.i18n import N_

MIN_OPTIONS, MAX_OPTIONS = 3, 5


@dataclass(frozen=True)
class Question:
    id: int
    topic: str
    text_kk: str
    text_ru: str
    options_kk: tuple[str, ...]
    options_ru: tuple[str, ...]
    correct: frozenset[int]  # 0-based option numbers

    def text(self, lang: str) -> str:
        return self.text_kk if lang == "kk" else self.text_ru

    def options(self, lang: str) -> tuple[str, ...]:
        return self.options_kk if lang == "kk" else self.options_ru


@dataclass(frozen=True)
class QuestionRow:
    row: int  # the row number in the file, as the spreadsheet shows it
    topic: str
    text_kk: str
    text_ru: str
    options_kk: tuple[str, ...]
    options_ru: tuple[str, ...]
    correct: tuple[int, ...]  # 0-based
    correct_text: str  # as typed, for messages when it cannot be read


@dataclass(frozen=True)
class QuizScore:
    correct: int
    total: int
    percent: float
    passed: bool


def question_complaints(
    *,
    row: int,
    topic: str,
    text_kk: str,
    text_ru: str,
    options_kk: Sequence[str],
    options_ru: Sequence[str],
    correct: Sequence[int],
) -> list[Complaint]:
    """Every rule a question of an imported bank breaks; `row` is its row in the file."""
    found: list[Complaint] = []

    def say(field: str, msgid: str, **values: object) -> None:
        found.append(Complaint(field, msgid, {"row": row, **values}))

    if not topic.strip():
        say("topic", N_("Row {row}: the topic is empty."))
    if not text_kk.strip() or not text_ru.strip():
        say("question", N_("Row {row}: the question must be given in Kazakh and in Russian."))
    n = len(options_kk)
    if len(options_ru) != n:
        say("options", N_("Row {row}: the Kazakh and Russian options differ in number."))
    if not MIN_OPTIONS <= n <= MAX_OPTIONS:
        say(
            "options",
            N_("Row {row}: a question needs {min} to {max} options, not {n}."),
            min=MIN_OPTIONS,
            max=MAX_OPTIONS,
            n=n,
        )
    if any(not o.strip() for o in (*options_kk, *options_ru)):
        say("options", N_("Row {row}: an option is empty."))
    if not correct:
        say("correct", N_("Row {row}: the question has no correct option."))
    elif any(not 0 <= c < n for c in correct):
        say("correct", N_("Row {row}: a correct option names an option that does not exist."))
    return found


def draw(questions: Sequence[Question], n: int, rng: random.Random) -> list[Question]:
    """`n` different questions at random (all of them when there are fewer)."""
    return rng.sample(list(questions), min(n, len(questions)))


def is_correct(question: Question, chosen: frozenset[int] | set[int]) -> bool:
    return bool(chosen) and frozenset(chosen) == question.correct


def score(
    questions: Sequence[Question], answers: dict[int, frozenset[int]], pass_mark: float
) -> QuizScore:
    """Score the answers (question id → chosen options); unanswered questions are wrong."""
    total = len(questions)
    correct = sum(1 for q in questions if is_correct(q, answers.get(q.id, frozenset())))
    percent = round(100.0 * correct / total, 1) if total else 0.0
    return QuizScore(correct, total, percent, total > 0 and percent >= pass_mark)
