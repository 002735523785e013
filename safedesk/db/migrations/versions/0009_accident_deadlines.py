"""accident deadline rules: the investigation periods as editable reference data

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-10
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

SEED = (
    Path(__file__).resolve().parents[3] / "resources" / "reference" / "accident_deadlines.json"
)


def _seed() -> None:
    """Labour Code of the RK art. 186–190 periods, each with its legal basis and edition."""
    data = json.loads(SEED.read_text(encoding="utf-8"))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    table = sa.table(
        "accident_deadline_rules",
        sa.column("code", sa.String()),
        sa.column("value", sa.Integer()),
        sa.column("unit", sa.String()),
        sa.column("legal_basis", sa.String()),
        sa.column("edition_date", sa.Date()),
        sa.column("to_check", sa.Boolean()),
        sa.column("note", sa.String()),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("created_by", sa.String()),
        sa.column("version", sa.Integer()),
    )
    rows = [
        {
            "code": r["code"],
            "value": int(r["value"]),
            "unit": r["unit"],
            "legal_basis": r["legal_basis"],
            "edition_date": dt.date.fromisoformat(r["edition_date"]) if r["edition_date"] else None,
            "to_check": bool(r["to_check"]),
            "note": r["note"],
            "created_at": now,
            "updated_at": now,
            "created_by": "reference",
            "version": 1,
        }
        for r in data["rules"]
    ]
    op.bulk_insert(table, rows)


def upgrade() -> None:
    op.create_table('accident_deadline_rules',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('legal_basis', sa.String(length=500), nullable=False),
    sa.Column('edition_date', sa.Date(), nullable=True),
    sa.Column('to_check', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accident_deadline_rules')),
    sa.UniqueConstraint('code', name=op.f('uq_accident_deadline_rules_code'))
    )
    _seed()


def downgrade() -> None:
    op.drop_table('accident_deadline_rules')
