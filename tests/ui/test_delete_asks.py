"""Delete on a register page asks first: one stray click must not remove a record."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from safedesk.db.engine import Database
from safedesk.db.holidays import HolidayFields, add_holiday
from safedesk.db.models import PublicHoliday
from safedesk.ui.pages.holidays import HolidaysPage


def _holidays(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count(PublicHoliday.id))) or 0)


def _select_day(page: HolidaysPage, holiday_id: int) -> None:
    page.select_id(holiday_id)
    assert page.current_id() == holiday_id


def test_delete_removes_nothing_until_the_user_says_yes(db: Database, qtbot: QtBot) -> None:
    with db.write() as s:
        added = add_holiday(
            s, HolidayFields(dt.date(2031, 3, 3), name_ru="Проверка", name_kk="Тексеру")
        )
        holiday_id = added.id
    page = HolidaysPage(db)
    qtbot.addWidget(page)
    page.year.setValue(2031)  # the page lists from 1 January of the year chosen
    questions: list[str] = []
    answers = [False, True]
    page.confirm = lambda _parent, text: questions.append(text) or answers.pop(0)
    before = _holidays(db)

    _select_day(page, holiday_id)
    page.delete_action.trigger()
    assert questions == ["Delete the selected holiday?"]
    assert _holidays(db) == before  # "No": the holiday stays

    _select_day(page, holiday_id)
    page.delete_action.trigger()
    assert _holidays(db) == before - 1
    assert page.model.row_of(holiday_id) is None  # and it is gone from the page
