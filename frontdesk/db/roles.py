"""Least privilege on PostgreSQL: an owner role and a counter role.

A role that owns a table can do anything to it: ``ALTER TABLE audit_log
DISABLE TRIGGER USER`` and then ``DELETE``, or change a receipt of a closed
day.  So the counters must not connect as the tables' owner.
``frontdesk db roles`` (run once by whoever manages the server, with a
role that may create roles) sets up:

- the **owner role** (default ``frontdesk_owner``): owns the schema and
  every table, sequence and function of FrontDesk; used only by
  ``frontdesk db upgrade``;
- the **counter role** (default ``frontdesk_counter``): what every counter
  connects as.  It may read, add, change and delete rows (and draw from the
  sequences), nothing else: it cannot alter, truncate or drop a table,
  disable or drop a trigger, create anything in the schema, or make a
  temporary table (which could stand in for ``day_closes`` in the day lock's
  look-up).  The audit lock and the day lock are triggers whose functions
  run with the rights of whoever fires them; the counter role's row rights
  are all they need.

``ALTER DEFAULT PRIVILEGES`` grants the counter role the same rights on the
tables a later ``db upgrade`` (as the owner) creates.  Everything here can
be run again: it changes only what is not yet as it should be.

When the schema is current, the program needs no DDL at run time; when it
is older and the role connected cannot change it, :func:`check_can_upgrade`
says whom to ask.  See docs/rules.md#least-privilege-on-postgresql.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from frontdesk.db.engine import Database, normalize_url
from frontdesk.errors import DatabaseUnavailable, FrontDeskError
from frontdesk.i18n import _

DEFAULT_OWNER = "frontdesk_owner"
DEFAULT_COUNTER = "frontdesk_counter"
OWNER_PASSWORD_ENV = "FRONTDESK_OWNER_PASSWORD"
COUNTER_PASSWORD_ENV = "FRONTDESK_COUNTER_PASSWORD"
DEFAULT_SCHEMA = "public"

_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# What PostgreSQL's own password hashing gives (SCRAM-SHA-256 or md5): safe inside quotes.
_VERIFIER = re.compile(r"^[A-Za-z0-9+/=$:-]+$")

ROW_RIGHTS = "SELECT, INSERT, UPDATE, DELETE"
SEQUENCE_RIGHTS = "USAGE, SELECT, UPDATE"


class RolesRefused(FrontDeskError):
    """The roles cannot be set up as asked (a message for whoever runs the command)."""


@dataclass(frozen=True)
class Roles:
    owner: str = DEFAULT_OWNER
    counter: str = DEFAULT_COUNTER

    def check(self) -> None:
        for name in (self.owner, self.counter):
            if not _ROLE_NAME.match(name):
                raise RolesRefused(_("{name} is not a role name FrontDesk uses: small letters, digits and _, "
                                     "starting with a letter or _.").format(name=name))
        if self.owner == self.counter:
            raise RolesRefused(_("The owner role and the counter role must be two roles."))


def is_postgresql(url: str) -> bool:
    return make_url(normalize_url(url)).get_backend_name() == "postgresql"


def ident(name: str) -> str:
    """``name`` quoted as an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def literal(value: str) -> str:
    """``value`` quoted as an SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def statements(roles: Roles, database: str, schema: str = DEFAULT_SCHEMA) -> list[str]:
    """The SQL that sets the roles up (without passwords), in order: what
    :func:`apply` runs in one transaction and ``db roles --print`` prints."""
    roles.check()
    o, c, d, s = ident(roles.owner), ident(roles.counter), ident(database), ident(schema)
    own, cnt, sch = literal(roles.owner), literal(roles.counter), literal(schema)
    create = [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {lit}) THEN CREATE ROLE {name} LOGIN; "
        f"END IF; END $$"
        for name, lit in ((o, own), (c, cnt))
    ]
    # Objects that belong to an extension keep their owner.
    not_extension = ("NOT EXISTS (SELECT FROM pg_depend e WHERE e.classid = {cls}::regclass AND e.objid = {oid} "
                     "AND e.deptype = 'e')")
    transfer = f"""DO $$
