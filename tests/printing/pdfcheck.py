"""Helpers to check printed PDFs: text, embedded fonts, page size, ink."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, PdfObject

MM = 72 / 25.4


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def embedded_fonts(path: Path) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(str(path)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for desc_font in font.get("/DescendantFonts", [font]):
                d = desc_font.get_object().get("/FontDescriptor")
                if d is not None and any(k in d.get_object() for k in ("/FontFile2", "/FontFile", "/FontFile3")):
                    names.add(str(font.get("/BaseFont")))
    return names


def dictionary(obj: PdfObject) -> DictionaryObject:
    """``obj`` as the dictionary it is: pypdf types what a dictionary entry
    holds only as a PdfObject (a page's "/Resources" and their "/XObject"
    or "/Font" are dictionaries)."""
    assert isinstance(obj, DictionaryObject), type(obj)
    return obj


def page_size_mm(path: Path, page: int = 0) -> tuple[float, float]:
    box = PdfReader(str(path)).pages[page].mediabox
    return float(box.width) / MM, float(box.height) / MM


def render_png(path: Path, out_prefix: Path, dpi: int = 50) -> list[Path]:
    """Pages as PNG via pdftoppm (poppler-utils), for a look and an ink check."""
    if shutil.which("pdftoppm") is None:
        return []
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(out_prefix)], check=True)
    return sorted(out_prefix.parent.glob(out_prefix.name + "*.png"))


def ink_bounds(png: Path) -> tuple[float, float, float, float] | None:
    """Fraction of the page (left, top, right, bottom) holding non-white pixels."""
    from PySide6.QtGui import QImage

    img = QImage(str(png))
    w, h = img.width(), img.height()
    xs, ys = [], []
    step = 2
    for y in range(0, h, step):
        for x in range(0, w, step):
            if img.pixelColor(x, y).lightness() < 200:
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    return min(xs) / w, min(ys) / h, max(xs) / w, max(ys) / h
