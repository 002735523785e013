"""A status is a state, not the word of a button: in Kazakh and Russian "Open" the
button ("Ашу", "Открыть") is a verb, and a status that read so was misleading."""

from __future__ import annotations

import pytest

from safedesk.domain.incidents import ACTION_STATUS_LABELS, ActionStatus
from safedesk.i18n import _, set_language


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_an_action_not_started_is_not_called_by_the_open_buttons_verb(language: str) -> None:
    set_language(language)
    try:
        shown = _(ACTION_STATUS_LABELS[ActionStatus.OPEN])
        assert shown != _("Open")
        assert shown != ACTION_STATUS_LABELS[ActionStatus.OPEN]  # translated
    finally:
        set_language("en")
