"""What is due, counted by hand-written SQL through the sqlite3 module: the baseline of
each register's `due_counts` in benchmarks/home.py.

Each function takes a sqlite3 connection and the day, and returns
{register: (overdue, due within 30 days)} with the registers' rules written directly
in SQLite's SQL (dates as ISO text, moments as naive UTC text, as SQLAlchemy stores
them). Registers with nothing due are left out, as `due_counts` leaves them out.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import Any

Counts = dict[str, tuple[int, int]]

ACTIVE = (
    "e.deleted_at IS NULL AND (e.dismissal_date IS NULL OR e.dismissal_date >= :today)"
)
AT_WORK = (  # PPE: dismissed on the day is gone, not hired yet is not there
    "e.deleted_at IS NULL AND (e.dismissal_date IS NULL OR e.dismissal_date > :today)"
    " AND (e.hire_date IS NULL OR e.hire_date <= :today)"
)
ON_SITE = "w.deleted_at IS NULL AND (w.left_on IS NULL OR w.left_on >= :today)"


def _params(today: dt.date) -> dict[str, Any]:
    return {
        "today": today.isoformat(),
        "soon": (today + dt.timedelta(days=30)).isoformat(),
    }


def _count(conn: sqlite3.Connection, register: str, inner: str, params: dict[str, Any],
           out: Counts) -> None:  # fmt: skip
    """Add the counts of `inner` (a query with a `due` column) to `out`."""
    overdue, soon = conn.execute(
        "SELECT count(CASE WHEN due < :today THEN 1 END), count(CASE WHEN due >= :today"
        f" THEN 1 END) FROM ({inner}) WHERE due <= :soon",
        params,
    ).fetchone()
    if overdue or soon:
        was = out.get(register, (0, 0))
        out[register] = (was[0] + overdue, was[1] + soon)


def briefings(conn: sqlite3.Connection, today: dt.date) -> Counts:
    out: Counts = {}
    _count(conn, "briefings", f"""
        SELECT b.next_due AS due FROM employees e JOIN briefings b ON b.id = (
          SELECT x.id FROM briefings x WHERE x.employee_id = e.id AND x.deleted_at IS NULL
            AND x.kind IN ('primary', 'repeated') ORDER BY x.held_on DESC, x.id DESC LIMIT 1)
        WHERE {ACTIVE}""", _params(today), out)  # fmt: skip
    return out


def knowledge_checks(conn: sqlite3.Connection, today: dt.date) -> Counts:
    out: Counts = {}
    _count(conn, "knowledge_checks", f"""
        SELECT r.valid_until AS due FROM employees e JOIN check_results r ON r.id = (
          SELECT x.id FROM check_results x JOIN check_sessions s ON s.id = x.session_id
          WHERE x.employee_id = e.id AND x.outcome = 'passed' AND s.deleted_at IS NULL
            AND s.signed_on IS NOT NULL ORDER BY x.checked_on DESC, x.id DESC LIMIT 1)
        WHERE {ACTIVE}""", _params(today), out)  # fmt: skip
    return out


def _latest_certificate(holder: str) -> str:
    return f"""NOT EXISTS (SELECT 1 FROM certificates n WHERE n.{holder} = c.{holder}
        AND n.kind = c.kind AND n.deleted_at IS NULL
        AND (n.issued_on > c.issued_on OR (n.issued_on = c.issued_on AND n.id > c.id)))"""


def certificates(conn: sqlite3.Connection, today: dt.date) -> Counts:
    out: Counts = {}
    p = _params(today)
    _count(conn, "certificates", f"""
        SELECT c.valid_to AS due FROM certificates c JOIN employees e ON e.id = c.employee_id
        WHERE c.deleted_at IS NULL AND {_latest_certificate("employee_id")} AND {ACTIVE}""",
           p, out)  # fmt: skip
    _count(conn, "certificates", f"""
        SELECT c.valid_to AS due FROM certificates c
        JOIN contractor_workers w ON w.id = c.contractor_worker_id
        WHERE c.deleted_at IS NULL AND {_latest_certificate("contractor_worker_id")}
          AND {ON_SITE}""", p, out)  # fmt: skip
    return out


def contractor_training(conn: sqlite3.Connection, today: dt.date) -> Counts:
    out: Counts = {}
    p = _params(today)
    _count(conn, "contractor_workers", f"""
        SELECT k.valid_until AS due FROM contractor_workers w JOIN contractor_checks k ON k.id = (
          SELECT x.id FROM contractor_checks x WHERE x.worker_id = w.id
            AND x.deleted_at IS NULL AND x.outcome = 'passed'
          ORDER BY x.checked_on DESC, x.id DESC LIMIT 1)
        WHERE {ON_SITE}""", p, out)  # fmt: skip
    _count(conn, "contractor_workers", f"""
        SELECT b.next_due AS due FROM contractor_workers w
        JOIN contractor_briefings b ON b.id = (
          SELECT x.id FROM contractor_briefings x WHERE x.worker_id = w.id
            AND x.deleted_at IS NULL AND x.kind IN ('primary', 'repeated')
          ORDER BY x.held_on DESC, x.id DESC LIMIT 1)
        WHERE {ON_SITE}""", p, out)  # fmt: skip
    return out


def safety_days(conn: sqlite3.Connection, today: dt.date) -> Counts:
    kept = conn.execute(
        "SELECT 1 FROM safety_days WHERE deleted_at IS NULL AND held_on < ? LIMIT 1",
        (today.isoformat(),),
    ).fetchone()
    if kept is None:
        return {}
    first = today.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    held = conn.execute(
        "SELECT 1 FROM safety_days WHERE deleted_at IS NULL AND held_on BETWEEN ? AND ? LIMIT 1",
        (first.isoformat(), last.isoformat()),
    ).fetchone()
    if held is not None or (last - today).days > 30:
        return {}
    return {"safety_days": (0, 1)}


def insurance(conn: sqlite3.Connection, today: dt.date) -> Counts:
    t = today.isoformat()
    current = conn.execute(
        "SELECT valid_to FROM insurance_contracts WHERE deleted_at IS NULL AND valid_from <= ?"
        " AND valid_to >= ? ORDER BY valid_to DESC LIMIT 1",
        (t, t),
    ).fetchone()
    if current is not None:
        end = dt.date.fromisoformat(current[0])
        if (end - today).days > 30:
            return {}
        renewal = conn.execute(
            "SELECT 1 FROM insurance_contracts WHERE deleted_at IS NULL AND valid_from > ?"
            " LIMIT 1",
            ((end - dt.timedelta(days=1)).isoformat(),),
        ).fetchone()
        return {} if renewal else {"insurance_contracts": (0, 1)}
    lapsed = conn.execute(
        "SELECT 1 FROM insurance_contracts WHERE deleted_at IS NULL AND valid_to < ? LIMIT 1",
        (t,),
    ).fetchone()
    return {"insurance_contracts": (1, 0)} if lapsed else {}


def near_misses(conn: sqlite3.Connection, today: dt.date) -> Counts:
    out: Counts = {}
    _count(conn, "near_misses", "SELECT action_due AS due FROM near_misses"
           " WHERE deleted_at IS NULL AND status != 'closed'", _params(today), out)  # fmt: skip
    return out


def observations(conn: sqlite3.Connection, today: dt.date) -> Counts:
    out: Counts = {}
    _count(conn, "observations", "SELECT action_due AS due FROM observations"
           " WHERE deleted_at IS NULL AND status != 'closed'", _params(today), out)  # fmt: skip
    return out


CURRENT_ACCIDENT = (
    "a.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM accidents n WHERE n.corrects_id = a.id)"
)


def accident_due(conn: sqlite3.Connection, today: dt.date) -> Counts:
    """Measures in SQL; the legal steps of the open investigations by the domain's rule
    (working days by the holiday calendar), from rows read here."""
    from safedesk.domain.accident_deadlines import DeadlineRules
    from safedesk.domain.accidents import accident_steps
    from safedesk.domain.working_days import WorkCalendar

    out: Counts = {}
    _count(conn, "accidents", f"""
        SELECT c.due AS due FROM accident_causes c JOIN accidents a ON a.id = c.accident_id
        WHERE {CURRENT_ACCIDENT} AND c.done_on IS NULL""", _params(today), out)  # fmt: skip
    rows = conn.execute(
        "SELECT occurred_at, notified_on, commission_on, investigated_on, act_on"
        f" FROM accidents a WHERE {CURRENT_ACCIDENT} AND a.signed = 0"
    ).fetchall()
    if not rows:
        return out
    calendar = WorkCalendar.from_days(
        (dt.date.fromisoformat(d), k) for d, k in conn.execute(
            "SELECT day, kind FROM public_holidays")
    )  # fmt: skip
    rules = DeadlineRules.from_values(
        dict(conn.execute("SELECT code, value FROM accident_deadline_rules").fetchall())
    )

    def day(text: str | None) -> dt.date | None:
        return dt.date.fromisoformat(text) if text else None

    overdue = soon = 0
    horizon = today + dt.timedelta(days=30)
    for occurred, notified, commission, investigated, act in rows:
        moment = dt.datetime.fromisoformat(occurred).replace(tzinfo=dt.UTC)
        for step in accident_steps(
            moment, calendar, notified_on=day(notified), commission_on=day(commission),
            investigated_on=day(investigated), act_on=day(act), rules=rules,
        ):  # fmt: skip
            if step.done is None and step.due <= horizon:
                overdue, soon = overdue + (step.due < today), soon + (step.due >= today)
    was = out.get("accidents", (0, 0))
    if overdue or soon:
        out["accidents"] = (was[0] + overdue, was[1] + soon)
    return out


def risk_assessments(conn: sqlite3.Connection, today: dt.date) -> Counts:
    out: Counts = {}
    p = _params(today)
    _count(conn, "risk_assessments", "SELECT a.next_review AS due FROM risk_assessments a"
           " JOIN units u ON u.id = a.unit_id WHERE a.deleted_at IS NULL"
           " AND a.superseded_on IS NULL", p, out)  # fmt: skip
    _count(conn, "risk_controls", """
        SELECT c.deadline AS due FROM risk_controls c JOIN risk_rows r ON r.id = c.row_id
        JOIN risk_assessments a ON a.id = r.assessment_id JOIN employees e ON e.id = c.owner_id
        WHERE c.deleted_at IS NULL AND r.deleted_at IS NULL AND a.deleted_at IS NULL
          AND c.status IN ('planned', 'in_progress')""", p, out)  # fmt: skip
    return out


RANK = "CASE {w} WHEN 'months' THEN 0 WHEN 'until_worn' THEN 1 ELSE 2 END"
PPE = f"""
WITH lines AS (
  SELECT e.id AS employee_id, l.item_id, l.quantity, {RANK.format(w="l.wear")} AS r
  FROM employees e JOIN ppe_position_norms pn ON pn.position_id = e.position_id
  JOIN ppe_norm_lines l ON l.norm_set_id = pn.norm_set_id
  JOIN ppe_norm_sets s ON s.id = l.norm_set_id
  WHERE l.deleted_at IS NULL AND s.deleted_at IS NULL AND {AT_WORK}
  UNION ALL
  SELECT x.employee_id, x.item_id, x.quantity, {RANK.format(w="x.wear")}
  FROM ppe_personal_norms x JOIN employees e ON e.id = x.employee_id
  WHERE x.deleted_at IS NULL AND {AT_WORK}),
