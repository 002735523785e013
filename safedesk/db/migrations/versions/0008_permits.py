"""permit-to-work log: permits, roles, crew, isolations, gas tests, admissions

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

REFERENCE = Path(__file__).resolve().parents[3] / "resources" / "reference" / "permits.json"
COMMON = ("created_at", "updated_at", "created_by", "version")


def _seed() -> None:
    """Permit type rules, gas limits and settings, each with its legal basis and edition."""
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    common = {"created_at": now, "updated_at": now, "created_by": "", "version": 1}

    def table(name: str, *columns: str, json_columns: tuple[str, ...] = ()) -> sa.TableClause:
        return sa.table(
            name,
            *(sa.column(c) for c in columns),
            *(sa.column(c, sa.JSON()) for c in json_columns),
            sa.column("edition", sa.Date()),
            *(sa.column(c) for c in COMMON),
        )

    types = table(
        "permit_type_rules",
        "code", "name_kk", "name_ru", "gas_test", "isolation_required", "legal_basis",
        json_columns=("required_roles", "distinct", "certificates", "electrical_groups"),
    )
    op.bulk_insert(
        types,
        [
            {
                **{k: t[k] for k in (
                    "code", "name_kk", "name_ru", "gas_test", "isolation_required",
                    "legal_basis", "required_roles", "distinct", "certificates",
                    "electrical_groups",
                )},
                "edition": dt.date.fromisoformat(t["edition"]),
                **common,
            }
            for t in data["types"]
        ],
    )
    limits = table(
        "permit_gas_limits",
        "gas", "low", "high", "low_inclusive", "high_inclusive", "unit", "legal_basis",
    )
    op.bulk_insert(
        limits,
        [
            {
                **{k: g[k] for k in (
                    "gas", "low", "high", "low_inclusive", "high_inclusive", "unit", "legal_basis"
                )},
                "edition": dt.date.fromisoformat(g["edition"]),
                **common,
            }
            for g in data["gas_limits"]
        ],
    )
    settings = table("permit_settings", "code", "value", "name_kk", "name_ru", "legal_basis")
    op.bulk_insert(
        settings,
        [
            {
                **{k: s[k] for k in ("code", "value", "name_kk", "name_ru", "legal_basis")},
                "edition": dt.date.fromisoformat(s["edition"]),
                **common,
            }
            for s in data["settings"]
        ],
    )


def upgrade() -> None:
    op.create_table('permit_gas_limits',
    sa.Column('gas', sa.String(length=10), nullable=False),
    sa.Column('low', sa.Double(), nullable=True),
    sa.Column('high', sa.Double(), nullable=True),
    sa.Column('low_inclusive', sa.Boolean(), nullable=False),
    sa.Column('high_inclusive', sa.Boolean(), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('legal_basis', sa.String(length=500), nullable=False),
    sa.Column('edition', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit_gas_limits')),
    sa.UniqueConstraint('gas', name=op.f('uq_permit_gas_limits_gas'))
    )
    op.create_table('permit_settings',
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.Column('name_kk', sa.String(length=300), nullable=False),
    sa.Column('name_ru', sa.String(length=300), nullable=False),
    sa.Column('legal_basis', sa.String(length=500), nullable=False),
    sa.Column('edition', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit_settings')),
    sa.UniqueConstraint('code', name=op.f('uq_permit_settings_code'))
    )
    op.create_table('permit_type_rules',
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name_kk', sa.String(length=300), nullable=False),
    sa.Column('name_ru', sa.String(length=300), nullable=False),
    sa.Column('required_roles', sa.JSON(), nullable=False),
    sa.Column('distinct', sa.JSON(), nullable=False),
    sa.Column('certificates', sa.JSON(), nullable=False),
    sa.Column('electrical_groups', sa.JSON(), nullable=False),
    sa.Column('gas_test', sa.Boolean(), nullable=False),
    sa.Column('isolation_required', sa.Boolean(), nullable=False),
    sa.Column('legal_basis', sa.String(length=500), nullable=False),
    sa.Column('edition', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit_type_rules')),
    sa.UniqueConstraint('code', name=op.f('uq_permit_type_rules_code'))
    )
    op.create_table('permits',
    sa.Column('number', sa.String(length=50), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=30), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('location', sa.String(length=500), nullable=False),
    sa.Column('work', sa.Text(), nullable=False),
    sa.Column('planned_start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('planned_end', sa.DateTime(timezone=True), nullable=False),
    sa.Column('original_end', sa.DateTime(timezone=True), nullable=False),
    sa.Column('copied_from_id', sa.Integer(), nullable=True),
    sa.Column('work_finished', sa.Boolean(), nullable=False),
    sa.Column('crew_withdrawn', sa.Boolean(), nullable=False),
    sa.Column('reported_to', sa.String(length=300), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['copied_from_id'], ['permits.id'], name=op.f('fk_permits_copied_from_id_permits')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_permits_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permits')),
    sa.UniqueConstraint('number', name=op.f('uq_permits_number')),
    sa.UniqueConstraint('year', 'seq', name=op.f('uq_permits_year_seq'))
    )
    op.create_index(op.f('ix_permits_closed_at'), 'permits', ['closed_at'], unique=False)
    op.create_index(op.f('ix_permits_planned_end'), 'permits', ['planned_end'], unique=False)
    op.create_index(op.f('ix_permits_planned_start'), 'permits', ['planned_start'], unique=False)
    op.create_index('ix_permits_state_end', 'permits', ['state', 'planned_end'], unique=False)
    op.create_index(op.f('ix_permits_type'), 'permits', ['type'], unique=False)
    op.create_index(op.f('ix_permits_unit_id'), 'permits', ['unit_id'], unique=False)
    op.create_table('permit_extensions',
    sa.Column('permit_id', sa.Integer(), nullable=False),
    sa.Column('old_end', sa.DateTime(timezone=True), nullable=False),
    sa.Column('new_end', sa.DateTime(timezone=True), nullable=False),
    sa.Column('approved_by_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_id'], ['employees.id'], name=op.f('fk_permit_extensions_approved_by_id_employees')),
    sa.ForeignKeyConstraint(['permit_id'], ['permits.id'], name=op.f('fk_permit_extensions_permit_id_permits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit_extensions'))
    )
    op.create_index(op.f('ix_permit_extensions_permit_id'), 'permit_extensions', ['permit_id'], unique=False)
    op.create_table('permit_gas_tests',
    sa.Column('permit_id', sa.Integer(), nullable=False),
    sa.Column('taken_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('o2', sa.Double(), nullable=True),
    sa.Column('lel', sa.Double(), nullable=True),
    sa.Column('co', sa.Double(), nullable=True),
    sa.Column('h2s', sa.Double(), nullable=True),
    sa.Column('within_limits', sa.Boolean(), nullable=False),
    sa.Column('measured_by_id', sa.Integer(), nullable=True),
    sa.Column('instrument', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['measured_by_id'], ['employees.id'], name=op.f('fk_permit_gas_tests_measured_by_id_employees')),
    sa.ForeignKeyConstraint(['permit_id'], ['permits.id'], name=op.f('fk_permit_gas_tests_permit_id_permits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit_gas_tests'))
    )
    op.create_index('ix_permit_gas_tests_permit_taken', 'permit_gas_tests', ['permit_id', 'taken_at'], unique=False)
    op.create_table('permit_isolations',
    sa.Column('permit_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('point', sa.String(length=300), nullable=False),
    sa.Column('method', sa.String(length=300), nullable=False),
    sa.Column('lock_no', sa.String(length=50), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('applied_by_id', sa.Integer(), nullable=True),
    sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('removed_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['applied_by_id'], ['employees.id'], name=op.f('fk_permit_isolations_applied_by_id_employees')),
    sa.ForeignKeyConstraint(['permit_id'], ['permits.id'], name=op.f('fk_permit_isolations_permit_id_permits')),
    sa.ForeignKeyConstraint(['removed_by_id'], ['employees.id'], name=op.f('fk_permit_isolations_removed_by_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit_isolations'))
    )
    op.create_index(op.f('ix_permit_isolations_permit_id'), 'permit_isolations', ['permit_id'], unique=False)
    op.create_index('uq_permit_isolations_held_lock', 'permit_isolations', ['lock_no'], unique=True, sqlite_where=sa.text("removed_at IS NULL AND lock_no <> ''"), postgresql_where=sa.text("removed_at IS NULL AND lock_no <> ''"))
    op.create_table('permit_lines',
    sa.Column('permit_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=1000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['permit_id'], ['permits.id'], name=op.f('fk_permit_lines_permit_id_permits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit_lines'))
    )
    op.create_index(op.f('ix_permit_lines_permit_id'), 'permit_lines', ['permit_id'], unique=False)
    op.create_table('permit_overrides',
    sa.Column('permit_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('gate_reasons', sa.JSON(), nullable=False),
    sa.Column('reason', sa.String(length=1000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['permit_id'], ['permits.id'], name=op.f('fk_permit_overrides_permit_id_permits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit_overrides'))
    )
    op.create_index(op.f('ix_permit_overrides_permit_id'), 'permit_overrides', ['permit_id'], unique=False)
    op.create_table('permit_roles',
    sa.Column('permit_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=True),
    sa.Column('contractor_worker_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('(employee_id IS NULL) <> (contractor_worker_id IS NULL)', name=op.f('ck_permit_roles_one_person')),
    sa.ForeignKeyConstraint(['contractor_worker_id'], ['contractor_workers.id'], name=op.f('fk_permit_roles_contractor_worker_id_contractor_workers')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_permit_roles_employee_id_employees')),
    sa.ForeignKeyConstraint(['permit_id'], ['permits.id'], name=op.f('fk_permit_roles_permit_id_permits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit_roles')),
    sa.UniqueConstraint('permit_id', 'role', name=op.f('uq_permit_roles_permit_id_role'))
    )
    op.create_index(op.f('ix_permit_roles_contractor_worker_id'), 'permit_roles', ['contractor_worker_id'], unique=False)
    op.create_index(op.f('ix_permit_roles_employee_id'), 'permit_roles', ['employee_id'], unique=False)
    op.create_table('permit_shifts',
    sa.Column('permit_id', sa.Integer(), nullable=False),
    sa.Column('admitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('admitted_by_id', sa.Integer(), nullable=False),
    sa.Column('supervisor_id', sa.Integer(), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ended_by_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['admitted_by_id'], ['employees.id'], name=op.f('fk_permit_shifts_admitted_by_id_employees')),
    sa.ForeignKeyConstraint(['ended_by_id'], ['employees.id'], name=op.f('fk_permit_shifts_ended_by_id_employees')),
    sa.ForeignKeyConstraint(['permit_id'], ['permits.id'], name=op.f('fk_permit_shifts_permit_id_permits')),
    sa.ForeignKeyConstraint(['supervisor_id'], ['employees.id'], name=op.f('fk_permit_shifts_supervisor_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit_shifts'))
    )
    op.create_index(op.f('ix_permit_shifts_permit_id'), 'permit_shifts', ['permit_id'], unique=False)
    op.create_table('permit_transitions',
    sa.Column('permit_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('from_state', sa.String(length=20), nullable=False),
    sa.Column('to_state', sa.String(length=20), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('signed_by_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['permit_id'], ['permits.id'], name=op.f('fk_permit_transitions_permit_id_permits')),
    sa.ForeignKeyConstraint(['signed_by_id'], ['employees.id'], name=op.f('fk_permit_transitions_signed_by_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit_transitions'))
    )
    op.create_index(op.f('ix_permit_transitions_permit_id'), 'permit_transitions', ['permit_id'], unique=False)
    op.create_table('permit_crew',
    sa.Column('permit_id', sa.Integer(), nullable=False),
    sa.Column('employee_id', sa.Integer(), nullable=True),
    sa.Column('contractor_worker_id', sa.Integer(), nullable=True),
    sa.Column('electrical_group', sa.Integer(), nullable=True),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('left_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.Column('briefed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('briefed_by_id', sa.Integer(), nullable=True),
    sa.Column('briefing_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('(employee_id IS NULL) <> (contractor_worker_id IS NULL)', name=op.f('ck_permit_crew_one_person')),
    sa.ForeignKeyConstraint(['briefed_by_id'], ['employees.id'], name=op.f('fk_permit_crew_briefed_by_id_employees')),
    sa.ForeignKeyConstraint(['briefing_id'], ['briefings.id'], name=op.f('fk_permit_crew_briefing_id_briefings')),
    sa.ForeignKeyConstraint(['changed_by_id'], ['employees.id'], name=op.f('fk_permit_crew_changed_by_id_employees')),
    sa.ForeignKeyConstraint(['contractor_worker_id'], ['contractor_workers.id'], name=op.f('fk_permit_crew_contractor_worker_id_contractor_workers')),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_permit_crew_employee_id_employees')),
    sa.ForeignKeyConstraint(['permit_id'], ['permits.id'], name=op.f('fk_permit_crew_permit_id_permits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permit_crew'))
    )
    op.create_index(op.f('ix_permit_crew_contractor_worker_id'), 'permit_crew', ['contractor_worker_id'], unique=False)
    op.create_index(op.f('ix_permit_crew_employee_id'), 'permit_crew', ['employee_id'], unique=False)
    op.create_index(op.f('ix_permit_crew_permit_id'), 'permit_crew', ['permit_id'], unique=False)
    _seed()


def downgrade() -> None:
    op.drop_index(op.f('ix_permit_crew_permit_id'), table_name='permit_crew')
    op.drop_index(op.f('ix_permit_crew_employee_id'), table_name='permit_crew')
    op.drop_index(op.f('ix_permit_crew_contractor_worker_id'), table_name='permit_crew')
    op.drop_table('permit_crew')
    op.drop_index(op.f('ix_permit_transitions_permit_id'), table_name='permit_transitions')
    op.drop_table('permit_transitions')
    op.drop_index(op.f('ix_permit_shifts_permit_id'), table_name='permit_shifts')
    op.drop_table('permit_shifts')
    op.drop_index(op.f('ix_permit_roles_employee_id'), table_name='permit_roles')
    op.drop_index(op.f('ix_permit_roles_contractor_worker_id'), table_name='permit_roles')
    op.drop_table('permit_roles')
    op.drop_index(op.f('ix_permit_overrides_permit_id'), table_name='permit_overrides')
    op.drop_table('permit_overrides')
    op.drop_index(op.f('ix_permit_lines_permit_id'), table_name='permit_lines')
    op.drop_table('permit_lines')
    op.drop_index('uq_permit_isolations_held_lock', table_name='permit_isolations', sqlite_where=sa.text("removed_at IS NULL AND lock_no <> ''"), postgresql_where=sa.text("removed_at IS NULL AND lock_no <> ''"))
    op.drop_index(op.f('ix_permit_isolations_permit_id'), table_name='permit_isolations')
    op.drop_table('permit_isolations')
    op.drop_index('ix_permit_gas_tests_permit_taken', table_name='permit_gas_tests')
    op.drop_table('permit_gas_tests')
    op.drop_index(op.f('ix_permit_extensions_permit_id'), table_name='permit_extensions')
    op.drop_table('permit_extensions')
    op.drop_index(op.f('ix_permits_unit_id'), table_name='permits')
    op.drop_index(op.f('ix_permits_type'), table_name='permits')
    op.drop_index('ix_permits_state_end', table_name='permits')
    op.drop_index(op.f('ix_permits_planned_start'), table_name='permits')
    op.drop_index(op.f('ix_permits_planned_end'), table_name='permits')
    op.drop_index(op.f('ix_permits_closed_at'), table_name='permits')
    op.drop_table('permits')
    op.drop_table('permit_type_rules')
    op.drop_table('permit_settings')
    op.drop_table('permit_gas_limits')
