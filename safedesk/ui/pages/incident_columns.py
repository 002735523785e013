"""How the incident pages show moments, enum values and people in their columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import ColumnElement, func

from safedesk.db.models import Employee
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.i18n import _
from safedesk.ui.models import Column
from safedesk.ui.widgets.table_page import TablePage


def show_moment(value: object) -> str:
    """A UTC moment as the officer reads it: local date and time."""
    if not isinstance(value, dt.datetime):
        return ""
    moment = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return moment.astimezone(KAZAKHSTAN).strftime("%d.%m.%Y %H:%M")


def show_label(labels: Mapping[Any, str]) -> Callable[[object], str]:
    def show(value: object) -> str:
        label = labels.get(str(value)) if value is not None else None
        return _(label) if label else ""

    return show


def person_name(person: Any = Employee) -> ColumnElement[str]:
    """'Surname Name' of an (aliased) employee, for a column."""
    name: ColumnElement[str] = func.trim(person.surname + " " + person.name)
    return name


def person_column(title: str, person: Any, width: int = 18) -> Column:
    """A column of an (aliased) employee's name, sorted in the Kazakh alphabetical order
    (the shown text compared as it is would put Ә, Қ, Ө… after Я)."""
    return Column(title, person_name(person), sort=person.sort_name, width=width)


def newest_first(page: TablePage) -> None:
    """Registers of events open on the latest one: sort the first column descending."""
    page.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
