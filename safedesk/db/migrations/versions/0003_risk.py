"""risk assessment (WRAC), hazard library, SLAM, 5S

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

REFERENCE = Path(__file__).resolve().parents[3] / "resources" / "reference"
MATRIX_KEYS = ("likelihood", "consequence", "scores", "bands")


def _table(name: str, *columns: str, dates: tuple[str, ...] = ()) -> Any:
    common = ("id", "created_at", "updated_at", "created_by", "version")
    return sa.table(
        name,
        *(sa.column(c) for c in (*columns, *common)),
        *(sa.column(c, sa.Date()) for c in dates),
    )


def _seed() -> None:
    """The default 5×5 matrix and hazard library, with their legal basis and edition."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    common = {"created_at": now, "updated_at": now, "created_by": "", "version": 1}
    matrix = json.loads((REFERENCE / "risk_matrix.json").read_text(encoding="utf-8"))
    edition = dt.date.fromisoformat(matrix["edition"])
    matrices = sa.table(
        "risk_matrices",
        *(sa.column(c) for c in ("id", "code", "edition", "name_kk", "name_ru", "name_en")),
        sa.column("data", sa.JSON()),
        *(sa.column(f"legal_basis_{lang}") for lang in ("kk", "ru", "en")),
        sa.column("edition_date", sa.Date()),
        sa.column("valid_from", sa.Date()),
        *(sa.column(c) for c in ("current", "created_at", "updated_at", "created_by", "version")),
    )
    op.bulk_insert(
        matrices,
        [
            {
                "id": 1,
                "code": matrix["code"],
                "edition": 1,
                **{f"name_{lang}": matrix["name"][lang] for lang in ("kk", "ru", "en")},
                "data": {key: matrix[key] for key in MATRIX_KEYS},
                **{f"legal_basis_{k}": matrix["legal_basis"][k] for k in ("kk", "ru", "en")},
                "edition_date": edition,
                "valid_from": edition,
                "current": True,
                **common,
            }
        ],
    )
    library = json.loads((REFERENCE / "hazards.json").read_text(encoding="utf-8"))
    basis = library["legal_basis"]["ru"]
    hazard_edition = dt.date.fromisoformat(library["edition"])
    categories: list[dict[str, Any]] = []
    hazards: list[dict[str, Any]] = []
    for order, category in enumerate(library["categories"], start=1):
        categories.append(
            {
                "id": order,
                "code": category["code"],
                **{f"name_{lang}": category[lang] for lang in ("kk", "ru", "en")},
                "sort_order": order,
                **common,
            }
        )
        for hazard in category["hazards"]:
            hazards.append(
                {
                    "id": len(hazards) + 1,
                    "category_id": order,
                    **{f"name_{lang}": hazard[lang] for lang in ("kk", "ru", "en")},
                    **{f"event_{lang}": hazard["event"][lang] for lang in ("kk", "ru", "en")},
                    "legal_basis": basis,
                    "edition_date": hazard_edition,
                    **common,
                }
            )
    op.bulk_insert(
        _table("hazard_categories", "code", "name_kk", "name_ru", "name_en", "sort_order"),
        categories,
    )
    names = ("category_id", "name_kk", "name_ru", "name_en", "event_kk", "event_ru", "event_en")
    op.bulk_insert(
        _table("hazards", *names, "legal_basis", dates=("edition_date",)), hazards
    )


