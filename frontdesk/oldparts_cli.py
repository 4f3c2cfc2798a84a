"""The command line of the old parts that go back (wired in by frontdesk.cli;
docs/rules.md#old-parts-that-go-back).

``frontdesk oldparts list [--maker M] [--late]``: the parts owed back;
``frontdesk oldparts batches [--maker M]``: the return batches;
``frontdesk oldparts batch open --maker M``, ``... scan BATCH TAG...``,
``... remove BATCH TAG...``, ``... ship BATCH --carrier C --waybill W``:
the acts on a batch, each by the user named with ``--user`` (their PIN
asked, or FRONTDESK_PIN), each recorded;
``frontdesk print oldparts BATCH [-o FILE.pdf] [--xlsx FILE]``: the packing
list; ``frontdesk print oldtags TICKET|--claim C``: the old parts' tags.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from frontdesk.i18n import _, ngettext

# The services (and SQLAlchemy under them) are imported in the commands, not
# here: the command line imports this module on every start.

PRINT_COMMANDS = ("oldparts", "oldtags")


def _date(text: str) -> Any:
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk.cli import _iso_date

    return _iso_date(text)


def add_print_parsers(psub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """``print oldparts`` and ``print oldtags``, under ``frontdesk print``."""
    q = psub.add_parser("oldparts", help="a return batch's packing list (A4 PDF, and .xlsx with --xlsx)")
    common(q)
    q.add_argument("batch", help="the batch number, e.g. B2026-000001")
    q.add_argument("-o", "--output", type=Path, default=None, help="PDF file (default: packing-BATCH.pdf)")
    q.add_argument("--xlsx", type=Path, default=None, metavar="FILE", help="also write the list as an .xlsx workbook")
    q = psub.add_parser("oldtags", help="the tags of the old parts a ticket's maker wants back (A4 sheets of 3 x 8)")
    common(q)
    q.add_argument("ticket", nargs="?", default=None, help="ticket number")
    q.add_argument("--claim", default=None, help="the claim number instead of the ticket's")
    q.add_argument("--skip", type=int, default=0, help="labels already used on the first sheet")
    q.add_argument("-o", "--output", type=Path, default=None, help="PDF file (default: oldtags-TICKET.pdf)")


def add_parsers(sub: Any, common: Callable[[argparse.ArgumentParser], None], parser_class: Any) -> None:
    """``frontdesk oldparts ...``."""
    p = sub.add_parser("oldparts", help="old parts that go back to their makers: owed, batches, shipping")
    common(p)
    osub = p.add_subparsers(dest="oldparts_command", parser_class=parser_class)
    q = osub.add_parser("list", help="the parts owed back (late ones and those due within 3 days flagged)")
    common(q)
    q.add_argument("--maker", default=None, help="one maker's (its code)")
    q.add_argument("--late", action="store_true", help="only those past their return date")
    q = osub.add_parser("batches", help="the return batches, the newest first")
    common(q)
    q.add_argument("--maker", default=None, help="one maker's (its code)")
    q = osub.add_parser("batch", help="open a return batch, scan tags into it, take them out, ship it")
    common(q)
    bsub = q.add_subparsers(dest="batch_command", parser_class=parser_class)
    b = bsub.add_parser("open", help="a new return batch for a maker")
    common(b)
    b.add_argument("--maker", required=True, help="the maker's code")
    for name, text in (("scan", "put old parts into the batch by their tags"),
                       ("remove", "take old parts out of the batch")):
        b = bsub.add_parser(name, help=text)
        common(b)
        b.add_argument("batch", help="the batch number")
        b.add_argument("tags", nargs="+", metavar="TAG", help="the old parts' tags (as scanned)")
    b = bsub.add_parser("ship", help="the batch leaves: carrier and waybill (no more scans after)")
    common(b)
    b.add_argument("batch", help="the batch number")
    b.add_argument("--carrier", required=True)
    b.add_argument("--waybill", required=True)
    b.add_argument("--on", type=_date, default=None, help="the day it was shipped (default: today)")
    b.add_argument("--note", default="")
    for b in (bsub.choices["open"], bsub.choices["scan"], bsub.choices["remove"], bsub.choices["ship"]):
        b.add_argument("--user", default=None, help="who does it (their PIN is asked, or FRONTDESK_PIN)")


def cmd_print(args: argparse.Namespace, db: Any, language: str | None) -> int:
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk.cli import EXIT_OK, CliError
    from frontdesk.printing import oldparts as paper

    if args.print_command == "oldparts":
        number = args.batch.strip().upper()
        out = args.output or Path(f"packing-{number}.pdf")
        with db.read() as s:
            print(paper.print_packing_list(s, number, out, language=language))
            if args.xlsx is not None:
                print(paper.export_packing_list(s, number, args.xlsx, language=language))
        return EXIT_OK
    if (args.ticket is None) == (args.claim is None):
        raise CliError(_("Name the ticket, or the claim with --claim."))
    if not 0 <= args.skip < 24:
        raise CliError(_("--skip is the number of labels already used on the sheet: 0 to 23."))
    out = args.output or Path(f"oldtags-{(args.ticket or args.claim).strip().upper()}.pdf")
    with db.read() as s:
        print(paper.print_old_part_tags(s, out, ticket_number=args.ticket, claim_number=args.claim, skip=args.skip,
                                        language=language))
    return EXIT_OK


def _actor(db: Any, name: str | None, purpose: str = "oldparts") -> Any:
    """The user named with --user, signed in with their PIN (a wrong one is
    refused and stays in the audit trail); the claims' acts use it too."""
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk import users
    from frontdesk.cli import CliError, _ask_pin

    if not name:
        raise CliError(_("Name who does it with --user (their PIN is asked)."))
    return users.sign_in(db, name, _ask_pin(_("PIN of {name}: ").format(name=name)), purpose=purpose)


