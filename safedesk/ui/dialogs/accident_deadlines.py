"""The periods of the accident investigation (reference data), edited in one dialog.

Reached from the holiday calendar page. Every period keeps its legal basis and edition
date; a period marked "to be checked" is one to verify against the text in force.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QSpinBox, QWidget
from sqlalchemy.orm import Session

from safedesk.db.accident_deadlines import list_rules, rule_label, update_rule
from safedesk.db.engine import Database
from safedesk.db.models import AccidentDeadlineRule
from safedesk.domain.accident_deadlines import RULE_UNIT_LABELS, RuleUnit
from safedesk.errors import InvalidInput, Problem, StaleRecord
from safedesk.i18n import N_, _
from safedesk.ui.widgets.fields import DateField
from safedesk.ui.widgets.record_dialog import RecordDialog

TITLE = N_("Accident deadlines")
HINT = N_(
    "Periods of the accident investigation, counted in hours from the accident or in "
    "working days by the holiday calendar. Change them when the law changes, with the "
    "new legal basis and its edition date."
)
RULE_PROBLEM = N_("{rule}: {problem}")


@dataclass
class RuleWidgets:
    rule_id: int
    code: str
    value: QSpinBox
    legal_basis: QLineEdit
    edition_date: DateField
    to_check: QCheckBox
    note: QLineEdit


class AccidentDeadlinesDialog(RecordDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, _(TITLE), parent)
        hint = QLabel(_(HINT))
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.rules: list[RuleWidgets] = []
        self.versions: dict[int, int] = {}
        with db.session() as s:
            for rule in list_rules(s):
                self.versions[rule.id] = rule.version
                self.rules.append(self._add_rule(rule))
        self.setMinimumWidth(640)

    def _add_rule(self, rule: AccidentDeadlineRule) -> RuleWidgets:
        head = QLabel(_(rule_label(rule.code)))
        font = QFont(head.font())
        font.setBold(True)
        head.setFont(font)
        self.form.addRow(head)
        code = rule.code
        value = QSpinBox()
        value.setRange(0, 9999)
        if rule.unit in RuleUnit._value2member_map_:
            value.setSuffix(" " + _(RULE_UNIT_LABELS[RuleUnit(rule.unit)]))
        value.setValue(rule.value)
        widgets = RuleWidgets(
            rule.id,
            code,
            self.add_field(f"{code}.value", _("Period"), value),
            self.add_field(f"{code}.legal_basis", _("Legal basis"), QLineEdit(rule.legal_basis)),
            self.add_field(f"{code}.edition_date", _("Edition date"), DateField(optional=True)),
            self.add_field(f"{code}.to_check", _("To be checked"), QCheckBox()),
            self.add_field(f"{code}.note", _("Note"), QLineEdit(rule.note)),
        )
        widgets.edition_date.set_value(rule.edition_date)
        widgets.to_check.setChecked(rule.to_check)
        return widgets

    def save(self, session: Session) -> int:
        """Every period in one transaction; a refusal names the rule and the field."""
        problems: list[Problem] = []
        for w in self.rules:
            try:
                update_rule(
                    session,
                    w.rule_id,
                    self.versions.get(w.rule_id),
                    value=w.value.value(),
                    legal_basis=w.legal_basis.text(),
                    edition_date=w.edition_date.value(),
                    to_check=w.to_check.isChecked(),
                    note=w.note.text(),
                )
            except InvalidInput as e:
                rule = rule_label(w.code)
                problems += [
                    Problem(
                        f"{w.code}.{p.field}", RULE_PROBLEM, {"rule": rule, "problem": p.message()}
                    )
                    for p in e.problems
                ]
        if problems:
            raise InvalidInput(problems)
        return self.rules[0].rule_id if self.rules else 0

    def stored_copy(self) -> RecordDialog | None:
        return AccidentDeadlinesDialog(self.db)

    def show_stored(self, error: StaleRecord) -> None:
        super().show_stored(error)
        with self.db.session() as s:  # the next Save is made knowing the current values
            self.versions = {r.id: r.version for r in list_rules(s)}
