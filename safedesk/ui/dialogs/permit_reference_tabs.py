"""The three pages of the permit rules editor: gas tests, role separation, the number pattern.

Each page holds the widgets of its rows and reads back what is typed, as typed: the
services parse and judge it, so a refusal leaves every character where it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import combinations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from safedesk.db.models import PermitGasLimit, PermitSetting, PermitTypeRule
from safedesk.db.permit_reference import SETTING_LABELS
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.permit_gas import GAS_LABELS, Gas
from safedesk.domain.permit_reference import (
    BASIS_LABEL,
    HIGH_LABEL,
    LOW_LABEL,
    SEPARABLE,
    number_pattern_complaints,
    role_label,
)
from safedesk.domain.permits import PERMIT_TYPE_LABELS, PermitType, format_number
from safedesk.errors import render
from safedesk.i18n import N_, _

GAS_HINT = N_(
    "The gate lets people in only when the last gas test is within these limits and not "
    "older than the time below. An empty bound does not apply; “<” leaves the bound itself "
    "outside the allowed range. Tests already written keep the verdict of their day."
)
SEPARATION_HINT = N_(
    "Ticked pairs must be different people on a permit of this type; the gate refuses to "
    "issue or admit otherwise. “Crew member” stands for anyone of the crew."
)
NUMBER_HINT = N_(
    "{year} is the year, {seq} the permit's No. within the year; {seq:04d} writes it "
    "with four digits (0042). Permits already numbered keep their numbers."
)
NEXT_NUMBER = N_("Next number: {number}")


def _shown(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _bound_box(inclusive: bool, signs: tuple[str, str], name: str) -> QComboBox:
    box = QComboBox()
    box.addItem(signs[0], True)
    box.addItem(signs[1], False)
    box.setCurrentIndex(0 if inclusive else 1)
    box.setAccessibleName(name)
    return box


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


@dataclass
class GasRow:
    limit_id: int
    gas: Gas
    low_sign: QComboBox
    low: QLineEdit
    high_sign: QComboBox
    high: QLineEdit
    legal_basis: QLineEdit


@dataclass
class SettingRow:
    setting_id: int
    code: str
    value: QSpinBox
    legal_basis: QLineEdit


class GasTab(QWidget):
    """One line per gas (lower and upper bound, legal basis), then the gas-test windows."""

    def __init__(self, limits: list[PermitGasLimit], settings: list[PermitSetting]) -> None:
        super().__init__()
        grid = QGridLayout()
        for column, title in enumerate(
            (N_("Gas"), LOW_LABEL, "", HIGH_LABEL, "", BASIS_LABEL), start=0
        ):
            if title:
                grid.addWidget(
                    QLabel(f"<b>{_(title)}</b>"), 0, column, 1, 2 if column in (1, 3) else 1
                )
        self.rows: list[GasRow] = []
        for line, limit in enumerate(limits, start=1):
            gas = Gas(limit.gas)
            label = _(GAS_LABELS[gas])
            row = GasRow(
                limit.id,
                gas,
                _bound_box(limit.low_inclusive, ("≥", ">"), f"{label} — {_(LOW_LABEL)}"),
                QLineEdit(_shown(limit.low)),
                _bound_box(limit.high_inclusive, ("≤", "<"), f"{label} — {_(HIGH_LABEL)}"),
                QLineEdit(_shown(limit.high)),
                QLineEdit(limit.legal_basis),
            )
            row.low.setObjectName(f"{gas.value}_low")
            row.high.setObjectName(f"{gas.value}_high")
            row.low.setAccessibleName(f"{label} — {_(LOW_LABEL)}")
            row.high.setAccessibleName(f"{label} — {_(HIGH_LABEL)}")
            row.legal_basis.setAccessibleName(f"{label} — {_(BASIS_LABEL)}")
            for edit in (row.low, row.high):
                edit.setMaximumWidth(90)
            row.legal_basis.setCursorPosition(0)  # a long basis is read from its start
            name = QLabel(label)
            name.setBuddy(row.low)
            widgets = (name, row.low_sign, row.low, row.high_sign, row.high, row.legal_basis)
            for column, widget in enumerate(widgets):
                grid.addWidget(widget, line, column)
            self.rows.append(row)
        grid.setColumnStretch(5, 1)
        form = QFormLayout()
        self.settings: list[SettingRow] = []
        for s in settings:
            minutes = QSpinBox()
            minutes.setRange(0, 99999)  # the service refuses what the rules do not allow
            minutes.setValue(int(s.value) if s.value.isdigit() else 0)
            minutes.setObjectName(s.code)
            minutes.setMaximumWidth(120)
            basis = QLineEdit(s.legal_basis)
            basis.setCursorPosition(0)
            basis.setAccessibleName(f"{_(SETTING_LABELS[s.code])} — {_(BASIS_LABEL)}")
            form.addRow(_(SETTING_LABELS[s.code]), minutes)
            form.addRow(_(BASIS_LABEL), basis)
            self.settings.append(SettingRow(s.id, s.code, minutes, basis))
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(_(GAS_HINT)))
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addStretch(1)


@dataclass
class TypePairs:
    rule_id: int
    code: str
    pairs: QListWidget


class SeparationTab(QWidget):
    """A permit type chosen above; below, every pair of roles, ticked when kept apart."""

    def __init__(self, rules: list[PermitTypeRule]) -> None:
        super().__init__()
        self.type = QComboBox()
        self.type.setObjectName("separation_type")
        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.stack = QStackedWidget()
        self.types: list[TypePairs] = []
        self._bases: list[str] = []
        for rule in rules:
            self.type.addItem(_(PERMIT_TYPE_LABELS[PermitType(rule.code)]), rule.code)
            edition = f" ({rule.edition:%d.%m.%Y})" if rule.edition else ""
            self._bases.append(rule.legal_basis + edition)
            kept = {frozenset(p) for p in rule.distinct}
            pairs = QListWidget()
            pairs.setObjectName(f"distinct_{rule.code}")
            pairs.setAccessibleName(_(PERMIT_TYPE_LABELS[PermitType(rule.code)]))
            for first, second in combinations(SEPARABLE, 2):
                item = QListWidgetItem(f"{_(role_label(first))} ≠ {_(role_label(second))}")
                item.setData(Qt.ItemDataRole.UserRole, (first, second))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = frozenset((first, second)) in kept
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                pairs.addItem(item)
            pairs.setCurrentRow(0)
            self.stack.addWidget(pairs)
            self.types.append(TypePairs(rule.id, rule.code, pairs))
        self.type.currentIndexChanged.connect(self._show_type)
        choose = QFormLayout()
        choose.addRow(_("Permit type"), self.type)
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(_(SEPARATION_HINT)))
        layout.addLayout(choose)
        layout.addWidget(self.basis)
        layout.addWidget(self.stack, 1)
        self._show_type(0)

    def _show_type(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.basis.setText(self._bases[index] if 0 <= index < len(self._bases) else "")

    def show_type(self, code: str) -> None:
        index = self.type.findData(code)
        if index >= 0:
            self.type.setCurrentIndex(index)

    def pairs_of(self, row: TypePairs) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for i in range(row.pairs.count()):
            item = row.pairs.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                first, second = item.data(Qt.ItemDataRole.UserRole)
                found.append((str(first), str(second)))
        return found

    def set_pair(self, code: str, first: str, second: str, kept: bool) -> None:
        """Tick or untick a pair (tests and keyboard users reach the same items)."""
        row = next(r for r in self.types if r.code == code)
        for i in range(row.pairs.count()):
            item = row.pairs.item(i)
            if frozenset(item.data(Qt.ItemDataRole.UserRole)) == frozenset((first, second)):
                item.setCheckState(Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked)


class NumberTab(QWidget):
    """The pattern, what the next permit would be numbered, and the basis of the pattern."""

    def __init__(self, setting: PermitSetting, next_seqs: dict[int, int]) -> None:
        super().__init__()
        self.setting_id = setting.id
        self.pattern = QLineEdit(setting.value)
        self.pattern.setObjectName("number_pattern")
        self.legal_basis = QLineEdit(setting.legal_basis)
        self.legal_basis.setCursorPosition(0)
        self.preview = QLabel()
        self.preview.setObjectName("number_preview")
        self.preview.setWordWrap(True)
        self.year = dt.datetime.now(KAZAKHSTAN).year
        self.seq = next_seqs.get(self.year, 1)
        form = QFormLayout()
        form.addRow(_(SETTING_LABELS[setting.code]), self.pattern)
        form.addRow("", self.preview)
        form.addRow(_(BASIS_LABEL), self.legal_basis)
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(_(NUMBER_HINT)))
        layout.addLayout(form)
        layout.addStretch(1)
        self.pattern.textChanged.connect(lambda _t: self.show_preview())
        self.show_preview()

    def show_preview(self) -> None:
        """The next number as it would be made now, or why the pattern cannot make it."""
        text = self.pattern.text().strip()
        complaints = number_pattern_complaints(text)
        if complaints:
            self.preview.setText(render(complaints[0].msgid, dict(complaints[0].values)))
            self.preview.setStyleSheet("color: #c0392b;")
            return
        number = format_number(text, self.year, self.seq)
        self.preview.setText(_(NEXT_NUMBER).format(number=number))
        self.preview.setStyleSheet("")
