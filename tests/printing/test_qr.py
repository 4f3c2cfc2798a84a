"""The QR codes printed on receipts, pull-back receipts, feedback cards and
old-part tags (frontdesk/printing/base.py, draw_qr): whatever the value, a
scanner reads back exactly it.  zbar reads them here, not the encoder's own
reader."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from frontdesk.printing.base import draw_qr

pytestmark = pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
                                reason="zbarimg (zbar-tools) and pdftoppm (poppler-utils) read the printed code")

# What the program prints in a code: ticket, receipt and tag numbers; and
# text in the shop's two scripts, for what a shop might put there one day.
# (Not any Unicode: a lone Latin-1 letter such as "¡" is one byte in a QR
# code, which zbar takes for Shift-JIS, as the standard lets a reader guess.)
NUMBERS = st.from_regex(r"[TRPC]20[2-9][0-9]-[0-9]{6}", fullmatch=True)
ANY_TEXT = st.text(st.one_of(st.characters(min_codepoint=0x21, max_codepoint=0x7E),
                             st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)), min_size=1, max_size=60)


def read_back(tmp_path: Path, value: str, size_mm: float) -> str:
    pdf = tmp_path / "qr.pdf"
    c = Canvas(str(pdf), pagesize=(size_mm * mm + 20, size_mm * mm + 20))
    draw_qr(c, value, 10, 10, size_mm * mm)
    c.save()
    for old in tmp_path.glob("qr*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(tmp_path / "qr")], check=True)
    png = next(tmp_path.glob("qr*.png"))
    read = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True)
    return read.stdout.decode("utf-8").removesuffix("\n")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=NUMBERS)
def test_a_number_reads_back_from_the_smallest_code_printed(tmp_path: Path, value: str) -> None:
    assert read_back(tmp_path, value, 18) == value  # the 80 mm receipt's code is about this size


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=ANY_TEXT)
def test_any_latin_or_chinese_text_reads_back(tmp_path: Path, value: str) -> None:
    assert read_back(tmp_path, value, 40) == value
