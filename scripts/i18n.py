"""Keep the translation catalogs in step with the code.

    python scripts/i18n.py extract          # safedesk/ -> translations/safedesk.pot
    python scripts/i18n.py update           # .pot -> translations/{kk,ru,en}/LC_MESSAGES/*.po
    python scripts/i18n.py merge-incoming   # translations/incoming/*.json -> kk and ru .po
    python scripts/i18n.py compile          # .po -> safedesk/locale/*/LC_MESSAGES/*.mo
    python scripts/i18n.py all              # the four, in that order

The compiled .mo files are committed so that `pip install .` needs no build step;
tests/test_translations.py fails when they are older than the .po files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "translations" / "safedesk.pot"
LANGS = ("kk", "ru", "en")


def po_path(lang: str) -> Path:
    return ROOT / "translations" / lang / "LC_MESSAGES" / "safedesk.po"


def mo_path(lang: str) -> Path:
    return ROOT / "safedesk" / "locale" / lang / "LC_MESSAGES" / "safedesk.mo"


def extract() -> None:
    catalog = Catalog(project="SafeDesk", charset="utf-8")
    method_map = [("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT / "safedesk"), method_map, comment_tags=("TRANSLATORS:",)
    ):
        catalog.add(message, None, [(f"safedesk/{filename}", lineno)],
                    auto_comments=comments, context=context)
    POT.parent.mkdir(parents=True, exist_ok=True)
    with POT.open("wb") as f:
        write_po(f, catalog, width=100, omit_header=False, sort_output=True)


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=locale)


def _write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, catalog, width=100, sort_output=True, ignore_obsolete=True)


def update() -> None:
    template = _read(POT)
    for lang in LANGS:
        path = po_path(lang)
        if path.exists():
            catalog = _read(path, lang)
            catalog.update(template, no_fuzzy_matching=True)
        else:
            catalog = Catalog(locale=lang, project="SafeDesk", charset="utf-8")
            catalog.update(template, no_fuzzy_matching=True)
        _write(path, catalog)


def merge_incoming() -> None:
    incoming: dict[str, dict[str, str | list[str]]] = {}
    for file in sorted((ROOT / "translations" / "incoming").glob("*.json")):
        incoming.update(json.loads(file.read_text(encoding="utf-8")))
    for lang in ("kk", "ru"):
        path = po_path(lang)
        catalog = _read(path, lang)
        for message in catalog:
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            if not key or key not in incoming or not _empty(message.string):
                continue
            text = incoming[key].get(lang)
            if not text:
                continue
            if isinstance(message.id, tuple):  # plural: one form per plural category
                forms = [text] if isinstance(text, str) else list(text)
                needed = catalog.num_plurals
                message.string = tuple((forms + [forms[-1]] * needed)[:needed])
            else:
                message.string = text if isinstance(text, str) else text[0]
        _write(path, catalog)


def _empty(string: str | tuple[str, ...]) -> bool:
    return not any(string) if isinstance(string, tuple) else not string


def compile_all() -> None:
    for lang in LANGS:
        catalog = _read(po_path(lang), lang)
        target = mo_path(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)


def main(argv: list[str]) -> int:
    steps = {
        "extract": [extract],
        "update": [update],
        "merge-incoming": [merge_incoming],
        "compile": [compile_all],
        "all": [extract, update, merge_incoming, compile_all],
    }
    if len(argv) != 1 or argv[0] not in steps:
        print(__doc__)
        return 1
    for step in steps[argv[0]]:
        step()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
