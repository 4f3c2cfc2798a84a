"""The command line.  With no command it opens the window.

Every command takes ``--db URL`` after its name (or reads FRONTDESK_DB).
Expected problems end with a one-line message and exit code 2; nothing
prints a traceback at the user.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from frontdesk import __version__, counters, i18n
from frontdesk.errors import FrontDeskError, ValidationError
from frontdesk.i18n import _, ngettext
from frontdesk.private_files import private_umask

log = logging.getLogger("frontdesk")

EXIT_OK = 0
EXIT_ERROR = 2


class CliError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, no usage dump
        raise CliError(_("Bad arguments: {message} (see --help)").format(message=message))


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                   help="database: an SQLAlchemy URL or an SQLite file (default: FRONTDESK_DB or the user data folder)")
    p.add_argument("--lang", metavar="L", default=argparse.SUPPRESS,
                   help="language: en or zh_CN (of the messages, and of a printed document: default the shop's)")
    # The print commands' old name for --lang: still understood, no longer shown.
    p.add_argument("--language", dest="lang", metavar="L", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


_WINDOW_OPTIONS = ("--db", "--lang", "--language")  # the options with a value the window takes


def opens_the_window(argv: Sequence[str]) -> bool:
    """``argv`` asks for the window and nothing else (``[--db URL] [--lang L]
    [-v] [gui]``, in any order): the start then builds only the window's
    parser, not every command's (a fifth of the time to the login window
    went on building and importing them)."""
    gui = False
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "gui" and not gui:
            gui = True
        elif token in _WINDOW_OPTIONS and i + 1 < len(argv):
            i += 1
        elif token not in ("-v", "--verbose") and not token.startswith(tuple(o + "=" for o in _WINDOW_OPTIONS)):
            return False
        i += 1
    return True


def window_parser() -> argparse.ArgumentParser:
    """The part of :func:`build_parser` that opening the window needs."""
    parser = _Parser(prog="frontdesk")
    _common(parser)
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    _common(sub.add_parser("gui"))
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="frontdesk", description="FrontDesk: the front desk of a repair service center.")
    parser.add_argument("--version", action="version", version=f"frontdesk {__version__}")
    _common(parser)
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("gui", help="open the window (the default)")
    _common(p)

    p = sub.add_parser("demo", help="fill a database with realistic demo data")
    _common(p)
    p.add_argument("--days", type=int, default=60, help="days of history (default 60)")
    p.add_argument("--tickets", type=int, default=None, help="number of tickets (default: about 60 a day)")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    p.add_argument("--shop-name", "--shop", dest="shop_name", default=None, help="the shop's name")
    p.add_argument("--shop-code", default=None,
                   help="the shop's code on its head-office workbook (default BJ-HD01): give each demo shop its own "
                        "to consolidate them")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--close-days", action="store_true",
                   help="close the past days too (the day close locks them: do not run the demo again over them)")
    p.add_argument("--counter", default=None, help="the counter whose drawer takes the demo's money (default: main)")

    p = sub.add_parser("bench", help="time everyday work on a large demo database (python -m frontdesk.bench)",
                       add_help=False)
    p.add_argument("bench_args", nargs=argparse.REMAINDER, help="the benchmark's options (--tickets, --db, --json)")

    p = sub.add_parser("screenshot", help="render every main screen offscreen to PNG files")
    _common(p)
    p.add_argument("--out", required=True, type=Path, help="folder for the PNG files")

    p = sub.add_parser("db", help="database schema: upgrade or show the version; PostgreSQL roles")
    _common(p)
    dbsub = p.add_subparsers(dest="db_command", parser_class=_Parser)
    for name, text in (("upgrade", "upgrade the schema to the newest version"),
                       ("current", "show the schema version")):
        q = dbsub.add_parser(name, help=text)
        _common(q)
    q = dbsub.add_parser("roles", help="PostgreSQL: create the owner role (for 'db upgrade') and the counter role "
                                       "(for the counters), or print their SQL")
    _common(q)
    q.add_argument("--owner", default="frontdesk_owner", help="the owner role (default frontdesk_owner)")
    q.add_argument("--counter", default="frontdesk_counter", help="the counter role (default frontdesk_counter)")
    q.add_argument("--print", dest="print_sql", action="store_true",
                   help="print the SQL (for psql) instead of running it")

    p = sub.add_parser("users", help="users and PINs")
    _common(p)
    usub = p.add_subparsers(dest="users_command", parser_class=_Parser)
    # No PIN is ever an argument (every local user sees a command's arguments):
    # the new PIN from FRONTDESK_NEW_PIN or asked twice, a manager's from FRONTDESK_PIN or asked.
    q = usub.add_parser("add", help="add a user (their PIN is asked twice, or FRONTDESK_NEW_PIN)")
    _common(q)
    q.add_argument("name")
    q.add_argument("--role", choices=["clerk", "manager"], required=True)
    q.add_argument("--full-name", default="")
    q.add_argument("--user", default=None, help="the manager adding the user (asked for their PIN, or FRONTDESK_PIN); "
                                                "not needed for the first user")
    q = usub.add_parser("list", help="list users")
    _common(q)
    q = usub.add_parser("pin", help="set a user's PIN (the new PIN is asked twice, or FRONTDESK_NEW_PIN)")
    _common(q)
    q.add_argument("name")
    q.add_argument("--user", default=None,
                   help="who sets it: the user themself (the default) or a manager (their PIN is asked, or FRONTDESK_PIN)")
    for name, text in (("unlock", "lift the wait or lock that wrong PINs put on a user (a manager's act)"),
                       ("disable", "disable a user: they can no longer sign in (a manager's act)"),
                       ("enable", "enable a disabled user again (a manager's act)")):
        q = usub.add_parser(name, help=text)
        _common(q)
        q.add_argument("name")
        q.add_argument("--user", default=None,
                       help="the manager (their PIN is asked, or FRONTDESK_PIN); default: the only manager")

    p = sub.add_parser("fees", help="fee schedules: import or export a workbook, list the versions")
    _common(p)
    fsub = p.add_subparsers(dest="fees_command", parser_class=_Parser)
    q = fsub.add_parser("import", help="import a fee schedule version from an .xlsx workbook (a manager's act)")
    _common(q)
    q.add_argument("file", type=Path)
    q.add_argument("--user", default=None,
                   help="the manager importing (their PIN is asked, or FRONTDESK_PIN); default: the only manager")
    q = fsub.add_parser("export", help="export a fee schedule version to an .xlsx workbook")
    _common(q)
    q.add_argument("file", type=Path)
    q.add_argument("--schedule", type=int, default=None, metavar="ID",
                   help="the version's id (see 'fees list'; default: the one in force today)")
    q = fsub.add_parser("list", help="list the fee schedule versions")
    _common(q)
    _day_close_and_head_office_parsers(sub)

    p = sub.add_parser("print", help="print a document to a PDF file")
    _common(p)
    psub = p.add_subparsers(dest="print_command", parser_class=_Parser)
    q = psub.add_parser("card", help="the feedback card of a ticket")
    _common(q)
    q.add_argument("ticket", help="ticket number")
    q.add_argument("--layout", choices=["a6", "a4"], default="a6", help="one A6 card, or on an A4 sheet")
    q.add_argument("-o", "--output", type=Path, default=None, help="PDF file (default: card-TICKET.pdf)")
    q = psub.add_parser("receipt", help="a receipt")
    _common(q)
    q.add_argument("number", help="receipt number, e.g. R2026-000123")
    q.add_argument("--size", choices=["a5", "80mm"], default="a5", help="A5, or the 80 mm thermal roll")
    q.add_argument("--copy", action="store_true", help="mark it COPY (a reprint)")
    q.add_argument("-o", "--output", type=Path, default=None, help="PDF file (default: NUMBER-SIZE.pdf)")
    q = psub.add_parser("pullback", help="the pull-back receipt of a ticket")
    _common(q)
    q.add_argument("ticket", help="ticket number")
    q.add_argument("-o", "--output", type=Path, default=None, help="PDF file (default: pullback-TICKET.pdf)")
    q = psub.add_parser("agreement", help="the loaner agreement of a ticket")
    _common(q)
    q.add_argument("ticket", help="ticket number")
    q.add_argument("-o", "--output", type=Path, default=None, help="PDF file (default: agreement-TICKET.pdf)")
    q = psub.add_parser("pickup", help="the pick-up receipt of a ticket (what was done and paid, the repair's warranty)")
    _common(q)
    q.add_argument("ticket", help="ticket number")
    q.add_argument("-o", "--output", type=Path, default=None, help="PDF file (default: pickup-TICKET.pdf)")
    q = psub.add_parser("labels", help="asset-tag labels for loaner units (A4 sheets of 3 x 8 labels)")
    _common(q)
    q.add_argument("tags", nargs="*", metavar="TAG", help="the units' asset tags")
    q.add_argument("--all", action="store_true", help="every unit in the pool (not retired)")
    q.add_argument("--skip", type=int, default=0, help="labels already used on the first sheet")
    q.add_argument("-o", "--output", type=Path, default=None, help="PDF file (default: labels.pdf)")
    # Here, not at the top: opening the window builds its own small parser and loads none of the commands.
    from frontdesk import backup_cli, claims_cli, figures_cli, makers_cli, oldparts_cli

    oldparts_cli.add_print_parsers(psub, _common)
    claims_cli.add_print_parsers(psub, _common)
    backup_cli.add_parsers(sub, _common)
    makers_cli.add_parsers(sub, _common)
    oldparts_cli.add_parsers(sub, _common, _Parser)
    claims_cli.add_parsers(sub, _common, _Parser)
    figures_cli.add_parsers(sub, _common, _iso_date)
    p = sub.add_parser("audit", help="the audit trail: verify its hash chain")
    _common(p)
    asub = p.add_subparsers(dest="audit_command", parser_class=_Parser)
    q = asub.add_parser("verify", help="check every record's hash and link; name the first broken one")
    _common(q)
    return parser


def _db_url(args: argparse.Namespace) -> str:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk.paths import default_url

    return getattr(args, "db", None) or default_url()


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk.db.migrate import open_database

    return open_database(_db_url(args))


def _ask_pin(prompt: str) -> str:
    env = os.environ.get("FRONTDESK_PIN")
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError(_("No PIN given: set FRONTDESK_PIN or run on a terminal."))
    return getpass.getpass(prompt)


def _ask_new_pin(name: str) -> str:
    """A new PIN for ``name``: FRONTDESK_NEW_PIN, or typed twice at the terminal."""
    env = os.environ.get("FRONTDESK_NEW_PIN")
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError(_("No new PIN given for {name}: set FRONTDESK_NEW_PIN or run on a terminal.").format(name=name))
    first = getpass.getpass(_("New PIN for {name}: ").format(name=name))
    if getpass.getpass(_("The same PIN again: ")) != first:
        raise CliError(_("The two PINs typed differ: nothing was changed."))
    return first


def cmd_gui(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk.ui.app import run

    return run(getattr(args, "db", None), getattr(args, "lang", None))  # None: the default, found as it opens


def cmd_demo(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk.demo import DemoOptions, fill

    if args.days < 1 or (args.tickets is not None and args.tickets < 0):
        raise CliError(_("--days must be at least 1 and --tickets not negative."))
    db = _open(args)
    bar = None if args.quiet else _ProgressBar(_("Filling demo data"))
    summary = fill(db, DemoOptions(days=args.days, tickets=args.tickets, seed=args.seed, shop=args.shop_name,
                                   shop_code=args.shop_code, language=getattr(args, "lang", None),
                                   close_days=args.close_days, counter=counters.checked(args.counter)),
                   progress=bar.update if bar else None)
    if bar:
        bar.done()
    print(summary.text())
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk import bench

    return bench.main(args.bench_args)


def cmd_screenshot(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk.ui.screenshot import render_all

    args.out.mkdir(parents=True, exist_ok=True)
    files = render_all(_db_url(args), args.out, getattr(args, "lang", None))
    for f in files:
        print(f)
    return EXIT_OK


def cmd_db(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk.db.migrate import current_revision, head_revision, open_database

    if args.db_command == "upgrade":
        db = open_database(_db_url(args))
        print(_("Schema at version {rev}.").format(rev=current_revision(db)))
        return EXIT_OK
    if args.db_command == "current":
        # Loaded when this command runs: the window's start and the other commands do not pay for it.
        from frontdesk.db.engine import Database

        db = Database(_db_url(args))
        cur = current_revision(db)
        head = head_revision()
        if cur == head:
            print(_("{rev} (newest)").format(rev=cur))
        else:
            print(_("{rev} (newest is {head}: run 'frontdesk db upgrade')").format(rev=cur or _("empty"), head=head))
        return EXIT_OK
    if args.db_command == "roles":
        return _db_roles(args)
    raise CliError(_("Say 'frontdesk db upgrade', 'frontdesk db current' or 'frontdesk db roles'."))


def _role_password(role: str, env: str, exists: bool) -> str | None:
    """A role's new password: from ``env``, else asked twice at the terminal;
    None keeps an existing role's password.  Never from the arguments."""
    given = os.environ.get(env)
    if given:
        return given
    if not sys.stdin.isatty():
        if exists:
            return None
        raise CliError(_("Give the password of the new role {role} in {env}, or run on a terminal.").format(
            role=role, env=env))
    prompt = (_("Password for {role} (empty: keep the one it has): ") if exists
              else _("Password for the new role {role}: ")).format(role=role)
    first = getpass.getpass(prompt)
    if not first:
        if exists:
            return None
        raise CliError(_("The new role {role} needs a password.").format(role=role))
    if getpass.getpass(_("The same password again: ")) != first:
        raise CliError(_("The two passwords differ: nothing was changed."))
    return first


