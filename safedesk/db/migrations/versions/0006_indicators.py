"""indicator targets of the roadmap (items 40-46) and accident insurance contracts

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SEED = Path(__file__).resolve().parents[3] / "resources" / "reference" / "indicator_targets.json"


def _common() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    targets = op.create_table(
        "indicator_targets",
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("target", sa.Float(), nullable=False),
        sa.Column("legal_basis", sa.String(length=500), nullable=False),
        sa.Column("edition", sa.Date(), nullable=True),
        *_common(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_targets")),
        sa.UniqueConstraint("code", "year", name=op.f("uq_indicator_targets_code_year")),
    )
    op.create_table(
        "insurance_contracts",
        sa.Column("insurer", sa.String(length=300), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("insured_count", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=1000), nullable=False),
        *_common(),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insurance_contracts")),
    )
    with op.batch_alter_table("insurance_contracts") as batch_op:
        batch_op.create_index(batch_op.f("ix_insurance_contracts_valid_from"), ["valid_from"])
        batch_op.create_index(batch_op.f("ix_insurance_contracts_valid_to"), ["valid_to"])

    seed = json.loads(SEED.read_text(encoding="utf-8"))
    now = dt.datetime.now(dt.UTC)
    edition = dt.date.fromisoformat(seed["edition"])
    op.bulk_insert(
        targets,
        [
            {
                "code": code, "year": int(year), "target": float(value),
                "legal_basis": seed["legal_basis"], "edition": edition,
                "created_at": now, "updated_at": now, "created_by": "seed", "version": 1,
            }
            for code, years in seed["targets"].items()
            for year, value in years.items()
        ],
    )


def downgrade() -> None:
    op.drop_table("insurance_contracts")
    op.drop_table("indicator_targets")
