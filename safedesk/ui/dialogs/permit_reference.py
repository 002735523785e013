"""The permit log's reference data edited in one dialog: gas limits and gas-test windows,
the roles kept apart on each permit type, and the permit number pattern.

Reached from the permit log (“Permit rules…”), as the accident deadlines are from the
holiday calendar. Save writes everything in one transaction through the services (each
write audited); a refusal names every field and rule, marks them, opens the page of the
first one, and keeps everything typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QTabWidget, QWidget
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.permit_reference import (
    GAS_INTERVAL_MINUTES,
    GAS_VALID_MINUTES,
    NUMBER_PATTERN,
    gas_limit_rows,
    next_seqs,
    settings_by_code,
    type_rule_rows,
    update_gas_limit,
    update_separation,
    update_setting,
)
from safedesk.errors import InvalidInput, Problem, StaleRecord
from safedesk.i18n import N_, _
from safedesk.ui.dialogs.permit_reference_tabs import GasTab, NumberTab, SeparationTab
from safedesk.ui.widgets.record_dialog import RecordDialog

TITLE = N_("Permit rules")
HINT = N_(
    "Reference data of the permit-to-work log. The gate applies a change from the next "
    "issue or admission; permits already numbered and gas tests already written stay as "
    "they are."
)


class PermitReferenceDialog(RecordDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, _(TITLE), parent)
        hint = QLabel(_(HINT))
        hint.setWordWrap(True)
        self.form.addRow(hint)
        with db.session() as s:
            settings = settings_by_code(s)
            windows = [
                settings[c] for c in (GAS_VALID_MINUTES, GAS_INTERVAL_MINUTES) if c in settings
            ]
            self.gas = GasTab(gas_limit_rows(s), windows)
            self.separation = SeparationTab(type_rule_rows(s))
            self.number = NumberTab(settings[NUMBER_PATTERN], next_seqs(s))
            self.versions = self._read_versions(s)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("permit_rules_tabs")
        self.tabs.addTab(self.gas, _("Gas tests"))
        self.tabs.addTab(self.separation, _("Role separation"))
        self.tabs.addTab(self.number, _("Numbering"))
        self.form.addRow(self.tabs)
        self._name_fields()
        self.setMinimumSize(900, 560)

    def _name_fields(self) -> None:
        """Field names are the services' field names behind a prefix of the row."""
        for g in self.gas.rows:
            self.fields[f"gas.{g.gas.value}.low"] = g.low
            self.fields[f"gas.{g.gas.value}.high"] = g.high
            self.fields[f"gas.{g.gas.value}.legal_basis"] = g.legal_basis
        for w in [*self.gas.settings]:
            self.fields[f"setting.{w.code}.value"] = w.value
            self.fields[f"setting.{w.code}.legal_basis"] = w.legal_basis
        self.fields[f"setting.{NUMBER_PATTERN}.value"] = self.number.pattern
        self.fields[f"setting.{NUMBER_PATTERN}.legal_basis"] = self.number.legal_basis
        for t in self.separation.types:
            self.fields[f"distinct.{t.code}"] = t.pairs

    def _read_versions(self, session: Session) -> dict[str, int]:
        found = {f"gas.{r.gas}": r.version for r in gas_limit_rows(session)}
        found |= {f"setting.{c}": r.version for c, r in settings_by_code(session).items()}
        found |= {f"distinct.{r.code}": r.version for r in type_rule_rows(session)}
        return found

    def save(self, session: Session) -> int:
        """Every row in one transaction; each refusal keeps the prefix of its row."""
        problems: list[Problem] = []

        def attempt(prefix: str, write: Callable[..., Any], *args: Any, **kw: Any) -> None:
            try:
                write(session, *args, **kw)
            except InvalidInput as e:
                for p in e.problems:
                    field = prefix if prefix.startswith("distinct.") else f"{prefix}.{p.field}"
                    problems.append(Problem(field, p.msgid, p.values))

        for g in self.gas.rows:
            attempt(
                f"gas.{g.gas.value}",
                update_gas_limit,
                g.limit_id,
                self.versions.get(f"gas.{g.gas.value}"),
                low=g.low.text(),
                high=g.high.text(),
                low_inclusive=bool(g.low_sign.currentData()),
                high_inclusive=bool(g.high_sign.currentData()),
                legal_basis=g.legal_basis.text(),
            )
        for w in self.gas.settings:
            attempt(
                f"setting.{w.code}",
                update_setting,
                w.setting_id,
                self.versions.get(f"setting.{w.code}"),
                value=str(w.value.value()),
                legal_basis=w.legal_basis.text(),
            )
        attempt(
            f"setting.{NUMBER_PATTERN}",
            update_setting,
            self.number.setting_id,
            self.versions.get(f"setting.{NUMBER_PATTERN}"),
            value=self.number.pattern.text(),
            legal_basis=self.number.legal_basis.text(),
        )
        for t in self.separation.types:
            attempt(
                f"distinct.{t.code}",
                update_separation,
                t.rule_id,
                self.versions.get(f"distinct.{t.code}"),
                self.separation.pairs_of(t),
            )
        if problems:
            raise InvalidInput(problems)
        return self.number.setting_id

    def show_problems(self, error: InvalidInput) -> None:
        """Open the page (and the permit type) of the first refused field, then mark all."""
        first = self.fields.get(error.problems[0].field)
        if error.problems[0].field.startswith("distinct."):
            self.separation.show_type(error.problems[0].field.removeprefix("distinct."))
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if first is not None and page is not None and page.isAncestorOf(first):
                self.tabs.setCurrentIndex(i)
        super().show_problems(error)

    def stored_copy(self) -> RecordDialog | None:
        return PermitReferenceDialog(self.db)

    def show_stored(self, error: StaleRecord) -> None:
        super().show_stored(error)
        with self.db.session() as s:  # the next Save is made knowing the current values
            self.versions = self._read_versions(s)
