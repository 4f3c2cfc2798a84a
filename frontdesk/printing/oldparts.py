"""The paper of the old parts that go back to their makers
(docs/rules.md#old-parts-that-go-back): an old part's tag, on the A4 label
sheets of the asset tags (its QR code holds the tag, which the batch scan
reads back), and a return batch's packing list, as an A4 PDF with signature
lines and as an .xlsx workbook for the maker.

Like every document, they print in the shop's language unless the caller
names one (frontdesk.printing.documents); their files are created 0600.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.flowables import Flowable
from sqlalchemy.orm import Session

from frontdesk import settings
from frontdesk.claims import oldparts
from frontdesk.claims.oldparts import BatchView, TagLabel
from frontdesk.headoffice import xlsx
from frontdesk.headoffice.schema import DATE, Column
from frontdesk.i18n import N_, _, ngettext
from frontdesk.printing.base import FONT, draw_qr, fit_text, grid_table, para, register_fonts, shop_header
from frontdesk.printing.documents import document_language
from frontdesk.printing.labels import LABEL_H, LABEL_W, label_sheet
from frontdesk.private_files import new_file

WIDTH = A4[0] - 30 * mm


# -- the tags --------------------------------------------------------------------------------------


def _draw_tag(c: Canvas, label: TagLabel, x: float, y: float) -> None:
    qr = LABEL_H - 8 * mm
    draw_qr(c, label.tag, x + 2 * mm, y + 4 * mm, qr)
    left = x + 3 * mm + qr
    inner = x + LABEL_W - 3 * mm - left
    top = y + LABEL_H - 7 * mm
    fit_text(c, _("Old part for {maker}").format(maker=label.maker_name), left, top, inner, 7)
    fit_text(c, label.tag, left, top - 5 * mm, inner, 10)
    lines = [_("Ticket {number}").format(number=label.ticket_number),
             _("Part no. {part_no}").format(part_no=label.part_no),
             _("Old S/N {serial}").format(serial=label.old_serial or "-"), label.description]
    for n, line in enumerate(lines):
        fit_text(c, line, left, top - (10 + 4 * n) * mm, inner, 7)


def write_old_part_tags(labels: list[TagLabel], path: Path | str, skip: int = 0, outline: bool = False) -> Path:
    """One label per old part, on A4 sheets of 3 x 8 labels; ``skip`` leaves
    that many labels of a partly used sheet empty."""
    return label_sheet(path, _("Old part tags"), labels, _draw_tag, skip, outline)


def print_old_part_tags(session: Session, path: Path | str, ticket_number: str | None = None,
                        claim_number: str | None = None, skip: int = 0, language: str | None = None) -> Path:
    """The tags of the old parts a ticket's (or a claim's) maker wants back."""
    labels = oldparts.tag_labels(session, ticket_number, claim_number)
    with document_language(session, language):
        return write_old_part_tags(labels, new_file(path), skip=skip)


# -- the packing list ------------------------------------------------------------------------------


def _facts(view: BatchView) -> list[tuple[str, str]]:
    return [
        (_("Maker"), f"{view.maker_name} ({view.maker_code})"),
        (_("Return batch"), view.number),
        (_("Shipped on"), view.shipped_on.isoformat() if view.shipped_on else _("not shipped yet")),
        (_("Carrier"), view.carrier or "-"),
        (_("Waybill number"), view.waybill or "-"),
        (_("Old parts in the box"), str(len(view.parts))),
    ]


def _story(view: BatchView, shop: str) -> list[Flowable]:
    story: list[Flowable] = [para(shop, 14), para(_("Old parts packing list {batch}").format(batch=view.number), 13),
                             Spacer(1, 3 * mm)]
    story.append(grid_table([list(pair) for pair in _facts(view)], [WIDTH * 0.3, WIDTH * 0.7], header=False,
                                numbers_right=False))
    story.append(Spacer(1, 4 * mm))
    story.append(grid_table(
        [[_("No."), _("Tag"), _("Ticket"), _("Part no."), _("Description"), _("Old S/N"), _("Claim")]] +
        [[str(n), p.tag, p.ticket_number, p.part_no, p.description, p.old_serial, p.claim_number]
         for n, p in enumerate(view.parts, start=1)],
        [w * WIDTH for w in (0.05, 0.14, 0.14, 0.13, 0.20, 0.19, 0.15)], numbers_right=False))
    story.append(Spacer(1, 2 * mm))
    story.append(para(ngettext("{count} old part in this box.", "{count} old parts in this box.",
                               len(view.parts)).format(count=len(view.parts)), 9))
    if view.note:
        story += [Spacer(1, 2 * mm), para(_("Note: {note}").format(note=view.note), 9)]
    line = "_" * 22
    who = [_("Packed by"), _("Carrier"), _("Received by the maker")]
    signatures = Table([[para(w, 9) for w in who], [para(line, 9)] * 3, [para(_("Signature and date"), 7.5)] * 3],
                       colWidths=[WIDTH / 3] * 3)
    story.append(KeepTogether([Spacer(1, 12 * mm), signatures]))
    return story


def write_packing_list(view: BatchView, path: Path | str, shop: str = "") -> Path:
    """The packing list of ``view`` as an A4 PDF at ``path``."""
    register_fonts()
    out = Path(path)
    title = _("Old parts packing list {batch}").format(batch=view.number)
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=title)

    def footer(canvas: object, document: object) -> None:
        assert isinstance(canvas, Canvas)
        canvas.setFont(FONT, 7)
        canvas.drawRightString(A4[0] - 15 * mm, 8 * mm, _("{shop} · return batch {batch} · page {page}").format(
            shop=shop, batch=view.number, page=canvas.getPageNumber()))

    doc.build(_story(view, shop), onFirstPage=footer, onLaterPages=footer)
    return out


# The workbook's columns: one row a part, each row with its batch's facts (the maker filters and sorts them).
PACKING_COLUMNS = (
    Column("batch", N_("Return batch"), width=16),
    Column("maker", N_("Maker"), width=16),
    Column("tag", N_("Old-part tag"), width=16),
    Column("ticket", N_("Ticket"), width=16),
    Column("part_no", N_("Part no."), width=16),
    Column("description", N_("Description"), width=28),
    Column("old_serial", N_("Old S/N"), width=20),
    Column("claim", N_("Claim"), width=16),
    Column("shipped_on", N_("Shipped on"), DATE, width=12),
    Column("carrier", N_("Carrier"), width=16),
    Column("waybill", N_("Waybill number"), width=20),
)


def write_packing_workbook(view: BatchView, path: Path | str, currency: str = "CNY") -> Path:
    """The packing list of ``view`` as an .xlsx workbook: one sheet named
    after the batch, one row a part."""
    wb = xlsx.new_workbook()
    try:
        sheet = xlsx.SheetWriter(wb, view.number, PACKING_COLUMNS, currency)
        sheet.extend([view.number, view.maker_code, p.tag, p.ticket_number, p.part_no, p.description, p.old_serial,
                      p.claim_number, view.shipped_on, view.carrier, view.waybill] for p in view.parts)
        sheet.finish()
    except BaseException:
        xlsx.discard(wb)
        raise
    return xlsx.save(wb, Path(path))


def print_packing_list(session: Session, batch_number: str, path: Path | str, language: str | None = None) -> Path:
    """Return batch ``batch_number``'s packing list as an A4 PDF."""
    view = oldparts.batch_view(session, oldparts.find_batch(session, batch_number).id)
    with document_language(session, language):
        return write_packing_list(view, new_file(path), shop_header(session).name)


def export_packing_list(session: Session, batch_number: str, path: Path | str, language: str | None = None) -> Path:
    """Return batch ``batch_number``'s packing list as an .xlsx workbook."""
    view = oldparts.batch_view(session, oldparts.find_batch(session, batch_number).id)
    with document_language(session, language):
        return write_packing_workbook(view, path, str(settings.get(session, "currency")))


__all__ = ["PACKING_COLUMNS", "export_packing_list", "print_old_part_tags", "print_packing_list",
           "write_old_part_tags", "write_packing_list", "write_packing_workbook"]
