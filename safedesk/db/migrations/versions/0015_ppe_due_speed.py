"""the PPE due page at a million rows (issue 12)

The due page computes the lines of a window of people (safedesk/db/ppe_due_page.py):
their open issuances are read through this index on (employee_id, closed_on, item_id),
both of the window's conditions on the index, instead of every open issuance of the
enterprise through the index on closed_on.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

INDEX = "ix_ppe_issues_employee_open"


def upgrade() -> None:
    op.create_index(INDEX, "ppe_issues", ["employee_id", "closed_on", "item_id"], unique=False)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="ppe_issues")
