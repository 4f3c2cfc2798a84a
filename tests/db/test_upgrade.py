"""A database made by the first migration, with data, upgrades to the newest
schema with every row intact (and is backed up first when opened)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from frontdesk import settings
from frontdesk.billing import payments
from frontdesk.db.engine import Database
from frontdesk.db.migrate import current_revision, head_revision, open_database, upgrade
from frontdesk.db.models import TicketEvent
from frontdesk.errors import DayClosed
from frontdesk.intake import timeline

FIRST = "0001"


def _fill_first_schema(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO users (id, name, full_name, role, pin_hash, active, created_at) "
            "VALUES (1, 'wang', '王经理', 'manager', 'x', :t, '2026-01-02 09:00:00')"), {"t": True})
        conn.execute(text(
            "INSERT INTO customers (id, name, phone, phone_display, address, area, note, created_at) "
            "VALUES (1, '张三', '+8613812345678', '138 1234 5678', '北京市海淀区', '海淀', '', '2026-01-02 09:00:00')"))
        conn.execute(text("INSERT INTO customer_keys (key, customer_id) VALUES ('n:张三', 1)"))
        conn.execute(text(
            "INSERT INTO products (id, customer_id, category, brand, model, serial, invoice_shown, invoice_no, "
            "card_shown, card_edition, card_component_months, created_at) VALUES "
            "(1, 1, 'refrigerator', 'Haier', 'BCD-215', 'SN-1', :t, '', :f, '', '{}', '2026-01-02 09:00:00')"),
            {"t": True, "f": False})
        conn.execute(text(
            "INSERT INTO tickets (id, number, channel, kind, state, customer_id, product_id, fault, request, address, "
            "area, accessories, condition, condition_note, passcode_given, performance_fault, misuse_resolved, "
            "to_verify, verify_fields, warranty_status, repair_days, prior_repairs_same_fault, intake_at, "
            "updated_at, created_by_id, technician_uncertain, version) VALUES "
            "(1, 'T2026-000001', 'walk_in', 'repair', 'received', 1, 1, '不制冷', '维修', '', '', '[]', '[]', '', "
            ":f, :t, :f, :f, '[]', 'in', 0, 0, '2026-01-02 09:05:00', '2026-01-02 09:05:00', 1, :f, 1)"),
            {"t": True, "f": False})
        conn.execute(text(
            "INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, detail) VALUES "
            "(1, '2026-01-02 09:05:00', 1, 'ticket.create', 'ticket', '1', '{}')"))


def test_first_schema_with_data_upgrades_to_newest(db: Database) -> None:
    # The fixture's database is at head: rebuild it from nothing at the first migration.
    fresh = _empty_copy(db)
    upgrade(fresh, FIRST)
    assert current_revision(fresh) == FIRST
    _fill_first_schema(fresh)
    upgrade(fresh)
    assert current_revision(fresh) == head_revision()
    with fresh.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM customers WHERE id = 1")).scalar() == "张三"
        assert conn.execute(text("SELECT number, state FROM tickets WHERE id = 1")).one() == ("T2026-000001", "received")
        assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() == 1
        assert conn.execute(text("SELECT serial FROM products WHERE id = 1")).scalar() == "SN-1"


def _fill_rest_of_first_schema(db: Database) -> None:
    """Every other table of the first schema, with the kinds of values that
    get lost in a careless table rebuild: NULLs, JSON, Chinese text, times,
    decimals, a closed ticket pointing at an earlier one."""
    t, f = True, False
    with db.engine.begin() as conn:
        run = conn.execute
        run(text("INSERT INTO users (id, name, full_name, role, pin_hash, active, created_at) VALUES "
                 "(2, 'li', '李', 'clerk', 'y', :f, '2026-01-03 08:00:00')"), {"f": f})
        run(text("""INSERT INTO settings (key, value) VALUES ('shop_name', '"张师傅家电维修"'), ('tax_rate', '"0.13"')"""))
        run(text("INSERT INTO number_sequences (name, year, last) VALUES ('ticket', 2026, 2)"))
        run(text("INSERT INTO technicians (id, name, phone, areas, active) VALUES "
                 "(1, '赵师傅', '13900000000', '[\"海淀\", \"朝阳\"]', :t)"), {"t": t})
        run(text(
            "INSERT INTO tickets (id, number, channel, kind, state, customer_id, product_id, fault, request, address, "
            "area, accessories, condition, condition_note, passcode_given, performance_fault, misuse_resolved, "
            "to_verify, verify_fields, verify_override_by_id, warranty_status, warranty_exclusion, repair_days, "
            "prior_repairs_same_fault, repeat_of_id, technician_id, technician_uncertain, intake_at, respond_by, "
            "responded_at, closed_at, updated_at, created_by_id, version) VALUES "
            "(2, 'T2026-000002', 'phone', 'repair', 'closed', 1, NULL, '又不制冷', '上门', '北京市朝阳区', '朝阳', "
            "'[\"遥控器\"]', '[\"划痕\"]', '左侧', :t, :f, :f, :t, '[\"serial\"]', 1, 'out', 'misuse', 3, 1, 1, 1, "
            ":t, '2026-01-05 10:00:00', '2026-01-06 18:00:00', '2026-01-05 11:00:00', '2026-01-09 16:30:00', "
            "'2026-01-09 16:30:00', 2, 4)"), {"t": t, "f": f})
        run(text("INSERT INTO ticket_events (id, ticket_id, at, user_id, kind, from_state, to_state, text) VALUES "
                 "(1, 1, '2026-01-02 09:05:00', 1, 'created', NULL, 'received', '柜台接修'), "
                 "(2, 2, '2026-01-05 10:00:00', NULL, 'created', NULL, 'received', ''), "
                 "(3, 2, '2026-01-09 16:30:00', 2, 'state', 'received', 'closed', '已完成')"))
        run(text("INSERT INTO visits (id, ticket_id, day, window_start, window_end, address, area, distance_km, "
                 "technician_id, state, created_at) VALUES (1, 2, '2026-01-07', '09:00:00', '12:00:00', "
                 "'北京市朝阳区', '朝阳', 12.5, 1, 'done', '2026-01-05 11:00:00'), "
                 "(2, 2, '2026-01-08', '14:00:00', '17:00:00', '', '', NULL, NULL, 'cancelled', "
                 "'2026-01-07 12:00:00')"))
        run(text("INSERT INTO complaints (id, ticket_id, customer_id, what_happened, promised_answer_at, handler_id, "
                 "opened_at, opened_by_id, closed_at, closed_by_id, resolution) VALUES "
                 "(1, 2, 1, '师傅迟到', '2026-01-10 12:00:00', 1, '2026-01-09 17:00:00', 2, NULL, NULL, ''), "
                 "(2, NULL, 1, '电话打不通', '2026-01-11 12:00:00', NULL, '2026-01-10 09:00:00', 2, "
                 "'2026-01-10 15:00:00', 1, '已回电')"))
        run(text("INSERT INTO audit_log (id, at, user_id, approver_id, action, entity, entity_id, detail) VALUES "
                 "(2, '2026-01-05 10:00:00', 2, 1, 'ticket.verify_override', 'ticket', '2', "
                 "'{\"fields\": [\"serial\"], \"note\": \"经理批准\"}')"))


def _advance_sequences(db: Database) -> None:
    """PostgreSQL: rows inserted with explicit ids leave the id sequences
    behind (the program's own inserts would have moved them)."""
    if db.dialect != "postgresql":
        return
    with db.engine.begin() as conn:
        for table in inspect(conn).get_table_names():
            seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}).scalar() \
                if "id" in {c["name"] for c in inspect(conn).get_columns(table)} else None
            if seq:
                conn.execute(text(f'SELECT setval(:s, (SELECT max(id) FROM "{table}"))'), {"s": seq})


