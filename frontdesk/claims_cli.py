"""The command line's ``claims`` (wired in by frontdesk.cli): the claims to
the makers, read only (no PIN).

``frontdesk claims list [--maker CODE] [--state S] [--late]`` prints one
claim a line, tab-separated, oldest deadline first, and the totals last;
``frontdesk claims export FILE.xlsx [--maker CODE]`` writes them to a
workbook (docs/rules.md#claim-states-and-deadlines).

The acts on a claim, each by the user named with ``--user`` (their PIN):
``claims submit CLAIM MAKER_NO``, ``claims level CLAIM LEVEL``,
``claims appeal CLAIM [--note]``, ``claims settle CLAIM``, and
``claims order-no TICKET NUMBER`` (the maker's service order number).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from frontdesk import oldparts_cli, settlements_cli
from frontdesk.i18n import _, ngettext

# frontdesk.claims (and openpyxl under its export) is imported in the
# commands, not here: the command line imports this module on every start.


def add_parsers(sub: Any, common: Callable[[argparse.ArgumentParser], None],
                parser_class: type[argparse.ArgumentParser]) -> None:
    """Add ``claims list``, ``export``, ``import-settlement`` and ``appeals``
    to the subparsers ``sub``;
    ``common`` adds --db and --lang to each."""
    p = sub.add_parser("claims", help="claims to the makers: list them or export them to a workbook")
    common(p)
    csub = p.add_subparsers(dest="claims_command", parser_class=parser_class)
    q = csub.add_parser("list", help="list the claims, oldest deadline first, with the totals")
    common(q)
    q.add_argument("--maker", default=None, metavar="CODE", help="one maker's claims (its code, e.g. HAIER)")
    q.add_argument("--state", default=None,
                   help="the claims in one state: drafted, submitted, paid, paid_short, rejected, appealed, settled")
    q.add_argument("--late", action="store_true", help="only the claims not submitted by their deadline")
    q = csub.add_parser("export", help="write the claims to an .xlsx workbook")
    common(q)
    q.add_argument("file", type=Path)
    q.add_argument("--maker", default=None, metavar="CODE", help="one maker's claims (its code, e.g. HAIER)")
    settlements_cli.add_subcommands(csub, common)  # import-settlement, appeals
    q = csub.add_parser("submit", help="the claim went in on the maker's portal: its claim number there")
    q.add_argument("claim", help="the claim number (C2026-...)")
    q.add_argument("maker_no", metavar="MAKER_NO", help="the claim number the maker gave")
    q = csub.add_parser("level", help="the repair level of a drafted claim (priced again)")
    q.add_argument("claim", help="the claim number (C2026-...)")
    q.add_argument("level", choices=("minor", "medium", "major"))
    q = csub.add_parser("appeal", help="the shop contested a short payment or a rejection")
    q.add_argument("claim", help="the claim number (C2026-...)")
    q.add_argument("--note", default="", help="what the appeal says")
    q = csub.add_parser("settle", help="nothing more is asked of the maker on the claim")
    q.add_argument("claim", help="the claim number (C2026-...)")
    q = csub.add_parser("order-no", help="the maker's service order number of a ticket (it goes on its claim)")
    q.add_argument("ticket", help="the ticket number")
    q.add_argument("number", help="the maker's service order number ('' to clear it)")
    for name in ACTS:
        q = csub.choices[name]
        common(q)
        if name in ("submit", "appeal", "settle"):
            q.add_argument("--on", type=_date, default=None, help="the day it happened (default: today)")
        q.add_argument("--user", default=None, help="who does it (their PIN is asked, or FRONTDESK_PIN)")


ACTS = ("submit", "level", "appeal", "settle", "order-no")


def _date(text: str) -> Any:
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk.cli import _iso_date

    return _iso_date(text)


PRINT_COMMANDS = ("statement",)


def add_print_parsers(psub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """``print statement``, under ``frontdesk print``."""
    q = psub.add_parser("statement", help="a maker's monthly statement of claims (A4 PDF)")
    common(q)
    q.add_argument("--maker", required=True, metavar="CODE", help="the maker's code, e.g. HAIER")
    q.add_argument("--month", required=True, metavar="YYYY-MM", help="the month of the repairs")
    q.add_argument("-o", "--output", type=Path, default=None, help="PDF file (default: statement-MAKER-MONTH.pdf)")


def cmd_print(args: argparse.Namespace, db: Any, language: str | None) -> int:
    """``frontdesk print statement``."""
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk.claims.settlements import month_of
    from frontdesk.cli import EXIT_OK
    from frontdesk.printing.claims_statement import print_statement

    month = month_of(args.month)
    out = args.output or Path(f"statement-{args.maker.strip().upper()}-{month:%Y-%m}.pdf")
    with db.read() as s:
        print(print_statement(s, args.maker, month, out, language=language))
    return EXIT_OK


def _money(amount: Any) -> str:
    return "" if amount is None else f"{amount:.2f}"


def cmd_claims(args: argparse.Namespace) -> int:
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk import clock, settings
    from frontdesk.claims import export, service
    from frontdesk.cli import EXIT_OK, CliError, _open

    if args.claims_command in ("import-settlement", "appeals"):
        return settlements_cli.cmd_settlement(args)
    if args.claims_command in ACTS:
        return cmd_act(args)
    if args.claims_command not in ("list", "export"):
        raise CliError(_("Say 'frontdesk claims list', 'claims export FILE.xlsx', 'claims import-settlement FILE "
                         "--maker M', 'claims appeals', or an act on a claim: 'claims submit|level|appeal|settle "
                         "CLAIM', 'claims order-no TICKET NUMBER' (see --help)."))
    db = _open(args)
    today = clock.now().date()
    with db.read() as s:
        rows = service.list_claims(s, args.maker, getattr(args, "state", None), today=today,
                                   late_only=getattr(args, "late", False))
        currency = str(settings.get(s, "currency"))
    if args.claims_command == "export":
        print(export.write_workbook(rows, args.file, currency))
        return EXIT_OK
    print("\t".join([_("Claim"), _("Ticket"), _("Maker"), _("State"), _("Repaired on"), _("Claim due"),
                     _("Deadline"), _("Claimed"), _("Paid"), _("Short"), _("Note")]))
    for r in rows:
        print("\t".join([r.number, r.ticket_number, r.maker_code, service.state_label(r.state),
                         r.repaired_on.isoformat(), r.claim_due.isoformat(), export.flag_label(r.flag),
                         _money(r.amount_claimed), _money(r.amount_paid), _money(r.short),
                         _("Repair level missing: labour claimed at 0") if r.level_missing else ""]))
    claimed, paid, short = export.totals(rows)
    print("\t".join([_("Total"), ngettext("{count} claim", "{count} claims", len(rows)).format(count=len(rows)),
                     "", "", "", "", "", _money(claimed), _money(paid), _money(short), ""]))
    return EXIT_OK


def cmd_act(args: argparse.Namespace) -> int:
    """An act on one claim (or a ticket's maker order number), by ``--user``."""
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk import clock
    from frontdesk.claims import service
    from frontdesk.cli import EXIT_OK, _open
    from frontdesk.intake.service import find_ticket

    db = _open(args)
    actor = oldparts_cli._actor(db, args.user, purpose="claims")
    now = clock.now()
    on = getattr(args, "on", None) or now.date()
    command = args.claims_command
    with db.write() as s:
        if command == "order-no":
            ticket = service.set_maker_order_no(s, actor, find_ticket(s, args.ticket).id, args.number, now)
            print(_("Ticket {ticket}: maker's service order number {number}.").format(
                ticket=ticket.number, number=ticket.maker_order_no or "-"))
            return EXIT_OK
        claim = service.find_claim(s, args.claim)
        if command == "submit":
            service.submit_claim(s, actor, claim.id, args.maker_no, on, now)
        elif command == "level":
            service.set_repair_level(s, actor, claim.id, args.level, now)
        elif command == "appeal":
            service.appeal_claim(s, actor, claim.id, on, args.note, now)
        else:
            service.close_claim(s, actor, claim.id, on, now)
        print(_("Claim {number}: {state}, claimed {amount}.").format(
            number=claim.number, state=service.state_label(claim.state), amount=_money(claim.amount_claimed)))
    return EXIT_OK


__all__ = ["add_parsers", "cmd_act", "cmd_claims"]
