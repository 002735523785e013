"""Briefings, knowledge-check commissions, check sessions (protocols) and their results."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from safedesk.db.models.base import Base, RegisterRow, SoftDeleted
from safedesk.db.models.staff import Employee


class TrainingNorm(RegisterRow, Base):
    """A period or a mark of the training rules, editable, with its legal basis."""

    __tablename__ = "training_norms"

    code: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[int]
    name_kk: Mapped[str] = mapped_column(String(300), default="")
    name_ru: Mapped[str] = mapped_column(String(300), default="")
    legal_basis: Mapped[str] = mapped_column(String(500), default="")
    edition: Mapped[dt.date | None] = mapped_column(default=None)


class Briefing(RegisterRow, SoftDeleted, Base):
    """One person briefed once: a line of the introductory or the workplace journal."""

    __tablename__ = "briefings"
    __table_args__ = (
        Index("ix_briefings_employee_held", "employee_id", "held_on"),
        Index("ix_briefings_kind_held", "kind", "held_on"),
    )

    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    kind: Mapped[str] = mapped_column(String(20), index=True)
    held_on: Mapped[dt.date] = mapped_column(index=True)
    instructor_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    topic: Mapped[str] = mapped_column(String(500), default="", index=True)
    instructions: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(String(500), default="")
    next_due: Mapped[dt.date | None] = mapped_column(default=None, index=True)

    employee: Mapped[Employee] = relationship(foreign_keys=[employee_id])
    instructor: Mapped[Employee] = relationship(foreign_keys=[instructor_id])


class CheckCommission(RegisterRow, SoftDeleted, Base):
    """The examination commission formed by an order: a chair and members."""

    __tablename__ = "check_commissions"

    name: Mapped[str] = mapped_column(String(300))
    order_no: Mapped[str] = mapped_column(String(50))
    order_date: Mapped[dt.date]
    chair_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)

    chair: Mapped[Employee] = relationship()
    members: Mapped[list[CommissionMember]] = relationship(
        order_by="CommissionMember.id", viewonly=True
    )


class CommissionMember(RegisterRow, Base):
    __tablename__ = "check_commission_members"

    commission_id: Mapped[int] = mapped_column(ForeignKey("check_commissions.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)

    employee: Mapped[Employee] = relationship()


class CheckSession(RegisterRow, SoftDeleted, Base):
    """A sitting of the commission and its protocol; evidence once signed.

    A check passed elsewhere (a training centre) is registered with `external_body`
    and no commission: that is how the commission's own members get their checks.
    """

    __tablename__ = "check_sessions"

    number: Mapped[str] = mapped_column(String(50))
    held_on: Mapped[dt.date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(20))
    commission_id: Mapped[int | None] = mapped_column(
        ForeignKey("check_commissions.id"), index=True
    )
    external_body: Mapped[str] = mapped_column(String(300), default="")
    programme: Mapped[str] = mapped_column(String(500), default="")
    signed_on: Mapped[dt.date | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(String(1000), default="")

    commission: Mapped[CheckCommission | None] = relationship()
    results: Mapped[list[CheckResult]] = relationship(order_by="CheckResult.id", viewonly=True)


class CheckResult(RegisterRow, Base):
    """One person's result in a session: a row of the protocol."""

    __tablename__ = "check_results"
    __table_args__ = (Index("ix_check_results_employee_checked", "employee_id", "checked_on"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("check_sessions.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    # The session's date, kept here for the due queries and the register's order.
    checked_on: Mapped[dt.date] = mapped_column(index=True)
    # The protocol's number, kind and signing date, kept here (written with the protocol,
    # safedesk.db.check_sessions) for the register's order: sorted by one of them, the
    # page walks an index of this table and stops at the batch instead of sorting every
    # row of every protocol. The page shows the protocol's own values.
    protocol_no: Mapped[str] = mapped_column(String(50), default="", server_default="", index=True)
    protocol_kind: Mapped[str] = mapped_column(
        String(20), default="", server_default="", index=True
    )
    protocol_signed_on: Mapped[dt.date | None] = mapped_column(default=None, index=True)
    outcome: Mapped[str] = mapped_column(String(10), index=True)
    certificate_no: Mapped[str] = mapped_column(String(50), default="", index=True)
    valid_until: Mapped[dt.date | None] = mapped_column(default=None, index=True)
    score: Mapped[float | None] = mapped_column(default=None)
    # The computer test as evidence: questions asked, options chosen, language, times.
    test: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    note: Mapped[str] = mapped_column(String(500), default="")

    employee: Mapped[Employee] = relationship()
    session: Mapped[CheckSession] = relationship(viewonly=True)


class BankQuestion(RegisterRow, SoftDeleted, Base):
    """A question of the bank the computer test draws from, in Kazakh and Russian."""

    __tablename__ = "test_questions"

    topic: Mapped[str] = mapped_column(String(200), index=True)
    text_kk: Mapped[str] = mapped_column(Text)
    text_ru: Mapped[str] = mapped_column(Text)
    options_kk: Mapped[list[str]] = mapped_column(JSON)
    options_ru: Mapped[list[str]] = mapped_column(JSON)
    correct: Mapped[list[int]] = mapped_column(JSON)
