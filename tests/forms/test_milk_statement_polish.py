"""The milk statement: an empty month says so; litres in the form's language."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from safedesk.db.engine import Database
from safedesk.db.ppe_milk import MilkFields, record_milk
from safedesk.forms.pdf.milk_statement import NOTHING, render_milk_statement
from safedesk.i18n import set_language
from tests.db.ppe_fixtures import build_shop


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


INCOMING = Path(__file__).resolve().parents[2] / "translations" / "incoming" / "screen_polish.json"


@pytest.mark.parametrize("lang", ["kk", "ru", "both"])
def test_an_empty_month_says_nothing_was_recorded(db: Database, tmp_path: Path, lang: str) -> None:
    shop = build_shop(db)
    with db.session() as s:
        out = render_milk_statement(s, shop.unit, tmp_path / "m.pdf", lang, dt.date(2025, 7, 1))
    text = text_of(out)
    # the catalog's text once merged, the incoming one (or the msgid) before
    texts = json.loads(INCOMING.read_text("utf-8"))[NOTHING]
    said = [texts[x] for x in ("kk", "ru") if lang in (x, "both")]
    assert all(" ".join(x.split()) in text for x in said) or NOTHING in text, text
    assert "Итого" not in text and "Барлығы" not in text and "Total" not in text


@pytest.mark.parametrize(("lang", "norm"), [("ru", "0,5"), ("kk", "0,5"), ("both", "0,5"),
                                             ])  # fmt: skip
def test_litres_are_written_in_the_form_language(
    db: Database, tmp_path: Path, lang: str, norm: str
) -> None:
    set_language("en")  # the window's language is not the form's
    shop = build_shop(db)
    with db.write() as s:
        record_milk(s, MilkFields(shop.miners[0], dt.date(2025, 5, 1), 21))  # 21 × 0.5 l
    with db.session() as s:
        out = render_milk_statement(s, shop.unit, tmp_path / "m.pdf", lang, dt.date(2025, 5, 1))
    text = text_of(out)
    other = "." if "," in norm else ","
    assert f"{norm} " in text or f"{norm};" in text, text
    assert f"10{norm[1]}5" in text and f"10{other}5" not in text and f"0{other}5 " not in text
