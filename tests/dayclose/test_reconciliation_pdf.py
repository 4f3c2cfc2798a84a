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


def test_the_close_keeps_and_prints_the_chain_head_and_the_last_receipt_number(
        sqlite_db: Database, tmp_path: Path) -> None:
    """The day close records the audit chain's head on its row and in its
    figures, with the last receipt number of each year; the reconciliation
    prints both and the command line's lines say them."""
    from sqlalchemy import select

    from frontdesk.cli import day_close_lines
    from frontdesk.dayclose.models import DayClose
    from frontdesk.db.models import AuditRecord
    from tests.conftest import seed_users

    manager, clerk = seed_users(sqlite_db)
    known_day(sqlite_db, manager, clerk)
    with sqlite_db.write() as s:
        figures = dayclose.close_day(s, manager, DAY, opening_float="500", denominations=COUNT, now=at(18),
                                     counter="main")
    with sqlite_db.read() as s:
        row = s.scalar(select(DayClose).where(DayClose.day == DAY))
        assert row is not None and row.chain_head_id is not None
        head = s.get(AuditRecord, row.chain_head_id)
        assert head is not None and head.hash == row.chain_head_hash
        # the head before the close's own record: the count saved with it is the last one chained
        last = s.scalar(select(AuditRecord).order_by(AuditRecord.id.desc()).limit(1))
        assert last is not None and last.action == "day.close" and last.prev_hash == row.chain_head_hash
        assert last.detail["chain_head"] == [row.chain_head_id, row.chain_head_hash]
        again = dayclose.day_figures(s, DAY, "main")
        path = documents.print_reconciliation(s, DAY, tmp_path / "day.pdf", language="en", counter="main")
        zh = documents.print_reconciliation(s, DAY, tmp_path / "day-zh.pdf", language="zh_CN", counter="main")
        s.expunge(row)
    assert (figures.chain_head_id, figures.chain_head_hash) == (row.chain_head_id, row.chain_head_hash)
    assert again.chain_head_hash == row.chain_head_hash
    assert figures.last_receipt_numbers == {"2026": "R2026-000005"} == again.last_receipt_numbers
    text = "".join("".join(p.extract_text() or "" for p in PdfReader(str(path)).pages).split())
    assert f"#{row.chain_head_id}{row.chain_head_hash}" in text
    assert "Lastreceiptnumberof2026R2026-000005" in text
    zh_text = "".join("".join(p.extract_text() or "" for p in PdfReader(str(zh)).pages).split())
    assert row.chain_head_hash in zh_text and "R2026-000005" in zh_text
    assert (f"Audit trail head: #{row.chain_head_id} {row.chain_head_hash}; last receipt numbers: R2026-000005"
            in day_close_lines(figures))
