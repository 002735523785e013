"""briefings, knowledge checks, training, contractors, safety days

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NORMS = Path(__file__).resolve().parents[3] / "resources" / "reference" / "training_norms.json"


def _seed_norms() -> None:
    """The periods and the pass mark, each with its legal basis and edition date."""
    data = json.loads(NORMS.read_text(encoding="utf-8"))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    table = sa.table(
        "training_norms",
        *(sa.column(c) for c in ("code", "value", "name_kk", "name_ru", "legal_basis")),
        sa.column("edition", sa.Date()),
        *(sa.column(c) for c in ("created_at", "updated_at", "created_by", "version")),
    )
    op.bulk_insert(
        table,
        [
            {
                "code": n["code"],
                "value": n["value"],
                "name_kk": n["name_kk"],
                "name_ru": n["name_ru"],
                "legal_basis": n["legal_basis"],
                "edition": dt.date.fromisoformat(n["edition"]),
                "created_at": now,
                "updated_at": now,
                "created_by": "",
                "version": 1,
            }
            for n in data["norms"]
        ],
    )


def upgrade() -> None:
    op.create_table('test_questions',
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('text_kk', sa.Text(), nullable=False),
    sa.Column('text_ru', sa.Text(), nullable=False),
    sa.Column('options_kk', sa.JSON(), nullable=False),
    sa.Column('options_ru', sa.JSON(), nullable=False),
    sa.Column('correct', sa.JSON(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_test_questions'))
    )
    op.create_index(op.f('ix_test_questions_topic'), 'test_questions', ['topic'], unique=False)
    op.create_table('training_norms',
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('name_kk', sa.String(length=300), nullable=False),
    sa.Column('name_ru', sa.String(length=300), nullable=False),
    sa.Column('legal_basis', sa.String(length=500), nullable=False),
    sa.Column('edition', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_norms')),
    sa.UniqueConstraint('code', name=op.f('uq_training_norms_code'))
    )
    op.create_table('briefings',
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('instructor_id', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=500), nullable=False),
    sa.Column('instructions', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('next_due', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_briefings_employee_id_employees')),
    sa.ForeignKeyConstraint(['instructor_id'], ['employees.id'], name=op.f('fk_briefings_instructor_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_briefings'))
    )
    op.create_index('ix_briefings_employee_held', 'briefings', ['employee_id', 'held_on'], unique=False)
    op.create_index(op.f('ix_briefings_held_on'), 'briefings', ['held_on'], unique=False)
    op.create_index(op.f('ix_briefings_instructor_id'), 'briefings', ['instructor_id'], unique=False)
    op.create_index(op.f('ix_briefings_kind'), 'briefings', ['kind'], unique=False)
    op.create_index(op.f('ix_briefings_next_due'), 'briefings', ['next_due'], unique=False)
    op.create_table('check_commissions',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('order_no', sa.String(length=50), nullable=False),
    sa.Column('order_date', sa.Date(), nullable=False),
    sa.Column('chair_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['chair_id'], ['employees.id'], name=op.f('fk_check_commissions_chair_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_commissions'))
    )
    op.create_index(op.f('ix_check_commissions_chair_id'), 'check_commissions', ['chair_id'], unique=False)
    op.create_table('check_commission_members',
    sa.Column('commission_id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['commission_id'], ['check_commissions.id'], name=op.f('fk_check_commission_members_commission_id_check_commissions')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_check_commission_members_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_commission_members'))
    )
    op.create_index(op.f('ix_check_commission_members_commission_id'), 'check_commission_members', ['commission_id'], unique=False)
    op.create_index(op.f('ix_check_commission_members_employee_id'), 'check_commission_members', ['employee_id'], unique=False)
    op.create_table('check_sessions',
    sa.Column('number', sa.String(length=50), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('commission_id', sa.Integer(), nullable=True),
    sa.Column('external_body', sa.String(length=300), nullable=False),
    sa.Column('programme', sa.String(length=500), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['commission_id'], ['check_commissions.id'], name=op.f('fk_check_sessions_commission_id_check_commissions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_sessions'))
    )
    op.create_index(op.f('ix_check_sessions_commission_id'), 'check_sessions', ['commission_id'], unique=False)
    op.create_index(op.f('ix_check_sessions_held_on'), 'check_sessions', ['held_on'], unique=False)
    op.create_table('check_results',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('certificate_no', sa.String(length=50), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('score', sa.Double(), nullable=True),
    sa.Column('test', sa.JSON(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_check_results_employee_id_employees')),
    sa.ForeignKeyConstraint(['session_id'], ['check_sessions.id'], name=op.f('fk_check_results_session_id_check_sessions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_results'))
    )
    op.create_index('ix_check_results_employee_checked', 'check_results', ['employee_id', 'checked_on'], unique=False)
    op.create_index(op.f('ix_check_results_session_id'), 'check_results', ['session_id'], unique=False)
    op.create_index(op.f('ix_check_results_valid_until'), 'check_results', ['valid_until'], unique=False)
    _seed_norms()


def downgrade() -> None:
    op.drop_index(op.f('ix_check_results_valid_until'), table_name='check_results')
    op.drop_index(op.f('ix_check_results_session_id'), table_name='check_results')
    op.drop_index('ix_check_results_employee_checked', table_name='check_results')
    op.drop_table('check_results')
    op.drop_index(op.f('ix_check_sessions_held_on'), table_name='check_sessions')
    op.drop_index(op.f('ix_check_sessions_commission_id'), table_name='check_sessions')
    op.drop_table('check_sessions')
    op.drop_index(op.f('ix_check_commission_members_employee_id'), table_name='check_commission_members')
    op.drop_index(op.f('ix_check_commission_members_commission_id'), table_name='check_commission_members')
    op.drop_table('check_commission_members')
    op.drop_index(op.f('ix_check_commissions_chair_id'), table_name='check_commissions')
    op.drop_table('check_commissions')
    op.drop_index(op.f('ix_briefings_next_due'), table_name='briefings')
    op.drop_index(op.f('ix_briefings_kind'), table_name='briefings')
    op.drop_index(op.f('ix_briefings_instructor_id'), table_name='briefings')
    op.drop_index(op.f('ix_briefings_held_on'), table_name='briefings')
    op.drop_index('ix_briefings_employee_held', table_name='briefings')
    op.drop_table('briefings')
    op.drop_table('training_norms')
    op.drop_index(op.f('ix_test_questions_topic'), table_name='test_questions')
    op.drop_table('test_questions')