def _db_roles(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from sqlalchemy.engine import make_url

    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk.db import roles
    from frontdesk.db.engine import Database, normalize_url

    url = _db_url(args)
    if not roles.is_postgresql(url):
        raise CliError(roles.not_postgresql_message())
    wanted = roles.Roles(owner=args.owner, counter=args.counter)
    if args.print_sql:
        database = make_url(normalize_url(url)).database
        if not database:
            raise CliError(_("Name the database in the address (postgresql://HOST/DATABASE)."))
        wanted.check()
        sys.stdout.write(roles.script(wanted, database))
        return EXIT_OK
    wanted.check()
    db = Database(url)
    try:
        exists = roles.existing_roles(db, wanted)
        passwords = {
            wanted.owner: _role_password(wanted.owner, roles.OWNER_PASSWORD_ENV, exists[wanted.owner]),
            wanted.counter: _role_password(wanted.counter, roles.COUNTER_PASSWORD_ENV, exists[wanted.counter]),
        }
        roles.apply(db, wanted, passwords)
    finally:
        db.dispose()
    print(_("Roles ready: {owner} owns the tables, {counter} may only read and write their rows.").format(
        owner=wanted.owner, counter=wanted.counter))
    print(_("Upgrade the schema as the owner:  frontdesk db upgrade --db {url}").format(
        url=roles.role_url(url, wanted.owner)))
    print(_("Counters connect as:             {url}").format(url=roles.role_url(url, wanted.counter)))
    return EXIT_OK


def cmd_users(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk import users

    db = _open(args)
    command = args.users_command
    if command == "add":
        actor = None
        with db.read() as s:
            first = users.count_users(s) == 0
        if not first:
            if not args.user:
                raise CliError(_("Name the manager who adds the user with --user (their PIN is asked)."))
            actor = users.sign_in(db, args.user, _ask_pin(_("PIN of {name}: ").format(name=args.user)), manager=True,
                                  purpose="user.add")
        pin = _ask_new_pin(args.name)
        with db.write() as s:
            user = users.add_user(s, actor, args.name, args.role, pin, args.full_name)
            print(_("Added {role} {name}.").format(role=_(users.ROLES[user.role]).lower(), name=user.name))
        return EXIT_OK
    if command == "list":
        with db.read() as s:
            for u in users.list_users(s):
                state = _("disabled") if not u.active else users.lock_state(s, u)
                print(f"{u.name}\t{_(users.ROLES.get(u.role, u.role))}\t{state}")
        return EXIT_OK
    if command == "pin":
        who = args.user or args.name  # the user themself, unless a manager is named
        actor = users.sign_in(db, who, _ask_pin(_("PIN of {name}: ").format(name=who)), manager=who != args.name,
                              purpose="user.pin")
        pin = _ask_new_pin(args.name)
        with db.write() as s:
            users.set_pin(s, actor, users.get_actor(s, args.name).id, pin)
        print(_("The PIN of {name} is changed.").format(name=args.name))
        return EXIT_OK
    if command in ("unlock", "disable", "enable"):
        with db.read() as s:
            name = _the_manager(s, args.user, _("approves it"))
        actor = users.sign_in(db, name, _ask_pin(_("PIN of {name}: ").format(name=name)), manager=True,
                              purpose="user.unlock" if command == "unlock" else "user.active")
        with db.write() as s:
            if command == "unlock":
                forgiven = users.unlock(s, actor, args.name)
                done = ngettext("{name} is unlocked ({n} wrong PIN forgiven).",
                                "{name} is unlocked ({n} wrong PINs forgiven).", forgiven).format(
                    name=args.name, n=forgiven)
            else:
                users.set_active(s, actor, users.get_actor(s, args.name).id, command == "enable")
                done = (_("{name} is enabled.") if command == "enable" else _("{name} is disabled.")).format(
                    name=args.name)
        print(done)
        return EXIT_OK
    raise CliError(_("Say 'frontdesk users add|list|pin|unlock|disable|enable' (see --help)."))


def _manager_for(session: object, name: str | None) -> str:
    """The manager named with --user, or the only active manager there is."""
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk import users
    from frontdesk.db.models import User

    assert isinstance(session, Session)
    if name:
        return name
    managers = list(session.scalars(select(User.name).where(User.role == users.MANAGER, User.active.is_(True))))
    if len(managers) != 1:
        raise CliError(_("Name the manager who imports the schedule with --user (their PIN is asked)."))
    return managers[0]


def cmd_fees(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk import users
    from frontdesk.billing import schedules

    db = _open(args)
    if args.fees_command == "import":
        if not args.file.is_file():
            raise CliError(_("No such file: {path}").format(path=args.file))
        with db.read() as s:
            name = _manager_for(s, args.user)
        # The PIN in a transaction of its own: a wrong one stays in the audit trail.
        actor = users.sign_in(db, name, _ask_pin(_("PIN of {name}: ").format(name=name)), manager=True,
                              purpose="fees.import")
        try:
            # Read and checked before the write transaction: no lock is held while the file is parsed.
            parsed = schedules.parse_import(args.file)
            with db.write() as s:
                schedule = schedules.store_import(s, actor, parsed)
                lines = len(schedule.lines)
                name, effective_from = schedule.name, schedule.effective_from
        except schedules.ScheduleRefused as exc:
            print(_("frontdesk: the workbook was refused; nothing was changed:"), file=sys.stderr)
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
            return EXIT_ERROR
        print(ngettext("Imported \"{name}\", in force from {date} ({count} line).",
                       "Imported \"{name}\", in force from {date} ({count} lines).", lines).format(
            name=name, date=effective_from.isoformat(), count=lines))
        return EXIT_OK
    if args.fees_command == "export":
        with db.read() as s:
            path = schedules.export_workbook(s, args.file, args.schedule)
        print(path)
        return EXIT_OK
    if args.fees_command == "list":
        with db.read() as s:
            rows = schedules.list_schedules(s)
        if not rows:
            print(_("No fee schedule yet: import one with 'frontdesk fees import FILE.xlsx'."))
        for row in rows:
            flags = [_("in force") if row.in_force else "", _("used by quotes") if row.used else ""]
            print("\t".join([str(row.id), row.effective_from.isoformat(), row.name,
                             ngettext("{count} line", "{count} lines", row.line_count).format(count=row.line_count),
                             ", ".join(f for f in flags if f)]))
        return EXIT_OK
    raise CliError(_("Say 'frontdesk fees import FILE.xlsx', 'frontdesk fees export FILE.xlsx' or 'frontdesk fees list'."))


def _document_language(args: argparse.Namespace) -> str | None:
    """The language a printed document was asked for with ``--lang`` (or the
    old ``--language``); None: the shop's language."""
    lang = getattr(args, "lang", None)
    return i18n.normalize_language(lang) if lang else None


def cmd_print(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk.printing import documents

    if args.print_command is None:
        raise CliError(_("Say what to print, e.g. 'frontdesk print card T2026-000123'."))
    db = _open(args)
    lang = _document_language(args)
    if args.print_command == "card":
        out = args.output or Path(f"card-{args.ticket.upper()}.pdf")
        with db.read() as s:
            path = documents.print_feedback_card(s, args.ticket, out, layout=args.layout, language=lang)
        print(path)
        return EXIT_OK
    if args.print_command == "receipt":
        number = args.number.strip().upper()
        out = args.output or Path(f"{number}-{args.size}{'-copy' if args.copy else ''}.pdf")
        with db.read() as s:
            path = documents.print_receipt(s, number, out, size=args.size, copy=args.copy, language=lang)
        print(path)
        return EXIT_OK
    if args.print_command in ("pullback", "agreement", "pickup"):
        out = args.output or Path(f"{args.print_command}-{args.ticket.strip().upper()}.pdf")
        make = {"pullback": documents.print_pullback, "agreement": documents.print_agreement,
                "pickup": documents.print_pickup}[args.print_command]
        with db.read() as s:
            path = make(s, args.ticket, out, language=lang)
        print(path)
        return EXIT_OK
    if args.print_command == "labels":
        if args.all == bool(args.tags):
            raise CliError(_("Name the asset tags to print, or --all for every unit in the pool."))
        if not 0 <= args.skip < 24:
            raise CliError(_("--skip is the number of labels already used on the sheet: 0 to 23."))
        out = args.output or Path("labels.pdf")
        with db.read() as s:
            path = documents.print_labels(s, None if args.all else list(args.tags), out, skip=args.skip,
                                          language=lang)
        print(path)
        return EXIT_OK
    # Here, not at the top: opening the window builds its own small parser and loads none of the commands.
    from frontdesk import claims_cli, oldparts_cli

    if args.print_command in oldparts_cli.PRINT_COMMANDS:
        return oldparts_cli.cmd_print(args, db, lang)
    if args.print_command in claims_cli.PRINT_COMMANDS:
        return claims_cli.cmd_print(args, db, lang)
    raise CliError(_("Say what to print, e.g. 'frontdesk print card T2026-000123'."))


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text} is not a date: write it as YYYY-MM-DD").format(text=text)) from None


def _day_close_and_head_office_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("day-close", help="a day's close: figures, the reconciliation PDF, closing the day")
    _common(p)
    p.add_argument("--date", type=_iso_date, default=None, help="the business day, YYYY-MM-DD (default: today)")
    p.add_argument("--counter", default=None, help="the counter whose drawer is closed (default: main)")
    p.add_argument("--pdf", type=Path, default=None, metavar="FILE", help="write the A4 reconciliation to FILE")
    p.add_argument("--close", action="store_true", help="close the day (a manager's act; needs --counted)")
    p.add_argument("--early", action="store_true",
                   help="close today before the shop's closing hour, on purpose (refused without it)")
    p.add_argument("--counted", default=None, metavar="AMOUNT", help="the cash counted in the drawer")
    p.add_argument("--float", dest="opening_float", default=None, metavar="AMOUNT", help="the opening float")
    p.add_argument("--note", default="", help="a note on the close")
    p.add_argument("--user", default=None,
                   help="the manager closing (their PIN is asked, or FRONTDESK_PIN); default: the only manager")

    p = sub.add_parser("export", help="the head-office workbook (.xlsx) of a period")
    _common(p)
    p.add_argument("--from", dest="date_from", type=_iso_date, required=True, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=_iso_date, required=True, metavar="DATE")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    p.add_argument("--unmasked", action="store_true", help="customer names and phones in full (a manager's act)")
    p.add_argument("--user", default=None,
                   help="the manager approving --unmasked (their PIN is asked, or FRONTDESK_PIN)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")

    p = sub.add_parser("uncollected", help="products ready for pick-up and not collected, longest waiting first")
    _common(p)
    p.add_argument("--days", type=int, default=0, metavar="N", help="only those waiting at least N days")

    p = sub.add_parser("consolidate", help="merge shops' head-office workbooks into one")
    _common(p)
    p.add_argument("files", nargs="+", type=Path, metavar="SHOP.xlsx")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="ALL.xlsx")
    p.add_argument("--quiet", action="store_true", help="no progress bar")


def _the_manager(session: object, name: str | None, what: str) -> str:
    """The manager named with --user, or the only active manager there is."""
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk import users
    from frontdesk.db.models import User

    assert isinstance(session, Session)
    if name:
        return name
    managers = list(session.scalars(select(User.name).where(User.role == users.MANAGER, User.active.is_(True))))
    if len(managers) != 1:
        raise CliError(_("Name the manager who {what} with --user (their PIN is asked).").format(what=what))
    return managers[0]


def cmd_day_close(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk import users
    from frontdesk.clock import now
    from frontdesk.dayclose import service as dayclose
    from frontdesk.printing import documents

    day = args.date or now().date()
    counter = counters.checked(args.counter)
    if not args.close and (args.counted is not None or args.opening_float is not None):
        raise CliError(_("--counted and --float go with --close (the day close is read-only without it)."))
    if args.close and args.counted is None:
        raise CliError(_("Closing the day needs the cash counted: --counted AMOUNT (and --float AMOUNT)."))
    if args.early and not args.close:
        raise CliError(_("--early goes with --close."))
    db = _open(args)
    if args.close:
        with db.read() as s:
            preview = dayclose.close_preview(s, day, counter=counter, opening_float=args.opening_float,
                                             counted=args.counted)
            name = _the_manager(s, args.user, _("closes the day"))
        if preview.early and not args.early:
            raise CliError(_("{day} is not over: the shop closes at {closing} and it is {now}. Closing now locks the "
                             "rest of the day's money; to close it anyway, add --early.").format(
                day=day.isoformat(), closing=preview.closing.strftime("%H:%M"), now=preview.at.strftime("%H:%M")))
        for line in close_preview_lines(preview):  # what the PIN will close
            print(line, file=sys.stderr)
        # The PIN in a transaction of its own: a wrong one stays in the audit trail.
        actor = users.sign_in(db, name, _ask_pin(_("PIN of {name}: ").format(name=name)), manager=True,
                              purpose="day.close")
        with db.write() as s:
            figures = dayclose.close_day(s, actor, day, actor, opening_float=args.opening_float,
                                         counted=args.counted, counter=counter, note=args.note, early=args.early)
    else:
        with db.read() as s:
            figures = dayclose.day_figures(s, day, counter=counter)
    for line in day_close_lines(figures):
        print(line)
    if args.pdf is not None:
        with db.read() as s:
            print(documents.print_reconciliation(s, day, args.pdf, counter=counter,
                                                 language=_document_language(args)))
    return EXIT_OK


def close_preview_lines(preview: object) -> list[str]:
    """What a close will close, said before the manager's PIN is asked."""
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk.billing import payments  # the methods' titles; loaded with the day close
    from frontdesk.dayclose.service import ClosePreview

    assert isinstance(preview, ClosePreview)
    f = preview.figures
    m = f.money
    lines = [
        ngettext("To close: {day} at counter {counter}: {count} receipt; expected cash {expected}, counted "
                 "{counted}, over/short {over}",
                 "To close: {day} at counter {counter}: {count} receipts; expected cash {expected}, counted "
                 "{counted}, over/short {over}", f.receipt_count).format(
            day=f.day.isoformat(), counter=counters.label(f.counter), count=f.receipt_count,
            expected=m(f.expected_cash) or "-", counted=m(f.counted_cash) or "-", over=m(f.over_short) or "-"),
    ]
    lines += [f"  {payments.method_text(ml.method)}: {m(ml.net)}" for ml in f.methods if ml.count]
    if preview.others_open:
        lines.append(_("Other counters still open that day: {counters}").format(
            counters=", ".join(map(counters.label, preview.others_open))))
    if preview.early:
        lines.append(_("Warning: {day} is not over (the shop closes at {closing}): its money is locked from now on.")
                     .format(day=f.day.isoformat(), closing=preview.closing.strftime("%H:%M")))
    return lines


def day_close_lines(f: object) -> list[str]:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk.billing import payments  # the methods' titles; loaded with the day close
    from frontdesk.dayclose.service import DayFigures

    assert isinstance(f, DayFigures)
    m = f.money
    lines = [
        _("Day close {day} ({counter}): {state}").format(
            day=f.day.isoformat(), counter=counters.label(f.counter), state=_("closed") if f.closed else _("open")),
        _("Receipts {first} to {last}: {count}; gaps: {gaps}").format(
            first=f.first_number or "-", last=f.last_number or "-", count=f.receipt_count,
            gaps=", ".join(f.gaps) or _("none")),
        *([_("Withdrawn by a restore (explained, not gaps): {numbers}").format(numbers=", ".join(f.withdrawn))]
          if f.withdrawn else []),
        _("Voids: {voids}; corrections: {corrections}; reprints: {reprints}").format(
            voids=len(f.voids), corrections=len(f.corrections), reprints=len(f.reprints)),
    ]
    for ml in f.methods:
        lines.append(f"  {payments.method_text(ml.method)}: {ml.count}  +{m(ml.money_in)}  -{m(ml.money_out)}  "
                     f"= {m(ml.net)}")
    lines += [
        _("Payments {payments}; deposits taken {taken}, returned {returned}, kept {kept}; refunds {refunds}").format(
            payments=m(f.payments_total), taken=m(f.deposits_taken), returned=m(f.deposits_returned),
            kept=m(f.deposits_kept), refunds=m(f.refunds)),
        _("Drawer: float {float}, expected {expected}, counted {counted}, over/short {over}").format(
            float=m(f.opening_float) or "-", expected=m(f.expected_cash) or "-", counted=m(f.counted_cash) or "-",
            over=m(f.over_short) or "-"),
        _("Invoices owed: {invoices}; waivers: {waivers}; loaners out {out} ({overdue} overdue)").format(
            invoices=len(f.invoices_owed), waivers=m(f.waived_total), out=len(f.loans_out),
            overdue=len(f.loans_overdue)),
        _("Audit trail head: #{id} {hash}; last receipt numbers: {numbers}").format(
            id=f.chain_head_id if f.chain_head_id is not None else "-", hash=f.chain_head_hash,
            numbers=", ".join(f.last_receipt_numbers[y] for y in sorted(f.last_receipt_numbers)) or _("none")),
    ]
    return lines


def cmd_export(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk import users
    from frontdesk.headoffice.export import export_workbook

    db = _open(args)
    approver = None
    if args.unmasked:
        with db.read() as s:
            name = _the_manager(s, args.user, _("approves an unmasked export"))
        approver = users.sign_in(db, name, _ask_pin(_("PIN of {name}: ").format(name=name)), manager=True,
                                 purpose="export.unmasked")
    elif args.user:
        raise CliError(_("--user names the manager approving --unmasked; a masked export needs no one."))
    bar = None if args.quiet else _ProgressBar(_("Exporting"))
    try:
        result = export_workbook(db, None, args.output, args.date_from, args.date_to, unmasked=args.unmasked,
                                 approver=approver, progress=bar.update if bar else None,
                                 language=getattr(args, "lang", None))
    finally:
        if bar:
            bar.done()
    return _written(result.path, result.rows)


def _written(path: Path, rows: dict[str, int]) -> int:
    print(path)
    print(", ".join(f"{sheet} {n}" for sheet, n in rows.items()))
    return EXIT_OK


def cmd_consolidate(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk.headoffice.consolidate import WorkbookRefused, consolidate

    bar = None if args.quiet else _ProgressBar(_("Consolidating"))
    try:
        result = consolidate(args.files, args.output, progress=bar.update if bar else None,
                             language=getattr(args, "lang", None))
    except WorkbookRefused as exc:
        if bar:
            bar.done()
            bar = None
        print(_("frontdesk: refused; nothing was written:"), file=sys.stderr)
        for refusal in exc.refusals:
            print(f"  {refusal}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        if bar:
            bar.done()
    return _written(result.path, result.rows)


def cmd_uncollected(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk import pickup

    if args.days < 0:
        raise CliError(_("--days must be 0 or more."))
    db = _open(args)
    with db.read() as s:
        rows = pickup.uncollected(s, min_days=args.days)
    print("\t".join((_("Ticket"), _("Days waiting"), _("Ready since"), _("Customer"), _("Phone"), _("Product"))))
    for row in rows:
        print("\t".join((row.number, str(row.days_waiting), f"{row.ready_at:%Y-%m-%d}", row.customer, row.phone,
                         row.product)))
    print(ngettext("{n} product waiting for pick-up.", "{n} products waiting for pick-up.", len(rows)).format(
        n=len(rows)), file=sys.stderr)
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    # Loaded when this command runs: the window's start and the other commands do not pay for it.
    from frontdesk import audit

    if args.audit_command != "verify":
        raise CliError(_("Say 'frontdesk audit verify'."))
    db = _open(args)
    with db.read() as s:  # reading only: no PIN
        check = audit.verify_chain(s.connection())
    print(check.message)
    return EXIT_OK if check.intact else EXIT_ERROR


def cmd_backup(args: argparse.Namespace) -> int:
    # Here, not at the top: opening the window builds its own small parser and loads none of the commands.
    from frontdesk import backup_cli

    return backup_cli.cmd_backup(args)


def cmd_restore(args: argparse.Namespace) -> int:
    # Here, not at the top: opening the window builds its own small parser and loads none of the commands.
    from frontdesk import backup_cli

    return backup_cli.cmd_restore(args)


def cmd_makers(args: argparse.Namespace) -> int:
    # Here, not at the top: opening the window builds its own small parser and loads none of the commands.
    from frontdesk import makers_cli

    return makers_cli.cmd_makers(args)


def cmd_oldparts(args: argparse.Namespace) -> int:
    # Here, not at the top: opening the window builds its own small parser and loads none of the commands.
    from frontdesk import oldparts_cli

    return oldparts_cli.cmd_oldparts(args)


def cmd_claims(args: argparse.Namespace) -> int:
    # Here, not at the top: opening the window builds its own small parser and loads none of the commands.
    from frontdesk import claims_cli

    return claims_cli.cmd_claims(args)


def cmd_figures(args: argparse.Namespace) -> int:
    # Here, not at the top: opening the window builds its own small parser and loads none of the commands.
    from frontdesk import figures_cli

    return figures_cli.cmd_figures(args)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "gui": cmd_gui,
    "demo": cmd_demo,
    "bench": cmd_bench,
    "screenshot": cmd_screenshot,
    "db": cmd_db,
    "users": cmd_users,
    "print": cmd_print,
    "fees": cmd_fees,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "makers": cmd_makers,
    "day-close": cmd_day_close,
    "export": cmd_export,
    "consolidate": cmd_consolidate,
    "uncollected": cmd_uncollected,
    "audit": cmd_audit,
    "oldparts": cmd_oldparts,
    "claims": cmd_claims,
    "figures": cmd_figures,
}


class _ProgressBar:
    """A one-line progress bar on stderr (the fraction from 0 to 1)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.last = -1

    def update(self, fraction: float, note: str = "") -> bool:
        percent = int(max(0.0, min(1.0, fraction)) * 100)
        if percent != self.last:
            self.last = percent
            filled = percent // 4
            sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (25 - filled)}] {percent:3d}% {note[:30]:30}")
            sys.stderr.flush()
        return True

    def done(self) -> None:
        sys.stderr.write("\n")


def _known_language(lang: str) -> bool:
    code = lang.split(".")[0].replace("-", "_")
    return code in i18n.LANGUAGES or code.lower() in ("zh", "zh_cn", "zh_hans", "en", "en_us", "en_gb")


def _output_of(args: argparse.Namespace | None) -> Path | None:
    """The file a command writes (its -o, --pdf, or 'fees export FILE'), to
    name it when an error of the disk does not."""
    if args is None:
        return None
    for name in ("output", "pdf"):
        if getattr(args, name, None) is not None:
            return Path(getattr(args, name))
    if getattr(args, "fees_command", None) == "export":
        return Path(args.file)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    private_umask()  # what this process creates is its user's alone (docs/rules.md#private-files)
    args: argparse.Namespace | None = None
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    i18n.set_language(os.environ.get("FRONTDESK_LANG") or i18n.DEFAULT_LANGUAGE)
    if argv[:1] == ["bench"]:  # its own options (argparse cannot hand on "--tickets ..." untouched)
        # Loaded when this command runs: the window's start and the other commands do not pay for it.
        from frontdesk import bench

        return bench.main(argv[1:])
    try:
        args = (window_parser() if opens_the_window(argv) else build_parser()).parse_args(argv)
        if getattr(args, "verbose", False):
            logging.getLogger().setLevel(logging.INFO)
        if getattr(args, "lang", None):
            if not _known_language(args.lang):
                raise CliError(_("Unknown language {lang}: use en or zh_CN.").format(lang=args.lang))
            i18n.set_language(args.lang)
        command = args.command or "gui"
        return COMMANDS[command](args)
    except CliError as exc:
        print(f"frontdesk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ValidationError as exc:
        print(f"frontdesk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except FrontDeskError as exc:
        print(f"frontdesk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(_("frontdesk: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:  # 'frontdesk day-close | head': the reader had enough
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (kept open: no second error when Python flushes stdout at exit)
        return EXIT_OK
    except OSError as exc:  # a full or read-only disk, a folder not ours: the person's to fix, in plain words
        # Loaded when this command runs: the window's start and the other commands do not pay for it.
        from frontdesk import file_errors

        log.debug("file error", exc_info=True)
        print(f"frontdesk: {file_errors.plain(exc, _output_of(args))}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug: one line here, the details in the log
        # Loaded when this command runs: the window's start and the other commands do not pay for it.
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            # Loaded when this command runs: the window's start and the other commands do not pay for it.
            from sqlalchemy.exc import OperationalError

            first = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0]
            if isinstance(exc, OperationalError):
                print(_("frontdesk: cannot reach the database: {error}").format(error=first), file=sys.stderr)
            else:
                print(_("frontdesk: database error: {error}").format(error=first), file=sys.stderr)
            return EXIT_ERROR
        log.debug("unexpected error", exc_info=True)
        print(_("frontdesk: unexpected error: {error} (run with -v for details)").format(error=exc), file=sys.stderr)
        if os.environ.get("FRONTDESK_DEBUG"):
            raise
        return EXIT_ERROR
