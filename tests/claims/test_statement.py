"""A maker's monthly statement (docs/rules.md#the-monthly-statement), with
amounts worked by hand: three November repairs for HAIER (one paid, one
paid short, one rejected), a December one left out, a deduction of the
month."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from frontdesk.claims import service as claims
from frontdesk.claims.models import Claim, ClaimDeduction
from frontdesk.claims.statement import monthly_statement
from frontdesk.cli import EXIT_OK, main
from frontdesk.db.engine import Database
from frontdesk.users import Actor
from tests.claims.claim_helpers import add_maker, add_standard, repair, warranty_ticket

D = Decimal


def _claim(db: Database, clerk: Actor, at: datetime, km: str) -> int:
    ticket = warranty_ticket(db, clerk, km=km, at=at, serial=f"SN-{at:%m%d}")
    repair(db, clerk, ticket, at=at)
    with db.read() as s:
        return s.scalars(select(Claim.id).where(Claim.ticket_id == ticket)).one()


@pytest.fixture
def november(db: Database, users: tuple[Actor, Actor]) -> tuple[Database, Actor]:
    manager, clerk = users
    maker = add_maker(db)
    add_standard(db, manager, maker)
    # medium fridge labour 120 + parts BX-THERM 10 and BX-FAN-01 8 = 138, plus the distance band:
    paid = _claim(db, clerk, datetime(2026, 11, 2, 10), "5.0")  # + 10.00 = 148.00
    short = _claim(db, clerk, datetime(2026, 11, 10, 10), "18.0")  # + 25.00 = 163.00
    rejected = _claim(db, clerk, datetime(2026, 11, 20, 10), "40.0")  # + 40.00 = 178.00
    _claim(db, clerk, datetime(2026, 12, 1, 10), "5.0")  # December's: not on November's statement
    with db.write() as s:
        for n, cid in enumerate((paid, short, rejected)):
            claims.submit_claim(s, manager, cid, f"HC-{n}", date(2026, 11, 25))
        claims.settle_claim(s, manager, paid, "148.00", "", date(2026, 12, 10))
        claims.settle_claim(s, manager, short, "143.00", "里程超标准", date(2026, 12, 10))
        claims.settle_claim(s, manager, rejected, "0", "非保修范围", date(2026, 12, 10))
        s.add(ClaimDeduction(maker_id=maker, claim_id=None, settlement_id=None, month=date(2026, 11, 1),
                             kind="late_callback", amount=D("30.00"), reason="回访不及时", recorded_at=datetime(2026, 12, 10),
                             recorded_by_id=manager.id))
    return db, manager


def test_the_statement_adds_up_the_months_claims(november: tuple[Database, Actor]) -> None:
    db, _manager = november
    with db.read() as s:
        st = monthly_statement(s, "haier", date(2026, 11, 15))
    assert [(r.state, r.claimed, r.paid, r.short) for r in st.rows] == [
        ("paid", D("148.00"), D("148.00"), D("0")), ("paid_short", D("163.00"), D("143.00"), D("20.00")),
        ("rejected", D("178.00"), D("0.00"), D("0"))]
    # claimed 148 + 163 + 178 = 489; paid 148 + 143 = 291; short 20; rejected 178; less 30 deducted = 261
    assert (st.claimed, st.paid, st.short, st.rejected, st.appealed, st.deducted, st.received) == (
        D("489.00"), D("291.00"), D("20.00"), D("178.00"), 0, D("30.00"), D("261.00"))


def test_the_statement_prints_in_both_languages(november: tuple[Database, Actor], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db, _manager = november
    code = main(["print", "statement", "--maker", "HAIER", "--month", "2026-11", "--db", db.url,
                 "-o", str(tmp_path / "en.pdf")])
    assert code == EXIT_OK, capsys.readouterr().err
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "en.pdf").pages)
    assert "Claims statement of Haier (HAIER) for 2026-11" in text
    for expected in ("¥489.00", "¥291.00", "¥20.00", "¥178.00", "¥261.00", "回访不及时", "Rejected"):
        assert expected in text, expected
    code = main(["print", "statement", "--maker", "HAIER", "--month", "2026-11", "--db", db.url, "--lang", "zh_CN",
                 "-o", str(tmp_path / "zh.pdf")])
    assert code == EXIT_OK
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "zh.pdf").pages)
    assert "索赔结算对账单" in text and "短付" in text and "Paid" not in text
