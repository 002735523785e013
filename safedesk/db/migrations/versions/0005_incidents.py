"""near misses, behavioural audits, accidents

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

REFERENCE = Path(__file__).resolve().parents[3] / "resources" / "reference"


def _seed_public_holidays() -> None:
    """Kazakhstan's public holidays 2024–2030, each with its legal basis and edition."""
    data = json.loads((REFERENCE / "public_holidays.json").read_text(encoding="utf-8"))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    table = sa.table(
        "public_holidays",
        sa.column("day", sa.Date()),
        sa.column("kind", sa.String()),
        sa.column("name_kk", sa.String()),
        sa.column("name_ru", sa.String()),
        sa.column("legal_basis", sa.String()),
        sa.column("edition_date", sa.Date()),
        sa.column("note", sa.String()),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("created_by", sa.String()),
        sa.column("version", sa.Integer()),
    )
    rows = [
        {
            "day": dt.date.fromisoformat(r["day"]),
            "kind": r["kind"],
            "name_kk": r["name_kk"],
            "name_ru": r["name_ru"],
            "legal_basis": r["legal_basis"],
            "edition_date": dt.date.fromisoformat(r["edition_date"]) if r["edition_date"] else None,
            "note": r["note"],
            "created_at": now,
            "updated_at": now,
            "created_by": "reference",
            "version": 1,
        }
        for r in data["rows"]
    ]
    op.bulk_insert(table, rows)


