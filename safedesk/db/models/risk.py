"""Roadmap items 1 and 18: WRAC risk assessments, the matrix and hazard library, SLAM, JSA, 5S.

The matrix is versioned: a changed matrix is a new `RiskMatrix` row (same code, next
edition); every assessment points at the edition it was rated with, and its rows keep
the score and band they got, so old ratings never change under a new matrix.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from safedesk.db.models.base import Base, RegisterRow, SoftDeleted
from safedesk.db.models.staff import Employee, Unit


class RiskMatrix(RegisterRow, Base):
    __tablename__ = "risk_matrices"
    __table_args__ = (UniqueConstraint("code", "edition"),)

    code: Mapped[str] = mapped_column(String(50))
    edition: Mapped[int] = mapped_column(default=1)  # `version` is the row's lock counter
    name_kk: Mapped[str] = mapped_column(String(300), default="")
    name_ru: Mapped[str] = mapped_column(String(300), default="")
    name_en: Mapped[str] = mapped_column(String(300), default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # levels, scores, bands
    legal_basis_kk: Mapped[str] = mapped_column(String(1000), default="")
    legal_basis_ru: Mapped[str] = mapped_column(String(1000), default="")
    legal_basis_en: Mapped[str] = mapped_column(String(1000), default="")
    edition_date: Mapped[dt.date | None] = mapped_column(default=None)
    valid_from: Mapped[dt.date]
    current: Mapped[bool] = mapped_column(default=True, index=True)


class HazardCategory(RegisterRow, SoftDeleted, Base):
    __tablename__ = "hazard_categories"

    code: Mapped[str] = mapped_column(String(50), default="")
    name_kk: Mapped[str] = mapped_column(String(300), default="")
    name_ru: Mapped[str] = mapped_column(String(300), default="")
    name_en: Mapped[str] = mapped_column(String(300), default="")
    sort_order: Mapped[int] = mapped_column(default=0)


class Hazard(RegisterRow, SoftDeleted, Base):
    __tablename__ = "hazards"

    category_id: Mapped[int] = mapped_column(ForeignKey("hazard_categories.id"), index=True)
    name_kk: Mapped[str] = mapped_column(String(300), default="")
    name_ru: Mapped[str] = mapped_column(String(300), default="")
    name_en: Mapped[str] = mapped_column(String(300), default="")
    event_kk: Mapped[str] = mapped_column(String(500), default="")
    event_ru: Mapped[str] = mapped_column(String(500), default="")
    event_en: Mapped[str] = mapped_column(String(500), default="")
    legal_basis: Mapped[str] = mapped_column(String(1000), default="")
    edition_date: Mapped[dt.date | None] = mapped_column(default=None)

    category: Mapped[HazardCategory] = relationship()


class RiskAssessment(RegisterRow, SoftDeleted, Base):
    __tablename__ = "risk_assessments"

    number: Mapped[str] = mapped_column(String(30), default="", index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    area: Mapped[str] = mapped_column(String(500), default="")  # area, process or task
    position_ids: Mapped[list[int]] = mapped_column(JSON, default=list)  # empty: whole unit
    team_ids: Mapped[list[int]] = mapped_column(JSON, default=list)  # employees
    assessed_on: Mapped[dt.date] = mapped_column(index=True)
    review_months: Mapped[int] = mapped_column(default=12)
    next_review: Mapped[dt.date] = mapped_column(index=True)
    matrix_id: Mapped[int] = mapped_column(ForeignKey("risk_matrices.id"), index=True)
    review_requested_on: Mapped[dt.date | None] = mapped_column(default=None)
    review_reason: Mapped[str] = mapped_column(String(1000), default="")
    replaces_id: Mapped[int | None] = mapped_column(
        ForeignKey("risk_assessments.id"), default=None, index=True
    )
    superseded_on: Mapped[dt.date | None] = mapped_column(default=None, index=True)
    note: Mapped[str] = mapped_column(String(1000), default="")

    unit: Mapped[Unit] = relationship()
    matrix: Mapped[RiskMatrix] = relationship()
    rows: Mapped[list[RiskRow]] = relationship(
        back_populates="assessment", order_by="RiskRow.line_no"
    )


class RiskRow(RegisterRow, SoftDeleted, Base):
    __tablename__ = "risk_rows"
    __table_args__ = (
        Index("ix_risk_rows_initial_cell", "likelihood", "consequence"),
        Index("ix_risk_rows_residual_cell", "residual_likelihood", "residual_consequence"),
    )

    assessment_id: Mapped[int] = mapped_column(ForeignKey("risk_assessments.id"), index=True)
    line_no: Mapped[int] = mapped_column(default=1)
    activity: Mapped[str] = mapped_column(String(500), default="")
    hazard_id: Mapped[int | None] = mapped_column(ForeignKey("hazards.id"), default=None)
    hazard: Mapped[str] = mapped_column(String(500), default="")
    unwanted_event: Mapped[str] = mapped_column(String(500), default="")
    exposed: Mapped[str] = mapped_column(String(300), default="")
    existing_controls: Mapped[str] = mapped_column(String(2000), default="")
    likelihood: Mapped[int]
    consequence: Mapped[int]
    initial_score: Mapped[int] = mapped_column(index=True)
    initial_band: Mapped[str] = mapped_column(String(20), index=True)
    residual_likelihood: Mapped[int]
    residual_consequence: Mapped[int]
    residual_score: Mapped[int] = mapped_column(index=True)
    residual_band: Mapped[str] = mapped_column(String(20), index=True)
    residual_reason: Mapped[str] = mapped_column(String(1000), default="")

    assessment: Mapped[RiskAssessment] = relationship(back_populates="rows")
    controls: Mapped[list[RiskControl]] = relationship(
        back_populates="row", order_by="RiskControl.id"
    )


class RiskControl(RegisterRow, SoftDeleted, Base):
    """An additional control: an action with a level of the hierarchy, owner and deadline."""

    __tablename__ = "risk_controls"

    row_id: Mapped[int] = mapped_column(ForeignKey("risk_rows.id"), index=True)
    description: Mapped[str] = mapped_column(String(1000))
    hierarchy: Mapped[str] = mapped_column(String(20))
    owner_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    deadline: Mapped[dt.date] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(20), default="planned", index=True)
    done_on: Mapped[dt.date | None] = mapped_column(default=None)

    row: Mapped[RiskRow] = relationship(back_populates="controls")
    owner: Mapped[Employee] = relationship()


class SlamCard(RegisterRow, SoftDeleted, Base):
    """Stop, Look, Assess, Manage: a worker's check before a task (DOMAIN.md §3)."""

    __tablename__ = "slam_cards"

    card_date: Mapped[dt.date] = mapped_column(index=True)
    card_time: Mapped[str] = mapped_column(String(5), default="", index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), default=None, index=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    task: Mapped[str] = mapped_column(String(500), default="", index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    hazards: Mapped[str] = mapped_column(String(2000), default="", index=True)
    gaps: Mapped[str] = mapped_column(String(2000), default="")  # competence or tool gaps
    controls: Mapped[str] = mapped_column(String(2000), default="")
    work_stopped: Mapped[bool] = mapped_column(default=False, index=True)
    supervisor_told: Mapped[bool] = mapped_column(default=False)
    lessons: Mapped[str] = mapped_column(String(2000), default="")
    risk_row_id: Mapped[int | None] = mapped_column(
        ForeignKey("risk_rows.id"), default=None, index=True
    )


class JobSafetyAnalysis(RegisterRow, SoftDeleted, Base):
    """JSA (АДБ): the steps of a task, the hazards of each step and their controls."""

    __tablename__ = "job_safety_analyses"

    analysis_date: Mapped[dt.date] = mapped_column(index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), default=None, index=True)
    task: Mapped[str] = mapped_column(String(500), default="")
    team_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    steps: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    risk_row_id: Mapped[int | None] = mapped_column(
        ForeignKey("risk_rows.id"), default=None, index=True
    )


class FiveSAudit(RegisterRow, SoftDeleted, Base):
    __tablename__ = "five_s_audits"

    audit_date: Mapped[dt.date] = mapped_column(index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), default=None, index=True)
    area: Mapped[str] = mapped_column(String(300), default="")
    shift: Mapped[str] = mapped_column(String(20), default="")
    auditor_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # s, item, score
    total_percent: Mapped[float] = mapped_column(default=0.0)
    actions: Mapped[str] = mapped_column(String(2000), default="")
    risk_row_id: Mapped[int | None] = mapped_column(
        ForeignKey("risk_rows.id"), default=None, index=True
    )
