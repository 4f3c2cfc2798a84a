"""A maker's settlement workbook imported (docs/rules.md#settlements-and-appeals):
rows matched to claims, paid / paid short / rejected with the maker's reason
and appeal deadline, deductions, the rows left listed; a workbook of another
shape refused whole; the appeal list, hand-worked."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk import clock
from frontdesk.claims import settlements as st
from frontdesk.claims.models import Claim, ClaimDeduction, Maker, MakerStandard, Settlement
from frontdesk.cli import main
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, Customer, Ticket
from frontdesk.errors import NeedsManager
from frontdesk.users import Actor
from tests.conftest import MANAGER_PIN

NOW = datetime(2026, 11, 12, 9, 30)
SETTLED_ON = date(2026, 11, 10)
COLUMNS = {"claim_no": "索赔单号", "service_order_no": "服务单号", "amount_paid": "结算金额", "reason": "备注",
           "deduction": "扣款", "deduction_reason": "扣款原因"}
HEADER = ["序号", "索赔单号", "服务单号", "产品", "结算金额", "扣款", "扣款原因", "备注"]


# -- the rows, made directly ------------------------------------------------------------------

def _maker(s: Session, code: str, user_id: int) -> tuple[Maker, MakerStandard, MakerStandard]:
    maker = Maker(code=code, name=code.title(), settlement_columns={}, created_at=NOW)
    s.add(maker)
    s.flush()
    old = MakerStandard(maker_id=maker.id, name=f"{code} 2026", effective_from=date(2026, 1, 1), claim_days=7,
                        return_days=30, appeal_days=15, created_at=NOW, created_by_id=user_id)
    new = MakerStandard(maker_id=maker.id, name=f"{code} 2026-H2", effective_from=date(2026, 7, 1), claim_days=7,
                        return_days=30, appeal_days=30, created_at=NOW, created_by_id=user_id)
    s.add_all([old, new])
    s.flush()
    return maker, old, new


def _claim(s: Session, maker: Maker, standard: MakerStandard, number: str, claimed: str, *, claim_no: str = "",
           order_no: str = "", state: str = "submitted", user_id: int, **done: Any) -> Claim:
    customer = Customer(name="Zhang San", phone="+8613800138000", created_at=NOW)
    s.add(customer)
    s.flush()
    ticket = Ticket(number=f"T-{number}", channel="walk_in", kind="repair", state="closed", customer_id=customer.id,
                    intake_at=NOW, updated_at=NOW, created_by_id=user_id)
    s.add(ticket)
    s.flush()
    claim = Claim(number=number, ticket_id=ticket.id, maker_id=maker.id, standard_id=standard.id, state=state,
                  service_order_no=order_no, maker_claim_no=claim_no, repaired_on=date(2026, 9, 20),
                  claim_due=date(2026, 9, 27), amount_claimed=Decimal(claimed), lines=[], drafted_at=NOW,
                  updated_at=NOW, **done)
    s.add(claim)
    s.flush()
    return claim


@pytest.fixture
def shop(db: Database, users: tuple[Actor, Actor]) -> dict[str, int]:
    """HAIER with seven claims, MIDEA with two (ids by name)."""
    manager, _clerk = users
    ids: dict[str, int] = {}
    with db.write() as s:
        haier, h_old, h_new = _maker(s, "HAIER", manager.id)
        midea, m_old, _m_new = _maker(s, "MIDEA", manager.id)
        u = manager.id
        made = {
            "paid": _claim(s, haier, h_old, "C2026-000001", "120.00", claim_no="HC-001", order_no="SO-001", user_id=u),
            "short": _claim(s, haier, h_old, "C2026-000002", "150.00", claim_no="HC-002", user_id=u),
            "rejected": _claim(s, haier, h_new, "C2026-000003", "80.00", claim_no="HC-003", user_id=u),
            "by_order": _claim(s, haier, h_old, "C2026-000004", "60.00", order_no="SO-004", user_id=u),
            "twin_a": _claim(s, haier, h_old, "C2026-000005", "90.00", order_no="SO-777", user_id=u),
            "twin_b": _claim(s, haier, h_old, "C2026-000006", "95.00", order_no="SO-777", user_id=u),
            "earlier": _claim(s, haier, h_old, "C2026-000007", "50.00", claim_no="HC-007", state="paid", user_id=u,
                              amount_paid=Decimal("50.00"), settled_on=date(2026, 10, 10),
                              appeal_due=date(2026, 10, 25)),
            "midea": _claim(s, midea, m_old, "C2026-000008", "70.00", claim_no="HC-998", user_id=u),
            "midea_rejected": _claim(s, midea, m_old, "C2026-000009", "40.00", claim_no="MD-1", state="rejected",
                                     user_id=u, amount_paid=Decimal("0.00"), settled_on=date(2026, 11, 6),
                                     appeal_due=date(2026, 11, 21), result_reason="超出保修期"),
            "lapsed": _claim(s, haier, h_old, "C2026-000010", "30.00", claim_no="HC-010", state="paid_short",
                             user_id=u, amount_paid=Decimal("20.00"), settled_on=date(2026, 11, 4),
                             appeal_due=date(2026, 11, 19), result_reason="工时超标"),
        }
        ids = {name: c.id for name, c in made.items()}
        ids["haier"], ids["midea_maker"] = haier.id, midea.id
    return ids


def _workbook(path: Path, rows: list[list[Any]], header: list[str] = HEADER, title: str | None = "海尔 2026年10月结算单",
              sheet: str = "结算单") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    if title:
        ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


# Row numbers as Excel shows them: the title is row 1, the header row 2.
ROWS: list[list[Any]] = [
    [1, "HC-001", "SO-001", "冰箱", 120, None, None, None],  # row 3: exact
    [2, "HC-002", None, "洗衣机", 100.0, None, None, "配件价格超标准"],  # row 4: short 50
    [3, "HC-003", None, "空调", 0, -10, "旧件返还超期", "非保修范围"],  # row 5: rejected, 10 held back
    [4, None, "SO-004", "热水器", "60.00", None, None, None],  # row 6: by the service order
    [5, None, "SO-777", "冰箱", 90, None, None, None],  # row 7: two claims have it
    [6, "HC-001", None, "冰箱", 120, None, None, None],  # row 8: the same claim again
    [7, "HC-999", None, "冰箱", 45, None, None, None],  # row 9: no such claim
    [8, "HC-998", None, "冰箱", 70, None, None, None],  # row 10: another maker's claim
    [9, "HC-007", None, "冰箱", 50, None, None, None],  # row 11: settled last month
    [None, None, None, None, None, 30, "回访不及时", None],  # row 12: against the month
    [None, None, None, None, None, None, None, None],  # a blank row: passed over
]


def _counts(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return (int(s.scalar(select(func.count(Settlement.id))) or 0),
                int(s.scalar(select(func.count(ClaimDeduction.id))) or 0),
                int(s.scalar(select(func.count(AuditRecord.id))) or 0))


def _parse(path: Path) -> st.ParsedSettlement:
    return st.parse_settlement(path, COLUMNS, maker_code="haier", settled_on=SETTLED_ON)


def _parse_and_preview(db: Database, path: Path) -> st.SettlementPreview:
    parsed = _parse(path)  # no session open
    with db.read() as s:
        return st.preview(s, parsed)


# -- matching and applying --------------------------------------------------------------------

def test_every_row_is_matched_or_listed_and_the_claims_are_settled(
        db: Database, users: tuple[Actor, Actor], shop: dict[str, int], tmp_path: Path) -> None:
    manager, _clerk = users
    path = _workbook(tmp_path / "haier-2026-10.xlsx", ROWS)
    pv = _parse_and_preview(db, path)
    assert pv.month == date(2026, 10, 1)  # the month before the settlement date
    got = [(r.source.row, r.status, r.claim_number, r.outcome, r.short) for r in pv.rows]
    assert got == [
        (3, st.MATCHED, "C2026-000001", "paid", Decimal("0.00")),
        (4, st.MATCHED, "C2026-000002", "paid_short", Decimal("50.00")),
        (5, st.MATCHED, "C2026-000003", "rejected", Decimal("80.00")),
        (6, st.MATCHED, "C2026-000004", "paid", Decimal("0.00")),
        (7, st.AMBIGUOUS, "", "", None),
        (8, st.DUPLICATE, "C2026-000001", "", None),
        (9, st.UNMATCHED, "", "", None),
        (10, st.UNMATCHED, "", "", None),
        (11, st.SETTLED, "C2026-000007", "", None),
        (12, st.MONTH_DEDUCTION, "", "", None),
    ]
    assert pv.rows[4].note == "C2026-000005, C2026-000006"
    assert pv.rows[5].note == "row 3 is for the same claim"
    assert pv.rows[8].note == "paid on 2026-10-10"
    # claimed 120 + 150 + 80 + 60 = 410; paid 120 + 100 + 0 + 60 = 280; short 130; deductions 10 + 30
    assert (pv.claimed_total, pv.paid_total, pv.short_total, pv.deduction_total) == (
        Decimal("410.00"), Decimal("280.00"), Decimal("130.00"), Decimal("40.00"))
    assert _counts(db)[:2] == (0, 0)  # a preview writes nothing

    before = _counts(db)[2]
    with db.write() as s:
        result = st.apply(s, manager, pv, NOW)
    left = [(r.source.row, r.status) for r in result.preview.left]
    assert left == [(7, st.AMBIGUOUS), (8, st.DUPLICATE), (9, st.UNMATCHED), (10, st.UNMATCHED), (11, st.SETTLED)]
    with db.read() as s:
        claims = {name: s.get(Claim, shop[name]) for name in shop if name not in ("haier", "midea_maker")}
        c = {k: (v.state, v.amount_paid, v.settled_on, v.result_reason, v.appeal_due)
             for k, v in claims.items() if v is not None}
        assert c["paid"] == ("paid", Decimal("120.00"), SETTLED_ON, "", None)  # paid in full: nothing to appeal
        # Tuesday 2026-11-10 + 15 working days (the standard of 2026-01-01 the claim was priced by; Monday to
        # Friday, no holiday in between) = Tuesday 2026-12-01
        assert c["short"] == ("paid_short", Decimal("100.00"), SETTLED_ON, "配件价格超标准", date(2026, 12, 1))
        # 2026-11-10 + 30 working days (the standard of 2026-07-01) = Tuesday 2026-12-22
        assert c["rejected"] == ("rejected", Decimal("0.00"), SETTLED_ON, "非保修范围", date(2026, 12, 22))
        assert c["by_order"][0] == "paid"
        assert c["twin_a"][0] == c["twin_b"][0] == c["midea"][0] == "submitted"  # left alone
        assert c["earlier"] == ("paid", Decimal("50.00"), date(2026, 10, 10), "", date(2026, 10, 25))  # not overwritten
        settlement = s.scalars(select(Settlement)).one()
        assert (settlement.maker_id, settlement.month, settlement.settled_on, settlement.file_name, settlement.rows,
                settlement.total_paid) == (shop["haier"], date(2026, 10, 1), SETTLED_ON, "haier-2026-10.xlsx", 10,
                                           Decimal("655.00"))  # every amount in the file: 120+100+0+60+90+120+45+70+50
        deductions = [(d.claim_id, d.kind, d.amount, d.reason, d.month, d.settlement_id)
                      for d in s.scalars(select(ClaimDeduction).order_by(ClaimDeduction.id))]
        assert deductions == [
            (shop["rejected"], "late_part", Decimal("10.00"), "旧件返还超期", date(2026, 10, 1), settlement.id),
            (None, "late_callback", Decimal("30.00"), "回访不及时", date(2026, 10, 1), settlement.id),
        ]
        records = list(s.scalars(select(AuditRecord).where(AuditRecord.id > before).order_by(AuditRecord.id)))
        assert [r.action for r in records] == ["claim.settle"] * 4 + ["settlement.import"]
        assert records[1].detail["to"] == "paid_short" and records[1].detail["reason"] == "配件价格超标准"
        summary = records[-1].detail
        assert summary["applied"] == {"matched": 4, "claim_deduction": 0, "month_deduction": 1}
        assert summary["left"] == [[7, "ambiguous", "SO-777", "C2026-000005, C2026-000006"],
                                   [8, "duplicate", "HC-001", "row 3 is for the same claim"],
                                   [9, "unmatched", "HC-999", ""], [10, "unmatched", "HC-998", ""],
                                   [11, "settled", "HC-007", "paid on 2026-10-10"]]
        assert records[-1].user_id == manager.id


def test_a_second_import_settles_nothing_twice(db: Database, users: tuple[Actor, Actor], shop: dict[str, int],
                                               tmp_path: Path) -> None:
    manager, _clerk = users
    path = _workbook(tmp_path / "s.xlsx", ROWS)
    with db.write() as s:
        st.apply(s, manager, _parse_and_preview(db, path), NOW)
    pv = _parse_and_preview(db, path)
    assert [r.status for r in pv.rows][:4] == [st.SETTLED] * 4
    assert pv.rows[-1].status == st.RECORDED  # the month's deduction is not taken twice
    assert pv.earlier == [SETTLED_ON]
    with db.write() as s:
        st.apply(s, manager, pv, NOW)
    with db.read() as s:
        assert s.scalar(select(func.count(ClaimDeduction.id))) == 2


def test_a_deduction_only_row_goes_to_its_claim_even_a_settled_one(
        db: Database, users: tuple[Actor, Actor], shop: dict[str, int], tmp_path: Path) -> None:
    manager, _clerk = users
    path = _workbook(tmp_path / "s.xlsx", [[1, "HC-007", None, "冰箱", None, 20, "投诉扣款", None]])
    pv = _parse_and_preview(db, path)
    assert [(r.status, r.claim_number) for r in pv.rows] == [(st.CLAIM_DEDUCTION, "C2026-000007")]
    with db.write() as s:
        st.apply(s, manager, pv, NOW)
    with db.read() as s:
        d = s.scalars(select(ClaimDeduction)).one()
        assert (d.claim_id, d.kind, d.amount) == (shop["earlier"], "complaint", Decimal("20.00"))
        assert s.get(Claim, shop["earlier"]).state == "paid"  # type: ignore[union-attr]


def test_only_a_manager_imports_or_maps_the_columns(db: Database, users: tuple[Actor, Actor], shop: dict[str, int],
                                tmp_path: Path) -> None:
    _manager, clerk = users
    pv = _parse_and_preview(db, _workbook(tmp_path / "s.xlsx", ROWS))
    with pytest.raises(NeedsManager), db.write() as s:
        st.apply(s, clerk, pv, NOW)
    with pytest.raises(NeedsManager), db.write() as s:
        st.save_columns(s, clerk, st.find_maker(s, "HAIER"), COLUMNS, NOW)
    assert _counts(db)[:2] == (0, 0)
    with db.read() as s:
        assert st.find_maker(s, "HAIER").settlement_columns == {}
    with db.write() as s:  # a manager maps them; the same mapping again (each month's import) asks no one
        st.save_columns(s, _manager, st.find_maker(s, "HAIER"), COLUMNS, NOW)
    with db.write() as s:
        st.save_columns(s, clerk, st.find_maker(s, "HAIER"), dict(COLUMNS), NOW)
    with db.read() as s:
        assert st.find_maker(s, "HAIER").settlement_columns == COLUMNS


# -- refusals ---------------------------------------------------------------------------------

def test_a_workbook_of_another_shape_is_refused_whole(db: Database, users: tuple[Actor, Actor],
                                                      shop: dict[str, int], tmp_path: Path) -> None:
    other = ["序号", "索赔单号", "服务单号", "产品", "实付金额", "扣款", "扣款原因", "备注"]
    path = _workbook(tmp_path / "midea-shape.xlsx", ROWS[:3], header=other)
    with pytest.raises(st.SettlementRefused) as refused:
        _parse(path)
    assert [str(p) for p in refused.value.problems] == [
        '结算单, row 2, 结算金额: The column "结算金额" (the amount paid) is not in the header: this workbook is not '
        'of the shape mapped for the maker; map its columns again with --map amount_paid="Its title".']
    assert refused.value.message.startswith("The settlement workbook was refused; nothing was changed.")


def test_a_bad_amount_is_refused_naming_the_cell(tmp_path: Path) -> None:
    rows = [[1, "HC-001", None, "冰箱", "abc", None, None, None],
            [2, "HC-002", None, "冰箱", -5, None, None, None],
            [3, "HC-003", None, "冰箱", 1.005, None, None, None],
            [4, "HC-004", None, "冰箱", None, None, None, None],
            [5, "HC-005", None, "冰箱", 10, "ten", None, None]]
    with pytest.raises(st.SettlementRefused) as refused:
        _parse(_workbook(tmp_path / "s.xlsx", rows, title=None))
    assert [str(p) for p in refused.value.problems] == [
        "结算单, row 2, 结算金额 (E2): Not an amount: abc",
        "结算单, row 3, 结算金额 (E3): An amount paid cannot be negative: -5.00",
        "结算单, row 4, 结算金额 (E4): An amount has at most two decimals: 1.005",
        "结算单, row 5, 结算金额 (E5): The amount paid is empty: write 0 for a rejected claim.",
        "结算单, row 6, 扣款 (F6): Not an amount: ten",
    ]


def test_a_totals_row_is_listed_and_not_counted_as_paid(tmp_path: Path) -> None:
    parsed = _parse(_workbook(tmp_path / "s.xlsx", [
        [1, "HC-001", None, "冰箱", 120, None, None, None],
        ["合计", None, None, None, 120, None, None, None]]))
    assert [(r.row, r.amount_paid) for r in parsed.rows] == [(3, Decimal("120.00")), (4, Decimal("120.00"))]
    assert parsed.total_paid == Decimal("120.00")


def test_a_workbook_with_no_rows_is_refused(tmp_path: Path) -> None:
    with pytest.raises(st.SettlementRefused) as refused:
        _parse(_workbook(tmp_path / "s.xlsx", [[None] * 8]))
    assert [str(p) for p in refused.value.problems] == ["结算单: No row under the header: is it the right workbook?"]


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "s.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(st.SettlementRefused) as refused:
        _parse(bad)
    assert [str(p) for p in refused.value.problems] == [
        "s.xlsx: Not an Excel workbook (.xlsx), or the file is damaged"]


def test_the_columns_must_name_the_amount_and_a_number() -> None:
    with pytest.raises(Exception) as refused:
        st.check_columns({"claim_no": "索赔单号"}, "HAIER")
    assert "map amount_paid" in str(refused.value)
    with pytest.raises(Exception) as refused:
        st.check_columns({"amount_paid": "金额", "reason": "备注"}, "HAIER")
    assert "map claim_no or service_order_no" in str(refused.value)
    with pytest.raises(Exception) as refused:
        st.parse_map(["amount=金额"])
    assert "field=Column title" in str(refused.value)
    assert st.merged_columns({"claim_no": "A", "amount_paid": "B"}, st.parse_map(["claim_no=", "reason=C"])) == {
        "amount_paid": "B", "reason": "C"}


# -- the appeal list --------------------------------------------------------------------------

def test_the_appeal_list_soonest_first_until_the_deadline(db: Database, users: tuple[Actor, Actor],
                                                          shop: dict[str, int], tmp_path: Path) -> None:
    manager, _clerk = users
    with db.write() as s:
        st.apply(s, manager, _parse_and_preview(db, _workbook(tmp_path / "s.xlsx", ROWS)), NOW)
    with db.read() as s:
        on_20th = [(a.claim_number, a.maker_code, a.state, a.short, a.reason, a.appeal_due, a.days_left)
                   for a in st.appeal_list(s, date(2026, 11, 20))]
        # the lapsed one (due 11-19) is gone; MIDEA's rejection (due 11-21), then HAIER's short (12-01: 15
        # working days), then HAIER's rejection priced by the 30-day standard (12-22)
        assert on_20th == [
            ("C2026-000009", "MIDEA", "rejected", Decimal("40.00"), "超出保修期", date(2026, 11, 21), 1),
            ("C2026-000002", "HAIER", "paid_short", Decimal("50.00"), "配件价格超标准", date(2026, 12, 1), 11),
            ("C2026-000003", "HAIER", "rejected", Decimal("80.00"), "非保修范围", date(2026, 12, 22), 32),
        ]
        assert [a.claim_number for a in st.appeal_list(s, date(2026, 11, 20), "haier")] == [
            "C2026-000002", "C2026-000003"]
        # the last day is still in time; the day after is not
        assert [(a.claim_number, a.days_left) for a in st.appeal_list(s, date(2026, 12, 1))] == [
            ("C2026-000002", 0), ("C2026-000003", 21)]
        assert [a.claim_number for a in st.appeal_list(s, date(2026, 12, 2))] == ["C2026-000003"]
        assert st.appeal_list(s, date(2026, 12, 23)) == []


# -- the mapping and the command line ---------------------------------------------------------

def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_previews_then_imports_and_keeps_the_mapping(
        db: Database, users: tuple[Actor, Actor], shop: dict[str, int], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FRONTDESK_DB", "FRONTDESK_PIN", "FRONTDESK_LANG"):
        monkeypatch.delenv(name, raising=False)
    url = db.url
    path = str(_workbook(tmp_path / "haier.xlsx", ROWS))
    base = ["claims", "import-settlement", path, "--maker", "HAIER", "--settled-on", "2026-11-10", "--db", url]
    maps = [f"--map={k}={v}" for k, v in COLUMNS.items()]

    code, _out, err = _cli(capsys, *base)  # nothing mapped yet
    assert code == 2 and "The settlement columns of maker HAIER are not mapped: map amount_paid, claim_no or " \
                          "service_order_no to the workbook's column titles" in err

    code, out, err = _cli(capsys, *base, *maps, "--dry-run")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split("\t")[:3] == ["Row", "Number", "Status"]
    assert lines[2] == "4\tHC-002\tmatched\tC2026-000002\t150.00\t100.00\t50.00\tpaid short\t\t配件价格超标准"
    assert lines[5] == "7\tSO-777\tambiguous\t\t\t90.00\t\t\t\tC2026-000005, C2026-000006"
    assert lines[-1] == ("HAIER, 2026-10, settled on 2026-11-10: 10 rows; 4 matched (claimed 410.00, paid 280.00, "
                         "short 130.00); deductions 40.00; left: 2 unmatched, 1 ambiguous, 1 duplicate, 1 already "
                         "settled.")
    assert "Dry run: nothing was written." in err and "saved only by a real import" in err
    assert _counts(db)[:2] == (0, 0)
    with db.read() as s:
        assert s.get(Maker, shop["haier"]).settlement_columns == {}  # type: ignore[union-attr]

    code, _out, err = _cli(capsys, *base, *maps)  # a real import needs the manager's PIN
    assert code == 2 and "No PIN given" in err
    monkeypatch.setenv("FRONTDESK_PIN", MANAGER_PIN)
    code, out, err = _cli(capsys, *base, *maps, "--month", "2026-10")
    assert code == 0, err
    assert "Imported the settlement of HAIER for 2026-10: 4 claims settled." in out
    assert "5 rows were left unapplied (listed above): look at them and settle them by hand." in out
    with db.read() as s:
        assert s.get(Maker, shop["haier"]).settlement_columns == COLUMNS  # type: ignore[union-attr]
        assert s.get(Claim, shop["short"]).state == "paid_short"  # type: ignore[union-attr]
        saved = s.scalars(select(AuditRecord).where(AuditRecord.action == "maker.settlement_columns")).one()
        assert saved.detail["after"] == COLUMNS and saved.user_id == users[0].id

    # The next month's workbook is read with the saved columns: no --map.
    nxt = str(_workbook(tmp_path / "haier-11.xlsx", [[1, None, "SO-777", "冰箱", 5, None, None, "短"]]))
    code, out, err = _cli(capsys, "claims", "import-settlement", nxt, "--maker", "haier", "--dry-run",
                          "--settled-on", "2026-12-10", "--db", url)
    assert code == 0, err
    assert "HAIER, 2026-11, settled on 2026-12-10: 1 rows" in out

    # A workbook of another shape: refused whole, the cell named, nothing written.
    before = _counts(db)
    bad = str(_workbook(tmp_path / "bad.xlsx", ROWS[:2], header=[h if h != "服务单号" else "工单号" for h in HEADER]))
    code, out, err = _cli(capsys, "claims", "import-settlement", bad, "--maker", "HAIER", "--db", url)
    assert code == 2
    assert err.splitlines() == [
        "frontdesk: the workbook was refused; nothing was changed:",
        '  结算单, row 2, 服务单号: The column "服务单号" (the maker\'s service order number) is not in the header: '
        'this workbook is not of the shape mapped for the maker; map its columns again with --map '
        'service_order_no="Its title".']
    assert _counts(db) == before

    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 20, 9, 0))
    code, out, err = _cli(capsys, "claims", "appeals", "--db", url)
    assert code == 0 and "C2026-000002\tHAIER\tHC-002\tpaid short\t150.00\t100.00\t50.00\t配件价格超标准" in out
