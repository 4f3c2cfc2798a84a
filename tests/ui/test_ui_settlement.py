"""A maker's settlement imported in the window (docs/rules.md#settlements-and-appeals):
the columns mapped to the maker's own (Chinese) titles, a preview before
anything is written (a claim paid short, an unmatched row listed, never
dropped), the import a manager's act (a clerk is asked for a manager; no
manager, nothing written), the mapping saved for the maker, and the Claims
page's "To appeal" view shows the claim paid short.  A workbook of another
shape is refused inline and nothing is written."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from ui_helpers import Approvals

from frontdesk import clock
from frontdesk.claims import service as claims
from frontdesk.claims import settlements as st
from frontdesk.claims.models import Claim, ClaimDeduction, Maker, Settlement
from frontdesk.db.models import AuditRecord
from frontdesk.ui import claims as claims_page
from frontdesk.ui import settlement_dialog as sd
from frontdesk.ui.context import AppContext
from frontdesk.ui.row_table import LATE
from frontdesk.users import Actor
from tests.claims.claim_helpers import add_maker, add_standard, repair, warranty_ticket

TODAY = datetime(2026, 12, 10, 9, 0)  # the maker's settlement came today
HEADER = ["序号", "索赔单号", "产品", "结算金额", "扣款", "扣款原因", "备注"]
MAPPING = {"claim_no": "索赔单号", "amount_paid": "结算金额", "reason": "备注", "deduction": "扣款",
           "deduction_reason": "扣款原因"}


def _workbook(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["海尔 2026年11月结算单"])  # a title above the header (row 1)
    ws.append(header)  # row 2
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def submitted(ctx: AppContext, shop: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Two HAIER claims submitted as HC-001 and HC-002."""
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    maker = add_maker(ctx.db)
    add_standard(ctx.db, manager, maker)
    ids: dict[str, int] = {"maker": maker}
    for n, name in enumerate(("full", "short"), start=1):
        ticket = warranty_ticket(ctx.db, ctx.actor, at=datetime(2026, 11, 20, 10, 0))
        repair(ctx.db, ctx.actor, ticket)
        with ctx.db.write() as s:
            claim = s.scalars(select(Claim).where(Claim.ticket_id == ticket)).one()
            claims.submit_claim(s, ctx.actor, claim.id, f"HC-00{n}", date(2026, 11, 30))
            ids[name] = claim.id
    monkeypatch.setattr(clock, "now", lambda: TODAY)
    return ids


def _counts(ctx: AppContext) -> tuple[int, int, int]:
    return ctx.read(lambda s: (int(s.scalar(select(func.count(Settlement.id))) or 0),
                               int(s.scalar(select(func.count(ClaimDeduction.id))) or 0),
                               int(s.scalar(select(func.count(AuditRecord.id))) or 0)))


def _cells(dialog: sd.SettlementDialog) -> list[tuple[str, ...]]:
    model = dialog.model
    return [tuple(model.data(model.index(r, c)) for c in range(len(sd.COLUMNS))) for r in range(model.rowCount())]


def test_a_settlement_is_mapped_previewed_and_imported_with_a_manager(
        qtbot: QtBot, ctx: AppContext, shop: dict[str, object], submitted: dict[str, int], approvals: Approvals,
        tmp_path: Path) -> None:
    claimed = ctx.read(lambda s: s.get(Claim, submitted["full"]).amount_claimed)  # type: ignore[union-attr]
    path = _workbook(tmp_path / "海尔结算.xlsx", HEADER, [
        [1, "HC-001", "冰箱", float(claimed), None, None, None],  # row 3: paid in full
        [2, "HC-002", "冰箱", 100, None, None, "里程超标准"],  # row 4: paid short
        [3, "HC-999", "冰箱", 45, None, None, None],  # row 5: no such claim
        [None, None, None, None, -30, "回访不及时", None],  # row 6: against the month
    ])
    page = claims_page.ClaimsScreen(ctx)
    qtbot.addWidget(page)
    page.ui.settlementButton.click()  # the Claims page's "Import a settlement…" opens the dialog
    dialog = page.findChild(sd.SettlementDialog)
    assert isinstance(dialog, sd.SettlementDialog) and dialog.isVisible()
    u = dialog.ui
    assert dialog.maker_code() == "HAIER"
    assert u.settledEdit.date().toString("yyyy-MM-dd") == "2026-12-10"  # today
    assert u.monthEdit.date().toString("yyyy-MM") == "2026-11"  # the month before
    assert dialog.columns() == {}  # nothing saved for HAIER yet

    dialog.set_file(path)
    combo = dialog._combo(list(st.FIELDS).index("claim_no"))
    assert [combo.itemText(i) for i in range(combo.count())] == ["", *HEADER]  # the workbook's titles offered
    assert not dialog.preview()
    assert u.messageLabel.text().startswith("The settlement columns of maker HAIER are not mapped: map amount_paid, "
                                            "claim_no or service_order_no")
    for name, title in MAPPING.items():
        dialog.set_column(name, title)
    assert dialog.columns() == MAPPING
    before = _counts(ctx)
    assert dialog.preview()
    assert _counts(ctx) == before  # a preview writes nothing
    # each claimed 163.00: medium refrigerator labour 120.00, the 10-30 km band 25.00, handling 10.00 + 8.00
    full = "¥163.00"
    assert _cells(dialog) == [
        ("3", "HC-001", "matched", "C2026-000001", full, full, "¥0.00", "paid"),
        ("4", "HC-002", "matched", "C2026-000002", full, "¥100.00", "¥63.00", "paid short: 里程超标准"),
        ("5", "HC-999", "unmatched", "", "", "¥45.00", "", ""),
        ("6", "", "deduction on the month", "", "", "", "", "deducted ¥30.00: 回访不及时"),
    ]
    assert [dialog._brush(r) is LATE for r in dialog.model.all_rows] == [False, False, True, False]
    assert u.totalsLabel.text().startswith("HAIER, 2026-11, settled on 2026-12-10: 4 rows; 2 matched")
    assert "left: 1 unmatched, 0 ambiguous" in u.totalsLabel.text()
    assert u.importButton.isEnabled()

    # The clerk imports: a manager must approve; none comes, nothing is written.
    assert not dialog.import_settlement()
    assert approvals.asked == ["A manager must approve: import a maker's settlement"]
    assert _counts(ctx) == before
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    approvals.manager = manager
    assert dialog.import_settlement()
    assert u.messageLabel.text() == ("Imported the settlement of HAIER for 2026-11: 2 claims settled. 1 row was left "
                                     "unapplied (listed above): look at it and settle it by hand.")
    assert not u.importButton.isEnabled()  # imported once
    settlements, deductions, _audit = _counts(ctx)
    assert (settlements, deductions) == (1, 1)
    with ctx.db.read() as s:
        maker = s.get(Maker, submitted["maker"])
        assert maker is not None and maker.settlement_columns == MAPPING  # saved for the next month
        states = {c.id: (c.state, c.result_reason) for c in s.scalars(select(Claim))}
        assert states[submitted["full"]] == ("paid", "")
        assert states[submitted["short"]] == ("paid_short", "里程超标准")
        actions = {r.action: r.approver_id for r in s.scalars(select(AuditRecord).where(
            AuditRecord.action.in_(("settlement.import", "maker.settlement_columns"))))}
        assert actions == {"settlement.import": manager.id, "maker.settlement_columns": manager.id}

    # The Claims page was shown again: "To appeal" lists the claim paid short.
    page.ui.stateCombo.setCurrentIndex(page.ui.stateCombo.findData(claims_page.TO_APPEAL))
    rows = [page.model.row(r) for r in range(page.model.rowCount())]
    assert [(r.number, r.state, r.maker_claim_no) for r in rows] == [("C2026-000002", "paid_short", "HC-002")]

    # Next month the saved mapping is shown for HAIER.
    again = sd.SettlementDialog(ctx, "HAIER")
    qtbot.addWidget(again)
    assert again.columns() == MAPPING


