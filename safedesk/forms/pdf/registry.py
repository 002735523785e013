"""The printable forms by the name `safedesk print FORM` and the window use.

A new form is one entry here. Entries name the renderer's module rather than
import it, so that importing the registry (the window does, to build its print
menu) does not load ReportLab: the module is imported when a form is printed.

A renderer is `render(session, record_id, out_path, lang="both", **options) -> Path`;
options are form-specific (the briefing journal's `date_from`/`date_to`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.errors import SafeDeskError
from safedesk.i18n import N_

Renderer = Callable[..., Path]


@dataclass(frozen=True)
class PrintableForm:
    name: str  # as typed after `safedesk print`
    title: str  # msgid, for the window's print menu
    module: str
    function: str

    def renderer(self) -> Renderer:
        renderer: Renderer = getattr(importlib.import_module(self.module), self.function)
        return renderer


FORMS: dict[str, PrintableForm] = {
    form.name: form
    for form in (
        PrintableForm(
            name="order",
            title=N_("Order appointing the persons responsible for OHS"),
            module="safedesk.forms.pdf.order",
            function="render_order",
        ),
        PrintableForm(  # issue 6
            name="wrac",
            title=N_("Risk assessment sheet (WRAC)"),
            module="safedesk.forms.pdf.wrac",
            function="render_wrac",
        ),
        PrintableForm(  # issue 6: SLAM card
            name="slam-card",
            title=N_("SLAM card"),
            module="safedesk.forms.pdf.slam_card",
            function="render_slam_card",
        ),
        PrintableForm(  # issue 8
            name="accident-act",
            title=N_("Act on an accident at work (form Н-1)"),
            module="safedesk.forms.pdf.accident_act",
            function="render_accident_act",
        ),
        # issue 7: PPE
        PrintableForm(
            name="ppe-card",
            title=N_("Personal PPE record card"),
            module="safedesk.forms.pdf.ppe_card",
            function="render_ppe_card",
        ),
        PrintableForm(
            name="ppe-sheet",
            title=N_("PPE issue sheet of a unit"),
            module="safedesk.forms.pdf.ppe_sheet",
            function="render_ppe_sheet",
        ),
        PrintableForm(
            name="milk-statement",
            title=N_("Monthly milk statement of a unit"),
            module="safedesk.forms.pdf.milk_statement",
            function="render_milk_statement",
        ),
        # issue 5: permit-to-work
        PrintableForm(
            name="permit",
            title=N_("Permit-to-work"),
            module="safedesk.forms.pdf.permit",
            function="render_permit",
        ),
        PrintableForm(
            name="permit-journal",
            title=N_("Permit-to-work journal"),
            module="safedesk.forms.pdf.permit_journal",
            function="render_permit_journal",
        ),
        # issue 4: briefings and knowledge checks
        PrintableForm(
            name="briefing-journal",
            title=N_("Workplace briefing journal"),
            module="safedesk.forms.pdf.briefing_journal",
            function="render_workplace_journal",
        ),
        PrintableForm(
            name="introductory-journal",
            title=N_("Introductory briefing journal"),
            module="safedesk.forms.pdf.briefing_journal",
            function="render_introductory_journal",
        ),
        PrintableForm(
            name="protocol",
            title=N_("Knowledge check protocol"),
            module="safedesk.forms.pdf.protocol",
            function="render_protocol",
        ),
        PrintableForm(  # issue 4
            name="certificates",
            title=N_("Certificates of the knowledge check"),
            module="safedesk.forms.pdf.certificate_cards",
            function="render_certificate_cards",
        ),
        PrintableForm(  # issue 4
            name="attendance-sheet",
            title=N_("Attendance sheet of an OHS day"),
            module="safedesk.forms.pdf.attendance_sheet",
            function="render_attendance_sheet",
        ),
    )
}


class UnknownForm(SafeDeskError):
    msgid = N_("There is no form called {form}. Forms that can be printed: {forms}.")


def form_names() -> list[str]:
    return sorted(FORMS)


def get_form(name: str) -> PrintableForm:
    try:
        return FORMS[name]
    except KeyError:
        raise UnknownForm(form=name, forms=", ".join(form_names())) from None


def render_form(
    session: Session,
    name: str,
    record_id: int,
    out_path: str | Path,
    lang: str = "both",
    **options: Any,
) -> Path:
    """Print form `name` of record `record_id` to `out_path`; the path written."""
    return get_form(name).renderer()(session, record_id, out_path, lang, **options)
