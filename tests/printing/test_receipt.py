"""Receipts on A5 and on the 80 mm roll: every field, Chinese, the font
embedded, the roll's width, COPY and VOID, and lines running on to page 2."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pdfcheck import embedded_fonts, page_size_mm, pdf_text
from pypdf import PdfReader

from frontdesk.billing.payments import ReceiptLine, ReceiptView
from frontdesk.printing.receipt import SIZES, write_receipt

D = Decimal


def a_line(i: int = 1) -> ReceiptLine:
    return ReceiptLine(kind="labour", kind_label="Labour", description=f"更换压缩机启动器 {i}", qty=1,
                       schedule_price=D("150.00"), card_price=D("120.00"), applied="card", applied_label="保修卡标准",
                       unit_price=D("120.00"), amount=D("120.00"), in_warranty=False, saving=D("30.00"))


def a_view(**changes: object) -> ReceiptView:
    view = ReceiptView(
        id=1, number="R2026-000123", ticket_id=7, ticket_number="T2026-000456", customer="欧阳娜娜",
        issued_at=datetime(2026, 11, 24, 15, 30), issued_by="李小姐", kind="payment", kind_label="Payment",
        method="cash", method_label="Cash", currency="CNY", amount=D("226.00"), net=D("226.00"), tax=D("26.00"),
        tendered=D("300.00"), change=D("74.00"), lines=(a_line(1),), subtotal=D("200.00"), tax_rate=D("0.13"),
        bill_tax=D("26.00"), bill_total=D("226.00"), saving=D("30.00"), waived=D("0"), paid_before=D("0"),
        outstanding_after=D("0"), shop_name="鸿运家电维修中心",
        shop_address="北京市海淀区中关村大街一号院三号楼二层东侧二零八室（地铁四号线中关村站A口出向北二百米）",
        shop_phone="010-12345678", footer="保修期九十天，凭此收据维修。", voided=False, voided_at=None,
        void_reason="", void_approver=None, corrects_number=None, corrected_amount=None, correction_reason="",
        corrected_by_number=None, reprints=0, copy=False)
    return dataclasses.replace(view, **changes)  # type: ignore[arg-type]


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("size", ["a5", "80mm"])
def test_every_field_prints_in_chinese_with_the_font_embedded(tmp_path: Path, size: str) -> None:
    view = a_view(corrects_number="R2026-000100", corrected_amount=D("250.00"), correction_reason="金额录错")
    path = write_receipt(view, tmp_path / "r.pdf", size=size, invoice_owed=True)
    text = flat(pdf_text(path))
    for field in ("鸿运家电维修中心", "010-12345678", "ReceiptR2026-000123", "2026-11-2415:30", "李小姐",
                  "T2026-000456", "欧阳娜娜", "更换压缩机启动器1", "¥150.00", "¥120.00", "保修卡标准",
                  "Saving", "¥30.00", "Subtotal", "¥200.00", "VAT13%", "¥26.00", "Total", "¥226.00", "Cash",
                  "Tendered", "¥300.00", "Change", "¥74.00", "Invoiceowed", "R2026-000100", "金额录错",
                  "保修期九十天", "notataxinvoice", "地铁四号线中关村站A口"):
        assert field in text, field
    assert "COPY" not in text and "VOID" not in text and "ofwhichVAT" not in text  # prices before tax
    assert any("WenQuanYiMicroHei" in f for f in embedded_fonts(path))


@pytest.mark.parametrize("size", ["a5", "80mm"])
def test_prices_with_vat_print_of_which_vat_and_a_deposit_prints_no_tax(tmp_path: Path, size: str) -> None:
    view = a_view(tax_included=True, subtotal=D("200.00"), bill_total=D("226.00"), tax=D("26.00"))
    text = flat(pdf_text(write_receipt(view, tmp_path / "r.pdf", size=size)))
    assert "Total¥226.00" in text and "ofwhichVAT13%¥26.00" in text and "Subtotal" not in text
    deposit = a_view(kind="deposit", counts_as="deposit", kind_label="Loanerdeposit", lines=(), amount=D("300.00"),
                     tax=D("0"), deposit={"taken": D("300.00"), "held": D("300.00")})
    text = flat(pdf_text(write_receipt(deposit, tmp_path / "d.pdf", size=size)))
    assert "Asecuritydeposit:notax,notapaymentfortherepair." in text and "Depositstillheld¥300.00" in text
    assert "VAT" not in text and "Stilltopay" not in text


def test_the_invoice_number_when_known(tmp_path: Path) -> None:
    path = write_receipt(a_view(), tmp_path / "r.pdf", invoice_no="No.04456789", invoice_owed=True)
    text = flat(pdf_text(path))
    assert "InvoiceNo.04456789" in text and "Invoiceowed" not in text


def test_the_roll_is_80mm_wide_and_as_long_as_the_content(tmp_path: Path) -> None:
    short = write_receipt(a_view(), tmp_path / "short.pdf", size="80mm")
    long = write_receipt(a_view(lines=tuple(a_line(i) for i in range(1, 41))), tmp_path / "long.pdf", size="80mm")
    for path in (short, long):
        reader = PdfReader(str(path))
        assert len(reader.pages) == 1
        assert abs(float(reader.pages[0].mediabox.width) - 226.77) < 0.5
    assert page_size_mm(long)[1] > page_size_mm(short)[1] + 200
    text = flat(pdf_text(long))
    assert "更换压缩机启动器40" in text and "Total" in text


@pytest.mark.parametrize("size", ["a5", "80mm"])
def test_copy_and_void_marks(tmp_path: Path, size: str) -> None:
    copy = flat(pdf_text(write_receipt(a_view(copy=True, reprints=2), tmp_path / "c.pdf", size=size)))
    assert "COPY" in copy and "VOID" not in copy
    void = flat(pdf_text(write_receipt(a_view(voided=True, void_reason="客户取消维修", void_approver="王经理"),
                                       tmp_path / "v.pdf", size=size)))
    assert "VOID" in void and "客户取消维修" in void and "王经理" in void and "COPY" not in void


def test_a5_is_a5_and_35_lines_run_on_with_the_total_on_the_last_page(tmp_path: Path) -> None:
    one = write_receipt(a_view(), tmp_path / "one.pdf")
    assert [round(v) for v in page_size_mm(one)] == [148, 210]
    assert len(PdfReader(str(one)).pages) == 1
    path = write_receipt(a_view(lines=tuple(a_line(i) for i in range(1, 36))), tmp_path / "many.pdf")
    pages = [flat(p.extract_text() or "") for p in PdfReader(str(path)).pages]
    assert len(pages) >= 2
    assert "更换压缩机启动器1" in pages[0] and "Total" not in pages[0]
    assert "Total" in pages[-1] and "更换压缩机启动器35" in "".join(pages)
    assert all("R2026-000123" in p and "T2026-000456" in p for p in pages)


def test_a_bad_size_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_receipt(a_view(), tmp_path / "x.pdf", size="a4")


def test_the_printed_qr_code_reads_back_as_the_ticket_number(tmp_path: Path) -> None:
    """Scanned into the search field, the QR code must give the ticket number."""
    import shutil
    import subprocess

    if shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None:
        pytest.skip("zbarimg (zbar-tools) and pdftoppm (poppler-utils) read the printed code")
    view = a_view()
    for size in SIZES:
        path = write_receipt(view, tmp_path / f"qr-{size}.pdf", size=size)
        subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / size)],
                       check=True)
        png = next(tmp_path.glob(f"{size}*.png"))
        read = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
        assert read.stdout.strip() == view.ticket_number, size