def cmd_oldparts(args: argparse.Namespace) -> int:
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk import clock
    from frontdesk.claims import oldparts
    from frontdesk.cli import EXIT_ERROR, EXIT_OK, CliError, _open
    from frontdesk.errors import FrontDeskError

    command = args.oldparts_command
    if command is None or (command == "batch" and args.batch_command is None):
        raise CliError(_("Say 'frontdesk oldparts list', 'frontdesk oldparts batches' or "
                         "'frontdesk oldparts batch open|scan|remove|ship' (see --help)."))
    db = _open(args)
    if command == "list":
        today = clock.now().date()
        with db.read() as s:
            due = oldparts.parts_due(s, today, args.maker)
        if args.late:
            due = [d for d in due if d.flag == oldparts.LATE]
        print("\t".join((_("Old-part tag"), _("Ticket"), _("Maker"), _("Part no."), _("Return by"), _("State"),
                         _("Return batch"))))
        for d in due:
            print("\t".join((d.tag, d.ticket_number, d.maker_code, d.part_no,
                             d.return_due.isoformat() if d.return_due else "", d.flag_text, d.batch_number)))
        print(ngettext("{n} old part owed back.", "{n} old parts owed back.", len(due)).format(n=len(due)))
        return EXIT_OK
    if command == "batches":
        with db.read() as s:
            rows = [(batch.number, code, str(count), batch.shipped_on.isoformat() if batch.shipped_on else "",
                     batch.carrier, batch.waybill) for batch, code, count in oldparts.list_batches(s, args.maker)]
        print("\t".join((_("Return batch"), _("Maker"), _("Old parts"), _("Shipped on"), _("Carrier"),
                         _("Waybill number"))))
        for row in rows:
            print("\t".join(row))
        return EXIT_OK
    actor = _actor(db, args.user)
    if args.batch_command == "open":
        with db.write() as s:
            batch = oldparts.open_batch(s, actor, args.maker)
            opened = _("Opened return batch {batch} for {maker}.").format(
                batch=batch.number, maker=oldparts.find_maker(s, args.maker).name)
        print(opened)
        return EXIT_OK
    if args.batch_command in ("scan", "remove"):
        with db.read() as s:
            batch_id = oldparts.find_batch(s, args.batch).id
        act = oldparts.scan_into_batch if args.batch_command == "scan" else oldparts.remove_from_batch
        refused = 0
        for tag in args.tags:  # each its own transaction: a refused tag leaves the others done
            try:
                with db.write() as s:
                    part = act(s, actor, batch_id, tag)
                    number = oldparts.find_batch(s, args.batch).number
                    done = (_("{tag} is in batch {batch}.") if args.batch_command == "scan"
                            else _("{tag} is out of batch {batch}.")).format(tag=part.tag, batch=number)
            except FrontDeskError as exc:
                refused += 1
                print(f"frontdesk: {exc.message}", file=sys.stderr)
                continue
            print(done)
        return EXIT_ERROR if refused else EXIT_OK
    with db.write() as s:
        batch_id = oldparts.find_batch(s, args.batch).id
        shipped_on = args.on or clock.now().date()
        batch = oldparts.ship_batch(s, actor, batch_id, shipped_on, args.carrier, args.waybill, args.note)
        count = len(oldparts.batch_view(s, batch_id).parts)
        shipped = ngettext("Batch {batch} shipped on {date} with {carrier}, waybill {waybill}: {count} old part.",
                           "Batch {batch} shipped on {date} with {carrier}, waybill {waybill}: {count} old parts.",
                           count).format(batch=batch.number, date=shipped_on.isoformat(), carrier=batch.carrier,
                                         waybill=batch.waybill, count=count)
    print(shipped)
    return EXIT_OK


__all__ = ["PRINT_COMMANDS", "add_parsers", "add_print_parsers", "cmd_oldparts", "cmd_print"]
