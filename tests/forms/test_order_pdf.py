"""The appointment order (roadmap item 4) printed from a real database and read back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import delete

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.models import Organisation
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.positions import PositionFields, add_position
from safedesk.db.responsible import AppointmentFields, appoint, delete_appointment
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.responsibility import DUTY_TEXT, Duty
from safedesk.errors import NotFound, SafeDeskError
from safedesk.forms.pdf.order import render_order
from safedesk.forms.pdf.place import place_from_address
from safedesk.i18n import long_date, translation_for

ORG_KK = "«Шығыс Қазақстан Әлем Ғарыш Көркем Өңір Ұлағат Үміт Түркі Шаһар Һәм Іргетас Құрылыс» ЖШС"
ORG_RU = "ТОО «Восточно-Казахстанская строительная компания»"
APPOINTEE = "Әбілқайыр Ғалымжан Құрманғазыұлы"
SECOND = "Иванова Мария Петровна"
POSITION_KK = "Еңбекті қорғау жөніндегі инженер"
POSITION_RU = "Инженер по охране труда"
ORDER_NO = "12-ЕҚ"
ORDER_DATE = dt.date(2024, 3, 21)
KAZAKH_LETTERS = "әғқңөұүһіӘҒҚӨҰҮҺІ"


@dataclass
class Order:
    first: int  # the appointment id the window would print from
    second: int
    other_order: int


def build(db: Database) -> Order:
    with db.write() as s:
        save_organisation(
            s,
            OrganisationFields(
                name_kk=ORG_KK,
                name_ru=ORG_RU,
                bin="940140000385",
                address="070004, Өскемен қ., Қазақстан к-сі, 1",
                head_name="Сейітқазы Нұрлан Өмірұлы",
                head_position_kk="Бас директор",
                head_position_ru="Генеральный директор",
            ),
        )
        unit = add_unit(s, UnitFields("Өндірістік учаске № 2", "Производственный участок № 2"))
        position = add_position(s, PositionFields(POSITION_KK, POSITION_RU))
        people = [
            add_employee(
                s,
                EmployeeFields(
                    iin=iin,
                    surname=surname,
                    name=name,
                    patronymic=patronymic,
                    unit_id=unit.id,
                    position_id=position.id,
                ),
            )
            for iin, surname, name, patronymic in (
                ("871008401427", "Әбілқайыр", "Ғалымжан", "Құрманғазыұлы"),
                ("760212350620", "Иванова", "Мария", "Петровна"),
                ("061211600012", "Серікбаев", "Дәулет", ""),
            )
        ]
        ids = []
        for person, duties, number in (
            (people[0], list(Duty), ORDER_NO),
            (people[1], [Duty.PPE, Duty.BRIEFINGS], ORDER_NO),
            (people[2], [Duty.PERMITS], "99"),
        ):
            row = appoint(
                s,
                AppointmentFields(
                    employee_id=person.id,
                    duties=duties,
                    order_no=number,
                    order_date=ORDER_DATE,
                    valid_from=dt.date(2024, 4, 1),
                    valid_to=dt.date(2025, 3, 31) if person is people[1] else None,
                ),
            )
            ids.append(row.id)
    return Order(*ids)


def render(db: Database, appointment_id: int, out: Path, lang: str = "both") -> Path:
    with db.session() as s:
        return render_order(s, appointment_id, out, lang)


def norm(text: str) -> str:
    """Every run of white space made one space: lines wrap anywhere, and Babel's dates
    hold a narrow no-break space ('2024\u202fж.')."""
    return " ".join(text.split())


def text_of(path: Path) -> str:
    reader = PdfReader(path)
    return " ".join(norm(page.extract_text()) for page in reader.pages)


def gettext(lang: str, msgid: str) -> str:
    return translation_for(lang).gettext(msgid)


@pytest.fixture
def order(db: Database) -> Order:
    return build(db)


@pytest.mark.parametrize("lang", ["kk", "ru", "both"])
def test_order_prints_the_people_and_the_organisation(
    db: Database, order: Order, tmp_path: Path, lang: str
) -> None:
    text = text_of(render(db, order.first, tmp_path / "order.pdf", lang))
    # The letterhead carries both names whatever the language, as official blanks do.
    assert ORG_KK in text and ORG_RU in text
    assert set(KAZAKH_LETTERS) <= set(text)
    assert APPOINTEE in text and SECOND in text
    assert "Серікбаев" not in text  # appointed by another order
    assert "940140000385" in text
    assert ORDER_NO in text
    assert "01.04.2024" in text and "31.03.2025" in text
    assert "Сейітқазы Н.Ө." in text  # the head signs with initials


def test_both_languages_print_side_by_side(db: Database, order: Order, tmp_path: Path) -> None:
    text = text_of(render(db, order.first, tmp_path / "order.pdf", "both"))
    assert norm(long_date(ORDER_DATE, "kk")) in text and norm(long_date(ORDER_DATE, "ru")) in text
    assert POSITION_KK.lower() in text.lower() and POSITION_RU.lower() in text.lower()
    assert "Өндірістік учаске № 2" in text and "Производственный участок № 2" in text
    assert "Бас директор" in text and "Генеральный директор" in text
    # The city is read from the address and spelled the Russian way in the Russian column.
    assert "Өскемен" in text and "Усть-Каменогорск" in text


def test_each_duty_is_a_clause_in_each_language(db: Database, order: Order, tmp_path: Path) -> None:
    text = text_of(render(db, order.first, tmp_path / "order.pdf", "both"))
    for lang in ("kk", "ru"):
        for number, duty in enumerate(Duty, start=1):
            assert f"1.{number}. {gettext(lang, DUTY_TEXT[duty])}" in text
        assert f"2.1. {gettext(lang, DUTY_TEXT[Duty.BRIEFINGS])}" in text
        assert f"2.2. {gettext(lang, DUTY_TEXT[Duty.PPE])}" in text


def test_printing_any_appointment_of_the_order_prints_the_same_order(
    db: Database, order: Order, tmp_path: Path
) -> None:
    first = render(db, order.first, tmp_path / "a.pdf").read_bytes()
    second = render(db, order.second, tmp_path / "b.pdf").read_bytes()
    assert first == second


def test_a_deleted_appointment_leaves_the_order(db: Database, order: Order, tmp_path: Path) -> None:
    with db.write() as s:
        delete_appointment(s, order.second, None)
    text = text_of(render(db, order.first, tmp_path / "order.pdf"))
    assert APPOINTEE in text and SECOND not in text
    with pytest.raises(NotFound), db.session() as s:
        render_order(s, order.second, tmp_path / "gone.pdf")


@pytest.mark.parametrize("lang", ["kk", "ru", "both"])
def test_only_embedded_dejavu_fonts(db: Database, order: Order, tmp_path: Path, lang: str) -> None:
    reader = PdfReader(render(db, order.first, tmp_path / "order.pdf", lang))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        assert "DejaVu" in name and "Helvetica" not in name
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # a composite font keeps it on its descendant
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), f"{name} is not embedded"


@pytest.mark.parametrize("lang", ["kk", "ru", "both"])
def test_printing_twice_gives_the_same_bytes(
    db: Database, order: Order, tmp_path: Path, lang: str
) -> None:
    one = render(db, order.first, tmp_path / "one.pdf", lang).read_bytes()
    two = render(db, order.first, tmp_path / "two.pdf", lang).read_bytes()
    assert one == two
    meta = PdfReader(tmp_path / "one.pdf").metadata
    assert meta is not None and meta.creation_date is not None
    assert meta.creation_date.date() == ORDER_DATE  # from the data, not the clock
    assert meta.title and meta.author and meta.creator == "SafeDesk"


def test_kazakh_form_has_no_russian_text_and_back(
    db: Database, order: Order, tmp_path: Path
) -> None:
    kk = text_of(render(db, order.first, tmp_path / "kk.pdf", "kk")).lower()
    ru = text_of(render(db, order.first, tmp_path / "ru.pdf", "ru")).lower()
    assert POSITION_KK.lower() in kk and "по охране труда" not in kk
    assert "производственный участок" not in kk and "генеральный директор" not in kk
    assert "приказ" not in kk
    assert POSITION_RU.lower() in ru and "жөніндегі" not in ru
    assert "өндірістік учаске" not in ru and "бас директор" not in ru
    assert "бұйрық" not in ru
    assert norm(long_date(ORDER_DATE, "kk")).lower() in kk
    assert norm(long_date(ORDER_DATE, "ru")) in ru


def test_page_numbers_on_every_page(db: Database, order: Order, tmp_path: Path) -> None:
    reader = PdfReader(render(db, order.first, tmp_path / "order.pdf", "both"))
    pages = len(reader.pages)
    assert pages >= 1
    for number, page in enumerate(reader.pages, start=1):
        footer = gettext("ru", "Page {page} of {pages}").format(page=number, pages=pages)
        assert footer in norm(page.extract_text())


def test_unknown_appointment_and_missing_organisation(db: Database, tmp_path: Path) -> None:
    with pytest.raises(NotFound), db.session() as s:
        render_order(s, 12345, tmp_path / "x.pdf")
    order = build(db)
    with db.write() as s:
        s.execute(delete(Organisation))
    with pytest.raises(SafeDeskError), db.session() as s:
        render_order(s, order.first, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_city_is_read_from_the_address() -> None:
    assert place_from_address("070004, Өскемен қ., Қазақстан к-сі, 1") is not None
    place = place_from_address("г. Усть-Каменогорск, ул. Бажова, 10")
    assert place is not None and (place.kk, place.ru) == ("Өскемен", "Усть-Каменогорск")
    place = place_from_address("Қонаев қаласы")
    assert place is not None and place.kk == place.ru == "Қонаев"
    assert place_from_address("ул. Бажова, 10") is None


# The tests below read the fixed text in Kazakh and Russian: they pass once
# translations/incoming/pdf_order.json has been merged into the kk and ru catalogs.


def test_order_fixed_text_translated_kk(db: Database, order: Order, tmp_path: Path) -> None:
    text = text_of(render(db, order.first, tmp_path / "kk.pdf", "kk"))
    for phrase in (
        "БҰЙРЫҚ",
        "Еңбекті қорғау жөніндегі жауапты тұлғаларды тағайындау туралы",
        "Қазақстан Республикасы Еңбек кодексінің 182-бабына",
        "БҰЙЫРАМЫН:",
        "жауапты тұлға болып тағайындалсын",
        "еңбек қауіпсіздігі және еңбекті қорғау жөніндегі жұмысты ұйымдастыру",
        "Осы бұйрықтың орындалуын бақылауды өзіме қалдырамын.",
        "Бұйрықпен таныстым:",
        "БСН: 940140000385",
        "Өскемен қ.",
        f"№ {ORDER_NO}",
        "(қолы)",
    ):
        assert phrase in text, phrase


def test_order_fixed_text_translated_ru(db: Database, order: Order, tmp_path: Path) -> None:
    text = text_of(render(db, order.first, tmp_path / "ru.pdf", "ru"))
    for phrase in (
        "ПРИКАЗ",
        "О назначении ответственных лиц по охране труда",
        "В соответствии со статьей 182 Трудового кодекса Республики Казахстан",
        "ПРИКАЗЫВАЮ:",
        "Назначить ответственным лицом по безопасности и охране труда:",
        "организация работы по безопасности и охране труда",
        "Контроль за исполнением настоящего приказа оставляю за собой.",
        "С приказом ознакомлен(а):",
        "БИН: 940140000385",
        "г. Усть-Каменогорск",
        "Страница 1 из",
        "(подпись)",
    ):
        assert phrase in text, phrase


def test_order_fixed_text_translated_both(db: Database, order: Order, tmp_path: Path) -> None:
    text = text_of(render(db, order.first, tmp_path / "both.pdf", "both"))
    for phrase in ("БҰЙРЫҚ", "ПРИКАЗ", "БСН / БИН", "Бұйрықпен таныстым: / С приказом"):
        assert phrase in text, phrase


def test_the_shared_page_prints_landscape_for_journals(tmp_path: Path) -> None:
    from safedesk.forms.pdf.page import DocumentInfo, Orientation, build_pdf, write_pdf
    from safedesk.forms.pdf.parts import paragraph
    from safedesk.forms.pdf.styles import make_styles
    from safedesk.forms.pdf.text import Texts

    info = DocumentInfo("Журнал", "ЖШС", "тест", dt.date(2024, 1, 31))
    story = [paragraph("Әбілқайыр Ғалымжан", make_styles().body)]
    path = write_pdf(build_pdf(story, info, Texts("kk"), Orientation.LANDSCAPE), tmp_path / "j.pdf")
    box = PdfReader(path).pages[0].mediabox
    assert box.width > box.height and "Әбілқайыр Ғалымжан" in text_of(path)
