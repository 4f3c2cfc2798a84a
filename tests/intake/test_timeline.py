"""The timeline keeps the program's words as a message id and its values
and reads them in the reader's language (docs/architecture.md#translation):
an event written by an English session reads in Chinese for a Chinese
clerk, and the other way round; what a person typed stays as typed."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from frontdesk.db.engine import Database
from frontdesk.db.models import TicketEvent
from frontdesk.i18n import using
from frontdesk.intake import corrections, states, timeline
from frontdesk.intake import service as intake
from frontdesk.intake.warranty import sanbao_advice
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, diagnosing_ticket


def _events(db: Database, ticket_id: int, kind: str) -> list[TicketEvent]:
    with db.read() as s:
        rows = list(s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket_id, TicketEvent.kind == kind)
                              .order_by(TicketEvent.id)))
        s.expunge_all()
        return rows


def test_a_move_written_in_english_reads_in_chinese(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    ticket = diagnosing_ticket(db, clerk)  # written while the language is English (the tests' default)
    (move,) = _events(db, ticket, "state")
    assert move.text == "Received → Diagnosing"  # the English words stay, for search and export
    assert move.message is not None
    assert timeline.event_text(move, "en") == "Received → Diagnosing"
    assert timeline.event_text(move, "zh_CN") == "已受理 → 检测中"
    with using("zh_CN"):
        assert timeline.event_text(move) == "已受理 → 检测中"


def test_a_move_written_in_chinese_reads_in_english_and_keeps_the_note_as_typed(
        db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    ticket = diagnosing_ticket(db, clerk)
    with using("zh_CN"), db.write() as s:
        intake.move(s, clerk, ticket, states.CANCELLED, note="客户不修了 ok", now=NOW)
    move = _events(db, ticket, "state")[-1]
    assert move.text == "Diagnosing → Cancelled: 客户不修了 ok"
    assert timeline.event_text(move, "en") == "Diagnosing → Cancelled: 客户不修了 ok"
    assert timeline.event_text(move, "zh_CN").startswith("检测中 → ")
    assert timeline.event_text(move, "zh_CN").endswith(": 客户不修了 ok")


def test_a_note_stays_as_typed_and_an_old_event_shows_its_text(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:
        intake.add_note(s, clerk, ticket, "Customer will call back", now=NOW)
    (note,) = _events(db, ticket, "note")
    assert note.message is None
    assert timeline.event_text(note, "zh_CN") == "Customer will call back"


def test_a_correction_written_in_english_reads_in_chinese(db: Database, users: tuple[Actor, Actor]) -> None:
    _manager, clerk = users
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:
        corrections.correct_ticket(s, clerk, ticket, {"serial": "HA-NEW"}, now=NOW)
    (corrected,) = _events(db, ticket, "corrected")
    assert corrected.text.startswith("Corrected: ")
    assert "HA2301234567 → HA-NEW" in corrected.text
    shown = timeline.event_text(corrected, "zh_CN")
    assert shown.startswith("已更正：") and "HA2301234567 → HA-NEW" in shown


def test_the_sanbao_advice_a_correction_quotes_is_kept_as_a_message() -> None:
    advice = sanbao_advice(date(2026, 1, 1), date(2026, 3, 1), in_period=True)
    assert advice.said is not None
    assert advice.said.english() == advice.message == (
        "Day 59 after purchase, within the warranty period: free repair.")
    assert "59" in advice.said.render("zh_CN") and "purchase" not in advice.said.render("zh_CN")
