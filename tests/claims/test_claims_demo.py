"""The demo's claims (frontdesk.claims.demo): two makers with their
standards, claims in every state, late ones, a batch shipped and one open,
and a settlement workbook beside the database that a dry run can read."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.claims import service as claims
from frontdesk.claims import settlements
from frontdesk.claims.makers import list_makers
from frontdesk.claims.models import Claim, OldPart, ReturnBatch
from frontdesk.db.engine import Database
from frontdesk.db.models import AuditRecord, RepairRecord, TicketEvent
from frontdesk.demo import DemoOptions, DemoSummary, fill

END = datetime(2026, 11, 25, 15, 0)  # a Wednesday afternoon
OPTIONS = DemoOptions(days=20, tickets=320, seed=1, now=END)


@pytest.fixture(scope="module")
def demo(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    path = tmp_path_factory.mktemp("claimsdemo") / "shop.sqlite"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    summary = fill(db, OPTIONS)
    yield db, summary
    db.dispose()


def test_two_makers_with_their_standards_one_changing_mid_period(demo: tuple[Database, DemoSummary]) -> None:
    db, _summary = demo
    with db.read() as s:
        makers = {m.code: m for m in list_makers(s, END.date())}
    assert set(makers) == {"HAIER", "MIDEA"}
    assert set(makers["HAIER"].brands) == {"海尔 Haier", "卡萨帝 Casarte"}
    assert set(makers["MIDEA"].brands) == {"美的 Midea", "小天鹅 LittleSwan"}
    haier = makers["HAIER"].standards
    assert len(haier) == 2 and len(makers["MIDEA"].standards) == 1
    assert all(st.used for st in haier)  # claims priced by the older and by the newer version


def test_claims_in_every_state_late_and_due_soon(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    counts = summary.claims
    for state in claims.STATES:
        assert counts[state] > 0, state
    assert counts["late"] > 0 and counts["due_soon"] > 0
    with db.read() as s:
        rows = claims.list_claims(s, today=END.date())
        assert len(rows) == counts["claims"]
        assert not any(r.level_missing for r in rows)  # the demo's repairs say their level
        assert any(r.service_order_no for r in rows) and any(not r.service_order_no for r in rows)
        for claim in s.scalars(select(Claim)):
            record = s.scalar(select(RepairRecord).where(RepairRecord.ticket_id == claim.ticket_id))
            assert record is not None and claim.repaired_on == record.recorded_at.date()
            for day in (claim.submitted_on, claim.settled_on, claim.appealed_on, claim.closed_on):
                assert day is None or claim.repaired_on < day <= END.date()
        # Each move is stamped at its own time (the services' now), never after the demo's end.
        stamps = s.scalars(select(TicketEvent.at).where(TicketEvent.kind == claims.EVENT)).all()
        assert stamps and max(stamps) <= END
        audits = s.scalars(select(AuditRecord.at).where(AuditRecord.action.like("claim.%"))).all()
        assert audits and max(audits) <= END


def test_a_batch_shipped_and_one_open_with_parts(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    assert summary.claims["batches_shipped"] == 1 and summary.claims["batches_open"] == 1
    with db.read() as s:
        batches = s.scalars(select(ReturnBatch).order_by(ReturnBatch.id)).all()
        shipped, open_ = batches
        assert shipped.shipped_on is not None and shipped.shipped_on <= END.date() and shipped.waybill
        assert open_.shipped_on is None
        for batch in batches:
            assert s.scalars(select(OldPart).where(OldPart.batch_id == batch.id)).first() is not None


def test_the_settlement_workbook_beside_the_database_previews_a_short_payment_and_an_unmatched_row(
        demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    path = Path(summary.settlement_file)
    assert path.name == "shop-haier-settlement.xlsx" and path.exists()
    assert str(path) in summary.text()
    with db.read() as s:
        maker = settlements.find_maker(s, "HAIER")
        parsed = settlements.parse_settlement(path, maker.settlement_columns, maker_code="HAIER",
                                              settled_on=END.date())
        preview = settlements.preview(s, parsed)
    statuses = [r.status for r in preview.rows]
    assert statuses.count(settlements.UNMATCHED) == 1
    assert settlements.MATCHED in statuses
    assert preview.short_total > 0
    assert any(r.status == settlements.MATCHED and r.outcome == claims.PAID_SHORT for r in preview.rows)
