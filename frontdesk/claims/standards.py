"""Which maker answers for a brand, and which of its standards is in force
on a day: the two lookups every part of the claims rests on
(docs/rules.md#claims-to-the-makers)."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.claims.models import Maker, MakerBrand, MakerStandard
from frontdesk.errors import NotFound
from frontdesk.i18n import _
from frontdesk.plaintext import one_line

_SPACES = re.compile(r"\s+")


def brand_key(brand: str) -> str:
    """A brand as matched: case and spaces folded ("Little Swan", "LITTLESWAN"
    and " little  swan " are one brand)."""
    return _SPACES.sub("", brand or "").casefold()


def maker_for_brand(session: Session, brand: str) -> Maker | None:
    """The active maker that answers for ``brand``, or None (the shop is not
    authorised for it: no claim)."""
    key = brand_key(brand)
    if not key:
        return None
    return session.scalar(select(Maker).join(MakerBrand, MakerBrand.maker_id == Maker.id)
                          .where(MakerBrand.key == key, Maker.active.is_(True)))


def find_maker(session: Session, code: str) -> Maker:
    """The maker of ``code`` as typed (case and surrounding spaces folded),
    or :class:`NotFound` naming it."""
    wanted = one_line(code or "").strip().upper()
    maker = session.scalar(select(Maker).where(Maker.code == wanted))
    if maker is None:
        raise NotFound(_("No maker has the code {code}: a manager adds it first (frontdesk makers add).").format(
            code=wanted or code))
    return maker


def standard_in_force(session: Session, maker_id: int, day: date) -> MakerStandard | None:
    """The maker's standard in force on ``day`` (the newest taking effect on
    or before it), or None when none had taken effect yet."""
    return session.scalar(select(MakerStandard)
                          .where(MakerStandard.maker_id == maker_id, MakerStandard.effective_from <= day)
                          .order_by(MakerStandard.effective_from.desc()).limit(1))


__all__ = ["brand_key", "find_maker", "maker_for_brand", "standard_in_force"]
