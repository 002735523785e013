"""PPE items in alphabetical order, for registers sorted by the item (issue 12)

Each item keeps its name's Kazakh alphabetical key in each language (`sort_kk`,
`sort_ru`, indexed), filled here for the items there are and by the catalogue's
services afterwards; the PPE issues register sorted by the item walks the items in that
order and each item's open issuances on (item_id, closed_on, id).

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

SORT_KEY = sa.String(length=400).with_variant(sa.String(length=400, collation="C"), "postgresql")


def upgrade() -> None:
    from safedesk.domain.collation import sort_key  # the rule of the day, as services write it

    # A plain ADD COLUMN (a batch would copy the table, which PPE issues refer to).
    op.add_column("ppe_items", sa.Column("sort_kk", SORT_KEY, nullable=False, server_default=""))
    op.add_column("ppe_items", sa.Column("sort_ru", SORT_KEY, nullable=False, server_default=""))
    bind = op.get_bind()
    items = sa.table(
        "ppe_items",
        sa.column("id", sa.Integer),
        sa.column("name_kk", sa.String),
        sa.column("name_ru", sa.String),
        sa.column("sort_kk", sa.String),
        sa.column("sort_ru", sa.String),
    )
    for item_id, kk, ru in bind.execute(sa.select(items.c.id, items.c.name_kk, items.c.name_ru)):
        kk, ru = (kk or "").strip(), (ru or "").strip()
        bind.execute(
            items.update()
            .where(items.c.id == item_id)
            .values(sort_kk=sort_key(kk or ru), sort_ru=sort_key(ru or kk))
        )
    op.create_index("ix_ppe_items_sort_kk", "ppe_items", ["sort_kk"])
    op.create_index("ix_ppe_items_sort_ru", "ppe_items", ["sort_ru"])
    op.create_index("ix_ppe_issues_item_open", "ppe_issues", ["item_id", "closed_on", "id"])


def downgrade() -> None:
    op.drop_index("ix_ppe_issues_item_open", table_name="ppe_issues")
    op.drop_index("ix_ppe_items_sort_ru", table_name="ppe_items")
    op.drop_index("ix_ppe_items_sort_kk", table_name="ppe_items")
    op.drop_column("ppe_items", "sort_ru")
    op.drop_column("ppe_items", "sort_kk")
