"""A quote line's note is kept as a message id and its values and read in
the reader's language (docs/architecture.md#translation); so is the
quote's event on the ticket's timeline."""

from __future__ import annotations

from decimal import Decimal as D

from sqlalchemy import select

from frontdesk.billing import quotes
from frontdesk.billing.pricing import CardView, QuoteItem, price_quote
from frontdesk.db.engine import Database
from frontdesk.db.models import TicketEvent
from frontdesk.i18n import using
from frontdesk.intake import timeline
from frontdesk.users import Actor
from tests.billing.billing_helpers import NOW, add_schedule, diagnosing_ticket


def test_an_in_warranty_note_written_in_english_reads_in_chinese(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:  # an English session
        quote_id = quotes.make_quote(s, clerk, ticket, [QuoteItem("labour", "major"), QuoteItem("part", "bx-comp")],
                                     now=NOW).id
    with db.read() as s:
        line = next(ln for ln in quotes.get_quote(s, quote_id).lines if ln.in_warranty)
        assert line.reason == "In warranty (Compressor): no charge."  # the English words stay
        assert quotes.line_reason(line, "zh_CN") == "在保修期内（压缩机）：不收费。"
        with using("zh_CN"):
            view = quotes.quote_view(s, quote_id)
        assert [ln.reason for ln in view.lines if ln.in_warranty] == ["在保修期内（压缩机）：不收费。"]
        assert [ln.reason for ln in quotes.quote_view(s, quote_id).lines if ln.in_warranty] == [
            "In warranty (Compressor): no charge."]
        moved = s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket, TicketEvent.to_state == "quoted")
                          ).one()
        assert moved.text.startswith("Diagnosing → Quoted: Quote ")
        assert timeline.event_text(moved, "zh_CN").startswith("检测中 → ")
        assert "Quote" not in timeline.event_text(moved, "zh_CN")


def test_a_note_kept_before_version_0012_reads_as_it_was_written(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, clerk = users
    add_schedule(db, manager)
    ticket = diagnosing_ticket(db, clerk)
    with db.write() as s:
        quote = quotes.make_quote(s, clerk, ticket, [QuoteItem("labour", "major")], now=NOW)
        for line in quote.lines:
            line.reason, line.reason_message = "Fee schedule price.", None
    with db.read() as s:
        (line,) = quotes.get_quote(s, quote.id).lines
        assert quotes.line_reason(line, "en") == "Fee schedule price."
        with using("zh_CN"):
            assert quotes.line_reason(line) != "Fee schedule price."  # a whole message still reads translated


def test_a_card_bundles_note_names_its_lines_in_the_readers_language() -> None:
    schedule = {("labour", "medium"): D("120"), ("visit", ""): D("30")}
    card = CardView({("labour", "medium"): D("100")}, {("labour", "medium"): frozenset({"visit"})})
    calc = price_quote(schedule, card, [QuoteItem("labour", "medium"), QuoteItem("visit")],
                       lambda component: False, D("0.13"))
    labour, visit = calc.lines
    assert labour.reason_message is not None and visit.reason_message is not None
    assert "(includes Visit)" in labour.reason_message.english()
    assert visit.reason_message.english() == "Included in the warranty card's bundle on \"Labour (Medium)\"."
    with using("zh_CN"):
        chinese = visit.reason_message.render()
    assert "Labour" not in chinese and "Medium" not in chinese
