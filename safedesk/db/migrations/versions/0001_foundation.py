"""registers of the foundation: organisation, staff, responsible persons, audit log

Revision ID: 0001
Revises: 
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user', sa.String(length=100), nullable=False),
    sa.Column('table_name', sa.String(length=100), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_table('organisation',
    sa.Column('name_kk', sa.String(length=300), nullable=False),
    sa.Column('name_ru', sa.String(length=300), nullable=False),
    sa.Column('bin', sa.String(length=12), nullable=False),
    sa.Column('address', sa.String(length=500), nullable=False),
    sa.Column('head_name', sa.String(length=200), nullable=False),
    sa.Column('head_position', sa.String(length=200), nullable=False),
    sa.Column('headcount', sa.Integer(), nullable=False),
    sa.Column('phone', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation'))
    )
    op.create_table('positions',
    sa.Column('name_kk', sa.String(length=300), nullable=False),
    sa.Column('name_ru', sa.String(length=300), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('harmful', sa.Boolean(), nullable=False),
    sa.Column('electrical_group_required', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_positions'))
    )
    op.create_table('units',
    sa.Column('name_kk', sa.String(length=300), nullable=False),
    sa.Column('name_ru', sa.String(length=300), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['units.id'], name=op.f('fk_units_parent_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units'))
    )
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_units_parent_id'), ['parent_id'], unique=False)

    op.create_table('employees',
    sa.Column('iin', sa.String(length=12), nullable=False),
    sa.Column('surname', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('patronymic', sa.String(length=100), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('personnel_no', sa.String(length=30), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('position_id', sa.Integer(), nullable=True),
    sa.Column('hire_date', sa.Date(), nullable=True),
    sa.Column('dismissal_date', sa.Date(), nullable=True),
    sa.Column('electrical_group', sa.Integer(), nullable=True),
    sa.Column('height_cm', sa.Integer(), nullable=True),
    sa.Column('clothing_size', sa.String(length=20), nullable=False),
    sa.Column('shoe_size', sa.String(length=20), nullable=False),
    sa.Column('head_size', sa.String(length=20), nullable=False),
    sa.Column('glove_size', sa.String(length=20), nullable=False),
    sa.Column('search_text', sa.String(length=400), nullable=False),
    # Compared by code point on both engines (see safedesk.db.types.SortKey).
    sa.Column('sort_name', sa.String(length=400).with_variant(sa.String(length=400, collation='C'), 'postgresql'), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['position_id'], ['positions.id'], name=op.f('fk_employees_position_id_positions')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_employees_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employees')),
    sa.UniqueConstraint('iin', name=op.f('uq_employees_iin'))
    )
    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employees_birth_date'), ['birth_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_employees_dismissal_date'), ['dismissal_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_employees_hire_date'), ['hire_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_employees_personnel_no'), ['personnel_no'], unique=False)
        batch_op.create_index('ix_employees_position_sort', ['position_id', 'sort_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_employees_sort_name'), ['sort_name'], unique=False)
        batch_op.create_index('ix_employees_unit_sort', ['unit_id', 'sort_name'], unique=False)

    op.create_table('responsible_persons',
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('duties', sa.JSON(), nullable=False),
    sa.Column('order_no', sa.String(length=50), nullable=False),
    sa.Column('order_date', sa.Date(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=1000), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_responsible_persons_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_responsible_persons'))
    )
    with op.batch_alter_table('responsible_persons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_responsible_persons_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_responsible_persons_order_date'), ['order_date'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('responsible_persons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_responsible_persons_order_date'))
        batch_op.drop_index(batch_op.f('ix_responsible_persons_employee_id'))

    op.drop_table('responsible_persons')
    with op.batch_alter_table('employees', schema=None) as batch_op:
        batch_op.drop_index('ix_employees_unit_sort')
        batch_op.drop_index(batch_op.f('ix_employees_sort_name'))
        batch_op.drop_index('ix_employees_position_sort')
        batch_op.drop_index(batch_op.f('ix_employees_personnel_no'))
        batch_op.drop_index(batch_op.f('ix_employees_hire_date'))
        batch_op.drop_index(batch_op.f('ix_employees_dismissal_date'))
        batch_op.drop_index(batch_op.f('ix_employees_birth_date'))

    op.drop_table('employees')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_units_parent_id'))

    op.drop_table('units')
    op.drop_table('positions')
    op.drop_table('organisation')
    op.drop_table('audit_log')
