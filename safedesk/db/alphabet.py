"""Alphabetical order in SQL for tables without a stored sort key."""

from __future__ import annotations

from sqlalchemy import ColumnElement, cast, func

from safedesk.db.engine import casefold
from safedesk.db.types import SortKey

# The letters code-point order puts out of their place in the Kazakh alphabet, each spelt
# as the letter before it and a character above every letter: 'ә' → 'а\uffff' sorts after
# every 'а…' and before 'б'. The Russian letters (U+0430…U+044F) are in order already.
_LAST = "\uffff"
_MOVED = {
    "ә": "а" + _LAST,
    "ғ": "г" + _LAST,
    "ё": "е" + _LAST,
    "қ": "к" + _LAST,
    "ң": "н" + _LAST,
    "ө": "о" + _LAST,
    "ұ": "у" + _LAST,
    "ү": "у" + _LAST * 2,
    "һ": "х" + _LAST,
    "і": "ы" + _LAST,
}


def alphabetical(text: ColumnElement[str]) -> ColumnElement[str]:
    """SQL ordering `text` as `safedesk.domain.collation.sort_key` does (Kazakh alphabetical
    order, case-blind), for a table without a stored sort column: no index, small tables.

    Case-folded with `casefold` (SQLite's lower() is ASCII-only), the nine Kazakh letters and
    ё moved (`_MOVED`), compared by code point ("C" on PostgreSQL, as `SortKey` columns are).
    """
    key: ColumnElement[str] = casefold(text)
    for letter, spelt in _MOVED.items():
        key = func.replace(key, letter, spelt)
    return cast(key, SortKey)
