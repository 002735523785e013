"""certificates page at a million rows: the latest of each kind kept on the row (issue 12)

The certificates register shows by default only each holder's latest certificate of
each kind ("Latest of each kind"). It found them by numbering every certificate
(`row_number()` over holder and kind), for each batch and for the count: the whole
table read and sorted each time. Each certificate now says whether it is the latest
(`certificates.latest`, kept by safedesk.db.certificates on every add, edit and
delete), and the page walks an index on (latest, <sort column>, id) for each order by
a column of its own.

The column is filled here from the data by the same rule as the numbering: among a
holder's certificates of a kind not deleted, the newest `issued_on`, on a tie the higher
id (the one typed later). A deleted certificate is never the latest.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# Written here, not imported from the model: a migration must keep doing what it did.
ORDERS = ("valid_to", "issued_on", "number", "issued_by", "electrical_group")

# One statement for both SQLite (3.25+) and PostgreSQL: window functions and a derived
# table in IN are common to both.
FILL = sa.text(
    "UPDATE certificates SET latest = :yes WHERE id IN ("
    " SELECT id FROM ("
    "  SELECT id, row_number() OVER ("
    "   PARTITION BY employee_id, contractor_worker_id, kind"
    "   ORDER BY issued_on DESC, id DESC) AS n"
    "  FROM certificates WHERE deleted_at IS NULL"
    " ) AS ranked WHERE n = 1)"
).bindparams(sa.bindparam("yes", True, type_=sa.Boolean()))


def upgrade() -> None:
    # Added in place (not through a batch copy of the table): NOT NULL needs a default
    # for the rows there are; they are then filled.
    op.add_column(
        "certificates",
        sa.Column("latest", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.execute(FILL)
    for column in ORDERS:
        op.create_index(
            f"ix_certificates_latest_{column}",
            "certificates",
            ["latest", column, "id"],
            unique=False,
        )


def downgrade() -> None:
    for column in reversed(ORDERS):
        op.drop_index(f"ix_certificates_latest_{column}", table_name="certificates")
    # In place, as 0013 drops its copies (ALTER TABLE DROP COLUMN, SQLite 3.35+).
    op.drop_column("certificates", "latest")