def _rows_of(db: Database, tables: list[str]) -> dict[str, list[dict[str, object]]]:
    """Every row of ``tables``, as the database hands it back, keyed by column."""
    found: dict[str, list[dict[str, object]]] = {}
    with db.engine.connect() as conn:
        for table in tables:
            rows = conn.execute(text(f'SELECT * FROM "{table}"')).mappings().all()
            found[table] = sorted((dict(r) for r in rows), key=repr)
    return found


def test_every_row_of_the_first_schema_survives_the_upgrade(db: Database) -> None:
    fresh = _empty_copy(db)
    upgrade(fresh, FIRST)
    _fill_first_schema(fresh)
    _fill_rest_of_first_schema(fresh)
    _advance_sequences(fresh)
    first_tables = sorted(set(inspect(fresh.engine).get_table_names()) - {"alembic_version"})
    before = _rows_of(fresh, first_tables)
    assert all(before[table] for table in first_tables), [t for t in first_tables if not before[t]]
    fresh.engine.dispose()
    upgrade(fresh)
    assert current_revision(fresh) == head_revision()
    after = _rows_of(fresh, first_tables)
    for table in first_tables:
        # later migrations may add columns; every old column keeps every value
        kept = [{k: row[k] for k in before[table][0]} for row in after[table]]
        assert sorted(kept, key=repr) == before[table], table

    # and the program works on what it found: the old tickets read, numbering goes on after them
    from frontdesk.billing import payments
    from frontdesk.customers import search
    from frontdesk.intake import service as intake
    from frontdesk.users import Actor
    from tests.billing.billing_helpers import NOW, fridge_form

    with fresh.read() as s:
        assert intake.get_ticket(s, 2).repeat_of_id == 1
        assert [m.name for m in search(s, "张三")] == ["张三"]
        assert payments.balance(s, 1).paid == 0
    with fresh.write() as s:
        number = intake.take_intake(s, Actor(1, "wang", "manager"), fridge_form(serial="SN-NEW"), now=NOW).number
    assert number == "T2026-000003"


