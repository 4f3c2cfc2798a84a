"""Render every printed document, in English and in Simplified Chinese, to
PNG files for looking at (and for the README): ``docs/printing/{en,zh_CN}``.

    .venv/bin/python tools/render_documents.py [--out docs/printing] [--dpi 60]

It fills a fresh demo database in a temporary folder, gives the shop a logo
(a picture drawn here), picks the demo's richest receipt, a ticket with a
pull-back and a loaner, a feedback card and the loaner pool, prints each
document with :mod:`frontdesk.printing.documents` in both languages and
renders the pages with ``pdftoppm`` (poppler-utils).
"""

from __future__ import annotations

import argparse
import base64
import io
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session


def demo_logo() -> bytes:
    """A round red seal with the shop's first character, as a PNG."""
    from importlib import resources

    from PIL import Image, ImageDraw, ImageFont

    size = 240
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((6, 6, size - 6, size - 6), outline=(190, 30, 45, 255), width=14)
    font_path = resources.files("frontdesk") / "resources" / "fonts" / "wqy-microhei.ttc"
    font = ImageFont.truetype(str(font_path), 130, index=0)
    draw.text((size / 2, size / 2), "鸿", font=font, fill=(190, 30, 45, 255), anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def pick(session: Session) -> dict[str, str]:
    """The demo's documents worth looking at."""
    from frontdesk.billing.models import Receipt
    from frontdesk.followup.models import FeedbackCard
    from frontdesk.loaners.models import Loan, PullBack

    receipt = session.scalar(select(Receipt.number).where(Receipt.voided_at.is_(None))
                             .order_by(Receipt.amount.desc(), Receipt.id).limit(1))
    loan_ticket = session.scalar(select(Loan.ticket_id).join(PullBack, PullBack.ticket_id == Loan.ticket_id)
                                 .order_by(Loan.id).limit(1))
    card_ticket = session.scalar(select(FeedbackCard.ticket_id).order_by(FeedbackCard.id).limit(1))
    from frontdesk.db.models import Ticket

    def number(ticket_id: int | None) -> str:
        ticket = session.get(Ticket, ticket_id) if ticket_id else None
        return ticket.number if ticket else ""

    return {"receipt": receipt or "", "loan": number(loan_ticket), "card": number(card_ticket)}


def main(argv: list[str] | None = None) -> int:
    from frontdesk import settings
    from frontdesk.db.migrate import open_database
    from frontdesk.demo import DemoOptions, fill
    from frontdesk.printing import documents

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/printing"))
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is needed (apt-get install poppler-utils)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="frontdesk-render-"))
    db = open_database(f"sqlite:///{work / 'demo.sqlite'}")
    fill(db, DemoOptions(days=12, seed=7, now=datetime(2026, 11, 24, 18, 0)))
    with db.write() as s:
        settings.store(s, {"shop_logo": base64.b64encode(demo_logo()).decode("ascii")})
    with db.read() as s:
        chosen = pick(s)
    print(chosen)
    made: list[Path] = []
    for lang in ("en", "zh_CN"):
        folder = args.out / lang
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.png"):
            old.unlink()
        jobs = {
            "receipt-a5": lambda s, p, lang=lang: documents.print_receipt(s, chosen["receipt"], p, language=lang),
            "receipt-80mm": lambda s, p, lang=lang: documents.print_receipt(s, chosen["receipt"], p, size="80mm", copy=True,
                                                                 language=lang),
            "pullback": lambda s, p, lang=lang: documents.print_pullback(s, chosen["loan"], p, language=lang),
            "agreement": lambda s, p, lang=lang: documents.print_agreement(s, chosen["loan"], p, language=lang),
            "card-a6": lambda s, p, lang=lang: documents.print_feedback_card(s, chosen["card"], p, layout="a6", language=lang),
            "labels": lambda s, p, lang=lang: documents.print_labels(s, None, p, skip=2, language=lang),
        }
        for name, make in jobs.items():
            pdf = work / f"{lang}-{name}.pdf"
            with db.read() as s:
                make(s, pdf)
            subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", "-f", "1", "-l", "1", str(pdf),
                            str(folder / name)], check=True)
            for png in folder.glob(f"{name}-*.png"):  # pdftoppm numbers the page: keep one plain name
                target = folder / f"{name}.png"
                png.replace(target)
                made.append(target)
    for path in made:
        print(path)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
