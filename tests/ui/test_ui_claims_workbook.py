"""The head-office workbook's claims sheet, read back into the Claims page's
rows, gives the totals line the page shows for the same claims
(frontdesk/ui/claims.py totals_text)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from frontdesk import settings
from frontdesk.claims import service as claims
from frontdesk.ui.claims import totals_text
from tests.headoffice.test_workbook_claims import FROM, TO, export, first_shop, money, rows
from tests.headoffice.test_workbook_claims import shops as shops  # the fixture


def test_the_workbooks_claims_add_up_to_the_claims_pages_totals(shops: Any, tmp_path: Path) -> None:
    shop, _ids, _batch = first_shop(shops)
    path = export(shop, tmp_path / "S01.xlsx")
    with shop.db.read() as s:
        page = [r for r in claims.list_claims(s, today=TO) if FROM <= r.repaired_on <= TO]
        currency = str(settings.get(s, "currency"))
    book = [claims.ClaimRow(0, r["claim_no"], r["ticket_no"], r["maker"], r["maker"], r["state"], r["repaired_on"].date(),
                            r["claim_due"].date(), "", money(r["amount_claimed"]) or Decimal(0), money(r["amount_paid"]),
                            money(r["short"]) or Decimal(0), r["service_order_no"] or "", r["maker_claim_no"] or "",
                            False) for r in rows(path, "claims")]
    assert totals_text(book, currency) == totals_text(page, currency) == (
        "3 claims: claimed ¥479.00, paid ¥143.00, short ¥20.00, rejected ¥153.00")
