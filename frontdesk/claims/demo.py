"""Claims demo data, made through the claims services.

The main demo (:mod:`frontdesk.demo`) calls:

- :func:`setup`, before the first ticket: two makers (HAIER for 海尔 and
  卡萨帝, MIDEA for 美的 and 小天鹅, the brands the demo's products carry),
  each with a settlement standard (labour by category and level, distance
  bands, part handling with some old parts wanted back, the claim, return
  and appeal days); HAIER's standard has two versions, the newer taking
  effect half-way through the demo.  The demo's in-warranty repairs of
  these brands then draft their claims by themselves (the repair hook).
- :func:`play`, after the last ticket: the drafted claims go through every
  state, each on working days after its repair and never after the demo's
  end (submitted, paid, paid short, rejected, appealed, settled); some are
  left drafted (late ones, and the recent ones due soon); some tickets get
  the maker's service order number; a return batch of wanted old parts is
  shipped and another is open with parts scanned; and a settlement workbook
  of HAIER is written beside the database file (its rows match some
  submitted claims, one paid short, one row matching none), so that
  ``frontdesk claims import-settlement FILE --maker HAIER --dry-run`` can be
  tried at once.

Every date is a working day of the shop's calendar; the timeline and the
audit trail of each move are stamped at the move's own time (the services'
``now``), never after the demo's end.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from frontdesk import settings
from frontdesk.claims import makers, oldparts, settlements
from frontdesk.claims import service as claims
from frontdesk.claims.makers import DISTANCE, LABOUR, PART_HANDLING, StandardDraft, StandardLineDraft
from frontdesk.claims.models import Claim, Maker, OldPart, ReturnBatch
from frontdesk.db.engine import Database
from frontdesk.money import round_money
from frontdesk.users import Actor
from frontdesk.workcalendar import WorkCalendar

log = logging.getLogger(__name__)

HAIER, MIDEA = "HAIER", "MIDEA"
# code, name, brands (as the demo's products write them: frontdesk.demo.PRODUCTS)
MAKERS = (
    (HAIER, "海尔智家服务有限公司", ("海尔 Haier", "卡萨帝 Casarte")),
    (MIDEA, "美的集团售后服务中心", ("美的 Midea", "小天鹅 LittleSwan")),
)
CATEGORIES = ("refrigerator", "air_conditioner", "washing_machine", "water_heater", "microwave")
CATEGORY_NAMES = {"refrigerator": "冰箱", "air_conditioner": "空调", "washing_machine": "洗衣机",
                  "water_heater": "热水器", "microwave": "微波炉"}
LEVEL_NAMES = {"minor": "小修", "medium": "中修", "major": "大修"}
LEVEL_SHARES = {"minor": Decimal("1"), "medium": Decimal("1.6"), "major": Decimal("2.4")}
LABOUR_BASE = {"refrigerator": Decimal("60"), "air_conditioner": Decimal("70"), "washing_machine": Decimal("50"),
               "water_heater": Decimal("45"), "microwave": Decimal("35")}
# (km_from, km_to, amount)
BANDS = ((0, 15, Decimal("0")), (15, 30, Decimal("20")), (30, 60, Decimal("40")), (60, 150, Decimal("80")))
# part number or prefix, handling amount, wanted back by HAIER, by MIDEA
HANDLING = (("BX-COMP*", Decimal("30"), True, True), ("KT-COMP*", Decimal("30"), True, True),
            ("KT-PCB*", Decimal("15"), True, False), ("XY-PCB", Decimal("15"), True, False),
            ("XY-MOTOR", Decimal("20"), True, True), ("BX-*", Decimal("8"), True, False),
            ("KT-*", Decimal("8"), True, False), ("XY-*", Decimal("8"), True, False),
            ("RS-*", Decimal("10"), False, False), ("WB-*", Decimal("5"), False, False))
# The settlement workbook's columns as HAIER writes them (saved as HAIER's mapping).
HAIER_COLUMNS = {"claim_no": "索赔单号", "service_order_no": "服务单号", "amount_paid": "结算金额",
                 "reason": "扣款原因"}
SHORT_REASONS = ("配件旧件未返回，扣除配件处理费", "里程超出核定距离，按核定里程结算", "维修级别核定为小修")
REJECT_REASONS = ("购机发票日期超出保修期", "故障为人为损坏，不属保修范围", "重复申报")
APPEAL_NOTES = ("已补充购机发票照片", "已补传旧件照片及快递单号", "用户确认为正常使用故障，附检测报告")
CARRIERS = ("顺丰速运", "德邦物流")


def _standard(code: str, name: str, effective: date, days: tuple[int, int, int], rise: Decimal,
              note: str) -> StandardDraft:
    lines = [StandardLineDraft(LABOUR, round_money(LABOUR_BASE[c] * share * rise), category=c, level=level,
                               description=f"{CATEGORY_NAMES[c]}{LEVEL_NAMES[level]}")
             for c in CATEGORIES for level, share in LEVEL_SHARES.items()]
    lines += [StandardLineDraft(DISTANCE, round_money(amount * rise), km_from=Decimal(lo), km_to=Decimal(hi),
                                description=f"{lo}-{hi} 公里") for lo, hi, amount in BANDS]
    lines += [StandardLineDraft(PART_HANDLING, amount, part_no=part, return_part=back,
                                description="旧件返厂" if back else "旧件自行处理")
              for part, amount, haier, midea in HANDLING for back in [haier if code == HAIER else midea]]
    claim_days, return_days, appeal_days = days
    return StandardDraft(code, name, effective, claim_days, return_days, appeal_days, note, lines)


def setup(session: Session, manager: Actor, first_day: date, switch_day: date, now: datetime) -> None:
    """The two makers, their standards (HAIER's newer one in force from
    ``switch_day``) and HAIER's settlement columns; a maker already set up
    (a second demo over the same database) is left as it is."""
    if session.scalar(select(func.count(Maker.id)).where(Maker.code.in_([HAIER, MIDEA]))):
        return
    for code, name, brands in MAKERS:
        makers.save_maker(session, manager, code, name, brands, now=now)
    session.flush()
    long_ago = first_day - timedelta(days=365)
    makers.save_standard(session, manager, _standard(HAIER, "海尔保修结算标准 2025版", long_ago, (10, 15, 5),
                                                     Decimal("1"), "海尔智家售后网点结算标准"), now=now)
    makers.save_standard(session, manager, _standard(HAIER, "海尔保修结算标准 2026版", switch_day, (8, 15, 5),
                                                     Decimal("1.1"), "劳务费上调一成，申报期缩短为8个工作日"),
                         now=now)
    makers.save_standard(session, manager, _standard(MIDEA, "美的网点服务结算标准", long_ago, (7, 20, 7),
                                                     Decimal("0.9"), "美的/小天鹅通用"), now=now)
    settlements.save_columns(session, manager, makers.find_maker(session, HAIER), HAIER_COLUMNS, now=now)


@dataclass
class ClaimsPlayed:
    counts: dict[str, int] = field(default_factory=dict)
    settlement_file: str = ""  # the HAIER settlement workbook written beside the database ("" when none)


def settlement_path(db: Database, maker_code: str = HAIER) -> Path | None:
    """``<db stem>-haier-settlement.xlsx`` beside an SQLite database file; None for another database."""
    url = make_url(db.url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    path = Path(url.database)
    return path.with_name(f"{path.stem}-{maker_code.lower()}-settlement.xlsx")


# What happens to the claims, oldest first, in turn (None: left drafted; late once past its deadline): the
# longest lives first, so that a short demo shows them too.  A claim goes as far as the days left let it.
# Each maker's claims take them in turn: the oldest left drafted (late), the next submitted (for the settlement
# workbook).
FATES = (None, claims.SUBMITTED, claims.APPEALED, claims.SETTLED, claims.PAID, claims.PAID_SHORT, claims.REJECTED,
         claims.SUBMITTED, None, claims.PAID)


def play(db: Database, manager: Actor, clerk: Actor, end: datetime) -> ClaimsPlayed:
    """Move the demo's drafted claims through their states (see the module docstring)."""
    today = end.date()
    with db.read() as s:
        cal = settings.work_calendar(s)
        drafted = s.execute(select(Claim.id, Claim.repaired_on, Claim.ticket_id, Maker.code)
                            .join(Maker, Maker.id == Claim.maker_id).where(Claim.state == claims.DRAFTED)
                            .order_by(Claim.repaired_on, Claim.id)).all()
    if not drafted:
        return ClaimsPlayed(counts=counts(db, today))

    def at(day: date, hour: int = 10) -> datetime:
        return datetime.combine(day, max(cal.opening, time(hour)))

    with db.write() as s:
        turns: dict[str, int] = {}
        for claim_id, repaired_on, ticket_id, code in drafted:
            n = turns[code] = turns.get(code, -1) + 1
            prefix = "HR" if code == HAIER else "MD"
            if n % 3 != 2:  # the maker's service order number, typed later than intake
                claims.set_maker_order_no(s, clerk, ticket_id, f"{prefix}{repaired_on:%Y%m%d}{ticket_id:05d}",
                                          now=at(repaired_on, 17))
            fate = FATES[n % len(FATES)]
            submitted = claims.add_working_days(cal, repaired_on, 1)
            answered = claims.add_working_days(cal, submitted, 1 + n % 2)
            later = claims.add_working_days(cal, answered, 1)
            if fate is None or submitted >= today:
                continue  # drafted: late once past its deadline, due soon near it
            claim = claims.submit_claim(s, clerk, claim_id, f"{prefix}8{claim_id:08d}", submitted, now=at(submitted))
            if fate == claims.SUBMITTED or answered >= today:
                continue
            amount = claim.amount_claimed
            if fate in (claims.PAID, claims.SETTLED) or amount <= 0:
                paid, reason = amount, ""
            elif fate == claims.REJECTED or (fate == claims.APPEALED and n % 2):
                paid, reason = Decimal(0), REJECT_REASONS[n % len(REJECT_REASONS)]
            else:
                paid, reason = round_money(amount * Decimal("0.7")), SHORT_REASONS[n % len(SHORT_REASONS)]
            claims.settle_claim(s, manager, claim_id, paid, reason, answered, now=at(answered, 14))
            if later >= today:
                continue
            if fate == claims.APPEALED and claim.state in (claims.PAID_SHORT, claims.REJECTED):
                claims.appeal_claim(s, clerk, claim_id, later, APPEAL_NOTES[n % len(APPEAL_NOTES)], now=at(later))
            elif fate == claims.SETTLED:
                claims.close_claim(s, manager, claim_id, later, now=at(later))
        _batches(s, clerk, cal, today, at)
    path = settlement_path(db)
    written = ""
    if path is not None:
        with db.read() as s:
            if write_settlement(s, path, today):
                written = str(path)
    return ClaimsPlayed(counts=counts(db, today), settlement_file=written)


