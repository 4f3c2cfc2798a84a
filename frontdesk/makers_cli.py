"""The command line's ``makers`` (wired in by frontdesk.cli): the makers the
shop repairs for under warranty, their brands and their settlement
standards (docs/rules.md#makers-and-their-standards).

``frontdesk makers list`` shows each maker, its brands and its standards;
``makers add CODE --name N --brand B...`` adds a maker or changes its name
and brands; ``makers import FILE`` adds a version of a maker's standard from
a workbook; ``makers export FILE --maker CODE [--standard ID]`` writes one.
Adding and importing are a manager's acts: the manager's PIN is asked
(``--user``, default the only manager; the PIN from FRONTDESK_PIN or the
terminal, never the arguments).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from frontdesk.i18n import _, ngettext

# frontdesk.claims.makers (SQLAlchemy, the models) is imported in the commands,
# not here: the command line imports this module on every start.

USER_HELP = "the manager (their PIN is asked, or FRONTDESK_PIN); default: the only manager"


def add_parsers(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``makers`` to the subparsers ``sub``; ``common`` adds --db and --lang."""
    p = sub.add_parser("makers", help="makers, their brands and their settlement standards (.xlsx)")
    common(p)
    msub = p.add_subparsers(dest="makers_command", parser_class=type(p))
    q = msub.add_parser("list", help="list the makers, their brands and their standards")
    common(q)
    q = msub.add_parser("add", help="add a maker, or change its name and brands (a manager's act)")
    common(q)
    q.add_argument("code", help="the maker's code, e.g. HAIER")
    q.add_argument("--name", required=True, help="the maker's name")
    q.add_argument("--brand", action="append", required=True, metavar="BRAND",
                   help="a brand the maker answers for (repeat for each; the list replaces the old one)")
    q.add_argument("--user", default=None, help=USER_HELP)
    q = msub.add_parser("import", help="add a version of a maker's standard from an .xlsx workbook (a manager's act)")
    common(q)
    q.add_argument("file", type=Path)
    q.add_argument("--user", default=None, help=USER_HELP)
    q = msub.add_parser("export", help="write a version of a maker's standard to an .xlsx workbook")
    common(q)
    q.add_argument("file", type=Path)
    q.add_argument("--maker", required=True, metavar="CODE", help="the maker's code")
    q.add_argument("--standard", type=int, default=None, metavar="ID",
                   help="the version's id (see 'makers list'; default: the one in force today)")


def cmd_makers(args: argparse.Namespace) -> int:
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk.backup_cli import _approval
    from frontdesk.claims import makers
    from frontdesk.cli import EXIT_ERROR, EXIT_OK, CliError, _open

    command = args.makers_command
    if command not in ("list", "add", "import", "export"):
        raise CliError(_("Say 'frontdesk makers list|add|import|export' (see --help)."))
    if command == "import" and not args.file.is_file():
        raise CliError(_("No such file: {path}").format(path=args.file))
    db = _open(args)
    if command == "list":
        with db.read() as s:
            rows = makers.list_makers(s)
        if not rows:
            print(_("No maker yet: add one with 'frontdesk makers add CODE --name NAME --brand BRAND'."))
        for maker in rows:
            print("\t".join([maker.code, maker.name, ", ".join(maker.brands),
                             "" if maker.active else _("inactive")]).rstrip("\t"))
            for std in maker.standards:
                flags = [_("in force") if std.in_force else "", _("used by claims") if std.used else ""]
                print("\t".join(["", str(std.id), std.effective_from.isoformat(), std.name,
                                 ngettext("{count} line", "{count} lines", std.line_count).format(
                                     count=std.line_count),
                                 ", ".join(f for f in flags if f)]).rstrip("\t"))
        return EXIT_OK
    if command == "export":
        with db.read() as s:
            path = makers.export_standard(s, args.file, args.maker, args.standard)
        print(path)
        return EXIT_OK
    if command == "add":
        actor = _approval(db, args.user, _("changes the makers"), "makers.add")
        with db.write() as s:
            saved = makers.save_maker(s, actor, args.code, args.name, args.brand)
            code, name, brands = saved.code, saved.name, [b.brand for b in saved.brands]
        print(_("Saved the maker {code} ({name}): {brands}.").format(code=code, name=name, brands=", ".join(brands)))
        return EXIT_OK
    actor = _approval(db, args.user, _("imports the standard"), "makers.import")
    try:
        # Read and checked before the write transaction: no lock is held while the file is parsed.
        parsed = makers.parse_import(args.file)
        with db.write() as s:
            standard = makers.store_import(s, actor, parsed)
            lines, name, day, code = (len(standard.lines), standard.name, standard.effective_from,
                                      makers.normalize_maker_code(parsed.draft.maker))
    except makers.StandardRefused as exc:
        print(_("frontdesk: the workbook was refused; nothing was changed:"), file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_ERROR
    print(ngettext("Imported \"{name}\" for {maker}, in force from {date} ({count} line).",
                   "Imported \"{name}\" for {maker}, in force from {date} ({count} lines).", lines).format(
        name=name, maker=code, date=day.isoformat(), count=lines))
    return EXIT_OK


__all__ = ["add_parsers", "cmd_makers"]
