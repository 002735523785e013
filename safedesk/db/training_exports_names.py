"""How the training sheets name a person: the full name, or nothing when there is none."""

from __future__ import annotations

from safedesk.domain.people import full_name


def person(surname: str | None, name: str | None, patronymic: str | None) -> str:
    return full_name(surname or "", name or "", patronymic) if surname else ""
