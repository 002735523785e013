"""PPE catalogue, norms, stock, issuance, milk

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# versions/ → migrations/ → db/ → safedesk/
REFERENCE = Path(__file__).resolve().parents[3] / "resources" / "reference"


def upgrade() -> None:
    op.create_table('ppe_items',
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('name_kk', sa.String(length=300), nullable=False),
    sa.Column('name_ru', sa.String(length=300), nullable=False),
    sa.Column('standard', sa.String(length=300), nullable=False),
    sa.Column('unit', sa.String(length=10), nullable=False),
    sa.Column('size_kind', sa.String(length=10), nullable=False),
    sa.Column('sizes', sa.JSON(), nullable=False),
    sa.Column('test_interval_months', sa.Integer(), nullable=True),
    sa.Column('test_basis', sa.String(length=500), nullable=False),
    sa.Column('test_edition', sa.Date(), nullable=True),
    sa.Column('search_text', sa.String(length=700), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ppe_items'))
    )
    with op.batch_alter_table('ppe_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ppe_items_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_ppe_items_kind'), ['kind'], unique=False)

    op.create_table('ppe_norm_sets',
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('name_kk', sa.String(length=300), nullable=False),
    sa.Column('name_ru', sa.String(length=300), nullable=False),
    sa.Column('legal_basis', sa.String(length=500), nullable=False),
    sa.Column('edition_date', sa.Date(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ppe_norm_sets'))
    )
    with op.batch_alter_table('ppe_norm_sets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ppe_norm_sets_code'), ['code'], unique=False)

    op.create_table('milk_norms',
    sa.Column('position_id', sa.Integer(), nullable=True),
    sa.Column('form', sa.String(length=20), nullable=False),
    sa.Column('ml_per_shift', sa.Integer(), nullable=False),
    sa.Column('legal_basis', sa.String(length=500), nullable=False),
    sa.Column('edition_date', sa.Date(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['position_id'], ['positions.id'], name=op.f('fk_milk_norms_position_id_positions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milk_norms'))
    )
    with op.batch_alter_table('milk_norms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milk_norms_position_id'), ['position_id'], unique=False)

    op.create_table('ppe_norm_lines',
    sa.Column('norm_set_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('clause', sa.String(length=50), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('wear', sa.String(length=12), nullable=False),
    sa.Column('wear_months', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['ppe_items.id'], name=op.f('fk_ppe_norm_lines_item_id_ppe_items')),
    sa.ForeignKeyConstraint(['norm_set_id'], ['ppe_norm_sets.id'], name=op.f('fk_ppe_norm_lines_norm_set_id_ppe_norm_sets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ppe_norm_lines'))
    )
    with op.batch_alter_table('ppe_norm_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ppe_norm_lines_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ppe_norm_lines_norm_set_id'), ['norm_set_id'], unique=False)

    op.create_table('ppe_position_norms',
    sa.Column('position_id', sa.Integer(), nullable=False),
    sa.Column('norm_set_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['norm_set_id'], ['ppe_norm_sets.id'], name=op.f('fk_ppe_position_norms_norm_set_id_ppe_norm_sets')),
    sa.ForeignKeyConstraint(['position_id'], ['positions.id'], name=op.f('fk_ppe_position_norms_position_id_positions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ppe_position_norms')),
    sa.UniqueConstraint('position_id', 'norm_set_id', name=op.f('uq_ppe_position_norms_position_id_norm_set_id'))
    )
    with op.batch_alter_table('ppe_position_norms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ppe_position_norms_norm_set_id'), ['norm_set_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ppe_position_norms_position_id'), ['position_id'], unique=False)

    op.create_table('ppe_receipts',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('size', sa.String(length=20), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('receipt_date', sa.Date(), nullable=False),
    sa.Column('document', sa.String(length=100), nullable=False),
    sa.Column('certificate', sa.String(length=200), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['ppe_items.id'], name=op.f('fk_ppe_receipts_item_id_ppe_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ppe_receipts'))
    )
    with op.batch_alter_table('ppe_receipts', schema=None) as batch_op:
        batch_op.create_index('ix_ppe_receipts_item_size', ['item_id', 'size'], unique=False)
        batch_op.create_index(batch_op.f('ix_ppe_receipts_receipt_date'), ['receipt_date'], unique=False)

    op.create_table('milk_issues',
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('form', sa.String(length=20), nullable=False),
    sa.Column('shifts', sa.Integer(), nullable=False),
    sa.Column('quantity_ml', sa.Integer(), nullable=False),
    sa.Column('amount_kzt', sa.Integer(), nullable=False),
    sa.Column('issue_date', sa.Date(), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_milk_issues_employee_id_employees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milk_issues'))
    )
    with op.batch_alter_table('milk_issues', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milk_issues_employee_id'), ['employee_id'], unique=False)
        batch_op.create_index('ix_milk_issues_month_employee', ['month', 'employee_id'], unique=False)

    op.create_table('ppe_issues',
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('size', sa.String(length=20), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('issue_date', sa.Date(), nullable=False),
    sa.Column('certificate', sa.String(length=200), nullable=False),
    sa.Column('wear', sa.String(length=12), nullable=False),
    sa.Column('wear_months', sa.Integer(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('outside_norm', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_ppe_issues_employee_id_employees')),
    sa.ForeignKeyConstraint(['item_id'], ['ppe_items.id'], name=op.f('fk_ppe_issues_item_id_ppe_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ppe_issues'))
    )
    with op.batch_alter_table('ppe_issues', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ppe_issues_closed_on'), ['closed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_ppe_issues_due_date'), ['due_date'], unique=False)
        batch_op.create_index('ix_ppe_issues_employee_item', ['employee_id', 'item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ppe_issues_issue_date'), ['issue_date'], unique=False)
        batch_op.create_index('ix_ppe_issues_item_size', ['item_id', 'size'], unique=False)

    op.create_table('ppe_personal_norms',
    sa.Column('employee_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('wear', sa.String(length=12), nullable=False),
    sa.Column('wear_months', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['employee_id'], ['employees.id'], name=op.f('fk_ppe_personal_norms_employee_id_employees')),
    sa.ForeignKeyConstraint(['item_id'], ['ppe_items.id'], name=op.f('fk_ppe_personal_norms_item_id_ppe_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ppe_personal_norms'))
    )
    with op.batch_alter_table('ppe_personal_norms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ppe_personal_norms_employee_id'), ['employee_id'], unique=False)

    op.create_table('protective_equipment',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('inventory_no', sa.String(length=50), nullable=False),
    sa.Column('test_interval_months', sa.Integer(), nullable=True),
    sa.Column('last_test_date', sa.Date(), nullable=True),
    sa.Column('next_test_date', sa.Date(), nullable=True),
    sa.Column('holder_id', sa.Integer(), nullable=True),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['holder_id'], ['employees.id'], name=op.f('fk_protective_equipment_holder_id_employees')),
    sa.ForeignKeyConstraint(['item_id'], ['ppe_items.id'], name=op.f('fk_protective_equipment_item_id_ppe_items')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_protective_equipment_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_protective_equipment'))
    )
    with op.batch_alter_table('protective_equipment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_protective_equipment_holder_id'), ['holder_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_protective_equipment_inventory_no'), ['inventory_no'], unique=False)
        batch_op.create_index(batch_op.f('ix_protective_equipment_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_protective_equipment_next_test_date'), ['next_test_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_protective_equipment_unit_id'), ['unit_id'], unique=False)

    op.create_table('ppe_returns',
    sa.Column('issue_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('return_date', sa.Date(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('wear_percent', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['issue_id'], ['ppe_issues.id'], name=op.f('fk_ppe_returns_issue_id_ppe_issues')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ppe_returns'))
    )
    with op.batch_alter_table('ppe_returns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ppe_returns_issue_id'), ['issue_id'], unique=False)

    op.create_table('protective_tests',
    sa.Column('equipment_id', sa.Integer(), nullable=False),
    sa.Column('test_date', sa.Date(), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('protocol_no', sa.String(length=50), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['equipment_id'], ['protective_equipment.id'], name=op.f('fk_protective_tests_equipment_id_protective_equipment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_protective_tests'))
    )
    with op.batch_alter_table('protective_tests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_protective_tests_equipment_id'), ['equipment_id'], unique=False)

    _seed()


def _read(name: str) -> Any:
    return json.loads((REFERENCE / name).read_text(encoding="utf-8"))


def _search(*parts: str) -> str:
    return " ".join(p for p in parts if p).casefold().replace("ё", "е")


def _seed() -> None:
    """The default catalogue, sample norms (order No. 943) and the milk norm (No. 1056)."""
    bind = op.get_bind()
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    if bind.dialect.name == "sqlite":
        now = now.replace(tzinfo=None)
    common = {"created_at": now, "updated_at": now, "created_by": "safedesk", "version": 1}

    def table(name: str, *columns: str) -> Any:
        return sa.table(name, *(sa.column(c) for c in (*columns, *common)))

    catalogue = _read("ppe_catalogue.json")
    items = []
    ids: dict[str, int] = {}
    for i, item in enumerate(catalogue["items"], start=1):
        test = catalogue["tests"].get(item.get("test", ""), {})
        ids[item["code"]] = i
        items.append(
            {
                "id": i,
                "code": item["code"],
                "kind": item["kind"],
                "name_kk": item["name_kk"],
                "name_ru": item["name_ru"],
                "standard": item["standard"],
                "unit": item["unit"],
                "size_kind": item["size_kind"],
                "sizes": catalogue["size_scales"].get(item["size_kind"], []),
                "test_interval_months": item.get("test_months"),
                "test_basis": test.get("basis", ""),
                "test_edition": dt.date.fromisoformat(test["edition"]) if test else None,
                "search_text": _search(
                    item["name_kk"], item["name_ru"], item["code"], item["standard"]
                ),
                **common,
            }
        )
    items_table = sa.table(
        "ppe_items",
        *(sa.column(c) for c in items[0] if c not in ("sizes", "test_edition")),
        sa.column("sizes", sa.JSON()),
        sa.column("test_edition", sa.Date()),
    )
    op.bulk_insert(items_table, items)

    norms = _read("ppe_norms.json")
    edition = dt.date.fromisoformat(norms["edition_date"])
    sets: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    for set_id, norm in enumerate(norms["sets"], start=1):
        sets.append(
            {
                "id": set_id,
                "code": norm["code"],
                "name_kk": norm["name_kk"],
                "name_ru": norm["name_ru"],
                "legal_basis": norms["legal_basis"],
                "edition_date": edition,
                **common,
            }
        )
        for code, quantity, wear in norm["lines"]:
            lines.append(
                {
                    "id": len(lines) + 1,
                    "norm_set_id": set_id,
                    "item_id": ids[code],
                    "clause": "",
                    "quantity": quantity,
                    "wear": "months" if isinstance(wear, int) else wear,
                    "wear_months": wear if isinstance(wear, int) else None,
                    **common,
                }
            )
    op.bulk_insert(
        sa.table(
            "ppe_norm_sets",
            *(sa.column(c) for c in sets[0] if c != "edition_date"),
            sa.column("edition_date", sa.Date()),
        ),
        sets,
    )
    op.bulk_insert(table("ppe_norm_lines", *(c for c in lines[0] if c not in common)), lines)

    milk = [
        {
            "id": i,
            "position_id": None,
            "form": norm["form"],
            "ml_per_shift": norm["ml_per_shift"],
            "legal_basis": norm["legal_basis"],
            "edition_date": dt.date.fromisoformat(norm["edition_date"]),
            **common,
        }
        for i, norm in enumerate(_read("milk_norms.json")["norms"], start=1)
    ]
    op.bulk_insert(
        sa.table(
            "milk_norms",
            *(sa.column(c) for c in milk[0] if c != "edition_date"),
            sa.column("edition_date", sa.Date()),
        ),
        milk,
    )


def downgrade() -> None:
    with op.batch_alter_table('protective_tests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_protective_tests_equipment_id'))

    op.drop_table('protective_tests')
    with op.batch_alter_table('ppe_returns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ppe_returns_issue_id'))

    op.drop_table('ppe_returns')
    with op.batch_alter_table('protective_equipment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_protective_equipment_unit_id'))
        batch_op.drop_index(batch_op.f('ix_protective_equipment_next_test_date'))
        batch_op.drop_index(batch_op.f('ix_protective_equipment_item_id'))
        batch_op.drop_index(batch_op.f('ix_protective_equipment_inventory_no'))
        batch_op.drop_index(batch_op.f('ix_protective_equipment_holder_id'))

    op.drop_table('protective_equipment')
    with op.batch_alter_table('ppe_personal_norms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ppe_personal_norms_employee_id'))

    op.drop_table('ppe_personal_norms')
    with op.batch_alter_table('ppe_issues', schema=None) as batch_op:
        batch_op.drop_index('ix_ppe_issues_item_size')
        batch_op.drop_index(batch_op.f('ix_ppe_issues_issue_date'))
        batch_op.drop_index('ix_ppe_issues_employee_item')
        batch_op.drop_index(batch_op.f('ix_ppe_issues_due_date'))
        batch_op.drop_index(batch_op.f('ix_ppe_issues_closed_on'))

    op.drop_table('ppe_issues')
    with op.batch_alter_table('milk_issues', schema=None) as batch_op:
        batch_op.drop_index('ix_milk_issues_month_employee')
        batch_op.drop_index(batch_op.f('ix_milk_issues_employee_id'))

    op.drop_table('milk_issues')
    with op.batch_alter_table('ppe_receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ppe_receipts_receipt_date'))
        batch_op.drop_index('ix_ppe_receipts_item_size')

    op.drop_table('ppe_receipts')
    with op.batch_alter_table('ppe_position_norms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ppe_position_norms_position_id'))
        batch_op.drop_index(batch_op.f('ix_ppe_position_norms_norm_set_id'))

    op.drop_table('ppe_position_norms')
    with op.batch_alter_table('ppe_norm_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ppe_norm_lines_norm_set_id'))
        batch_op.drop_index(batch_op.f('ix_ppe_norm_lines_item_id'))

    op.drop_table('ppe_norm_lines')
    with op.batch_alter_table('milk_norms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milk_norms_position_id'))

    op.drop_table('milk_norms')
    with op.batch_alter_table('ppe_norm_sets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ppe_norm_sets_code'))

    op.drop_table('ppe_norm_sets')
    with op.batch_alter_table('ppe_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ppe_items_kind'))
        batch_op.drop_index(batch_op.f('ix_ppe_items_code'))

    op.drop_table('ppe_items')
