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
