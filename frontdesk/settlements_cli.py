"""The command line's settlement import and appeal list (wired in by
frontdesk.cli; docs/rules.md#settlements-and-appeals).

``frontdesk claims import-settlement FILE --maker M [--month YYYY-MM]
[--settled-on DATE] [--map field=Column title ...] [--dry-run] [--user MANAGER]``
reads the maker's settlement workbook, shows what each row comes to and,
unless --dry-run, writes it with a manager's PIN (FRONTDESK_PIN or asked).
``frontdesk claims appeals [--maker M]`` lists what can still be
contested.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from frontdesk.i18n import _, ngettext

# frontdesk.claims (and openpyxl under it) is imported in the commands, not
# here: the command line imports this module on every start.


def add_subcommands(csub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``import-settlement`` and ``appeals`` to the ``claims`` command's
    subparsers ``csub``; ``common`` adds --db and --lang to each."""
    q = csub.add_parser("import-settlement", help="import a maker's settlement workbook (.xlsx): rows matched to "
                                                  "claims, shown first (a manager's act)")
    common(q)
    q.add_argument("file", type=Path)
    q.add_argument("--maker", required=True, metavar="M", help="the maker's code (HAIER...)")
    q.add_argument("--month", default=None, metavar="YYYY-MM",
                   help="the month it settles (default: the month before the settlement date)")
    q.add_argument("--settled-on", type=date.fromisoformat, default=None, metavar="DATE",
                   help="the maker's settlement date, YYYY-MM-DD: appeals run from it (default: today)")
    q.add_argument("--map", action="append", default=[], metavar="FIELD=TITLE",
                   help="map one of our fields (claim_no, service_order_no, amount_paid, reason, deduction, "
                        "deduction_reason) to the workbook's column title; saved for the maker on import")
    q.add_argument("--dry-run", action="store_true", help="show what each row comes to; write nothing")
    q.add_argument("--user", default=None,
                   help="the manager importing (their PIN is asked, or FRONTDESK_PIN); default: the only manager")
    q = csub.add_parser("appeals", help="claims paid short or rejected that can still be appealed, soonest first")
    common(q)
    q.add_argument("--maker", default=None, metavar="M", help="one maker's only")


def preview_lines(pv: Any) -> list[str]:
    """What each row of a settlement comes to, then the totals."""
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk.claims import settlements as st

    assert isinstance(pv, st.SettlementPreview)
    lines = ["\t".join((_("Row"), _("Number"), _("Status"), _("Claim"), _("Claimed"), _("Paid"), _("Short"),
                        _("Outcome"), _("Deduction"), _("Reason or note")))]
    for r in pv.rows:
        src = r.source
        paid = r.paid if r.paid is not None else src.amount_paid
        outcome = _(st.OUTCOME_TEXT[r.outcome]) if r.outcome and r.applied else ""
        lines.append("\t".join((
            str(src.row), src.claim_no or src.service_order_no, r.status_text(), r.claim_number,
            "" if r.claimed is None else str(r.claimed), "" if paid is None else str(paid),
            "" if r.short is None or not r.applied else str(r.short), outcome,
            "" if src.deduction is None else str(src.deduction),
            r.note or src.reason or src.deduction_reason)))
    return lines + summary_lines(pv)


def summary_lines(pv: Any) -> list[str]:
    """A settlement preview's totals, and a note when the month was already
    imported (the command line and the window say it the same way)."""
    # Loaded when this runs (and cli imports this module, so its names come at call time).
    from frontdesk.claims import settlements as st

    assert isinstance(pv, st.SettlementPreview)
    lines: list[str] = []
    lines.append(_("{maker}, {month:%Y-%m}, settled on {day}: {rows} rows; {matched} matched (claimed {claimed}, paid "
                   "{paid}, short {short}); deductions {deductions}; left: {unmatched} unmatched, {ambiguous} "
                   "ambiguous, {duplicate} duplicate, {settled} already settled.").format(
        maker=pv.maker_code, month=pv.month, day=pv.settled_on.isoformat(), rows=len(pv.rows),
        matched=pv.count(st.MATCHED), claimed=pv.claimed_total, paid=pv.paid_total, short=pv.short_total,
        deductions=pv.deduction_total, unmatched=pv.count(st.UNMATCHED), ambiguous=pv.count(st.AMBIGUOUS),
        duplicate=pv.count(st.DUPLICATE), settled=pv.count(st.SETTLED)))
    if pv.earlier:
        lines.append(_("Note: a settlement of {maker} for {month:%Y-%m} was already imported (settled on {days}).")
                     .format(maker=pv.maker_code, month=pv.month, days=", ".join(d.isoformat() for d in pv.earlier)))
    return lines


