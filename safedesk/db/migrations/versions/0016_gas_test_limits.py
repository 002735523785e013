"""each gas test keeps the limits it was judged by

`permit_gas_tests.limits` (JSON, not null): per gas code, the bounds of the limits the
readings were judged by, {"o2": {"low": 19.5, "high": 23.5, "low_inclusive": true,
"high_inclusive": true}, ...} (`safedesk.domain.permit_gas.stored_limits`). Until now a
test kept only its verdict (`within_limits`), and the printed permit judged and titled
its readings by the limits in force when printed: a reprint after the employer edited
the limits showed limits and marks that were not those of the day.

Tests written before this migration are filled with the limits in `permit_gas_limits`
at the time of migrating. That is the best knowledge there is, not a record: if the
limits were edited after a test was taken, the limits of its day are lost. Their
verdict (`within_limits`) is left as it was written.

The column is added nullable, filled, then made NOT NULL (a batch on SQLite, which
cannot alter a column in place; plain ALTERs on PostgreSQL), so no server default is
left behind for a later insert to fall back on: every new test must say its limits.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# Written here, not imported: a migration must keep doing what it did when the domain
# code changes. Same order and shape as `stored_limits` (the order of `Gas`).
GAS_ORDER = ("o2", "lel", "co", "h2s")


def _current_limits() -> dict[str, dict[str, float | bool | None]]:
    limits = sa.table(
        "permit_gas_limits",
        sa.column("gas", sa.String()),
        sa.column("low", sa.Double()),
        sa.column("high", sa.Double()),
        sa.column("low_inclusive", sa.Boolean()),
        sa.column("high_inclusive", sa.Boolean()),
    )
    rows = {
        r.gas: {
            "low": None if r.low is None else float(r.low),
            "high": None if r.high is None else float(r.high),
            "low_inclusive": bool(r.low_inclusive),
            "high_inclusive": bool(r.high_inclusive),
        }
        for r in op.get_bind().execute(sa.select(limits))
    }
    ordered = {gas: rows.pop(gas) for gas in GAS_ORDER if gas in rows}
    return {**ordered, **rows}


def upgrade() -> None:
    with op.batch_alter_table("permit_gas_tests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("limits", sa.JSON(), nullable=True))
    tests = sa.table("permit_gas_tests", sa.column("limits", sa.JSON()))
    op.get_bind().execute(tests.update().values(limits=_current_limits()))
    with op.batch_alter_table("permit_gas_tests", schema=None) as batch_op:
        batch_op.alter_column("limits", existing_type=sa.JSON(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("permit_gas_tests", schema=None) as batch_op:
        batch_op.drop_column("limits")
