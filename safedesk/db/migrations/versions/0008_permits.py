"""permit-to-work log

Revision ID: 0008
Revises:  permits, roles, crew, isolations, gas tests, admissions:0007
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = " permits, roles, crew, isolations, gas tests, admissions:0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