def test_a_workbook_of_another_shape_is_refused_inline_and_nothing_written(
        qtbot: QtBot, ctx: AppContext, submitted: dict[str, int], tmp_path: Path) -> None:
    with ctx.db.write() as s:
        maker = s.get(Maker, submitted["maker"])
        assert maker is not None
        maker.settlement_columns = dict(MAPPING)
    path = _workbook(tmp_path / "other.xlsx", ["Claim", "Amount", "Note"], [["HC-001", 120, ""]])
    dialog = sd.SettlementDialog(ctx, "HAIER")
    qtbot.addWidget(dialog)
    dialog.set_file(path)
    assert dialog.columns() == MAPPING  # the saved mapping, kept
    before = _counts(ctx)
    assert not dialog.preview()
    text = dialog.ui.messageLabel.text().splitlines()
    assert text[0] == "The workbook was refused; nothing was changed:"
    assert text[1] == ("Sheet, row 1, 索赔单号: The column \"索赔单号\" (the maker's claim number) is not in the "
                       "header: this workbook is not of the shape mapped for the maker; map its columns again with "
                       "--map claim_no=\"Its title\".")
    assert len(text) == 2 + len(MAPPING)  # every column not found, then what to do
    assert text[-1] == "Map the columns to this workbook's titles in the table above, then preview again."
    combo = dialog._combo(list(st.FIELDS).index("claim_no"))
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "Claim", "Amount", "Note", "索赔单号"]
    assert dialog.model.rowCount() == 0 and not dialog.ui.importButton.isEnabled()
    assert not dialog.import_settlement()
    assert dialog.ui.messageLabel.text() == "Preview the workbook first: nothing is imported unseen."
    assert _counts(ctx) == before

    # A file that is not a workbook: refused the same way.
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    dialog.set_file(junk)
    assert not dialog.preview()
    assert dialog.ui.messageLabel.text().startswith("The workbook was refused; nothing was changed:\njunk.xlsx: ")
    assert _counts(ctx) == before


def test_the_preview_stands_when_the_typed_file_field_loses_focus(
        qtbot: QtBot, ctx: AppContext, shop: dict[str, object], submitted: dict[str, int], tmp_path: Path) -> None:
    """Typed path, preview with Alt+P (the field keeps the focus), then the
    manager's dialog takes the focus: the field's editingFinished must not
    throw the preview away under the manager's eyes."""
    path = _workbook(tmp_path / "s.xlsx", HEADER, [[1, "HC-001", "冰箱", 100, None, None, "少付"]])
    dialog = sd.SettlementDialog(ctx, "HAIER")
    qtbot.addWidget(dialog)
    dialog.ui.fileEdit.setText(str(path))  # typed, Enter never pressed
    for name, title in MAPPING.items():
        dialog.set_column(name, title)
    assert dialog.preview()
    assert dialog.columns() == MAPPING  # the titles loaded kept the mapping typed
    dialog.ui.fileEdit.editingFinished.emit()  # the focus leaves the field
    assert dialog.previewed is not None and dialog.ui.importButton.isEnabled()
    assert dialog.model.rowCount() == 1
