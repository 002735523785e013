"""The act on an accident at work, form Н-1 (Labour Code art. 189; МТСЗН order No. 21).

АКТ / АКТ: letterhead, number, date and city; numbered sections of the form (the
accident, the victims, the commission, circumstances, causes, measures, the legal
deadlines); the commission's signatures. kk | ru side by side for `both`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.domain.accidents import (
    CAUSE_LABELS,
    CLASSIFICATION_LABELS,
    OUTCOME_LABELS,
    ROLE_LABELS,
    special_investigation,
)
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.accident_act_data import ActData, ActVictim, load_act
from safedesk.forms.pdf.page import DocumentInfo, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.parts import RowMaker, paragraph
from safedesk.forms.pdf.place import place_from_address
from safedesk.forms.pdf.styles import Styles, make_styles
from safedesk.forms.pdf.text import Texts, markup
from safedesk.i18n import N_

ACT = N_("ACT")
TITLE = N_("on an accident at work (form Н-1)")
CORRECTS = N_("This act corrects the record No. {number}.")
S_WHEN = N_("Date and time of the accident: {when}.")
S_WHERE = N_("Place of the accident: {unit}{place}.")
S_KIND = N_("Classification of the accident: {kind}.")
SPECIAL = N_("The accident is subject to a special investigation.")
S_VICTIMS = N_("Victims:")
VICTIM = N_("{name}, IIN {iin}, born {born}, {sex}; {position}.")
CONTRACTOR = N_("Employer (contractor): {employer}.")
OWN_STAFF = N_("Employee of the organisation.")
OUTCOME = N_("Outcome: {outcome}; injury: {injury}; days of incapacity: {days}.")
MALE, FEMALE = N_("male"), N_("female")
S_COMMISSION = N_("The investigation commission, formed on {date} by order No. {order}:")
S_COMMISSION_NO_DATE = N_("The investigation commission:")
MEMBER = N_("{role}: {name}, {position}")
S_CIRCUMSTANCES = N_("Circumstances of the accident:")
S_CAUSES = N_("Causes of the accident:")
CAUSE = N_("{kind} cause: {description}")
S_MEASURES = N_("Measures to remove the causes:")
MEASURE = N_("{measure} — responsible: {owner}; due {due}.")
S_DEADLINES = N_("Deadlines of the investigation (Labour Code art. 186–190):")
DEADLINE = N_("{what}: due {due}, done {done}.")
NOT_DONE = N_("not yet")
NONE = N_("none recorded")
SIGNATURES = N_("Chair and members of the commission:")
ACT_REF = N_("Act No. {number} of {date}")


def _label(labels: Mapping[Any, str], value: str) -> str:
    """The msgid of an enum value's label; an unknown value prints as stored."""
    return labels.get(value, value)


def _p(text: str, style: Any) -> Any:
    return paragraph(text, style)


def _victim_rows(n: int, v: ActVictim, t: Texts, s: Styles) -> list[RowMaker]:
    def make(lang: str) -> list[Any]:
        sex = t.get(lang, MALE if v.sex == "M" else FEMALE) if v.sex else "—"
        born = t.date(lang, v.birth_date) if v.birth_date else "—"
        first = t.get(
            lang,
            VICTIM,
            name=v.full_name,
            iin=v.iin,
            born=born,
            sex=sex,
            position=t.pick(lang, v.position_kk, v.position_ru) or "—",
        )
        employer = (
            t.get(lang, CONTRACTOR, employer=v.employer) if v.employer else t.get(lang, OWN_STAFF)
        )
        outcome = t.get(
            lang,
            OUTCOME,
            outcome=t.get(lang, _label(OUTCOME_LABELS, v.outcome)),
            injury=v.injury or "—",
            days=v.days_lost,
        )
        return [_p(f"4.{n}. {markup(first)} {markup(employer)} {markup(outcome)}", s.subclause)]

    return [make]


