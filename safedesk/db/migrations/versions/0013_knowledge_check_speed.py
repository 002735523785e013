"""knowledge checks page at a million rows (issue 12)

The register of knowledge checks lists results (a row per person checked) but sorts by
three columns of their protocol as well: its number, kind and signing date. Sorting by
a column of another table sorts every result; so each result now keeps a copy of them
(`protocol_no`, `protocol_kind`, `protocol_signed_on`, written with the protocol by
safedesk.db.check_sessions, as `checked_on` already keeps its date), each with an index
the page walks in order. The copies are filled here from the protocols.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

COPIES = ("protocol_no", "protocol_kind", "protocol_signed_on")
# the protocol's column each copy is filled from
SOURCES = {"protocol_no": "number", "protocol_kind": "kind", "protocol_signed_on": "signed_on"}


def upgrade() -> None:
    # Added in place (not through a batch copy of the table): NOT NULL needs a default
    # for the rows there are.
    op.add_column(
        "check_results", sa.Column("protocol_no", sa.String(50), nullable=False, server_default="")
    )
    op.add_column(
        "check_results",
        sa.Column("protocol_kind", sa.String(20), nullable=False, server_default=""),
    )
    op.add_column("check_results", sa.Column("protocol_signed_on", sa.Date(), nullable=True))
    sets = ", ".join(
        f"{copy} = (SELECT check_sessions.{SOURCES[copy]} FROM check_sessions "
        "WHERE check_sessions.id = check_results.session_id)"
        for copy in COPIES
    )
    op.execute(f"UPDATE check_results SET {sets}")
    for copy in COPIES:
        op.create_index(f"ix_check_results_{copy}", "check_results", [copy], unique=False)


def downgrade() -> None:
    for copy in reversed(COPIES):
        op.drop_index(f"ix_check_results_{copy}", table_name="check_results")
        op.drop_column("check_results", copy)