DECLARE r record;
BEGIN
  -- tables, views and the sequences of their columns (which follow their table)
  FOR r IN SELECT c.oid::regclass AS name FROM pg_class c
           WHERE c.relnamespace = {sch}::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
             AND c.relowner <> {own}::regrole AND {not_extension.format(cls="'pg_class'", oid="c.oid")} LOOP
    EXECUTE format('ALTER TABLE %s OWNER TO %I', r.name, {own});
  END LOOP;
  FOR r IN SELECT c.oid::regclass AS name FROM pg_class c
           WHERE c.relnamespace = {sch}::regnamespace AND c.relkind = 'S'
             AND c.relowner <> {own}::regrole AND {not_extension.format(cls="'pg_class'", oid="c.oid")} LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', r.name, {own});
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p
           WHERE p.pronamespace = {sch}::regnamespace AND p.prokind IN ('f', 'p')
             AND p.proowner <> {own}::regrole AND {not_extension.format(cls="'pg_proc'", oid="p.oid")} LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, {own});
  END LOOP;
  FOR r IN SELECT t.oid::regtype AS name FROM pg_type t
           WHERE t.typnamespace = {sch}::regnamespace AND t.typtype IN ('e', 'd')
             AND t.typowner <> {own}::regrole AND {not_extension.format(cls="'pg_type'", oid="t.oid")} LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO %I', r.name, {own});
  END LOOP;
END $$"""
    return [
        *create,
        f"ALTER ROLE {o} LOGIN",
        f"ALTER ROLE {c} LOGIN",
        f"GRANT CONNECT ON DATABASE {d} TO {o}, {c}",
        # A temporary table named day_closes would stand in for the real one
        # in the day lock's look-up (pg_temp is searched first).
        f"REVOKE TEMPORARY ON DATABASE {d} FROM PUBLIC, {c}",
        f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC, {c}",
        f"ALTER SCHEMA {s} OWNER TO {o}",
        transfer,
        f"GRANT USAGE ON SCHEMA {s} TO {c}",
        f"REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA {s} FROM {c}",
        f"GRANT {ROW_RIGHTS} ON ALL TABLES IN SCHEMA {s} TO {c}",
        f"GRANT {SEQUENCE_RIGHTS} ON ALL SEQUENCES IN SCHEMA {s} TO {c}",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {s} TO {c}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} GRANT {ROW_RIGHTS} ON TABLES TO {c}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} GRANT {SEQUENCE_RIGHTS} ON SEQUENCES TO {c}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} GRANT EXECUTE ON FUNCTIONS TO {c}",
    ]


def script(roles: Roles, database: str, schema: str = DEFAULT_SCHEMA) -> str:
    """The SQL of :func:`statements` for psql (``db roles --print``)."""
    lines = [
        f"-- FrontDesk roles for the database {database}: run as a superuser (or the database's owner with "
        "CREATEROLE), connected to that database.",
        "BEGIN;",
        *(f"{statement};" for statement in statements(roles, database, schema)),
        "COMMIT;",
        "-- Then give each role its password in psql:",
        f"--   \\password {ident(roles.owner)}",
        f"--   \\password {ident(roles.counter)}",
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Existing:
    """What the server says about a role that exists already."""

    superuser: bool
    bypass_rls: bool
    member_of_owner: bool
    owns_database: bool


def _existing(conn: Connection, name: str, owner: str) -> Existing | None:
    row = conn.execute(text(
        "SELECT r.rolsuper, r.rolbypassrls, "
        "  EXISTS (SELECT FROM pg_roles o WHERE o.rolname = :owner AND pg_has_role(r.oid, o.oid, 'MEMBER')), "
        "  EXISTS (SELECT FROM pg_database d WHERE d.datname = current_database() AND d.datdba = r.oid) "
        "FROM pg_roles r WHERE r.rolname = :name"), {"name": name, "owner": owner}).first()
    if row is None:
        return None
    return Existing(bool(row[0]), bool(row[1]), bool(row[2]), bool(row[3]))


def existing_roles(db: Database, roles: Roles) -> dict[str, bool]:
    """Which of the two roles exist already (role name -> exists)."""
    with db.engine.connect() as conn:
        return {name: _existing(conn, name, roles.owner) is not None for name in (roles.owner, roles.counter)}


def _password_sql(conn: Connection, role: str, password: str) -> str:
    """``ALTER ROLE ... PASSWORD`` with the password hashed here, as psql's
    \\password does: the clear password never reaches the server's log."""
    raw = conn.connection.dbapi_connection
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None:  # not psycopg 3
        raise RolesRefused(_("Setting a password needs the psycopg driver."))
    verifier = pgconn.encrypt_password(password.encode("utf-8"), role.encode("utf-8")).decode("ascii")
    if not _VERIFIER.match(verifier):
        raise RolesRefused(_("The server's password hashing gave something unexpected; set the passwords in psql "
                             "with \\password."))
    return f"ALTER ROLE {ident(role)} PASSWORD {literal(verifier)}"