def _section_rows(data: ActData, t: Texts, s: Styles) -> list[RowMaker]:
    rows: list[RowMaker] = [lambda lang: [_p(markup(t.get(lang, TITLE)), s.title)]]
    if data.corrects:
        rows.append(lambda lang: [_p(markup(t.get(lang, CORRECTS, number=data.corrects)), s.body)])

    def when(lang: str) -> list[Any]:
        moment = f"{t.date(lang, data.occurred_local.date())} {data.occurred_local:%H:%M}"
        return [_p("1. " + markup(t.get(lang, S_WHEN, when=moment)), s.clause)]

    def where(lang: str) -> list[Any]:
        unit = t.pick(lang, data.unit_kk, data.unit_ru)
        place = f", {data.place}" if data.place else ""
        return [_p("2. " + markup(t.get(lang, S_WHERE, unit=unit, place=place)), s.clause)]

    def kind(lang: str) -> list[Any]:
        label = t.get(lang, _label(CLASSIFICATION_LABELS, data.classification))
        text = markup(t.get(lang, S_KIND, kind=label.lower()))
        if special_investigation(data.classification):
            text += " " + markup(t.get(lang, SPECIAL))
        return [_p("3. " + text, s.clause)]

    rows += [when, where, kind, lambda lang: [_p("4. " + markup(t.get(lang, S_VICTIMS)), s.clause)]]
    for n, v in enumerate(data.victims, start=1):
        rows += _victim_rows(n, v, t, s)

    def commission(lang: str) -> list[Any]:
        if data.commission_on is not None:
            head = t.get(
                lang,
                S_COMMISSION,
                date=t.date(lang, data.commission_on),
                order=data.commission_order_no or "—",
            )
        else:
            head = t.get(lang, S_COMMISSION_NO_DATE)
        out = [_p("5. " + markup(head), s.clause)]
        for m in data.commission:
            line = t.get(
                lang,
                MEMBER,
                role=t.get(lang, _label(ROLE_LABELS, m.role)),
                name=m.full_name,
                position=t.pick(lang, m.position_kk, m.position_ru) or "—",
            )
            out.append(_p(markup(line), s.subclause))
        return out

    def circumstances(lang: str) -> list[Any]:
        return [
            _p("6. " + markup(t.get(lang, S_CIRCUMSTANCES)), s.clause),
            _p(markup(data.circumstances or "—"), s.body),
        ]

    rows += [commission, circumstances]
    return rows + _cause_rows(data, t, s)


def _cause_rows(data: ActData, t: Texts, s: Styles) -> list[RowMaker]:
    def causes(lang: str) -> list[Any]:
        out = [_p("7. " + markup(t.get(lang, S_CAUSES)), s.clause)]
        for n, c in enumerate(data.causes, start=1):
            kind = t.get(lang, _label(CAUSE_LABELS, c.kind))
            text = t.get(lang, CAUSE, kind=kind, description=c.description)
            out.append(_p(f"7.{n}. {markup(text)}", s.subclause))
        if not data.causes:
            out.append(_p(markup(t.get(lang, NONE)), s.subclause))
        return out

    def measures(lang: str) -> list[Any]:
        out = [_p("8. " + markup(t.get(lang, S_MEASURES)), s.clause)]
        listed = [c for c in data.causes if c.measure]
        for n, c in enumerate(listed, start=1):
            due = t.date(lang, c.due) if c.due else "—"
            text = t.get(lang, MEASURE, measure=c.measure, owner=c.owner or "—", due=due)
            out.append(_p(f"8.{n}. {markup(text)}", s.subclause))
        if not listed:
            out.append(_p(markup(t.get(lang, NONE)), s.subclause))
        return out

    def deadlines(lang: str) -> list[Any]:
        out = [_p("9. " + markup(t.get(lang, S_DEADLINES)), s.clause)]
        for step in data.steps:
            done = t.date(lang, step.done) if step.done else t.get(lang, NOT_DONE)
            text = t.get(
                lang, DEADLINE, what=t.get(lang, step.what), due=t.date(lang, step.due), done=done
            )
            out.append(_p(markup(text), s.subclause))
        return out

    return [causes, measures, deadlines]


def act_story(data: ActData, t: Texts) -> list[Any]:
    # Flush left: the act is short fields and lists, which justified lines tear apart.
    s = make_styles(9, justify=False) if t.bilingual else make_styles(10.5, justify=False)
    width = frame_width()
    place = place_from_address(data.organisation.address)
    story = parts.letterhead(data.organisation, t, s, width)
    story += parts.document_heading(t, s, width, ACT, data.number, data.act_date, place)
    story += parts.side_by_side(t, width, _section_rows(data, t, s))
    heading = _p(f"<b>{markup(t.joined(SIGNATURES))}</b>", s.left)
    names = [m.full_name for m in data.commission] or [""]
    parts.keep_with_end(
        story, [parts.spacer(6), heading, parts.sign_and_date_rows(t, s, width, names)]
    )
    return story


def act_pdf(data: ActData, lang: str = "both") -> bytes:
    t = Texts(lang)
    first = t.languages[0]
    reference = t.joined(ACT_REF, number=data.number, date=t.date(first, data.act_date))
    org = data.organisation
    info = DocumentInfo(
        title=t.joined(ACT) + " " + t.joined(TITLE),
        author=t.pick(first, org.name_kk, org.name_ru),
        subject=reference,
        created=data.act_date,
        footer_label=reference,
    )
    return build_pdf(act_story(data, t), info, t)


def render_accident_act(
    session: Session, accident_id: int, out_path: str | Path, lang: str = "both"
) -> Path:
    """Print the act Н-1 of accident `accident_id` to a PDF."""
    return write_pdf(act_pdf(load_act(session, accident_id), lang), out_path)
