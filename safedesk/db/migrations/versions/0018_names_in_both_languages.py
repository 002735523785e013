"""names kept in both languages where a form prints them: the head's position

The organisation card had one field for the head's position, printed as typed on a
Kazakh form and on a Russian one alike; the forms split it only when the officer had
typed 'kk / ru' ('Бас директор / Генеральный директор'). The card now keeps it in both
languages, `head_position_kk` and `head_position_ru`, as it keeps its name.

The two columns are filled from the old one by the rule the forms used: text with ' / '
splits at the first one into (kk, ru), each stripped; any other text goes into both.
The old column is then dropped. `downgrade` puts back one field: 'kk / ru' when the two
differ, else the one text.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# Written here, not imported from the forms: a migration must keep doing what it did.
SEPARATOR = " / "

organisation = sa.table(
    "organisation",
    sa.column("id", sa.Integer()),
    sa.column("head_position", sa.String()),
    sa.column("head_position_kk", sa.String()),
    sa.column("head_position_ru", sa.String()),
)


def split_position(text: str | None) -> tuple[str, str]:
    """'Бас директор / Генеральный директор' → (kk, ru); other text twice."""
    text = (text or "").strip()
    if SEPARATOR in text:
        kk, ru = text.split(SEPARATOR, 1)
        return kk.strip(), ru.strip()
    return text, text


def upgrade() -> None:
    # Through batch mode: SQLite cannot drop a column with its old ALTER TABLE and
    # cannot drop a default at all; on PostgreSQL these are plain ALTER TABLEs.
    with op.batch_alter_table("organisation") as batch:
        for column in ("head_position_kk", "head_position_ru"):
            batch.add_column(
                sa.Column(column, sa.String(length=200), nullable=False, server_default="")
            )
    conn = op.get_bind()
    rows = conn.execute(sa.select(organisation.c.id, organisation.c.head_position)).all()
    for row_id, old in rows:
        kk, ru = split_position(old)
        conn.execute(
            organisation.update()
            .where(organisation.c.id == row_id)
            .values(head_position_kk=kk, head_position_ru=ru)
        )
    with op.batch_alter_table("organisation") as batch:
        batch.drop_column("head_position")
        for column in ("head_position_kk", "head_position_ru"):
            batch.alter_column(column, existing_type=sa.String(length=200), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(
            sa.Column("head_position", sa.String(length=200), nullable=False, server_default="")
        )
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(
            organisation.c.id, organisation.c.head_position_kk, organisation.c.head_position_ru
        )
    ).all()
    for row_id, kk, ru in rows:
        kk, ru = (kk or "").strip(), (ru or "").strip()
        one = kk if kk == ru or not ru else ru if not kk else f"{kk}{SEPARATOR}{ru}"
        conn.execute(
            organisation.update().where(organisation.c.id == row_id).values(head_position=one)
        )
    with op.batch_alter_table("organisation") as batch:
        batch.drop_column("head_position_kk")
        batch.drop_column("head_position_ru")
        batch.alter_column(
            "head_position", existing_type=sa.String(length=200), server_default=None
        )
