"""Receipts, pull-back receipts and loaner agreements gathered from a
database made through the services, printed in-process by the CLI."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pdfcheck import dictionary, embedded_fonts, pdf_text
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.billing import payments, quotes, schedules
from frontdesk.cli import EXIT_ERROR, EXIT_OK, main
from frontdesk.db.engine import Database
from frontdesk.db.models import User
from frontdesk.errors import NotFound
from frontdesk.intake import service, states
from frontdesk.loaners import service as loaners
from frontdesk.printing import documents
from frontdesk.users import Actor
from tests.conftest import seed_users
from tests.loaners.loaner_helpers import NOW, add_units, workshop_ticket


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FRONTDESK_DB", "FRONTDESK_PIN", "FRONTDESK_LANG", "FRONTDESK_DEBUG"):
        monkeypatch.delenv(name, raising=False)


def flat(text: str) -> str:
    return "".join(text.split())


def a_paid_ticket(db: Database) -> tuple[str, str]:
    manager, clerk = seed_users(db)
    with db.write() as s:
        schedules.install_default_schedule(s, manager, now=datetime(2026, 1, 1, 9))
        r = service.take_intake(s, clerk, service.IntakeForm(
            channel=service.WALK_IN, name="王芳", phone="13700001111", category="refrigerator", brand="美的",
            model="BCD-520", serial="MD-77", purchase_date=date(2024, 9, 10), invoice_shown=True, fault="不制冷",
            request="维修"), now=datetime(2026, 11, 20, 10))
        service.move(s, clerk, r.ticket_id, states.DIAGNOSING, now=datetime(2026, 11, 20, 11))
        q = quotes.make_quote(s, clerk, r.ticket_id, [quotes.QuoteItem("labour", "minor")])
        quotes.approve_quote(s, clerk, q.id)
        receipt = payments.take_payment(s, clerk, r.ticket_id, "cash", q.total, tendered=q.total + 50, counter="main")
        payments.request_invoice(s, clerk, r.ticket_id, buyer="王芳")
    return r.number, receipt.number


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_print_receipt_on_both_sizes_and_as_a_copy(sqlite_db: Database, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    ticket, number = a_paid_ticket(sqlite_db)
    url = str(tmp_path / "frontdesk.sqlite")
    out = tmp_path / "r.pdf"
    code, stdout, err = run(capsys, "print", "receipt", number.lower(), "--db", url, "-o", str(out))
    assert code == EXIT_OK, err
    assert stdout.strip() == str(out)
    text = flat(pdf_text(out))
    assert number in text and ticket in text and "王芳" in text and "Invoiceowed" in text and "Tendered" in text
    assert "Product:美的RefrigeratorBCD-520S/NMD-77" in text
    assert "COPY" not in text
    assert any("WenQuanYiMicroHei" in f for f in embedded_fonts(out))
    roll = tmp_path / "roll.pdf"
    code, _out, err = run(capsys, "print", "receipt", number, "--size", "80mm", "--copy", "--db", url, "-o", str(roll))
    assert code == EXIT_OK, err
    page = PdfReader(str(roll)).pages[0]
    assert abs(float(page.mediabox.width) - 226.77) < 0.5
    assert "COPY" in flat(pdf_text(roll))
    code, _out, err = run(capsys, "print", "receipt", "R2026-999999", "--db", url, "-o", str(tmp_path / "x.pdf"))
    assert code == EXIT_ERROR and "R2026-999999" in err and "Traceback" not in err


def test_the_invoice_number_replaces_invoice_owed(sqlite_db: Database, tmp_path: Path) -> None:
    ticket, number = a_paid_ticket(sqlite_db)
    with sqlite_db.write() as s:
        ticket_id = payments.find_receipt(s, number).ticket_id
        clerk = seed_actor(s)
        payments.record_invoice(s, clerk, ticket_id, "04456789")
    with sqlite_db.read() as s:
        path = documents.print_receipt(s, number, tmp_path / "r.pdf")
    text = flat(pdf_text(path))
    assert "Invoice04456789" in text and "Invoiceowed" not in text


def seed_actor(s: Session) -> Actor:
    user = s.scalar(select(User).where(User.name == "clerk"))
    assert user is not None
    return Actor(user.id, user.name, user.role)


def test_print_pullback_and_agreement(sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manager, clerk = seed_users(sqlite_db)
    ticket_id = workshop_ticket(sqlite_db, clerk)
    url = str(tmp_path / "frontdesk.sqlite")
    with sqlite_db.read() as s:
        number = service.get_ticket(s, ticket_id).number
    code, _out, err = run(capsys, "print", "agreement", number, "--db", url, "-o", str(tmp_path / "a.pdf"))
    assert code == EXIT_ERROR and "no loaner agreement" in err
    out = tmp_path / "pb.pdf"
    code, stdout, err = run(capsys, "print", "pullback", number, "--db", url, "-o", str(out))
    assert code == EXIT_OK, err
    text = flat(pdf_text(out))
    for field in (number, "张三", "13812345678", "Haier", "BCD-470WDPG", "HA2301234567", "电源线", "外观完好",
                  "无划痕", "门封条略旧", "2026-11-28", "Customer'ssignature", "Clerk'ssignature"):
        assert field in text, field
    assert any("WenQuanYiMicroHei" in f for f in embedded_fonts(out))

    add_units(sqlite_db, manager, "L-0007")
    with sqlite_db.write() as s:
        loaners.lend(s, clerk, ticket_id, "L-0007", condition_out="屏幕有轻微划痕", deposit=Decimal("300"), now=NOW,
                     counter="main")
    agreement = tmp_path / "ag.pdf"
    code, stdout, err = run(capsys, "print", "agreement", number, "--db", url, "-o", str(agreement))
    assert code == EXIT_OK, err
    text = flat(pdf_text(agreement))
    for field in (number, "张三", "L-0007", "BCD-100", "SN-L-0007", "屏幕有轻微划痕", "¥300.00", "2026-11-28",
                  "Terms", "deposit", "Customer'ssignature"):
        assert field in text, field
    assert any("WenQuanYiMicroHei" in f for f in embedded_fonts(agreement))


def test_nothing_to_print_says_so(sqlite_db: Database, tmp_path: Path) -> None:
    with sqlite_db.read() as s:
        with pytest.raises(NotFound, match="T2026-999999"):
            documents.print_pullback(s, "T2026-999999", tmp_path / "x.pdf")
        with pytest.raises(NotFound, match="R2026-999999"):
            documents.print_receipt(s, "R2026-999999", tmp_path / "x.pdf")


def test_print_labels_for_tags_or_the_whole_pool(sqlite_db: Database, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    manager, _clerk = seed_users(sqlite_db)
    add_units(sqlite_db, manager, "L-0001", "L-0002", "L-0003")
    with sqlite_db.write() as s:
        loaners.retire_unit(s, manager, loaners.find_unit(s, "L-0003").id, "屏幕碎裂")
    url = str(tmp_path / "frontdesk.sqlite")
    out = tmp_path / "two.pdf"
    code, stdout, err = run(capsys, "print", "labels", "L-0002", "--db", url, "-o", str(out))
    assert code == EXIT_OK, err
    text = flat(pdf_text(out))
    assert "L-0002" in text and "L-0001" not in text and "Refrigerator" in text and "BCD-100" in text
    every = tmp_path / "all.pdf"
    code, _out, err = run(capsys, "print", "labels", "--all", "--skip", "5", "--db", url, "-o", str(every))
    assert code == EXIT_OK, err
    text = flat(pdf_text(every))
    assert "L-0001" in text and "L-0002" in text and "L-0003" not in text  # a retired unit gets no new label
    code, _out, err = run(capsys, "print", "labels", "L-0001", "NOPE-9", "--db", url, "-o", str(tmp_path / "x.pdf"))
    assert code == EXIT_ERROR and "NOPE-9" in err and not (tmp_path / "x.pdf").exists()
    code, _out, err = run(capsys, "print", "labels", "--db", url)
    assert code == EXIT_ERROR and "--all" in err
    code, _out, err = run(capsys, "print", "labels", "--all", "--skip", "24", "--db", url)
    assert code == EXIT_ERROR and "--skip" in err


def test_documents_print_in_the_shops_language_whatever_the_window_speaks(
        sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from frontdesk import i18n, settings

    ticket, number = a_paid_ticket(sqlite_db)
    with sqlite_db.write() as s:
        settings.store(s, {"language": "zh_CN"})
    assert i18n.current_language() == "en"
    with sqlite_db.read() as s:
        out = documents.print_receipt(s, number, tmp_path / "zh.pdf")
        with pytest.raises(NotFound, match="No receipt numbered R2026-999999"):  # the clerk's message stays in English
            documents.print_receipt(s, "R2026-999999", tmp_path / "x.pdf")
    text = flat(pdf_text(out))
    assert "收据" in text and "合计" in text and "Receipt" not in text
    assert i18n.current_language() == "en" and i18n._("Receipt") == "Receipt"
    url = str(tmp_path / "frontdesk.sqlite")
    english = tmp_path / "en.pdf"
    code, _out, err = run(capsys, "print", "receipt", number, "--language", "en", "--db", url, "-o", str(english))
    assert code == EXIT_OK, err
    assert "Receipt" in flat(pdf_text(english)) and "收据" not in flat(pdf_text(english))


def test_the_shops_logo_prints_on_receipts_and_a_bad_picture_is_refused(sqlite_db: Database, tmp_path: Path) -> None:
    import base64
    import io

    from PIL import Image

    from frontdesk import settings
    from frontdesk.errors import ValidationError

    ticket, number = a_paid_ticket(sqlite_db)
    picture = io.BytesIO()
    Image.new("RGB", (240, 80), (200, 30, 30)).save(picture, format="PNG")
    with sqlite_db.write() as s:
        with pytest.raises(ValidationError) as bad:
            settings.store(s, {"shop_logo": base64.b64encode(b"not a picture at all").decode()})
        assert "shop_logo" in bad.value.fields
        settings.store(s, {"shop_logo": base64.b64encode(picture.getvalue()).decode()})
    for size in ("a5", "80mm"):
        with sqlite_db.read() as s:
            out = documents.print_receipt(s, number, tmp_path / f"logo-{size}.pdf", size=size)
        page = PdfReader(str(out)).pages[0]
        xobjects = dictionary(dictionary(page["/Resources"])["/XObject"])
        images = [name for name, obj in xobjects.items()
                  if obj.get_object()["/Subtype"] == "/Image"]
        assert images, size
        assert number in flat(pdf_text(out))


def test_print_the_pick_up_receipt_and_list_the_uncollected(sqlite_db: Database, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """The pick-up receipt says what was found and done, the parts, what was
    paid, the accessories handed back and the repair's own warranty; the
    uncollected list names the products still waiting."""
    from frontdesk import pickup
    from frontdesk.intake import faults, repairs

    number, receipt = a_paid_ticket(sqlite_db)
    url = str(tmp_path / "frontdesk.sqlite")
    with sqlite_db.write() as s:
        clerk = s.scalars(select(User).where(User.name == "clerk")).one()
        actor = Actor(clerk.id, clerk.name, clerk.role)
        ticket = service.find_ticket(s, number)
        service.move(s, actor, ticket.id, states.IN_REPAIR, now=datetime(2026, 11, 20, 12))
        repairs.record_repair(s, actor, ticket.id, repairs.RepairResult(
            "no_cooling", faults.REPLACED_PART, "换温控器",
            [repairs.PartReplaced("BX-THERM", "温控器", "TH-NEW-1", "TH-OLD-9")]), now=datetime(2026, 11, 21, 15))
        pickup.mark_ready(s, actor, ticket.id, now=datetime(2026, 11, 21, 16))
    code, out, err = run(capsys, "uncollected", "--db", url)
    assert code == EXIT_OK and number in out and "1" in err
    with sqlite_db.write() as s:
        pickup.pick_up(s, actor, ticket.id, [], now=datetime(2026, 11, 22, 10))
    code, out, _err = run(capsys, "uncollected", "--db", url)
    assert code == EXIT_OK and number not in out
    pdf = tmp_path / "pickup.pdf"
    code, _out, err = run(capsys, "print", "pickup", number, "--db", url, "-o", str(pdf))
    assert code == EXIT_OK, err
    text = flat(pdf_text(pdf))
    for field in (number, "王芳", "Pick-upreceipt", "Notcooling", "Replacedapart", "换温控器", "BX-THERM", "TH-NEW-1",
                  receipt, "2026-11-2210:00", "90days,until2027-02-20", "Customer'ssignature"):
        assert field in text, field
    code, _out, err = run(capsys, "print", "pickup", number, "--db", url, "--language", "zh_CN",
                          "-o", str(tmp_path / "zh.pdf"))
    text = flat(pdf_text(tmp_path / "zh.pdf"))
    for field in ("取机单", "不制冷", "更换配件", "保修90天", "客户签名"):
        assert field in text, field


def test_lang_names_the_documents_language_and_language_still_works(
        sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One option name across the command line: ``--lang`` prints every
    document in that language; ``--language`` is its hidden old name."""
    _ticket, number = a_paid_ticket(sqlite_db)
    url = str(tmp_path / "frontdesk.sqlite")
    for argv in (["print", "receipt", number, "--lang", "zh_CN"],
                 ["--lang", "zh_CN", "print", "receipt", number],
                 ["print", "receipt", number, "--language", "zh_CN"],
                 ["print", "--lang", "zh_CN", "receipt", number]):
        out = tmp_path / "zh.pdf"
        code, _out, err = run(capsys, *argv, "--db", url, "-o", str(out))
        assert code == EXIT_OK, (argv, err)
        text = flat(pdf_text(out))
        assert "收据" in text and "Receipt" not in text, argv
        out.unlink()
    code, _out, err = run(capsys, "print", "receipt", number, "--lang", "fr", "--db", url, "-o", str(tmp_path / "x.pdf"))
    assert code == EXIT_ERROR and "Unknown language fr" in err
    with pytest.raises(SystemExit):
        main(["print", "receipt", "--help"])
    shown = capsys.readouterr().out
    assert "--lang" in shown and "--language" not in shown
