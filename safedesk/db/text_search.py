"""Text search that stays fast on the big registers (issue 12).

A page's search box matches a person (name, IIN, personnel No.) or the record's own
free text (a briefing's topic, a near miss's description…). Both are built here so
that the database can reach the matching rows through indexes instead of walking a
whole register:

- `person_matches(fk, typed)`: `fk IN (SELECT id FROM employees WHERE search_text
  LIKE '%…%')`: the people are few (10^4) and their rows are then found through the
  register's employee_id index. Never OR a LIKE on a joined table: that reads the
  whole register.
- `matches(db, columns, typed)`: on SQLite, a typed text of 3+ characters is looked up
  in a trigram index (an FTS5 table `<table>_fts` with `tokenize='trigram'`, external
  content, kept in sync by triggers; migration 0012), as `id IN (SELECT rowid FROM
  <table>_fts WHERE <table>_fts MATCH '"…"')`. FTS5 folds case itself, Cyrillic and
  Kazakh letters included. Shorter texts (a trigram index cannot find them) and
  databases without the index fall back to `casefold(column) LIKE '%…%'` (one or two
  letters on SQLite: a LIKE for each way of writing them in upper and lower case,
  cheaper than sd_casefold per row): so many rows match one or two letters that
  walking the page's order finds a batch at once.
  On PostgreSQL the fallback is the query: `lower(column) LIKE` uses the pg_trgm GIN
  indexes migration 0012 creates when the server lets it.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    bindparam,
    column,
    false,
    literal_column,
    or_,
    select,
    table,
)

from safedesk.db.engine import casefold
from safedesk.domain.collation import search_text

# register table -> its free-text columns searched by its page, in one trigram index
SEARCH_INDEXES: dict[str, tuple[str, ...]] = {
    "briefings": ("topic",),
    "near_misses": ("description", "place"),
    "observations": ("area", "action"),
    "permits": ("number", "location", "work"),
    "slam_cards": ("task", "place"),
}
MIN_TRIGRAM = 3  # a trigram index finds nothing shorter
# The tables SQLite's FTS5 makes for `<name>` (external content: no _content).
SHADOW_SUFFIXES = ("_data", "_idx", "_docsize", "_config", "_content")
PG_INDEX_PREFIX = "trgm_"  # pg_trgm GIN indexes, made only where the server allows


def fts_table(name: str) -> str:
    return f"{name}_fts"


def search_tables() -> set[str]:
    """Every table a trigram index may add on SQLite: the FTS5 tables and their shadows."""
    found = set()
    for name in SEARCH_INDEXES:
        fts = fts_table(name)
        found.add(fts)
        found.update(fts + suffix for suffix in SHADOW_SUFFIXES)
    return found


def is_search_index(name: str) -> bool:
    """Whether a table or index is a derived search index, not data of its own."""
    return name in search_tables() or name.startswith(PG_INDEX_PREFIX)


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic's filter: the search indexes are made by migration 0012 by hand (FTS5
    virtual tables and their shadow tables on SQLite, pg_trgm indexes on PostgreSQL),
    not described by the models, so comparing models and schema must leave them out."""
    return not (type_ in ("table", "index") and name is not None and is_search_index(name))


_found: weakref.WeakKeyDictionary[Engine, frozenset[str]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _engine_of(bind: Any) -> Engine:
    engine = getattr(bind, "engine", None)  # a Database, a Connection
    if engine is None and hasattr(bind, "get_bind"):  # a Session
        engine = bind.get_bind()
    if isinstance(engine, Connection):
        engine = engine.engine
    if not isinstance(engine, Engine):
        engine = bind
    return engine


def indexed_tables(bind: Any) -> frozenset[str]:
    """The registers that have a trigram index in this database (read once per engine)."""
    engine = _engine_of(bind)
    if engine.dialect.name != "sqlite":
        return frozenset()
    with _lock:
        known = _found.get(engine)
    if known is not None:
        return known
    wanted = {fts_table(n): n for n in SEARCH_INDEXES}
    with engine.connect() as conn:
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        ).scalars()
        known = frozenset(wanted[n] for n in names if n in wanted)
    with _lock:
        _found[engine] = known
    return known


def forget(bind: Any) -> None:
    """Read the indexes again next time (after a migration made or dropped them)."""
    with _lock:
        _found.pop(_engine_of(bind), None)


def fts_phrase(typed: str) -> str:
    """An FTS5 query matching `typed` as one substring (any character, quotes doubled)."""
    return '"' + typed.replace('"', '""') + '"'


def matches(bind: Any, columns: Sequence[Any], typed: str) -> ColumnElement[bool]:
    """`typed` appears in any of `columns` (of one register table), case-blind.

    `bind` is the Database (or an engine, connection or session) the query runs on.
    """
    typed = typed.strip()
    if not typed or not columns:
        return false()
    exprs = [getattr(c, "expression", c) for c in columns]
    owner = exprs[0].table
    names = tuple(c.name for c in exprs)
    if (
        len(typed) >= MIN_TRIGRAM
        and owner.name in indexed_tables(bind)
        and set(names) <= set(SEARCH_INDEXES[owner.name])
    ):
        fts = fts_table(owner.name)
        phrase = fts_phrase(typed)
        if set(names) != set(SEARCH_INDEXES[owner.name]):  # only some of the columns
            phrase = "{" + " ".join(names) + "} : " + phrase
        found: Any = (
            select(column("rowid"))
            .select_from(table(fts))
            .where(literal_column(fts).op("MATCH")(bindparam(None, phrase, unique=True)))
        )
        return owner.c.id.in_(found)  # type: ignore[no-any-return]
    if len(typed) < MIN_TRIGRAM and _engine_of(bind).dialect.name == "sqlite":
        # One or two letters: each way of writing them, with SQLite's own LIKE (case-blind
        # for ASCII only), is far cheaper per row than calling sd_casefold on every row.
        spellings = {""}
        for char in typed:
            spellings = {s + c for s in spellings for c in {char.lower(), char.upper()}}
        return or_(*(c.contains(s, autoescape=True) for c in exprs for s in sorted(spellings)))
    folded = typed.casefold()
    return or_(*(casefold(c).contains(folded, autoescape=True) for c in exprs))


def refers_to_match(fk: Any, search_column: Any, typed: str) -> ColumnElement[bool]:
    """The row that `fk` refers to has `typed` in its `search_column` (a `search_text`
    column: a person's, a contractor's worker's, a PPE item's): `fk IN (SELECT id …)`,
    so that the register is reached through its index on `fk`.

    A text shorter than MIN_TRIGRAM matches most rows: then the plain LIKE on the
    referred table, which the page's query must join, lets the page's order be walked
    and stop at the first batch (an IN over most people would read the whole register).
    """
    text = search_text(typed.strip())
    if not text:
        return false()
    if len(text) < MIN_TRIGRAM:
        return search_column.contains(text, autoescape=True)  # type: ignore[no-any-return]
    owner = getattr(search_column, "expression", search_column).table
    found = select(owner.c.id).where(search_column.contains(text, autoescape=True))
    return fk.in_(found)  # type: ignore[no-any-return]


def person_matches(employee_fk: Any, typed: str) -> ColumnElement[bool]:
    """The row's person (by `employee_fk`) has `typed` in the name, IIN or personnel No."""
    from safedesk.db.models import Employee

    return refers_to_match(employee_fk, Employee.search_text, typed)
