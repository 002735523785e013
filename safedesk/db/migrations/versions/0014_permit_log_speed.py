"""permits, certificates and PPE issues pages at a million rows (issue 12)

The PPE issues page walks the open issuances newest first and keeps those of a unit's
people, or of the people and items a typed text names: the index of that walk now holds
the id, the person and the item too, so an issuance that does not match is passed over
on the index without reading its row.
(The permit log's urgency order needs no new index: it reads ix_permits_state_end.)

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

OLD = ("ix_ppe_issues_open_issued", ["closed_on", "issue_date"])
NEW = (
    "ix_ppe_issues_open_issued_person",
    ["closed_on", "issue_date", "id", "employee_id", "item_id"],
)


def upgrade() -> None:
    op.create_index(NEW[0], "ppe_issues", NEW[1], unique=False)
    op.drop_index(OLD[0], table_name="ppe_issues")  # a prefix of the new one


def downgrade() -> None:
    op.create_index(OLD[0], "ppe_issues", OLD[1], unique=False)
    op.drop_index(NEW[0], table_name="ppe_issues")
