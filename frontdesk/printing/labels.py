"""Asset-tag labels for loaner units: Code128 tag + text, 24 to an A4 sheet
(3 x 8 labels of 70 x 37 mm, the common laser label sheet)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from frontdesk.i18n import _
from frontdesk.intake.warranty import category_label
from frontdesk.printing.base import draw_code128, fit_text, register_fonts

COLS, ROWS = 3, 8
T = TypeVar("T")
LABEL_W, LABEL_H = 70 * mm, 37 * mm


@dataclass(frozen=True)
class LabelData:
    tag: str
    category: str  # the category's key (printed translated) or a label
    model: str = ""
    shop: str = ""


def label_sheet(path: Path | str, title: str, items: Sequence[T], draw: Callable[[Canvas, T, float, float], None],
                skip: int = 0, outline: bool = False) -> Path:
    """Each of ``items`` drawn by ``draw(canvas, item, x, y)`` on a label of
    A4 sheets (``x``, ``y``: the label's bottom-left corner; a new sheet
    every 24), after ``skip`` labels left empty on the first sheet (a sheet
    already partly used); ``outline`` draws the labels' edges."""
    register_fonts()
    path = Path(path)
    c = Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    top_margin = (A4[1] - ROWS * LABEL_H) / 2
    per_sheet = COLS * ROWS
    for i, item in enumerate(items, start=skip):
        if i and i % per_sheet == 0 and i != skip:
            c.showPage()
        slot = i % per_sheet
        col, row = slot % COLS, slot // COLS
        x = col * LABEL_W
        y = A4[1] - top_margin - (row + 1) * LABEL_H
        if outline:
            c.setLineWidth(0.25)
            c.rect(x, y, LABEL_W, LABEL_H)
        draw(c, item, x, y)
    c.showPage()
    c.save()
    return path


def _draw_label(c: Canvas, label: LabelData, x: float, y: float) -> None:
    pad = 4 * mm
    inner = LABEL_W - 2 * pad
    fit_text(c, label.shop or _("Loaner"), x + pad, y + LABEL_H - pad - 2 * mm, inner, 7)
    draw_code128(c, label.tag, x + pad, y + 12 * mm, inner, 12 * mm)
    fit_text(c, label.tag, x + LABEL_W / 2, y + 7.5 * mm, inner, 10, align="center")
    fit_text(c, " · ".join(p for p in (category_label(label.category), label.model) if p), x + LABEL_W / 2, y + 3.5 * mm,
             inner, 7, align="center")


def write_labels(labels: list[LabelData], path: Path | str, skip: int = 0, outline: bool = False) -> Path:
    """Labels to ``path``; ``skip`` leaves that many labels empty at the start
    of the first sheet (a sheet already partly used)."""
    return label_sheet(path, _("Loaner asset tags"), labels, _draw_label, skip, outline)
