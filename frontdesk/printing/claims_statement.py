"""A maker's monthly statement on A4 landscape (docs/rules.md#the-monthly-statement):
the claims of the month as they stand, then claimed, paid, short, rejected,
appealed, the deductions and what the maker pays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable
from sqlalchemy.orm import Session

from frontdesk import settings
from frontdesk.claims import service
from frontdesk.claims.statement import Statement, monthly_statement
from frontdesk.i18n import _, ngettext
from frontdesk.money import format_money
from frontdesk.printing.base import FONT, grid_table, para, register_fonts, shop_header
from frontdesk.printing.documents import document_language
from frontdesk.private_files import new_file

PAGE = landscape(A4)  # a row per claim with nine columns: across the page
WIDTH = PAGE[0] - 30 * mm


def _title(st: Statement) -> str:
    return _("Claims statement of {maker} for {month:%Y-%m}").format(maker=f"{st.maker_name} ({st.maker_code})",
                                                                      month=st.month)


def _story(st: Statement, shop: str, currency: str) -> list[Flowable]:
    def m(amount: object) -> str:
        return format_money(amount, currency) if amount is not None else ""  # type: ignore[arg-type]

    story: list[Flowable] = [para(shop, 14), para(_title(st), 13), Spacer(1, 3 * mm)]
    header = [_("Claim"), _("Ticket"), _("Repaired on"), _("State"), _("Maker's claim"), _("Claimed"), _("Paid"),
              _("Short"), _("Maker's reason")]
    body = [[r.number, r.ticket_number, r.repaired_on.isoformat(), service.state_label(r.state), r.maker_claim_no,
             m(r.claimed), m(r.paid), m(r.short) if r.short else "", r.reason] for r in st.rows]
    story.append(grid_table([header, *body], [w * WIDTH for w in (0.11, 0.11, 0.09, 0.07, 0.11, 0.09, 0.09, 0.08, 0.25)]))
    story.append(Spacer(1, 2 * mm))
    story.append(para(ngettext("{n} claim of repairs done in the month.", "{n} claims of repairs done in the month.",
                               len(st.rows)).format(n=len(st.rows)), 9))
    story.append(Spacer(1, 3 * mm))
    totals = [
        [_("Claimed"), m(st.claimed)], [_("Paid"), m(st.paid)], [_("Short"), m(st.short)],
        [_("Rejected"), m(st.rejected)],
        [_("Appealed"), ngettext("{n} claim", "{n} claims", st.appealed).format(n=st.appealed)],
        [_("Deducted"), m(st.deducted)], [_("The maker pays"), m(st.received)],
    ]
    story.append(grid_table(totals, [WIDTH * 0.3, WIDTH * 0.25], header=False))
    if st.deductions:
        story.append(Spacer(1, 3 * mm))
        story.append(para(_("Deductions of the month"), 10))
        story.append(grid_table([[_("Claim"), _("Amount"), _("Reason")]] +
                                [[number or _("the month"), m(amount), reason] for number, amount, reason in st.deductions],
                                [WIDTH * 0.2, WIDTH * 0.2, WIDTH * 0.6]))
    return story


def write_statement(st: Statement, path: Path | str, shop: str = "", currency: str = "CNY") -> Path:
    register_fonts()
    out = Path(path)
    doc = SimpleDocTemplate(str(out), pagesize=PAGE, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=_title(st))

    def footer(canvas: object, _document: object) -> None:
        assert isinstance(canvas, Canvas)
        canvas.setFont(FONT, 7)
        canvas.drawRightString(PAGE[0] - 15 * mm, 8 * mm, _("{shop} · {title} · page {page}").format(
            shop=shop, title=_title(st), page=canvas.getPageNumber()))

    doc.build(_story(st, shop, currency), onFirstPage=footer, onLaterPages=footer)
    return out


def print_statement(session: Session, maker_code: str, month: date, path: Path | str,
                    language: str | None = None) -> Path:
    """``maker_code``'s statement of the month of ``month`` as an A4 (landscape) PDF."""
    st = monthly_statement(session, maker_code, month)
    with document_language(session, language):
        return write_statement(st, new_file(path), shop_header(session).name, str(settings.get(session, "currency")))


__all__ = ["print_statement", "write_statement"]