def _batches(s: Session, clerk: Actor, cal: WorkCalendar, today: date,
             at: Callable[[date, int], datetime]) -> None:
    """HAIER's wanted old parts: the older half shipped in one batch, a few
    of the rest scanned into an open one."""
    parts = s.execute(select(OldPart.tag, Claim.repaired_on).join(Claim, Claim.id == OldPart.claim_id)
                      .join(Maker, Maker.id == Claim.maker_id)
                      .where(Maker.code == HAIER, OldPart.must_return.is_(True), OldPart.batch_id.is_(None))
                      .order_by(Claim.repaired_on, OldPart.id)).all()
    if len(parts) < 2:
        return
    half = (len(parts) + 1) // 2
    shipped, rest = parts[:half], parts[half:half + 3]
    last = max(day for _tag, day in shipped)
    ship_day = min(today, cal.next_working_day(last))
    now = at(ship_day, 15)
    batch = oldparts.open_batch(s, clerk, HAIER, now=now)
    for tag, _day in shipped:
        oldparts.scan_into_batch(s, clerk, batch.id, tag, now=now)
    oldparts.ship_batch(s, clerk, batch.id, ship_day, CARRIERS[0], f"SF{batch.id:04d}{ship_day:%m%d}8821",
                        note="海尔旧件返厂", now=now)
    if rest:
        now = at(today, 9)
        batch = oldparts.open_batch(s, clerk, HAIER, now=now)
        for tag, _day in rest:
            oldparts.scan_into_batch(s, clerk, batch.id, tag, now=now)


