"""The command line's ``backup`` and ``restore`` (wired in by frontdesk.cli).

Both are a manager's acts: a backup is an unmasked copy of every customer
and of the PIN hashes, a restore replaces the whole database.  Each asks a
manager's PIN (``--user``, default the only manager; the PIN from
FRONTDESK_PIN or the terminal, never the arguments) and is recorded with
who approved.

``frontdesk backup [-o FILE]`` copies the database (safe while counters work);
``frontdesk restore FILE [--yes]`` checks the file, asks on a terminal (or
takes --yes in a script), keeps a copy of what it replaces, then restores,
keeping the evidence (frontdesk.backup.restore).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from frontdesk.i18n import _, ngettext

# frontdesk.backup (and Alembic under it) is imported in the commands, not
# here: the command line imports this module on every start.


def add_parsers(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``backup`` and ``restore`` to the subparsers ``sub``; ``common``
    adds --db and --lang to each."""
    p = sub.add_parser("backup", help="copy the SQLite database to a file (safe while the program runs)")
    common(p)
    p.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                   help="the backup file (default: a dated file in the backups folder beside the database)")
    p.add_argument("--user", default=None,
                   help="the manager approving (their PIN is asked, or FRONTDESK_PIN); default: the only manager")
    p = sub.add_parser("restore", help="replace the database by a backup (checked first; the replaced one is kept)")
    common(p)
    p.add_argument("file", type=Path, help="the backup file")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation (for scripts)")
    p.add_argument("--user", default=None,
                   help="the manager approving (their PIN is asked, or FRONTDESK_PIN); default: the only manager")


def _approval(db: Any, name: str | None, what: str, purpose: str) -> Any:
    """The manager who approves (``--user`` or the only one), signed in with
    their PIN: a wrong PIN is refused and stays in the audit trail."""
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk import users
    from frontdesk.cli import _ask_pin, _the_manager

    with db.read() as s:
        manager = _the_manager(s, name, what)
    return users.sign_in(db, manager, _ask_pin(_("PIN of {name}: ").format(name=manager)), manager=True,
                         purpose=purpose)


def cmd_backup(args: argparse.Namespace) -> int:
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk import backup, clock
    from frontdesk.cli import EXIT_OK, CliError, _db_url
    from frontdesk.db.migrate import open_database

    url = _db_url(args)
    source = backup.database_file(url, "backup")
    out: Path = args.output or backup.backup_folder(source) / f"{source.stem}-{clock.now():%Y%m%d-%H%M%S}.sqlite"
    if out.exists():
        raise CliError(_("{path} already exists: choose another file name.").format(path=out))
    if not source.is_file():
        raise backup.BackupRefused(_("There is no database to back up at {path}.").format(path=source))
    db = open_database(url, daily_backup=False)  # this is the backup asked for: no daily one beside it
    try:
        approver = _approval(db, args.user, _("makes the backup"), "backup")
        path = backup.approved_backup(db, approver, out)
    finally:
        db.dispose()
    info = backup.check_backup(path)
    print(ngettext("Backed up to {path} (schema {rev}, {tickets} ticket).",
                   "Backed up to {path} (schema {rev}, {tickets} tickets).", info.tickets).format(
        path=path, rev=info.revision, tickets=info.tickets))
    return EXIT_OK


def _confirmed(question: str) -> bool:
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in {"y", "yes", _("yes").lower()}


def cmd_restore(args: argparse.Namespace) -> int:
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk import backup
    from frontdesk.cli import EXIT_ERROR, EXIT_OK, CliError, _db_url
    from frontdesk.db.migrate import open_database

    url = _db_url(args)
    target = backup.database_file(url, "restore")
    info = backup.check_backup(args.file)
    approver = None
    if target.is_file() and target.stat().st_size > 0:  # a database to replace: its manager approves
        db = open_database(url, daily_backup=False)
        try:
            approver = _approval(db, args.user, _("restores the backup"), "restore")
        finally:
            db.dispose()
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError(_("Restoring replaces the whole database: add --yes to confirm in a script."))
        print(ngettext("The backup {path}: schema {rev}, {tickets} ticket.",
                       "The backup {path}: schema {rev}, {tickets} tickets.", info.tickets).format(
            path=info.path, rev=info.revision, tickets=info.tickets))
        if not _confirmed(_("Replace the database {db} with it? Everything entered since is lost "
                            "(a copy of it is kept). Type yes to go on: ").format(db=target)):
            print(_("Nothing was restored."))
            return EXIT_ERROR
    result = backup.restore(info.path, url, approver=approver)
    if result.previous is not None:
        print(_("The database it replaced was saved as {path}.").format(path=result.previous))
    if result.carried:
        print(ngettext("{count} audit record of the replaced database was carried over.",
                       "{count} audit records of the replaced database were carried over.", result.carried).format(
            count=result.carried))
    if result.withdrawn:
        print(ngettext("Receipt number {numbers} was issued since the backup: it is recorded as withdrawn and "
                       "will not be issued again.",
                       "Receipt numbers {numbers} were issued since the backup: they are recorded as withdrawn "
                       "and will not be issued again.", len(result.withdrawn)).format(
            numbers=", ".join(result.withdrawn)))
    open_database(url, daily_backup=False).dispose()  # an older schema is upgraded now, with its own copy first
    print(_("Restored {db} from {path}.").format(db=result.database, path=info.path))
    return EXIT_OK
