"""Random text in every field of the employee card: saved, or refused with the input kept."""

from __future__ import annotations

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import Employee
from safedesk.ui.dialogs.employee import EmployeeDialog

TEXT_FIELDS = (
    "iin",
    "surname",
    "name",
    "patronymic",
    "personnel_no",
    "clothing_size",
    "shoe_size",
    "head_size",
    "glove_size",
)
typed = st.one_of(
    st.text(max_size=60),
    st.text(alphabet="0123456789", min_size=11, max_size=13),
    st.sampled_from(["871008401427", "760212350620", "000000000000", "", " " * 5]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.fixed_dictionaries({name: typed for name in TEXT_FIELDS}), st.integers(-5, 400))
def test_any_input_is_saved_or_refused_without_losing_it(
    db: Database, qtbot: QtBot, values: dict[str, str], height: int
) -> None:
    dialog = EmployeeDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    for name, value in values.items():
        widget = dialog.fields[name]
        assert isinstance(widget, QLineEdit)
        widget.setText(value)
    spin = dialog.fields["height_cm"]
    assert isinstance(spin, QSpinBox)
    spin.setValue(height)
    shown = {name: dialog.fields[name].text() for name in TEXT_FIELDS}  # type: ignore[attr-defined]
    dialog.accept()
    event("refused" if dialog.isVisible() else "saved")
    if dialog.isVisible():  # refused: the reason is said, and nothing typed is gone
        assert dialog.message.text()
        assert {name: dialog.fields[name].text() for name in TEXT_FIELDS} == shown  # type: ignore[attr-defined]
    else:
        assert dialog.saved_id is not None
        with db.session() as s:
            saved = s.scalar(select(Employee).where(Employee.id == dialog.saved_id))
            assert saved is not None and saved.iin == shown["iin"].strip()
    dialog.close()