def apply(db: Database, roles: Roles, passwords: Mapping[str, str | None]) -> str:
    """Create or bring up to date the two roles in ``db`` (one transaction);
    ``passwords`` maps a role name to its new password (None: keep the one
    it has).  Returns the schema they were set up in."""
    roles.check()
    if db.dialect != "postgresql":
        raise RolesRefused(not_postgresql_message())
    with db.engine.begin() as conn:
        allowed = conn.execute(text(
            "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar()
        if not allowed:
            raise RolesRefused(_("Connect as a superuser, or as a role that may create roles, to set up the roles."))
        counter = _existing(conn, roles.counter, roles.owner)
        if counter is not None:
            if counter.superuser or counter.bypass_rls:
                raise RolesRefused(_("The role {name} is a superuser: a counter connecting as it could change "
                                     "anything. Choose another counter role.").format(name=roles.counter))
            if counter.member_of_owner:
                raise RolesRefused(_("The role {name} is a member of {owner}: it would have the owner's rights. "
                                     "Choose another counter role.").format(name=roles.counter, owner=roles.owner))
            if counter.owns_database:
                raise RolesRefused(_("The role {name} owns this database: it could take back the rights taken "
                                     "from it. Choose another counter role.").format(name=roles.counter))
        database = str(conn.execute(text("SELECT current_database()")).scalar())
        schema = str(conn.execute(text("SELECT current_schema()")).scalar() or DEFAULT_SCHEMA)
        for statement in statements(roles, database, schema):
            # no_parameters: the statements' own % (format's %I) reach the server as written
            conn.exec_driver_sql(statement, execution_options={"no_parameters": True})
        for role, password in passwords.items():
            if password:
                conn.exec_driver_sql(_password_sql(conn, role, password))
    return schema


def not_postgresql_message() -> str:
    return _("Roles are a PostgreSQL matter: an SQLite database is a file, protected by who may open the file. "
             "Give 'frontdesk db roles' the address of a PostgreSQL database.")


def check_can_upgrade(db: Database, current: str | None) -> None:
    """Before an upgrade on PostgreSQL: refuse, in words for the desk, when
    the role connected cannot change the schema (the counter role), rather
    than fail half way in a DDL statement."""
    if db.dialect != "postgresql":
        return
    with db.engine.connect() as conn:
        can = conn.execute(text(
            "SELECT has_schema_privilege(current_schema(), 'CREATE') AND NOT EXISTS ("
            "  SELECT FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace"
            "  AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT pg_has_role(c.relowner, 'USAGE'))")).scalar()
    if can:
        return
    if current is None:
        raise DatabaseUnavailable(_("This database has no tables yet and this role may not create them: ask whoever "
                                    "manages the database to run 'frontdesk db upgrade' with the owner role."))
    raise DatabaseUnavailable(_("The schema is older than this program: ask whoever manages the database to run "
                                "'frontdesk db upgrade' with the owner role."))


def act_as_schema_owner(conn: Connection) -> str | None:
    """In an upgrade's transaction on PostgreSQL: when the schema belongs to
    another role (the owner role ``db roles`` made, not a superuser) of
    which the connected role is a member (the administrator), act as that
    role until the transaction ends, so that the tables the upgrade creates
    are the owner's and the counter role is granted them by the default
    privileges.  Returns the role taken (None: nothing changed)."""
    if conn.dialect.name != "postgresql":
        return None
    owner = conn.execute(text(
        "SELECT r.rolname FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner "
        "WHERE n.oid = current_schema()::regnamespace AND r.rolname <> current_user AND NOT r.rolsuper "
        "AND r.rolname <> 'pg_database_owner' AND pg_has_role(r.oid, 'MEMBER')")).scalar()
    if owner is None:
        return None
    conn.exec_driver_sql(f"SET LOCAL ROLE {ident(str(owner))}")
    return str(owner)


def role_url(url: str, role: str) -> str:
    """``url`` connecting as ``role`` (no password: psql's ~/.pgpass or a prompt supplies it)."""
    parsed = make_url(normalize_url(url)).set(username=role, password=None)
    text_url = parsed.render_as_string(hide_password=False)
    return text_url.replace("postgresql+psycopg://", "postgresql://", 1)