def imported_lines(pv: Any) -> list[str]:
    """What an import settled, and how many rows it left (listed above)."""
    # Loaded when this runs (and cli imports this module, so its names come at call time).
    from frontdesk.claims import settlements as st

    assert isinstance(pv, st.SettlementPreview)
    settled, left = pv.count(st.MATCHED), len(pv.left)
    lines = [ngettext("Imported the settlement of {maker} for {month:%Y-%m}: {n} claim settled.",
                      "Imported the settlement of {maker} for {month:%Y-%m}: {n} claims settled.", settled).format(
        maker=pv.maker_code, month=pv.month, n=settled)]
    if left:
        lines.append(ngettext("{n} row was left unapplied (listed above): look at it and settle it by hand.",
                              "{n} rows were left unapplied (listed above): look at them and settle them by hand.",
                              left).format(n=left))
    return lines


def cmd_settlement(args: argparse.Namespace) -> int:
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk.cli import EXIT_OK, CliError, _open

    if args.claims_command == "import-settlement":
        return _import(args)
    if args.claims_command == "appeals":
        # Loaded when this command runs (and cli imports this module, so its names come at call time).
        from frontdesk import clock
        from frontdesk.claims import settlements as st

        db = _open(args)
        with db.read() as s:
            rows = st.appeal_list(s, clock.now().date(), args.maker)
        print("\t".join((_("Appeal by"), _("Days left"), _("Claim"), _("Maker"), _("Maker's claim"), _("Outcome"),
                         _("Claimed"), _("Paid"), _("Short"), _("Reason"))))
        for a in rows:
            print("\t".join((a.appeal_due.isoformat(), str(a.days_left), a.claim_number, a.maker_code,
                             a.maker_claim_no, _(st.OUTCOME_TEXT[a.state]), str(a.claimed), str(a.paid),
                             str(a.short), a.reason)))
        print(ngettext("{n} claim can still be appealed.", "{n} claims can still be appealed.", len(rows)).format(
            n=len(rows)), file=sys.stderr)
        return EXIT_OK
    raise CliError(_("Say 'frontdesk claims import-settlement FILE --maker M' or 'frontdesk claims appeals'."))


def _import(args: argparse.Namespace) -> int:
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk import clock, users
    from frontdesk.claims import settlements as st
    from frontdesk.claims.models import Maker
    from frontdesk.cli import EXIT_ERROR, EXIT_OK, CliError, _ask_pin, _open, _the_manager

    month = st.month_of(args.month) if args.month else None
    settled_on = args.settled_on or clock.now().date()
    overrides = st.parse_map(args.map)
    if not args.file.is_file():
        raise CliError(_("No such file: {path}").format(path=args.file))
    db = _open(args)
    with db.read() as s:
        maker = st.find_maker(s, args.maker)
        maker_id, maker_code = maker.id, maker.code
        columns = st.check_columns(st.merged_columns(maker.settlement_columns, overrides), maker.code)
        name = None if args.dry_run else _the_manager(s, args.user, _("imports the settlement"))
    try:
        # Read and checked before any write transaction: no lock is held while the file is parsed.
        parsed = st.parse_settlement(args.file, columns, maker_code=maker_code, settled_on=settled_on, month=month)
    except st.SettlementRefused as exc:
        print(_("frontdesk: the workbook was refused; nothing was changed:"), file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_ERROR
    if args.dry_run:
        with db.read() as s:
            lines = preview_lines(st.preview(s, parsed))
        for line in lines:
            print(line)
        print(_("Dry run: nothing was written."), file=sys.stderr)
        if overrides:
            print(_("The columns given with --map are saved only by a real import."), file=sys.stderr)
        return EXIT_OK
    assert name is not None
    # The PIN in a transaction of its own: a wrong one stays in the audit trail.
    actor = users.sign_in(db, name, _ask_pin(_("PIN of {name}: ").format(name=name)), manager=True,
                          purpose="settlement.import")
    now = clock.now()
    with db.write() as s:
        maker = s.get(Maker, maker_id)
        assert maker is not None
        if overrides:
            st.save_columns(s, actor, maker, columns, now)
        result = st.apply(s, actor, st.preview(s, parsed), now)
        lines = preview_lines(result.preview) + imported_lines(result.preview)
    for line in lines:
        print(line)
    return EXIT_OK


__all__ = ["add_subcommands", "cmd_settlement", "imported_lines", "preview_lines", "summary_lines"]