entitled AS (
  SELECT employee_id, item_id, max(quantity) AS q, min(r) AS r FROM lines
  GROUP BY employee_id, item_id),
in_use AS (
  SELECT i.employee_id, i.item_id, i.due_date,
    i.quantity - coalesce((SELECT sum(t.quantity) FROM ppe_returns t
                           WHERE t.issue_id = i.id AND t.deleted_at IS NULL), 0) AS left
  FROM ppe_issues i JOIN employees e ON e.id = i.employee_id
  WHERE i.closed_on IS NULL AND i.deleted_at IS NULL AND {AT_WORK}),
held AS (
  SELECT employee_id, item_id,
    sum(CASE WHEN due_date IS NOT NULL AND due_date <= :soon THEN 0 ELSE left END) AS valid,
    min(CASE WHEN due_date IS NOT NULL AND due_date <= :soon THEN due_date END) AS first_due
  FROM in_use WHERE left > 0 GROUP BY employee_id, item_id)
SELECT CASE WHEN n.r = 0 AND h.first_due IS NOT NULL THEN h.first_due
            ELSE coalesce(e.hire_date, :today) END AS due
FROM entitled n JOIN employees e ON e.id = n.employee_id JOIN ppe_items it ON it.id = n.item_id
LEFT JOIN held h ON h.employee_id = n.employee_id AND h.item_id = n.item_id
WHERE it.deleted_at IS NULL AND n.r != 2 AND n.q > 0 AND n.q > coalesce(h.valid, 0)
"""


def ppe_due(conn: sqlite3.Connection, today: dt.date) -> Counts:
    out: Counts = {}
    _count(conn, "ppe_issues", PPE, _params(today), out)
    return out


def ppe_equipment(conn: sqlite3.Connection, today: dt.date) -> Counts:
    out: Counts = {}
    _count(conn, "protective_equipment", "SELECT p.next_test_date AS due"
           " FROM protective_equipment p JOIN ppe_items i ON i.id = p.item_id"
           " WHERE p.deleted_at IS NULL", _params(today), out)  # fmt: skip
    return out


def _utc_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def permit_due(conn: sqlite3.Connection, today: dt.date) -> Counts:
    from safedesk.domain.accidents import KAZAKHSTAN

    def midnight(day: dt.date, shift: dt.timedelta = dt.timedelta(0)) -> str:
        return _utc_text(dt.datetime.combine(day, dt.time(), tzinfo=KAZAKHSTAN) - shift)

    row = conn.execute(
        "SELECT value FROM permit_settings WHERE code = 'gas_test.interval_minutes'"
    ).fetchone()
    interval = dt.timedelta(minutes=max(1, int(row[0])) if row else 60)
    end = today + dt.timedelta(days=31)
    overdue = soon = 0
    for shift, query in (
        (dt.timedelta(0), "SELECT planned_end AS due FROM permits WHERE deleted_at IS NULL"
                          " AND state IN ('issued', 'active', 'suspended')"),
        (interval, "SELECT coalesce((SELECT max(g.taken_at) FROM permit_gas_tests g"
                   " WHERE g.permit_id = p.id), :never) AS due FROM permits p"
                   " WHERE p.deleted_at IS NULL AND p.state = 'active' AND p.type IN"
                   " (SELECT code FROM permit_type_rules WHERE gas_test = 1)"),
    ):  # fmt: skip
        first, last = midnight(today, shift), midnight(end, shift)
        o, s = conn.execute(
            "SELECT count(CASE WHEN due < :first THEN 1 END), count(CASE WHEN due >= :first"
            f" THEN 1 END) FROM ({query}) WHERE due < :last",
            {"first": first, "last": last, "never": midnight(today, interval)},
        ).fetchone()
        overdue, soon = overdue + o, soon + s
    return {"permits": (overdue, soon)} if overdue or soon else {}


RAW: dict[str, Callable[[sqlite3.Connection, dt.date], Counts]] = {
    "safedesk.db.briefings": briefings,
    "safedesk.db.knowledge_checks": knowledge_checks,
    "safedesk.db.certificates": certificates,
    "safedesk.db.contractor_training": contractor_training,
    "safedesk.db.safety_days": safety_days,
    "safedesk.db.insurance": insurance,
    "safedesk.db.near_misses": near_misses,
    "safedesk.db.observations": observations,
    "safedesk.db.accident_due": accident_due,
    "safedesk.db.risk_assessments": risk_assessments,
    "safedesk.db.ppe_due": ppe_due,
    "safedesk.db.ppe_equipment": ppe_equipment,
    "safedesk.db.permit_due": permit_due,
}
