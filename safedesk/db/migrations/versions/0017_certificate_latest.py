"""certificates page at a million rows: the latest of each kind kept on the row (issue 12)

(stub: filled in by the work on the certificates page)

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-28
"""

from __future__ import annotations

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
