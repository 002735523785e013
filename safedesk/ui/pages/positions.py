"""Positions and professions, with what each one needs."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from sqlalchemy import ColumnElement, select

from safedesk.db.engine import casefold
from safedesk.db.models import Position
from safedesk.domain.collation import search_text
from safedesk.domain.people import CATEGORY_LABELS, PositionCategory
from safedesk.i18n import N_, _
from safedesk.ui.dialogs.certificate import ROMAN
from safedesk.ui.dialogs.position import PositionDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.widgets.table_page import TablePage


def _category(value: object) -> str:
    try:
        return _(CATEGORY_LABELS[PositionCategory(str(value))])
    except ValueError:
        return str(value)


def _yes(value: object) -> str:
    return _("yes") if value else ""


def _group(value: object) -> str:
    """The electrical-safety group in Roman numerals (II–V), as the rules write it."""
    return ROMAN.get(value, str(value)) if isinstance(value, int) else ""


class PositionsPage(TablePage):
    search_hint = N_("Find a position")

    def make_model(self) -> SelectTableModel:
        columns = [
            Column(N_("Position"), localized_name(Position.name_kk, Position.name_ru), width=40),
            Column(N_("Category"), Position.category, show=_category, width=14),
            Column(N_("Harmful conditions"), Position.harmful, show=_yes, width=20),
            Column(
                N_("Electrical group"), Position.electrical_group_required, show=_group, width=10
            ),
        ]
        return SelectTableModel(
            self.db,
            columns,
            lambda: select().select_from(Position),
            Position.id,
            filters=self.conditions(),
        )

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [Position.deleted_at.is_(None)]
        text = search_text(self.search.text().strip())
        if text:
            found.append(
                casefold(Position.name_kk + " " + Position.name_ru).contains(text, autoescape=True)
            )
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return PositionDialog(self.db, row_id, self)
