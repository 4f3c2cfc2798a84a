"""The head-office workbook's integrity sheet (the audit chain's head, each
day close's checkpoint, the last receipt number of each year), and
consolidation refusing a shop's later workbook that goes back on an earlier
one: made from a database restored to an older copy, it has less history
(a lower head), lost a day close, or would issue receipt numbers again."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from frontdesk import audit
from frontdesk.dayclose import service as dayclose
from frontdesk.db.engine import Database
from frontdesk.headoffice import schema
from frontdesk.headoffice.consolidate import WorkbookRefused, check_order, consolidate, read_shop_file
from frontdesk.headoffice.export import export_workbook
from frontdesk.loaners import service as loaners
from frontdesk.users import Actor
from tests.billing.billing_helpers import add_schedule, diagnosing_ticket
from tests.conftest import seed_users
from tests.loaners.loaner_helpers import add_units

D = Decimal
MAIN = "main"
DAY1, DAY2, DAY3 = date(2026, 11, 24), date(2026, 11, 25), date(2026, 11, 26)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)


def _lend_and_close(db: Database, manager: Actor, clerk: Actor, tag: str, day: date, deposit: str,
                    close: bool = True) -> None:
    ticket = diagnosing_ticket(db, clerk, at=_at(day, 9), serial=f"SN-{tag}-{deposit}", phone="13800138000")
    with db.write() as s:
        loaners.lend(s, clerk, ticket, tag, day + timedelta(days=7), "良好", D(deposit), now=_at(day, 10),
                     counter=MAIN)
    if close:
        with db.write() as s:
            dayclose.close_day(s, manager, day, opening_float="0", counted=deposit, now=_at(day, 19), counter=MAIN)


def _rows(path: Path, sheet: str) -> list[dict[str, Any]]:
    keys = [c.key for c in (schema.SHOPS_COLUMNS if sheet == schema.SHOPS_SHEET else schema.SHEETS[sheet])]
    wb = load_workbook(str(path), read_only=True)
    values = list(wb[sheet].iter_rows(min_row=2, values_only=True))
    wb.close()
    return [dict(zip(keys, row, strict=False)) for row in values]


@pytest.fixture
def shop(sqlite_db: Database, tmp_path: Path) -> tuple[Database, Actor, Actor, Path]:
    """Day 1: a deposit taken and the day closed; then the database is
    copied (the old backup); day 2: another deposit and its close."""
    db = sqlite_db
    manager, clerk = seed_users(db)
    add_schedule(db, manager)
    add_units(db, manager, "LN-1", "LN-2", "LN-3")
    _lend_and_close(db, manager, clerk, "LN-1", DAY1, "100")
    old = tmp_path / "old-copy.sqlite"
    source, copy = sqlite3.connect(db.url.removeprefix("sqlite:///")), sqlite3.connect(old)
    source.backup(copy)  # a copy of the file as a backup makes it (the WAL's pages in)
    source.close()
    copy.close()
    return db, manager, clerk, old


def _export(db: Database, path: Path, day: date, now: datetime) -> Path:
    return export_workbook(db, None, path, day, day, now=now).path


def test_the_integrity_sheet_has_the_head_the_day_closes_and_the_last_receipt(
        shop: tuple[Database, Actor, Actor, Path], tmp_path: Path) -> None:
    db, manager, clerk, _old = shop
    _lend_and_close(db, manager, clerk, "LN-2", DAY2, "200")
    with db.read() as s:
        head_id, head_hash = dayclose.chain_head(s)
        closes = {c.day: (c.chain_head_id, c.chain_head_hash) for c in
                  (dayclose.get_close(s, d, MAIN) for d in (DAY1, DAY2)) if c is not None}
    path = _export(db, tmp_path / "w.xlsx", DAY2, _at(DAY3, 9))
    rows = _rows(path, "integrity")
    assert rows[0]["item"] == "chain_head" and (rows[0]["record_id"], rows[0]["hash"]) == (head_id, head_hash)
    checkpoints = {(r["day"].date(), r["counter"]): (r["record_id"], r["hash"]) for r in rows if r["item"] == "day_close"}
    assert checkpoints == {(DAY1, MAIN): closes[DAY1], (DAY2, MAIN): closes[DAY2]}
    assert [(r["year"], r["receipt_no"]) for r in rows if r["item"] == "last_receipt"] == [(2026, "R2026-000002")]
    # a day close after the period's end is not the period's
    only_day1 = _rows(_export(db, tmp_path / "w1.xlsx", DAY1, _at(DAY3, 10)), "integrity")
    assert [r["day"].date() for r in only_day1 if r["item"] == "day_close"] == [DAY1]


def test_the_shops_workbooks_in_any_order_pass_and_carry_their_heads(
        shop: tuple[Database, Actor, Actor, Path], tmp_path: Path) -> None:
    db, manager, clerk, _old = shop
    first = _export(db, tmp_path / "day1.xlsx", DAY1, _at(DAY1, 20))
    _lend_and_close(db, manager, clerk, "LN-2", DAY2, "200")
    second = _export(db, tmp_path / "day2.xlsx", DAY2, _at(DAY2, 20))
    result = consolidate([second, first], tmp_path / "all.xlsx")
    assert len(result.shops) == 2
    heads = {r["file"]: r["chain_head_id"] for r in _rows(result.path, "shops")}
    assert heads["day2.xlsx"] > heads["day1.xlsx"] > 0


def test_a_workbook_from_a_restored_older_copy_is_refused(
        shop: tuple[Database, Actor, Actor, Path], tmp_path: Path) -> None:
    db, manager, clerk, old = shop
    first = _export(db, tmp_path / "day1.xlsx", DAY1, _at(DAY1, 20))
    _lend_and_close(db, manager, clerk, "LN-2", DAY2, "200")
    second = _export(db, tmp_path / "day2.xlsx", DAY2, _at(DAY2, 20))
    restored = Database(f"sqlite:///{old}")  # the shop went back to the copy of day 1
    third = _export(restored, tmp_path / "day3.xlsx", DAY3, _at(DAY3, 20))
    second_head = read_shop_file(second).integrity.head_id
    third_head = read_shop_file(third).integrity.head_id
    with pytest.raises(WorkbookRefused) as refused:
        consolidate([third, first, second], tmp_path / "all.xlsx")
    assert [str(r) for r in refused.value.refusals] == [
        f"{third}: its audit trail ends at record #{third_head}, before #{second_head} where day2.xlsx (exported "
        f"earlier) ended: records were erased (a restore of an older copy?)"]
    assert not (tmp_path / "all.xlsx").exists()


def test_a_restored_copy_that_worked_on_is_refused_for_the_day_close_it_lost(
        shop: tuple[Database, Actor, Actor, Path], tmp_path: Path) -> None:
    """Restored, then more work: the trail is longer than before, but the
    day close of day 2 that head office already has is gone."""
    db, manager, clerk, old = shop
    _lend_and_close(db, manager, clerk, "LN-2", DAY2, "200")
    second = _export(db, tmp_path / "day2.xlsx", DAY2, _at(DAY2, 20))
    restored = Database(f"sqlite:///{old}")
    _lend_and_close(restored, manager, clerk, "LN-2", DAY2, "250", close=False)
    with restored.write() as s:
        for n in range(30):
            audit.record(s, clerk.id, "test.busy", "thing", n, {}, at=_at(DAY3, 9))
    third = _export(restored, tmp_path / "day3.xlsx", DAY3, _at(DAY3, 20))
    with pytest.raises(WorkbookRefused) as refused:
        consolidate([second, third], tmp_path / "all.xlsx")
    assert [str(r) for r in refused.value.refusals] == [
        f"{third}: the day close of 2026-11-25 at counter main that day2.xlsx (exported earlier) recorded is "
        f"missing: history was erased"]


def test_receipt_numbers_going_back_are_refused(shop: tuple[Database, Actor, Actor, Path], tmp_path: Path) -> None:
    db, manager, clerk, _old = shop
    first = _export(db, tmp_path / "day1.xlsx", DAY1, _at(DAY1, 20))
    _lend_and_close(db, manager, clerk, "LN-2", DAY2, "200")
    second = read_shop_file(_export(db, tmp_path / "day2.xlsx", DAY2, _at(DAY2, 20)))
    earlier = read_shop_file(first)
    # the rule alone: a later workbook whose year ended on a lower number (the rest agreeing)
    lower = replace(second, integrity=replace(second.integrity, last_receipts={2026: (0, "R2026-000000")}))
    assert [r.reason for r in check_order([earlier, lower])] == [
        "its last receipt number of 2026 is R2026-000000, day1.xlsx (exported earlier) already had R2026-000001: "
        "receipt numbers went back and would be issued twice"]
    assert check_order([second, earlier]) == []


def test_a_rewritten_trail_or_day_close_is_refused(shop: tuple[Database, Actor, Actor, Path], tmp_path: Path) -> None:
    db, manager, clerk, _old = shop
    _lend_and_close(db, manager, clerk, "LN-2", DAY2, "200")
    earlier = read_shop_file(_export(db, tmp_path / "day1.xlsx", DAY1, _at(DAY2, 20)))
    later = read_shop_file(_export(db, tmp_path / "day2.xlsx", DAY2, _at(DAY2, 21)))
    was = earlier.integrity
    assert later.integrity.head_id is not None and was.head_id is not None and later.integrity.head_id > was.head_id
    same_head = replace(later, integrity=replace(was, head_hash="f" * 64))
    assert [r.reason for r in check_order([earlier, same_head])] == [
        f"its audit record #{was.head_id} is not the one day1.xlsx (exported earlier) ended with: the trail was "
        f"rewritten"]
    (day, counter), (rec_id, _hash) = next(iter(was.checkpoints.items()))
    other = replace(later, integrity=replace(later.integrity, checkpoints={
        **later.integrity.checkpoints, (day, counter): (rec_id + 1, "0" * 64)}))
    assert [r.reason for r in check_order([other, earlier])] == [
        f"the day close of {day.isoformat()} at counter main recorded audit record #{rec_id + 1}, day1.xlsx "
        f"(exported earlier) says #{rec_id}: history was rewritten"]


def test_an_older_copy_put_back_and_worked_past_the_earlier_workbook_is_refused(
        shop: tuple[Database, Actor, Actor, Path], tmp_path: Path) -> None:
    """The copy was taken after day 1's close and before day 1's workbook:
    no day close is lost and, after more work, the trail is longer and the
    receipt numbers higher than the earlier workbook's. What gives it away:
    the later trail does not hold the earlier workbook's export."""
    db, manager, clerk, old = shop
    first = _export(db, tmp_path / "day1.xlsx", DAY1, _at(DAY1, 20))
    restored = Database(f"sqlite:///{old}")  # the file copied back over the database, outside 'frontdesk restore'
    _lend_and_close(restored, manager, clerk, "LN-2", DAY2, "250", close=False)
    with restored.write() as s:
        for n in range(30):
            audit.record(s, clerk.id, "test.busy", "thing", n, {}, at=_at(DAY2, 11))
    second = _export(restored, tmp_path / "day2.xlsx", DAY2, _at(DAY2, 20))
    was, now = read_shop_file(first).integrity, read_shop_file(second).integrity
    assert now.head_id is not None and was.head_id is not None and now.head_id > was.head_id
    assert now.checkpoints == was.checkpoints and now.last_receipts[2026][0] > was.last_receipts[2026][0]
    with pytest.raises(WorkbookRefused) as refused:
        consolidate([second, first], tmp_path / "all.xlsx")
    assert [str(r) for r in refused.value.refusals] == [
        f"{second}: its audit trail does not hold the export of day1.xlsx (which ended at record #{was.head_id}): "
        f"the history since was erased and written again (an older copy put back?)"]
    # the database that kept its history holds the export: its next workbook passes with the first
    third = _export(db, tmp_path / "day2-kept.xlsx", DAY2, _at(DAY2, 21))
    assert (was.head_id, was.head_hash) in read_shop_file(third).integrity.exports
    assert len(consolidate([first, third], tmp_path / "all.xlsx").shops) == 2
