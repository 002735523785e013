"""PPE (issue 7): catalogue, norms per position, stock, issuance, milk, protective equipment.

Norms are reference data: a norm set is one profession's list in the norm (МЗСР order
No. 943 of 08.12.2015 by default) with its legal basis and edition; positions are linked
to the norm sets they fall under, and an employee may have personal additions.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from safedesk.db.models.base import Base, RegisterRow, SoftDeleted
from safedesk.db.models.staff import Employee
from safedesk.db.types import SortKey


class PpeItem(RegisterRow, SoftDeleted, Base):
    __tablename__ = "ppe_items"

    code: Mapped[str] = mapped_column(String(50), default="", index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
    standard: Mapped[str] = mapped_column(String(300), default="")  # certificate / standard
    unit: Mapped[str] = mapped_column(String(10), default="piece")
    size_kind: Mapped[str] = mapped_column(String(10), default="none")
    sizes: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Periodic test (electrical protective equipment) or calibration (gas analysers).
    test_interval_months: Mapped[int | None] = mapped_column(default=None)
    test_basis: Mapped[str] = mapped_column(String(500), default="")
    test_edition: Mapped[dt.date | None] = mapped_column(default=None)
    search_text: Mapped[str] = mapped_column(String(700), default="")
    # The name's Kazakh alphabetical key in each language (the other name when one is
    # empty): registers sorted by the item walk the items in this order (migration 0019).
    sort_kk: Mapped[str] = mapped_column(SortKey, default="", index=True)
    sort_ru: Mapped[str] = mapped_column(SortKey, default="", index=True)


class PpeNormSet(RegisterRow, SoftDeleted, Base):
    __tablename__ = "ppe_norm_sets"

    code: Mapped[str] = mapped_column(String(50), default="", index=True)
    name_kk: Mapped[str] = mapped_column(String(300))
    name_ru: Mapped[str] = mapped_column(String(300))
    legal_basis: Mapped[str] = mapped_column(String(500))
    edition_date: Mapped[dt.date]


class PpeNormLine(RegisterRow, SoftDeleted, Base):
    __tablename__ = "ppe_norm_lines"

    norm_set_id: Mapped[int] = mapped_column(ForeignKey("ppe_norm_sets.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("ppe_items.id"), index=True)
    clause: Mapped[str] = mapped_column(String(50), default="")
    quantity: Mapped[int] = mapped_column(default=1)
    wear: Mapped[str] = mapped_column(String(12), default="months")
    wear_months: Mapped[int | None] = mapped_column(default=None)

    item: Mapped[PpeItem] = relationship()


class PpePositionNorm(RegisterRow, Base):
    """A position falls under a norm set: its holders inherit the set's lines."""

    __tablename__ = "ppe_position_norms"
    __table_args__ = (UniqueConstraint("position_id", "norm_set_id"),)

    position_id: Mapped[int] = mapped_column(ForeignKey("positions.id"), index=True)
    norm_set_id: Mapped[int] = mapped_column(ForeignKey("ppe_norm_sets.id"), index=True)


class PpePersonalNorm(RegisterRow, SoftDeleted, Base):
    """An item one employee gets beyond the position's norm (a doctor's advice, a task)."""

    __tablename__ = "ppe_personal_norms"

    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("ppe_items.id"))
    quantity: Mapped[int] = mapped_column(default=1)
    wear: Mapped[str] = mapped_column(String(12), default="months")
    wear_months: Mapped[int | None] = mapped_column(default=None)
    reason: Mapped[str] = mapped_column(String(500), default="")


class PpeReceipt(RegisterRow, SoftDeleted, Base):
    __tablename__ = "ppe_receipts"
    __table_args__ = (Index("ix_ppe_receipts_item_size", "item_id", "size"),)

    item_id: Mapped[int] = mapped_column(ForeignKey("ppe_items.id"))
    size: Mapped[str] = mapped_column(String(20), default="")
    quantity: Mapped[int]
    receipt_date: Mapped[dt.date] = mapped_column(index=True)
    document: Mapped[str] = mapped_column(String(100), default="")
    certificate: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(String(500), default="")