def upgrade() -> None:
    op.create_table('hazard_categories',
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('name_kk', sa.String(length=300), nullable=False),
    sa.Column('name_ru', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hazard_categories'))
    )
    op.create_table('risk_matrices',
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('edition', sa.Integer(), nullable=False),
    sa.Column('name_kk', sa.String(length=300), nullable=False),
    sa.Column('name_ru', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('legal_basis_kk', sa.String(length=1000), nullable=False),
    sa.Column('legal_basis_ru', sa.String(length=1000), nullable=False),
    sa.Column('legal_basis_en', sa.String(length=1000), nullable=False),
    sa.Column('edition_date', sa.Date(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_matrices')),
    sa.UniqueConstraint('code', 'edition', name=op.f('uq_risk_matrices_code_edition'))
    )
    with op.batch_alter_table('risk_matrices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_matrices_current'), ['current'], unique=False)

    op.create_table('hazards',
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('name_kk', sa.String(length=300), nullable=False),
    sa.Column('name_ru', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=False),
    sa.Column('event_kk', sa.String(length=500), nullable=False),
    sa.Column('event_ru', sa.String(length=500), nullable=False),
    sa.Column('event_en', sa.String(length=500), nullable=False),
    sa.Column('legal_basis', sa.String(length=1000), nullable=False),
    sa.Column('edition_date', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['category_id'], ['hazard_categories.id'], name=op.f('fk_hazards_category_id_hazard_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hazards'))
    )
    with op.batch_alter_table('hazards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hazards_category_id'), ['category_id'], unique=False)

    op.create_table('risk_assessments',
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('area', sa.String(length=500), nullable=False),
    sa.Column('position_ids', sa.JSON(), nullable=False),
    sa.Column('team_ids', sa.JSON(), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('review_months', sa.Integer(), nullable=False),
    sa.Column('next_review', sa.Date(), nullable=False),
    sa.Column('matrix_id', sa.Integer(), nullable=False),
    sa.Column('review_requested_on', sa.Date(), nullable=True),
    sa.Column('review_reason', sa.String(length=1000), nullable=False),
    sa.Column('replaces_id', sa.Integer(), nullable=True),
    sa.Column('superseded_on', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['matrix_id'], ['risk_matrices.id'], name=op.f('fk_risk_assessments_matrix_id_risk_matrices')),
    sa.ForeignKeyConstraint(['replaces_id'], ['risk_assessments.id'], name=op.f('fk_risk_assessments_replaces_id_risk_assessments')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_risk_assessments_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_assessments'))
    )
    with op.batch_alter_table('risk_assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_assessments_assessed_on'), ['assessed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_assessments_matrix_id'), ['matrix_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_assessments_next_review'), ['next_review'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_assessments_number'), ['number'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_assessments_replaces_id'), ['replaces_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_assessments_superseded_on'), ['superseded_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_assessments_unit_id'), ['unit_id'], unique=False)

    op.create_table('risk_rows',
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('activity', sa.String(length=500), nullable=False),
    sa.Column('hazard_id', sa.Integer(), nullable=True),
    sa.Column('hazard', sa.String(length=500), nullable=False),
    sa.Column('unwanted_event', sa.String(length=500), nullable=False),
    sa.Column('exposed', sa.String(length=300), nullable=False),
    sa.Column('existing_controls', sa.String(length=2000), nullable=False),
    sa.Column('likelihood', sa.Integer(), nullable=False),
    sa.Column('consequence', sa.Integer(), nullable=False),
    sa.Column('initial_score', sa.Integer(), nullable=False),
    sa.Column('initial_band', sa.String(length=20), nullable=False),
    sa.Column('residual_likelihood', sa.Integer(), nullable=False),
    sa.Column('residual_consequence', sa.Integer(), nullable=False),
    sa.Column('residual_score', sa.Integer(), nullable=False),
    sa.Column('residual_band', sa.String(length=20), nullable=False),
    sa.Column('residual_reason', sa.String(length=1000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['assessment_id'], ['risk_assessments.id'], name=op.f('fk_risk_rows_assessment_id_risk_assessments')),
    sa.ForeignKeyConstraint(['hazard_id'], ['hazards.id'], name=op.f('fk_risk_rows_hazard_id_hazards')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_rows'))
    )
    with op.batch_alter_table('risk_rows', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_rows_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_rows_initial_band'), ['initial_band'], unique=False)
        batch_op.create_index('ix_risk_rows_initial_cell', ['likelihood', 'consequence'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_rows_initial_score'), ['initial_score'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_rows_residual_band'), ['residual_band'], unique=False)
        batch_op.create_index('ix_risk_rows_residual_cell', ['residual_likelihood', 'residual_consequence'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_rows_residual_score'), ['residual_score'], unique=False)

    op.create_table('five_s_audits',
    sa.Column('audit_date', sa.Date(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('area', sa.String(length=300), nullable=False),
    sa.Column('shift', sa.String(length=20), nullable=False),
    sa.Column('auditor_id', sa.Integer(), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('total_percent', sa.Double(), nullable=False),
    sa.Column('actions', sa.String(length=2000), nullable=False),
    sa.Column('risk_row_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['auditor_id'], ['employees.id'], name=op.f('fk_five_s_audits_auditor_id_employees')),
    sa.ForeignKeyConstraint(['risk_row_id'], ['risk_rows.id'], name=op.f('fk_five_s_audits_risk_row_id_risk_rows')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_five_s_audits_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_five_s_audits'))
    )
    with op.batch_alter_table('five_s_audits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_five_s_audits_audit_date'), ['audit_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_five_s_audits_auditor_id'), ['auditor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_five_s_audits_risk_row_id'), ['risk_row_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_five_s_audits_unit_id'), ['unit_id'], unique=False)

    op.create_table('job_safety_analyses',
    sa.Column('analysis_date', sa.Date(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('task', sa.String(length=500), nullable=False),
    sa.Column('team_ids', sa.JSON(), nullable=False),
    sa.Column('steps', sa.JSON(), nullable=False),
    sa.Column('risk_row_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['risk_row_id'], ['risk_rows.id'], name=op.f('fk_job_safety_analyses_risk_row_id_risk_rows')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_job_safety_analyses_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_safety_analyses'))
    )
    with op.batch_alter_table('job_safety_analyses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_safety_analyses_analysis_date'), ['analysis_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_safety_analyses_risk_row_id'), ['risk_row_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_job_safety_analyses_unit_id'), ['unit_id'], unique=False)

    op.create_table('risk_controls',
    sa.Column('row_id', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=1000), nullable=False),
    sa.Column('hierarchy', sa.String(length=20), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['owner_id'], ['employees.id'], name=op.f('fk_risk_controls_owner_id_employees')),
    sa.ForeignKeyConstraint(['row_id'], ['risk_rows.id'], name=op.f('fk_risk_controls_row_id_risk_rows')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_controls'))
    )
    with op.batch_alter_table('risk_controls', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_controls_deadline'), ['deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_controls_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_controls_row_id'), ['row_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_controls_status'), ['status'], unique=False)

    op.create_table('slam_cards',
    sa.Column('card_date', sa.Date(), nullable=False),
    sa.Column('card_time', sa.String(length=5), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('task', sa.String(length=500), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('hazards', sa.String(length=2000), nullable=False),
    sa.Column('gaps', sa.String(length=2000), nullable=False),
    sa.Column('controls', sa.String(length=2000), nullable=False),
    sa.Column('work_stopped', sa.Boolean(), nullable=False),
    sa.Column('supervisor_told', sa.Boolean(), nullable=False),
    sa.Column('lessons', sa.String(length=2000), nullable=False),
    sa.Column('risk_row_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['risk_row_id'], ['risk_rows.id'], name=op.f('fk_slam_cards_risk_row_id_risk_rows')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_slam_cards_unit_id_units')),
    sa.ForeignKeyConstraint(['worker_id'], ['employees.id'], name=op.f('fk_slam_cards_worker_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_slam_cards'))
    )
    with op.batch_alter_table('slam_cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_slam_cards_card_date'), ['card_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_slam_cards_risk_row_id'), ['risk_row_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_slam_cards_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_slam_cards_worker_id'), ['worker_id'], unique=False)


    _seed()


def downgrade() -> None:
    with op.batch_alter_table('slam_cards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_slam_cards_worker_id'))
        batch_op.drop_index(batch_op.f('ix_slam_cards_unit_id'))
        batch_op.drop_index(batch_op.f('ix_slam_cards_risk_row_id'))
        batch_op.drop_index(batch_op.f('ix_slam_cards_card_date'))

    op.drop_table('slam_cards')
    with op.batch_alter_table('risk_controls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_controls_status'))
        batch_op.drop_index(batch_op.f('ix_risk_controls_row_id'))
        batch_op.drop_index(batch_op.f('ix_risk_controls_owner_id'))
        batch_op.drop_index(batch_op.f('ix_risk_controls_deadline'))

    op.drop_table('risk_controls')
    with op.batch_alter_table('job_safety_analyses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_safety_analyses_unit_id'))
        batch_op.drop_index(batch_op.f('ix_job_safety_analyses_risk_row_id'))
        batch_op.drop_index(batch_op.f('ix_job_safety_analyses_analysis_date'))

    op.drop_table('job_safety_analyses')
    with op.batch_alter_table('five_s_audits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_five_s_audits_unit_id'))
        batch_op.drop_index(batch_op.f('ix_five_s_audits_risk_row_id'))
        batch_op.drop_index(batch_op.f('ix_five_s_audits_auditor_id'))
        batch_op.drop_index(batch_op.f('ix_five_s_audits_audit_date'))

    op.drop_table('five_s_audits')
    with op.batch_alter_table('risk_rows', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_rows_residual_score'))
        batch_op.drop_index('ix_risk_rows_residual_cell')
        batch_op.drop_index(batch_op.f('ix_risk_rows_residual_band'))
        batch_op.drop_index(batch_op.f('ix_risk_rows_initial_score'))
        batch_op.drop_index('ix_risk_rows_initial_cell')
        batch_op.drop_index(batch_op.f('ix_risk_rows_initial_band'))
        batch_op.drop_index(batch_op.f('ix_risk_rows_assessment_id'))

    op.drop_table('risk_rows')
    with op.batch_alter_table('risk_assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_assessments_unit_id'))
        batch_op.drop_index(batch_op.f('ix_risk_assessments_superseded_on'))
        batch_op.drop_index(batch_op.f('ix_risk_assessments_replaces_id'))
        batch_op.drop_index(batch_op.f('ix_risk_assessments_number'))
        batch_op.drop_index(batch_op.f('ix_risk_assessments_next_review'))
        batch_op.drop_index(batch_op.f('ix_risk_assessments_matrix_id'))
        batch_op.drop_index(batch_op.f('ix_risk_assessments_assessed_on'))

    op.drop_table('risk_assessments')
    with op.batch_alter_table('hazards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hazards_category_id'))

    op.drop_table('hazards')
    with op.batch_alter_table('risk_matrices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_matrices_current'))

    op.drop_table('risk_matrices')
    op.drop_table('hazard_categories')
