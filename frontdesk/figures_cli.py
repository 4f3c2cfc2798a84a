"""The command line's ``figures`` (wired in by frontdesk.cli): the service
figures of a period, read only (no PIN; docs/rules.md#service-figures).

``frontdesk figures [--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD] [--json FILE]``
prints one figure and group a line, tab-separated: the figure, the
breakdown, the group, the value, the numerator and the denominator; with
``--json`` it also writes them to FILE.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from frontdesk.i18n import _

# frontdesk.figures is imported in the command, not here: the command line
# imports this module on every start.


def add_parsers(sub: Any, common: Callable[[argparse.ArgumentParser], None], date_type: Callable[[str], Any]) -> None:
    """Add ``figures`` to the subparsers ``sub``; ``common`` adds --db and
    --lang, ``date_type`` reads a YYYY-MM-DD argument."""
    p = sub.add_parser("figures", help="the service figures of a month or period (turnaround, answers, repeats...)")
    common(p)
    p.add_argument("--month", default=None, metavar="YYYY-MM", help="a calendar month (default: this month)")
    p.add_argument("--from", dest="date_from", type=date_type, default=None, metavar="DATE",
                   help="the first day of the period")
    p.add_argument("--to", dest="date_to", type=date_type, default=None, metavar="DATE",
                   help="the last day of the period (included)")
    p.add_argument("--json", type=Path, default=None, metavar="FILE", help="also write the figures to this JSON file")


def cmd_figures(args: argparse.Namespace) -> int:
    # Loaded when this command runs (and cli imports this module, so its names come at call time).
    from frontdesk import clock, settings
    from frontdesk.cli import EXIT_OK, CliError, _open
    from frontdesk.figures.catalog import BREAKDOWNS, FIGURES, group_title
    from frontdesk.figures.service import Period, compute, value_text
    from frontdesk.jsonable import jsonable

    if args.month and (args.date_from or args.date_to):
        raise CliError(_("Give either --month or --from and --to, not both."))
    if bool(args.date_from) != bool(args.date_to):
        raise CliError(_("Give both --from and --to (the last day is included)."))
    if args.date_from:
        if args.date_to < args.date_from:
            raise CliError(_("The period ends before it begins."))
        period = Period(args.date_from, args.date_to + timedelta(days=1))
    else:
        period = Period.parse_month(args.month) if args.month else Period.month(clock.now().date())
    db = _open(args)
    with db.read() as s:
        figures = compute(s, period)
        currency = str(settings.get(s, "currency"))
    print(_("Figures of {period}, things waiting counted at {moment}").format(
        period=period.label, moment=f"{figures.as_of:%Y-%m-%d %H:%M}"))
    print("\t".join([_("Figure"), _("Breakdown"), _("Group"), _("Value"), _("Numerator"), _("Denominator")]))
    for v in figures.values:
        print("\t".join([FIGURES[v.key].label(), _(BREAKDOWNS[v.breakdown]), group_title(v.breakdown, v.group),
                         value_text(v, currency), "" if v.numerator is None else str(v.numerator),
                         "" if v.denominator is None else str(v.denominator)]))
    if args.json:
        doc = {"period": {"from": period.start, "to": period.last_day}, "as_of": figures.as_of, "currency": currency,
               "figures": [{"key": v.key, "unit": v.unit, "breakdown": v.breakdown, "group": v.group,
                            "value": v.value, "numerator": v.numerator, "denominator": v.denominator}
                           for v in figures.values]}
        args.json.write_text(json.dumps(jsonable(doc), ensure_ascii=False, indent=1), encoding="utf-8")
    return EXIT_OK


__all__ = ["add_parsers", "cmd_figures"]
