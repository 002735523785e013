"""The catalogs are complete, their placeholders match, and the compiled files are current."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def catalog(lang: str):  # type: ignore[no-untyped-def]
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "safedesk.po").open("rb") as f:
        return read_po(f, locale=lang)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_message_is_translated_with_the_same_placeholders(lang: str) -> None:
    missing, broken = [], []
    for message in catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            missing.append(ids[0])
            continue
        wanted = set(PLACEHOLDER.findall(ids[0]))
        if any(set(PLACEHOLDER.findall(s)) != wanted for s in strings):
            broken.append(ids[0])
    assert missing == [] and broken == []


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_compiled_catalog_is_current(lang: str) -> None:
    # Run `python scripts/i18n.py all` after changing a message or a translation.
    buffer = io.BytesIO()
    write_mo(buffer, catalog(lang), use_fuzzy=False)
    compiled = ROOT / "safedesk" / "locale" / lang / "LC_MESSAGES" / "safedesk.mo"
    assert compiled.read_bytes() == buffer.getvalue()


def test_every_message_in_the_code_is_in_the_catalogs() -> None:
    from babel.messages.extract import extract_from_dir

    in_code = {
        (m[2][0] if isinstance(m[2], tuple) else m[2])
        for m in extract_from_dir(str(ROOT / "safedesk"), [("**.py", "python")])
    }
    in_catalog = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog("ru") if m.id}
    assert sorted(in_code - in_catalog) == []
