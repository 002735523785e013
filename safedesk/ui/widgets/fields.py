"""Input fields that say what is wrong with them, and dates that may be left empty."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QWidget

from safedesk.i18n import _

# The first date a QDateEdit can show stands for "no date": Qt shows the special text.
_NO_DATE = QDate(1900, 1, 1)


class DateField(QDateEdit):
    """A date with a calendar, typed as dd.mm.yyyy; optional ones may be left empty."""

    def __init__(self, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd.MM.yyyy")
        self.setMinimumDate(_NO_DATE)
        self.setMaximumDate(QDate(2100, 12, 31))
        if optional:
            self.setSpecialValueText(_("— not set —"))
            self.set_value(None)
        else:
            self.set_value(dt.date.today())

    def value(self) -> dt.date | None:
        date = self.date()
        if self.optional and date == _NO_DATE:
            return None
        return dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        if value is None:
            self.setDate(_NO_DATE if self.optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))


def mark(widget: QWidget, message: str | None) -> None:
    """Show on the field itself that it breaks a rule; None clears the mark."""
    widget.setProperty("invalid", message is not None)
    widget.setToolTip(message or "")
    widget.setStyleSheet("border: 2px solid #c0392b;" if message else "")


def combo_value(combo: QComboBox) -> object:
    return combo.currentData()


def set_combo_value(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)
