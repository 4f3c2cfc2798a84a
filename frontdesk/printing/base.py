"""What every printed document shares: the embedded CJK font, the shop's
header, wrapped text, QR codes and barcodes.

The font is WenQuanYi Micro Hei, shipped in ``resources/fonts`` and embedded
(subset) in every PDF, so Chinese prints on a machine with no Chinese fonts.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

import zxingcpp
from PIL import Image, ImageOps
from reportlab.graphics.barcode import code128
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from frontdesk import settings
from frontdesk.paths import resource

log = logging.getLogger(__name__)

FONT = "FrontDeskSans"


@cache
def register_fonts() -> str:
    """Register the shipped font once per process; returns its name."""
    path = resource("fonts", "wqy-microhei.ttc")
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    return FONT


@dataclass(frozen=True)
class ShopHeader:
    name: str
    address: str = ""
    phone: str = ""
    footer: str = ""
    logo: bytes | None = None  # PNG or JPEG


def shop_header(session: Any) -> ShopHeader:
    data = settings.load(session)
    return ShopHeader(data["shop_name"], data["shop_address"], data["shop_phone"], data["receipt_footer"],
                      settings.decode_logo(data["shop_logo"]))


@lru_cache(maxsize=4)
def _logo_image(logo: bytes) -> Any:
    """The logo read once (the same picture goes on every document), or
    None when it cannot be read: a bad picture never stops a receipt."""
    try:
        image = ImageReader(BytesIO(logo))
        image.getSize()
    except Exception:
        log.warning("the shop logo cannot be read; printing without it", exc_info=True)
        return None
    return image


def logo_size(logo: bytes | None, max_w: float, max_h: float) -> tuple[float, float]:
    """The width and height the logo takes scaled into ``max_w`` x ``max_h``
    ((0, 0) when there is none)."""
    image = _logo_image(logo) if logo else None
    if image is None:
        return 0.0, 0.0
    iw, ih = image.getSize()
    scale = min(max_w / iw, max_h / ih)
    return float(iw * scale), float(ih * scale)


def draw_logo(canvas: Canvas, logo: bytes | None, x: float, y_top: float, max_w: float, max_h: float,
              align: str = "left") -> float:
    """The shop's logo with its top at ``y_top``, scaled to fit ``max_w`` x
    ``max_h``; returns the width used (0 when there is no logo)."""
    w, h = logo_size(logo, max_w, max_h)
    if w:
        left = x + (max_w - w) / 2 if align == "center" else x
        canvas.drawImage(_logo_image(logo), left, y_top - h, w, h, mask="auto")
    return w


def logo_height(logo: bytes | None, max_w: float, max_h: float) -> float:
    """The height :func:`draw_logo` will use."""
    return logo_size(logo, max_w, max_h)[1]


@cache
def style(size: float = 9, leading: float | None = None, align: int = 0) -> ParagraphStyle:
    """One style per size and alignment, made once (a receipt has dozens of
    paragraphs; reportlab only reads a style)."""
    register_fonts()
    return ParagraphStyle(
        name=f"fd{size}-{align}", fontName=FONT, fontSize=size, leading=leading or size * 1.3,
        alignment=align, wordWrap="CJK",
    )


def para(text: str, size: float = 9, align: int = 0) -> Paragraph:
    """Wrapped text: long names and addresses wrap instead of running off the edge.
    (``wordWrap="CJK"`` breaks between any two characters, which Chinese needs.)"""
    return Paragraph(escape(text or "").replace("\n", "<br/>"), style(size, align=align))


def draw_para(canvas: Canvas, text: str, x: float, y_top: float, width: float, size: float = 9,
              max_height: float | None = None) -> float:
    """Draw wrapped text with its top at ``y_top``; shrinks the size until it
    fits ``max_height``.  Returns the height used."""
    while True:
        p = para(text, size)
        _w, h = p.wrap(width, 10_000)
        if max_height is None or h <= max_height or size <= 5:
            p.drawOn(canvas, x, y_top - h)
            return float(h)
        size -= 0.5


def fit_text(canvas: Canvas, text: str, x: float, y: float, max_width: float, size: float,
             align: str = "left", min_size: float = 5) -> None:
    """One line of text, shrunk until it fits ``max_width``."""
    register_fonts()
    while size > min_size and pdfmetrics.stringWidth(text, FONT, size) > max_width:
        size -= 0.25
    canvas.setFont(FONT, size)
    if align == "center":
        canvas.drawCentredString(x, y, text)
    elif align == "right":
        canvas.drawRightString(x, y, text)
    else:
        canvas.drawString(x, y, text)


QR_QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    """The QR code of ``value`` in a ``size`` square at ``x``, ``y`` (quiet
    zone included), encoded by zxing-cpp (error correction M, the mask the
    standard's penalty rules choose; in C++, 0.1 ms where segno's mask
    scoring in Python took 7-9 ms, half of a receipt's time) and placed as
    a one-bit image, one pixel a module: a few bytes in the PDF where
    drawing each dark run as a rectangle wrote some six hundred numbers."""
    code = zxingcpp.create_barcode(value, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    modules = code.to_image(scale=1, add_quiet_zones=False)  # one byte a module: 0 dark, 255 light
    rows, columns = modules.shape
    # (the Image has the buffer protocol; zxing-cpp's type stub does not say so)
    image = Image.frombytes("L", (columns, rows), bytes(memoryview(modules)))  # type: ignore[arg-type]
    image = ImageOps.expand(image, border=QR_QUIET_ZONE, fill=255).convert("1")
    canvas.drawImage(ImageReader(image), x, y, size, size)


def draw_code128(canvas: Canvas, value: str, x: float, y: float, width: float, height: float) -> None:
    """A Code128 barcode scaled to ``width`` (a USB scanner reads it back as text)."""
    barcode = code128.Code128(value, barHeight=height, barWidth=1, quiet=False)
    scale = width / barcode.width
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(scale, 1)
    barcode.drawOn(canvas, 0, 0)
    canvas.restoreState()


def grid_table(rows: Sequence[Sequence[str]], widths: Sequence[float], header: bool = True,
               numbers_right: bool = True) -> Table:
    """A table of wrapped text in a grey grid, the header row (``header``)
    shaded and repeated on each page; amounts aligned right (``numbers_right``:
    not where digits are codes, a part number or a date)."""
    cells = [[para(str(c), 8.5, align=2 if i and numbers_right and numeric_text(str(c)) else 0)
              for i, c in enumerate(row)]
             for row in rows]
    table = Table(cells, colWidths=list(widths), repeatRows=1 if header else 0)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")))
    table.setStyle(TableStyle(commands))
    return table


def numeric_text(text: str) -> bool:
    stripped = text.replace("¥", "").replace(",", "").replace("-", "").replace(".", "").strip()
    return stripped.isdigit()
