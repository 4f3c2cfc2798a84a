"""Feedback cards and asset-tag labels, checked by their text, fonts and ink."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pdfcheck import dictionary, embedded_fonts, ink_bounds, page_size_mm, pdf_text, render_png
from pypdf import PdfReader

from frontdesk import i18n
from frontdesk.printing.base import ShopHeader
from frontdesk.printing.feedback_card import CardData, write_feedback_cards
from frontdesk.printing.labels import LabelData, write_labels

SHOP = ShopHeader("鸿运家电维修中心", "北京市海淀区中关村大街1号", "010-12345678")
CARD = CardData("C2026-000042", "T2026-000123", date(2026, 11, 24), "刘师傅", "张三", "Haier 冰箱 BCD-215")


@pytest.mark.parametrize("layout,size", [("a4", (210, 297)), ("a6", (105, 148))])
def test_feedback_card_fields_font_and_ink(tmp_path: Path, layout: str, size: tuple[int, int]) -> None:
    path = write_feedback_cards([CARD] * 5, tmp_path / "cards.pdf", SHOP, layout=layout)
    text = pdf_text(path)
    for field in ("C2026-000042", "T2026-000123", "2026-11-24", "刘师傅", "鸿运家电维修中心",
                  "Repair quality", "Service attitude", "Satisfied", "Not satisfied", "Comment", "signature"):
        assert field in text
    assert any("WenQuanYiMicroHei" in f for f in embedded_fonts(path))
    w, h = page_size_mm(path)
    assert (round(w), round(h)) == size
    pngs = render_png(path, tmp_path / "page")
    if pngs:
        bounds = ink_bounds(pngs[0])
        assert bounds is not None
        left, top, right, bottom = bounds
        assert left > 0 and top > 0 and right < 1 and bottom < 1


def test_feedback_card_in_chinese(tmp_path: Path) -> None:
    i18n.set_language("zh_CN")
    path = write_feedback_cards([CARD], tmp_path / "card.pdf", SHOP, layout="a6")
    text = pdf_text(path)
    assert "维修质量" in text and "服务态度" in text and "满意" in text


def test_labels_carry_the_tag_and_fill_sheets(tmp_path: Path) -> None:
    labels = [LabelData(f"L-{i:04d}", "冰箱", "BCD-215", "鸿运") for i in range(1, 27)]
    path = write_labels(labels, tmp_path / "labels.pdf")
    text = pdf_text(path)
    assert all(f"L-{i:04d}" in text for i in range(1, 27))
    from pypdf import PdfReader

    assert len(PdfReader(str(path)).pages) == 2  # 24 on the first sheet, 2 on the next
    pngs = render_png(path, tmp_path / "lab")
    if pngs:
        assert ink_bounds(pngs[0]) is not None


def test_labels_skip_used_places(tmp_path: Path) -> None:
    path = write_labels([LabelData("L-0001", "TV")], tmp_path / "one.pdf", skip=23)
    assert "L-0001" in pdf_text(path)


def test_pullback_and_agreement_wrap_long_text_inside_the_page(tmp_path: Path) -> None:
    import io
    from datetime import datetime
    from decimal import Decimal

    from PIL import Image

    from frontdesk.printing.pullback import AgreementData, PullbackData, write_loaner_agreement, write_pullback_receipt

    picture = io.BytesIO()
    Image.new("RGB", (600, 200), (30, 30, 30)).save(picture, format="PNG")
    shop = ShopHeader("鸿运家电维修中心" * 4, "北京市海淀区中关村南大街12号鸿运大厦一层东侧第三间铺面" * 3, "010-6288 1234",
                      logo=picture.getvalue())
    long_name = "欧阳" + "娜" * 40
    pullback = PullbackData(shop, "T2026-000123", long_name, "13812345678", "refrigerator", "海尔 Haier", "BCD-470WDPG",
                            "HA" + "7" * 60, ["电源线"] * 15, ["外观完好，门封条略旧"] * 8, "右侧有划痕" * 20,
                            date(2026, 11, 28), datetime(2026, 11, 24, 10, 5), "li")
    agreement = AgreementData(shop, "T2026-000123", long_name, "13812345678", "L-0007", "refrigerator", "BCD-100",
                              "SN-L-0007", "屏幕有轻微划痕" * 12, Decimal("300.00"), date(2026, 11, 28),
                              datetime(2026, 11, 24, 10, 5), "li")
    for name, path in (("pb", write_pullback_receipt(pullback, tmp_path / "pb.pdf")),
                       ("ag", write_loaner_agreement(agreement, tmp_path / "ag.pdf"))):
        text = "".join(pdf_text(path).split())
        assert "T2026-000123" in text and "娜娜娜" in text and "Refrigerator" in text
        page = PdfReader(str(path)).pages[0]
        xobjects = dictionary(dictionary(page["/Resources"])["/XObject"])
        assert any(obj.get_object()["/Subtype"] == "/Image" for obj in xobjects.values())
        pngs = render_png(path, tmp_path / name)
        if pngs:
            for png in pngs:
                bounds = ink_bounds(png)
                assert bounds is not None
                left, top, right, bottom = bounds
                assert left > 0.02 and top > 0.02 and right < 0.98 and bottom < 0.98, (name, bounds)
