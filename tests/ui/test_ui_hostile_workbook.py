"""The window's fee import: a hostile workbook is refused in plain words
(no crash dialog), and a good one is parsed before the write transaction
begins, so another counter is not kept waiting while a file is read."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot
from ui_helpers import Approvals

from frontdesk.ui.context import AppContext
from frontdesk.ui.fees_screen import FeesScreen
from tests.security.workbook_attacks import bomb, laughs, watch_parse_and_write


def test_the_window_refuses_a_hostile_fee_workbook_and_parses_a_good_one_before_writing(
        qtbot: QtBot, ctx: AppContext, approvals: Approvals, shop: dict[str, object], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    screen = FeesScreen(ctx)
    qtbot.addWidget(screen)
    good = screen.export_file(str(tmp_path / "fees.xlsx"))
    assert good is not None
    approvals.manager = shop["manager"]  # type: ignore[assignment]
    versions = screen.ui.versionCombo.count()
    for make, words in ((laughs, "declares a DOCTYPE or entities"), (bomb, "inflates to more than 32 MB")):
        hostile = make(good, tmp_path / "hostile.xlsx")
        screen.import_file(str(hostile))
        text = screen.ui.messageLabel.text()
        assert text.startswith("The workbook was refused; nothing was changed:\nhostile.xlsx: ") and words in text
        assert screen.ui.versionCombo.count() == versions
    assert approvals.asked == []  # refused before any manager was asked

    events = watch_parse_and_write(monkeypatch)
    # The exported schedule again, taking effect later: a new version.
    wb = load_workbook(good)
    wb["schedule"]["B3"].value = "2099-01-01"
    wb.save(tmp_path / "later.xlsx")
    screen.import_file(str(tmp_path / "later.xlsx"))
    assert screen.ui.messageLabel.text() == "Imported later.xlsx.", screen.ui.messageLabel.text()
    assert [e for e in events if e.startswith("parse")] == ["parse"]  # once, before any write