def write_settlement(s: Session, path: Path, today: date) -> bool:
    """HAIER's settlement workbook for its submitted claims: all paid but
    one paid short, and one row for a claim number it does not know.
    False (nothing written) when no HAIER claim is submitted."""
    submitted = s.execute(select(Claim.maker_claim_no, Claim.service_order_no, Claim.amount_claimed)
                          .join(Maker, Maker.id == Claim.maker_id)
                          .where(Maker.code == HAIER, Claim.state == claims.SUBMITTED)
                          .order_by(Claim.submitted_on, Claim.id).limit(4)).all()
    if not submitted:
        return False
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "结算明细"
    sheet.append([f"海尔智家 网点保修结算单 {today:%Y年%m月}"])
    sheet.append(list(HAIER_COLUMNS.values()))
    for n, (claim_no, order_no, amount) in enumerate(submitted):
        if n == 0 and amount > 0:
            sheet.append([claim_no, order_no, round_money(amount * Decimal("0.8")), SHORT_REASONS[0]])
        else:
            sheet.append([claim_no, order_no, amount, ""])  # Decimal: a number cell, exact
    sheet.append([f"HR8{99_000_000 + len(submitted):08d}", "HR00000000099999", Decimal("88.00"), ""])  # no such claim here
    wb.save(path)
    return True


def counts(db: Database, today: date) -> dict[str, int]:
    with db.read() as s:
        by_state = dict(s.execute(select(Claim.state, func.count(Claim.id)).group_by(Claim.state)).all())
        rows = claims.list_claims(s, today=today)
        out = {state: int(by_state.get(state, 0)) for state in claims.STATES}
        out["claims"] = sum(out.values())
        out["late"] = sum(1 for r in rows if r.flag == claims.LATE)
        out["due_soon"] = sum(1 for r in rows if r.flag == claims.DUE_SOON)
        out["batches_shipped"] = int(s.scalar(select(func.count(ReturnBatch.id))
                                              .where(ReturnBatch.shipped_on.is_not(None))) or 0)
        out["batches_open"] = int(s.scalar(select(func.count(ReturnBatch.id))
                                           .where(ReturnBatch.shipped_on.is_(None))) or 0)
        return out


__all__ = ["HAIER", "HAIER_COLUMNS", "MIDEA", "ClaimsPlayed", "counts", "play", "settlement_path", "setup",
           "write_settlement"]
