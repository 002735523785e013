"""A join whose first table SQLite loops over first: for pages sorted by a joined table.

SQLite chooses the order of a join's tables itself, and for a register sorted by a
column of the person (name, personnel number) it usually loops over the register's rows
and sorts them all. Written as `CROSS JOIN`, SQLite keeps the tables in the order written:
then it walks the people in that column's index and looks up each one's rows through the
register's (employee_id, …) index, and a batch stops at its LIMIT.
"""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.selectable import Join


class WalkedFirst(Join):
    """An inner join whose left side SQLite loops over first (the outer loop).

    SQLite keeps the tables of a `CROSS JOIN` in the order written. A register sorted by
    a column of the joined person then walks the people in that column's index and
    looks up each one's rows: the batch stops at its LIMIT instead of sorting every row.
    Other databases (PostgreSQL) get a plain JOIN and order the tables themselves.
    """

    inherit_cache = True


@compiles(WalkedFirst)
def _plain_join(join: WalkedFirst, compiler: Any, **kw: Any) -> str:
    return str(compiler.visit_join(join, **kw))


@compiles(WalkedFirst, "sqlite")
def _cross_join(
    join: WalkedFirst, compiler: Any, asfrom: bool = False, from_linter: Any = None, **kw: Any
) -> str:
    # SQLCompiler.visit_join with CROSS JOIN for JOIN (an inner join to SQLite too).
    if from_linter:
        from_linter.edges.update(
            itertools.product(
                _original(join.left._from_objects), _original(join.right._from_objects)
            )
        )
    left = join.left._compiler_dispatch(compiler, asfrom=True, from_linter=from_linter, **kw)
    right = join.right._compiler_dispatch(compiler, asfrom=True, from_linter=from_linter, **kw)
    assert join.onclause is not None  # an inner join always has its ON
    on = join.onclause._compiler_dispatch(compiler, from_linter=from_linter, **kw)
    return f"{left} CROSS JOIN {right} ON {on}"


def _original(elements: Any) -> list[Any]:
    found = []
    for element in elements:
        while getattr(element, "_is_clone_of", None) is not None:
            element = element._is_clone_of
        found.append(element)
    return found
