"""A database made by the first migration, with data, upgrades to the newest
schema with every row intact (and is backed up first when opened)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from frontdesk.db.engine import Database
from frontdesk.db.migrate import current_revision, head_revision, open_database, upgrade

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
