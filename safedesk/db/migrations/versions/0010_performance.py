"""indexes for the register pages at a million rows (issue 12)

Every column a register page sorts by, on the tables that grow with the headcount and
the years, gets an index, so that the first batch of a sorted page walks an index and
stops at the batch's LIMIT instead of sorting the whole table
(tests/ui/test_query_plans.py checks every page's query plans).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# table -> the columns sorted by on its register page (one index each)
SORTED: dict[str, tuple[str, ...]] = {
    "briefings": ("topic",),
    "check_results": ("checked_on", "outcome", "certificate_no"),
    "certificates": ("electrical_group", "number", "issued_by"),
    "permits": ("location", "work"),
    "near_misses": ("description",),
    "observations": (
        "area",
        "people_observed",
        "safe_total",
        "at_risk_total",
        "conversation_held",
        "action",
        "status",
    ),
    "slam_cards": ("card_time", "task", "hazards", "work_stopped"),
    "milk_issues": ("form", "shifts", "quantity_ml", "amount_kzt"),
    "ppe_issues": ("size", "quantity", "outside_norm"),
    "protective_equipment": ("last_test_date", "test_interval_months"),
}

# Filters shown by default (or offered) with the order they are read in.
FILTERED: dict[str, tuple[str, tuple[str, ...]]] = {
    "ix_ppe_issues_open_issued": ("ppe_issues", ("closed_on", "issue_date")),
    "ix_ppe_issues_open_due": ("ppe_issues", ("closed_on", "due_date")),
    "ix_ppe_issues_open_size": ("ppe_issues", ("closed_on", "size")),
    "ix_ppe_issues_open_quantity": ("ppe_issues", ("closed_on", "quantity")),
    "ix_ppe_issues_open_outside": ("ppe_issues", ("closed_on", "outside_norm")),
    "ix_near_misses_status_occurred": ("near_misses", ("status", "occurred_at")),
    "ix_near_misses_category_occurred": ("near_misses", ("category", "occurred_at")),
    "ix_briefings_kind_held": ("briefings", ("kind", "held_on")),
}


def upgrade() -> None:
    for table, columns in SORTED.items():
        for column in columns:
            op.create_index(f"ix_{table}_{column}", table, [column], unique=False)
    for name, (table, columns) in FILTERED.items():
        op.create_index(name, table, list(columns), unique=False)


def downgrade() -> None:
    for name, (table, _columns) in FILTERED.items():
        op.drop_index(name, table_name=table)
    for table, columns in SORTED.items():
        for column in columns:
            op.drop_index(f"ix_{table}_{column}", table_name=table)
