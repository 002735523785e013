"""The audit log's hash chain: each entry's hash covers the previous hash and itself.

Changing, inserting or deleting any entry breaks the chain from that entry on, so
`first_broken` names where the trail stops being trustworthy.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def canonical(values: Mapping[str, Any] | None) -> str | None:
    """One fixed text for a row's values: sorted keys, ISO dates, no spaces."""
    if values is None:
        return None
    return json.dumps(
        {k: _plain(v) for k, v in values.items()},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )


@dataclass(frozen=True)
class ChainEntry:
    id: int
    at: dt.datetime
    user: str
    table_name: str
    row_id: int
    action: str
    before: str | None
    after: str | None
    prev_hash: str
    hash: str


def entry_hash(
    prev_hash: str,
    *,
    at: dt.datetime,
    user: str,
    table_name: str,
    row_id: int,
    action: str,
    before: str | None,
    after: str | None,
) -> str:
    body = canonical(
        {
            "at": at,
            "user": user,
            "table": table_name,
            "row": row_id,
            "action": action,
            "before": before,
            "after": after,
        }
    )
    return hashlib.sha256((prev_hash + (body or "")).encode("utf-8")).hexdigest()


def first_broken(entries: Iterable[ChainEntry]) -> ChainEntry | None:
    """The first entry, in id order, whose link or hash does not hold; None if all hold."""
    prev = GENESIS
    for e in entries:
        expected = entry_hash(
            prev,
            at=e.at,
            user=e.user,
            table_name=e.table_name,
            row_id=e.row_id,
            action=e.action,
            before=e.before,
            after=e.after,
        )
        if e.prev_hash != prev or e.hash != expected:
            return e
        prev = e.hash
    return None
