"""The printed permit-to-work (НАРЯД-РҰҚСАТ / НАРЯД-ДОПУСК), A4, every section, ready to sign.

The paper permit is filled in during the work as much as before it: while a permit is
open, the tables of gas tests, daily admissions, crew changes and extensions end with
empty ruled rows for the entries still to come, and every signature cell stays empty.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.people import group_numeral
from safedesk.domain.permit_gas import GAS_LABELS, Gas, GasLimit, describe_limits
from safedesk.domain.permit_reference import basis_in
from safedesk.domain.permits import (
    ACTION_LABELS,
    PERMIT_TYPE_LABELS,
    ROLE_LABELS,
    Action,
    PermitState,
    PermitType,
    Role,
)
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.grid import GridColumn, both, grid
from safedesk.forms.pdf.page import DocumentInfo, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.permit_data import GasLine, PermitData, Person, load_permit
from safedesk.forms.pdf.styles import Styles, make_styles
from safedesk.forms.pdf.text import Texts, decimal, markup
from safedesk.i18n import N_

HEADING = N_("PERMIT-TO-WORK")
KIND = N_("Type of work: {kind}")
BASIS = N_("Basis: {basis}")
BASIS_EDITION = N_("edition of {date}")
UNIT = N_("Unit")
PLACE = N_("Place of the work")
WORK = N_("Work to be done")
PLANNED = N_("Planned: from {start} to {end}")
EXTENDED = N_("extended to {end}")
ROLES = N_("1. Persons responsible for the safe conduct of the work")
HAZARDS = N_("2. Hazardous and harmful factors")
MEASURES = N_("3. Safety measures")
PPE = N_("4. Required personal protective equipment")
ISOLATIONS = N_("5. Isolation (lockout/tagout) points")
CREW = N_("6. The crew and its targeted briefing")
GAS = N_("7. Gas tests (limits: {limits})")
GAS_NO_LIMITS = N_("7. Gas tests")
GAS_LIMITS_CHANGED = N_(
    "The gas limits were changed between the tests; each test is judged by the limits "
    "in force when it was taken:"
)
GAS_LIMITS_NOW = N_("Tests still to come are judged by the limits in force now:")
SHIFTS = N_("8. Daily admission and end of shift")
EXTENSIONS = N_("9. Extensions")
CLOSURE = N_("10. Closure")
CLOSURE_TEXT = N_(
    "The work is finished, the crew is withdrawn, the isolations are removed, "
    "the place is tidied. The permit is closed at {at}. Reported to: {to}."
)
OVERRIDES = N_("The admission gate was overridden")
CREW_CHANGE = N_("Crew change")
NONE = N_("none")
NOT_REQUIRED = N_("not required for this type of work")
ISSUER_SIGN = N_("Permit issued by")
ISSUED_AT = N_("issued {at}")
SUPERVISOR_SIGN = N_("Work supervisor")
ADMITTER_SIGN = N_("Admitter")
CONTRACTOR = N_("contractor: {name}")
REF = N_("Permit No. {number}")
BLANK = "___.___.______ ___:___"


def moment(value: dt.datetime | None) -> str:
    return value.astimezone(KAZAKHSTAN).strftime("%d.%m.%Y %H:%M") if value else ""


def _title(t: Texts, s: Styles, msgid: str, **values: Any) -> Any:
    return parts.paragraph(f"<b>{markup(t.joined(msgid, **values))}</b>", s.left)


def _lines(t: Texts, msgid: str) -> str:
    """A label in every printed language, one under the other, as paragraph markup."""
    return "<br/>".join(markup(x) for x in t.joined(msgid, sep="\n").split("\n"))


def _position(t: Texts, p: Person) -> str:
    position = both(t, p.position_kk, p.position_ru)
    if p.contractor:
        position = f"{position}\n{t.joined(CONTRACTOR, name=p.contractor)}".strip()
    return position


def _empty(t: Texts, s: Styles, msgid: str) -> Any:
    """The line of a section with nothing to list: the section still prints, by its number."""
    return parts.paragraph(markup("— " + t.joined(msgid)), s.left)


def _blank_rows(data: PermitData, width: int, count: int = 3) -> list[list[str]]:
    """Empty ruled rows for the entries still to be written by hand on an open permit."""
    if data.state in (PermitState.CLOSED, PermitState.CANCELLED):
        return []
    return [[""] * width for _ in range(count)]


def _header(data: PermitData, t: Texts, s: Styles, width: float) -> list[Any]:
    label = PERMIT_TYPE_LABELS[data.type]
    kind = " / ".join(
        dict.fromkeys(t.get(lang, KIND, kind=t.get(lang, label).lower()) for lang in t.languages)
    )
    planned = t.joined(PLANNED, start=moment(data.planned_start), end=moment(data.original_end))
    if data.planned_end != data.original_end:
        planned += "; " + t.joined(EXTENDED, end=moment(data.planned_end))
    rows = [
        [t.joined(UNIT, sep="\n"), both(t, data.unit_kk, data.unit_ru)],
        [t.joined(PLACE, sep="\n"), data.location],
        [t.joined(WORK, sep="\n"), data.work],
    ]
    story = parts.document_heading(t, s, width, HEADING, data.number, data.created, None)
    story.append(parts.paragraph(f"<b>{markup(kind)}</b>", s.centre))
    story += [parts.paragraph(markup(line), s.caption) for line in _bases(data, t)]
    story += [parts.spacer(2), _pairs(rows, width), parts.spacer(1.5)]
    story.append(parts.paragraph(markup(planned), s.left))
    return story


def _bases(data: PermitData, t: Texts) -> list[str]:
    """'Негіздеме: …' / 'Основание: …': the act in each printed language, each once."""
    lines: list[str] = []
    for lang in t.languages:
        basis = basis_in(data.legal_basis, lang)
        if not basis:
            continue
        edition = data.basis_edition
        if edition is not None and f"{edition:%d.%m.%Y}" not in basis:
            basis += f" ({t.get(lang, BASIS_EDITION, date=f'{edition:%d.%m.%Y}')})"
        line = t.get(lang, BASIS, basis=basis)
        if line not in lines:
            lines.append(line)
    return lines


def _pairs(rows: list[list[str]], width: float) -> Any:
    from reportlab.platypus import Table, TableStyle

    from safedesk.forms.pdf.fonts import REGULAR
    from safedesk.forms.pdf.grid import body_cell, cell, grid_styles

    body, head = grid_styles(8.5)
    # A table's default padding: 6 points on either side of a cell.
    data = [[cell(label, head), body_cell(value, body, width * 0.78, 12)] for label, value in rows]
    return Table(
        data,
        colWidths=[width * 0.22, width * 0.78],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        ),
        hAlign="LEFT",
    )


def _roles(data: PermitData, t: Texts) -> tuple[list[GridColumn], list[list[str]]]:
    electrical = data.type is PermitType.ELECTRICAL
    columns = [
        GridColumn(N_("Role"), 0.2),
        GridColumn(N_("Full name"), 0.27),
        GridColumn(N_("Position"), 0.24),
    ]
    if electrical:
        columns.append(GridColumn(N_("Electrical group"), 0.09, "CENTER"))
    columns.append(GridColumn(N_("Signature"), 0.14))
    rows = []
    for role in Role:
        p = data.roles.get(role)
        row = [t.joined(ROLE_LABELS[role], sep="\n"), p.full_name if p else "", ""]
        row[2] = _position(t, p) if p else ""
        if electrical:
            row.append(group_numeral(p.electrical_group) if p else "")
        rows.append([*row, ""])
    return columns, rows


def _numbered(items: tuple[str, ...], t: Texts, s: Styles) -> list[Any]:
    if not items:
        return [_empty(t, s, NONE)]
    return [parts.paragraph(markup(f"{i}. {text}"), s.left) for i, text in enumerate(items, 1)]


def _isolations(data: PermitData) -> tuple[list[GridColumn], list[list[str]]]:
    columns = [
        GridColumn(N_("No."), 0.04, "CENTER"),
        GridColumn(N_("What is isolated"), 0.2),
        GridColumn(N_("How (switched off, locked, tagged, earthed)"), 0.18),
        GridColumn(N_("Lock No."), 0.08),
        GridColumn(N_("Applied: date, time, by"), 0.15),
        GridColumn(N_("Signature"), 0.09),
        GridColumn(N_("Removed: date, time, by"), 0.15),
        GridColumn(N_("Signature"), 0.09),
    ]
    rows = [
        [
            str(i),
            p.point,
            p.method,
            p.lock_no,
            f"{moment(p.applied_at)}\n{p.applied_by}".strip(),
            "",
            f"{moment(p.removed_at)}\n{p.removed_by}".strip(),
            "",
        ]
        for i, p in enumerate(data.isolations, 1)
    ]
    return columns, rows


def _crew(data: PermitData, t: Texts) -> tuple[list[GridColumn], list[list[str]]]:
    electrical = data.type is PermitType.ELECTRICAL
    # An electrical permit's group column is taken from the name and the position.
    columns = [
        GridColumn(N_("No."), 0.04, "CENTER"),
        GridColumn(N_("Full name"), 0.15 if electrical else 0.18),
        GridColumn(N_("Position"), 0.11 if electrical else 0.15),
    ]
    if electrical:
        columns.append(GridColumn(N_("Electrical group"), 0.09, "CENTER"))
    # The signature columns are as wide as 'инструктирующего' in the head needs.
    columns += [
        GridColumn(N_("Joined / left"), 0.12),
        GridColumn(N_("Briefed: date, time, by"), 0.15),
        GridColumn(N_("Signature of the person briefed"), 0.13),
        GridColumn(N_("Signature of the instructor"), 0.13),
    ]
    rows = []
    for i, c in enumerate(data.crew, 1):
        row = [str(i), c.person.full_name, _position(t, c.person)]
        if electrical:
            row.append(group_numeral(c.person.electrical_group))
        moved = " – ".join(x for x in (moment(c.joined_at), moment(c.left_at)) if x)
        row += [moved, f"{moment(c.briefed_at)}\n{c.briefed_by}".strip(), "", ""]
        rows.append(row)
    return columns, rows + _blank_rows(data, len(columns), 2)


def _limits_text(limits: dict[Gas, GasLimit], t: Texts) -> str:
    """'O₂, % 19,5 – 23,5; LEL, % < 10; …' with the labels and decimals of the first language."""
    first = t.languages[0]
    return describe_limits(
        limits, lambda g: t.get(first, GAS_LABELS[g]), lambda v: decimal(v, first)
    )


def _limit_sets(
    tests: tuple[GasLine, ...],
) -> list[tuple[dict[Gas, GasLimit], list[tuple[dt.datetime, dt.datetime]]]]:
    """Each set of limits the tests were judged by, in the order first used, with the
    runs of consecutive tests (first and last taken) judged by it.

    The limits are edited now and then, so the tests of a permit come in runs; a set
    that comes back (an edit undone) has a run for each time it was in force.
    """
    sets: list[tuple[dict[Gas, GasLimit], list[tuple[dt.datetime, dt.datetime]]]] = []
    previous: dict[Gas, GasLimit] | None = None
    for test in tests:
        runs = next((r for limits, r in sets if limits == test.limits), None)
        if runs is None:
            runs = []
            sets.append((test.limits, runs))
        if runs and test.limits == previous:
            runs[-1] = (runs[-1][0], test.taken_at)
        else:
            runs.append((test.taken_at, test.taken_at))
        previous = test.limits
    return sets


def _gas_notes(data: PermitData, t: Texts, s: Styles) -> tuple[str, list[Any]]:
    """The limits for the title of section 7 ('' for none), and the lines under its table.

    Each test keeps the limits it was judged by. When every test shares one set, the
    title carries it; when the limits were edited between the tests, each set is listed
    under the table with the tests it judged. A permit with no tests yet is titled with
    the limits in force now, which its tests will be judged by; an open permit whose
    limits were edited since its last test names them under the table.
    """
    sets = _limit_sets(data.gas_tests)
    notes: list[Any] = []
    if not sets:
        return _limits_text(data.gas_limits, t), notes
    if len(sets) == 1:
        title = _limits_text(sets[0][0], t)
    else:
        title = ""
        notes.append(parts.paragraph(markup(t.joined(GAS_LIMITS_CHANGED)), s.left))
        for limits, runs in sets:
            when = ", ".join(
                moment(first) if first == last else f"{moment(first)} – {moment(last)}"
                for first, last in runs
            )
            line = f"— {when}: {_limits_text(limits, t)}"
            notes.append(parts.paragraph(markup(line), s.left))
    still_open = data.state not in (PermitState.CLOSED, PermitState.CANCELLED)
    if still_open and data.gas_tests[-1].limits != data.gas_limits:
        # The limits on a line of their own, as above: once, not once per language.
        notes.append(parts.paragraph(markup(t.joined(GAS_LIMITS_NOW)), s.left))
        now = _limits_text(data.gas_limits, t)
        notes.append(parts.paragraph(markup(f"— {now}"), s.left))
    return title, notes


def _gas(data: PermitData, t: Texts) -> tuple[list[GridColumn], list[list[str]]]:
    lang = t.languages[0]
    columns = [
        GridColumn(N_("Date, time"), 0.13),
        GridColumn(N_("Place of sampling"), 0.13),
        *(GridColumn(GAS_LABELS[g], 0.07, "CENTER") for g in Gas),
        GridColumn(N_("Gas analyser"), 0.14),
        GridColumn(N_("Measured by"), 0.13),
        GridColumn(N_("Signature"), 0.09),
    ]
    rows = []
    for g in data.gas_tests:
        values = []
        for gas in Gas:
            v = g.values.get(gas)
            limit = g.limits.get(gas)  # of the day of the test, not of this print
            bad = v is not None and limit is not None and not limit.allows(v)
            values.append("" if v is None else f"{decimal(v, lang)}{' (!)' if bad else ''}")
        rows.append([moment(g.taken_at), g.place, *values, g.instrument, g.measured_by, ""])
    return columns, rows + _blank_rows(data, len(columns))


def _shifts(data: PermitData) -> tuple[list[GridColumn], list[list[str]]]:
    columns = [
        GridColumn(N_("Admitted: date, time"), 0.15),
        GridColumn(N_("Admitter"), 0.14),
        GridColumn(N_("Signature"), 0.1),
        GridColumn(N_("Work supervisor"), 0.14),
        GridColumn(N_("Signature"), 0.1),
        GridColumn(N_("End of shift: date, time"), 0.15),
        GridColumn(N_("Signature of the supervisor"), 0.12),
    ]
    rows = [
        [moment(x.admitted_at), x.admitted_by, "", x.supervisor, "", moment(x.ended_at), ""]
        for x in data.shifts
    ]
    return columns, rows + _blank_rows(data, len(columns))


def _extensions(data: PermitData) -> tuple[list[GridColumn], list[list[str]]]:
    columns = [
        GridColumn(N_("Was to end"), 0.16),
        GridColumn(N_("Extended to"), 0.16),
        GridColumn(N_("Reason"), 0.3),
        GridColumn(N_("Approved by"), 0.2),
        GridColumn(N_("Signature"), 0.12),
    ]
    rows = [
        [moment(x.old_end), moment(x.new_end), x.reason, x.approved_by, ""] for x in data.extensions
    ]
    return columns, rows + _blank_rows(data, len(columns), 1)


def _section(
    t: Texts, s: Styles, title: str, table: Any, notes: list[Any] | None = None, **values: Any
) -> list[Any]:
    from reportlab.platypus import KeepTogether

    heading = _title(t, s, title, **values)
    below = [parts.spacer(1), *notes] if notes else []
    return [KeepTogether([parts.spacer(3), heading, parts.spacer(1), table, *below])]


def _closure(data: PermitData, t: Texts, s: Styles, width: float) -> list[Any]:
    at = moment(data.closed_at) or BLANK
    to = data.reported_to or "_" * 30
    first = t.languages[0]
    story: list[Any] = [parts.spacer(3), _title(t, s, CLOSURE)]
    story += parts.side_by_side(
        t,
        width,
        [lambda lang: [parts.paragraph(markup(t.get(lang, CLOSURE_TEXT, at=at, to=to)), s.left)]],
    )
    for msgid, role in ((SUPERVISOR_SIGN, Role.SUPERVISOR), (ADMITTER_SIGN, Role.ADMITTER)):
        p = data.roles.get(role)
        story.append(parts.signature_line(t, s, width, _lines(t, msgid), p.short_name if p else ""))
    if data.overrides:
        story += [parts.spacer(3), _title(t, s, OVERRIDES)]
        for o in data.overrides:
            label = ACTION_LABELS[Action(o.action)] if o.action in set(Action) else CREW_CHANGE
            text = f"{moment(o.at)} — {t.get(first, label)} — {o.signed_by}: {o.reason}"
            story.append(parts.paragraph(markup(text), s.left))
    return story


def permit_story(data: PermitData, t: Texts) -> list[Any]:
    s = make_styles(8.5, justify=False)
    width = frame_width()
    story = parts.letterhead(data.organisation, t, s, width)
    story += _header(data, t, s, width)
    columns, rows = _roles(data, t)
    story += _section(t, s, ROLES, grid(t, width, columns, rows, size=7.5, row_padding=5))
    issuer = data.roles.get(Role.ISSUER)
    signed = _lines(t, ISSUER_SIGN)
    if data.issued_at is not None:
        signed += "<br/>" + markup(t.joined(ISSUED_AT, at=moment(data.issued_at)))
    story.append(parts.signature_line(t, s, width, signed, issuer.short_name if issuer else ""))
    for title, items in ((HAZARDS, data.hazards), (MEASURES, data.measures), (PPE, data.ppe)):
        story += [parts.spacer(2), _title(t, s, title), *_numbered(items, t, s)]
    # Every section prints, empty or not: a signed form keeps its numbers 1 to 10.
    columns, rows = _isolations(data)
    empty = _empty(t, s, NONE if data.isolation_required else NOT_REQUIRED)
    points = grid(t, width, columns, rows, size=7, row_padding=6) if rows else empty
    story += _section(t, s, ISOLATIONS, points)
    columns, rows = _crew(data, t)
    story += _section(t, s, CREW, grid(t, width, columns, rows, size=7, row_padding=6))
    columns, rows = _gas(data, t)
    if data.gas_required or data.gas_tests:
        # The title carries the limits the readings were judged by, when they share one set.
        limits, notes = _gas_notes(data, t, s)
        table = grid(t, width, columns, rows, size=7, row_padding=6)
        if limits:
            story += _section(t, s, GAS, table, notes, limits=limits)
        else:
            story += _section(t, s, GAS_NO_LIMITS, table, notes)
    else:
        story += _section(t, s, GAS_NO_LIMITS, _empty(t, s, NOT_REQUIRED))
    columns, rows = _shifts(data)
    story += _section(t, s, SHIFTS, grid(t, width, columns, rows, size=7, row_padding=6))
    columns, rows = _extensions(data)
    empty = _empty(t, s, NONE)
    extensions = grid(t, width, columns, rows, size=7, row_padding=6) if rows else empty
    story += _section(t, s, EXTENSIONS, extensions)
    story += _closure(data, t, s, width)
    return story


def permit_pdf(data: PermitData, lang: str = "both") -> bytes:
    t = Texts(lang)
    first = t.languages[0]
    org = data.organisation
    reference = t.joined(REF, number=data.number)
    info = DocumentInfo(
        title=f"{t.joined(HEADING)} {data.number}",
        author=t.pick(first, org.name_kk, org.name_ru),
        subject=reference,
        created=data.created,
        footer_label=reference,
    )
    return build_pdf(permit_story(data, t), info, t)


def render_permit(
    session: Session, permit_id: int, out_path: str | Path, lang: str = "both"
) -> Path:
    """`safedesk print permit ID`: the permit `permit_id` as the window shows it."""
    return write_pdf(permit_pdf(load_permit(session, permit_id), lang), out_path)
