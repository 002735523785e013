"""external certificates, contractors and their workers, monthly OHS days

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

KINDS = Path(__file__).resolve().parents[3] / "resources" / "reference" / "certificate_kinds.json"


def _seed_kinds() -> None:
    """The kinds of certificates and their usual validity, each with its legal basis."""
    data = json.loads(KINDS.read_text(encoding="utf-8"))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    table = sa.table(
        "certificate_kinds",
        *(sa.column(c) for c in ("code", "name_kk", "name_ru", "name_en", "legal_basis")),
        sa.column("valid_months", sa.Integer()),
        sa.column("electrical", sa.Boolean()),
        sa.column("edition", sa.Date()),
        *(sa.column(c) for c in ("created_at", "updated_at", "created_by", "version")),
    )
    op.bulk_insert(
        table,
        [
            {
                "code": k["code"],
                "name_kk": k["name_kk"],
                "name_ru": k["name_ru"],
                "name_en": k["name_en"],
                "legal_basis": k["legal_basis"],
                "valid_months": k["valid_months"],
                "electrical": k["electrical"],
                "edition": dt.date.fromisoformat(k["edition"]) if k["edition"] else None,
                "created_at": now,
                "updated_at": now,
                "created_by": "",
                "version": 1,
            }
            for k in data["kinds"]
        ],
    )


def upgrade() -> None:
    op.create_table('certificate_kinds',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name_kk', sa.String(length=300), nullable=False),
    sa.Column('name_ru', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=False),
    sa.Column('valid_months', sa.Integer(), nullable=True),
    sa.Column('electrical', sa.Boolean(), nullable=False),
    sa.Column('legal_basis', sa.String(length=500), nullable=False),
    sa.Column('edition', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate_kinds')),
    sa.UniqueConstraint('code', name=op.f('uq_certificate_kinds_code'))
    )
    op.create_table('contractors',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('bin', sa.String(length=12), nullable=False),
    sa.Column('address', sa.String(length=500), nullable=False),
    sa.Column('contact', sa.String(length=300), nullable=False),
    sa.Column('contract_no', sa.String(length=50), nullable=False),
    sa.Column('contract_from', sa.Date(), nullable=True),
    sa.Column('contract_to', sa.Date(), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('scope', sa.String(length=500), nullable=False),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['contractors.id'], name=op.f('fk_contractors_parent_id_contractors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contractors'))
    )
    op.create_index(op.f('ix_contractors_bin'), 'contractors', ['bin'], unique=False)
    op.create_index(op.f('ix_contractors_contract_to'), 'contractors', ['contract_to'], unique=False)
    op.create_index(op.f('ix_contractors_name'), 'contractors', ['name'], unique=False)
    op.create_table('contractor_workers',
    sa.Column('contractor_id', sa.Integer(), nullable=False),
    sa.Column('iin', sa.String(length=12), nullable=False),
    sa.Column('surname', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('patronymic', sa.String(length=100), nullable=False),
    sa.Column('position', sa.String(length=300), nullable=False),
    sa.Column('electrical_group', sa.Integer(), nullable=True),
    sa.Column('arrived_on', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    # Compared by code point on both engines (see safedesk.db.types.SortKey).
    sa.Column('sort_name', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('search_text', sa.String(length=400), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['contractor_id'], ['contractors.id'], name=op.f('fk_contractor_workers_contractor_id_contractors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contractor_workers'))
    )
    op.create_index('ix_contractor_workers_contractor_sort', 'contractor_workers', ['contractor_id', 'sort_name'], unique=False)
    op.create_index(op.f('ix_contractor_workers_iin'), 'contractor_workers', ['iin'], unique=False)
    op.create_index(op.f('ix_contractor_workers_sort_name'), 'contractor_workers', ['sort_name'], unique=False)
    op.create_table('certificates',
    sa.Column('employee_id', sa.Integer(), nullable=True),
    sa.Column('contractor_worker_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('number', sa.String(length=50), nullable=False),
    sa.Column('issued_by', sa.String(length=300), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('electrical_group', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(employee_id IS NULL) <> (contractor_worker_id IS NULL)', name=op.f('ck_certificates_one_holder')),
    sa.ForeignKeyConstraint(['contractor_worker_id'], ['contractor_workers.id'], name=op.f('fk_certificates_contractor_worker_id_contractor_workers')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_certificates_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificates'))
    )
    op.create_index('ix_certificates_employee_kind', 'certificates', ['employee_id', 'kind'], unique=False)
    op.create_index(op.f('ix_certificates_issued_on'), 'certificates', ['issued_on'], unique=False)
    op.create_index(op.f('ix_certificates_kind'), 'certificates', ['kind'], unique=False)
    op.create_index(op.f('ix_certificates_valid_to'), 'certificates', ['valid_to'], unique=False)
    op.create_index('ix_certificates_worker_kind', 'certificates', ['contractor_worker_id', 'kind'], unique=False)
    op.create_table('contractor_briefings',
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('instructor_id', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=500), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('next_due', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['instructor_id'], ['employees.id'], name=op.f('fk_contractor_briefings_instructor_id_employees')),
    sa.ForeignKeyConstraint(['worker_id'], ['contractor_workers.id'], name=op.f('fk_contractor_briefings_worker_id_contractor_workers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contractor_briefings'))
    )
    op.create_index(op.f('ix_contractor_briefings_held_on'), 'contractor_briefings', ['held_on'], unique=False)
    op.create_index(op.f('ix_contractor_briefings_instructor_id'), 'contractor_briefings', ['instructor_id'], unique=False)
    op.create_index(op.f('ix_contractor_briefings_next_due'), 'contractor_briefings', ['next_due'], unique=False)
    op.create_index('ix_contractor_briefings_worker_held', 'contractor_briefings', ['worker_id', 'held_on'], unique=False)
    op.create_table('contractor_checks',
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('checked_by', sa.String(length=300), nullable=False),
    sa.Column('protocol_no', sa.String(length=50), nullable=False),
    sa.Column('certificate_no', sa.String(length=50), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['worker_id'], ['contractor_workers.id'], name=op.f('fk_contractor_checks_worker_id_contractor_workers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contractor_checks'))
    )
    op.create_index(op.f('ix_contractor_checks_valid_until'), 'contractor_checks', ['valid_until'], unique=False)
    op.create_index('ix_contractor_checks_worker_checked', 'contractor_checks', ['worker_id', 'checked_on'], unique=False)
    op.create_table('safety_days',
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('topic', sa.String(length=500), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('leader_id', sa.Integer(), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['leader_id'], ['employees.id'], name=op.f('fk_safety_days_leader_id_employees')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_safety_days_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_days'))
    )
    op.create_index(op.f('ix_safety_days_held_on'), 'safety_days', ['held_on'], unique=False)
    op.create_index(op.f('ix_safety_days_unit_id'), 'safety_days', ['unit_id'], unique=False)
    op.create_table('safety_day_attendance',
    sa.Column('safety_day_id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_safety_day_attendance_employee_id_employees')),
    sa.ForeignKeyConstraint(['safety_day_id'], ['safety_days.id'], name=op.f('fk_safety_day_attendance_safety_day_id_safety_days')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_day_attendance')),
    sa.UniqueConstraint('safety_day_id', 'employee_id', name=op.f('uq_safety_day_attendance_safety_day_id_employee_id'))
    )
    op.create_index(op.f('ix_safety_day_attendance_employee_id'), 'safety_day_attendance', ['employee_id'], unique=False)
    op.create_index(op.f('ix_safety_day_attendance_safety_day_id'), 'safety_day_attendance', ['safety_day_id'], unique=False)
    _seed_kinds()


def downgrade() -> None:
    op.drop_index(op.f('ix_safety_day_attendance_safety_day_id'), table_name='safety_day_attendance')
    op.drop_index(op.f('ix_safety_day_attendance_employee_id'), table_name='safety_day_attendance')
    op.drop_table('safety_day_attendance')
    op.drop_index(op.f('ix_safety_days_unit_id'), table_name='safety_days')
    op.drop_index(op.f('ix_safety_days_held_on'), table_name='safety_days')
    op.drop_table('safety_days')
    op.drop_index('ix_contractor_checks_worker_checked', table_name='contractor_checks')
    op.drop_index(op.f('ix_contractor_checks_valid_until'), table_name='contractor_checks')
    op.drop_table('contractor_checks')
    op.drop_index('ix_contractor_briefings_worker_held', table_name='contractor_briefings')
    op.drop_index(op.f('ix_contractor_briefings_next_due'), table_name='contractor_briefings')
    op.drop_index(op.f('ix_contractor_briefings_instructor_id'), table_name='contractor_briefings')
    op.drop_index(op.f('ix_contractor_briefings_held_on'), table_name='contractor_briefings')
    op.drop_table('contractor_briefings')
    op.drop_index('ix_certificates_worker_kind', table_name='certificates')
    op.drop_index(op.f('ix_certificates_valid_to'), table_name='certificates')
    op.drop_index(op.f('ix_certificates_kind'), table_name='certificates')
    op.drop_index(op.f('ix_certificates_issued_on'), table_name='certificates')
    op.drop_index('ix_certificates_employee_kind', table_name='certificates')
    op.drop_table('certificates')
    op.drop_index(op.f('ix_contractor_workers_sort_name'), table_name='contractor_workers')
    op.drop_index(op.f('ix_contractor_workers_iin'), table_name='contractor_workers')
    op.drop_index('ix_contractor_workers_contractor_sort', table_name='contractor_workers')
    op.drop_table('contractor_workers')
    op.drop_index(op.f('ix_contractors_name'), table_name='contractors')
    op.drop_index(op.f('ix_contractors_contract_to'), table_name='contractors')
    op.drop_index(op.f('ix_contractors_bin'), table_name='contractors')
    op.drop_table('contractors')
    op.drop_table('certificate_kinds')