def upgrade() -> None:
    op.create_table('public_holidays',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name_kk', sa.String(length=200), nullable=False),
    sa.Column('name_ru', sa.String(length=200), nullable=False),
    sa.Column('legal_basis', sa.String(length=300), nullable=False),
    sa.Column('edition_date', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_public_holidays')),
    sa.UniqueConstraint('day', name=op.f('uq_public_holidays_day'))
    )
    op.create_table('accidents',
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('classification', sa.String(length=20), nullable=False),
    sa.Column('circumstances', sa.Text(), nullable=False),
    sa.Column('victims_count', sa.Integer(), nullable=False),
    sa.Column('days_lost', sa.Integer(), nullable=False),
    sa.Column('notified_on', sa.Date(), nullable=True),
    sa.Column('commission_on', sa.Date(), nullable=True),
    sa.Column('commission_order_no', sa.String(length=50), nullable=False),
    sa.Column('investigated_on', sa.Date(), nullable=True),
    sa.Column('act_no', sa.String(length=50), nullable=False),
    sa.Column('act_on', sa.Date(), nullable=True),
    sa.Column('signed', sa.Boolean(), nullable=False),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['corrects_id'], ['accidents.id'], name=op.f('fk_accidents_corrects_id_accidents')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_accidents_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accidents'))
    )
    with op.batch_alter_table('accidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accidents_classification'), ['classification'], unique=False)
        batch_op.create_index(batch_op.f('ix_accidents_number'), ['number'], unique=False)
        batch_op.create_index(batch_op.f('ix_accidents_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_accidents_signed'), ['signed'], unique=False)
        batch_op.create_index(batch_op.f('ix_accidents_unit_id'), ['unit_id'], unique=False)

    op.create_table('accident_commission_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accident_id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=True),
    sa.Column('full_name', sa.String(length=300), nullable=False),
    sa.Column('position', sa.String(length=300), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['accident_id'], ['accidents.id'], name=op.f('fk_accident_commission_members_accident_id_accidents')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_accident_commission_members_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accident_commission_members'))
    )
    with op.batch_alter_table('accident_commission_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accident_commission_members_accident_id'), ['accident_id'], unique=False)

    op.create_table('accident_victims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accident_id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=True),
    sa.Column('iin', sa.String(length=12), nullable=False),
    sa.Column('full_name', sa.String(length=300), nullable=False),
    sa.Column('position', sa.String(length=300), nullable=False),
    sa.Column('employer', sa.String(length=300), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('injury', sa.String(length=500), nullable=False),
    sa.Column('days_lost', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['accident_id'], ['accidents.id'], name=op.f('fk_accident_victims_accident_id_accidents')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_accident_victims_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accident_victims'))
    )
    with op.batch_alter_table('accident_victims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accident_victims_accident_id'), ['accident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_accident_victims_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_accident_victims_iin'), ['iin'], unique=False)

    op.create_table('observations',
    sa.Column('observed_on', sa.Date(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('area', sa.String(length=300), nullable=False),
    sa.Column('observer_id', sa.Integer(), nullable=False),
    sa.Column('people_observed', sa.Integer(), nullable=False),
    sa.Column('safe_total', sa.Integer(), nullable=False),
    sa.Column('at_risk_total', sa.Integer(), nullable=False),
    sa.Column('conversation_held', sa.Boolean(), nullable=False),
    sa.Column('action', sa.String(length=1000), nullable=False),
    sa.Column('action_owner_id', sa.Integer(), nullable=True),
    sa.Column('action_due', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['action_owner_id'], ['employees.id'], name=op.f('fk_observations_action_owner_id_employees')),
    sa.ForeignKeyConstraint(['observer_id'], ['employees.id'], name=op.f('fk_observations_observer_id_employees')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_observations_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_observations'))
    )
    with op.batch_alter_table('observations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_observations_action_due'), ['action_due'], unique=False)
        batch_op.create_index(batch_op.f('ix_observations_observed_on'), ['observed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_observations_observer_id'), ['observer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_observations_unit_id'), ['unit_id'], unique=False)

    op.create_table('accident_causes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accident_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('description', sa.String(length=1000), nullable=False),
    sa.Column('measure', sa.String(length=1000), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('risk_row_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['accident_id'], ['accidents.id'], name=op.f('fk_accident_causes_accident_id_accidents')),
    sa.ForeignKeyConstraint(['owner_id'], ['employees.id'], name=op.f('fk_accident_causes_owner_id_employees')),
    sa.ForeignKeyConstraint(['risk_row_id'], ['risk_rows.id'], name=op.f('fk_accident_causes_risk_row_id_risk_rows')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accident_causes'))
    )
    with op.batch_alter_table('accident_causes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accident_causes_accident_id'), ['accident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_accident_causes_due'), ['due'], unique=False)
        batch_op.create_index(batch_op.f('ix_accident_causes_risk_row_id'), ['risk_row_id'], unique=False)

    op.create_table('near_misses',
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('severity', sa.String(length=20), nullable=False),
    sa.Column('description', sa.String(length=2000), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('reporter_id', sa.Integer(), nullable=True),
    sa.Column('immediate_action', sa.String(length=1000), nullable=False),
    sa.Column('action', sa.String(length=1000), nullable=False),
    sa.Column('action_owner_id', sa.Integer(), nullable=True),
    sa.Column('action_due', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('risk_row_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['action_owner_id'], ['employees.id'], name=op.f('fk_near_misses_action_owner_id_employees')),
    sa.ForeignKeyConstraint(['reporter_id'], ['employees.id'], name=op.f('fk_near_misses_reporter_id_employees')),
    sa.ForeignKeyConstraint(['risk_row_id'], ['risk_rows.id'], name=op.f('fk_near_misses_risk_row_id_risk_rows')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_near_misses_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_near_misses'))
    )
    with op.batch_alter_table('near_misses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_near_misses_action_due'), ['action_due'], unique=False)
        batch_op.create_index(batch_op.f('ix_near_misses_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_near_misses_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_near_misses_risk_row_id'), ['risk_row_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_near_misses_severity'), ['severity'], unique=False)
        batch_op.create_index(batch_op.f('ix_near_misses_status'), ['status'], unique=False)
        batch_op.create_index('ix_near_misses_unit_occurred', ['unit_id', 'occurred_at'], unique=False)

    op.create_table('observation_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('observation_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('safe', sa.Integer(), nullable=False),
    sa.Column('at_risk', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['observation_id'], ['observations.id'], name=op.f('fk_observation_counts_observation_id_observations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_observation_counts')),
    sa.UniqueConstraint('observation_id', 'category', name=op.f('uq_observation_counts_observation_id_category'))
    )
    with op.batch_alter_table('observation_counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_observation_counts_observation_id'), ['observation_id'], unique=False)

    _seed_public_holidays()


def downgrade() -> None:
    with op.batch_alter_table('observation_counts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_observation_counts_observation_id'))

    op.drop_table('observation_counts')
    with op.batch_alter_table('near_misses', schema=None) as batch_op:
        batch_op.drop_index('ix_near_misses_unit_occurred')
        batch_op.drop_index(batch_op.f('ix_near_misses_status'))
        batch_op.drop_index(batch_op.f('ix_near_misses_severity'))
        batch_op.drop_index(batch_op.f('ix_near_misses_risk_row_id'))
        batch_op.drop_index(batch_op.f('ix_near_misses_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_near_misses_category'))
        batch_op.drop_index(batch_op.f('ix_near_misses_action_due'))

    op.drop_table('near_misses')
    with op.batch_alter_table('accident_causes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accident_causes_risk_row_id'))
        batch_op.drop_index(batch_op.f('ix_accident_causes_due'))
        batch_op.drop_index(batch_op.f('ix_accident_causes_accident_id'))

    op.drop_table('accident_causes')
    with op.batch_alter_table('observations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_observations_unit_id'))
        batch_op.drop_index(batch_op.f('ix_observations_observer_id'))
        batch_op.drop_index(batch_op.f('ix_observations_observed_on'))
        batch_op.drop_index(batch_op.f('ix_observations_action_due'))

    op.drop_table('observations')
    with op.batch_alter_table('accident_victims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accident_victims_iin'))
        batch_op.drop_index(batch_op.f('ix_accident_victims_employee_id'))
        batch_op.drop_index(batch_op.f('ix_accident_victims_accident_id'))

    op.drop_table('accident_victims')
    with op.batch_alter_table('accident_commission_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accident_commission_members_accident_id'))

    op.drop_table('accident_commission_members')
    with op.batch_alter_table('accidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accidents_unit_id'))
        batch_op.drop_index(batch_op.f('ix_accidents_signed'))
        batch_op.drop_index(batch_op.f('ix_accidents_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_accidents_number'))
        batch_op.drop_index(batch_op.f('ix_accidents_classification'))

    op.drop_table('accidents')
    op.drop_table('public_holidays')