def _empty_copy(db: Database) -> Database:
    """Drop everything in the test's own database so migrations start from zero."""
    from frontdesk.db.models import Base

    with db.engine.begin() as conn:
        if db.dialect == "postgresql":
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        else:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(text(f'DROP TABLE IF EXISTS "{table.name}"'))
            for name in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars().all():
                conn.execute(text(f'DROP TABLE IF EXISTS "{name}"'))
    db.engine.dispose()
    return db


def test_opening_an_old_database_backs_it_up_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = Database(f"sqlite:///{path}")
    upgrade(old, FIRST)
    _fill_first_schema(old)
    old.dispose()
    db = open_database(str(path))
    assert current_revision(db) == head_revision()
    if head_revision() != FIRST:
        copies = list((tmp_path / "backups").glob(f"old-before-upgrade-{FIRST}-*.sqlite"))
        assert len(copies) == 1
        copy = Database(f"sqlite:///{copies[0]}")
        assert current_revision(copy) == FIRST
        with copy.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM tickets")).scalar() == 1
    db.dispose()
    open_database(str(path)).dispose()  # at the newest now: no second copy
    assert len(list((tmp_path / "backups").glob("*before-upgrade*.sqlite"))) == (head_revision() != FIRST)


def test_a_new_database_is_not_backed_up_before_its_first_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    open_database(str(path)).dispose()
    assert not list((tmp_path / "backups").glob("*before-upgrade*"))


def test_at_the_workshop_becomes_what_the_ticket_was_doing_there(db: Database) -> None:
    """0010: "at the workshop" is no longer a state.  Pulled back while being
    diagnosed: still diagnosing (and quoted from there); pulled back during
    the repair: in repair."""
    fresh = _empty_copy(db)
    upgrade(fresh, "0009")
    _fill_first_schema(fresh)
    with fresh.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO tickets (id, number, channel, kind, state, customer_id, product_id, fault, request, address, "
            "area, accessories, condition, condition_note, passcode_given, performance_fault, misuse_resolved, "
            "to_verify, verify_fields, warranty_status, repair_days, prior_repairs_same_fault, intake_at, "
            "updated_at, created_by_id, technician_uncertain, version) VALUES "
            "(2, 'T2026-000002', 'walk_in', 'repair', 'at_workshop', 1, 1, '不制冷', '维修', '', '', '[]', '[]', '', "
            ":f, :t, :f, :f, '[]', 'out', 0, 0, '2026-01-03 09:05:00', '2026-01-03 09:05:00', 1, :f, 1)"),
            {"t": True, "f": False})
        conn.execute(text("UPDATE tickets SET state = 'at_workshop' WHERE id = 1"))
        for ticket, frm in ((1, "in_repair"), (2, "diagnosing")):
            conn.execute(text(
                "INSERT INTO ticket_events (ticket_id, at, user_id, kind, from_state, to_state, text) VALUES "
                "(:t, '2026-01-03 10:00:00', 1, 'state', :frm, 'at_workshop', '')"), {"t": ticket, "frm": frm})
    upgrade(fresh)
    with fresh.engine.connect() as conn:
        got = {int(i): str(state) for i, state in conn.execute(text("SELECT id, state FROM tickets ORDER BY id"))}
    assert got == {1: "in_repair", 2: "diagnosing"}