class PpeIssue(RegisterRow, SoftDeleted, Base):
    __tablename__ = "ppe_issues"
    __table_args__ = (
        Index("ix_ppe_issues_employee_item", "employee_id", "item_id"),
        # The due page reads the open issuances of a window of people (migration 0015).
        Index("ix_ppe_issues_employee_open", "employee_id", "closed_on", "item_id"),
        Index("ix_ppe_issues_item_size", "item_id", "size"),
        # Sorted by the item: each item's open issuances in order (migration 0019).
        Index("ix_ppe_issues_item_open", "item_id", "closed_on", "id"),
        # The register shows the open issues (closed_on IS NULL) in each order it offers.
        # With the id (the newest first, ties by id), the person and the item: a unit's
        # issues, or those a typed text names, are picked on the index, a row read only
        # when it matches (migration 0014).
        Index(
            "ix_ppe_issues_open_issued_person",
            "closed_on",
            "issue_date",
            "id",
            "employee_id",
            "item_id",
        ),
        Index("ix_ppe_issues_open_due", "closed_on", "due_date"),
        Index("ix_ppe_issues_open_size", "closed_on", "size"),
        Index("ix_ppe_issues_open_quantity", "closed_on", "quantity"),
        Index("ix_ppe_issues_open_outside", "closed_on", "outside_norm"),
    )

    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("ppe_items.id"))
    size: Mapped[str] = mapped_column(String(20), default="", index=True)
    quantity: Mapped[int] = mapped_column(index=True)
    issue_date: Mapped[dt.date] = mapped_column(index=True)
    certificate: Mapped[str] = mapped_column(String(200), default="")
    wear: Mapped[str] = mapped_column(String(12))
    wear_months: Mapped[int | None] = mapped_column(default=None)
    due_date: Mapped[dt.date | None] = mapped_column(index=True)
    outside_norm: Mapped[bool] = mapped_column(default=False, index=True)
    reason: Mapped[str] = mapped_column(String(500), default="")
    # Set when everything issued has come back, was written off or was replaced.
    closed_on: Mapped[dt.date | None] = mapped_column(default=None, index=True)

    employee: Mapped[Employee] = relationship()
    item: Mapped[PpeItem] = relationship()


class PpeReturn(RegisterRow, SoftDeleted, Base):
    """Items handed back to the store (kind 'return') or written off ('write_off')."""

    __tablename__ = "ppe_returns"

    issue_id: Mapped[int] = mapped_column(ForeignKey("ppe_issues.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="return")
    return_date: Mapped[dt.date]
    quantity: Mapped[int]
    wear_percent: Mapped[int | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(String(500), default="")


class MilkNorm(RegisterRow, SoftDeleted, Base):
    """Millilitres per shift; position None is the default for every harmful position."""

    __tablename__ = "milk_norms"

    position_id: Mapped[int | None] = mapped_column(ForeignKey("positions.id"), index=True)
    form: Mapped[str] = mapped_column(String(20), default="milk")
    ml_per_shift: Mapped[int] = mapped_column(default=500)
    legal_basis: Mapped[str] = mapped_column(String(500))
    edition_date: Mapped[dt.date]


class MilkIssue(RegisterRow, SoftDeleted, Base):
    __tablename__ = "milk_issues"
    __table_args__ = (Index("ix_milk_issues_month_employee", "month", "employee_id"),)

    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    month: Mapped[dt.date]  # the first day of the month
    form: Mapped[str] = mapped_column(String(20), default="milk", index=True)
    shifts: Mapped[int] = mapped_column(index=True)
    quantity_ml: Mapped[int] = mapped_column(default=0, index=True)
    amount_kzt: Mapped[int] = mapped_column(default=0, index=True)
    issue_date: Mapped[dt.date]
    note: Mapped[str] = mapped_column(String(500), default="")

    employee: Mapped[Employee] = relationship()


class ProtectiveEquipment(RegisterRow, SoftDeleted, Base):
    """One piece of tested equipment: dielectric gloves, a voltage indicator, a gas analyser."""

    __tablename__ = "protective_equipment"

    item_id: Mapped[int] = mapped_column(ForeignKey("ppe_items.id"), index=True)
    inventory_no: Mapped[str] = mapped_column(String(50), index=True)
    test_interval_months: Mapped[int | None] = mapped_column(default=None, index=True)
    last_test_date: Mapped[dt.date | None] = mapped_column(default=None, index=True)
    next_test_date: Mapped[dt.date | None] = mapped_column(default=None, index=True)
    holder_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    note: Mapped[str] = mapped_column(String(500), default="")

    item: Mapped[PpeItem] = relationship()


class ProtectiveTest(RegisterRow, SoftDeleted, Base):
    __tablename__ = "protective_tests"

    equipment_id: Mapped[int] = mapped_column(ForeignKey("protective_equipment.id"), index=True)
    test_date: Mapped[dt.date]
    passed: Mapped[bool] = mapped_column(default=True)
    protocol_no: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
