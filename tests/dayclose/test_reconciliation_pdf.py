"""The reconciliation prints every figure of the known day on A4, with the
signature lines, Chinese in the embedded font."""

from __future__ import annotations

from pathlib import Path

from pdfcheck import dictionary
from pypdf import PdfReader

from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.printing import documents
from tests.dayclose.test_day_close import COUNT, DAY, at, known_day


def test_the_reconciliation_shows_every_figure_and_signature_lines(
        sqlite_db: Database, tmp_path: Path) -> None:
    from tests.conftest import seed_users

    manager, clerk = seed_users(sqlite_db)
    known_day(sqlite_db, manager, clerk)
    with sqlite_db.write() as s:
        from frontdesk import settings

        settings.store(s, {"shop_name": "鸿运家电维修中心"})
        dayclose.close_day(s, manager, DAY, opening_float="500", denominations=COUNT, note="短款两元", now=at(18),
                           counter="main")
    with sqlite_db.read() as s:
        path = documents.print_reconciliation(s, DAY, tmp_path / "day.pdf", language="en", counter="main")
    reader = PdfReader(str(path))
    page = reader.pages[0]
    assert round(float(page.mediabox.width)) == 595 and round(float(page.mediabox.height)) == 842
    text = "".join("".join(p.extract_text() or "" for p in reader.pages).split())
    for expected in ("鸿运家电维修中心", "Dayclose2026-11-24", "R2026-000001", "R2026-000005", "R2026-000003",
                     "typedtwice", "¥600.00", "¥598.00", "-¥2.00", "¥500.00", "¥280.00", "¥20.30", "¥130.00",
                     "¥180.00", "短款两元", "Clerk", "Manager", "Signatureanddate", "byWangManager,approvedbyWangManager"):
        assert expected in text, expected
    fonts = {str(f.get("/BaseFont")) for p in reader.pages
             for f in (dictionary(p["/Resources"]).get("/Font") or {}).values()}
    assert any("FrontDeskSans" in f or "WenQuanYi" in f for f in fonts), fonts


def test_a_day_closed_in_english_prints_its_methods_and_counter_in_chinese(
        sqlite_db: Database, tmp_path: Path) -> None:
    """The close keeps its figures as they stood; the methods and the main
    counter are keys under their titles, so the paper says them in its own
    language, whatever the language the day was closed in."""
    from tests.conftest import seed_users  # as the test above: the shared fixtures' helper

    manager, clerk = seed_users(sqlite_db)
    known_day(sqlite_db, manager, clerk)
    with sqlite_db.write() as s:
        dayclose.close_day(s, manager, DAY, opening_float="500", denominations=COUNT, now=at(18), counter="main")
    with sqlite_db.read() as s:
        path = documents.print_reconciliation(s, DAY, tmp_path / "day.pdf", language="zh_CN", counter="main")
    text = "".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)
    assert "现金" in text and "银行卡" in text
    for english in ("Cash", "Bank card", "main"):
        assert english not in text, english
