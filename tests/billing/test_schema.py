"""The models agree with the migrations: a database upgraded to the newest
revision has exactly the tables, columns, types, indexes and constraints the
models declare (alembic's autogenerate comparison finds nothing to do)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from frontdesk.db.engine import Database
from frontdesk.db.migrate import current_revision, head_revision
from frontdesk.db.schema import metadata


def test_models_match_the_migrations(db: Database) -> None:
    assert current_revision(db) == head_revision() == "0019"
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_billing_tables_are_in_the_schema() -> None:
    for name in ("fee_schedules", "fee_lines", "card_editions", "card_lines", "quotes", "quote_lines",
                 "receipts", "waivers", "ticket_billing"):
        assert name in metadata.tables
    money = metadata.tables["receipts"].c.amount.type
    assert (money.precision, money.scale, money.asdecimal) == (12, 2, True)  # type: ignore[attr-defined]
