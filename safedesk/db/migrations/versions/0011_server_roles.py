"""PostgreSQL roles and row-level security for several users (issue 13)

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28

On PostgreSQL: the group roles administrator, safety officer and viewer (created if
the server does not have them yet) and their privileges on every table; see
`safedesk.db.server_roles`. On SQLite nothing happens: a file has one user.
Row-level security per unit is not part of this revision.
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from safedesk.db.server_roles import install

    install(op.get_bind())


def downgrade() -> None:
    from safedesk.db.server_roles import uninstall

    uninstall(op.get_bind())
