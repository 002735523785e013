"""The question bank of the computer test: imported whole or not at all."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import BankQuestion
from safedesk.db.rows import get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.knowledge_test import Question, QuestionRow, question_complaints
from safedesk.errors import Problem
from safedesk.i18n import N_


def _key(topic: str, text: str) -> tuple[str, str]:
    return topic.strip().casefold(), " ".join(text.split()).casefold()


def import_problems(session: Session, rows: Sequence[QuestionRow]) -> list[Problem]:
    """Every broken rule of every row, duplicates within the file and with the bank included."""
    found: list[Problem] = []
    if not rows:
        found.append(Problem("file", N_("The file holds no questions.")))
    seen: dict[tuple[str, str], int] = {}
    for q in session.scalars(select(BankQuestion).where(BankQuestion.deleted_at.is_(None))):
        seen.setdefault(_key(q.topic, q.text_ru), 0)
        seen.setdefault(_key(q.topic, q.text_kk), 0)
    for r in rows:
        for c in question_complaints(
            row=r.row,
            topic=r.topic,
            text_kk=r.text_kk,
            text_ru=r.text_ru,
            options_kk=r.options_kk,
            options_ru=r.options_ru,
            correct=[c for c in r.correct if c >= 0] if r.correct != (-1,) else [],
        ):
            found.append(Problem(c.field, c.msgid, dict(c.values)))
        if r.correct == (-1,) and r.correct_text:
            found.append(
                Problem(
                    "correct",
                    N_("Row {row}: “{value}” is not a list of option numbers."),
                    {"row": r.row, "value": r.correct_text},
                )
            )
        for text in {r.text_kk, r.text_ru}:
            if not text:
                continue
            key = _key(r.topic, text)
            if key in seen:
                first = seen[key]
                found.append(
                    Problem(
                        "question",
                        N_("Row {row}: the question repeats row {first}.")
                        if first
                        else N_("Row {row}: the question is already in the bank."),
                        {"row": r.row, "first": first},
                    )
                )
                break
        for text in {r.text_kk, r.text_ru}:
            if text:
                seen.setdefault(_key(r.topic, text), r.row)
    return found


def import_questions(session: Session, rows: Sequence[QuestionRow]) -> int:
    """Add every row to the bank, or none of them; the number added."""
    refuse(import_problems(session, rows))
    user = str(session.info.get("user", ""))
    for r in rows:
        insert(
            session,
            BankQuestion(
                topic=r.topic.strip(),
                text_kk=r.text_kk.strip(),
                text_ru=r.text_ru.strip(),
                options_kk=list(r.options_kk),
                options_ru=list(r.options_ru),
                correct=sorted(set(r.correct)),
                created_by=user,
            ),
        )
    return len(rows)


def delete_question(session: Session, question_id: int) -> None:
    row = get_row(session, BankQuestion, question_id, N_("Question"))
    update(session, row, {"deleted_at": utcnow()})


def topics(session: Session) -> list[str]:
    return list(
        session.scalars(
            select(BankQuestion.topic)
            .where(BankQuestion.deleted_at.is_(None))
            .distinct()
            .order_by(BankQuestion.topic)
        )
    )


def questions_of(session: Session, chosen_topics: Sequence[str]) -> list[Question]:
    """The bank's questions on `chosen_topics` (all topics when none are chosen)."""
    query = select(BankQuestion).where(BankQuestion.deleted_at.is_(None))
    if chosen_topics:
        query = query.where(BankQuestion.topic.in_(list(chosen_topics)))
    return [
        Question(
            id=q.id,
            topic=q.topic,
            text_kk=q.text_kk,
            text_ru=q.text_ru,
            options_kk=tuple(q.options_kk),
            options_ru=tuple(q.options_ru),
            correct=frozenset(q.correct),
        )
        for q in session.scalars(query.order_by(BankQuestion.id))
    ]
