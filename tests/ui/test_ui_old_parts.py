"""The old parts in the window (docs/rules.md#old-parts-that-go-back): a
warranty repair's old-part tags printed from the Claims page, the part
owed back (late red), scanned into a batch by its tag and Enter (a wrong
tag refused inline), the batch shipped, its packing list in the preview
and as a workbook."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import type_text

from frontdesk import clock
from frontdesk.claims.models import OldPart, ReturnBatch
from frontdesk.db.models import AuditRecord
from frontdesk.ui import claims as claims_page
from frontdesk.ui.context import AppContext
from frontdesk.ui.old_parts_dialog import DUE_COLUMNS, OldPartsDialog
from frontdesk.ui.row_table import LATE, SOON
from frontdesk.users import Actor
from tests.claims.claim_helpers import FRIDAY, add_maker, add_standard, repair, warranty_ticket


@pytest.fixture
def tagged(ctx: AppContext, shop: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> str:
    """A Haier fridge repaired in warranty on Friday 2026-11-27: its thermostat goes back; the tag."""
    manager = shop["manager"]
    assert isinstance(manager, Actor)
    maker = add_maker(ctx.db)
    add_standard(ctx.db, manager, maker)
    add_maker(ctx.db, code="MIDEA", name="Midea", brands=("美的",))
    monkeypatch.setattr(clock, "now", lambda: FRIDAY)
    ticket = warranty_ticket(ctx.db, ctx.actor, at=datetime(2026, 11, 20, 10, 0))
    repair(ctx.db, ctx.actor, ticket)
    tags = ctx.read(lambda s: [p.tag for p in s.query(OldPart).filter(OldPart.must_return.is_(True))])
    assert len(tags) == 1
    return tags[0]


def _pdf_text(path: Path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(path).pages)  # type: ignore[attr-defined]


def _due(dialog: OldPartsDialog) -> list[dict[str, str]]:
    model = dialog.due_model
    return [{key: model.data(model.index(r, c)) for c, (key, _t) in enumerate(DUE_COLUMNS)}
            for r in range(model.rowCount())]


def _press_enter(widget: QWidget) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))


def _scan(dialog: OldPartsDialog, tag: str) -> str:
    type_text(dialog.ui.scanEdit, tag)
    _press_enter(dialog.ui.scanEdit)
    assert dialog.ui.scanEdit.text() == ""  # ready for the next label
    return dialog.ui.messageLabel.text()


def test_tags_printed_scanned_into_a_batch_shipped_with_its_packing_list(
        qtbot: QtBot, ctx: AppContext, tagged: str, tmp_path: Path) -> None:
    page = claims_page.ClaimsScreen(ctx)
    qtbot.addWidget(page)
    page.ui.table.selectRow(0)
    shown = page.print_tags()
    assert shown is not None
    assert tagged in _pdf_text(shown.pdf) and "BX-THERM" in _pdf_text(shown.pdf)
    shown.reject()

    dialog = page.old_parts()
    qtbot.addWidget(dialog)
    rows = _due(dialog)
    assert [(r["tag"], r["maker"], r["part_no"], r["old_serial"], r["batch"]) for r in rows] == [
        (tagged, "HAIER", "BX-THERM", "OLD-001", "not in a batch")]
    assert not dialog.ui.scanEdit.isEnabled()  # no batch yet

    u = dialog.ui
    u.makerCombo.setCurrentIndex(u.makerCombo.findData("HAIER"))
    number = dialog.open_batch()
    assert number == "B2026-000001" and u.batchCombo.currentData() == number
    assert u.scanEdit.isEnabled()

    assert _scan(dialog, "P2026-999999") == ("No old part has the tag P2026-999999: check the label, or print the "
                                            "tag again from its ticket.")
    assert _scan(dialog, tagged.lower()) == f"{tagged} is in batch {number}."
    assert [r["batch"] for r in _due(dialog)] == [number]
    assert [p.tag for p in dialog.packed_model.all_rows] == [tagged]
    assert _scan(dialog, tagged) == f"Old part {tagged} is already in this batch ({number})."

    # a Midea box refuses Haier's part
    u.makerCombo.setCurrentIndex(u.makerCombo.findData("MIDEA"))
    midea = dialog.open_batch()
    assert _scan(dialog, tagged) == f"Old part {tagged} goes back to Haier, not to Midea: put it in a batch for Haier."
    u.batchCombo.setCurrentIndex(u.batchCombo.findData(number))

    # out and back in
    type_text(u.waybillEdit, "SF1234567890")
    u.batchTable.selectRow(0)
    assert dialog.remove() and u.messageLabel.text() == f"{tagged} is out of batch {number}."
    assert [r["batch"] for r in _due(dialog)] == ["not in a batch"]
    assert _scan(dialog, tagged) == f"{tagged} is in batch {number}."

    assert u.waybillEdit.text() == "SF1234567890"  # the scans kept what was typed for the box
    assert not dialog.ship()
    assert u.messageLabel.text() == "Say which carrier takes batch B2026-000001."
    type_text(u.carrierEdit, "顺丰")
    assert dialog.ship()
    assert u.messageLabel.text() == f"Batch {number} shipped with 顺丰, waybill SF1234567890."
    assert _due(dialog) == []  # shipped: owed no more
    assert not u.scanEdit.isEnabled() and not u.shipButton.isEnabled()
    batch_id, shipped = ctx.read(lambda s: [(b.id, (b.carrier, b.waybill, b.shipped_on))
                                            for b in s.query(ReturnBatch).filter_by(number=number)][0])
    assert shipped == ("顺丰", "SF1234567890", FRIDAY.date())
    assert ctx.read(lambda s: [r.action for r in s.query(AuditRecord).filter_by(
        entity="return_batch", entity_id=str(batch_id)).order_by(AuditRecord.id)]) == [
        "oldparts.batch_open", "oldparts.ship"]
    assert ctx.read(lambda s: [r.action for r in s.query(AuditRecord).filter(AuditRecord.action.in_(
        ("oldparts.scan", "oldparts.remove"))).order_by(AuditRecord.id)]) == [
        "oldparts.scan", "oldparts.remove", "oldparts.scan"]

    packing = dialog.print_packing_list()
    assert packing is not None
    text = _pdf_text(packing.pdf)
    assert number in text and tagged in text and "SF1234567890" in text
    packing.reject()

    saved = dialog.save_workbook(str(tmp_path / "packing.xlsx"))
    assert saved is not None
    sheet = load_workbook(saved).active
    assert sheet is not None
    values = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert number in values and tagged in values and "SF1234567890" in values
    assert midea is not None
    dialog.reject()


def test_a_part_not_returned_by_its_date_is_orange_then_red(
        qtbot: QtBot, ctx: AppContext, tagged: str, monkeypatch: pytest.MonkeyPatch) -> None:
    due = ctx.read(lambda s: s.query(OldPart.return_due).filter_by(tag=tagged).scalar())
    assert due is not None
    monkeypatch.setattr(clock, "now", lambda: datetime.combine(due, time(9, 0)))
    dialog = OldPartsDialog(ctx)
    qtbot.addWidget(dialog)
    assert [(r["due"], r["flag"]) for r in _due(dialog)] == [(due.isoformat(), "due soon")]
    assert dialog.due_model.brush(dialog.due_model.all_rows[0]) is SOON  # type: ignore[misc]
    assert dialog.ui.dueCountLabel.text() == "1 old part owed back · 0 late"

    monkeypatch.setattr(clock, "now", lambda: datetime.combine(due + timedelta(days=1), time(9, 0)))
    dialog.refresh()
    assert [r["flag"] for r in _due(dialog)] == ["late"]
    assert dialog.due_model.brush(dialog.due_model.all_rows[0]) is LATE  # type: ignore[misc]
    assert dialog.ui.dueCountLabel.text() == "1 old part owed back · 1 late"
    # no batch chosen: the scan says what to do
    dialog.ui.scanEdit.setEnabled(True)
    assert _scan(dialog, tagged) == "Open a new batch for the maker first, or choose a batch."