def test_deposit_refunds_are_retyped_on_a_closed_day_and_an_old_shop_keeps_prices_before_tax(db: Database) -> None:
    """0011: the refund receipts of loaner deposits become deposit refunds
    (so they stop counting against the bill), even on a day already closed,
    whose lock is back afterwards; a shop with fee schedules keeps pricing
    before tax."""
    fresh = _empty_copy(db)
    upgrade(fresh, "0010")
    _fill_first_schema(fresh)
    receipt = ("INSERT INTO receipts (id, number, year, seq, ticket_id, issued_at, issued_by_id, counter, kind, "
               "counts_as, method, currency, amount, net, tax, lines, void_reason, correction_reason, reprints) VALUES "
               "(:id, :n, 2026, :id, 1, '2026-01-03 10:00:00', 1, 'main', :k, :k, 'cash', 'CNY', 300, :net, 0, '{}', "
               "'', '', 0)")
    with fresh.engine.begin() as conn:
        conn.execute(text("INSERT INTO fee_schedules (id, name, effective_from, note, created_at, created_by_id) "
                          "VALUES (1, '2026', '2026-01-01', '', '2026-01-01 09:00:00', 1)"))
        conn.execute(text("INSERT INTO loaner_units (id, tag, category, model, serial, condition, status, note, "
                          "created_at) VALUES (1, 'LN-1', 'refrigerator', '', '', '', 'available', '', "
                          "'2026-01-01 09:00:00')"))
        conn.execute(text(receipt), {"id": 1, "n": "R2026-000001", "k": "deposit", "net": 300})
        conn.execute(text(receipt), {"id": 2, "n": "R2026-000002", "k": "refund", "net": -300})
        conn.execute(text(
            "INSERT INTO loans (id, unit_id, ticket_id, lent_at, lent_by_id, due_on, condition_out, deposit, "
            "deposit_receipt_id, agreement_signed, returned_at, condition_back, damage, deposit_outcome, refunded, "
            "refund_receipt_id) VALUES (1, 1, 1, '2026-01-03 09:30:00', 1, '2026-01-05', '', 300, 1, :t, "
            "'2026-01-03 10:00:00', '', '', 'refunded', 300, 2)"), {"t": True})
        conn.execute(text(
            "INSERT INTO day_closes (id, day, counter, opening_float, denominations, closed_at, closed_by_id, note, "
            "figures) VALUES (1, '2026-01-03', 'main', 0, '{}', '2026-01-03 20:00:00', 1, '', '{}')"))
    upgrade(fresh)
    with fresh.engine.connect() as conn:
        got = [tuple(r) for r in conn.execute(text("SELECT id, kind, counts_as FROM receipts ORDER BY id"))]
        basis = conn.execute(text("SELECT value FROM settings WHERE key = 'prices_include_tax'")).scalar()
    assert got == [(1, "deposit", "deposit"), (2, "deposit_refund", "deposit_refund")]
    assert basis in (False, "false")
    with fresh.read() as s:
        assert settings.get(s, "prices_include_tax") is False
        bal = payments.balance(s, 1)
        assert (bal.paid, bal.deposits_held, bal.deposits_refunded) == (0, 0, 300)
    with pytest.raises(DayClosed), fresh.engine.begin() as conn:  # the closed day is locked again
        conn.execute(text("UPDATE receipts SET kind = 'refund' WHERE id = 2"))


def test_old_events_keep_their_text_and_new_ones_read_in_the_readers_language(db: Database) -> None:
    """0012: ticket events and quote lines get their message (id and values);
    an event written before keeps its text and shows it, in any language."""
    fresh = _empty_copy(db)
    upgrade(fresh, "0011")
    _fill_first_schema(fresh)
    with fresh.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO ticket_events (id, ticket_id, at, user_id, kind, from_state, to_state, text) VALUES "
            "(1, 1, '2026-01-03 10:00:00', 1, 'state', 'received', 'diagnosing', 'Received → Diagnosing')"))
    upgrade(fresh)
    columns = {c["name"] for c in inspect(fresh.engine).get_columns("ticket_events")}
    assert "message" in columns
    assert "reason_message" in {c["name"] for c in inspect(fresh.engine).get_columns("quote_lines")}
    with fresh.read() as s:
        event = s.get(TicketEvent, 1)
        assert event is not None and event.message is None
        assert timeline.event_text(event, "zh_CN") == "Received → Diagnosing"
        assert timeline.event_text(event, "en") == "Received → Diagnosing"


def test_the_audit_records_already_there_are_chained_and_new_ones_follow(db: Database) -> None:
    """0013: the records of an older database are chained in id order (the
    update lock off for that and on again), and the next record follows."""
    from frontdesk import audit
    from frontdesk.db.models import AuditChain
    from frontdesk.errors import AuditLocked

    fresh = _empty_copy(db)
    upgrade(fresh, "0012")
    _fill_first_schema(fresh)
    with fresh.engine.begin() as conn:
        conn.execute(text("INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, detail) VALUES "
                          "(3, '2026-01-02 09:06:00', 1, 'ticket.move', 'ticket', '1', '{\"to\": \"修\", \"a\": 1}')"))
    upgrade(fresh)
    with fresh.read() as s:
        check = audit.verify_chain(s.connection())
        assert check.intact and check.count == 2, check.message
        head = s.get(AuditChain, 1)
        assert head is not None and head.head_id == 3 and head.head_hash == check.head_hash
    with pytest.raises(AuditLocked), fresh.write() as s:
        s.execute(text("UPDATE audit_log SET action = 'x' WHERE id = 1"))
    with fresh.write() as s:
        audit.record(s, 1, "ticket.note", "ticket", 1, {}, at=datetime(2026, 1, 3, 9, 0))
    with fresh.read() as s:
        check = audit.verify_chain(s.connection())
        assert check.intact and check.count == 3 and check.head_id is not None and check.head_id > 3
